import type { GridCell } from "../../../src/core/grid";
import {
  type CellDate,
  excelSerialToIso,
  isoToExcelSerial,
  isValidDate,
  parseDateText,
  readCellDate,
} from "../../../src/core/values/dates";

describe("excelSerialToIso, 1900 date system", () => {
  it.each<[number, string | undefined]>([
    [1, "1900-01-01"],
    [31, "1900-01-31"],
    [59, "1900-02-28"],
    // Lotus 1-2-3's 29 February 1900, kept by Excel: a day that never was.
    [60, undefined],
    [61, "1900-03-01"],
    [367, "1901-01-01"],
    [25569, "1970-01-01"],
    [36526, "2000-01-01"],
    [45658, "2025-01-01"],
    [45838, "2025-06-30"],
    [45839, "2025-07-01"],
    [46023, "2026-01-01"],
    [46376, "2026-12-20"],
    [46387, "2026-12-31"],
    [46376.75, "2026-12-20"],
    [46081, "2026-02-28"],
    [2958465, "9999-12-31"],
    [2958466, undefined],
    [0, undefined],
    [-1, undefined],
    [0.5, undefined],
    [NaN, undefined],
    [Infinity, undefined],
  ])("%d → %s", (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
  });
});

describe("excelSerialToIso, 1904 date system (old Mac workbooks)", () => {
  it.each<[number, string | undefined]>([
    [0, "1904-01-01"],
    [1, "1904-01-02"],
    [44914, "2026-12-20"],
    [-1, undefined],
  ])("%d → %s", (serial, iso) => {
    expect(excelSerialToIso(serial, true)).toBe(iso);
  });
});

describe("isoToExcelSerial", () => {
  it.each<[string, number | undefined]>([
    ["1900-01-01", 1],
    ["1900-02-28", 59],
    ["1900-03-01", 61],
    ["2026-12-20", 46376],
    ["2026-02-29", undefined],
    ["2026-13-01", undefined],
    ["20/12/2026", undefined],
  ])("%s → %s", (iso, serial) => {
    expect(isoToExcelSerial(iso)).toBe(serial);
  });

  it("is the inverse of excelSerialToIso in both date systems", () => {
    for (let serial = 1; serial < 80000; serial += 37) {
      if (serial === 60) continue;
      expect(isoToExcelSerial(excelSerialToIso(serial)!)).toBe(serial);
      expect(isoToExcelSerial(excelSerialToIso(serial, true)!, true)).toBe(serial);
    }
  });
});

describe("isValidDate", () => {
  it.each<[number, number, number, boolean]>([
    [2026, 12, 20, true],
    [2024, 2, 29, true],
    [2026, 2, 29, false],
    [2000, 2, 29, true],
    [2100, 2, 29, false],
    [2026, 4, 31, false],
    [2026, 1, 31, true],
    [2026, 0, 10, false],
    [2026, 13, 1, false],
    [2026, 1, 0, false],
    [1899, 12, 31, false],
    [2026.5, 1, 1, false],
  ])("%d-%d-%d → %s", (y, m, d, ok) => {
    expect(isValidDate(y, m, d)).toBe(ok);
  });
});

describe("parseDateText", () => {
  it.each<[string, string | undefined]>([
    ["2026-12-20", "2026-12-20"],
    ["2026-1-5", "2026-01-05"],
    ["2026-12-20 00:00:00", "2026-12-20"],
    ["2026-12-20T08:30", "2026-12-20"],
    ["2026/12/20", "2026-12-20"],
    ["2026.12.20", "2026-12-20"],
    ["20/12/2026", "2026-12-20"],
    ["5/6/2026", "2026-06-05"],
    ["05/06/2026", "2026-06-05"],
    ["20-12-2026", "2026-12-20"],
    ["20.12.2026", "2026-12-20"],
    ["20 / 12 / 2026", "2026-12-20"],
    ["20/12/2026 14:05", "2026-12-20"],
    ["  20/12/2026\u00a0", "2026-12-20"],
    ["ngày 20 tháng 12 năm 2026", "2026-12-20"],
    ["Ngày 05 tháng 01 năm 2026", "2026-01-05"],
    ["NGÀY 20 THÁNG 12 NĂM 2026", "2026-12-20"],
    ["ngay 20 thang 12 nam 2026", "2026-12-20"],
    ["20 tháng 12 năm 2026", "2026-12-20"],
    ["Mường Lèo, ngày 19 tháng 12 năm 2025", "2025-12-19"],
    ["Sơn La, ngày 20 tháng 12 năm 2026.", "2026-12-20"],
    ["ngày 20/12/2026", "2026-12-20"],
    ["Ngày 20-12-2026", "2026-12-20"],
    // Not real days.
    ["31/02/2026", undefined],
    ["29/02/2026", undefined],
    ["29/02/2024", "2024-02-29"],
    ["2026-02-30", undefined],
    ["32/01/2026", undefined],
    ["20/13/2026", undefined],
    ["ngày 31 tháng 4 năm 2026", undefined],
    // Month first would silently move the day: refused when impossible day-first.
    ["12/20/2026", undefined],
    // Not accepted forms.
    ["20/12/26", undefined],
    ["20/12-2026", undefined],
    ["2026-12-20T17:00:00Z", undefined],
    ["2026-12-20T00:00:00+07:00", undefined],
    ["Dec 20, 2026", undefined],
    ["tháng 12/2026", undefined],
    ["2026", undefined],
    ["46376", undefined],
    ["20122026", undefined],
    ["", undefined],
    ["20/12/1850", undefined],
  ])("%j → %s", (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });
});

describe("readCellDate", () => {
  it.each<[string, GridCell | undefined, CellDate]>([
    ["no cell", undefined, { kind: "empty" }],
    ["an empty cell", { value: null }, { kind: "empty" }],
    ["a blank text", { value: "   " }, { kind: "empty" }],
    [
      "a date cell",
      { value: 46376, numFmt: "dd/mm/yyyy" },
      { kind: "date", iso: "2026-12-20", from: "serial" },
    ],
    [
      "a date-time cell",
      { value: 46376.6, numFmt: "dd/mm/yyyy hh:mm" },
      { kind: "date", iso: "2026-12-20", from: "serial" },
    ],
    [
      "a US-formatted date cell is still the same serial",
      { value: 46376, numFmt: "m/d/yyyy" },
      { kind: "date", iso: "2026-12-20", from: "serial" },
    ],
    [
      "a date cell from a formula (=TODAY() cached)",
      { value: 46376, numFmt: "dd/mm/yyyy", formula: true },
      { kind: "date", iso: "2026-12-20", from: "serial" },
    ],
    [
      "a serial that lost its format",
      { value: 46376 },
      { kind: "date", iso: "2026-12-20", from: "serial-unformatted" },
    ],
    [
      "a serial that lost its format, General",
      { value: 46376, numFmt: "General" },
      { kind: "date", iso: "2026-12-20", from: "serial-unformatted" },
    ],
    ["a year typed as a number is no date", { value: 2026 }, { kind: "invalid", text: "2026" }],
    [
      "a number under a number format is no date",
      { value: 46376, numFmt: "#,##0" },
      { kind: "invalid", text: "46376" },
    ],
    ["a fractional bare number is no date", { value: 46376.5 }, { kind: "invalid", text: "46376.5" }],
    ["a digit string is no date", { value: "20122026" }, { kind: "invalid", text: "20122026" }],
    ["Lotus's 29/02/1900", { value: 60, numFmt: "dd/mm/yyyy" }, { kind: "invalid", text: "60" }],
    ["text day first", { value: "20/12/2026" }, { kind: "date", iso: "2026-12-20", from: "text" }],
    ["ISO text", { value: "2026-12-20" }, { kind: "date", iso: "2026-12-20", from: "text" }],
    [
      "Vietnamese words",
      { value: "ngày 20 tháng 12 năm 2026" },
      { kind: "date", iso: "2026-12-20", from: "text" },
    ],
    ["an impossible day", { value: " 31/02/2026 " }, { kind: "invalid", text: "31/02/2026" }],
    ["a boolean", { value: true }, { kind: "invalid", text: "TRUE" }],
    ["a formula without a cached value", { value: null, formula: true }, { kind: "formula-without-value" }],
    ["an error", { value: null, error: "#VALUE!" }, { kind: "error", code: "#VALUE!" }],
  ])("%s", (_what, cell, expected) => {
    expect(readCellDate(cell)).toEqual(expected);
  });

  it("follows the workbook's 1904 date system when told", () => {
    expect(readCellDate({ value: 44914, numFmt: "dd/mm/yyyy" }, { date1904: true })).toEqual({
      kind: "date",
      iso: "2026-12-20",
      from: "serial",
    });
  });
});
