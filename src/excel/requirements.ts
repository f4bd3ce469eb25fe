/*
 * Which Excel features need which ExcelApi requirement set, so the renderer asks once per feature and
 * degrades by feature on older Excel instead of failing. The manifest asks only for ExcelApi 1.1: with
 * it a workbook's table and names can be read (Kiểm tra) and values, number formats and a table
 * written; everything below is detected at run time. Versions: Microsoft's requirement-set tables
 * (docs/requirement-sets/excel) and the `[Api set: …]` notes of @types/office-js.
 */

/** `(version) => whether the host supports ExcelApi <version>`; the pane passes Office's own check. */
export type ApiSupport = (version: string) => boolean;

export interface Feature {
  /** ExcelApi version that brings it. */
  version: string;
  vi: string;
  en: string;
}

export const FEATURES = {
  columnWidths: { version: "1.2", vi: "độ rộng cột, chiều cao hàng", en: "column widths and row heights" },
  merges: { version: "1.2", vi: "gộp ô", en: "merged cells" },
  protection: { version: "1.2", vi: "khóa trang tính (ô nhập liệu mở khóa)", en: "sheet protection" },
  filterButton: { version: "1.3", vi: "ẩn nút lọc của bảng", en: "table filter buttons" },
  names: {
    version: "1.4",
    vi: "tên xác định ChiTieu_* và dấu nhận biết trang của phần bổ trợ",
    en: "ChiTieu_* defined names and the add-in's sheet marker",
  },
  charts: {
    version: "1.1",
    vi: "biểu đồ thực hiện so với kế hoạch và theo kỳ",
    en: "actual-versus-target and over-time charts",
  },
  chartLineStyles: {
    version: "1.7",
    vi: "nét đứt của đường kế hoạch trên biểu đồ",
    en: "dashed target lines on charts",
  },
  conditionalFormats: { version: "1.6", vi: "định dạng có điều kiện", en: "conditional formats" },
  freeze: { version: "1.7", vi: "cố định hàng tiêu đề", en: "frozen panes" },
  links: { version: "1.7", vi: "liên kết trong ô", en: "cell hyperlinks" },
  tabColor: { version: "1.7", vi: "màu thẻ trang", en: "tab colour" },
  workbookProtection: { version: "1.7", vi: "kiểm tra bảo vệ sổ", en: "workbook protection check" },
  validation: { version: "1.8", vi: "kiểm tra dữ liệu khi nhập", en: "data validation" },
  print: { version: "1.9", vi: "thiết lập trang in", en: "print setup" },
  screenUpdating: { version: "1.9", vi: "tạm dừng vẽ màn hình", en: "screen updating pause" },
  notes: { version: "1.18", vi: "ghi chú ô", en: "cell notes" },
} as const satisfies Record<string, Feature>;

export type FeatureKey = keyof typeof FEATURES;

/** The version the manifest requires: everything else is feature-detected. */
export const MANIFEST_MIN_EXCEL_API = "1.1";

/** Excel versions by the highest ExcelApi set they support (volume-licensed perpetual builds). */
export const EXCEL_VERSIONS: readonly { name: string; excelApi: string }[] = [
  { name: "Excel 2016 (MSI, volume licence)", excelApi: "1.1" },
  { name: "Excel 2019 (volume licence)", excelApi: "1.7" },
  { name: "Excel 2021 (volume licence)", excelApi: "1.14" },
  { name: "Excel 2024 (volume licence)", excelApi: "1.17" },
  { name: "Microsoft 365, Excel on the web", excelApi: "1.18+" },
];
