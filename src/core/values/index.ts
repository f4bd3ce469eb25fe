/*
 * Values as people type them: numbers, dates, units of measure, and text in legacy encodings
 * (FORMATS.md §3). Pure functions returning data; the validator turns the data into issues.
 */
export { parseNumberText, formatNumber, formatRounded, nums, numberProblemMessage } from "./numbers";
export type { NumberLocale, NumberProblem, ParsedNumber } from "./numbers";
export { readCellNumber } from "./cell-number";
export type { CellNumber } from "./cell-number";
export { readCellDate, parseDateText, excelSerialToIso, isoToExcelSerial, isValidDate } from "./dates";
export type { CellDate, DateOptions } from "./dates";
export { isPercentFormat, isDateFormat } from "./numfmt";
export { recogniseUnit, convertUnit } from "./units";
export type { Dimension, UnitOfMeasure, UnitConversion } from "./units";
export { detectLegacyEncoding, fromLegacy, isVietnameseSyllable } from "./legacy-text";
export type { LegacyEncoding } from "./legacy-text";
