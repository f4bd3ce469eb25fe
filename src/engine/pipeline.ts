import type { Template } from "../core/catalog/templates";
import { consolidate } from "../core/consolidate/consolidate";
import type { Consolidation, ConsolidateOptions, ParsedFile } from "../core/consolidate/types";
import { summaryWorkbook, type SummaryOptions } from "../core/layout/summary";
import type { WorkbookLayout } from "../core/layout/types";
import type { Period } from "../core/periods";
import { buildReport } from "../core/json-report/build";
import type { Report } from "../core/json-report/types";
import type { Roster } from "../core/roster/roster";
import type { PreviousFigures } from "../core/plan/types";
import { readPlan, type PlanRead } from "../core/plan/read-plan";
import { readHistory, type HistoryEntry, type HistoryRead } from "../core/plan/history";
import { makeIssue, type Issue, type Message } from "../core/issues";
import { officialUnits } from "./official-units";
import { readSourceFile } from "../io/read-file";
import type { XlsxReader } from "../io/xlsx-read";
import { buildWrittenReport, type WrittenReport } from "../core/written-report";
import type { InputFile } from "./parse-file";

/*
 * The engine end to end, the same in the CLI, the task pane and a plain browser:
 * bytes → grids → submissions (parseFile, the slow part, run on worker threads or a Web Worker)
 * → consolidation → report and summary layout (consolidateParsed, on the main thread).
 */

export { parseFile, type InputFile } from "./parse-file";

export interface RunContext {
  template?: Template;
  period?: Period;
  roster?: Roster;
  due?: string;
  locale?: "vi" | "en";
  /** The plan's rows and the problems found reading it. */
  plan?: PlanRead;
  /** Last period's figures, for pace rules. */
  previous?: { figures: PreviousFigures; year: number };
  /** (1.1) The history: earlier periods of the scope, and the files that could not be read as such. */
  history?: { entries: HistoryEntry[]; issues: Issue[] };
}

/**
 * Reads a plan file (CSV, or a workbook with a `KeHoach` table); an unreadable one is an issue.
 * `xlsx` is the caller's workbook reader (a platform's codec), else one for this file alone.
 */
export function readPlanFile(input: InputFile, locale: "vi" | "en" = "vi", xlsx?: XlsxReader): PlanRead {
  const read = readSourceFile(input.bytes, input.path, xlsx);
  if (!read.ok) return { rows: [], issues: [{ ...read.issue, rule: "invalid-plan" }] };
  return readPlan(read.doc, locale);
}

/**
 * Reads one history file (`--history`, `--previous`): a summary or submissions of the scope. A file
 * that holds none is one `history-ignored` issue naming it, never an exception.
 */
export function readHistoryFile(
  input: InputFile,
  locale: "vi" | "en" = "vi",
  xlsx?: XlsxReader,
): { entries: HistoryEntry[]; issue?: Issue; error?: Message } {
  const read = readSourceFile(input.bytes, input.path, xlsx);
  const r: HistoryRead = read.ok
    ? readHistory(read.doc, locale)
    : { error: { vi: read.issue.message, en: read.issue.messageEn } };
  if ("entries" in r) return { entries: r.entries };
  const issue = makeIssue(
    "error",
    "history-ignored",
    {
      vi: `Tệp lịch sử ${input.path}: ${r.error.vi}; không dùng`,
      en: `History file ${input.path}: ${r.error.en}; not used`,
    },
    { file: input.path, reason: "unreadable" },
  );
  return { entries: [], issue, error: r.error };
}

export interface RunOutput {
  consolidation: Consolidation;
  report: Report;
  workbook: WorkbookLayout;
  /** The latest signed date among the reports used: the summary's date, and the written report's. */
  reportDate?: string;
}

/**
 * The written report (FORMATS.md §9) of a run, in Vietnamese or English: dated by the run's own
 * report date, lateness judged by its due date.
 */
export function writtenReportOf(run: RunOutput, lang: "vi" | "en"): WrittenReport {
  return buildWrittenReport({
    report: run.report,
    template: run.consolidation.template,
    lang,
    ...(run.reportDate ? { date: run.reportDate } : {}),
    ...(run.consolidation.due ? { due: run.consolidation.due } : {}),
  });
}

/**
 * Consolidates parsed files into the report and the summary workbook's layout. `phase` is told
 * when each step ends ("consolidate", "report", "layout"), for timings.
 */
export function consolidateParsed(
  parsed: ParsedFile[],
  ctx: RunContext,
  summary: SummaryOptions = {},
  phase: (name: string) => void = () => {},
): RunOutput {
  const opts: ConsolidateOptions = { locale: ctx.locale ?? "vi", official: officialUnits() };
  if (ctx.template) opts.template = ctx.template;
  if (ctx.period) opts.period = ctx.period;
  if (ctx.roster) opts.roster = ctx.roster;
  if (ctx.due) opts.due = ctx.due;
  if (ctx.plan) {
    opts.plan = ctx.plan.rows;
    opts.planIssues = ctx.plan.issues;
  }
  if (ctx.previous) opts.previous = ctx.previous;
  if (ctx.history) opts.history = ctx.history;
  // Files in a fixed order: the report must not depend on the order the disk or the user gave them.
  const sorted = [...parsed].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const consolidation = consolidate(sorted, opts);
  phase("consolidate");
  const report = buildReport(consolidation);
  phase("report");
  const reportDate = consolidation.units
    .filter((u) => u.figures && u.reportDate)
    .map((u) => u.reportDate as string)
    .sort()
    .pop();
  const names = new Map(consolidation.roster.units.map((u) => [u.code, u.name]));
  const workbook = summaryWorkbook(report, consolidation.template, {
    ...summary,
    ...(reportDate ? { reportDate } : {}),
    unitNames: names,
    plan: consolidation.plan.applied,
  });
  phase("layout");
  return { consolidation, report, workbook, ...(reportDate ? { reportDate } : {}) };
}
