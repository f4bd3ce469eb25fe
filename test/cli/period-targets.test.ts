import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Report } from "../../src/core/json-report/types";
import { ROOT, runCli } from "../support/cli";

/*
 * A plan's targets by period (FORMATS.md §6: `ky` is any canonical period): the Front's six months
 * made of quarters (samples/son-la/mttq-2026) judged against the plan's 2026-H1 targets, never
 * against the first quarter's nor the year's.
 */

const FRONT = path.join(ROOT, "samples", "son-la", "mttq-2026");

describe("consolidate 2026-H1 with a plan that gives the half-year its own targets", () => {
  const out = mkdtempSync(path.join(tmpdir(), "chitieu-period-targets-"));
  let report: Report;

  beforeAll(() => {
    const plan = path.join(out, "ke-hoach-2026.csv");
    writeFileSync(
      plan,
      [
        "ma_don_vi,ma_chi_tieu,ky,loai,gia_tri",
        "14,TT_BUOI,6 tháng đầu năm 2026,muc_tieu,120",
        "14,TT_BUOI,2026-Q1,muc_tieu,9999",
        "14,TT_BUOI,2026,muc_tieu,250",
        "14,KIEN_NGHI_PHAN_HOI,2026-H1,muc_tieu,75",
        "14,HO_DUOC_HO_TRO,2026,muc_tieu,800",
        "14,MO_HINH_TU_QUAN,2026-H1,toi_thieu,30",
        "04240,TT_BUOI,2026-H1,muc_tieu,1",
        "",
      ].join("\n"),
    );
    const r = runCli([
      "consolidate",
      path.join(FRONT, "bao-cao"),
      "--roster",
      path.join(FRONT, "roster.csv"),
      "--template",
      "mttq-bien-gioi",
      "--period",
      "2026-H1",
      "--plan",
      plan,
      "--out",
      path.join(out, "h1.xlsx"),
      "--json",
      path.join(out, "h1.json"),
    ]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    report = JSON.parse(readFileSync(path.join(out, "h1.json"), "utf8")) as Report;
  });

  const indicator = (code: string) => report.indicators.find((i) => i.code === code)!;

  it("judges the six months' sessions against the six months' target, not the quarter's nor the year's", () => {
    expect(indicator("TT_BUOI")).toMatchObject({ value: 129, target: 120, status: "met" });
  });

  it("judges a rate and a floor for the half-year, missing them as a planner would read it", () => {
    expect(indicator("KIEN_NGHI_PHAN_HOI")).toMatchObject({ target: 75, status: "missed" });
    expect(indicator("MO_HINH_TU_QUAN")).toMatchObject({ value: 27, target: 30, status: "missed" });
    const missed = report.issues.filter((i) => i.rule === "target-missed").map((i) => i.indicator);
    expect(missed.sort()).toEqual(["KIEN_NGHI_PHAN_HOI", "MO_HINH_TU_QUAN"]);
  });

  it("leaves a flow with only a year's target unjudged over six months", () => {
    expect(indicator("HO_DUOC_HO_TRO")).toMatchObject({ target: null, status: "no_target" });
  });

  it("judges a commune against its own half-year target", () => {
    const p = report.perUnit.find((x) => x.unit === "04240" && x.indicator === "TT_BUOI")!;
    expect(p).toMatchObject({ target: 1, status: "met" });
  });

  it("reads every row of the plan: no period refused", () => {
    expect(report.issues.filter((i) => i.rule === "invalid-plan")).toEqual([]);
  });
});
