import { getIndicator } from "../../catalog/indicators";
import type { Report } from "../../json-report/types";
import type { PlanRow } from "../../plan/read-plan";
import { FMT_TEXT, figureFormat } from "../number-formats";
import { SheetBuilder } from "../sheet-builder";
import type { SheetLayout } from "../types";
import { cell, SUMMARY_SHEETS, type SummaryOptions } from "./shared";

/* The "Kế hoạch" sheet: the plan that was applied. */

const RULE_TEXT: Record<PlanRow["rule"], string> = {
  goc: "Số liệu gốc",
  muc_tieu: "Mục tiêu",
  toi_thieu: "Tối thiểu",
  toi_da: "Tối đa",
  giam_moi_nam: "Giảm tối thiểu mỗi năm",
  tang_moi_nam: "Tăng tối thiểu mỗi năm",
  tang_them: "Tăng thêm so với giai đoạn trước",
  tong_giai_doan: "Tổng cả giai đoạn",
};

/** A path's last part, whichever separator it uses. */
function baseName(file: string): string {
  return file.split(/[\\/]/).filter(Boolean).pop() ?? file;
}

/** The plan that was applied: the plan file's rows and the units' own targets. */
export function planSheet(report: Report, plan: readonly PlanRow[], opts: SummaryOptions): SheetLayout {
  const sheet = new SheetBuilder(SUMMARY_SHEETS.plan, "summary-plan");
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
  sheet.widths([10, 24, 17, 44, 11, 24, 11, 30]);
  sheet
    .set(1, 1, cell(`KẾ HOẠCH ĐÃ ÁP DỤNG — ${report.scope.name} — ${report.period}`, { style: "title" }))
    .merge(1, 1, 1, headers.length);
  sheet
    .set(
      2,
      1,
      cell("Plan applied: the plan file's rows, then each unit's own target from its Kế hoạch column", {
        style: "subtitle",
      }),
    )
    .merge(2, 1, 2, headers.length);
  const header = 4;
  sheet.row(
    header,
    1,
    headers.map((t) => cell(t, { style: "header" })),
  );
  const names = new Map(report.units.map((u) => [u.code, u.name]));
  const sorted = [...plan].sort(
    (a, b) =>
      (a.unit === report.scope.code ? -1 : 0) - (b.unit === report.scope.code ? -1 : 0) ||
      (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0) ||
      (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0) ||
      (a.period < b.period ? -1 : a.period > b.period ? 1 : 0),
  );
  sorted.forEach((row, i) => {
    const ind = getIndicator(row.indicator);
    // The file by its name and the line (or sheet and cell) in it; its full path in the cell's note.
    const name = baseName(row.at.file);
    const where =
      row.at.line !== undefined
        ? `${name}, dòng ${row.at.line}`
        : `${name}${row.at.sheet ? `, ${row.at.sheet}` : ""}${row.at.cell ? ` ${row.at.cell}` : ""}`;
    sheet.row(header + 1 + i, 1, [
      cell(row.unit, { style: row.unit === report.scope.code ? "total" : "code", numFmt: FMT_TEXT }),
      cell(
        row.unit === report.scope.code
          ? report.scope.name
          : (names.get(row.unit) ?? opts.unitNames?.get(row.unit) ?? ""),
        { style: "wrap" },
      ),
      cell(row.indicator, { style: "code" }),
      cell(ind.name.vi, { style: "wrap" }),
      cell(row.period, { style: "text", numFmt: FMT_TEXT }),
      cell(RULE_TEXT[row.rule], { style: "text", note: row.rule }),
      cell(row.value, { style: "figure", numFmt: figureFormat(ind) }),
      cell(where, { style: "wrap", ...(name !== row.at.file ? { note: row.at.file } : {}) }),
    ]);
  });
  sheet.freezeAt(header, 0);
  sheet.printSetup({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${header}:${header}`,
  });
  return sheet.build();
}
