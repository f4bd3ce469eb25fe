import { promises as fs } from "node:fs";
import * as path from "node:path";
import { NoPeriodError } from "../core/consolidate/consolidate";
import type { ParsedFile } from "../core/consolidate/types";
import { reportJsonPieces } from "../core/json-report/build";
import type { Report } from "../core/json-report/types";
import type { Issue } from "../core/issues";
import type { HistoryEntry } from "../core/plan/history";
import { utf8Pieces, writeAllOrNothing, type FileData } from "../io/node/files";
import {
  consolidateParsed,
  readPlanFile,
  readHistoryFile,
  writtenReportOf,
  type RunContext,
} from "../engine/pipeline";
import { writeLayoutXlsxNodeAsync } from "../io/node/xlsx-write";
import { nodeZipCodec } from "../io/node/zip-codec";
import { createXlsxReader, type XlsxReader } from "../io/xlsx-read";
import { SUMMARY_SHEETS } from "../core/layout/summary";
import { CliError } from "./errors";
import { collectInputs, FileSet, type FoundInput } from "./inputs";
import { parseAll } from "./parse-parallel";
import { Progress } from "./progress";
import { readRosterFile } from "./roster-file";
import { resolveDue, resolvePeriod, resolveTemplate } from "./template-command";
import { phase } from "./timing";

export interface ConsolidateArgs {
  inputs: string[];
  template?: string;
  period?: string;
  roster?: string;
  /** One or more plan files (the province's, a commune's own…), read as one plan. */
  plan?: string[];
  previous?: string;
  /** (1.1) Earlier summaries (or submissions) of the scope: files and folders. */
  history?: string[];
  due?: string;
  out?: string;
  json?: string;
  locale?: string;
  /** The written report (.docx, FORMATS.md §9), and its language. */
  report?: string;
  lang?: string;
}

export function resolveLocale(locale: string | undefined): "vi" | "en" {
  if (locale === undefined || locale === "vi") return "vi";
  if (locale === "en") return "en";
  throw new CliError(
    `--locale chỉ nhận vi hoặc en, không phải "${locale}"`,
    `--locale takes vi or en, not "${locale}"`,
  );
}

/** The written report's language: Vietnamese unless `--lang en`. */
export function resolveLang(lang: string | undefined, report: string | undefined): "vi" | "en" {
  if (lang !== undefined && !report) {
    throw new CliError(
      "--lang là ngôn ngữ của báo cáo viết: dùng cùng --report TỆP.docx",
      "--lang is the written report's language: give it with --report FILE.docx",
    );
  }
  if (lang === undefined || lang === "vi") return "vi";
  if (lang === "en") return "en";
  throw new CliError(
    `--lang chỉ nhận vi hoặc en, không phải "${lang}"`,
    `--lang takes vi or en, not "${lang}"`,
  );
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

/**
 * The link from the summary, written in `outDir`, to an input file: a relative path with `/`, as the
 * workbook writer takes it (it percent-encodes it with encodeURI and may append `#'sheet'!cell`).
 * A file name is a user's text: the link must lead to that very file and nowhere else. So
 * - a name with `#` or `?` gets no link (encodeURI keeps them, and they would start the cell or a
 *   query: `bao cao #2.csv` would link to `bao cao `), nor one with `\`, which the writer and Excel
 *   take for a folder separator (`x\..\..\a.csv`, a legal name on Linux, would lead two folders up);
 * - a first segment with `:` (`http:x.csv`, `javascript:…`, `C:x.csv`) is written `./http:x.csv`, so
 *   it cannot read as a scheme or a drive;
 * - a file on another drive (no relative path exists) gets no link.
 * The file is still named in the cell; only the link is left out.
 */
export function fileLink(outDir: string, abs: string): string | undefined {
  const rel = path.relative(outDir, abs);
  if (rel === "" || path.isAbsolute(rel)) return undefined;
  const segments = rel.split(path.sep);
  if (segments.some((s) => /[#?\\]/.test(s))) return undefined;
  const link = segments.join("/");
  return segments[0]!.includes(":") ? `./${link}` : link;
}

/** The outputs must not land on each other, nor on the roster, plan or previous summary the run reads. */
function refuseOverwritingInputs(a: ConsolidateArgs): void {
  const same = (x: string, y: string): boolean => path.resolve(x) === path.resolve(y);
  if (a.out && a.json && same(a.out, a.json)) {
    throw new CliError(`--out và --json cùng là ${a.json}`, `--out and --json are the same file: ${a.json}`);
  }
  for (const [opt, other] of [
    ["--out", a.out],
    ["--json", a.json],
  ] as const) {
    if (a.report && other && same(a.report, other)) {
      throw new CliError(
        `--report và ${opt} cùng là ${a.report}`,
        `--report and ${opt} are the same file: ${a.report}`,
      );
    }
  }
  const read: [string, string | undefined][] = [
    ["--roster", a.roster],
    ["--previous", a.previous],
    ...(a.history ?? []).map((h): [string, string] => ["--history", h]),
    ...(a.plan ?? []).map((p): [string, string] => ["--plan", p]),
  ];
  for (const out of [a.out, a.json, a.report]) {
    if (!out) continue;
    for (const [opt, file] of read) {
      if (file && same(out, file)) {
        throw new CliError(
          `Tệp ra ${out} trùng tệp ${opt}: tệp đầu vào không bao giờ bị ghi đè`,
          `The output ${out} is the ${opt} file: inputs are never overwritten`,
        );
      }
    }
  }
}

/**
 * An output that names a file the run would otherwise read: allowed only for `--out` over a previous
 * ChiTieu summary (written into the submissions folder, run again); a unit's submission, or any
 * other spreadsheet there, is an input, and inputs are never overwritten.
 */
async function refuseOverwritingSubmission(f: FoundInput, a: ConsolidateArgs): Promise<void> {
  if (a.out && path.resolve(f.absolute) === path.resolve(a.out)) {
    const bytes = new Uint8Array(await fs.readFile(f.absolute));
    const r = single().read(bytes, f.path, { tables: [] });
    if (r.ok && r.doc.sheetNames.includes(SUMMARY_SHEETS.status)) return;
  }
  const opt =
    a.json && path.resolve(f.absolute) === path.resolve(a.json)
      ? "--json"
      : a.report && path.resolve(f.absolute) === path.resolve(a.report)
        ? "--report"
        : "--out";
  throw new CliError(
    `Tệp ra ${opt} ${f.path} là một tệp báo cáo đầu vào, không phải bảng tổng hợp của ChiTieu: tệp đầu vào không bao giờ bị ghi đè; hãy chọn tên khác`,
    `The ${opt} output ${f.path} is one of the submissions read, not a ChiTieu summary: inputs are never overwritten; choose another name`,
  );
}

/** The files a run wrote, by what they hold. */
export interface Outputs {
  out: string;
  json?: string;
  report?: string;
}

export interface ConsolidateResult {
  report: Report;
  written: Outputs;
}

export async function consolidateCommand(a: ConsolidateArgs): Promise<ConsolidateResult> {
  const out = requiredOutput(a);
  const lang = resolveLang(a.lang, a.report);
  const ctx = await runContext(a);
  refuseOverwritingInputs(a);
  phase("options");
  const inputs = await submissionFiles(a, out);
  phase("collect");
  const progress = new Progress(inputs.length, "Đọc báo cáo");
  const parsed = await parseAll(inputs, (n) => progress.update(n), {
    ...(ctx.template ? { template: ctx.template.id } : {}),
    locale: ctx.locale ?? "vi",
    // Units outside the roster are named, never used: their rows need not be read.
    ...(ctx.roster ? { roster: ctx.roster.units.map((u) => u.code) } : {}),
  });
  progress.done();
  phase("parse");
  const run = consolidateLinked(parsed, ctx, inputs, out);
  // The workbook's parts are deflated on the thread pool while the JSON report is made here.
  const xlsx = writeLayoutXlsxNodeAsync(run.workbook);
  phase("write-xlsx");
  // In pieces: a report listing 300,000 units is never one string beside its bytes.
  const json = a.json ? utf8Pieces(reportJsonPieces(run.report)) : undefined;
  phase("json");
  // Loaded only when asked for: the docx package takes a fifth of a second to load.
  const docx = a.report
    ? await import("../io/docx-write").then((m) => m.writeReportDocx(writtenReportOf(run, lang)))
    : undefined;
  if (docx) phase("docx");
  const files: { path: string; data: FileData }[] = [{ path: out, data: await xlsx }];
  if (a.json && json) files.push({ path: a.json, data: json });
  if (a.report && docx) files.push({ path: a.report, data: docx });
  await writeAllOrNothing(files);
  phase("save");
  return {
    report: run.report,
    written: { out, ...(a.json ? { json: a.json } : {}), ...(a.report ? { report: a.report } : {}) },
  };
}

/** The summary workbook's path, once the inputs and it are given as they must be. */
function requiredOutput(a: ConsolidateArgs): string {
  if (a.inputs.length === 0) {
    throw new CliError(
      "Cần ít nhất một tệp hoặc thư mục báo cáo",
      "Give at least one submission file or folder",
    );
  }
  if (!a.out) throw new CliError("Thiếu --out TỆP.xlsx", "Missing --out FILE.xlsx");
  if (!/\.xlsx$/i.test(a.out))
    throw new CliError(`--out phải là tệp .xlsx: ${a.out}`, `--out must be an .xlsx file: ${a.out}`);
  if (a.report !== undefined && !/\.docx$/i.test(a.report)) {
    throw new CliError(
      `--report phải là tệp .docx: ${a.report}`,
      `--report must be a .docx file: ${a.report}`,
    );
  }
  return a.out;
}

/** A workbook reader for a file read on its own (a plan, the previous summary): Node's zlib, no memo. */
function single(): XlsxReader {
  return createXlsxReader({ codec: nodeZipCodec, memo: false });
}

/** What the options say about the run: template, period, due date, and the roster, plan and previous files read. */
async function runContext(a: ConsolidateArgs): Promise<RunContext> {
  const ctx: RunContext = { locale: resolveLocale(a.locale) };
  if (a.template) ctx.template = resolveTemplate(a.template);
  if (a.period) ctx.period = resolvePeriod(a.period);
  const due = resolveDue(a.due);
  if (due) ctx.due = due;
  if (a.roster) ctx.roster = await readRosterFile(a.roster);
  if (a.plan && a.plan.length > 0) {
    const reads = [];
    for (const file of a.plan)
      reads.push(readPlanFile({ path: file, bytes: await readInput(file, "--plan") }, ctx.locale, single()));
    ctx.plan = { rows: reads.flatMap((r) => r.rows), issues: reads.flatMap((r) => r.issues) };
  }
  const entries: HistoryEntry[] = [];
  const issues: Issue[] = [];
  for (const f of await historyFiles(a)) {
    const read = readHistoryFile(
      { path: f.path, bytes: await readInput(f.absolute, "--history") },
      ctx.locale,
      single(),
    );
    entries.push(...read.entries);
    if (read.issue) issues.push(read.issue);
  }
  if (a.previous) {
    // One more history file; named alone, it must be one: an unreadable one stops the run as before.
    const read = readHistoryFile(
      { path: slashed(a.previous), bytes: await readInput(a.previous, "--previous") },
      ctx.locale,
      single(),
    );
    if (read.error) {
      throw new CliError(
        `Tệp --previous ${a.previous}: ${read.error.vi}`,
        `--previous file ${a.previous}: ${read.error.en}`,
      );
    }
    entries.push(...read.entries);
  }
  if (entries.length > 0 || issues.length > 0) ctx.history = { entries, issues };
  return ctx;
}

function slashed(p: string): string {
  return p.split(path.sep).join("/");
}

/**
 * The history's files, in the order given (of two for one period, the one given later wins when no
 * date tells them apart): a folder's spreadsheets named with the folder, so the issues say where.
 */
async function historyFiles(a: ConsolidateArgs): Promise<FoundInput[]> {
  const files: FoundInput[] = [];
  for (const arg of a.history ?? []) {
    const st = await fs.stat(arg).catch(() => undefined);
    if (!st) throw new CliError(`Không tìm thấy tệp --history "${arg}"`, `--history "${arg}" does not exist`);
    // The run's own outputs in a history folder (this period's summary, written there last time) are not history.
    const outputs = [a.out, a.json, a.report].filter((f): f is string => !!f);
    const found = await collectInputs([arg], st.isDirectory() ? outputs : []);
    for (const f of found) files.push(st.isDirectory() ? { ...f, path: slashed(path.join(arg, f.path)) } : f);
  }
  return files;
}

/**
 * The submissions to read. The run's own files are never submissions, even when they sit in the
 * folder being read; but an output may only replace a file there that is the run's own too (a
 * previous summary).
 */
async function submissionFiles(a: ConsolidateArgs, out: string): Promise<FoundInput[]> {
  const outputs = [out, ...(a.json ? [a.json] : []), ...(a.report ? [a.report] : [])];
  const history = (await historyFiles(a)).map((f) => f.absolute);
  const readOnly = [a.roster, a.previous, ...(a.plan ?? []), ...history].filter((f): f is string => !!f);
  const found = await collectInputs(a.inputs, readOnly);
  const outFiles = new FileSet(outputs);
  const isOutput = (f: FoundInput): boolean => outFiles.has(f.absolute);
  for (const f of found) if (isOutput(f)) await refuseOverwritingSubmission(f, a);
  return found.filter((f) => !isOutput(f));
}

/** The consolidation, its summary linking each issue to its file as seen from where the summary is written. */
function consolidateLinked(
  parsed: ParsedFile[],
  ctx: RunContext,
  inputs: FoundInput[],
  out: string,
): ReturnType<typeof consolidateParsed> {
  const absolute = new Map(inputs.map((f) => [f.path, path.resolve(f.absolute)]));
  const outDir = path.dirname(path.resolve(out));
  try {
    return consolidateParsed(
      parsed,
      ctx,
      {
        linkTo: (file) => {
          const abs = absolute.get(file);
          return abs ? fileLink(outDir, abs) : undefined;
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
}
