import { parseAddress, WorkbookModel } from "./model";
import { fakeOfficeGlobals, type FakeOfficeOptions } from "./office";

/*
 * The in-memory Office.js stand-in as a page script: the browser tests serve it in place of
 * Microsoft's office.js, so the built pane starts as Excel hosts it. Options come from
 * `window.__chitieuFakeOptions` (set before the page loads); `window.__chitieuFake` lets the test
 * read the workbook back.
 */

interface PageOptions extends FakeOfficeOptions {
  sheets?: string[];
  /** Cells typed before the pane starts: [sheet, address, value]. */
  cells?: [string, string, string | number][];
}

type Scalar = string | number | boolean;

const w = window as unknown as {
  __chitieuFakeOptions?: PageOptions;
  __chitieuFake?: unknown;
  Office?: unknown;
  Excel?: unknown;
};
const opts = w.__chitieuFakeOptions ?? {};
const model = new WorkbookModel(opts.sheets ?? ["Sheet1"]);
for (const [sheet, address, value] of opts.cells ?? []) model.type(sheet, address, value);
const globals = fakeOfficeGlobals(model, opts);
w.Office = globals.Office;
w.Excel = globals.Excel;
w.__chitieuFake = {
  /** What the workbook holds, as plain data a test can compare. */
  snapshot() {
    return {
      sheets: model.sheets.map((s) => ({
        name: s.name,
        protected: s.protection.protected,
        freeze: s.freeze,
        names: s.names.map((n) => ({ ...n })),
        merges: s.merges.length,
        validations: s.validations.length,
        notes: s.notes.size,
        charts: s.charts.map((c) => ({ ...c })),
      })),
      tables: model.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, columns: t.columns })),
      names: model.names.map((n) => ({ ...n })),
      syncs: globals.contexts.map((c) => c.syncCount),
      requests: globals.contexts.map((c) => c.requests),
      selection: model.selection ?? null,
    };
  },
  cell(
    sheet: string,
    address: string,
  ): { value: Scalar | ""; formula?: string; numFmt: string; locked: boolean } | null {
    const s = model.sheet(sheet);
    if (!s) return null;
    const r = parseAddress(address);
    const c = s.cell(r.top, r.left);
    return c ? { value: c.value, formula: c.formula, numFmt: c.numFmt, locked: c.locked } : null;
  },
};
