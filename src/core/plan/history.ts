import { findTemplate, type Template } from "../catalog/templates";
import type { SourceDoc } from "../grid";
import { makeIssue, type Issue, type Message } from "../issues";
import { describePeriod, type Period } from "../periods";
import { readPreviousAll } from "./previous";

/*
 * The history (`--history`, FORMATS.md §7): summaries, or submissions, of the run's scope for earlier
 * periods. They give the series (§8 `series[]`), last year's figure for pace rules and the running
 * total of a phase total (§6 `tong_giai_doan`). `--previous` is one more history file.
 */

/** A figure of the scope in an earlier period, with its parts (a rate's numerator and denominator). */
export interface HistoryFigure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** One earlier period of the scope, as one history file gives it. */
export interface HistoryEntry {
  /** The file, as given or found under a folder given. */
  file: string;
  period: Period;
  /** The unit the file is for: a summary's scope, a submission's unit. */
  scope: string;
  /** The template it was made with, when it says. */
  template?: string;
  /** The date it was signed (ISO), when it says: the later of two for one period wins. */
  reportDate?: string;
  /** The scope's figures by indicator. */
  figures: Map<string, HistoryFigure>;
  /** Each unit's figures by indicator (a summary's per-unit table), for the units' own pace rules. */
  units: Map<string, Map<string, number>>;
}

/** A history file read: its entries (a long CSV may hold several periods), or why it holds none. */
export type HistoryRead = { entries: HistoryEntry[] } | { error: Message };

/** Reads one history file: a ChiTieu summary (its `ChiTieu` table and per-unit table) or submissions. */
export function readHistory(doc: SourceDoc, locale: "vi" | "en" = "vi"): HistoryRead {
  const entries: HistoryEntry[] = [];
  for (const read of readPreviousAll(doc, locale)) {
    if ("error" in read) return read;
    entries.push({
      file: doc.file,
      period: read.period,
      scope: read.scope,
      ...(read.template ? { template: read.template } : {}),
      ...(read.reportDate ? { reportDate: read.reportDate } : {}),
      figures: read.scopeFigures,
      units: new Map([...read.figures].filter(([unit]) => unit !== read.scope)),
    });
  }
  return { entries };
}

const monthIndex = (y: number, m: number): number => y * 12 + m - 1;

/** The history files that can be used for a run, oldest first, and an issue for each that cannot. */
export interface HistoryChoice {
  used: HistoryEntry[];
  issues: Issue[];
}

function ignored(
  file: string,
  vi: string,
  en: string,
  reason: string,
  severity: "error" | "warning" = "error",
): Issue {
  return makeIssue(
    severity,
    "history-ignored",
    { vi: `Tệp lịch sử ${file}: ${vi}`, en: `History file ${file}: ${en}` },
    { file, reason },
  );
}

/**
 * Which history files the run uses: those of its scope and template for a period wholly before its
 * own. Another scope, another template, a period that is not earlier: named (error), not used. Two
 * for one period: the later signed one (else the one given later) is used, the other named (warning).
 */
export function chooseHistory(
  entries: readonly HistoryEntry[],
  unreadable: readonly Issue[],
  scope: { code: string; name: string },
  period: Period,
  template: Template,
): HistoryChoice {
  const issues: Issue[] = [...unreadable];
  const byPeriod = new Map<string, HistoryEntry>();
  const runStart = monthIndex(period.startYear, period.startMonth);
  for (const e of entries) {
    if (e.scope !== scope.code) {
      issues.push(
        ignored(
          e.file,
          `là số liệu của đơn vị ${e.scope}, không phải ${scope.code} (${scope.name}) đang tổng hợp: không dùng`,
          `holds the figures of unit ${e.scope}, not of ${scope.code} (${scope.name}) being consolidated: not used`,
          "other-scope",
        ),
      );
      continue;
    }
    const other = e.template ? findTemplate(e.template) : undefined;
    if (other && other.id !== template.id) {
      issues.push(
        ignored(
          e.file,
          `là mẫu biểu ${other.id}, không phải ${template.id}: không dùng`,
          `is of template ${other.id}, not ${template.id}: not used`,
          "other-template",
        ),
      );
      continue;
    }
    if (monthIndex(e.period.endYear, e.period.endMonth) >= runStart) {
      const same = e.period.code === period.code;
      issues.push(
        ignored(
          e.file,
          `là kỳ ${e.period.code} (${describePeriod(e.period, "vi")}), ${same ? "trùng kỳ" : "không trước kỳ"} đang tổng hợp ${period.code}: lịch sử chỉ gồm các kỳ trước; không dùng`,
          `is for ${e.period.code} (${describePeriod(e.period, "en")}), ${same ? "the same period as" : "not before"} the period consolidated, ${period.code}: a history holds earlier periods only; not used`,
          same ? "same-period" : "not-earlier",
        ),
      );
      continue;
    }
    const before = byPeriod.get(e.period.code);
    if (!before) {
      byPeriod.set(e.period.code, e);
      continue;
    }
    // The later signed wins; with no dates to tell, the one given later (a corrected file given after).
    const later = (e.reportDate ?? "") >= (before.reportDate ?? "") ? e : before;
    const dropped = later === e ? before : e;
    byPeriod.set(e.period.code, later);
    issues.push(
      ignored(
        dropped.file,
        `cùng kỳ ${e.period.code} với ${later.file}; dùng ${later.file} (${later.reportDate ? `ký ngày ${later.reportDate}` : "cho sau"})`,
        `same period ${e.period.code} as ${later.file}; ${later.file} is used (${later.reportDate ? `signed ${later.reportDate}` : "given later"})`,
        "duplicate-period",
        "warning",
      ),
    );
  }
  const used = [...byPeriod.values()].sort(
    (a, b) =>
      monthIndex(a.period.startYear, a.period.startMonth) -
        monthIndex(b.period.startYear, b.period.startMonth) ||
      monthIndex(a.period.endYear, a.period.endMonth) - monthIndex(b.period.endYear, b.period.endMonth),
  );
  return { used, issues };
}
