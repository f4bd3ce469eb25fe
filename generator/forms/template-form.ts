import { getIndicator, findIndicator } from "../../src/core/catalog/indicators";
import { findTemplate } from "../../src/core/catalog/templates";
import { MAIN_SHEET } from "../../src/core/contract";
import { percentFormat } from "../../src/core/layout/number-formats";
import { TEMPLATE_COLUMNS, TEMPLATE_GEOMETRY, templateWorkbook } from "../../src/core/layout/template-layout";
import type { LayoutCell, SheetLayout } from "../../src/core/layout/types";
import { parsePeriod, yearPeriod } from "../../src/core/periods";
import { a1, parseRange } from "../../src/core/text";
import { renderDeterministic } from "../render";
import type { Column, Content, LogicalRow, Pointer } from "../rows";
import { toTcvn3, excelSerial } from "../vi-text";
import type { PreparedSubmission, WriteContext, WrittenFile } from "./common";

/*
 * Form (a): the project's own template workbook, filled in as a planner does: values in the input
 * cells, the derived % formula given the result Excel would cache, the signing date in the
 * `ChiTieu_NgayBaoCao` cell. A planner who types over a locked cell (a % over the formula, another
 * unit of measure) has unprotected the sheet first, so the sheet is left unprotected then.
 */

const colOf = (key: Column | "stt"): number => TEMPLATE_COLUMNS.indexOf(key) + 1;

function cellAt(sheet: SheetLayout, row: number, col: number): LayoutCell | null {
  return sheet.cells[row - 1]?.[col - 1] ?? null;
}

function setCell(sheet: SheetLayout, row: number, col: number, c: LayoutCell): void {
  while (sheet.cells.length < row) sheet.cells.push([]);
  const r = sheet.cells[row - 1] as (LayoutCell | null)[];
  while (r.length < col) r.push(null);
  r[col - 1] = c;
}

/** Inserts `count` empty rows after `after`, moving what lies below (merges and heights too). */
function insertRows(sheet: SheetLayout, after: number, count: number): void {
  sheet.cells.splice(after, 0, ...Array.from({ length: count }, () => [] as (LayoutCell | null)[]));
  sheet.merges = sheet.merges.map((m) => {
    const b = parseRange(m);
    if (!b || b.top <= after) return m;
    return `${a1(b.top + count, b.left)}:${a1(b.bottom + count, b.right)}`;
  });
  if (sheet.rowHeights) {
    const moved: Record<number, number> = {};
    for (const [k, h] of Object.entries(sheet.rowHeights)) {
      const row = Number(k);
      moved[row > after ? row + count : row] = h;
    }
    sheet.rowHeights = moved;
  }
}

/** The number a cell content holds, as ISNUMBER sees it (a formula by its cached result). */
function numberOf(c: Content | undefined): number | undefined {
  if (!c) return undefined;
  if (c.kind === "number") return c.value;
  if (c.kind === "formula" && typeof c.result === "number") return c.result;
  return undefined;
}

function toLayout(c: Content, base: LayoutCell | null, decimals: number): LayoutCell {
  const keep = { ...(base ?? {}), value: null } as LayoutCell;
  switch (c.kind) {
    case "empty":
      return keep;
    case "number":
      return { ...keep, value: c.value };
    case "percent":
      return { ...keep, value: c.points / 100, numFmt: percentFormat(decimals) };
    case "bare": {
      const out: LayoutCell = { ...keep, value: c.value };
      delete out.numFmt;
      return out;
    }
    case "text":
      return { ...keep, value: c.text };
    case "formula":
      return {
        ...keep,
        value: c.result === undefined ? { formula: c.formula } : { formula: c.formula, result: c.result },
      };
    case "derived":
      throw new Error("derived content is written by the formula");
  }
}

export async function writeTemplateForm(sub: PreparedSubmission, ctx: WriteContext): Promise<WrittenFile> {
  const { meta, logical } = sub;
  const template = findTemplate(meta.templateId);
  if (!template) throw new Error(`No template ${meta.templateId}`);
  const period = parsePeriod(meta.period) ?? yearPeriod(2026);
  const layout = templateWorkbook({
    template,
    unit: { code: meta.code, name: meta.name },
    period,
    lang: "vi",
  });
  const sheet = layout.sheets[0] as SheetLayout;
  const g = TEMPLATE_GEOMETRY;
  let edited = false;

  const metaCell = (address: string): { row: number; col: number } => {
    const b = parseRange(address);
    if (!b) throw new Error(address);
    return { row: b.top, col: b.left };
  };
  const setMeta = (address: string, value: string | number | null): void => {
    const { row, col } = metaCell(address);
    setCell(sheet, row, col, { ...(cellAt(sheet, row, col) ?? {}), value } as LayoutCell);
  };
  // The code and name cells are locked: changing them means the sheet was unprotected first.
  if (meta.code === "") {
    setMeta(g.meta.unit, null);
    edited = true;
  }
  if (meta.legacyName) {
    setMeta(g.meta.unitName, toTcvn3(meta.name));
    edited = true;
  }
  if (meta.period === "") {
    setMeta(g.meta.period, null);
    // The words beside the period cell would contradict an empty period.
    const { row, col } = metaCell(g.meta.period);
    setCell(sheet, row, col + 1, { ...(cellAt(sheet, row, col + 1) ?? {}), value: null } as LayoutCell);
  } else if (meta.period !== period.code) setMeta(g.meta.period, meta.period);
  if (meta.reportDate) setMeta(g.meta.reportDate, excelSerial(meta.reportDate));

  // Template rows by code, then the last row of the table.
  const rowOfCode = new Map<string, number>();
  sheet.cells.forEach((cells, i) => {
    const v = cells[colOf("code") - 1]?.value;
    if (i + 1 > g.headerRow && typeof v === "string" && v !== "") rowOfCode.set(v, i + 1);
  });
  const table = sheet.tables[0];
  if (!table) throw new Error("template without its table");
  const bounds = parseRange(table.ref);
  if (!bounds) throw new Error(table.ref);
  const lastBodyRow = bounds.bottom;

  // A unit that sent another template's form sends it blank of this template's rows.
  const sameTemplate = template.id === ctx.runTemplate;
  const extras = logical.rows.filter((r) => r.extra);
  if (sameTemplate && extras.length > 0) {
    insertRows(sheet, lastBodyRow, extras.length);
    table.ref = `${a1(bounds.top, bounds.left)}:${a1(lastBodyRow + extras.length, bounds.right)}`;
  }

  const sheetRow: number[] = [];
  let nextExtra = lastBodyRow + 1;
  let seq = rowOfCode.size;
  if (sameTemplate) {
    for (const row of logical.rows) {
      let r: number;
      if (row.extra) {
        r = nextExtra++;
        seq++;
        writeExtraRow(sheet, r, seq, row);
      } else {
        const found = rowOfCode.get(row.code);
        if (found === undefined) throw new Error(`template has no row ${row.code}`);
        r = found;
      }
      sheetRow.push(r);
      if (writeRow(sheet, r, row)) edited = true;
    }
  }
  if (edited) sheet.protect = false;
  const bytes = await renderDeterministic(layout, ctx.stamp, ctx.marker);

  return {
    bytes,
    describe: { form: "template", template: template.id, protected: sheet.protect },
    locate(_index, at: Pointer) {
      switch (at.at) {
        case "file":
          return {};
        case "header":
          return { sheet: MAIN_SHEET, cell: a1(g.headerRow, colOf("code")) };
        case "meta":
          return { sheet: MAIN_SHEET, cell: g.meta[at.key] };
        case "cell": {
          const r = sheetRow[at.row];
          if (r === undefined) throw new Error(`no row ${at.row}`);
          return { sheet: MAIN_SHEET, cell: a1(r, colOf(at.col)) };
        }
      }
    },
  };
}

/** Writes a row's contents into its template row; true when a locked cell had to be typed over. */
function writeRow(sheet: SheetLayout, r: number, row: LogicalRow): boolean {
  const ind = findIndicator(row.code);
  const decimals = ind?.decimals ?? 2;
  let edited = false;
  for (const key of ["uom", "numerator", "denominator", "value", "plan", "note"] as const) {
    const c = row.cells[key];
    if (!c) continue;
    const col = colOf(key);
    const base = cellAt(sheet, r, col);
    if (key === "uom") {
      if (c.kind === "text" && base?.value !== c.text) {
        setCell(sheet, r, col, { ...(base ?? {}), value: c.text } as LayoutCell);
        edited = true;
      }
      continue;
    }
    if (c.kind === "derived") {
      const e = numberOf(row.cells.numerator);
      const f = numberOf(row.cells.denominator);
      const formula =
        base && typeof base.value === "object" && base.value ? base.value.formula : derivedFormula(r);
      // What Excel caches for IF(AND(ISNUMBER(E),ISNUMBER(F),F>0),E/F,"").
      const result = e !== undefined && f !== undefined && f > 0 ? e / f : "";
      setCell(sheet, r, col, { ...(base ?? {}), value: { formula, result } } as LayoutCell);
      continue;
    }
    const wasFormula = base !== null && typeof base.value === "object" && base.value !== null;
    if (key === "value" && wasFormula) edited = true;
    setCell(sheet, r, col, toLayout(c, base, decimals));
  }
  return edited;
}

function derivedFormula(r: number): string {
  const e = a1(r, colOf("numerator"));
  const f = a1(r, colOf("denominator"));
  return `IF(AND(ISNUMBER(${e}),ISNUMBER(${f}),${f}>0),${e}/${f},"")`;
}

/** A row added at the end of the table (a repeated or unknown code), styled like the rows above. */
function writeExtraRow(sheet: SheetLayout, r: number, seq: number, row: LogicalRow): void {
  const ind = findIndicator(row.code);
  const text = (c: Content | undefined): string | null => (c && c.kind === "text" ? c.text : null);
  setCell(sheet, r, colOf("stt"), { value: seq, style: "text", numFmt: "0" });
  setCell(sheet, r, colOf("code"), { value: row.code, style: "code" });
  setCell(sheet, r, colOf("name"), { value: text(row.cells.name) ?? ind?.name.vi ?? null, style: "wrap" });
  setCell(sheet, r, colOf("uom"), { value: text(row.cells.uom) ?? ind?.unit.vi ?? null, style: "text" });
  const input = (): LayoutCell => ({ value: null, style: "input", unlocked: true });
  setCell(sheet, r, colOf("numerator"), input());
  setCell(sheet, r, colOf("denominator"), input());
  setCell(
    sheet,
    r,
    colOf("value"),
    ind && ind.kind === "rate"
      ? {
          value: { formula: derivedFormula(r), result: "" },
          style: "derived",
          numFmt: percentFormat(getIndicator(ind.code).decimals),
        }
      : input(),
  );
  setCell(sheet, r, colOf("plan"), input());
  setCell(sheet, r, colOf("note"), { value: null, style: "wrap", unlocked: true });
}
