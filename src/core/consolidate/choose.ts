import { TEMPLATES, templateIndicatorCodes, type Template } from "../catalog/templates";
import { makeIssue } from "../issues";
import { describePeriod, parsePeriod, type Period } from "../periods";
import { rosterCode, type Roster } from "../roster";
import type { IssueSink } from "../issue-fold";
import { addMissingIndicators, NO_FIGURES, validateRows, type UnitFigure } from "../submission/rows";
import type { ParsedFile, ParsedSubmission } from "./types";

/** A submission that passed the file-level checks; its figures are read once it is chosen. */
export interface Accepted {
  sub: ParsedSubmission;
  unit: string;
  figures: Map<string, UnitFigure>;
}

/**
 * Reads the rows of the submission that will be used. Files set aside (unknown unit, an older copy)
 * are named once for why, not again for every row they hold.
 */
export function readFigures(a: Accepted, template: Template, locale: "vi" | "en", issues: IssueSink): void {
  const pre = a.sub.pre;
  if (pre && pre.template === template.id && pre.locale === locale) {
    // Read where the file was parsed; only the unit code may since have been matched to the roster.
    const unit = a.sub.meta.unit;
    for (const i of pre.issues) issues.push(unit === a.unit || i.unit !== unit ? i : { ...i, unit: a.unit });
    addMissingIndicators(issues, pre.missing, a.sub.raw.headerAt, a.unit);
    a.figures = pre.figures;
    return;
  }
  const rows = validateRows(a.sub.raw, template, a.unit, locale);
  for (const i of rows.issues) issues.push(i);
  addMissingIndicators(issues, rows.missing, a.sub.raw.headerAt, a.unit);
  a.figures = rows.figures;
}

/**
 * The run's template: the one asked for, else the one most submissions name, else the one whose
 * indicator codes the rows match best (a hand-rebuilt sheet may name none).
 */
export function decideTemplate(files: ParsedFile[], asked?: Template): Template {
  if (asked) return asked;
  const subs = files.flatMap((f) => f.submissions).filter((s) => !s.rejected);
  const named = mostCommon(subs.map((s) => s.meta.template?.id).filter((x): x is string => !!x));
  const byName = TEMPLATES.find((t) => t.id === named);
  if (byName) return byName;
  const codes = new Set(subs.flatMap((s) => s.raw.rows.map((r) => r.code.toUpperCase())));
  let best = TEMPLATES[0] as Template;
  let bestScore = -1;
  for (const t of TEMPLATES) {
    const score = templateIndicatorCodes(t).filter((c) => codes.has(c)).length;
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}

/** The run's period: the one asked for, else the most common (the latest on a tie). */
export function decidePeriod(files: ParsedFile[], asked?: Period): Period | undefined {
  if (asked) return asked;
  const counts = new Map<string, number>();
  for (const s of files.flatMap((f) => f.submissions)) {
    if (!s.rejected && s.meta.period)
      counts.set(s.meta.period.code, (counts.get(s.meta.period.code) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0];
  return best ? parsePeriod(best[0]) : undefined;
}

function mostCommon(xs: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/** Checks each submission against the run's template and period; its rows are read once it is chosen. */
export function acceptSubmissions(
  files: ParsedFile[],
  template: Template,
  period: Period,
  roster: Roster | undefined,
  issues: IssueSink,
): { accepted: Accepted[]; rejected: ParsedSubmission[] } {
  const accepted: Accepted[] = [];
  const rejected: ParsedSubmission[] = [];
  for (const f of files) {
    for (const i of f.issues) issues.push(i);
    for (const sub of f.submissions) {
      for (const i of sub.metaIssues) issues.push(i);
      const unit = sub.meta.unit ? rosterCode(sub.meta.unit, roster) : undefined;
      if (sub.rejected || !unit) {
        rejected.push(sub);
        continue;
      }
      const named = sub.meta.template;
      if ((named && named.id !== template.id) || (!named && sub.meta.templateText)) {
        issues.push(
          makeIssue(
            "error",
            "wrong-template",
            {
              vi: `Báo cáo theo mẫu "${sub.meta.templateText}", không phải mẫu ${template.id}: bị loại`,
              en: `The report uses template "${sub.meta.templateText}", not ${template.id}: rejected`,
            },
            { ...(sub.meta.templateAt ?? { file: sub.raw.file }), unit },
          ),
        );
        rejected.push(sub);
        continue;
      }
      if (sub.meta.period && sub.meta.period.code !== period.code) {
        issues.push(
          makeIssue(
            "error",
            "wrong-period",
            {
              vi: `Báo cáo kỳ ${describePeriod(sub.meta.period)} (${sub.meta.period.code}), không phải kỳ ${describePeriod(period)} (${period.code}): bị loại`,
              en: `The report is for ${describePeriod(sub.meta.period, "en")} (${sub.meta.period.code}), not ${describePeriod(period, "en")} (${period.code}): rejected`,
            },
            { ...(sub.meta.periodAt ?? { file: sub.raw.file }), unit },
          ),
        );
        rejected.push(sub);
        continue;
      }
      // Not read yet: one shared empty map, not one per submission.
      accepted.push({ sub, unit, figures: NO_FIGURES as Map<string, UnitFigure> });
    }
  }
  return { accepted, rejected };
}
