import type { Indicator } from "../catalog/types";
import { makeIssue, type Issue, type Origin } from "../issues";
import { nums } from "../values/numbers";
import { parsePeriod, type Period } from "../periods";
import type { PlanStatus } from "../json-report/types";
import type { PlanRow } from "./read-plan";

/*
 * Validation against the plan (FORMATS.md §6, README "Checking against the plan"): for one figure of
 * one unit and indicator, the target that applies in the reporting year, the status, and the pace.
 */

export interface Assessment {
  /** The target that applies: the next target due, else the floor or ceiling of the year. */
  target: number | null;
  status: PlanStatus;
  /** Where the straight line from the baseline to the target stands this year, when computed. */
  expected?: number;
  /** The pace rule's reckoning, when there is one and something to reckon from. */
  pace?: PaceResult;
}

export interface PaceResult {
  rule: "giam_moi_nam" | "tang_moi_nam";
  /** Per year, as the plan says. */
  perYear: number;
  from: PastValue;
  /** Fall (giam) or rise (tang) since `from`. */
  change: number;
  required: number;
  met: boolean;
  /** Last year's figure and this one were measured under different standards (HO_NGHEO, 2027). */
  crossesStandardBreak: boolean;
}

/** A figure the previous period had (from `--previous`), or a baseline. */
export interface PastValue {
  year: number;
  value: number;
  source: "previous" | "baseline";
}

export interface AssessInput {
  unit: string;
  indicator: Indicator;
  figure: number | null;
  /** The reporting period. */
  period: Period;
  /** Plan rows for this unit and indicator. */
  rows: PlanRow[];
  /** Last period's figure for this unit and indicator, if a previous summary was given. */
  previous?: PastValue;
  /** Where the figure came from, for issues (a unit's cell; nothing for the scope). */
  at?: Partial<Origin>;
}

/** Floating-point slack: a figure exactly on a boundary counts as reaching it. */
const EPS = 1e-9;

const RANK: Record<PlanStatus, number> = {
  met: 0,
  on_track: 1,
  behind: 2,
  missed: 3,
  no_target: -1,
  no_data: -1,
};

function worse(a: PlanStatus, b: PlanStatus): PlanStatus {
  return RANK[b] > RANK[a] ? b : a;
}

/** `a` is at or beyond `b` in the indicator's good direction. */
function reaches(ind: Indicator, a: number, b: number): boolean {
  return ind.direction === "lower" ? a <= b + EPS : a >= b - EPS;
}

interface Target {
  start: number;
  end: number;
  value: number;
}

/** Targets by end year; `tang_them` resolved on top of the previous phase's target. */
export function resolveTargets(ind: Indicator, rows: PlanRow[]): Target[] {
  const out: Target[] = [];
  const withPeriod = rows
    .map((r) => ({ r, p: parsePeriod(r.period) as Period }))
    .filter((x) => x.r.rule === "muc_tieu" || x.r.rule === "tang_them")
    .sort((a, b) => a.p.endYear - b.p.endYear);
  for (const { r, p } of withPeriod) {
    if (r.rule === "muc_tieu") {
      out.push({ start: p.startYear, end: p.endYear, value: r.value });
      continue;
    }
    const before = [...out].reverse().find((t) => t.end < p.startYear || t.end < p.endYear);
    if (!before) continue;
    const sign = ind.direction === "lower" ? -1 : 1;
    out.push({ start: p.startYear, end: p.endYear, value: before.value + sign * r.value });
  }
  return out.sort((a, b) => a.end - b.end);
}

function applies(row: PlanRow, year: number): boolean {
  const p = parsePeriod(row.period);
  return !!p && p.startYear <= year && year <= p.endYear;
}

/** The latest baseline (`goc`) before the year. */
function baselineBefore(rows: PlanRow[], year: number): PastValue | undefined {
  const goc = rows
    .filter((r) => r.rule === "goc")
    .map((r) => ({ year: parsePeriod(r.period)?.endYear ?? 0, value: r.value }))
    .filter((g) => g.year < year)
    .sort((a, b) => b.year - a.year)[0];
  return goc ? { ...goc, source: "baseline" } : undefined;
}

export interface AssessResult extends Assessment {
  issues: Issue[];
}

export function assess(input: AssessInput): AssessResult {
  const { indicator: ind, figure, period } = input;
  const rows = input.rows.filter((r) => r.indicator === ind.code);
  const issues: Issue[] = [];
  const where = { ...(input.at ?? {}), unit: input.unit, indicator: ind.code };
  const year = period.endYear;
  const hasPlan = rows.length > 0;
  if (!hasPlan) return { target: null, status: "no_target", issues };
  // A flow (revenue, output) for part of a year cannot be held against a year's target.
  const partYear = period.kind !== "year";
  if (figure === null) {
    const t = resolveTargets(ind, rows).find((x) => x.end >= year);
    return { target: t?.value ?? null, status: "no_data", issues };
  }
  if (ind.direction === "none") return { target: null, status: "no_target", issues };

  let status: PlanStatus = "no_target";
  let target: number | null = null;
  let expected: number | undefined;

  const targets = resolveTargets(ind, rows);
  const active = targets.find((t) => t.end >= year);
  if (active && !(partYear && ind.time === "sum")) {
    target = active.value;
    if (active.end === year && !partYear) {
      status = reaches(ind, figure, active.value) ? "met" : "missed";
    } else if (reaches(ind, figure, active.value)) {
      status = "met";
    } else {
      const base = trajectoryBase(rows, targets, active, input.previous, year);
      if (base) {
        expected = base.value + ((active.value - base.value) * (year - base.year)) / (active.end - base.year);
        status = reaches(ind, figure, expected) ? "on_track" : "behind";
      }
    }
  }

  for (const r of rows.filter((x) => (x.rule === "toi_thieu" || x.rule === "toi_da") && applies(x, year))) {
    if (ind.time === "sum" && partYear) continue;
    const ok = r.rule === "toi_thieu" ? figure >= r.value - EPS : figure <= r.value + EPS;
    if (target === null) target = r.value;
    status = status === "no_target" ? (ok ? "met" : "missed") : ok ? status : worse(status, "missed");
  }

  if (status === "missed") {
    issues.push(
      makeIssue(
        "warning",
        "target-missed",
        {
          vi: `${ind.code}: ${nums(figure, 2).vi}${unitVi(ind)} chưa đạt mục tiêu ${nums(target ?? 0, 2).vi}${unitVi(ind)}`,
          en: `${ind.code}: ${nums(figure, 2).en}${unitEn(ind)} misses the target of ${nums(target ?? 0, 2).en}${unitEn(ind)}`,
        },
        where,
      ),
    );
  }

  const pace = paceCheck({ ...input, rows }, year);
  if (pace?.issue) {
    issues.push(pace.issue);
    if (status === "met" || status === "on_track" || status === "no_target") status = "behind";
  }
  const out: AssessResult = { target, status, issues };
  if (expected !== undefined) out.expected = expected;
  if (pace) out.pace = pace.result;
  return out;
}

function unitVi(ind: Indicator): string {
  return ind.kind === "rate" ? " %" : ` ${ind.unit.vi}`;
}
function unitEn(ind: Indicator): string {
  return ind.kind === "rate" ? " %" : ` ${ind.unit.en}`;
}

/**
 * Where the straight line to a target starts: a baseline (`goc`), else the previous phase's target
 * at its end, else last year's figure, else the line the pace rule itself draws back from the target.
 */
function trajectoryBase(
  rows: PlanRow[],
  targets: Target[],
  active: Target,
  previous: PastValue | undefined,
  year: number,
): { year: number; value: number } | undefined {
  const goc = baselineBefore(rows, year);
  if (goc && goc.year < active.end) return goc;
  const earlier = [...targets].reverse().find((t) => t.end < year && t !== active);
  if (earlier) return { year: earlier.end, value: earlier.value };
  if (previous && previous.year < year) return previous;
  const pace = rows.find((r) => (r.rule === "giam_moi_nam" || r.rule === "tang_moi_nam") && applies(r, year));
  if (pace) {
    const step = pace.rule === "giam_moi_nam" ? pace.value : -pace.value;
    return { year: year - 1, value: active.value + step * (active.end - (year - 1)) };
  }
  return undefined;
}

/** Pace against last year's figure (from `--previous`) or else the baseline. */
function paceCheck(input: AssessInput, year: number): { result: PaceResult; issue?: Issue } | undefined {
  const { indicator: ind, figure, rows } = input;
  if (figure === null) return undefined;
  const rule = rows.find((r) => (r.rule === "giam_moi_nam" || r.rule === "tang_moi_nam") && applies(r, year));
  if (!rule) return undefined;
  const prev = input.previous && input.previous.year < year ? input.previous : baselineBefore(rows, year);
  if (!prev) return undefined;
  const years = year - prev.year;
  const required = rule.value * years;
  const change = rule.rule === "giam_moi_nam" ? prev.value - figure : figure - prev.value;
  const brk =
    ind.seriesBreak && prev.year < ind.seriesBreak.fromYear && ind.seriesBreak.fromYear <= year
      ? ind.seriesBreak
      : undefined;
  const result: PaceResult = {
    rule: rule.rule as PaceResult["rule"],
    perYear: rule.value,
    from: prev,
    change,
    required,
    met: change >= required - EPS,
    crossesStandardBreak: brk !== undefined,
  };
  if (result.met) return { result };
  const verbVi = rule.rule === "giam_moi_nam" ? "giảm" : "tăng";
  const verbEn = rule.rule === "giam_moi_nam" ? "fall" : "rise";
  const pts =
    ind.kind === "rate" ? { vi: " điểm %", en: " points" } : { vi: ` ${ind.unit.vi}`, en: ` ${ind.unit.en}` };
  const srcVi = prev.source === "previous" ? `kỳ trước (${prev.year})` : `năm gốc ${prev.year}`;
  const srcEn =
    prev.source === "previous" ? `the previous period (${prev.year})` : `the ${prev.year} baseline`;
  return {
    result,
    issue: makeIssue(
      "warning",
      "pace-missed",
      {
        vi: `${ind.code}: so với ${srcVi} (${nums(prev.value, 2).vi}) chỉ ${verbVi} ${nums(change, 2).vi}${pts.vi}, yêu cầu ${verbVi} ít nhất ${nums(required, 2).vi}${pts.vi} (${nums(rule.value, 2).vi}/năm)${brk ? `; lưu ý: ${brk.note.vi}, hai số liệu theo hai chuẩn khác nhau` : ""}`,
        en: `${ind.code}: against ${srcEn} (${nums(prev.value, 2).en}) a ${verbEn} of only ${nums(change, 2).en}${pts.en}, at least ${nums(required, 2).en}${pts.en} required (${nums(rule.value, 2).en} a year)${brk ? `; note: ${brk.note.en}, the two figures are under different standards` : ""}`,
      },
      {
        ...(input.at ?? {}),
        unit: input.unit,
        indicator: ind.code,
        ...(brk ? { reason: "series-break" } : {}),
      },
    ),
  };
}
