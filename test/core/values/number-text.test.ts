import fc from "fast-check";
import { formatNumber, formatRounded, nums, type NumberLocale } from "../../../src/core/values/numbers";

describe("numbers written for people", () => {
  it.each([
    [215000, 0, "215.000", "215,000"],
    [215000, 4, "215.000", "215,000"],
    [1922.9, 4, "1.922,9", "1,922.9"],
    [2.5, 2, "2,5", "2.5"],
    [0.1 + 0.2, 4, "0,3", "0.3"],
    [-8453, 0, "-8.453", "-8,453"],
    [100, 2, "100", "100"],
    [0, 2, "0", "0"],
  ])("%d with up to %d decimals: %s / %s", (x, d, vi, en) => {
    expect(formatRounded(x, "vi", d)).toBe(vi);
    expect(formatRounded(x, "en", d)).toBe(en);
  });
});

/*
 * Issue 15: the project had two formatters, src/core/number-text.ts (at most N decimals, for
 * figures in messages and sheets) and src/core/values/numbers.ts (every digit, or exactly N).
 * They now share one spelling of the locale's separators; these are the two as they were, kept as
 * the oracle, so every message, sheet and terminal line stays the same byte for byte.
 */
const GROUPS = /\B(?=(\d{3})+(?!\d))/g;

function roundedBefore(x: number, lang: "vi" | "en" = "vi", maxDecimals = 4): string {
  if (!Number.isFinite(x)) return String(x);
  const neg = x < 0;
  const fixed = Math.abs(x)
    .toFixed(maxDecimals)
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
  const [int, frac] = fixed.split(".") as [string, string | undefined];
  const group = lang === "vi" ? "." : ",";
  const dec = lang === "vi" ? "," : ".";
  const grouped = int.replace(GROUPS, group);
  return `${neg ? "-" : ""}${grouped}${frac ? dec + frac : ""}`;
}

function exactBefore(value: number, locale: NumberLocale = "vi", decimals?: number): string {
  const sep = locale === "vi" ? { group: ".", decimal: "," } : { group: ",", decimal: "." };
  const abs = Math.abs(value);
  const text = decimals === undefined ? String(abs) : abs.toFixed(decimals);
  if (/e/i.test(text)) return String(value);
  const [whole, frac] = text.split(".") as [string, string | undefined];
  const grouped = whole.replace(GROUPS, sep.group);
  const sign = value < 0 && Number(text) !== 0 ? "-" : "";
  return sign + grouped + (frac ? sep.decimal + frac : "");
}

/** Any double, with the awkward ones often: signed zeros, NaN, infinities, tiny and huge, figures. */
const anyNumber = fc.oneof(
  fc.double(),
  fc.double({ min: -1e-6, max: 1e-6 }),
  fc.double({ min: -1e25, max: 1e25 }),
  fc.constantFrom(
    0,
    -0,
    NaN,
    Infinity,
    -Infinity,
    1e21,
    -1e21,
    1.5e21,
    9.99995e20,
    5e-7,
    -5e-7,
    0.00005,
    -0.00005,
  ),
  fc
    .tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }))
    .map(([n, d]) => n / 10 ** d),
);
const locale = fc.constantFrom<NumberLocale>("vi", "en");
const decimals = fc.integer({ min: 0, max: 20 });

describe("one number formatter, the same text as the two it replaced", () => {
  const runs = { numRuns: 5000 };

  it("formatRounded writes what number-text's formatNumber wrote (messages, sheets, the terminal)", () => {
    fc.assert(
      fc.property(
        anyNumber,
        locale,
        decimals,
        (x, l, d) => formatRounded(x, l, d) === roundedBefore(x, l, d),
      ),
      runs,
    );
    fc.assert(
      fc.property(anyNumber, locale, (x, l) => formatRounded(x, l) === roundedBefore(x, l)),
      runs,
    );
  });

  it("nums gives both languages of formatRounded", () => {
    fc.assert(
      fc.property(anyNumber, decimals, (x, d) => {
        const both = nums(x, d);
        return both.vi === roundedBefore(x, "vi", d) && both.en === roundedBefore(x, "en", d);
      }),
      runs,
    );
  });

  it("formatNumber writes what it wrote before, with and without decimals", () => {
    fc.assert(
      fc.property(anyNumber, locale, decimals, (x, l, d) => formatNumber(x, l, d) === exactBefore(x, l, d)),
      runs,
    );
    fc.assert(
      fc.property(anyNumber, locale, (x, l) => formatNumber(x, l) === exactBefore(x, l)),
      runs,
    );
  });
});
