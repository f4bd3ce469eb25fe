import type {
  ConditionalFormat,
  LayoutCell,
  Link,
  SheetLayout,
  TableLayout,
  Validation,
} from "../../core/layout/types";
import { a1, columnLetters, parseRange } from "../../core/text";
import type { Note } from "./notes";
import type { SharedStrings } from "./shared-strings";
import type { StyleTable } from "./styles";
import { Bytes, utf8 } from "./bytes";
import { escapeAttr, escapeMarkup, escapeText, NS_MAIN, NS_REL, XML_DECLARATION } from "./xml-escape";

/*
 * One worksheet part, its elements in CT_Worksheet's order (ECMA-376 Part 1, 18.3.1.99): sheetPr,
 * dimension, sheetViews, sheetFormatPr, cols, sheetData, sheetProtection, mergeCells,
 * conditionalFormatting, dataValidations, hyperlinks, pageMargins, pageSetup, legacyDrawing,
 * tableParts. Excel refuses a part whose elements come out of that order.
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
  tables: { id: number; xml: string }[];
  notes: Note[];
}

/** What the sheets of one workbook share while they are written. */
export interface WorkbookContext {
  styles: StyleTable;
  strings: SharedStrings;
  /** Table and defined names taken so far, in lower case: Excel compares names ignoring case. */
  names: Set<string>;
  /** Tables written so far: a table's id and part number are unique in the workbook. */
  tableCount: number;
}

/*
 * Excel's limits (Excel specifications and limits): past them Excel declares the file damaged and
 * drops what it cannot hold, so the writer shortens messages and text itself, with "…" to say so.
 */
const MAX_TITLE = 32;
const MAX_MESSAGE = 255;
const MAX_CELL_TEXT = 32_767;
const MAX_LINKS = 65_530;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAX_WIDTH = 255;
const MAX_HEIGHT = 409;

/** Margins of a printed layout (inches), as the ExcelJS renderer sets them. */
const PRINT_MARGINS =
  '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>';
/** Excel's defaults, which it writes for every sheet. */
const DEFAULT_MARGINS =
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

/** Column letters by 1-based column, computed once per column rather than per cell. */
const letters: string[] = [""];
function colName(col: number): string {
  while (letters.length <= col) letters.push(columnLetters(letters.length));
  return letters[col] as string;
}

export function writeSheet(layout: SheetLayout, sheetNo: number, ctx: WorkbookContext): SheetPart {
  const rels: Relationship[] = [];
  const rel = (type: string, target: string, external = false): string => {
    const id = `rId${rels.length + 1}`;
    rels.push(external ? { id, type, target, external } : { id, type, target });
    return id;
  };

  const rows = new Rows(layout);
  const tables = layout.tables.map((t) => prepareTable(t, rows, ctx));

  const notes: Note[] = [];
  const links: { ref: string; link: Link }[] = [];
  const data = sheetData(layout, rows.rows, ctx, notes, links);

  let x = `${XML_DECLARATION}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`;
  const fit = layout.print?.fitToWidth === true;
  if (layout.tabColor || fit) {
    x += "<sheetPr>";
    if (layout.tabColor) x += `<tabColor rgb="FF${escapeAttr(layout.tabColor)}"/>`;
    if (fit) x += '<pageSetUpPr fitToPage="1"/>';
    x += "</sheetPr>";
  }
  x += `<dimension ref="${data.dimension}"/>`;
  x += sheetViews(layout, sheetNo === 1);
  x += '<sheetFormatPr defaultRowHeight="15"/>';
  x += cols(layout.columns);
  const head = x;
  x = "";
  if (layout.protect) {
    // No password: the lock keeps codes and structure from accidental edits, not from their owner.
    // Selecting cells stays allowed (no selectLockedCells/selectUnlockedCells), as does sizing
    // columns and rows.
    x += '<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>';
  }
  if (layout.merges.length > 0) {
    x += `<mergeCells count="${layout.merges.length}">`;
    for (const m of layout.merges) x += `<mergeCell ref="${escapeAttr(m)}"/>`;
    x += "</mergeCells>";
  }
  x += conditionalFormats(layout.conditionalFormats, ctx);
  x += dataValidations(layout.validations);
  x += hyperlinks(links, rel);
  x += layout.print ? PRINT_MARGINS : DEFAULT_MARGINS;
  if (layout.print) {
    // A4 is paper size 9; fit to one page wide and as many tall as it takes (fitToHeight 0).
    x += `<pageSetup paperSize="9"${fit ? ' fitToWidth="1" fitToHeight="0"' : ""} orientation="${layout.print.orientation}"/>`;
  }
  if (notes.length > 0) {
    rel(REL_TYPE.comments, `../comments${sheetNo}.xml`);
    x += `<legacyDrawing r:id="${rel(REL_TYPE.vmlDrawing, `../drawings/vmlDrawing${sheetNo}.vml`)}"/>`;
  }
  if (tables.length > 0) {
    x += `<tableParts count="${tables.length}">`;
    for (const t of tables) x += `<tablePart r:id="${rel(REL_TYPE.table, `../tables/table${t.id}.xml`)}"/>`;
    x += "</tableParts>";
  }
  x += "</worksheet>";
  const headBytes = utf8(head);
  const tailBytes = utf8(x);
  const xml = new Uint8Array(headBytes.length + data.bytes.length + tailBytes.length);
  xml.set(headBytes, 0);
  xml.set(data.bytes, headBytes.length);
  xml.set(tailBytes, headBytes.length + data.bytes.length);
  return { xml, rels, tables, notes };
}

/**
 * The layout's rows with what Excel needs on top: the cells a merge covers take the style of its
 * top-left cell (as Excel and ExcelJS give them, so borders and fills run across the merge) and
 * lose any value, and a table's header cells hold exactly the table's column names. Rows are
 * copied only where they change: the layout itself is never modified.
 */
class Rows {
  readonly rows: (LayoutCell | null)[][];
  private readonly copied = new Set<number>();

  constructor(layout: SheetLayout) {
    this.rows = layout.cells.slice();
    for (const m of layout.merges) {
      const b = parseRange(m);
      if (!b) throw new Error(`Bad merge range ${m} on sheet ${layout.name}`);
      const master = layout.cells[b.top - 1]?.[b.left - 1] ?? null;
      const covered: LayoutCell | null = master
        ? { value: null, style: master.style, numFmt: master.numFmt, unlocked: master.unlocked }
        : null;
      for (let r = b.top; r <= b.bottom; r++) {
        for (let c = b.left; c <= b.right; c++) {
          if (r !== b.top || c !== b.left) this.set(r, c, covered);
        }
      }
    }
  }

  get(r: number, c: number): LayoutCell | null {
    return this.rows[r - 1]?.[c - 1] ?? null;
  }

  set(r: number, c: number, cell: LayoutCell | null): void {
    while (this.rows.length < r) this.rows.push([]);
    if (!this.copied.has(r)) {
      this.rows[r - 1] = (this.rows[r - 1] as (LayoutCell | null)[]).slice();
      this.copied.add(r);
    }
    const row = this.rows[r - 1] as (LayoutCell | null)[];
    while (row.length < c) row.push(null);
    row[c - 1] = cell;
  }
}

interface PreparedTable {
  id: number;
  xml: string;
}

function prepareTable(t: TableLayout, rows: Rows, ctx: WorkbookContext): PreparedTable {
  const b = parseRange(t.ref);
  if (!b) throw new Error(`Bad table range ${t.ref}`);
  const id = ++ctx.tableCount;
  const name = uniqueName(tableName(t.name), ctx.names);
  const used = new Set<string>();
  let columns = "";
  for (let c = b.left; c <= b.right; c++) {
    const cell = rows.get(b.top, c);
    let text = headerText(cell) || `Cột ${c}`;
    // Column names are unique within a table, ignoring case; Excel numbers repeats the same way.
    for (let n = 2; used.has(text.toLowerCase()); n++) text = `${headerText(cell) || `Cột ${c}`}${n}`;
    used.add(text.toLowerCase());
    // The header cell must say exactly the column's name, as text.
    rows.set(b.top, c, { ...cell, value: text });
    columns += `<tableColumn id="${c - b.left + 1}" name="${escapeAttr(text)}"/>`;
  }
  const ref = `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`;
  // No <autoFilter>: that is how Excel saves a table whose filter buttons are turned off.
  const xml =
    `${XML_DECLARATION}<table xmlns="${NS_MAIN}" id="${id}" name="${escapeAttr(name)}" displayName="${escapeAttr(name)}" ref="${ref}" totalsRowShown="0">` +
    `<tableColumns count="${b.right - b.left + 1}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/></table>`;
  return { id, xml };
}

function headerText(cell: LayoutCell | null): string {
  const v = cell?.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return v.result === undefined ? "" : String(v.result);
  return String(v);
}

/**
 * A name Excel accepts for a table: letters, digits, `_` and `.`, starting with a letter or `_`,
 * and not something Excel would read as a cell reference.
 */
function tableName(name: string): string {
  let n = name.replace(/[^\p{L}\p{N}_.\\]/gu, "_");
  if (!/^[\p{L}_\\]/u.test(n) || /^[A-Za-z]{1,3}\d+$/.test(n) || /^[RrCc]$|^[Rr]\d*[Cc]\d*$/.test(n))
    n = `_${n}`;
  return n.slice(0, 255);
}

/** The name itself when free, else with `_2`, `_3`…: two tables of one workbook may not share a name. */
export function uniqueName(name: string, taken: Set<string>): string {
  let n = name;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${name}_${i}`;
  taken.add(n.toLowerCase());
  return n;
}

const B = {
  numError: utf8("<v>#NUM!</v></c>"),
  vOpen: utf8("<v>"),
  vClose: utf8("</v></c>"),
  cClose: utf8("</c>"),
  rowOpen: utf8('<row r="'),
  rowClose: utf8("</row>"),
};

/** `<c r="AB` by 1-based column: computed once per column, not per cell. */
const cellOpen: Uint8Array[] = [new Uint8Array(0)];
function cellOpenOf(col: number): Uint8Array {
  while (cellOpen.length <= col) cellOpen.push(utf8(`<c r="${columnLetters(cellOpen.length)}`));
  return cellOpen[col] as Uint8Array;
}

/** What follows a cell's reference, by kind of value, for one cellXfs index (`" s="12" t="s"><v>`). */
interface AfterRef {
  empty: Uint8Array;
  shared: Uint8Array;
  num: Uint8Array;
  bool: Uint8Array;
  str: Uint8Array;
  err: Uint8Array;
  formula: Uint8Array;
}

const afterRef: AfterRef[] = [];
function afterRefOf(xf: number): AfterRef {
  let a = afterRef[xf];
  if (!a) {
    const s = `" s="${xf}"`;
    a = {
      empty: utf8(`${s}/>`),
      shared: utf8(`${s} t="s"><v>`),
      num: utf8(`${s}><v>`),
      bool: utf8(`${s} t="b"><v>`),
      str: utf8(`${s} t="str">`),
      err: utf8(`${s} t="e">`),
      formula: utf8(`${s}>`),
    };
    afterRef[xf] = a;
  }
  return a;
}

function sheetData(
  layout: SheetLayout,
  rows: (LayoutCell | null)[][],
  ctx: WorkbookContext,
  notes: Note[],
  links: { ref: string; link: Link }[],
): { bytes: Uint8Array; dimension: string } {
  const { styles, strings } = ctx;
  const heights = layout.rowHeights ?? {};
  let lastRow = rows.length;
  for (const k of Object.keys(heights)) lastRow = Math.max(lastRow, Number(k));
  const widest = rows.reduce((n, row) => Math.max(n, row?.length ?? 0), 0);
  if (lastRow > MAX_ROWS || widest > MAX_COLUMNS)
    throw new Error(
      `Sheet ${layout.name} is larger than an Excel sheet (${MAX_ROWS} rows, ${MAX_COLUMNS} columns)`,
    );
  let top = 0;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const out = new Bytes(1 << 20);
  out.ascii("<sheetData>");
  for (let r = 1; r <= lastRow; r++) {
    const row = rows[r - 1];
    const rs = utf8(String(r));
    const h = heights[r];
    const ht =
      h !== undefined && h >= 0 && Number.isFinite(h)
        ? ` ht="${Math.min(h, MAX_HEIGHT)}" customHeight="1"`
        : "";
    const start = out.length;
    out.raw(B.rowOpen);
    out.raw(rs);
    out.ascii(`"${ht}`);
    const close = out.length;
    out.ascii(">");
    let any = false;
    if (row) {
      for (let c = 1; c <= row.length; c++) {
        const cell = row[c - 1];
        if (!cell) continue;
        any = true;
        if (c < left) left = c;
        if (c > right) right = c;
        out.raw(cellOpenOf(c));
        out.raw(rs);
        cellXml(out, afterRefOf(styles.xf(cell.style, cell.numFmt, cell.unlocked)), cell, strings);
        if (cell.note) notes.push({ row: r, col: c, text: cell.note });
        // Past Excel's limit of links on a sheet the cell keeps its text (the file's name) unlinked.
        if (cell.link && links.length < MAX_LINKS) links.push({ ref: `${colName(c)}${r}`, link: cell.link });
      }
    }
    if (any) {
      if (top === 0) top = r;
      bottom = r;
      out.raw(B.rowClose);
    } else if (ht) {
      out.truncate(close);
      out.ascii("/>");
    } else out.truncate(start);
  }
  out.ascii("</sheetData>");
  const dimension = top === 0 ? "A1" : `${a1(top, left)}:${a1(bottom, right)}`;
  return { bytes: out.bytes(), dimension };
}

/**
 * The rest of a `<c>` after its reference. Text is always a shared string, whatever it starts
 * with (`=`, `+`, `-`, `@`): only a Formula object becomes `<f>`.
 */
function cellXml(out: Bytes, after: AfterRef, cell: LayoutCell, strings: SharedStrings): void {
  const v = cell.value;
  if (v === null || v === undefined) {
    out.raw(after.empty);
    return;
  }
  switch (typeof v) {
    case "string":
      out.raw(after.shared);
      out.int(strings.id(v.length > MAX_CELL_TEXT ? clip(v, MAX_CELL_TEXT) : v));
      out.raw(B.vClose);
      return;
    case "number":
      // A non-finite number has no form in a cell: Excel's #NUM! error says so where it sits.
      if (Number.isFinite(v)) {
        out.raw(after.num);
        if (Number.isInteger(v) && v >= 0 && v < 2 ** 31) out.int(v);
        else out.ascii(String(v));
        out.raw(B.vClose);
      } else {
        out.raw(after.err);
        out.raw(B.numError);
      }
      return;
    case "boolean":
      out.raw(after.bool);
      out.int(v ? 1 : 0);
      out.raw(B.vClose);
      return;
    default: {
      const res = v.result;
      const finite = typeof res !== "number" || Number.isFinite(res);
      out.raw(
        res === undefined || typeof res === "number" ? (finite ? after.formula : after.err) : after.str,
      );
      // SpreadsheetML stores formulas without their leading `=`.
      out.text(`<f>${escapeMarkup(v.formula.replace(/^=/, ""))}</f>`);
      if (res === undefined) out.raw(B.cClose);
      else if (!finite) out.raw(B.numError);
      else {
        out.raw(B.vOpen);
        out.text(typeof res === "number" ? String(res) : escapeText(res));
        out.raw(B.vClose);
      }
    }
  }
}

function sheetViews(layout: SheetLayout, first: boolean): string {
  // The first sheet is the one shown on opening (the workbook's active tab defaults to it).
  let x = `<sheetViews><sheetView${first ? ' tabSelected="1"' : ""} workbookViewId="0"`;
  const rows = layout.freeze?.rows ?? 0;
  const cols = layout.freeze?.cols ?? 0;
  if (rows <= 0 && cols <= 0) return `${x}/></sheetViews>`;
  const topLeft = a1(rows + 1, cols + 1);
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  x += ">";
  x += `<pane${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>`;
  x += `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  return `${x}</sheetView></sheetViews>`;
}

/** Column widths, runs of equal widths in one `<col>` as Excel writes them. */
function cols(widths: readonly number[]): string {
  let x = "";
  for (let i = 0; i < widths.length;) {
    const w = widths[i] as number;
    let j = i + 1;
    while (j < widths.length && widths[j] === w) j++;
    if (Number.isFinite(w) && w > 0)
      x += `<col min="${i + 1}" max="${j}" width="${Math.min(w, MAX_WIDTH)}" customWidth="1"/>`;
    i = j;
  }
  return x ? `<cols>${x}</cols>` : "";
}

/**
 * Rules sharing a range go in one `<conditionalFormatting>`, as Excel writes them. Priorities
 * follow the layout's order across the sheet, 1 first: where rules overlap, the earlier one wins.
 */
function conditionalFormats(list: readonly ConditionalFormat[], ctx: WorkbookContext): string {
  if (list.length === 0) return "";
  const byRange = new Map<string, string>();
  list.forEach((c, i) => {
    const priority = i + 1;
    let rule: string;
    if (c.kind === "textEquals") {
      const formula = `"${c.text.replace(/"/g, '""')}"`;
      rule =
        `<cfRule type="cellIs" dxfId="${ctx.styles.dxf(c.style)}" priority="${priority}" operator="equal">` +
        `<formula>${escapeMarkup(formula)}</formula></cfRule>`;
    } else {
      rule =
        `<cfRule type="iconSet" priority="${priority}"><iconSet iconSet="${escapeAttr(c.icons)}"${c.reverse ? ' reverse="1"' : ""}>` +
        `<cfvo type="num" val="0"/><cfvo type="num" val="${c.thresholds[0]}"/><cfvo type="num" val="${c.thresholds[1]}"/>` +
        "</iconSet></cfRule>";
    }
    byRange.set(c.range, (byRange.get(c.range) ?? "") + rule);
  });
  let x = "";
  for (const [range, rules] of byRange)
    x += `<conditionalFormatting sqref="${escapeAttr(range)}">${rules}</conditionalFormatting>`;
  return x;
}

function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join("")}…`;
}

/** A cell or range reference, maybe on another sheet: a list's source rather than its items. */
const LIST_SOURCE =
  /^(?:(?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/u;

function validationFormula(v: Validation, formula: string): string {
  const f = formula.replace(/^=/, "");
  // A list given as items ("Có,Không") is a string constant in the formula: in quotes, with any
  // quote inside doubled. One already quoted, or a reference to cells, is written as it is.
  if (v.type === "list" && !f.startsWith('"') && !LIST_SOURCE.test(f)) return `"${f.replace(/"/g, '""')}"`;
  return f;
}

/**
 * One `<dataValidation>` per area of a multi-area range: the layout's formula is relative to each
 * area's top-left cell, which is what Excel makes of it only when the area is the rule's whole sqref.
 */
function dataValidations(list: readonly Validation[]): string {
  let n = 0;
  let x = "";
  for (const v of list) {
    let attrs = ` type="${v.type}"`;
    if (v.operator && v.operator !== "between" && v.type !== "custom" && v.type !== "list")
      attrs += ` operator="${v.operator}"`;
    if (v.allowBlank) attrs += ' allowBlank="1"';
    if (v.prompt) attrs += ' showInputMessage="1"';
    attrs += ' showErrorMessage="1" errorStyle="stop"';
    attrs += ` errorTitle="${escapeAttr(clip(v.error.title, MAX_TITLE))}" error="${escapeAttr(clip(v.error.text, MAX_MESSAGE))}"`;
    if (v.prompt) {
      attrs += ` promptTitle="${escapeAttr(clip(v.prompt.title, MAX_TITLE))}" prompt="${escapeAttr(clip(v.prompt.text, MAX_MESSAGE))}"`;
    }
    let formulas = "";
    v.formulas.slice(0, 2).forEach((f, i) => {
      formulas += `<formula${i + 1}>${escapeMarkup(validationFormula(v, f))}</formula${i + 1}>`;
    });
    for (const area of v.range.split(/\s+/).filter(Boolean)) {
      n++;
      x += `<dataValidation${attrs} sqref="${escapeAttr(area)}">${formulas}</dataValidation>`;
    }
  }
  return n === 0 ? "" : `<dataValidations count="${n}">${x}</dataValidations>`;
}

/**
 * A link inside the workbook is a `location` alone. A link to a file is a relationship to the file
 * (TargetMode External), and the place inside it — after `#` — goes into `location`, as Excel
 * writes `other.xlsx#Sheet1!A1`.
 */
function hyperlinks(
  links: readonly { ref: string; link: Link }[],
  rel: (type: string, target: string, external?: boolean) => string,
): string {
  let x = "";
  for (const { ref, link } of links) {
    if (link.sheet) {
      const location = `'${link.sheet.replace(/'/g, "''")}'!${link.cell ?? "A1"}`;
      x += `<hyperlink ref="${ref}" location="${escapeAttr(location)}"/>`;
    } else if (link.file) {
      const hash = link.file.indexOf("#");
      const path = hash < 0 ? link.file : link.file.slice(0, hash);
      const location = hash < 0 ? "" : link.file.slice(hash + 1);
      const loc = location ? ` location="${escapeAttr(location)}"` : "";
      if (path === "") {
        x += `<hyperlink ref="${ref}"${loc}/>`;
        continue;
      }
      const id = rel(REL_TYPE.hyperlink, encodeURI(path.replace(/\\/g, "/")), true);
      x += `<hyperlink ref="${ref}" r:id="${id}"${loc}/>`;
    }
  }
  return x ? `<hyperlinks>${x}</hyperlinks>` : "";
}
