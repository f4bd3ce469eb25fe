/*
 * The written report (báo cáo, FORMATS.md §9) as data: built from the JSON report, the template and
 * the catalog; laid out as a .docx by src/io/docx-write.
 */
export { buildWrittenReport } from "./build";
export type { WrittenReportInput } from "./context";
export { describeFigure, type FigureFacts } from "./sentences";
export type * from "./types";
