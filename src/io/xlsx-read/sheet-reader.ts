import type { CellValue, Grid, GridCell, GridRow } from "../../core/grid";
import { columnLetters, nfc, ownString } from "../../core/text";
import { DAYS_1904, isoTimeToSerial, isoToSerial } from "../../core/values/dates";
import { showsDateOrTime } from "../../core/values/numfmt";
import { bi, corrupt, tooLarge } from "./failure";
import type { XlsxLimits } from "./limits";
import { decodeOoxmlEscapes } from "./part-handlers";
import { StopParsing, type Attributes, type XmlHandler } from "./xml-part";
import { decodeEntities, StartTag, XmlScanError } from "./xml-scan";

/*
 * The hot path: a worksheet's <sheetData>, turned into sparse grid rows as it streams past.
 * Nothing is sized from what the sheet says about itself (<dimension>, spans): rows and cells
 * are created only for what is actually there, and parsing stops at </sheetData>.
 */

/** State shared by every sheet of one read: cell count, and shared-string cells to fill in later. */
export class SheetContext {
  /** Cell positions held: each row is an array by column, so a row costs as much as its last column. */
  cells = 0;
  /** Cells of `t="s"`, with their index into the shared strings, resolved once those are read. */
  readonly sharedCells: GridCell[] = [];
  readonly sharedIndexes: number[] = [];
  /** Where each shared-string cell is (sheet, row, column), for the message if its index does not exist. */
  readonly sharedSheet: string[] = [];
  readonly sharedRow: number[] = [];
  readonly sharedCol: number[] = [];
  maxShared = -1;

  constructor(
    readonly limits: XlsxLimits,
    /** Number format code by style index. */
    readonly formats: (string | undefined)[],
    readonly date1904: boolean,
  ) {}
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const NOT_DATE = 0;
const ISO_DATE = 1;
const ISO_TIME = 2;

/** Thrown inside `SheetReader.raw` when a row is not of the usual shape: the scanner reads it. */
const DECLINE = new Error("declined");

interface RowMark {
  rows: number;
  sorted: boolean;
  lastRowN: number;
  cells: number;
  shared: number;
  maxShared: number;
}

/** Reads the start tag at `p`; whether it is whole and named `name`. */
function readTag(tag: StartTag, s: string, p: number, name: string): boolean {
  return tag.read(s, p) && tag.name === name;
}

function skipSpace(s: string, p: number): number {
  for (;;) {
    const c = s.charCodeAt(p);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return p;
    p++;
  }
}

/** Where the text from `p` ends, which must be at `close`; otherwise the row is declined. */
function textEnd(s: string, p: number, close: string): number {
  const lt = s.indexOf("<", p);
  if (lt < 0 || !s.startsWith(close, lt)) throw DECLINE;
  return lt;
}

/** The text between two tags, references decoded (a bad one throws XmlScanError). */
function textBetween(s: string, from: number, to: number): string {
  const t = s.slice(from, to);
  return t.indexOf("&") < 0 ? t : decodeEntities(t);
}

export class SheetReader implements XmlHandler {
  private readonly rows: GridRow[] = [];
  private readonly tag = new StartTag();
  private sorted = true;
  private inData = false;

  private rowN = 0;
  private lastRowN = 0;
  private cells: (GridCell | undefined)[] | undefined;
  private col = 0;

  private inCell = false;
  private cellCol = 0;
  private cellType = "n";
  private cellStyle: string | undefined;
  private hasF = false;
  private v: string | null = null;
  private inV = false;
  private inlineText: string | null = null;
  private inT = false;
  private phonetic = 0;

  constructor(
    private readonly ctx: SheetContext,
    private readonly sheet: string,
    private readonly part: string,
  ) {}

  open(name: string, a: Attributes): boolean | void {
    switch (name) {
      case "c":
        if (this.cells) this.startCell(a);
        return;
      case "v":
        if (this.inCell) {
          this.inV = true;
          this.v = "";
        }
        return;
      case "f":
        if (this.inCell) this.hasF = true;
        return;
      case "row":
        if (this.inData) this.startRow(a.get("r"));
        return;
      case "is":
        if (this.inCell) this.inlineText = "";
        return;
      case "t":
        this.inT = this.inlineText !== null && this.phonetic === 0;
        return;
      case "rPh":
        this.phonetic++;
        return;
      case "sheetData":
        this.inData = true;
        // Its rows are read straight from the text (`raw`), as far as they have the usual shape.
        return true;
    }
  }

  /**
   * Rows of <sheetData> read from the text itself rather than told as events, for as long as they
   * have the shape spreadsheet writers give them: <row>, <c>, <v>, <f>, <is><t>, and spaces between.
   * Anything else — a comment, a rich-text run, a prefix, a malformed tag, a row cut by the end of
   * the text — and the row is left as it was to the scanner, which reads it (and what follows) as
   * before, or says what is wrong with it. Both paths call the same methods in the same order, so
   * the grid, the limits and the messages are the same.
   */
  raw(s: string, from: number, tabsOrLineEnds: boolean): number {
    const tag = this.tag;
    tag.normalise = tabsOrLineEnds;
    let p = from;
    for (;;) {
      p = skipSpace(s, p);
      if (!s.startsWith("<row", p)) return p;
      const mark = this.mark();
      let end: number;
      try {
        end = this.rawRow(s, p);
      } catch (e) {
        if (e !== DECLINE && !(e instanceof XmlScanError)) throw e;
        end = -1;
      }
      if (end < 0) {
        this.restore(mark);
        return p;
      }
      p = end;
    }
  }

  private rawRow(s: string, p: number): number {
    const tag = this.tag;
    if (!readTag(tag, s, p, "row")) throw DECLINE;
    this.startRow(tag.attrs.get("r"));
    if (tag.selfClosing) {
      this.endRow();
      return tag.end;
    }
    p = tag.end;
    for (;;) {
      p = skipSpace(s, p);
      if (s.startsWith("</row>", p)) {
        this.endRow();
        return p + 6;
      }
      if (!s.startsWith("<c", p)) throw DECLINE;
      if (!readTag(tag, s, p, "c")) throw DECLINE;
      this.startCell(tag.attrs);
      p = tag.selfClosing ? tag.end : this.rawCell(s, tag.end);
      this.endCell();
    }
  }

  /** A cell's content after its start tag; returns where its end tag ends. */
  private rawCell(s: string, p: number): number {
    const max = this.ctx.limits.maxCellText;
    for (;;) {
      p = skipSpace(s, p);
      if (s.startsWith("</c>", p)) return p + 4;
      if (s.startsWith("<v>", p)) {
        const end = textEnd(s, p + 3, "</v>");
        this.v = textBetween(s, p + 3, end);
        if (this.v.length > max) this.textTooLong();
        p = end + 4;
      } else if (s.startsWith("<v/>", p)) {
        this.v = "";
        p += 4;
      } else if (s.startsWith("<f", p)) {
        const tag = this.tag;
        if (!readTag(tag, s, p, "f")) throw DECLINE;
        this.hasF = true;
        p = tag.end;
        if (!tag.selfClosing) {
          const end = textEnd(s, p, "</f>");
          textBetween(s, p, end);
          p = end + 4;
        }
      } else if (s.startsWith("<is>", p)) {
        p = this.rawInline(s, p + 4);
      } else {
        throw DECLINE;
      }
    }
  }

  /** An inline string's <t> elements after `<is>`; returns where `</is>` ends. */
  private rawInline(s: string, p: number): number {
    const max = this.ctx.limits.maxCellText;
    let text = "";
    for (;;) {
      p = skipSpace(s, p);
      if (s.startsWith("</is>", p)) {
        this.inlineText = text;
        return p + 5;
      }
      const tag = this.tag;
      if (!s.startsWith("<t", p) || !readTag(tag, s, p, "t")) throw DECLINE;
      p = tag.end;
      if (!tag.selfClosing) {
        const end = textEnd(s, p, "</t>");
        text += textBetween(s, p, end);
        if (text.length > max) {
          this.inlineText = text;
          this.textTooLong();
        }
        p = end + 4;
      }
    }
  }

  /** What `raw` restores when it leaves a row to the scanner. */
  private mark(): RowMark {
    const ctx = this.ctx;
    return {
      rows: this.rows.length,
      sorted: this.sorted,
      lastRowN: this.lastRowN,
      cells: ctx.cells,
      shared: ctx.sharedCells.length,
      maxShared: ctx.maxShared,
    };
  }

  private restore(m: RowMark): void {
    const ctx = this.ctx;
    this.rows.length = m.rows;
    this.sorted = m.sorted;
    this.lastRowN = m.lastRowN;
    ctx.cells = m.cells;
    for (const a of [
      ctx.sharedCells,
      ctx.sharedIndexes,
      ctx.sharedSheet,
      ctx.sharedRow,
      ctx.sharedCol,
    ] as unknown[][])
      a.length = m.shared;
    ctx.maxShared = m.maxShared;
    this.cells = undefined;
    this.rowN = 0;
    this.col = 0;
    this.inCell = false;
    this.clearCell();
  }

  /** What a cell's reading gathers, back to nothing. */
  private clearCell(): void {
    this.hasF = false;
    this.v = null;
    this.inV = false;
    this.inlineText = null;
    this.inT = false;
    this.phonetic = 0;
  }

  text(t: string): void {
    if (this.inV) {
      this.v += t;
      if ((this.v as string).length > this.ctx.limits.maxCellText) this.textTooLong();
    } else if (this.inT) {
      this.inlineText += t;
      if ((this.inlineText as string).length > this.ctx.limits.maxCellText) this.textTooLong();
    }
  }

  close(name: string): void {
    switch (name) {
      case "v":
        this.inV = false;
        return;
      case "c":
        if (this.inCell) this.endCell();
        return;
      case "t":
        this.inT = false;
        return;
      case "rPh":
        this.phonetic--;
        return;
      case "row":
        if (this.cells) this.endRow();
        return;
      case "sheetData":
        throw StopParsing.instance;
    }
  }

  /** The grid read so far: rows sorted, a row written twice merged (the later cell wins). */
  grid(): Grid {
    let rows = this.rows;
    if (!this.sorted) {
      rows = [...rows].sort((x, y) => x.n - y.n);
      const merged: GridRow[] = [];
      for (const r of rows) {
        const prev = merged[merged.length - 1];
        if (prev && prev.n === r.n) {
          r.cells.forEach((c, i) => {
            if (c) prev.cells[i] = c;
          });
        } else merged.push(r);
      }
      rows = merged;
    }
    return { sheet: this.sheet, kind: "sheet", rows };
  }

  private where(col = this.cellCol): string {
    return `'${this.sheet}'!${columnLetters(col)}${this.rowN || this.lastRowN + 1}`;
  }

  private textTooLong(): never {
    throw tooLarge("maxCellText", this.ctx.limits.maxCellText, this.part, this.where());
  }

  private startRow(r: string | undefined): void {
    this.cells = [];
    this.col = 0;
    this.rowN = 0;
    if (r !== undefined) this.rowN = this.checkRow(parseDigits(r), r);
  }

  private checkRow(n: number, raw: string): number {
    if (!(n >= 1)) {
      const r = raw.slice(0, 20);
      throw corrupt(
        this.part,
        bi(
          `số dòng "${r}" không hợp lệ trên trang '${this.sheet}'`,
          `bad row number "${r}" on sheet '${this.sheet}'`,
        ),
      );
    }
    if (n > this.ctx.limits.maxRows)
      throw tooLarge("maxRows", this.ctx.limits.maxRows, this.part, `'${this.sheet}'`);
    return n;
  }

  private endRow(): void {
    const cells = this.cells as (GridCell | undefined)[];
    this.cells = undefined;
    // A row without `r` and without addressed cells follows the previous one.
    const n = this.rowN || this.lastRowN + 1;
    if (this.rowN === 0) this.checkRow(n, String(n));
    this.rowN = 0;
    if (cells.length > 0) {
      const last = this.rows[this.rows.length - 1];
      if (last && last.n >= n) this.sorted = false;
      this.rows.push({ n, cells });
    }
    this.lastRowN = n;
  }

  private startCell(a: Attributes): void {
    const ref = a.get("r");
    let col: number;
    if (ref !== undefined) {
      const max = this.ctx.limits.maxColumns;
      col = 0;
      let i = 0;
      for (; i < ref.length; i++) {
        const c = ref.charCodeAt(i);
        if (c >= 65 && c <= 90) col = col * 26 + c - 64;
        else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
        else if (c !== 36) break;
        if (col > max) throw tooLarge("maxColumns", max, this.part, `'${this.sheet}'`);
      }
      if (col === 0) {
        const r = ref.slice(0, 20);
        throw corrupt(
          this.part,
          bi(
            `địa chỉ ô "${r}" không hợp lệ trên trang '${this.sheet}'`,
            `bad cell reference "${r}" on sheet '${this.sheet}'`,
          ),
        );
      }
      // The row part of the reference places a row that has no `r` of its own.
      if (this.rowN === 0 && i < ref.length) {
        const digits = ref.charCodeAt(i) === 36 ? ref.slice(i + 1) : ref.slice(i);
        this.rowN = this.checkRow(parseDigits(digits), ref);
      }
    } else {
      col = this.col + 1;
      if (col > this.ctx.limits.maxColumns) {
        throw tooLarge("maxColumns", this.ctx.limits.maxColumns, this.part, `'${this.sheet}'`);
      }
    }
    if (this.rowN === 0) this.rowN = this.checkRow(this.lastRowN + 1, "");
    this.col = col;
    this.cellCol = col;
    this.inCell = true;
    this.cellType = a.get("t") ?? "n";
    this.cellStyle = a.get("s");
    this.clearCell();
  }

  private endCell(): void {
    this.inCell = false;
    this.inV = false;
    const v = this.v;
    let value: CellValue = null;
    let error: string | undefined;
    let shared = -1;
    /** An ISO date (or date and time) or a time of day, from a `t="d"` cell. */
    let date = NOT_DATE;
    switch (this.cellType) {
      case "s":
        if (v !== null && v.trim() !== "") {
          shared = parseDigits(v.trim());
          if (shared < 0) {
            const i = v.slice(0, 20);
            throw corrupt(
              this.part,
              bi(
                `chỉ số chuỗi "${i}" không hợp lệ tại ${this.where()}`,
                `bad shared string index "${i}" at ${this.where()}`,
              ),
            );
          }
        }
        break;
      case "inlineStr":
        if (this.inlineText !== null) value = ownString(nfc(decodeOoxmlEscapes(this.inlineText)));
        else if (v !== null) value = ownString(nfc(decodeOoxmlEscapes(v)));
        break;
      case "str":
        if (v !== null) value = ownString(nfc(decodeOoxmlEscapes(v)));
        break;
      case "b":
        if (v === "1" || v === "true") value = true;
        else if (v === "0" || v === "false") value = false;
        else if (v !== null && v !== "") value = ownString(nfc(v));
        break;
      case "e":
        if (v !== null && v !== "") error = v.trim();
        break;
      case "d":
        if (v !== null && v !== "") {
          const serial = isoToSerial(v);
          if (serial !== undefined) {
            value = serial;
            date = ISO_DATE;
          } else {
            const time = isoTimeToSerial(v);
            if (time === undefined) value = ownString(nfc(v));
            else {
              value = time;
              date = ISO_TIME;
            }
          }
        }
        break;
      default:
        if (v !== null && v !== "") value = toNumber(v);
    }
    if (value === null && shared < 0 && error === undefined && !this.hasF) return;

    const ctx = this.ctx;
    const cell: GridCell = { value };
    const style = this.cellStyle;
    let fmt = style === undefined ? ctx.formats[0] : ctx.formats[Number(style)];
    // A date or time cell whose style gives it no format of its kind gets one, so it reads as one.
    if (date !== NOT_DATE && (fmt === undefined || !showsDateOrTime(fmt)))
      fmt = date === ISO_TIME ? "hh:mm:ss" : "yyyy-mm-dd";
    if (fmt !== undefined) {
      cell.numFmt = fmt;
      // The grid counts dates from 1900, as almost every workbook does.
      if (ctx.date1904 && date === NOT_DATE && typeof value === "number" && showsDateOrTime(fmt))
        cell.value = value + DAYS_1904;
    }
    if (this.hasF) cell.formula = true;
    if (error !== undefined) cell.error = error;
    if (shared >= 0) {
      // The index sizes the table of strings to keep: no larger than the limit allows.
      if (shared >= ctx.limits.maxSharedStrings) {
        throw tooLarge("maxSharedStrings", ctx.limits.maxSharedStrings, this.part, this.where());
      }
      ctx.sharedCells.push(cell);
      ctx.sharedIndexes.push(shared);
      ctx.sharedSheet.push(this.sheet);
      ctx.sharedRow.push(this.rowN);
      ctx.sharedCol.push(this.cellCol);
      if (shared > ctx.maxShared) ctx.maxShared = shared;
    }
    const cells = this.cells as (GridCell | undefined)[];
    if (this.cellCol > cells.length) {
      // Counted before the array grows: two cells far apart in every row would otherwise make
      // gigabytes of empty slots out of a few megabytes of XML.
      ctx.cells += this.cellCol - cells.length;
      if (ctx.cells > ctx.limits.maxCells) throw tooLarge("maxCells", ctx.limits.maxCells, this.part);
    }
    cells[this.cellCol - 1] = cell;
  }
}

/** A non-negative integer written in decimal digits; -1 for anything else. */
function parseDigits(s: string): number {
  if (s.length === 0 || s.length > 15) return -1;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** A number as Excel writes it; anything else stays text rather than becoming NaN or a guess. */
function toNumber(v: string): CellValue {
  const n = +v;
  if (Number.isFinite(n) && NUMBER.test(v)) return n;
  const t = v.trim();
  return NUMBER.test(t) && Number.isFinite(+t) ? +t : ownString(nfc(v));
}
