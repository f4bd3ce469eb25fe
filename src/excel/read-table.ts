import { NAMES, TABLE_NAME } from "../core/contract";
import type { CellValue, DefinedName, Grid, GridCell, GridRow, SourceDoc } from "../core/grid";
import { boundsOf, rangeAddress, splitAddress } from "./address";
import { toActionError } from "./errors";

/*
 * Reads the open workbook the way the file readers read a submission: the `ChiTieu` table and the
 * workbook's `ChiTieu_*` names become a SourceDoc of grids (values, number formats, formula flags at
 * their real rows and columns), so checking the live workbook is the same code as checking a file and
 * every issue points at a cell the pane can select.
 *
 *   sync 1   table names, defined names, sheet names, the active sheet;
 *   sync 2   the table's address and the cells the names point at;
 *   sync 3…  the table's cells, in row bands sized under the 5 MB response limit (one band for any
 *            template or province summary).
 *
 * With no `ChiTieu` table (a sheet rebuilt by hand), the active sheet's used range is read instead,
 * so the engine's header-row and label-cell rules can still find the data.
 */

export interface ReadOptions {
  /** What SourceDoc.file says; the pane passes the workbook's name when it knows it. */
  file?: string;
  /** Response budget per request (Excel on the web: 5 MB). */
  maxResponseBytes?: number;
}

/* A loaded cell costs about this much in a response: value, format, formula and type as JSON, with room
 * for long Vietnamese names (which appear twice: as value and as formula). */
const BYTES_PER_CELL = 120;

interface Block {
  sheet: string;
  top: number;
  left: number;
  values: unknown[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
  valueTypes: unknown[][];
}

export async function readChiTieuTable(
  context: Excel.RequestContext,
  opts: ReadOptions = {},
): Promise<SourceDoc> {
  const budget = opts.maxResponseBytes ?? 4_000_000;
  try {
    const tables = context.workbook.tables;
    tables.load("items/name");
    const names = context.workbook.names;
    names.load("items/name,items/type,items/value");
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const active = context.workbook.worksheets.getActiveWorksheet();
    active.load("name");
    await context.sync();

    const table = tables.items.find((t) => t.name.toLowerCase() === TABLE_NAME.toLowerCase());
    const contractNames = new Set(Object.values(NAMES).map((n) => n.toLowerCase()));
    const ours = names.items.filter(
      (n) => n.type === "Range" && (contractNames.has(n.name.toLowerCase()) || /^chitieu_/i.test(n.name)),
    );

    const tableRange = table ? table.getRange() : active.getUsedRange();
    tableRange.load("address,rowCount,columnCount");
    const nameRanges = ours.map((n) => {
      const r = n.getRange();
      r.load("address,values,numberFormat,formulas,valueTypes");
      return { name: n.name, range: r };
    });
    await context.sync();

    const blocks: Block[] = nameRanges.map(({ range }) => blockOf(range));
    const { sheet: tableSheet = active.name, local } = splitAddress(tableRange.address);
    const b = boundsOf(local);
    const rowsPerBand = Math.max(
      1,
      Math.floor(budget / BYTES_PER_CELL / Math.max(1, tableRange.columnCount)),
    );
    const tableSheetObj = context.workbook.worksheets.getItem(tableSheet);
    // Each band is its own request so no response exceeds the limit; a submission has one band.
    for (let top = b.top; top <= b.bottom; top += rowsPerBand) {
      const bottom = Math.min(b.bottom, top + rowsPerBand - 1);
      const band = tableSheetObj.getRange(rangeAddress(top, b.left, bottom, b.right));
      band.load("address,values,numberFormat,formulas,valueTypes");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      blocks.push(blockOf(band));
    }

    const doc: SourceDoc = {
      file: opts.file ?? "Sổ tính đang mở",
      format: "xlsx",
      sheets: toGrids(blocks),
      sheetNames: sheets.items.map((s) => s.name),
      names: nameRanges.map(({ name, range }): DefinedName => {
        const { sheet = "", local: cell } = splitAddress(range.address);
        return { name, sheet, cell: cell.split(":")[0] as string };
      }),
      tables: table ? [{ name: table.name, sheet: tableSheet, ref: local }] : [],
    };
    return doc;
  } catch (e) {
    throw toActionError(e, "Đọc bảng ChiTieu", "Reading the ChiTieu table");
  }
}

function blockOf(range: Excel.Range): Block {
  const { sheet = "", local } = splitAddress(range.address);
  const b = boundsOf(local);
  return {
    sheet,
    top: b.top,
    left: b.left,
    values: range.values,
    numberFormat: range.numberFormat,
    formulas: range.formulas,
    valueTypes: range.valueTypes,
  };
}

/** Gathers blocks into one grid per sheet, rows in order, cells at their column (index 0 is A). */
function toGrids(blocks: Block[]): Grid[] {
  const bySheet = new Map<string, Map<number, GridRow>>();
  for (const block of blocks) {
    let rows = bySheet.get(block.sheet);
    if (!rows) {
      rows = new Map();
      bySheet.set(block.sheet, rows);
    }
    block.values.forEach((line, i) => {
      const n = block.top + i;
      line.forEach((value, j) => {
        const cell = gridCell(
          value,
          block.numberFormat[i]?.[j],
          block.formulas[i]?.[j],
          block.valueTypes[i]?.[j],
        );
        if (!cell) return;
        let row = (rows as Map<number, GridRow>).get(n);
        if (!row) {
          row = { n, cells: [] };
          (rows as Map<number, GridRow>).set(n, row);
        }
        row.cells[block.left - 1 + j] = cell;
      });
    });
  }
  return [...bySheet].map(([sheet, rows]) => ({
    sheet,
    kind: "sheet" as const,
    rows: [...rows.values()].sort((a, b) => a.n - b.n),
  }));
}

function gridCell(value: unknown, numFmt: unknown, formula: unknown, type: unknown): GridCell | undefined {
  const fmt = typeof numFmt === "string" && numFmt !== "General" ? numFmt : undefined;
  // A text cell holding "=x" reads back like a formula: in a text-formatted cell it is text.
  const isFormula =
    typeof formula === "string" && formula.startsWith("=") && !(fmt === "@" && formula === value);
  if (type === "Error") {
    const cell: GridCell = { value: null, error: String(value) };
    if (fmt) cell.numFmt = fmt;
    if (isFormula) cell.formula = true;
    return cell;
  }
  if ((value === "" || value === null || value === undefined) && !isFormula) return undefined;
  // A live formula always has a result; one that yields "" reads as blank text, not as "no result".
  const v: CellValue =
    typeof value === "number" || typeof value === "boolean"
      ? value
      : value == null
        ? null
        : String(value).normalize("NFC");
  const cell: GridCell = { value: v };
  if (fmt) cell.numFmt = fmt;
  if (isFormula) cell.formula = true;
  return cell;
}
