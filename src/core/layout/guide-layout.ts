import { getIndicator } from "../catalog/indicators";
import { summaryIndicatorCodes, type Template } from "../catalog/templates";
import type { Indicator } from "../catalog/types";
import { GUIDE_SHEET } from "../contract";
import { SheetBuilder } from "./sheet-builder";
import type { LayoutCell, SheetLayout } from "./types";
import type { Lang } from "./template-text";

const KIND: Record<Indicator["kind"], { vi: string; en: string }> = {
  count: { vi: "Số đếm (cộng các đơn vị)", en: "Count (summed over units)" },
  amount: { vi: "Giá trị (cộng các đơn vị)", en: "Amount (summed over units)" },
  rate: {
    vi: "Tỷ lệ chung = tổng tử số chia tổng mẫu số của các đơn vị",
    en: "Overall rate = numerators added up ÷ denominators added up",
  },
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
  vi: ["Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Nhập gì", "Cách tổng hợp", "Định nghĩa", "Căn cứ"],
  en: [
    "Indicator code",
    "Indicator",
    "Unit",
    "What to enter",
    "How units combine",
    "Definition",
    "Legal basis",
  ],
};

const WIDTHS = [15, 30, 9, 34, 26, 52, 30];

/** What the person types on the indicator's row, in which cells, counted in what. */
export function whatToEnter(ind: Indicator, lang: Lang): string {
  const vi = lang === "vi";
  if (ind.derived) return vi ? "Không nhập: bảng tổng hợp tự tính." : "Nothing: the summary computes it.";
  if (ind.kind === "rate" && ind.numerator && ind.denominator) {
    return vi
      ? `Tử số: ${ind.numerator.label.vi} (${ind.numerator.unit.vi}). Mẫu số: ${ind.denominator.label.vi} (${ind.denominator.unit.vi}).`
      : `Numerator: ${ind.numerator.label.en} (${ind.numerator.unit.en}). Denominator: ${ind.denominator.label.en} (${ind.denominator.unit.en}).`;
  }
  const whole = ind.integer ? (vi ? ", số nguyên" : ", a whole number") : "";
  const range = ind.range.max !== undefined ? ` ${ind.range.min}–${ind.range.max}` : "";
  return vi ? `Thực hiện: số ${ind.unit.vi}${range}${whole}.` : `Actual: ${ind.unit.en}${range}${whole}.`;
}

/** How the indicator adds up over units and periods, and which way is better, in one cell. */
function howItCombines(ind: Indicator, lang: Lang): string {
  const parts = [KIND[ind.kind][lang], TIME[ind.time][lang]];
  if (ind.direction !== "none") parts.push(DIRECTION[ind.direction][lang]);
  return parts.join("; ") + ".";
}

/** The guide sheet: how to fill, and each indicator's definition and the document that asks for it. */
export function guideSheet(template: Template, lang: Lang): SheetLayout {
  const sheet = new SheetBuilder(GUIDE_SHEET, "guide");
  const cols = HEADERS[lang].length;
  const cell = (value: string, style: LayoutCell["style"] = "wrap"): LayoutCell => ({ value, style });
  sheet.widths(WIDTHS);
  sheet.set(1, 1, { value: lang === "vi" ? "HƯỚNG DẪN ĐIỀN BIỂU" : "HOW TO FILL THIS FORM", style: "title" });
  sheet.merge(1, 1, 1, cols);
  sheet.set(2, 1, { value: template.name[lang], style: "subtitle" }).merge(2, 1, 2, cols);
  let r = 4;
  for (const step of STEPS[lang]) {
    sheet.set(r, 1, { value: step, style: "guideStep" }).merge(r, 1, r, cols);
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
      cell(ind.unit[lang]),
      cell(whatToEnter(ind, lang)),
      cell(
        ind.derived
          ? lang === "vi"
            ? "Tính ở bảng tổng hợp"
            : "Computed in the summary"
          : howItCombines(ind, lang),
      ),
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
