import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "./support/cli";

const tmp = (): string => mkdtempSync(path.join(tmpdir(), "chitieu-tpl-"));

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("chitieu template", () => {
  it("writes Mường Lèo's 2026 workbook to the file named", async () => {
    const out = path.join(tmp(), "ml.xlsx");
    const r = runCli(["template", "ktxh-xa", "--unit", "04240", "--period", "2026", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const wb = await load(out);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    expect(ws.getCell("C3").value).toBe("04240");
    expect(ws.getCell("C4").value).toBe("Xã Mường Lèo");
  });

  it("writes one workbook per roster unit into a folder", () => {
    const dir = tmp();
    const roster = path.join(dir, "roster.csv");
    writeFileSync(
      roster,
      "ma_don_vi,ten_don_vi,cap,ma_cha,nhom\n14,Tỉnh Sơn La,tinh,,\n04240,Xã Mường Lèo,xa,14,bien-gioi\n99001,Hội Nông dân thử nghiệm,xa,14,\n",
    );
    const out = path.join(dir, "out");
    const r = runCli([
      "template",
      "mttq-bien-gioi",
      "--roster",
      roster,
      "--period",
      "Quý III/2026",
      "--out",
      out,
    ]);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "mttq-bien-gioi_04240_2026-Q3.xlsx",
      "mttq-bien-gioi_99001_2026-Q3.xlsx",
    ]);
  });

  it.each([
    [
      ["template", "khong-co", "--unit", "04240", "--period", "2026", "--out", "x.xlsx"],
      /Không có mẫu biểu "khong-co"/,
    ],
    [
      ["template", "ktxh-xa", "--unit", "04240", "--period", "2026-13", "--out", "x.xlsx"],
      /Kỳ báo cáo "2026-13" không hợp lệ/,
    ],
    [
      ["template", "ktxh-xa", "--unit", "04241", "--period", "2026", "--out", "x.xlsx"],
      /Mã đơn vị "04241".*04240 Xã Mường Lèo/,
    ],
    [["template", "ktxh-xa", "--period", "2026", "--out", "x.xlsx"], /--unit/],
    [
      ["template", "de-an-1219", "--unit", "04240", "--period", "2026-Q1", "--out", "x.xlsx"],
      /báo cáo theo kỳ: năm/,
    ],
  ])("refuses %j with one clear bilingual line and exit 2", (args, message) => {
    const dir = tmp();
    const r = runCli(args as string[], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/ \/ [A-Z]/); // the English half
    expect(existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });
});

const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => existsSync(p));

(soffice ? describe : describe.skip)("a second program reads the template (LibreOffice)", () => {
  it("converts the workbook to CSV with every code, the unit and the Vietnamese headers", () => {
    const dir = tmp();
    const out = path.join(dir, "ml.xlsx");
    expect(runCli(["template", "ktxh-xa", "--unit", "04240", "--period", "2026", "--out", out]).status).toBe(
      0,
    );
    const conv = spawnSync(
      soffice!,
      [
        "--headless",
        `-env:UserInstallation=file://${dir}/lo-profile`,
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1",
        "--outdir",
        dir,
        out,
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(conv.status).toBe(0);
    const produced = readdirSync(dir).find((f) => f.startsWith("ml") && f.endsWith(".csv"))!;
    const csv = readFileSync(path.join(dir, produced), "utf8");
    expect(csv).toContain("Mã đơn vị:,04240");
    expect(csv).toContain("STT,Mã chỉ tiêu,Tên chỉ tiêu,Đơn vị tính,Tử số,Mẫu số,Thực hiện,Kế hoạch,Ghi chú");
    for (const code of ["THU_NS", "HO_NGHEO", "BHYT", "GD_VAN_HOA", "LD_CO_BANG"])
      expect(csv).toContain(`,${code},`);
  });
});

if (!soffice) {
  // Say it where a person running the tests will see it.
  console.warn("LibreOffice (soffice) not found: the second-reader test is skipped; .ci/run installs it.");
}
