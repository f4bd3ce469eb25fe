import type { Roster, RosterUnit } from "./roster";
import { matchKey } from "./text";

/** Levenshtein distance, small strings only (codes and names). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/**
 * Units a person may have meant: by name when one is given (names are not unique, so all matches),
 * else by a code one keystroke away. A hint, never a decision.
 */
export function suggestUnits(roster: Roster, code: string, name?: string, limit = 3): RosterUnit[] {
  if (name && name.trim()) {
    const key = matchKey(name).replace(/^(xa|phuong|dac khu|thi tran|tinh|thanh pho) /, "");
    const byName = roster.units.filter((u) => {
      const k = matchKey(u.name).replace(/^(xa|phuong|dac khu|thi tran|tinh|thanh pho) /, "");
      return k === key;
    });
    if (byName.length > 0) return byName.slice(0, limit);
  }
  const c = code.trim();
  if (!c) return [];
  return roster.units
    .filter((u) => u.code.length === c.length || Math.abs(u.code.length - c.length) === 1)
    .map((u) => ({ u, d: editDistance(u.code, c) }))
    .filter((x) => x.d <= 1)
    .sort((a, b) => a.d - b.d || (a.u.code < b.u.code ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.u);
}

/**
 * The units whose codes are nearest to one the list lacks, always some when the list has any: the
 * fewest keystrokes away, then codes of the same length, then the numerically closest (communes
 * of one province are numbered together). A hint for a person, never a decision.
 */
export function nearestUnits(roster: Roster, code: string, limit = 3): RosterUnit[] {
  const c = code.trim();
  if (!c) return [];
  const n = /^\d+$/.test(c) ? Number(c) : undefined;
  const gap = (u: RosterUnit): number =>
    n !== undefined && /^\d+$/.test(u.code) ? Math.abs(Number(u.code) - n) : Number.MAX_SAFE_INTEGER;
  return roster.units
    .map((u) => ({ u, d: editDistance(u.code, c), len: Math.abs(u.code.length - c.length), g: gap(u) }))
    .sort((a, b) => a.d - b.d || a.len - b.len || a.g - b.g || (a.u.code < b.u.code ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.u);
}
