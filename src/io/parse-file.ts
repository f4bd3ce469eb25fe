import type { ParsedFile } from "../core/consolidate/types";
import { extractSubmissions } from "../core/submission/extract";
import { readMeta } from "../core/submission/meta";
import { readSourceFile } from "./read-file";

/* The slow half of the engine, kept free of ExcelJS and the list of units so a worker loads fast. */

export interface InputFile {
  /** The path as found (relative to the argument it came from, or as given). */
  path: string;
  bytes: Uint8Array;
}

/** Reads one file into the submissions it holds, with their metadata; never throws. */
export function parseFile(input: InputFile): ParsedFile {
  try {
    const read = readSourceFile(input.bytes, input.path);
    if (!read.ok) return { file: input.path, submissions: [], issues: [read.issue] };
    const extracted = extractSubmissions(read.doc);
    return {
      file: input.path,
      issues: extracted.issues,
      submissions: extracted.submissions.map((raw) => {
        const m = readMeta(raw);
        return { raw, meta: m.meta, metaIssues: m.issues, rejected: m.rejected };
      }),
    };
  } catch (e) {
    // A reader bug must not cost the other files: this one is named, the run goes on.
    return {
      file: input.path,
      submissions: [],
      issues: [
        {
          severity: "error",
          rule: "unreadable-file",
          file: input.path,
          reason: "internal",
          message: `Không đọc được tệp (lỗi chương trình: ${(e as Error)?.message ?? String(e)})`,
          messageEn: `The file could not be read (program error: ${(e as Error)?.message ?? String(e)})`,
        },
      ],
    };
  }
}
