import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { SUMMARY_SHEETS } from "../../src/core/layout/summary";
import { runCli } from "../support/cli";

/*
 * FORMATS §8: an issue's `file` is the path as found, relative to the argument it came from or as
 * given. Two communes that both name their file `xa.csv`, in two folders, must stay two files in the
 * JSON report, in the summary's "Vấn đề" and "Tình trạng nộp" sheets, and in the links from there
 * that open them.
 */

/** A commune's submission with a row of a code the template does not have: one issue of its file. */
function submission(unit: string, thu: string): string {
  return (
    [
      "ma_don_vi,ky_bao_cao,mau_bieu,ma_chi_tieu,tu_so,mau_so,thuc_hien",
      `${unit},2026,ktxh-xa@1,THU_NS,,,"${thu}"`,
      `${unit},2026,ktxh-xa@1,KHONG_CO_MA,,,1`,
    ].join("\r\n") + "\r\n"
  );
}

interface Run {
  dir: string;
  units: { code: string; file?: string; status: string }[];
  issues: { rule: string; unit?: string; file?: string }[];
  /** Per sheet: each cell's text, and where its link leads (resolved from the summary's folder). */
  sheets: Map<string, { text: string; link: string | undefined }[]>;
}

/** Consolidates the two communes' files, from a folder of its own, with the arguments given. */
async function consolidate(args: string[]): Promise<Run> {
  const dir = mkdtempSync(path.join(tmpdir(), "chitieu-paths-"));
  for (const [sub, unit, thu] of [
    ["a", "03688", "2.104,6"],
    ["b", "03694", "3.000"],
  ] as const) {
    mkdirSync(path.join(dir, "subs", sub), { recursive: true });
    writeFileSync(path.join(dir, "subs", sub, "xa.csv"), submission(unit, thu));
  }
  const r = runCli(
    [
      "consolidate",
      ...args,
      "--template",
      "ktxh-xa",
      "--period",
      "2026",
      "--out",
      "out/tong-hop.xlsx",
      "--json",
      "out/r.json",
    ],
    dir,
  );
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const report = JSON.parse(readFileSync(path.join(dir, "out", "r.json"), "utf8")) as Run;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path.join(dir, "out", "tong-hop.xlsx")) as unknown as ArrayBuffer);
  const sheets = new Map<string, { text: string; link: string | undefined }[]>();
  wb.eachSheet((ws) => {
    const cells: { text: string; link: string | undefined }[] = [];
    ws.eachRow((row) => {
      // The row's link: on the issues sheet, the "Mở" cell beside the file's name.
      let target: string | undefined;
      row.eachCell((cell) => {
        target ??= cell.hyperlink?.split("#")[0];
      });
      row.eachCell((cell) => {
        cells.push({
          text: cell.text,
          link: target ? path.resolve(path.join(dir, "out"), decodeURI(target)) : undefined,
        });
      });
    });
    sheets.set(ws.name, cells);
  });
  return { dir, units: report.units, issues: report.issues, sheets };
}

/** What a planner sees of the two files: in the JSON, the two sheets, and where the links lead. */
function expectNamed(run: Run, names: { a: string; b: string }): void {
  const byUnit = { "03688": names.a, "03694": names.b };
  for (const [unit, name] of Object.entries(byUnit)) {
    expect(run.units.find((u) => u.code === unit)).toMatchObject({ status: "ok", file: name });
    const mine = run.issues.filter((i) => i.unit === unit);
    expect(mine.map((i) => i.rule)).toContain("unknown-indicator");
    expect([...new Set(mine.map((i) => i.file))]).toEqual([name]);
    const status = run.sheets.get(SUMMARY_SHEETS.status)!;
    expect(status.map((c) => c.text)).toContain(name);
    const issues = run.sheets.get(SUMMARY_SHEETS.issues)!.filter((c) => c.text === name);
    expect(issues.length).toBeGreaterThan(0);
    // The link in the file's row opens that very file, not the other one of the same name.
    const sub = unit === "03688" ? "a" : "b";
    for (const c of issues) expect(c.link).toBe(path.join(run.dir, "subs", sub, "xa.csv"));
  }
}

describe("two files of one name in two folders", () => {
  it("a folder argument: named by their paths below it", async () => {
    expectNamed(await consolidate(["subs"]), { a: "a/xa.csv", b: "b/xa.csv" });
  });

  it("file arguments: named as given", async () => {
    expectNamed(await consolidate(["subs/a/xa.csv", "subs/b/xa.csv"]), {
      a: "subs/a/xa.csv",
      b: "subs/b/xa.csv",
    });
  });

  it("two folder arguments: each named with its folder, since below them both are xa.csv", async () => {
    expectNamed(await consolidate(["subs/a", "subs/b/"]), { a: "subs/a/xa.csv", b: "subs/b/xa.csv" });
  });

  it("a file named twice (in its folder and by itself) is read once, as first found", async () => {
    const run = await consolidate(["subs", "subs/a/xa.csv"]);
    expectNamed(run, { a: "a/xa.csv", b: "b/xa.csv" });
    expect(run.issues.filter((i) => i.rule === "duplicate-submission")).toEqual([]);
  });
});
