import type { Report } from "../../src/core/json-report/types";
import type { Figure, Truth } from "../../generator/truth";
import { closeRel, describeIssue, pairIssues, type ReportIssue } from "./province";

/*
 * A JSON report (FORMATS.md §8) against the truth of a generated province, one list of
 * discrepancies per part, so a failing acceptance test says exactly what is wrong and where.
 */

/** Jest's toBeCloseTo(x, 9): |a − b| < 10⁻⁹ / 2. */
function close9(a: number | null | undefined, b: number | null): boolean {
  if (a === null || a === undefined || b === null) return (a ?? null) === b;
  return Math.abs(a - b) < 0.5e-9;
}

interface ReportFigure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reporting: number;
  expected: number;
  reportingBase: number;
  expectedBase: number;
}

function figureProblems(where: string, kind: string, t: Figure, r: ReportFigure | undefined): string[] {
  if (!r) return [`${where}: missing from the report`];
  const out: string[] = [];
  if (!close9(r.value, t.value)) out.push(`${where}: value ${r.value}, expected ${t.value}`);
  if (r.reporting !== t.reporting) out.push(`${where}: reporting ${r.reporting}, expected ${t.reporting}`);
  if (r.expected !== t.expected) out.push(`${where}: expected ${r.expected}, expected ${t.expected}`);
  if (r.reportingBase !== t.reportingBase)
    out.push(`${where}: reportingBase ${r.reportingBase}, expected ${t.reportingBase}`);
  if (r.expectedBase !== t.expectedBase)
    out.push(`${where}: expectedBase ${r.expectedBase}, expected ${t.expectedBase}`);
  // Counts and amounts carry no parts; rates and scores must, so summaries consolidate upward.
  if (kind === "rate" || kind === "score") {
    if (!closeRel(r.numerator, t.numerator))
      out.push(`${where}: numerator ${r.numerator}, expected ${t.numerator}`);
    if (!closeRel(r.denominator, t.denominator))
      out.push(`${where}: denominator ${r.denominator}, expected ${t.denominator}`);
  }
  return out;
}

export function headerProblems(truth: Truth, report: Report): string[] {
  const out: string[] = [];
  if (report.format !== "chitieu-report/1") out.push(`format ${report.format}`);
  if (report.template !== truth.run.template) out.push(`template ${report.template}`);
  if (report.period !== truth.run.period) out.push(`period ${report.period}`);
  if (report.scope?.code !== truth.scope.code) out.push(`scope ${report.scope?.code}`);
  return out;
}

export function indicatorProblems(truth: Truth, report: Report): string[] {
  return truth.indicators.flatMap((t) =>
    figureProblems(
      t.code,
      t.kind,
      t,
      report.indicators.find((r) => r.code === t.code),
    ),
  );
}

export function groupProblems(truth: Truth, report: Report): string[] {
  const kindOf = new Map(truth.indicators.map((i) => [i.code, i.kind]));
  return truth.groups.flatMap((t) =>
    figureProblems(
      `${t.group} ${t.indicator}`,
      kindOf.get(t.indicator) ?? "",
      t,
      report.groups.find((r) => r.group === t.group && r.indicator === t.indicator),
    ),
  );
}

export function perUnitProblems(truth: Truth, report: Report): string[] {
  const out: string[] = [];
  const expected = new Set(truth.perUnit.map((p) => `${p.unit} ${p.indicator}`));
  for (const t of truth.perUnit) {
    const where = `${t.unit} ${t.indicator}`;
    const r = report.perUnit.find((p) => p.unit === t.unit && p.indicator === t.indicator);
    if (!r) {
      out.push(`${where}: missing from perUnit`);
      continue;
    }
    if (!close9(r.value, t.value)) out.push(`${where}: value ${r.value}, expected ${t.value}`);
    if (t.kind === "rate") {
      if (!closeRel(r.numerator, t.numerator))
        out.push(`${where}: numerator ${r.numerator}, expected ${t.numerator}`);
      if (!closeRel(r.denominator, t.denominator))
        out.push(`${where}: denominator ${r.denominator}, expected ${t.denominator}`);
    }
  }
  // A unit's figure that did not enter may be listed, but only without a value.
  for (const r of report.perUnit) {
    if (!expected.has(`${r.unit} ${r.indicator}`) && r.value !== null && r.unit !== truth.scope.code) {
      out.push(`${r.unit} ${r.indicator}: value ${r.value} should not have entered`);
    }
  }
  return out;
}

export function unitProblems(truth: Truth, report: Report): string[] {
  const out: string[] = [];
  for (const t of truth.units) {
    const r = report.units.find((u) => u.code === t.code);
    if (!r) {
      out.push(`${t.code}: missing from units`);
      continue;
    }
    if (r.status !== t.status) out.push(`${t.code}: status ${r.status}, expected ${t.status}`);
    if (t.file !== undefined && r.file !== t.file) out.push(`${t.code}: file ${r.file}, expected ${t.file}`);
  }
  const known = new Set(truth.units.map((u) => u.code));
  for (const r of report.units) {
    if (!known.has(r.code) && r.code !== truth.scope.code)
      out.push(`${r.code}: not expected in units (${r.status})`);
  }
  return out;
}

export function issueProblems(truth: Truth, report: Report): string[] {
  const { missing, unexpected } = pairIssues(truth.issues, report.issues as ReportIssue[]);
  return [
    ...missing.map((e) => `not raised: ${describeIssue(e)}`),
    ...unexpected.map((a) => `raised where nothing was planted: ${describeIssue(a)}`),
  ];
}

/** A report a perfect engine would write for this truth: the comparators' own check. */
export function perfectReport(truth: Truth): Report {
  return {
    format: "chitieu-report/1",
    template: truth.run.template,
    period: truth.run.period,
    scope: truth.scope,
    units: truth.units.map((u) => ({
      code: u.code,
      name: u.name,
      status: u.status,
      ...(u.file ? { file: u.file } : {}),
    })),
    indicators: truth.indicators.map((i) => ({
      code: i.code,
      name: i.code,
      unit: "",
      kind: i.kind,
      value: i.value,
      numerator: i.numerator,
      denominator: i.denominator,
      reporting: i.reporting,
      expected: i.expected,
      reportingBase: i.reportingBase,
      expectedBase: i.expectedBase,
    })),
    perUnit: truth.perUnit.map((p) => ({
      unit: p.unit,
      indicator: p.indicator,
      value: p.value,
      numerator: p.numerator,
      denominator: p.denominator,
    })),
    groups: truth.groups.map((g) => ({ ...g })),
    issues: truth.issues.map((i) => ({ ...i, message: "…", messageEn: "…" })),
  };
}
