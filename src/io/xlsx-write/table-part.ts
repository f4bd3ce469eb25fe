import type { LayoutCell, TableLayout } from "../../core/layout/types";
import { a1, parseRange } from "../../core/text";
import type { Rows } from "./sheet-data";
import { escapeAttr, NS_MAIN, XML_DECLARATION } from "./xml-escape";

/** A table part (`xl/tables/tableN.xml`): its number in the workbook and its XML. */
export interface TablePart {
  id: number;
  xml: string;
}

/** What the tables of one workbook share: their names and numbers are unique in it. */
export interface TableNames {
  /** Table and defined names taken so far, in lower case: Excel compares names ignoring case. */
  names: Set<string>;
  /** Tables written so far: a table's id and part number are unique in the workbook. */
  tableCount: number;
}

/**
 * A table's part, its header cells set (in `rows`) to exactly the table's column names, as text:
 * Excel repairs a file whose header cells and column names differ.
 */
export function tablePart(table: TableLayout, rows: Rows, workbook: TableNames): TablePart {
  const area = parseRange(table.ref);
  if (!area) throw new Error(`Bad table range ${table.ref}`);
  const id = ++workbook.tableCount;
  const name = uniqueName(tableName(table.name), workbook.names);
  const used = new Set<string>();
  let columns = "";
  for (let c = area.left; c <= area.right; c++) {
    const cell = rows.get(area.top, c);
    let text = headerText(cell) || `Cột ${c}`;
    // Column names are unique within a table, ignoring case; Excel numbers repeats the same way.
    for (let n = 2; used.has(text.toLowerCase()); n++) text = `${headerText(cell) || `Cột ${c}`}${n}`;
    used.add(text.toLowerCase());
    // The header cell must say exactly the column's name, as text.
    rows.set(area.top, c, { ...cell, value: text });
    columns += `<tableColumn id="${c - area.left + 1}" name="${escapeAttr(text)}"/>`;
  }
  const ref = `${a1(area.top, area.left)}:${a1(area.bottom, area.right)}`;
  // No <autoFilter>: that is how Excel saves a table whose filter buttons are turned off.
  const xml =
    `${XML_DECLARATION}<table xmlns="${NS_MAIN}" id="${id}" name="${escapeAttr(name)}" displayName="${escapeAttr(name)}" ref="${ref}" totalsRowShown="0">` +
    `<tableColumns count="${area.right - area.left + 1}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(table.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/></table>`;
  return { id, xml };
}

function headerText(cell: LayoutCell | null): string {
  const value = cell?.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return value.result === undefined ? "" : String(value.result);
  return String(value);
}

/**
 * A name Excel accepts for a table: letters, digits, `_` and `.`, starting with a letter or `_`,
 * and not something Excel would read as a cell reference.
 */
function tableName(name: string): string {
  let n = name.replace(/[^\p{L}\p{N}_.\\]/gu, "_");
  if (!/^[\p{L}_\\]/u.test(n) || /^[A-Za-z]{1,3}\d+$/.test(n) || /^[RrCc]$|^[Rr]\d*[Cc]\d*$/.test(n))
    n = `_${n}`;
  return n.slice(0, 255);
}

/** The name itself when free, else with `_2`, `_3`…: two tables of one workbook may not share a name. */
export function uniqueName(name: string, taken: Set<string>): string {
  let n = name;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${name}_${i}`;
  taken.add(n.toLowerCase());
  return n;
}
