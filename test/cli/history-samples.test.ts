import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { muongLeo2026, MUONG_LEO, SAMPLE_MARKER, type TrueValue } from "../../generator";
import { muongLeoYear } from "../../generator/muong-leo-history";
import type { Report } from "../../src/core/json-report/types";
import { readXlsx } from "../../src/io/xlsx-read";
import { ROOT, runCli } from "../support/cli";

/*
 * The sample of a plan followed year after year (samples/son-la/muong-leo): Mường Lèo's 2025–2027
 * summaries as the history of its 2028 report. The series must give back the generator's figures.
 */

const SAMPLES = path.join(ROOT, "samples", "son-la");
const ML = path.join(SAMPLES, "muong-leo");

const truth = (year: number): Record<string, TrueValue> =>
  year === 2026 ? muongLeo2026() : muongLeoYear(year as 2025 | 2027 | 2028);
const valueOf = (v: TrueValue): number => ("num" in v ? (100 * v.num) / v.den : v.value);

describe("Mường Lèo's history sample", () => {
  const out = mkdtempSync(path.join(tmpdir(), "chitieu-ml-"));
  let report: Report;

  beforeAll(() => {
    const r = runCli([
      "consolidate",
      path.join(ML, "bao-cao"),
      "--roster",
      path.join(ML, "roster.csv"),
      "--plan",
      path.join(SAMPLES, "plan-muong-leo.csv"),
      "--template",
      "ktxh-xa",
      "--period",
      "2028",
      "--history",
      path.join(ML, "ky-truoc"),
      "--out",
      path.join(out, "ml.xlsx"),
      "--json",
      path.join(out, "ml.json"),
    ]);
    expect(r.stderr).toBe("");
    report = JSON.parse(readFileSync(path.join(out, "ml.json"), "utf8")) as Report;
  });

  it("gives each indicator's series 2025–2028 as the generator made the figures", () => {
    expect(report.scope.code).toBe(MUONG_LEO);
    expect(report.issues.filter((i) => i.rule === "history-ignored")).toEqual([]);
    for (const year of [2025, 2026, 2027, 2028]) {
      for (const [code, v] of Object.entries(truth(year))) {
        const p = report.series!.find((s) => s.indicator === code && s.period === String(year));
        expect({ code, year, value: p?.value }).toEqual({ code, year, value: expect.closeTo(valueOf(v), 9) });
      }
    }
  });

  it("judges XKLD on the running total of its four workers over 2026–2030", () => {
    const f = report.indicators.find((i) => i.code === "XKLD")!;
    const total = [2026, 2027, 2028].reduce((s, y) => s + valueOf(truth(y)["XKLD"]!), 0);
    expect(f.phaseTotal).toMatchObject({ phase: "2026-2030", required: 4, total, missing: [] });
    expect(f.status).toBe(total >= (4 * 3) / 5 ? "on_track" : "behind");
  });

  it("judges the poverty rate's pace against 2027 from the history", () => {
    const f = report.indicators.find((i) => i.code === "HO_NGHEO")!;
    expect(f.pace).toMatchObject({ fromYear: 2027, fromSource: "previous", required: 3 });
    expect(f.pace!.fromValue).toBeCloseTo(valueOf(truth(2027)["HO_NGHEO"]!), 9);
  });

  it("ships summaries marked as sample data, each with its time sheet but the first", async () => {
    for (const year of [2025, 2026, 2027]) {
      const bytes = readFileSync(path.join(ML, "ky-truoc", `tong-hop-muong-leo-${year}.xlsx`));
      const r = readXlsx(new Uint8Array(bytes), "x.xlsx");
      if (!r.ok) throw new Error(r.message.en);
      expect(r.doc.sheetNames.includes("Theo thời gian")).toBe(year > 2025);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      expect(wb.description).toBe(SAMPLE_MARKER);
    }
  });

  it("npm run demo prints Mường Lèo's series", () => {
    const demo = mkdtempSync(path.join(tmpdir(), "chitieu-demo-ml-"));
    const r = runCli(["demo", "--out", demo]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Theo thời gian / over time: 2025 → 2026 → 2027 → 2028");
    expect(r.stdout).toMatch(/XKLD .*Đúng tiến độ \(lũy kế 2026–2028: 3\/4\)/);
    expect(readFileSync(path.join(demo, "tong-hop-muong-leo-2028.json"), "utf8")).toContain('"series"');
  });
});
