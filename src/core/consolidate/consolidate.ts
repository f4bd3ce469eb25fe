import { getIndicator } from "../catalog/indicators";
import { summaryIndicatorCodes, usualDue, type Template } from "../catalog/templates";
import { IssueList, type IssueSink } from "../issues-fold";
import { makeIssue, type Issue } from "../issues";
import type { Period } from "../periods";
import { Roster, type RosterUnit } from "../roster/roster";
import type { CarriedGroup, UnitFigure } from "../submission/unit-figure";
import { aggregate, ratioFigure, type Aggregate, type Contribution } from "./aggregate";
import { acceptSubmissions, decidePeriod, decideTemplate, type Accepted } from "./choose";
import { chooseAmong } from "./duplicates";
import { combinePieces, pieceNotUsed } from "./pieces";
import { findOutliers } from "./outliers";
import { suggestUnits } from "../roster/suggest";
import { applyPlan } from "../plan/apply-plan";
import { chooseHistory } from "../plan/history";
import type {
  Consolidation,
  ConsolidateOptions,
  GroupAggregate,
  ParsedFile,
  ParsedSubmission,
  UnitOutcome,
} from "./types";

export class NoPeriodError extends Error {
  constructor() {
    super("No period: give --period, or submissions that name one");
  }
}

/** The deadline a template fixes for a period (the Front's annual report: before 15/12). */
export const defaultDue = usualDue;

/**
 * Consolidates parsed submissions: decides which one each unit's figures come from, aggregates
 * them up the roster to its top unit with subtotals per level and per group, and names every
 * problem (docs/RULES.md).
 */
export function consolidate(files: ParsedFile[], opts: ConsolidateOptions): Consolidation {
  const template = decideTemplate(files, opts.template);
  const { period, issues: periodIssues } = decidePeriod(files, opts.period);
  if (!period) throw new NoPeriodError();
  const due = opts.due ?? defaultDue(template, period);
  // Folded as they come (FORMATS.md §8): a file of 300,000 unknown units holds fifty issues, not all.
  const issues = new IssueList();
  for (const i of periodIssues) issues.push(i);
  const { accepted, rejected } = acceptSubmissions(files, template, period, opts.roster, issues);

  const roster = opts.roster ?? rosterOfSenders(accepted, opts.official);
  const outcomes = new Map<string, UnitOutcome>();
  const byUnit = sendersByUnit(accepted, opts, outcomes, issues);
  nameRejectedUnits(rejected, byUnit, roster, opts.roster, outcomes);
  const dueFor = (p: Period): string | undefined => opts.due ?? defaultDue(template, p);
  const used = chooseUsed(byUnit, roster, { template, period, due: dueFor }, opts.locale, outcomes, issues);
  nameMissingLeaves(roster, outcomes, issues);

  const codes = summaryIndicatorCodes(template);
  const tree = aggregateTree(roster, used, codes, issues, opts.official);
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
    expectedBase: tree.expectedBase,
    plan: {
      scope: new Map(),
      units: new Map(),
      unitsReaching: new Map(),
      issues: [],
      applied: [],
      series: new Map(),
    },
    history: [],
    issues: [],
  };
  if (opts.history) {
    const chosen = chooseHistory(opts.history.entries, opts.history.issues, scope, period, template);
    result.history = chosen.used;
    issues.addAll(chosen.issues);
  }
  if (opts.plan || result.history.length > 0) {
    result.plan = applyPlan(
      result,
      opts.plan ?? [],
      opts.previous?.figures,
      opts.previous?.year,
      result.history,
    );
  }
  issues.addAll(result.plan.issues);
  issues.addAll(opts.planIssues ?? []);
  result.issues = issues.list();
  return result;
}

/**
 * Accepted submissions by unit, for the roster's units; one from a unit outside the roster is named
 * (`unknown`) and goes no further.
 */
function sendersByUnit(
  accepted: Accepted[],
  opts: ConsolidateOptions,
  outcomes: Map<string, UnitOutcome>,
  issues: IssueList,
): Map<string, Accepted[]> {
  const byUnit = new Map<string, Accepted[]>();
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
  return byUnit;
}

/** A unit whose every submission was rejected is `rejected` (its issues say why). */
function nameRejectedUnits(
  rejected: ParsedSubmission[],
  byUnit: Map<string, Accepted[]>,
  roster: Roster,
  given: Roster | undefined,
  outcomes: Map<string, UnitOutcome>,
): void {
  for (const r of rejected) {
    const unit = r.meta.unit;
    if (!unit) continue;
    const code = given?.has(unit) || !given ? unit : undefined;
    if (!code || byUnit.has(code)) continue;
    const o = outcomeFor(outcomes, code, roster.get(code)?.name ?? r.meta.unitName, "rejected");
    o.files.push(r.raw.file);
    o.file ??= r.raw.file;
  }
}

/**
 * The figures each unit's come from: its submission for the period (none where its duplicates
 * disagree), else the pieces that cover it (FORMATS.md §4a; duplicates settled per piece). Late
 * ones named, each against its own period's deadline unless one was given.
 */
function chooseUsed(
  byUnit: Map<string, Accepted[]>,
  roster: Roster,
  run: { template: Template; period: Period; due: (p: Period) => string | undefined },
  locale: ConsolidateOptions["locale"],
  outcomes: Map<string, UnitOutcome>,
  issues: IssueSink,
): Map<string, Accepted> {
  const { template, period } = run;
  const used = new Map<string, Accepted>();
  for (const [unit, list] of [...byUnit.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const name = roster.get(unit)?.name ?? list[0]?.sub.meta.unitName ?? unit;
    const own = list.filter((a) => !a.sub.meta.period || a.sub.meta.period.code === period.code);
    const pieces = list.filter((a) => !own.includes(a));
    let chosen: Accepted | undefined;
    let sources: Accepted[] = [];
    if (own.length > 0) {
      chosen = chooseAmong(own, template, locale, issues);
      if (chosen) sources = [chosen];
      // Its own report for the period wins; the pieces are named, not read.
      for (const a of pieces) issues.push(pieceNotUsed(a, period));
    } else {
      const combined = fromPieces(pieces, name, template, period, locale, issues);
      chosen = combined?.accepted;
      sources = combined?.sources ?? [];
    }
    const o = outcomeFor(outcomes, unit, name, chosen ? "ok" : "duplicate");
    o.files = list.map((a) => a.sub.raw.file).sort();
    if (!chosen) {
      o.file = o.files[0];
      continue;
    }
    o.file = chosen.sub.raw.file;
    // A CSV may hold several of a unit's pieces: each file once.
    o.sources = [...new Set(sources.map((a) => a.sub.raw.file))];
    if (chosen.sub.meta.reportDate) o.reportDate = chosen.sub.meta.reportDate;
    o.figures = chosen.figures;
    used.set(unit, chosen);
    for (const a of sources) {
      const due = run.due(a.sub.meta.period ?? period);
      if (!due || !a.sub.meta.reportDate || a.sub.meta.reportDate <= due) continue;
      o.status = "late";
      issues.push(lateIssue(a, due));
    }
  }
  return used;
}

/**
 * A unit's figures from its pieces: duplicates settled per period first (a copy of Q2 is still one
 * Q2), then the pieces combined. The rows of pieces not used are not named again, only why.
 */
function fromPieces(
  pieces: Accepted[],
  name: string,
  template: Template,
  period: Period,
  locale: ConsolidateOptions["locale"],
  issues: IssueSink,
): ReturnType<typeof combinePieces> {
  const byPeriod = new Map<string, Accepted[]>();
  for (const a of pieces) {
    const code = (a.sub.meta.period as Period).code;
    byPeriod.set(code, [...(byPeriod.get(code) ?? []), a]);
  }
  const chosen: Accepted[] = [];
  const named = new Map<Accepted, Issue[]>();
  for (const code of [...byPeriod.keys()].sort()) {
    const own: Issue[] = [];
    const one = chooseAmong(byPeriod.get(code) as Accepted[], template, locale, own);
    if (!one) for (const i of own) issues.push(i);
    else {
      chosen.push(one);
      named.set(one, own);
    }
  }
  const combined = combinePieces(chosen, period, template, name, issues);
  for (const a of combined?.used ?? []) for (const i of named.get(a) ?? []) issues.push(i);
  return combined;
}

function lateIssue(a: Accepted, due: string): Issue {
  const date = a.sub.meta.reportDate as string;
  return makeIssue(
    "warning",
    "late",
    {
      vi: `Nộp muộn: ký ngày ${viDate(date)}, hạn ${viDate(due)} (vẫn được tổng hợp)`,
      en: `Late: signed ${date}, due ${due} (still counted)`,
    },
    { ...(a.sub.meta.reportDateAt ?? { file: a.sub.raw.file }), unit: a.unit },
  );
}

/** Leaves that sent nothing usable: `missing`, each named. */
function nameMissingLeaves(roster: Roster, outcomes: Map<string, UnitOutcome>, issues: IssueSink): void {
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
  expectedBase: Map<string, number>;
  /** Units whose own submission entered the figures (nothing below them reported). */
  sources: Map<string, Accepted>;
}

/** The base units (communes) a figure stands for: a commune's own, or what a summary counted. */
function baseReporting(f: UnitFigure): number {
  return f.reportingBase ?? f.reporting ?? 1;
}

/** The base units a submission expected: a commune itself, or what a summary counted. */
function baseExpected(a: Accepted): number {
  return a.summary?.expectedBase ?? a.summary?.expected ?? 1;
}

/**
 * The base units a roster leaf that sent nothing stands for: one, unless the roster lists a province
 * without its communes; then the communes the official list gives it, nothing else saying how many.
 */
function unreportedBase(u: RosterUnit, official: Roster | undefined): number {
  if (u.level !== "tinh" || official?.get(u.code)?.level !== "tinh") return 1;
  return Math.max(1, official.childrenOf(u.code).length);
}

/**
 * What a unit's own figures bring to the units above: each stands for one roster leaf (or, for a
 * summary of an inner unit, as many of the leaves below as it counted, never more than there are)
 * and for the base units it counted. Derived rates (twinned pairs ÷ pairs planned) are made from
 * the two counts reported.
 */
function ownContributions(
  codes: string[],
  figures: Map<string, UnitFigure>,
  leaf: boolean,
  expected: number,
): Map<string, Contribution> {
  const leaves = (base: number): number => (leaf ? 1 : Math.max(1, Math.min(expected, base)));
  const out = new Map<string, Contribution>();
  for (const [code, f] of figures) {
    const base = baseReporting(f);
    out.set(code, {
      figure: { numerator: f.numerator, denominator: f.denominator, value: f.value },
      reporting: leaves(base),
      reportingBase: base,
    });
  }
  for (const code of codes) {
    const d = getIndicator(code).derived;
    if (!d) continue;
    const num = figures.get(d.numerator);
    const den = figures.get(d.denominator);
    if (num?.value == null || den?.value == null || den.value <= 0) continue;
    // Units that reported both counts: at most the fewer of the two.
    const base = Math.min(baseReporting(num), baseReporting(den));
    out.set(code, {
      figure: ratioFigure(num.value, den.value),
      reporting: leaves(base),
      reportingBase: base,
    });
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
  official: Roster | undefined,
): Tree {
  const tree: Tree = {
    figures: new Map(),
    contributions: new Map(),
    expected: new Map(),
    expectedBase: new Map(),
    sources: new Map(),
  };
  const visit = (u: RosterUnit, seen: Set<string>): Map<string, Contribution[]> => {
    const children = roster.childrenOf(u.code).filter((c) => !seen.has(c.code));
    const parts = new Map<string, Contribution[]>();
    let expected = children.length === 0 ? 1 : 0;
    let expectedBase = 0;
    let anyBelow = false;
    for (const child of children) {
      const sub = visit(child, new Set([...seen, child.code]));
      expected += tree.expected.get(child.code) ?? 0;
      expectedBase += tree.expectedBase.get(child.code) ?? 0;
      for (const [code, list] of sub) {
        if (list.length > 0) anyBelow = true;
        // Appended in place: copying the list for every child made a wide roster quadratic.
        const mine = parts.get(code);
        if (!mine) parts.set(code, [...list]);
        else for (const c of list) mine.push(c);
      }
    }
    const own = used.get(u.code);
    if (children.length === 0) expectedBase = own ? baseExpected(own) : unreportedBase(u, official);
    tree.expected.set(u.code, expected);
    tree.expectedBase.set(u.code, expectedBase);
    if (own && !anyBelow) {
      tree.sources.set(u.code, own);
      for (const [code, c] of ownContributions(codes, own.figures, children.length === 0, expected))
        parts.set(code, [c]);
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
      if (f) parts.push({ figure: f, reporting: f.reporting, reportingBase: f.reportingBase });
    }
    if (parts.length > 0) out.set(code, aggregate(getIndicator(code), parts));
  }
  return out;
}

/**
 * Each group's figures: over the roster's members of the group (a member inside another member is
 * counted with it), and over the groups that summaries carried (FORMATS.md §8: a summary's groups
 * reappear at the next level) for the units not already in the group as a whole.
 */
function groupFigures(roster: Roster, tree: Tree, codes: string[]): Consolidation["groupFigures"] {
  const carried = new Map<string, { unit: string; group: CarriedGroup }[]>();
  for (const [unit, a] of tree.sources) {
    for (const [name, group] of a.summary?.groups ?? []) {
      const list = carried.get(name) ?? [];
      list.push({ unit, group });
      carried.set(name, list);
    }
  }
  const out: Consolidation["groupFigures"] = new Map();
  for (const group of [...new Set([...roster.groups(), ...carried.keys()])].sort()) {
    const members = roster.units.filter((u) => u.groups.includes(group));
    const memberCodes = new Set(members.map((u) => u.code));
    const inGroup = (code: string): boolean =>
      memberCodes.has(code) || roster.ancestors(code).some((a) => memberCodes.has(a.code));
    const tops = members.filter((u) => !roster.ancestors(u.code).some((a) => memberCodes.has(a.code)));
    const aboveMembers = new Set(members.flatMap((u) => roster.ancestors(u.code).map((a) => a.code)));
    let expected = 0;
    let expectedBase = 0;
    const parts = new Map<string, Contribution[]>(codes.map((code) => [code, []]));
    for (const u of tops) {
      expected += tree.expected.get(u.code) ?? 0;
      expectedBase += tree.expectedBase.get(u.code) ?? 0;
      for (const code of codes) parts.get(code)!.push(...(tree.contributions.get(u.code)?.get(code) ?? []));
    }
    for (const { unit, group: g } of carried.get(group) ?? []) {
      if (inGroup(unit)) continue;
      const leaf = roster.childrenOf(unit).length === 0;
      const base = g.expectedBase ?? g.expected ?? (leaf ? 1 : 0);
      // The roster's own members below an inner unit are already expected; else the summary says.
      if (leaf) expected += 1;
      else if (!aboveMembers.has(unit)) expected += base;
      if (leaf || !aboveMembers.has(unit)) expectedBase += base;
      const own = ownContributions(codes, g.figures, leaf, tree.expected.get(unit) ?? 0);
      for (const [code, c] of own) parts.get(code)?.push(c);
    }
    const figs = new Map<string, GroupAggregate>();
    for (const code of codes) {
      figs.set(code, { ...aggregate(getIndicator(code), parts.get(code) ?? []), expected, expectedBase });
    }
    out.set(group, figs);
  }
  return out;
}
