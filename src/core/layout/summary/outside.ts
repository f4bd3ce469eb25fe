import { FOLD_AFTER } from "../../issues-fold";
import type { Report } from "../../json-report/types";
import { formatRounded } from "../../values/numbers";
import type { SummaryOptions } from "./shared";

/**
 * Units that sent something but are not in the roster (unknown codes; without a roster, units whose
 * every submission was rejected): the first FOLD_AFTER are listed row by row like the others, the
 * rest only counted, in one row that says how many and from which files. A province that receives
 * another system's national export then reads its own units and one line about the rest, not
 * 300,000 rows; the JSON report still lists every one. Roster units are always listed.
 */
export interface Outside {
  /** Codes not listed row by row. */
  folded: Set<string>;
  /** The files they came from, in the report's order. */
  files: string[];
}

export function unitsOutside(report: Report, opts: SummaryOptions): Outside {
  const folded = new Set<string>();
  const files = new Set<string>();
  const names = opts.unitNames;
  if (!names) return { folded, files: [] };
  let seen = 0;
  for (const u of report.units) {
    if (names.has(u.code)) continue;
    if (++seen <= FOLD_AFTER) continue;
    folded.add(u.code);
    for (const f of u.files ?? (u.file ? [u.file] : [])) files.add(f);
  }
  return { folded, files: [...files].sort() };
}

/** "… và 299.950 đơn vị khác…", with the files they came from (the first three, then how many more). */
export function outsideText(outside: Outside): { vi: string; en: string; files: string } {
  const n = outside.folded.size;
  const more = outside.files.length - 3;
  return {
    vi: `… và ${formatRounded(n, "vi")} đơn vị khác không có trong danh sách đơn vị (không liệt kê từng đơn vị ở đây; xem báo cáo JSON)`,
    en: `… and ${formatRounded(n, "en")} more units that are not in the roster (not listed one by one here; see the JSON report)`,
    files:
      outside.files.slice(0, 3).join("; ") + (more > 0 ? ` và ${formatRounded(more, "vi")} tệp khác` : ""),
  };
}
