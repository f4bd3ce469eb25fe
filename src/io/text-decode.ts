/*
 * Bytes to text for CSV files: UTF-8 with or without BOM, UTF-16 with or without BOM, else Windows-1258
 * (what Vietnamese Windows Excel writes for "CSV"). Decoding is the platform's WHATWG
 * TextDecoder (browsers and Node alike), never a hand-made table.
 */

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** A byte order mark was present. */
  bom: boolean;
}

/**
 * The encoding of a CSV from its bytes. `partial`: the bytes are the first part of a longer file, so a
 * multi-byte character cut at the end is no evidence against UTF-8.
 */
export function detectEncoding(
  bytes: Uint8Array,
  partial = false,
): { encoding: TextEncodingName; bom: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bom: true };
  if (looksUtf16(bytes, 1)) return { encoding: "utf-16le", bom: false };
  if (looksUtf16(bytes, 0)) return { encoding: "utf-16be", bom: false };
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: partial });
    return { encoding: "utf-8", bom: false };
  } catch {
    return { encoding: "windows-1258", bom: false };
  }
}

/**
 * UTF-16 without a BOM: ASCII text then has a NUL in nearly every other byte, after each character
 * (little-endian, `high` = 1) or before it (big-endian, `high` = 0).
 */
function looksUtf16(bytes: Uint8Array, high: 0 | 1): boolean {
  const n = Math.min(bytes.length, 512);
  if (n < 4) return false;
  let zeros = 0;
  for (let i = high; i < n; i += 2) if (bytes[i] === 0) zeros++;
  return zeros > (n / 2) * 0.6;
}

/** Decodes bytes and puts the text in NFC (Windows-1258 writes tone marks as combining characters). */
export function decodeText(bytes: Uint8Array): DecodedText {
  const { encoding, bom } = detectEncoding(bytes);
  const body = bom ? bytes.subarray(encoding === "utf-8" ? 3 : 2) : bytes;
  const text = new TextDecoder(encoding).decode(body).normalize("NFC");
  return { text, encoding, bom };
}
