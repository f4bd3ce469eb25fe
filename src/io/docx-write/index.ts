import { Packer } from "docx";
import type { WrittenReport } from "../../core/written-report";
import { reportDocument } from "./document";
import { fixDates } from "./fixed-zip";

/*
 * The written report (FORMATS.md §9) as .docx bytes, with the `docx` package: it runs in Node and in
 * the browser (the task pane), zips with fflate as our writers do, and needs no native code. The
 * same report always gives the same bytes (fixed-zip.ts).
 */

export async function writeReportDocx(report: WrittenReport): Promise<Uint8Array> {
  const bytes = await Packer.pack(reportDocument(report), "uint8array");
  return fixDates(bytes, report.date);
}
