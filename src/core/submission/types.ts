import type { ColumnKey, SummaryColumnKey } from "../contract";
import type { GridCell } from "../grid";
import type { Origin } from "../issues";

/** A cell as found, with where it was: enough to read it and to point a person at it. */
export interface FoundCell {
  cell: GridCell | undefined;
  origin: Origin;
  /** Not found: the defined name meant to say where points at a sheet the workbook does not have. */
  dangling?: { name: string; sheet: string };
}

/**
 * One indicator row of a submission, before its values are interpreted: its code, and the cell it
 * has in each other column found (the contract's columns; a summary's counts, so that summaries
 * consolidate upward).
 */
export type RawRow = { code: string; codeAt: Origin } & {
  [K in Exclude<ColumnKey | SummaryColumnKey, "code">]?: FoundCell;
};

/** A row of a summary's group table (`ChiTieu_Nhom`): one group's figures for one indicator. */
export interface RawGroupRow extends RawRow {
  group: string;
}

/** A row that holds figures but no indicator code: named, never dropped in silence. */
export interface StrayRow {
  at: Origin;
  /** Text of the name cell, if any, for the message. */
  label: string;
}

export type MetaField = "unit" | "unitName" | "period" | "template" | "reportDate";

/**
 * One submission found in a file: a unit's report for one period. A workbook holds one; a long CSV
 * may hold many (one per unit, period and template).
 */
export interface RawSubmission {
  file: string;
  /** Sheet (workbook) or file name (CSV). */
  sheet: string;
  format: "xlsx" | "csv";
  /** How the submission was recognised: the `ChiTieu` table, a header row rebuilt by hand, or CSV. */
  shape: "table" | "header-row" | "csv";
  meta: Partial<Record<MetaField, FoundCell>>;
  rows: RawRow[];
  stray: StrayRow[];
  /** A summary's roster-group figures (its `ChiTieu_Nhom` table), when it has them. */
  groupRows?: RawGroupRow[];
  /** Where the `Mã chỉ tiêu` header is: what a missing indicator points at. */
  headerAt: Origin;
  /** Which optional columns the submission has. */
  columns: {
    numerator: boolean;
    denominator: boolean;
    value: boolean;
    uom: boolean;
  };
}
