import { findIndicator } from "../catalog/indicators";
import type { IssueSink } from "../issues-fold";
import type { Issue, Message, Origin } from "../issues";
import { m } from "./row-context";

/* Required indicators a submission has no row for: kept as codes, named as issues when it is used. */

/** One array for each set of missing rows seen recently: a long CSV's units often lack the same ones. */
const MISSING_SETS = new Map<string, string[]>();

export function sharedMissing(missing: string[]): string[] {
  const key = missing.join(",");
  const have = MISSING_SETS.get(key);
  if (have) return have;
  if (MISSING_SETS.size >= 1024) MISSING_SETS.clear();
  MISSING_SETS.set(key, missing);
  return missing;
}

/** The messages of a missing row, made once per indicator: every unit short of it shares them. */
const MISSING_TEXT = new Map<string, Message>();

/** A `missing-indicator` warning for each code, pointed at the header (`headerAt`). */
export function missingIndicatorIssues(missing: readonly string[], headerAt: Origin, unit?: string): Issue[] {
  return missing.map((code) => {
    let text = MISSING_TEXT.get(code);
    if (!text) {
      text = m(
        `Thiếu dòng chỉ tiêu ${code} (${findIndicator(code)?.name.vi ?? ""})`,
        `No row for indicator ${code} (${findIndicator(code)?.name.en ?? ""})`,
      );
      MISSING_TEXT.set(code, text);
    }
    // Built directly (no spread of the origin): a run may name millions before folding them.
    const issue: Issue = {
      severity: "warning",
      rule: "missing-indicator",
      message: text.vi,
      messageEn: text.en,
    };
    if (unit !== undefined) issue.unit = unit;
    issue.indicator = code;
    if (headerAt.file !== undefined) issue.file = headerAt.file;
    if (headerAt.sheet !== undefined) issue.sheet = headerAt.sheet;
    if (headerAt.cell !== undefined) issue.cell = headerAt.cell;
    if (headerAt.line !== undefined) issue.line = headerAt.line;
    return issue;
  });
}

/**
 * Names a submission's missing rows in `issues`. When the list already folds them all (their unit's
 * first is past what it keeps), they are handed over as one count, and no issue is made for each:
 * 300,000 units short of twenty rows are six million issues otherwise, for fifty to be shown.
 */
export function addMissingIndicators(
  issues: IssueSink,
  missing: readonly string[],
  headerAt: Origin,
  unit?: string,
): void {
  if (missing.length === 0) return;
  if (issues.folds) {
    // The unit's first missing row in the report's order; the others come after it.
    const first = missingIndicatorIssues([[...missing].sort()[0] as string], headerAt, unit)[0] as Issue;
    if (issues.folds(first)) {
      issues.push({ ...first, count: missing.length });
      return;
    }
  }
  for (const i of missingIndicatorIssues(missing, headerAt, unit)) issues.push(i);
}
