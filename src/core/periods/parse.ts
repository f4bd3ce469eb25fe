import { matchKey } from "../text";

/**
 * Reporting periods (FORMATS.md §4). Canonical forms: `2026`, `2026-H1`, `2026-H2`, `2026-Q1`…`Q4`,
 * `2026-M01`…`M12`, `2026-9M`, and phases `2026-2027`.
 */
export type PeriodKind = "year" | "half" | "quarter" | "month" | "9m" | "phase";

export interface Period {
  kind: PeriodKind;
  /** The canonical text. */
  code: string;
  /** First and last calendar year covered (equal but for phases). */
  startYear: number;
  endYear: number;
  /** First and last month covered, 1–12, within startYear and endYear. */
  startMonth: number;
  endMonth: number;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function year(y: number): boolean {
  return Number.isInteger(y) && y >= 1900 && y <= 2200;
}

function make(kind: PeriodKind, code: string, sy: number, sm: number, ey: number, em: number): Period {
  return { kind, code, startYear: sy, startMonth: sm, endYear: ey, endMonth: em };
}

export function yearPeriod(y: number): Period {
  return make("year", String(y), y, 1, y, 12);
}

function quarter(y: number, q: number): Period | undefined {
  if (q < 1 || q > 4) return undefined;
  return make("quarter", `${y}-Q${q}`, y, q * 3 - 2, y, q * 3);
}

function half(y: number, h: number): Period | undefined {
  if (h !== 1 && h !== 2) return undefined;
  return make("half", `${y}-H${h}`, y, h === 1 ? 1 : 7, y, h === 1 ? 6 : 12);
}

function month(y: number, m: number): Period | undefined {
  if (m < 1 || m > 12) return undefined;
  return make("month", `${y}-M${String(m).padStart(2, "0")}`, y, m, y, m);
}

function phase(a: number, b: number): Period | undefined {
  if (b <= a) return undefined;
  return make("phase", `${a}-${b}`, a, 1, b, 12);
}

function quarterNumber(s: string): number | undefined {
  const roman = ROMAN[s];
  if (roman) return roman;
  const n = Number(s);
  return Number.isInteger(n) ? n : undefined;
}

/**
 * Reads a period in any form FORMATS.md accepts (canonical or Vietnamese words); undefined when the
 * text is not a period. A bare number (an Excel cell holding 2026) is a year.
 */
export function parsePeriod(input: string | number): Period | undefined {
  if (typeof input === "number") return year(input) ? yearPeriod(input) : undefined;
  const raw = input.trim();
  const s = matchKey(raw);
  let m: RegExpExecArray | null;

  if ((m = /^(\d{4})$/.exec(s))) return year(+m[1]!) ? yearPeriod(+m[1]!) : undefined;
  if ((m = /^(\d{4})-h([12])$/.exec(s))) return year(+m[1]!) ? half(+m[1]!, +m[2]!) : undefined;
  if ((m = /^(\d{4})-q([1-4])$/.exec(s))) return year(+m[1]!) ? quarter(+m[1]!, +m[2]!) : undefined;
  if ((m = /^(\d{4})-m(\d{1,2})$/.exec(s))) return year(+m[1]!) ? month(+m[1]!, +m[2]!) : undefined;
  if ((m = /^(\d{4})-9m$/.exec(s)))
    return year(+m[1]!) ? make("9m", `${m[1]}-9M`, +m[1]!, 1, +m[1]!, 9) : undefined;
  if ((m = /^(\d{4})\s*[-–—]\s*(\d{4})$/.exec(s))) {
    return year(+m[1]!) && year(+m[2]!) ? phase(+m[1]!, +m[2]!) : undefined;
  }
  // "Năm 2026"
  if ((m = /^nam (\d{4})$/.exec(s))) return year(+m[1]!) ? yearPeriod(+m[1]!) : undefined;
  // "Giai đoạn 2026-2030" / "giai đoạn 2026 – 2030"
  if ((m = /^giai doan (\d{4})\s*[-–—]\s*(\d{4})$/.exec(s))) {
    return year(+m[1]!) && year(+m[2]!) ? phase(+m[1]!, +m[2]!) : undefined;
  }
  // "Quý III/2026", "Quý 3/2026", "Quý 3 năm 2026"
  if ((m = /^quy\s*([ivx]+|\d)\s*(?:\/|nam|-)\s*(\d{4})$/.exec(s))) {
    const q = quarterNumber(m[1]!);
    return q && year(+m[2]!) ? quarter(+m[2]!, q) : undefined;
  }
  // "6 tháng đầu năm 2026", "6 tháng cuối năm 2026"
  if ((m = /^6 thang (dau|cuoi) nam (\d{4})$/.exec(s))) {
    return year(+m[2]!) ? half(+m[2]!, m[1] === "dau" ? 1 : 2) : undefined;
  }
  // "9 tháng năm 2026", "9 tháng đầu năm 2026"
  if ((m = /^9 thang (?:dau )?nam (\d{4})$/.exec(s))) {
    return year(+m[1]!) ? make("9m", `${m[1]}-9M`, +m[1]!, 1, +m[1]!, 9) : undefined;
  }
  // "Tháng 7/2026", "Tháng 07 năm 2026"
  if ((m = /^thang (\d{1,2})\s*(?:\/|nam|-)\s*(\d{4})$/.exec(s))) {
    return year(+m[2]!) ? month(+m[2]!, +m[1]!) : undefined;
  }
  return undefined;
}

/** The canonical code of a period text, or undefined. */
export function canonicalPeriod(input: string | number): string | undefined {
  return parsePeriod(input)?.code;
}

/** Vietnamese words for a period, as a title block shows it. */
export function describePeriod(p: Period, lang: "vi" | "en" = "vi"): string {
  const y = p.startYear;
  const vi = lang === "vi";
  switch (p.kind) {
    case "year":
      return vi ? `Năm ${y}` : `Year ${y}`;
    case "half":
      return p.startMonth === 1
        ? vi
          ? `6 tháng đầu năm ${y}`
          : `First half of ${y}`
        : vi
          ? `6 tháng cuối năm ${y}`
          : `Second half of ${y}`;
    case "quarter": {
      const q = (p.startMonth + 2) / 3;
      return vi ? `Quý ${["I", "II", "III", "IV"][q - 1]}/${y}` : `Q${q} ${y}`;
    }
    case "month":
      return vi ? `Tháng ${p.startMonth}/${y}` : `${y}-${String(p.startMonth).padStart(2, "0")}`;
    case "9m":
      return vi ? `9 tháng năm ${y}` : `Nine months of ${y}`;
    case "phase":
      return vi ? `Giai đoạn ${p.startYear}–${p.endYear}` : `Phase ${p.startYear}–${p.endYear}`;
  }
}

/** Whether period `inner` lies within `outer` (a quarter within its year, a year within a phase). */
export function periodWithin(inner: Period, outer: Period): boolean {
  const a = inner.startYear * 12 + inner.startMonth;
  const b = inner.endYear * 12 + inner.endMonth;
  return a >= outer.startYear * 12 + outer.startMonth && b <= outer.endYear * 12 + outer.endMonth;
}
