import type { GridRow } from "../core/grid";

/**
 * Turns parsed CSV records into grid rows one at a time: numbers each record with the 1-based line
 * it starts on (a quoted field may span lines), puts text in NFC per field (a chunk boundary may fall
 * between a letter and its tone mark, so never per chunk), and skips blank lines.
 */
export class RecordLines {
  private line = 1;

  /** The grid row of a record, or undefined for a blank line. */
  next(record: string[]): GridRow | undefined {
    const n = this.line;
    let spans = 0;
    let blank = true;
    const cells = record.map((field) => {
      spans += countNewlines(field);
      if (blank && field.trim() !== "") blank = false;
      return { value: field.normalize("NFC") };
    });
    this.line = n + 1 + spans;
    return blank ? undefined : { n, cells };
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\n"); i >= 0; i = s.indexOf("\n", i + 1)) n++;
  for (let i = s.indexOf("\r"); i >= 0; i = s.indexOf("\r", i + 1)) if (s[i + 1] !== "\n") n++;
  return n;
}
