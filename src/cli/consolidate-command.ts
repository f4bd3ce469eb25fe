import { promises as fs } from "node:fs";
import * as path from "node:path";
import { NoPeriodError } from "../core/consolidate/consolidate";
import { reportJson } from "../core/report";
import type { Report } from "../core/report-types";
import { readDate } from "../core/submission/cell-reading";
import { writeAllOrNothing } from "../io/node/files";
import { consolidateParsed, readPlanFile, readPreviousFile, type RunContext } from "../io/pipeline";
import { renderWorkbook } from "../io/xlsx-writer";
import { CliError } from "./errors";
import { collectInputs } from "./inputs";
import { parseAll } from "./parse-parallel";
import { Progress } from "./progress";
import { readRosterFile } from "./roster-file";
import { resolvePeriod, resolveTemplate } from "./template-command";
import { phase } from "./timing";

export interface ConsolidateArgs {
  inputs: string[];
  template?: string;
  period?: string;
  roster?: string;
  /** One or more plan files (the province's, a commune's own…), read as one plan. */
  plan?: string[];
  previous?: string;
  due?: string;
  out?: string;
  json?: string;
  locale?: string;
}

export function resolveLocale(locale: string | undefined): "vi" | "en" {
  if (locale === undefined || locale === "vi") return "vi";
  if (locale === "en") return "en";
  throw new CliError(
    `--locale chỉ nhận vi hoặc en, không phải "${locale}"`,
    `--locale takes vi or en, not "${locale}"`,
  );
}

export function resolveDue(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const d = readDate({ value: text });
  if (d.kind !== "date") {
    throw new CliError(
      `--due "${text}" không phải ngày (dạng 2026-12-15 hoặc 15/12/2026)`,
      `--due "${text}" is not a date (2026-12-15 or 15/12/2026)`,
    );
  }
  return d.iso;
}

async function readInput(file: string, opt: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CliError(
      `Không đọc được tệp ${opt} "${file}" (${code})`,
      `Cannot read the ${opt} file "${file}" (${code})`,
    );
  }
}

export interface ConsolidateResult {
  report: Report;
  written: string[];
}

export async function consolidateCommand(a: ConsolidateArgs): Promise<ConsolidateResult> {
  if (a.inputs.length === 0) {
    throw new CliError(
      "Cần ít nhất một tệp hoặc thư mục báo cáo",
      "Give at least one submission file or folder",
    );
  }
  if (!a.out) throw new CliError("Thiếu --out TỆP.xlsx", "Missing --out FILE.xlsx");
  if (!/\.xlsx$/i.test(a.out))
    throw new CliError(`--out phải là tệp .xlsx: ${a.out}`, `--out must be an .xlsx file: ${a.out}`);
  const ctx: RunContext = { locale: resolveLocale(a.locale) };
  if (a.template) ctx.template = resolveTemplate(a.template);
  if (a.period) ctx.period = resolvePeriod(a.period);
  const due = resolveDue(a.due);
  if (due) ctx.due = due;
  if (a.roster) ctx.roster = await readRosterFile(a.roster);
  if (a.plan && a.plan.length > 0) {
    const reads = [];
    for (const file of a.plan)
      reads.push(readPlanFile({ path: file, bytes: await readInput(file, "--plan") }, ctx.locale));
    ctx.plan = { rows: reads.flatMap((r) => r.rows), issues: reads.flatMap((r) => r.issues) };
  }
  if (a.previous) {
    const prev = readPreviousFile(
      { path: a.previous, bytes: await readInput(a.previous, "--previous") },
      ctx.locale,
    );
    if ("error" in prev) {
      throw new CliError(
        `Tệp --previous ${a.previous}: ${prev.error.vi}`,
        `--previous file ${a.previous}: ${prev.error.en}`,
      );
    }
    ctx.previous = { figures: prev.figures, year: prev.year };
  }

  const outputs = [a.out, ...(a.json ? [a.json] : [])];
  // The run's own files are never submissions, even when they sit in the folder being read.
  const own = [...outputs, ...[a.roster, a.previous, ...(a.plan ?? [])].filter((f): f is string => !!f)];
  phase("options");
  const inputs = await collectInputs(a.inputs, own);
  phase("collect");
  const progress = new Progress(inputs.length, "Đọc báo cáo");
  const parsed = await parseAll(inputs, (n) => progress.update(n));
  progress.done();
  phase("parse");

  const absolute = new Map(inputs.map((f) => [f.path, path.resolve(f.absolute)]));
  const outDir = path.dirname(path.resolve(a.out));
  let run;
  try {
    run = consolidateParsed(
      parsed,
      ctx,
      {
        linkTo: (file) => {
          const abs = absolute.get(file);
          return abs ? path.relative(outDir, abs).split(path.sep).join("/") : undefined;
        },
      },
      phase,
    );
  } catch (e) {
    if (e instanceof NoPeriodError) {
      throw new CliError(
        "Không xác định được kỳ báo cáo: không có báo cáo nào đọc được kỳ; hãy cho --period",
        "No reporting period: no submission names one; give --period",
      );
    }
    throw e;
  }
  const bytes = await renderWorkbook(run.workbook);
  phase("write-xlsx");
  const files = [{ path: a.out, data: bytes }];
  if (a.json) files.push({ path: a.json, data: new TextEncoder().encode(reportJson(run.report)) });
  phase("json");
  await writeAllOrNothing(files);
  phase("save");
  return { report: run.report, written: files.map((f) => f.path) };
}
