import type { Bilingual } from "./catalog/types";

/*
 * The names the interchange formats fix (FORMATS.md §1, §2, §5, §6): written by the templates and
 * summaries, looked for by the readers. Matching ignores case, spaces and diacritics (text.matchKey).
 */

export const TABLE_NAME = "ChiTieu";
export const PLAN_TABLE_NAME = "KeHoach";
export const MAIN_SHEET = "Chỉ tiêu";
export const GUIDE_SHEET = "Hướng dẫn";

/** Columns of the `ChiTieu` table: Vietnamese header, CSV header, English caption. */
export const COLUMNS = {
  code: { vi: "Mã chỉ tiêu", csv: "ma_chi_tieu", en: "Indicator code" },
  name: { vi: "Tên chỉ tiêu", csv: "ten_chi_tieu", en: "Indicator" },
  uom: { vi: "Đơn vị tính", csv: "don_vi_tinh", en: "Unit of measure" },
  numerator: { vi: "Tử số", csv: "tu_so", en: "Numerator" },
  denominator: { vi: "Mẫu số", csv: "mau_so", en: "Denominator" },
  value: { vi: "Thực hiện", csv: "thuc_hien", en: "Actual" },
  plan: { vi: "Kế hoạch", csv: "ke_hoach", en: "Target" },
  note: { vi: "Ghi chú", csv: "ghi_chu", en: "Note" },
} as const;

export type ColumnKey = keyof typeof COLUMNS;

/** The `ChiTieu` table's columns, left to right, as COLUMNS lists them (a template puts STT first). */
export const COLUMN_ORDER = Object.keys(COLUMNS) as readonly ColumnKey[];

/** Long-CSV columns that say which unit, period and template a row belongs to (FORMATS.md §2). */
export const CSV_META_COLUMNS = {
  unit: { vi: "Mã đơn vị", csv: "ma_don_vi" },
  unitName: { vi: "Tên đơn vị", csv: "ten_don_vi" },
  period: { vi: "Kỳ báo cáo", csv: "ky_bao_cao" },
  template: { vi: "Mẫu biểu", csv: "mau_bieu" },
  reportDate: { vi: "Ngày báo cáo", csv: "ngay_bao_cao" },
} as const;

export type MetaKey = keyof typeof CSV_META_COLUMNS;

/** Workbook-scoped defined names, each referring to one cell. */
export const NAMES: Record<MetaKey, string> = {
  unit: "ChiTieu_MaDonVi",
  unitName: "ChiTieu_TenDonVi",
  period: "ChiTieu_KyBaoCao",
  template: "ChiTieu_MauBieu",
  reportDate: "ChiTieu_NgayBaoCao",
};

/** Label cells a person writes when rebuilding the sheet by hand (label, then the value to its right). */
export const META_LABELS: Record<MetaKey, Bilingual> = {
  unit: { vi: "Mã đơn vị", en: "Unit code" },
  unitName: { vi: "Tên đơn vị", en: "Unit name" },
  period: { vi: "Kỳ báo cáo", en: "Reporting period" },
  template: { vi: "Mẫu biểu", en: "Template" },
  reportDate: { vi: "Ngày báo cáo", en: "Report date" },
};

/** Roster columns (FORMATS.md §5). */
export const ROSTER_COLUMNS = {
  code: "ma_don_vi",
  name: "ten_don_vi",
  level: "cap",
  parent: "ma_cha",
  groups: "nhom",
} as const;

/** Plan columns (FORMATS.md §6). */
export const PLAN_COLUMNS = {
  unit: "ma_don_vi",
  indicator: "ma_chi_tieu",
  period: "ky",
  rule: "loai",
  value: "gia_tri",
} as const;

/**
 * Extra summary columns, so that summaries consolidate upward with their counts: the units of the
 * level below, and the base units (communes) behind the figure (FORMATS.md §8, 1.1).
 */
export const SUMMARY_COLUMNS = {
  reporting: { vi: "Số đơn vị báo cáo", csv: "so_don_vi_bao_cao", en: "Units reporting" },
  expected: { vi: "Số đơn vị phải báo cáo", csv: "so_don_vi_phai_bao_cao", en: "Units expected" },
  reportingBase: {
    vi: "Số đơn vị cơ sở báo cáo",
    csv: "so_don_vi_co_so_bao_cao",
    en: "Base units reporting",
  },
  expectedBase: {
    vi: "Số đơn vị cơ sở phải báo cáo",
    csv: "so_don_vi_co_so_phai_bao_cao",
    en: "Base units expected",
  },
} as const;

export type SummaryColumnKey = keyof typeof SUMMARY_COLUMNS;

/** A summary's extra columns, left to right, after the `ChiTieu` table's own. */
export const SUMMARY_COLUMN_ORDER = Object.keys(SUMMARY_COLUMNS) as readonly SummaryColumnKey[];

/**
 * A summary's roster-group figures, one row per group and indicator, so that they reappear when the
 * summary is consolidated upward: the table and the column that names the group.
 */
export const GROUP_TABLE_NAME = "ChiTieu_Nhom";
export const GROUP_COLUMN = { vi: "Nhóm", csv: "nhom", en: "Group" } as const;
