/*
 * Reading Excel number format codes (`0.00%`, `dd/mm/yyyy`, `#,##0" ha"`) only as far as the values
 * need: does the format scale by 100 (`%`), and does it show a date? A `%` or a `d` inside quotes,
 * after a backslash, after `_` or `*`, or inside brackets is literal text or a colour/locale tag, and
 * Excel does not act on it, so neither do we.
 */

interface Section {
  /** The section with every literal removed, lower-cased. */
  code: string;
  /** A `[<0]`-style condition, which changes which section a value uses. */
  conditional: boolean;
}

function sections(numFmt: string): Section[] {
  const out: Section[] = [];
  let code = "";
  let conditional = false;
  for (let i = 0; i < numFmt.length; i++) {
    const ch = numFmt[i] as string;
    if (ch === '"') {
      const end = numFmt.indexOf('"', i + 1);
      i = end < 0 ? numFmt.length : end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = numFmt.indexOf("]", i + 1);
      const inner = numFmt.slice(i + 1, end < 0 ? numFmt.length : end);
      if (/^[<>=]/.test(inner)) conditional = true;
      // Elapsed time ([h], [mm], [ss]) is a duration, kept so it is not mistaken for a month.
      else if (/^(h+|m+|s+)$/i.test(inner)) code += "h";
      i = end < 0 ? numFmt.length : end;
    } else if (ch === ";") {
      out.push({ code: code.toLowerCase(), conditional });
      code = "";
      conditional = false;
    } else {
      code += ch;
    }
  }
  out.push({ code: code.toLowerCase(), conditional });
  return out;
}

function isGeneral(numFmt: string | undefined): boolean {
  return !numFmt || /^\s*(general|standard|@)\s*$/i.test(numFmt);
}

/**
 * Whether Excel shows `value` scaled by 100 under this format. Excel picks the section by the sign
 * (positive; negative; zero; text); with conditions in brackets the choice depends on them, and any
 * numeric section with `%` is taken as meaning percent.
 */
export function isPercentFormat(numFmt: string | undefined, value = 1): boolean {
  if (isGeneral(numFmt)) return false;
  const all = sections(numFmt as string);
  const numeric = all.slice(0, 3);
  if (numeric.some((s) => s.conditional)) return numeric.some((s) => s.code.includes("%"));
  let chosen: Section | undefined = numeric[0];
  if (value < 0 && numeric.length >= 2) chosen = numeric[1];
  else if (value === 0 && numeric.length >= 3) chosen = numeric[2];
  return chosen?.code.includes("%") ?? false;
}

/**
 * Whether the format shows a calendar date: a day or a year, or a month without hours or seconds
 * beside it (`mm` next to `h` or `s` is minutes). Time-only formats are not dates.
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (isGeneral(numFmt)) return false;
  const first = sections(numFmt as string)[0]?.code ?? "";
  // Digit placeholders make it a number format with a stray letter (`0 m`); `ss.000` is the one
  // date-time code that carries zeros.
  if (/[#?]/.test(first) || /0/.test(first.replace(/s+\.0+/g, ""))) return false;
  if (/[dy]/.test(first)) return true;
  return /m/.test(first) && !/[hs]/.test(first);
}

const dateCache = new Map<string, boolean>();

/**
 * Whether a format code shows a date *or a time* (its first section, literals and colours aside):
 * the reader's question, for turning an ISO `t="d"` cell into the serial Excel stores and for the
 * 1904 date system. `isDateFormat` below asks the values' narrower question (a calendar date).
 */
export function showsDateOrTime(code: string): boolean {
  let known = dateCache.get(code);
  if (known === undefined) {
    const first = code
      .replace(/"[^"]*"/g, "")
      .replace(/\\./g, "")
      .replace(/[_*]./g, "")
      .replace(/\[(?:h+|m+|s+)\]/gi, "h")
      .replace(/\[[^\]]*\]/g, "")
      .split(";")[0];
    known = /[dmyhs]/i.test(first ?? "");
    if (dateCache.size < 1000) dateCache.set(code, known);
  }
  return known;
}
