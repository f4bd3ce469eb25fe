import type { PrintSetup } from "./types";

/** The default footer: "Trang 2/5", Excel's page number and page count codes. */
export const PAGE_FOOTER = "Trang &P/&N";

/** The centre of a printed page's footer, in Excel's header/footer codes. */
export function printFooter(print: PrintSetup): string {
  return print.footer ?? PAGE_FOOTER;
}
