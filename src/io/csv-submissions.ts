import Papa from "papaparse";
import { CsvExtractor, type Extracted } from "../core/submission/extract";
import { RecordLines } from "./csv-records";
import { detectDelimiter } from "./csv-reader";
import { decodeText } from "./text-decode";

/**
 * The submissions of a long CSV held in memory (the task pane's files, small files in the CLI),
 * parsed record by record into the extractor: no grid of the whole file is built.
 */
export function extractCsvBytes(bytes: Uint8Array, file: string): Extracted {
  const { text } = decodeText(bytes);
  const x = new CsvExtractor(file, baseName(file));
  const lines = new RecordLines();
  Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    skipEmptyLines: false,
    step: (result, parser) => {
      const row = lines.next(result.data);
      if (row && !x.add(row)) parser.abort();
    },
  });
  return x.finish();
}

export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
