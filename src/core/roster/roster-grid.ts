import type { Grid } from "../grid";
import { cellText, findHeaderRow } from "../header-map";
import { ROSTER_COLUMNS } from "../contract";
import { rosterFromRows, type Roster, type RosterRow } from "./roster";

const ALIASES = {
  code: [ROSTER_COLUMNS.code, "Mã đơn vị", "ma"],
  name: [ROSTER_COLUMNS.name, "Tên đơn vị", "ten"],
  level: [ROSTER_COLUMNS.level, "Cấp"],
  parent: [ROSTER_COLUMNS.parent, "Mã cha", "Mã đơn vị cha"],
  groups: [ROSTER_COLUMNS.groups, "Nhóm"],
} as const;

export type RosterRead = { roster: Roster } | { error: { vi: string; en: string } };

/** A roster from a grid whose header names the roster columns (FORMATS.md §5). */
export function rosterFromGrid(grid: Grid): RosterRead {
  const header = findHeaderRow(grid, ALIASES, ["code"]);
  if (!header) {
    return {
      error: {
        vi: `không thấy cột "${ROSTER_COLUMNS.code}" trong dòng tiêu đề`,
        en: `no "${ROSTER_COLUMNS.code}" column in the header row`,
      },
    };
  }
  const { columns } = header;
  const at = (cells: Grid["rows"][number]["cells"], key: keyof typeof ALIASES): string => {
    const i = columns[key];
    return i === undefined ? "" : cellText(cells[i]);
  };
  const rows: RosterRow[] = grid.rows
    .filter((r) => r.n > header.row.n)
    .map((r) => ({
      code: at(r.cells, "code"),
      name: at(r.cells, "name"),
      level: at(r.cells, "level"),
      parent: at(r.cells, "parent"),
      groups: at(r.cells, "groups"),
      line: r.n,
    }));
  return { roster: rosterFromRows(rows) };
}
