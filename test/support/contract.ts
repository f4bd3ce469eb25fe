/**
 * The headers of a template's `ChiTieu` table, left to right, written out from FORMATS.md §1 (with
 * the template's STT column first) rather than taken from src: the tests hold the code to the
 * contract, not to itself.
 */
export const TEMPLATE_TABLE_HEADERS = [
  "STT",
  "Mã chỉ tiêu",
  "Tên chỉ tiêu",
  "Đơn vị tính",
  "Tử số",
  "Mẫu số",
  "Thực hiện",
  "Kế hoạch",
  "Ghi chú",
];
