import { getIndicator } from "../../catalog/indicators";
import { summaryIndicatorCodes, type Template } from "../../catalog/templates";
import type { Indicator } from "../../catalog/types";
import type { PlanStatus, Report, ReportSeriesPoint } from "../../json-report/types";
import { describePeriod, parsePeriod } from "../../periods";
import { a1 } from "../../text";
import { FMT_TEXT, figureFormat, partFormat, percentFormat, pointsFormat } from "../number-formats";
import { SheetBuilder } from "../sheet-builder";
import type { LayoutCell, SheetLayout } from "../types";
import { STANDING_TEXT, standingOf } from "../../plan/standing";
import { cell, PLAN_STATUS_TEXT, targetCell } from "./shared";

/*
 * The "Theo thời gian" sheet (FORMATS.md §7): each indicator period by period, from the history to
 * this period, with the plan's target and trajectory beside it and the change from the period before,
 * as the table `ChiTieu_TheoKy` (one row per indicator and period, every row complete, so a program
 * reads it as it is). Beside it, a block for a line chart: the periods down its first column, the key
 * indicators (rates with a target: one axis in %) across its first row. Written only with a history.
 */

export const TIME_SERIES_SHEET = "Theo thời gian";
export const TIME_SERIES_TABLE = "ChiTieu_TheoKy";

/** The table's columns, in order: headers in Vietnamese, English in each header's note. */
export const TIME_SERIES_COLUMNS = [
  { key: "code", vi: "Mã chỉ tiêu", en: "Indicator code", width: 16 },
  { key: "name", vi: "Tên chỉ tiêu", en: "Indicator", width: 50 },
  { key: "unit", vi: "Đơn vị tính", en: "Unit", width: 11 },
  { key: "period", vi: "Kỳ", en: "Period", width: 11 },
  { key: "value", vi: "Thực hiện", en: "Actual", width: 13 },
  { key: "numerator", vi: "Tử số", en: "Numerator", width: 12 },
  { key: "denominator", vi: "Mẫu số", en: "Denominator", width: 12 },
  {
    key: "change",
    vi: "So với kỳ trước",
    en: "Change from the previous period (rates: percentage points)",
    width: 13,
  },
  { key: "target", vi: "Kế hoạch", en: "Target", width: 12 },
  {
    key: "trajectory",
    vi: "Lộ trình kế hoạch",
    en: "Plan trajectory: the straight line to the target due",
    width: 13,
  },
  {
    key: "phaseTotal",
    vi: "Lũy kế giai đoạn",
    en: "Running total over the phase (tong_giai_doan)",
    width: 13,
  },
  { key: "status", vi: "Đánh giá", en: "Assessment", width: 16 },
  { key: "statusCode", vi: "Mã đánh giá", en: "Assessment code", width: 11 },
] as const;

export const TIME_SERIES_GEOMETRY = {
  /** The table's header row; its body follows. */
  headerRow: 5,
  /** The chart block's first column: after the table and one empty column. */
  chartColumn: TIME_SERIES_COLUMNS.length + 2,
} as const;

/** At most this many lines on the chart: more cannot be told apart. */
const CHART_LINES = 6;

const STATUS_STYLE: Partial<Record<PlanStatus, "good" | "warn" | "bad">> = {
  met: "good",
  on_track: "good",
  behind: "warn",
  missed: "bad",
};

/** The sheet, or none when the report has no series (no history was given). */
export function timeSeriesSheet(report: Report, template: Template): SheetLayout | undefined {
  const series = report.series ?? [];
  if (series.length === 0) return undefined;
  const periods = [...new Set(series.map((s) => s.period))];
  const sheet = new SheetBuilder(TIME_SERIES_SHEET, "summary-series");
  const { headerRow, chartColumn } = TIME_SERIES_GEOMETRY;
  const codes = summaryIndicatorCodes(template).filter((c) => series.some((s) => s.indicator === c));
  const key = keyIndicators(report, codes);
  sheet.widths([...TIME_SERIES_COLUMNS.map((c) => c.width), 3, 10, ...key.map(() => 14)]);
  heading(sheet, report, periods);
  sheet.row(
    headerRow,
    1,
    TIME_SERIES_COLUMNS.map((c) => cell(c.vi, { style: "header", note: c.en })),
  );
  sheet.height(headerRow, 32);
  let row = headerRow + 1;
  for (const code of codes) {
    const ind = getIndicator(code);
    for (const p of series.filter((s) => s.indicator === code)) sheet.row(row++, 1, pointRow(ind, p));
  }
  const last = row - 1;
  sheet.table({
    name: TIME_SERIES_TABLE,
    ref: `A${headerRow}:${a1(last, TIME_SERIES_COLUMNS.length)}`,
    style: "TableStyleLight9",
  });
  const statusCol = TIME_SERIES_COLUMNS.findIndex((c) => c.key === "status") + 1;
  for (const [status, style] of Object.entries(STATUS_STYLE) as [PlanStatus, "good" | "warn" | "bad"][]) {
    sheet.conditional({
      range: `${a1(headerRow + 1, statusCol)}:${a1(last, statusCol)}`,
      kind: "textEquals",
      text: PLAN_STATUS_TEXT[status].vi,
      style,
    });
  }
  if (key.length > 0) chartBlock(sheet, series, periods, key, headerRow, chartColumn);
  sheet.freezeAt(headerRow, 1);
  sheet.printSetup({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${headerRow}:${headerRow}`,
  });
  return sheet.build();
}

/** The block a line chart points at: where it is, for whoever draws the chart. */
export function timeSeriesChartData(report: Report, template: Template): string | undefined {
  const series = report.series ?? [];
  const codes = summaryIndicatorCodes(template).filter((c) => series.some((s) => s.indicator === c));
  const key = keyIndicators(report, codes);
  if (series.length === 0 || key.length === 0) return undefined;
  const periods = new Set(series.map((s) => s.period)).size;
  const { headerRow, chartColumn } = TIME_SERIES_GEOMETRY;
  return `${a1(headerRow, chartColumn)}:${a1(headerRow + periods, chartColumn + key.length)}`;
}

function heading(sheet: SheetBuilder, report: Report, periods: string[]): void {
  const width = TIME_SERIES_COLUMNS.length;
  const span = (code: string | undefined): string => {
    const p = code ? parsePeriod(code) : undefined;
    return p ? describePeriod(p, "vi") : (code ?? "");
  };
  sheet
    .set(
      1,
      1,
      cell(
        `SỐ LIỆU THEO THỜI GIAN — ${report.scope.name} — ${span(periods[0])} đến ${span(periods[periods.length - 1])}`,
        { style: "title" },
      ),
    )
    .merge(1, 1, 1, width);
  sheet.height(1, 30);
  sheet
    .set(
      2,
      1,
      cell(
        "Over time: each indicator period by period, the history's summaries then this one, with the plan's target and trajectory",
        { style: "subtitle" },
      ),
    )
    .merge(2, 1, 2, width);
  sheet
    .set(
      3,
      1,
      cell(
        "Mỗi chỉ tiêu theo từng kỳ, từ các bảng tổng hợp kỳ trước đến kỳ này; đánh giá từng kỳ theo cùng kế hoạch. So với kỳ trước: tỷ lệ tính bằng điểm %.",
        {
          style: "muted",
          note: "Each period judged against the same plan. Change from the previous period: rates in percentage points.",
        },
      ),
    )
    .merge(3, 1, 3, width);
}

/** A rate as a fraction in % format; other figures as they are. */
function figure(
  ind: Indicator,
  v: number | null | undefined,
  style: "figure" | "total" = "figure",
): LayoutCell {
  const value = v ?? null;
  if (ind.kind === "rate")
    return cell(value === null ? null : value / 100, { style, numFmt: percentFormat(ind.decimals) });
  return cell(value, { style, numFmt: figureFormat(ind) });
}

/** A change with its sign: rates in percentage points, others in the indicator's unit. */
function changeCell(ind: Indicator, change: number | undefined): LayoutCell {
  const base = ind.kind === "rate" ? pointsFormat(ind.decimals) : figureFormat(ind);
  return cell(change ?? null, { style: "figure", numFmt: `+${base};-${base};${base}` });
}

function pointRow(ind: Indicator, p: ReportSeriesPoint): LayoutCell[] {
  const hasParts = ind.kind === "rate" || ind.kind === "score";
  const status = p.status ?? "no_target";
  const standing = standingOf(status, p.target);
  return [
    cell(ind.code, { style: "code" }),
    cell(ind.name.vi, { style: "text", note: ind.name.en }),
    cell(ind.kind === "rate" ? "%" : ind.unit.vi, { style: "text" }),
    cell(p.period, { style: "code", numFmt: FMT_TEXT }),
    figure(ind, p.value, "total"),
    cell(hasParts ? p.numerator : null, { style: "figure", numFmt: partFormat(ind.numerator) }),
    cell(hasParts ? p.denominator : null, { style: "figure", numFmt: partFormat(ind.denominator) }),
    changeCell(ind, p.change),
    targetCell(ind, p.target ?? null),
    figure(ind, p.trajectory),
    cell(p.phaseTotal?.total ?? null, { style: "figure", numFmt: figureFormat(ind) }),
    cell(STANDING_TEXT[standing].vi, { style: "text", note: STANDING_TEXT[standing].en }),
    cell(status, { style: "muted" }),
  ];
}

/**
 * The indicators worth a line: rates (one axis in %) the plan gives a target, in the template's
 * order; with none, the rates that have figures.
 */
function keyIndicators(report: Report, codes: readonly string[]): string[] {
  const rates = codes.filter((c) => getIndicator(c).kind === "rate");
  const hasTarget = new Set(report.indicators.filter((i) => i.target != null).map((i) => i.code));
  const withValue = new Set((report.series ?? []).filter((s) => s.value !== null).map((s) => s.indicator));
  const targeted = rates.filter((c) => hasTarget.has(c) && withValue.has(c));
  return (targeted.length > 0 ? targeted : rates.filter((c) => withValue.has(c))).slice(0, CHART_LINES);
}

/** Periods down the first column, the key indicators across the first row: what a line chart reads. */
function chartBlock(
  sheet: SheetBuilder,
  series: ReportSeriesPoint[],
  periods: string[],
  key: string[],
  top: number,
  left: number,
): void {
  sheet.set(
    top - 1,
    left,
    cell("Biểu đồ: các tỷ lệ chính theo kỳ", { style: "label", note: "Chart data: key rates by period" }),
  );
  sheet.row(top, left, [
    cell("Kỳ", { style: "header", note: "Period" }),
    ...key.map((c) => cell(c, { style: "header", note: getIndicator(c).name.vi })),
  ]);
  const value = new Map(series.map((s) => [`${s.indicator}\u0000${s.period}`, s.value]));
  periods.forEach((period, i) => {
    sheet.row(top + 1 + i, left, [
      cell(period, { style: "code", numFmt: FMT_TEXT }),
      ...key.map((c) => figure(getIndicator(c), value.get(`${c}\u0000${period}`))),
    ]);
  });
}
