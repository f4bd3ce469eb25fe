/*
 * The in-memory workbook behind the fake Office.js: what Excel holds and the rules Excel applies
 * when an add-in writes to it. Kept apart from the request/proxy layer (api.ts) so a test can set up
 * and inspect a workbook directly, the way a person would see it in Excel.
 */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export type Scalar = string | number | boolean;

/** One cell as Excel keeps it: a constant or a formula, its number format, lock and direct formatting. */
export interface CellModel {
  /** The constant, or a formula's last result ("" when the fake cannot compute it). */
  value: Scalar | "";
  formula?: string;
  numFmt: string;
  locked: boolean;
  /** Direct formatting by path: `font.bold`, `fill.color`, `borders.EdgeTop.style`, `horizontalAlignment`… */
  format: Record<string, unknown>;
  hyperlink?: unknown;
  /** An Excel error value (`#DIV/0!`) the cell shows instead of a value. */
  error?: string;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface NameModel {
  name: string;
  /** What the name refers to, as Excel writes it: `='Chỉ tiêu'!$C$3`, `="template"`. */
  formula: string;
  comment?: string;
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  rect: Rect;
  style: string;
  showFilterButton: boolean;
  showBandedRows: boolean;
  columns: string[];
}

export interface ValidationModel {
  rect: Rect;
  rule?: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
  ignoreBlanks?: boolean;
}

export interface ConditionalFormatModel {
  rect: Rect;
  type: string;
  settings: Record<string, unknown>;
}

export class ExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

/* ---------- addresses ---------- */

// Written again rather than imported from src/core/text: the fake stands for Excel, and an address
// bug in the code under test must not be hidden by the fake sharing it.

export function colLetters(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

export function rectAddress(r: Rect): string {
  if (r.top === 1 && r.bottom === MAX_ROWS) return `${colLetters(r.left)}:${colLetters(r.right)}`;
  if (r.left === 1 && r.right === MAX_COLS) return `${r.top}:${r.bottom}`;
  const from = a1(r.top, r.left);
  const to = a1(r.bottom, r.right);
  return from === to ? from : `${from}:${to}`;
}

/** Quotes a sheet name the way Excel does in an address: only when it needs to. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Splits `'Chỉ tiêu'!$C$3` into sheet and local address (sheet undefined when absent). */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const s = address.trim().replace(/^=/, "");
  const bang = s.lastIndexOf("!");
  if (bang < 0) return { local: s };
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: s.slice(bang + 1) };
}

/** A local A1 address (`C3`, `$A$1:B2`, `A:C`, `8:9`) as a rectangle; throws as Excel does on a bad one. */
export function parseAddress(local: string): Rect {
  const s = local.replace(/\$/g, "").trim().toUpperCase();
  const [from, to = from] = s.split(":") as [string, string?];
  const cell = /^([A-Z]{1,3})(\d{1,7})$/;
  const col = /^([A-Z]{1,3})$/;
  const row = /^(\d{1,7})$/;
  let m1: RegExpExecArray | null;
  let m2: RegExpExecArray | null;
  let r: Rect | undefined;
  if ((m1 = cell.exec(from)) && (m2 = cell.exec(to as string))) {
    r = rectOf(+m1[2]!, colNumber(m1[1]!), +m2[2]!, colNumber(m2[1]!));
  } else if ((m1 = col.exec(from)) && (m2 = col.exec(to as string))) {
    r = rectOf(1, colNumber(m1[1]!), MAX_ROWS, colNumber(m2[1]!));
  } else if ((m1 = row.exec(from)) && (m2 = row.exec(to as string))) {
    r = rectOf(+m1[1]!, 1, +m2[1]!, MAX_COLS);
  }
  if (!r || r.top < 1 || r.left < 1 || r.bottom > MAX_ROWS || r.right > MAX_COLS) {
    throw new ExcelError("InvalidArgument", `The argument is invalid or missing: address "${local}".`);
  }
  return r;
}

function rectOf(r1: number, c1: number, r2: number, c2: number): Rect {
  return {
    top: Math.min(r1, r2),
    left: Math.min(c1, c2),
    bottom: Math.max(r1, r2),
    right: Math.max(c1, c2),
  };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

/* ---------- Excel's naming rules ---------- */

/** Sheet names: 1–31 characters, none of `: \ / ? * [ ]`, no leading or trailing apostrophe, not History. */
export function checkSheetName(name: unknown): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 31) {
    throw new ExcelError(
      "InvalidArgument",
      `The sheet name "${String(name)}" is not valid (1–31 characters).`,
    );
  }
  if (/[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new ExcelError("InvalidArgument", `The sheet name "${name}" contains characters Excel forbids.`);
  }
  if (name.toLowerCase() === "history") {
    throw new ExcelError("InvalidArgument", `"History" is a name Excel reserves.`);
  }
  return name;
}

/**
 * Table and defined names: start with a letter, `_` or `\`; then letters, digits, `_`, `.`; no spaces;
 * at most 255 characters; not something Excel would read as a cell reference (A1 or R1C1).
 */
export function checkObjectName(name: unknown, what: "table" | "name"): string {
  const bad = (): never => {
    throw new ExcelError("InvalidArgument", `The ${what} name "${String(name)}" is not valid.`);
  };
  if (typeof name !== "string" || name.length === 0 || name.length > 255) return bad();
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return bad();
  if (/^[A-Za-z]{1,3}\d+$/.test(name) && colNumber(name.replace(/\d+$/, "")) <= MAX_COLS) return bad();
  if (/^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return bad();
  return name;
}

/* ---------- what typing a value does ---------- */

const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;

/**
 * What Excel stores when an add-in writes `input` into a cell formatted `numFmt`: text stays text only
 * in a text-formatted (`@`) cell; elsewhere `=…` is a formula, `+…`/`-…`/`@…` that are not numbers become
 * formulas too, and text that reads as a number, a percentage, a boolean or an ISO date is converted.
 */
export function coerceInput(
  input: Scalar,
  numFmt: string,
): { value: Scalar | ""; formula?: string; numFmt?: string } {
  if (typeof input !== "string") return { value: input };
  if (input === "") return { value: "" };
  if (numFmt === "@") return { value: input };
  const s = input.trim();
  if (s.startsWith("=")) return { value: "", formula: input };
  if (s !== "" && NUMBER_TEXT.test(s) && /\d/.test(s)) {
    const pct = s.endsWith("%");
    const n = Number(s.replace(/,/g, "").replace(/%$/, ""));
    if (Number.isFinite(n))
      return pct ? { value: n / 100, numFmt: numFmt === "General" ? "0%" : numFmt } : { value: n };
  }
  if (/^[+\-@]/.test(s)) return { value: "", formula: `=${s}` };
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === "true" };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) {
    const t = Date.UTC(+iso[1]!, +iso[2]! - 1, +iso[3]!);
    return { value: Math.round(t / 86400000) + 25569, numFmt: numFmt === "General" ? "yyyy-mm-dd" : numFmt };
  }
  return { value: input };
}

/* ---------- the workbook ---------- */

let sheetIds = 0;

/** A chart as Excel keeps it: its type, the range it was made from, its title and where it sits. */
export interface ChartModel {
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position: { from: string; to: string } | null;
  /** Lines set through `series.getItemAt(i).format.line`, by series index. */
  lines: { color?: string; lineStyle?: string }[];
}

export class SheetModel {
  readonly id = `{FAKE-SHEET-${++sheetIds}}`;
  readonly charts: ChartModel[] = [];
  readonly cells = new Map<string, CellModel>();
  readonly merges: Rect[] = [];
  readonly names: NameModel[] = [];
  readonly validations: ValidationModel[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly notes = new Map<string, string>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly customProperties = new Map<string, string>();
  protection: { protected: boolean; options?: Record<string, unknown> } = { protected: false };
  freeze: { rows: number; cols: number } | null = null;
  pageLayout: Record<string, unknown> = {};
  tabColor = "";
  visibility = "Visible";

  constructor(
    readonly workbook: WorkbookModel,
    public name: string,
  ) {}

  cell(row: number, col: number): CellModel | undefined {
    return this.cells.get(`${row},${col}`);
  }

  /** A cell by A1 address, created empty when it does not exist. */
  at(address: string): CellModel {
    const r = parseAddress(address);
    return this.ensure(r.top, r.left);
  }

  ensure(row: number, col: number): CellModel {
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) {
      c = { value: "", numFmt: "General", locked: true, format: {} };
      this.cells.set(key, c);
    }
    return c;
  }

  /** The smallest rectangle from A1 holding every cell with a value or formula. */
  usedRect(valuesOnly = false): Rect | undefined {
    let bottom = 0;
    let right = 0;
    let top = Infinity;
    let left = Infinity;
    for (const [key, c] of this.cells) {
      const has = c.value !== "" || c.formula !== undefined;
      if (valuesOnly ? !has : !has && c.numFmt === "General" && Object.keys(c.format).length === 0) continue;
      const [r, col] = key.split(",").map(Number) as [number, number];
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
      top = Math.min(top, r);
      left = Math.min(left, col);
    }
    return bottom === 0 ? undefined : { top, left, bottom, right };
  }

  /** The locked cells of `rect` that protection forbids changing; Excel refuses the whole write. */
  assertEditable(rect: Rect, what: string): void {
    if (!this.protection.protected) return;
    for (let r = rect.top; r <= Math.min(rect.bottom, rect.top + 5000); r++) {
      for (let c = rect.left; c <= Math.min(rect.right, rect.left + 500); c++) {
        const cell = this.cell(r, c);
        if (!cell || cell.locked) {
          throw new ExcelError(
            "AccessDenied",
            `The cell or chart you're trying to change is on a protected sheet (${what} ${this.name}!${a1(r, c)}).`,
          );
        }
      }
    }
  }

  assertUnprotected(what: string): void {
    if (this.protection.protected) {
      throw new ExcelError("AccessDenied", `${what} is not allowed on the protected sheet "${this.name}".`);
    }
  }
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly names: NameModel[] = [];
  readonly tables: TableModel[] = [];
  activeSheet: SheetModel | undefined;
  selection: { sheet: string; address: string } | undefined;
  structureProtected = false;

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const n of sheetNames) this.addSheet(n);
    this.activeSheet = this.sheets[0];
  }

  sheet(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  /** The sheet of that name, or throws ItemNotFound as Excel does. */
  sheetOrThrow(name: string): SheetModel {
    const s = this.sheet(name);
    if (!s) throw new ExcelError("ItemNotFound", `The requested resource "${name}" doesn't exist.`);
    return s;
  }

  addSheet(name?: string): SheetModel {
    if (this.structureProtected) throw new ExcelError("AccessDenied", "The workbook structure is protected.");
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    checkSheetName(n);
    if (this.sheet(n)) {
      throw new ExcelError("ItemAlreadyExists", `A sheet named "${n}" already exists.`);
    }
    const s = new SheetModel(this, n);
    this.sheets.push(s);
    return s;
  }

  deleteSheet(s: SheetModel): void {
    if (this.structureProtected) throw new ExcelError("AccessDenied", "The workbook structure is protected.");
    const visible = this.sheets.filter((x) => x.visibility === "Visible");
    if (visible.length === 1 && visible[0] === s) {
      throw new ExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    this.sheets.splice(this.sheets.indexOf(s), 1);
    for (let i = this.tables.length - 1; i >= 0; i--)
      if (this.tables[i]!.sheet === s) this.tables.splice(i, 1);
    // Names that pointed into the sheet keep existing, pointing nowhere, as in Excel.
    const ref = new RegExp(`^=${escapeRegExp(quoteSheet(s.name))}!`);
    for (const n of this.names) if (ref.test(n.formula)) n.formula = "=#REF!";
    if (this.activeSheet === s) this.activeSheet = this.sheets[0];
  }

  renameSheet(s: SheetModel, name: string): void {
    if (this.structureProtected) throw new ExcelError("AccessDenied", "The workbook structure is protected.");
    checkSheetName(name);
    const other = this.sheet(name);
    if (other && other !== s)
      throw new ExcelError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    const from = new RegExp(`^=${escapeRegExp(quoteSheet(s.name))}!`);
    for (const n of [...this.names, ...this.sheets.flatMap((x) => x.names)]) {
      n.formula = n.formula.replace(from, `=${quoteSheet(name)}!`);
    }
    s.name = name;
  }

  table(name: string): TableModel | undefined {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key);
  }

  /** Table names and workbook-scoped defined names share one namespace in Excel. */
  assertFreeObjectName(name: string, except?: TableModel): void {
    const key = name.toLowerCase();
    if (this.tables.some((t) => t !== except && t.name.toLowerCase() === key)) {
      throw new ExcelError("InvalidArgument", `The name "${name}" is already used by a table.`);
    }
    if (this.names.some((n) => n.name.toLowerCase() === key)) {
      throw new ExcelError("InvalidArgument", `The name "${name}" is already used by a defined name.`);
    }
  }

  addTable(sheet: SheetModel, rect: Rect, hasHeaders: boolean): TableModel {
    sheet.assertUnprotected("Creating a table");
    for (const t of this.tables) {
      if (t.sheet === sheet && overlaps(t.rect, rect)) {
        throw new ExcelError("InvalidOperation", "A table can't overlap another table.");
      }
    }
    for (const m of sheet.merges) {
      if (overlaps(m, rect)) throw new ExcelError("InvalidOperation", "A table can't overlap merged cells.");
    }
    let body = rect;
    if (!hasHeaders) {
      body = { ...rect, top: rect.top + 1, bottom: rect.bottom + 1 };
    }
    const columns: string[] = [];
    for (let c = body.left; c <= body.right; c++) {
      const cell = sheet.cell(body.top, c);
      let header =
        hasHeaders && cell && cell.value !== "" ? String(cell.value) : `Column${c - body.left + 1}`;
      const base = header;
      let k = 2;
      while (columns.some((x) => x.toLowerCase() === header.toLowerCase())) header = `${base}${k++}`;
      columns.push(header);
      const h = sheet.ensure(body.top, c);
      h.value = header;
      delete h.formula;
    }
    let i = this.tables.length + 1;
    while (this.table(`Table${i}`)) i++;
    const t: TableModel = {
      name: `Table${i}`,
      sheet,
      rect: body,
      style: "TableStyleMedium2",
      showFilterButton: true,
      showBandedRows: true,
      columns,
    };
    this.tables.push(t);
    return t;
  }

  /** Defined names: workbook scope (`scope` undefined) or a sheet's own. */
  addName(scope: SheetModel | undefined, name: string, formula: string, comment?: string): NameModel {
    checkObjectName(name, "name");
    const list = scope ? scope.names : this.names;
    if (list.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
      throw new ExcelError("ItemAlreadyExists", `The name "${name}" already exists.`);
    }
    if (!scope && this.table(name)) {
      throw new ExcelError("InvalidArgument", `The name "${name}" is already used by a table.`);
    }
    const n: NameModel = { name, formula };
    if (comment !== undefined) n.comment = comment;
    list.push(n);
    return n;
  }

  /** Resolves a name's formula to its sheet and rectangle, when it refers to cells. */
  nameTarget(n: NameModel): { sheet: SheetModel; rect: Rect } | undefined {
    if (!/!/.test(n.formula)) return undefined;
    const { sheet, local } = splitSheet(n.formula);
    const s = sheet ? this.sheet(sheet) : undefined;
    if (!s) return undefined;
    try {
      return { sheet: s, rect: parseAddress(local) };
    } catch {
      return undefined;
    }
  }

  /* ---- conveniences for tests ---- */

  /** What a person reads in a cell: its value, or its formula when it has one. */
  read(sheet: string, address: string): Scalar | "" | undefined {
    const s = this.sheetOrThrow(sheet);
    const r = parseAddress(address);
    const c = s.cell(r.top, r.left);
    if (!c) return undefined;
    return c.formula ?? c.value;
  }

  /** Sets a cell as a person typing would (format first when given). */
  type(sheet: string, address: string, input: Scalar, numFmt?: string): void {
    const s = this.sheetOrThrow(sheet);
    const c = s.at(address);
    if (numFmt) c.numFmt = numFmt;
    const got = coerceInput(input, c.numFmt);
    c.value = got.value;
    if (got.formula) c.formula = got.formula;
    else delete c.formula;
    if (got.numFmt) c.numFmt = got.numFmt;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
