/*
 * How fast the xlsx reader is against the floor (fflate inflating every entry, parsing nothing)
 * and against ExcelJS's full model, on the same template workbooks in one run.
 *
 *   node bench/run.mjs xlsx-reader [count]   many template workbooks (default 1,000)
 *   node bench/run.mjs xlsx-reader big       one summary-sized sheet: 3,321 units × 40 indicators
 *   node bench/run.mjs xlsx-reader scanners [count]   the XML scanner against saxes (below)
 *
 * The workbooks are written once into .bench-cache/ and reused: writing them with ExcelJS takes
 * longer than reading them.
 */
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { TEMPLATES } from "../src/core/catalog/templates";
import { templateWorkbook, TEMPLATE_GEOMETRY } from "../src/core/layout/template-layout";
import { parsePeriod } from "../src/core/periods";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { createXlsxReader, DEFAULT_XLSX_LIMITS } from "../src/io/xlsx-read";
import { SheetContext, SheetReader } from "../src/io/xlsx-read/sheet-reader";
import { StopParsing } from "../src/io/xlsx-read/xml-part";
import { XmlScanner, type Attributes } from "../src/io/xlsx-read/xml-scan";
import { layoutToWorkbook } from "../test/support/exceljs-renderer";

const BIG = process.argv[2] === "big";
const SCANNERS = process.argv[2] === "scanners";
const COUNT = BIG ? 0 : Number((SCANNERS ? process.argv[3] : process.argv[2]) ?? 1000);
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

interface Contender<T = Uint8Array> {
  label: string;
  /** How many of the files it reads each round (ExcelJS is slow: a sample, scaled up). */
  sample: number;
  run: (b: T) => unknown;
  best: number;
}

/**
 * Rounds interleave the contenders, and each keeps its best round: on a shared machine noise only
 * ever adds time, and it then falls on every contender alike.
 */
async function measure<T>(files: T[], contenders: Contender<T>[], rounds: number): Promise<void> {
  for (const c of contenders) for (const b of files.slice(0, 50)) await c.run(b);
  for (let round = 0; round < rounds; round++) {
    for (const c of contenders) {
      const some = files.slice(0, c.sample);
      const t0 = performance.now();
      for (const b of some) await c.run(b);
      c.best = Math.min(c.best, ((performance.now() - t0) * files.length) / some.length);
    }
  }
}

async function main(): Promise<void> {
  const files = await inputs();
  const bytes = files.reduce((n, f) => n + f.length, 0);
  console.log(`${files.length} workbooks, ${(bytes / files.length / 1024).toFixed(1)} KB each on average\n`);

  // One reader for the run, with its memo of shared parts, as the engine's callers read a province.
  const xlsx = createXlsxReader();
  // Every reader must agree that the files are good before its time means anything.
  const check = xlsx.read(files[0]!, "0.xlsx", { tables: ["ChiTieu"] });
  if (!check.ok || check.doc.tables.length !== 1) throw new Error("the reader failed on a template");

  const read = (tables?: string[]) => (b: Uint8Array) => {
    const r = xlsx.read(b, "x.xlsx", tables ? { tables } : {});
    if (!r.ok) throw new Error(r.message.en);
  };
  const floor: Contender = {
    label: "fflate unzipSync, every entry (floor)",
    sample: files.length,
    run: (b) => unzipSync(b),
    best: Infinity,
  };
  const table: Contender = {
    label: "readXlsx, tables: [ChiTieu]",
    sample: files.length,
    run: read(["ChiTieu"]),
    best: Infinity,
  };
  const all: Contender = {
    label: "readXlsx, every sheet",
    sample: files.length,
    run: read(),
    best: Infinity,
  };
  const exceljs: Contender = {
    label: "ExcelJS xlsx.load (full model)",
    sample: Math.min(200, files.length),
    run: (b) => new ExcelJS.Workbook().xlsx.load(b as unknown as ExcelJS.Buffer),
    best: Infinity,
  };
  const contenders = [floor, table, all, exceljs];
  await measure(files, contenders, 5);

  for (const c of contenders) {
    const note = c.sample < files.length ? `  (${c.sample} files a round, scaled)` : "";
    console.log(
      `${c.label.padEnd(40)} ${(c.best / 1000).toFixed(3).padStart(7)} s ${Math.round(
        (files.length / c.best) * 1000,
      )
        .toString()
        .padStart(6)} files/s${note}`,
    );
  }
  console.log("");
  console.log(`readXlsx (ChiTieu) / floor:     ${(table.best / floor.best).toFixed(2)}×`);
  console.log(`readXlsx (every sheet) / floor: ${(all.best / floor.best).toFixed(2)}×`);
  console.log(`ExcelJS / readXlsx (ChiTieu):   ${(exceljs.best / table.best).toFixed(1)}×`);
  console.log(`ExcelJS / readXlsx (every sheet): ${(exceljs.best / all.best).toFixed(1)}×`);
}

/** One sheet the size of a national summary's per-unit sheet, read once by each reader. */
async function big(): Promise<void> {
  const file = join(".bench-cache", "xlsx-reader", "summary-3321x40.xlsx");
  if (!existsSync(file)) {
    mkdirSync(join(".bench-cache", "xlsx-reader"), { recursive: true });
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useSharedStrings: true,
      useStyles: true,
    });
    const ws = wb.addWorksheet("Theo đơn vị");
    ws.addRow([
      "Mã đơn vị",
      "Tên đơn vị",
      "Mã chỉ tiêu",
      "Tử số",
      "Mẫu số",
      "Thực hiện",
      "Kế hoạch",
      "Trạng thái",
      "Ghi chú",
      "Kỳ",
    ]).commit();
    for (let u = 0; u < 3321; u++) {
      for (let k = 0; k < 40; k++) {
        const num = u * 3 + k;
        const den = u * 7 + 100;
        const row = ws.addRow([
          String(10000 + u),
          `Xã số ${u}`,
          `CT_${k}`,
          num,
          den,
          num / den,
          0.5,
          k % 3 ? "on_track" : "behind",
          "",
          "2026",
        ]);
        row.getCell(6).numFmt = "0.00%";
        row.commit();
      }
    }
    ws.commit();
    await wb.commit();
  }
  const bytes = new Uint8Array(readFileSync(file));
  const inflated = Object.values(unzipSync(bytes)).reduce((n, f) => n + f.length, 0);
  console.log(`${(bytes.length / 1e6).toFixed(1)} MB file, ${(inflated / 1e6).toFixed(1)} MB inflated`);
  const rss = (): string => `${Math.round(process.memoryUsage().rss / 1e6)} MB RSS`;
  let t0 = performance.now();
  unzipSync(bytes);
  console.log(`fflate unzipSync (floor)  ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  t0 = performance.now();
  const r = createXlsxReader({ memo: false }).read(bytes, "big.xlsx");
  if (!r.ok) throw new Error(r.message.en);
  const cells = r.doc.sheets[0]!.rows.reduce((n, row) => n + row.cells.filter(Boolean).length, 0);
  console.log(
    `readXlsx                  ${((performance.now() - t0) / 1000).toFixed(2)} s, ${cells} cells, ${rss()}`,
  );
  t0 = performance.now();
  await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer);
  console.log(`ExcelJS xlsx.load         ${((performance.now() - t0) / 1000).toFixed(2)} s, ${rss()}`);
}

/*
 * DESIGN.md asked for a well-kept SAX parser; the reader scans XML with its own (xml-scan.ts), which
 * must earn its place. Here both read the same worksheet parts of the same template workbooks,
 * inflated and decoded beforehand (inflating is the same for both), each written whole, into one
 * and the same minimal handler that collects every cell (its reference, type, style and value):
 * the difference is the scanning alone. The reader's own sheet path (SheetReader, which reads the
 * usual rows straight from the text, something only its own scanner offers) is measured beside.
 */
interface CellOut {
  r: string;
  t: string;
  s: string;
  v: string;
}

/** The same handler for both scanners: the cells of a sheet, as they are written. */
class CellCollector {
  readonly cells: CellOut[] = [];
  private cell: CellOut | undefined;
  private inValue = false;

  open(name: string, get: (attr: string) => string | undefined): void {
    if (name === "c") this.cell = { r: get("r") ?? "", t: get("t") ?? "", s: get("s") ?? "", v: "" };
    else if ((name === "v" || name === "t") && this.cell) this.inValue = true;
  }

  text(t: string): void {
    if (this.inValue) this.cell!.v += t;
  }

  close(name: string): void {
    if (name === "v" || name === "t") this.inValue = false;
    else if (name === "c" && this.cell) {
      this.cells.push(this.cell);
      this.cell = undefined;
    }
  }
}

function withOwnScanner(xml: string): CellOut[] {
  const h = new CellCollector();
  const scanner = new XmlScanner(
    {
      open: (name: string, a: Attributes) => h.open(name, (n) => a.get(n)),
      close: (name) => h.close(name),
      text: (t) => h.text(t),
    },
    1 << 20,
  );
  scanner.write(xml);
  scanner.close();
  return h.cells;
}

function withSaxes(xml: string): CellOut[] {
  const h = new CellCollector();
  // As the reader once used it: no namespaces, no positions (both cost, and neither is needed).
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("opentag", (tag) => {
    const attrs = (tag as SaxesTagPlain).attributes;
    h.open(tag.name, (n) => attrs[n]);
  });
  parser.on("closetag", (tag) => h.close(tag.name));
  parser.on("text", (t) => h.text(t));
  parser.on("cdata", (t) => h.text(t));
  parser.write(xml).close();
  return h.cells;
}

const CTX_FORMATS: (string | undefined)[] = [];

function withSheetReader(xml: string): number {
  const reader = new SheetReader(new SheetContext(DEFAULT_XLSX_LIMITS, CTX_FORMATS, false), "S", "sheet");
  const scanner = new XmlScanner(
    {
      open: (name: string, a: Attributes) => reader.open(name, a) === true,
      raw: (s, from, tabs) => reader.raw(s, from, tabs),
      close: (name) => reader.close(name),
      text: (t) => reader.text(t),
    },
    1 << 20,
  );
  try {
    scanner.write(xml);
    scanner.close();
  } catch (e) {
    // The reader stops the scan once it has what it reads (after </sheetData>), as in readXlsx.
    if (e !== StopParsing.instance) throw e;
  }
  return reader.grid().rows.length;
}

async function scanners(): Promise<void> {
  const files = await inputs();
  const dec = new TextDecoder();
  const sheets = files.flatMap((f) =>
    Object.entries(unzipSync(f, { filter: (e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name) }))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, bytes]) => dec.decode(bytes)),
  );
  const chars = sheets.reduce((n, s) => n + s.length, 0);
  const mb = sheets.reduce((n, s) => n + Buffer.byteLength(s), 0) / 1e6;
  console.log(
    `${sheets.length} worksheet parts of ${files.length} workbooks: ${mb.toFixed(1)} MB of XML ` +
      `(${Math.round(chars / sheets.length / 1024)} K characters each)\n`,
  );
  // Both must collect the very same cells before their times mean anything.
  for (const s of sheets.slice(0, 50)) {
    if (JSON.stringify(withOwnScanner(s)) !== JSON.stringify(withSaxes(s)))
      throw new Error("the scanners disagree on a sheet");
  }
  const cells = sheets.reduce((n, s) => n + withOwnScanner(s).length, 0);
  console.log(`${cells} cells collected by each\n`);
  const timed = (label: string, run: (s: string) => unknown): Contender<string> => ({
    label,
    sample: sheets.length,
    run,
    best: Infinity,
  });
  const own = timed("own scanner (xml-scan.ts), cell collector", withOwnScanner);
  const sax = timed("saxes 6.0.0, the same cell collector", withSaxes);
  const reader = timed("own scanner + SheetReader (to </sheetData>)", withSheetReader);
  const contenders = [own, sax, reader];
  await measure(sheets, contenders, 7);
  for (const c of contenders) {
    console.log(
      `${c.label.padEnd(48)} ${(c.best / 1000).toFixed(3).padStart(7)} s ${(mb / (c.best / 1000))
        .toFixed(1)
        .padStart(7)} MB/s`,
    );
  }
  console.log("");
  console.log(`saxes / own scanner (same handler):  ${(sax.best / own.best).toFixed(2)}×`);
  console.log(`saxes / the reader's sheet path:     ${(sax.best / reader.best).toFixed(2)}×`);
}

(BIG ? big() : SCANNERS ? scanners() : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
