import type { Indicator } from "../catalog/types";
import { formatNumber } from "../values/numbers";
import type { ReportLang } from "./types";

/*
 * Numbers as the report writes them: `83.655,9`, `38,85`, `1.922` in Vietnamese, `83,655.9` in
 * English. The one place the report calls the project's number formatting.
 */

/** Rounded to `decimals`, trailing zeros dropped, as prose writes it: 40 → `40`, 38,847 → `38,85`. */
export function numberText(x: number, decimals: number, lang: ReportLang): string {
  return formatNumber(Number(x.toFixed(decimals)), lang);
}

/** Rounded to exactly `decimals`, as a table column writes it: 40 → `40,00`. */
export function fixedText(x: number, decimals: number, lang: ReportLang): string {
  return formatNumber(Number(x.toFixed(decimals)), lang, decimals);
}

/** Decimals for an indicator's figure: a rate's, an amount's; a score's mean keeps two. */
export function figureDecimals(ind: Indicator): number {
  if (ind.kind === "score") return Math.max(ind.decimals, 2);
  return ind.decimals;
}

/** Decimals for a numerator or denominator: whole for households and persons, two for hectares and tonnes. */
export function partDecimals(ind: Indicator, which: "numerator" | "denominator"): number {
  return ind[which]?.integer === false ? 2 : 0;
}

/** Shares and ratios the report derives (95,1% of the plan, a rise of 4,3%): one decimal. */
export const SHARE_DECIMALS = 1;

/** A figure with its unit after it: `38,85%`, `83.655,9 triệu đồng`, `6,57 tiêu chí`. */
export function withUnit(ind: Indicator, x: number, lang: ReportLang, text = numberText): string {
  const n = text(x, figureDecimals(ind), lang);
  const unit = ind.unit[lang];
  return unit === "%" ? `${n}%` : `${n} ${unit}`;
}
