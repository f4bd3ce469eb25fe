import type { XlsxReader, XlsxReadResult } from "../../../src/io/xlsx-read";
import { isoToSerial } from "../../../src/core/values/dates";
import { handBook, NS, REL_NS, stylesXml, tableXml, withEachInflater, type HandBook } from "./hand-built";

// The reader of the inflater the tests run with (withEachInflater): its codec, its memo.
let xlsx: XlsxReader;
const readXlsx: XlsxReader["read"] = (...args) => xlsx.read(...args);

/*
 * Forms real workbooks take that the reader once read wrongly (found comparing it with openpyxl on
 * workbooks saved by Excel 2007–365 for Windows and Mac, LibreOffice, WPS and others), each built
 * here part by part as those programs write it.
 */

type Doc = Extract<XlsxReadResult, { ok: true }>["doc"];

function read(bytes: Uint8Array, tables?: string[]): Doc {
  const r = readXlsx(bytes, "that.xlsx", tables ? { tables } : {});
  if (!r.ok) throw new Error(`${r.reason}: ${r.message.en}`);
  return r.doc;
}

const X15 = "http://schemas.microsoft.com/office/spreadsheetml/2010/11/main";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/**
 * The workbook part as Excel 2013 and later write it: the main namespace's <workbookPr> (with the
 * date system), an mc:AlternateContent, the sheets, and an <extLst> whose x15:workbookPr carries no
 * date system at all. `names` go between the sheets and the extLst.
 */
function excel2013Workbook(
  mainPr: string,
  sheets: string,
  names = "",
  x15Pr = `<x15:workbookPr chartTrackingRefBase="1"/>`,
): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
    `<workbook xmlns="${NS}" xmlns:r="${REL_NS}" xmlns:mc="${MC}" mc:Ignorable="x15" xmlns:x15="${X15}">` +
    `<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/>` +
    mainPr +
    `<mc:AlternateContent><mc:Choice Requires="x15"><x15ac:absPath url="/Users/xa/Documents/" ` +
    `xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>` +
    `<bookViews><workbookView xWindow="0" yWindow="460" windowWidth="28800" windowHeight="16420"/></bookViews>` +
    `<sheets>${sheets}</sheets>${names}<calcPr calcId="191029"/>` +
    `<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="${X15}">${x15Pr}</ext>` +
    `<ext uri="{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}" xmlns:xcalcf="http://schemas.microsoft.com/office/spreadsheetml/2018/calcfeatures">` +
    `<xcalcf:calcFeatures><xcalcf:feature name="microsoft.com:RD"/></xcalcf:calcFeatures></ext></extLst></workbook>`
  );
}

/** 5 December 2026 as a 1904-based workbook stores it. */
const DEC_5_1904 = isoToSerial("2026-12-05")! - 1462;

/** A sheet of one date cell (dd/mm/yyyy) as a Mac workbook in the 1904 system holds it. */
function macBook(workbook: string): HandBook {
  return {
    sheets: [{ name: "S", rows: `<row r="1"><c r="A1" s="1"><v>${DEC_5_1904}</v></c></row>` }],
    styles: stylesXml([0, 164], { 164: "dd/mm/yyyy" }),
    parts: { "xl/workbook.xml": workbook },
  };
}

const firstValue = (doc: Doc): unknown => doc.sheets[0]!.rows[0]!.cells[0]!.value;

withEachInflater((reader) => {
  beforeAll(() => (xlsx = reader));
  describe("the 1904 date system of a Mac workbook saved by Excel 2013 or later", () => {
    const sheetEl = `<sheet name="S" sheetId="1" r:id="rId1"/>`;

    it("is read from the main <workbookPr>, not from the x15:workbookPr in <extLst> after it", () => {
      const bytes = handBook(
        macBook(excel2013Workbook(`<workbookPr date1904="1" defaultThemeVersion="166925"/>`, sheetEl)),
      );
      // 5 December 2026, not 4 December 2022.
      expect(firstValue(read(bytes))).toBe(isoToSerial("2026-12-05"));
    });

    it("and a workbook in the 1900 system stays there, whatever an extension says", () => {
      const bytes = handBook(
        macBook(excel2013Workbook(`<workbookPr/>`, sheetEl, "", `<x15:workbookPr date1904="1"/>`)),
      );
      expect(firstValue(read(bytes))).toBe(DEC_5_1904);
    });

    it("holds when the workbook part is played back from the memo of parts read before", () => {
      xlsx.memo!.forget();
      const bytes = handBook(macBook(excel2013Workbook(`<workbookPr date1904="1"/>`, sheetEl)));
      const values = [1, 2, 3, 4].map(() => firstValue(read(bytes)));
      expect(xlsx.memo!.stats().playedBack).toBeGreaterThan(0);
      expect(values).toEqual([1, 2, 3, 4].map(() => isoToSerial("2026-12-05")));
    });

    it("holds with defined names, and a sheet-local name or print area beside them", () => {
      const names =
        `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">S!$A$1:$B$2</definedName>` +
        `<definedName name="ChiTieu_NgayBaoCao">S!$A$1</definedName></definedNames>`;
      const doc = read(handBook(macBook(excel2013Workbook(`<workbookPr date1904="1"/>`, sheetEl, names))));
      expect(doc.names).toEqual([{ name: "ChiTieu_NgayBaoCao", sheet: "S", cell: "A1" }]);
      expect(firstValue(doc)).toBe(isoToSerial("2026-12-05"));
    });
  });

  describe("sheets that hold no cells and point at no part", () => {
    // Excel writes a VBA module or an Excel 4 macro sheet as a <sheet> with an empty r:id, or one
    // no relationship of the workbook answers to.
    const book = (sheets: string): HandBook => ({
      sheets: [
        {
          name: "Chỉ tiêu",
          rows: `<row r="1"><c r="A1" t="inlineStr"><is><t>Mã chỉ tiêu</t></is></c></row><row r="2"><c r="A2"><v>42</v></c></row>`,
          tables: [tableXml("ChiTieu", "A1:A2", ["Mã chỉ tiêu"])],
        },
      ],
      parts: {
        "xl/workbook.xml":
          `<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>${sheets}</sheets>` +
          `<definedNames><definedName name="ChiTieu_MaDonVi">'Chỉ tiêu'!$A$2</definedName></definedNames></workbook>`,
      },
    });

    it.each([
      ["an empty r:id", `<sheet name="Module1" sheetId="2" r:id=""/>`],
      ["an r:id no relationship answers to", `<sheet name="Macro1" sheetId="2" r:id="rId77"/>`],
      ["no r:id at all", `<sheet name="Macro1" sheetId="2"/>`],
    ])("a sheet with %s is passed over and the others are read", (_what, odd) => {
      for (const sheets of [
        `${odd}<sheet name="Chỉ tiêu" sheetId="1" r:id="rId1"/>`,
        `<sheet name="Chỉ tiêu" sheetId="1" r:id="rId1"/>${odd}`,
      ]) {
        const doc = read(handBook(book(sheets)), ["ChiTieu"]);
        expect(doc.sheets.map((s) => s.sheet)).toEqual(["Chỉ tiêu"]);
        expect(doc.sheets[0]!.rows[1]!.cells[0]!.value).toBe(42);
        expect(doc.tables).toEqual([{ name: "ChiTieu", sheet: "Chỉ tiêu", ref: "A1:A2" }]);
        expect(doc.names).toEqual([{ name: "ChiTieu_MaDonVi", sheet: "Chỉ tiêu", cell: "A2" }]);
        expect(doc.sheetNames).toContain("Chỉ tiêu");
      }
    });
  });

  describe('a t="d" cell holding a time of day only', () => {
    it("is read as that time, the fraction of a day Excel stores, and reads as a time", () => {
      const doc = read(
        handBook({
          sheets: [
            {
              name: "S",
              rows:
                `<row r="1"><c r="A1" t="d"><v>10:10:10</v></c><c r="B1" t="d" s="1"><v>23:59:59.5</v></c>` +
                `<c r="C1" t="d"><v>25:00:00</v></c><c r="D1" t="d"><v>1010</v></c></row>`,
            },
          ],
          styles: stylesXml([0, 164], { 164: "h:mm AM/PM" }),
        }),
      );
      expect(doc.sheets[0]!.rows[0]!.cells).toEqual([
        { value: (10 * 3600 + 10 * 60 + 10) / 86_400, numFmt: "hh:mm:ss" },
        { value: (86_399.5 * 1000) / 86_400_000, numFmt: "h:mm AM/PM" },
        // Not a time of day: kept as the text it is.
        { value: "25:00:00" },
        { value: "1010" },
      ]);
    });

    it("is not moved by the 1904 date system, which counts days and not times", () => {
      const doc = read(
        handBook({
          sheets: [{ name: "S", rows: `<row r="1"><c r="A1" t="d"><v>10:10:10</v></c></row>` }],
          workbookPr: `<workbookPr date1904="1"/>`,
        }),
      );
      expect(firstValue(doc)).toBe((10 * 3600 + 10 * 60 + 10) / 86_400);
    });
  });

  describe("a workbook whose styles part is missing", () => {
    it("is read with no number formats", () => {
      const bytes = handBook({
        sheets: [
          { name: "S", rows: `<row r="1"><c r="A1" s="1"><v>0.4772</v></c><c r="B1"><v>7</v></c></row>` },
        ],
        styles: stylesXml([0, 10]),
        parts: { "xl/styles.xml": null },
      });
      expect(read(bytes).sheets[0]!.rows[0]!.cells).toEqual([{ value: 0.4772 }, { value: 7 }]);
    });
  });
});

// The zip itself: two entries of one name are refused in test/io/xlsx-read/hostile.test.ts ("zip forms").
