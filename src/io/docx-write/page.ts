/*
 * The page as Decree 30/2020/NĐ-CP (Appendix I) sets it for administrative documents: A4; margins
 * top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New Roman; body text 13–14 pt,
 * justified, first lines indented 1–1.27 cm, at least 6 pt between paragraphs, lines from single to
 * 1.5 spaced; page numbers centred in the top margin from the second page on.
 */

/** Twentieths of a point per millimetre (Word measures pages in twips: 1,440 to the inch). */
const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (x: number): number => Math.round(x * TWIPS_PER_MM);

export const A4 = { width: 11906, height: 16838 };

export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };

/** Where the header (the page number) sits within the top margin. */
export const HEADER_DISTANCE = mm(10);

/** Text width on a portrait and on a landscape page. */
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
export const TEXT_WIDTH_LANDSCAPE = A4.height - MARGIN.left - MARGIN.right;

export const FONT = "Times New Roman";

/** Sizes in half-points, as Word stores them. */
export const SIZE = {
  body: 28, // 14 pt
  masthead: 26, // 13 pt: the issuing body, Quốc hiệu, Số
  motto: 28, // 14 pt: Tiêu ngữ
  recipientsTitle: 24, // 12 pt: "Nơi nhận:"
  recipients: 22, // 11 pt
  table: 24, // 12 pt
  note: 24,
};

export const INDENT_FIRST_LINE = mm(10);
/** Paragraph spacing: 6 pt before; lines at 1.2. */
export const SPACING = { before: 120, after: 0, line: 288 };
