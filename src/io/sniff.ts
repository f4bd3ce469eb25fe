import { encryptedFile, notXlsx, xlsFile, type NotXlsxKind, type XlsxError } from "./xlsx-read/failure";

/*
 * Telling what a file is from its first bytes, so that a person who sent the wrong thing is told
 * what they sent and how to fix it, rather than "corrupt zip".
 */

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** What kind of file the bytes are, whatever its name says. */
export type Sniffed = "zip" | "ole" | "empty" | "png" | "pdf" | "binary" | "text";

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return "empty";
  const b = (i: number): number => bytes[i] ?? -1;
  if (b(0) === 0x50 && b(1) === 0x4b) return "zip";
  if (b(0) === 0xd0 && b(1) === 0xcf && b(2) === 0x11 && b(3) === 0xe0) return "ole";
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return "png";
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46) return "pdf";
  // UTF-16 text has NULs by design; anything else with more than a stray NUL or many control bytes
  // is not text. A few NULs in text are a damaged file: the CSV reader names the line.
  if ((b(0) === 0xff && b(1) === 0xfe) || (b(0) === 0xfe && b(1) === 0xff)) return "text";
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  let nul = 0;
  for (let i = 0; i < n; i++) {
    const x = bytes[i] as number;
    if (x === 0) nul++;
    else if (x < 9 || (x > 13 && x < 32 && x !== 27)) control++;
  }
  if (nul > n * 0.3 && nul < n * 0.6) return "text"; // UTF-16 without a BOM
  if (nul > 4 || control > n * 0.05) return "binary";
  return "text";
}

export function isZip(bytes: Uint8Array): boolean {
  // Local file header, or the end record of an empty archive.
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** The failure for a file that is not a zip. */
export function notAZip(bytes: Uint8Array): XlsxError {
  if (startsWith(bytes, CFB_MAGIC)) return compoundFile(bytes);
  return notXlsx(guessKind(bytes));
}

function guessKind(bytes: Uint8Array): NotXlsxKind {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "pdf";
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38])
  ) {
    return "image";
  }
  const head = bytes.subarray(0, 4096);
  if (!looksLikeText(head)) return "unknown";
  const text = new TextDecoder("utf-8").decode(head).replace(/^\s+/, "");
  if (text.startsWith("<")) {
    // Government software often exports "Excel" files that are web pages or XML Spreadsheet 2003.
    if (text.includes("urn:schemas-microsoft-com:office:spreadsheet") && !/<html/i.test(text))
      return "xml2003";
    return "html";
  }
  return "text";
}

function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  let zeros = 0;
  let controls = 0;
  for (const b of head) {
    if (b === 0) zeros++;
    else if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  // UTF-16 text has a zero in every other byte; it is still text if it starts with a BOM.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return (utf16 || zeros === 0) && controls < head.length / 100 + 1;
}

/**
 * An OLE compound file: Excel 97–2003, or an encrypted OOXML workbook (Excel wraps those in a
 * compound file holding `EncryptionInfo` and `EncryptedPackage` streams), or another Office file.
 */
function compoundFile(bytes: Uint8Array): XlsxError {
  const names = compoundStreamNames(bytes);
  const has = (n: string): boolean => names.some((x) => x.toLowerCase() === n.toLowerCase());
  if (has("EncryptionInfo") || has("EncryptedPackage")) return encryptedFile();
  if (has("Workbook") || has("Book")) return xlsFile();
  if (has("WordDocument")) return notXlsx("word");
  if (has("PowerPoint Document")) return notXlsx("powerpoint");
  // An unreadable directory is most likely an .xls that some program wrote loosely.
  return names.length > 0 ? notXlsx("ole") : xlsFile();
}

const ENDOFCHAIN = 0xfffffffe;

/** Names in a compound file's directory; empty when it cannot be walked. */
export function compoundStreamNames(bytes: Uint8Array): string[] {
  if (bytes.length < 512) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return [];
  const size = 1 << shift;
  const sectorCount = Math.floor((bytes.length - size) / size);
  const sectorAt = (n: number): number => (n + 1) * size;

  // Only the FAT sectors the header lists directly: enough for files up to ~7 MB (512-byte
  // sectors), and a directory chain that leaves them is followed no further.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = view.getUint32(0x4c + i * 4, true);
    if (s >= sectorCount) continue;
    fatSectors.push(s);
  }
  const perSector = size / 4;
  const next = (n: number): number => {
    const fs = fatSectors[Math.floor(n / perSector)];
    if (fs === undefined) return ENDOFCHAIN;
    const off = sectorAt(fs) + (n % perSector) * 4;
    return off + 4 <= bytes.length ? view.getUint32(off, true) : ENDOFCHAIN;
  };

  const names: string[] = [];
  const seen = new Set<number>();
  let sector = view.getUint32(0x30, true);
  while (sector < sectorCount && !seen.has(sector) && names.length < 10_000) {
    seen.add(sector);
    const base = sectorAt(sector);
    for (let off = base; off + 128 <= base + size && off + 128 <= bytes.length; off += 128) {
      const type = bytes[off + 0x42];
      const len = view.getUint16(off + 0x40, true);
      if (type === 0 || len < 2 || len > 64) continue;
      let name = "";
      for (let i = 0; i + 2 < len; i += 2) name += String.fromCharCode(view.getUint16(off + i, true));
      names.push(name);
    }
    sector = next(sector);
  }
  return names;
}

/** What a zip that holds no workbook holds instead. */
export function zipKind(names: Iterable<string>): NotXlsxKind {
  let kind: NotXlsxKind = "zip";
  for (const n of names) {
    if (n === "xl/workbook.bin") return "xlsb";
    if (n.startsWith("word/")) kind = "word";
    else if (n.startsWith("ppt/")) kind = "powerpoint";
    else if (n === "content.xml" || n === "mimetype") kind = "opendocument";
  }
  return kind;
}
