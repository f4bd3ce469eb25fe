import { cellAt, type SourceDoc } from "../../../src/core/grid";
import { readXlsx } from "../../../src/io/xlsx-read";
import { handBook, NS, REL_NS, sheetXml, stylesXml, tableXml, type HandBook } from "./hand-built";

/* Cell and workbook forms that ExcelJS does not write but Excel, LibreOffice and others do. */

function read(book: HandBook, tables?: string[]): SourceDoc {
  const r = readXlsx(handBook(book), "hand.xlsx", tables ? { tables } : {});
  if (!r.ok) throw new Error(`${r.reason}: ${r.message.en}`);
  return r.doc;
}

function one(rows: string, extra: Partial<HandBook> = {}): SourceDoc {
  return read({ sheets: [{ name: "S", rows }], ...extra });
}

describe("cell types", () => {
  it("reads shared strings, inline strings, formula strings, booleans, errors, numbers and ISO dates", () => {
    const doc = one(
      `<row r="1">` +
        `<c r="A1" t="s"><v>1</v></c>` +
        `<c r="B1" t="inlineStr"><is><t>trực tiếp</t></is></c>` +
        `<c r="C1" t="str"><f>A1&amp;"!"</f><v>hai!</v></c>` +
        `<c r="D1" t="b"><v>1</v></c>` +
        `<c r="E1" t="b"><v>0</v></c>` +
        `<c r="F1" t="e"><v>#REF!</v></c>` +
        `<c r="G1"><v>1.5E3</v></c>` +
        `<c r="H1" t="n"><v>-0.25</v></c>` +
        `<c r="I1" t="d"><v>2026-12-20T00:00:00Z</v></c>` +
        `<c r="J1" t="d"><v>1900-01-01</v></c>` +
        `</row>`,
      { sharedStrings: ["một", "hai"] },
    );
    const g = doc.sheets[0]!;
    expect(g.rows[0]!.cells).toEqual([
      { value: "hai" },
      { value: "trực tiếp" },
      { value: "hai!", formula: true },
      { value: true },
      { value: false },
      { value: null, error: "#REF!" },
      { value: 1500 },
      { value: -0.25 },
      { value: 46376, numFmt: "yyyy-mm-dd" },
      { value: 1, numFmt: "yyyy-mm-dd" },
    ]);
  });

  it("joins rich text runs and leaves out phonetic runs, in shared and inline strings", () => {
    const sst =
      `<sst xmlns="${NS}"><si><r><rPr><b/></rPr><t>Tỷ lệ </t></r><r><t xml:space="preserve">hộ nghèo</t></r>` +
      `<rPh sb="0" eb="1"><t>ヒ</t></rPh><phoneticPr fontId="1"/></si></sst>`;
    const doc = one(
      `<row r="1"><c r="A1" t="s"><v>0</v></c>` +
        `<c r="B1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r><rPh><t>x</t></rPh></is></c></row>`,
      { sharedStrings: sst },
    );
    expect(doc.sheets[0]!.rows[0]!.cells.map((c) => c?.value)).toEqual(["Tỷ lệ hộ nghèo", "ab"]);
  });

  it("marks formulas, shared ones included, and keeps their cached values or null", () => {
    const doc = one(
      `<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">A1*2</f><v>4</v></c></row>` +
        `<row r="2"><c r="B2"><f t="shared" si="0"/><v>6</v></c><c r="C2"><f>NOW()</f></c>` +
        `<c r="D2" t="str"><f>""</f><v></v></c><c r="E2"><f t="array" ref="E2">SUM(A1:A1)</f><v>2</v></c></row>`,
    );
    const g = doc.sheets[0]!;
    expect(cellAt(g, 1, 1)).toEqual({ value: 2, formula: true });
    expect(cellAt(g, 2, 2)).toEqual({ value: 6, formula: true });
    expect(cellAt(g, 2, 3)).toEqual({ value: null, formula: true });
    expect(cellAt(g, 2, 4)).toEqual({ value: "", formula: true });
    expect(cellAt(g, 2, 5)).toEqual({ value: 2, formula: true });
  });

  it("keeps an ISO date that is no date as text", () => {
    const doc = one(
      `<row r="1"><c r="A1" t="d"><v>2026-02-30</v></c><c r="B1" t="d"><v>0050-01-01</v></c></row>`,
    );
    expect(doc.sheets[0]!.rows[0]!.cells.map((c) => c?.value)).toEqual(["2026-02-30", "0050-01-01"]);
  });

  it("keeps text that is not a number as text, never NaN", () => {
    const doc = one(
      `<row r="1"><c r="A1"><v>0x1F</v></c><c r="B1"><v>1.922,9</v></c><c r="C1"><v>Infinity</v></c></row>`,
    );
    expect(doc.sheets[0]!.rows[0]!.cells.map((c) => c?.value)).toEqual(["0x1F", "1.922,9", "Infinity"]);
  });

  it("decodes Excel's _xHHHH_ escapes and normalises to NFC", () => {
    const nfd = "Mường".normalize("NFD");
    const doc = one(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>${nfd}</t></is></c></row>`,
      {
        sharedStrings: ["a_x000D_b_x005F_x0041_"],
      },
    );
    const cells = doc.sheets[0]!.rows[0]!.cells;
    expect(cells[0]!.value).toBe("a\rb_x0041_");
    expect(cells[1]!.value).toBe("Mường".normalize("NFC"));
  });

  it("leaves out cells that hold nothing: styled blanks, empty values", () => {
    const doc = one(
      `<row r="1"><c r="A1" s="1"/><c r="B1"><v></v></c></row><row r="2"><c r="A2"><v>1</v></c></row>`,
      {
        styles: stylesXml([0, 10]),
      },
    );
    expect(doc.sheets[0]!.rows.map((r) => r.n)).toEqual([2]);
  });
});

describe("positions", () => {
  it("places cells without r after the previous cell, and rows without r after the previous row", () => {
    const doc = one(
      `<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>` +
        `<row r="4"><c><v>41</v></c></row>` +
        `<row><c><v>51</v></c></row>` +
        `<row><c r="C9"><v>93</v></c></row>` +
        `<row/>` +
        `<row><c><v>111</v></c></row>`,
    );
    const g = doc.sheets[0]!;
    expect(g.rows.map((r) => r.n)).toEqual([1, 4, 5, 9, 11]);
    expect(g.rows[0]!.cells.map((c) => c?.value)).toEqual([1, 2, undefined, undefined, 5, 6]);
    expect(cellAt(g, 9, 3)?.value).toBe(93);
    expect(cellAt(g, 11, 1)?.value).toBe(111);
  });

  it("sorts rows written out of order and merges a row written twice", () => {
    const doc = one(
      `<row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>` +
        `<row r="3"><c r="B3"><v>33</v></c></row>`,
    );
    const g = doc.sheets[0]!;
    expect(g.rows.map((r) => r.n)).toEqual([1, 3]);
    expect(g.rows[1]!.cells.map((c) => c?.value)).toEqual([3, 33]);
  });

  it("reads elements with a namespace prefix, as some generators write them", () => {
    const xml =
      `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>có tiền tố</x:t></x:is></x:c>` +
      `</x:row></x:sheetData></x:worksheet>`;
    const doc = read({ sheets: [{ name: "P", xml }] });
    expect(cellAt(doc.sheets[0]!, 2, 2)?.value).toBe("có tiền tố");
  });
});

describe("number formats", () => {
  it("gives built-in and custom format codes by style, and nothing for General", () => {
    const doc = one(
      `<row r="1"><c r="A1" s="1"><v>0.4772</v></c><c r="B1" s="2"><v>0.5</v></c><c r="C1" s="3"><v>46376</v></c>` +
        `<c r="D1" s="4"><v>1922.9</v></c><c r="E1" s="0"><v>7</v></c><c r="F1"><v>8</v></c><c r="G1" s="5"><v>9</v></c>` +
        `<c r="H1" s="99"><v>10</v></c></row>`,
      { styles: stylesXml([0, 10, 9, 14, 164, 22], { 164: "#,##0.0" }) },
    );
    expect(doc.sheets[0]!.rows[0]!.cells.map((c) => c?.numFmt)).toEqual([
      "0.00%",
      "0%",
      "mm-dd-yy",
      "#,##0.0",
      undefined,
      undefined,
      "m/d/yy h:mm",
      undefined,
    ]);
  });

  it("counts dates of a 1904-based workbook from 1900, as the grid does", () => {
    const doc = one(`<row r="1"><c r="A1" s="1"><v>44914</v></c><c r="B1" s="2"><v>44914</v></c></row>`, {
      styles: stylesXml([0, 164, 10], { 164: "dd/mm/yyyy" }),
      workbookPr: `<workbookPr date1904="1"/>`,
    });
    expect(doc.sheets[0]!.rows[0]!.cells.map((c) => c?.value)).toEqual([44914 + 1462, 44914]);
  });
});

describe("workbook parts", () => {
  const names =
    `<definedNames>` +
    `<definedName name="ChiTieu_MaDonVi">'Chỉ tiêu'!$C$3</definedName>` +
    `<definedName name="Relative">S!B7</definedName>` +
    `<definedName name="Area">S!$D$9:$B$4</definedName>` +
    `<definedName name="Local" localSheetId="0">S!$A$1</definedName>` +
    `<definedName name="_xlnm.Print_Area" >S!$A$1:$B$2</definedName>` +
    `<definedName name="Broken">#REF!</definedName>` +
    `<definedName name="Formula">S!$A$1+1</definedName>` +
    `<definedName name="Constant">0.5</definedName>` +
    `<definedName name="TwoAreas">S!$A$1,S!$B$2</definedName>` +
    `<definedName name="Column">S!$A:$A</definedName>` +
    `<definedName name="External">[1]S!$A$1</definedName>` +
    `<definedName name="Quote">'It''s'!$E$5</definedName>` +
    `</definedNames>`;

  it("keeps workbook-scoped names of one cell (or a range's top-left) and nothing else", () => {
    const doc = read({ sheets: [{ name: "S", rows: "" }], workbookExtra: names });
    expect(doc.names).toEqual([
      { name: "ChiTieu_MaDonVi", sheet: "Chỉ tiêu", cell: "C3" },
      { name: "Relative", sheet: "S", cell: "B7" },
      { name: "Area", sheet: "S", cell: "B4" },
      { name: "Quote", sheet: "It's", cell: "E5" },
    ]);
  });

  it("lists chart sheets by name without reading them", () => {
    const parts = {
      "xl/workbook.xml":
        `<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Biểu đồ" sheetId="9" r:id="rId9"/>` +
        `<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels":
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId9" Type="${REL_NS}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
    };
    const doc = read({ sheets: [{ name: "S", rows: `<row r="1"><c r="A1"><v>1</v></c></row>` }], parts });
    expect(doc.sheetNames).toEqual(["Biểu đồ", "S"]);
    expect(doc.sheets.map((s) => s.sheet)).toEqual(["S"]);
  });

  it("finds tables through each sheet's relationships, and parses only their sheets when asked", () => {
    const doc = read(
      {
        sheets: [
          { name: "Hướng dẫn", rows: `<row r="1"><c r="A1"><v>1</v></c></row>` },
          {
            name: "Chỉ tiêu",
            rows: `<row r="2"><c r="B2"><v>2</v></c></row>`,
            tables: [tableXml("ChiTieu", "B2:C5", ["Mã chỉ tiêu", "Thực hiện"])],
          },
        ],
      },
      ["ChiTieu"],
    );
    expect(doc.tables).toEqual([{ name: "ChiTieu", sheet: "Chỉ tiêu", ref: "B2:C5" }]);
    expect(doc.sheets.map((s) => s.sheet)).toEqual(["Chỉ tiêu"]);
  });

  it("reads a part written in UTF-16", () => {
    const text = `<?xml version="1.0" encoding="UTF-16"?>${sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>Sơn La</t></is></c></row>`).replace(/^<\?xml[^>]*>\n/, "")}`;
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const doc = read({ sheets: [{ name: "S" }], parts: { "xl/worksheets/sheet1.xml": bytes } });
    expect(cellAt(doc.sheets[0]!, 1, 1)?.value).toBe("Sơn La");
  });

  it("reads Strict Open XML: other namespaces and relationship types, ISO dates", () => {
    const strictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    const strictRel = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    const parts = {
      "_rels/.rels":
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${strictRel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      "xl/_rels/workbook.xml.rels":
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${strictRel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      "xl/workbook.xml": `<workbook xmlns="${strictMain}" xmlns:r="${strictRel}"><sheets><sheet name="Chỉ tiêu" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      "xl/worksheets/sheet1.xml":
        `<worksheet xmlns="${strictMain}"><sheetData><row r="1"><c r="A1" t="d"><v>2026-12-20T00:00:00</v></c>` +
        `<c r="B1"><v>3</v></c></row></sheetData></worksheet>`,
    };
    const doc = read({ sheets: [{ name: "Chỉ tiêu" }], parts });
    expect(doc.sheets[0]!.rows[0]!.cells).toEqual([{ value: 46376, numFmt: "yyyy-mm-dd" }, { value: 3 }]);
  });

  it("decodes a part in the legacy encoding its XML declaration names", () => {
    // "Mường" in Windows-1258: ư is 0xFD, ơ 0xF5, and the grave is the combining mark 0xCC after the base letter.
    const head = `<?xml version="1.0" encoding="windows-1258"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`;
    const tail = `</t></is></c></row></sheetData></worksheet>`;
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(head),
      0x4d,
      0xfd,
      0xf5,
      0xcc,
      0x6e,
      0x67,
      ...new TextEncoder().encode(tail),
    ]);
    const doc = read({ sheets: [{ name: "S" }], parts: { "xl/worksheets/sheet1.xml": bytes } });
    expect(cellAt(doc.sheets[0]!, 1, 1)?.value).toBe("Mường".normalize("NFC"));
  });

  it("finds the workbook without package relationships, where Excel puts it", () => {
    const doc = read({
      sheets: [{ name: "S", rows: `<row r="1"><c r="A1"><v>1</v></c></row>` }],
      parts: { "_rels/.rels": null },
    });
    expect(doc.sheetNames).toEqual(["S"]);
  });
});
