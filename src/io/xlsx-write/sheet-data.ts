import type { LayoutCell, Link, SheetLayout } from "../../core/layout/types";
import { a1, columnLetters, parseRange } from "../../core/text";
import { Bytes, utf8 } from "./bytes";
import type { Note } from "./notes";
import type { SharedStrings } from "./shared-strings";
import type { StyleTable } from "./styles";
import { escapeMarkup, escapeText } from "./xml-escape";

/*
 * A worksheet's `<sheetData>`: every cell, written straight into bytes. The hot part of the writer
 * (a national summary has some 230,000 cells): the markup that recurs is encoded once, per column
 * or per cellXfs index, and a cell costs a few byte copies and its value.
 */

/*
 * Excel's limits (Excel specifications and limits): past them Excel declares the file damaged and
 * drops what it cannot hold, so the writer shortens text itself, with "…" to say so.
 */
const MAX_CELL_TEXT = 32_767;
const MAX_LINKS = 65_530;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAX_HEIGHT = 409;

/** A cell's link, by the reference of the cell it sits on. */
export interface CellLink {
  ref: string;
  link: Link;
}

/**
 * The layout's rows with what Excel needs on top: the cells a merge covers take the style of its
 * top-left cell (as Excel and ExcelJS give them, so borders and fills run across the merge) and
 * lose any value, and a table's header cells hold exactly the table's column names. Rows are
 * copied only where they change: the layout itself is never modified.
 */
export class Rows {
  readonly rows: (LayoutCell | null)[][];
  private readonly copied = new Set<number>();

  constructor(layout: SheetLayout) {
    this.rows = layout.cells.slice();
    for (const merge of layout.merges) {
      const area = parseRange(merge);
      if (!area) throw new Error(`Bad merge range ${merge} on sheet ${layout.name}`);
      const master = layout.cells[area.top - 1]?.[area.left - 1] ?? null;
      const covered: LayoutCell | null = master
        ? { value: null, style: master.style, numFmt: master.numFmt, unlocked: master.unlocked }
        : null;
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          if (r !== area.top || c !== area.left) this.set(r, c, covered);
        }
      }
    }
  }

  get(r: number, c: number): LayoutCell | null {
    return this.rows[r - 1]?.[c - 1] ?? null;
  }

  set(r: number, c: number, cell: LayoutCell | null): void {
    while (this.rows.length < r) this.rows.push([]);
    if (!this.copied.has(r)) {
      this.rows[r - 1] = (this.rows[r - 1] as (LayoutCell | null)[]).slice();
      this.copied.add(r);
    }
    const row = this.rows[r - 1] as (LayoutCell | null)[];
    while (row.length < c) row.push(null);
    row[c - 1] = cell;
  }
}

/** Markup every sheet repeats, encoded once. */
const MARKUP = {
  numError: utf8("<v>#NUM!</v></c>"),
  valueOpen: utf8("<v>"),
  valueClose: utf8("</v></c>"),
  cellClose: utf8("</c>"),
  rowOpen: utf8('<row r="'),
  rowClose: utf8("</row>"),
};

/** Column letters by 1-based column, computed once per column rather than per cell. */
const letters: string[] = [""];
function colName(col: number): string {
  while (letters.length <= col) letters.push(columnLetters(letters.length));
  return letters[col] as string;
}

/** `<c r="AB` by 1-based column: computed once per column, not per cell. */
const cellOpen: Uint8Array[] = [new Uint8Array(0)];
function cellOpenOf(col: number): Uint8Array {
  while (cellOpen.length <= col) cellOpen.push(utf8(`<c r="${columnLetters(cellOpen.length)}`));
  return cellOpen[col] as Uint8Array;
}

/** What follows a cell's reference, by kind of value, for one cellXfs index (`" s="12" t="s"><v>`). */
interface AfterRef {
  empty: Uint8Array;
  shared: Uint8Array;
  num: Uint8Array;
  bool: Uint8Array;
  str: Uint8Array;
  err: Uint8Array;
  formula: Uint8Array;
}

const afterRefs: AfterRef[] = [];
function afterRefOf(xf: number): AfterRef {
  let after = afterRefs[xf];
  if (!after) {
    const style = `" s="${xf}"`;
    after = {
      empty: utf8(`${style}/>`),
      shared: utf8(`${style} t="s"><v>`),
      num: utf8(`${style}><v>`),
      bool: utf8(`${style} t="b"><v>`),
      str: utf8(`${style} t="str">`),
      err: utf8(`${style} t="e">`),
      formula: utf8(`${style}>`),
    };
    afterRefs[xf] = after;
  }
  return after;
}

/** The last row to write (cells, or a height alone), refusing a sheet larger than Excel's. */
function lastRowOf(layout: SheetLayout, rows: readonly (LayoutCell | null)[][]): number {
  let lastRow = rows.length;
  for (const k of Object.keys(layout.rowHeights ?? {})) lastRow = Math.max(lastRow, Number(k));
  const widest = rows.reduce((n, row) => Math.max(n, row?.length ?? 0), 0);
  if (lastRow > MAX_ROWS || widest > MAX_COLUMNS)
    throw new Error(
      `Sheet ${layout.name} is larger than an Excel sheet (${MAX_ROWS} rows, ${MAX_COLUMNS} columns)`,
    );
  return lastRow;
}

/** ` ht="20" customHeight="1"` for a row of its own height, else nothing. */
function heightAttrs(height: number | undefined): string {
  return height !== undefined && height >= 0 && Number.isFinite(height)
    ? ` ht="${Math.min(height, MAX_HEIGHT)}" customHeight="1"`
    : "";
}

/**
 * `<sheetData>` and the range it spans (`<dimension>`). Notes and links met on the way are handed
 * back in `notes` and `links`, for the parts that hold them.
 */
export function sheetData(
  layout: SheetLayout,
  rows: (LayoutCell | null)[][],
  styles: StyleTable,
  strings: SharedStrings,
  notes: Note[],
  links: CellLink[],
): { bytes: Uint8Array; dimension: string } {
  const heights = layout.rowHeights ?? {};
  const lastRow = lastRowOf(layout, rows);
  let top = 0;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const out = new Bytes(1 << 20);
  out.ascii("<sheetData>");
  for (let r = 1; r <= lastRow; r++) {
    const row = rows[r - 1];
    const rowNumber = utf8(String(r));
    const height = heightAttrs(heights[r]);
    const start = out.length;
    out.raw(MARKUP.rowOpen);
    out.raw(rowNumber);
    out.ascii(`"${height}`);
    const close = out.length;
    out.ascii(">");
    let any = false;
    if (row) {
      for (let c = 1; c <= row.length; c++) {
        const cell = row[c - 1];
        if (!cell) continue;
        any = true;
        if (c < left) left = c;
        if (c > right) right = c;
        out.raw(cellOpenOf(c));
        out.raw(rowNumber);
        cellXml(out, afterRefOf(styles.xf(cell.style, cell.numFmt, cell.unlocked)), cell, strings);
        if (cell.note) notes.push({ row: r, col: c, text: cell.note });
        // Past Excel's limit of links on a sheet the cell keeps its text (the file's name) unlinked.
        if (cell.link && links.length < MAX_LINKS) links.push({ ref: `${colName(c)}${r}`, link: cell.link });
      }
    }
    if (any) {
      if (top === 0) top = r;
      bottom = r;
      out.raw(MARKUP.rowClose);
    } else if (height) {
      // A row with a height and no cells is still written, empty.
      out.truncate(close);
      out.ascii("/>");
    } else out.truncate(start);
  }
  out.ascii("</sheetData>");
  const dimension = top === 0 ? "A1" : `${a1(top, left)}:${a1(bottom, right)}`;
  return { bytes: out.bytes(), dimension };
}

/**
 * The rest of a `<c>` after its reference. Text is always a shared string, whatever it starts
 * with (`=`, `+`, `-`, `@`): only a Formula object becomes `<f>`.
 */
function cellXml(out: Bytes, after: AfterRef, cell: LayoutCell, strings: SharedStrings): void {
  const value = cell.value;
  if (value === null || value === undefined) {
    out.raw(after.empty);
    return;
  }
  switch (typeof value) {
    case "string":
      out.raw(after.shared);
      out.int(strings.id(value.length > MAX_CELL_TEXT ? clip(value, MAX_CELL_TEXT) : value));
      out.raw(MARKUP.valueClose);
      return;
    case "number":
      // A non-finite number has no form in a cell: Excel's #NUM! error says so where it sits.
      if (Number.isFinite(value)) {
        out.raw(after.num);
        if (Number.isInteger(value) && value >= 0 && value < 2 ** 31) out.int(value);
        else out.ascii(String(value));
        out.raw(MARKUP.valueClose);
      } else {
        out.raw(after.err);
        out.raw(MARKUP.numError);
      }
      return;
    case "boolean":
      out.raw(after.bool);
      out.int(value ? 1 : 0);
      out.raw(MARKUP.valueClose);
      return;
    default: {
      const result = value.result;
      const finite = typeof result !== "number" || Number.isFinite(result);
      out.raw(
        result === undefined || typeof result === "number" ? (finite ? after.formula : after.err) : after.str,
      );
      // SpreadsheetML stores formulas without their leading `=`.
      out.text(`<f>${escapeMarkup(value.formula.replace(/^=/, ""))}</f>`);
      if (result === undefined) out.raw(MARKUP.cellClose);
      else if (!finite) out.raw(MARKUP.numError);
      else {
        out.raw(MARKUP.valueOpen);
        out.text(typeof result === "number" ? String(result) : escapeText(result));
        out.raw(MARKUP.valueClose);
      }
    }
  }
}

/** `s` cut to `max` characters, the last one "…" when it was longer. */
export function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join("")}…`;
}
