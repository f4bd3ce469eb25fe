/**
 * One copy of each equal string. Results that cross from a worker thread arrive with every string
 * copied: the file's path and the sheet's name once for every cell that points at them, each
 * indicator's name and unit, number formats and cell addresses once per file. A national run keeps
 * thousands of such results until it has consolidated them; sharing the copies shrinks them by about
 * two fifths (3,321 workbooks: 188 → 107 MB of heap) and costs no time, since the copies then die
 * young instead of being carried through every garbage collection. Strings are immutable, so which
 * copy an object holds makes no difference to anything else.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  /** Replaces, in place, every string inside `value` (plain objects and arrays) by its pooled copy. */
  share<T>(value: T): T {
    this.walk(value, 0);
    return value;
  }

  private walk(o: unknown, depth: number): void {
    // Parsed files are shallow trees of plain data; the bound only guards against a cycle.
    if (o === null || typeof o !== "object" || depth > 32 || ArrayBuffer.isView(o)) return;
    if (Array.isArray(o)) {
      for (let i = 0; i < o.length; i++) {
        const v: unknown = o[i];
        if (typeof v === "string") o[i] = this.pooled(v);
        else if (v !== null && typeof v === "object") this.walk(v, depth + 1);
      }
      return;
    }
    const record = o as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      if (typeof v === "string") record[key] = this.pooled(v);
      else if (v !== null && typeof v === "object") this.walk(v, depth + 1);
    }
  }

  private pooled(s: string): string {
    const have = this.strings.get(s);
    if (have !== undefined) return have;
    this.strings.set(s, s);
    return s;
  }
}
