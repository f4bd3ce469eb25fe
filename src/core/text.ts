/** Unicode NFC: the one form text is compared and written in. */
export function nfc(s: string): string {
  return s.normalize("NFC");
}

/**
 * A string that holds its own characters. Parsers cut values out of the text they read, and a
 * JavaScript engine may keep such a cut as a view into that text (V8 does from 13 characters):
 * one kept value, an indicator code such as `SL_LUONG_THUC`, then keeps its whole chunk of CSV or
 * XML alive, and a file read piece by piece ends up held whole after all. Short strings are
 * copies already; concatenating and slicing makes a flat copy of a longer one.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

/**
 * A key for matching labels the way FORMATS.md asks: ignoring case, surrounding and repeated
 * spaces, Vietnamese diacritics (đ included) and a trailing colon. Remembered, because the same
 * headers, labels and indicator names come back in every file of a run and decomposing them
 * (NFD) is most of what finding a table's columns and a file's labels costs.
 */
export function matchKey(s: string): string {
  let key = KEYS.get(s);
  if (key === undefined) {
    key = computeKey(s);
    if (KEYS.size >= KEYS_MAX) KEYS.clear();
    // Copies, so that a remembered text never keeps alive the chunk of a file it was cut from.
    if (s.length <= KEY_TEXT_MAX) KEYS.set(ownString(s), ownString(key));
  }
  return key;
}

const KEYS = new Map<string, string>();
const KEYS_MAX = 8192;
/** Long texts (notes, paragraphs) are rarely compared twice and are not kept. */
const KEY_TEXT_MAX = 200;

function computeKey(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim()
    .replace(/\s*:$/, "");
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 1-based column number of column letters (A → 1, AA → 27). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `A1` of a 1-based row and column. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** Row and column of an A1 address (`$` allowed); undefined when it is not one. */
export function parseA1(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  return { col: columnNumber(m[1] as string), row: Number(m[2]) };
}

/** Bounds of an A1 range such as `B8:J30` (a single cell is a range of one). */
export function parseRange(
  ref: string,
): { top: number; left: number; bottom: number; right: number } | undefined {
  const [from, to] = ref.split(":");
  const a = from ? parseA1(from) : undefined;
  const b = to ? parseA1(to) : a;
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}
