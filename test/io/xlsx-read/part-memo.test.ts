import { nodeZipCodec } from "../../../src/io/node/zip-codec";
import {
  createXlsxReader,
  readXlsx as readXlsxAlone,
  type XlsxReader,
  type ZipCodec,
} from "../../../src/io/xlsx-read";
import { DEFAULT_XLSX_LIMITS } from "../../../src/io/xlsx-read/limits";
import { PartMemo } from "../../../src/io/xlsx-read/part-memo";
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

// Each test reads with a reader of its own: what one recorded is never played back to another.
let reader: XlsxReader;
let memo: PartMemo;
beforeEach(() => {
  memo = new PartMemo();
  reader = createXlsxReader({ memo });
});
const readXlsx: XlsxReader["read"] = (...args) => reader.read(...args);

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
    expect(memo.stats().playedBack).toBeGreaterThanOrEqual(2 * 6);
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
    expect(memo.stats().playedBack).toBeGreaterThan(0);
  });

  it("are recorded to the end even when the first reader stopped early", () => {
    const bytes = book("04240", 1);
    const zip = ZipArchive.open(bytes, DEFAULT_XLSX_LIMITS);
    const entry = zip.get("xl/styles.xml")!;
    const read = (h: XmlHandler): void =>
      parseXmlPart(zip, entry, new InflateBudget(DEFAULT_XLSX_LIMITS), DEFAULT_XLSX_LIMITS, h, memo);
    // The styles reader stops after <cellXfs>; seen twice, the part is recorded on the second.
    const s1 = new StylesHandler();
    read(s1);
    read(new StylesHandler());
    expect(memo.recalled(memo.key(entry, DEFAULT_XLSX_LIMITS), zip.dataOf(entry))).toBeDefined();
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
      parseXmlPart(
        zip,
        entry,
        new InflateBudget(DEFAULT_XLSX_LIMITS),
        DEFAULT_XLSX_LIMITS,
        {
          open: (n) => {
            names.push(n);
            if (n === "cellStyleXfs") throw StopParsing.instance;
          },
          close: () => undefined,
        },
        memo,
      );
      return names;
    };
    const first = opened();
    expect(opened()).toEqual(first);
    expect(opened()).toEqual(first);
    expect(memo.stats().playedBack).toBe(1);
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
    expect(memo.stats().playedBack).toBeGreaterThan(0);
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
      memo.recalled(
        memo.key(entry, DEFAULT_XLSX_LIMITS),
        ZipArchive.open(zip, DEFAULT_XLSX_LIMITS).dataOf(entry),
      ),
    ).toBeUndefined();
  });

  it("are only played back for the very same bytes", () => {
    const bytes = book("04240", 1);
    const zip = ZipArchive.open(bytes, DEFAULT_XLSX_LIMITS);
    const entry = zip.get("xl/workbook.xml")!;
    for (let i = 0; i < 2; i++) readXlsx(bytes, "a.xlsx");
    const key = memo.key(entry, DEFAULT_XLSX_LIMITS);
    const data = zip.dataOf(entry);
    expect(memo.recalled(key, data)).toBeDefined();
    const changed = data.slice();
    const mid = changed.length >> 1;
    changed[mid] = changed[mid]! ^ 1;
    expect(memo.recalled(key, changed)).toBeUndefined();
  });
});

describe("two readers in one process", () => {
  /** Node's zlib, counting the parts it checks: whether this reader's codec was the one used. */
  const countingCodec = (): ZipCodec & { calls: number } => {
    const codec = {
      calls: 0,
      inflateRaw: (data: Uint8Array, limit: number) => nodeZipCodec.inflateRaw(data, limit),
      crc32: (data: Uint8Array, crc: number) => {
        codec.calls++;
        return nodeZipCodec.crc32(data, crc);
      },
    };
    return codec;
  };

  it("share neither their memo nor their codec, and read the same", () => {
    const a = createXlsxReader({ memo: new PartMemo() });
    const codec = countingCodec();
    const b = createXlsxReader({ codec, memo: new PartMemo() });
    const bytes = book("04240", 1022.5);
    const read = (r: XlsxReader): unknown => {
      const x = r.read(bytes, "a.xlsx", { tables: ["ChiTieu"] });
      expect(x.ok).toBe(true);
      return x;
    };

    // A reads the book three times: it records the shared parts, then plays them back.
    const byA = [0, 1, 2].map(() => read(a));
    const aAfter = a.memo!.stats();
    expect(aAfter.recorded).toBeGreaterThan(0);
    expect(aAfter.playedBack).toBeGreaterThan(0);
    expect(codec.calls).toBe(0);

    // B has seen none of it: its first reading is a first reading, with its own codec.
    const byB = read(b);
    expect(b.memo!.stats()).toEqual({ recorded: 0, playedBack: 0 });
    expect(codec.calls).toBeGreaterThan(0);
    expect(a.memo!.stats()).toEqual(aAfter);

    // A goes on with fflate and its own memo; B's codec is not lent to it.
    const used = codec.calls;
    read(a);
    expect(codec.calls).toBe(used);
    expect(a.memo!.stats().playedBack).toBeGreaterThan(aAfter.playedBack);
    expect(b.memo!.stats()).toEqual({ recorded: 0, playedBack: 0 });

    // A reading of its own (readXlsx) touches neither.
    const before = [a.memo!.stats(), b.memo!.stats()];
    expect(readXlsxAlone(bytes, "a.xlsx", { tables: ["ChiTieu"] })).toEqual(byB);
    expect([a.memo!.stats(), b.memo!.stats()]).toEqual(before);
    expect(codec.calls).toBe(used);

    // And what each read is the same document.
    for (const x of byA) expect(x).toEqual(byB);
  });
});
