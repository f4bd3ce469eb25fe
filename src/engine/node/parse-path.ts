import { promises as fs, readFileSync } from "node:fs";
import type { ParsedFile } from "../../core/consolidate/types";
import { makeIssue } from "../../core/issues";
import { failedParse, parseFile, parsedFrom, wantedUnits, type ParseOptions } from "../parse-file";
import { classify, csvFailure } from "../../io/read-file";
import { DEFAULT_XLSX_LIMITS } from "../../io/xlsx-read";
import { tooLarge } from "../../io/xlsx-read/failure";
import { extractCsvStream } from "./csv-stream";

/** CSV files larger than this are streamed from disk rather than read whole. */
export const STREAM_CSV_BYTES = 4 * 1024 * 1024;

async function head(path: string, n: number): Promise<Uint8Array> {
  const h = await fs.open(path, "r");
  try {
    const buf = new Uint8Array(n);
    const { bytesRead } = await h.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await h.close();
  }
}

/**
 * Reads one file from disk into its submissions; a large CSV is streamed, and a large file that is
 * not one is judged by its first bytes and its size, never read whole. Never throws for what is in
 * the file; a file that cannot be opened at all is an I/O error for the caller.
 */
export async function parsePath(
  absolute: string,
  path: string,
  size: number,
  opts: ParseOptions = {},
): Promise<ParsedFile> {
  if (size > STREAM_CSV_BYTES) {
    const c = classify(await head(absolute, 4096), path);
    if (c.kind === "csv") {
      try {
        return parsedFrom(path, await extractCsvStream(absolute, path, wantedUnits(opts)), opts);
      } catch (e) {
        return { file: path, submissions: [], issues: [csvFailure(path, e)] };
      }
    }
    if (c.kind === "unreadable") return { file: path, submissions: [], issues: [c.issue] };
    const max = DEFAULT_XLSX_LIMITS.maxFileBytes;
    if (size > max) {
      const issue = makeIssue("error", "unreadable-file", tooLarge("maxFileBytes", max).text, {
        file: path,
        reason: "too-large",
      });
      return { file: path, submissions: [], issues: [issue] };
    }
  }
  // A submission is a few tens of kilobytes: a synchronous read skips the thread pool's round trip,
  // which costs more than the read itself when thousands of files are parsed one after another.
  const bytes =
    size <= STREAM_CSV_BYTES
      ? new Uint8Array(readFileSync(absolute))
      : new Uint8Array(await fs.readFile(absolute));
  try {
    return parseFile({ path, bytes }, opts);
  } catch (e) {
    return failedParse(path, e);
  }
}
