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
import {
  isJudged,
  phaseSpan,
  phaseTotalText,
  STANDING_SIGNAL,
  STANDING_TEXT,
  standingOf,
} from "../../plan/standing";
import { a1 } from "../../text";
import { formatRounded } from "../../values/numbers";
import { masthead as issuerMasthead, ownerOf, placeName, splitScopeName } from "../../written-report/issuer";
import { FMT_DATE, FMT_TEXT, figureFormat } from "../number-formats";
import { SheetBuilder } from "../sheet-builder";
import type { LayoutCell, SheetLayout } from "../types";
import {
  cell,
  countCells,
  excelDate,
  partCells,
  PLAN_STATUS_TEXT,
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

export const SUMMARY_GEOMETRY = { headerRow: 11, captionRow: 10, firstBodyRow: 12 } as const;

/** Where the heading's named cells sit; the template's tag in a hidden column, beside its label. */
export const SUMMARY_META = {
  unit: "C7",
  unitName: "C8",
  period: "C9",
  template: "R9",
  reportDate: "G7",
} as const;

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

/** How the units' figures make the scope's, in words (the English in the cell's note). */
function aggregationNote(ind: Indicator): { vi: string; en: string } {
  switch (ind.kind) {
    case "rate":
      if (ind.derived) {
        const num = getIndicator(ind.derived.numerator).name;
        const den = getIndicator(ind.derived.denominator).name;
        return { vi: `${num.vi} chia cho ${den.vi.toLocaleLowerCase("vi")}`, en: `${num.en} ÷ ${den.en}` };
      }
      return {
        vi: "Tổng tử số chia tổng mẫu số của các đơn vị",
        en: "Units' numerators added up ÷ their denominators added up",
      };
    case "score":
      return { vi: "Điểm bình quân của các đơn vị báo cáo", en: "Mean score of the reporting units" };
    default:
      return ind.time === "last"
        ? { vi: "Cộng số cuối kỳ của các đơn vị", en: "Units' end-of-period figures added up" }
        : { vi: "Cộng số của các đơn vị", en: "Units' figures added up" };
  }
}

const COLS = SUMMARY_COLUMNS_ORDER.length;
/* Narrow enough that the table, printed one page wide on A4 landscape, stays readable. */
const WIDTHS = [5, 17, 44, 10, 13, 16, 12, 11, 22, 10, 10, 10, 10, 12, 19, 7];
/** Hidden columns after the table: the template's label and tag, for machines. */
const HIDDEN_LABEL = COLS + 1;
const HIDDEN_VALUE = COLS + 2;

export function figuresSheet(report: Report, template: Template, opts: SummaryOptions): SheetLayout {
  const geometry = SUMMARY_GEOMETRY;
  const sheet = new SheetBuilder(SUMMARY_SHEETS.figures, "summary");
  sheet.widths([...WIDTHS, 12, 14]);
  heading(sheet, report, template, opts);
  columnHeaders(sheet);
  const lastRow = figureRows(sheet, report, template);
  figuresTable(sheet, lastRow);
  // Below the table, on the printed page after it: the rates against their targets, and their chart.
  const chartHeading = figureVsTarget(sheet, report, lastRow + 1);
  sheet.freezeAt(geometry.headerRow, 3);
  sheet.printSetup({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${geometry.captionRow}:${geometry.headerRow}`,
    // The chart starts a page: its heading never ends one, cut from the block it names.
    ...(chartHeading !== undefined ? { rowBreaks: [chartHeading - 1] } : {}),
  });
  sheet.tab("1F4E79");
  return sheet.build();
}

/**
 * The masthead of a Vietnamese administrative document (Decree 30/2020/NĐ-CP): the issuing body at
 * the left, the national motto at the right with the place and date under it; then the title.
 */
function masthead(sheet: SheetBuilder, report: Report, template: Template, opts: SummaryOptions): void {
  const scope = splitScopeName(report.scope.name, report.scope.code);
  const head = issuerMasthead(ownerOf(template), scope, opts.reportDate, "vi");
  const plain = (runs: readonly { text: string; fill?: boolean }[] | undefined): string =>
    (runs ?? [])
      .filter((r) => !r.fill)
      .map((r) => r.text)
      .join("")
      .trim();
  // The issuing body: its parent ("UBND TỈNH SƠN LA") and, when the data names it, the issuer.
  const issuer = [plain(head.parent), plain(head.issuer)].filter(Boolean);
  const left = issuer.length > 0 ? issuer : [scope.full.toLocaleUpperCase("vi")];
  left.forEach((text, i) => sheet.set(1 + i, 1, cell(text, { style: "masthead" })).merge(1 + i, 1, 1 + i, 4));
  const right = 10;
  sheet.set(1, right, cell(head.motto[0], { style: "masthead" })).merge(1, right, 1, COLS);
  sheet.set(2, right, cell(head.motto[1], { style: "mastheadUnderlined" })).merge(2, right, 2, COLS);
  const date = opts.reportDate ? `, ${longDate(opts.reportDate)}` : ", ngày ... tháng ... năm ...";
  const place = placeName(scope) ?? "";
  sheet.set(3, right, cell(`${place}${date}`, { style: "placeDate" })).merge(3, right, 3, COLS);
}

/** `ngày 15 tháng 12 năm 2026`. */
function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `ngày ${String(d).padStart(2, "0")} tháng ${String(m).padStart(2, "0")} năm ${y}`;
}

/** The masthead, the title, and the block of labelled cells that says whose summary, for when, and how complete. */
function heading(sheet: SheetBuilder, report: Report, template: Template, opts: SummaryOptions): void {
  masthead(sheet, report, template, opts);
  const period = parsePeriod(report.period);
  const when = period ? describePeriod(period) : report.period;
  sheet.set(4, 1, cell("BÁO CÁO TỔNG HỢP", { style: "title" })).merge(4, 1, 4, COLS);
  sheet.height(4, 24);
  sheet
    .set(5, 1, cell(`${template.name.vi} — ${when} — ${report.scope.name}`, { style: "masthead" }))
    .merge(5, 1, 5, COLS);
  sheet
    .set(6, 1, cell(`Summary: ${template.name.en} — ${report.period}`, { style: "subtitle" }))
    .merge(6, 1, 6, COLS);
  const label = (k: keyof typeof META_LABELS): LayoutCell =>
    cell(`${META_LABELS[k].vi}:`, { style: "label", note: META_LABELS[k].en });
  sheet.set(7, 2, label("unit")).set(7, 3, cell(report.scope.code, { style: "meta", numFmt: FMT_TEXT }));
  sheet.set(8, 2, label("unitName")).set(8, 3, cell(report.scope.name, { style: "meta" }));
  sheet.set(9, 2, label("period")).set(9, 3, cell(report.period, { style: "meta", numFmt: FMT_TEXT }));
  sheet.set(9, 4, cell(when, { style: "meta" }));
  // The template's id and version, for the summary to be read back as a submission (the
  // ChiTieu_MauBieu name): out of sight, as a person reads the template's name in the title.
  sheet
    .set(9, HIDDEN_LABEL, label("template"))
    .set(9, HIDDEN_VALUE, cell(templateTag(template), { style: "meta", numFmt: FMT_TEXT }));
  sheet.hideColumn(HIDDEN_LABEL).hideColumn(HIDDEN_VALUE);
  // The labels at the right in F, wide enough for them (bold, they would run under their values),
  // the period in words in D free to run on over E.
  sheet
    .set(7, 6, label("reportDate"))
    .set(
      7,
      7,
      cell(opts.reportDate ? excelDate(opts.reportDate) : null, { style: "meta", numFmt: FMT_DATE }),
    );
  const expected = report.indicators[0]?.expected ?? 0;
  const received = report.units.filter((u) => u.status === "ok" || u.status === "late").length;
  sheet
    .set(8, 6, cell("Đơn vị đã nộp:", { style: "label", note: "Units reported" }))
    .set(8, 7, cell(`${received}/${expected}`, { style: "meta", numFmt: FMT_TEXT }));
  const { errors, warnings } = countIssues(report.issues);
  sheet
    .set(9, 6, cell("Vấn đề:", { style: "label", note: "Issues" }))
    .set(9, 7, cell(`${errors} lỗi, ${warnings} cảnh báo`, { style: "meta" }));
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
      sheet.row(r, 1, figureRow(seq, code, byCode.get(code), report.period));
      r++;
    }
  }
  return r;
}

/**
 * One indicator's row: what it is, its figure and parts, how it adds up, its counts, the plan's
 * judgement. A target with nothing to judge it from (no baseline) has a standing but no gap and no
 * light; a phase total's gap is its running total's, said in words beside it.
 */
function figureRow(
  seq: number,
  code: string,
  figure: Report["indicators"][number] | undefined,
  period: string,
): LayoutCell[] {
  const ind = getIndicator(code);
  const standing = figure ? standingOf(figure.status, figure.target) : undefined;
  const judged = standing !== undefined && isJudged(standing);
  const phase = judged ? figure?.phaseTotal : undefined;
  const how = aggregationNote(ind);
  const running = phase
    ? phaseTotalText(phase, period, (n) => formatRounded(n, "vi", ind.decimals))
    : undefined;
  const runningEn = phase
    ? phaseTotalText(phase, period, (n) => formatRounded(n, "en", ind.decimals))
    : undefined;
  const span = phase ? phaseSpan(phase.phase, period) : undefined;
  const gap =
    phase !== undefined
      ? phase.total - phase.required
      : judged && figure?.value != null && figure.target != null
        ? figure.value - figure.target
        : null;
  return [
    cell(seq, { style: "text", numFmt: "0" }),
    cell(code, { style: "code" }),
    cell(ind.name.vi, { style: "wrap", note: ind.name.en }),
    cell(ind.unit.vi, { style: "text" }),
    ...partCells(ind, figure),
    valueCell(ind, figure?.value ?? null),
    span
      ? {
          ...targetCell(ind, figure?.target ?? null),
          note: `Chỉ tiêu cả giai đoạn ${span.phase} / phase target`,
        }
      : targetCell(ind, figure?.target ?? null),
    running && runningEn && span
      ? cell(`${running.vi} ${ind.unit.vi} (chỉ tiêu giai đoạn ${span.phase}). ${how.vi}.`, {
          style: "wrap",
          note: `${runningEn.en} (${span.phase} phase target). ${how.en}.`,
        })
      : cell(how.vi, { style: "wrap", note: how.en }),
    ...countCells(figure),
    cell(gap, {
      style: "figure",
      numFmt: `+${figureFormat(ind)};-${figureFormat(ind)};0`,
      ...(phase ? { note: "Lũy kế trừ chỉ tiêu giai đoạn / running total minus the phase target" } : {}),
    }),
    cell(standing ? STANDING_TEXT[standing].vi : "", {
      style: "wrap",
      note: standing ? STANDING_TEXT[standing].en : "",
    }),
    cell(standing ? STANDING_SIGNAL[standing] : null, { style: "text", numFmt: "0" }),
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
    iconsOnly: true,
  });
}

/**
 * Rates against their targets, below the table: a block of name, figure and target, and a native
 * bar chart of it beside the block. Only rates: one axis in %, comparable across indicators.
 */
function figureVsTarget(sheet: SheetBuilder, report: Report, after: number): number | undefined {
  const rows = report.indicators.filter(
    (i) => getIndicator(i.code).kind === "rate" && i.value !== null && i.target != null,
  );
  if (rows.length === 0) return undefined;
  const title = "Thực hiện so với kế hoạch (%)";
  const top = after + 1;
  sheet
    .set(top, 1, cell(`Biểu đồ: ${title}, các chỉ tiêu tỷ lệ có kế hoạch`, { style: "section" }))
    .merge(top, 1, top, COLS);
  const head = top + 1;
  const col = 3;
  sheet.row(head, col, [
    cell("Chỉ tiêu", { style: "header", note: "Indicator" }),
    cell("Thực hiện (%)", { style: "header", note: "Actual (%)" }),
    cell("Kế hoạch (%)", { style: "header", note: "Target (%)" }),
  ]);
  rows.forEach((i, k) => {
    const ind = getIndicator(i.code);
    sheet.row(head + 1 + k, col, [
      cell(ind.name.vi, { style: "wrap", note: `${i.code} — ${ind.name.en}` }),
      cell(i.value, { style: "figure", numFmt: "0.00" }),
      cell(i.target ?? null, { style: "figure", numFmt: "0.00" }),
    ]);
  });
  const bottom = head + rows.length;
  sheet.chart({
    title,
    kind: "barClustered",
    data: `${a1(head, col)}:${a1(bottom, col + 2)}`,
    anchor: `${a1(head, col + 3)}:${a1(Math.max(bottom, head + 15), COLS)}`,
    valueFormat: "0",
  });
  return top;
}
