import type { Indicator } from "../catalog/types";
import { ExactSum } from "../exact-sum";

/** A unit's figure for one indicator, as it enters the consolidation. */
export interface Figure {
  /** Rates: the numerator; scores: the sum of scores it stands for (a commune: its score). */
  numerator: number | null;
  /** Rates: the denominator; scores: how many units it stands for (a commune: 1). */
  denominator: number | null;
  /** Counts and amounts: the value; rates: 100 × numerator / denominator; scores: the mean. */
  value: number | null;
}

export interface Aggregate extends Figure {
  /** Units (roster leaves) whose figures entered. */
  reporting: number;
  /** Base units (communes) behind them: a summary stands for the communes it counted. */
  reportingBase: number;
}

export interface Contribution {
  figure: Figure;
  /** How many reporting units it stands for (1, or a summary's own count). */
  reporting: number;
  /** How many base units (communes) it stands for (1 for a commune's own report). */
  reportingBase: number;
}

/**
 * Combines figures of several units by the indicator's kind (INDICATORS.md): a rate is
 * 100 × Σ numerators / Σ denominators, never an average of percentages; counts and amounts add up;
 * a score is the mean over reporting units, kept as Σ scores / number of units so that
 * summaries consolidate upward exactly.
 */
export function aggregate(indicator: Indicator, parts: readonly Contribution[]): Aggregate {
  let reporting = 0;
  let reportingBase = 0;
  for (const p of parts) {
    reporting += p.reporting;
    reportingBase += p.reportingBase;
  }
  if (parts.length === 0)
    return { numerator: null, denominator: null, value: null, reporting: 0, reportingBase: 0 };
  if (indicator.kind === "rate" || indicator.kind === "score") {
    const num = new ExactSum();
    const den = new ExactSum();
    for (const p of parts) {
      const { numerator, denominator } = scoreOrRateParts(indicator, p.figure);
      num.add(numerator);
      den.add(denominator);
    }
    const n = num.value();
    const d = den.value();
    const ratio = d > 0 ? n / d : null;
    return {
      numerator: n,
      denominator: d,
      value: ratio === null ? null : indicator.kind === "rate" ? 100 * ratio : ratio,
      reporting,
      reportingBase,
    };
  }
  const sum = new ExactSum();
  for (const p of parts) sum.add(p.figure.value ?? 0);
  return { numerator: null, denominator: null, value: sum.value(), reporting, reportingBase };
}

function scoreOrRateParts(indicator: Indicator, f: Figure): { numerator: number; denominator: number } {
  if (indicator.kind === "score" && (f.numerator === null || f.denominator === null)) {
    return { numerator: f.value ?? 0, denominator: 1 };
  }
  return { numerator: f.numerator ?? 0, denominator: f.denominator ?? 0 };
}

/** A rate computed from two sums (a derived indicator such as twinned pairs ÷ pairs planned). */
export function ratioFigure(numerator: number, denominator: number): Figure {
  return { numerator, denominator, value: denominator > 0 ? (100 * numerator) / denominator : null };
}
