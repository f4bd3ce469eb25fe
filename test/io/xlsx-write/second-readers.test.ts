import { strFromU8, unzipSync } from "fflate";
import { spawnChild } from "../../support/child";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { TEMPLATES } from "../../../src/core/catalog/templates";
import type { SourceDoc } from "../../../src/core/grid";
import type { WorkbookLayout } from "../../../src/core/layout/types";
import { a1, parseRange } from "../../../src/core/text";
import { readXlsx } from "../../../src/io/xlsx-read";
import { renderWorkbook } from "../../support/exceljs-renderer";
import { writeLayoutXlsx } from "../../../src/io/xlsx-write";
import { officialSummaryLayout, smallProvinceLayout, templateLayout } from "./layouts";
import { TEMPLATE_TABLE_HEADERS } from "../../support/contract";
import { hasOpenpyxl, openpyxl, type OpenpyxlSheet } from "../../support/openpyxl";

/*
 * Other programs read the writer's files: our own streaming reader (values, formats, names,
 * tables), LibreOffice (a CSV of every sheet, the same as for the ExcelJS renderer's file) and
 * openpyxl 3.0 (tables, names, validations, protection, notes and links).
 */

interface Case {
  name: string;
  layout: WorkbookLayout;
  ours: Uint8Array;
  /** Ours without the charts, which the ExcelJS renderer cannot draw: compared with its file. */
  plain: Uint8Array;
  reference: Uint8Array;
}

/** The layout without its charts. */
function withoutCharts(layout: WorkbookLayout): WorkbookLayout {
  return { ...layout, sheets: layout.sheets.map(({ charts: _charts, ...sheet }) => sheet) };
}

const cases: Case[] = [];

beforeAll(async () => {
  const layouts: [string, WorkbookLayout][] = [
    ...TEMPLATES.map((t): [string, WorkbookLayout] => [t.id, templateLayout(t.id)]),
    ["tong-hop-nho", await smallProvinceLayout()],
    ["tong-hop-40", officialSummaryLayout("40")],
  ];
  for (const [name, layout] of layouts) {
    cases.push({
      name,
      layout,
      ours: writeLayoutXlsx(layout),
      plain: writeLayoutXlsx(withoutCharts(layout)),
      reference: await renderWorkbook(layout),
    });
  }
});

function read(bytes: Uint8Array): SourceDoc {
  const r = readXlsx(bytes, "x.xlsx");
  if (!r.ok) throw new Error(r.message.en);
  return r.doc;
}

describe("our xlsx reader", () => {
  it("reads the same values, number formats, names and tables from both writers' files", () => {
    for (const c of cases) {
      const ours = read(c.ours);
      const reference = read(c.reference);
      expect({ case: c.name, ...ours, file: "" }).toEqual({ case: c.name, ...reference, file: "" });
    }
  });

  it("finds the ChiTieu table and the five names in every template and summary", () => {
    for (const c of cases) {
      const doc = read(c.ours);
      expect(doc.tables.map((t) => t.name)).toContain("ChiTieu");
      expect(doc.names.map((n) => n.name).sort()).toEqual(
        [
          "ChiTieu_KyBaoCao",
          "ChiTieu_MaDonVi",
          "ChiTieu_MauBieu",
          "ChiTieu_NgayBaoCao",
          "ChiTieu_TenDonVi",
        ].sort(),
      );
    }
  });
});

const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => existsSync(p));

(soffice ? describe : describe.skip)("LibreOffice", () => {
  it("converts every sheet to CSV and to HTML (styles) as it does the ExcelJS renderer's file; links open the cell", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chitieu-lo-"));
    const chosen = cases.filter((c) => c.name === "ktxh-xa" || c.name === "tong-hop-nho");
    const files: string[] = [];
    for (const c of chosen) {
      for (const [who, bytes] of [
        ["ours", c.plain],
        ["ref", c.reference],
      ] as const) {
        mkdirSync(path.join(dir, who), { recursive: true });
        const file = path.join(dir, who, `${c.name}.xlsx`);
        writeFileSync(file, bytes);
        files.push(file);
      }
    }
    const convert = (who: string, format: string, outdir: string): void => {
      const conv = spawnChild(soffice!, [
        "--headless",
        `-env:UserInstallation=file://${dir}/lo-profile`,
        "--convert-to",
        format,
        "--outdir",
        path.join(dir, outdir),
        ...files.filter((f) => f.includes(`${path.sep}${who}${path.sep}`)),
      ]);
      expect(conv.status).toBe(0);
    };
    for (const who of ["ours", "ref"]) {
      // UTF-8, comma-separated, every sheet to its own file (the last field, -1).
      convert(
        who,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        `${who}-csv`,
      );
      // HTML keeps what LibreOffice made of the styles: fonts, fills, borders, alignment, notes.
      convert(who, "html", `${who}-html`);
    }
    for (const c of chosen) {
      const html = (who: string): string =>
        readFileSync(path.join(dir, `${who}-html`, `${c.name}.html`), "utf8");
      const links = [...html("ours").matchAll(/<a href="([^"]*)"/g)].map((m) => decodeURI(m[1]!));
      // A file, and the sheet and cell in it once, as LibreOffice opens it.
      for (const l of links) expect(l).toMatch(/^file:\/\/[^#]+(#'[^']+'![A-Z]+\d+)?$/);
      if (c.name === "tong-hop-nho") expect(links.filter((l) => l.includes("#")).length).toBeGreaterThan(10);
      // Apart from the document's dates, the links (ExcelJS's carry the place twice), the width of
      // the columns 9 wide (ExcelJS leaves them at Excel's default) and rounding of row heights.
      const plain = (s: string): string =>
        s
          .replace(/^\s*<meta [^>]*>\n/gm, "")
          .replace(/<a href="[^"]*">/g, "<a>")
          .replace(/<colgroup width="\d+">/g, "<colgroup>")
          .replace(/ height="\d+"/g, "");
      expect(plain(html("ours"))).toBe(plain(html("ref")));
    }
    const csvs = (who: string): Record<string, string> =>
      Object.fromEntries(
        readdirSync(path.join(dir, `${who}-csv`))
          .sort()
          .map((f) => [f, readFileSync(path.join(dir, `${who}-csv`, f), "utf8")]),
      );
    const ours = csvs("ours");
    const sheets = chosen.reduce((n, c) => n + c.layout.sheets.length, 0);
    expect(Object.keys(ours)).toHaveLength(sheets);
    expect(ours).toEqual(csvs("ref"));
    const template = ours["ktxh-xa-Chỉ tiêu.csv"] ?? "";
    expect(template).toContain("Mã đơn vị:,04240");
    expect(template).toContain("Xã Mường Lèo");
    expect(template).toContain(
      "STT,Mã chỉ tiêu,Tên chỉ tiêu,Đơn vị tính,Tử số,Mẫu số,Thực hiện,Kế hoạch,Ghi chú",
    );
    expect(ours["tong-hop-nho-Tổng hợp.csv"]).toContain("Tỉnh Sơn La");
    expect(ours["tong-hop-nho-Vấn đề.csv"]).toMatch(/Lỗi|Cảnh báo/);
  });
});

if (!soffice) console.warn("LibreOffice (soffice) not found: its checks are skipped; .ci/run installs it.");

/** The cells of an sqref (`A1 B2:B4`), one address each. */
function cellsOf(sqref: string): string[] {
  return sqref.split(/\s+/).flatMap((area) => {
    const b = parseRange(area)!;
    const out: string[] = [];
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.push(a1(r, c));
    return out;
  });
}

(hasOpenpyxl ? describe : describe.skip)("openpyxl 3.0", () => {
  it("loads each file and sees what it sees in the ExcelJS renderer's, less what differs on purpose", () => {
    for (const c of cases.filter((x) => x.name !== "tong-hop-40")) {
      const ours = openpyxl(c.ours);
      const ref = openpyxl(c.reference);
      expect(ours.version).toMatch(/^3\.0\./);
      ours.sheets.forEach((s, i) => {
        const r = ref.sheets[i]!;
        const layout = c.layout.sheets[i]!;
        // Priorities 1…n in the layout's order (ExcelJS gives every rule 1).
        expect(s.conditional.map((x) => x.priority)).toEqual(layout.conditionalFormats.map((_, k) => k + 1));
        const strip = (x: OpenpyxlSheet["conditional"]): unknown[] =>
          x.map((y) => JSON.stringify({ ...y, priority: 0 })).sort();
        expect(strip(s.conditional)).toEqual(strip(r.conditional));
        // ExcelJS writes a portrait page setup on sheets the layout gives none.
        if (!layout.print) expect([s.orientation, r.orientation]).toEqual([null, "portrait"]);
        // Links to files: [file, place in it], where ExcelJS puts both in the target.
        for (const [a, [target, location]] of Object.entries(s.links)) {
          expect(r.links[a]![0]).toBe(`${target}${location ? `#${encodeURI(location)}` : ""}`);
        }
        // The date validation: ExcelJS's bounds are serial numbers past year 9999.
        for (const v of s.validations.filter((x) => x.type === "date")) {
          expect([v.formula1, v.formula2]).toEqual(["36526", "73050"]);
        }
        // Charts: ExcelJS writes none; ours are checked on their own below.
        expect(s.charts).toHaveLength(layout.charts?.length ?? 0);
        for (const x of [s, r]) {
          x.charts = [];
          x.conditional = [];
          x.orientation = null;
          x.links = {};
          // Widths: the layout's, checked on our file by the summary's own tests.
          x.widths = {};
          // Column breaks: ExcelJS writes none.
          x.colBreaks = [];
          // Rules cell by cell: ExcelJS joins neighbouring cells with equal rules into one range.
          x.validations = x.validations
            .filter((v) => v.type !== "date")
            .flatMap((v) => cellsOf(String(v.sqref)).map((cell) => ({ ...v, sqref: cell })))
            .sort((a, b) => (a.sqref < b.sqref ? -1 : a.sqref > b.sqref ? 1 : 0));
        }
      });
      expect(ours).toEqual(ref);
    }
  });

  it("sees the table, the names, the validations, the protection and the notes of a template", () => {
    const c = cases.find((x) => x.name === "ktxh-xa")!;
    const view = openpyxl(c.ours);
    expect(view.creator).toBe("ChiTieu");
    expect(view.names.ChiTieu_MaDonVi).toBe("'Chỉ tiêu'!$C$3");
    const s = view.sheets[0]!;
    expect(s.tables).toEqual([
      {
        name: "ChiTieu",
        ref: "A9:I35",
        columns: TEMPLATE_TABLE_HEADERS,
        style: "TableStyleLight1",
      },
    ]);
    const areas = c.layout.sheets[0]!.validations.reduce((n, v) => n + v.range.split(/\s+/).length, 0);
    expect(s.validations).toHaveLength(areas);
    expect(s.validations.find((v) => v.sqref === "G3")).toMatchObject({
      type: "date",
      formula1: "36526",
      formula2: "73050",
      promptTitle: "Ngày báo cáo",
    });
    expect(s.protection).toEqual({
      sheet: true,
      formatColumns: false,
      formatRows: false,
      selectLockedCells: false,
      selectUnlockedCells: false,
    });
    expect(s.freeze).toBe("D10");
    expect(s.printTitleRows).toBe("$8:$9");
    expect([s.orientation, String(s.paperSize), s.fitToPage]).toEqual(["landscape", "9", true]);
    expect(s.unlocked).toContain("G3");
    expect(s.notes.B3).toBe("Unit code");
    expect(s.cells.C4).toBe("Xã Mường Lèo");
  });
});

(hasOpenpyxl ? describe : describe.skip)("openpyxl 3.0: the summary as a planner prints it", () => {
  it("every sheet has its print setup and page numbers; Tổng hợp has a bar chart of figure against target", () => {
    const c = cases.find((x) => x.name === "tong-hop-nho")!;
    const view = openpyxl(c.ours);
    expect(view.sheets.map((s) => s.name)).toEqual(c.layout.sheets.map((s) => s.name));
    for (const s of view.sheets) {
      expect({ sheet: s.name, paper: String(s.paperSize), footer: s.footer }).toEqual({
        sheet: s.name,
        paper: "9",
        footer: "Trang &P/&N",
      });
      expect(s.orientation).toMatch(/^(landscape|portrait)$/);
      expect(s.printTitleRows).toMatch(/^\$\d+:\$\d+$/);
    }
    const matrix = view.sheets.find((s) => s.name === "Theo đơn vị")!;
    // Units at the left of every page the indicators run over.
    expect(matrix.printTitleCols).toBe("$A:$B");
    const figures = view.sheets[0]!;
    expect(figures.charts).toHaveLength(1);
    const chart = figures.charts[0]!;
    expect(chart.type).toBe("barChart");
    expect(chart.series).toHaveLength(2);
    // The series' names are the block's headers, their categories the indicators' names.
    const cellAt = (ref: string): unknown => figures.cells[ref.replace(/^.*!/, "").replace(/\$/g, "")];
    expect(chart.series.map((x) => cellAt(x.name!))).toEqual(["Thực hiện (%)", "Kế hoạch (%)"]);
    const categories = chart.series[0]!.categories!.replace(/^.*!/, "").replace(/\$/g, "");
    const first = cellsOf(categories).map((a) => figures.cells[a]);
    expect(first).toContain("Tỷ lệ hộ nghèo theo chuẩn đa chiều");
  }, 60_000);

  it("shows words, not machine ids, in the visible cells of Tổng hợp; the template's tag stays for machines", () => {
    const c = cases.find((x) => x.name === "tong-hop-nho")!;
    const view = openpyxl(c.ours);
    const figures = view.sheets[0]!;
    const hidden = new Set(figures.hiddenColumns);
    const visible = Object.entries(figures.cells)
      .filter(([ref]) => !hidden.has(ref.replace(/\d+$/, "")))
      .map(([, v]) => String(v));
    const ids = [/ktxh-xa@\d/, /^xa$/, /bien-gioi/, /missing-submission/, /Σ/];
    for (const id of ids) expect(visible.filter((v) => id.test(v))).toEqual([]);
    expect(visible).toContain("UBND TỈNH SƠN LA");
    expect(visible).toContain("BÁO CÁO TỔNG HỢP");
    expect(visible.some((v) => v.startsWith("Chỉ tiêu kế hoạch phát triển kinh tế"))).toBe(true);
    // ChiTieu_MauBieu: a hidden cell holding the tag, read back when the summary is consolidated upward.
    const tagRef = view.names.ChiTieu_MauBieu!.replace(/^.*!/, "").replace(/\$/g, "");
    expect(hidden.has(tagRef.replace(/\d+$/, ""))).toBe(true);
    expect(figures.cells[tagRef]).toBe("ktxh-xa@1");
  }, 60_000);
});

(soffice ? describe : describe.skip)("LibreOffice: the chart", () => {
  it("opens the summary's chart as a chart of its own, drawn from the sheet's cells", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chitieu-lo-chart-"));
    const c = cases.find((x) => x.name === "tong-hop-nho")!;
    const file = path.join(dir, "tong-hop.xlsx");
    writeFileSync(file, c.ours);
    const conv = spawnChild(soffice!, [
      "--headless",
      `-env:UserInstallation=file://${dir}/lo-profile`,
      "--convert-to",
      "ods",
      "--outdir",
      dir,
      file,
    ]);
    expect(conv.status).toBe(0);
    const ods = unzipSync(new Uint8Array(readFileSync(path.join(dir, "tong-hop.ods"))));
    const charts = Object.keys(ods).filter((k) => /^Object \d+\/content\.xml$/.test(k));
    expect(charts).toHaveLength(1);
    const chart = strFromU8(ods[charts[0]!]!);
    expect(chart).toContain('chart:class="chart:bar"');
    expect(chart).toContain("Thực hiện so với kế hoạch (%)");
    // Its data: the block on Tổng hợp, not a copy.
    expect(strFromU8(ods["content.xml"]!)).toMatch(/draw:object[^>]*Tổng hợp/);
  }, 300_000);
});

if (!hasOpenpyxl)
  console.warn("openpyxl not found: its checks are skipped; .ci/run installs python3-openpyxl.");
