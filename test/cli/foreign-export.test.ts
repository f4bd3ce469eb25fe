import {
  closeSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Issue } from "../../src/core/issues";
import type { Report } from "../../src/core/json-report/types";
import type { Grid } from "../../src/core/grid";
import { STREAM_CSV_BYTES } from "../../src/engine/node/parse-path";
import { readXlsx } from "../../src/io/xlsx-read";
import { ROOT } from "../support/cli";
import { canMeasure, runCliMeasured, type MeasuredRun } from "../support/peak-rss";

/*
 * Issue 14: a province receives the national export of another system by mistake — one CSV of
 * tens of thousands of units, none of them in its roster — beside its own communes' workbooks. The
 * run must end in seconds with its outputs, its own figures exact, the stranger named in fifty
 * issues and one that counts the rest (FORMATS.md §8), every unit still listed in the JSON, and the
 * workbook readable. The same for a commune's file of 150,000 rows the engine cannot use.
 *
 * Measured on the development machine (2 cores, Node 20), 30,000 units (90,000 rows, 5 MB):
 *   - before: 930 MB and 22 s with the roster (28 KB and 0.7 ms per unknown unit: its rows read and
 *     validated, an issue with its suggestions, a status row and a matrix row each; 300,000 units
 *     died out of memory at 4.2 GB); without a roster 2.7 GB; the commune's 150,000 rows crashed
 *     the command (a stack overflow spreading 150,000 issues into one list);
 *   - after: about 160 MB and 2 s with the roster, 400 MB and 5 s without; 300,000 units take
 *     about 0.9 GB and 8–12 s with the roster, 1.4–1.6 GB and 40–47 s without (every unit is
 *     then used).
 * The bounds sit well above what is measured now and well below what the old code needed.
 */

const UNITS = 30_000;
/** Rows per unit in the foreign export: a rate, a count written as text, an amount. */
const ROWS_PER_UNIT = 3;
const WITH_ROSTER_BOUND_MB = 400;
const WITHOUT_ROSTER_BOUND_MB = 700;
const SAMPLE = path.join(ROOT, "samples", "son-la");
/** Six of the sample's good workbooks: the province's own communes. */
const GOOD = [
  "ktxh-xa_03688_2026.xlsx",
  "ktxh-xa_03694_2026.xlsx",
  "ktxh-xa_03712_2026.xlsx",
  "ktxh-xa_03754_2026.xlsx",
  "ktxh-xa_03814_2026.xlsx",
  "ktxh-xa_03820_2026.xlsx",
];
const FOREIGN = "xuat-quoc-gia-he-thong-khac.csv";

const foreignCode = (i: number): string => `7${String(i).padStart(6, "0")}`;

/** Writes a CSV a chunk at a time: the test holds none of it whole. */
function writeCsv(file: string, header: string, rows: number, line: (i: number) => string): void {
  const fd = openSync(file, "w");
  try {
    writeSync(fd, header);
    let buf = "";
    for (let i = 0; i < rows; i++) {
      buf += line(i);
      if (buf.length > 1 << 16) {
        writeSync(fd, buf);
        buf = "";
      }
    }
    writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
}

function writeForeignExport(file: string): void {
  writeCsv(
    file,
    "ma_don_vi;ten_don_vi;ky_bao_cao;mau_bieu;ma_chi_tieu;tu_so;mau_so;thuc_hien\r\n",
    UNITS,
    (i) => {
      const unit = `${foreignCode(i)};Xã Hệ Thống Khác ${i};2026;ktxh-xa@1`;
      return (
        `${unit};HO_NGHEO;${100 + (i % 50)};${1000 + (i % 300)};\r\n` +
        `${unit};XKLD;;;không rõ\r\n` +
        `${unit};THU_NS;;;${1500 + (i % 700)},5\r\n`
      );
    },
  );
}

function consolidateArgs(inDir: string, roster: boolean): string[] {
  return [
    "consolidate",
    inDir,
    ...(roster ? ["--roster", "roster.csv"] : []),
    "--template",
    "ktxh-xa",
    "--period",
    "2026",
    "--due",
    "2026-12-15",
    "--out",
    `${inDir}-${roster ? "roster" : "no-roster"}.xlsx`,
    "--json",
    `${inDir}-${roster ? "roster" : "no-roster"}.json`,
  ];
}

interface Run {
  result: MeasuredRun;
  report: Report;
}

async function consolidateIn(dir: string, inDir: string, roster: boolean): Promise<Run> {
  const result = await runCliMeasured(consolidateArgs(inDir, roster), dir);
  const json = path.join(dir, `${inDir}-${roster ? "roster" : "no-roster"}.json`);
  const report = result.status === 0 ? (JSON.parse(readFileSync(json, "utf8")) as Report) : ({} as Report);
  return { result, report };
}

/** The sheet of a workbook, as text rows (the cells' values), read by the project's own reader. */
function sheetText(file: string, sheet: string): string[][] {
  const r = readXlsx(new Uint8Array(readFileSync(file)), path.basename(file));
  if (!r.ok) throw new Error(`${file}: ${r.message.en}`);
  const grid = r.doc.sheets.find((s) => s.sheet === sheet) as Grid;
  return grid.rows.map((row) => row.cells.map((c) => (c?.value == null ? "" : String(c.value))));
}

/** Issues per file and rule: none past 50 plus the one that folds the rest. */
function overBound(issues: Issue[]): string[] {
  const n = new Map<string, number>();
  for (const i of issues) {
    const key = `${i.file ?? "(no file)"} ${i.rule}`;
    if (i.file) n.set(key, (n.get(key) ?? 0) + 1);
  }
  return [...n].filter(([, k]) => k > 51).map(([key, k]) => `${key}: ${k}`);
}

function figures(r: Report): unknown {
  return { indicators: r.indicators, perUnit: r.perUnit, groups: r.groups };
}

describe("another system's national export sent by mistake", () => {
  let dir: string;
  let good: Run;
  let withRoster: Run;
  let withoutRoster: Run;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "chitieu-foreign-"));
    cpSync(path.join(SAMPLE, "roster.csv"), path.join(dir, "roster.csv"));
    for (const d of ["tot", "bao-cao"]) {
      mkdirSync(path.join(dir, d));
      for (const f of GOOD) cpSync(path.join(SAMPLE, "bao-cao", f), path.join(dir, d, f));
    }
    writeForeignExport(path.join(dir, "bao-cao", FOREIGN));
    good = await consolidateIn(dir, "tot", true);
    withRoster = await consolidateIn(dir, "bao-cao", true);
    withoutRoster = await consolidateIn(dir, "bao-cao", false);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is a file of tens of thousands of units, large enough to be streamed", () => {
    expect(statSync(path.join(dir, "bao-cao", FOREIGN)).size).toBeGreaterThan(STREAM_CSV_BYTES);
  });

  it("ends with both outputs and exit 0, with and without a roster", () => {
    for (const run of [good, withRoster, withoutRoster]) {
      expect(run.result.stderr).toBe("");
      expect(run.result.status).toBe(0);
    }
  });

  it("gives the province's own figures exactly as without the stranger", () => {
    expect(figures(withRoster.report)).toEqual(figures(good.report));
  });

  it("lists every unit in the JSON: the roster's as before, each of the stranger's as not in the roster", () => {
    const own = withRoster.report.units.filter((u) => u.file !== FOREIGN);
    expect(own).toEqual(good.report.units);
    const strangers = withRoster.report.units.filter((u) => u.file === FOREIGN);
    expect(strangers).toHaveLength(UNITS);
    expect(strangers.every((u) => u.status === "unknown")).toBe(true);
    expect(new Set(strangers.map((u) => u.code)).size).toBe(UNITS);
  });

  it("names the stranger in fifty issues and one that counts the rest", () => {
    const own = withRoster.report.issues.filter((i) => i.file !== FOREIGN);
    expect(own).toEqual(good.report.issues);
    const about = withRoster.report.issues.filter((i) => i.file === FOREIGN);
    expect(about).toHaveLength(51);
    expect(about.every((i) => i.rule === "unknown-unit" && i.severity === "error")).toBe(true);
    // The first fifty units, each at its first line, with what the unit said it was.
    expect(about.slice(0, 50).map((i) => [i.unit, i.line])).toEqual(
      Array.from({ length: 50 }, (_, k) => [foreignCode(k), 2 + ROWS_PER_UNIT * k]),
    );
    expect(about[0]?.message).toMatch(/^Mã đơn vị "7000000" \(Xã Hệ Thống Khác 0\) không có trong danh sách/);
    const fold = about[50] as Issue;
    expect(fold).toMatchObject({ rule: "unknown-unit", count: UNITS - 50, line: 2 + ROWS_PER_UNIT * 50 });
    expect(fold.message).toMatch(/Còn 29\.950 vấn đề "unknown-unit" khác trong tệp này, từ dòng 152/);
    expect(fold.messageEn).toMatch(/29,950 more "unknown-unit" issues in this file, from line 152/);
    expect(withRoster.result.stdout).toMatch(/Vấn đề \/ issues: 30\.?0\d\d lỗi/);
  });

  it("keeps the workbook readable: every roster unit listed, fifty strangers, one row for the rest", () => {
    const status = sheetText(path.join(dir, "bao-cao-roster.xlsx"), "Tình trạng nộp");
    const codes = status.map((r) => r[1] ?? "");
    for (const u of good.report.units) expect(codes).toContain(u.code);
    const strangers = codes.filter((c) => c.startsWith("7") && c.length === 7);
    expect(strangers).toEqual(Array.from({ length: 50 }, (_, k) => foreignCode(k)));
    const last = status[status.length - 1] as string[];
    expect(last[1]).toBe("…");
    expect(last[2]).toMatch(/^… và 29\.950 đơn vị khác không có trong danh sách đơn vị/);
    expect(last[6]).toBe("Ngoài danh sách");
    expect(last[8]).toBe(FOREIGN);
    expect(status.length).toBeLessThan(4 + good.report.units.length + 52);

    const issues = sheetText(path.join(dir, "bao-cao-roster.xlsx"), "Vấn đề");
    expect(issues.filter((r) => /^\d+$/.test(r[0] ?? "")).length).toBe(withRoster.report.issues.length);
    expect(issues.some((r) => /^Còn 29\.950 vấn đề "unknown-unit"/.test(r[9] ?? ""))).toBe(true);

    const matrix = sheetText(path.join(dir, "bao-cao-roster.xlsx"), "Theo đơn vị");
    expect(matrix.filter((r) => (r[0] ?? "").startsWith("7")).length).toBe(50);
    expect(matrix.some((r) => /29\.950 đơn vị khác/.test(r[0] ?? ""))).toBe(true);
  });

  it(`peaks under ${WITH_ROSTER_BOUND_MB} MB with the roster: the stranger's units cost bytes, not its rows`, () => {
    if (!canMeasure()) return console.warn("python3 is not available: peak RSS not measured");
    console.log(`Peak RSS, ${UNITS} units not in the roster: ${withRoster.result.peakMb?.toFixed(1)} MB`);
    expect(withRoster.result.peakMb).toBeLessThan(WITH_ROSTER_BOUND_MB);
  });

  it("without a roster, uses the stranger's units and still folds what it says about them", () => {
    const r = withoutRoster.report;
    expect(r.units.filter((u) => u.file === FOREIGN && u.status === "ok")).toHaveLength(UNITS);
    expect(overBound(r.issues)).toEqual([]);
    const of = (rule: string): Issue[] => r.issues.filter((i) => i.file === FOREIGN && i.rule === rule);
    const total = (rule: string): number => of(rule).reduce((n, i) => n + (i.count ?? 1), 0);
    // Each unit's count written as text, and the 18 required rows each unit lacks.
    expect(total("not-a-number")).toBe(UNITS);
    expect(of("not-a-number")).toHaveLength(51);
    expect(total("missing-indicator")).toBe(UNITS * 18);
    expect(of("missing-indicator")).toHaveLength(51);
  });

  it(`peaks under ${WITHOUT_ROSTER_BOUND_MB} MB without a roster`, () => {
    if (!canMeasure()) return console.warn("python3 is not available: peak RSS not measured");
    console.log(`Peak RSS, ${UNITS} units and no roster: ${withoutRoster.result.peakMb?.toFixed(1)} MB`);
    expect(withoutRoster.result.peakMb).toBeLessThan(WITHOUT_ROSTER_BOUND_MB);
  });
});

describe("a commune's file of 150,000 rows the engine cannot use", () => {
  const ROWS = 150_000;
  let dir: string;
  let run: Run;
  let good: Run;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "chitieu-rows-"));
    cpSync(path.join(SAMPLE, "roster.csv"), path.join(dir, "roster.csv"));
    for (const d of ["tot", "bao-cao"]) {
      mkdirSync(path.join(dir, d));
      for (const f of GOOD) cpSync(path.join(SAMPLE, "bao-cao", f), path.join(dir, d, f));
    }
    // Mường Lèo's report from a program that writes its own codes: not one of them is an indicator.
    writeCsv(
      path.join(dir, "bao-cao", "muong-leo-xuat-tu-phan-mem.csv"),
      "ma_don_vi,ten_don_vi,ky_bao_cao,mau_bieu,ma_chi_tieu,thuc_hien\r\n",
      ROWS,
      (i) => `04240,Xã Mường Lèo,2026,ktxh-xa@1,CT_${String(i).padStart(6, "0")},${1000 + (i % 977)}\r\n`,
    );
    good = await consolidateIn(dir, "tot", true);
    run = await consolidateIn(dir, "bao-cao", true);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("ends with its outputs and exit 0 (it used to crash)", () => {
    expect(run.result.stderr).toBe("");
    expect(run.result.status).toBe(0);
  });

  it("names the rows in fifty issues and one for the rest, and the other figures stay exact", () => {
    const about = run.report.issues.filter(
      (i) => i.file === "muong-leo-xuat-tu-phan-mem.csv" && i.rule === "unknown-indicator",
    );
    expect(about).toHaveLength(51);
    expect(about.slice(0, 50).map((i) => i.line)).toEqual(Array.from({ length: 50 }, (_, k) => k + 2));
    expect(about[50]).toMatchObject({ count: ROWS - 50, line: 52 });
    expect(overBound(run.report.issues)).toEqual([]);
    expect(run.report.units.find((u) => u.code === "04240")?.status).toBe("ok");
    expect(figures(run.report)).toEqual(figures(good.report));
  });
});
