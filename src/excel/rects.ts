/*
 * Cells that share a property, gathered into as few rectangles as possible, so formatting a sheet
 * costs one operation per rectangle rather than one per cell: a 5,000-row summary whose columns are
 * formatted alike needs a handful of operations, not 50,000.
 */

export interface KeyedRect<K> {
  key: K;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `keyAt(row, col)` for 1-based cells of a rows × cols block; undefined means "nothing to do here". */
export function gatherRects<K extends string>(
  rows: number,
  cols: number,
  keyAt: (row: number, col: number) => K | undefined,
): KeyedRect<K>[] {
  const done: KeyedRect<K>[] = [];
  // Rectangles still growing downward, by their column span and key.
  let open = new Map<string, KeyedRect<K>>();
  for (let r = 1; r <= rows; r++) {
    const next = new Map<string, KeyedRect<K>>();
    let c = 1;
    while (c <= cols) {
      const key = keyAt(r, c);
      if (key === undefined) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 <= cols && keyAt(r, end + 1) === key) end++;
      const id = `${c}:${end}:${key}`;
      const grow = open.get(id);
      if (grow && grow.bottom === r - 1) {
        grow.bottom = r;
        next.set(id, grow);
        open.delete(id);
      } else {
        next.set(id, { key, top: r, left: c, bottom: r, right: end });
      }
      c = end + 1;
    }
    for (const rect of open.values()) done.push(rect);
    open = next;
  }
  for (const rect of open.values()) done.push(rect);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}
