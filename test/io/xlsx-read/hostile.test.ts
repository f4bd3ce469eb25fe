import { strToU8, zipSync } from "fflate";
import type { XlsxLimits, XlsxReader, XlsxReadResult } from "../../../src/io/xlsx-read";
import {
  withEachInflater,
  compoundFile,
  deflateBomb,
  handBook,
  handParts,
  NS,
  rawZip,
  sheetXml,
  zipParts,
  type HandBook,
} from "./hand-built";

// The reader of the inflater the tests run with (withEachInflater): its codec, its memo.
let xlsx: XlsxReader;
const readXlsx: XlsxReader["read"] = (...args) => xlsx.read(...args);

/*
 * Files that are not what they claim, and files built to hurt: each must give `{ ok: false }`
 * with a clear reason and message, quickly, without exhausting memory.
 */

type Failure = Extract<XlsxReadResult, { ok: false }>;

function fail(bytes: Uint8Array, limits?: Partial<XlsxLimits>): Failure {
  const r = readXlsx(bytes, "bad.xlsx", limits ? { limits } : {});
  if (r.ok) throw new Error("expected the file to be refused");
  expect(r.message.vi.length).toBeGreaterThan(20);
  expect(r.message.en.length).toBeGreaterThan(20);
  return r;
}

function oneSheet(rows: string, extra: Partial<HandBook> = {}): Uint8Array {
  return handBook({ sheets: [{ name: "S", rows }], ...extra });
}

/**
 * A workbook with one part given as raw deflate data and a declared size of the test's choosing
 * (a bomb declares a small one): parts no zip library would write.
 */
function withRawPart(
  part: string,
  data: Uint8Array,
  declaredSize: number,
  book: HandBook = { sheets: [{ name: "S", rows: "" }] },
  extra: Record<string, Uint8Array> = {},
): Uint8Array {
  const parts = handParts(book);
  delete parts[part];
  const entries = Object.entries(parts).map(([name, text]) => ({
    name,
    data: typeof text === "string" ? strToU8(text) : text,
  }));
  const raw = [{ name: part, data, deflated: true, declaredSize }];
  for (const [name, d] of Object.entries(extra))
    raw.push({ name, data: d, deflated: true, declaredSize: 100 });
  return rawZip([...entries, ...raw]);
}

function withRawSheet(
  data: Uint8Array,
  declaredSize: number,
  extra: Record<string, Uint8Array> = {},
): Uint8Array {
  return withRawPart("xl/worksheets/sheet1.xml", data, declaredSize, undefined, extra);
}

const SHEET_START = `<worksheet xmlns="${NS}"><sheetData>`;

withEachInflater((reader) => {
  beforeAll(() => (xlsx = reader));
  describe("files that are not workbooks", () => {
    it("an empty file", () => {
      expect(fail(new Uint8Array(0)).reason).toBe("empty");
    });

    it("an encrypted workbook: asks for the password to be removed", () => {
      const r = fail(compoundFile(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"]));
      expect(r.reason).toBe("encrypted");
      expect(r.message.vi).toContain("Tệp được đặt mật khẩu");
      expect(r.message.en).toMatch(/password/i);
    });

    it("an Excel 97–2003 .xls: says how to save it as .xlsx", () => {
      const r = fail(compoundFile(["Workbook", "\u0005SummaryInformation"]));
      expect(r.reason).toBe("xls");
      expect(r.message.vi).toContain("Tệp > Lưu thành > Sổ làm việc Excel (*.xlsx)");
      expect(r.message.en).toContain("File > Save As > Excel Workbook");
    });

    it("a compound file whose directory cannot be read is taken for an .xls", () => {
      const bytes = new Uint8Array(600);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      expect(fail(bytes).reason).toBe("xls");
    });

    it("an old Word document", () => {
      const r = fail(compoundFile(["WordDocument", "1Table"]));
      expect(r.reason).toBe("not-xlsx");
      expect(r.message.en).toContain("Word");
    });

    it.each([
      ["a PNG image", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "image"],
      ["a PDF", [...strToU8("%PDF-1.7\n%âãÏÓ\n1 0 obj")], "PDF"],
      [
        "a web page named .xls",
        [...strToU8("<html><body><table><tr><td>1</td></tr></table></body></html>")],
        "HTML",
      ],
      ["a CSV named .xlsx", [...strToU8("ma_don_vi,ma_chi_tieu\n04240,HO_NGHEO\n")], "text"],
    ])("%s", (_, bytes, word) => {
      const r = fail(new Uint8Array(bytes));
      expect(r.reason).toBe("not-xlsx");
      expect(r.message.en).toContain(word);
    });

    it("random bytes", () => {
      const bytes = new Uint8Array(4096);
      let x = 12345;
      for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
      bytes[0] = 0x01;
      expect(fail(bytes).reason).toBe("not-xlsx");
    });

    it.each([
      ["a Word .docx", { "word/document.xml": "<w:document/>" }, "Word"],
      [
        "an OpenDocument spreadsheet",
        { mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" },
        "OpenDocument",
      ],
      ["an .xlsb", { "xl/workbook.bin": "\u0000" }, "xlsb"],
      ["a zip of photos", { "anh.jpg": "\u00ff\u00d8" }, "zip"],
    ])("%s", (_, parts, word) => {
      const r = fail(zipParts(parts));
      expect(r.reason).toBe("not-xlsx");
      expect(r.message.en).toContain(word);
    });
  });

  describe("damaged workbooks", () => {
    const good = oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`);

    it("a truncated file", () => {
      const r = fail(good.slice(0, good.length - 30));
      expect(r.reason).toBe("corrupt");
      expect(r.message.vi).toContain("tệp bị cắt cụt");
      expect(fail(good.slice(0, 200)).reason).toBe("corrupt");
    });

    it("damaged compressed data names the part", () => {
      const sheet = deflateBomb(`${SHEET_START}<row>`, 1, 100);
      const r = fail(
        withRawSheet(
          sheet.map((b, i) => (i > 3 ? b ^ 0x5a : b)),
          100,
        ),
      );
      expect(r.reason).toBe("corrupt");
    });

    it("malformed XML names the part", () => {
      const r = fail(oneSheet(`<row r="1"><c r="A1"><v>1</c></row>`));
      expect(r).toMatchObject({ reason: "corrupt", part: "xl/worksheets/sheet1.xml" });
      expect(r.message.vi).toContain("xl/worksheets/sheet1.xml");
      expect(r.message.vi).toContain("XML sai cấu trúc");
    });

    it("a sheet whose part is missing", () => {
      const r = fail(
        handBook({ sheets: [{ name: "S", rows: "" }], parts: { "xl/worksheets/sheet1.xml": null } }),
      );
      expect(r.reason).toBe("corrupt");
      expect(r.message.en).toContain("'S'");
    });

    it("a shared string index that does not exist", () => {
      const r = fail(oneSheet(`<row r="1"><c r="B1" t="s"><v>5</v></c></row>`, { sharedStrings: ["a"] }));
      expect(r.reason).toBe("corrupt");
      expect(r.message.en).toContain("'S'!B1");
    });

    it("a changed digit in a stored part fails its checksum", () => {
      const parts = handParts({
        sheets: [{ name: "S", rows: `<row r="1"><c r="A1"><v>1234</v></c></row>` }],
      });
      const bytes = zipParts(parts, 0);
      const at = new TextDecoder("latin1").decode(bytes).indexOf("<v>1234</v>") + 4;
      expect(readXlsx(bytes, "ok.xlsx").ok).toBe(true);
      bytes[at] = "7".charCodeAt(0);
      const r = fail(bytes);
      expect(r).toMatchObject({ reason: "corrupt", part: "xl/worksheets/sheet1.xml" });
      expect(r.message.en).toContain("checksum");
    });

    it("a part the workbook refers to that is missing", () => {
      expect(
        fail(handBook({ sheets: [{ name: "S", rows: "" }], parts: { "xl/_rels/workbook.xml.rels": null } })),
      ).toMatchObject({ reason: "corrupt", part: "xl/_rels/workbook.xml.rels" });
      // (A missing styles part, or a sheet whose r:id leads nowhere, is read: real-files.test.ts.)
    });

    it("a bad row number", () => {
      expect(fail(oneSheet(`<row r="x"><c><v>1</v></c></row>`)).reason).toBe("corrupt");
      expect(fail(oneSheet(`<row r="0"><c><v>1</v></c></row>`)).reason).toBe("corrupt");
    });
  });

  describe("unsafe XML", () => {
    it("refuses a DOCTYPE with entity declarations, and expands nothing", () => {
      const laughs =
        `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">` +
        `<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><sst xmlns="${NS}"><si><t>&c;</t></si></sst>`;
      const r = fail(oneSheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, { sharedStrings: laughs }));
      expect(r).toMatchObject({ reason: "unsafe-xml", part: "xl/sharedStrings.xml" });
    });

    it("refuses an external entity in the workbook part", () => {
      const bytes = handBook({
        sheets: [{ name: "S", rows: "" }],
        parts: {
          "xl/workbook.xml": `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><workbook xmlns="${NS}"><sheets/>&x;</workbook>`,
        },
      });
      expect(fail(bytes)).toMatchObject({ reason: "unsafe-xml", part: "xl/workbook.xml" });
    });

    it("refuses a DOCTYPE even without entities", () => {
      const sheet = `<?xml version="1.0"?><!DOCTYPE worksheet SYSTEM "http://example.org/x.dtd">${sheetXml("").replace(/^<\?xml[^>]*>\n/, "")}`;
      expect(fail(handBook({ sheets: [{ name: "S", xml: sheet }] })).reason).toBe("unsafe-xml");
    });

    it("refuses a DOCTYPE behind a long comment that spans many inflated slices", () => {
      let x = 7;
      const noise = Array.from({ length: 200_000 }, () =>
        String.fromCharCode(97 + ((x = (x * 48271) % 2147483647) % 26)),
      ).join("");
      const sheet = `<?xml version="1.0"?><!--${noise}--><!DOCTYPE worksheet [<!ENTITY e "x">]><worksheet xmlns="${NS}"><sheetData/></worksheet>`;
      expect(fail(handBook({ sheets: [{ name: "S", xml: sheet }] })).reason).toBe("unsafe-xml");
    });

    it("an entity reference with no declaration is corrupt, not expanded", () => {
      expect(
        fail(oneSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>`)).reason,
      ).toBe("corrupt");
    });
  });

  describe("limits", () => {
    it("a lying dimension allocates nothing by it", () => {
      const xml = `<worksheet xmlns="${NS}"><dimension ref="A1:XFD1048576"/><sheetData><row r="1" spans="1:16384"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
      const r = readXlsx(handBook({ sheets: [{ name: "S", xml }] }), "dim.xlsx");
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.doc.sheets[0]!.rows).toHaveLength(1);
      expect(r.doc.sheets[0]!.rows[0]!.cells).toHaveLength(1);
    });

    it("200,000 levels of nesting stop at the depth limit", () => {
      const deep = `<worksheet xmlns="${NS}">${"<a>".repeat(200_000)}${"</a>".repeat(200_000)}</worksheet>`;
      const r = fail(handBook({ sheets: [{ name: "S", xml: deep }] }));
      expect(r).toMatchObject({ reason: "too-large", limit: "maxDepth", part: "xl/worksheets/sheet1.xml" });
    });

    it("a 20 MB cell stops at the cell text limit, inline or shared", () => {
      const size = 20 * 1024 * 1024;
      const t0 = Date.now();
      const inline = deflateBomb(`${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>xxxx`, 1, size);
      expect(fail(withRawSheet(inline, size))).toMatchObject({ reason: "too-large", limit: "maxCellText" });
      const sst = deflateBomb(`<sst xmlns="${NS}"><si><t>xxxx`, 1, size);
      const book = {
        sheets: [{ name: "S", rows: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }],
        sharedStrings: [],
      };
      expect(fail(withRawPart("xl/sharedStrings.xml", sst, size, book))).toMatchObject({
        reason: "too-large",
        limit: "maxCellText",
        part: "xl/sharedStrings.xml",
      });
      expect(Date.now() - t0).toBeLessThan(3000);
    });

    it("a cell just under the limit is read whole", () => {
      const text = "ă".repeat(30_000);
      const r = readXlsx(
        oneSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row>`),
        "long.xlsx",
      );
      expect(r.ok && r.doc.sheets[0]!.rows[0]!.cells[0]!.value).toBe(text);
    });

    it("a zip bomb that declares 100 bytes is refused after its first slice", () => {
      // 512 MB of zeros behind a valid start, declared as 100 bytes: the first slice inflates to a
      // few MB, whose run of zeros is longer than any text may be; nothing more is inflated.
      const start = `${SHEET_START}<row r="1"><c r="A1"><v>1</v></c></row>\u0000`;
      const bomb = deflateBomb(start, 1, 512 * 1024 * 1024);
      const t0 = Date.now();
      expect(fail(withRawSheet(bomb, 100))).toMatchObject({ reason: "too-large", limit: "maxCellText" });
      expect(Date.now() - t0).toBeLessThan(1000);
    });

    it("zeros where XML should be are corrupt", () => {
      const bomb = deflateBomb(`${SHEET_START}\u0000`, 1, 1000);
      expect(fail(withRawSheet(bomb, 100))).toMatchObject({
        reason: "corrupt",
        part: "xl/worksheets/sheet1.xml",
      });
    });

    it("a zip bomb of valid XML stops at the part limit, whatever size it declares", () => {
      const bomb = deflateBomb(`${SHEET_START}<x/>`, 4, 256 * 1024 * 1024);
      const r = fail(withRawSheet(bomb, 100), { maxEntryBytes: 4 * 1024 * 1024 });
      expect(r).toMatchObject({
        reason: "too-large",
        limit: "maxEntryBytes",
        part: "xl/worksheets/sheet1.xml",
      });
      expect(r.message.vi).toContain("4 MB");
    });

    it("a zip bomb of text stops at the cell text limit with the default limits", () => {
      const bomb = deflateBomb(
        `${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>aaaa`,
        1,
        1024 * 1024 * 1024,
      );
      expect(fail(withRawSheet(bomb, 100))).toMatchObject({ reason: "too-large", limit: "maxCellText" });
    });

    it("a bomb in a part the reader never needs is never inflated", () => {
      const bomb = deflateBomb("\u0000", 1, 1024 * 1024 * 1024);
      const sheet = deflateBomb(`${SHEET_START}</sheetData></worksheet>`, 1, 0);
      const r = readXlsx(withRawSheet(sheet, 1000, { "xl/media/image1.png": bomb }), "ok.xlsx");
      expect(r.ok).toBe(true);
    });

    it("the total of all parts is limited too", () => {
      const rows = Array.from(
        { length: 20_000 },
        (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
      ).join("");
      const bytes = handBook({
        sheets: [
          { name: "A", rows },
          { name: "B", rows },
        ],
      });
      const size = sheetXml(rows).length;
      const r = fail(bytes, { maxEntryBytes: size + 10, maxTotalBytes: Math.floor(size * 1.5) });
      expect(r).toMatchObject({ reason: "too-large", limit: "maxTotalBytes" });
    });

    it("rows and columns beyond Excel's grid", () => {
      expect(fail(oneSheet(`<row r="1048577"><c><v>1</v></c></row>`))).toMatchObject({ limit: "maxRows" });
      expect(fail(oneSheet(`<row r="1"><c r="XFE1"><v>1</v></c></row>`))).toMatchObject({
        limit: "maxColumns",
      });
      expect(fail(oneSheet(`<row r="1"><c r="${"Z".repeat(5000)}1"><v>1</v></c></row>`))).toMatchObject({
        limit: "maxColumns",
      });
      expect(fail(oneSheet(`<row r="1">${"<c/>".repeat(16_385)}</row>`))).toMatchObject({
        limit: "maxColumns",
      });
      expect(fail(oneSheet(`<row>${"<c><v>1</v></c>".repeat(5)}</row>`), { maxColumns: 4 })).toMatchObject({
        limit: "maxColumns",
      });
      expect(
        fail(oneSheet(`${"<row/>".repeat(10)}<row><c><v>1</v></c></row>`), { maxRows: 10 }),
      ).toMatchObject({
        limit: "maxRows",
      });
    });

    it("cells, shared strings, entries and the file size", () => {
      const rows = `<row r="1">${"<c><v>1</v></c>".repeat(11)}</row>`;
      expect(fail(oneSheet(rows), { maxCells: 10 })).toMatchObject({ limit: "maxCells" });
      const sst = oneSheet(`<row r="1"><c t="s"><v>2</v></c></row>`, { sharedStrings: ["a", "b", "c"] });
      expect(fail(sst, { maxSharedStrings: 2 })).toMatchObject({ limit: "maxSharedStrings" });
      const farIndex = oneSheet(`<row r="1"><c t="s"><v>999999999999999</v></c></row>`, {
        sharedStrings: ["a"],
      });
      expect(fail(farIndex)).toMatchObject({ limit: "maxSharedStrings" });
      const many: Record<string, string> = handParts({ sheets: [{ name: "S", rows: "" }] }) as Record<
        string,
        string
      >;
      for (let i = 0; i < 20; i++) many[`xl/media/x${i}.bin`] = "x";
      expect(fail(zipParts(many), { maxEntries: 10 })).toMatchObject({ limit: "maxEntries" });
      expect(fail(oneSheet(""), { maxFileBytes: 100 })).toMatchObject({ limit: "maxFileBytes" });
    });

    it("counts the blanks before a row's last cell: two far-apart cells a row cannot blow up memory", () => {
      const rows = Array.from(
        { length: 10_000 },
        (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c><c r="ALL${i + 1}"><v>2</v></c></row>`,
      ).join("");
      expect(fail(oneSheet(rows))).toMatchObject({ reason: "too-large", limit: "maxCells" });
    });

    it("names the limit, its value and the part in both languages", () => {
      const r = fail(oneSheet(`<row r="1">${"<c><v>1</v></c>".repeat(11)}</row>`), { maxCells: 10 });
      expect(r.message.vi).toContain("số ô của bảng dữ liệu");
      expect(r.message.vi).toContain("xl/worksheets/sheet1.xml");
      expect(r.message.en).toContain("maxCells");
    });
  });

  describe("zip forms", () => {
    /** The parts of a one-sheet workbook as zip entries, stored, in order. */
    const entriesOf = (value: number): { name: string; data: Uint8Array }[] =>
      Object.entries(
        handParts({ sheets: [{ name: "S", rows: `<row r="1"><c r="A1"><v>${value}</v></c></row>` }] }),
      ).map(([name, text]) => ({ name, data: strToU8(text as string) }));

    it.each([
      ["the same name", "xl/worksheets/sheet1.xml"],
      ["a name that differs only in case", "XL/Worksheets/Sheet1.xml"],
      ["a name with backslashes", "xl\\worksheets\\sheet1.xml"],
    ])("refuses two entries of one name (%s): which one counts is ambiguous", (_what, second) => {
      const one = entriesOf(1);
      const other = entriesOf(999).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
      // Read by its first entry, this file says 1; by its last (as Python's zipfile does), 999.
      const r = fail(rawZip([...one, { name: second, data: other.data }]));
      expect(r.reason).toBe("corrupt");
      expect(r.message.vi).toContain("hai mục cùng tên");
      expect(r.message.en).toContain("two entries named");
      expect(r.message.vi).toContain(second.replace(/\\/g, "/"));
    });

    it("a folder entry stored twice is no ambiguity: the workbook is read", () => {
      const folder = { name: "xl/", data: new Uint8Array(0) };
      const r = readXlsx(rawZip([folder, ...entriesOf(5), folder]), "folders.xlsx");
      expect(r.ok && r.doc.sheets[0]!.rows[0]!.cells[0]!.value).toBe(5);
    });

    it("reads stored (uncompressed) entries and names with backslashes or a leading slash", () => {
      const parts = handParts({ sheets: [{ name: "S", rows: `<row r="1"><c r="A1"><v>7</v></c></row>` }] });
      const z: Record<string, Uint8Array> = {};
      for (const [k, v] of Object.entries(parts))
        z[k.startsWith("xl/worksheets") ? k.replace(/\//g, "\\") : k] = strToU8(v as string);
      const r = readXlsx(zipSync(z, { level: 0 }), "stored.xlsx");
      expect(r.ok && r.doc.sheets[0]!.rows[0]!.cells[0]!.value).toBe(7);
    });
  });
});
