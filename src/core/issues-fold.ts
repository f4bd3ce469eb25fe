import { compareIssues, type Issue, type Severity } from "./issues";
import { formatRounded } from "./values/numbers";

/*
 * Issues stay bounded whatever the input (FORMATS.md §8): past FOLD_AFTER issues of one rule in one
 * file, the rest are folded into one issue of that rule whose `count` says how many it stands for.
 * A province that receives another system's national export by mistake gets fifty lines that show
 * what is wrong and one that says how many more there are, not 300,000 lines (and not a run that
 * dies holding them).
 *
 * Which issues stay is decided by the report's own order (file, sheet, position…), never by the
 * order they were found in: the folded list is a function of the issues alone, so the same inputs
 * give the same report, and folding in two steps (a submission's issues where it was read, then the
 * run's) keeps exactly what folding once would.
 */

export const FOLD_AFTER = 50;

/** Where issues go as they are found: an array, or a list that folds them as it goes. */
export interface IssueSink {
  push(issue: Issue): unknown;
  /** Whether an issue would only be counted (see IssueList.folds); a plain array keeps everything. */
  folds?(issue: Issue): boolean;
}

interface Group {
  kept: Issue[];
  /** Issues folded away so far (a fold arriving from an earlier step counts for its `count`). */
  folded: number;
  worst: Severity;
  /** The first of the folded issues, in the report's order: where the fold points. */
  first: Issue | undefined;
  /** Once FOLD_AFTER are kept: the last of them, after which any issue is folded at once. */
  last: Issue | undefined;
}

/** The report's order, then whatever else tells two issues apart, so the choice never hangs on arrival. */
function compareFully(a: Issue, b: Issue): number {
  return (
    compareIssues(a, b) ||
    cmp(a.severity, b.severity) ||
    cmp(a.messageEn, b.messageEn) ||
    cmp(a.reason ?? "", b.reason ?? "") ||
    (a.count ?? 0) - (b.count ?? 0)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Issues gathered with bounded memory: per file and rule, the FOLD_AFTER first in the report's order
 * are kept and the others only counted. Issues without a file (a roster unit that did not report, a
 * plan's figure) are kept whole: there are as many as the roster and the plan have units, which the
 * run holds anyway.
 */
export class IssueList implements IssueSink {
  /** By file, then rule. */
  private readonly groups = new Map<string, Map<string, Group>>();
  private readonly loose: Issue[] = [];

  push(issue: Issue): void {
    if (issue.file === undefined) {
      this.loose.push(issue);
      return;
    }
    let byRule = this.groups.get(issue.file);
    if (!byRule) {
      byRule = new Map();
      this.groups.set(issue.file, byRule);
    }
    let g = byRule.get(issue.rule);
    if (!g) {
      g = { kept: [], folded: 0, worst: "warning", first: undefined, last: undefined };
      byRule.set(issue.rule, g);
    }
    if (issue.count !== undefined) {
      // A fold made earlier (where a submission was read): what it stands for stays folded.
      foldInto(g, issue, issue.count);
      return;
    }
    if (g.last && compareFully(issue, g.last) > 0) {
      foldInto(g, issue, 1);
      return;
    }
    g.kept.push(issue);
    // Trimmed now and then, not at each issue: sorting a few hundred at a time keeps it linear.
    if (g.kept.length >= 4 * FOLD_AFTER) trim(g);
  }

  /**
   * Whether an issue would only be counted: fifty are kept in its file and rule, all before it. Its
   * message need not be written then (`issue` may carry an empty one: the position decides).
   */
  folds(issue: Issue): boolean {
    if (issue.file === undefined) return false;
    const last = this.groups.get(issue.file)?.get(issue.rule)?.last;
    return last !== undefined && compareFully(issue, last) > 0;
  }

  addAll(issues: Iterable<Issue>): void {
    for (const i of issues) this.push(i);
  }

  /** Every issue, folded, in the report's order. */
  list(): Issue[] {
    const out: Issue[] = [...this.loose];
    for (const byRule of this.groups.values()) {
      for (const g of byRule.values()) {
        trim(g);
        for (const i of g.kept) out.push(i);
        if (g.folded > 0) out.push(foldIssue(g));
      }
    }
    return out.sort(compareIssues);
  }
}

function foldInto(g: Group, issue: Issue, count: number): void {
  g.folded += count;
  if (issue.severity === "error") g.worst = "error";
  if (!g.first || compareFully(issue, g.first) < 0) g.first = issue;
}

function trim(g: Group): void {
  if (g.kept.length <= FOLD_AFTER) return;
  g.kept.sort(compareFully);
  for (const i of g.kept.splice(FOLD_AFTER)) foldInto(g, i, 1);
  g.last = g.kept[FOLD_AFTER - 1];
}

/** One issue for the folded ones: their rule, where the first of them is, how many they are. */
function foldIssue(g: Group): Issue {
  const first = g.first as Issue;
  const n = g.folded;
  const whereVi =
    first.line !== undefined
      ? `, từ dòng ${first.line}`
      : first.cell
        ? `, từ ô ${first.cell}${first.sheet ? ` trang ${first.sheet}` : ""}`
        : "";
  const whereEn =
    first.line !== undefined
      ? `, from line ${first.line}`
      : first.cell
        ? `, from cell ${first.cell}${first.sheet ? ` of sheet ${first.sheet}` : ""}`
        : "";
  const issue: Issue = {
    severity: g.worst,
    rule: first.rule,
    message:
      `Còn ${formatRounded(n, "vi")} vấn đề "${first.rule}" khác trong tệp này${whereVi}: ` +
      `mỗi loại vấn đề chỉ được liệt kê riêng ${FOLD_AFTER} trường hợp đầu tiên trong một tệp`,
    messageEn:
      `${formatRounded(n, "en")} more "${first.rule}" issues in this file${whereEn}: ` +
      `only the first ${FOLD_AFTER} of each kind are listed one by one in a file`,
  };
  if (first.file !== undefined) issue.file = first.file;
  if (first.sheet !== undefined) issue.sheet = first.sheet;
  if (first.cell !== undefined) issue.cell = first.cell;
  if (first.line !== undefined) issue.line = first.line;
  issue.count = n;
  return issue;
}

/** The issues of a list, folded (FORMATS.md §8) and in the report's order. */
export function foldIssues(issues: Iterable<Issue>): Issue[] {
  const list = new IssueList();
  list.addAll(issues);
  return list.list();
}

/** How many issues a list stands for, by severity: a fold counts as the issues it stands for. */
export function countIssues(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) {
    const n = i.count !== undefined ? i.count : 1;
    if (i.severity === "error") errors += n;
    else warnings += n;
  }
  return { errors, warnings };
}
