import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { PassThrough } from "node:stream";
import { TEMPLATES } from "../../../src/core/catalog/templates";
import { NAMES, TABLE_NAME } from "../../../src/core/contract";
import { cellAt, type SourceDoc } from "../../../src/core/grid";
import { templateWorkbook, TEMPLATE_GEOMETRY } from "../../../src/core/layout/template-layout";
import { parsePeriod } from "../../../src/core/periods";
import { readXlsx } from "../../../src/io/xlsx-read";
import { renderWorkbook } from "../../support/exceljs-renderer";
import { differences } from "./compare";

/*
 * Real workbooks, written by ExcelJS and by our own template writer, read back by the reader and
 * compared cell by cell with ExcelJS's full model of the same bytes.
 */

function read(bytes: Uint8Array, tables?: string[]): SourceDoc {
  const r = readXlsx(bytes, "book.xlsx", tables ? { tables } : {});
  if (!r.ok) throw new Error(`${r.reason}: ${r.message.en}`);
  return r.doc;
}

const NFD_NAME = "Mường Lèo".normalize("NFD");

function fillEveryKind(ws: ExcelJS.Worksheet): void {
  ws.getCell("A1").value = "Mã chỉ tiêu";
  ws.getCell("B1").value = 8453;
  ws.getCell("C1").value = -1922.9;
  ws.getCell("D1").value = 0.4772;
  ws.getCell("D1").numFmt = "0.00%";
  ws.getCell("E1").value = 0.5;
  ws.getCell("E1").numFmt = "0%";
  ws.getCell("F1").value = 1234567.891;
  ws.getCell("F1").numFmt = "#,##0.0";
  ws.getCell("A2").value = true;
  ws.getCell("B2").value = false;
  ws.getCell("C2").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
  ws.getCell("D2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("E2").value = new Date(Date.UTC(2026, 11, 20));
  ws.getCell("E2").numFmt = "dd/mm/yyyy";
  ws.getCell("F2").value = new Date(Date.UTC(2026, 0, 5, 12, 0));
  ws.getCell("A3").value = { formula: "B1*2", result: 16906 };
  ws.getCell("B3").value = { formula: "B1*2" } as ExcelJS.CellFormulaValue;
  ws.getCell("C3").value = { formula: 'IF(B1>0,"có","không")', result: "có" };
  ws.getCell("D3").value = { formula: "B1>0", result: true };
  ws.getCell("E3").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  ws.getCell("F3").value = { formula: "E1", result: 0.5 };
  ws.getCell("F3").numFmt = "0.0%";
  ws.getCell("A4").value = 1;
  ws.getCell("A5").value = { sharedFormula: "A3", result: 2 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("A4").value = { formula: "B1+1", result: 8454, shareType: "shared", ref: "A4:A6" } as never;
  ws.getCell("A5").value = { sharedFormula: "A4", result: 8455 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("A6").value = { sharedFormula: "A4" } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("B4").value = {
    richText: [{ text: "Tỷ lệ " }, { font: { bold: true }, text: "hộ nghèo" }, { text: " (%)" }],
  };
  ws.getCell("C4").value = NFD_NAME;
  ws.getCell("D4").value = "=SUM(A1:A3)";
  ws.getCell("E4").value = "";
  ws.getCell("F4").value = { text: "liên kết", hyperlink: "https://example.org" };
  ws.getCell("A7").value = "dòng\nhai";
  ws.getCell("Z9").value = "xa";
  ws.getCell("B8").numFmt = "0.00%"; // styled but empty: not a cell of the grid
}

/**
 * The same cells through ExcelJS's two writers: the workbook writer puts text in the shared
 * string table; the streaming writer, told not to, writes inline rich text and `t="str"` text.
 */
async function everyKindOfCell(useSharedStrings: boolean): Promise<Uint8Array> {
  if (useSharedStrings) {
    const wb = new ExcelJS.Workbook();
    fillEveryKind(wb.addWorksheet("Dữ liệu"));
    wb.addWorksheet("Trang 2").getCell("A1").value = "khác";
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet("Dữ liệu");
  fillEveryKind(ws);
  ws.commit();
  const other = wb.addWorksheet("Trang 2");
  other.getCell("A1").value = "khác";
  other.commit();
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

describe.each([true, false])("an ExcelJS workbook with every kind of cell (shared strings: %s)", (shared) => {
  let bytes: Uint8Array;
  let doc: SourceDoc;
  beforeAll(async () => {
    bytes = await everyKindOfCell(shared);
    doc = read(bytes);
  });

  it("is written the way this case means to test", () => {
    const sheet = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]!);
    expect(sheet.includes('t="inlineStr"')).toBe(!shared);
    expect(sheet.includes('t="s"')).toBe(shared);
    expect(sheet).toContain('<f t="shared"');
  });

  it("matches ExcelJS's model cell by cell", async () => {
    expect(await differences(bytes, doc)).toEqual([]);
  });

  it("reads each kind as the grid defines it", () => {
    const g = doc.sheets[0]!;
    expect(g.sheet).toBe("Dữ liệu");
    expect(cellAt(g, 1, 4)).toEqual({ value: 0.4772, numFmt: "0.00%" });
    expect(cellAt(g, 1, 5)).toEqual({ value: 0.5, numFmt: "0%" });
    expect(cellAt(g, 2, 1)).toEqual({ value: true });
    expect(cellAt(g, 2, 3)).toEqual({ value: null, error: "#DIV/0!" });
    expect(cellAt(g, 2, 5)).toEqual({ value: 46376, numFmt: "dd/mm/yyyy" });
    expect(cellAt(g, 3, 1)).toEqual({ value: 16906, formula: true });
    expect(cellAt(g, 3, 2)).toEqual({ value: null, formula: true });
    expect(cellAt(g, 3, 3)).toEqual({ value: "có", formula: true });
    expect(cellAt(g, 3, 4)).toEqual({ value: true, formula: true });
    expect(cellAt(g, 3, 5)).toEqual({ value: null, formula: true, error: "#DIV/0!" });
    expect(cellAt(g, 5, 1)).toEqual({ value: 8455, formula: true });
    expect(cellAt(g, 6, 1)).toEqual({ value: null, formula: true });
    expect(cellAt(g, 4, 2)?.value).toBe("Tỷ lệ hộ nghèo (%)");
    expect(cellAt(g, 4, 4)).toEqual({ value: "=SUM(A1:A3)" });
    expect(cellAt(g, 4, 5)).toEqual({ value: "" });
    expect(cellAt(g, 7, 1)?.value).toBe("dòng\nhai");
    expect(cellAt(g, 9, 26)?.value).toBe("xa");
    expect(cellAt(g, 8, 2)).toBeUndefined();
  });

  it("normalises text to NFC", () => {
    expect(cellAt(doc.sheets[0]!, 4, 3)?.value).toBe("Mường Lèo".normalize("NFC"));
  });

  it("lists the sheets and reads them in order", () => {
    expect(doc.sheetNames).toEqual(["Dữ liệu", "Trang 2"]);
    expect(doc.sheets.map((s) => s.sheet)).toEqual(["Dữ liệu", "Trang 2"]);
    expect(doc.sheets.every((s) => s.rows.every((r, i, a) => i === 0 || a[i - 1]!.n < r.n))).toBe(true);
  });
});

async function filledTemplate(): Promise<Uint8Array> {
  const template = TEMPLATES.find((t) => t.id === "ktxh-xa")!;
  const layout = templateWorkbook({
    template,
    unit: { code: "04240", name: "Xã Mường Lèo" },
    period: parsePeriod("2026")!,
    lang: "vi",
  });
  return renderWorkbook(layout);
}

describe("a template written by our own writer", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await filledTemplate();
  });

  it("matches ExcelJS's model cell by cell on every sheet", async () => {
    const doc = read(bytes);
    expect(doc.sheets).toHaveLength(2);
    expect(await differences(bytes, doc)).toEqual([]);
  });

  it("finds the ChiTieu table and the metadata names", () => {
    const doc = read(bytes);
    expect(doc.tables).toEqual([
      { name: TABLE_NAME, sheet: "Chỉ tiêu", ref: expect.stringMatching(/^A9:I\d+$/) },
    ]);
    const byName = Object.fromEntries(doc.names.map((n) => [n.name, n]));
    expect(Object.keys(byName).sort()).toEqual(Object.values(NAMES).sort());
    expect(byName[NAMES.unit]).toEqual({
      name: NAMES.unit,
      sheet: "Chỉ tiêu",
      cell: TEMPLATE_GEOMETRY.meta.unit,
    });
    const main = doc.sheets[0]!;
    const unit = byName[NAMES.unit]!;
    expect(cellAt(main, Number(unit.cell.slice(1)), 3)).toEqual({ value: "04240", numFmt: "@" });
  });

  it("reads only the sheet holding ChiTieu when asked for that table, and still lists every sheet", () => {
    const doc = read(bytes, ["chitieu"]);
    expect(doc.sheets.map((s) => s.sheet)).toEqual(["Chỉ tiêu"]);
    expect(doc.sheetNames).toEqual(["Chỉ tiêu", "Hướng dẫn"]);
    expect(doc.tables).toHaveLength(1);
  });

  it("reads every sheet when the table asked for is not there", () => {
    expect(read(bytes, ["KeHoach"]).sheets).toHaveLength(2);
  });

  it("keeps percent formats and formula flags of the Thực hiện column", () => {
    const doc = read(bytes, ["ChiTieu"]);
    const rateRow = doc.sheets[0]!.rows.find((r) => r.cells[1]?.value === "HO_NGHEO")!;
    expect(rateRow.cells[6]).toEqual({ value: "", formula: true, numFmt: "0.00%" });
  });
});

describe("ExcelJS workbooks with names and tables", () => {
  it("reads workbook-scoped single-cell names, and ranges by their top-left cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("It's");
    ws.getCell("B2").value = "x";
    wb.definedNames.add("'It''s'!$B$2", "Quoted");
    wb.definedNames.add("'It''s'!$C$3:$D$9", "Area");
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const doc = read(bytes);
    expect(doc.names).toEqual([
      { name: "Quoted", sheet: "It's", cell: "B2" },
      { name: "Area", sheet: "It's", cell: "C3" },
    ]);
  });

  it("lists tables on several sheets and reads only those asked for", async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("A");
    const b = wb.addWorksheet("B");
    const c = wb.addWorksheet("C");
    a.addTable({ name: "KeHoach", ref: "A1", columns: [{ name: "ky" }], rows: [["2026"]] });
    b.addTable({
      name: "ChiTieu",
      ref: "B2",
      columns: [{ name: "Mã chỉ tiêu" }, { name: "Thực hiện" }],
      rows: [["X", 1]],
    });
    c.getCell("A1").value = 1;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const doc = read(bytes, ["ChiTieu"]);
    expect(doc.tables).toEqual([
      { name: "KeHoach", sheet: "A", ref: "A1:A2" },
      { name: "ChiTieu", sheet: "B", ref: "B2:C3" },
    ]);
    expect(doc.sheets.map((s) => s.sheet)).toEqual(["B"]);
    expect(read(bytes, ["ChiTieu", "KeHoach"]).sheets.map((s) => s.sheet)).toEqual(["A", "B"]);
    expect(await differences(bytes, read(bytes))).toEqual([]);
  });
});
