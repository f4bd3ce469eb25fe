import type { GridRow } from "../core/grid";
import { ownString } from "../core/text";

/**
 * Turns parsed CSV records into grid rows one at a time: numbers each record with the 1-based line
 * it starts on (a quoted field may span lines), puts text in NFC per field (a chunk boundary may fall
 * between a letter and its tone mark, so never per chunk), and skips blank lines. Each field is
 * its own string, never a view into the parser's chunk (`ownString`).
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
      return { value: ownString(field.normalize("NFC")) };
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

/** The longest record a CSV may hold, in characters: far beyond any real row (Excel caps a cell at 32,767). */
export const MAX_CSV_RECORD_CHARS = 1024 * 1024;

/** Why CSV text cannot be read as records, with the 1-based line where it shows. */
export interface CsvTextFault {
  reason: "corrupt" | "too-large";
  line: number;
  message: { vi: string; en: string };
}

const nf = { vi: new Intl.NumberFormat("vi-VN"), en: new Intl.NumberFormat("en-US") };

/**
 * Watches CSV text as it streams past, before the parser sees it, for what would make the parser
 * hold or swallow too much: a NUL (the file is damaged or not text), a record longer than
 * `MAX_CSV_RECORD_CHARS` (a 50 MB line would be buffered whole), and a quote that opens a field
 * and never closes (every later line would vanish into that one field). Quotes follow RFC 4180 as
 * papaparse reads them: a `"` opens a field only at its start, `""` inside is a quote.
 */
export class CsvTextGuard {
  fault: CsvTextFault | undefined;
  private line = 1;
  private recordLine = 1;
  private recordChars = 0;
  private fieldStart = true;
  private inQuotes = false;
  /** Inside quotes, a `"` was just seen: an escaped quote or the closing one. */
  private quote = false;
  /** The open quoted field holds a line break. */
  private quotedBreak = false;
  private cr = false;

  constructor(
    private readonly delimiter: string,
    private readonly maxRecord = MAX_CSV_RECORD_CHARS,
  ) {}

  /** Takes the next piece of text; false once a fault is found (stop reading). */
  feed(text: string): boolean {
    if (this.fault) return false;
    const d = this.delimiter.charCodeAt(0);
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0) return this.fail("nul", this.line);
      if (++this.recordChars > this.maxRecord) return this.fail("long", this.recordLine);
      // Lines: \r\n, \n or a lone \r, wherever they are.
      const lf = c === 10 && !this.cr;
      const br = c === 13 || lf;
      this.cr = c === 13;
      if (br) this.line++;
      if (this.inQuotes) {
        if (this.quote) {
          this.quote = false;
          if (c === 34) continue; // "" inside quotes
          this.inQuotes = false; // the quote before closed the field: c is read below
        } else {
          if (c === 34) this.quote = true;
          else if (br) this.quotedBreak = true;
          continue;
        }
      }
      if (c === 34 && this.fieldStart) {
        this.inQuotes = true;
        this.quotedBreak = false;
        this.fieldStart = false;
      } else if (c === 10 || c === 13) {
        this.fieldStart = true;
        this.recordChars = 0;
        this.recordLine = this.line;
      } else this.fieldStart = c === d;
    }
    return true;
  }

  /** At the end of the text: a quoted field still open across lines swallowed them. */
  finish(): boolean {
    if (this.fault) return false;
    if (this.inQuotes && !this.quote && this.quotedBreak) return this.fail("quote", this.recordLine);
    return true;
  }

  private fail(kind: "nul" | "long" | "quote", line: number): false {
    const max = this.maxRecord;
    const text = {
      nul: {
        reason: "corrupt" as const,
        vi:
          `Tệp CSV có ký tự NUL (byte 0) ở dòng ${line}: tệp bị hỏng hoặc không phải văn bản. ` +
          "Hãy mở tệp bằng Excel, lưu lại dạng CSV UTF-8 rồi gửi lại.",
        en:
          `The CSV file holds a NUL character (byte 0) on line ${line}: it is damaged or not text. ` +
          "Open it in Excel, save it again as CSV UTF-8 and send it again.",
      },
      long: {
        reason: "too-large" as const,
        vi:
          `Dòng ${line} của tệp CSV dài quá ${nf.vi.format(max)} ký tự: tệp không phải báo cáo CSV ` +
          "(mỗi dòng một đơn vị × một chỉ tiêu) hoặc bị hỏng.",
        en:
          `Line ${line} of the CSV file is too long (over ${nf.en.format(max)} characters): the file is not ` +
          "a CSV report (one line per unit × indicator) or it is damaged.",
      },
      quote: {
        reason: "corrupt" as const,
        vi:
          `Dấu ngoặc kép (") mở ở dòng ${line} của tệp CSV không bao giờ đóng: mọi dòng sau bị nuốt vào một ô. ` +
          "Hãy sửa dấu ngoặc kép ở dòng đó, hoặc mở tệp bằng Excel, lưu lại dạng CSV rồi gửi lại.",
        en:
          `A quote (") opened on line ${line} of the CSV file never closes: every later line is swallowed ` +
          "into one field. Fix the quote on that line, or open the file in Excel, save it again as CSV and send it again.",
      },
    }[kind];
    this.fault = { reason: text.reason, line, message: { vi: text.vi, en: text.en } };
    return false;
  }
}
