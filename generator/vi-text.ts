/*
 * How Vietnamese planners write numbers and text by hand: `.` groups thousands, `,` is the decimal
 * mark (FORMATS.md §3), percentages carry `%`; and how text typed with the old TCVN3 (ABC) fonts
 * lands in a workbook.
 */

import { isoToExcelSerial } from "../src/core/values/dates";

/** The decimal digits of a number as JavaScript prints it shortest (never in exponent form here). */
function plainDigits(x: number): string {
  const s = String(Math.abs(x));
  if (/e/i.test(s)) throw new Error(`Number ${x} is out of the range the samples write`);
  return s;
}

/** `1922.9` → `1.922,9`; `8453` → `8.453` (or `8453` without grouping). Exactly the digits of x. */
export function viNumber(x: number, grouping = true): string {
  const [int = "0", frac] = plainDigits(x).split(".");
  const grouped = grouping ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : int;
  return `${x < 0 ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

/** A rate in percent points as a person types it: `47,72%` (two decimals at most, no trailing zeros). */
export function viPercent(points: number, sign = true): string {
  const fixed = points.toFixed(2).replace(/\.?0+$/, "");
  const [int = "0", frac] = fixed.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${grouped}${frac ? `,${frac}` : ""}${sign ? "%" : ""}`;
}

/** `2026-12-05` → `05/12/2026`, day first as Vietnamese forms write it. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** The serial number an Excel date cell holds (1900 date system). */
export function excelSerial(iso: string): number {
  const serial = isoToExcelSerial(iso);
  if (serial === undefined) throw new Error(`not a date: ${iso}`);
  return serial;
}

/*
 * TCVN3 (ABC): each Vietnamese letter is one byte in the .Vn* fonts, and Excel stores that byte as
 * the Latin-1 character of the same number, so "Xã Mường Lèo" is saved as "X· M­êng LÌo".
 */
// prettier-ignore
const TCVN3: Record<string, number> = {
  à: 0xb5, ả: 0xb6, ã: 0xb7, á: 0xb8, ạ: 0xb9,
  ă: 0xa8, ằ: 0xbb, ẳ: 0xbc, ẵ: 0xbd, ắ: 0xbe, ặ: 0xc6,
  â: 0xa9, ầ: 0xc7, ẩ: 0xc8, ẫ: 0xc9, ấ: 0xca, ậ: 0xcb,
  đ: 0xae,
  è: 0xcc, ẻ: 0xce, ẽ: 0xcf, é: 0xd0, ẹ: 0xd1,
  ê: 0xaa, ề: 0xd2, ể: 0xd3, ễ: 0xd4, ế: 0xd5, ệ: 0xd6,
  ì: 0xd7, ỉ: 0xd8, ĩ: 0xdc, í: 0xdd, ị: 0xde,
  ò: 0xdf, ỏ: 0xe1, õ: 0xe2, ó: 0xe3, ọ: 0xe4,
  ô: 0xab, ồ: 0xe5, ổ: 0xe6, ỗ: 0xe7, ố: 0xe8, ộ: 0xe9,
  ơ: 0xac, ờ: 0xea, ở: 0xeb, ỡ: 0xec, ớ: 0xed, ợ: 0xee,
  ù: 0xef, ủ: 0xf1, ũ: 0xf2, ú: 0xf3, ụ: 0xf4,
  ư: 0xad, ừ: 0xf5, ử: 0xf6, ữ: 0xf7, ứ: 0xf8, ự: 0xf9,
  ỳ: 0xfa, ỷ: 0xfb, ỹ: 0xfc, ý: 0xfd, ỵ: 0xfe,
  Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7,
};

/**
 * Text as a cell typed with a TCVN3 font holds it. TCVN3 has no capital toned letters (the
 * capital fonts reuse the small ones), so a capital toned letter is written with its small form.
 */
export function toTcvn3(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const code = TCVN3[ch] ?? TCVN3[ch.toLowerCase()];
    if (code !== undefined) out += String.fromCharCode(code);
    else if (ch.charCodeAt(0) < 0x80) out += ch;
    else throw new Error(`TCVN3 has no letter for "${ch}"`);
  }
  return out;
}
