import type { WorkbookLayout } from "../core/layout/types";
import { ExcelActionError, toActionError } from "./errors";
import { queueFinish } from "./render/finish";
import {
  checkConflicts,
  isCandidateName,
  planSheets,
  sameName,
  type ExistingName,
  type ExistingSheet,
  type Planned,
} from "./render/placement";
import { essentialsHeld, removeSheets } from "./render/recover";
import { chunkIndexOf, packChunks, type Op } from "./render/requests";
import { queueSheet } from "./render/sheet-ops";
import { FEATURES, type ApiSupport, type Feature, type FeatureKey } from "./requirements";
import { MARKER_NAME, roleOfMarker } from "./sheet-marker";

export { widthInPoints } from "./render/sheet-ops";
export { ruleOf } from "./render/cell-rules";

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
 *
 * The parts, in src/excel/render: placement.ts (where each sheet goes, what stands in the way),
 * sheet-ops.ts (every write of one sheet, queued; cell-blocks, cell-styles and cell-rules for
 * values, formats and rules), finish.ts (the last request), requests.ts (operations packed into
 * requests), recover.ts (after a failed request).
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

type Has = (f: FeatureKey) => boolean;

export async function renderLayout(
  context: Excel.RequestContext,
  layout: WorkbookLayout,
  opts: RenderOptions,
): Promise<RenderResult> {
  const has: Has = (f) => opts.supports(FEATURES[f].version);
  const budget = opts.maxRequestBytes ?? DEFAULT_BUDGET;
  const result: RenderResult = { sheets: [], skipped: [], warnings: [], syncs: 0, requests: [] };

  try {
    // 1. What the workbook holds.
    const held = await readWorkbook(context, has);
    result.syncs++;
    // 2. Markers of same-named sheets, and where a table of a layout's table name already lives.
    const owned = await readOwnership(context, layout, held, has);
    if (owned.synced) result.syncs++;
    // 3. Where each layout sheet goes.
    const plan = planSheets(layout, held.sheets, owned.roleOf);
    const staleNames = checkConflicts(layout, plan, held.sheets, held.names, owned.takenTables, has("names"));
    // 4. Every write, in order, then split into requests.
    const queued = queueWrites(context, layout, plan, staleNames, has, budget, opts.activate !== false);
    const sent = await sendRequests(context, queued.chunks, has("screenUpdating"), result);
    if (sent.failedAt >= 0) await afterFailure(context, plan, sent, queued.cosmeticFrom, result);

    for (const key of queued.skipped) result.skipped.push({ key, ...FEATURES[key] });
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

interface Held {
  sheets: ExistingSheet[];
  names: ExistingName[];
  tables: { name: string; table: Excel.Table }[];
}

/** Sync 1: the workbook's sheets, defined names and tables; a protected structure stops here. */
async function readWorkbook(context: Excel.RequestContext, has: Has): Promise<Held> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/position");
  const names = context.workbook.names;
  names.load("items/name,items/type,items/value");
  const tables = context.workbook.tables;
  tables.load("items/name");
  const wbProtection = has("workbookProtection") ? context.workbook.protection : undefined;
  if (wbProtection) wbProtection.load("protected");
  await context.sync();
  if (wbProtection && wbProtection.protected) {
    throw new ExcelActionError(
      "Sổ tính đang được bảo vệ cấu trúc nên không thêm được trang. Hãy bỏ bảo vệ (Xem lại › Bảo vệ sổ làm việc) rồi thử lại.",
      "The workbook's structure is protected, so no sheet can be added. Unprotect it (Review › Protect Workbook) and try again.",
      "WorkbookProtected",
    );
  }
  return {
    sheets: sheets.items.map((s) => ({ name: s.name, position: s.position, sheet: s })),
    names: names.items.map((n) => ({ name: n.name, type: n.type, value: n.value })),
    tables: tables.items.map((t) => ({ name: t.name, table: t })),
  };
}

/**
 * Sync 2, only when there is something to ask: the add-in's marker on each sheet a layout sheet may
 * replace (its role), and where each table of a layout's table name already lives.
 */
async function readOwnership(
  context: Excel.RequestContext,
  layout: WorkbookLayout,
  held: Held,
  has: Has,
): Promise<{
  roleOf: (sheetName: string) => string | undefined;
  takenTables: Map<string, Excel.Range>;
  synced: boolean;
}> {
  const candidates = held.sheets.filter((s) => layout.sheets.some((l) => isCandidateName(s.name, l.name)));
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
    const found = held.tables.find((x) => sameName(x.name, t.name));
    if (found) {
      const range = found.table.getRange();
      range.load("address");
      takenTables.set(t.name, range);
    }
  }
  const synced = markers.size > 0 || takenTables.size > 0;
  if (synced) await context.sync();
  const roleOf = (sheetName: string): string | undefined => {
    const m = markers.get(sheetName);
    return m && !m.isNullObject ? roleOfMarker(m.value) : undefined;
  };
  return { roleOf, takenTables, synced };
}

/**
 * Every write queued, essentials first (the sheets, then the last request's swap, names and
 * protection), the print setup after them; packed into requests under the budget.
 */
function queueWrites(
  context: Excel.RequestContext,
  layout: WorkbookLayout,
  plan: Planned[],
  staleNames: string[],
  has: Has,
  budget: number,
  activate: boolean,
): { chunks: Op[][]; cosmeticFrom: number; skipped: Set<FeatureKey> } {
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
  for (const p of plan) queueSheet(context, p, content, cosmetic, finalName, use, budget);
  queueFinish(context, layout, plan, staleNames, finish, use, activate);
  const chunks = packChunks([...content, ...finish, ...cosmetic], budget);
  const cosmeticFrom = cosmetic.length > 0 ? chunkIndexOf(chunks, cosmetic[0]) : chunks.length;
  return { chunks, cosmeticFrom, skipped };
}

/** Sends the requests one by one, stopping at the first that fails. */
async function sendRequests(
  context: Excel.RequestContext,
  chunks: Op[][],
  screen: boolean,
  result: RenderResult,
): Promise<{ failure: unknown; failedAt: number }> {
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
  return { failure, failedAt };
}

/**
 * A request failed. When it carried only the print setup and everything essential is in place, the
 * sheets stay and a warning says so; otherwise the new sheets are taken away and the failure thrown.
 */
async function afterFailure(
  context: Excel.RequestContext,
  plan: Planned[],
  sent: { failure: unknown; failedAt: number },
  cosmeticFrom: number,
  result: RenderResult,
): Promise<void> {
  const check =
    sent.failedAt >= cosmeticFrom ? await essentialsHeld(context, plan) : { held: false, syncs: 0 };
  result.syncs += check.syncs;
  if (check.held) {
    // Only the print setup, queued after everything essential, was refused: keep the sheets, say so.
    const err = toActionError(sent.failure, "Thiết lập trang in", "Print setup");
    result.warnings.push({ vi: err.vi, en: err.en });
    return;
  }
  // Take away the new sheets still under the names they were written as (all of them unless the
  // failure came after an old sheet had already been swapped for its complete successor).
  result.syncs += await removeSheets(
    context,
    plan.map((p) => p.writeAs),
  );
  throw sent.failure;
}

/** For messages: the layout's sheet names as the user will find them. */
export function describeSheets(result: RenderResult): string {
  return result.sheets.map((s) => `"${s.name}"`).join(", ");
}
