import { getIndicator } from "../catalog/indicators";
import { summaryIndicatorCodes, type Template } from "../catalog/templates";
import { IssueList, type IssueSink } from "../issue-fold";
import { makeIssue, type Issue } from "../issues";
import type { Period } from "../periods";
import { Roster, type RosterUnit } from "../roster";
import type { UnitFigure } from "../submission/rows";
import { aggregate, type Aggregate, type Contribution, type Figure } from "./aggregate";
import { acceptSubmissions, decidePeriod, decideTemplate, readFigures, type Accepted } from "./choose";
import { findOutliers } from "./outliers";
import { suggestUnits } from "../suggest";
import { applyPlan } from "../plan/apply-plan";
import type { Consolidation, ConsolidateOptions, ParsedFile, UnitOutcome } from "./types";

export class NoPeriodError extends Error {
  constructor() {
    super("No period: give --period, or submissions that name one");
  }
}

/** The deadline a template fixes for a period (the Front's annual report: before 15/12). */
export function defaultDue(template: Template, period: Period): string | undefined {
  const annual = template.deadline?.annual;
  if (!annual || period.kind !== "year") return undefined;
  return `${period.endYear}-${String(annual.month).padStart(2, "0")}-${String(annual.day).padStart(2, "0")}`;
}

/**
 * Consolidates parsed submissions: decides which one each unit's figures come from, aggregates
 * them up the roster to its top unit with subtotals per level and per group, and names every
 * problem (docs/RULES.md).
 */
export function consolidate(files: ParsedFile[], opts: ConsolidateOptions): Consolidation {
  const template = decideTemplate(files, opts.template);
  const period = decidePeriod(files, opts.period);
  if (!period) throw new NoPeriodError();
  const due = opts.due ?? defaultDue(template, period);
  // Folded as they come (FORMATS.md §8): a file of 300,000 unknown units holds fifty issues, not all.
  const issues = new IssueList();
  const { accepted, rejected } = acceptSubmissions(files, template, period, opts.roster, issues);

  const roster = opts.roster ?? rosterOfSenders(accepted, opts.official);
  const byUnit = new Map<string, Accepted[]>();
  const outcomes = new Map<string, UnitOutcome>();

  for (const a of accepted) {
    if (opts.roster && !opts.roster.has(a.unit)) {
      // Its message (and the codes it may have meant) only when it will be shown: another system's
      // export may name 300,000 units, of which fifty are.
      const at = unknownUnitAt(a);
      issues.push(issues.folds(at) ? at : unknownUnit(a, opts));
      const o = outcomeFor(outcomes, a.unit, a.sub.meta.unitName, "unknown");
      o.files.push(a.sub.raw.file);
      o.file ??= a.sub.raw.file;
      continue;
    }
    const list = byUnit.get(a.unit) ?? [];
    list.push(a);
    byUnit.set(a.unit, list);
  }
  for (const r of rejected) {
    const unit = r.meta.unit;
    if (!unit) continue;
    const code = opts.roster?.has(unit) || !opts.roster ? unit : undefined;
    if (!code || byUnit.has(code)) continue;
    const o = outcomeFor(outcomes, code, roster.get(code)?.name ?? r.meta.unitName, "rejected");
    o.files.push(r.raw.file);
    o.file ??= r.raw.file;
  }

  const used = new Map<string, Accepted>();
  for (const [unit, list] of [...byUnit.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const chosen = chooseAmong(list, issues);
    const name = roster.get(unit)?.name ?? list[0]?.sub.meta.unitName ?? unit;
    const o = outcomeFor(outcomes, unit, name, chosen ? "ok" : "duplicate");
    o.files = list.map((a) => a.sub.raw.file).sort();
    if (!chosen) {
      o.file = o.files[0];
      continue;
    }
    o.file = chosen.sub.raw.file;
    readFigures(chosen, template, opts.locale, issues);
    if (chosen.sub.meta.reportDate) o.reportDate = chosen.sub.meta.reportDate;
    o.figures = chosen.figures;
    used.set(unit, chosen);
    if (due && chosen.sub.meta.reportDate && chosen.sub.meta.reportDate > due) {
      o.status = "late";
      issues.push(
        makeIssue(
          "warning",
          "late",
          {
            vi: `Nộp muộn: ký ngày ${viDate(chosen.sub.meta.reportDate)}, hạn ${viDate(due)} (vẫn được tổng hợp)`,
            en: `Late: signed ${chosen.sub.meta.reportDate}, due ${due} (still counted)`,
          },
          { ...(chosen.sub.meta.reportDateAt ?? { file: chosen.sub.raw.file }), unit },
        ),
      );
    }
  }

  // Leaves that sent nothing usable.
  for (const leaf of roster.leaves()) {
    if (outcomes.has(leaf.code)) continue;
    outcomeFor(outcomes, leaf.code, leaf.name, "missing");
    issues.push(
      makeIssue(
        "warning",
        "missing-submission",
        {
          vi: `${leaf.name} (${leaf.code}) chưa nộp báo cáo`,
          en: `${leaf.name} (${leaf.code}) has not reported`,
        },
        { unit: leaf.code },
      ),
    );
  }

  const codes = summaryIndicatorCodes(template);
  const tree = aggregateTree(roster, used, codes, issues);
  const scope = scopeOf(roster, opts.official);
  const scopeFigures = tree.figures.get(scope.code) ?? combineRoots(roster, tree.figures, codes);
  for (const i of findOutliers(roster, used, codes)) issues.push(i);

  for (const o of outcomes.values()) o.inner = roster.childrenOf(o.code).length > 0;
  const units = [...outcomes.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const result: Consolidation = {
    template,
    period,
    scope,
    ...(due ? { due } : {}),
    roster,
    units,
    scopeFigures,
    unitFigures: tree.figures,
    groupFigures: groupFigures(roster, tree, codes),
    expected: tree.expected,
    plan: { scope: new Map(), units: new Map(), unitsReaching: new Map(), issues: [], applied: [] },
    issues: [],
  };
  if (opts.plan) result.plan = applyPlan(result, opts.plan, opts.previous?.figures, opts.previous?.year);
  issues.addAll(result.plan.issues);
  issues.addAll(opts.planIssues ?? []);
  result.issues = issues.list();
  return result;
}

function viDate(iso: string): string {
  const [y, mo, d] = iso.split("-");
  return `${d}/${mo}/${y}`;
}

function outcomeFor(
  map: Map<string, UnitOutcome>,
  code: string,
  name: string,
  status: UnitOutcome["status"],
): UnitOutcome {
  let o = map.get(code);
  if (!o) {
    o = { code, name, status, files: [], inner: false };
    map.set(code, o);
  }
  return o;
}

/** The `unknown-unit` issue of a submission, where it points, without its message. */
function unknownUnitAt(a: Accepted): Issue {
  return makeIssue(
    "error",
    "unknown-unit",
    { vi: "", en: "" },
    {
      ...(a.sub.meta.unitAt ?? { file: a.sub.raw.file }),
      unit: a.unit,
    },
  );
}

function unknownUnit(a: Accepted, opts: ConsolidateOptions): Issue {
  const official = opts.official?.get(a.unit);
  const hint = official
    ? {
        vi: ` (trong danh mục 2025 là ${official.name}, nhưng không có trong danh sách đơn vị của lần tổng hợp này)`,
        en: ` (${official.name} in the 2025 list, but not in this run's roster)`,
      }
    : nearHint(a, opts);
  return makeIssue(
    "error",
    "unknown-unit",
    {
      vi: `Mã đơn vị "${a.unit}"${a.sub.meta.unitName ? ` (${a.sub.meta.unitName})` : ""} không có trong danh sách đơn vị${hint.vi}: báo cáo không được tổng hợp`,
      en: `Unit code "${a.unit}"${a.sub.meta.unitName ? ` (${a.sub.meta.unitName})` : ""} is not in the roster${hint.en}: the report is not used`,
    },
    { ...(a.sub.meta.unitAt ?? { file: a.sub.raw.file }), unit: a.unit },
  );
}

/** A roster unit of the same name, or one keystroke away from the code: "did you mean…". */
function nearHint(a: Accepted, opts: ConsolidateOptions): { vi: string; en: string } {
  const near = opts.roster ? suggestUnits(opts.roster, a.unit, a.sub.meta.unitName) : [];
  if (near.length === 0) return { vi: "", en: "" };
  const text = near.map((u) => `${u.code} ${u.name}`).join("; ");
  return { vi: ` (có phải ${text}?)`, en: ` (did you mean ${text}?)` };
}

/** Several submissions from one unit: the latest signed one, if the dates tell; else none. */
function chooseAmong(list: Accepted[], issues: IssueSink): Accepted | undefined {
  if (list.length === 1) return list[0];
  const sorted = [...list].sort((a, b) =>
    (a.sub.meta.reportDate ?? "") < (b.sub.meta.reportDate ?? "") ? 1 : -1,
  );
  const [latest, second] = sorted as [Accepted, Accepted];
  const decided =
    list.every((a) => a.sub.meta.reportDate) &&
    (latest.sub.meta.reportDate ?? "") > (second.sub.meta.reportDate ?? "");
  if (decided) {
    for (const other of sorted.slice(1)) {
      issues.push(
        makeIssue(
          "warning",
          "duplicate-submission",
          {
            vi: `Đơn vị ${other.unit} nộp ${list.length} báo cáo; bản ký ngày ${viDate(other.sub.meta.reportDate ?? "")} không dùng, dùng bản mới hơn ${latest.sub.raw.file} (${viDate(latest.sub.meta.reportDate ?? "")})`,
            en: `Unit ${other.unit} sent ${list.length} reports; the one signed ${other.sub.meta.reportDate} is not used, the newer ${latest.sub.raw.file} (${latest.sub.meta.reportDate}) is`,
          },
          { ...(other.sub.meta.reportDateAt ?? { file: other.sub.raw.file }), unit: other.unit },
        ),
      );
    }
    return latest;
  }
  for (const a of list) {
    issues.push(
      makeIssue(
        "error",
        "duplicate-submission",
        {
          vi: `Đơn vị ${a.unit} nộp ${list.length} báo cáo cho cùng kỳ mà ngày báo cáo không phân biệt được bản nào mới hơn: không bản nào được tổng hợp`,
          en: `Unit ${a.unit} sent ${list.length} reports for the same period and their report dates do not tell which is newer: none is used`,
        },
        { file: a.sub.raw.file, ...(a.sub.meta.reportDateAt ?? {}), unit: a.unit },
      ),
    );
  }
  return undefined;
}

/** Without a roster: the units that sent something, under their common parent if the official list knows one. */
function rosterOfSenders(accepted: Accepted[], official: Roster | undefined): Roster {
  const first = new Map<string, Accepted>();
  for (const a of accepted) if (!first.has(a.unit)) first.set(a.unit, a);
  const codes = [...first.keys()].sort();
  const parents = new Set(codes.map((c) => official?.get(c)?.parent ?? ""));
  const parentCode = parents.size === 1 ? ([...parents][0] as string) : "";
  const parent = parentCode ? official?.get(parentCode) : undefined;
  const units: RosterUnit[] = parent ? [{ ...parent, parent: "", groups: [] }] : [];
  for (const code of codes) {
    const a = first.get(code) as Accepted;
    units.push({
      code,
      name: official?.get(code)?.name ?? (a.sub.meta.unitName || code),
      level: official?.get(code)?.level ?? "",
      parent: parent ? parent.code : "",
      groups: [],
    });
  }
  return new Roster(units);
}

/** The top unit: the roster's one root; roots sharing a parent outside the roster: that parent. */
function scopeOf(roster: Roster, official: Roster | undefined): { code: string; name: string } {
  const roots = roster.roots();
  if (roots.length === 1) return { code: roots[0]!.code, name: roots[0]!.name };
  const parents = new Set(roots.map((r) => r.parent));
  if (parents.size === 1 && [...parents][0]) {
    const code = [...parents][0] as string;
    return { code, name: official?.get(code)?.name ?? code };
  }
  return { code: "", name: "Tổng hợp" };
}

interface Tree {
  figures: Map<string, Map<string, Aggregate>>;
  contributions: Map<string, Map<string, Contribution[]>>;
  expected: Map<string, number>;
}

function figureOf(f: UnitFigure): Figure {
  return { numerator: f.numerator, denominator: f.denominator, value: f.value };
}

/** Twinned pairs ÷ pairs planned, made for each unit from the two counts it reported. */
function withDerived(codes: string[], figures: Map<string, UnitFigure>): Map<string, Figure> {
  const out = new Map<string, Figure>();
  for (const [code, f] of figures) out.set(code, figureOf(f));
  for (const code of codes) {
    const d = getIndicator(code).derived;
    if (!d) continue;
    const num = figures.get(d.numerator)?.value;
    const den = figures.get(d.denominator)?.value;
    if (num != null && den != null && den > 0)
      out.set(code, { numerator: num, denominator: den, value: (100 * num) / den });
  }
  return out;
}

/**
 * Bottom-up over the roster: a unit's figure is its own submission when nothing below it reported,
 * else the aggregate of its children (its own summary is then set aside, and said so).
 */
function aggregateTree(
  roster: Roster,
  used: Map<string, Accepted>,
  codes: string[],
  issues: IssueSink,
): Tree {
  const tree: Tree = { figures: new Map(), contributions: new Map(), expected: new Map() };
  const visit = (u: RosterUnit, seen: Set<string>): Map<string, Contribution[]> => {
    const children = roster.childrenOf(u.code).filter((c) => !seen.has(c.code));
    const parts = new Map<string, Contribution[]>();
    let expected = children.length === 0 ? 1 : 0;
    let anyBelow = false;
    for (const child of children) {
      const sub = visit(child, new Set([...seen, child.code]));
      expected += tree.expected.get(child.code) ?? 0;
      for (const [code, list] of sub) {
        if (list.length > 0) anyBelow = true;
        // Appended in place: copying the list for every child made a wide roster quadratic.
        const mine = parts.get(code);
        if (!mine) parts.set(code, [...list]);
        else for (const c of list) mine.push(c);
      }
    }
    tree.expected.set(u.code, expected);
    const own = used.get(u.code);
    if (own && !anyBelow) {
      const reporting = children.length === 0 ? 1 : Math.max(1, Math.min(expected, ownReporting(own) ?? 1));
      for (const [code, fig] of withDerived(codes, own.figures))
        parts.set(code, [{ figure: fig, reporting }]);
    } else if (own && anyBelow) {
      issues.push(
        makeIssue(
          "warning",
          "duplicate-submission",
          {
            vi: `Báo cáo tổng hợp của ${u.name} (${u.code}) không dùng vì đã có số liệu của các đơn vị cấp dưới`,
            en: `The summary of ${u.name} (${u.code}) is not used: its units' own figures are`,
          },
          { file: own.sub.raw.file, unit: u.code },
        ),
      );
    }
    const figs = new Map<string, Aggregate>();
    for (const code of codes) {
      const list = parts.get(code) ?? [];
      if (list.length > 0) figs.set(code, aggregate(getIndicator(code), list));
    }
    tree.figures.set(u.code, figs);
    tree.contributions.set(u.code, parts);
    return parts;
  };
  for (const root of roster.roots()) visit(root, new Set([root.code]));
  return tree;
}

function ownReporting(a: Accepted): number | undefined {
  for (const f of a.figures.values()) if (f.reporting !== undefined) return f.reporting;
  return undefined;
}

/** Several roots (no top unit in the roster): their union. */
function combineRoots(
  roster: Roster,
  figures: Map<string, Map<string, Aggregate>>,
  codes: string[],
): Map<string, Aggregate> {
  const out = new Map<string, Aggregate>();
  const roots = roster.roots();
  for (const code of codes) {
    const parts: Contribution[] = [];
    for (const r of roots) {
      const f = figures.get(r.code)?.get(code);
      if (f) parts.push({ figure: f, reporting: f.reporting });
    }
    if (parts.length > 0) out.set(code, aggregate(getIndicator(code), parts));
  }
  return out;
}

function groupFigures(roster: Roster, tree: Tree, codes: string[]): Consolidation["groupFigures"] {
  const out: Consolidation["groupFigures"] = new Map();
  for (const group of roster.groups()) {
    const members = roster.units.filter((u) => u.groups.includes(group));
    const memberCodes = new Set(members.map((u) => u.code));
    // A member inside another member is already counted with it.
    const tops = members.filter((u) => !roster.ancestors(u.code).some((a) => memberCodes.has(a.code)));
    const expected = tops.reduce((n, u) => n + (tree.expected.get(u.code) ?? 0), 0);
    const figs = new Map<string, Aggregate & { expected: number }>();
    for (const code of codes) {
      const parts = tops.flatMap((u) => tree.contributions.get(u.code)?.get(code) ?? []);
      figs.set(code, { ...aggregate(getIndicator(code), parts), expected });
    }
    out.set(group, figs);
  }
  return out;
}
