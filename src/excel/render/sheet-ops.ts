import { FONT_NAME, FONT_SIZE, STYLES } from "../../core/layout/styles";
import { printFooter } from "../../core/layout/print";
import type { ChartKind, LayoutCell, SheetLayout } from "../../core/layout/types";
import { columnLetters } from "../../core/text";
import { boundsOf, quoteSheet, rangeAddress } from "../address";
import { gatherRects } from "../rects";
import type { FeatureKey } from "../requirements";
import { queueValues } from "./cell-blocks";
import { addConditional, clip, ruleOf } from "./cell-rules";
import { applyStyle, styleBytes } from "./cell-styles";
import type { Planned } from "./placement";
import { jsonBytes, OP_BYTES, utf8Length, type Op } from "./requests";

/*
 * Every write of one layout sheet, queued in order as operations that run once the sheet exists:
 * the sheet, sizes, values, tables, styles, locks, merges, links, validation, conditional formats,
 * charts, notes, panes, tab colour; the print setup apart, after everything essential.
 */

/** Column width: layouts count characters as ExcelJS does; Office.js wants points (7 px a digit). */
export function widthInPoints(chars: number): number {
  return Math.round(chars * 7 * 0.75 * 100) / 100;
}

/** What the queueing steps of one sheet share. */
interface SheetQueue {
  layout: SheetLayout;
  /** The worksheet: there when the operations run (the first one adds it). */
  ws: () => Excel.Worksheet;
  /** Queues an operation of `bytes` of data. */
  op: (bytes: number, run: () => void) => void;
  /** Whether this Excel draws a feature (a feature it cannot draw is noted as skipped). */
  use: (f: FeatureKey) => boolean;
  /** Rows and columns of the block of cells. */
  rows: number;
  cols: number;
}

export function queueSheet(
  context: Excel.RequestContext,
  planned: Planned,
  ops: Op[],
  cosmetic: Op[],
  finalName: Map<string, string>,
  use: (f: FeatureKey) => boolean,
  budget: number,
): void {
  const layout = planned.layout;
  const q: SheetQueue = {
    layout,
    ws: () => planned.ws as Excel.Worksheet,
    op: (bytes, run) => {
      ops.push({ bytes: bytes + OP_BYTES, run });
    },
    use,
    rows: layout.cells.length,
    cols: Math.max(layout.columns.length, ...layout.cells.map((r) => r.length), 1),
  };
  q.op(planned.writeAs.length, () => {
    planned.ws = context.workbook.worksheets.add(planned.writeAs);
  });
  queueSizes(q);
  if (q.rows > 0) {
    const block = rangeAddress(1, 1, q.rows, q.cols);
    q.op(60, () => {
      const font = q.ws().getRange(block).format.font;
      font.name = FONT_NAME;
      font.size = FONT_SIZE;
    });
    queueValues(layout, q.rows, q.cols, q.ws, ops, budget);
  }
  queueTables(q, planned);
  queueStyles(q);
  queueUnlocked(q);
  queueMerges(q);
  queueLinks(q, finalName);
  queueValidations(q);
  queueConditionalFormats(q);
  queueCharts(q);
  queueNotes(q);
  queueFreeze(q);
  queueTabColor(q);
  queuePrint(q, cosmetic);
}

function queueSizes(q: SheetQueue): void {
  const layout = q.layout;
  if (
    (layout.columns.length === 0 &&
      Object.keys(layout.rowHeights ?? {}).length === 0 &&
      (layout.hiddenColumns ?? []).length === 0) ||
    !q.use("columnWidths")
  )
    return;
  for (const run of runsOf(layout.columns)) {
    const address = `${columnLetters(run.from)}:${columnLetters(run.to)}`;
    q.op(address.length + 10, () => {
      q.ws().getRange(address).format.columnWidth = widthInPoints(run.value);
    });
  }
  for (const col of layout.hiddenColumns ?? []) {
    const address = `${columnLetters(col)}:${columnLetters(col)}`;
    q.op(address.length + 10, () => {
      q.ws().getRange(address).columnHidden = true;
    });
  }
  // Consecutive rows of one height in one operation: a sheet of wrapped names has runs of them.
  for (const run of heightRuns(layout.rowHeights ?? {})) {
    const address = `${run.from}:${run.to}`;
    q.op(address.length + 10, () => {
      q.ws().getRange(address).format.rowHeight = run.value;
    });
  }
}

/** Rows of equal height next to each other, as runs. */
function heightRuns(heights: Record<number, number>): { from: number; to: number; value: number }[] {
  const runs: { from: number; to: number; value: number }[] = [];
  const rows = Object.keys(heights)
    .map(Number)
    .sort((a, b) => a - b);
  for (const row of rows) {
    const value = heights[row] as number;
    const last = runs[runs.length - 1];
    if (last && last.value === value && last.to === row - 1) last.to = row;
    else runs.push({ from: row, to: row, value });
  }
  return runs;
}

/** Runs of equal column widths, each set in one operation. */
function runsOf(widths: number[]): { from: number; to: number; value: number }[] {
  const runs: { from: number; to: number; value: number }[] = [];
  widths.forEach((w, i) => {
    const last = runs[runs.length - 1];
    if (last && last.value === w && last.to === i) last.to = i + 1;
    else runs.push({ from: i + 1, to: i + 1, value: w });
  });
  return runs;
}

/** Tables under a name of their own for now: the contract's names are given in the last request. */
function queueTables(q: SheetQueue, planned: Planned): void {
  for (const t of q.layout.tables) {
    const area = boundsOf(t.ref);
    const address = rangeAddress(area.top, area.left, area.bottom, area.right);
    const filter = q.use("filterButton");
    q.op(80 + t.style.length, () => {
      const table = q.ws().tables.add(address, true);
      table.style = t.style;
      if (filter) {
        table.showFilterButton = false;
        table.showBandedRows = false;
      }
      planned.tables.push({ layoutName: t.name, table });
    });
  }
}

function queueStyles(q: SheetQueue): void {
  const cells = q.layout.cells;
  for (const rect of gatherRects(q.rows, q.cols, (r, c) => cells[r - 1]?.[c - 1]?.style)) {
    const spec = STYLES[rect.key];
    const address = rangeAddress(rect.top, rect.left, rect.bottom, rect.right);
    const multi = { rows: rect.bottom > rect.top, cols: rect.right > rect.left };
    q.op(styleBytes(spec, multi), () => applyStyle(q.ws().getRange(address), spec, multi));
  }
}

/** The cells a person types into, unlocked before the sheet is protected (in the last request). */
function queueUnlocked(q: SheetQueue): void {
  if (!q.layout.protect || !q.use("protection")) return;
  const cells = q.layout.cells;
  const unlocked = gatherRects(q.rows, q.cols, (r, c) => (cells[r - 1]?.[c - 1]?.unlocked ? "u" : undefined));
  for (const rect of unlocked) {
    const address = rangeAddress(rect.top, rect.left, rect.bottom, rect.right);
    q.op(address.length + 20, () => {
      q.ws().getRange(address).format.protection.locked = false;
    });
  }
}

function queueMerges(q: SheetQueue): void {
  if (q.layout.merges.length === 0 || !q.use("merges")) return;
  for (const m of q.layout.merges) {
    q.op(m.length + 20, () => q.ws().getRange(m).merge(false));
  }
}

/** Each cell of the layout that has `what`, with its A1 address, in row order. */
function cellsWith<T>(
  layout: SheetLayout,
  what: (cell: LayoutCell) => T | undefined,
): { address: string; it: T }[] {
  const found: { address: string; it: T }[] = [];
  layout.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const it = cell ? what(cell) : undefined;
      if (it !== undefined) found.push({ address: `${columnLetters(c + 1)}${r + 1}`, it });
    }),
  );
  return found;
}

function queueLinks(q: SheetQueue, finalName: Map<string, string>): void {
  const links = cellsWith(q.layout, (cell) => (cell.link ? cell : undefined));
  if (links.length === 0 || !q.use("links")) return;
  for (const { address, it: cell } of links) {
    const link = hyperlinkOf(cell, finalName);
    if (link) q.op(jsonBytes(link), () => (q.ws().getRange(address).hyperlink = link));
  }
}

function hyperlinkOf(cell: LayoutCell, finalName: Map<string, string>): Excel.RangeHyperlink | undefined {
  const link = cell.link;
  if (!link) return undefined;
  const text = typeof cell.value === "string" ? cell.value : String(cell.value ?? "");
  if (link.sheet) {
    const sheet = finalName.get(link.sheet) ?? link.sheet;
    return { documentReference: `${quoteSheet(sheet)}!${link.cell ?? "A1"}`, textToDisplay: text };
  }
  if (link.file) return { address: encodeURI(link.file.replace(/\\/g, "/")), textToDisplay: text };
  return undefined;
}

function queueValidations(q: SheetQueue): void {
  if (q.layout.validations.length === 0 || !q.use("validation")) return;
  for (const v of q.layout.validations) {
    const rule = ruleOf(v);
    const prompt = v.prompt
      ? { showPrompt: true, title: clip(v.prompt.title, 32), message: clip(v.prompt.text, 255) }
      : undefined;
    const alert = {
      showAlert: true,
      style: "Stop" as Excel.DataValidationAlertStyle,
      title: clip(v.error.title, 32),
      message: clip(v.error.text, 225),
    };
    // A rule with a relative formula holds for an area from that area's top-left cell, so each
    // area of a multi-area range gets its own rule, as in the file renderer.
    for (const area of v.range.split(/\s+/).filter(Boolean)) {
      q.op(jsonBytes(rule) + jsonBytes(prompt ?? {}) + jsonBytes(alert) + area.length, () => {
        const dv = q.ws().getRange(area).dataValidation;
        dv.rule = rule;
        dv.ignoreBlanks = v.allowBlank;
        if (prompt) dv.prompt = prompt;
        dv.errorAlert = alert;
      });
    }
  }
}

function queueConditionalFormats(q: SheetQueue): void {
  if (q.layout.conditionalFormats.length === 0 || !q.use("conditionalFormats")) return;
  for (const format of q.layout.conditionalFormats)
    q.op(200, () => addConditional(q.ws().getRange(format.range), format));
}

const CHART_TYPE: Record<ChartKind, string> = {
  barClustered: "BarClustered",
  columnClustered: "ColumnClustered",
  line: "Line",
};

function queueCharts(q: SheetQueue): void {
  const charts = q.layout.charts ?? [];
  const dashes = charts.some((c) => c.lines?.some((l) => l.dashed)) && q.use("chartLineStyles");
  for (const chart of charts) {
    if (!q.use("charts")) break;
    const [from, to] = chart.anchor.split(":") as [string, string];
    q.op(chart.title.length + chart.data.length + 80, () => {
      const type = CHART_TYPE[chart.kind];
      const drawn = q
        .ws()
        .charts.add(type as Excel.ChartType, q.ws().getRange(chart.data), "Columns" as Excel.ChartSeriesBy);
      drawn.title.text = chart.title;
      drawn.setPosition(from, to);
      // Each line's colour (ExcelApi 1.1), as the file writer draws it; a target's dash needs 1.7.
      (chart.lines ?? []).forEach((line, i) => {
        const format = drawn.series.getItemAt(i).format.line;
        format.color = `#${line.color}`;
        if (line.dashed && dashes) format.lineStyle = "Dash";
      });
    });
  }
}

function queueNotes(q: SheetQueue): void {
  const notes = cellsWith(q.layout, (cell) => (cell.note ? cell.note.normalize("NFC") : undefined));
  if (notes.length === 0 || !q.use("notes")) return;
  for (const { address, it: text } of notes) {
    q.op(utf8Length(text) + address.length + 20, () => {
      q.ws().notes.add(q.ws().getRange(address), text);
    });
  }
}

function queueFreeze(q: SheetQueue): void {
  const freeze = q.layout.freeze;
  if (!freeze || (freeze.rows <= 0 && freeze.cols <= 0) || !q.use("freeze")) return;
  const { rows, cols } = freeze;
  q.op(40, () => {
    const panes = q.ws().freezePanes;
    if (rows > 0 && cols > 0) panes.freezeAt(q.ws().getRange(rangeAddress(1, 1, rows, cols)));
    else if (rows > 0) panes.freezeRows(rows);
    else panes.freezeColumns(cols);
  });
}

function queueTabColor(q: SheetQueue): void {
  if (!q.layout.tabColor || !q.use("tabColor")) return;
  const color = `#${q.layout.tabColor}`;
  q.op(20, () => (q.ws().tabColor = color));
}

/** Print setup last, after the essentials: a host that refuses part of it leaves a usable sheet. */
function queuePrint(q: SheetQueue, cosmetic: Op[]): void {
  const print = q.layout.print;
  if (!print || !q.use("print")) return;
  const breaks = (print.rowBreaks?.length ?? 0) + (print.colBreaks?.length ?? 0);
  cosmetic.push({
    bytes: OP_BYTES * (8 + breaks),
    run: () => {
      const page = q.ws().pageLayout;
      page.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
      page.paperSize = "A4";
      if (print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      else if (print.scale) page.zoom = { scale: print.scale };
      page.leftMargin = 36;
      page.rightMargin = 36;
      page.topMargin = 43.2;
      page.bottomMargin = 43.2;
      if (print.titleRows) {
        const [from, to = from] = print.titleRows.split(":");
        page.setPrintTitleRows(`$${from}:$${to}`);
      }
      if (print.titleColumns) {
        const [from, to = from] = print.titleColumns.split(":");
        page.setPrintTitleColumns(`$${from}:$${to}`);
      }
      // Page numbers at the foot of every page, as the file writer puts them.
      page.headersFooters.defaultForAllPages.centerFooter = printFooter(print);
      // Manual breaks: Office.js puts one before the cell given, the layout names the page's last row or column.
      for (const row of print.rowBreaks ?? []) q.ws().horizontalPageBreaks.add(`A${row + 1}`);
      for (const col of print.colBreaks ?? []) q.ws().verticalPageBreaks.add(`${columnLetters(col + 1)}1`);
    },
  });
}
