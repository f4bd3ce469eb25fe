import type { Indicator, RatePart } from "../catalog/types";

/*
 * Number format codes. Excel stores them with `.` for decimals and `,` for thousands and shows
 * them in the reader's locale: a Vietnamese Excel displays `#,##0.0` as 1.922,9.
 */

export const FMT_TEXT = "@";
export const FMT_DATE = "dd/mm/yyyy";
export const FMT_INT = "#,##0";
export const FMT_COUNT_RATIO = "0";

function decimals(n: number): string {
  return n > 0 ? "." + "0".repeat(n) : "";
}

/** A rate shown as a percentage of a fraction (0.4772 → 47,72 %). */
export function percentFormat(digits: number): string {
  return `0${decimals(digits)}%`;
}

/** A figure already in percent points (47.72 → 47,72). */
export function pointsFormat(digits: number): string {
  return `#,##0${decimals(digits)}`;
}

/** The format of the value a unit types (counts, amounts, scores) or sees derived (rates). */
export function valueFormat(ind: Indicator): string {
  if (ind.kind === "rate") return percentFormat(ind.decimals);
  if (ind.kind === "score") return ind.integer ? "0" : `0${decimals(ind.decimals)}`;
  return ind.integer ? FMT_INT : `#,##0${decimals(ind.decimals)}`;
}

/** The format of a figure in a summary (scores there are means, so they show decimals). */
export function figureFormat(ind: Indicator): string {
  if (ind.kind === "rate") return pointsFormat(ind.decimals);
  if (ind.kind === "score") return `0${decimals(ind.decimals)}`;
  return valueFormat(ind);
}

export function partFormat(part: RatePart | undefined): string {
  return part && !part.integer ? "#,##0.00" : FMT_INT;
}
