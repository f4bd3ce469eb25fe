import { getIndicator } from "../../catalog/indicators";
import { summaryIndicatorCodes, type Template } from "../../catalog/templates";
import type { Report } from "../../json-report/types";
import { MATRIX_TABLE } from "../../plan/previous";
import { a1 } from "../../text";
import { FMT_TEXT, figureFormat, percentFormat } from "../number-formats";
import { scaleToFit } from "../print";
import { SheetBuilder } from "../sheet-builder";
import type { LayoutCell, SheetLayout } from "../types";
import { outsideText, type Outside } from "./outside";
import { groupsWords, levelWords } from "../words";
import { cell, sharedCells, STATUS_STYLE, STATUS_TEXT, SUMMARY_SHEETS, type SummaryOptions } from "./shared";

/*
 * The "Theo đơn vị" sheet: one row per unit (subtotals in bold), one column per indicator, under
 * its section and its name (the table's own header row keeps the codes it is read back by).
 *
 * Printed, units run down and indicators across as many pages as they need, section by section,
 * each page repeating the units' codes and names at its left and the indicators' names at its top.
 * Units down because that is how the sheet is read and how the roster orders them; the other way
 * round, a province's 75 communes would run across 10 pages and a reader could not follow a unit.
 */

/** The fixed columns before one column per indicator. */
const FIXED = ["Mã đơn vị", "Tên đơn vị", "Cấp", "Nhóm", "Tình trạng"];
/** Their widths: code, name, level, groups, status. */
const FIXED_WIDTHS = [10, 26, 6, 10, 11];
/** Indicators on one printed page across: names in the headers stay legible at the scale this needs. */
const INDICATORS_PER_PAGE = 10;

/** The indicators (0-based, `to` excluded) each printed page across holds: even pages of at most ten. */
function pagesAcross(count: number): { from: number; to: number }[] {
  const n = Math.max(1, Math.ceil(count / INDICATORS_PER_PAGE));
  const per = Math.ceil(count / n);
  const out: { from: number; to: number }[] = [];
  for (let from = 0; from < count; from += per) out.push({ from, to: Math.min(count, from + per) });
  return out;
}

/** Rows above the table's header: title, subtitle, units not listed, sections, indicator names. */
const SECTION_ROW = 4;
const NAME_ROW = 5;
const HEADER_ROW = 6;

export function matrixSheet(
  report: Report,
  template: Template,
  opts: SummaryOptions,
  outside: Outside,
): SheetLayout {
  const sheet = new SheetBuilder(SUMMARY_SHEETS.matrix, "summary-matrix");
  const codes = summaryIndicatorCodes(template);
  // Each indicator's column as wide as its code (the table's header, in the small code font) and
  // its figures; its name wraps above it.
  const indicatorWidths = codes.map((code) => Math.max(10, Math.ceil(code.length * 0.95) + 2));
  sheet.widths([...FIXED_WIDTHS, ...indicatorWidths]);
  const pages = pagesAcross(codes.length);
  heading(sheet, report, template, codes, outside, pages);
  const end = unitRows(sheet, report, codes, opts, outside);
  sheet.row(end, 1, scopeRow(report));
  sheet.table({
    name: MATRIX_TABLE,
    ref: `A${HEADER_ROW}:${a1(end, FIXED.length + codes.length)}`,
    style: "TableStyleLight1",
  });
  sheet.freezeAt(HEADER_ROW, 2);
  // Not squeezed to one page wide (23 indicators would print at a third of their size): at most
  // INDICATORS_PER_PAGE indicators a page, the units' codes and names repeated at the left of each,
  // at the scale the widest page needs.
  const widthsOf = (p: { from: number; to: number }): number[] => indicatorWidths.slice(p.from, p.to);
  const scale = scaleToFit(
    pages.map((p, i) => [...(i === 0 ? FIXED_WIDTHS : FIXED_WIDTHS.slice(0, 2)), ...widthsOf(p)]),
    "landscape",
  );
  sheet.printSetup({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: false,
    scale,
    titleRows: `${SECTION_ROW}:${HEADER_ROW}`,
    titleColumns: "A:B",
    ...(pages.length > 1 ? { colBreaks: pages.slice(0, -1).map((p) => FIXED.length + p.to) } : {}),
  });
  return sheet.build();
}

/** The title, what the sheet holds, the units not listed (if any), and the table's header. */
function heading(
  sheet: SheetBuilder,
  report: Report,
  template: Template,
  codes: readonly string[],
  outside: Outside,
  pages: readonly { from: number; to: number }[],
): void {
  const titleWidth = Math.min(FIXED.length + codes.length, 13);
  sheet
    .set(1, 1, cell(`SỐ LIỆU THEO ĐƠN VỊ — ${report.scope.name} — ${report.period}`, { style: "title" }))
    .merge(1, 1, 1, titleWidth);
  sheet
    .set(
      2,
      1,
      cell("Figures by unit: one row per unit (subtotals in bold), one column per indicator", {
        style: "subtitle",
      }),
    )
    .merge(2, 1, 2, titleWidth);
  if (outside.folded.size > 0) {
    // Above the table, not in it: the table is read back as last year's figures (--previous).
    const text = outsideText(outside);
    sheet.set(3, 1, cell(text.vi, { style: "subtitle", note: text.en })).merge(3, 1, 3, titleWidth);
  }
  // Each section's title over its first indicator (not merged: a page break may fall inside a
  // section, and a merged title would print on one side of it only), then each indicator's name.
  const first = FIXED.length + 1;
  sheet.set(SECTION_ROW, 1, cell("", { style: "header" })).merge(SECTION_ROW, 1, NAME_ROW, FIXED.length);
  // A page across that starts inside a section names it again ("B. Xã hội, môi trường (tiếp)").
  const pageStarts = new Set(pages.map((p) => first + p.from));
  let col = first;
  for (const section of sectionsOf(template, codes)) {
    sheet.set(SECTION_ROW, col, cell(section.title, { style: "section" }));
    for (let c = col + 1; c < col + section.count; c++)
      sheet.set(
        SECTION_ROW,
        c,
        cell(pageStarts.has(c) ? `${section.title} (tiếp)` : "", { style: "section" }),
      );
    col += section.count;
  }
  codes.forEach((code, i) => {
    const ind = getIndicator(code);
    const unit = ind.kind === "rate" ? "%" : ind.unit.vi;
    sheet.set(NAME_ROW, first + i, cell(`${ind.name.vi} (${unit})`, { style: "header", note: ind.name.en }));
  });
  sheet.row(HEADER_ROW, 1, [
    ...FIXED.map((h) => cell(h, { style: "header" })),
    ...codes.map((code) => cell(code, { style: "code", note: getIndicator(code).name.vi })),
  ]);
}

/** The template's sections in the order of `codes`, each with how many of them it holds. */
function sectionsOf(template: Template, codes: readonly string[]): { title: string; count: number }[] {
  const sectionOf = new Map<string, string>();
  for (const s of template.sections)
    for (const c of s.indicators) sectionOf.set(c, `${s.key}. ${s.title.vi}`);
  const out: { title: string; count: number }[] = [];
  for (const code of codes) {
    const title = sectionOf.get(code) ?? "Chỉ tiêu dẫn xuất";
    const last = out[out.length - 1];
    if (last && last.title === title) last.count++;
    else out.push({ title, count: 1 });
  }
  return out;
}

/** Each unit's value of each indicator, from the report's per-unit figures. */
function valuesByUnit(report: Report): Map<string, Map<string, number | null>> {
  const values = new Map<string, Map<string, number | null>>();
  for (const figure of report.perUnit) {
    const byIndicator = values.get(figure.unit) ?? new Map<string, number | null>();
    byIndicator.set(figure.indicator, figure.value);
    values.set(figure.unit, byIndicator);
  }
  return values;
}

/** A row per unit listed, in roster order; returns the row after the last. */
function unitRows(
  sheet: SheetBuilder,
  report: Report,
  codes: readonly string[],
  opts: SummaryOptions,
  outside: Outside,
): number {
  const units = new Map(report.units.map((u) => [u.code, u]));
  const values = valuesByUnit(report);
  const inner = new Set(report.perUnit.filter((p) => p.level !== undefined).map((p) => p.unit));
  const rows = orderedUnits(report).filter((code) => !outside.folded.has(code));
  const same = sharedCells();
  let r = HEADER_ROW + 1;
  for (const code of rows) {
    const unit = units.get(code);
    const isInner = inner.has(code);
    const style = isInner ? "total" : "figure";
    const figures = values.get(code);
    sheet.row(r, 1, [
      cell(code, { style: isInner ? "total" : "code", numFmt: FMT_TEXT }),
      cell(unit?.name ?? opts.unitNames?.get(code) ?? code, { style: isInner ? "total" : "text" }),
      same(unit?.level ? levelWords(unit.level).vi : isInner ? "Cấp trên" : "", { style: "text" }),
      same(groupsWords(unit?.groups), { style: "text" }),
      unit
        ? same(STATUS_TEXT[unit.status].vi, { style: STATUS_STYLE[unit.status] })
        : same(isInner ? "Tổng hợp" : "", { style: "text" }),
      ...codes.map((indicatorCode) => {
        const ind = getIndicator(indicatorCode);
        const value = figures?.get(indicatorCode) ?? null;
        const numFmt = ind.kind === "rate" ? percentFormat(ind.decimals) : figureFormat(ind);
        if (value === null) return same(null, { style, numFmt });
        return cell(ind.kind === "rate" ? value / 100 : value, { style, numFmt });
      }),
    ]);
    r++;
  }
  return r;
}

/** The last row: the scope's own figures. */
function scopeRow(report: Report): LayoutCell[] {
  return [
    cell(report.scope.code, { style: "total", numFmt: FMT_TEXT }),
    cell(`Toàn ${report.scope.name}`, { style: "total" }),
    cell("", { style: "total" }),
    cell("", { style: "total" }),
    cell("", { style: "total" }),
    ...report.indicators.map((figure) => {
      const ind = getIndicator(figure.code);
      return ind.kind === "rate"
        ? cell(figure.value === null ? null : figure.value / 100, {
            style: "total",
            numFmt: percentFormat(ind.decimals),
          })
        : cell(figure.value, { style: "total", numFmt: figureFormat(ind) });
    }),
  ];
}

/** Units in roster order: each inner unit's leaves, then its subtotal row. */
function orderedUnits(report: Report): string[] {
  const listed = new Set<string>();
  const children = new Map<string, string[]>();
  for (const u of report.units) {
    if (!u.parent) continue;
    const list = children.get(u.parent);
    if (list) list.push(u.code);
    else children.set(u.parent, [u.code]);
  }
  const innerSet = new Set(report.perUnit.filter((p) => p.level !== undefined).map((p) => p.unit));
  const inner = [...innerSet].sort();
  const out: string[] = [];
  const leavesOf = (code: string): void => {
    for (const ch of (children.get(code) ?? []).sort()) {
      if (innerSet.has(ch)) continue;
      if (!listed.has(ch)) {
        listed.add(ch);
        out.push(ch);
      }
    }
  };
  for (const code of inner) {
    if (code === report.scope.code) continue;
    leavesOf(code);
    listed.add(code);
    out.push(code);
  }
  for (const u of report.units) {
    if (!listed.has(u.code) && u.code !== report.scope.code) {
      listed.add(u.code);
      out.push(u.code);
    }
  }
  return out;
}
