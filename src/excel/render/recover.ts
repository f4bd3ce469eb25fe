import { sameName, type Planned } from "./placement";

/* After a write request failed: what is in place, and taking away what this run added. */

/** Removes the sheets this run added (by the names they were written under); returns the syncs spent. */
export async function removeSheets(context: Excel.RequestContext, added: string[]): Promise<number> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const doomed = sheets.items.filter((s) => added.some((n) => sameName(n, s.name)));
  if (doomed.length === 0) return 1;
  for (const s of doomed) s.delete();
  await context.sync();
  return 2;
}

/** After the last request failed: whether everything but the print setup is in place. */
export async function essentialsHeld(
  context: Excel.RequestContext,
  plan: Planned[],
): Promise<{ held: boolean; syncs: number }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();
  const present = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  const named = new Set(tables.items.map((t) => t.name.toLowerCase()));
  const placed =
    plan.every((p) => present.has(p.name.toLowerCase())) &&
    plan.every((p) => p.writeAs === p.name || !present.has(p.writeAs.toLowerCase())) &&
    plan.every((p) => p.layout.tables.every((t) => named.has(t.name.toLowerCase())));
  const guarded = plan.filter((p) => p.layout.protect);
  const last = guarded[guarded.length - 1];
  if (!placed || !last) return { held: placed, syncs: 1 };
  // Protection is the last essential step: if the last protected sheet has it, all came through.
  const protection = context.workbook.worksheets.getItem(last.name).protection;
  protection.load("protected");
  await context.sync();
  return { held: protection.protected, syncs: 2 };
}
