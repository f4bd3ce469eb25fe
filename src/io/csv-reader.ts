import Papa from "papaparse";
import type { Grid, GridRow, SourceDoc } from "../core/grid";
import { decodeText } from "./text-decode";

/** Delimiters a Vietnamese office's CSV may use: `,` by default, `;` where `,` is the decimal mark, tab. */
const DELIMITERS = [",", ";", "\t"] as const;

/** The delimiter that splits the header line into the most fields (quotes respected). */
export function detectDelimiter(text: string): string {
  const firstLine = firstRecord(text);
  let best: string = ",";
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = countOutsideQuotes(firstLine, d);
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function firstRecord(text: string): string {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if ((ch === "\n" || ch === "\r") && !inQuotes) return text.slice(0, i);
  }
  return text;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let inQuotes = false;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === d && !inQuotes) n++;
  }
  return n;
}

/** Parses CSV text into a grid whose rows carry their 1-based line numbers. */
export function csvTextToGrid(text: string, sheet: string, delimiter = detectDelimiter(text)): Grid {
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const rows: GridRow[] = [];
  // Line numbers: count the newlines each record spans (quoted fields may hold newlines).
  let line = 1;
  for (const record of parsed.data) {
    const spans = record.reduce((acc, field) => acc + countNewlines(field), 0);
    if (record.some((f) => f.trim() !== "")) {
      rows.push({ n: line, cells: record.map((f) => ({ value: f })) });
    }
    line += 1 + spans;
  }
  return { sheet, kind: "csv", rows };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\n") n++;
    else if (s[i] === "\r" && s[i + 1] !== "\n") n++;
  }
  return n;
}

/** Reads CSV bytes (any supported encoding) into a source document of one grid. */
export function readCsv(bytes: Uint8Array, file: string): SourceDoc {
  const decoded = decodeText(bytes);
  const delimiter = detectDelimiter(decoded.text);
  const base = file.split(/[\\/]/).pop() ?? file;
  const grid = csvTextToGrid(decoded.text, base, delimiter);
  return {
    file,
    format: "csv",
    sheets: [grid],
    sheetNames: [base],
    names: [],
    tables: [],
    encoding: decoded.encoding,
    delimiter,
  };
}
