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
import { CHART_COLORS } from "../styles";
import { cell, targetCell } from "./shared";

/*
 * The "Theo thời gian" sheet (FORMATS.md §7): each indicator period by period, from the history to
 * this period, with the plan's target and trajectory beside it and the change from the period before,
 * as the table `ChiTieu_TheoKy` (one row per indicator and period, every row complete, so a program
 * reads it as it is). Under it, the block a line chart reads (the periods down its first column, the
 * key rates and their targets across its first row), then the chart on a printed page of its own.
 * Written only with a history.
 */

export const TIME_SERIES_SHEET = "Theo thời gian";
export const TIME_SERIES_TABLE = "ChiTieu_TheoKy";

/** The table's columns, in order: headers in Vietnamese, English in each header's note. */
export const TIME_SERIES_COLUMNS = [
  { key: "code", vi: "Mã chỉ tiêu", en: "Indicator code", width: 16 },
  { key: "name", vi: "Tên chỉ tiêu", en: "Indicator", width: 44 },
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
  { key: "status", vi: "Đánh giá", en: "Assessment", width: 24 },
  { key: "statusCode", vi: "Mã đánh giá", en: "Assessment code", width: 11 },
] as const;

export const TIME_SERIES_GEOMETRY = {
  /** The table's header row; its body follows. */
  headerRow: 5,
  /** The chart block's first column: under the table's "Kỳ" column, the periods under the periods. */
  chartColumn: TIME_SERIES_COLUMNS.findIndex((c) => c.key === "period") + 1,
  /** Rows the chart covers on its page. */
  chartRows: 28,
} as const;

/** At most this many lines on the chart (figures and their targets): more cannot be told apart. */
const CHART_LINES = 6;

/** The visible width of the sheet: every column but the machine's status code. */
const VISIBLE_COLUMNS = TIME_SERIES_COLUMNS.length - 1;

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
  sheet.widths(TIME_SERIES_COLUMNS.map((c) => c.width));
  // The status code is for programs reading the table: kept in it, out of sight and off the page.
  sheet.hideColumn(TIME_SERIES_COLUMNS.findIndex((c) => c.key === "statusCode") + 1);
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
      text: STANDING_TEXT[status].vi,
      style,
    });
  }
  // Under the table, not beside it (a wider sheet prints smaller): the chart's figures, then the
  // chart on a page of its own.
  if (key.length > 0) chartBlock(sheet, series, periods, key, last + 2, chartColumn);
  sheet.freezeAt(headerRow, 1);
  sheet.printSetup({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${headerRow}:${headerRow}`,
  });
  return sheet.build();
}

function heading(sheet: SheetBuilder, report: Report, periods: string[]): void {
  const width = VISIBLE_COLUMNS;
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
  const standing = STANDING_TEXT[standingOf(p.status, p.target)];
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
    // Wraps: "Chưa đánh giá được (thiếu số gốc)" is longer than the column; its row grows to it.
    cell(standing.vi, { style: "wrap", note: standing.en }),
    cell(status, { style: "muted" }),
  ];
}

/** One line of the chart: an indicator's figures, or the plan's targets for it (dashed, same colour). */
interface ChartSeriesLine {
  code: string;
  target: boolean;
}

/**
 * The lines worth drawing: rates (one axis in %) the plan gives a target, each followed by its
 * target line; with none, the rates that have figures. At most CHART_LINES, so the ones a planner
 * must look at come first: missed, then behind in the period reported, then the template's order.
 */
function keyIndicators(report: Report, codes: readonly string[]): ChartSeriesLine[] {
  const series = report.series ?? [];
  const urgency = (code: string): number => {
    const status = report.indicators.find((i) => i.code === code)?.status;
    return status === "missed" ? 0 : status === "behind" ? 1 : 2;
  };
  const rates = codes
    .filter((c) => getIndicator(c).kind === "rate")
    .map((code, order) => ({ code, order }))
    .sort((a, b) => urgency(a.code) - urgency(b.code) || a.order - b.order)
    .map((r) => r.code);
  const withValue = new Set(series.filter((s) => s.value !== null).map((s) => s.indicator));
  const withTarget = new Set(series.filter((s) => s.target != null).map((s) => s.indicator));
  const targeted = rates.filter((c) => withTarget.has(c) && withValue.has(c));
  const chosen = targeted.length > 0 ? targeted : rates.filter((c) => withValue.has(c));
  const lines: ChartSeriesLine[] = [];
  for (const code of chosen) {
    const pair = withTarget.has(code);
    if (lines.length + (pair ? 2 : 1) > CHART_LINES) break;
    lines.push({ code, target: false });
    if (pair) lines.push({ code, target: true });
  }
  return lines;
}

/** The chart's title: what its lines are. */
export const TIME_SERIES_CHART_TITLE = "Các tỷ lệ chính theo kỳ và kế hoạch (%)";

/**
 * Under the table: periods down the block's first column, one column per line (a rate, then its
 * target); then, on the next printed page, the line chart drawn from the block.
 */
function chartBlock(
  sheet: SheetBuilder,
  series: ReportSeriesPoint[],
  periods: string[],
  lines: ChartSeriesLine[],
  top: number,
  left: number,
): void {
  sheet
    .set(
      top,
      1,
      cell("Số liệu của biểu đồ: các tỷ lệ chính theo kỳ, nét đứt là kế hoạch", {
        style: "section",
        note: "Chart data: the key rates by period; the dashed lines are the plan's targets",
      }),
    )
    .merge(top, 1, top, VISIBLE_COLUMNS);
  const head = top + 1;
  sheet.row(head, left, [
    cell("Kỳ", { style: "header", note: "Period" }),
    ...lines.map((l) => {
      const ind = getIndicator(l.code);
      return l.target
        ? cell(`Kế hoạch: ${ind.name.vi}`, { style: "header", note: `${l.code} — target: ${ind.name.en}` })
        : cell(ind.name.vi, { style: "header", note: `${l.code} — ${ind.name.en}` });
    }),
  ]);
  const at = new Map(series.map((s) => [`${s.indicator}\u0000${s.period}`, s]));
  periods.forEach((period, i) => {
    sheet.row(head + 1 + i, left, [
      cell(period, { style: "code", numFmt: FMT_TEXT }),
      ...lines.map((l) => {
        const p = at.get(`${l.code}\u0000${period}`);
        return figure(getIndicator(l.code), l.target ? p?.target : p?.value);
      }),
    ]);
  });
  const bottom = head + periods.length;
  const chartTop = bottom + 2;
  sheet.pageBreakBefore(chartTop);
  sheet
    .set(
      chartTop,
      1,
      cell(`Biểu đồ: ${TIME_SERIES_CHART_TITLE}`, {
        style: "section",
        note: "Chart: key rates by period, with the plan's targets",
      }),
    )
    .merge(chartTop, 1, chartTop, VISIBLE_COLUMNS);
  let colour = 0;
  sheet.chart({
    title: TIME_SERIES_CHART_TITLE,
    kind: "line",
    data: `${a1(head, left)}:${a1(bottom, left + lines.length)}`,
    anchor: `${a1(chartTop + 1, 1)}:${a1(chartTop + TIME_SERIES_GEOMETRY.chartRows, VISIBLE_COLUMNS)}`,
    valueFormat: "0%",
    lines: lines.map((l) => {
      if (!l.target) colour++;
      return { color: CHART_COLORS[(colour - 1) % CHART_COLORS.length] as string, dashed: l.target };
    }),
  });
}
