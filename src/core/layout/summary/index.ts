import { templateTag, type Template } from "../../catalog/templates";
import { NAMES } from "../../contract";
import type { Report } from "../../json-report/types";
import type { WorkbookLayout } from "../types";
import { figuresSheet, SUMMARY_META } from "./figures";
import { groupsSheet } from "./groups";
import { issuesSheet } from "./issues";
import { unitsOutside } from "./outside";
import { matrixSheet } from "./per-unit";
import { planSheet } from "./plan";
import { SUMMARY_SHEETS, type SummaryOptions } from "./shared";
import { statusSheet } from "./status";
import { timeSeriesSheet } from "./time-series";

export { PLAN_STATUS_TEXT, STATUS_TEXT, SUMMARY_SHEETS, type SummaryOptions } from "./shared";
export { SUMMARY_COLUMNS_ORDER, SUMMARY_GEOMETRY } from "./figures";
export { TIME_SERIES_CHART_TITLE, TIME_SERIES_SHEET, TIME_SERIES_TABLE } from "./time-series";

/*
 * The summary workbook as a layout, one sheet a module: the scope's figures (figures.ts: itself a
 * valid submission, the `ChiTieu` table and the names), the unit × indicator matrix (per-unit.ts),
 * group subtotals (groups.ts), who reported (status.ts), every issue with a link to its file and
 * cell (issues.ts), the plan applied (plan.ts). Rendered to a file by src/io/xlsx-write and into the
 * open workbook by src/excel/render-layout.
 */

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
  const overTime = timeSeriesSheet(report, template);
  if (overTime) sheets.push(overTime);
  const meta = SUMMARY_META;
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
