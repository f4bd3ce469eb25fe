import { getIndicator } from "../../catalog/indicators";
import { summaryIndicatorCodes, type Template } from "../../catalog/templates";
import {
  COLUMNS,
  GROUP_COLUMN,
  GROUP_TABLE_NAME,
  SUMMARY_COLUMN_ORDER,
  SUMMARY_COLUMNS,
} from "../../contract";
import type { Report } from "../../json-report/types";
import { a1 } from "../../text";
import { FMT_TEXT, figureFormat, partFormat, percentFormat } from "../number-formats";
import { SheetBuilder } from "../sheet-builder";
import type { SheetLayout } from "../types";
import { groupWords } from "../words";
import { cell, countCells, partCells, SUMMARY_SHEETS, valueCell } from "./shared";

/* The "Theo nhóm" sheet: the roster groups' figures side by side, then as the `ChiTieu_Nhom` table. */

export function groupsSheet(report: Report, template: Template): SheetLayout {
  const sheet = new SheetBuilder(SUMMARY_SHEETS.groups, "summary-groups");
  const groups = [...new Set(report.groups.map((g) => g.group))];
  const figureColumns = Math.max(groups.length * 4, GROUP_TABLE_HEADERS.length - 2);
  // Wide enough for the block's figures (a group's "Báo cáo" narrower) and for the table below:
  // its group name, parts, figure, four counts and the group's id.
  sheet.widths([
    17,
    40,
    ...Array.from({ length: figureColumns }, (_, i) =>
      i === figureColumns - 1 ? 16 : i % 4 === 3 ? 11 : 13,
    ),
  ]);
  sheet
    .set(1, 1, cell(`SỐ LIỆU THEO NHÓM ĐƠN VỊ — ${report.scope.name} — ${report.period}`, { style: "title" }))
    .merge(1, 1, 1, 2 + groups.length * 4);
  const headerTop = 3;
  sheet
    .set(headerTop, 1, cell("Mã chỉ tiêu", { style: "header" }))
    .set(headerTop, 2, cell("Tên chỉ tiêu", { style: "header" }));
  sheet.merge(headerTop, 1, headerTop + 1, 1).merge(headerTop, 2, headerTop + 1, 2);
  groups.forEach((group, i) => {
    const col = 3 + i * 4;
    sheet
      .set(headerTop, col, cell(`Nhóm: ${groupWords(group).vi}`, { style: "header", note: group }))
      .merge(headerTop, col, headerTop, col + 3);
    sheet.row(
      headerTop + 1,
      col,
      ["Thực hiện", "Tử số", "Mẫu số", "Báo cáo"].map((t) => cell(t, { style: "header" })),
    );
  });
  let r = headerTop + 2;
  for (const code of summaryIndicatorCodes(template)) {
    const ind = getIndicator(code);
    sheet.set(r, 1, cell(code, { style: "code" })).set(r, 2, cell(ind.name.vi, { style: "wrap" }));
    groups.forEach((group, i) => {
      const figure = report.groups.find((x) => x.group === group && x.indicator === code);
      const col = 3 + i * 4;
      sheet.row(r, col, [
        ind.kind === "rate"
          ? cell(figure?.value == null ? null : figure.value / 100, {
              style: "total",
              numFmt: percentFormat(ind.decimals),
            })
          : cell(figure?.value ?? null, { style: "total", numFmt: figureFormat(ind) }),
        cell(figure?.numerator ?? null, { style: "figure", numFmt: partFormat(ind.numerator) }),
        cell(figure?.denominator ?? null, { style: "figure", numFmt: partFormat(ind.denominator) }),
        cell(figure ? `${figure.reporting}/${figure.expected}` : "", { style: "text", numFmt: FMT_TEXT }),
      ]);
    });
    r++;
  }
  groupTable(sheet, report, r + 2);
  sheet.freezeAt(headerTop + 1, 2);
  sheet.printSetup({
    // Landscape: the table below runs eleven columns wide, and fitted to a portrait page would shrink.
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${headerTop}:${headerTop + 1}`,
  });
  return sheet.build();
}

/** The group in words, for people; the id (`Nhóm`, what a consolidation reads back) stays last. */
const GROUP_NAME = { vi: "Tên nhóm", en: "Group name" } as const;

const GROUP_TABLE_HEADERS = [
  COLUMNS.code,
  COLUMNS.name,
  GROUP_NAME,
  COLUMNS.numerator,
  COLUMNS.denominator,
  COLUMNS.value,
  ...SUMMARY_COLUMN_ORDER.map((k) => SUMMARY_COLUMNS[k]),
  GROUP_COLUMN,
] as const;

/**
 * The groups' figures once more, one row per group and indicator, as the `ChiTieu_Nhom` table: what
 * a consolidation of this summary reads back, so its groups reappear at the next level.
 */
function groupTable(sheet: SheetBuilder, report: Report, top: number): void {
  sheet
    .set(
      top,
      1,
      cell("Số liệu theo nhóm, từng dòng (đọc lại khi tổng hợp lên cấp trên)", {
        style: "subtitle",
        note: "Group figures, one row each (read back when this summary is consolidated upward)",
      }),
    )
    .merge(top, 1, top, 4);
  const header = top + 1;
  sheet.row(
    header,
    1,
    GROUP_TABLE_HEADERS.map((h) => cell(h.vi, { style: "header", note: h.en })),
  );
  let r = header + 1;
  for (const figure of report.groups) {
    const ind = getIndicator(figure.indicator);
    const words = groupWords(figure.group);
    sheet.row(r, 1, [
      cell(figure.indicator, { style: "code" }),
      cell(ind.name.vi, { style: "wrap", note: ind.name.en }),
      cell(words.vi, { style: "wrap", note: words.en }),
      ...partCells(ind, figure),
      valueCell(ind, figure.value),
      ...countCells(figure),
      // The group's id, as the roster writes it: what a consolidation of this summary reads back.
      cell(figure.group, { style: "code", numFmt: FMT_TEXT }),
    ]);
    r++;
  }
  sheet.table({
    name: GROUP_TABLE_NAME,
    ref: `A${header}:${a1(Math.max(r - 1, header + 1), GROUP_TABLE_HEADERS.length)}`,
    style: "TableStyleLight1",
  });
}
