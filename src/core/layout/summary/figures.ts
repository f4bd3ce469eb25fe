import { getIndicator } from "../../catalog/indicators";
import { templateTag, type Template } from "../../catalog/templates";
import type { Indicator } from "../../catalog/types";
import {
  COLUMN_ORDER,
  COLUMNS,
  META_LABELS,
  SUMMARY_COLUMN_ORDER,
  SUMMARY_COLUMNS,
  TABLE_NAME,
  type ColumnKey,
  type SummaryColumnKey,
} from "../../contract";
import { countIssues } from "../../issues-fold";
import type { Report } from "../../json-report/types";
import { describePeriod, parsePeriod } from "../../periods";
import { a1 } from "../../text";
import { FMT_DATE, FMT_TEXT, figureFormat } from "../number-formats";
import { SheetBuilder } from "../sheet-builder";
import type { LayoutCell, SheetLayout } from "../types";
import {
  cell,
  countCells,
  excelDate,
  partCells,
  PLAN_STATUS_TEXT,
  SIGNAL,
  SUMMARY_SHEETS,
  targetCell,
  valueCell,
  type SummaryOptions,
} from "./shared";

/*
 * The "Tổng hợp" sheet: the scope's figures as a `ChiTieu` table with the names of a submission, so
 * the summary itself consolidates upward, with the plan's judgement beside each figure.
 */

/** The figures table's columns: the template's, the summary's counts, then the plan's judgement. */
export const SUMMARY_COLUMNS_ORDER = [
  "stt",
  ...COLUMN_ORDER,
  ...SUMMARY_COLUMN_ORDER,
  "gap",
  "status",
  "signal",
] as const;

export const SUMMARY_GEOMETRY = { headerRow: 9, captionRow: 8, firstBodyRow: 10 } as const;

const EXTRA_HEADERS = {
  gap: { vi: "Chênh lệch so với kế hoạch", en: "Gap to target" },
  status: { vi: "Đánh giá", en: "Assessment" },
  signal: { vi: "Tín hiệu", en: "Signal" },
} as const;

function headerCaption(key: (typeof SUMMARY_COLUMNS_ORDER)[number]): { vi: string; en: string } {
  if (key === "stt") return { vi: "STT", en: "No." };
  if (key === "gap" || key === "status" || key === "signal") return EXTRA_HEADERS[key];
  return key in SUMMARY_COLUMNS ? SUMMARY_COLUMNS[key as SummaryColumnKey] : COLUMNS[key as ColumnKey];
}

function aggregationNote(ind: Indicator): string {
  switch (ind.kind) {
    case "rate":
      return ind.derived ? `= ${ind.derived.numerator} / ${ind.derived.denominator}` : "Σ tử số / Σ mẫu số";
    case "score":
      return "Bình quân = Σ điểm / số đơn vị";
    default:
      return ind.time === "last" ? "Tổng (số cuối kỳ)" : "Tổng";
  }
}

const COLS = SUMMARY_COLUMNS_ORDER.length;
const WIDTHS = [6, 18, 52, 12, 16, 16, 14, 12, 28, 12, 12, 12, 12, 14, 18, 9];

export function figuresSheet(report: Report, template: Template, opts: SummaryOptions): SheetLayout {
  const geometry = SUMMARY_GEOMETRY;
  const sheet = new SheetBuilder(SUMMARY_SHEETS.figures, "summary");
  sheet.widths(WIDTHS);
  heading(sheet, report, template, opts);
  columnHeaders(sheet);
  const lastRow = figureRows(sheet, report, template);
  figuresTable(sheet, lastRow);
  // The block beside the table (a gap column, then code, figure, target) widens the sheet only when drawn.
  if (figureVsTarget(sheet, report, COLS + 2, geometry.headerRow)) sheet.widths([...WIDTHS, 3, 18, 14, 14]);
  sheet.freezeAt(geometry.headerRow, 3);
  sheet.printSetup({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${geometry.captionRow}:${geometry.headerRow}`,
  });
  sheet.tab("1F4E79");
  return sheet.build();
}

/** The title, and the block of labelled cells that says whose summary, for when, and how complete. */
function heading(sheet: SheetBuilder, report: Report, template: Template, opts: SummaryOptions): void {
  sheet
    .set(1, 1, cell(`TỔNG HỢP: ${template.name.vi.toLocaleUpperCase("vi")}`, { style: "title" }))
    .merge(1, 1, 1, COLS);
  sheet.height(1, 36);
  sheet.set(2, 1, cell(`Summary: ${template.name.en}`, { style: "subtitle" })).merge(2, 1, 2, COLS);
  const label = (k: keyof typeof META_LABELS): LayoutCell =>
    cell(`${META_LABELS[k].vi}:`, { style: "label", note: META_LABELS[k].en });
  sheet.set(3, 2, label("unit")).set(3, 3, cell(report.scope.code, { style: "meta", numFmt: FMT_TEXT }));
  sheet.set(4, 2, label("unitName")).set(4, 3, cell(report.scope.name, { style: "meta" }));
  sheet.set(5, 2, label("period")).set(5, 3, cell(report.period, { style: "meta", numFmt: FMT_TEXT }));
  sheet
    .set(6, 2, label("template"))
    .set(6, 3, cell(templateTag(template), { style: "meta", numFmt: FMT_TEXT }));
  sheet
    .set(3, 6, label("reportDate"))
    .set(
      3,
      7,
      cell(opts.reportDate ? excelDate(opts.reportDate) : null, { style: "meta", numFmt: FMT_DATE }),
    );
  const expected = report.indicators[0]?.expected ?? 0;
  const received = report.units.filter((u) => u.status === "ok" || u.status === "late").length;
  sheet
    .set(4, 6, cell("Đơn vị đã nộp:", { style: "label", note: "Units reported" }))
    .set(4, 7, cell(`${received}/${expected}`, { style: "meta", numFmt: FMT_TEXT }));
  const { errors, warnings } = countIssues(report.issues);
  sheet
    .set(5, 6, cell("Vấn đề:", { style: "label", note: "Issues" }))
    .set(5, 7, cell(`${errors} lỗi, ${warnings} cảnh báo`, { style: "meta" }));
  const period = parsePeriod(report.period);
  if (period) sheet.set(6, 6, cell(describePeriod(period), { style: "subtitle" }));
}

/** The table's header in Vietnamese, with the English caption above it. */
function columnHeaders(sheet: SheetBuilder): void {
  const geometry = SUMMARY_GEOMETRY;
  SUMMARY_COLUMNS_ORDER.forEach((key, i) => {
    const caption = headerCaption(key);
    sheet.set(geometry.captionRow, i + 1, cell(caption.en, { style: "headerEn" }));
    sheet.set(geometry.headerRow, i + 1, cell(caption.vi, { style: "header", note: caption.en }));
  });
  sheet.height(geometry.headerRow, 32);
}

/** A row per section of the template, then a row per indicator in it; returns the row after the last. */
function figureRows(sheet: SheetBuilder, report: Report, template: Template): number {
  let r = SUMMARY_GEOMETRY.firstBodyRow;
  let seq = 0;
  const byCode = new Map(report.indicators.map((i) => [i.code, i]));
  const sections = [
    ...template.sections.map((s) => ({ key: s.key, title: s.title.vi, codes: [...s.indicators] })),
  ];
  if (template.derived?.length)
    sections.push({ key: "D", title: "Chỉ tiêu dẫn xuất", codes: [...template.derived] });
  for (const section of sections) {
    sheet.row(r, 1, [
      cell(section.key, { style: "section" }),
      cell("", { style: "section" }),
      cell(section.title, { style: "section" }),
      ...Array.from({ length: COLS - 3 }, () => cell("", { style: "section" })),
    ]);
    r++;
    for (const code of section.codes) {
      seq++;
      sheet.row(r, 1, figureRow(seq, code, byCode.get(code)));
      r++;
    }
  }
  return r;
}

/** One indicator's row: what it is, its figure and parts, how it adds up, its counts, the plan's judgement. */
function figureRow(
  seq: number,
  code: string,
  figure: Report["indicators"][number] | undefined,
): LayoutCell[] {
  const ind = getIndicator(code);
  return [
    cell(seq, { style: "text", numFmt: "0" }),
    cell(code, { style: "code" }),
    cell(ind.name.vi, { style: "wrap", note: ind.name.en }),
    cell(ind.unit.vi, { style: "text" }),
    ...partCells(ind, figure),
    valueCell(ind, figure?.value ?? null),
    targetCell(ind, figure?.target ?? null),
    cell(aggregationNote(ind), { style: "wrap" }),
    ...countCells(figure),
    cell(figure?.value != null && figure.target != null ? figure.value - figure.target : null, {
      style: "figure",
      numFmt: `+${figureFormat(ind)};-${figureFormat(ind)};0`,
    }),
    cell(figure?.status ? PLAN_STATUS_TEXT[figure.status].vi : "", {
      style: "text",
      note: figure?.status ? PLAN_STATUS_TEXT[figure.status].en : "",
    }),
    cell(figure?.status ? SIGNAL[figure.status] : null, { style: "text", numFmt: "0" }),
  ];
}

/** The `ChiTieu` table over header and rows, statuses coloured and signals as traffic lights. */
function figuresTable(sheet: SheetBuilder, end: number): void {
  const geometry = SUMMARY_GEOMETRY;
  sheet.table({
    name: TABLE_NAME,
    ref: `A${geometry.headerRow}:${a1(end - 1, COLS)}`,
    style: "TableStyleLight1",
  });
  const statusCol = SUMMARY_COLUMNS_ORDER.indexOf("status") + 1;
  const signalCol = SUMMARY_COLUMNS_ORDER.indexOf("signal") + 1;
  const statusRange = `${a1(geometry.firstBodyRow, statusCol)}:${a1(end - 1, statusCol)}`;
  for (const [status, style] of [
    ["met", "good"],
    ["on_track", "good"],
    ["behind", "warn"],
    ["missed", "bad"],
  ] as const) {
    sheet.conditional({ range: statusRange, kind: "textEquals", text: PLAN_STATUS_TEXT[status].vi, style });
  }
  sheet.conditional({
    range: `${a1(geometry.firstBodyRow, signalCol)}:${a1(end - 1, signalCol)}`,
    kind: "iconSet",
    icons: "3TrafficLights1",
    thresholds: [1, 2],
  });
}

/**
 * Rates against their targets, in a block beside the table and as a bar chart of it (the add-in draws
 * the chart; a file keeps the block). Only rates: one axis in %, comparable across indicators.
 */
function figureVsTarget(sheet: SheetBuilder, report: Report, col: number, top: number): boolean {
  const rows = report.indicators.filter(
    (i) => getIndicator(i.code).kind === "rate" && i.value !== null && i.target != null,
  );
  if (rows.length === 0) return false;
  sheet.row(top, col, [
    cell("Mã chỉ tiêu", { style: "header" }),
    cell("Thực hiện (%)", { style: "header", note: "Actual (%)" }),
    cell("Kế hoạch (%)", { style: "header", note: "Target (%)" }),
  ]);
  rows.forEach((i, k) => {
    sheet.row(top + 1 + k, col, [
      cell(i.code, { style: "code" }),
      cell(i.value, { style: "figure", numFmt: "0.00" }),
      cell(i.target ?? null, { style: "figure", numFmt: "0.00" }),
    ]);
  });
  const bottom = top + rows.length;
  sheet.chart({
    title: "Thực hiện so với kế hoạch (%)",
    kind: "barClustered",
    data: `${a1(top, col)}:${a1(bottom, col + 2)}`,
    anchor: `${a1(bottom + 2, col)}:${a1(bottom + 2 + Math.max(16, rows.length * 2), col + 7)}`,
  });
  return true;
}
