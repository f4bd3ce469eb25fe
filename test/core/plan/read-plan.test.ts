import { readPlan } from "../../../src/core/plan/read-plan";
import { readCsv } from "../../../src/io/csv-reader";
import { parseFile, readPlanFile } from "../../../src/engine/pipeline";
import { consolidateParsed } from "../../../src/engine/pipeline";
import { findTemplate } from "../../../src/core/catalog/templates";
import { parsePeriod } from "../../../src/core/periods";
import { muongLeoTargets } from "../../../src/core/catalog/seed-plans";
import { writeLayoutXlsx } from "../../../src/io/xlsx-write";
import { SheetBuilder } from "../../../src/core/layout/sheet-builder";
import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";

const enc = new TextEncoder();
const plan = (text: string, file = "plan.csv") => readPlan(readCsv(enc.encode(text), file));

describe("reading a plan (FORMATS.md §6)", () => {
  it("reads every rule, in the forms people type them", () => {
    const r = plan(
      [
        "ma_don_vi;ma_chi_tieu;ky;loai;gia_tri",
        "04240;HO_NGHEO;2025;goc;43,04",
        "04240;HO_NGHEO;2030;Mục tiêu;28,04",
        "04240;HO_NGHEO;2026-2030;GIAM MOI NAM;3",
        "14;CHE_PHU_RUNG;Giai đoạn 2026 - 2030;toi_thieu;47,72",
        "08;TTV_TAI_LIEU;2028-2030;tang_them;50",
      ].join("\n"),
    );
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => [x.unit, x.indicator, x.period, x.rule, x.value])).toEqual([
      ["04240", "HO_NGHEO", "2025", "goc", 43.04],
      ["04240", "HO_NGHEO", "2030", "muc_tieu", 28.04],
      ["04240", "HO_NGHEO", "2026-2030", "giam_moi_nam", 3],
      ["14", "CHE_PHU_RUNG", "2026-2030", "toi_thieu", 47.72],
      ["08", "TTV_TAI_LIEU", "2028-2030", "tang_them", 50],
    ]);
  });

  it("takes a target, floor or ceiling for every canonical period, in the forms people type them", () => {
    const kinds: [string, string][] = [
      ["2026-M03", "2026-M03"],
      ["Tháng 7/2026", "2026-M07"],
      ["2026-Q1", "2026-Q1"],
      ["Quý III/2026", "2026-Q3"],
      ["2026-H1", "2026-H1"],
      ["6 tháng cuối năm 2026", "2026-H2"],
      ["9 tháng năm 2026", "2026-9M"],
      ["Năm 2026", "2026"],
      ["2026-2027", "2026-2027"],
    ];
    for (const rule of ["muc_tieu", "toi_thieu", "toi_da"]) {
      const r = plan(
        ["ma_don_vi,ma_chi_tieu,ky,loai,gia_tri", ...kinds.map(([ky]) => `14,TT_BUOI,${ky},${rule},10`)].join(
          "\n",
        ),
      );
      expect(r.issues).toEqual([]);
      expect(r.rows.map((x) => [x.period, x.rule])).toEqual(kinds.map(([, code]) => [code, rule]));
    }
  });

  it("takes a plan typed with English decimals when Vietnamese cannot read them", () => {
    const r = plan("ma_don_vi,ma_chi_tieu,ky,loai,gia_tri\n04240,THU_NS,2026,muc_tieu,2118.5\n");
    expect(r.rows[0]!.value).toBe(2118.5);
  });

  it.each([
    ["no unit", ",HO_NGHEO,2030,muc_tieu,28", "A2"],
    ["an unknown indicator", "04240,HO_NGHEO_X,2030,muc_tieu,28", "B2"],
    ["a period that cannot be read", "04240,HO_NGHEO,Quý 5/2030,muc_tieu,28", "C2"],
    ["a quarter for a baseline", "04240,HO_NGHEO,2030-Q1,goc,28", "C2"],
    ["a half-year for a pace", "04240,HO_NGHEO,2026-H1,giam_moi_nam,1.5", "C2"],
    ["an unknown rule", "04240,HO_NGHEO,2030,muc_tieu_moi,28", "D2"],
    ["a value that is not a number", "04240,HO_NGHEO,2030,muc_tieu,khoảng 28", "E2"],
    ["tang_them for a single year", "04240,TTV_TAI_LIEU,2030,tang_them,50", "C2"],
  ])("names a bad row (%s) by file and line, and skips it", (_what, line) => {
    const r = plan(`ma_don_vi,ma_chi_tieu,ky,loai,gia_tri\n${line}\n04240,BHYT,2030,muc_tieu,100\n`);
    expect(r.rows.map((x) => x.indicator)).toEqual(["BHYT"]);
    expect(r.issues).toEqual([
      expect.objectContaining({ rule: "invalid-plan", severity: "error", file: "plan.csv", line: 2 }),
    ]);
    expect(r.issues[0]!.message).toMatch(/^Dòng kế hoạch bị bỏ qua/);
    expect(r.issues[0]!.messageEn).toMatch(/^Plan row skipped/);
  });

  it("reads the KeHoach table of a workbook", async () => {
    const b = new SheetBuilder("Kế hoạch", "plan");
    b.row(
      3,
      2,
      ["ma_don_vi", "ma_chi_tieu", "ky", "loai", "gia_tri"].map((v) => ({ value: v })),
    );
    b.row(4, 2, [
      { value: "04240" },
      { value: "LD_DAO_TAO" },
      { value: 2030 },
      { value: "muc_tieu" },
      { value: 50 },
    ]);
    b.table({ name: "KeHoach", ref: "B3:F4", style: "TableStyleLight1" });
    const bytes = writeLayoutXlsx({ sheets: [b.build()], names: [], title: "kh", recalcOnOpen: false });
    const r = readPlanFile({ path: "ke-hoach.xlsx", bytes });
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual([
      expect.objectContaining({
        unit: "04240",
        indicator: "LD_DAO_TAO",
        period: "2030",
        rule: "muc_tieu",
        value: 50,
      }),
    ]);
    expect(r.rows[0]!.at).toEqual({ file: "ke-hoach.xlsx", sheet: "Kế hoạch", cell: "F4" });
  });
});

describe("the seeds' worked case: xã Mường Lèo's own plan (Resolution 37/NQ-HĐND)", () => {
  const SAMPLE = path.join(__dirname, "..", "..", "..", "samples", "son-la");
  const files = readdirSync(path.join(SAMPLE, "bao-cao"))
    .sort()
    .map((f) => parseFile({ path: f, bytes: new Uint8Array(readFileSync(path.join(SAMPLE, "bao-cao", f))) }));
  const csv = [
    "ma_don_vi,ma_chi_tieu,ky,loai,gia_tri",
    ...muongLeoTargets().map((r) => `${r.unit},${r.indicator},${r.period},${r.rule},${r.value}`),
  ];
  const run = consolidateParsed(files, {
    template: findTemplate("ktxh-xa")!,
    period: parsePeriod("2026")!,
    plan: readPlanFile({ path: "plan-muong-leo.csv", bytes: enc.encode(csv.join("\n")) }),
  });
  const ml = (code: string) => run.report.perUnit.find((p) => p.unit === "04240" && p.indicator === code)!;

  it("holds 2026 revenue against its 2026 target of 2.118,5 triệu đồng", () => {
    expect(ml("THU_NS").target).toBe(2118.5);
    expect(ml("THU_NS").status).toBe(ml("THU_NS").value! >= 2118.5 ? "met" : "missed");
  });

  it("judges the poor-household rate on the line 28,04 % in 2030 at 3 points a year draws (40,04 % in 2026)", () => {
    const p = ml("HO_NGHEO");
    expect(p.target).toBe(28.04);
    expect(p.status).toBe(p.value! <= 40.04 ? "on_track" : "behind");
  });

  it("holds forest cover at its floor of 47,72 % every year", () => {
    const p = ml("CHE_PHU_RUNG");
    expect(p.target).toBe(47.72);
    expect(p.status).toBe(p.value! >= 47.72 ? "met" : "missed");
  });

  it("names a missed target as an issue pointing at the unit's cell", () => {
    const missed = run.report.perUnit
      .filter((p) => p.unit === "04240" && p.status === "missed")
      .map((p) => p.indicator);
    const issues = run.report.issues
      .filter((i) => i.rule === "target-missed" && i.unit === "04240")
      .map((i) => i.indicator);
    expect(issues.sort()).toEqual(missed.sort());
    for (const i of run.report.issues.filter((x) => x.rule === "target-missed" && x.unit === "04240")) {
      expect(i.file).toBe("ktxh-xa_04240_2026.xlsx");
      expect(i.cell).toMatch(/^[EG]\d+$/);
    }
  });
});
