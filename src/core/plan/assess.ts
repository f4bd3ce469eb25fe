import type { Indicator } from "../catalog/types";
import { makeIssue, type Issue, type Origin } from "../issues";
import { nums } from "../values/numbers";
import { describePeriod, parsePeriod, periodWithin, type Period } from "../periods";
import type { PlanStatus, ReportPhaseTotal } from "../json-report/types";
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
  /**
   * The plan's trajectory this period, met or not: the straight line from the baseline (or the
   * history's first year) to the target due, the target itself in its year. For the series.
   */
  line?: number;
  /** The pace rule's reckoning, when there is one and something to reckon from. */
  pace?: PaceResult;
  /** A total over a phase (`tong_giai_doan`): the running total it was judged on. */
  phaseTotal?: PhaseTotal;
}

/** The running total of a `sum` indicator over a phase (FORMATS.md §6): the JSON's `phaseTotal`. */
export type PhaseTotal = ReportPhaseTotal;

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

/** An earlier period's figure of the same unit and indicator, from the history. */
export interface HistoryPoint {
  period: Period;
  value: number;
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
  /** Earlier figures of this unit and indicator (the history), for running totals and the trajectory. */
  history?: HistoryPoint[];
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

/** A year or a phase: what the plan's year-by-year rules count in. */
function wholeYears(p: Period | undefined): boolean {
  return !!p && (p.kind === "year" || p.kind === "phase");
}

/** A row for a part of a year (a quarter, a half, nine months, a month). */
function partYearRow(row: PlanRow): boolean {
  return !wholeYears(parsePeriod(row.period));
}

/**
 * The rows for exactly this part of a year (a 2026-H1 target for a 2026-H1 report): the period's own
 * target, floor and ceiling. None for a year or a phase, which the year-by-year rules judge.
 */
function periodRows(rows: PlanRow[], period: Period): PlanRow[] {
  if (wholeYears(period)) return [];
  return rows.filter(
    (r) =>
      (r.rule === "muc_tieu" || r.rule === "toi_thieu" || r.rule === "toi_da") &&
      parsePeriod(r.period)?.code === period.code,
  );
}

/**
 * Targets by end year, of years and phases (a quarter's target is its own, never a year's);
 * `tang_them` resolved on top of the previous phase's target.
 */
export function resolveTargets(ind: Indicator, rows: PlanRow[]): Target[] {
  const out: Target[] = [];
  const withPeriod = rows
    .map((r) => ({ r, p: parsePeriod(r.period) as Period }))
    .filter((x) => (x.r.rule === "muc_tieu" || x.r.rule === "tang_them") && wholeYears(x.p))
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

/** A year's or phase's row holds in the year. */
function applies(row: PlanRow, year: number): boolean {
  const p = parsePeriod(row.period);
  return !!p && wholeYears(p) && p.startYear <= year && year <= p.endYear;
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
  // The plan's own rows for this part of a year, when it gives the period a target of its own.
  const own = periodRows(rows, period);
  const ownTarget = own.find((r) => r.rule === "muc_tieu");
  if (figure === null) {
    const t = resolveTargets(ind, rows).find((x) => x.end >= year);
    const total = phaseTotalRow(rows, period);
    return { target: ownTarget?.value ?? t?.value ?? total?.value ?? null, status: "no_data", issues };
  }
  if (ind.direction === "none") return { target: null, status: "no_target", issues };

  let status: PlanStatus = "no_target";
  let target: number | null = null;
  let expected: number | undefined;

  const targets = resolveTargets(ind, rows);
  const active = targets.find((t) => t.end >= year);
  let line: number | undefined;
  if (ownTarget) {
    // The period's own target is due at its end, which is now: reached or not.
    target = ownTarget.value;
    line = ownTarget.value;
    status = reaches(ind, figure, ownTarget.value) ? "met" : "missed";
  } else if (active && !(partYear && ind.time === "sum")) {
    target = active.value;
    line = trajectoryAt(rows, targets, active, input, year);
    if (active.end === year && !partYear) {
      status = reaches(ind, figure, active.value) ? "met" : "missed";
    } else if (reaches(ind, figure, active.value)) {
      status = "met";
    } else {
      const base = trajectoryBase(rows, targets, active, input.previous, year, input.history);
      if (base) {
        expected = base.value + ((active.value - base.value) * (year - base.year)) / (active.end - base.year);
        status = reaches(ind, figure, expected) ? "on_track" : "behind";
      }
    }
  }

  const floors = [
    ...rows.filter((x) => (x.rule === "toi_thieu" || x.rule === "toi_da") && applies(x, year)),
    ...own.filter((x) => x.rule !== "muc_tieu"),
  ];
  for (const r of floors) {
    // A year's floor does not hold a flow over part of the year; the part's own floor does.
    if (ind.time === "sum" && partYear && !partYearRow(r)) continue;
    const ok = r.rule === "toi_thieu" ? figure >= r.value - EPS : figure <= r.value + EPS;
    if (target === null) target = r.value;
    status = status === "no_target" ? (ok ? "met" : "missed") : ok ? status : worse(status, "missed");
  }

  const total = phaseTotalCheck(input, rows, figure);
  if (total) {
    if (target === null) target = total.result.required;
    status = status === "no_target" ? total.status : worse(status, total.status);
    issues.push(...total.issues);
  }

  if (status === "missed" && total?.status !== "missed") {
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
  if (line !== undefined) out.line = line;
  if (pace) out.pace = pace.result;
  if (total) out.phaseTotal = total.result;
  return out;
}

const monthIndex = (y: number, m: number): number => y * 12 + m - 1;
const startOf = (p: Period): number => monthIndex(p.startYear, p.startMonth);
const endOf = (p: Period): number => monthIndex(p.endYear, p.endMonth);

/** The plan's `tong_giai_doan` row whose phase holds the reporting period, if any. */
function phaseTotalRow(rows: PlanRow[], period: Period): (PlanRow & { phase: Period }) | undefined {
  for (const r of rows) {
    if (r.rule !== "tong_giai_doan") continue;
    const phase = parsePeriod(r.period);
    if (phase && periodWithin(period, phase)) return { ...r, phase };
  }
  return undefined;
}

/**
 * The earlier figures inside the phase that add to the running total: oldest first, and a month
 * never counted twice (a year and its quarters both in the history: the year, met first, is used).
 */
function earlierInPhase(history: HistoryPoint[], phase: Period, before: Period): HistoryPoint[] {
  const candidates = history
    .filter((h) => periodWithin(h.period, phase) && endOf(h.period) < startOf(before))
    .sort((a, b) => startOf(a.period) - startOf(b.period) || endOf(b.period) - endOf(a.period));
  const used: HistoryPoint[] = [];
  let reached = -Infinity;
  for (const h of candidates) {
    if (startOf(h.period) <= reached) continue;
    used.push(h);
    reached = endOf(h.period);
  }
  return used;
}

/** Months from `from` to `to` (inclusive) that no used period covers, named as whole years where they are. */
function uncovered(from: number, to: number, covered: Period[]): string[] {
  const missing: number[] = [];
  for (let m = from; m <= to; m++) {
    if (!covered.some((p) => startOf(p) <= m && m <= endOf(p))) missing.push(m);
  }
  const names: string[] = [];
  for (let i = 0; i < missing.length;) {
    const m = missing[i] as number;
    const y = Math.floor(m / 12);
    const wholeYear = m % 12 === 0 && missing[i + 11] === m + 11;
    if (wholeYear) {
      names.push(String(y));
      i += 12;
    } else {
      names.push(`${y}-M${String((m % 12) + 1).padStart(2, "0")}`);
      i += 1;
    }
  }
  return names;
}

/**
 * A total over a phase (`tong_giai_doan`, e.g. 4 workers sent abroad over 2026–2030): the history's
 * figures inside the phase plus this period's, `met` once the total is reached, `missed` if not by the
 * phase's end, else `on_track` / `behind` against the straight line from 0 to the total.
 */
function phaseTotalCheck(
  input: AssessInput,
  rows: PlanRow[],
  figure: number,
): { result: PhaseTotal; status: PlanStatus; issues: Issue[] } | undefined {
  const { indicator: ind, period } = input;
  const row = phaseTotalRow(rows, period);
  if (!row || ind.time !== "sum") return undefined;
  const { phase } = row;
  const earlier = earlierInPhase(input.history ?? [], phase, period);
  const total = earlier.reduce((s, h) => s + h.value, figure);
  const elapsed = endOf(period) - startOf(phase) + 1;
  const length = endOf(phase) - startOf(phase) + 1;
  const expected = (row.value * elapsed) / length;
  const atEnd = endOf(period) === endOf(phase);
  const missing = uncovered(startOf(phase), startOf(period) - 1, [...earlier.map((h) => h.period)]);
  let status: PlanStatus;
  if (ind.direction === "lower") status = total <= row.value + EPS ? (atEnd ? "met" : "on_track") : "missed";
  else if (total >= row.value - EPS) status = "met";
  else if (atEnd) status = "missed";
  else status = total >= expected - EPS ? "on_track" : "behind";
  const result: PhaseTotal = {
    phase: phase.code,
    required: row.value,
    total,
    expected,
    periods: [...earlier.map((h) => h.period.code), period.code],
    missing,
  };
  const where = { ...(input.at ?? {}), unit: input.unit, indicator: ind.code };
  const issues: Issue[] = [];
  const phaseVi = describePeriod(phase, "vi").toLocaleLowerCase("vi");
  const phaseEn = describePeriod(phase, "en").toLowerCase();
  if (missing.length > 0) {
    issues.push(
      makeIssue(
        "warning",
        "history-gap",
        {
          vi: `${ind.code}: tổng ${phaseVi} (${nums(total, 2).vi}${unitVi(ind)}) chưa tính ${missing.join(", ")}: thiếu bảng tổng hợp các kỳ đó trong lịch sử`,
          en: `${ind.code}: the ${phaseEn} total (${nums(total, 2).en}${unitEn(ind)}) leaves out ${missing.join(", ")}: no summary of those periods in the history`,
        },
        { ...where, reason: "phase-total" },
      ),
    );
  }
  if (status === "missed") {
    issues.push(
      makeIssue(
        "warning",
        "target-missed",
        {
          vi: `${ind.code}: tổng ${phaseVi} ${nums(total, 2).vi}${unitVi(ind)}, chưa đạt tổng kế hoạch ${nums(row.value, 2).vi}${unitVi(ind)}`,
          en: `${ind.code}: the ${phaseEn} total of ${nums(total, 2).en}${unitEn(ind)} misses the planned total of ${nums(row.value, 2).en}${unitEn(ind)}`,
        },
        { ...where, reason: "phase-total" },
      ),
    );
  }
  return { result, status, issues };
}

function unitVi(ind: Indicator): string {
  return ind.kind === "rate" ? " %" : ` ${ind.unit.vi}`;
}
function unitEn(ind: Indicator): string {
  return ind.kind === "rate" ? " %" : ` ${ind.unit.en}`;
}

/** Where the straight line to the target due stands in `year`: the target itself in its year. */
function trajectoryAt(
  rows: PlanRow[],
  targets: Target[],
  active: Target,
  input: AssessInput,
  year: number,
): number | undefined {
  if (active.end === year) return active.value;
  const base = trajectoryBase(rows, targets, active, input.previous, year, input.history);
  if (!base || base.year >= active.end) return undefined;
  return base.value + ((active.value - base.value) * (year - base.year)) / (active.end - base.year);
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
  history: HistoryPoint[] = [],
): { year: number; value: number } | undefined {
  const goc = baselineBefore(rows, year);
  if (goc && goc.year < active.end) return goc;
  const earlier = [...targets].reverse().find((t) => t.end < year && t !== active);
  if (earlier) return { year: earlier.end, value: earlier.value };
  // The history's first year, not last year's: the line stays where it was drawn, year after year.
  const first = history
    .filter((h) => h.period.kind === "year" && h.period.endYear < year)
    .sort((a, b) => a.period.endYear - b.period.endYear)[0];
  if (first) return { year: first.period.endYear, value: first.value };
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
