import type { Message } from "../issues";

/*
 * Numbers typed as text (CSV cells, text-formatted Excel cells), FORMATS.md §3.
 *
 * The one rule that protects province figures: a text is read only when the locale's rules read it
 * one way. Grouping needs groups of exactly three digits, so in Vietnamese `1.5`, `47.72` and `0.500`
 * are not numbers at all (someone typed an English decimal): they are reported, never read as 15,
 * 4772 or 500. What both locales can read but read differently (`8.453`, `1,234`) is read as the
 * contract says, and the other reading travels with the value (`otherReading`) so that a check
 * which finds the figure odd (not whole, out of range) can say which digits were probably meant.
 */

export type NumberLocale = "vi" | "en";

/**
 * Why a text is not a number:
 * - `separators`: digits with dots, commas or spaces the locale cannot read (`1.5`, `1,234,567` and
 *   `12,` in vi, `47,72` in en, `12 5`);
 * - `unit-in-value`: a number followed by words or a currency sign (`12 hộ`, `1.922,9 triệu đồng`,
 *   `500.000đ`): the unit of measure belongs in its own column, and guessing it here could be 10⁶ off;
 * - `not-a-number`: anything else (`khoảng 12`, `12/15`, `10-12`, `(5)`, `#N/A`, `TRUE`).
 */
export type NumberProblem = "separators" | "unit-in-value" | "not-a-number";

export type ParsedNumber =
  | {
      kind: "number";
      value: number;
      /** The text carried a `%` sign: `value` is in percent points ("47,72%" → 47.72). */
      percent: boolean;
      /** What the other locale would read, when it reads the same text as a different number. */
      otherReading?: number;
      /** Written as `1,5E+03`: what Excel shows when a column is too narrow, often rounded. */
      scientific?: boolean;
    }
  | { kind: "empty" }
  | {
      kind: "invalid";
      problem: NumberProblem;
      /** The number the text starts with, when that part alone is readable (`12 hộ` → 12). */
      value?: number;
      percent?: boolean;
      /** Words after the number (`hộ`, `triệu đồng`, `đ`), for the message and recogniseUnit. */
      unitText?: string;
      /** The number the other locale reads (`1.5` in vi → 1.5 in en). */
      otherReading?: number;
    };

interface Separators {
  group: string;
  decimal: string;
}

const SEPARATORS: Record<NumberLocale, Separators> = {
  vi: { group: ".", decimal: "," },
  en: { group: ",", decimal: "." },
};

const OTHER: Record<NumberLocale, NumberLocale> = { vi: "en", en: "vi" };

/**
 * No data: Vietnamese statistical tables write `-` for none, `..` for not available and `x` for
 * not applicable; Word and Excel's autocorrect turn `-` into dashes and `...` into an ellipsis.
 */
const NO_DATA = new Set(["-", "--", "---", "–", "—", "−", "x", "X", "..", "...", "…"]);

const SPACES = /[\t\u00a0\u2002-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

function clean(text: string): string {
  return text.normalize("NFC").replace(INVISIBLE, "").replace(SPACES, " ").replace(/ {2,}/g, " ").trim();
}

/**
 * Digits with the given separators (possibly Infinity: the caller decides what that means). Grouping is all dots (or commas) or all spaces, first group 1–3
 * digits not starting with 0, then groups of exactly 3: `0.500` in vi is an English 0.5, not 500.
 * One decimal mark at most, with digits after it (`12,` may be a cut-off `12,5`).
 */
function readDigits(part: string, sep: Separators, allowGrouping = true): number | undefined {
  const pieces = part.split(sep.decimal);
  if (pieces.length > 2) return undefined;
  const [whole, frac] = pieces as [string, string | undefined];
  if (frac !== undefined && !/^\d+$/.test(frac)) return undefined;
  let digits: string;
  if (whole === "") {
    if (frac === undefined) return undefined;
    digits = "0";
  } else if (/^\d+$/.test(whole)) {
    digits = whole;
  } else {
    if (!allowGrouping) return undefined;
    const groups = whole.split(whole.includes(" ") ? " " : sep.group);
    if (!/^[1-9]\d{0,2}$/.test(groups[0] as string)) return undefined;
    if (groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return undefined;
    digits = groups.join("");
  }
  return Number(frac === undefined ? digits : `${digits}.${frac}`);
}

interface Shape {
  negative: boolean;
  /** The digits and separators. */
  part: string;
  exponent?: number;
  percent: boolean;
  /** What follows the number when it is not an exponent or a `%`. */
  rest: string;
}

function shape(body: string): Shape | undefined {
  const m = /^([-+\u2212]?)([0-9][0-9., ]*|[.,][0-9][0-9., ]*)(.*)$/.exec(body);
  if (!m) return undefined;
  const negative = m[1] === "-" || m[1] === "\u2212";
  const part = (m[2] as string).trimEnd();
  const rest = (m[3] as string).trim();
  const tail = /^(?:[eE]([+-]?\d{1,3}))?\s*([%％])?$/.exec(rest);
  if (tail) {
    const s: Shape = { negative, part, percent: tail[2] !== undefined, rest: "" };
    if (tail[1] !== undefined) s.exponent = Number(tail[1]);
    return s;
  }
  return { negative, part, percent: false, rest };
}

function valueOf(s: Shape, sep: Separators): number | undefined {
  let v: number | undefined;
  if (s.exponent !== undefined) {
    const mantissa = readDigits(s.part, sep, false);
    v = mantissa === undefined ? undefined : Number(`${mantissa}e${s.exponent}`);
  } else {
    v = readDigits(s.part, sep);
  }
  if (v === undefined) return undefined;
  v = s.negative ? -v : v;
  return v === 0 ? 0 : v; // no -0 in reports
}

/**
 * Reads a number typed as text, by the locale's rules (Vietnamese by default): `1.922,9` → 1922.9,
 * `8.453` → 8453, `47,72 %` → 47.72 with `percent`, `8 453` (any space, non-breaking or thin),
 * `−5` (Unicode minus), `+5`, `,5`, and `1,5E+03` (flagged `scientific`). A leading `'` (Excel's
 * "keep as text" mark) is ignored. Signs must touch the digits; parentheses are not negatives here
 * (in a typed cell `(5)` is as likely a note number as an accounting minus).
 */
export function parseNumberText(text: string, locale: NumberLocale = "vi"): ParsedNumber {
  let body = clean(text);
  if (body.startsWith("'")) body = body.slice(1).trim();
  if (body === "" || NO_DATA.has(body)) return { kind: "empty" };

  const s = shape(body);
  if (!s) return { kind: "invalid", problem: "not-a-number" };
  const value = valueOf(s, SEPARATORS[locale]);
  // Readable digits beyond what a double holds (`1e400`, 400 nines): no figure, whatever the locale.
  if (value !== undefined && !Number.isFinite(value)) return { kind: "invalid", problem: "not-a-number" };
  const hasSeparators = /[.,]/.test(s.part);
  const read = hasSeparators ? valueOf(s, SEPARATORS[OTHER[locale]]) : undefined;
  const other = read !== undefined && Number.isFinite(read) ? read : undefined;

  if (s.rest !== "") {
    // `12 hộ`, `500.000đ`, `5 (hộ)`: a number and then a unit; `12/15`, `10 - 12`: not one number.
    // Words with no digits but an exponent (`m2`, `km²`): `1O0` (letter O) is no unit.
    if (/^\(?[\p{L}₫$€£¥‰°][^\d]*[23²³]?\)?$/u.test(s.rest)) {
      const r: ParsedNumber = {
        kind: "invalid",
        problem: value === undefined ? "separators" : "unit-in-value",
        unitText: s.rest.replace(/^\((.*)\)$/, "$1").trim(),
      };
      if (value !== undefined) r.value = value;
      if (value === undefined && other !== undefined) r.otherReading = other;
      return r;
    }
    return { kind: "invalid", problem: "not-a-number" };
  }

  if (value === undefined) {
    const r: ParsedNumber = { kind: "invalid", problem: "separators" };
    if (s.percent) r.percent = true;
    if (other !== undefined) r.otherReading = other;
    return r;
  }
  const r: ParsedNumber = { kind: "number", value, percent: s.percent };
  if (other !== undefined && other !== value) r.otherReading = other;
  if (s.exponent !== undefined) r.scientific = true;
  return r;
}

/** Thousands grouped in threes, for both formatters below. */
const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

/** Digits written in plain decimal (`1922.9`), spelled the locale's way: `1.922,9` in vi, `1,922.9` in en. */
function spell(negative: boolean, digits: string, locale: NumberLocale): string {
  const sep = SEPARATORS[locale];
  const [whole, frac] = digits.split(".") as [string, string | undefined];
  return (negative ? "-" : "") + whole.replace(THOUSANDS, sep.group) + (frac ? sep.decimal + frac : "");
}

/**
 * A number as the locale writes it, for messages: `1922.9` → `1.922,9` in vi, `1,922.9` in en.
 * Without `decimals` every significant digit is kept (messages must not hide a difference); with
 * them, exactly that many (`47,70`). See `formatRounded` for at most that many.
 */
export function formatNumber(value: number, locale: NumberLocale = "vi", decimals?: number): string {
  const abs = Math.abs(value);
  const text = decimals === undefined ? String(abs) : abs.toFixed(decimals);
  if (/e/i.test(text)) return String(value);
  return spell(value < 0 && Number(text) !== 0, text, locale);
}

/**
 * A figure rounded for people, to at most `maxDecimals` decimals and without trailing zeros:
 * `215000` → `215.000`, `2.50` → `2,5`, `0.1 + 0.2` → `0,3` (vi; `215,000`, `2.5`, `0.3` in en).
 */
export function formatRounded(value: number, locale: NumberLocale = "vi", maxDecimals = 4): string {
  if (!Number.isFinite(value)) return String(value);
  // Trailing zeros go only after a decimal point: 215000 stays 215.000, 2,50 becomes 2,5.
  const text = Math.abs(value)
    .toFixed(maxDecimals)
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
  return spell(value < 0, text, locale);
}

/** A figure rounded for people in both languages at once, for bilingual messages. */
export function nums(value: number, maxDecimals = 4): { vi: string; en: string } {
  return { vi: formatRounded(value, "vi", maxDecimals), en: formatRounded(value, "en", maxDecimals) };
}

/**
 * What to tell the person who typed `text`, for a `not-a-number` issue. The hint names the rule
 * they broke and, when the other locale reads the text, the number they probably meant, written
 * the way this locale wants it.
 */
export function numberProblemMessage(
  text: string,
  result: Extract<ParsedNumber, { kind: "invalid" }>,
  locale: NumberLocale = "vi",
): Message {
  const t = text.trim();
  switch (result.problem) {
    case "unit-in-value": {
      const unit = result.unitText ?? "";
      return {
        vi: `“${t}”: đơn vị tính (“${unit}”) được viết trong ô số liệu; chỉ ghi số, đơn vị ghi ở cột Đơn vị tính`,
        en: `“${t}”: the unit of measure (“${unit}”) is written in the value cell; write only the number, and the unit in the Unit of measure column`,
      };
    }
    case "separators": {
      const rule =
        locale === "vi"
          ? {
              vi: "dấu chấm ngăn cách hàng nghìn theo nhóm 3 chữ số, dấu phẩy là dấu thập phân",
              en: "a dot groups thousands in threes, a comma is the decimal mark",
            }
          : {
              vi: "dấu phẩy ngăn cách hàng nghìn theo nhóm 3 chữ số, dấu chấm là dấu thập phân",
              en: "a comma groups thousands in threes, a dot is the decimal mark",
            };
      const meant =
        result.otherReading === undefined
          ? undefined
          : formatNumber(result.otherReading, locale) + (result.percent ? "%" : "");
      return {
        vi:
          `“${t}” không đọc được thành số (${rule.vi})` +
          (meant ? `; nếu ý là ${meant} thì viết “${meant}”` : ""),
        en:
          `“${t}” cannot be read as a number (${rule.en})` +
          (meant ? `; if ${meant} was meant, write “${meant}”` : ""),
      };
    }
    case "not-a-number":
      return { vi: `“${t}” không phải là số`, en: `“${t}” is not a number` };
  }
}
