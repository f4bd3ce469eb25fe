import { getIndicator } from "../catalog/indicators";
import { makeIssue, type Issue } from "../issues";
import { nums } from "../values/numbers";
import type { Roster } from "../roster/roster";
import type { Accepted } from "./choose";

/** Fewer units than this and no figure can be called unusual. */
export const OUTLIER_MIN_UNITS = 5;
/** How many (scaled) median absolute deviations away a figure must lie. */
export const OUTLIER_MADS = 3.5;
const MAD_SCALE = 1.4826;

function median(xs: number[]): number {
  // A typed array sorts numbers natively, without a comparator: a national run sorts thousands, twice per indicator.
  const s = Float64Array.from(xs).sort();
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

interface Point {
  unit: string;
  x: number;
  shown: number;
  acc: Accepted;
}

/**
 * Figures far from the other units' (docs/RULES.md, "Outliers"): median and MAD, which a few wild
 * values cannot drag along; rates on the unit's own %, counts and amounts on a log scale since
 * units differ in size and a unit-of-measure slip is a factor of 1.000.
 */
export function findOutliers(roster: Roster, used: Map<string, Accepted>, codes: string[]): Issue[] {
  const issues: Issue[] = [];
  const leaves = [...used.entries()].filter(([code]) => roster.childrenOf(code).length === 0);
  // Each unit's figures are walked once, in order, rather than looked up code by code: thousands
  // of small maps, read one after another instead of jumped about in.
  const byCode = new Map<string, Point[]>();
  for (const code of codes) if (!getIndicator(code).derived) byCode.set(code, []);
  for (const [unit, acc] of leaves) {
    for (const [code, f] of acc.figures) {
      const points = byCode.get(code);
      if (!points || f.value === null) continue;
      const kind = getIndicator(code).kind;
      const logScale = kind === "count" || kind === "amount";
      if (logScale && f.value <= 0) continue;
      points.push({ unit, x: logScale ? Math.log10(f.value) : f.value, shown: f.value, acc });
    }
  }
  for (const code of codes) {
    const ind = getIndicator(code);
    const points = byCode.get(code);
    if (!points) continue;
    const logScale = ind.kind === "count" || ind.kind === "amount";
    if (points.length < OUTLIER_MIN_UNITS) continue;
    const med = median(points.map((p) => p.x));
    const mad = MAD_SCALE * median(points.map((p) => Math.abs(p.x - med)));
    for (const p of points) {
      const dev = Math.abs(p.x - med);
      const unusual =
        mad > 0
          ? dev > OUTLIER_MADS * mad && dev > 0.01 * Math.abs(med)
          : logScale
            ? dev > 1
            : dev > Math.max(0.5 * Math.abs(med), ind.kind === "rate" ? 5 : 1);
      if (!unusual) continue;
      const typical = logScale ? 10 ** med : med;
      const f = p.acc.figures.get(code)!;
      const unitVi = ind.kind === "rate" ? " %" : ` ${ind.unit.vi}`;
      const unitEn = ind.kind === "rate" ? " %" : ` ${ind.unit.en}`;
      issues.push(
        makeIssue(
          "warning",
          "outlier",
          {
            vi: `${code}: ${nums(p.shown, 2).vi}${unitVi} khác thường so với các đơn vị khác (trung vị ${nums(typical, 2).vi}${unitVi}); đề nghị kiểm tra`,
            en: `${code}: ${nums(p.shown, 2).en}${unitEn} is unusual against the other units (median ${nums(typical, 2).en}${unitEn}); please check`,
          },
          { ...f.at, unit: p.unit, indicator: code },
        ),
      );
    }
  }
  return issues;
}
