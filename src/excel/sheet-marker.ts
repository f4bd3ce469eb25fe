/*
 * How the add-in recognises a sheet it wrote, so it replaces only its own and never a sheet the user
 * made (DESIGN.md property 3): a worksheet-scoped defined name, `_ChiTieu.VaiTro`, whose formula is the
 * text `="chitieu:<role>"` (the layout's role: `template`, `summary`…).
 *
 * Why a sheet-scoped name rather than a worksheet custom property: names exist since ExcelApi 1.4
 * (Excel 2019 and later) where custom properties need 1.12 (not in Excel 2019); a name travels with
 * the sheet when the workbook is saved, reopened, or the sheet is moved or renamed, and it is stored
 * in the .xlsx itself (`definedName localSheetId`) so any program sees it; a person deleting it in the
 * Name Manager turns the sheet into theirs, which is the safe direction. The leading underscore keeps
 * it apart from the contract's workbook names (`ChiTieu_*`), which readers look for.
 */

export const MARKER_NAME = "_ChiTieu.VaiTro";

const PREFIX = "chitieu:";

export function markerFormula(role: string): string {
  return `="${PREFIX}${role.replace(/"/g, "")}"`;
}

/** The role a marker's value names, or undefined when the value is not one of ours. */
export function roleOfMarker(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const v = value.replace(/^="?|"$/g, "");
  return v.startsWith(PREFIX) ? v.slice(PREFIX.length) : undefined;
}
