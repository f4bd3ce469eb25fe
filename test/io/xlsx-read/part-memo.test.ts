import { readXlsx } from "../../../src/io/xlsx-read";
import { DEFAULT_XLSX_LIMITS } from "../../../src/io/xlsx-read/limits";
import { forgetParts, memoKey, memoStats, recalled } from "../../../src/io/xlsx-read/part-memo";
import { StylesHandler } from "../../../src/io/xlsx-read/part-handlers";
import {
  parseXmlPart,
  StopParsing,
  type Attributes,
  type XmlHandler,
} from "../../../src/io/xlsx-read/xml-part";
import { InflateBudget, ZipArchive } from "../../../src/io/xlsx-read/zip-archive";
import { handBook, handParts, NS, stylesXml, tableXml, zipParts } from "./hand-built";

/*
 * Parts shared byte for byte by the workbooks of one template are scanned once and played back after
 * (src/io/xlsx-read/part-memo.ts). What a user must never notice: any difference in what is read.
 */

const book = (unit: string, value: number): Uint8Array =>
  handBook({
    sheets: [
      {
        name: "Chỉ tiêu",
        rows:
          `<row r="1"><c r="A1" t="inlineStr"><is><t>Mã chỉ tiêu</t></is></c><c r="B1" t="inlineStr"><is><t>Thực hiện</t></is></c></row>` +
          `<row r="2"><c r="A2" t="inlineStr"><is><t>THU_NS</t></is></c><c r="B2" s="1"><v>${value}</v></c></row>`,
        tables: [tableXml("ChiTieu", "A1:B2", ["Mã chỉ tiêu", "Thực hiện"])],
      },
    ],
    styles: stylesXml([0, 4]),
    workbookExtra: `<definedNames><definedName name="ChiTieu_MaDonVi">'Chỉ tiêu'!$D$1</definedName></definedNames>`,
    parts: { "docProps/app.xml": `<Properties>${unit}</Properties>` },
  });

beforeEach(() => forgetParts());

/** Sets the size a zip says a part inflates to, in its central directory and local header. */
function declareSize(zip: Uint8Array, name: string, size: number): void {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const dec = new TextDecoder();
  for (let i = 0; i + 46 < zip.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x02014b50 && dec.decode(zip.subarray(i + 46, i + 46 + dv.getUint16(i + 28, true))) === name)
      dv.setUint32(i + 24, size, true);
    else if (
      sig === 0x04034b50 &&
      dec.decode(zip.subarray(i + 30, i + 30 + dv.getUint16(i + 26, true))) === name
    )
      dv.setUint32(i + 22, size, true);
  }
}

describe("parts read before", () => {
  it("give the same document on the first reading and on every one played back", () => {
    const first = readXlsx(book("04240", 1022.5), "a.xlsx", { tables: ["ChiTieu"] });
    const again = [2, 3, 4].map((i) =>
      readXlsx(book("04240", 1022.5), `a${i}.xlsx`, { tables: ["ChiTieu"] }),
    );
    expect(first.ok).toBe(true);
    for (const r of again) expect({ ...r, doc: { ...(r.ok ? r.doc : {}), file: "a.xlsx" } }).toEqual(first);
    // The sheet differs from one submission to the next in real life; here it is the same, so it
    // is played back too. The relationships, workbook, table, styles and the sheet: six parts.
    expect(memoStats().playedBack).toBeGreaterThanOrEqual(2 * 6);
  });

  it("hand the workbook's structure, made once, to the readers after, where nothing can change it", () => {
    const reads = [1, 2, 3, 4].map((i) =>
      readXlsx(book("04240", 1022.5), `${i}.xlsx`, { tables: ["ChiTieu"] }),
    );
    const docs = reads.map((r) => (r.ok ? r.doc : undefined));
    for (const d of docs.slice(1)) expect(d?.names).toEqual(docs[0]?.names);
    // The fourth reading adopts what the third made of the played-back parts: the same frozen array.
    expect(docs[3]?.names).toBe(docs[2]?.names);
    expect(Object.isFrozen(docs[3]?.names)).toBe(true);
    expect(Object.isFrozen(docs[3]?.names[0])).toBe(true);
    expect(docs[0]?.names).toEqual([{ name: "ChiTieu_MaDonVi", sheet: "Chỉ tiêu", cell: "D1" }]);
    expect(docs[3]?.tables).toEqual(docs[0]?.tables);
  });

  it("never lend one workbook's values to another whose sheet differs", () => {
    const values = [1022.5, 7, 1022.5, 8, 9];
    const read = values.map((v, i) => {
      const r = readXlsx(book("04240", v), `${i}.xlsx`, { tables: ["ChiTieu"] });
      if (!r.ok) throw new Error(r.message.en);
      return r.doc.sheets[0]!.rows[1]!.cells[1]!;
    });
    expect(read.map((c) => c.value)).toEqual(values);
    expect(read[0]!.numFmt).toBe("#,##0.00");
    expect(read.every((c) => c.numFmt === "#,##0.00")).toBe(true);
    expect(memoStats().playedBack).toBeGreaterThan(0);
  });

  it("are recorded to the end even when the first reader stopped early", () => {
    const bytes = book("04240", 1);
    const zip = ZipArchive.open(bytes, DEFAULT_XLSX_LIMITS);
    const entry = zip.get("xl/styles.xml")!;
    const read = (h: XmlHandler): void =>
      parseXmlPart(zip, entry, new InflateBudget(DEFAULT_XLSX_LIMITS), DEFAULT_XLSX_LIMITS, h);
    // The styles reader stops after <cellXfs>; seen twice, the part is recorded on the second.
    const s1 = new StylesHandler();
    read(s1);
    read(new StylesHandler());
    expect(recalled(memoKey(entry, DEFAULT_XLSX_LIMITS), zip.dataOf(entry))).toBeDefined();
    const names: string[] = [];
    const all: XmlHandler = {
      open: (n: string, _a: Attributes) => {
        names.push(n);
      },
      close: () => undefined,
    };
    read(all);
    // <dxfs> comes after <cellXfs>, where the first reader stopped.
    expect(names).toContain("dxfs");
    expect(names[names.length - 1]).toBe("numFmt");
    const s3 = new StylesHandler();
    read(s3);
    expect(s3.formats()).toEqual(s1.formats());
  });

  it("stop a handler that stops, as the scanner would", () => {
    const bytes = book("04240", 1);
    const zip = ZipArchive.open(bytes, DEFAULT_XLSX_LIMITS);
    const entry = zip.get("xl/styles.xml")!;
    const opened = (): string[] => {
      const names: string[] = [];
      parseXmlPart(zip, entry, new InflateBudget(DEFAULT_XLSX_LIMITS), DEFAULT_XLSX_LIMITS, {
        open: (n) => {
          names.push(n);
          if (n === "cellStyleXfs") throw StopParsing.instance;
        },
        close: () => undefined,
      });
      return names;
    };
    const first = opened();
    expect(opened()).toEqual(first);
    expect(opened()).toEqual(first);
    expect(memoStats().playedBack).toBe(1);
    expect(first).toEqual(["styleSheet", "cellStyleXfs"]);
  });

  it("still count against the workbook's total inflated size", () => {
    const bytes = book("04240", 1);
    const ok = readXlsx(bytes, "a.xlsx");
    expect(ok.ok).toBe(true);
    // A total just short of what the parts read inflate to: each part fits, their sum does not.
    let total = 0;
    const zip = ZipArchive.open(bytes, DEFAULT_XLSX_LIMITS);
    for (const name of ["_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]) {
      zip.stream(zip.get(name)!, new InflateBudget(DEFAULT_XLSX_LIMITS), (c) => ((total += c.length), true));
    }
    const limits = { maxTotalBytes: total - 1 };
    for (let i = 0; i < 4; i++) {
      const r = readXlsx(bytes, "a.xlsx", { limits });
      expect(r).toMatchObject({ ok: false, reason: "too-large", limit: "maxTotalBytes" });
    }
    expect(memoStats().playedBack).toBeGreaterThan(0);
  });

  it("are not kept when they inflate to more than they declared, however often they are read", () => {
    // A 30 KB file whose sheet says 1,000 bytes and inflates to 1.5 MB, read by three sheets: its
    // events would otherwise be kept whole (the reviewer's 574 MB, then out of memory).
    const xml =
      `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` +
      `<extLst>${'<a b="1"/>'.repeat(150_000)}</extLst></worksheet>`;
    const parts = handParts({ sheets: [{ name: "S1", xml }, { name: "S2" }, { name: "S3" }] });
    parts["xl/_rels/workbook.xml.rels"] = String(parts["xl/_rels/workbook.xml.rels"]).replace(
      /sheet[23]\.xml/g,
      "sheet1.xml",
    );
    const zip = zipParts(parts, 9);
    declareSize(zip, "xl/worksheets/sheet1.xml", 1000);
    for (let i = 0; i < 3; i++) {
      const r = readXlsx(zip, "a.xlsx");
      expect(r.ok && r.doc.sheets.map((g) => g.rows[0]?.cells[0]?.value)).toEqual([1, 1, 1]);
    }
    const entry = ZipArchive.open(zip, DEFAULT_XLSX_LIMITS).get("xl/worksheets/sheet1.xml")!;
    expect(
      recalled(memoKey(entry, DEFAULT_XLSX_LIMITS), ZipArchive.open(zip, DEFAULT_XLSX_LIMITS).dataOf(entry)),
    ).toBeUndefined();
  });

  it("are only played back for the very same bytes", () => {
    const bytes = book("04240", 1);
    const zip = ZipArchive.open(bytes, DEFAULT_XLSX_LIMITS);
    const entry = zip.get("xl/workbook.xml")!;
    for (let i = 0; i < 2; i++) readXlsx(bytes, "a.xlsx");
    const key = memoKey(entry, DEFAULT_XLSX_LIMITS);
    const data = zip.dataOf(entry);
    expect(recalled(key, data)).toBeDefined();
    const changed = data.slice();
    const mid = changed.length >> 1;
    changed[mid] = changed[mid]! ^ 1;
    expect(recalled(key, changed)).toBeUndefined();
  });
});
