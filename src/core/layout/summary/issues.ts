import type { Issue } from "../../issues";
import type { Report } from "../../json-report/types";
import { FMT_TEXT } from "../number-formats";
import { SheetBuilder } from "../sheet-builder";
import type { LayoutCell, SheetLayout } from "../types";
import { findIndicator } from "../../catalog/indicators";
import { RULE_WORDS } from "../words";
import { cell, SUMMARY_SHEETS, type SummaryOptions } from "./shared";

/** Each unit's name by its code: the report's units, then the roster's inner units. */
function unitNames(report: Report, opts: SummaryOptions): Map<string, string> {
  const names = new Map(opts.unitNames ?? []);
  for (const u of report.units) if (u.name) names.set(u.code, u.name);
  names.set(report.scope.code, report.scope.name);
  return names;
}

/* The "Vấn đề" sheet: every issue, with a link to the file and cell to fix. */

const SEVERITY_TEXT = { error: "Lỗi", warning: "Cảnh báo" } as const;

export function issuesSheet(report: Report, opts: SummaryOptions): SheetLayout {
  const sheet = new SheetBuilder(SUMMARY_SHEETS.issues, "summary-issues");
  const headers = [
    "STT",
    "Mức độ",
    "Quy tắc",
    "Đơn vị",
    "Chỉ tiêu",
    "Tệp",
    "Trang",
    "Ô / dòng",
    "Mở tệp",
    "Nội dung",
    "Message (English)",
  ];
  // The English message last and narrow: on paper the Vietnamese one is what is read.
  sheet.widths([5, 10, 20, 22, 24, 30, 10, 8, 8, 54, 36]);
  sheet
    .set(1, 1, cell(`CÁC VẤN ĐỀ CẦN XỬ LÝ — ${report.scope.name} — ${report.period}`, { style: "title" }))
    .merge(1, 1, 1, headers.length);
  sheet
    .set(
      2,
      1,
      cell(
        "Lỗi: số liệu không được tổng hợp. Cảnh báo: đã tổng hợp, đề nghị kiểm tra. Bấm “Mở” để mở tệp đúng ô.",
        { style: "subtitle" },
      ),
    )
    .merge(2, 1, 2, headers.length);
  const header = 4;
  sheet.row(
    header,
    1,
    headers.map((t) => cell(t, { style: "header" })),
  );
  const names = unitNames(report, opts);
  // Errors first (their figures are not in the summary), each kind in the report's order.
  const ordered = [
    ...report.issues.filter((x) => x.severity === "error"),
    ...report.issues.filter((x) => x.severity !== "error"),
  ];
  ordered.forEach((issue: Issue, i) => {
    sheet.row(header + 1 + i, 1, issueRow(issue, i + 1, opts.linkTo, names));
  });
  sheet.freezeAt(header, 0);
  sheet.conditional({
    range: `B${header + 1}:B${header + Math.max(1, report.issues.length)}`,
    kind: "textEquals",
    text: SEVERITY_TEXT.error,
    style: "bad",
  });
  sheet.printSetup({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${header}:${header}`,
  });
  return sheet.build();
}

/**
 * An issue's row: where it is (the file's name as wrapped text, and beside where in it, a short link
 * that opens the file at the cell, when the file can be reached) and what it says. The link is a
 * cell of its own: LibreOffice draws a linked cell's text as one unbreakable piece, so a long file
 * name in it would run under the next cell, cut off on paper.
 */
function issueRow(
  issue: Issue,
  seq: number,
  linkTo: SummaryOptions["linkTo"],
  names: ReadonlyMap<string, string>,
): LayoutCell[] {
  const link = issue.file && linkTo ? linkTo(issue.file) : undefined;
  const unitName = issue.unit ? names.get(issue.unit) : undefined;
  const ind = issue.indicator ? findIndicator(issue.indicator) : undefined;
  const rule = RULE_WORDS[issue.rule];
  return [
    cell(seq, { style: "text", numFmt: "0" }),
    cell(SEVERITY_TEXT[issue.severity], { style: issue.severity === "error" ? "bad" : "warn" }),
    // The rule in words; its id (what the JSON report and FORMATS.md call it) in the note.
    cell(rule ? rule.vi : issue.rule, { style: "wrap", note: `${issue.rule}${rule ? ` — ${rule.en}` : ""}` }),
    cell(issue.unit ? (unitName ? `${unitName} (${issue.unit})` : issue.unit) : "", {
      style: "wrap",
      numFmt: FMT_TEXT,
    }),
    cell(ind ? `${ind.name.vi} (${ind.code})` : (issue.indicator ?? ""), { style: "wrap" }),
    cell(issue.file ?? "", { style: "wrap" }),
    cell(issue.line !== undefined ? "" : (issue.sheet ?? ""), { style: "text" }),
    cell(issue.line !== undefined ? `dòng ${issue.line}` : (issue.cell ?? ""), { style: "text" }),
    link
      ? cell("Mở", {
          style: "link",
          link: {
            file:
              issue.sheet && issue.cell ? `${link}#'${issue.sheet.replace(/'/g, "''")}'!${issue.cell}` : link,
          },
        })
      : cell("", { style: "text" }),
    cell(issue.message, { style: "wrap" }),
    cell(issue.messageEn, { style: "wrap" }),
  ];
}
