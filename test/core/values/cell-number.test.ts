import type { GridCell } from "../../../src/core/grid";
import { type CellNumber, readCellNumber } from "../../../src/core/values/cell-number";
import { isDateFormat, isPercentFormat } from "../../../src/core/values/numfmt";

describe("isPercentFormat", () => {
  it.each<[string | undefined, number, boolean]>([
    ["0.00%", 0.4772, true],
    ["0%", 1, true],
    ["#,##0.0%", 0.5, true],
    ["0.00 %", 0.5, true],
    ["[Red]0.0%", 0.5, true],
    ["[$-42A]0.00%", 0.5, true],
    ["0.0%;[Red]-0.0%", -0.1, true],
    // A % inside quotes or after a backslash is printed, not applied: the value is not scaled.
    ['0.00"%"', 47.72, false],
    ["0.00\\%", 47.72, false],
    ["0.00_%", 47.72, false],
    ["0.00*%", 47.72, false],
    ['"Tỷ lệ %: "0.00', 47.72, false],
    // Sections: positive; negative; zero.
    ["0;0%", -0.5, true],
    ["0;0%", 0.5, false],
    ["0%;0", -0.5, false],
    ["0;0;0%", 0, true],
    ["0;0;0%", 0.5, false],
    ["[<1]0%;0", 0.5, true],
    ["General", 0.5, false],
    ["@", 0.5, false],
    ["#,##0", 0.5, false],
    [undefined, 0.5, false],
    ["", 0.5, false],
  ])("%j with %d → %s", (fmt, value, expected) => {
    expect(isPercentFormat(fmt, value)).toBe(expected);
  });
});

describe("isDateFormat", () => {
  it.each<[string | undefined, boolean]>([
    ["dd/mm/yyyy", true],
    ["d/m/yyyy", true],
    ["yyyy-mm-dd", true],
    ["m/d/yyyy", true],
    ["mm-dd-yy", true],
    ["d-mmm-yy", true],
    ["[$-42A]dd/mm/yyyy", true],
    ["[$-F800]dddd, mmmm dd, yyyy", true],
    ["dd/mm/yyyy hh:mm", true],
    ["mmm yyyy", true],
    ["mmmm", true],
    ['"ngày "dd" tháng "mm" năm "yyyy', true],
    ["h:mm", false],
    ["hh:mm:ss", false],
    ["[h]:mm:ss", false],
    ["mm:ss", false],
    ["mm:ss.000", false],
    ["h:mm AM/PM", false],
    ["General", false],
    ["Standard", false],
    ["0.00", false],
    ["#,##0", false],
    ["0.00E+00", false],
    ['#,##0" đồng"', false],
    ['0.0 "ha"', false],
    ["0 m", false],
    ["[Red]#,##0", false],
    ["@", false],
    [undefined, false],
  ])("%j → %s", (fmt, expected) => {
    expect(isDateFormat(fmt)).toBe(expected);
  });
});

describe("readCellNumber", () => {
  it.each<[string, GridCell | undefined, CellNumber]>([
    ["no cell", undefined, { kind: "empty" }],
    ["an empty cell", { value: null }, { kind: "empty" }],
    ["a blank text", { value: "  " }, { kind: "empty" }],
    ["a dash", { value: "-" }, { kind: "empty" }],
    ["a formula that returns an empty text", { value: "", formula: true }, { kind: "empty" }],
    ["a number", { value: 8453 }, { kind: "number", value: 8453, percentFormatted: false, fromText: false }],
    [
      "a number under a grouping format",
      { value: 1922.9, numFmt: "#,##0.0" },
      { kind: "number", value: 1922.9, percentFormatted: false, fromText: false },
    ],
    [
      "a percent cell: Excel holds 0.4772 for 47,72 %",
      { value: 0.4772, numFmt: "0.00%" },
      { kind: "number", value: 47.72, percentFormatted: true, fromText: false },
    ],
    [
      "a percent cell of 0.2804",
      { value: 0.2804, numFmt: "0.00%" },
      { kind: "number", value: 28.04, percentFormatted: true, fromText: false },
    ],
    // 0.57 × 100 is 56.99999999999999 in doubles, 0.07 × 100 is 7.000000000000001.
    [
      "a percent cell scaled without binary noise (57 %)",
      { value: 0.57, numFmt: "0%" },
      { kind: "number", value: 57, percentFormatted: true, fromText: false },
    ],
    [
      "a percent cell scaled without binary noise (7 %)",
      { value: 0.07, numFmt: "0.0%" },
      { kind: "number", value: 7, percentFormatted: true, fromText: false },
    ],
    [
      "a percent cell over 100 % (BHYT)",
      { value: 1.023, numFmt: "0.0%" },
      { kind: "number", value: 102.3, percentFormatted: true, fromText: false },
    ],
    [
      "a percent cell of zero",
      { value: 0, numFmt: "0%" },
      { kind: "number", value: 0, percentFormatted: true, fromText: false },
    ],
    [
      "a quoted % does not scale",
      { value: 47.72, numFmt: '0.00"%"' },
      { kind: "number", value: 47.72, percentFormatted: false, fromText: false },
    ],
    [
      "a formula's cached number",
      { value: 31.25, formula: true, numFmt: "0.00" },
      { kind: "number", value: 31.25, percentFormatted: false, fromText: false },
    ],
    [
      "a formula's cached percent",
      { value: 0.3125, formula: true, numFmt: "0.00%" },
      { kind: "number", value: 31.25, percentFormatted: true, fromText: false },
    ],
    [
      "Vietnamese text",
      { value: "1.922,9" },
      { kind: "number", value: 1922.9, percentFormatted: false, fromText: true },
    ],
    [
      "text with a % sign",
      { value: "47,72%" },
      { kind: "number", value: 47.72, percentFormatted: true, fromText: true },
    ],
    [
      "grouped text carries the other reading",
      { value: "8.453" },
      { kind: "number", value: 8453, percentFormatted: false, fromText: true, otherReading: 8.453 },
    ],
    [
      "scientific text",
      { value: "1,5E+03" },
      { kind: "number", value: 1500, percentFormatted: false, fromText: true, scientific: true },
    ],
    [
      "a text cell's number format is not applied to the text",
      { value: "47,72", numFmt: "0.00%" },
      { kind: "number", value: 47.72, percentFormatted: false, fromText: true },
    ],
    ["a formula without a cached value", { value: null, formula: true }, { kind: "formula-without-value" }],
    ["an error value", { value: null, error: "#DIV/0!" }, { kind: "error", code: "#DIV/0!" }],
    [
      "an error on a formula with a stale value",
      { value: 3, formula: true, error: "#REF!" },
      { kind: "error", code: "#REF!" },
    ],
    ["an error exported to CSV as text", { value: "#N/A" }, { kind: "error", code: "#N/A" }],
    ["an error in lower case", { value: " #div/0! " }, { kind: "error", code: "#DIV/0!" }],
    ["TRUE", { value: true }, { kind: "not-a-number", text: "TRUE", reason: "boolean" }],
    ["FALSE", { value: false }, { kind: "not-a-number", text: "FALSE", reason: "boolean" }],
    [
      "a figure Excel turned into a date (1/5 typed)",
      { value: 46143, numFmt: "dd/mm/yyyy" },
      { kind: "not-a-number", text: "2026-05-01", reason: "date" },
    ],
    [
      "an English decimal typed as text",
      { value: "47.72" },
      { kind: "not-a-number", text: "47.72", reason: "separators", otherReading: 47.72 },
    ],
    [
      "a unit in the value cell",
      { value: " 12 hộ " },
      { kind: "not-a-number", text: "12 hộ", reason: "unit-in-value", value: 12, unitText: "hộ" },
    ],
    [
      "words",
      { value: "chưa có số liệu" },
      { kind: "not-a-number", text: "chưa có số liệu", reason: "not-a-number" },
    ],
    ["NaN in a numeric cell", { value: NaN }, { kind: "not-a-number", text: "NaN", reason: "not-a-number" }],
  ])("%s", (_what, cell, expected) => {
    expect(readCellNumber(cell)).toEqual(expected);
  });

  it("reads text with the locale it is given", () => {
    expect(readCellNumber({ value: "1,922.9" }, "en")).toEqual({
      kind: "number",
      value: 1922.9,
      percentFormatted: false,
      fromText: true,
    });
    expect(readCellNumber({ value: "1,922.9" }, "vi")).toMatchObject({
      kind: "not-a-number",
      reason: "separators",
    });
  });

  it("takes numeric cells as they are, whatever the locale", () => {
    expect(readCellNumber({ value: 1.5 }, "vi")).toMatchObject({ kind: "number", value: 1.5 });
    expect(readCellNumber({ value: 1.5 }, "en")).toMatchObject({ kind: "number", value: 1.5 });
  });

  it("never returns negative zero", () => {
    const r = readCellNumber({ value: -0 });
    expect(r.kind === "number" && Object.is(r.value, 0)).toBe(true);
  });
});
