import {
  COLUMN_ORDER,
  COLUMNS,
  CSV_META_COLUMNS,
  GROUP_COLUMN,
  GROUP_TABLE_NAME,
  META_LABELS,
  NAMES,
  SUMMARY_COLUMN_ORDER,
  SUMMARY_COLUMNS,
  TABLE_NAME,
  type ColumnKey,
  type SummaryColumnKey,
} from "../contract";
import { cellAt, isBlank, type Grid, type GridRow, type SourceDoc } from "../grid";
import { cellText, findHeaderRow, mapHeader, type HeaderAliases } from "../header-map";
import { makeIssue, type Issue, type Origin } from "../issues";
import { a1, matchKey, parseRange } from "../text";
import { readCellNumber } from "../values/cell-number";
import type { FoundCell, MetaField, RawGroupRow, RawRow, RawSubmission, StrayRow } from "./types";

/*
 * From a file's grids to the submissions it holds (FORMATS.md §1, §2): find the indicator table by
 * name, else by its header row, else (CSV) by its columns; find the unit, period and template by
 * defined names, else by label cells, else (CSV) by columns. Nothing is interpreted here: values are
 * kept as found cells, with their addresses, for validation to read.
 */

/** The columns of an indicator row: the `ChiTieu` table's, and a summary's counts. */
type RowKey = ColumnKey | SummaryColumnKey;

/** Each column by its contract headers (Vietnamese, CSV) and what else people write for it. */
const ROW_ALIASES: HeaderAliases<RowKey> = {
  code: [COLUMNS.code.vi, COLUMNS.code.csv, "Mã số", "Ma_CT"],
  name: [COLUMNS.name.vi, COLUMNS.name.csv, "Chỉ tiêu"],
  uom: [COLUMNS.uom.vi, COLUMNS.uom.csv, "ĐVT", "don_vi"],
  numerator: [COLUMNS.numerator.vi, COLUMNS.numerator.csv],
  denominator: [COLUMNS.denominator.vi, COLUMNS.denominator.csv],
  value: [COLUMNS.value.vi, COLUMNS.value.csv],
  plan: [COLUMNS.plan.vi, COLUMNS.plan.csv],
  note: [COLUMNS.note.vi, COLUMNS.note.csv],
  reporting: [SUMMARY_COLUMNS.reporting.vi, SUMMARY_COLUMNS.reporting.csv],
  expected: [SUMMARY_COLUMNS.expected.vi, SUMMARY_COLUMNS.expected.csv],
  reportingBase: [SUMMARY_COLUMNS.reportingBase.vi, SUMMARY_COLUMNS.reportingBase.csv],
  expectedBase: [SUMMARY_COLUMNS.expectedBase.vi, SUMMARY_COLUMNS.expectedBase.csv],
};

/** The cells a row keeps beside its code, in the columns' order. */
const ROW_CELLS = [...COLUMN_ORDER, ...SUMMARY_COLUMN_ORDER].filter(
  (key): key is Exclude<RowKey, "code"> => key !== "code",
);

const GROUP_ALIASES: HeaderAliases<RowKey | "group"> = {
  ...ROW_ALIASES,
  group: [GROUP_COLUMN.vi, GROUP_COLUMN.csv],
};

const CSV_ALIASES: HeaderAliases<RowKey | MetaField> = {
  ...ROW_ALIASES,
  unit: [CSV_META_COLUMNS.unit.csv, CSV_META_COLUMNS.unit.vi],
  unitName: [CSV_META_COLUMNS.unitName.csv, CSV_META_COLUMNS.unitName.vi],
  period: [CSV_META_COLUMNS.period.csv, CSV_META_COLUMNS.period.vi],
  template: [CSV_META_COLUMNS.template.csv, CSV_META_COLUMNS.template.vi],
  reportDate: [CSV_META_COLUMNS.reportDate.csv, CSV_META_COLUMNS.reportDate.vi],
};

export interface Extracted {
  submissions: RawSubmission[];
  issues: Issue[];
}

export function extractSubmissions(doc: SourceDoc): Extracted {
  return doc.format === "csv" ? extractCsv(doc) : extractWorkbook(doc);
}

// ── workbooks ──────────────────────────────────────────────────────────────────────────

function extractWorkbook(doc: SourceDoc): Extracted {
  const table = doc.tables.find((t) => matchKey(t.name) === matchKey(TABLE_NAME));
  const tableGrid = table ? doc.sheets.find((s) => s.sheet === table.sheet) : undefined;
  const bounds = table ? parseRange(table.ref) : undefined;
  let found:
    { grid: Grid; header: GridRow; columns: Partial<Record<RowKey, number>>; lastRow: number } | undefined;
  let shape: RawSubmission["shape"] = "table";

  if (tableGrid && bounds) {
    const header = tableGrid.rows.find((r) => r.n === bounds.top) ?? { n: bounds.top, cells: [] };
    const columns = restrictColumns(mapHeader(header, ROW_ALIASES), bounds.left, bounds.right);
    if (columns.code !== undefined) found = { grid: tableGrid, header, columns, lastRow: bounds.bottom };
  }
  if (!found) {
    shape = "header-row";
    for (const grid of doc.sheets) {
      const h = findHeaderRow(grid, ROW_ALIASES, ["code", "value"], 30);
      if (h) {
        found = { grid, header: h.row, columns: h.columns, lastRow: Number.MAX_SAFE_INTEGER };
        break;
      }
    }
  }
  if (!found) {
    return {
      submissions: [],
      issues: [
        makeIssue(
          "error",
          "not-a-submission",
          {
            vi: `Không phải báo cáo chỉ tiêu: không có bảng "${TABLE_NAME}" và không có dòng tiêu đề có "${COLUMNS.code.vi}" và "${COLUMNS.value.vi}" trong 30 dòng đầu`,
            en: `Not an indicator report: no "${TABLE_NAME}" table and no header row with "${COLUMNS.code.vi}" and "${COLUMNS.value.vi}" in the first 30 rows`,
          },
          { file: doc.file },
        ),
      ],
    };
  }

  const { grid, header, columns, lastRow } = found;
  const origin = (row: number, col: number): Origin => ({
    file: doc.file,
    sheet: grid.sheet,
    cell: a1(row, col + 1),
  });
  const rows: RawRow[] = [];
  const stray: StrayRow[] = [];
  for (const r of grid.rows) {
    if (r.n <= header.n || r.n > lastRow) continue;
    collectRow(r, columns, (col) => origin(r.n, col), rows, stray);
  }
  const submission: RawSubmission = {
    file: doc.file,
    sheet: grid.sheet,
    format: "xlsx",
    shape,
    meta: workbookMeta(doc),
    rows,
    stray,
    headerAt: origin(header.n, columns.code as number),
    columns: presentColumns(columns),
  };
  const groupRows = groupTableRows(doc, stray);
  if (groupRows) submission.groupRows = groupRows;
  return { submissions: [submission], issues: [] };
}

/**
 * A summary's group table (`ChiTieu_Nhom`), found like `ChiTieu`: by name, its columns by header
 * text. Rows are kept as found, with the group each names, for validation to read.
 */
function groupTableRows(doc: SourceDoc, stray: StrayRow[]): RawGroupRow[] | undefined {
  const table = doc.tables.find((t) => matchKey(t.name) === matchKey(GROUP_TABLE_NAME));
  const grid = table ? doc.sheets.find((s) => s.sheet === table.sheet) : undefined;
  const bounds = table ? parseRange(table.ref) : undefined;
  if (!grid || !bounds) return undefined;
  const header = grid.rows.find((r) => r.n === bounds.top);
  if (!header) return undefined;
  const columns = restrictColumns(mapHeader(header, GROUP_ALIASES), bounds.left, bounds.right);
  const groupCol = columns.group;
  if (columns.code === undefined || groupCol === undefined) return undefined;
  const out: RawGroupRow[] = [];
  for (const r of grid.rows) {
    if (r.n <= bounds.top || r.n > bounds.bottom) continue;
    const rows: RawRow[] = [];
    const originOf = (col: number): Origin => ({ file: doc.file, sheet: grid.sheet, cell: a1(r.n, col + 1) });
    collectRow(r, columns, originOf, rows, stray);
    const row = rows[0];
    if (row) out.push({ ...row, group: cellText(r.cells[groupCol]).normalize("NFC") });
  }
  return out;
}

/** Only the table's own columns count (a sheet may hold more to the side). */
function restrictColumns<K extends string>(
  columns: Partial<Record<K, number>>,
  left: number,
  right: number,
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const [k, v] of Object.entries(columns) as [K, number][]) {
    if (v + 1 >= left && v + 1 <= right) out[k] = v;
  }
  return out;
}

function presentColumns(columns: Partial<Record<string, number>>): RawSubmission["columns"] {
  return {
    numerator: columns.numerator !== undefined,
    denominator: columns.denominator !== undefined,
    value: columns.value !== undefined,
    uom: columns.uom !== undefined,
  };
}

function collectRow(
  r: GridRow,
  columns: Partial<Record<RowKey, number>>,
  originOf: (col: number) => Origin,
  rows: RawRow[],
  stray: StrayRow[],
): void {
  const found = (key: RowKey): FoundCell | undefined => {
    const col = columns[key];
    return col === undefined ? undefined : { cell: r.cells[col], origin: originOf(col) };
  };
  const codeCol = columns.code as number;
  const code = cellText(r.cells[codeCol]);
  if (!code || !looksLikeCode(code)) {
    // Section headings, totals, signatures: text rows. Only numbers in the figure columns are figures.
    const figures = (["numerator", "denominator", "value"] as const).some((k) => {
      const col = columns[k];
      return col !== undefined && readCellNumber(r.cells[col], "vi").kind === "number";
    });
    if (figures) {
      const nameCol = columns.name;
      stray.push({ at: originOf(codeCol), label: nameCol === undefined ? "" : cellText(r.cells[nameCol]) });
    }
    return;
  }
  const row: RawRow = { code: code.normalize("NFC"), codeAt: originOf(codeCol) };
  for (const key of ROW_CELLS) {
    const f = found(key);
    if (f) row[key] = f;
  }
  rows.push(row);
}

/**
 * Whether text in the code column is meant as an indicator code (`HO_NGHEO`, a typo such as
 * `HO_NGEHO`), not a heading or a signature line (`NGƯỜI LẬP BIỂU`, `Tổng cộng`) that a hand-made
 * sheet puts in the same column.
 */
export function looksLikeCode(text: string): boolean {
  const t = text.trim();
  if (/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(t)) return true;
  // Words with spaces and Vietnamese letters are a label; a lone word is a (mistyped) code.
  return !/\s/.test(t);
}

const NAME_OF: Record<MetaField, string> = NAMES;

/** Unit, period, template and date: by defined names first, else by label cells. */
function workbookMeta(doc: SourceDoc): Partial<Record<MetaField, FoundCell>> {
  const meta: Partial<Record<MetaField, FoundCell>> = {};
  const dangling: Partial<Record<MetaField, FoundCell>> = {};
  for (const field of Object.keys(NAME_OF) as MetaField[]) {
    const name = doc.names.find((n) => n.name.toLowerCase() === NAME_OF[field].toLowerCase());
    if (!name) continue;
    const grid = doc.sheets.find((s) => s.sheet === name.sheet);
    const pos = parseRange(name.cell);
    if (!grid && !doc.sheetNames.includes(name.sheet)) {
      dangling[field] = {
        cell: undefined,
        origin: { file: doc.file },
        dangling: { name: name.name, sheet: name.sheet },
      };
    }
    if (!grid || !pos) continue;
    meta[field] = {
      cell: cellAt(grid, pos.top, pos.left),
      origin: { file: doc.file, sheet: grid.sheet, cell: a1(pos.top, pos.left) },
    };
  }
  const missing = (Object.keys(META_LABELS) as MetaField[]).filter((f) => !meta[f]);
  if (missing.length > 0) Object.assign(meta, labelMeta(doc, missing));
  // A name that points nowhere, with no label cell to stand in: said so, rather than "not found".
  for (const [f, d] of Object.entries(dangling) as [MetaField, FoundCell][]) meta[f] ??= d;
  return meta;
}

/** A label cell (`Mã đơn vị:`) with its value in the nearest filled cell to its right. */
function labelMeta(doc: SourceDoc, fields: MetaField[]): Partial<Record<MetaField, FoundCell>> {
  const wanted = new Map(fields.map((f) => [matchKey(META_LABELS[f].vi), f]));
  // Every label is words with spaces between, and matchKey only ever turns spaces into one space:
  // text without any (indicator codes, numbers typed as text, units) cannot be one of them.
  const spaced = [...wanted.keys()].every((k) => k.includes(" "));
  const out: Partial<Record<MetaField, FoundCell>> = {};
  for (const grid of doc.sheets) {
    for (const r of grid.rows) {
      r.cells.forEach((c, i) => {
        if (!c || typeof c.value !== "string") return;
        if (spaced && !/\s/.test(c.value)) return;
        const field = wanted.get(matchKey(c.value));
        if (!field || out[field]) return;
        for (let j = i + 1; j <= i + 4 && j < r.cells.length; j++) {
          if (!isBlank(r.cells[j])) {
            out[field] = {
              cell: r.cells[j],
              origin: { file: doc.file, sheet: grid.sheet, cell: a1(r.n, j + 1) },
            };
            return;
          }
        }
        // The label is there but its value is empty: point at the cell beside it.
        out[field] = { cell: undefined, origin: { file: doc.file, sheet: grid.sheet, cell: a1(r.n, i + 2) } };
      });
    }
  }
  return out;
}

// ── CSV ────────────────────────────────────────────────────────────────────────────────

function extractCsv(doc: SourceDoc): Extracted {
  const grid = doc.sheets[0];
  const x = new CsvExtractor(doc.file, grid?.sheet ?? doc.file);
  for (const r of grid?.rows ?? []) {
    if (!x.add(r)) break;
  }
  return x.finish();
}

/**
 * A long CSV (FORMATS.md §2) read row by row, so a file of hundreds of thousands of rows is never
 * held as a grid: each record is turned into its submission's row as it is parsed, and dropped.
 */
export class CsvExtractor {
  private columns: Partial<Record<RowKey | MetaField, number>> | undefined;
  private headerLine = 0;
  private readonly groups = new Map<string, RawSubmission>();
  /** Submissions whose rows are not kept (see `wanted`). */
  private readonly unread = new Set<RawSubmission>();
  private readonly issues: Issue[] = [];
  private failed = false;
  /** Shared by all the file's submissions: a long CSV may hold 300,000. */
  private headerAt: Origin | undefined;
  private present: RawSubmission["columns"] | undefined;

  /**
   * `wanted`: whether the rows of a unit's submission are worth keeping. A unit the run cannot use
   * (not in its roster) is still found and named, with its metadata, but its rows are never read:
   * another system's national export, sent by mistake, costs what its unit list costs.
   */
  constructor(
    private readonly file: string,
    private readonly sheet: string,
    private readonly wanted?: (unit: string) => boolean,
  ) {}

  /** Takes the next non-empty record; false when the file cannot be a submission (stop reading). */
  add(r: GridRow): boolean {
    if (this.failed) return false;
    if (!this.columns) return this.header(r);
    const columns = this.columns;
    const metaText = (f: MetaField): string => {
      const col = columns[f];
      return col === undefined ? "" : cellText(r.cells[col]);
    };
    const key = `${metaText("unit")}\u0000${metaText("period")}\u0000${metaText("template")}`;
    const at: Origin = { file: this.file, line: r.n };
    let sub = this.groups.get(key);
    if (!sub) {
      const meta: Partial<Record<MetaField, FoundCell>> = {};
      for (const f of ["unit", "unitName", "period", "template", "reportDate"] as const) {
        const col = columns[f];
        if (col !== undefined) meta[f] = { cell: r.cells[col], origin: at };
      }
      this.headerAt ??= { file: this.file, line: this.headerLine };
      this.present ??= presentColumns(columns);
      sub = {
        file: this.file,
        sheet: this.sheet,
        format: "csv",
        shape: "csv",
        meta,
        rows: [],
        stray: [],
        headerAt: this.headerAt,
        columns: this.present,
      };
      this.groups.set(key, sub);
      const unit = metaText("unit").normalize("NFC");
      if (this.wanted && unit && !this.wanted(unit)) this.unread.add(sub);
    }
    if (!this.unread.has(sub)) collectRow(r, columns, () => at, sub.rows, sub.stray);
    return true;
  }

  private header(first: GridRow): boolean {
    const columns = mapHeader(first, CSV_ALIASES);
    const lacking: string[] = [];
    if (columns.unit === undefined) lacking.push(CSV_META_COLUMNS.unit.csv);
    if (columns.period === undefined) lacking.push(CSV_META_COLUMNS.period.csv);
    if (columns.code === undefined) lacking.push(COLUMNS.code.csv);
    if (
      columns.value === undefined &&
      (columns.numerator === undefined || columns.denominator === undefined)
    ) {
      lacking.push(`${COLUMNS.value.csv} | ${COLUMNS.numerator.csv} + ${COLUMNS.denominator.csv}`);
    }
    if (lacking.length > 0) {
      this.failed = true;
      this.issues.push(
        makeIssue(
          "error",
          "not-a-submission",
          {
            vi: `Tệp CSV thiếu cột bắt buộc: ${lacking.join(", ")}`,
            en: `The CSV file lacks required columns: ${lacking.join(", ")}`,
          },
          { file: this.file, line: first.n },
        ),
      );
      return false;
    }
    this.columns = columns;
    this.headerLine = first.n;
    return true;
  }

  finish(): Extracted {
    if (this.columns && this.groups.size === 0) {
      this.issues.push(
        makeIssue(
          "error",
          "not-a-submission",
          {
            vi: `Tệp CSV chỉ có dòng tiêu đề (dòng ${this.headerLine}), không có dòng số liệu nào`,
            en: `The CSV file has its header (line ${this.headerLine}) but no rows of figures`,
          },
          { file: this.file, line: this.headerLine },
        ),
      );
    }
    if (!this.columns && !this.failed) {
      this.issues.push(
        makeIssue(
          "error",
          "not-a-submission",
          { vi: "Tệp CSV rỗng", en: "The CSV file is empty" },
          { file: this.file },
        ),
      );
    }
    const submissions = [...this.groups.values()];
    // The streaming parser may keep this extractor (its listener) after the file is read: what it
    // gathered must not stay with it.
    this.groups.clear();
    this.unread.clear();
    return { submissions, issues: this.issues };
  }
}
