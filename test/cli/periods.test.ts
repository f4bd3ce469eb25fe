import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Report } from "../../src/core/json-report/types";
import { runCli } from "../support/cli";
import { oracleProvince, oracleUnit, pieceCsv, randomPiece } from "../support/pieces";
import { rng } from "../support/random-commune";

/*
 * Periods through the command line (FORMATS.md §4, §4a): a phase (2026-2027) accepted by `template`,
 * by `consolidate --period` (the sơ kết of Project 1219 from its years) and in a submission's
 * period; the Front's six-month report made of quarters, with each unit's sources.
 */

const tmp = (): string => mkdtempSync(path.join(tmpdir(), "chitieu-periods-"));
const ROSTER_1219 =
  "ma_don_vi,ten_don_vi,cap,ma_cha,nhom\n08,Tỉnh Tuyên Quang,tinh,,\n02230,Xã A,xa,08,bien-gioi\n02231,Xã B,xa,08,bien-gioi\n02232,Xã C,xa,08,bien-gioi\n";

/** A commune's Project 1219 report for one period: [code, tu_so, mau_so, thuc_hien]. */
function report1219(
  unit: string,
  period: string,
  rows: [string, number | "", number | "", number | ""][],
): string {
  return [
    "ma_don_vi,ky_bao_cao,mau_bieu,ma_chi_tieu,tu_so,mau_so,thuc_hien",
    ...rows.map(([code, n, d, v]) => `${unit},${period},de-an-1219@1,${code},${n},${d},${v}`),
  ].join("\n");
}

function rows1219(seed: number): [string, number | "", number | "", number | ""][] {
  const rand = rng(seed);
  const rate = (code: string): [string, number, number, ""] => {
    const d = 10 + Math.floor(rand() * 50);
    return [code, Math.floor(rand() * d), d, ""];
  };
  return [
    rate("TTV_TAI_LIEU"),
    rate("TTV_TAP_HUAN"),
    rate("DON_VI_TRANG_BI"),
    ["LOP_TAP_HUAN", "", "", Math.floor(rand() * 20)],
    ["TAI_LIEU_PHAT_HANH", "", "", Math.floor(rand() * 900)],
  ];
}

describe("a phase, everywhere a period is", () => {
  it("template writes a workbook for 2026-2027 that reads back as that phase", async () => {
    const dir = tmp();
    const out = path.join(dir, "ml.xlsx");
    const r = runCli(["template", "ktxh-xa", "--unit", "04240", "--period", "2026-2027", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const text = JSON.stringify(wb.getWorksheet("Chỉ tiêu")!.getSheetValues());
    expect(text).toContain("Giai đoạn 2026–2027");
    const c = runCli(["check", out, "--json", path.join(dir, "c.json")]);
    expect(c.status).toBe(0);
    const checked = JSON.parse(readFileSync(path.join(dir, "c.json"), "utf8")) as Report;
    expect(checked.period).toBe("2026-2027");
    expect(checked.issues.filter((i) => i.rule === "missing-metadata")).toEqual([]);
  });

  it("consolidate --period 2026-2027 makes the sơ kết from the years, a unit's own phase report first", () => {
    const dir = tmp();
    const inbox = path.join(dir, "bao-cao");
    mkdirSync(inbox);
    writeFileSync(path.join(dir, "roster.csv"), ROSTER_1219);
    const a26 = rows1219(1);
    const a27 = rows1219(2);
    const b = rows1219(3);
    const c26 = rows1219(4);
    writeFileSync(path.join(inbox, "a-2026.csv"), report1219("02230", "2026", a26));
    writeFileSync(path.join(inbox, "a-2027.csv"), report1219("02230", "Năm 2027", a27));
    writeFileSync(path.join(inbox, "b-giai-doan.csv"), report1219("02231", "Giai đoạn 2026-2027", b));
    writeFileSync(path.join(inbox, "c-2026.csv"), report1219("02232", "2026", c26));
    const json = path.join(dir, "so-ket.json");
    const r = runCli([
      "consolidate",
      inbox,
      "--roster",
      path.join(dir, "roster.csv"),
      "--period",
      "2026-2027",
      "--out",
      path.join(dir, "so-ket.xlsx"),
      "--json",
      json,
    ]);
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(json, "utf8")) as Report;
    expect(report.period).toBe("2026-2027");
    const unit = (code: string) => report.units.find((u) => u.code === code)!;
    expect(unit("02230")).toMatchObject({ status: "ok", sources: ["a-2026.csv", "a-2027.csv"] });
    expect(unit("02231")).toMatchObject({ status: "ok", sources: ["b-giai-doan.csv"] });
    const fig = (code: string) => report.indicators.find((i) => i.code === code)!;
    const col = (rows: typeof a26, code: string, k: 1 | 2 | 3): number =>
      rows.find((x) => x[0] === code)![k] as number;
    // Courses held add up over the years (C's 2027 is missing: its courses do not enter).
    expect(fig("LOP_TAP_HUAN")).toMatchObject({
      value: col(a26, "LOP_TAP_HUAN", 3) + col(a27, "LOP_TAP_HUAN", 3) + col(b, "LOP_TAP_HUAN", 3),
      reporting: 2,
    });
    // The share supplied with materials is a state: each unit's latest year (C: 2026, with a warning).
    const n = col(a27, "TTV_TAI_LIEU", 1) + col(b, "TTV_TAI_LIEU", 1) + col(c26, "TTV_TAI_LIEU", 1);
    const d = col(a27, "TTV_TAI_LIEU", 2) + col(b, "TTV_TAI_LIEU", 2) + col(c26, "TTV_TAI_LIEU", 2);
    expect(fig("TTV_TAI_LIEU")).toMatchObject({ numerator: n, denominator: d, reporting: 3 });
    const gap = report.issues.filter((i) => i.rule === "incomplete-period");
    expect(gap.map((i) => [i.severity, i.unit, i.file])).toEqual([
      ["error", "02232", "c-2026.csv"],
      ["warning", "02232", "c-2026.csv"],
    ]);
    expect(gap[0]!.message).toContain("Năm 2027 (2027)");
    expect(report.issues.filter((i) => i.rule === "wrong-period")).toEqual([]);
  });
});

describe("the Front's six months from quarters", () => {
  it("consolidates quarters and halves into 2026-H1, naming the gap and every source", () => {
    const dir = tmp();
    const rand = rng(17);
    writeFileSync(
      path.join(dir, "roster.csv"),
      "ma_don_vi,ten_don_vi,cap,ma_cha,nhom\n14,Tỉnh Sơn La,tinh,,\n04240,Xã Mường Lèo,xa,14,\n04231,Xã Sốp Cộp,xa,14,\n04204,Xã Chiềng Khoong,xa,14,\n",
    );
    const ml = [randomPiece(rand), randomPiece(rand)];
    const sc = randomPiece(rand);
    const ck = randomPiece(rand);
    writeFileSync(path.join(dir, "ml-q1.csv"), pieceCsv("04240", "Quý I/2026", ml[0]!));
    writeFileSync(path.join(dir, "ml-q2.csv"), pieceCsv("04240", "Quý II/2026", ml[1]!));
    writeFileSync(path.join(dir, "sc-h1.csv"), pieceCsv("04231", "6 tháng đầu năm 2026", sc));
    writeFileSync(path.join(dir, "ck-q1.csv"), pieceCsv("04204", "2026-Q1", ck));
    const json = path.join(dir, "h1.json");
    const r = runCli([
      "consolidate",
      path.join(dir, "ml-q1.csv"),
      path.join(dir, "ml-q2.csv"),
      path.join(dir, "sc-h1.csv"),
      path.join(dir, "ck-q1.csv"),
      "--roster",
      path.join(dir, "roster.csv"),
      "--period",
      "2026-H1",
      "--out",
      path.join(dir, "h1.xlsx"),
      "--json",
      json,
    ]);
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(json, "utf8")) as Report;
    const ml1 = path.join(dir, "ml-q1.csv");
    expect(report.units.find((u) => u.code === "04240")!.sources).toEqual([ml1, path.join(dir, "ml-q2.csv")]);
    // Flows: Mường Lèo's two quarters and Sốp Cộp's half; Chiềng Khoong's lone quarter does not enter.
    const flows = oracleProvince([oracleUnit(ml), sc]);
    const stocks = oracleProvince([oracleUnit(ml), sc, ck]);
    for (const i of report.indicators) {
      const oracle = i.code === "MO_HINH_TU_QUAN" ? stocks : flows;
      expect({ code: i.code, value: i.value }).toEqual({
        code: i.code,
        value: expect.closeTo(oracle[i.code]!, 9),
      });
    }
    const gap = report.issues.find((i) => i.rule === "incomplete-period" && i.severity === "error")!;
    expect(gap).toMatchObject({ unit: "04204" });
    expect(gap.message).toContain("Quý II/2026 (2026-Q2)");
    expect(gap.messageEn).toContain("Q2 2026 (2026-Q2)");
  });
});

describe("due dates by period", () => {
  const cellsOf = async (file: string): Promise<Record<string, unknown>> => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    return { label: ws.getCell("B7").value, date: ws.getCell("C7").value, why: ws.getCell("D7").value };
  };
  const template = (period: string, ...more: string[]) => {
    const out = path.join(tmp(), "f.xlsx");
    const r = runCli([
      "template",
      "mttq-bien-gioi",
      "--unit",
      "04240",
      "--period",
      period,
      "--out",
      out,
      ...more,
    ]);
    return { r, out };
  };

  it("the Front's annual report shows its usual deadline, 15/12, and --due overrides it", async () => {
    const annual = template("2026");
    expect(annual.r.status).toBe(0);
    expect(await cellsOf(annual.out)).toEqual({
      label: "Hạn nộp:",
      date: "15/12/2026",
      why: expect.stringContaining("15/12") as unknown,
    });
    const given = template("2026", "--due", "01/12/2026");
    expect(await cellsOf(given.out)).toMatchObject({ date: "01/12/2026", why: null });
  });

  it("a quarter has no usual deadline (the seeds give none): none shown unless --due gives one", async () => {
    const q = template("2026-Q3");
    expect(await cellsOf(q.out)).toEqual({ label: null, date: null, why: null });
    const given = template("2026-Q3", "--due", "2026-10-10");
    expect(await cellsOf(given.out)).toMatchObject({ label: "Hạn nộp:", date: "10/10/2026" });
    const bad = template("2026-Q3", "--due", "mai");
    expect(bad.r.status).toBe(2);
    expect(bad.r.stderr).toMatch(/--due "mai" không phải ngày/);
  });

  it("consolidating a year from quarters judges each quarter by --due only: the annual deadline is the year's", () => {
    const dir = tmp();
    const rand = rng(3);
    writeFileSync(
      path.join(dir, "roster.csv"),
      "ma_don_vi,ten_don_vi,cap,ma_cha,nhom\n14,Tỉnh Sơn La,tinh,,\n04240,Xã Mường Lèo,xa,14,\n",
    );
    const quarters = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
    // Q4 signed after 15/12: late against the Front's annual deadline? No: a quarter has none of its own.
    const dates = ["2026-04-05", "2026-07-05", "2026-10-05", "2026-12-20"];
    quarters.forEach((q, i) =>
      writeFileSync(path.join(dir, `${q}.csv`), pieceCsv("04240", q, randomPiece(rand), { date: dates[i]! })),
    );
    const consolidate = (...more: string[]): Report => {
      const json = path.join(dir, "r.json");
      const r = runCli([
        "consolidate",
        ...quarters.map((q) => path.join(dir, `${q}.csv`)),
        "--roster",
        path.join(dir, "roster.csv"),
        "--period",
        "2026",
        "--out",
        path.join(dir, "r.xlsx"),
        "--json",
        json,
        ...more,
      ]);
      expect(r.status).toBe(0);
      return JSON.parse(readFileSync(json, "utf8")) as Report;
    };
    const usual = consolidate();
    expect(usual.units[0]!.status).toBe("ok");
    const given = consolidate("--due", "2026-10-01");
    expect(given.units[0]!.status).toBe("late");
    expect(given.issues.filter((i) => i.rule === "late").map((i) => path.basename(i.file!))).toEqual([
      "2026-Q3.csv",
      "2026-Q4.csv",
    ]);
  });
});
