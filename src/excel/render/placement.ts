import type { SheetLayout, WorkbookLayout } from "../../core/layout/types";
import { splitAddress } from "../address";
import { ExcelActionError } from "../errors";

/*
 * Where each layout sheet goes in the open workbook, and what of the user's stands in the way.
 * Nothing of the user's is overwritten: a sheet of the same name that is not the add-in's own keeps
 * its name and the layout goes to `Name (2)`; only a sheet carrying the add-in's marker for the same
 * role is replaced. A table or defined name of the contract that is someone else's stops the insertion.
 */

/** A sheet of the workbook as read before writing. */
export interface ExistingSheet {
  name: string;
  position: number;
  sheet: Excel.Worksheet;
}

/** A defined name of the workbook as read before writing. */
export interface ExistingName {
  name: string;
  type: Excel.NamedItem["type"];
  value: Excel.NamedItem["value"];
}

export interface Planned {
  layout: SheetLayout;
  /** Final name in the workbook. */
  name: string;
  /** Name while being written (a temporary one when an old sheet of the final name still exists). */
  writeAs: string;
  replaces?: { sheet: Excel.Worksheet; position: number };
  /** The name of the add-in's own sheet this one replaces. */
  replacesName?: string;
  ws?: Excel.Worksheet;
  tables: { layoutName: string; table: Excel.Table }[];
}

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** `Chỉ tiêu`, `Chỉ tiêu (2)`, `Chỉ tiêu (3)`… are where a layout sheet `Chỉ tiêu` may live. */
export function isCandidateName(sheetName: string, base: string): boolean {
  const s = sheetName.toLowerCase();
  const b = base.toLowerCase();
  if (s === b) return true;
  const m = / \(\d+\)$/.exec(s);
  return m !== null && m.index > 0 && b.startsWith(s.slice(0, m.index));
}

/** Excel's 31-character limit leaves room for ` (n)`. */
function truncated(base: string, room: number): string {
  return base.length + room > 31 ? base.slice(0, 31 - room) : base;
}

function numbered(base: string, k: number): string {
  return k === 1 ? base : `${truncated(base, String(k).length + 3)} (${k})`;
}

export function planSheets(
  layout: WorkbookLayout,
  existing: ExistingSheet[],
  roleOf: (name: string) => string | undefined,
): Planned[] {
  const used = new Set(existing.map((s) => s.name.toLowerCase()));
  const replacing = new Set<string>();
  const plan: Planned[] = [];
  let temp = 0;
  const tempName = (): string => {
    let n: string;
    do n = `ChiTieu~${++temp}`;
    while (used.has(n.toLowerCase()));
    used.add(n.toLowerCase());
    return n;
  };
  for (const l of layout.sheets) {
    // Our own sheet of the same role, under the plain name or a numbered one, is replaced in place…
    let own: ExistingSheet | undefined;
    for (let k = 1; k <= 100 && !own; k++) {
      const name = numbered(l.name, k);
      const ex = existing.find((s) => sameName(s.name, name));
      if (ex && !replacing.has(ex.name.toLowerCase()) && roleOf(ex.name) === l.role) own = ex;
    }
    if (own) {
      replacing.add(own.name.toLowerCase());
      plan.push({
        layout: l,
        name: own.name,
        writeAs: tempName(),
        replaces: { sheet: own.sheet, position: own.position },
        replacesName: own.name,
        tables: [],
      });
      continue;
    }
    // …otherwise the first free name: the user's sheets keep theirs.
    let k = 1;
    while (used.has(numbered(l.name, k).toLowerCase())) k++;
    const name = numbered(l.name, k);
    used.add(name.toLowerCase());
    plan.push({ layout: l, name, writeAs: name, tables: [] });
  }
  return plan;
}

/**
 * Throws when a table or name the layout needs belongs to someone else; returns the defined names
 * that are stale (dangling, or on a sheet being replaced), to delete before writing the new ones.
 */
export function checkConflicts(
  layout: WorkbookLayout,
  plan: Planned[],
  existing: ExistingSheet[],
  existingNames: ExistingName[],
  takenTables: Map<string, Excel.Range>,
  /** Whether the add-in could read its markers (ExcelApi 1.4): else it cannot tell its own sheets. */
  markersSeen: boolean,
): string[] {
  const replaced = new Set(plan.filter((p) => p.replaces).map((p) => p.replacesName as string));
  for (const [tableName, range] of takenTables) {
    const where = splitAddress(range.address).sheet ?? "";
    if (![...replaced].some((n) => sameName(n, where))) throw tableExists(tableName, where, markersSeen);
  }
  const staleNames: string[] = [];
  for (const n of layout.names) {
    const found = existingNames.find((x) => sameName(x.name, n.name));
    if (!found) continue;
    const target = found.type === "Range" ? splitAddress(String(found.value)).sheet : undefined;
    const dangling = found.type === "Error" || !target || !existing.some((s) => sameName(s.name, target));
    if (dangling || [...replaced].some((r) => sameName(r, target as string))) staleNames.push(found.name);
    else {
      throw new ExcelActionError(
        `Sổ tính này đã có tên ${found.name} trỏ tới trang "${target}". Mỗi sổ chỉ chứa một báo cáo: hãy mở một sổ mới rồi chèn lại.`,
        `This workbook already has the name ${found.name}, pointing at sheet "${target}". A workbook holds one report: open a new workbook and insert again.`,
        "NameExists",
      );
    }
  }
  for (const t of layout.sheets.flatMap((s) => s.tables)) {
    if (existingNames.some((n) => sameName(n.name, t.name))) {
      throw new ExcelActionError(
        `Sổ tính đã có một tên xác định "${t.name}", trùng tên bảng cần tạo. Hãy mở một sổ mới rồi chèn lại.`,
        `The workbook has a defined name "${t.name}", the name of the table to create. Open a new workbook and insert again.`,
        "NameExists",
      );
    }
  }
  return staleNames;
}

function tableExists(tableName: string, where: string, seen: boolean): ExcelActionError {
  return new ExcelActionError(
    seen
      ? `Sổ tính này đã có bảng ${tableName} (ở trang "${where}"), không do phần bổ trợ tạo. Mỗi sổ chỉ chứa một báo cáo: hãy mở một sổ mới rồi chèn lại.`
      : `Sổ tính này đã có bảng ${tableName} (ở trang "${where}"). Phiên bản Excel này không cho phần bổ trợ nhận ra trang do mình tạo, nên không thay thế: hãy xóa trang đó hoặc mở một sổ mới rồi chèn lại.`,
    seen
      ? `This workbook already has a ${tableName} table (on sheet "${where}") that the add-in did not write. A workbook holds one report: open a new workbook and insert again.`
      : `This workbook already has a ${tableName} table (on sheet "${where}"). This version of Excel does not let the add-in recognise its own sheets, so it replaces none: delete that sheet or open a new workbook and insert again.`,
    "TableExists",
  );
}
