/*
 * Bytes of CSV text in the encodings Vietnamese offices send (FORMATS.md §2). Only the platform's
 * TextEncoder/TextDecoder are used, so the generator runs in the browser as well as in Node.
 */

export type CsvEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "windows-1258";

/** The five Vietnamese tone marks: Windows-1258 writes them as separate combining characters. */
const TONE_MARKS = new Set([0x0300, 0x0301, 0x0303, 0x0309, 0x0323]);

function isMark(cp: number): boolean {
  return cp >= 0x0300 && cp <= 0x036f;
}

/**
 * Text in the shape Windows-1258 can hold: the letters it has precomposed (â ă ê ô ơ ư đ and the
 * plain vowels) kept whole, the tone mark after them as a combining character ("ế" → "ê" + U+0301).
 */
export function windows1258Form(text: string): string {
  const chars = [...text.normalize("NFD")];
  let out = "";
  let i = 0;
  while (i < chars.length) {
    const base = chars[i] as string;
    i++;
    let quality = "";
    let tones = "";
    while (i < chars.length && isMark((chars[i] as string).codePointAt(0) as number)) {
      const mark = chars[i] as string;
      if (TONE_MARKS.has(mark.codePointAt(0) as number)) tones += mark;
      else quality += mark;
      i++;
    }
    out += (base + quality).normalize("NFC") + tones;
  }
  return out;
}

let cp1258: Map<string, number> | undefined;

/** Character → byte, read off the platform's own decoder so the table is never hand-made. */
function cp1258Table(): Map<string, number> {
  if (!cp1258) {
    const decoder = new TextDecoder("windows-1258");
    cp1258 = new Map();
    for (let b = 0x80; b <= 0xff; b++) {
      const ch = decoder.decode(new Uint8Array([b]));
      if (!cp1258.has(ch)) cp1258.set(ch, b);
    }
  }
  return cp1258;
}

export function encodeWindows1258(text: string): Uint8Array {
  const table = cp1258Table();
  const form = windows1258Form(text);
  const out: number[] = [];
  for (const ch of form) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const b = table.get(ch);
    // A character Windows-1258 cannot hold would become "?" in Excel: the samples never need one.
    if (b === undefined) throw new Error(`Windows-1258 has no byte for U+${cp.toString(16).toUpperCase()}`);
    out.push(b);
  }
  return Uint8Array.from(out);
}

function utf16le(text: string, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let o = 0;
  if (bom) {
    out[o++] = 0xff;
    out[o++] = 0xfe;
  }
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[o++] = u & 0xff;
    out[o++] = u >> 8;
  }
  return out;
}

export function encodeText(text: string, encoding: CsvEncoding): Uint8Array {
  switch (encoding) {
    case "utf-8":
      return new TextEncoder().encode(text);
    case "utf-8-bom": {
      const body = new TextEncoder().encode(text);
      const out = new Uint8Array(body.length + 3);
      out.set([0xef, 0xbb, 0xbf]);
      out.set(body, 3);
      return out;
    }
    case "utf-16le":
      return utf16le(text, true);
    case "windows-1258":
      return encodeWindows1258(text);
  }
}
