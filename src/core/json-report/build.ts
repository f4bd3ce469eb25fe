import { getIndicator } from "../catalog/indicators";
import { summaryIndicatorCodes } from "../catalog/templates";
import type { Consolidation } from "../consolidate/types";
import type { Assessment } from "../plan/assess";
import type {
  Report,
  ReportGroup,
  ReportIndicator,
  ReportPerUnit,
  ReportSeriesPoint,
  ReportUnit,
} from "./types";

/** The scope's count of expected units: its own, or the sum over the roster's roots. */
export function expectedInScope(c: Consolidation, counts: Map<string, number> = c.expected): number {
  const own = counts.get(c.scope.code);
  if (own !== undefined && c.roster.has(c.scope.code)) return own;
  return c.roster.roots().reduce((n, r) => n + (counts.get(r.code) ?? 0), 0);
}

/** Target, status and pace of an assessment, as the report writes them. */
function assessmentFields(
  a: Assessment | undefined,
): Pick<ReportIndicator, "target" | "status" | "pace" | "phaseTotal"> {
  if (!a) return { target: null, status: "no_target" };
  const out: Pick<ReportIndicator, "target" | "status" | "pace" | "phaseTotal"> = {
    target: a.target,
    status: a.status,
  };
  if (a.phaseTotal) out.phaseTotal = { ...a.phaseTotal };
  if (a.pace) {
    out.pace = {
      rule: a.pace.rule,
      perYear: a.pace.perYear,
      fromYear: a.pace.from.year,
      fromValue: a.pace.from.value,
      fromSource: a.pace.from.source,
      change: a.pace.change,
      required: a.pace.required,
      met: a.pace.met,
      crossesStandardBreak: a.pace.crossesStandardBreak,
    };
  }
  return out;
}

/** The JSON report (FORMATS.md §8). Built in a fixed order, so the same inputs give the same bytes. */
export function buildReport(c: Consolidation): Report {
  const codes = summaryIndicatorCodes(c.template);
  return {
    format: "chitieu-report/1",
    template: c.template.id,
    period: c.period.code,
    scope: c.scope,
    units: reportUnits(c),
    indicators: reportIndicators(c, codes),
    perUnit: reportPerUnit(c, codes),
    groups: reportGroups(c, codes),
    issues: c.issues,
    ...(c.history.length > 0 ? { series: reportSeries(c, codes) } : {}),
  };
}

/**
 * (1.1) Each indicator period by period, the history's then this one, oldest first (FORMATS.md §8):
 * the figure, its parts, the target and status under today's plan, the change from the period before.
 */
function reportSeries(c: Consolidation, codes: readonly string[]): ReportSeriesPoint[] {
  const series: ReportSeriesPoint[] = [];
  for (const code of codes) {
    let before: number | null = null;
    const periods = [
      ...c.history.map((e) => ({
        period: e.period.code,
        f: e.figures.get(code),
        a: c.plan.series.get(e.period.code)?.get(code),
      })),
      { period: c.period.code, f: c.scopeFigures.get(code), a: c.plan.scope.get(code) },
    ];
    for (const { period, f, a } of periods) {
      const value = f?.value ?? null;
      const point: ReportSeriesPoint = {
        indicator: code,
        period,
        value,
        numerator: f?.numerator ?? null,
        denominator: f?.denominator ?? null,
        target: a?.target ?? null,
        status: a?.status ?? "no_target",
      };
      if (value !== null && before !== null) point.change = value - before;
      if (a?.line !== undefined) point.trajectory = a.line;
      if (a?.phaseTotal) {
        const { phase, total, expected, required } = a.phaseTotal;
        point.phaseTotal = { phase, total, expected, required };
      }
      series.push(point);
      // The change is from the period just before: across a period with no figure there is none.
      before = value;
    }
  }
  return series;
}

/** Every unit of interest, with its status and where it sits in the roster. */
function reportUnits(c: Consolidation): ReportUnit[] {
  return c.units.map((o) => {
    const r = c.roster.get(o.code);
    const u: ReportUnit = { code: o.code, name: o.name, status: o.status };
    if (o.file) u.file = o.file;
    if (o.files.length > 1) u.files = o.files;
    if (o.sources) u.sources = o.sources;
    if (r?.level) u.level = r.level;
    if (r?.parent) u.parent = r.parent;
    if (r && r.groups.length > 0) u.groups = r.groups;
    if (o.reportDate) u.reportDate = o.reportDate;
    return u;
  });
}

/** The scope's figure of each indicator, with its counts and the plan's judgement. */
function reportIndicators(c: Consolidation, codes: readonly string[]): ReportIndicator[] {
  const expected = expectedInScope(c);
  const expectedBase = expectedInScope(c, c.expectedBase);
  return codes.map((code) => {
    const ind = getIndicator(code);
    const f = c.scopeFigures.get(code);
    return {
      code,
      name: ind.name.vi,
      unit: ind.unit.vi,
      kind: ind.kind,
      value: f?.value ?? null,
      numerator: f?.numerator ?? null,
      denominator: f?.denominator ?? null,
      reporting: f?.reporting ?? 0,
      expected,
      reportingBase: f?.reportingBase ?? 0,
      expectedBase,
      ...assessmentFields(c.plan.scope.get(code)),
      ...(c.plan.unitsReaching.has(code)
        ? { unitsReachingTarget: c.plan.unitsReaching.get(code) as number }
        : {}),
    };
  });
}

/** Each roster unit's figures, in code order: leaves' own, inner units' subtotals with their counts. */
function reportPerUnit(c: Consolidation, codes: readonly string[]): ReportPerUnit[] {
  const perUnit: ReportPerUnit[] = [];
  const rosterCodes = c.roster.units.map((u) => u.code).sort();
  for (const unit of rosterCodes) {
    const figs = c.unitFigures.get(unit);
    if (!figs) continue;
    const inner = c.roster.childrenOf(unit).length > 0;
    for (const code of codes) {
      const f = figs.get(code);
      if (!f) continue;
      const p: ReportPerUnit = {
        unit,
        indicator: code,
        value: f.value,
        numerator: f.numerator,
        denominator: f.denominator,
      };
      Object.assign(p, assessmentFields(c.plan.units.get(unit)?.get(code)));
      if (inner) {
        p.level = c.roster.get(unit)?.level || "subtotal";
        p.reporting = f.reporting;
        p.expected = c.expected.get(unit) ?? 0;
      }
      perUnit.push(p);
    }
  }
  return perUnit;
}

/** The roster groups' figures, by group name then indicator. */
function reportGroups(c: Consolidation, codes: readonly string[]): ReportGroup[] {
  const groups: ReportGroup[] = [];
  for (const [group, figs] of [...c.groupFigures.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const code of codes) {
      const f = figs.get(code);
      if (!f) continue;
      groups.push({
        group,
        indicator: code,
        value: f.value,
        numerator: f.numerator,
        denominator: f.denominator,
        reporting: f.reporting,
        expected: f.expected,
        reportingBase: f.reportingBase,
        expectedBase: f.expectedBase,
      });
    }
  }
  return groups;
}

/** The report as the bytes written: two-space JSON and a final newline. */
export function reportJson(r: Report): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

/** Entries of a long array stringified at once: few enough to bound the text, many enough to be fast. */
const PIECE_ENTRIES = 2048;

/**
 * `reportJson`'s text in pieces, in order (joined, they are that text exactly): a report that lists
 * 300,000 units need never be one string, twice its size in memory, beside its bytes. Each piece is
 * stringified inside a one-key object, so JSON.stringify indents it as it sits in the report.
 */
export function* reportJsonPieces(r: Report): Generator<string> {
  yield "{";
  let first = true;
  for (const [key, value] of Object.entries(r) as [string, unknown][]) {
    if (value === undefined || typeof value === "function") continue;
    const comma = first ? "" : ",";
    first = false;
    if (!Array.isArray(value) || value.length <= PIECE_ENTRIES) {
      // '{\n  "key": value\n}' without its braces.
      yield comma + JSON.stringify({ [key]: value }, null, 2).slice(1, -2);
      continue;
    }
    yield `${comma}\n  ${JSON.stringify(key)}: [`;
    for (let i = 0; i < value.length; i += PIECE_ENTRIES) {
      // '{\n  "key": [' entries '\n  ]\n}': the entries alone, indented as in the report.
      const text = JSON.stringify({ [key]: value.slice(i, i + PIECE_ENTRIES) }, null, 2);
      yield (i > 0 ? "," : "") + text.slice(text.indexOf("[") + 1, -"\n  ]\n}".length);
    }
    yield "\n  ]";
  }
  yield first ? "}\n" : "\n}\n";
}
