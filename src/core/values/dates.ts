import type { GridCell } from "../grid";
import { matchKey } from "../text";
import { isDateFormat } from "./numfmt";

/*
 * Dates (FORMATS.md §3): the report date a unit signed (`Ngày báo cáo`), due dates. An Excel date
 * cell, `2026-12-20`, or day-first text `20/12/2026`, `20-12-2026`, `20.12.2026`, and the way
 * Vietnamese documents write it: `ngày 20 tháng 12 năm 2026`, also after the place of signing
 * (`Sơn La, ngày 20 tháng 12 năm 2026`). Day first always, whatever the number locale: that is how
 * Vietnamese write dates, and a month-first reading would silently move 5/6 to May.
 */

export type CellDate =
  | {
      kind: "date";
      /** `YYYY-MM-DD`. */
      iso: string;
      /**
       * `serial-unformatted`: a bare number in a General cell, taken as a date serial because it
       * falls in 1990–2100 (a date whose format was lost on copy-paste or export); worth a warning.
       */
      from: "serial" | "serial-unformatted" | "text";
    }
  | { kind: "empty" }
  | { kind: "invalid"; text: string }
  | { kind: "formula-without-value" }
  | { kind: "error"; code: string };

export interface DateOptions {
  /** The workbook uses the 1904 date system (old Mac workbooks): serial 0 is 1904-01-01. */
  date1904?: boolean;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 9999-12-31, the last day Excel knows. */
const MAX_SERIAL_1900 = 2_958_465;

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The calendar day of an Excel serial number (the time of day is dropped). In the 1900 system Excel
 * keeps Lotus 1-2-3's mistake of a 29 February 1900: serials 1–59 are 1900-01-01…1900-02-28, 60 is
 * that day that never was (undefined here), and from 61 (1900-03-01) on, the serial counts from
 * 1899-12-30.
 */
export function excelSerialToIso(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const day = Math.floor(serial);
  let ms: number;
  if (date1904) {
    if (day < 0 || day > MAX_SERIAL_1900 - 1462) return undefined;
    ms = EPOCH_1904 + day * DAY_MS;
  } else {
    if (day < 1 || day > MAX_SERIAL_1900 || day === 60) return undefined;
    ms = EPOCH_1900 + (day < 60 ? day + 1 : day) * DAY_MS;
  }
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days from 1899-12-30 (Excel's day 0, counting its phantom 29 February 1900) to 1904-01-01. */
export const DAYS_1904 = 1462;

/** `2026-12-20` or `2026-12-20T10:30:00Z` as an Excel serial date (1900 system); undefined if not a date. */
export function isoToSerial(s: string): number | undefined {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(
      s.trim(),
    );
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Excel has no dates before 1900; and 2026-02-30 is text, not 2 March.
  if (year < 1900) return undefined;
  const ms = Date.UTC(
    year,
    month - 1,
    day,
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0,
  );
  const d = new Date(ms);
  if (!Number.isFinite(ms) || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  const serial = (ms - Date.UTC(1899, 11, 30)) / 86_400_000;
  // Before 1 March 1900 Excel's count is one less: it believes 1900 was a leap year.
  return serial < 61 ? serial - 1 : serial;
}

/**
 * `10:10:10` (a `t="d"` cell holding a time of day only, as ISO 8601 writes it) as the fraction of a
 * day Excel stores for it; undefined if not a time.
 */
export function isoTimeToSerial(s: string): number | undefined {
  const m = /^T?(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/.exec(s.trim());
  if (!m) return undefined;
  const [h, min, sec] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) return undefined;
  const ms = m[4] ? Math.round(Number(`0.${m[4]}`) * 1000) : 0;
  return (((h * 60 + min) * 60 + sec) * 1000 + ms) / 86_400_000;
}

/** The Excel serial of a `YYYY-MM-DD` date, for writers; undefined when it is not a real date. */
export function isoToExcelSerial(date: string, date1904 = false): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const serial = isoToSerial(date);
  if (serial === undefined) return undefined;
  return date1904 ? serial + (serial < 60 ? 1 : 0) - DAYS_1904 : serial;
}

const TEXT_YEARS = { min: 1900, max: 2200 };

function checked(y: number, m: number, d: number): string | undefined {
  if (y < TEXT_YEARS.min || y > TEXT_YEARS.max) return undefined;
  return isValidDate(y, m, d) ? iso(y, m, d) : undefined;
}

/** A time of day after the date, as CSV exports write it (`2026-12-20 00:00:00`). */
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;

const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const YEAR_FIRST = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})$/;
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})${TIME}$`);
/** `ngày 20 tháng 12 năm 2026`, optionally after the place (`Sơn La, `), folded by matchKey. */
const WORDS = /^(?:[^,]*,\s*)?(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:nam\s+|[/,-]\s*)(\d{4})$/;
const WORDS_NUMERIC = /^(?:[^,]*,\s*)?ngay\s+(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/;

/**
 * A date typed as text, as `YYYY-MM-DD`; undefined when it is not one of the accepted forms or not
 * a real day (31/02, 29/02 outside leap years). Two-digit years are refused: `20/12/26` could be
 * any century to a program, and a report date decides which of two submissions counts. A time zone
 * (`…T17:00:00Z`) is refused too: the calendar day would depend on where it is read.
 */
export function parseDateText(text: string): string | undefined {
  const s = text
    .normalize("NFC")
    .replace(/[\u00a0\u2009\u202f]/g, " ")
    .trim();
  let m: RegExpExecArray | null;
  if ((m = ISO_DATE.exec(s))) return checked(+m[1]!, +m[2]!, +m[3]!);
  if ((m = YEAR_FIRST.exec(s))) return checked(+m[1]!, +m[3]!, +m[4]!);
  if ((m = DAY_FIRST.exec(s))) return checked(+m[4]!, +m[3]!, +m[1]!);
  const k = matchKey(s).replace(/\.$/, "");
  if ((m = WORDS.exec(k))) return checked(+m[3]!, +m[2]!, +m[1]!);
  if ((m = WORDS_NUMERIC.exec(k))) return checked(+m[4]!, +m[3]!, +m[1]!);
  return undefined;
}

/** Serials of 1990-01-01 and 2100-12-31: the only bare numbers taken as dates without a date format. */
const UNFORMATTED_SERIALS = { min: 32_874, max: 73_415 };

export function readCellDate(cell: GridCell | undefined, options: DateOptions = {}): CellDate {
  if (!cell) return { kind: "empty" };
  if (cell.error) return { kind: "error", code: cell.error };
  const v = cell.value;
  if (v == null) return cell.formula ? { kind: "formula-without-value" } : { kind: "empty" };
  if (typeof v === "boolean") return { kind: "invalid", text: v ? "TRUE" : "FALSE" };
  if (typeof v === "number") {
    if (isDateFormat(cell.numFmt)) {
      const d = excelSerialToIso(v, options.date1904);
      return d ? { kind: "date", iso: d, from: "serial" } : { kind: "invalid", text: String(v) };
    }
    const general = !cell.numFmt || /^\s*general\s*$/i.test(cell.numFmt);
    if (general && Number.isInteger(v) && v >= UNFORMATTED_SERIALS.min && v <= UNFORMATTED_SERIALS.max) {
      const d = excelSerialToIso(v, options.date1904);
      if (d) return { kind: "date", iso: d, from: "serial-unformatted" };
    }
    return { kind: "invalid", text: String(v) };
  }
  if (v.trim() === "") return { kind: "empty" };
  const d = parseDateText(v);
  return d ? { kind: "date", iso: d, from: "text" } : { kind: "invalid", text: v.trim() };
}
