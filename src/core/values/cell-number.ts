import type { GridCell } from "../grid";
import { excelSerialToIso } from "./dates";
import { isDateFormat, isPercentFormat } from "./numfmt";
import { type NumberLocale, type NumberProblem, parseNumberText } from "./numbers";

/*
 * One cell read as a figure (FORMATS.md §3). Numeric cells are taken as they are; text goes through
 * parseNumberText with the locale. Everything that is not a usable number says why, so that the
 * validator can name it in an issue rather than drop it.
 */

export type CellNumber =
  | {
      kind: "number";
      /**
       * The figure. For a cell that showed `%` it is in percent points: a numeric cell holding
       * 0.4772 under `0.00%` gives 47.72 (Excel's own value × 100, FORMATS.md §3), and the text
       * `47,72%` gives 47.72 too, so a rate's `Thực hiện` is always in points whatever the form.
       */
      value: number;
      /** The cell showed a `%` (its number format, or a `%` sign in the text). */
      percentFormatted: boolean;
      /** The number was typed as text and parsed with the locale. */
      fromText: boolean;
      /** From text: what the other locale reads instead (see parseNumberText). */
      otherReading?: number;
      /** From text in scientific notation: possibly rounded by Excel's display. */
      scientific?: boolean;
    }
  | { kind: "empty" }
  | {
      kind: "not-a-number";
      /** The cell as a person sees it: the text, `TRUE`/`FALSE`, or the date as `YYYY-MM-DD`. */
      text: string;
      /**
       * `boolean` for TRUE/FALSE; `date` for a numeric cell under a date format — in a figure
       * column that is Excel having turned `1/5` or `1-5` into a date, and its serial number
       * (46143…) must never enter a sum.
       */
      reason: NumberProblem | "boolean" | "date";
      /** From text: the number before a unit (`12 hộ` → 12), the unit text, the other reading. */
      value?: number;
      unitText?: string;
      otherReading?: number;
    }
  | { kind: "formula-without-value" }
  | { kind: "error"; code: string };

/**
 * Excel's error values. A CSV written by Excel holds them as text (`#DIV/0!`), so text is checked
 * too: a formula's error must be reported as one, not as "not a number".
 */
const EXCEL_ERROR =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)$/i;

/** ×100 without binary noise: 0.4772 × 100 is 47.720000000000006 in doubles; Excel keeps 15 digits. */
function times100(v: number): number {
  const r = Number((v * 100).toPrecision(15));
  return r === 0 ? 0 : r;
}

export function readCellNumber(cell: GridCell | undefined, locale: NumberLocale = "vi"): CellNumber {
  if (!cell) return { kind: "empty" };
  if (cell.error) return { kind: "error", code: cell.error };
  const v = cell.value;
  if (v == null) return cell.formula ? { kind: "formula-without-value" } : { kind: "empty" };

  if (typeof v === "boolean") return { kind: "not-a-number", text: v ? "TRUE" : "FALSE", reason: "boolean" };

  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { kind: "not-a-number", text: String(v), reason: "not-a-number" };
    if (isDateFormat(cell.numFmt)) {
      return { kind: "not-a-number", text: excelSerialToIso(v) ?? String(v), reason: "date" };
    }
    if (isPercentFormat(cell.numFmt, v)) {
      return { kind: "number", value: times100(v), percentFormatted: true, fromText: false };
    }
    return { kind: "number", value: v === 0 ? 0 : v, percentFormatted: false, fromText: false };
  }

  const text = v.trim();
  if (EXCEL_ERROR.test(text)) return { kind: "error", code: text.toUpperCase() };
  const p = parseNumberText(v, locale);
  switch (p.kind) {
    case "empty":
      return { kind: "empty" };
    case "number": {
      const r: CellNumber = { kind: "number", value: p.value, percentFormatted: p.percent, fromText: true };
      if (p.otherReading !== undefined) r.otherReading = p.otherReading;
      if (p.scientific) r.scientific = true;
      return r;
    }
    case "invalid": {
      const r: CellNumber = { kind: "not-a-number", text, reason: p.problem };
      if (p.value !== undefined) r.value = p.value;
      if (p.unitText !== undefined) r.unitText = p.unitText;
      if (p.otherReading !== undefined) r.otherReading = p.otherReading;
      return r;
    }
  }
}
