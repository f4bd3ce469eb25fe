import type { ParsedFile } from "../core/consolidate/types";
import { extractSubmissions, type Extracted } from "../core/submission/extract";
import { readMeta } from "../core/submission/meta";
import { extractCsvBytes } from "./csv-submissions";
import { classify, csvFailure, readWorkbook } from "./read-file";

/* The slow half of the engine, kept free of ExcelJS and the list of units so a worker loads fast. */

export interface InputFile {
  /** The path as found (relative to the argument it came from, or as given). */
  path: string;
  bytes: Uint8Array;
}

/** Submissions found, with their metadata read: what a worker sends back. */
export function parsedFrom(file: string, extracted: Extracted): ParsedFile {
  return {
    file,
    issues: extracted.issues,
    submissions: extracted.submissions.map((raw) => {
      const m = readMeta(raw);
      return { raw, meta: m.meta, metaIssues: m.issues, rejected: m.rejected };
    }),
  };
}

/** A reader bug must not cost the other files: this one is named, the run goes on. */
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

/** Reads one file into the submissions it holds, with their metadata; never throws. */
export function parseFile(input: InputFile): ParsedFile {
  try {
    const c = classify(input.bytes, input.path);
    if (c.kind === "unreadable") return { file: input.path, submissions: [], issues: [c.issue] };
    if (c.kind === "csv") {
      try {
        return parsedFrom(input.path, extractCsvBytes(input.bytes, input.path));
      } catch (e) {
        return { file: input.path, submissions: [], issues: [csvFailure(input.path, e)] };
      }
    }
    const read = readWorkbook(input.bytes, input.path);
    if (!read.ok) return { file: input.path, submissions: [], issues: [read.issue] };
    return parsedFrom(input.path, extractSubmissions(read.doc));
  } catch (e) {
    return failedParse(input.path, e);
  }
}
