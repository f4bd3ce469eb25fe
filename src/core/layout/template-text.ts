/** Words of the template workbook, in each language it is written in. */
export type Lang = "vi" | "en";

const VI = {
  preparedBy: "Người lập biểu",
  signedBy: "Thủ trưởng đơn vị",
  signHint: "(Ký, ghi rõ họ tên)",
  fillHint:
    "Chỉ nhập vào các ô màu vàng. Với chỉ tiêu tỷ lệ, nhập Tử số và Mẫu số; cột Thực hiện (%) tự tính.",
  footnote:
    'Ghi chú: Tỷ lệ (%) = Tử số / Mẫu số × 100, do bảng tự tính. Ô để trống hoặc ghi "-" là không có số liệu. Xem định nghĩa từng chỉ tiêu ở trang "Hướng dẫn".',
  dateTitle: "Ngày báo cáo",
  datePrompt: "Nhập ngày ký báo cáo, dạng ngày/tháng/năm.",
  dateError: "Ngày không hợp lệ. Nhập dạng ngày/tháng/năm, ví dụ 20/12/2026.",
  planTitle: "Kế hoạch",
  planPrompt: "Chỉ tiêu kế hoạch của đơn vị cho kỳ này (không bắt buộc).",
  planRatePrompt: "Chỉ tiêu kế hoạch (%) của đơn vị cho kỳ này, ví dụ 47,72 (không bắt buộc).",
  notNegative: "Giá trị phải là số không âm.",
  integerError: "Giá trị phải là số nguyên không âm.",
  numeratorTitle: "Tử số",
  numeratorError: "Tử số phải là số không âm và không lớn hơn Mẫu số.",
  numeratorIntegerError: "Tử số phải là số nguyên không âm và không lớn hơn Mẫu số.",
  denominatorTitle: "Mẫu số",
  denominatorError: "Mẫu số phải là số dương và không nhỏ hơn Tử số.",
  denominatorIntegerError: "Mẫu số phải là số nguyên dương và không nhỏ hơn Tử số.",
  valueTitle: "Thực hiện",
  wholeNumber: "số nguyên",
  betweenError: (min: number, max: number): string => `Giá trị phải là số nguyên từ ${min} đến ${max}.`,
};

const EN: typeof VI = {
  preparedBy: "Prepared by",
  signedBy: "Head of unit",
  signHint: "(Signature and full name)",
  fillHint:
    "Type only into the yellow cells. For rates, give the numerator and the denominator; the Actual (%) column is computed.",
  footnote:
    'Note: rate (%) = numerator / denominator × 100, computed by the sheet. An empty cell or "-" means no data. Definitions are on the "Hướng dẫn" (guide) sheet.',
  dateTitle: "Report date",
  datePrompt: "The date the report is signed, day/month/year.",
  dateError: "Not a valid date. Use day/month/year, e.g. 20/12/2026.",
  planTitle: "Target",
  planPrompt: "The unit's own target for this period (optional).",
  planRatePrompt: "The unit's own target (%) for this period, e.g. 47.72 (optional).",
  notNegative: "The value must be a number, not negative.",
  integerError: "The value must be a whole number, not negative.",
  numeratorTitle: "Numerator",
  numeratorError: "The numerator must be a number, not negative and not above the denominator.",
  numeratorIntegerError: "The numerator must be a whole number, not negative and not above the denominator.",
  denominatorTitle: "Denominator",
  denominatorError: "The denominator must be a positive number, not below the numerator.",
  denominatorIntegerError: "The denominator must be a positive whole number, not below the numerator.",
  valueTitle: "Actual",
  wholeNumber: "whole number",
  betweenError: (min: number, max: number): string =>
    `The value must be a whole number from ${min} to ${max}.`,
};

export function ui(lang: Lang): typeof VI {
  return lang === "vi" ? VI : EN;
}
