import fc from "fast-check";
import {
  formatNumber,
  numberProblemMessage,
  parseNumberText,
  type NumberLocale,
  type ParsedNumber,
} from "../../../src/core/values/numbers";

type Expected = Omit<Extract<ParsedNumber, { kind: "number" }>, "kind">;

describe("parseNumberText, Vietnamese (the default)", () => {
  it.each<[string, string, Expected]>([
    ["decimal comma with grouping (THU_NS target)", "1.922,9", { value: 1922.9, percent: false }],
    ["grouping only (DAN_GIA_SUC target)", "8.453", { value: 8453, percent: false, otherReading: 8.453 }],
    ["several groups", "1.234.567", { value: 1234567, percent: false }],
    ["grouping and two decimals", "1.000.000,00", { value: 1000000, percent: false }],
    ["decimal comma (CHE_PHU_RUNG target)", "47,72", { value: 47.72, percent: false }],
    ["percent sign", "47,72%", { value: 47.72, percent: true }],
    ["percent after a space", "47,72 %", { value: 47.72, percent: true }],
    ["percent after a non-breaking space", "47,72\u00a0%", { value: 47.72, percent: true }],
    ["a round percent", "100%", { value: 100, percent: true }],
    ["space grouping", "8 453", { value: 8453, percent: false }],
    ["non-breaking space grouping", "8\u00a0453", { value: 8453, percent: false }],
    ["thin space grouping", "8\u2009453", { value: 8453, percent: false }],
    ["narrow no-break space grouping (Word, macOS)", "8\u202f453", { value: 8453, percent: false }],
    ["space grouping with decimals", "1 922,9", { value: 1922.9, percent: false }],
    ["minus", "-5", { value: -5, percent: false }],
    ["Unicode minus", "\u22125", { value: -5, percent: false }],
    ["plus", "+5", { value: 5, percent: false }],
    ["negative percent (a fall)", "-3,5%", { value: -3.5, percent: true }],
    ["zero", "0", { value: 0, percent: false }],
    ["decimal below one", "0,5", { value: 0.5, percent: false }],
    ["decimal without its leading zero", ",5", { value: 0.5, percent: false }],
    ["surrounding spaces", "  2.118,5  ", { value: 2118.5, percent: false }],
    ["Excel's text mark", "'1.922,9", { value: 1922.9, percent: false }],
    [
      "zero-width space pasted from the web",
      "\u200b1.234",
      { value: 1234, percent: false, otherReading: 1.234 },
    ],
    ["leading zeros", "007", { value: 7, percent: false }],
    ["a plain integer", "13472", { value: 13472, percent: false }],
    [
      "three decimals: the contract's reading, English's alongside",
      "1,234",
      { value: 1.234, percent: false, otherReading: 1234 },
    ],
    [
      "scientific notation from a narrow column",
      "1,5E+03",
      { value: 1500, percent: false, scientific: true },
    ],
    [
      "Excel's General display of a 12-digit number",
      "1,23457E+11",
      { value: 123457000000, percent: false, scientific: true },
    ],
    ["small scientific", "2E-05", { value: 0.00002, percent: false, scientific: true }],
  ])("%s: %j", (_what, text, expected) => {
    expect(parseNumberText(text)).toEqual({ kind: "number", ...expected });
    expect(parseNumberText(text, "vi")).toEqual({ kind: "number", ...expected });
  });

  it("never returns negative zero (reports must be byte-identical)", () => {
    const r = parseNumberText("-0");
    expect(r.kind === "number" && Object.is(r.value, 0)).toBe(true);
  });

  it.each([
    ["empty", ""],
    ["spaces", "   "],
    ["a non-breaking space", "\u00a0"],
    ["hyphen: none, in statistical tables", "-"],
    ["en dash (autocorrected hyphen)", "–"],
    ["em dash", "—"],
    ["Unicode minus alone", "\u2212"],
    ["x: not applicable", "x"],
    ["X", "X"],
    ["..: not available", ".."],
    ["three dots", "..."],
    ["ellipsis (autocorrected)", "…"],
    ["padded dash", "  -  "],
  ])("no data: %s", (_what, text) => {
    expect(parseNumberText(text)).toEqual({ kind: "empty" });
  });

  // Every row has all four columns: with fewer, jest passes its `done` callback in their place.
  it.each<[string, string, number | undefined, boolean]>([
    ["an English decimal: never 15", "1.5", 1.5, false],
    ["an English decimal rate: never 4772", "47.72", 47.72, false],
    ["an English decimal percent", "47.72%", 47.72, true],
    ["an English 0.5 with a trailing zero: never 500", "0.500", 0.5, false],
    ["two decimals after a dot", "1.50", 1.5, false],
    ["a cut-off decimal", "12,", undefined, false],
    ["English grouping with commas", "1,234,567", 1234567, false],
    ["English grouping and decimal", "1,234.5", 1234.5, false],
    ["groups of two", "12.34.567", undefined, false],
    ["a date typed in a figure cell", "20.12.2026", undefined, false],
    ["dots everywhere", "1.922.9", undefined, false],
    ["a space splitting digits oddly", "12 5", undefined, false],
    ["two decimal marks", "1,2,3", undefined, false],
    ["a trailing grouping dot", "1.", undefined, false],
    ["space grouping with an English decimal", "1 234.567", 1234.567, false],
  ])("separators: %s (%j)", (_what, text, other, percent) => {
    const r = parseNumberText(text);
    const expected: ParsedNumber = { kind: "invalid", problem: "separators" };
    if (percent) expected.percent = true;
    if (other !== undefined) expected.otherReading = other;
    expect(r).toEqual(expected);
  });

  it.each<[string, string, number, string]>([
    ["households written after the number", "12 hộ", 12, "hộ"],
    ["no space before the unit", "12hộ", 12, "hộ"],
    ["the indicator's own unit repeated", "1.922,9 triệu đồng", 1922.9, "triệu đồng"],
    ["dong sign", "500.000đ", 500000, "đ"],
    ["dong currency symbol", "500.000 ₫", 500000, "₫"],
    ["unit in parentheses", "5 (hộ)", 5, "hộ"],
    ["hectares", "30 ha", 30, "ha"],
    ["space-grouped money", "12 500 000 đồng", 12500000, "đồng"],
    ["square metres", "250 m2", 250, "m2"],
  ])("unit in the value: %s (%j)", (_what, text, value, unit) => {
    expect(parseNumberText(text)).toEqual({
      kind: "invalid",
      problem: "unit-in-value",
      value,
      unitText: unit,
    });
  });

  it("an English decimal with a unit is a separators problem that still names the unit", () => {
    expect(parseNumberText("1.5 ha")).toEqual({
      kind: "invalid",
      problem: "separators",
      unitText: "ha",
      otherReading: 1.5,
    });
  });

  it.each([
    ["words before the number", "khoảng 12"],
    ["about", "~12"],
    ["more than", ">100"],
    ["a fraction (criteria met / all)", "8/10"],
    ["a range", "10 - 12"],
    ["a range without spaces", "10-12"],
    ["parentheses (a note number as often as an accounting minus)", "(5)"],
    ["letters", "abc"],
    ["N/A", "N/A"],
    ["letter O for zero", "1O0"],
    ["a number, a word, a number", "12 hộ 5"],
    ["two percent signs", "12%%"],
    ["percent in front", "%12"],
    ["trailing minus", "5-"],
    ["a detached sign", "- 5"],
    ["a doubled sign", "--5"],
    ["NaN", "NaN"],
    ["Infinity", "Infinity"],
    ["beyond a double", "1E+400"],
    ["400 nines", "9".repeat(400)],
    ["an Excel error typed or exported as text", "#DIV/0!"],
    ["TRUE", "TRUE"],
  ])("not a number: %s (%j)", (_what, text) => {
    expect(parseNumberText(text)).toEqual({ kind: "invalid", problem: "not-a-number" });
  });
});

describe("parseNumberText, English", () => {
  it.each<[string, Expected]>([
    ["1,922.9", { value: 1922.9, percent: false }],
    ["8,453", { value: 8453, percent: false, otherReading: 8.453 }],
    ["1,234,567", { value: 1234567, percent: false }],
    ["47.72", { value: 47.72, percent: false }],
    ["47.72%", { value: 47.72, percent: true }],
    ["0.5", { value: 0.5, percent: false }],
    [".5", { value: 0.5, percent: false }],
    ["8 453", { value: 8453, percent: false }],
    ["1.5E+03", { value: 1500, percent: false, scientific: true }],
    ["1.234", { value: 1.234, percent: false, otherReading: 1234 }],
  ])("%j", (text, expected) => {
    expect(parseNumberText(text, "en")).toEqual({ kind: "number", ...expected });
  });

  it.each<[string, number | undefined]>([
    ["47,72", 47.72],
    ["1.922,9", 1922.9],
    ["1.234.567", 1234567],
    ["0,500", 0.5],
  ])("separators: %j", (text, other) => {
    expect(parseNumberText(text, "en")).toEqual({
      kind: "invalid",
      problem: "separators",
      otherReading: other,
    });
  });
});

describe("formatNumber", () => {
  it.each<[number, NumberLocale, number | undefined, string]>([
    [1922.9, "vi", undefined, "1.922,9"],
    [1922.9, "en", undefined, "1,922.9"],
    [8453, "vi", undefined, "8.453"],
    [-1234567.5, "vi", undefined, "-1.234.567,5"],
    [0, "vi", undefined, "0"],
    [999, "vi", undefined, "999"],
    [47.7, "vi", 2, "47,70"],
    [31.249, "vi", 1, "31,2"],
    [-0.04, "vi", 1, "0,0"],
    [1e21, "vi", undefined, "1e+21"],
  ])("%d in %s (%s decimals) → %j", (value, locale, decimals, expected) => {
    expect(formatNumber(value, locale, decimals)).toBe(expected);
  });

  it("writes what parseNumberText reads back, in both locales", () => {
    const figure = fc
      .tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 }))
      .map(([n, d]) => n / 10 ** d);
    fc.assert(
      fc.property(figure, fc.constantFrom<NumberLocale>("vi", "en"), (value, locale) => {
        const r = parseNumberText(formatNumber(value, locale), locale);
        return r.kind === "number" && r.value === value && !r.percent;
      }),
    );
  });
});

describe("numberProblemMessage", () => {
  const invalid = (text: string, locale: NumberLocale = "vi") => {
    const r = parseNumberText(text, locale);
    if (r.kind !== "invalid") throw new Error(`${text} parsed`);
    return numberProblemMessage(text, r, locale);
  };

  it("suggests the Vietnamese spelling of what an English decimal meant", () => {
    const m = invalid("47.72");
    expect(m.vi).toContain("“47,72”");
    expect(m.vi).toContain("dấu phẩy là dấu thập phân");
    expect(m.en).toContain("“47,72”");
  });

  it("keeps the percent sign in the suggestion", () => {
    expect(invalid("47.72%").vi).toContain("“47,72%”");
  });

  it("suggests the English spelling under --locale en", () => {
    const m = invalid("1.922,9", "en");
    expect(m.en).toContain("“1,922.9”");
    expect(m.en).toContain("a dot is the decimal mark");
  });

  it("names the unit written in the value cell", () => {
    const m = invalid("12 hộ");
    expect(m.vi).toContain("“hộ”");
    expect(m.vi).toContain("Đơn vị tính");
    expect(m.en).toContain("unit of measure");
  });

  it("says plainly when the text is no number at all", () => {
    expect(invalid("khoảng 12")).toEqual({
      vi: "“khoảng 12” không phải là số",
      en: "“khoảng 12” is not a number",
    });
  });
});
