/*
 * The xlsx writer: renders a WorkbookLayout (src/core/layout) to .xlsx bytes, synchronously and
 * without Node APIs. The ExcelJS renderer (test/support/exceljs-renderer.ts) stays the reference it is tested
 * against.
 */
export { writeLayoutXlsx, layoutEntries, DEFAULT_DATE, type WriteOptions } from "./write-layout";
export { zipDeflated, type Deflate, type ZipEntry } from "./zip-writer";
