import { findIndicator } from "../catalog/indicators";
import type { Template } from "../catalog/templates";
import type { Indicator } from "../catalog/types";
import type { Report, ReportIndicator, ReportUnit } from "../json-report/types";
import { parsePeriod, type Period } from "../periods";
import { ownerOf, splitScopeName, type Owner, type ScopeName, type UnitsKind } from "./issuer";
import { phaseSpan, standingOf as standingOfPlan, type Standing } from "../plan/standing";
import { PHRASES, type Phrases } from "./phrases";
import type { FigureFacts } from "./sentences";
import type { ReportLang } from "./types";

/** What the written report is made from: the JSON report, its template, and two dates. */
export interface WrittenReportInput {
  report: Report;
  template: Template;
  lang: ReportLang;
  /** The consolidation's date, ISO: the latest signed date among the reports used. Never the clock. */
  date?: string;
  /** The due date the consolidation judged lateness by, ISO. */
  due?: string;
}

/** One indicator as the report numbers it (1, 2, … across the template's parts) and files it. */
export interface Entry {
  no: number;
  code: string;
  indicator: Indicator;
  row: ReportIndicator;
  facts: FigureFacts;
  standing: Standing;
  /** The template section's key and title (`A`, `Kinh tế`), or the part for derived and other rows. */
  part: { key: string; title: string; optional: boolean };
}

export interface ReportContext {
  input: WrittenReportInput;
  report: Report;
  template: Template;
  lang: ReportLang;
  p: Phrases;
  period: Period;
  scope: ScopeName;
  owner: Owner;
  entries: Entry[];
  /** Units by code (the report's `units[]`). */
  units: Map<string, ReportUnit>;
  /** The roster's units: every unit but those outside it. */
  roster: ReportUnit[];
  unitsKind: UnitsKind;
  /** The earlier period the figures are compared with, when the history gives one. */
  previousPeriod?: Period;
}

/** An indicator the catalog no longer has still reads from what the report says of it. */
function indicatorOf(row: ReportIndicator): Indicator {
  const known = findIndicator(row.code);
  if (known) return known;
  const kind = (["count", "amount", "rate", "score"] as const).find((k) => k === row.kind) ?? "amount";
  const name = { vi: row.name, en: row.name };
  return {
    code: row.code,
    name,
    unit: { vi: row.unit, en: row.unit },
    kind,
    time: "last",
    direction: "none",
    range: { min: 0 },
    integer: false,
    decimals: 2,
    definition: name,
    source: "",
  };
}

/** The standing of a figure (core/plan/standing), and `no_data` where there is no figure. */
export function standingOf(
  status: ReportIndicator["status"],
  target: number | null | undefined,
  value: number | null,
): Standing {
  return value === null ? "no_data" : standingOfPlan(status, target);
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period's last day, ISO: the document's date when no report carries one. */
export function periodEnd(p: Period): string {
  const m = String(p.endMonth).padStart(2, "0");
  return `${p.endYear}-${m}-${String(lastDay(p.endYear, p.endMonth)).padStart(2, "0")}`;
}

const monthIndex = (year: number, month: number): number => year * 12 + month;

/**
 * The history's period to compare with: of the same kind and over before this one starts; the same
 * quarter (or half, or month) a year earlier first, as Vietnamese reports compare (`cùng kỳ`), else
 * the latest.
 */
export function previousPeriodOf(
  report: Report,
  current: Period,
): { period: Period; sameTimeLastYear: boolean } | undefined {
  const seen = new Map<string, Period>();
  for (const s of report.series ?? []) {
    if (seen.has(s.period)) continue;
    const p = parsePeriod(s.period);
    if (p) seen.set(s.period, p);
  }
  const start = monthIndex(current.startYear, current.startMonth);
  const earlier = [...seen.values()].filter(
    (p) => p.kind === current.kind && monthIndex(p.endYear, p.endMonth) < start,
  );
  if (earlier.length === 0) return undefined;
  if (current.kind !== "year" && current.kind !== "phase") {
    const same = earlier.find(
      (p) => p.startYear === current.startYear - 1 && p.startMonth === current.startMonth,
    );
    if (same) return { period: same, sameTimeLastYear: true };
  }
  const latest = earlier.reduce((a, b) =>
    monthIndex(b.endYear, b.endMonth) > monthIndex(a.endYear, a.endMonth) ? b : a,
  );
  return { period: latest, sameTimeLastYear: false };
}

function unitsKindOf(roster: ReportUnit[]): UnitsKind {
  const kinds = new Set(
    roster.map((u) => {
      if (u.level === "xa") return "communes";
      if (u.level === "tinh") return "provinces";
      const w = splitScopeName(u.name).word;
      if (w === "xã" || w === "phường" || w === "đặc khu" || w === "thị trấn") return "communes";
      if (w === "tỉnh" || w === "thành phố") return "provinces";
      return "units";
    }),
  );
  return kinds.size === 1 ? ([...kinds][0] as UnitsKind) : "units";
}

export function makeContext(input: WrittenReportInput): ReportContext {
  const { report, template, lang } = input;
  const p = PHRASES[lang];
  const period = parsePeriod(report.period);
  if (!period) throw new Error(`The report's period "${report.period}" is not a period`);
  const previous = previousPeriodOf(report, period);
  const previousValues = new Map<string, number>();
  if (previous) {
    for (const s of report.series ?? [])
      if (s.period === previous.period.code && s.value !== null) previousValues.set(s.indicator, s.value);
  }
  const label = previous ? p.periodLabel(previous.period, previous.sameTimeLastYear) : "";

  const partOf = new Map<string, Entry["part"]>();
  for (const s of template.sections)
    for (const code of s.indicators)
      partOf.set(code, { key: s.key, title: s.title[lang], optional: !!s.optional });
  const derived = new Set(template.derived ?? []);
  const nextKey = String.fromCharCode("A".charCodeAt(0) + template.sections.length);

  const entries: Entry[] = report.indicators.map((row, i) => {
    const indicator = indicatorOf(row);
    const before = previousValues.get(row.code);
    const facts: FigureFacts = {
      indicator,
      value: row.value,
      numerator: row.numerator,
      denominator: row.denominator,
      reporting: row.reporting,
      expected: row.expected,
      reportingBase: row.reportingBase,
      expectedBase: row.expectedBase,
      target: row.target ?? null,
      status: row.value === null ? "no_data" : (row.status ?? "no_target"),
      ...(row.pace ? { pace: row.pace } : {}),
      ...(row.unitsReachingTarget !== undefined ? { unitsReachingTarget: row.unitsReachingTarget } : {}),
      ...(before !== undefined ? { previous: { label, value: before } } : {}),
      ...(row.phaseTotal
        ? {
            phase: {
              ...phaseSpan(row.phaseTotal.phase, report.period, lang),
              total: row.phaseTotal.total,
              required: row.phaseTotal.required,
            },
          }
        : {}),
    };
    const part = partOf.get(row.code) ?? {
      key: nextKey,
      title: derived.has(row.code) ? p.derivedPart : p.otherPart,
      optional: false,
    };
    return {
      no: i + 1,
      code: row.code,
      indicator,
      row,
      facts,
      standing: standingOf(row.status, row.target, row.value),
      part,
    };
  });

  const usual = usualReporting(entries);
  if (usual !== undefined) for (const e of entries) e.facts.usualReporting = usual;

  const roster = report.units.filter((u) => u.status !== "unknown");
  return {
    input,
    report,
    template,
    lang,
    p,
    period,
    scope: splitScopeName(report.scope.name, report.scope.code),
    owner: ownerOf(template),
    entries,
    units: new Map(report.units.map((u) => [u.code, u])),
    roster,
    unitsKind: unitsKindOf(roster),
    ...(previous && previousValues.size > 0 ? { previousPeriod: previous.period } : {}),
  };
}

/** The count of units most figures rest on (the first, on a tie), when it falls short of those expected. */
export function usualReporting(entries: Entry[]): number | undefined {
  const counts = new Map<number, number>();
  for (const e of entries)
    if (e.row.value !== null) counts.set(e.row.reporting, (counts.get(e.row.reporting) ?? 0) + 1);
  let best: number | undefined;
  for (const [r, n] of counts) if (best === undefined || n > (counts.get(best) as number)) best = r;
  const expected = entries[0]?.row.expected;
  return best !== undefined && expected !== undefined && best < expected ? best : undefined;
}

/** A unit's name for a list: its name, or its code when it has none. */
export function unitName(ctx: ReportContext, code: string): string {
  return ctx.units.get(code)?.name || code;
}
