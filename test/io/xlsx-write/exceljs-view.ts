import ExcelJS from "exceljs";

/*
 * What ExcelJS reads out of a workbook, as plain JSON: every property the layout model can set.
 * The same function reads the ExcelJS renderer's file and ours, so the two can be compared whole.
 */

export interface SheetView {
  name: string;
  tabColor?: string;
  frozen?: { xSplit?: number; ySplit?: number; topLeftCell?: string };
  widths: (number | undefined)[];
  heights: Record<number, number>;
  cells: Record<string, CellView>;
  merges: string[];
  tables: { name: string; ref: string; headers: string[]; style?: string; stripes?: boolean }[];
  validations: Record<string, unknown>;
  conditional: { ref: string; rules: unknown[] }[];
  protection?: Record<string, unknown>;
  print?: Record<string, unknown>;
}

export interface CellView {
  value: unknown;
  numFmt?: string;
  font?: Record<string, unknown>;
  fill?: string;
  border?: string;
  alignment?: Record<string, unknown>;
  locked?: boolean;
  note?: string;
  link?: string;
}

export interface WorkbookView {
  title?: string;
  subject?: string;
  creator?: string;
  fullCalcOnLoad?: boolean;
  names: Record<string, string[]>;
  sheets: SheetView[];
}

function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== false) out[k] = v;
  return out as Partial<T>;
}

function noteText(note: ExcelJS.Comment | string | undefined): string | undefined {
  if (note === undefined) return undefined;
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

function cellView(cell: ExcelJS.Cell): CellView {
  const v = cell.value as unknown;
  let value: unknown = v;
  let link: string | undefined;
  if (cell.type === ExcelJS.ValueType.Merge) value = { merged: cell.master.address };
  else if (v !== null && typeof v === "object" && "hyperlink" in v) {
    const h = v as { text: unknown; hyperlink: string };
    value = h.text;
    link = h.hyperlink;
  }
  const out: CellView = { value: value ?? null };
  if (cell.numFmt && cell.numFmt !== "General") out.numFmt = cell.numFmt;
  const f = cell.font;
  if (f && Object.keys(f).length > 0) {
    out.font = defined({
      name: f.name,
      size: f.size,
      bold: f.bold,
      italic: f.italic,
      underline: f.underline,
      color: f.color?.argb,
    });
  }
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill && fill.type === "pattern" && fill.pattern !== "none")
    out.fill = `${fill.pattern} ${fill.fgColor?.argb}`;
  const b = cell.border;
  if (b && Object.keys(b).length > 0) {
    out.border = (["top", "left", "bottom", "right"] as const)
      .map((side) => `${side}:${b[side]?.style ?? "-"}:${b[side]?.color?.argb ?? "-"}`)
      .join(" ");
  }
  const a = cell.alignment;
  if (a && Object.keys(a).length > 0)
    out.alignment = defined({ horizontal: a.horizontal, vertical: a.vertical, wrapText: a.wrapText });
  if (cell.protection?.locked === false) out.locked = false;
  const note = noteText(cell.note as ExcelJS.Comment | string | undefined);
  if (note) out.note = note;
  if (link) out.link = link;
  return out;
}

interface TableModel {
  name: string;
  tableRef: string;
  columns: { name: string }[];
  style?: { theme?: string; showRowStripes?: boolean };
}

export async function exceljsView(bytes: Uint8Array): Promise<WorkbookView> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const names: Record<string, string[]> = {};
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  for (const n of model) names[n.name] = [...n.ranges].sort();
  const sheets: SheetView[] = wb.worksheets.map((ws) => {
    const cells: Record<string, CellView> = {};
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells[cell.address] = cellView(cell);
      });
    });
    const heights: Record<number, number> = {};
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.height !== undefined && (row.model as { customHeight?: boolean } | null)?.customHeight)
        heights[n] = row.height;
    });
    const widths: (number | undefined)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) widths.push(ws.getColumn(c).width);
    const view = ws.views[0] as ExcelJS.WorksheetViewFrozen | undefined;
    const tables = Object.values(
      (ws as unknown as { tables: Record<string, { table: TableModel }> }).tables,
    ).map(({ table }) => ({
      name: table.name,
      ref: table.tableRef,
      headers: table.columns.map((c) => c.name),
      style: table.style?.theme,
      stripes: table.style?.showRowStripes ?? false,
    }));
    const out: SheetView = {
      name: ws.name,
      widths,
      heights,
      cells,
      merges: [...((ws.model as unknown as { merges: string[] }).merges ?? [])].sort(),
      tables,
      validations: (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations
        .model,
      conditional: (
        ws as unknown as { conditionalFormattings: { ref: string; rules: Record<string, unknown>[] }[] }
      ).conditionalFormattings.map((c) => ({ ref: c.ref, rules: c.rules })),
    };
    const tab = ws.properties.tabColor as { argb?: string } | undefined;
    if (tab?.argb) out.tabColor = tab.argb;
    if (view?.state === "frozen")
      out.frozen = defined({ xSplit: view.xSplit, ySplit: view.ySplit, topLeftCell: view.topLeftCell });
    const protection = (ws as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection;
    if (protection) out.protection = defined(protection);
    const ps = ws.pageSetup;
    if (ps.paperSize !== undefined || ps.fitToPage) {
      out.print = defined({
        paperSize: ps.paperSize,
        orientation: ps.orientation,
        fitToPage: ps.fitToPage,
        fitToWidth: ps.fitToPage ? ps.fitToWidth : undefined,
        fitToHeight: ps.fitToPage ? ps.fitToHeight : undefined,
        margins: ps.margins,
        printTitlesRow: ps.printTitlesRow,
      });
    }
    return out;
  });
  return {
    title: wb.title,
    subject: wb.subject,
    creator: wb.creator,
    fullCalcOnLoad: wb.calcProperties.fullCalcOnLoad,
    names,
    sheets,
  };
}
