import type { Indicator } from "../catalog/types";
import type { GridCell } from "../grid";
import { readCellNumber } from "../values/cell-number";
import { readCellDate } from "../values/dates";
import { detectLegacyEncoding, fromLegacy } from "../values/legacy-text";
import { convertUnit } from "../values/units";

/*
 * The validator's view of cells: what it needs from src/core/values, in one narrow place.
 */

export type Locale = "vi" | "en";

export type NumberRead =
  | {
      kind: "number";
      /** For a cell that showed `%` (format or sign): in percent points (0.4772 under `0.00%` → 47.72). */
      value: number;
      /** The cell showed a `%`. */
      percent: boolean;
    }
  | { kind: "empty" }
  | { kind: "not-a-number"; text: string }
  | { kind: "formula-without-value" };

export function readNumber(cell: GridCell | undefined, locale: Locale): NumberRead {
  const r = readCellNumber(cell, locale);
  switch (r.kind) {
    case "number":
      return { kind: "number", value: r.value, percent: r.percentFormatted };
    case "empty":
      return r;
    case "formula-without-value":
      return r;
    case "error":
      return { kind: "not-a-number", text: r.code };
    case "not-a-number":
      return { kind: "not-a-number", text: r.text };
  }
}

export type DateRead = { kind: "date"; iso: string } | { kind: "empty" } | { kind: "invalid"; text: string };

export function readDate(cell: GridCell | undefined): DateRead {
  const r = readCellDate(cell);
  if (r.kind === "date") return { kind: "date", iso: r.iso };
  if (r.kind === "empty") return r;
  if (r.kind === "invalid") return r;
  if (r.kind === "error") return { kind: "invalid", text: r.code };
  return { kind: "invalid", text: "=…" };
}

export type UomRead =
  | { kind: "same" }
  | { kind: "converted"; factor: number; text: string }
  | { kind: "unknown"; text: string }
  | { kind: "incompatible"; text: string };

/** The unit of measure a row is written in, against the indicator's. */
export function readUnitOfMeasure(cell: GridCell | undefined, ind: Indicator): UomRead {
  const text = cell && typeof cell.value === "string" ? cell.value.trim() : "";
  if (!text) return { kind: "same" };
  const r = convertUnit(1, text, ind.unit);
  switch (r.kind) {
    case "same":
      return r;
    case "converted":
      return { kind: "converted", factor: r.factor, text };
    case "unknown":
      // The catalog's own unit not recognised is a bug in the catalog, not the unit's fault.
      return r.side === "indicator" ? { kind: "same" } : { kind: "unknown", text };
    case "incompatible":
      return { kind: "incompatible", text };
  }
}

export interface LegacyRead {
  encoding: "tcvn3" | "vni";
  text: string;
  /** The text converted to Unicode, when the conversion is known. */
  unicode?: string;
}

export function readLegacy(cell: GridCell | undefined): LegacyRead | undefined {
  if (!cell || typeof cell.value !== "string") return undefined;
  const encoding = detectLegacyEncoding(cell.value);
  if (!encoding) return undefined;
  const unicode = fromLegacy(cell.value, encoding);
  return { encoding, text: cell.value, ...(unicode ? { unicode } : {}) };
}
