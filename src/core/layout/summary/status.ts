import type { Report, ReportUnit, UnitStatus } from "../../json-report/types";
import { FMT_DATE, FMT_INT, FMT_TEXT } from "../number-formats";
import { SheetBuilder } from "../sheet-builder";
import type { LayoutCell, SheetLayout } from "../types";
import { outsideText, type Outside } from "./outside";
import { groupsWords, levelWords } from "../words";
import { cell, excelDate, sharedCells, STATUS_STYLE, STATUS_TEXT, SUMMARY_SHEETS } from "./shared";

/* The "Tình trạng nộp" sheet: who reported, when, from which file, with how many problems. */

/** Rows of the status sheet up to which each status cell carries its English note. */
const STATUS_NOTES_UP_TO = 5_000;

const HEADERS = [
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
const HEADER_ROW = 4;

export function statusSheet(report: Report, outside: Outside): SheetLayout {
  const sheet = new SheetBuilder(SUMMARY_SHEETS.status, "summary-status");
  sheet.widths([5, 10, 28, 8, 10, 12, 16, 13, 34, 8, 10]);
  sheet
    .set(1, 1, cell(`TÌNH TRẠNG NỘP BÁO CÁO — ${report.scope.name} — ${report.period}`, { style: "title" }))
    .merge(1, 1, 1, HEADERS.length);
  sheet.set(2, 1, cell(statusCounts(report), { style: "subtitle" })).merge(2, 1, 2, HEADERS.length);
  const listed =
    outside.folded.size > 0 ? report.units.filter((u) => !outside.folded.has(u.code)) : report.units;
  // Each status says itself in English in a note, on a sheet a person reads row by row. Past a few
  // thousand rows (a run without a roster over another system's export), one note in the header
  // says them all: a note per row would cost more than the rest of the workbook.
  const rowNotes = listed.length <= STATUS_NOTES_UP_TO;
  const legend = (Object.keys(STATUS_TEXT) as UnitStatus[])
    .map((s) => `${STATUS_TEXT[s].vi}: ${STATUS_TEXT[s].en}`)
    .join("; ");
  sheet.row(
    HEADER_ROW,
    1,
    HEADERS.map((t) =>
      cell(t, { style: "header", ...(t === "Tình trạng" && !rowNotes ? { note: legend } : {}) }),
    ),
  );
  const issues = issuesByUnit(report);
  const same = sharedCells();
  listed.forEach((unit: ReportUnit, i) => {
    const counted = issues.get(unit.code) ?? { errors: 0, warnings: 0 };
    sheet.row(HEADER_ROW + 1 + i, 1, [
      cell(i + 1, { style: "text", numFmt: "0" }),
      cell(unit.code, { style: "code", numFmt: FMT_TEXT }),
      cell(unit.name, { style: "wrap" }),
      same(levelWords(unit.level).vi, { style: "text" }),
      same(unit.parent ?? "", { style: "text", numFmt: FMT_TEXT }),
      same(groupsWords(unit.groups), { style: "text" }),
      same(STATUS_TEXT[unit.status].vi, {
        style: STATUS_STYLE[unit.status],
        ...(rowNotes ? { note: STATUS_TEXT[unit.status].en } : {}),
      }),
      same(unit.reportDate ? excelDate(unit.reportDate) : null, { style: "text", numFmt: FMT_DATE }),
      same((unit.files ?? (unit.file ? [unit.file] : [])).join("; "), { style: "wrap" }),
      same(counted.errors, { style: "figure", numFmt: FMT_INT }),
      same(counted.warnings, { style: "figure", numFmt: FMT_INT }),
    ]);
  });
  if (outside.folded.size > 0) sheet.row(HEADER_ROW + 1 + listed.length, 1, foldedRow(report, outside));
  sheet.freezeAt(HEADER_ROW, 3);
  sheet.printSetup({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
  });
  return sheet.build();
}

/** "Đã nộp: 27 · Nộp muộn: 1 · …": how many units have each status, those that any have. */
function statusCounts(report: Report): string {
  return (Object.keys(STATUS_TEXT) as UnitStatus[])
    .map((status) => ({ status, n: report.units.filter((u) => u.status === status).length }))
    .filter((x) => x.n > 0)
    .map((x) => `${STATUS_TEXT[x.status].vi}: ${x.n}`)
    .join(" · ");
}

function issuesByUnit(report: Report): Map<string, { errors: number; warnings: number }> {
  const byUnit = new Map<string, { errors: number; warnings: number }>();
  for (const issue of report.issues) {
    if (!issue.unit) continue;
    const counted = byUnit.get(issue.unit) ?? { errors: 0, warnings: 0 };
    if (issue.severity === "error") counted.errors++;
    else counted.warnings++;
    byUnit.set(issue.unit, counted);
  }
  return byUnit;
}

/** One row for the units outside the roster not listed one by one: how many, from which files. */
function foldedRow(report: Report, outside: Outside): LayoutCell[] {
  const text = outsideText(outside);
  const statuses = new Set(report.units.filter((u) => outside.folded.has(u.code)).map((u) => u.status));
  const status = statuses.size === 1 ? ([...statuses][0] as UnitStatus) : undefined;
  return [
    cell(null, { style: "text" }),
    cell("…", { style: "code", numFmt: FMT_TEXT }),
    cell(text.vi, { style: "wrap", note: text.en }),
    cell("", { style: "text" }),
    cell("", { style: "text" }),
    cell("", { style: "text" }),
    status
      ? cell(STATUS_TEXT[status].vi, { style: STATUS_STYLE[status], note: STATUS_TEXT[status].en })
      : cell("", { style: "text" }),
    cell(null, { style: "text", numFmt: FMT_DATE }),
    cell(text.files, { style: "text" }),
    cell(null, { style: "figure", numFmt: FMT_INT }),
    cell(null, { style: "figure", numFmt: FMT_INT }),
  ];
}
