import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { spawnChild } from "./child";

/*
 * What openpyxl 3.0 (Debian's python3-openpyxl, a third program with its own parser) reads out of
 * a workbook: test/io/xlsx-write/openpyxl-view.py, as JSON.
 */

export const python = "/usr/bin/python3";
export const hasOpenpyxl = existsSync(python) && spawnChild(python, ["-c", "import openpyxl"]).status === 0;

export interface OpenpyxlSheet {
  name: string;
  tables: { name: string; ref: string; columns: string[]; style: string }[];
  validations: Record<string, unknown>[];
  protection: Record<string, boolean>;
  freeze: string | null;
  printTitleRows: string | null;
  printTitleCols: string | null;
  footer: string | null;
  hiddenColumns: string[];
  /** Rows after which a page break is set (openpyxl's `row_breaks`: the break's row id). */
  rowBreaks: number[];
  /** Columns after which a page break is set. */
  colBreaks: number[];
  /** Cells holding something whose text wraps. */
  wrapped: string[];
  /** Column widths set, by letter. */
  widths: Record<string, number>;
  charts: {
    type: string;
    series: { name: string | null; categories: string | null; values: string | null }[];
  }[];
  orientation: string | null;
  paperSize: string | number | null;
  fitToPage: boolean;
  merges: string[];
  cells: Record<string, unknown>;
  notes: Record<string, string>;
  links: Record<string, [string | null, string | null]>;
  unlocked: string[];
  conditional: {
    sqref: string;
    type: string;
    operator: string | null;
    formula: string[];
    priority: number;
    /** An icon set's showValue: false when only the icon shows. */
    showValue: boolean | null;
  }[];
}

export interface OpenpyxlView {
  version: string;
  title: string;
  creator: string;
  names: Record<string, string>;
  sheets: OpenpyxlSheet[];
}

/** What openpyxl reads in a workbook file. */
export function openpyxlFile(file: string): OpenpyxlView {
  const r = spawnChild(python, [path.join(__dirname, "..", "io", "xlsx-write", "openpyxl-view.py"), file], {
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as OpenpyxlView;
}

/** What openpyxl reads in a workbook's bytes. */
export function openpyxl(bytes: Uint8Array): OpenpyxlView {
  const dir = mkdtempSync(path.join(tmpdir(), "chitieu-py-"));
  const file = path.join(dir, "x.xlsx");
  writeFileSync(file, bytes);
  return openpyxlFile(file);
}
