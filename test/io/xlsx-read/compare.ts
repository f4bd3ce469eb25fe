import ExcelJS from "exceljs";
import type { GridCell, SourceDoc } from "../../../src/core/grid";

/*
 * What ExcelJS's full model says a cell is, in grid terms: the reference our reader is compared
 * with, cell by cell, on the same bytes.
 */

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function serial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / 86_400_000;
}

type Plain = Exclude<GridCell["value"], null> | null;

function plain(v: unknown): { value: Plain; error?: string } {
  if (v === null || v === undefined) return { value: null };
  // The reader gives text in NFC (FORMATS.md §3); ExcelJS gives it as stored.
  if (typeof v === "string") return { value: v.normalize("NFC") };
  if (v instanceof Date) return { value: serial(v) };
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("error" in o) return { value: null, error: String(o.error) };
    if ("richText" in o) return plain((o.richText as { text: string }[]).map((r) => r.text).join(""));
    if ("text" in o) return plain(o.text);
  }
  return { value: v as Plain };
}

/** The grid cell ExcelJS's model implies, or undefined for a cell that holds nothing. */
export function expectedCell(cell: ExcelJS.Cell): GridCell | undefined {
  if (cell.type === ExcelJS.ValueType.Merge) return undefined;
  const v = cell.value as unknown;
  let out: GridCell;
  if (v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
    const { value, error } = plain((v as { result?: unknown }).result);
    out = { value, formula: true };
    if (error) out.error = error;
  } else {
    const { value, error } = plain(v);
    if (value === null && !error) return undefined;
    out = { value };
    if (error) out.error = error;
  }
  const fmt = cell.numFmt;
  if (fmt && fmt !== "General") out.numFmt = fmt;
  return out;
}

/** A cell as JSON with its keys in one order, so that equal cells print equal. */
export function canon(cell: GridCell | undefined): string {
  if (!cell) return "null";
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(cell).sort()) sorted[k] = (cell as unknown as Record<string, unknown>)[k];
  return JSON.stringify(sorted);
}

/** Every difference between our document and ExcelJS's model of the same bytes, as readable lines. */
export async function differences(bytes: Uint8Array, doc: SourceDoc): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const diffs: string[] = [];
  for (const grid of doc.sheets) {
    const ws = wb.getWorksheet(grid.sheet);
    if (!ws) {
      diffs.push(`sheet ${grid.sheet} unknown to ExcelJS`);
      continue;
    }
    const seen = new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const want = expectedCell(cell);
        const got = grid.rows.find((x) => x.n === r)?.cells[c - 1];
        const where = `${grid.sheet}!${cell.address}`;
        if (want) seen.add(`${r}:${c}`);
        const a = canon(got);
        let b = canon(want);
        // Empty text written as `t="str"` with `<v></v>` (what a formula such as IF(…;"") leaves, and
        // what ExcelJS's streaming writer writes for "") is "" to the reader, as Excel has it; ExcelJS
        // reads it as nothing. Anything else must agree.
        if (got?.value === "" && (want === undefined || want.value === null)) {
          b = canon({ ...(want ?? {}), value: "", ...(got.numFmt ? { numFmt: got.numFmt } : {}) });
        }
        if (a !== b) diffs.push(`${where}: reader ${a}, ExcelJS ${b}`);
      });
    });
    for (const row of grid.rows) {
      row.cells.forEach((cell, i) => {
        if (cell && !seen.has(`${row.n}:${i + 1}`) && !(cell.value === "" && !cell.error)) {
          diffs.push(`${grid.sheet}!R${row.n}C${i + 1}: reader has ${JSON.stringify(cell)}, ExcelJS nothing`);
        }
      });
    }
  }
  return diffs;
}
