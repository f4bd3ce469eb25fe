import type { PrintSetup } from "./types";

/** The default footer: "Trang 2/5", Excel's page number and page count codes. */
export const PAGE_FOOTER = "Trang &P/&N";

/** The centre of a printed page's footer, in Excel's header/footer codes. */
export function printFooter(print: PrintSetup): string {
  return print.footer ?? PAGE_FOOTER;
}

/** Printable width of an A4 page (mm) inside the margins both renderers set (0.5 in left and right). */
const PRINTABLE_MM = { landscape: 297 - 25.4, portrait: 210 - 25.4 } as const;

/**
 * Millimetres a column of `width` characters takes on paper at 100 %, on the safe side: Excel counts
 * widths in digits of the workbook's standard font (Calibri 11: 7 px at 96 dpi) plus 5 px of padding;
 * LibreOffice, measured on the summary's own sheet, lays the same columns out nearer 9.5 px a digit.
 */
export function columnMm(width: number): number {
  return ((width * 9.5 + 5) * 25.4) / 96;
}

/**
 * The print scale (per cent, 10–100) at which the widest of `pages` (each the column widths that
 * print side by side on one page) fits across an A4 page; a little room kept for rounding.
 */
export function scaleToFit(
  pages: readonly (readonly number[])[],
  orientation: "portrait" | "landscape",
): number {
  const widest = Math.max(1, ...pages.map((cols) => cols.reduce((mm, w) => mm + columnMm(w), 0)));
  return Math.max(10, Math.min(100, Math.floor((PRINTABLE_MM[orientation] / widest) * 100 * 0.97)));
}
