import type { Issue } from "../../issues";
import type { Report } from "../../json-report/types";
import { FMT_TEXT } from "../number-formats";
import { SheetBuilder } from "../sheet-builder";
import type { LayoutCell, SheetLayout } from "../types";
import { cell, SUMMARY_SHEETS, type SummaryOptions } from "./shared";

/* The "Vấn đề" sheet: every issue, with a link to the file and cell to fix. */

const SEVERITY_TEXT = { error: "Lỗi", warning: "Cảnh báo" } as const;

export function issuesSheet(report: Report, opts: SummaryOptions): SheetLayout {
  const sheet = new SheetBuilder(SUMMARY_SHEETS.issues, "summary-issues");
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
  sheet.widths([6, 11, 26, 11, 18, 30, 14, 9, 70, 60]);
  sheet
    .set(1, 1, cell(`CÁC VẤN ĐỀ CẦN XỬ LÝ — ${report.scope.name} — ${report.period}`, { style: "title" }))
    .merge(1, 1, 1, headers.length);
  sheet
    .set(
      2,
      1,
      cell(
        "Lỗi: số liệu không được tổng hợp. Cảnh báo: đã tổng hợp, đề nghị kiểm tra. Bấm tên tệp để mở đúng ô.",
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
  report.issues.forEach((issue: Issue, i) => {
    sheet.row(header + 1 + i, 1, issueRow(issue, i + 1, opts.linkTo));
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

/** An issue's row: where it is (a link that opens the file at the cell, when the file can be reached) and what it says. */
function issueRow(issue: Issue, seq: number, linkTo: SummaryOptions["linkTo"]): LayoutCell[] {
  const link = issue.file && linkTo ? linkTo(issue.file) : undefined;
  return [
    cell(seq, { style: "text", numFmt: "0" }),
    cell(SEVERITY_TEXT[issue.severity], { style: issue.severity === "error" ? "bad" : "warn" }),
    cell(issue.rule, { style: "text" }),
    cell(issue.unit ?? "", { style: "text", numFmt: FMT_TEXT }),
    cell(issue.indicator ?? "", { style: "text" }),
    link
      ? cell(issue.file ?? "", {
          style: "link",
          link: {
            file:
              issue.sheet && issue.cell ? `${link}#'${issue.sheet.replace(/'/g, "''")}'!${issue.cell}` : link,
          },
        })
      : cell(issue.file ?? "", { style: "text" }),
    cell(issue.line !== undefined ? "" : (issue.sheet ?? ""), { style: "text" }),
    cell(issue.line !== undefined ? `dòng ${issue.line}` : (issue.cell ?? ""), { style: "text" }),
    cell(issue.message, { style: "wrap" }),
    cell(issue.messageEn, { style: "wrap" }),
  ];
}
