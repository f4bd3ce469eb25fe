import ExcelJS from "exceljs";
import { FONT_NAME, FONT_SIZE, STYLES, type StyleSpec } from "../../src/core/layout/styles";
import type {
  ConditionalFormat,
  LayoutCell,
  SheetLayout,
  Validation,
  WorkbookLayout,
} from "../../src/core/layout/types";
import { parseRange, a1 } from "../../src/core/text";
import { printFooter } from "../../src/core/layout/print";

/*
 * A reference renderer of layouts with ExcelJS, for tests only. The project writes its files with
 * its own lean writer (src/io/xlsx-write); this renderer, whose files Excel is known to open, is
 * what the lean writer's output is compared with, and it makes "foreign" workbooks for the reader.
 */

type Fill = ExcelJS.Fill;

function font(spec: StyleSpec): Partial<ExcelJS.Font> {
  const f: Partial<ExcelJS.Font> = { name: FONT_NAME, size: spec.size ?? FONT_SIZE };
  if (spec.bold) f.bold = true;
  if (spec.italic) f.italic = true;
  if (spec.underline) f.underline = true;
  if (spec.color) f.color = { argb: `FF${spec.color}` };
  return f;
}

function fill(color: string): Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: `FF${color}` } };
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFBFBFBF" } },
  left: { style: "thin", color: { argb: "FFBFBFBF" } },
  bottom: { style: "thin", color: { argb: "FFBFBFBF" } },
  right: { style: "thin", color: { argb: "FFBFBFBF" } },
};

function applyStyle(target: ExcelJS.Cell, spec: StyleSpec): void {
  target.font = font(spec);
  if (spec.fill) target.fill = fill(spec.fill);
  if (spec.border) target.border = THIN;
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (spec.hAlign) alignment.horizontal = spec.hAlign;
  if (spec.vAlign) alignment.vertical = spec.vAlign;
  if (spec.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length > 0) target.alignment = alignment;
}

/** A hyperlink target ExcelJS understands: `#'Sheet'!A1` inside the workbook, or a relative file. */
function hyperlinkOf(cell: LayoutCell): string | undefined {
  const link = cell.link;
  if (!link) return undefined;
  if (link.sheet) return `#'${link.sheet.replace(/'/g, "''")}'!${link.cell ?? "A1"}`;
  if (link.file) return encodeURI(link.file.replace(/\\/g, "/"));
  return undefined;
}

function cellValue(cell: LayoutCell): ExcelJS.CellValue {
  const v = cell.value;
  if (v === null) return null;
  if (typeof v === "object") {
    return v.result !== undefined
      ? { formula: v.formula, result: v.result }
      : { formula: v.formula, date1904: false };
  }
  const link = hyperlinkOf(cell);
  // Text stays text: ExcelJS writes every JS string as a string, never as a formula.
  if (link !== undefined) return { text: String(v), hyperlink: link };
  return v;
}

function writeCells(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  layout.cells.forEach((row, ri) => {
    row.forEach((c, ci) => {
      if (!c) return;
      const target = ws.getCell(ri + 1, ci + 1);
      target.value = cellValue(c);
      if (c.style) applyStyle(target, STYLES[c.style]);
      else target.font = font({});
      if (c.numFmt) target.numFmt = c.numFmt;
      if (c.unlocked) target.protection = { locked: false };
      if (c.note) target.note = c.note;
    });
  });
}

function addTables(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  for (const t of layout.tables) {
    const bounds = parseRange(t.ref);
    if (!bounds) throw new Error(`Bad table range ${t.ref}`);
    const valueAt = (r: number, c: number): ExcelJS.CellValue => {
      const lc = layout.cells[r - 1]?.[c - 1];
      return lc ? cellValue(lc) : null;
    };
    const columns: ExcelJS.TableColumnProperties[] = [];
    for (let c = bounds.left; c <= bounds.right; c++) {
      columns.push({ name: String(valueAt(bounds.top, c) ?? `Cột ${c}`), filterButton: false });
    }
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = bounds.top + 1; r <= bounds.bottom; r++) {
      const values: ExcelJS.CellValue[] = [];
      for (let c = bounds.left; c <= bounds.right; c++) values.push(valueAt(r, c));
      rows.push(values);
    }
    ws.addTable({
      name: t.name,
      ref: a1(bounds.top, bounds.left),
      headerRow: true,
      totalsRow: false,
      style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: false },
      columns,
      rows,
    });
  }
}

function addValidation(ws: ExcelJS.Worksheet, v: Validation): void {
  const dv: ExcelJS.DataValidation = {
    type: v.type,
    allowBlank: v.allowBlank,
    formulae: v.formulas,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: v.error.title,
    error: v.error.text,
  };
  if (v.operator) dv.operator = v.operator;
  if (v.prompt) {
    dv.showInputMessage = true;
    dv.promptTitle = v.prompt.title;
    dv.prompt = v.prompt.text;
  }
  // Each area of a multi-area range gets the rule; a custom formula is relative to the area's top-left.
  for (const area of v.range.split(/\s+/).filter(Boolean)) {
    (
      ws as unknown as { dataValidations: { add(a: string, d: ExcelJS.DataValidation): void } }
    ).dataValidations.add(area, dv);
  }
}

function addConditional(ws: ExcelJS.Worksheet, c: ConditionalFormat): void {
  if (c.kind === "textEquals") {
    const spec = STYLES[c.style];
    ws.addConditionalFormatting({
      ref: c.range,
      rules: [
        {
          type: "cellIs",
          operator: "equal",
          priority: 1,
          formulae: [`"${c.text.replace(/"/g, '""')}"`],
          style: {
            font: { color: { argb: `FF${spec.color ?? "000000"}` } },
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${spec.fill ?? "FFFFFF"}` } },
          },
        },
      ],
    });
    return;
  }
  ws.addConditionalFormatting({
    ref: c.range,
    rules: [
      {
        type: "iconSet",
        priority: 1,
        iconSet: c.icons,
        reverse: c.reverse ?? false,
        showValue: !c.iconsOnly,
        cfvo: [
          { type: "num", value: 0 },
          { type: "num", value: c.thresholds[0] },
          { type: "num", value: c.thresholds[1] },
        ],
      } as ExcelJS.ConditionalFormattingRule,
    ],
  });
}

function renderSheet(wb: ExcelJS.Workbook, layout: SheetLayout): void {
  const ws = wb.addWorksheet(layout.name, {
    properties: layout.tabColor ? { tabColor: { argb: `FF${layout.tabColor}` } } : {},
  });
  layout.columns.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const col of layout.hiddenColumns ?? []) ws.getColumn(col).hidden = true;
  for (const [row, h] of Object.entries(layout.rowHeights ?? {})) ws.getRow(Number(row)).height = h;
  addTables(ws, layout);
  writeCells(ws, layout);
  for (const m of layout.merges) ws.mergeCells(m);
  for (const v of layout.validations) addValidation(ws, v);
  for (const c of layout.conditionalFormats) addConditional(ws, c);
  if (layout.freeze) {
    ws.views = [
      {
        state: "frozen",
        xSplit: layout.freeze.cols,
        ySplit: layout.freeze.rows,
        topLeftCell: a1(layout.freeze.rows + 1, layout.freeze.cols + 1),
        activeCell: a1(layout.freeze.rows + 1, layout.freeze.cols + 1),
      },
    ];
  }
  if (layout.print) {
    ws.pageSetup = {
      paperSize: 9,
      orientation: layout.print.orientation,
      fitToPage: layout.print.fitToWidth,
      ...(layout.print.scale && !layout.print.fitToWidth ? { scale: layout.print.scale } : {}),
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: layout.print.titleRows,
      ...(layout.print.titleColumns ? { printTitlesColumn: layout.print.titleColumns } : {}),
    } as Partial<ExcelJS.PageSetup>;
    ws.headerFooter = { oddFooter: `&C${printFooter(layout.print)}` } as ExcelJS.HeaderFooter;
    // Row breaks as ExcelJS writes them (it has no column breaks: compared apart).
    for (const row of layout.print.rowBreaks ?? []) ws.getRow(row).addPageBreak();
  }
  if (layout.protect) {
    // No password: the lock keeps codes and structure from accidental edits, not from their owner.
    void ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    });
  }
}

/** Builds the ExcelJS workbook of a layout (exposed for tests that inspect the model). */
export function layoutToWorkbook(layout: WorkbookLayout): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ChiTieu";
  wb.title = layout.title;
  if (layout.subject) wb.subject = layout.subject;
  if (layout.description) wb.description = layout.description;
  for (const sheet of layout.sheets) renderSheet(wb, sheet);
  for (const n of layout.names) {
    wb.definedNames.add(`'${n.sheet.replace(/'/g, "''")}'!$${n.cell.replace(/(\d+)$/, "$$$1")}`, n.name);
  }
  if (layout.recalcOnOpen) wb.calcProperties.fullCalcOnLoad = true;
  return wb;
}

/** Renders a layout to .xlsx bytes. */
export async function renderWorkbook(layout: WorkbookLayout): Promise<Uint8Array> {
  const wb = layoutToWorkbook(layout);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
