import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { faultProvinceSpec, generateProvince } from "../../generator";
import { getIndicator } from "../../src/core/catalog/indicators";
import type { Report } from "../../src/core/json-report/types";
import { PLAN_STATUS_TEXT } from "../../src/core/layout/summary";
import { ENGLISH_WORDS } from "../core/written-report/fixture";
import { spawnChild } from "../support/child";
import { ROOT, runCli, type CliRun } from "../support/cli";
import { docxText } from "../support/docx-text";
import { writeProvince } from "../support/province";

/*
 * `chitieu consolidate … --report bao-cao.docx` (issue 18, FORMATS.md §7 and §9) on a generated
 * province with every fault planted: the written report beside the summary, its figures those of
 * the JSON report written the Vietnamese way, the late and missing units by name, the statuses in
 * words, no English; `--lang en`; the same bytes twice; nothing half-written.
 */

const SAMPLE = path.join(ROOT, "samples", "son-la");

function consolidate(cwd: string, extra: string[]): CliRun {
  return runCli(
    [
      "consolidate",
      "bao-cao",
      "--roster",
      "r.csv",
      "--template",
      "ktxh-xa",
      "--period",
      "2026",
      "--due",
      "2026-12-15",
      ...extra,
    ],
    cwd,
  );
}

/** A figure as a person reads it: rounded as the summary shows it, `.` for thousands, `,` for decimals. */
function vietnamese(x: number, decimals: number, trim: boolean): string {
  let s = x.toFixed(decimals);
  if (trim && s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  const [whole, frac] = s.split(".") as [string, string | undefined];
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".") + (frac ? `,${frac}` : "");
}

describe("consolidate --report on a province with every fault planted", () => {
  let dir: string;
  let run: CliRun;
  let report: Report;
  let lines: string[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "chitieu-report-"));
    writeProvince(dir, await generateProvince(faultProvinceSpec().spec), "bao-cao", "r.csv");
    run = consolidate(dir, ["--out", "s.xlsx", "--json", "s.json", "--report", "bao-cao.docx"]);
    report = JSON.parse(readFileSync(path.join(dir, "s.json"), "utf8")) as Report;
    lines = docxText(readFileSync(path.join(dir, "bao-cao.docx")));
  });

  it("writes the report beside the summary and says where", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Báo cáo (Word) / written report: bao-cao.docx");
  });

  it("carries the national motto, the title and the scope's name", () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BÁO CÁO",
      ]),
    );
    const all = lines.join("\n");
    expect(all).toContain(report.scope.name);
  });

  it("writes each indicator's figure the Vietnamese way, as the JSON report has it", () => {
    const all = lines.join("\n");
    const missing: string[] = [];
    for (const i of report.indicators) {
      if (i.value === null) continue;
      const ind = getIndicator(i.code);
      const decimals = ind.kind === "score" ? 2 : ind.decimals;
      // The table writes every decimal (38,80), the sentence drops trailing zeros (38,8).
      const table = vietnamese(i.value, decimals, false);
      const prose = vietnamese(i.value, decimals, true);
      if (!all.includes(table) || !all.includes(prose)) missing.push(`${i.code} ${table} / ${prose}`);
    }
    expect(missing).toEqual([]);
  });

  it("names the late and the missing units, and every rejected one", () => {
    const all = lines.join("\n");
    const named = report.units.filter((u) => ["late", "missing", "rejected", "duplicate"].includes(u.status));
    expect(named.length).toBeGreaterThan(2);
    expect(named.filter((u) => !all.includes(u.name))).toEqual([]);
  });

  it("writes each indicator's plan status in words", () => {
    const table = lines.join("\n");
    for (const i of report.indicators)
      if (i.status && i.status !== "no_target" && i.status !== "no_data")
        expect(table).toContain(PLAN_STATUS_TEXT[i.status].vi);
  });

  it("holds no English", () => {
    expect(lines.filter((l) => ENGLISH_WORDS.test(l))).toEqual([]);
  });

  it("is the same bytes the second time", () => {
    const again = consolidate(dir, ["--out", "s2.xlsx", "--report", "bao-cao-2.docx"]);
    expect(again.status).toBe(0);
    expect(
      readFileSync(path.join(dir, "bao-cao-2.docx")).equals(readFileSync(path.join(dir, "bao-cao.docx"))),
    ).toBe(true);
  });

  it("is written in English with --lang en", () => {
    const en = consolidate(dir, ["--out", "s3.xlsx", "--report", "report.docx", "--lang", "en"]);
    expect(en.status).toBe(0);
    const text = docxText(readFileSync(path.join(dir, "report.docx"))).join("\n");
    expect(text).toContain("SOCIALIST REPUBLIC OF VIETNAM");
    expect(text).toContain("REPORT");
    expect(text).not.toContain("Độc lập");
    expect(text).not.toContain("triệu đồng");
  });
});

describe("consolidate --report, used wrong", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "chitieu-report-bad-"));
  });
  const sample = (extra: string[]): CliRun =>
    runCli(
      [
        "consolidate",
        path.join(SAMPLE, "bao-cao"),
        "--roster",
        path.join(SAMPLE, "roster.csv"),
        "--out",
        "t.xlsx",
        ...extra,
      ],
      dir,
    );

  it.each([
    [["--report", "bao-cao.pdf"], ".docx"],
    [["--lang", "en"], "--report"],
    [["--report", "x.docx", "--lang", "fr"], "--lang"],
    [["--report", "t.xlsx"], "--report"],
  ])("%j stops with one line and writes nothing", (extra, said) => {
    const r = sample(extra);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(said);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("onto a folder: neither the summary nor the report is left, and nothing temporary", () => {
    mkdirSync(path.join(dir, "bao-cao.docx"));
    writeFileSync(path.join(dir, "t.xlsx"), "bản trước");
    const r = sample(["--report", "bao-cao.docx"]);
    expect(r.status).toBe(2);
    expect(readFileSync(path.join(dir, "t.xlsx"), "utf8")).toBe("bản trước");
    expect(readdirSync(dir).sort()).toEqual(["bao-cao.docx", "t.xlsx"]);
  });
});

describe("npm run demo", () => {
  it("writes the sample province's written report and says where", () => {
    const out = mkdtempSync(path.join(tmpdir(), "chitieu-demo-"));
    const r = runCli(["demo", "--out", out]);
    expect(r.status).toBe(0);
    const file = path.join(out, "bao-cao-son-la-2026.docx");
    expect(r.stdout).toContain(`Báo cáo (Word) / written report: ${file}`);
    const text = docxText(readFileSync(file)).join("\n");
    expect(text).toContain(
      "Kết quả thực hiện các chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2026 của tỉnh Sơn La",
    );
    expect(text).toContain("Chưa nộp báo cáo (2 đơn vị): Xã Xím Vàng, Xã Mường Lạn.");
    expect(readdirSync(out)).toContain("bao-cao-1219-2026.docx");
  });
});

// LibreOffice opens a .docx only with Writer installed (Debian's libreoffice-calc comes without it).
const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"]
  .filter(() => existsSync("/usr/lib/libreoffice/program/libswlo.so"))
  .find((p) => existsSync(p));
const pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].find((p) => existsSync(p));
if (!soffice || !pdftotext)
  console.warn("LibreOffice Writer or pdftotext is missing: the appendix's printed lines are not checked.");

(soffice && pdftotext ? describe : describe.skip)("the demo's written report, printed by LibreOffice", () => {
  it("gives the appendix's Đánh giá room: the longest standing takes at most two lines", () => {
    const out = mkdtempSync(path.join(tmpdir(), "chitieu-demo-pdf-"));
    expect(runCli(["demo", "--out", out]).status).toBe(0);
    const lo = spawnChild(
      soffice as string,
      ["--headless", "--convert-to", "pdf", "--outdir", out, path.join(out, "bao-cao-son-la-2026.docx")],
      { env: { ...process.env, HOME: out } },
    );
    expect(lo.status).toBe(0);
    const bbox = spawnChild(pdftotext as string, [
      "-bbox",
      path.join(out, "bao-cao-son-la-2026.pdf"),
      "-",
    ]).stdout;
    // Each printed word with the top of its line, in the order the page gives them (a cell's words together).
    const words = [...bbox.matchAll(/<word [^>]*yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
      y: Number(m[1]),
      text: m[2]!,
    }));
    const appendix = words.findIndex((w) => w.text === "PHỤ");
    expect(appendix).toBeGreaterThan(0);
    const standing = "Chưa đánh giá được (thiếu số gốc)".split(" ");
    const at = words.findIndex((_, i) => i > appendix && standing.every((t, k) => words[i + k]?.text === t));
    // The demo's Sơn La has a target with no baseline (Số tiêu chí xã đạt chuẩn nông thôn mới).
    expect(at).toBeGreaterThan(appendix);
    const lines = new Set(standing.map((_, k) => words[at + k]!.y));
    expect(lines.size).toBeLessThanOrEqual(2);
  }, 180_000);
});
