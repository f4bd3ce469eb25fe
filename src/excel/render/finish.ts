import type { WorkbookLayout } from "../../core/layout/types";
import type { FeatureKey } from "../requirements";
import { MARKER_NAME, markerFormula } from "../sheet-marker";
import type { Planned } from "./placement";
import { OP_BYTES, type Op } from "./requests";

/**
 * The last request: old sheets swapped for their complete successors, tables and names given their
 * contract names, the add-in's markers, protection, and the first sheet brought to the front. A
 * failure before it leaves the old sheets as they were.
 */
export function queueFinish(
  context: Excel.RequestContext,
  layout: WorkbookLayout,
  plan: Planned[],
  staleNames: string[],
  ops: Op[],
  use: (f: FeatureKey) => boolean,
  activate: boolean,
): void {
  const op = (bytes: number, run: () => void): void => {
    ops.push({ bytes: bytes + OP_BYTES, run });
  };
  const names = layout.names.length > 0 || plan.length > 0 ? use("names") : false;
  if (names) {
    for (const n of staleNames) op(n.length, () => context.workbook.names.getItem(n).delete());
  }
  for (const p of plan) {
    const replaces = p.replaces;
    if (!replaces) continue;
    op(p.name.length * 2, () => {
      replaces.sheet.delete();
      const ws = p.ws as Excel.Worksheet;
      ws.name = p.name;
      ws.position = replaces.position;
    });
  }
  for (const p of plan) {
    op(60, () => {
      for (const t of p.tables) {
        const wanted = p.layout.tables.find((x) => x.name === t.layoutName);
        if (wanted) t.table.name = wanted.name;
      }
    });
  }
  if (names) {
    for (const n of layout.names) {
      const p = plan.find((x) => x.layout.name === n.sheet);
      if (!p) throw new Error(`Layout name ${n.name} points at a sheet the layout lacks: ${n.sheet}`);
      op(n.name.length + n.cell.length + 40, () => {
        context.workbook.names.add(n.name, (p.ws as Excel.Worksheet).getRange(n.cell));
      });
    }
    for (const p of plan) {
      const formula = markerFormula(p.layout.role);
      op(MARKER_NAME.length + formula.length, () => {
        (p.ws as Excel.Worksheet).names.add(MARKER_NAME, formula);
      });
    }
  }
  for (const p of plan) {
    if (p.layout.protect && use("protection")) {
      op(80, () => {
        (p.ws as Excel.Worksheet).protection.protect({ allowFormatColumns: true, allowFormatRows: true });
      });
    }
  }
  const first = plan[0];
  if (activate && first) op(20, () => (first.ws as Excel.Worksheet).activate());
}
