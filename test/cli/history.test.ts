import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Report, ReportSeriesPoint } from "../../src/core/json-report/types";
import { cellText } from "../../src/core/header-map";
import { parseRange } from "../../src/core/text";
import { readCellNumber } from "../../src/core/values/cell-number";
import { readXlsx } from "../../src/io/xlsx-read";
import { ROOT, runCli } from "../support/cli";

/*
 * A plan followed year after year (`--history`, FORMATS.md §7, §8 `series[]`, §6 `tong_giai_doan`),
 * end to end through the command line: three earlier summaries made by the command itself, then the
 * fourth year consolidated with them as its history.
 */

const ROSTER =
  "ma_don_vi,ten_don_vi,cap,ma_cha,nhom\n14,Tỉnh Sơn La,tinh,,\n04240,Xã Mường Lèo,xa,14,\n04231,Xã Sốp Cộp,xa,14,\n";
// Poor households from 48 % (2025) to 33 % in 2030, at least 3 points a year; 20 workers abroad over the phase.
const BASE = 48;
const TARGET = 33;
const PHASE_TOTAL = 20;
const PLAN = [
  "ma_don_vi,ma_chi_tieu,ky,loai,gia_tri",
  `14,HO_NGHEO,2025,goc,${BASE}`,
  `14,HO_NGHEO,2030,muc_tieu,${TARGET}`,
  "14,HO_NGHEO,2026-2030,giam_moi_nam,3",
  "04240,HO_NGHEO,2026-2030,giam_moi_nam,3",
  `14,XKLD,2026-2030,tong_giai_doan,${PHASE_TOTAL}`,
].join("\n");

/** Each year: poor households and households of the two communes, and workers each sent abroad. */
interface Year {
  poor: [number, number];
  households: [number, number];
  workers: [number, number];
}
const YEARS: Record<number, Year> = {
  2026: { poor: [440, 460], households: [1000, 1000], workers: [2, 1] },
  2027: { poor: [430, 430], households: [1000, 1000], workers: [4, 2] },
  2028: { poor: [390, 390], households: [1000, 1000], workers: [1, 1] },
  2029: { poor: [370, 370], households: [1000, 1000], workers: [6, 4] },
};

const rate = (y: Year): number => (100 * (y.poor[0] + y.poor[1])) / (y.households[0] + y.households[1]);
const workers = (y: Year): number => y.workers[0] + y.workers[1];
/** The straight line from the baseline to the 2030 target. */
const line = (year: number): number => BASE + ((TARGET - BASE) * (year - 2025)) / (2030 - 2025);

function submissions(dir: string, year: number, period = String(year)): string {
  const y = YEARS[year]!;
  const sub = path.join(dir, `bao-cao-${period}`);
  mkdirSync(sub, { recursive: true });
  const rows = ["ma_don_vi,ky_bao_cao,ma_chi_tieu,tu_so,mau_so,thuc_hien"];
  (["04240", "04231"] as const).forEach((unit, i) => {
    rows.push(`${unit},${period},HO_NGHEO,${y.poor[i]},${y.households[i]},`);
    rows.push(`${unit},${period},XKLD,,,${y.workers[i]}`);
  });
  writeFileSync(path.join(sub, "bao-cao.csv"), rows.join("\n"));
  return sub;
}

function consolidate(dir: string, year: number, extra: string[], name = `s${year}`): Report {
  const r = runCli([
    "consolidate",
    submissions(dir, year),
    "--roster",
    path.join(dir, "roster.csv"),
    "--plan",
    path.join(dir, "plan.csv"),
    "--template",
    "ktxh-xa",
    "--period",
    String(year),
    ...extra,
    "--out",
    path.join(dir, `${name}.xlsx`),
    "--json",
    path.join(dir, `${name}.json`),
  ]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(readFileSync(path.join(dir, `${name}.json`), "utf8")) as Report;
}

const pointsOf = (r: Report, code: string): ReportSeriesPoint[] =>
  (r.series ?? []).filter((s) => s.indicator === code);

describe("three earlier summaries as the history of the fourth year", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "chitieu-history-"));
  writeFileSync(path.join(dir, "roster.csv"), ROSTER);
  writeFileSync(path.join(dir, "plan.csv"), PLAN);
  const earlier = path.join(dir, "ky-truoc");
  let r2026: Report;
  let r2029: Report;

  beforeAll(() => {
    mkdirSync(earlier);
    // Each year's summary made without a history: the fourth year's run reads the three back.
    r2026 = consolidate(dir, 2026, []);
    consolidate(dir, 2027, []);
    consolidate(dir, 2028, []);
    for (const y of [2026, 2027, 2028])
      copyFileSync(path.join(dir, `s${y}.xlsx`), path.join(earlier, `s${y}.xlsx`));
    r2029 = consolidate(dir, 2029, ["--history", earlier]);
  });

  it("without a history, the report has no series", () => {
    expect(r2026.series).toBeUndefined();
  });

  it("lists each indicator period by period, oldest first, with the figures the summaries held", () => {
    const poor = pointsOf(r2029, "HO_NGHEO");
    expect(poor.map((p) => p.period)).toEqual(["2026", "2027", "2028", "2029"]);
    for (const p of poor) {
      const y = YEARS[Number(p.period)]!;
      expect(p.value).toBeCloseTo(rate(y), 9);
      expect(p.numerator).toBe(y.poor[0] + y.poor[1]);
      expect(p.denominator).toBe(y.households[0] + y.households[1]);
      expect(p.target).toBe(TARGET);
      expect(p.trajectory).toBeCloseTo(line(Number(p.period)), 9);
    }
    // The change from the period before, in percentage points.
    expect(poor[0]!.change).toBeUndefined();
    for (let i = 1; i < poor.length; i++)
      expect(poor[i]!.change).toBeCloseTo(rate(YEARS[2026 + i]!) - rate(YEARS[2025 + i]!), 9);
    const abroad = pointsOf(r2029, "XKLD");
    expect(abroad.map((p) => [p.period, p.value])).toEqual(
      [2026, 2027, 2028, 2029].map((y) => [String(y), workers(YEARS[y]!)]),
    );
    // Every indicator of the template has its four periods, and only those.
    const codes = new Set(r2029.indicators.map((i) => i.code));
    expect(r2029.series!.length).toBe(codes.size * 4);
  });

  it("judges the pace against last year's figure from the history, each year of the series too", () => {
    const poor = pointsOf(r2029, "HO_NGHEO");
    const expected = [2026, 2027, 2028, 2029].map((y) => {
      const now = rate(YEARS[y]!);
      const before = y === 2026 ? BASE : rate(YEARS[y - 1]!);
      const paceMet = before - now >= 3 - 1e-9;
      const onLine = now <= line(y) + 1e-9;
      return onLine && paceMet ? "on_track" : "behind";
    });
    expect(poor.map((p) => p.status)).toEqual(expected);
    // The years chosen make both statuses appear.
    expect(new Set(expected)).toEqual(new Set(["on_track", "behind"]));
    const f = r2029.indicators.find((i) => i.code === "HO_NGHEO")!;
    expect(f.pace).toMatchObject({ fromYear: 2028, fromSource: "previous", required: 3 });
    expect(f.pace!.fromValue).toBeCloseTo(rate(YEARS[2028]!), 9);
    expect(f.pace!.met).toBe(rate(YEARS[2028]!) - rate(YEARS[2029]!) >= 3 - 1e-9);
    // Each commune's pace from its own figure in last year's summary.
    const ml = r2029.perUnit.find((p) => p.unit === "04240" && p.indicator === "HO_NGHEO")!;
    expect(ml.pace!.fromYear).toBe(2028);
    const y = YEARS[2028]!;
    expect(ml.pace!.fromValue).toBeCloseTo((100 * y.poor[0]) / y.households[0], 9);
  });

  it("judges the phase total on the running total: behind, on track, then met", () => {
    let running = 0;
    const expected = [2026, 2027, 2028, 2029].map((y) => {
      running += workers(YEARS[y]!);
      const due = (PHASE_TOTAL * (y - 2025)) / 5;
      return running >= PHASE_TOTAL ? "met" : running >= due ? "on_track" : "behind";
    });
    const abroad = pointsOf(r2029, "XKLD");
    expect(abroad.map((p) => p.status)).toEqual(expected);
    expect(new Set(expected)).toEqual(new Set(["behind", "on_track", "met"]));
    expect(abroad.map((p) => p.target)).toEqual([20, 20, 20, 20]);
    expect(abroad.map((p) => p.phaseTotal?.total)).toEqual(
      [2026, 2027, 2028, 2029].map((y) =>
        Object.entries(YEARS)
          .filter(([k]) => Number(k) <= y)
          .reduce((s, [, v]) => s + workers(v), 0),
      ),
    );
    const f = r2029.indicators.find((i) => i.code === "XKLD")!;
    expect(f.status).toBe(expected[3]);
    expect(f.phaseTotal).toMatchObject({ phase: "2026-2030", required: 20, missing: [] });
    expect(f.phaseTotal!.periods).toEqual(["2026", "2027", "2028", "2029"]);
  });

  it('writes a "Theo thời gian" sheet whose table holds the series, read back by ChiTieu\'s reader', () => {
    const r = readXlsx(new Uint8Array(readFileSync(path.join(dir, "s2029.xlsx"))), "s2029.xlsx", {
      tables: ["ChiTieu_TheoKy"],
    });
    if (!r.ok) throw new Error(r.message.en);
    expect(r.doc.sheetNames).toContain("Theo thời gian");
    const table = r.doc.tables.find((t) => t.name === "ChiTieu_TheoKy")!;
    expect(table.sheet).toBe("Theo thời gian");
    const grid = r.doc.sheets.find((g) => g.sheet === table.sheet)!;
    const bounds = parseRange(table.ref)!;
    const rows = grid.rows.filter((row) => row.n >= bounds.top && row.n <= bounds.bottom);
    const header = rows[0]!.cells.map((c) => cellText(c));
    const col = (name: string): number => header.indexOf(name);
    const body = rows.slice(1).map((row) => ({
      code: cellText(row.cells[col("Mã chỉ tiêu")]),
      period: cellText(row.cells[col("Kỳ")]),
      value: readCellNumber(row.cells[col("Thực hiện")]),
      change: readCellNumber(row.cells[col("So với kỳ trước")]),
      target: readCellNumber(row.cells[col("Kế hoạch")]),
      line: readCellNumber(row.cells[col("Lộ trình kế hoạch")]),
      total: readCellNumber(row.cells[col("Lũy kế giai đoạn")]),
      status: cellText(row.cells[col("Mã đánh giá")]),
    }));
    // One row per indicator and period, as in the JSON series.
    expect(body).toHaveLength(r2029.series!.length);
    const num = (v: ReturnType<typeof readCellNumber>): number | null =>
      v.kind === "number" ? v.value : null;
    for (const p of r2029.series!.filter((s) => s.indicator === "HO_NGHEO" || s.indicator === "XKLD")) {
      const row = body.find((b) => b.code === p.indicator && b.period === p.period)!;
      // Rates are written as fractions in % format: the reader gives them back in percent.
      expect(num(row.value)).toBeCloseTo(p.value!, 9);
      expect(num(row.target)).toBeCloseTo(p.target!, 9);
      expect(row.status).toBe(p.status);
      if (p.change === undefined) expect(num(row.change)).toBeNull();
      else expect(num(row.change)).toBeCloseTo(p.change, 9);
      if (p.trajectory !== undefined) expect(num(row.line)).toBeCloseTo(p.trajectory, 9);
      if (p.phaseTotal) expect(num(row.total)).toBe(p.phaseTotal.total);
    }
    // Without a history, no such sheet.
    const first = readXlsx(new Uint8Array(readFileSync(path.join(dir, "s2026.xlsx"))), "s2026.xlsx");
    if (!first.ok) throw new Error(first.message.en);
    expect(first.doc.sheetNames).not.toContain("Theo thời gian");
  });

  it("takes the scope's own submissions too (a long CSV of several years), and judges nothing up to the baseline year", () => {
    const csv = path.join(dir, "tinh-2024-2025.csv");
    writeFileSync(
      csv,
      [
        "ma_don_vi,ky_bao_cao,ma_chi_tieu,tu_so,mau_so,thuc_hien",
        "14,2024,HO_NGHEO,1000,2000,",
        "14,2025,HO_NGHEO,960,2000,",
        "14,2025,XKLD,,,2",
      ].join("\n"),
    );
    const r = consolidate(dir, 2026, ["--history", csv], "csv-2026");
    const poor = pointsOf(r, "HO_NGHEO");
    expect(poor.map((p) => [p.period, p.value])).toEqual([
      ["2024", 50],
      ["2025", 48],
      ["2026", rate(YEARS[2026]!)],
    ]);
    // 2025 is the plan's baseline year: the plan starts from it, and does not judge it.
    expect(poor.slice(0, 2).map((p) => [p.target, p.status])).toEqual([
      [null, "no_target"],
      [null, "no_target"],
    ]);
    // This year's pace is measured from the history's 2025, the baseline's year.
    const f = r.indicators.find((i) => i.code === "HO_NGHEO")!;
    expect(f.pace).toMatchObject({ fromYear: 2025, fromValue: 48, fromSource: "previous" });
    // XKLD of 2025 lies outside the phase 2026–2030: not in the running total.
    expect(r.indicators.find((i) => i.code === "XKLD")!.phaseTotal!.total).toBe(workers(YEARS[2026]!));
  });

  it("names the years a running total lacks when the history has a gap", () => {
    const r = consolidate(dir, 2029, ["--history", path.join(earlier, "s2026.xlsx")], "gap-2029");
    const f = r.indicators.find((i) => i.code === "XKLD")!;
    expect(f.phaseTotal!.missing).toEqual(["2027", "2028"]);
    expect(f.phaseTotal!.total).toBe(workers(YEARS[2026]!) + workers(YEARS[2029]!));
    const gap = r.issues.find((i) => i.rule === "history-gap" && i.indicator === "XKLD")!;
    expect(gap.severity).toBe("warning");
    expect(gap.message).toMatch(/2027, 2028/);
    expect(gap.messageEn).toMatch(/leaves out 2027, 2028/);
  });
});

describe("history files that cannot be used", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "chitieu-history-bad-"));
  writeFileSync(path.join(dir, "roster.csv"), ROSTER);
  writeFileSync(path.join(dir, "plan.csv"), PLAN);
  let report: Report;
  const files = {
    otherScope: path.join(dir, "tinh-khac-2026.xlsx"),
    later: path.join(dir, "s2029.xlsx"),
    same: path.join(dir, "s2028-ban-cu.xlsx"),
    twin: path.join(dir, "s2027-ban-sao.xlsx"),
    junk: path.join(dir, "ghi-chu.csv"),
    notXlsx: path.join(dir, "hong.xlsx"),
    otherTemplate: path.join(dir, "de-an-1219-2026.xlsx"),
  };

  beforeAll(() => {
    consolidate(dir, 2026, []);
    consolidate(dir, 2027, []);
    consolidate(dir, 2029, []);
    copyFileSync(path.join(dir, "s2027.xlsx"), files.twin);
    // A summary of another province (its roster's top unit is 12).
    const other = path.join(dir, "other");
    mkdirSync(other);
    writeFileSync(
      path.join(other, "roster.csv"),
      "ma_don_vi,ten_don_vi,cap,ma_cha,nhom\n12,Tỉnh Lai Châu,tinh,,\n04240,Xã Mường Lèo,xa,12,\n04231,Xã Sốp Cộp,xa,12,\n",
    );
    const o = runCli([
      "consolidate",
      submissions(dir, 2026),
      "--roster",
      path.join(other, "roster.csv"),
      "--template",
      "ktxh-xa",
      "--out",
      files.otherScope,
    ]);
    expect(o.status).toBe(0);
    // Sơn La's Project 1219 summary for 2026: the same scope, another template.
    const d1219 = path.join(ROOT, "samples", "son-la", "de-an-1219");
    const t = runCli([
      "consolidate",
      path.join(d1219, "bao-cao"),
      "--roster",
      path.join(d1219, "roster.csv"),
      "--template",
      "de-an-1219",
      "--out",
      files.otherTemplate,
    ]);
    expect(t.status).toBe(0);
    writeFileSync(files.junk, "không phải bảng tổng hợp\nchỉ là ghi chú\n");
    writeFileSync(files.notXlsx, "not a workbook");
    // The run's own period: last year's file given again under another name, as a user may.
    consolidate(dir, 2028, [], "s2028-ban-cu");
    report = consolidate(dir, 2028, [
      "--history",
      path.join(dir, "s2026.xlsx"),
      "--history",
      path.join(dir, "s2027.xlsx"),
      "--history",
      files.twin,
      "--history",
      files.otherScope,
      "--history",
      files.later,
      "--history",
      files.same,
      "--history",
      files.junk,
      "--history",
      files.notXlsx,
      "--history",
      files.otherTemplate,
    ]);
  });

  const ignoredFor = (file: string) =>
    report.issues.filter((i) => i.rule === "history-ignored" && i.file === file.split(path.sep).join("/"));

  it("still consolidates, and the series holds only the usable earlier periods, each once", () => {
    expect(pointsOf(report, "XKLD").map((p) => p.period)).toEqual(["2026", "2027", "2028"]);
  });

  it.each([
    ["another scope", "otherScope", "other-scope", /đơn vị 12, không phải 14/, /unit 12, not of 14/],
    [
      "a later period",
      "later",
      "not-earlier",
      /không trước kỳ đang tổng hợp 2028/,
      /not before the period consolidated, 2028/,
    ],
    [
      "the same period",
      "same",
      "same-period",
      /trùng kỳ đang tổng hợp 2028/,
      /the same period as the period consolidated, 2028/,
    ],
    [
      "another template",
      "otherTemplate",
      "other-template",
      /mẫu biểu de-an-1219, không phải ktxh-xa/,
      /template de-an-1219, not ktxh-xa/,
    ],
    ["not a summary", "junk", "unreadable", /không dùng/, /not used/],
    ["not a workbook", "notXlsx", "unreadable", /không dùng/, /not used/],
  ] as const)("names %s as an error, in Vietnamese and English", (_what, key, reason, vi, en) => {
    const found = ignoredFor(files[key]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", reason });
    expect(found[0]!.message).toMatch(vi);
    expect(found[0]!.messageEn).toMatch(en);
    expect(found[0]!.message).toContain(path.basename(files[key]));
  });

  it("of two for one period uses the one given later and names the other (warning)", () => {
    const dup = report.issues.filter((i) => i.rule === "history-ignored" && i.reason === "duplicate-period");
    expect(dup).toHaveLength(1);
    expect(dup[0]!.severity).toBe("warning");
    expect(dup[0]!.file).toBe(path.join(dir, "s2027.xlsx").split(path.sep).join("/"));
    expect(dup[0]!.message).toContain("s2027-ban-sao.xlsx");
  });

  it("skips the run's own summary in a history folder, so a run can be made again", () => {
    const folder = path.join(dir, "tong-hop");
    mkdirSync(folder);
    copyFileSync(path.join(dir, "s2026.xlsx"), path.join(folder, "s2026.xlsx"));
    const again = (): Report => consolidate(dir, 2027, ["--history", folder], "tong-hop/s2027");
    again();
    const r = again();
    expect(r.issues.filter((i) => i.rule === "history-ignored")).toEqual([]);
    expect(pointsOf(r, "XKLD").map((p) => p.period)).toEqual(["2026", "2027"]);
  });

  it("--previous that is not a summary still stops the run, as before", () => {
    const r = runCli([
      "consolidate",
      submissions(dir, 2028),
      "--template",
      "ktxh-xa",
      "--previous",
      files.junk,
      "--out",
      path.join(dir, "never.xlsx"),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--previous file ${files.junk}`);
  });

  it("a history path that does not exist stops the run with one clear line and writes nothing", () => {
    const r = runCli([
      "consolidate",
      submissions(dir, 2028),
      "--template",
      "ktxh-xa",
      "--history",
      path.join(dir, "khong-co"),
      "--out",
      path.join(dir, "never.xlsx"),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--history .*khong-co/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(path.join(dir, "never.xlsx"))).toBe(false);
  });
});
