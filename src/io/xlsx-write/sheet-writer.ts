import type { SheetLayout } from "../../core/layout/types";
import { DRAWING_REL_TYPE, drawingPart, type DrawingPart } from "./charts";
import { a1 } from "../../core/text";
import { utf8 } from "./bytes";
import type { Note } from "./notes";
import type { SharedStrings } from "./shared-strings";
import { Rows, sheetData, type CellLink } from "./sheet-data";
import { conditionalFormats, dataValidations, hyperlinks } from "./sheet-rules";
import type { StyleTable } from "./styles";
import { tablePart, type TableNames, type TablePart } from "./table-part";
import { printFooter } from "../../core/layout/print";
import { escapeAttr, escapeMarkup, NS_MAIN, NS_REL, XML_DECLARATION } from "./xml-escape";

/*
 * One worksheet part, its elements in CT_Worksheet's order (ECMA-376 Part 1, 18.3.1.99): sheetPr,
 * dimension, sheetViews, sheetFormatPr, cols, sheetData, sheetProtection, mergeCells,
 * conditionalFormatting, dataValidations, hyperlinks, pageMargins, pageSetup, headerFooter, rowBreaks, drawing,
 * legacyDrawing, tableParts. Excel refuses a part whose elements come out of that order. The cells
 * (sheet-data.ts) are bytes; what comes before and after them is short text (sheetHead, sheetTail).
 */

export const REL_TYPE = {
  worksheet: `${NS_REL}/worksheet`,
  styles: `${NS_REL}/styles`,
  theme: `${NS_REL}/theme`,
  sharedStrings: `${NS_REL}/sharedStrings`,
  table: `${NS_REL}/table`,
  comments: `${NS_REL}/comments`,
  vmlDrawing: `${NS_REL}/vmlDrawing`,
  hyperlink: `${NS_REL}/hyperlink`,
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

export interface SheetPart {
  xml: Uint8Array;
  rels: Relationship[];
  tables: TablePart[];
  notes: Note[];
  /** The sheet's charts: xl/drawings/drawing{sheetNo}.xml and its chart parts. */
  drawing?: DrawingPart;
}

/** What the sheets of one workbook share while they are written. */
export interface WorkbookContext extends TableNames {
  styles: StyleTable;
  strings: SharedStrings;
  /** Chart parts written so far (they are numbered across the workbook). */
  chartCount: number;
}

/* Excel's limit on a column's width (characters). */
const MAX_WIDTH = 255;

/** Margins of a printed layout (inches), as the ExcelJS renderer sets them. */
const PRINT_MARGINS =
  '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>';
/** Excel's defaults, which it writes for every sheet. */
const DEFAULT_MARGINS =
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

/** The relationships of one sheet part, numbered `rId1`, `rId2`… in the order they are made. */
class SheetRels {
  readonly list: Relationship[] = [];

  add(type: string, target: string, external = false): string {
    const id = `rId${this.list.length + 1}`;
    this.list.push(external ? { id, type, target, external } : { id, type, target });
    return id;
  }
}

/** The worksheet part of a layout sheet (`sheetNo` from 1), with the parts that hang from it. */
export function writeSheet(layout: SheetLayout, sheetNo: number, ctx: WorkbookContext): SheetPart {
  const rels = new SheetRels();
  const rows = new Rows(layout);
  const tables = layout.tables.map((t) => tablePart(t, rows, ctx));
  const notes: Note[] = [];
  const links: CellLink[] = [];
  const data = sheetData(layout, rows.rows, ctx.styles, ctx.strings, notes, links);
  const drawing = drawingPart(layout, ctx.chartCount + 1);
  if (drawing) ctx.chartCount += drawing.charts.length;
  const head = utf8(sheetHead(layout, sheetNo, data.dimension));
  const tail = utf8(sheetTail(layout, sheetNo, ctx.styles, { notes, links, tables, drawing }, rels));
  const xml = new Uint8Array(head.length + data.bytes.length + tail.length);
  xml.set(head, 0);
  xml.set(data.bytes, head.length);
  xml.set(tail, head.length + data.bytes.length);
  return drawing ? { xml, rels: rels.list, tables, notes, drawing } : { xml, rels: rels.list, tables, notes };
}

/** Everything before `<sheetData>`: the tab colour, the range used, the view, the column widths. */
function sheetHead(layout: SheetLayout, sheetNo: number, dimension: string): string {
  let xml = `${XML_DECLARATION}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`;
  const fit = layout.print?.fitToWidth === true;
  if (layout.tabColor || fit) {
    xml += "<sheetPr>";
    if (layout.tabColor) xml += `<tabColor rgb="FF${escapeAttr(layout.tabColor)}"/>`;
    if (fit) xml += '<pageSetUpPr fitToPage="1"/>';
    xml += "</sheetPr>";
  }
  xml += `<dimension ref="${dimension}"/>`;
  xml += sheetViews(layout, sheetNo === 1);
  xml += '<sheetFormatPr defaultRowHeight="15"/>';
  xml += cols(layout.columns, layout.hiddenColumns ?? []);
  return xml;
}

/**
 * Everything after `<sheetData>`: protection, merges, rules, links, printing, and the parts the
 * sheet refers to. Relationships are made in this order: links, charts' drawing, comments, their
 * drawing, tables.
 */
function sheetTail(
  layout: SheetLayout,
  sheetNo: number,
  styles: StyleTable,
  found: {
    notes: readonly Note[];
    links: readonly CellLink[];
    tables: readonly TablePart[];
    drawing: DrawingPart | undefined;
  },
  rels: SheetRels,
): string {
  let xml = "";
  if (layout.protect) {
    // No password: the lock keeps codes and structure from accidental edits, not from their owner.
    // Selecting cells stays allowed (no selectLockedCells/selectUnlockedCells), as does sizing
    // columns and rows.
    xml += '<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>';
  }
  if (layout.merges.length > 0) {
    xml += `<mergeCells count="${layout.merges.length}">`;
    for (const merge of layout.merges) xml += `<mergeCell ref="${escapeAttr(merge)}"/>`;
    xml += "</mergeCells>";
  }
  xml += conditionalFormats(layout.conditionalFormats, styles);
  xml += dataValidations(layout.validations);
  xml += hyperlinks(found.links, (target) => rels.add(REL_TYPE.hyperlink, target, true));
  xml += layout.print ? PRINT_MARGINS : DEFAULT_MARGINS;
  if (layout.print) {
    // A4 is paper size 9; fit to one page wide and as many tall as it takes (fitToHeight 0).
    const fit = layout.print.fitToWidth === true;
    const scale =
      !fit && layout.print.scale
        ? ` scale="${Math.round(Math.min(400, Math.max(10, layout.print.scale)))}"`
        : "";
    xml += `<pageSetup paperSize="9"${scale}${fit ? ' fitToWidth="1" fitToHeight="0"' : ""} orientation="${layout.print.orientation}"/>`;
    // Page numbers at the foot of every printed page ("Trang 2/5"): a bundle of pages stays in order.
    xml += `<headerFooter><oddFooter>${escapeMarkup(`&C${printFooter(layout.print)}`)}</oddFooter></headerFooter>`;
    xml += pageBreaks("rowBreaks", layout.print.rowBreaks, 16383);
    xml += pageBreaks("colBreaks", layout.print.colBreaks, 1048575);
  }
  if (found.drawing)
    xml += `<drawing r:id="${rels.add(DRAWING_REL_TYPE, `../drawings/drawing${sheetNo}.xml`)}"/>`;
  if (found.notes.length > 0) {
    rels.add(REL_TYPE.comments, `../comments${sheetNo}.xml`);
    xml += `<legacyDrawing r:id="${rels.add(REL_TYPE.vmlDrawing, `../drawings/vmlDrawing${sheetNo}.vml`)}"/>`;
  }
  if (found.tables.length > 0) {
    xml += `<tableParts count="${found.tables.length}">`;
    for (const t of found.tables)
      xml += `<tablePart r:id="${rels.add(REL_TYPE.table, `../tables/table${t.id}.xml`)}"/>`;
    xml += "</tableParts>";
  }
  return xml + "</worksheet>";
}

function sheetViews(layout: SheetLayout, first: boolean): string {
  // The first sheet is the one shown on opening (the workbook's active tab defaults to it).
  let xml = `<sheetViews><sheetView${first ? ' tabSelected="1"' : ""} workbookViewId="0"`;
  const rows = layout.freeze?.rows ?? 0;
  const cols = layout.freeze?.cols ?? 0;
  if (rows <= 0 && cols <= 0) return `${xml}/></sheetViews>`;
  const topLeft = a1(rows + 1, cols + 1);
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  xml += ">";
  xml += `<pane${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>`;
  xml += `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  return `${xml}</sheetView></sheetViews>`;
}

/** Column widths, runs of equal widths (and visibility) in one `<col>` as Excel writes them. */
function cols(widths: readonly number[], hiddenColumns: readonly number[]): string {
  const hidden = new Set(hiddenColumns);
  const count = Math.max(widths.length, ...hiddenColumns, 0);
  const key = (i: number): string => `${widths[i] ?? ""}|${hidden.has(i + 1)}`;
  let xml = "";
  for (let i = 0; i < count;) {
    const width = widths[i];
    let j = i + 1;
    while (j < count && key(j) === key(i)) j++;
    const sized = width !== undefined && Number.isFinite(width) && width > 0;
    const hide = hidden.has(i + 1) ? ' hidden="1"' : "";
    if (sized || hide)
      xml += `<col min="${i + 1}" max="${j}" width="${sized ? Math.min(width, MAX_WIDTH) : 9}"${sized ? ' customWidth="1"' : ""}${hide}/>`;
    i = j;
  }
  return xml ? `<cols>${xml}</cols>` : "";
}

/** Manual page breaks: each `id` the last row (or column) of a page, as Excel counts from 1. */
function pageBreaks(tag: "rowBreaks" | "colBreaks", at: readonly number[] | undefined, max: number): string {
  const ids = [...new Set(at ?? [])].filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
  if (ids.length === 0) return "";
  const brks = ids.map((id) => `<brk id="${id}" max="${max}" man="1"/>`).join("");
  return `<${tag} count="${ids.length}" manualBreakCount="${ids.length}">${brks}</${tag}>`;
}
