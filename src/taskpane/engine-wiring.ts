import { findTemplate } from "../core/catalog/templates";
import { checkSubmissions } from "../core/consolidate/check";
import type { ParsedFile as PipelineParsed } from "../core/consolidate/types";
import { parsePeriod } from "../core/periods";
import { rosterFromGrid } from "../core/roster/roster-grid";
import { extractSubmissions } from "../core/submission/extract";
import { readDate } from "../core/submission/cell-reading";
import { failedParse, fromWire, parseFile, parsedFrom } from "../engine/parse-file";
import { consolidateParsed, readPlanFile, writtenReportOf, type RunContext } from "../engine/pipeline";
import { readSourceFile } from "../io/read-file";
import { createXlsxReader } from "../io/xlsx-read";
import type { Engine, FileInput } from "./engine";

/*
 * The one file that connects the pane to the engine (src/engine/pipeline.ts): the same code the
 * command line runs. Files arrive as bytes the user chose; nothing leaves the machine.
 */

class InputError extends Error {}

/**
 * How numbers typed as text are read: Vietnamese (`1.922,9`). The pane's language switch changes the
 * words on screen, never how a commune's figures are read.
 */
const NUMBERS = "vi" as const;

/** The pane's workbook reader when it parses on its own thread: a memo of the parts its files share. */
const xlsx = createXlsxReader();

function rosterOf(file: FileInput): NonNullable<RunContext["roster"]> {
  const read = readSourceFile(file.bytes, file.path);
  if (!read.ok) throw new InputError(`${file.path}: ${read.issue.message} / ${read.issue.messageEn}`);
  const grid = read.doc.sheets[0];
  const r = grid ? rosterFromGrid(grid) : { error: { vi: "tệp rỗng", en: "empty file" } };
  if ("error" in r) throw new InputError(`${file.path}: ${r.error.vi} / ${r.error.en}`);
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
        throw new InputError(`Không có mẫu biểu "${input.template}" / unknown template "${input.template}"`);
      ctx.template = t;
    }
    if (input.period) {
      const p = parsePeriod(input.period);
      if (!p || p.kind === "phase") {
        throw new InputError(`Kỳ báo cáo "${input.period}" không hợp lệ / invalid period "${input.period}"`);
      }
      ctx.period = p;
    }
    if (input.due) {
      const d = readDate({ value: input.due });
      if (d.kind !== "date")
        throw new InputError(`Ngày "${input.due}" không hợp lệ / invalid date "${input.due}"`);
      ctx.due = d.iso;
    }
    // Files read in the Web Worker come with their template as an id (parse-worker.ts, toWire).
    const out = consolidateParsed((parsed as PipelineParsed[]).map(fromWire), ctx);
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
