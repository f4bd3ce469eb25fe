import { ExcelActionError, toActionError } from "./errors";

/**
 * Brings a sheet to the front and selects a cell or range on it: where an issue says to look.
 * Sheets are found from the loaded list (ExcelApi 1.1) rather than getItemOrNullObject (1.4), so
 * Excel 2016 can jump to issues too.
 */
export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  address: string,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const ws = sheets.items.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
  if (!ws) {
    throw new ExcelActionError(
      `Không có trang "${sheet}" trong sổ tính này.`,
      `There is no sheet "${sheet}" in this workbook.`,
      "ItemNotFound",
    );
  }
  try {
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  } catch (e) {
    throw toActionError(e, `Chọn ô ${address} ở trang "${sheet}"`, `Selecting ${address} on "${sheet}"`);
  }
}
