import {
  covers,
  findCover,
  inside,
  missingPieces,
  monthSpan,
  overlaps,
  parsePeriod,
  periodMonths,
  periodOfMonths,
  periodsOfYear,
  tiles,
  type Period,
} from "../../../src/core/periods";
import { rng } from "../../support/random-commune";

/*
 * Periods as intervals of months (FORMATS.md §4, §4a): every canonical period of a year, and a
 * phase, against every other; and a property: any tiling of a year by the pieces a unit may send is
 * found, and no month is ever counted twice.
 */

const P = (code: string): Period => parsePeriod(code)!;

/** The months a period holds, written out by hand from the calendar (not from the code under test). */
const MONTHS: Record<string, number[]> = {
  "2026": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  "2026-H1": [1, 2, 3, 4, 5, 6],
  "2026-H2": [7, 8, 9, 10, 11, 12],
  "2026-9M": [1, 2, 3, 4, 5, 6, 7, 8, 9],
  "2026-Q1": [1, 2, 3],
  "2026-Q2": [4, 5, 6],
  "2026-Q3": [7, 8, 9],
  "2026-Q4": [10, 11, 12],
  ...Object.fromEntries(
    Array.from({ length: 12 }, (_, i) => [`2026-M${String(i + 1).padStart(2, "0")}`, [i + 1]]),
  ),
};

/** Months as `year*12 + month` keys, so the phase spans two years. */
function monthKeys(code: string): number[] {
  if (code === "2026-2027")
    return [...MONTHS["2026"]!.map((m) => 2026 * 12 + m), ...MONTHS["2026"]!.map((m) => 2027 * 12 + m)];
  if (code === "2027") return MONTHS["2026"]!.map((m) => 2027 * 12 + m);
  return MONTHS[code]!.map((m) => 2026 * 12 + m);
}

const ALL = [...Object.keys(MONTHS), "2027", "2026-2027"];

describe("every canonical period knows its months", () => {
  test.each(ALL)("%s", (code) => {
    const months = periodMonths(P(code)).map((m) => m.year * 12 + m.month);
    expect(months).toEqual(monthKeys(code));
  });

  test("the canonical periods of a year are the twenty a unit may send", () => {
    expect(
      periodsOfYear(2026)
        .map((p) => p.code)
        .sort(),
    ).toEqual(Object.keys(MONTHS).sort());
  });

  test("a run of months names its canonical period, and only such runs do", () => {
    for (const code of ALL) {
      const s = monthSpan(P(code));
      expect(periodOfMonths(s.first, s.last)?.code).toBe(code);
    }
    // April to September is no period a unit reports for.
    expect(periodOfMonths(2026 * 12 + 3, 2026 * 12 + 8)).toBeUndefined();
  });
});

describe("covers, inside, overlaps: every period against every other", () => {
  const pairs = ALL.flatMap((a) => ALL.map((b) => [a, b] as const));
  test.each(pairs)("%s against %s", (a, b) => {
    const ma = new Set(monthKeys(a));
    const mb = monthKeys(b);
    const shared = mb.filter((m) => ma.has(m)).length;
    expect(covers(P(a), P(b))).toBe(shared === mb.length);
    expect(inside(P(b), P(a))).toBe(shared === mb.length);
    expect(overlaps(P(a), P(b))).toBe(shared > 0);
    expect(tiles([P(b)], P(a))).toBe(a === b);
  });

  test("H1 and 9M are cumulative from January", () => {
    expect(covers(P("2026-H1"), P("2026-Q1"))).toBe(true);
    expect(covers(P("2026-9M"), P("2026-H1"))).toBe(true);
    expect(covers(P("2026-9M"), P("2026-Q3"))).toBe(true);
    expect(covers(P("2026-9M"), P("2026-Q4"))).toBe(false);
    expect(tiles([P("2026-H1"), P("2026-Q3")], P("2026-9M"))).toBe(true);
    expect(tiles([P("2026-9M"), P("2026-Q4")], P("2026"))).toBe(true);
    expect(tiles([P("2026-9M"), P("2026-H2")], P("2026"))).toBe(false);
    expect(tiles([P("2026"), P("2027")], P("2026-2027"))).toBe(true);
    expect(tiles([P("2026-H1"), P("2026-H2"), P("2027")], P("2026-2027"))).toBe(true);
  });
});

describe("finding the pieces that cover a period", () => {
  const codes = (xs: Period[]): string[] => xs.map((p) => p.code);
  const cover = (whole: string, pieces: string[]) => findCover(P(whole), pieces.map(P), (p) => p);

  test("quarters make a year; the fewest pieces win over overlapping ones", () => {
    const c = cover("2026", ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026-H1"]);
    expect(codes(c.used)).toEqual(["2026-H1", "2026-Q3", "2026-Q4"]);
    expect(codes(c.leftOut)).toEqual(["2026-Q1", "2026-Q2"]);
    expect(c.missing).toEqual([]);
  });

  test("a gap is named as the pieces that would fill it", () => {
    expect(codes(cover("2026", ["2026-Q1", "2026-Q2"]).missing)).toEqual(["2026-H2"]);
    expect(codes(cover("2026-H1", ["2026-M01", "2026-M02", "2026-Q2"]).missing)).toEqual(["2026-M03"]);
    expect(codes(cover("2026-9M", ["2026-Q2"]).missing)).toEqual(["2026-Q1", "2026-Q3"]);
    expect(codes(cover("2026-2027", ["2026"]).missing)).toEqual(["2027"]);
    // 9M and H2 overlap in Q3: one is used, and the quarter still missing is asked for.
    const c = cover("2026", ["2026-9M", "2026-H2"]);
    expect(codes(c.used)).toEqual(["2026-9M"]);
    expect(codes(c.leftOut)).toEqual(["2026-H2"]);
    expect(codes(c.missing)).toEqual(["2026-Q4"]);
    expect(codes(missingPieces(P("2026"), [P("2026-M02")]))).toEqual([
      "2026-M01",
      "2026-M03",
      "2026-Q2",
      "2026-H2",
    ]);
  });

  test("pieces outside the period are left out", () => {
    const c = cover("2026-H1", ["2026-Q1", "2026-Q2", "2026-Q3"]);
    expect(codes(c.used)).toEqual(["2026-Q1", "2026-Q2"]);
    expect(codes(c.leftOut)).toEqual(["2026-Q3"]);
  });
});

describe("property: any tiling of a year is found, and no month is counted twice", () => {
  const year = periodsOfYear(2026).filter((p) => p.code !== "2026");

  /** A random tiling of the year from the pieces a unit may send. */
  function randomTiling(rand: () => number): Period[] {
    const out: Period[] = [];
    let m = 2026 * 12;
    while (m < 2027 * 12) {
      const fits = year.filter((p) => monthSpan(p).first === m);
      const p = fits[Math.floor(rand() * fits.length)]!;
      out.push(p);
      m = monthSpan(p).last + 1;
    }
    return out;
  }

  test("400 random sets of pieces", () => {
    const rand = rng(17);
    for (let run = 0; run < 400; run++) {
      const tiling = randomTiling(rand);
      // Extra pieces, overlapping or not, and some of the tiling dropped now and then.
      const extra = year.filter(() => rand() < 0.15);
      const dropped = rand() < 0.3 ? tiling.filter(() => rand() < 0.8) : tiling;
      const sent = [...new Set([...dropped, ...extra])].sort(() => rand() - 0.5);
      const c = findCover(P("2026"), sent, (p) => p);
      const months = c.used.flatMap((p) => periodMonths(p).map((x) => x.month));
      // Never counted twice.
      expect(new Set(months).size).toBe(months.length);
      // Used, left out and missing account for everything.
      expect(c.used.length + c.leftOut.length).toBe(sent.length);
      const covered = new Set([...months, ...c.missing.flatMap((p) => periodMonths(p).map((x) => x.month))]);
      expect(covered.size).toBe(12);
      if (dropped === tiling) {
        // A tiling was among the pieces: one is found, no bigger than it.
        expect(c.missing).toEqual([]);
        expect(tiles(c.used, P("2026"))).toBe(true);
        expect(c.used.length).toBeLessThanOrEqual(tiling.length);
      }
      // Some tiling exists exactly when nothing is missing (brute force over subsets when small).
      if (sent.length <= 12) {
        let exists = false;
        for (let mask = 1; mask < 1 << sent.length && !exists; mask++) {
          const subset = sent.filter((_, i) => mask & (1 << i));
          if (tiles(subset, P("2026"))) exists = true;
        }
        expect(c.missing.length === 0).toBe(exists);
      }
    }
  });
});
