import { getIndicator } from "../catalog/indicators";
import { summaryIndicatorCodes, templateTag, type Template } from "../catalog/templates";
import type { Indicator } from "../catalog/types";
import { GUIDE_SHEET } from "../contract";
import { SheetBuilder } from "./sheet-builder";
import type { LayoutCell, SheetLayout } from "./types";
import type { Lang } from "./template-text";

const KIND: Record<Indicator["kind"], { vi: string; en: string }> = {
  count: { vi: "Số đếm (cộng các đơn vị)", en: "Count (summed over units)" },
  amount: { vi: "Giá trị (cộng các đơn vị)", en: "Amount (summed over units)" },
  rate: { vi: "Tỷ lệ = Σ tử số / Σ mẫu số", en: "Rate = Σ numerator / Σ denominator" },
  score: { vi: "Điểm (bình quân các đơn vị báo cáo)", en: "Score (mean over reporting units)" },
};

const TIME: Record<Indicator["time"], { vi: string; en: string }> = {
  sum: { vi: "Cộng dồn các kỳ", en: "Added up over periods" },
  last: { vi: "Lấy số cuối kỳ", en: "Latest period" },
};

const DIRECTION: Record<Indicator["direction"], { vi: string; en: string }> = {
  higher: { vi: "Càng cao càng tốt", en: "Higher is better" },
  lower: { vi: "Càng thấp càng tốt", en: "Lower is better" },
  none: { vi: "—", en: "—" },
};

const STEPS: Record<Lang, string[]> = {
  vi: [
    '1. Kiểm tra mã đơn vị, tên đơn vị, kỳ báo cáo ở đầu trang "Chỉ tiêu"; không sửa các ô này.',
    "2. Nhập ngày báo cáo và người ký. Chỉ nhập vào các ô màu vàng; các ô khác được khóa để giữ nguyên mã và cấu trúc.",
    "3. Chỉ tiêu tỷ lệ: nhập Tử số và Mẫu số (số thực tế, không nhập %); cột Thực hiện tự tính tỷ lệ.",
    "4. Chỉ tiêu số lượng, giá trị, điểm: nhập vào cột Thực hiện theo đúng đơn vị tính của dòng.",
    '5. Không có số liệu: để trống hoặc ghi "-", và ghi lý do ở cột Ghi chú.',
    '6. Bấm "Kiểm tra" trong ChiTieu (nếu có) trước khi gửi; gửi nguyên tệp .xlsx này, không đổi tên trang.',
  ],
  en: [
    '1. Check the unit code, unit name and period at the top of the "Chỉ tiêu" sheet; do not change them.',
    "2. Enter the report date and who signs. Type only into the yellow cells; the others are locked so codes and structure stay intact.",
    "3. Rates: enter the numerator and the denominator (counts, not %); the Actual column computes the rate.",
    "4. Counts, amounts and scores: enter the Actual column in the row's unit of measure.",
    '5. No data: leave the cell empty or write "-", and say why in the Note column.',
    '6. Press "Kiểm tra" (Check) in ChiTieu, if you have it, before sending; send this .xlsx as it is, without renaming sheets.',
  ],
};

const HEADERS: Record<Lang, string[]> = {
  vi: [
    "Mã chỉ tiêu",
    "Tên chỉ tiêu",
    "Đơn vị tính",
    "Cách tổng hợp",
    "Tử số",
    "Mẫu số",
    "Theo thời gian",
    "Hướng",
    "Định nghĩa",
    "Nguồn",
  ],
  en: [
    "Indicator code",
    "Indicator",
    "Unit",
    "How units combine",
    "Numerator",
    "Denominator",
    "Over time",
    "Direction",
    "Definition",
    "Source",
  ],
};

/** The guide sheet: how to fill, and each indicator's definition. */
export function guideSheet(template: Template, lang: Lang): SheetLayout {
  const sheet = new SheetBuilder(GUIDE_SHEET, "guide");
  const cell = (value: string, style: LayoutCell["style"] = "wrap"): LayoutCell => ({ value, style });
  sheet.widths([18, 40, 12, 24, 30, 30, 18, 16, 60, 36]);
  sheet.set(1, 1, { value: lang === "vi" ? "HƯỚNG DẪN ĐIỀN BIỂU" : "HOW TO FILL THIS FORM", style: "title" });
  sheet.merge(1, 1, 1, 10);
  sheet
    .set(2, 1, { value: `${template.name[lang]} (${templateTag(template)})`, style: "subtitle" })
    .merge(2, 1, 2, 10);
  let r = 4;
  for (const step of STEPS[lang]) {
    sheet.set(r, 1, { value: step, style: "meta" }).merge(r, 1, r, 10);
    r++;
  }
  r++;
  sheet.set(r, 1, { value: lang === "vi" ? "ĐỊNH NGHĨA CHỈ TIÊU" : "INDICATOR DEFINITIONS", style: "label" });
  r++;
  sheet.row(
    r,
    1,
    HEADERS[lang].map((h) => ({ value: h, style: "header" })),
  );
  const headerRow = r;
  r++;
  for (const code of summaryIndicatorCodes(template)) {
    const ind = getIndicator(code);
    sheet.row(r, 1, [
      cell(ind.code, "code"),
      cell(ind.name[lang]),
      cell(ind.unit[lang], "text"),
      cell(
        ind.derived
          ? lang === "vi"
            ? "Dẫn xuất cho bảng tổng hợp"
            : "Derived for the summary"
          : KIND[ind.kind][lang],
      ),
      cell(ind.numerator ? `${ind.numerator.label[lang]} (${ind.numerator.unit[lang]})` : "—"),
      cell(ind.denominator ? `${ind.denominator.label[lang]} (${ind.denominator.unit[lang]})` : "—"),
      cell(TIME[ind.time][lang], "text"),
      cell(DIRECTION[ind.direction][lang], "text"),
      cell(ind.definition[lang]),
      cell(ind.source),
    ]);
    r++;
  }
  sheet.freezeAt(headerRow, 1);
  sheet.printSetup({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${headerRow}:${headerRow}`,
  });
  sheet.protectSheet();
  return sheet.build();
}
