import type { Grid, GridCell, GridRow } from "./grid";
import { matchKey } from "./text";

/** Column aliases: each key is found by any of its header texts, matched by `matchKey`. */
export type HeaderAliases<K extends string> = Record<K, readonly string[]>;

/** Which column (0-based) holds each key in a header row; keys not found are absent. */
export function mapHeader<K extends string>(
  row: GridRow,
  aliases: HeaderAliases<K>,
): Partial<Record<K, number>> {
  const wanted = wantedKeys(aliases);
  const out: Partial<Record<K, number>> = {};
  row.cells.forEach((c, i) => {
    const text = cellText(c);
    if (!text) return;
    const key = wanted.get(matchKey(text));
    if (key !== undefined && out[key] === undefined) out[key] = i;
  });
  return out;
}

const WANTED = new WeakMap<object, Map<string, string>>();

/** Each alias's key, made once per set of aliases (they are constants) rather than once per row. */
function wantedKeys<K extends string>(aliases: HeaderAliases<K>): Map<string, K> {
  let wanted = WANTED.get(aliases) as Map<string, K> | undefined;
  if (!wanted) {
    wanted = new Map<string, K>();
    for (const key of Object.keys(aliases) as K[]) {
      for (const alias of aliases[key]) wanted.set(matchKey(alias), key);
    }
    WANTED.set(aliases, wanted);
  }
  return wanted;
}

/** The first row within `limit` rows whose header holds every one of `required`. */
export function findHeaderRow<K extends string>(
  grid: Grid,
  aliases: HeaderAliases<K>,
  required: readonly NoInfer<K>[],
  limit = 30,
): { row: GridRow; columns: Partial<Record<K, number>> } | undefined {
  for (const row of grid.rows) {
    if (row.n > limit && grid.kind === "sheet") break;
    const columns = mapHeader(row, aliases);
    if (required.every((k) => columns[k] !== undefined)) return { row, columns };
    if (grid.kind === "csv") break;
  }
  return undefined;
}

/** A cell's content as trimmed text ('' for empty). Numbers are written plainly. */
export function cellText(c: GridCell | undefined): string {
  if (!c || c.value == null) return "";
  return String(c.value).trim();
}
