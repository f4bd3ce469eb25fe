import { strFromU8, unzipSync } from "fflate";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { spawnChild } from "../support/child";
import { runCli } from "../support/cli";

/*
 * The line chart of "Theo thời gian" in the demo's Mường Lèo summary (2028, with 2025–2027 as its
 * history): a native chart part the sheet's drawing points at, that openpyxl and LibreOffice open;
 * its data under the table, the chart on a printed page of its own, the status code out of sight.
 */

const SHEET = "Theo thời gian";
const TITLE = "Các tỷ lệ chính theo kỳ và kế hoạch (%)";

const out = mkdtempSync(path.join(tmpdir(), "chitieu-time-chart-"));
const file = path.join(out, "tong-hop-muong-leo-2028.xlsx");

beforeAll(() => {
  const r = runCli(["demo", "--out", out]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
}, 120_000);

/** A part's relationships by id, with their targets resolved against the part's folder. */
function rels(parts: Record<string, Uint8Array>, part: string): Map<string, string> {
  const dir = path.posix.dirname(part);
  const relsPath = `${dir}/_rels/${path.posix.basename(part)}.rels`;
  const xml = strFromU8(parts[relsPath] ?? new Uint8Array());
  const map = new Map<string, string>();
  for (const m of xml.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g))
    map.set(m[1]!, path.posix.normalize(`${dir}/${m[2]!}`));
  return map;
}

describe("the Theo thời gian chart, in the file", () => {
  it("is an xl/charts part referenced from the sheet's drawing: lines of the key rates, targets dashed", () => {
    const parts = unzipSync(new Uint8Array(readFileSync(file)));
    const workbook = strFromU8(parts["xl/workbook.xml"]!);
    const rid = new RegExp(`<sheet name="${SHEET}"[^>]*r:id="([^"]+)"`).exec(workbook)![1]!;
    const sheetPart = rels(parts, "xl/workbook.xml").get(rid)!;
    const sheetXml = strFromU8(parts[sheetPart]!);
    const drawingRid = /<drawing r:id="([^"]+)"/.exec(sheetXml)![1]!;
    const drawingPart = rels(parts, sheetPart).get(drawingRid)!;
    const chartParts = [...rels(parts, drawingPart).values()];
    expect(chartParts).toHaveLength(1);
    expect(chartParts[0]).toMatch(/^xl\/charts\/chart\d+\.xml$/);
    const chart = strFromU8(parts[chartParts[0]!]!);
    expect(chart).toContain("<c:lineChart>");
    expect(chart).toContain(TITLE);
    const series = [...chart.matchAll(/<c:ser>/g)].length;
    expect(series).toBeGreaterThanOrEqual(2);
    expect(series).toBeLessThanOrEqual(6);
    // The plan's targets: dashed lines, drawn from the sheet's own cells.
    expect(chart).toContain('<a:prstDash val="dash"/>');
    expect(chart).toContain("Kế hoạch: ");
    expect(chart).toMatch(/<c:f>'Theo thời gian'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+<\/c:f>/);
    // A page break before the chart.
    expect(sheetXml).toMatch(/<rowBreaks count="1" manualBreakCount="1"><brk id="\d+"/);
    // What needs looking at comes first: the first line is a rate behind (or missed) in 2028, while
    // a rate that is met (CHE_PHU_RUNG comes before it in the template) has to wait for room.
    const report = JSON.parse(readFileSync(file.replace(/\.xlsx$/, ".json"), "utf8")) as {
      indicators: { code: string; name: string; kind: string; status?: string }[];
    };
    const names = [...chart.matchAll(/<c:ser>.*?<c:v>([^<]*)<\/c:v>/gs)].map((m) => m[1]!);
    const figures = names.filter((n) => !n.startsWith("Kế hoạch: "));
    const lagging = report.indicators.filter(
      (i) => i.kind === "rate" && /behind|missed/.test(i.status ?? ""),
    );
    // Mường Lèo has more lagging rates than the chart has room for: every line drawn is one of them.
    expect(lagging.length).toBeGreaterThan(figures.length);
    expect(figures.length).toBeGreaterThan(0);
    for (const name of figures) expect(lagging.map((i) => i.name)).toContain(name);
  });
});

const python = "/usr/bin/python3";
const hasOpenpyxl = existsSync(python) && spawnChild(python, ["-c", "import openpyxl"]).status === 0;
if (!hasOpenpyxl)
  console.warn("openpyxl not found (/usr/bin/python3): its check of the time chart is skipped.");

const VIEW = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
table = ws.tables["ChiTieu_TheoKy"]
print(json.dumps({
  "table": table.ref,
  "columns": [c.name for c in table.tableColumns],
  "hidden": sorted(k for k, d in ws.column_dimensions.items() if d.hidden),
  "breaks": [b.id for b in ws.row_breaks.brk],
  "charts": [{
    "type": c.tagname,
    "series": len(c.series),
    "fromRow": c.anchor._from.row + 1,
    "fromCol": c.anchor._from.col + 1,
    "toCol": c.anchor.to.col,
  } for c in ws._charts],
  "fit": [ws.page_setup.orientation, ws.page_setup.fitToWidth, ws.sheet_properties.pageSetUpPr.fitToPage],
  "standing": [{
    "wrap": bool(c.alignment.wrap_text),
    "height": ws.row_dimensions[c.row].height,
    "width": ws.column_dimensions[c.column_letter].width,
  } for row in ws.iter_rows() for c in row if c.value == "Chưa đánh giá được (thiếu số gốc)"],
}))
`;

(hasOpenpyxl ? describe : describe.skip)("the Theo thời gian chart, in openpyxl", () => {
  it("sees one line chart below the table and its data, after a page break, within the table's width", () => {
    const r = spawnChild(python, ["-c", VIEW, file, SHEET]);
    expect(r.stderr).toBe("");
    const view = JSON.parse(r.stdout) as {
      table: string;
      columns: string[];
      hidden: string[];
      breaks: number[];
      charts: { type: string; series: number; fromRow: number; fromCol: number; toCol: number }[];
      fit: [string, number, boolean];
      standing: { wrap: boolean; height: number | null; width: number }[];
    };
    expect(view.charts).toHaveLength(1);
    const chart = view.charts[0]!;
    expect(chart.type).toBe("lineChart");
    expect(chart.series).toBeLessThanOrEqual(6);
    const [, right, last] = /^A\d+:([A-Z]+)(\d+)$/.exec(view.table)!;
    const tableBottom = Number(last);
    // Under the table, never beside it: the chart ends before the table's last (hidden) column.
    expect(chart.fromRow).toBeGreaterThan(tableBottom + 3);
    expect(chart.fromCol).toBe(1);
    expect(chart.toCol).toBeLessThan(view.columns.length);
    // The machine's status code is the table's last column, kept in it but hidden.
    expect(view.columns[view.columns.length - 1]).toBe("Mã đánh giá");
    expect(view.hidden).toEqual([right]);
    // A printed page starts just before the chart (brk id is the last row of the page before).
    expect(view.breaks).toHaveLength(1);
    expect(view.breaks[0]! + 1).toBeGreaterThan(tableBottom);
    expect(view.breaks[0]! + 1).toBeLessThan(chart.fromRow);
    expect(view.fit).toEqual(["landscape", 1, true]);
  }, 60_000);

  it("wraps the long standing in its column, the row grown to two lines, not cut at the cell's edge", () => {
    const r = spawnChild(python, ["-c", VIEW, file, SHEET]);
    expect(r.stderr).toBe("");
    const { standing } = JSON.parse(r.stdout) as {
      standing: { wrap: boolean; height: number | null; width: number }[];
    };
    expect(standing.length).toBeGreaterThan(0);
    for (const s of standing) {
      // 33 characters in a column narrower than that: wrapped, and tall enough for two lines.
      expect(s.width).toBeLessThan(33);
      expect(s.wrap).toBe(true);
      expect(s.height ?? 0).toBeGreaterThanOrEqual(2 * 15);
    }
  }, 60_000);
});

const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => existsSync(p));
const pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].find((p) => existsSync(p));
if (!soffice || !pdftotext)
  console.warn("LibreOffice (soffice) or pdftotext not found: the time chart's PDF check is skipped.");

(soffice && pdftotext ? describe : describe.skip)("the Theo thời gian chart, printed by LibreOffice", () => {
  it("converts to PDF with the chart on the last page, its axis in %, the status code nowhere", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chitieu-time-pdf-"));
    const conv = spawnChild(soffice!, [
      "--headless",
      `-env:UserInstallation=file://${dir}/lo-profile`,
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      file,
    ]);
    expect(conv.status).toBe(0);
    const pdf = path.join(dir, "tong-hop-muong-leo-2028.pdf");
    const text = (args: string[]): string => spawnChild(pdftotext!, [...args, pdf, "-"]).stdout;
    const pages = text([])
      .split("\f")
      .filter((p) => p.trim() !== "");
    const last = pages[pages.length - 1]!;
    // The section heading and the chart's own title; the value axis labelled in whole per cent.
    expect(last.split(TITLE).length - 1).toBe(2);
    expect(last).toMatch(/^50%$/m);
    // The page before is the series table's last, not the chart's.
    expect(pages[pages.length - 2]).not.toContain(TITLE.replace(" (%)", ""));
    expect(text([])).not.toContain("Mã đánh giá");
  }, 300_000);
});
