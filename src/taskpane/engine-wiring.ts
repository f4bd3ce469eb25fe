import { findTemplate } from "../core/catalog/templates";
import { checkSubmissions } from "../core/consolidate/check";
import { NoPeriodError } from "../core/consolidate/consolidate";
import type { ParsedFile as PipelineParsed } from "../core/consolidate/types";
import { parsePeriod } from "../core/periods";
import { rosterFromGrid } from "../core/roster/roster-grid";
import { extractSubmissions } from "../core/submission/extract";
import { readDate } from "../core/submission/cell-reading";
import { failedParse, fromWire, parseFile, parsedFrom } from "../engine/parse-file";
import {
  consolidateParsed,
  readHistoryFile,
  readPlanFile,
  writtenReportOf,
  type RunContext,
} from "../engine/pipeline";
import { readSourceFile } from "../io/read-file";
import { createXlsxReader } from "../io/xlsx-read";
import { NothingUsable, type Engine, type FileInput } from "./engine";
import { PaneError } from "./i18n";
import { STRINGS } from "./strings";

/*
 * The one file that connects the pane to the engine (src/engine/pipeline.ts): the same code the
 * command line runs. Files arrive as bytes the user chose; nothing leaves the machine.
 */

/**
 * How numbers typed as text are read: Vietnamese (`1.922,9`). The pane's language switch changes the
 * words on screen, never how a commune's figures are read.
 */
const NUMBERS = "vi" as const;

/** A bad input said in the pane's words, in both languages (the pane shows the one chosen). */
function inputError(say: (t: (typeof STRINGS)["vi"]) => string): PaneError {
  return new PaneError(say(STRINGS.vi), say(STRINGS.en));
}

/** The pane's workbook reader when it parses on its own thread: a memo of the parts its files share. */
const xlsx = createXlsxReader();

function rosterOf(file: FileInput): NonNullable<RunContext["roster"]> {
  const bad = (why: { vi: string; en: string }): PaneError =>
    new PaneError(
      STRINGS.vi.consolidate.rosterInvalid(file.path, why.vi),
      STRINGS.en.consolidate.rosterInvalid(file.path, why.en),
    );
  const read = readSourceFile(file.bytes, file.path);
  if (!read.ok) throw bad({ vi: read.issue.message, en: read.issue.messageEn });
  const grid = read.doc.sheets[0];
  const r = grid ? rosterFromGrid(grid) : { error: { vi: "tệp rỗng", en: "the file is empty" } };
  if ("error" in r) throw bad(r.error);
  return r.roster;
}

export const engine: Engine = {
  parseFile: (file) => parseFile(file, { locale: NUMBERS }, xlsx),
  failedFile: (path, why) => failedParse(path, new Error(why)),
  consolidateParsed: (parsed, input) => {
    const ctx: RunContext = { locale: NUMBERS };
    if (input.roster) ctx.roster = rosterOf(input.roster);
    if (input.plan) ctx.plan = readPlanFile(input.plan, NUMBERS);
    if (input.template) {
      const t = findTemplate(input.template);
      if (!t)
        throw new PaneError(`Không có mẫu biểu “${input.template}”.`, `No template “${input.template}”.`);
      ctx.template = t;
    }
    if (input.period) {
      const p = parsePeriod(input.period);
      if (!p) throw inputError((t) => t.consolidate.periodInvalid(input.period ?? ""));
      ctx.period = p;
    }
    // The history ("Kỳ trước"), read as the command line reads --history: a file holding no earlier
    // period of the scope is named in an issue, never a stop.
    if (input.history && input.history.length > 0) {
      const entries = [];
      const issues = [];
      for (const file of input.history) {
        const read = readHistoryFile(file, NUMBERS, xlsx);
        entries.push(...read.entries);
        if (read.issue) issues.push(read.issue);
      }
      ctx.history = { entries, issues };
    }
    if (input.due) {
      const d = readDate({ value: input.due });
      if (d.kind !== "date") throw inputError((t) => t.consolidate.dueInvalid(input.due ?? ""));
      ctx.due = d.iso;
    }
    // Files read in the Web Worker come with their template as an id (parse-worker.ts, toWire).
    const files = (parsed as PipelineParsed[]).map(fromWire);
    let out: ReturnType<typeof consolidateParsed>;
    try {
      out = consolidateParsed(files, ctx);
    } catch (e) {
      // No submission names a period: nothing was readable as a report. Each file says why.
      if (e instanceof NoPeriodError) {
        throw new NothingUsable(
          files.flatMap((f) => [...f.issues, ...f.submissions.flatMap((x) => x.metaIssues)]),
        );
      }
      throw e;
    }
    return {
      report: out.report,
      workbook: out.workbook,
      writtenReport: (lang) => writtenReportOf(out, lang),
    };
  },
  checkSource: (doc, opts) =>
    checkSubmissions([parsedFrom(doc.file, extractSubmissions(doc))], opts.locale).issues,
  checkFile: (file, opts) => checkSubmissions([parseFile(file)], opts.locale).issues,
};
