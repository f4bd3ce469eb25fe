import { findIndicator } from "../catalog/indicators";
import { nums } from "../values/numbers";
import { issue, m, MISMATCH_TOLERANCE, type RowContext } from "./row-context";
import type { SummaryCarried, UnitFigure } from "./unit-figure";

/* Figures checked against each other once all are read: related indicators that cannot disagree. */

/**
 * Whether two figures stand for the same units, so that one can be checked against the other: a
 * unit's own report always does; a summary's two figures only when every unit it expected reported
 * both. Otherwise they add up different communes (an optional row that fewer communes filled), and
 * differ without anything being wrong.
 */
function sameUnitsBehind(a: UnitFigure, b: UnitFigure, summary: SummaryCarried | undefined): boolean {
  const countA = a.reportingBase ?? a.reporting;
  const countB = b.reportingBase ?? b.reporting;
  if (countA === undefined && countB === undefined) return true;
  const expected = summary?.expectedBase ?? summary?.expected;
  return expected !== undefined && countA === expected && countB === expected;
}

export function crossChecks(
  ctx: RowContext,
  figures: Map<string, UnitFigure>,
  summary: SummaryCarried | undefined,
): void {
  for (const f of figures.values()) {
    const ind = findIndicator(f.indicator);
    if (!ind) continue;
    if (ind.sameDenominatorAs) {
      const other = figures.get(ind.sameDenominatorAs);
      if (
        other &&
        sameUnitsBehind(f, other, summary) &&
        other.denominator !== null &&
        f.denominator !== null &&
        other.denominator !== f.denominator
      ) {
        issue(
          ctx,
          "warning",
          "inconsistent-denominator",
          m(
            `${ind.code}: mẫu số (${nums(f.denominator).vi}) khác mẫu số của ${ind.sameDenominatorAs} (${nums(other.denominator).vi}); cả hai đều là tổng số hộ`,
            `${ind.code}: denominator (${nums(f.denominator).en}) differs from ${ind.sameDenominatorAs}'s (${nums(other.denominator).en}); both count all households`,
          ),
          f.denominatorAt ?? f.at,
          ind.code,
        );
      }
    }
    if (ind.atMost) {
      const other = figures.get(ind.atMost);
      if (
        other &&
        sameUnitsBehind(f, other, summary) &&
        other.value !== null &&
        f.value !== null &&
        f.value > other.value + MISMATCH_TOLERANCE
      ) {
        issue(
          ctx,
          "warning",
          "exceeds-related",
          m(
            `${ind.code} (${nums(f.value, 2).vi} %) lớn hơn ${ind.atMost} (${nums(other.value, 2).vi} %), không thể xảy ra`,
            `${ind.code} (${nums(f.value, 2).en} %) exceeds ${ind.atMost} (${nums(other.value, 2).en} %), which cannot happen`,
          ),
          f.at,
          ind.code,
        );
      }
    }
  }
}
