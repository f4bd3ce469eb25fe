import type { Roster, RosterUnit } from "./roster";
import { matchKey } from "../text";

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

const TITLE = /^(xa|phuong|dac khu|thi tran|tinh|thanh pho) /;

function nameKey(name: string): string {
  return matchKey(name).replace(TITLE, "");
}

/** A roster looked up by name and by code a keystroke away, built once: a run may ask 300,000 times. */
interface UnitIndex {
  byName: Map<string, RosterUnit[]>;
  /** Each code, and each code with one character left out, to the units (in roster order) it comes from. */
  byShortened: Map<string, { u: RosterUnit; at: number }[]>;
}

const INDEX = new WeakMap<Roster, UnitIndex>();

function indexOf(roster: Roster): UnitIndex {
  let index = INDEX.get(roster);
  if (index) return index;
  index = { byName: new Map(), byShortened: new Map() };
  const add = <V>(map: Map<string, V[]>, key: string, v: V): void => {
    const list = map.get(key);
    if (list) list.push(v);
    else map.set(key, [v]);
  };
  roster.units.forEach((u, at) => {
    add(index.byName, nameKey(u.name), u);
    for (const key of new Set([u.code, ...deletions(u.code)])) add(index.byShortened, key, { u, at });
  });
  INDEX.set(roster, index);
  return index;
}

function deletions(code: string): string[] {
  return Array.from({ length: code.length }, (_, i) => code.slice(0, i) + code.slice(i + 1));
}

/**
 * Units a person may have meant: by name when one is given (names are not unique, so all matches),
 * else by a code one keystroke away. A hint, never a decision.
 */
export function suggestUnits(roster: Roster, code: string, name?: string, limit = 3): RosterUnit[] {
  const index = indexOf(roster);
  if (name && name.trim()) {
    const byName = index.byName.get(nameKey(name)) ?? [];
    if (byName.length > 0) return byName.slice(0, limit);
  }
  const c = code.trim();
  if (!c) return [];
  // One keystroke apart, two codes share the shorter one, or the same code with one character left
  // out: only those are measured.
  const near = new Map<number, RosterUnit>();
  for (const key of [c, ...deletions(c)])
    for (const x of index.byShortened.get(key) ?? []) near.set(x.at, x.u);
  return [...near.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, u]) => ({ u, d: editDistance(u.code, c) }))
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
