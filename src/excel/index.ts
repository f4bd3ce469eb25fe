/* The Office.js adapters: each takes Excel's request context first and never reaches for globals. */
export {
  renderLayout,
  widthInPoints,
  type RenderOptions,
  type RenderResult,
  type RenderedSheet,
} from "./render-layout";
export { readChiTieuTable, type ReadOptions } from "./read-table";
export { selectCell } from "./select-cell";
export { ExcelActionError } from "./errors";
export {
  FEATURES,
  MANIFEST_MIN_EXCEL_API,
  type ApiSupport,
  type Feature,
  type FeatureKey,
} from "./requirements";
export { MARKER_NAME } from "./sheet-marker";
