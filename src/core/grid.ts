/*
 * The grid: the neutral form of a sheet that every reader produces and the engine consumes.
 * An xlsx sheet, a CSV file and a live Excel table all become grids, so validation and
 * consolidation are written once and every issue can point at its file, sheet and cell (or line).
 */

export type CellValue = string | number | boolean | null;

export interface GridCell {
  /**
   * The raw value: a number for numeric cells (dates are Excel serial numbers with a date format),
   * text as written, a boolean; null for an empty cell or a formula that has no cached result.
   */
  value: CellValue;
  /** Excel number format code (`0.00%`, `#,##0`, `dd/mm/yyyy`); absent in CSV. */
  numFmt?: string;
  /** The cell holds a formula; `value` is its cached result. */
  formula?: boolean;
  /** An Excel error value (`#DIV/0!`, `#REF!`) in place of a value. */
  error?: string;
}

export interface GridRow {
  /** 1-based row number on the sheet, or the 1-based line of the CSV record. */
  n: number;
  /** Cells by column: index 0 is column A. */
  cells: (GridCell | undefined)[];
}

export interface Grid {
  /** Sheet name in a workbook; the file's base name for a CSV. */
  sheet: string;
  /** How positions are told: A1 addresses on a sheet, line numbers in a CSV. */
  kind: "sheet" | "csv";
  /** Rows that hold anything, in ascending order of `n`. */
  rows: GridRow[];
}

/** A workbook-scoped defined name that refers to one cell (or a range: then `cell` is its top-left). */
export interface DefinedName {
  name: string;
  sheet: string;
  /** A1 address without `$`. */
  cell: string;
}

/** An Excel table (ListObject): name, sheet and the A1 range it spans, header row included. */
export interface TableInfo {
  name: string;
  sheet: string;
  ref: string;
}

/** A file read into grids: what every reader returns, whatever the format. */
export interface SourceDoc {
  /** The path as found (relative to the argument it came from, or as given). */
  file: string;
  format: "xlsx" | "csv";
  /** The sheets that were read (a reader may skip sheets a submission does not need). */
  sheets: Grid[];
  /** Every sheet name in the workbook, in order, read or not. */
  sheetNames: string[];
  names: DefinedName[];
  tables: TableInfo[];
  /** For CSV: the encoding and delimiter detected, for messages. */
  encoding?: string;
  delimiter?: string;
}

/** The cell at a 1-based row and column of a grid, if any. */
export function cellAt(grid: Grid, row: number, col: number): GridCell | undefined {
  const r = findRow(grid, row);
  return r?.cells[col - 1];
}

/** Binary search: rows are sorted by `n`. */
export function findRow(grid: Grid, n: number): GridRow | undefined {
  let lo = 0;
  let hi = grid.rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = grid.rows[mid] as GridRow;
    if (r.n === n) return r;
    if (r.n < n) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Whether a cell holds nothing at all. */
export function isBlank(cell: GridCell | undefined): boolean {
  if (!cell) return true;
  if (cell.error) return false;
  if (cell.value == null) return !cell.formula;
  return typeof cell.value === "string" && cell.value.trim() === "";
}
