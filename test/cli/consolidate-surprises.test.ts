import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Report } from "../../src/core/json-report/types";
import { ROOT, runCli, type CliRun } from "../support/cli";

/*
 * Issue 14 through the real command: a file sent twice, a template version the catalog does not
 * know, and a period the submissions do not settle.
 */

const SAMPLE = path.join(ROOT, "samples", "son-la");
const WORKBOOK = path.join(SAMPLE, "bao-cao", "ktxh-xa_04240_2026.xlsx");

function consolidate(dir: string, extra: string[] = []): { run: CliRun; report: Report } {
  const run = runCli(
    [
      "consolidate",
      "bao-cao",
      "--roster",
      path.join(SAMPLE, "roster.csv"),
      "--template",
      "ktxh-xa",
      "--out",
      "s.xlsx",
      "--json",
      "r.json",
      ...extra,
    ],
    dir,
  );
  const report =
    run.status === 0
      ? (JSON.parse(readFileSync(path.join(dir, "r.json"), "utf8")) as Report)
      : ({} as Report);
  return { run, report };
}

/** A folder `bao-cao` holding the files given (name → source path or text). */
function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "chitieu-surprise-"));
  mkdirSync(path.join(dir, "bao-cao"));
  for (const [name, from] of Object.entries(files)) {
    const target = path.join(dir, "bao-cao", name);
    if (typeof from === "string" && from.endsWith(".xlsx")) copyFileSync(from, target);
    else writeFileSync(target, from);
  }
  return dir;
}

const figures = (r: Report): unknown =>
  r.indicators.map((i) => [i.code, i.value, i.numerator, i.denominator, i.reporting]);

describe("chitieu consolidate, a workbook sent twice", () => {
  it("uses it once: the figures of one copy, status ok, one warning naming both files", () => {
    const once = consolidate(folder({ "ktxh-xa_04240_2026.xlsx": WORKBOOK }), ["--period", "2026"]);
    const twice = consolidate(
      folder({ "ktxh-xa_04240_2026.xlsx": WORKBOOK, "ktxh-xa_04240_2026 (1).xlsx": WORKBOOK }),
      ["--period", "2026"],
    );
    expect(twice.run.status).toBe(0);
    expect(twice.run.stderr).toBe("");
    const unit = twice.report.units.find((u) => u.code === "04240")!;
    expect(unit.status).toBe("ok");
    expect(unit.files).toEqual(["ktxh-xa_04240_2026 (1).xlsx", "ktxh-xa_04240_2026.xlsx"]);
    expect(figures(twice.report)).toEqual(figures(once.report));
    expect(twice.report.indicators.find((i) => i.code === "HO_NGHEO")!.reporting).toBe(1);
    const dup = twice.report.issues.filter((i) => i.rule === "duplicate-submission");
    expect(dup).toHaveLength(1);
    // The file is used; the copy a computer named after it is the one set aside.
    expect(dup[0]).toMatchObject({ severity: "warning", unit: "04240", file: "ktxh-xa_04240_2026 (1).xlsx" });
    expect(unit.file).toBe("ktxh-xa_04240_2026.xlsx");
    expect(dup[0]!.message).toContain("ktxh-xa_04240_2026.xlsx");
    expect(dup[0]!.messageEn).toContain("ktxh-xa_04240_2026.xlsx");
    // Apart from that warning, the report is the one of the file sent once.
    expect(twice.report.issues.filter((i) => i.rule !== "duplicate-submission").length).toBe(
      once.report.issues.length,
    );
  });
});

/** A sheet rebuilt by hand (label cells, a header row), naming the template as written. */
async function handWorkbook(templateTag: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Báo cáo");
  ws.addRow(["Mã đơn vị:", "04240"]);
  ws.addRow(["Kỳ báo cáo:", "2026"]);
  ws.addRow(["Mẫu biểu:", templateTag]);
  ws.addRow(["Ngày báo cáo:", "05/12/2026"]);
  ws.addRow([]);
  ws.addRow(["Mã chỉ tiêu", "Tử số", "Mẫu số", "Thực hiện"]);
  ws.addRow(["HO_NGHEO", 120, 1000, null]);
  ws.addRow(["THU_NS", null, null, 1922.9]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("chitieu consolidate, a template version the catalog does not know", () => {
  it("rejects a workbook naming ktxh-xa@2 with wrong-template, naming ktxh-xa@1", async () => {
    const dir = folder({ "muong-leo.xlsx": await handWorkbook("ktxh-xa@2") });
    const { run, report } = consolidate(dir, ["--period", "2026"]);
    expect(run.status).toBe(0);
    expect(report.units.find((u) => u.code === "04240")!.status).toBe("rejected");
    expect(report.indicators.find((i) => i.code === "HO_NGHEO")).toMatchObject({ value: null, reporting: 0 });
    const wrong = report.issues.filter((i) => i.rule === "wrong-template");
    expect(wrong).toEqual([
      expect.objectContaining({ severity: "error", file: "muong-leo.xlsx", sheet: "Báo cáo", cell: "B3" }),
    ]);
    expect(wrong[0]!.message).toMatch(/ktxh-xa@2.*ktxh-xa@1/);
  });

  it("takes the same workbook naming ktxh-xa@1", async () => {
    const dir = folder({ "muong-leo.xlsx": await handWorkbook("ktxh-xa@1") });
    const { report } = consolidate(dir, ["--period", "2026"]);
    expect(report.units.find((u) => u.code === "04240")!.status).toBe("ok");
    expect(report.indicators.find((i) => i.code === "HO_NGHEO")).toMatchObject({
      numerator: 120,
      reporting: 1,
    });
  });

  it("chitieu check names the versions known too", async () => {
    const dir = folder({ "muong-leo.xlsx": await handWorkbook("ktxh-xa@0") });
    const r = runCli(["check", "bao-cao/muong-leo.xlsx", "--json", "c.json"], dir);
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, "c.json"), "utf8")) as Report;
    const wrong = report.issues.filter((i) => i.rule === "wrong-template");
    expect(wrong).toHaveLength(1);
    expect(wrong[0]!.message).toMatch(/ktxh-xa@0.*ktxh-xa@1/);
  });
});

describe("chitieu consolidate with no --period, when two periods have as many submissions", () => {
  it("takes the latest and prints which periods tied and how to choose", () => {
    const csv = (unit: string, period: string): string =>
      `ma_don_vi,ky_bao_cao,mau_bieu,ma_chi_tieu,tu_so,mau_so\n${unit},${period},ktxh-xa@1,HO_NGHEO,12,100\n`;
    const dir = folder({ "a.csv": csv("04240", "2026-Q1"), "b.csv": csv("04231", "2026-Q2") });
    const { run, report } = consolidate(dir);
    expect(run.status).toBe(0);
    expect(report.period).toBe("2026-Q2");
    const line = run.stdout.split("\n").find((l) => l.startsWith("Kỳ báo cáo / period:"));
    expect(line).toMatch(/2026-Q1 \(1 báo cáo\), 2026-Q2 \(1 báo cáo\)/);
    expect(line).toMatch(/--period/);
    expect(line).toMatch(/2026-Q1 \(1 submission\), 2026-Q2 \(1 submission\)/);
  });
});
