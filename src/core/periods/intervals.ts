import { parsePeriod, yearPeriod, type Period } from "./parse";

/*
 * Periods as intervals of calendar months (FORMATS.md §4, §4a). A month is counted from year 0
 * (`2026 × 12 + 6` is July 2026), so that a phase spanning years is one interval like any other.
 * Vietnamese six- and nine-month reports are cumulative from January: `2026-H1` is January to June,
 * `2026-9M` January to September, and they are intervals like the rest.
 */

/** The first and last month a period covers, counted from year 0 (January 2026 is 2026 × 12). */
export interface MonthSpan {
  first: number;
  last: number;
}

export function monthSpan(p: Period): MonthSpan {
  return { first: p.startYear * 12 + p.startMonth - 1, last: p.endYear * 12 + p.endMonth - 1 };
}

/** Every month a period covers, as `{ year, month }` (month 1–12), in order. */
export function periodMonths(p: Period): { year: number; month: number }[] {
  const { first, last } = monthSpan(p);
  const out: { year: number; month: number }[] = [];
  for (let m = first; m <= last; m++) out.push({ year: Math.floor(m / 12), month: (m % 12) + 1 });
  return out;
}

/** `outer` holds every month of `inner` (a period covers itself). */
export function covers(outer: Period, inner: Period): boolean {
  const o = monthSpan(outer);
  const i = monthSpan(inner);
  return o.first <= i.first && i.last <= o.last;
}

/** `inner` lies within `outer` (a quarter within its year, a year within a phase; a period within itself). */
export function inside(inner: Period, outer: Period): boolean {
  return covers(outer, inner);
}

/** The two periods share at least one month. */
export function overlaps(a: Period, b: Period): boolean {
  const x = monthSpan(a);
  const y = monthSpan(b);
  return x.first <= y.last && y.first <= x.last;
}

/** The pieces cover `whole` exactly: each inside it, no two sharing a month, no month left out. */
export function tiles(pieces: readonly Period[], whole: Period): boolean {
  const w = monthSpan(whole);
  const spans = pieces.map(monthSpan).sort((a, b) => a.first - b.first);
  let next = w.first;
  for (const s of spans) {
    if (s.first !== next || s.last > w.last) return false;
    next = s.last + 1;
  }
  return next === w.last + 1;
}

/** The canonical period of exactly these months, if there is one (a quarter, a half, 9M…). */
export function periodOfMonths(first: number, last: number): Period | undefined {
  const y = Math.floor(first / 12);
  const ey = Math.floor(last / 12);
  const sm = (first % 12) + 1;
  const em = (last % 12) + 1;
  if (last < first) return undefined;
  if (y !== ey) return sm === 1 && em === 12 ? parsePeriod(`${y}-${ey}`) : undefined;
  const n = last - first + 1;
  if (n === 12) return yearPeriod(y);
  if (n === 9 && sm === 1) return parsePeriod(`${y}-9M`);
  if (n === 6 && (sm === 1 || sm === 7)) return parsePeriod(`${y}-H${sm === 1 ? 1 : 2}`);
  if (n === 3 && sm % 3 === 1) return parsePeriod(`${y}-Q${(sm + 2) / 3}`);
  if (n === 1) return parsePeriod(`${y}-M${String(sm).padStart(2, "0")}`);
  return undefined;
}

/** Every canonical period of a year: the year, its halves, nine months, quarters and months. */
export function periodsOfYear(y: number): Period[] {
  const codes = [
    String(y),
    `${y}-H1`,
    `${y}-H2`,
    `${y}-9M`,
    ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`),
    ...Array.from({ length: 12 }, (_, i) => `${y}-M${String(i + 1).padStart(2, "0")}`),
  ];
  return codes.map((c) => parsePeriod(c) as Period);
}

/**
 * The months `whole` has that `taken` leaves out, as the fewest canonical periods a unit could send
 * to fill them (a missing July to December is `2026-H2`, a missing May `2026-M05`): what a message
 * asks for.
 */
export function missingPieces(whole: Period, taken: readonly Period[]): Period[] {
  const w = monthSpan(whole);
  const have = new Set<number>();
  for (const p of taken) {
    const s = monthSpan(p);
    for (let m = Math.max(s.first, w.first); m <= Math.min(s.last, w.last); m++) have.add(m);
  }
  const out: Period[] = [];
  let m = w.first;
  while (m <= w.last) {
    if (have.has(m)) {
      m++;
      continue;
    }
    let end = m;
    while (end + 1 <= w.last && !have.has(end + 1)) end++;
    out.push(...fewestPeriods(m, end));
    m = end + 1;
  }
  return out;
}

/** A run of months as canonical periods, the longest that fits first. */
function fewestPeriods(first: number, last: number): Period[] {
  const out: Period[] = [];
  let m = first;
  while (m <= last) {
    // Candidate lengths, longest first: a year, nine months, a half, a quarter, a month.
    const fit = [12, 9, 6, 3, 1]
      .filter((n) => m + n - 1 <= last)
      .map((n) => periodOfMonths(m, m + n - 1))
      .find((p): p is Period => p !== undefined) as Period;
    out.push(fit);
    m = monthSpan(fit).last + 1;
  }
  return out;
}

/** How the pieces a unit sent stand against the period consolidated. */
export interface Cover<T> {
  /** Pieces used: none overlapping, in order of time. */
  used: T[];
  /** Pieces set aside because they overlap the ones used (never counted twice). */
  leftOut: T[];
  /** What is still missing for the pieces to cover the whole, as canonical periods; empty when they do. */
  missing: Period[];
}

/**
 * Of the pieces inside `whole`, the non-overlapping set that covers the most of it, and among those
 * the one with the fewest pieces (FORMATS.md §4a): an exact tiling when there is one. Pieces outside
 * `whole` are left out. Ties go to the longer piece first, so the choice never depends on the order
 * the pieces came in.
 */
export function findCover<T>(whole: Period, pieces: readonly T[], periodOf: (t: T) => Period): Cover<T> {
  const w = monthSpan(whole);
  const inner = pieces.filter((t) => covers(whole, periodOf(t)));
  const startingAt = new Map<number, T[]>();
  for (const t of inner) {
    const s = monthSpan(periodOf(t));
    const list = startingAt.get(s.first) ?? [];
    list.push(t);
    startingAt.set(s.first, list);
  }
  for (const list of startingAt.values()) list.sort((a, b) => longerFirst(periodOf(a), periodOf(b)));
  // best[m]: the best choice among pieces starting at month m or later (weighted interval scheduling).
  interface Best {
    covered: number;
    count: number;
    pick?: T;
    next: number;
  }
  const best = new Map<number, Best>([[w.last + 1, { covered: 0, count: 0, next: w.last + 1 }]]);
  for (let m = w.last; m >= w.first; m--) {
    const skip = best.get(m + 1) as Best;
    let choice: Best = { covered: skip.covered, count: skip.count, next: m + 1 };
    for (const t of startingAt.get(m) ?? []) {
      const s = monthSpan(periodOf(t));
      const after = best.get(s.last + 1) as Best;
      const cand: Best = {
        covered: after.covered + s.last - s.first + 1,
        count: after.count + 1,
        pick: t,
        next: s.last + 1,
      };
      if (cand.covered > choice.covered || (cand.covered === choice.covered && cand.count < choice.count))
        choice = cand;
    }
    best.set(m, choice);
  }
  const used: T[] = [];
  for (let m = w.first; m <= w.last;) {
    const b = best.get(m) as Best;
    if (b.pick !== undefined) used.push(b.pick);
    m = b.next;
  }
  const usedSet = new Set(used);
  return {
    used,
    leftOut: pieces.filter((t) => !usedSet.has(t)),
    missing: missingPieces(whole, used.map(periodOf)),
  };
}

function longerFirst(a: Period, b: Period): number {
  const x = monthSpan(a);
  const y = monthSpan(b);
  return y.last - y.first - (x.last - x.first) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
