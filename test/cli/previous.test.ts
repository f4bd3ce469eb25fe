import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Report } from "../../src/core/json-report/types";
import { runCli } from "../support/cli";

/* Pace against last year's summary (--previous), end to end through the command line. */

const ROSTER =
  "ma_don_vi,ten_don_vi,cap,ma_cha,nhom\n14,Tỉnh Sơn La,tinh,,\n04240,Xã Mường Lèo,xa,14,\n04231,Xã Sốp Cộp,xa,14,\n";
const PLAN =
  "ma_don_vi,ma_chi_tieu,ky,loai,gia_tri\n14,HO_NGHEO,2026-2030,giam_moi_nam,3\n04240,HO_NGHEO,2026-2030,giam_moi_nam,3\n04231,HO_NGHEO,2026-2030,giam_moi_nam,3\n14,HO_NGHEO,2025,goc,48\n";

function year(dir: string, y: number, ml: [number, number], sc: [number, number]): string {
  const sub = path.join(dir, String(y));
  mkdirSync(sub, { recursive: true });
  const csv = [
    "ma_don_vi,ky_bao_cao,ma_chi_tieu,tu_so,mau_so",
    `04240,${y},HO_NGHEO,${ml[0]},${ml[1]}`,
    `04231,${y},HO_NGHEO,${sc[0]},${sc[1]}`,
  ].join("\n");
  writeFileSync(path.join(sub, "bao-cao.csv"), csv);
  return sub;
}

describe("pace with --previous", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "chitieu-prev-"));
  writeFileSync(path.join(dir, "roster.csv"), ROSTER);
  writeFileSync(path.join(dir, "plan.csv"), PLAN);
  const common = [
    "--roster",
    path.join(dir, "roster.csv"),
    "--plan",
    path.join(dir, "plan.csv"),
    "--template",
    "ktxh-xa",
  ];
  let r2026: Report;
  let r2027: Report;

  beforeAll(() => {
    const a = runCli([
      "consolidate",
      year(dir, 2026, [400, 1000], [450, 1000]),
      ...common,
      "--period",
      "2026",
      "--out",
      path.join(dir, "s2026.xlsx"),
      "--json",
      path.join(dir, "s2026.json"),
    ]);
    expect(a.stderr).toBe("");
    r2026 = JSON.parse(readFileSync(path.join(dir, "s2026.json"), "utf8")) as Report;
    const b = runCli([
      "consolidate",
      year(dir, 2027, [380, 1000], [400, 1000]),
      ...common,
      "--period",
      "2027",
      "--previous",
      path.join(dir, "s2026.xlsx"),
      "--out",
      path.join(dir, "s2027.xlsx"),
      "--json",
      path.join(dir, "s2027.json"),
    ]);
    expect(b.stderr).toBe("");
    r2027 = JSON.parse(readFileSync(path.join(dir, "s2027.json"), "utf8")) as Report;
  });

  it("without a previous summary, measures the province's pace from the baseline", () => {
    const f = r2026.indicators.find((i) => i.code === "HO_NGHEO")!;
    expect(f.value).toBeCloseTo(42.5, 9);
    expect(f.pace).toMatchObject({
      fromYear: 2025,
      fromValue: 48,
      fromSource: "baseline",
      required: 3,
      met: true,
    });
  });

  it("with last year's summary, measures each figure against last year's, and flags the change of standard", () => {
    const f = r2027.indicators.find((i) => i.code === "HO_NGHEO")!;
    expect(f.value).toBeCloseTo(39, 9);
    expect(f.pace).toMatchObject({
      fromYear: 2026,
      fromSource: "previous",
      required: 3,
      met: true,
      crossesStandardBreak: true,
    });
    expect(f.pace!.fromValue).toBeCloseTo(42.5, 9);
    const ml = r2027.perUnit.find((p) => p.unit === "04240" && p.indicator === "HO_NGHEO")!;
    expect(ml.pace).toMatchObject({ fromYear: 2026, fromSource: "previous", met: false });
    expect(ml.pace!.fromValue).toBeCloseTo(40, 9);
    expect(ml.pace!.change).toBeCloseTo(2, 9);
    expect(ml.status).toBe("behind");
    const sc = r2027.perUnit.find((p) => p.unit === "04231" && p.indicator === "HO_NGHEO")!;
    expect(sc.pace).toMatchObject({ met: true });
    const missed = r2027.issues.filter((i) => i.rule === "pace-missed");
    expect(missed.map((i) => i.unit)).toEqual(["04240"]);
    expect(missed[0]!.reason).toBe("series-break");
    expect(missed[0]!.message).toMatch(/chỉ giảm 2 điểm %/);
    expect(missed[0]!.message).toMatch(/Nghị định 351\/2025/);
  });
});
