import { findTemplate, type Template } from "../core/catalog/templates";
import type { Issue } from "../core/issues";
import { rosterCode } from "../core/roster/roster";
import type { ParsedFile, ParsedSubmission, PreValidated } from "../core/consolidate/types";
import { extractSubmissions, type Extracted } from "../core/submission/extract";
import { readMeta } from "../core/submission/meta";
import { validateRows } from "../core/submission/rows";
import type { RawSubmission } from "../core/submission/types";
import { extractCsvBytes } from "./csv-submissions";
import { packFigures, unpackFigures, type PackedFigures } from "./figure-wire";
import { classify, readWorkbook } from "../io/read-file";
import type { XlsxReader } from "../io/xlsx-read";

/* The slow half of the engine, kept free of ExcelJS and the list of units so a worker loads fast. */

export interface InputFile {
  /** The path as found (relative to the argument it came from, or as given). */
  path: string;
  bytes: Uint8Array;
}

export interface ParseOptions {
  /** The run's template, when the person gave it (`--template`). */
  template?: string;
  locale?: "vi" | "en";
  /**
   * The codes of the run's roster, when it has one: a submission from a unit outside it is found and
   * named but its rows are not read (it cannot be used), so what it costs is its metadata alone.
   */
  roster?: readonly string[];
}

const WANTED = new WeakMap<readonly string[], (unit: string) => boolean>();

/** Whether a unit's rows are worth reading: it is in the roster (as `rosterCode` matches it), or there is none. */
export function wantedUnits(opts: ParseOptions): ((unit: string) => boolean) | undefined {
  const codes = opts.roster;
  if (!codes) return undefined;
  let wanted = WANTED.get(codes);
  if (!wanted) {
    const set = new Set(codes);
    wanted = (unit) => set.has(rosterCode(unit, set));
    WANTED.set(codes, wanted);
  }
  return wanted;
}

/**
 * A submission's rows read where it was parsed, when the template is known there (the run's, or the
 * one the file names): a worker then sends back a few figures and issues instead of every cell it
 * read, which costs the main thread less to receive and keep than the raw rows.
 */
function validatedHere(
  raw: RawSubmission,
  sub: ParsedSubmission,
  opts: ParseOptions,
  shell: (raw: RawSubmission) => RawSubmission,
): ParsedSubmission {
  if (sub.rejected) return sub;
  const wanted = wantedUnits(opts);
  if (wanted && sub.meta.unit && !wanted(sub.meta.unit)) {
    // Outside the roster: named as such by the consolidation, never used, so its rows are not read.
    return { ...sub, raw: shell(raw) };
  }
  const template = (opts.template ? findTemplate(opts.template) : undefined) ?? sub.meta.template;
  if (!template) return sub;
  const locale = opts.locale ?? "vi";
  const rows = validateRows(raw, template, sub.meta.unit, locale);
  return {
    ...sub,
    // The rows are read, and the metadata cells too (readMeta kept what they say, and where):
    // neither is needed again, and every file's would be kept until the run ends.
    raw: shell(raw),
    pre: {
      template: template.id,
      locale,
      figures: rows.figures,
      issues: rows.issues,
      missing: rows.missing,
      ...(rows.summary ? { summary: rows.summary } : {}),
    },
  };
}

/**
 * What is left of a submission once read: where it is and which columns it has, without its rows or
 * metadata cells. The submissions of one long CSV share one (they differ only in those), so a file
 * of 300,000 units keeps one.
 */
function shells(): (raw: RawSubmission) => RawSubmission {
  let last: RawSubmission | undefined;
  return (raw) => {
    if (last && last.headerAt === raw.headerAt && last.columns === raw.columns && last.sheet === raw.sheet)
      return last;
    last = { ...raw, rows: [], stray: [], meta: {}, ...(raw.groupRows ? { groupRows: [] } : {}) };
    return last;
  };
}

/** No issues: one (frozen) array for the many submissions that have none. */
const NO_ISSUES: Issue[] = Object.freeze([]) as unknown as Issue[];

/** Submissions found, with their metadata read (and rows, where the template is known): what a worker sends back. */
export function parsedFrom(file: string, extracted: Extracted, opts: ParseOptions = {}): ParsedFile {
  const shell = shells();
  const raws = extracted.submissions;
  const submissions: ParsedSubmission[] = [];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i] as RawSubmission;
    const m = readMeta(raw);
    submissions.push(
      validatedHere(
        raw,
        { raw, meta: m.meta, metaIssues: m.issues.length > 0 ? m.issues : NO_ISSUES, rejected: m.rejected },
        opts,
        shell,
      ),
    );
    // Let go of each one's rows as soon as they are read: a long CSV may hold 300,000 submissions.
    raws[i] = undefined as unknown as RawSubmission;
  }
  return { file, issues: extracted.issues, submissions };
}

/**
 * The never-throws net, laid once on each way into the engine: `parseFile` (bytes in memory: the
 * pane, its Web Worker, the tests) and `parsePath` (a file on disk: the command line). A reader's
 * bug must not cost the other files: this one is named, as a program error rather than a fault of
 * the file, and the run goes on.
 */
export function failedParse(file: string, e: unknown): ParsedFile {
  const why = (e as Error)?.message ?? String(e);
  return {
    file,
    submissions: [],
    issues: [
      {
        severity: "error",
        rule: "unreadable-file",
        file,
        reason: "internal",
        message: `Không đọc được tệp (lỗi chương trình: ${why})`,
        messageEn: `The file could not be read (program error: ${why})`,
      },
    ],
  };
}

/**
 * Reads one file into the submissions it holds, with their metadata; never throws. `xlsx` is the
 * caller's workbook reader (one per thread, with its codec and memo), else one for this file alone.
 */
export function parseFile(input: InputFile, opts: ParseOptions = {}, xlsx?: XlsxReader): ParsedFile {
  try {
    return parseBytes(input, opts, xlsx);
  } catch (e) {
    return failedParse(input.path, e);
  }
}

/**
 * `parseFile` without the net, for a caller that lays it over more than this (`parsePath`, which
 * may stream the file instead): a file's faults are issues, a bug throws.
 */
export function parseBytes(input: InputFile, opts: ParseOptions = {}, xlsx?: XlsxReader): ParsedFile {
  const c = classify(input.bytes, input.path);
  if (c.kind === "unreadable") return { file: input.path, submissions: [], issues: [c.issue] };
  if (c.kind === "csv")
    return parsedFrom(input.path, extractCsvBytes(input.bytes, input.path, wantedUnits(opts)), opts);
  const read = readWorkbook(input.bytes, input.path, xlsx);
  if (!read.ok) return { file: input.path, submissions: [], issues: [read.issue] };
  return parsedFrom(input.path, extractSubmissions(read.doc), opts);
}

/** A submission's pre-read figures as they cross: packed (./figure-wire) where their shape allows. */
type WirePre = Omit<PreValidated, "figures"> & { figures?: PreValidated["figures"]; packed?: PackedFigures };

/**
 * A parsed file as it crosses to another thread. A catalog template is the same constant on both
 * sides, so it travels as its id and is linked again on arrival (`fromWire`): otherwise every
 * answer carries a copy of it (a sixth of a template submission's answer) and the receiving thread
 * keeps one copy per file. The figures travel packed. The sender's own objects are left alone.
 */
export function toWire(p: ParsedFile): ParsedFile {
  return {
    ...p,
    submissions: p.submissions.map((s) => {
      const out: ParsedSubmission = s.meta.template
        ? { ...s, meta: { ...s.meta, template: { id: s.meta.template.id } as Template } }
        : { ...s };
      const packed = s.pre ? packFigures(s.pre.figures) : undefined;
      if (s.pre && packed) {
        const { figures: _sent, ...rest } = s.pre;
        const pre: WirePre = { ...rest, packed };
        out.pre = pre as PreValidated;
      }
      return out;
    }),
  };
}

/** The other end of `toWire`: the catalog's own template back in place of its id, the figures unpacked. */
export function fromWire(p: ParsedFile): ParsedFile {
  for (const s of p.submissions) {
    if (s.meta.template) s.meta.template = findTemplate(s.meta.template.id) ?? s.meta.template;
    const pre = s.pre as WirePre | undefined;
    if (pre?.packed) {
      s.pre = {
        template: pre.template,
        locale: pre.locale,
        figures: unpackFigures(pre.packed),
        issues: pre.issues,
        ...(pre.summary ? { summary: pre.summary } : {}),
        missing: pre.missing,
      };
    }
  }
  return p;
}
