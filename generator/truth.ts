import type { IndicatorKind } from "../src/core/catalog/types";
import type { RuleId, Severity } from "../src/core/issues";
import type { UnitStatus } from "../src/core/json-report/types";
import { isRateValue, type TrueValue } from "./spec";

/*
 * What a correct consolidation must report for a generated province (FORMATS.md §8, docs/RULES.md),
 * computed from the description: figures by each indicator's kind, never an average of
 * percentages; issues with the file and the cell or line they point at.
 */

export interface ExpectedIssue {
  rule: RuleId;
  severity: Severity;
  unit?: string;
  indicator?: string;
  file?: string;
  sheet?: string;
  cell?: string;
  line?: number;
}

export interface TruthUnit {
  code: string;
  name: string;
  status: UnitStatus;
  /** The file used (ok, late), or the files received (rejected, duplicate, unknown). */
  file?: string;
  files?: string[];
  groups: string[];
}

export interface Figure {
  value: number | null;
  /** Rates: Σ numerators; scores: Σ scores; counts and amounts: null. */
  numerator: number | null;
  /** Rates: Σ denominators; scores: the number of reporting units; counts and amounts: null. */
  denominator: number | null;
  reporting: number;
  expected: number;
  /** The base units (communes) behind the figure: in a province of communes, the same counts. */
  reportingBase: number;
  expectedBase: number;
}

export interface TruthIndicator extends Figure {
  code: string;
  kind: IndicatorKind;
}

export interface TruthGroup extends Figure {
  group: string;
  indicator: string;
}

export interface TruthPerUnit {
  unit: string;
  indicator: string;
  kind: IndicatorKind;
  value: number;
  /** Rates only (the unit's own parts); null otherwise. */
  numerator: number | null;
  denominator: number | null;
}

export interface ManifestFile {
  path: string;
  form: string;
  /** Unit codes as the file writes them. */
  units: string[];
  [detail: string]: string | number | boolean | string[];
}

export interface Truth {
  format: "chitieu-truth/1";
  /** How the run is made: `consolidate <dir> --template T --period P --roster R [--due D]`. */
  run: { template: string; period: string; due?: string; roster: string };
  scope: { code: string; name: string };
  units: TruthUnit[];
  indicators: TruthIndicator[];
  groups: TruthGroup[];
  perUnit: TruthPerUnit[];
  issues: ExpectedIssue[];
  files: ManifestFile[];
}

/** A scope's figure from the values that entered (INDICATORS.md: rates Σ/Σ, counts Σ, scores mean). */
export function aggregate(kind: IndicatorKind, values: TrueValue[], expected: number): Figure {
  const n = values.length;
  const counts = { reporting: n, expected, reportingBase: n, expectedBase: expected };
  if (n === 0) return { value: null, numerator: null, denominator: null, ...counts };
  if (kind === "rate") {
    let num = 0;
    let den = 0;
    for (const v of values) {
      if (!isRateValue(v)) throw new Error("rate without parts");
      num += v.num;
      den += v.den;
    }
    return {
      value: den > 0 ? (100 * num) / den : null,
      numerator: num,
      denominator: den,
      ...counts,
    };
  }
  let sum = 0;
  for (const v of values) {
    if (isRateValue(v)) throw new Error("plain figure with parts");
    sum += v.value;
  }
  if (kind === "score") return { value: sum / n, numerator: sum, denominator: n, ...counts };
  return { value: sum, numerator: null, denominator: null, ...counts };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export interface OutlierVerdict {
  unit: string;
  outlier: boolean;
  /** |x − median| over the threshold: near 1 the verdict is fragile. */
  score: number;
}

/**
 * docs/RULES.md "Outliers": median and MAD (× 1.4826) over the figures that entered (at least 5);
 * rates on the unit's %, counts and amounts on log10 (zeros not tested), scores on the value;
 * |x − median| > 3.5 × MAD, or with MAD 0: more than half the median away (rates, scores) or a
 * factor of ten (counts, amounts).
 */
export function outliers(
  kind: IndicatorKind,
  figures: { unit: string; value: TrueValue }[],
): OutlierVerdict[] {
  const sample: { unit: string; x: number }[] = [];
  for (const f of figures) {
    const v = f.value;
    if (kind === "rate") {
      if (!isRateValue(v)) throw new Error("rate without parts");
      sample.push({ unit: f.unit, x: (100 * v.num) / v.den });
    } else {
      if (isRateValue(v)) throw new Error("plain figure with parts");
      if (kind === "score") sample.push({ unit: f.unit, x: v.value });
      else if (v.value > 0) sample.push({ unit: f.unit, x: Math.log10(v.value) });
    }
  }
  if (sample.length < 5) return [];
  const xs = sample.map((s) => s.x);
  const med = median(xs);
  const mad = 1.4826 * median(xs.map((x) => Math.abs(x - med)));
  const threshold = mad > 0 ? 3.5 * mad : kind === "count" || kind === "amount" ? 1 : Math.abs(med) / 2;
  return sample.map(({ unit, x }) => {
    const d = Math.abs(x - med);
    const score = threshold > 0 ? d / threshold : d > 0 ? Infinity : 0;
    return { unit, outlier: threshold > 0 ? d > threshold : d > 0, score };
  });
}

/** A stable order: by file, line, cell (row then column), unit, indicator, rule. */
export function compareExpected(a: ExpectedIssue, b: ExpectedIssue): number {
  const s = (x: string | undefined, y: string | undefined): number =>
    (x ?? "") < (y ?? "") ? -1 : (x ?? "") > (y ?? "") ? 1 : 0;
  return (
    s(a.file, b.file) ||
    s(a.sheet, b.sheet) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    cellKey(a.cell) - cellKey(b.cell) ||
    s(a.unit, b.unit) ||
    s(a.indicator, b.indicator) ||
    s(a.rule, b.rule) ||
    s(a.severity, b.severity)
  );
}

function cellKey(cell: string | undefined): number {
  const m = cell ? /^([A-Z]+)(\d+)$/.exec(cell) : null;
  if (!m) return 0;
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return Number(m[2]) * 1000 + col;
}
