import { promises as fs, readFileSync } from "node:fs";
import type { ParsedFile } from "../../core/consolidate/types";
import { makeIssue } from "../../core/issues";
import { failedParse, parseBytes, parsedFrom, wantedUnits, type ParseOptions } from "../parse-file";
import { classify } from "../../io/read-file";
import { DEFAULT_XLSX_LIMITS, type XlsxReader } from "../../io/xlsx-read";
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
 * the file (the net is laid here, once, for every file the command line reads); a file that cannot
 * be opened at all is an I/O error for the caller.
 */
export async function parsePath(
  absolute: string,
  path: string,
  size: number,
  opts: ParseOptions = {},
  xlsx?: XlsxReader,
): Promise<ParsedFile> {
  // A submission is a few tens of kilobytes: a synchronous read skips the thread pool's round trip,
  // which costs more than the read itself when thousands of files are parsed one after another.
  const whole = size <= STREAM_CSV_BYTES;
  const bytes = whole ? new Uint8Array(readFileSync(absolute)) : await head(absolute, 4096);
  try {
    return whole
      ? parseBytes({ path, bytes }, opts, xlsx)
      : await parseLarge(absolute, path, size, bytes, opts, xlsx);
  } catch (e) {
    return failedParse(path, e);
  }
}

/** A file over STREAM_CSV_BYTES, judged by its first bytes: a CSV streamed, a workbook within the limit read whole. */
async function parseLarge(
  absolute: string,
  path: string,
  size: number,
  first: Uint8Array,
  opts: ParseOptions,
  xlsx: XlsxReader | undefined,
): Promise<ParsedFile> {
  const c = classify(first, path);
  if (c.kind === "csv")
    return parsedFrom(path, await extractCsvStream(absolute, path, wantedUnits(opts)), opts);
  if (c.kind === "unreadable") return { file: path, submissions: [], issues: [c.issue] };
  const max = DEFAULT_XLSX_LIMITS.maxFileBytes;
  if (size > max) {
    const issue = makeIssue("error", "unreadable-file", tooLarge("maxFileBytes", max).text, {
      file: path,
      reason: "too-large",
    });
    return { file: path, submissions: [], issues: [issue] };
  }
  return parseBytes({ path, bytes: new Uint8Array(await fs.readFile(absolute)) }, opts, xlsx);
}
