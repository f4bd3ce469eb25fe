import { inflateSync, strToU8, zipSync, type Zippable } from "fflate";
import { nodeZipCodec } from "../../../src/io/node/zip-codec";
import { createXlsxReader, type XlsxReader } from "../../../src/io/xlsx-read";
import { crc32 } from "../../../src/io/xlsx-read/crc32";

/*
 * Workbooks built by hand, part by part, for the cases no well-behaved writer produces.
 * Everything is generated in the test: no binary fixtures are committed.
 */

export const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface HandSheet {
  name: string;
  /** The whole worksheet part, or just the inside of <sheetData>. */
  xml?: string;
  rows?: string;
  /** Table parts of this sheet: their whole XML. */
  tables?: string[];
}

export interface HandBook {
  sheets: HandSheet[];
  sharedStrings?: string[] | string;
  styles?: string;
  /** Inside <workbook> after <sheets>: e.g. <definedNames>. */
  workbookExtra?: string;
  workbookPr?: string;
  /** Replace or add raw parts (path → text or bytes); `null` removes a part. */
  parts?: Record<string, string | Uint8Array | null>;
}

export function sheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetData>${rows}</sheetData></worksheet>`;
}

export function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function tableXml(name: string, ref: string, columns: string[]): string {
  const cols = columns.map((c, i) => `<tableColumn id="${i + 1}" name="${xmlEscape(c)}"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS}" id="1" name="${name}" displayName="${name}" ref="${ref}">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${cols}</tableColumns></table>`
  );
}

/** The parts of a minimal, valid workbook. */
export function handParts(book: HandBook): Record<string, string | Uint8Array> {
  const parts: Record<string, string | Uint8Array> = {};
  parts["[Content_Types].xml"] =
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
  parts["_rels/.rels"] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wbRels: string[] = [];
  const sheetEls: string[] = [];
  let tableNo = 0;
  book.sheets.forEach((s, i) => {
    const n = i + 1;
    wbRels.push(`<Relationship Id="rId${n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    sheetEls.push(`<sheet name="${xmlEscape(s.name)}" sheetId="${n}" r:id="rId${n}"/>`);
    parts[`xl/worksheets/sheet${n}.xml`] = s.xml ?? sheetXml(s.rows ?? "");
    if (s.tables?.length) {
      const rels = s.tables.map((t) => {
        tableNo++;
        parts[`xl/tables/table${tableNo}.xml`] = t;
        return `<Relationship Id="rId${tableNo}" Type="${REL_NS}/table" Target="../tables/table${tableNo}.xml"/>`;
      });
      parts[`xl/worksheets/_rels/sheet${n}.xml.rels`] =
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${rels.join("")}</Relationships>`;
    }
  });
  let next = book.sheets.length + 1;
  if (book.sharedStrings !== undefined) {
    wbRels.push(
      `<Relationship Id="rId${next++}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`,
    );
    parts["xl/sharedStrings.xml"] =
      typeof book.sharedStrings === "string"
        ? book.sharedStrings
        : `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">` +
          book.sharedStrings.map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`).join("") +
          `</sst>`;
  }
  if (book.styles !== undefined) {
    wbRels.push(`<Relationship Id="rId${next++}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
    parts["xl/styles.xml"] = book.styles;
  }
  parts["xl/_rels/workbook.xml.rels"] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${wbRels.join("")}</Relationships>`;
  parts["xl/workbook.xml"] =
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}">${book.workbookPr ?? ""}` +
    `<sheets>${sheetEls.join("")}</sheets>${book.workbookExtra ?? ""}</workbook>`;
  for (const [path, content] of Object.entries(book.parts ?? {})) {
    if (content === null) delete parts[path];
    else parts[path] = content;
  }
  return parts;
}

export function zipParts(parts: Record<string, string | Uint8Array>, level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  const z: Zippable = {};
  for (const [path, content] of Object.entries(parts)) {
    z[path] = [typeof content === "string" ? strToU8(content) : content, { level }];
  }
  return zipSync(z);
}

export function handBook(book: HandBook): Uint8Array {
  return zipParts(handParts(book));
}

/** Styles whose cellXfs are the given number format ids, with the given custom formats. */
export function stylesXml(xfNumFmtIds: number[], custom: Record<number, string> = {}): string {
  const fmts = Object.entries(custom)
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}">` +
    (fmts ? `<numFmts count="${Object.keys(custom).length}">${fmts}</numFmts>` : "") +
    `<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfNumFmtIds.length}">${xfNumFmtIds.map((id) => `<xf numFmtId="${id}" xfId="0"/>`).join("")}</cellXfs>` +
    `<dxfs count="1"><dxf><numFmt numFmtId="170" formatCode="0.0%"/></dxf></dxfs></styleSheet>`
  );
}

/** Bits written least significant first, as deflate packs them. */
class BitWriter {
  private bytes: Uint8Array;
  private bit = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }
  bits(value: number, n: number): void {
    for (let i = 0; i < n; i++) this.one((value >> i) & 1);
  }
  /** A Huffman code: deflate packs those most significant bit first. */
  code(value: number, n: number): void {
    for (let i = n - 1; i >= 0; i--) this.one((value >> i) & 1);
  }
  private one(b: number): void {
    if (b) this.bytes[this.bit >> 3]! |= 1 << (this.bit & 7);
    this.bit++;
  }
  done(): Uint8Array {
    return this.bytes.slice(0, (this.bit + 7) >> 3);
  }
}

/**
 * A raw deflate stream (one fixed-Huffman block) of `prefix` followed by copies of its last
 * `period` bytes until about `totalBytes` come out: 13 bits for every 258 bytes, a ratio of ~160.
 */
export function deflateBomb(prefix: string, period: number, totalBytes: number): Uint8Array {
  const repeats = Math.ceil(Math.max(0, totalBytes - prefix.length) / 258);
  const w = new BitWriter(prefix.length * 2 + Math.ceil((repeats * 13) / 8) + 16);
  w.bits(1, 1); // last block
  w.bits(1, 2); // fixed Huffman codes
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix.charCodeAt(i);
    if (c < 144) w.code(0x30 + c, 8);
    else w.code(0x190 + c - 144, 9);
  }
  // Distance symbols 0–3 are distances 1–4 with no extra bits.
  if (period < 1 || period > 4) throw new Error("period 1 to 4");
  for (let i = 0; i < repeats; i++) {
    w.code(0xc5, 8); // length symbol 285: 258 bytes
    w.code(period - 1, 5);
  }
  w.code(0, 7); // end of block
  return w.done();
}

/**
 * A zip holding the given entries as they are given: `raw` entries are stored with the deflate
 * data and the declared size the test chooses (a bomb declares a small one).
 */
export function rawZip(
  entries: { name: string; data: Uint8Array; deflated?: boolean; declaredSize?: number }[],
): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const method = e.deflated ? 8 : 0;
    const size = e.declaredSize ?? e.data.length;
    const crc = checksum(e.data, e.deflated ?? false);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...locals, ...centrals, end];
  const out = new Uint8Array(all.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of all) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/** The CRC of an entry's content; 0 for a bomb, whose content the test never lets be inflated whole. */
function checksum(data: Uint8Array, deflated: boolean): number {
  if (!deflated) return crc32(data);
  if (data.length > 64 * 1024) return 0;
  try {
    return crc32(inflateSync(data));
  } catch {
    return 0;
  }
}

/** A minimal OLE compound file whose directory holds the given stream names. */
export function compoundFile(streams: string[]): Uint8Array {
  const names = ["Root Entry", ...streams];
  const dirSectors = Math.ceil(names.length / 4);
  const out = new Uint8Array(512 * (2 + dirSectors));
  const v = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  v.setUint16(0x18, 0x3e, true);
  v.setUint16(0x1a, 3, true);
  v.setUint16(0x1c, 0xfffe, true);
  v.setUint16(0x1e, 9, true);
  v.setUint16(0x20, 6, true);
  v.setUint32(0x2c, 1, true);
  v.setUint32(0x30, 1, true); // directory starts at sector 1
  v.setUint32(0x38, 4096, true);
  v.setUint32(0x3c, 0xfffffffe, true);
  v.setUint32(0x44, 0xfffffffe, true);
  v.setUint32(0x4c, 0, true); // the FAT is sector 0
  for (let i = 1; i < 109; i++) v.setUint32(0x4c + i * 4, 0xffffffff, true);
  const fat = 512;
  for (let i = 0; i < 128; i++) v.setUint32(fat + i * 4, 0xffffffff, true);
  v.setUint32(fat, 0xfffffffd, true);
  for (let s = 1; s <= dirSectors; s++) v.setUint32(fat + s * 4, s === dirSectors ? 0xfffffffe : s + 1, true);
  names.forEach((name, i) => {
    const off = 1024 + i * 128;
    for (let k = 0; k < name.length; k++) v.setUint16(off + k * 2, name.charCodeAt(k), true);
    v.setUint16(off + 0x40, (name.length + 1) * 2, true);
    out[off + 0x42] = i === 0 ? 5 : 2;
  });
  return out;
}

/**
 * Runs the tests `body` declares once per inflater: fflate (the task pane's) and Node's zlib (the
 * CLI's), each time with a reader of its own (that codec, and a memo its tests share as a run's
 * files do).
 */
export function withEachInflater(body: (reader: XlsxReader) => void): void {
  describe.each([
    ["fflate", undefined],
    ["Node's zlib", nodeZipCodec],
  ] as const)("inflating with %s", (_name, codec) => {
    body(createXlsxReader(codec ? { codec } : {}));
  });
}
