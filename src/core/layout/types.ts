/*
 * Layouts: output sheets described as data. Two renderers draw them: the lean writer into a file
 * (src/io/xlsx-write) and Office.js into the open workbook (src/excel). A layout change is
 * made once and shows up in both.
 */

/** Named cell styles; each renderer maps a name to its own API (see styles.ts for the values). */
export type StyleName =
  | "title"
  | "subtitle"
  | "masthead"
  | "mastheadUnderlined"
  | "placeDate"
  | "guideStep"
  | "label"
  | "meta"
  | "metaInput"
  | "header"
  | "headerEn"
  | "section"
  | "code"
  | "text"
  | "wrap"
  | "input"
  | "derived"
  | "figure"
  | "muted"
  | "link"
  | "good"
  | "warn"
  | "bad"
  | "total";

/** A formula with, where known, its result (so readers that do not recalculate see a value). */
export interface Formula {
  formula: string;
  result?: number | string;
}

/** A link from a cell to a place in this workbook or to a file beside it. */
export interface Link {
  /** Another sheet and cell of the same workbook. */
  sheet?: string;
  cell?: string;
  /** A file (relative path) – a submission the issue points at. */
  file?: string;
}

/**
 * A cell's value. Text is always written as text: a string starting with `=`, `+`, `-` or `@`
 * never becomes a formula; formulas are only ever the `Formula` objects the engine builds.
 */
export type LayoutValue = string | number | boolean | null | Formula;

export interface LayoutCell {
  value: LayoutValue;
  style?: StyleName;
  numFmt?: string;
  /** An input cell: left unlocked when the sheet is protected. */
  unlocked?: boolean;
  /** A note (comment) shown on hover. */
  note?: string;
  link?: Link;
}

export type ValidationType = "whole" | "decimal" | "custom" | "list" | "date" | "textLength";

export type ValidationOperator =
  | "between"
  | "notBetween"
  | "equal"
  | "notEqual"
  | "greaterThan"
  | "lessThan"
  | "greaterThanOrEqual"
  | "lessThanOrEqual";

/** Excel data validation on a range; formulas are relative to the range's top-left cell, without `=`. */
export interface Validation {
  range: string;
  type: ValidationType;
  operator?: ValidationOperator;
  formulas: string[];
  allowBlank: boolean;
  prompt?: { title: string; text: string };
  error: { title: string; text: string };
}

/** Conditional formatting: a style when a cell's text equals a value, or an icon set. */
export type ConditionalFormat =
  | { range: string; kind: "textEquals"; text: string; style: "good" | "warn" | "bad" }
  | {
      range: string;
      kind: "iconSet";
      icons: "3TrafficLights1" | "3Symbols";
      reverse?: boolean;
      thresholds: [number, number];
      /** The icon alone, without the number under it (a signal 0–2 means nothing to a reader). */
      iconsOnly?: boolean;
    };

export interface TableLayout {
  name: string;
  /** Header row and body, e.g. `A8:J32`. */
  ref: string;
  style: string;
}

/** What a chart draws: horizontal bars, vertical columns, or lines (a series over time). */
export type ChartKind = "barClustered" | "columnClustered" | "line";

/**
 * A native chart drawn from a block of the sheet: the first column names the categories, the first
 * row the series, one series per further column. Both renderers draw it: the file writer as a
 * DrawingML chart part (src/io/xlsx-write/charts.ts), the add-in with `worksheet.charts.add`.
 */
export interface ChartLayout {
  title: string;
  kind: ChartKind;
  /** The data block, header row and category column included, e.g. `C40:E52`. */
  data: string;
  /** Where the chart sits: the cells it covers, e.g. `F40:P60`. */
  anchor: string;
  /** Number format of the value axis (e.g. `0"%"`); the cells' own format when absent. */
  valueFormat?: string;
  /**
   * How each series is drawn, in the block's column order: its colour (RRGGBB) and whether its line
   * is dashed (a plan's target beside the figure it judges). Absent: the palette, solid lines.
   */
  lines?: ChartLine[];
}

/** One series' line: a colour of CHART_COLORS, dashed for a target. */
export interface ChartLine {
  color: string;
  dashed?: boolean;
}

/** The same, under the name a sheet module reaches for. */
export type ChartSpec = ChartLayout;

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  paper: "A4";
  fitToWidth: boolean;
  /** Print scale in per cent (10–400) when not fitted to the page's width; 100 when absent. */
  scale?: number;
  /** Rows repeated at the top of each printed page, e.g. `8:8`. */
  titleRows?: string;
  /** Columns repeated at the left of each printed page, e.g. `A:B`. */
  titleColumns?: string;
  /**
   * The footer's centre, in Excel's header/footer codes; page numbers ("Trang &P/&N") when absent.
   */
  footer?: string;
  /** Rows (1-based) after which a new printed page starts: a chart's heading on a page of its own. */
  rowBreaks?: number[];
  /** Columns (1-based) after which a new printed page starts: indicators grouped across pages. */
  colBreaks?: number[];
}

export interface SheetLayout {
  name: string;
  /** What the sheet is (`template`, `summary`…): marks it as the add-in's own, to be replaced later. */
  role: string;
  /** Row-major cells from A1; null is an empty cell. */
  cells: (LayoutCell | null)[][];
  /** Column widths in characters, from column A. */
  columns: number[];
  /** Row heights in points, by 1-based row number. */
  rowHeights?: Record<number, number>;
  /** Columns (1-based) kept out of sight and off the printed page: ids the contract needs. */
  hiddenColumns?: number[];
  merges: string[];
  tables: TableLayout[];
  validations: Validation[];
  conditionalFormats: ConditionalFormat[];
  charts?: ChartLayout[];
  /** Rows and columns kept in view. */
  freeze?: { rows: number; cols: number };
  /** Protected: only `unlocked` cells can change. */
  protect: boolean;
  print?: PrintSetup;
  tabColor?: string;
}

export interface NameLayout {
  name: string;
  sheet: string;
  cell: string;
}

export interface WorkbookLayout {
  sheets: SheetLayout[];
  names: NameLayout[];
  /** Document properties. */
  title: string;
  subject?: string;
  /** The document's comments (File ▸ Info in Excel): says, for instance, that figures are sample data. */
  description?: string;
  /** Ask Excel to recalculate on open (derived % formulas written without results). */
  recalcOnOpen: boolean;
}
