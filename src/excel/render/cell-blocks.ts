import type { LayoutCell, LayoutValue, SheetLayout } from "../../core/layout/types";
import { rangeAddress } from "../address";
import { jsonBytes, OP_BYTES, type Op } from "./requests";

/*
 * A sheet's values and number formats, written as whole blocks of rows: one `range.values` and one
 * `range.numberFormat` assignment per band of rows, however many cells it holds.
 */

function cellValue(c: LayoutCell | null | undefined): string | number | boolean | null {
  if (!c) return null;
  const v: LayoutValue = c.value;
  if (v === null) return null;
  if (typeof v === "object") return `=${v.formula}`;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return v.normalize("NFC");
  return v;
}

/**
 * The cell's number format. Text is always written into a text-formatted (`@`) cell: that is what keeps
 * `=1+1`, `-5`, `@x`, `04240` or `2026` as the text they are instead of a formula or a number.
 */
function cellFormat(c: LayoutCell | null | undefined): string | null {
  if (!c) return null;
  const v = c.value;
  if (typeof v === "string") return "@";
  if (v !== null && typeof v === "object") return c.numFmt && c.numFmt !== "@" ? c.numFmt : null;
  return c.numFmt ?? null;
}

/**
 * Values and number formats in row bands sized for the request budget (a band is one operation and
 * cannot be split between requests, so several fit in one); formats before values.
 */
export function queueValues(
  layout: SheetLayout,
  rows: number,
  cols: number,
  ws: () => Excel.Worksheet,
  ops: Op[],
  budget: number,
): void {
  const bandBudget = Math.min(1_000_000, budget / 4);
  let top = 1;
  while (top <= rows) {
    const values: (string | number | boolean | null)[][] = [];
    const formats: (string | null)[][] = [];
    let bytes = 0;
    let r = top;
    while (r <= rows && (values.length === 0 || bytes < bandBudget)) {
      const cells = layout.cells[r - 1] ?? [];
      const rowValues: (string | number | boolean | null)[] = [];
      const rowFormats: (string | null)[] = [];
      for (let c = 0; c < cols; c++) {
        rowValues.push(cellValue(cells[c]));
        rowFormats.push(cellFormat(cells[c]));
      }
      values.push(rowValues);
      formats.push(rowFormats);
      bytes += jsonBytes(rowValues) + jsonBytes(rowFormats);
      r++;
    }
    const address = rangeAddress(top, 1, r - 1, cols);
    const anyFormat = formats.some((row) => row.some((x) => x !== null));
    const anyValue = values.some((row) => row.some((x) => x !== null));
    ops.push({
      bytes: bytes + OP_BYTES * 2,
      run: () => {
        const range = ws().getRange(address);
        if (anyFormat) range.numberFormat = formats;
        if (anyValue) range.values = values;
      },
    });
    top = r;
  }
}
