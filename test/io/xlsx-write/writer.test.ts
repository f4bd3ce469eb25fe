import ExcelJS from "exceljs";
import { TEMPLATES } from "../../../src/core/catalog/templates";
import { cellAt } from "../../../src/core/grid";
import type { LayoutCell, SheetLayout, WorkbookLayout } from "../../../src/core/layout/types";
import { readXlsx } from "../../../src/io/xlsx-read";
import { writeLayoutXlsx } from "../../../src/io/xlsx-write";
import { writeLayoutXlsxNode, writeLayoutXlsxNodeAsync } from "../../../src/io/node/xlsx-write";
import {
  all,
  inSchemaOrder,
  parseXml,
  parts,
  STYLES_ORDER,
  WORKBOOK_ORDER,
  WORKSHEET_ORDER,
  type Element,
} from "./parts";
import { smallProvinceLayout, templateLayout } from "./layouts";

/* The writer on hand-made layouts: one property at a time, looked at in the XML and read back. */

function sheet(cells: (LayoutCell | null)[][], extra: Partial<SheetLayout> = {}): SheetLayout {
  return {
    name: "Trang 1",
    role: "test",
    cells,
    columns: [],
    merges: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    ...extra,
  };
}

function book(sheets: SheetLayout[], extra: Partial<WorkbookLayout> = {}): WorkbookLayout {
  return { sheets, names: [], title: "Thử", recalcOnOpen: false, ...extra };
}

const text = (value: LayoutCell["value"], extra: Partial<LayoutCell> = {}): LayoutCell => ({
  value,
  ...extra,
});

function sheetXml(bytes: Uint8Array, n = 1): Element {
  return parseXml(parts(bytes)[`xl/worksheets/sheet${n}.xml`]!);
}

async function exceljs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

function ours(bytes: Uint8Array): NonNullable<ReturnType<typeof readXlsx> & { ok: true }>["doc"] {
  const r = readXlsx(bytes, "t.xlsx");
  if (!r.ok) throw new Error(r.message.en);
  return r.doc;
}

describe("cell values", () => {
  const risky = ["=SUM(A1)", "+1", "-x", "@x", "=1+1", "-", "=", "'=quoted"];

  it("writes text that looks like a formula as a shared string, never as <f>", async () => {
    const bytes = writeLayoutXlsx(book([sheet([risky.map((v) => text(v))])]));
    const cells = all(sheetXml(bytes), "c");
    expect(cells).toHaveLength(risky.length);
    for (const c of cells) {
      expect(c.attributes.t).toBe("s");
      expect(all(c, "f")).toEqual([]);
    }
    const wb = await exceljs(bytes);
    expect(risky.map((_, i) => wb.worksheets[0]!.getCell(1, i + 1).value)).toEqual(risky);
    const grid = ours(bytes).sheets[0]!;
    expect(risky.map((_, i) => cellAt(grid, 1, i + 1))).toEqual(risky.map((value) => ({ value })));
  });

  it("writes numbers, booleans, empty styled cells and formulas with and without results", async () => {
    const bytes = writeLayoutXlsx(
      book([
        sheet([
          [
            text(0.1),
            text(-0),
            text(1e21),
            text(123456789.123),
            text(true),
            text(false),
            text(null, { style: "input" }),
            text({ formula: "A1*2", result: 0.2 }),
            text({ formula: '=IF(A1>0,"có","")', result: "có" }),
            text({ formula: "A1+1" }),
            text({ formula: 'IF(1,"","")', result: "" }),
          ],
        ]),
      ]),
    );
    const c = all(sheetXml(bytes), "c");
    expect(c.map((x) => [x.attributes.t ?? "n", all(x, "f")[0]?.text, all(x, "v")[0]?.text])).toEqual([
      ["n", undefined, "0.1"],
      ["n", undefined, "0"],
      ["n", undefined, "1e+21"],
      ["n", undefined, "123456789.123"],
      ["b", undefined, "1"],
      ["b", undefined, "0"],
      ["n", undefined, undefined],
      ["n", "A1*2", "0.2"],
      ["str", 'IF(A1>0,"có","")', "có"],
      ["n", "A1+1", undefined],
      ["str", 'IF(1,"","")', ""],
    ]);
    const row = ours(bytes).sheets[0]!.rows[0]!.cells;
    expect(row.slice(0, 6).map((x) => x?.value)).toEqual([0.1, 0, 1e21, 123456789.123, true, false]);
    expect(row.slice(7).map((x) => x && { value: x.value, formula: x.formula })).toEqual([
      { value: 0.2, formula: true },
      { value: "có", formula: true },
      { value: null, formula: true },
      { value: "", formula: true },
    ]);
    const ws = (await exceljs(bytes)).worksheets[0]!;
    expect(ws.getCell("H1").value).toEqual({ formula: "A1*2", result: 0.2 });
    expect(ws.getCell("I1").value).toEqual({ formula: 'IF(A1>0,"có","")', result: "có" });
  });

  it("marks a number that has no cell form (NaN, ∞) as #NUM! rather than dropping it", () => {
    const bytes = writeLayoutXlsx(book([sheet([[text(Number.NaN), text(Infinity)]])]));
    const row = ours(bytes).sheets[0]!.rows[0]!.cells;
    expect(row.map((x) => x?.error)).toEqual(["#NUM!", "#NUM!"]);
  });

  it("escapes markup, keeps outer spaces and line breaks, and writes control characters as _xHHHH_", async () => {
    const values = [
      "a<b & c>\"d'",
      "  hai đầu  ",
      "dòng 1\ndòng 2",
      "cr\r\nlf",
      "tab\there",
      "bell\u0007",
      "_x0041_ stays",
      "x_x00e9_y",
      "\ufffe",
    ];
    const bytes = writeLayoutXlsx(book([sheet([values.map((v) => text(v))])]));
    const sst = parts(bytes)["xl/sharedStrings.xml"]!;
    expect(sst).toContain("_x0007_");
    expect(sst).toContain("_x005F_x0041_ stays");
    expect(sst).toContain("cr_x000D_\nlf");
    expect(sst).toContain('<t xml:space="preserve">  hai đầu  </t>');
    parseXml(sst);
    const ws = (await exceljs(bytes)).worksheets[0]!;
    expect(values.map((_, i) => ws.getCell(1, i + 1).value)).toEqual(values);
    const grid = ours(bytes).sheets[0]!;
    expect(values.map((_, i) => cellAt(grid, 1, i + 1)?.value)).toEqual(values);
  });

  it("counts every string cell in count and every distinct string in uniqueCount", () => {
    const bytes = writeLayoutXlsx(
      book([
        sheet([
          [text("a"), text("b"), text("a")],
          [text("a"), text(1), text("c")],
        ]),
      ]),
    );
    const sst = parseXml(parts(bytes)["xl/sharedStrings.xml"]!);
    expect(sst.attributes).toMatchObject({ count: "5", uniqueCount: "3" });
    expect(all(sst, "si")).toHaveLength(3);
  });

  it("writes cells in column order within ascending rows, skipping empty rows but not their heights", () => {
    const bytes = writeLayoutXlsx(
      book([
        sheet([[null, text("B1"), null, text("D1")], [], [text("A3")]], { rowHeights: { 3: 30, 5: 20.5 } }),
      ]),
    );
    const rows = all(sheetXml(bytes), "row");
    expect(rows.map((r) => [r.attributes, r.children.map((c) => c.attributes.r)])).toEqual([
      [{ r: "1" }, ["B1", "D1"]],
      [{ r: "3", ht: "30", customHeight: "1" }, ["A3"]],
      [{ r: "5", ht: "20.5", customHeight: "1" }, []],
    ]);
    expect(all(sheetXml(bytes), "dimension")[0]!.attributes.ref).toBe("A1:D3");
  });
});

describe("styles", () => {
  it("makes one cellXfs entry per (style, number format, unlocked) combination, whatever the number of cells", () => {
    const cells: LayoutCell[][] = [];
    for (let r = 0; r < 200; r++) {
      cells.push([
        text(r, { style: "figure", numFmt: "#,##0.00" }),
        text(r, { style: "figure", numFmt: "#,##0.00" }),
        text(r, { style: "input", numFmt: "#,##0.00", unlocked: true }),
        text(r, { style: "input", numFmt: "#,##0.00" }),
        text("x"),
      ]);
    }
    const styles = parseXml(parts(writeLayoutXlsx(book([sheet(cells)])))["xl/styles.xml"]!);
    const xfs = all(styles, "cellXfs")[0]!;
    // Excel's default entry, then figure, input unlocked, input locked, and no style.
    expect(xfs.children).toHaveLength(5);
    expect(xfs.attributes.count).toBe("5");
    const fills = all(styles, "fills")[0]!;
    expect(fills.children.slice(0, 2).map((f) => f.children[0]!.attributes.patternType)).toEqual([
      "none",
      "gray125",
    ]);
    expect(
      inSchemaOrder(
        styles.children.map((c) => c.name),
        STYLES_ORDER,
      ),
    ).toBe(true);
  });

  it("uses Excel's built-in ids for locale-independent formats and custom ids from 164 for the rest", () => {
    const fmts = ["0", "#,##0", "0.00%", "@", "dd/mm/yyyy", "+#,##0.0;-#,##0.0;0", "mm-dd-yy", 'ĐÚNG "x"'];
    const bytes = writeLayoutXlsx(book([sheet([fmts.map((numFmt, i) => text(i, { numFmt }))])]));
    const styles = parseXml(parts(bytes)["xl/styles.xml"]!);
    expect(all(styles, "numFmt").map((n) => [n.attributes.numFmtId, n.attributes.formatCode])).toEqual([
      ["164", "dd/mm/yyyy"],
      ["165", "+#,##0.0;-#,##0.0;0"],
      ["166", "mm-dd-yy"],
      ["167", 'ĐÚNG "x"'],
    ]);
    const ids = all(all(styles, "cellXfs")[0]!, "xf").map((x) => x.attributes.numFmtId);
    expect(ids).toEqual(["0", "1", "3", "10", "49", "164", "165", "166", "167"]);
    const grid = ours(bytes).sheets[0]!;
    expect(fmts.map((_, i) => cellAt(grid, 1, i + 1)?.numFmt)).toEqual(fmts);
  });

  it("unlocks input cells with <protection locked=0> and applyProtection", () => {
    const bytes = writeLayoutXlsx(book([sheet([[text(null, { style: "input", unlocked: true })]])]));
    const xf = all(all(parseXml(parts(bytes)["xl/styles.xml"]!), "cellXfs")[0]!, "xf")[1]!;
    expect(xf.attributes.applyProtection).toBe("1");
    expect(all(xf, "protection")[0]!.attributes).toEqual({ locked: "0" });
  });
});

describe("sheet features", () => {
  it("splits a multi-area validation into one rule per area, each formula relative to its own area", () => {
    const bytes = writeLayoutXlsx(
      book([
        sheet([[text(1)]], {
          validations: [
            {
              range: "G10 G12:G13",
              type: "custom",
              formulas: ["AND(ISNUMBER(G10),G10>=0)"],
              allowBlank: true,
              prompt: { title: "Giá trị", text: 'Nhập số "không âm" & < 10' },
              error: { title: "Lỗi", text: "Phải là số không âm." },
            },
          ],
        }),
      ]),
    );
    const dvs = all(sheetXml(bytes), "dataValidation");
    expect(dvs.map((d) => [d.attributes.sqref, all(d, "formula1")[0]!.text])).toEqual([
      ["G10", "AND(ISNUMBER(G10),G10>=0)"],
      ["G12:G13", "AND(ISNUMBER(G10),G10>=0)"],
    ]);
    expect(dvs[0]!.attributes.prompt).toBe('Nhập số "không âm" & < 10');
    expect(all(sheetXml(bytes), "dataValidations")[0]!.attributes.count).toBe("2");
  });

  it("quotes a list of items, and leaves a quoted list or a range of cells as it is", async () => {
    const lists = ['Có,Không,"Chưa rõ"', '"Đạt,Không đạt"', "$A$1:$A$3", "'Danh mục'!$B$2:$B$9"];
    const bytes = writeLayoutXlsx(
      book([
        sheet([[text(1)]], {
          validations: lists.map((f, i) => ({
            range: `C${i + 1}`,
            type: "list" as const,
            formulas: [f],
            allowBlank: true,
            error: { title: "Lỗi", text: "Chọn trong danh sách." },
          })),
        }),
      ]),
    );
    expect(all(sheetXml(bytes), "formula1").map((f) => f.text)).toEqual([
      '"Có,Không,""Chưa rõ"""',
      '"Đạt,Không đạt"',
      "$A$1:$A$3",
      "'Danh mục'!$B$2:$B$9",
    ]);
    const ws = (await exceljs(bytes)).worksheets[0]!;
    expect(ws.getCell("C2").dataValidation).toMatchObject({ type: "list", formulae: ['"Đạt,Không đạt"'] });
  });

  it("shortens validation titles and messages to Excel's limits (32 and 255 characters)", () => {
    const bytes = writeLayoutXlsx(
      book([
        sheet([[text(1)]], {
          validations: [
            {
              range: "A1",
              type: "whole",
              operator: "between",
              formulas: ["0", "10"],
              allowBlank: false,
              prompt: { title: "Ư".repeat(40), text: "ê".repeat(300) },
              error: { title: "ô".repeat(40), text: "ơ".repeat(300) },
            },
          ],
        }),
      ]),
    );
    const dv = all(sheetXml(bytes), "dataValidation")[0]!;
    expect([...dv.attributes.promptTitle!].length).toBe(32);
    expect([...dv.attributes.prompt!].length).toBe(255);
    expect([...dv.attributes.errorTitle!].length).toBe(32);
    expect([...dv.attributes.error!].length).toBe(255);
    expect(dv.attributes.operator).toBeUndefined();
    expect(dv.attributes.allowBlank).toBeUndefined();
  });

  it("keeps every layout's validation messages within Excel's limits", async () => {
    const layouts = [...TEMPLATES.flatMap((t) => [templateLayout(t.id), templateLayout(t.id, "en")])];
    for (const l of layouts) {
      for (const v of l.sheets.flatMap((s) => s.validations)) {
        for (const t of [v.error.title, v.prompt?.title ?? ""]) expect([...t].length).toBeLessThanOrEqual(32);
        for (const t of [v.error.text, v.prompt?.text ?? ""]) expect([...t].length).toBeLessThanOrEqual(255);
      }
    }
  });

  it("groups conditional rules by range, priorities in the layout's order", () => {
    const bytes = writeLayoutXlsx(
      book([
        sheet([[text("Đạt")]], {
          conditionalFormats: [
            { range: "A1:A9", kind: "textEquals", text: 'Đạt "tốt"', style: "good" },
            { range: "B1:B9", kind: "iconSet", icons: "3Symbols", reverse: true, thresholds: [1, 2] },
            { range: "A1:A9", kind: "textEquals", text: "Không đạt", style: "bad" },
            { range: "C1:C9", kind: "textEquals", text: "Khá", style: "good" },
          ],
        }),
      ]),
    );
    const cf = all(sheetXml(bytes), "conditionalFormatting");
    expect(
      cf.map((c) => [c.attributes.sqref, c.children.map((r) => [r.attributes.priority, r.attributes.dxfId])]),
    ).toEqual([
      [
        "A1:A9",
        [
          ["1", "0"],
          ["3", "1"],
        ],
      ],
      ["B1:B9", [["2", undefined]]],
      ["C1:C9", [["4", "0"]]],
    ]);
    expect(all(cf[0]!, "formula")[0]!.text).toBe('"Đạt ""tốt"""');
    expect(all(cf[1]!, "iconSet")[0]!.attributes).toEqual({ iconSet: "3Symbols", reverse: "1" });
    expect(all(cf[1]!, "cfvo").map((c) => c.attributes.val)).toEqual(["0", "1", "2"]);
    const dxfs = all(parseXml(parts(bytes)["xl/styles.xml"]!), "dxf");
    expect(dxfs).toHaveLength(2);
  });

  it("links inside the workbook with a location only, and to a file with an external relationship", async () => {
    const bytes = writeLayoutXlsx(
      book([
        sheet([
          [
            text("đi", { link: { sheet: "Tổng hợp's", cell: "B7" } }),
            text("tệp", { link: { file: "bao cáo/xã Mường Lèo.xlsx#'Chỉ tiêu'!G3" } }),
            text("tệp 2", { link: { file: "..\\khác.xlsx" } }),
          ],
        ]),
        sheet([[text(1)]], { name: "Tổng hợp's" }),
      ]),
    );
    const links = all(sheetXml(bytes), "hyperlink").map((h) => h.attributes);
    expect(links).toEqual([
      { ref: "A1", location: "'Tổng hợp''s'!B7" },
      { ref: "B1", "r:id": "rId1", location: "'Chỉ tiêu'!G3" },
      { ref: "C1", "r:id": "rId2" },
    ]);
    const rels = all(parseXml(parts(bytes)["xl/worksheets/_rels/sheet1.xml.rels"]!), "Relationship");
    expect(rels.map((r) => [r.attributes.Target, r.attributes.TargetMode])).toEqual([
      [encodeURI("bao cáo/xã Mường Lèo.xlsx"), "External"],
      [encodeURI("../khác.xlsx"), "External"],
    ]);
    const ws = (await exceljs(bytes)).worksheets[0]!;
    expect(ws.getCell("B1").value).toEqual({
      text: "tệp",
      hyperlink: encodeURI("bao cáo/xã Mường Lèo.xlsx"),
    });
  });

  it("writes notes as comments with their VML shapes, ids unique across sheets", async () => {
    const many: LayoutCell[][] = Array.from({ length: 1100 }, (_, r) => [text(r, { note: `ghi chú ${r}` })]);
    const bytes = writeLayoutXlsx(
      book([
        sheet([[text("a", { note: "Mã đơn vị\nUnit code" })]]),
        sheet(many, { name: "Nhiều" }),
        sheet([[text("b", { note: "cuối" })]], { name: "Cuối" }),
      ]),
    );
    const p = parts(bytes);
    const shapes = (n: number): string[] =>
      all(parseXml(p[`xl/drawings/vmlDrawing${n}.vml`]!), "v:shape").map((s) => s.attributes.id!);
    const idmap = (n: number): string =>
      all(parseXml(p[`xl/drawings/vmlDrawing${n}.vml`]!), "o:idmap")[0]!.attributes.data!;
    expect(idmap(1)).toBe("1");
    expect(idmap(2)).toBe("2,3");
    expect(idmap(3)).toBe("4");
    expect(shapes(1)).toEqual(["_x0000_s1025"]);
    expect(shapes(2)[0]).toBe("_x0000_s2049");
    expect(shapes(2)).toHaveLength(1100);
    expect(shapes(3)).toEqual(["_x0000_s4097"]);
    const ids = [1, 2, 3].flatMap(shapes);
    expect(new Set(ids).size).toBe(ids.length);
    const wb = await exceljs(bytes);
    expect((wb.worksheets[0]!.getCell("A1").note as ExcelJS.Comment).texts![0]!.text).toBe(
      "Mã đơn vị\nUnit code",
    );
    expect(all(sheetXml(bytes, 2), "legacyDrawing")).toHaveLength(1);
  });

  it("names table columns by their header cells, numbering repeats, and keeps table names unique", async () => {
    const header = [text("Mã"), text("mã"), text(null), text(2026)];
    const bytes = writeLayoutXlsx(
      book(
        [
          sheet([header, [text(1), text(2), text(3), text(4)]], {
            tables: [{ name: "ChiTieu", ref: "A1:D2", style: "TableStyleLight1" }],
          }),
          sheet([[text("Cột")], [text(1)]], {
            name: "Hai",
            tables: [{ name: "chitieu", ref: "A1:A2", style: "TableStyleLight1" }],
          }),
        ],
        { names: [{ name: "ChiTieu_2", sheet: "Hai", cell: "A1" }] },
      ),
    );
    const p = parts(bytes);
    const t1 = parseXml(p["xl/tables/table1.xml"]!);
    const t2 = parseXml(p["xl/tables/table2.xml"]!);
    expect(all(t1, "tableColumn").map((c) => c.attributes.name)).toEqual(["Mã", "mã2", "Cột 3", "2026"]);
    expect([t1.attributes.name, t2.attributes.name]).toEqual(["ChiTieu", "chitieu_3"]);
    expect([t1.attributes.id, t2.attributes.id]).toEqual(["1", "2"]);
    expect(all(t1, "autoFilter")).toEqual([]);
    expect(all(t1, "tableStyleInfo")[0]!.attributes.showRowStripes).toBe("0");
    // The header cells say exactly the column names, as text.
    const doc = ours(bytes);
    expect(doc.sheets[0]!.rows[0]!.cells.map((c) => c?.value)).toEqual(["Mã", "mã2", "Cột 3", "2026"]);
    expect(doc.tables.map((t) => [t.name, t.sheet, t.ref])).toEqual([
      ["ChiTieu", "Trang 1", "A1:D2"],
      ["chitieu_3", "Hai", "A1:A2"],
    ]);
  });

  it("freezes panes with the top-left cell of the scrolling part", () => {
    const views = (freeze: { rows: number; cols: number }): Record<string, string> =>
      all(sheetXml(writeLayoutXlsx(book([sheet([[text(1)]], { freeze })]))), "pane")[0]!.attributes;
    expect(views({ rows: 9, cols: 3 })).toEqual({
      xSplit: "3",
      ySplit: "9",
      topLeftCell: "D10",
      activePane: "bottomRight",
      state: "frozen",
    });
    expect(views({ rows: 4, cols: 0 })).toEqual({
      ySplit: "4",
      topLeftCell: "A5",
      activePane: "bottomLeft",
      state: "frozen",
    });
    expect(views({ rows: 0, cols: 2 })).toEqual({
      xSplit: "2",
      topLeftCell: "C1",
      activePane: "topRight",
      state: "frozen",
    });
  });

  it("sets A4, orientation, fit to one page wide, margins and print titles", async () => {
    const bytes = writeLayoutXlsx(
      book([
        sheet([[text(1)]], {
          name: "In ấn",
          print: { orientation: "landscape", paper: "A4", fitToWidth: true, titleRows: "8:9" },
          tabColor: "1F4E79",
        }),
        sheet([[text(1)]], {
          name: "Dọc",
          print: { orientation: "portrait", paper: "A4", fitToWidth: false },
        }),
      ]),
    );
    const x = sheetXml(bytes);
    expect(all(x, "pageSetUpPr")[0]!.attributes).toEqual({ fitToPage: "1" });
    expect(all(x, "tabColor")[0]!.attributes).toEqual({ rgb: "FF1F4E79" });
    expect(all(x, "pageSetup")[0]!.attributes).toEqual({
      paperSize: "9",
      fitToWidth: "1",
      fitToHeight: "0",
      orientation: "landscape",
    });
    expect(all(sheetXml(bytes, 2), "pageSetUpPr")).toEqual([]);
    const names = all(parseXml(parts(bytes)["xl/workbook.xml"]!), "definedName");
    expect(names.map((n) => [n.attributes.name, n.attributes.localSheetId, n.text])).toEqual([
      ["_xlnm.Print_Titles", "0", "'In ấn'!$8:$9"],
    ]);
    const ws = (await exceljs(bytes)).worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "8:9",
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    });
  });

  it("protects with no password, selecting cells and sizing columns and rows allowed", () => {
    const x = sheetXml(writeLayoutXlsx(book([sheet([[text(1)]], { protect: true })])));
    expect(all(x, "sheetProtection")[0]!.attributes).toEqual({
      sheet: "1",
      formatColumns: "0",
      formatRows: "0",
    });
  });

  it("copies merged cells' look from their top-left cell and leaves the layout untouched", () => {
    const layout = book([
      sheet([[text("Tiêu đề", { style: "header", unlocked: true }), text("bỏ")]], { merges: ["A1:C2"] }),
    ]);
    const before = JSON.stringify(layout);
    const x = sheetXml(writeLayoutXlsx(layout));
    const cells = all(x, "c");
    expect(cells.map((c) => c.attributes.r)).toEqual(["A1", "B1", "C1", "A2", "B2", "C2"]);
    expect(new Set(cells.map((c) => c.attributes.s)).size).toBe(1);
    expect(cells.slice(1).every((c) => c.children.length === 0)).toBe(true);
    expect(JSON.stringify(layout)).toBe(before);
  });
});

describe("the package", () => {
  let bytes: Uint8Array;
  let p: Record<string, string>;
  beforeAll(async () => {
    bytes = writeLayoutXlsx(await smallProvinceLayout());
    p = parts(bytes);
  });

  it("has well-formed XML in every part", () => {
    for (const [name, xml] of Object.entries(p)) {
      expect(() => parseXml(xml)).not.toThrow();
      expect(name).not.toMatch(/\/$/);
    }
  });

  it("declares a content type for every part", () => {
    const types = parseXml(p["[Content_Types].xml"]!);
    const overrides = new Set(all(types, "Override").map((o) => o.attributes.PartName!.slice(1)));
    const defaults = new Set(all(types, "Default").map((d) => d.attributes.Extension!));
    for (const name of Object.keys(p)) {
      if (name === "[Content_Types].xml") continue;
      const ext = name.split(".").pop()!;
      expect(overrides.has(name) || (ext !== "xml" && defaults.has(ext))).toBe(true);
      if (ext === "xml") expect(overrides.has(name)).toBe(true);
    }
    for (const o of overrides) expect(p[o]).toBeDefined();
  });

  it("resolves every internal relationship to a part of the package", () => {
    for (const [name, xml] of Object.entries(p)) {
      if (!name.endsWith(".rels")) continue;
      const base = name.replace(/_rels\/[^/]*$/, "");
      for (const r of all(parseXml(xml), "Relationship")) {
        if (r.attributes.TargetMode === "External") continue;
        const target = new URL(r.attributes.Target!, `http://x/${base}`).pathname.slice(1);
        expect(p[target]).toBeDefined();
      }
    }
  });

  it("follows the schema's element order in worksheets, styles and the workbook", () => {
    for (const [name, xml] of Object.entries(p)) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
      expect(
        inSchemaOrder(
          parseXml(xml).children.map((c) => c.name),
          WORKSHEET_ORDER,
        ),
      ).toBe(true);
    }
    expect(
      inSchemaOrder(
        parseXml(p["xl/styles.xml"]!).children.map((c) => c.name),
        STYLES_ORDER,
      ),
    ).toBe(true);
    expect(
      inSchemaOrder(
        parseXml(p["xl/workbook.xml"]!).children.map((c) => c.name),
        WORKBOOK_ORDER,
      ),
    ).toBe(true);
  });

  it("numbers the shared strings right", () => {
    const sst = parseXml(p["xl/sharedStrings.xml"]!);
    const refs = Object.entries(p)
      .filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
      .reduce((n, [, xml]) => n + (xml.match(/ t="s"/g) ?? []).length, 0);
    expect(Number(sst.attributes.count)).toBe(refs);
    expect(Number(sst.attributes.uniqueCount)).toBe(all(sst, "si").length);
  });

  it("passes our own reader's CRC and structure checks", () => {
    expect(readXlsx(bytes, "s.xlsx").ok).toBe(true);
  });

  it("writes the document properties with a fixed date and the layout's title", () => {
    const core = parseXml(p["docProps/core.xml"]!);
    const value = (n: string): string | undefined => all(core, n)[0]?.text;
    expect(value("dc:creator")).toBe("ChiTieu");
    expect(value("dc:title")).toMatch(/^Tổng hợp /);
    expect(value("dc:subject")).toBe("ktxh-xa@1");
    expect(value("dcterms:created")).toBe("2026-01-01T00:00:00Z");
    expect(value("dcterms:modified")).toBe("2026-01-01T00:00:00Z");
  });
});

describe("determinism", () => {
  it("gives the same bytes for the same layout, and another date only where the date is", async () => {
    const layout = await smallProvinceLayout();
    const a = writeLayoutXlsx(layout);
    const b = writeLayoutXlsx(structuredClone(layout));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = writeLayoutXlsx(layout, { date: new Date("2027-03-04T05:06:08Z") });
    const [pa, pc] = [parts(a), parts(c)];
    expect(pc["docProps/core.xml"]).toContain("2027-03-04T05:06:08Z");
    delete pa["docProps/core.xml"];
    delete pc["docProps/core.xml"];
    expect(pc).toEqual(pa);
  });

  it("stamps zip entries from the date's UTC fields, whatever the machine's time zone", () => {
    const bytes = writeLayoutXlsx(book([sheet([[text(1)]])]), { date: new Date("2026-12-20T23:30:00Z") });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const time = view.getUint16(10, true);
    const date = view.getUint16(12, true);
    expect([date >> 9, (date >> 5) & 15, date & 31]).toEqual([2026 - 1980, 12, 20]);
    expect([time >> 11, (time >> 5) & 63]).toEqual([23, 30]);
  });
});

describe("Excel's limits", () => {
  it("shortens a cell text past 32,767 characters, with an ellipsis", () => {
    const long = "ư".repeat(40_000);
    const bytes = writeLayoutXlsx(book([sheet([[text(long)]])]));
    const value = cellAt(ours(bytes).sheets[0]!, 1, 1)!.value as string;
    expect(value).toHaveLength(32_767);
    expect(value.endsWith("ư…")).toBe(true);
  });

  it("links at most 65,530 cells of a sheet; the rest keep their text", () => {
    const cells = Array.from({ length: 65_532 }, (_, i) => [
      text(`f${i}.xlsx`, { link: { file: `f${i}.xlsx` } }),
    ]);
    const bytes = writeLayoutXlsx(book([sheet(cells)]));
    const x = parts(bytes)["xl/worksheets/sheet1.xml"]!;
    expect(x.match(/<hyperlink /g)).toHaveLength(65_530);
    expect(cellAt(ours(bytes).sheets[0]!, 65_532, 1)?.value).toBe("f65531.xlsx");
  });

  it("keeps widths and heights within Excel's (255 characters, 409 points)", () => {
    const x = sheetXml(
      writeLayoutXlsx(book([sheet([[text(1)]], { columns: [300], rowHeights: { 1: 500 } })])),
    );
    expect(all(x, "col")[0]!.attributes.width).toBe("255");
    expect(all(x, "row")[0]!.attributes.ht).toBe("409");
  });

  it("refuses a sheet larger than Excel's grid", () => {
    const wide = [Array.from({ length: 16_385 }, () => text(1))];
    expect(() => writeLayoutXlsx(book([sheet(wide)]))).toThrow(/larger than an Excel sheet/);
  });
});

describe("layouts Excel could not open", () => {
  it("refuses a sheet name Excel does not allow", () => {
    expect(() => writeLayoutXlsx(book([sheet([], { name: "a/b" })]))).toThrow(/sheet name/);
    expect(() => writeLayoutXlsx(book([sheet([], { name: "x".repeat(32) })]))).toThrow(/sheet name/);
    expect(() => writeLayoutXlsx(book([sheet([]), sheet([], { name: "TRANG 1" })]))).toThrow(/Two sheets/);
  });

  it("refuses a name that points at a sheet not in the workbook", () => {
    expect(() =>
      writeLayoutXlsx(book([sheet([])], { names: [{ name: "X", sheet: "Khác", cell: "A1" }] })),
    ).toThrow(/not in the workbook/);
  });
});

describe("defined names", () => {
  it("quotes the sheet (doubling quotes) and makes the reference absolute", async () => {
    const bytes = writeLayoutXlsx(
      book([sheet([[text("04240")]], { name: "Chỉ tiêu 'xã' 1" })], {
        names: [
          { name: "ChiTieu_MaDonVi", sheet: "Chỉ tiêu 'xã' 1", cell: "C3" },
          { name: "Vung", sheet: "Chỉ tiêu 'xã' 1", cell: "A1:B2" },
        ],
      }),
    );
    const names = all(parseXml(parts(bytes)["xl/workbook.xml"]!), "definedName").map((n) => n.text);
    expect(names).toEqual(["'Chỉ tiêu ''xã'' 1'!$C$3", "'Chỉ tiêu ''xã'' 1'!$A$1:$B$2"]);
    expect(ours(bytes).names).toEqual([
      { name: "ChiTieu_MaDonVi", sheet: "Chỉ tiêu 'xã' 1", cell: "C3" },
      { name: "Vung", sheet: "Chỉ tiêu 'xã' 1", cell: "A1" },
    ]);
  });

  it("asks Excel to recalculate on opening only when the layout says so", () => {
    const calc = (recalcOnOpen: boolean): Record<string, string> =>
      all(
        parseXml(parts(writeLayoutXlsx(book([sheet([])], { recalcOnOpen })))["xl/workbook.xml"]!),
        "calcPr",
      )[0]!.attributes;
    expect(calc(true).fullCalcOnLoad).toBe("1");
    expect(calc(false).fullCalcOnLoad).toBeUndefined();
  });
});

describe("deflating with Node's zlib", () => {
  it("gives the same parts as the portable writer, and a file every reader takes", async () => {
    const layout = templateLayout("ktxh-xa");
    const node = writeLayoutXlsxNode(layout);
    expect(parts(node)).toEqual(parts(writeLayoutXlsx(layout)));
    expect(readXlsx(node, "n.xlsx").ok).toBe(true);
    expect((await exceljs(node)).worksheets.map((w) => w.name)).toEqual(["Chỉ tiêu", "Hướng dẫn"]);
    expect(Buffer.from(writeLayoutXlsxNode(layout)).equals(Buffer.from(node))).toBe(true);
  });

  it("on the thread pool, gives the very bytes it gives on the main thread", async () => {
    const layout = templateLayout("ktxh-xa");
    const pooled = await writeLayoutXlsxNodeAsync(layout);
    expect(Buffer.from(pooled).equals(Buffer.from(writeLayoutXlsxNode(layout)))).toBe(true);
    expect(readXlsx(pooled, "p.xlsx").ok).toBe(true);
  });
});
