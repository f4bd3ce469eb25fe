import { FONT_NAME, FONT_SIZE, STYLES, type StyleSpec } from "../core/layout/styles";
import type {
  ConditionalFormat,
  LayoutCell,
  LayoutValue,
  SheetLayout,
  Validation,
  ValidationOperator,
  WorkbookLayout,
} from "../core/layout/types";
import { columnLetters } from "../core/text";
import { boundsOf, quoteSheet, rangeAddress, splitAddress } from "./address";
import { ExcelActionError, toActionError } from "./errors";
import { gatherRects } from "./rects";
import { FEATURES, type ApiSupport, type Feature, type FeatureKey } from "./requirements";
import { MARKER_NAME, markerFormula, roleOfMarker } from "./sheet-marker";

/*
 * Draws a WorkbookLayout into the open workbook: the Office.js half of "one layout, two renderers"
 * (src/io/xlsx-write is the file half). The shape of the work, whatever the number of rows:
 *
 *   sync 1   read what the workbook holds: sheet names, defined names, tables (and its protection);
 *   sync 2   only when a sheet of a layout's name exists or a table name is taken: read the add-in's
 *            marker on those sheets (sheet-marker.ts) and where the taken table lives;
 *   sync 3…  write: every operation queued, split into requests under Excel on the web's 5 MB
 *            payload limit by their estimated JSON size. A template is one request; a summary of
 *            thousands of rows a few (rows are written as whole blocks, formats as rectangles).
 *
 * Nothing of the user's is overwritten: a sheet of the same name that is not the add-in's own keeps
 * its name and content and the layout goes to `Name (2)`; only a sheet carrying the add-in's marker
 * for the same role is replaced, and only after its successor is complete. Old sheets are deleted,
 * successors renamed, tables and names given their contract names and sheets protected in the last
 * request, so a failure earlier leaves the old sheets as they were (and the new ones are removed).
 */

export interface RenderOptions {
  /** Whether the host supports an ExcelApi version (Office.context.requirements in the pane). */
  supports: ApiSupport;
  /** Budget per request; under the 5 MB limit with room for Office's own envelope. */
  maxRequestBytes?: number;
  /** Bring the first written sheet to the front (default true). */
  activate?: boolean;
}

export interface RenderedSheet {
  /** The layout's sheet name. */
  layout: string;
  /** The name it has in the workbook (`Chỉ tiêu (2)` when `Chỉ tiêu` is the user's). */
  name: string;
  role: string;
  /** It replaced an earlier sheet the add-in had written. */
  replaced: boolean;
}

export interface RenderResult {
  sheets: RenderedSheet[];
  /** Features of the layout this Excel cannot draw (too old a requirement set); the rest is drawn. */
  skipped: (Feature & { key: FeatureKey })[];
  /** Things drawn with a problem that did not stop the insertion (print setup refused…). */
  warnings: { vi: string; en: string }[];
  syncs: number;
  /** Requests sent for writing, with their estimated sizes in bytes. */
  requests: number[];
}

/*
 * Bytes a request may carry: Excel on the web refuses one over 5 MB, and the estimate below counts the
 * data exactly but Office.js's envelope of each operation only roughly, so a fifth is kept in hand.
 */
const DEFAULT_BUDGET = 4_000_000;
/* What one queued operation costs in a request besides its data (object path, ids, property name). */
const OP_BYTES = 120;

/** Column width: layouts count characters as ExcelJS does; Office.js wants points (7 px a digit). */
export function widthInPoints(chars: number): number {
  return Math.round(chars * 7 * 0.75 * 100) / 100;
}

interface Op {
  bytes: number;
  run: () => void;
}

interface Planned {
  layout: SheetLayout;
  /** Final name in the workbook. */
  name: string;
  /** Name while being written (a temporary one when an old sheet of the final name still exists). */
  writeAs: string;
  replaces?: { sheet: Excel.Worksheet; position: number };
  ws?: Excel.Worksheet;
  tables: { layoutName: string; table: Excel.Table }[];
}

export async function renderLayout(
  context: Excel.RequestContext,
  layout: WorkbookLayout,
  opts: RenderOptions,
): Promise<RenderResult> {
  const has = (f: FeatureKey): boolean => opts.supports(FEATURES[f].version);
  const budget = opts.maxRequestBytes ?? DEFAULT_BUDGET;
  const result: RenderResult = { sheets: [], skipped: [], warnings: [], syncs: 0, requests: [] };

  try {
    // 1. What the workbook holds.
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/position");
    const names = context.workbook.names;
    names.load("items/name,items/type,items/value");
    const tables = context.workbook.tables;
    tables.load("items/name");
    const wbProtection = has("workbookProtection") ? context.workbook.protection : undefined;
    if (wbProtection) wbProtection.load("protected");
    await context.sync();
    result.syncs++;
    if (wbProtection && wbProtection.protected) {
      throw new ExcelActionError(
        "Sổ tính đang được bảo vệ cấu trúc nên không thêm được trang. Hãy bỏ bảo vệ (Xem lại › Bảo vệ sổ làm việc) rồi thử lại.",
        "The workbook's structure is protected, so no sheet can be added. Unprotect it (Review › Protect Workbook) and try again.",
        "WorkbookProtected",
      );
    }
    const existing = sheets.items.map((s) => ({ name: s.name, position: s.position, sheet: s }));
    const existingNames = names.items.map((n) => ({ name: n.name, type: n.type, value: n.value }));
    const tableNames = tables.items.map((t) => ({ name: t.name, table: t }));

    // 2. Markers of same-named sheets, and where a table of a layout's table name already lives.
    const candidates = existing.filter((s) => layout.sheets.some((l) => isCandidateName(s.name, l.name)));
    const markers = new Map<string, Excel.NamedItem>();
    if (has("names")) {
      for (const c of candidates) {
        const marker = c.sheet.names.getItemOrNullObject(MARKER_NAME);
        marker.load("value");
        markers.set(c.name, marker);
      }
    }
    const takenTables = new Map<string, Excel.Range>();
    for (const t of layout.sheets.flatMap((s) => s.tables)) {
      const found = tableNames.find((x) => sameName(x.name, t.name));
      if (found) {
        const range = found.table.getRange();
        range.load("address");
        takenTables.set(t.name, range);
      }
    }
    if (markers.size > 0 || takenTables.size > 0) {
      await context.sync();
      result.syncs++;
    }
    const roleOf = (sheetName: string): string | undefined => {
      const m = markers.get(sheetName);
      return m && !m.isNullObject ? roleOfMarker(m.value) : undefined;
    };

    // 3. Where each layout sheet goes.
    const plan = planSheets(layout, existing, roleOf);
    const replaced = new Set(plan.filter((p) => p.replaces).map((p) => p.replacesName as string));
    for (const [tableName, range] of takenTables) {
      const where = splitAddress(range.address).sheet ?? "";
      if (![...replaced].some((n) => sameName(n, where))) {
        // Without ExcelApi 1.4 the add-in cannot read its marker, so it cannot tell its own sheet.
        const seen = has("names");
        throw new ExcelActionError(
          seen
            ? `Sổ tính này đã có bảng ${tableName} (ở trang "${where}"), không do phần bổ trợ tạo. Mỗi sổ chỉ chứa một báo cáo: hãy mở một sổ mới rồi chèn lại.`
            : `Sổ tính này đã có bảng ${tableName} (ở trang "${where}"). Phiên bản Excel này không cho phần bổ trợ nhận ra trang do mình tạo, nên không thay thế: hãy xóa trang đó hoặc mở một sổ mới rồi chèn lại.`,
          seen
            ? `This workbook already has a ${tableName} table (on sheet "${where}") that the add-in did not write. A workbook holds one report: open a new workbook and insert again.`
            : `This workbook already has a ${tableName} table (on sheet "${where}"). This version of Excel does not let the add-in recognise its own sheets, so it replaces none: delete that sheet or open a new workbook and insert again.`,
          "TableExists",
        );
      }
    }
    const staleNames: string[] = [];
    for (const n of layout.names) {
      const found = existingNames.find((x) => sameName(x.name, n.name));
      if (!found) continue;
      const target = found.type === "Range" ? splitAddress(String(found.value)).sheet : undefined;
      const dangling = found.type === "Error" || !target || !existing.some((s) => sameName(s.name, target));
      if (dangling || [...replaced].some((r) => sameName(r, target as string))) staleNames.push(found.name);
      else {
        throw new ExcelActionError(
          `Sổ tính này đã có tên ${found.name} trỏ tới trang "${target}". Mỗi sổ chỉ chứa một báo cáo: hãy mở một sổ mới rồi chèn lại.`,
          `This workbook already has the name ${found.name}, pointing at sheet "${target}". A workbook holds one report: open a new workbook and insert again.`,
          "NameExists",
        );
      }
    }
    for (const t of layout.sheets.flatMap((s) => s.tables)) {
      if (existingNames.some((n) => sameName(n.name, t.name))) {
        throw new ExcelActionError(
          `Sổ tính đã có một tên xác định "${t.name}", trùng tên bảng cần tạo. Hãy mở một sổ mới rồi chèn lại.`,
          `The workbook has a defined name "${t.name}", the name of the table to create. Open a new workbook and insert again.`,
          "NameExists",
        );
      }
    }

    // 4. Every write, in order, then split into requests.
    const skipped = new Set<FeatureKey>();
    const use = (f: FeatureKey): boolean => {
      if (has(f)) return true;
      skipped.add(f);
      return false;
    };
    const finalName = new Map(plan.map((p) => [p.layout.name, p.name]));
    const content: Op[] = [];
    const finish: Op[] = [];
    const cosmetic: Op[] = [];
    for (const p of plan) writeSheet(context, p, content, cosmetic, finalName, use, budget);
    finishOps(context, layout, plan, staleNames, finish, use, opts.activate !== false);

    const essential = [...content, ...finish];
    const chunks = packChunks([...essential, ...cosmetic], budget);
    const cosmeticFrom = cosmetic.length > 0 ? chunkIndexOf(chunks, cosmetic[0]) : chunks.length;
    const screen = has("screenUpdating");
    let failure: unknown;
    let failedAt = -1;
    for (let i = 0; i < chunks.length && failedAt < 0; i++) {
      if (screen) context.workbook.application.suspendScreenUpdatingUntilNextSync();
      const chunk = chunks[i] as Op[];
      for (const op of chunk) op.run();
      result.requests.push(chunk.reduce((n, op) => n + op.bytes, 0));
      try {
        // One request per payload-sized chunk: the 5 MB cap, not the row count, sets how many there are.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (e) {
        failure = e;
        failedAt = i;
      }
      result.syncs++;
    }
    if (failedAt >= 0) {
      const check =
        failedAt >= cosmeticFrom ? await essentialsHeld(context, plan) : { held: false, syncs: 0 };
      result.syncs += check.syncs;
      if (check.held) {
        // Only the print setup, queued after everything essential, was refused: keep the sheets, say so.
        const err = toActionError(failure, "Thiết lập trang in", "Print setup");
        result.warnings.push({ vi: err.vi, en: err.en });
      } else {
        // Take away the new sheets still under the names they were written as (all of them unless the
        // failure came after an old sheet had already been swapped for its complete successor).
        result.syncs += await removeSheets(
          context,
          plan.map((p) => p.writeAs),
        );
        throw failure;
      }
    }

    for (const key of skipped) result.skipped.push({ key, ...FEATURES[key] });
    result.sheets = plan.map((p) => ({
      layout: p.layout.name,
      name: p.name,
      role: p.layout.role,
      replaced: p.replaces !== undefined,
    }));
    return result;
  } catch (e) {
    throw toActionError(e, "Chèn vào sổ tính", "Inserting into the workbook");
  }
}

/* ---------- planning ---------- */

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** `Chỉ tiêu`, `Chỉ tiêu (2)`, `Chỉ tiêu (3)`… are where a layout sheet `Chỉ tiêu` may live. */
function isCandidateName(sheetName: string, base: string): boolean {
  const s = sheetName.toLowerCase();
  const b = base.toLowerCase();
  if (s === b) return true;
  const m = / \(\d+\)$/.exec(s);
  return m !== null && m.index > 0 && b.startsWith(s.slice(0, m.index));
}

/** Excel's 31-character limit leaves room for ` (n)`. */
function truncated(base: string, room: number): string {
  return base.length + room > 31 ? base.slice(0, 31 - room) : base;
}

function numbered(base: string, k: number): string {
  return k === 1 ? base : `${truncated(base, String(k).length + 3)} (${k})`;
}

function planSheets(
  layout: WorkbookLayout,
  existing: { name: string; position: number; sheet: Excel.Worksheet }[],
  roleOf: (name: string) => string | undefined,
): (Planned & { replacesName?: string })[] {
  const used = new Set(existing.map((s) => s.name.toLowerCase()));
  const replacing = new Set<string>();
  const plan: (Planned & { replacesName?: string })[] = [];
  let temp = 0;
  const tempName = (): string => {
    let n: string;
    do n = `ChiTieu~${++temp}`;
    while (used.has(n.toLowerCase()));
    used.add(n.toLowerCase());
    return n;
  };
  for (const l of layout.sheets) {
    // Our own sheet of the same role, under the plain name or a numbered one, is replaced in place…
    let own: (typeof existing)[number] | undefined;
    for (let k = 1; k <= 100 && !own; k++) {
      const name = numbered(l.name, k);
      const ex = existing.find((s) => sameName(s.name, name));
      if (ex && !replacing.has(ex.name.toLowerCase()) && roleOf(ex.name) === l.role) own = ex;
    }
    if (own) {
      replacing.add(own.name.toLowerCase());
      plan.push({
        layout: l,
        name: own.name,
        writeAs: tempName(),
        replaces: { sheet: own.sheet, position: own.position },
        replacesName: own.name,
        tables: [],
      });
      continue;
    }
    // …otherwise the first free name: the user's sheets keep theirs.
    let k = 1;
    while (used.has(numbered(l.name, k).toLowerCase())) k++;
    const name = numbered(l.name, k);
    used.add(name.toLowerCase());
    plan.push({ layout: l, name, writeAs: name, tables: [] });
  }
  return plan;
}

/* ---------- writing one sheet ---------- */

function cellValue(c: LayoutCell | null | undefined): string | number | boolean | null {
  if (!c) return null;
  const v: LayoutValue = c.value;
  if (v === null) return null;
  if (typeof v === "object") return `=${v.formula}`;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return v.normalize("NFC");
  return v;
}

/**
 * The cell's number format. Text is always written into a text-formatted (`@`) cell: that is what keeps
 * `=1+1`, `-5`, `@x`, `04240` or `2026` as the text they are instead of a formula or a number.
 */
function cellFormat(c: LayoutCell | null | undefined): string | null {
  if (!c) return null;
  const v = c.value;
  if (typeof v === "string") return "@";
  if (v !== null && typeof v === "object") return c.numFmt && c.numFmt !== "@" ? c.numFmt : null;
  return c.numFmt ?? null;
}

/** Bytes of `v` as JSON in UTF-8, as a request carries it: Vietnamese letters take 2–3 bytes each. */
function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v));
}

function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A surrogate pair is two code units and four bytes: 1 more for each unit.
    if (c >= 0x80) n += c < 0x800 ? 1 : c >= 0xd800 && c <= 0xdfff ? 1 : 2;
  }
  return n;
}

function writeSheet(
  context: Excel.RequestContext,
  p: Planned,
  ops: Op[],
  cosmetic: Op[],
  finalName: Map<string, string>,
  use: (f: FeatureKey) => boolean,
  budget: number,
): void {
  const l = p.layout;
  const ws = (): Excel.Worksheet => p.ws as Excel.Worksheet;
  const op = (bytes: number, run: () => void): void => {
    ops.push({ bytes: bytes + OP_BYTES, run });
  };
  op(p.writeAs.length, () => {
    p.ws = context.workbook.worksheets.add(p.writeAs);
  });

  const rows = l.cells.length;
  const cols = Math.max(l.columns.length, ...l.cells.map((r) => r.length), 1);

  if ((l.columns.length > 0 || Object.keys(l.rowHeights ?? {}).length > 0) && use("columnWidths")) {
    for (const run of runsOf(l.columns)) {
      const address = `${columnLetters(run.from)}:${columnLetters(run.to)}`;
      op(address.length + 10, () => {
        ws().getRange(address).format.columnWidth = widthInPoints(run.value);
      });
    }
    for (const [row, height] of Object.entries(l.rowHeights ?? {})) {
      op(20, () => {
        ws().getRange(`${row}:${row}`).format.rowHeight = height;
      });
    }
  }

  if (rows > 0) {
    const block = rangeAddress(1, 1, rows, cols);
    op(60, () => {
      const font = ws().getRange(block).format.font;
      font.name = FONT_NAME;
      font.size = FONT_SIZE;
    });
    writeValues(l, rows, cols, ws, ops, budget);
  }

  for (const t of l.tables) {
    const b = boundsOf(t.ref);
    const address = rangeAddress(b.top, b.left, b.bottom, b.right);
    const filter = use("filterButton");
    op(80 + t.style.length, () => {
      const table = ws().tables.add(address, true);
      table.style = t.style;
      if (filter) {
        table.showFilterButton = false;
        table.showBandedRows = false;
      }
      p.tables.push({ layoutName: t.name, table });
    });
  }

  for (const rect of gatherRects(rows, cols, (r, c) => l.cells[r - 1]?.[c - 1]?.style)) {
    const spec = STYLES[rect.key];
    const address = rangeAddress(rect.top, rect.left, rect.bottom, rect.right);
    const multi = { rows: rect.bottom > rect.top, cols: rect.right > rect.left };
    op(styleBytes(spec, multi), () => applyStyle(ws().getRange(address), spec, multi));
  }

  if (l.protect && use("protection")) {
    const unlocked = gatherRects(rows, cols, (r, c) => (l.cells[r - 1]?.[c - 1]?.unlocked ? "u" : undefined));
    for (const rect of unlocked) {
      const address = rangeAddress(rect.top, rect.left, rect.bottom, rect.right);
      op(address.length + 20, () => {
        ws().getRange(address).format.protection.locked = false;
      });
    }
  }

  if (l.merges.length > 0 && use("merges")) {
    for (const m of l.merges) {
      op(m.length + 20, () => ws().getRange(m).merge(false));
    }
  }

  const links: { address: string; cell: LayoutCell }[] = [];
  l.cells.forEach((row, r) =>
    row.forEach((c, ci) => {
      if (c?.link) links.push({ address: `${columnLetters(ci + 1)}${r + 1}`, cell: c });
    }),
  );
  if (links.length > 0 && use("links")) {
    for (const { address, cell } of links) {
      const link = hyperlinkOf(cell, finalName);
      if (link) op(jsonBytes(link), () => (ws().getRange(address).hyperlink = link));
    }
  }

  if (l.validations.length > 0 && use("validation")) {
    for (const v of l.validations) {
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
        op(jsonBytes(rule) + jsonBytes(prompt ?? {}) + jsonBytes(alert) + area.length, () => {
          const dv = ws().getRange(area).dataValidation;
          dv.rule = rule;
          dv.ignoreBlanks = v.allowBlank;
          if (prompt) dv.prompt = prompt;
          dv.errorAlert = alert;
        });
      }
    }
  }

  if (l.conditionalFormats.length > 0 && use("conditionalFormats")) {
    for (const c of l.conditionalFormats) op(200, () => addConditional(ws().getRange(c.range), c));
  }

  for (const chart of l.charts ?? []) {
    if (!use("charts")) break;
    const [from, to] = chart.anchor.split(":") as [string, string];
    op(chart.title.length + chart.data.length + 80, () => {
      const type = chart.kind === "barClustered" ? "BarClustered" : "ColumnClustered";
      const ch = ws().charts.add(
        type as Excel.ChartType,
        ws().getRange(chart.data),
        "Columns" as Excel.ChartSeriesBy,
      );
      ch.title.text = chart.title;
      ch.setPosition(from, to);
    });
  }

  const notes: { address: string; text: string }[] = [];
  l.cells.forEach((row, r) =>
    row.forEach((c, ci) => {
      if (c?.note) notes.push({ address: `${columnLetters(ci + 1)}${r + 1}`, text: c.note.normalize("NFC") });
    }),
  );
  if (notes.length > 0 && use("notes")) {
    for (const n of notes) {
      op(utf8Length(n.text) + n.address.length + 20, () => {
        ws().notes.add(ws().getRange(n.address), n.text);
      });
    }
  }

  if (l.freeze && (l.freeze.rows > 0 || l.freeze.cols > 0) && use("freeze")) {
    const { rows: fr, cols: fc } = l.freeze;
    op(40, () => {
      const panes = ws().freezePanes;
      if (fr > 0 && fc > 0) panes.freezeAt(ws().getRange(rangeAddress(1, 1, fr, fc)));
      else if (fr > 0) panes.freezeRows(fr);
      else panes.freezeColumns(fc);
    });
  }

  if (l.tabColor && use("tabColor")) {
    const color = `#${l.tabColor}`;
    op(20, () => (ws().tabColor = color));
  }

  // Print setup last, after the essentials: a host that refuses part of it leaves a usable sheet.
  const print = l.print;
  if (print && use("print")) {
    cosmetic.push({
      bytes: OP_BYTES * 8,
      run: () => {
        const page = ws().pageLayout;
        page.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
        page.paperSize = "A4";
        if (print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        page.leftMargin = 36;
        page.rightMargin = 36;
        page.topMargin = 43.2;
        page.bottomMargin = 43.2;
        if (print.titleRows) {
          const [from, to = from] = print.titleRows.split(":");
          page.setPrintTitleRows(`$${from}:$${to}`);
        }
      },
    });
  }
}

/**
 * Values and number formats in row bands sized for the request budget (a band is one operation and
 * cannot be split between requests, so several fit in one); formats before values.
 */
function writeValues(
  l: SheetLayout,
  rows: number,
  cols: number,
  ws: () => Excel.Worksheet,
  ops: Op[],
  budget: number,
): void {
  const bandBudget = Math.min(1_000_000, budget / 4);
  let top = 1;
  while (top <= rows) {
    const values: (string | number | boolean | null)[][] = [];
    const formats: (string | null)[][] = [];
    let bytes = 0;
    let r = top;
    while (r <= rows && (values.length === 0 || bytes < bandBudget)) {
      const src = l.cells[r - 1] ?? [];
      const v: (string | number | boolean | null)[] = [];
      const f: (string | null)[] = [];
      for (let c = 0; c < cols; c++) {
        v.push(cellValue(src[c]));
        f.push(cellFormat(src[c]));
      }
      values.push(v);
      formats.push(f);
      bytes += jsonBytes(v) + jsonBytes(f);
      r++;
    }
    const address = rangeAddress(top, 1, r - 1, cols);
    const anyFormat = formats.some((row) => row.some((x) => x !== null));
    const anyValue = values.some((row) => row.some((x) => x !== null));
    ops.push({
      bytes: bytes + OP_BYTES * 2,
      run: () => {
        const range = ws().getRange(address);
        if (anyFormat) range.numberFormat = formats;
        if (anyValue) range.values = values;
      },
    });
    top = r;
  }
}

function runsOf(widths: number[]): { from: number; to: number; value: number }[] {
  const runs: { from: number; to: number; value: number }[] = [];
  widths.forEach((w, i) => {
    const last = runs[runs.length - 1];
    if (last && last.value === w && last.to === i) last.to = i + 1;
    else runs.push({ from: i + 1, to: i + 1, value: w });
  });
  return runs;
}

const H_ALIGN: Record<NonNullable<StyleSpec["hAlign"]>, Excel.HorizontalAlignment> = {
  left: "Left" as Excel.HorizontalAlignment,
  center: "Center" as Excel.HorizontalAlignment,
  right: "Right" as Excel.HorizontalAlignment,
};
const V_ALIGN: Record<NonNullable<StyleSpec["vAlign"]>, Excel.VerticalAlignment> = {
  top: "Top" as Excel.VerticalAlignment,
  middle: "Center" as Excel.VerticalAlignment,
  bottom: "Bottom" as Excel.VerticalAlignment,
};
const BORDER = "BFBFBF";

function borderEdges(multi: { rows: boolean; cols: boolean }): Excel.BorderIndex[] {
  const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
  if (multi.rows) edges.push("InsideHorizontal");
  if (multi.cols) edges.push("InsideVertical");
  return edges as Excel.BorderIndex[];
}

function styleBytes(spec: StyleSpec, multi: { rows: boolean; cols: boolean }): number {
  const props = Object.keys(spec).length + (spec.border ? borderEdges(multi).length * 3 : 0);
  return props * OP_BYTES;
}

function applyStyle(range: Excel.Range, spec: StyleSpec, multi: { rows: boolean; cols: boolean }): void {
  const f = range.format;
  if (spec.size !== undefined && spec.size !== FONT_SIZE) f.font.size = spec.size;
  if (spec.bold) f.font.bold = true;
  if (spec.italic) f.font.italic = true;
  if (spec.underline) f.font.underline = "Single" as Excel.RangeUnderlineStyle;
  if (spec.color) f.font.color = `#${spec.color}`;
  if (spec.fill) f.fill.color = `#${spec.fill}`;
  if (spec.hAlign) f.horizontalAlignment = H_ALIGN[spec.hAlign];
  if (spec.vAlign) f.verticalAlignment = V_ALIGN[spec.vAlign];
  if (spec.wrap) f.wrapText = true;
  if (spec.border) {
    for (const edge of borderEdges(multi)) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous" as Excel.BorderLineStyle;
      b.color = `#${BORDER}`;
      b.weight = "Thin" as Excel.BorderWeight;
    }
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

function clip(s: string, max: number): string {
  const t = s.normalize("NFC");
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

const OPERATORS: Record<ValidationOperator, Excel.DataValidationOperator> = {
  between: "Between" as Excel.DataValidationOperator,
  notBetween: "NotBetween" as Excel.DataValidationOperator,
  equal: "EqualTo" as Excel.DataValidationOperator,
  notEqual: "NotEqualTo" as Excel.DataValidationOperator,
  greaterThan: "GreaterThan" as Excel.DataValidationOperator,
  lessThan: "LessThan" as Excel.DataValidationOperator,
  greaterThanOrEqual: "GreaterThanOrEqualTo" as Excel.DataValidationOperator,
  lessThanOrEqual: "LessThanOrEqualTo" as Excel.DataValidationOperator,
};

/** Layout formulas come without `=`; Office wants numbers as numbers and formulas with `=`. */
function operand(f: string): string | number {
  return /^-?\d+(\.\d+)?$/.test(f) ? Number(f) : `=${f}`;
}

export function ruleOf(v: Validation): Excel.DataValidationRule {
  const [f1 = "", f2] = v.formulas;
  const operator = OPERATORS[v.operator ?? "between"];
  const basic = (): Excel.BasicDataValidation => {
    const b: Excel.BasicDataValidation = { formula1: operand(f1), operator };
    if (f2 !== undefined) b.formula2 = operand(f2);
    return b;
  };
  switch (v.type) {
    case "whole":
      return { wholeNumber: basic() };
    case "decimal":
      return { decimal: basic() };
    case "textLength":
      return { textLength: basic() };
    case "date": {
      const d: Excel.DateTimeDataValidation = { formula1: `=${f1}`, operator };
      if (f2 !== undefined) d.formula2 = `=${f2}`;
      return { date: d };
    }
    case "list":
      return {
        list: { inCellDropDown: true, source: /^".*"$/.test(f1) ? f1.slice(1, -1) : `=${f1}` },
      };
    case "custom":
      return { custom: { formula: `=${f1}` } };
  }
}

function addConditional(range: Excel.Range, c: ConditionalFormat): void {
  if (c.kind === "textEquals") {
    const spec = STYLES[c.style];
    const cf = range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
    cf.cellValue.format.font.color = `#${spec.color ?? "000000"}`;
    cf.cellValue.format.fill.color = `#${spec.fill ?? "FFFFFF"}`;
    cf.cellValue.rule = { formula1: `="${c.text.replace(/"/g, '""')}"`, operator: "EqualTo" };
    return;
  }
  const cf = range.conditionalFormats.add("IconSet" as Excel.ConditionalFormatType);
  cf.iconSet.style = (
    c.icons === "3TrafficLights1" ? "ThreeTrafficLights1" : "ThreeSymbols"
  ) as Excel.IconSet;
  cf.iconSet.reverseIconOrder = c.reverse ?? false;
  cf.iconSet.criteria = [
    {} as Excel.ConditionalIconCriterion,
    { type: "Number", operator: "GreaterThanOrEqual", formula: `=${c.thresholds[0]}` },
    { type: "Number", operator: "GreaterThanOrEqual", formula: `=${c.thresholds[1]}` },
  ] as Excel.ConditionalIconCriterion[];
}

/* ---------- the last request: swap old for new, names, protection ---------- */

function finishOps(
  context: Excel.RequestContext,
  layout: WorkbookLayout,
  plan: Planned[],
  staleNames: string[],
  ops: Op[],
  use: (f: FeatureKey) => boolean,
  activate: boolean,
): void {
  const op = (bytes: number, run: () => void): void => {
    ops.push({ bytes: bytes + OP_BYTES, run });
  };
  const names = layout.names.length > 0 || plan.length > 0 ? use("names") : false;
  if (names) {
    for (const n of staleNames) op(n.length, () => context.workbook.names.getItem(n).delete());
  }
  for (const p of plan) {
    const replaces = p.replaces;
    if (!replaces) continue;
    op(p.name.length * 2, () => {
      replaces.sheet.delete();
      const ws = p.ws as Excel.Worksheet;
      ws.name = p.name;
      ws.position = replaces.position;
    });
  }
  for (const p of plan) {
    op(60, () => {
      for (const t of p.tables) {
        const wanted = p.layout.tables.find((x) => x.name === t.layoutName);
        if (wanted) t.table.name = wanted.name;
      }
    });
  }
  if (names) {
    for (const n of layout.names) {
      const p = plan.find((x) => x.layout.name === n.sheet);
      if (!p) throw new Error(`Layout name ${n.name} points at a sheet the layout lacks: ${n.sheet}`);
      op(n.name.length + n.cell.length + 40, () => {
        context.workbook.names.add(n.name, (p.ws as Excel.Worksheet).getRange(n.cell));
      });
    }
    for (const p of plan) {
      const formula = markerFormula(p.layout.role);
      op(MARKER_NAME.length + formula.length, () => {
        (p.ws as Excel.Worksheet).names.add(MARKER_NAME, formula);
      });
    }
  }
  for (const p of plan) {
    if (p.layout.protect && use("protection")) {
      op(80, () => {
        (p.ws as Excel.Worksheet).protection.protect({ allowFormatColumns: true, allowFormatRows: true });
      });
    }
  }
  const first = plan[0];
  if (activate && first) op(20, () => (first.ws as Excel.Worksheet).activate());
}

function packChunks(ops: Op[], budget: number): Op[][] {
  const chunks: Op[][] = [];
  let current: Op[] = [];
  let size = 0;
  for (const op of ops) {
    if (current.length > 0 && size + op.bytes > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += op.bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function chunkIndexOf(chunks: Op[][], op: Op | undefined): number {
  if (!op) return chunks.length;
  const i = chunks.findIndex((c) => c.includes(op));
  return i < 0 ? chunks.length : i;
}

/** After a failed write: removes the sheets this run added (by the names they were written under). */
async function removeSheets(context: Excel.RequestContext, added: string[]): Promise<number> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const doomed = sheets.items.filter((s) => added.some((n) => sameName(n, s.name)));
  if (doomed.length === 0) return 1;
  for (const s of doomed) s.delete();
  await context.sync();
  return 2;
}

/** After the last request failed: whether everything but the print setup is in place. */
async function essentialsHeld(
  context: Excel.RequestContext,
  plan: Planned[],
): Promise<{ held: boolean; syncs: number }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();
  const present = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  const named = new Set(tables.items.map((t) => t.name.toLowerCase()));
  const placed =
    plan.every((p) => present.has(p.name.toLowerCase())) &&
    plan.every((p) => p.writeAs === p.name || !present.has(p.writeAs.toLowerCase())) &&
    plan.every((p) => p.layout.tables.every((t) => named.has(t.name.toLowerCase())));
  const guarded = plan.filter((p) => p.layout.protect);
  const last = guarded[guarded.length - 1];
  if (!placed || !last) return { held: placed, syncs: 1 };
  // Protection is the last essential step: if the last protected sheet has it, all came through.
  const protection = context.workbook.worksheets.getItem(last.name).protection;
  protection.load("protected");
  await context.sync();
  return { held: protection.protected, syncs: 2 };
}

/** For messages: the layout's sheet names as the user will find them. */
export function describeSheets(result: RenderResult): string {
  return result.sheets.map((s) => `"${s.name}"`).join(", ");
}
