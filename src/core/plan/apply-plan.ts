import { getIndicator } from "../catalog/indicators";
import { summaryIndicatorCodes } from "../catalog/templates";
import type { Indicator } from "../catalog/types";
import type { Consolidation } from "../consolidate/types";
import { makeIssue, type Issue } from "../issues";
import { nums } from "../values/numbers";
import { parsePeriod } from "../periods";
import { assess, resolveTargets, type Assessment, type HistoryPoint, type PastValue } from "./assess";
import type { HistoryEntry } from "./history";
import type { PlanRow } from "./read-plan";
import type { PlanOutcome, PreviousFigures } from "./types";

/**
 * Assesses the scope's figures against the scope's plan, and every unit's against its own plan
 * (the plan file's rows for that unit, else the target it wrote in its `Kế hoạch` column).
 */
export function applyPlan(
  consolidation: Consolidation,
  planRows: PlanRow[],
  previous: PreviousFigures | undefined,
  previousYear: number | undefined,
  history: readonly HistoryEntry[] = [],
): PlanOutcome {
  const codes = summaryIndicatorCodes(consolidation.template);
  const byUnit = new Map<string, PlanRow[]>();
  for (const r of planRows) byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r]);
  const own = ownTargets(consolidation, byUnit);
  for (const r of own) byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r]);

  const scopeCode = consolidation.scope.code;
  const past = (unit: string, code: string): Earlier => {
    const points = historyPoints(history, scopeCode, unit, code);
    const fromHistory = lastYearBefore(points, consolidation.period.endYear);
    const v = previous?.get(unit)?.get(code);
    const given: PastValue | undefined =
      v !== undefined && previousYear !== undefined
        ? { year: previousYear, value: v, source: "previous" }
        : undefined;
    const prev = fromHistory && (!given || fromHistory.year >= given.year) ? fromHistory : given;
    return { ...(prev ? { previous: prev } : {}), ...(points.length > 0 ? { history: points } : {}) };
  };
  const issues: Issue[] = [];
  const scope = assessScope(consolidation, codes, byUnit, past, issues);
  const units = assessUnits(consolidation, codes, byUnit, past, issues);
  const unitsReaching = countUnitsReaching(consolidation, codes, scope);
  issues.push(...consistency(consolidation, codes, byUnit));
  const series = assessHistory(consolidation, codes, byUnit.get(scopeCode) ?? [], history);
  return { scope, units, unitsReaching, issues, applied: [...planRows, ...own], series };
}

/** What the history gives one figure's judgement: last year's figure, and the earlier figures. */
type Earlier = { previous?: PastValue; history?: HistoryPoint[] };
type Past = (unit: string, code: string) => Earlier;

/** A unit's (or the scope's) figures of one indicator in the history, oldest first. */
function historyPoints(
  history: readonly HistoryEntry[],
  scope: string,
  unit: string,
  code: string,
): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  for (const e of history) {
    const value = unit === scope ? e.figures.get(code)?.value : e.units.get(unit)?.get(code);
    if (value !== undefined && value !== null) points.push({ period: e.period, value });
  }
  return points;
}

/** The latest whole year before `year` among the points: the "previous year" of the pace rules. */
function lastYearBefore(points: HistoryPoint[], year: number): PastValue | undefined {
  const last = points.filter((p) => p.period.kind === "year" && p.period.endYear < year).pop();
  return last ? { year: last.period.endYear, value: last.value, source: "previous" } : undefined;
}

/**
 * The scope's history periods judged against today's plan, each with what came before it: the series'
 * targets and statuses, judged by the same rules as this period (issues of past periods are not
 * raised again).
 */
function assessHistory(
  c: Consolidation,
  codes: readonly string[],
  scopeRows: PlanRow[],
  history: readonly HistoryEntry[],
): Map<string, Map<string, Assessment>> {
  const series = new Map<string, Map<string, Assessment>>();
  history.forEach((entry, i) => {
    const before = history.slice(0, i);
    const assessed = new Map<string, Assessment>();
    for (const code of codes) {
      const rows = scopeRows.filter((r) => r.indicator === code);
      // The plan's baseline year and those before it are where the plan starts from: nothing to judge.
      const baseline = Math.max(
        ...rows.filter((r) => r.rule === "goc").map((r) => parsePeriod(r.period)?.endYear ?? -Infinity),
      );
      if (entry.period.endYear <= baseline) {
        assessed.set(code, { target: null, status: "no_target" });
        continue;
      }
      const points = historyPoints(before, c.scope.code, c.scope.code, code);
      const prev = lastYearBefore(points, entry.period.endYear);
      const { issues: _past, ...a } = assess({
        unit: c.scope.code,
        indicator: getIndicator(code),
        figure: entry.figures.get(code)?.value ?? null,
        period: entry.period,
        rows,
        ...(prev ? { previous: prev } : {}),
        ...(points.length > 0 ? { history: points } : {}),
      });
      assessed.set(code, a);
    }
    series.set(entry.period.code, assessed);
  });
  return series;
}

/** A unit's own target for the period, written in its submission, stands where the plan file is silent. */
function ownTargets(c: Consolidation, byUnit: Map<string, PlanRow[]>): PlanRow[] {
  const year = c.period.endYear;
  const own: PlanRow[] = [];
  for (const u of c.units) {
    for (const [code, f] of u.figures ?? []) {
      if (f.plan === null || c.period.kind !== "year") continue;
      if ((byUnit.get(u.code) ?? []).some((r) => r.indicator === code)) continue;
      own.push({
        unit: u.code,
        indicator: code,
        period: String(year),
        rule: "muc_tieu",
        value: f.plan,
        at: f.at,
      });
    }
  }
  return own;
}

/** The scope's figures against the scope's own rows of the plan. */
function assessScope(
  c: Consolidation,
  codes: readonly string[],
  byUnit: Map<string, PlanRow[]>,
  past: Past,
  issues: Issue[],
): Map<string, Assessment> {
  const scope = new Map<string, Assessment>();
  const scopeRows = byUnit.get(c.scope.code) ?? [];
  for (const code of codes) {
    const ind = getIndicator(code);
    const rows = scopeRows.filter((r) => r.indicator === code);
    const a = assess({
      unit: c.scope.code,
      indicator: ind,
      figure: c.scopeFigures.get(code)?.value ?? null,
      period: c.period,
      rows,
      ...past(c.scope.code, code),
    });
    issues.push(...a.issues);
    scope.set(code, a);
  }
  return scope;
}

/** Every unit's figures (leaves' own, inner units' subtotals) against that unit's rows. */
function assessUnits(
  c: Consolidation,
  codes: readonly string[],
  byUnit: Map<string, PlanRow[]>,
  past: Past,
  issues: Issue[],
): Map<string, Map<string, Assessment>> {
  const units = new Map<string, Map<string, Assessment>>();
  const outcomes = new Map(c.units.map((u) => [u.code, u]));
  for (const [unit, figs] of c.unitFigures) {
    if (unit === c.scope.code) continue;
    const rowsForUnit = byUnit.get(unit) ?? [];
    const outcome = outcomes.get(unit);
    const assessed = new Map<string, Assessment>();
    for (const code of codes) {
      const f = figs.get(code);
      if (!f) continue;
      const rows = rowsForUnit.filter((r) => r.indicator === code);
      const at = outcome?.figures?.get(code)?.at;
      const a = assess({
        unit,
        indicator: getIndicator(code),
        figure: f.value,
        period: c.period,
        rows,
        ...past(unit, code),
        ...(at ? { at } : {}),
      });
      issues.push(...a.issues);
      assessed.set(code, a);
    }
    units.set(unit, assessed);
  }
  return units;
}

/** For scores: how many units reach the scope's target (else the top of the scale). */
function countUnitsReaching(
  c: Consolidation,
  codes: readonly string[],
  scope: Map<string, Assessment>,
): Map<string, number> {
  const unitsReaching = new Map<string, number>();
  for (const code of codes) {
    const ind = getIndicator(code);
    if (ind.kind !== "score") continue;
    const target = scope.get(code)?.target ?? ind.range.max ?? null;
    if (target === null) continue;
    let n = 0;
    for (const u of c.units) {
      const v = u.figures?.get(code)?.value;
      if (v != null && v >= target) n++;
    }
    unitsReaching.set(code, n);
  }
  return unitsReaching;
}

/**
 * Whether the units' own targets, weighted as the indicator aggregates (a rate by its current
 * denominators, counts summed), can reach the scope's target for the same year.
 */
function consistency(c: Consolidation, codes: string[], byUnit: Map<string, PlanRow[]>): Issue[] {
  const issues: Issue[] = [];
  const scopeRows = byUnit.get(c.scope.code) ?? [];
  for (const code of codes) {
    const ind = getIndicator(code);
    if (ind.direction === "none" || ind.derived) continue;
    const scopeTargets = resolveTargets(
      ind,
      scopeRows.filter((r) => r.indicator === code),
    );
    for (const st of scopeTargets) {
      const contributors = c.units.filter((u) => u.figures?.has(code));
      if (contributors.length === 0) continue;
      const parts: { target: number; weight: number }[] = [];
      for (const u of contributors) {
        const t = resolveTargets(
          ind,
          (byUnit.get(u.code) ?? []).filter((r) => r.indicator === code),
        ).find((x) => x.end === st.end);
        if (!t) break;
        const f = u.figures?.get(code);
        parts.push({ target: t.value, weight: ind.kind === "rate" ? (f?.denominator ?? 0) : 1 });
      }
      if (parts.length !== contributors.length) continue;
      const combined = combine(ind, parts);
      if (combined === null) continue;
      const ok = ind.direction === "lower" ? combined <= st.value + 1e-9 : combined >= st.value - 1e-9;
      if (ok) continue;
      const period = parsePeriod(String(st.end))?.code ?? String(st.end);
      issues.push(
        makeIssue(
          "warning",
          "plan-inconsistent",
          {
            vi: `${code}: mục tiêu của các đơn vị gộp lại chỉ đạt ${nums(combined, 2).vi} năm ${period}, không đạt mục tiêu chung ${nums(st.value, 2).vi}`,
            en: `${code}: the units' own targets combined reach only ${nums(combined, 2).en} in ${period}, short of the overall target of ${nums(st.value, 2).en}`,
          },
          { unit: c.scope.code, indicator: code },
        ),
      );
    }
  }
  return issues;
}

function combine(ind: Indicator, parts: { target: number; weight: number }[]): number | null {
  if (ind.kind === "rate") {
    const w = parts.reduce((s, p) => s + p.weight, 0);
    return w > 0 ? parts.reduce((s, p) => s + p.target * p.weight, 0) / w : null;
  }
  if (ind.kind === "score") return parts.reduce((s, p) => s + p.target, 0) / parts.length;
  return parts.reduce((s, p) => s + p.target, 0);
}
