import Papa from "papaparse";
import { makeIssue, type Issue } from "../core/issues";
import { CsvExtractor, type Extracted } from "../core/submission/extract";
import { CsvTextGuard, RecordLines, type CsvTextFault } from "../io/csv-records";
import { detectDelimiter } from "../io/csv-reader";
import { decodeText } from "../io/text-decode";

/**
 * The submissions of a long CSV held in memory (the task pane's files, small files in the CLI),
 * parsed record by record into the extractor: no grid of the whole file is built. Text that cannot
 * be read as records (a NUL, a record of megabytes, a quote that never closes) is one
 * `unreadable-file` issue, as in the streamed reader, whatever the file's size.
 */
export function extractCsvBytes(
  bytes: Uint8Array,
  file: string,
  wanted?: (unit: string) => boolean,
): Extracted {
  const { text } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  const guard = new CsvTextGuard(delimiter);
  if (!guard.feed(text) || !guard.finish()) return csvFaulty(file, guard.fault as CsvTextFault);
  const x = new CsvExtractor(file, baseName(file), wanted);
  const lines = new RecordLines();
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      const row = lines.next(result.data);
      if (row && !x.add(row)) parser.abort();
    },
  });
  return x.finish();
}

/** The whole file refused for what its text is: one issue, no submission. */
export function csvFaulty(file: string, fault: CsvTextFault): Extracted {
  return { submissions: [], issues: [csvFaultIssue(file, fault)] };
}

export function csvFaultIssue(file: string, fault: CsvTextFault): Issue {
  return makeIssue("error", "unreadable-file", fault.message, {
    file,
    line: fault.line,
    reason: fault.reason,
  });
}

export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
