/*
 * How fast the xlsx reader is against the floor (fflate inflating every entry, parsing nothing)
 * and against ExcelJS's full model, on the same template workbooks in one run.
 *
 *   node bench/run.mjs xlsx-reader [count]
 *
 * The workbooks (filled templates, one unit code each) are written once into .bench-cache/ and
 * reused: writing them with ExcelJS takes longer than reading them.
 */
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { TEMPLATES } from "../src/core/catalog/templates";
import { templateWorkbook, TEMPLATE_GEOMETRY } from "../src/core/layout/template-layout";
import { parsePeriod } from "../src/core/periods";
import { readXlsx } from "../src/io/xlsx";
import { layoutToWorkbook } from "../src/io/xlsx-writer";

const COUNT = Number(process.argv[2] ?? 1000);
const DIR = join(".bench-cache", "xlsx-reader", `templates-${COUNT}`);

/** A template for one unit with its numerators, denominators and values filled in, as a commune would. */
async function filledTemplate(i: number): Promise<Uint8Array> {
  const template = TEMPLATES.find((t) => t.id === "ktxh-xa")!;
  const code = String(10000 + i).padStart(5, "0");
  const wb = layoutToWorkbook(
    templateWorkbook({
      template,
      unit: { code, name: `Xã ${code}` },
      period: parsePeriod("2026")!,
      lang: "vi",
    }),
  );
  const ws = wb.worksheets[0]!;
  for (let r = TEMPLATE_GEOMETRY.firstBodyRow; r <= ws.rowCount; r++) {
    if (typeof ws.getCell(r, 2).value !== "string" || ws.getCell(r, 2).value === "") continue;
    const den = 1000 + ((i * 7 + r * 13) % 5000);
    ws.getCell(r, 5).value = Math.floor(den * 0.4);
    ws.getCell(r, 6).value = den;
    if (ws.getCell(r, 7).formula === undefined) ws.getCell(r, 7).value = den * 1.5;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function inputs(): Promise<Uint8Array[]> {
  if (!existsSync(DIR) || readdirSync(DIR).length < COUNT) {
    mkdirSync(DIR, { recursive: true });
    process.stdout.write(`writing ${COUNT} workbooks into ${DIR} … `);
    for (let i = 0; i < COUNT; i++) writeFileSync(join(DIR, `${i}.xlsx`), await filledTemplate(i));
    console.log("done");
  }
  return Array.from({ length: COUNT }, (_, i) => new Uint8Array(readFileSync(join(DIR, `${i}.xlsx`))));
}

async function time(label: string, files: Uint8Array[], run: (b: Uint8Array) => unknown): Promise<number> {
  // One pass to warm the JIT, then the best of three: the figure is the code's, not the machine's noise.
  for (const b of files.slice(0, 50)) await run(b);
  let best = Infinity;
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now();
    for (const b of files) await run(b);
    best = Math.min(best, performance.now() - t0);
  }
  console.log(
    `${label.padEnd(44)} ${(best / 1000).toFixed(3).padStart(7)} s  ${Math.round((files.length / best) * 1000)
      .toString()
      .padStart(6)} files/s`,
  );
  return best;
}

async function main(): Promise<void> {
  const files = await inputs();
  const bytes = files.reduce((n, f) => n + f.length, 0);
  console.log(`${files.length} workbooks, ${(bytes / files.length / 1024).toFixed(1)} KB each on average\n`);

  // Every reader must agree that the files are good before its time means anything.
  const check = readXlsx(files[0]!, "0.xlsx", { tables: ["ChiTieu"] });
  if (!check.ok || check.doc.tables.length !== 1) throw new Error("the reader failed on a template");

  const floor = await time("fflate unzipSync, every entry (floor)", files, (b) => unzipSync(b));
  const table = await time("readXlsx, tables: [ChiTieu]", files, (b) => {
    const r = readXlsx(b, "x.xlsx", { tables: ["ChiTieu"] });
    if (!r.ok) throw new Error(r.message.en);
  });
  const all = await time("readXlsx, every sheet", files, (b) => {
    const r = readXlsx(b, "x.xlsx");
    if (!r.ok) throw new Error(r.message.en);
  });
  const exceljs = await time(
    "ExcelJS xlsx.load (full model)",
    files.slice(0, Math.min(300, files.length)),
    (b) => new ExcelJS.Workbook().xlsx.load(b as unknown as ExcelJS.Buffer),
  );
  const exceljsAll = (exceljs * files.length) / Math.min(300, files.length);

  console.log("");
  console.log(`readXlsx (ChiTieu) / floor:   ${(table / floor).toFixed(2)}×`);
  console.log(`readXlsx (all sheets) / floor: ${(all / floor).toFixed(2)}×`);
  console.log(
    `ExcelJS / readXlsx (ChiTieu): ${(exceljsAll / table).toFixed(1)}× (ExcelJS timed on ≤300 files, scaled)`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
