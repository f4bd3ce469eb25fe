import { TEMPLATES, templateIndicatorCodes, type Template } from "../catalog/templates";
import { makeIssue, type Issue } from "../issues";
import { covers, describePeriod, type Period } from "../periods";
import { rosterCode, type Roster } from "../roster/roster";
import type { IssueSink } from "../issues-fold";
import { addMissingIndicators } from "../submission/missing-rows";
import { NO_FIGURES, validateRows } from "../submission/rows";
import type { SummaryCarried, UnitFigure } from "../submission/unit-figure";
import type { ParsedFile, ParsedSubmission } from "./types";

/** A submission that passed the file-level checks; its figures are read once it is chosen. */
export interface Accepted {
  sub: ParsedSubmission;
  unit: string;
  figures: Map<string, UnitFigure>;
  /** Set when the submission is a summary: its counts and groups. */
  summary?: SummaryCarried;
}

/**
 * Reads a submission's rows into `a.figures` and names the issues they raise in `issues`. The caller
 * names them only for the submission it uses: files set aside (unknown unit, an older copy) are named
 * once for why, not again for every row they hold.
 */
export function readFigures(a: Accepted, template: Template, locale: "vi" | "en", issues: IssueSink): void {
  const pre = a.sub.pre;
  if (pre && pre.template === template.id && pre.locale === locale) {
    // Read where the file was parsed; only the unit code may since have been matched to the roster.
    const unit = a.sub.meta.unit;
    for (const i of pre.issues) issues.push(unit === a.unit || i.unit !== unit ? i : { ...i, unit: a.unit });
    addMissingIndicators(issues, pre.missing, a.sub.raw.headerAt, a.unit);
    a.figures = pre.figures;
    if (pre.summary) a.summary = pre.summary;
    return;
  }
  const rows = validateRows(a.sub.raw, template, a.unit, locale);
  for (const i of rows.issues) issues.push(i);
  addMissingIndicators(issues, rows.missing, a.sub.raw.headerAt, a.unit);
  a.figures = rows.figures;
  if (rows.summary) a.summary = rows.summary;
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

/** Latest first: by the month a period ends, then by its code (so a tie is always settled the same way). */
function laterFirst(a: Period, b: Period): number {
  return b.endYear - a.endYear || b.endMonth - a.endMonth || (a.code < b.code ? 1 : a.code > b.code ? -1 : 0);
}

/**
 * The run's period: the one asked for, else the one most submissions name. On a tie the latest is
 * taken, and said so with the periods that tied: a person then knows to give the period.
 */
export function decidePeriod(files: ParsedFile[], asked?: Period): { period?: Period; issues: Issue[] } {
  if (asked) return { period: asked, issues: [] };
  const counts = new Map<string, { period: Period; n: number }>();
  for (const s of files.flatMap((f) => f.submissions)) {
    if (s.rejected || !s.meta.period) continue;
    const c = counts.get(s.meta.period.code);
    if (c) c.n++;
    else counts.set(s.meta.period.code, { period: s.meta.period, n: 1 });
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || laterFirst(a.period, b.period));
  const best = ranked[0];
  if (!best) return { issues: [] };
  const tied = ranked.filter((c) => c.n === best.n);
  if (tied.length === 1) return { period: best.period, issues: [] };
  const oldestFirst = [...tied].reverse();
  const list = (lang: "vi" | "en"): string =>
    oldestFirst
      .map(
        (c) =>
          `${c.period.code} (${c.n} ${lang === "vi" ? "báo cáo" : c.n === 1 ? "submission" : "submissions"})`,
      )
      .join(", ");
  const issue = makeIssue(
    "warning",
    "wrong-period",
    {
      vi: `Chưa chọn kỳ báo cáo, và số báo cáo của các kỳ ngang nhau: ${list("vi")}. Đã tổng hợp kỳ kết thúc muộn nhất, ${describePeriod(best.period)} (${best.period.code}); báo cáo của các kỳ khác bị loại. Muốn tổng hợp kỳ khác, hãy chọn kỳ báo cáo`,
      en: `No period was given, and as many submissions name each of these periods: ${list("en")}. The one ending latest, ${describePeriod(best.period, "en")} (${best.period.code}), was consolidated; the other periods' submissions are rejected. To consolidate another one, give the period`,
    },
    { reason: "period-tie" },
  );
  return { period: best.period, issues: [issue] };
}

function mostCommon(xs: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/**
 * Checks each submission against the run's template and period (the period itself, or a piece of it);
 * its rows are read once it is chosen.
 */
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
        issues.push(wrongTemplate(sub, unit, template));
        rejected.push(sub);
        continue;
      }
      // A piece of the period (a quarter of the year, a year of the phase) is kept: pieces that
      // cover the period make the unit's figures (FORMATS.md §4a).
      if (sub.meta.period && !covers(period, sub.meta.period)) {
        issues.push(
          makeIssue(
            "error",
            "wrong-period",
            {
              vi: `Báo cáo kỳ ${describePeriod(sub.meta.period)} (${sub.meta.period.code}), không phải kỳ ${describePeriod(period)} (${period.code}) cũng không nằm trong kỳ đó: bị loại`,
              en: `The report is for ${describePeriod(sub.meta.period, "en")} (${sub.meta.period.code}), neither ${describePeriod(period, "en")} (${period.code}) nor a part of it: rejected`,
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

/**
 * A submission of another template than the run's, or of one the catalog does not know; a version
 * the catalog lacks (`ktxh-xa@2`) is named with the versions it has, since its rows may mean
 * something else.
 */
export function wrongTemplate(sub: ParsedSubmission, unit: string, run?: Template): Issue {
  const written = sub.meta.templateText;
  const known = sub.meta.templateVersionsKnown;
  const message = known
    ? {
        vi: `Báo cáo theo mẫu "${written}": danh mục không có phiên bản này (chỉ có ${known.join(", ")}), các dòng có thể mang nghĩa khác: bị loại`,
        en: `The report names template "${written}": the catalog has no such version (only ${known.join(", ")}), and its rows may mean something else: rejected`,
      }
    : run
      ? {
          vi: `Báo cáo theo mẫu "${written}", không phải mẫu ${run.id}: bị loại`,
          en: `The report uses template "${written}", not ${run.id}: rejected`,
        }
      : {
          vi: `Mẫu biểu "${written}" không có trong danh mục`,
          en: `Template "${written}" is not in the catalog`,
        };
  return makeIssue("error", "wrong-template", message, {
    ...(sub.meta.templateAt ?? { file: sub.raw.file }),
    unit,
  });
}
