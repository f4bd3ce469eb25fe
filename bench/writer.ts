/*
 * How fast the lean xlsx writer (src/io/xlsx-write) renders our layouts, against the ExcelJS
 * renderer (test/support/exceljs-renderer.ts), on the same layouts in one run:
 *
 *   node bench/run.mjs writer          a template, a 130-commune province, the whole country
 *   node bench/run.mjs writer quick    the same without the country (ExcelJS takes seconds on it)
 *
 * Three contenders: the ExcelJS renderer, the portable writer (fflate's deflate, as in the browser)
 * and the same writer with Node's zlib deflating (src/io/node/xlsx-write.ts).
 *
 * The layouts come from the real layout functions (test/io/xlsx-write/layouts.ts): the province and
 * the country are consolidated from generated CSV submissions first, which is not timed.
 */
import type { WorkbookLayout } from "../src/core/layout/types";
import { renderWorkbook } from "../test/support/exceljs-renderer";
import { writeLayoutXlsx } from "../src/io/xlsx-write";
import { writeLayoutXlsxNode } from "../src/io/node/xlsx-write";
import { readXlsx } from "../src/io/xlsx-read";
import { officialSummaryLayout, templateLayout } from "../test/io/xlsx-write/layouts";

interface Case {
  label: string;
  layout: WorkbookLayout;
  /** Rounds for each contender: ExcelJS on the country takes several seconds a round. */
  rounds: number;
}

function cellCount(layout: WorkbookLayout): number {
  let n = 0;
  for (const s of layout.sheets) for (const row of s.cells) for (const c of row) if (c) n++;
  return n;
}

function ms(t: number): string {
  return `${t.toFixed(t < 100 ? 1 : 0)} ms`.padStart(10);
}

/**
 * Rounds interleave the contenders and each keeps its best: on a shared machine noise only ever
 * adds time. One untimed round first, so neither pays for compiling its code.
 */
async function measure(c: Case): Promise<void> {
  const contenders = [
    { label: "ExcelJS renderer", run: () => renderWorkbook(c.layout), best: Infinity, size: 0 },
    { label: "writeLayoutXlsx", run: async () => writeLayoutXlsx(c.layout), best: Infinity, size: 0 },
    {
      label: "writeLayoutXlsxNode (zlib deflate)",
      run: async () => writeLayoutXlsxNode(c.layout),
      best: Infinity,
      size: 0,
    },
  ];
  for (const k of contenders) {
    const bytes = await k.run();
    // A time means something only for a file that reads back.
    const check = readXlsx(bytes, "x.xlsx");
    if (!check.ok) throw new Error(`${k.label}: ${check.message.en}`);
    k.size = bytes.length;
  }
  for (let round = 0; round < c.rounds; round++) {
    for (const k of contenders) {
      const t0 = performance.now();
      await k.run();
      k.best = Math.min(k.best, performance.now() - t0);
    }
  }
  const cells = cellCount(c.layout);
  console.log(`${c.label}: ${c.layout.sheets.length} sheets, ${cells.toLocaleString("en")} cells`);
  for (const k of contenders) {
    console.log(
      `  ${k.label.padEnd(34)} ${ms(k.best)}  ${((k.best * 1000) / cells).toFixed(2).padStart(6)} µs/cell  ${(k.size / 1024).toFixed(0).padStart(6)} KB`,
    );
  }
  const [exceljs, ours, node] = contenders as [
    (typeof contenders)[0],
    (typeof contenders)[0],
    (typeof contenders)[0],
  ];
  console.log(
    `  ExcelJS / writeLayoutXlsx: ${(exceljs.best / ours.best).toFixed(1)}×   ExcelJS / writeLayoutXlsxNode: ${(exceljs.best / node.best).toFixed(1)}×\n`,
  );
}

async function main(): Promise<void> {
  const quick = process.argv[2] === "quick";
  process.stdout.write("building the layouts … ");
  const cases: Case[] = [
    { label: "template ktxh-xa", layout: templateLayout("ktxh-xa"), rounds: 20 },
    { label: "summary of a 130-commune province (40)", layout: officialSummaryLayout("40"), rounds: 10 },
  ];
  if (!quick)
    cases.push({
      label: "national summary (3,321 communes)",
      layout: officialSummaryLayout("VN"),
      rounds: 3,
    });
  console.log("done\n");
  for (const c of cases) await measure(c);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
