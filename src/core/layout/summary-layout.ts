import { getIndicator } from "../catalog/indicators";
import { summaryIndicatorCodes, templateTag, type Template } from "../catalog/templates";
import type { Indicator } from "../catalog/types";
import {
  COLUMN_ORDER,
  COLUMNS,
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
import { countIssues, FOLD_AFTER } from "../issues-fold";
import type { Issue } from "../issues";
import { formatRounded } from "../values/numbers";
import type { PlanRow } from "../plan/read-plan";
import { MATRIX_TABLE } from "../plan/previous";
import type { PlanStatus } from "../json-report/types";
import { describePeriod, parsePeriod } from "../periods";
import type { Report, ReportUnit, UnitStatus } from "../json-report/types";
import { a1 } from "../text";
import { FMT_DATE, FMT_INT, FMT_TEXT, figureFormat, partFormat, percentFormat } from "./number-formats";
import { SheetBuilder } from "./sheet-builder";
import type { LayoutCell, SheetLayout, WorkbookLayout } from "./types";

/*
 * The summary workbook as a layout: the scope's figures (itself a valid submission: the `ChiTieu`
 * table, the names), the unit × indicator matrix, group subtotals, every issue with a link to its
 * file and cell, and who reported. Rendered by ExcelJS to a file and by Office.js into a workbook.
 */

export const SUMMARY_SHEETS = {
  figures: "Tổng hợp",
  matrix: "Theo đơn vị",
  groups: "Theo nhóm",
  issues: "Vấn đề",
  status: "Tình trạng nộp",
  plan: "Kế hoạch",
} as const;

export const PLAN_STATUS_TEXT: Record<PlanStatus, { vi: string; en: string }> = {
  met: { vi: "Đạt", en: "Met" },
  on_track: { vi: "Đúng tiến độ", en: "On track" },
  behind: { vi: "Chậm tiến độ", en: "Behind" },
  missed: { vi: "Không đạt", en: "Missed" },
  no_target: { vi: "Không có chỉ tiêu", en: "No target" },
  no_data: { vi: "Không có số liệu", en: "No data" },
};

/** Traffic light of a status: 2 green, 1 amber, 0 red; none where there is nothing to judge. */
const SIGNAL: Record<PlanStatus, number | null> = {
  met: 2,
  on_track: 2,
  behind: 1,
  missed: 0,
  no_target: null,
  no_data: null,
};

export const STATUS_TEXT: Record<UnitStatus, { vi: string; en: string }> = {
  ok: { vi: "Đã nộp", en: "Received" },
  late: { vi: "Nộp muộn", en: "Late" },
  missing: { vi: "Chưa nộp", en: "Missing" },
  rejected: { vi: "Bị loại", en: "Rejected" },
  duplicate: { vi: "Trùng, chưa dùng", en: "Duplicate, not used" },
  unknown: { vi: "Ngoài danh sách", en: "Not in roster" },
};

const STATUS_STYLE: Record<UnitStatus, "good" | "warn" | "bad"> = {
  ok: "good",
  late: "warn",
  missing: "bad",
  rejected: "bad",
  duplicate: "bad",
  unknown: "warn",
};

export interface SummaryOptions {
  /** How to reach an input file from where the summary is written (CLI); absent: no file links. */
  linkTo?: (file: string) => string | undefined;
  /** The latest report date among the submissions used: the summary's own report date. */
  reportDate?: string;
  /** Names of roster units (inner units have no entry in the report's units). */
  unitNames?: ReadonlyMap<string, string>;
  /** The plan rows applied, shown on the "Kế hoạch" sheet. */
  plan?: readonly PlanRow[];
}

const c = (value: LayoutCell["value"], extra: Omit<LayoutCell, "value"> = {}): LayoutCell => ({
  value,
  ...extra,
});

/**
 * One cell object for each recurring cell (a blank figure, a status, an empty group): the rows of a
 * sheet of many units repeat them, and a layout's cells are never modified once built. Only for
 * cells that recur: a unit's code or name is its own.
 */
function sharedCells(): (value: LayoutCell["value"], extra?: Omit<LayoutCell, "value">) => LayoutCell {
  const cells = new Map<string, LayoutCell>();
  return (value, extra = {}) => {
    const key = `${typeof value}\u0000${String(value)}\u0000${extra.style ?? ""}\u0000${extra.numFmt ?? ""}\u0000${extra.note ?? ""}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = c(value, extra);
      cells.set(key, cell);
    }
    return cell;
  };
}

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

export function summaryWorkbook(
  report: Report,
  template: Template,
  opts: SummaryOptions = {},
): WorkbookLayout {
  const outside = unitsOutside(report, opts);
  const sheets = [
    figuresSheet(report, template, opts),
    matrixSheet(report, template, opts, outside),
    statusSheet(report, outside),
    issuesSheet(report, opts),
  ];
  if (report.groups.length > 0) sheets.splice(2, 0, groupsSheet(report, template));
  if (opts.plan && opts.plan.length > 0) sheets.push(planSheet(report, opts.plan, opts));
  const meta = { unit: "C3", unitName: "C4", period: "C5", template: "C6", reportDate: "G3" } as const;
  return {
    sheets,
    names: (Object.keys(NAMES) as (keyof typeof NAMES)[]).map((k) => ({
      name: NAMES[k],
      sheet: SUMMARY_SHEETS.figures,
      cell: meta[k],
    })),
    title: `Tổng hợp ${template.name.vi} — ${report.scope.name} — ${report.period}`,
    subject: templateTag(template),
    recalcOnOpen: false,
  };
}

/**
 * Units that sent something but are not in the roster (unknown codes; without a roster, units whose
 * every submission was rejected): the first FOLD_AFTER are listed row by row like the others, the
 * rest only counted, in one row that says how many and from which files. A province that receives
 * another system's national export then reads its own units and one line about the rest, not
 * 300,000 rows; the JSON report still lists every one. Roster units are always listed.
 */
interface Outside {
  /** Codes not listed row by row. */
  folded: Set<string>;
  /** The files they came from, in the report's order. */
  files: string[];
}

function unitsOutside(report: Report, opts: SummaryOptions): Outside {
  const folded = new Set<string>();
  const files = new Set<string>();
  const names = opts.unitNames;
  if (!names) return { folded, files: [] };
  let seen = 0;
  for (const u of report.units) {
    if (names.has(u.code)) continue;
    if (++seen <= FOLD_AFTER) continue;
    folded.add(u.code);
    for (const f of u.files ?? (u.file ? [u.file] : [])) files.add(f);
  }
  return { folded, files: [...files].sort() };
}

/** "… và 299.950 đơn vị khác…", with the files they came from (the first three, then how many more). */
function outsideText(outside: Outside): { vi: string; en: string; files: string } {
  const n = outside.folded.size;
  const more = outside.files.length - 3;
  return {
    vi: `… và ${formatRounded(n, "vi")} đơn vị khác không có trong danh sách đơn vị (không liệt kê từng đơn vị ở đây; xem báo cáo JSON)`,
    en: `… and ${formatRounded(n, "en")} more units that are not in the roster (not listed one by one here; see the JSON report)`,
    files:
      outside.files.slice(0, 3).join("; ") + (more > 0 ? ` và ${formatRounded(more, "vi")} tệp khác` : ""),
  };
}

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

function figuresSheet(report: Report, template: Template, opts: SummaryOptions): SheetLayout {
  const b = new SheetBuilder(SUMMARY_SHEETS.figures, "summary");
  const cols = SUMMARY_COLUMNS_ORDER.length;
  const widths = [6, 18, 52, 12, 16, 16, 14, 12, 28, 12, 12, 12, 12, 14, 18, 9];
  b.widths(widths);
  b.set(1, 1, c(`TỔNG HỢP: ${template.name.vi.toLocaleUpperCase("vi")}`, { style: "title" })).merge(
    1,
    1,
    1,
    cols,
  );
  b.height(1, 36);
  b.set(2, 1, c(`Summary: ${template.name.en}`, { style: "subtitle" })).merge(2, 1, 2, cols);
  const label = (k: keyof typeof META_LABELS): LayoutCell =>
    c(`${META_LABELS[k].vi}:`, { style: "label", note: META_LABELS[k].en });
  b.set(3, 2, label("unit")).set(3, 3, c(report.scope.code, { style: "meta", numFmt: FMT_TEXT }));
  b.set(4, 2, label("unitName")).set(4, 3, c(report.scope.name, { style: "meta" }));
  b.set(5, 2, label("period")).set(5, 3, c(report.period, { style: "meta", numFmt: FMT_TEXT }));
  b.set(6, 2, label("template")).set(6, 3, c(templateTag(template), { style: "meta", numFmt: FMT_TEXT }));
  b.set(3, 6, label("reportDate")).set(
    3,
    7,
    c(opts.reportDate ? excelDate(opts.reportDate) : null, { style: "meta", numFmt: FMT_DATE }),
  );
  const expected = report.indicators[0]?.expected ?? 0;
  const received = report.units.filter((u) => u.status === "ok" || u.status === "late").length;
  b.set(4, 6, c("Đơn vị đã nộp:", { style: "label", note: "Units reported" })).set(
    4,
    7,
    c(`${received}/${expected}`, { style: "meta", numFmt: FMT_TEXT }),
  );
  const { errors, warnings } = countIssues(report.issues);
  b.set(5, 6, c("Vấn đề:", { style: "label", note: "Issues" })).set(
    5,
    7,
    c(`${errors} lỗi, ${warnings} cảnh báo`, { style: "meta" }),
  );
  const period = parsePeriod(report.period);
  if (period) b.set(6, 6, c(describePeriod(period), { style: "subtitle" }));

  const g = SUMMARY_GEOMETRY;
  SUMMARY_COLUMNS_ORDER.forEach((key, i) => {
    const h = headerCaption(key);
    b.set(g.captionRow, i + 1, c(h.en, { style: "headerEn" }));
    b.set(g.headerRow, i + 1, c(h.vi, { style: "header", note: h.en }));
  });
  b.height(g.headerRow, 32);

  let r = g.firstBodyRow;
  let seq = 0;
  const byCode = new Map(report.indicators.map((i) => [i.code, i]));
  const sections = [
    ...template.sections.map((s) => ({ key: s.key, title: s.title.vi, codes: [...s.indicators] })),
  ];
  if (template.derived?.length)
    sections.push({ key: "D", title: "Chỉ tiêu dẫn xuất", codes: [...template.derived] });
  for (const section of sections) {
    b.row(r, 1, [
      c(section.key, { style: "section" }),
      c("", { style: "section" }),
      c(section.title, { style: "section" }),
      ...Array.from({ length: cols - 3 }, () => c("", { style: "section" })),
    ]);
    r++;
    for (const code of section.codes) {
      const ind = getIndicator(code);
      const f = byCode.get(code);
      seq++;
      b.row(r, 1, [
        c(seq, { style: "text", numFmt: "0" }),
        c(code, { style: "code" }),
        c(ind.name.vi, { style: "wrap", note: ind.name.en }),
        c(ind.unit.vi, { style: "text" }),
        ...partCells(ind, f),
        valueCell(ind, f?.value ?? null),
        targetCell(ind, f?.target ?? null),
        c(aggregationNote(ind), { style: "wrap" }),
        ...countCells(f),
        c(f?.value != null && f.target != null ? f.value - f.target : null, {
          style: "figure",
          numFmt: `+${figureFormat(ind)};-${figureFormat(ind)};0`,
        }),
        c(f?.status ? PLAN_STATUS_TEXT[f.status].vi : "", {
          style: "text",
          note: f?.status ? PLAN_STATUS_TEXT[f.status].en : "",
        }),
        c(f?.status ? SIGNAL[f.status] : null, { style: "text", numFmt: "0" }),
      ]);
      r++;
    }
  }
  b.table({ name: TABLE_NAME, ref: `A${g.headerRow}:${a1(r - 1, cols)}`, style: "TableStyleLight1" });
  const statusCol = SUMMARY_COLUMNS_ORDER.indexOf("status") + 1;
  const signalCol = SUMMARY_COLUMNS_ORDER.indexOf("signal") + 1;
  const statusRange = `${a1(g.firstBodyRow, statusCol)}:${a1(r - 1, statusCol)}`;
  for (const [status, style] of [
    ["met", "good"],
    ["on_track", "good"],
    ["behind", "warn"],
    ["missed", "bad"],
  ] as const) {
    b.conditional({ range: statusRange, kind: "textEquals", text: PLAN_STATUS_TEXT[status].vi, style });
  }
  b.conditional({
    range: `${a1(g.firstBodyRow, signalCol)}:${a1(r - 1, signalCol)}`,
    kind: "iconSet",
    icons: "3TrafficLights1",
    thresholds: [1, 2],
  });
  // The block beside the table (a gap column, then code, figure, target) widens the sheet only when drawn.
  if (figureVsTarget(b, report, cols + 2, g.headerRow)) b.widths([...widths, 3, 18, 14, 14]);
  b.freezeAt(g.headerRow, 3);
  b.printSetup({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${g.captionRow}:${g.headerRow}`,
  });
  b.tab("1F4E79");
  return b.build();
}

/**
 * Rates against their targets, in a block beside the table and as a bar chart of it (the add-in draws
 * the chart; a file keeps the block). Only rates: one axis in %, comparable across indicators.
 */
function figureVsTarget(b: SheetBuilder, report: Report, col: number, top: number): boolean {
  const rows = report.indicators.filter(
    (i) => getIndicator(i.code).kind === "rate" && i.value !== null && i.target != null,
  );
  if (rows.length === 0) return false;
  b.row(top, col, [
    c("Mã chỉ tiêu", { style: "header" }),
    c("Thực hiện (%)", { style: "header", note: "Actual (%)" }),
    c("Kế hoạch (%)", { style: "header", note: "Target (%)" }),
  ]);
  rows.forEach((i, k) => {
    b.row(top + 1 + k, col, [
      c(i.code, { style: "code" }),
      c(i.value, { style: "figure", numFmt: "0.00" }),
      c(i.target ?? null, { style: "figure", numFmt: "0.00" }),
    ]);
  });
  const bottom = top + rows.length;
  b.chart({
    title: "Thực hiện so với kế hoạch (%)",
    kind: "barClustered",
    data: `${a1(top, col)}:${a1(bottom, col + 2)}`,
    anchor: `${a1(bottom + 2, col)}:${a1(bottom + 2 + Math.max(16, rows.length * 2), col + 7)}`,
  });
  return true;
}

/** Numerator and denominator: a rate's parts, a score's Σ scores and number of units; else empty. */
function partCells(
  ind: Indicator,
  f: { numerator: number | null; denominator: number | null } | undefined,
): LayoutCell[] {
  const hasParts = ind.kind === "rate" || ind.kind === "score";
  return [
    c(hasParts ? (f?.numerator ?? null) : null, {
      style: "figure",
      numFmt: ind.kind === "score" ? "#,##0.##" : partFormat(ind.numerator),
    }),
    c(hasParts ? (f?.denominator ?? null) : null, {
      style: "figure",
      numFmt: ind.kind === "score" ? FMT_INT : partFormat(ind.denominator),
    }),
  ];
}

/** Units reporting and expected, then the base units (communes): what the level above adds up. */
function countCells(
  f: { reporting: number; expected: number; reportingBase: number; expectedBase: number } | undefined,
): LayoutCell[] {
  return [f?.reporting, f?.expected, f?.reportingBase, f?.expectedBase].map((n) =>
    c(n ?? 0, { style: "figure", numFmt: FMT_INT }),
  );
}

/** A target in the same form as the figure: rates as a % of a fraction. */
function targetCell(ind: Indicator, target: number | null): LayoutCell {
  if (ind.kind === "rate")
    return c(target === null ? null : target / 100, { style: "figure", numFmt: percentFormat(ind.decimals) });
  return c(target, { style: "figure", numFmt: figureFormat(ind) });
}

/** A rate's value written as a fraction with a % format, so no reader can take 0,8 % for 80 %. */
function valueCell(ind: Indicator, value: number | null): LayoutCell {
  if (ind.kind === "rate")
    return c(value === null ? null : value / 100, { style: "total", numFmt: percentFormat(ind.decimals) });
  return c(value, { style: "total", numFmt: figureFormat(ind) });
}

/** Excel's serial date of an ISO date (1900 system), so the cell is a real date. */
export function excelDate(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function matrixSheet(
  report: Report,
  template: Template,
  opts: SummaryOptions,
  outside: Outside,
): SheetLayout {
  const b = new SheetBuilder(SUMMARY_SHEETS.matrix, "summary-matrix");
  const codes = summaryIndicatorCodes(template);
  const fixed = ["Mã đơn vị", "Tên đơn vị", "Cấp", "Nhóm", "Tình trạng"];
  b.widths([12, 30, 10, 14, 16, ...codes.map(() => 14)]);
  b.set(1, 1, c(`SỐ LIỆU THEO ĐƠN VỊ — ${report.scope.name} — ${report.period}`, { style: "title" })).merge(
    1,
    1,
    1,
    Math.min(fixed.length + codes.length, 12),
  );
  b.set(
    2,
    1,
    c("Figures by unit: one row per unit (subtotals in bold), one column per indicator", {
      style: "subtitle",
    }),
  ).merge(2, 1, 2, Math.min(fixed.length + codes.length, 12));
  if (outside.folded.size > 0) {
    // Above the table, not in it: the table is read back as last year's figures (--previous).
    const text = outsideText(outside);
    b.set(3, 1, c(text.vi, { style: "subtitle", note: text.en })).merge(
      3,
      1,
      3,
      Math.min(fixed.length + codes.length, 12),
    );
  }
  const header = 4;
  b.row(header, 1, [
    ...fixed.map((h) => c(h, { style: "header" })),
    ...codes.map((code) => c(code, { style: "header", note: getIndicator(code).name.vi })),
  ]);
  const units = new Map(report.units.map((u) => [u.code, u]));
  const values = new Map<string, Map<string, number | null>>();
  for (const p of report.perUnit) {
    const m = values.get(p.unit) ?? new Map<string, number | null>();
    m.set(p.indicator, p.value);
    values.set(p.unit, m);
  }
  const inner = new Set(report.perUnit.filter((p) => p.level !== undefined).map((p) => p.unit));
  const rows = orderedUnits(report).filter((code) => !outside.folded.has(code));
  const same = sharedCells();
  let r = header + 1;
  for (const code of rows) {
    const u = units.get(code);
    const isInner = inner.has(code);
    const style = isInner ? "total" : "figure";
    const figures = values.get(code);
    b.row(r, 1, [
      c(code, { style: isInner ? "total" : "code", numFmt: FMT_TEXT }),
      c(u?.name ?? opts.unitNames?.get(code) ?? code, { style: isInner ? "total" : "text" }),
      same(u?.level ?? (isInner ? "cấp trên" : ""), { style: "text" }),
      same((u?.groups ?? []).join(", "), { style: "text" }),
      u
        ? same(STATUS_TEXT[u.status].vi, { style: STATUS_STYLE[u.status] })
        : same(isInner ? "Tổng hợp" : "", { style: "text" }),
      ...codes.map((ic) => {
        const ind = getIndicator(ic);
        const v = figures?.get(ic) ?? null;
        const numFmt = ind.kind === "rate" ? percentFormat(ind.decimals) : figureFormat(ind);
        if (v === null) return same(null, { style, numFmt });
        return c(ind.kind === "rate" ? v / 100 : v, { style, numFmt });
      }),
    ]);
    r++;
  }
  const total = report.indicators;
  b.row(r, 1, [
    c(report.scope.code, { style: "total", numFmt: FMT_TEXT }),
    c(`Toàn ${report.scope.name}`, { style: "total" }),
    c("", { style: "total" }),
    c("", { style: "total" }),
    c("", { style: "total" }),
    ...total.map((f) => {
      const ind = getIndicator(f.code);
      return ind.kind === "rate"
        ? c(f.value === null ? null : f.value / 100, { style: "total", numFmt: percentFormat(ind.decimals) })
        : c(f.value, { style: "total", numFmt: figureFormat(ind) });
    }),
  ]);
  b.table({
    name: MATRIX_TABLE,
    ref: `A${header}:${a1(r, fixed.length + codes.length)}`,
    style: "TableStyleLight1",
  });
  b.freezeAt(header, 2);
  b.printSetup({ orientation: "landscape", paper: "A4", fitToWidth: true, titleRows: `${header}:${header}` });
  return b.build();
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

function groupsSheet(report: Report, template: Template): SheetLayout {
  const b = new SheetBuilder(SUMMARY_SHEETS.groups, "summary-groups");
  const groups = [...new Set(report.groups.map((g) => g.group))];
  const figureColumns = Math.max(groups.length * 4, GROUP_TABLE_HEADERS.length - 2);
  b.widths([18, 44, ...Array.from({ length: figureColumns }, (_, i) => (i % 4 === 3 ? 12 : 14))]);
  b.set(
    1,
    1,
    c(`SỐ LIỆU THEO NHÓM ĐƠN VỊ — ${report.scope.name} — ${report.period}`, { style: "title" }),
  ).merge(1, 1, 1, 2 + groups.length * 4);
  const h1 = 3;
  b.set(h1, 1, c("Mã chỉ tiêu", { style: "header" })).set(h1, 2, c("Tên chỉ tiêu", { style: "header" }));
  b.merge(h1, 1, h1 + 1, 1).merge(h1, 2, h1 + 1, 2);
  groups.forEach((g, i) => {
    const col = 3 + i * 4;
    b.set(h1, col, c(`Nhóm ${g}`, { style: "header" })).merge(h1, col, h1, col + 3);
    b.row(
      h1 + 1,
      col,
      ["Thực hiện", "Tử số", "Mẫu số", "Báo cáo"].map((t) => c(t, { style: "header" })),
    );
  });
  let r = h1 + 2;
  for (const code of summaryIndicatorCodes(template)) {
    const ind = getIndicator(code);
    b.set(r, 1, c(code, { style: "code" })).set(r, 2, c(ind.name.vi, { style: "wrap" }));
    groups.forEach((g, i) => {
      const f = report.groups.find((x) => x.group === g && x.indicator === code);
      const col = 3 + i * 4;
      b.row(r, col, [
        ind.kind === "rate"
          ? c(f?.value == null ? null : f.value / 100, {
              style: "total",
              numFmt: percentFormat(ind.decimals),
            })
          : c(f?.value ?? null, { style: "total", numFmt: figureFormat(ind) }),
        c(f?.numerator ?? null, { style: "figure", numFmt: partFormat(ind.numerator) }),
        c(f?.denominator ?? null, { style: "figure", numFmt: partFormat(ind.denominator) }),
        c(f ? `${f.reporting}/${f.expected}` : "", { style: "text", numFmt: FMT_TEXT }),
      ]);
    });
    r++;
  }
  groupTable(b, report, r + 2);
  b.freezeAt(h1 + 1, 2);
  return b.build();
}

const GROUP_TABLE_HEADERS = [
  COLUMNS.code,
  COLUMNS.name,
  GROUP_COLUMN,
  COLUMNS.numerator,
  COLUMNS.denominator,
  COLUMNS.value,
  ...SUMMARY_COLUMN_ORDER.map((k) => SUMMARY_COLUMNS[k]),
] as const;

/**
 * The groups' figures once more, one row per group and indicator, as the `ChiTieu_Nhom` table: what
 * a consolidation of this summary reads back, so its groups reappear at the next level.
 */
function groupTable(b: SheetBuilder, report: Report, top: number): void {
  b.set(
    top,
    1,
    c("Số liệu theo nhóm, từng dòng (đọc lại khi tổng hợp lên cấp trên)", {
      style: "subtitle",
      note: "Group figures, one row each (read back when this summary is consolidated upward)",
    }),
  );
  const header = top + 1;
  b.row(
    header,
    1,
    GROUP_TABLE_HEADERS.map((h) => c(h.vi, { style: "header", note: h.en })),
  );
  let r = header + 1;
  for (const f of report.groups) {
    const ind = getIndicator(f.indicator);
    b.row(r, 1, [
      c(f.indicator, { style: "code" }),
      c(ind.name.vi, { style: "text", note: ind.name.en }),
      c(f.group, { style: "text", numFmt: FMT_TEXT }),
      ...partCells(ind, f),
      valueCell(ind, f.value),
      ...countCells(f),
    ]);
    r++;
  }
  b.table({
    name: GROUP_TABLE_NAME,
    ref: `A${header}:${a1(Math.max(r - 1, header + 1), GROUP_TABLE_HEADERS.length)}`,
    style: "TableStyleLight1",
  });
}

const SEVERITY_TEXT = { error: "Lỗi", warning: "Cảnh báo" } as const;

function issuesSheet(report: Report, opts: SummaryOptions): SheetLayout {
  const b = new SheetBuilder(SUMMARY_SHEETS.issues, "summary-issues");
  const headers = [
    "STT",
    "Mức độ",
    "Quy tắc",
    "Mã đơn vị",
    "Chỉ tiêu",
    "Tệp",
    "Trang",
    "Ô / dòng",
    "Nội dung",
    "Message (English)",
  ];
  b.widths([6, 11, 26, 11, 18, 30, 14, 9, 70, 60]);
  b.set(1, 1, c(`CÁC VẤN ĐỀ CẦN XỬ LÝ — ${report.scope.name} — ${report.period}`, { style: "title" })).merge(
    1,
    1,
    1,
    headers.length,
  );
  b.set(
    2,
    1,
    c(
      "Lỗi: số liệu không được tổng hợp. Cảnh báo: đã tổng hợp, đề nghị kiểm tra. Bấm tên tệp để mở đúng ô.",
      { style: "subtitle" },
    ),
  ).merge(2, 1, 2, headers.length);
  const h = 4;
  b.row(
    h,
    1,
    headers.map((t) => c(t, { style: "header" })),
  );
  report.issues.forEach((issue: Issue, i) => {
    const r = h + 1 + i;
    const link = issue.file && opts.linkTo ? opts.linkTo(issue.file) : undefined;
    b.row(r, 1, [
      c(i + 1, { style: "text", numFmt: "0" }),
      c(SEVERITY_TEXT[issue.severity], { style: issue.severity === "error" ? "bad" : "warn" }),
      c(issue.rule, { style: "text" }),
      c(issue.unit ?? "", { style: "text", numFmt: FMT_TEXT }),
      c(issue.indicator ?? "", { style: "text" }),
      link
        ? c(issue.file ?? "", {
            style: "link",
            link: {
              file:
                issue.sheet && issue.cell
                  ? `${link}#'${issue.sheet.replace(/'/g, "''")}'!${issue.cell}`
                  : link,
            },
          })
        : c(issue.file ?? "", { style: "text" }),
      c(issue.line !== undefined ? "" : (issue.sheet ?? ""), { style: "text" }),
      c(issue.line !== undefined ? `dòng ${issue.line}` : (issue.cell ?? ""), { style: "text" }),
      c(issue.message, { style: "wrap" }),
      c(issue.messageEn, { style: "wrap" }),
    ]);
  });
  b.freezeAt(h, 0);
  b.conditional({
    range: `B${h + 1}:B${h + Math.max(1, report.issues.length)}`,
    kind: "textEquals",
    text: SEVERITY_TEXT.error,
    style: "bad",
  });
  b.printSetup({ orientation: "landscape", paper: "A4", fitToWidth: true, titleRows: `${h}:${h}` });
  return b.build();
}

/** Rows of the status sheet up to which each status cell carries its English note. */
const STATUS_NOTES_UP_TO = 5_000;

function statusSheet(report: Report, outside: Outside): SheetLayout {
  const b = new SheetBuilder(SUMMARY_SHEETS.status, "summary-status");
  const headers = [
    "STT",
    "Mã đơn vị",
    "Tên đơn vị",
    "Cấp",
    "Đơn vị cha",
    "Nhóm",
    "Tình trạng",
    "Ngày báo cáo",
    "Tệp",
    "Số lỗi",
    "Số cảnh báo",
  ];
  b.widths([6, 12, 32, 10, 12, 14, 18, 14, 34, 9, 12]);
  b.set(
    1,
    1,
    c(`TÌNH TRẠNG NỘP BÁO CÁO — ${report.scope.name} — ${report.period}`, { style: "title" }),
  ).merge(1, 1, 1, headers.length);
  const counts = (Object.keys(STATUS_TEXT) as UnitStatus[])
    .map((s) => ({ s, n: report.units.filter((u) => u.status === s).length }))
    .filter((x) => x.n > 0)
    .map((x) => `${STATUS_TEXT[x.s].vi}: ${x.n}`)
    .join(" · ");
  b.set(2, 1, c(counts, { style: "subtitle" })).merge(2, 1, 2, headers.length);
  const h = 4;
  const listed =
    outside.folded.size > 0 ? report.units.filter((u) => !outside.folded.has(u.code)) : report.units;
  // Each status says itself in English in a note, on a sheet a person reads row by row. Past a few
  // thousand rows (a run without a roster over another system's export), one note in the header
  // says them all: a note per row would cost more than the rest of the workbook.
  const rowNotes = listed.length <= STATUS_NOTES_UP_TO;
  const legend = (Object.keys(STATUS_TEXT) as UnitStatus[])
    .map((s) => `${STATUS_TEXT[s].vi}: ${STATUS_TEXT[s].en}`)
    .join("; ");
  b.row(
    h,
    1,
    headers.map((t) =>
      c(t, { style: "header", ...(t === "Tình trạng" && !rowNotes ? { note: legend } : {}) }),
    ),
  );
  const perUnitIssues = new Map<string, { e: number; w: number }>();
  for (const i of report.issues) {
    if (!i.unit) continue;
    const x = perUnitIssues.get(i.unit) ?? { e: 0, w: 0 };
    if (i.severity === "error") x.e++;
    else x.w++;
    perUnitIssues.set(i.unit, x);
  }
  const same = sharedCells();
  listed.forEach((u: ReportUnit, i) => {
    const r = h + 1 + i;
    const n = perUnitIssues.get(u.code) ?? { e: 0, w: 0 };
    b.row(r, 1, [
      c(i + 1, { style: "text", numFmt: "0" }),
      c(u.code, { style: "code", numFmt: FMT_TEXT }),
      c(u.name, { style: "text" }),
      same(u.level ?? "", { style: "text" }),
      same(u.parent ?? "", { style: "text", numFmt: FMT_TEXT }),
      same((u.groups ?? []).join(", "), { style: "text" }),
      same(STATUS_TEXT[u.status].vi, {
        style: STATUS_STYLE[u.status],
        ...(rowNotes ? { note: STATUS_TEXT[u.status].en } : {}),
      }),
      same(u.reportDate ? excelDate(u.reportDate) : null, { style: "text", numFmt: FMT_DATE }),
      same((u.files ?? (u.file ? [u.file] : [])).join("; "), { style: "text" }),
      same(n.e, { style: "figure", numFmt: FMT_INT }),
      same(n.w, { style: "figure", numFmt: FMT_INT }),
    ]);
  });
  if (outside.folded.size > 0) {
    const text = outsideText(outside);
    const statuses = new Set(report.units.filter((u) => outside.folded.has(u.code)).map((u) => u.status));
    const status = statuses.size === 1 ? ([...statuses][0] as UnitStatus) : undefined;
    b.row(h + 1 + listed.length, 1, [
      c(null, { style: "text" }),
      c("…", { style: "code", numFmt: FMT_TEXT }),
      c(text.vi, { style: "wrap", note: text.en }),
      c("", { style: "text" }),
      c("", { style: "text" }),
      c("", { style: "text" }),
      status
        ? c(STATUS_TEXT[status].vi, { style: STATUS_STYLE[status], note: STATUS_TEXT[status].en })
        : c("", { style: "text" }),
      c(null, { style: "text", numFmt: FMT_DATE }),
      c(text.files, { style: "text" }),
      c(null, { style: "figure", numFmt: FMT_INT }),
      c(null, { style: "figure", numFmt: FMT_INT }),
    ]);
  }
  b.freezeAt(h, 3);
  b.printSetup({ orientation: "landscape", paper: "A4", fitToWidth: true, titleRows: `${h}:${h}` });
  return b.build();
}

const RULE_TEXT: Record<PlanRow["rule"], string> = {
  goc: "Số liệu gốc",
  muc_tieu: "Mục tiêu",
  toi_thieu: "Tối thiểu",
  toi_da: "Tối đa",
  giam_moi_nam: "Giảm tối thiểu mỗi năm",
  tang_moi_nam: "Tăng tối thiểu mỗi năm",
  tang_them: "Tăng thêm so với giai đoạn trước",
};

/** The plan that was applied: the plan file's rows and the units' own targets. */
function planSheet(report: Report, plan: readonly PlanRow[], opts: SummaryOptions): SheetLayout {
  const b = new SheetBuilder(SUMMARY_SHEETS.plan, "summary-plan");
  const headers = [
    "Mã đơn vị",
    "Tên đơn vị",
    "Mã chỉ tiêu",
    "Tên chỉ tiêu",
    "Kỳ",
    "Loại",
    "Giá trị",
    "Nguồn",
  ];
  b.widths([12, 28, 18, 48, 12, 30, 12, 40]);
  b.set(1, 1, c(`KẾ HOẠCH ĐÃ ÁP DỤNG — ${report.scope.name} — ${report.period}`, { style: "title" })).merge(
    1,
    1,
    1,
    headers.length,
  );
  b.set(
    2,
    1,
    c("Plan applied: the plan file's rows, then each unit's own target from its Kế hoạch column", {
      style: "subtitle",
    }),
  ).merge(2, 1, 2, headers.length);
  const h = 4;
  b.row(
    h,
    1,
    headers.map((t) => c(t, { style: "header" })),
  );
  const names = new Map(report.units.map((u) => [u.code, u.name]));
  const sorted = [...plan].sort(
    (a, b2) =>
      (a.unit === report.scope.code ? -1 : 0) - (b2.unit === report.scope.code ? -1 : 0) ||
      (a.unit < b2.unit ? -1 : a.unit > b2.unit ? 1 : 0) ||
      (a.indicator < b2.indicator ? -1 : a.indicator > b2.indicator ? 1 : 0) ||
      (a.period < b2.period ? -1 : a.period > b2.period ? 1 : 0),
  );
  sorted.forEach((row, i) => {
    const ind = getIndicator(row.indicator);
    const where =
      row.at.line !== undefined
        ? `${row.at.file}, dòng ${row.at.line}`
        : `${row.at.file}${row.at.sheet ? `, ${row.at.sheet}` : ""}${row.at.cell ? ` ${row.at.cell}` : ""}`;
    b.row(h + 1 + i, 1, [
      c(row.unit, { style: row.unit === report.scope.code ? "total" : "code", numFmt: FMT_TEXT }),
      c(
        row.unit === report.scope.code
          ? report.scope.name
          : (names.get(row.unit) ?? opts.unitNames?.get(row.unit) ?? ""),
        { style: "text" },
      ),
      c(row.indicator, { style: "code" }),
      c(ind.name.vi, { style: "wrap" }),
      c(row.period, { style: "text", numFmt: FMT_TEXT }),
      c(RULE_TEXT[row.rule], { style: "text", note: row.rule }),
      c(row.value, { style: "figure", numFmt: figureFormat(ind) }),
      c(where, { style: "text" }),
    ]);
  });
  b.freezeAt(h, 0);
  return b.build();
}
