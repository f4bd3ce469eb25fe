import fc from "fast-check";
import { ExactSum, exactSum } from "../../../src/core/exact-sum";

/** The sum done the slow, obviously right way: every term's shortest decimal, added in BigInt. */
function reference(xs: number[]): number {
  let digits = 0n;
  let scale = 0;
  for (const x of xs) {
    const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/i.exec(String(x));
    if (!m) throw new Error(String(x));
    const frac = m[3] ?? "";
    let d = BigInt((m[2] as string) + frac) * (m[1] === "-" ? -1n : 1n);
    let s = frac.length - (m[4] ? Number(m[4]) : 0);
    if (s < 0) {
      d *= 10n ** BigInt(-s);
      s = 0;
    }
    if (s > scale) {
      digits *= 10n ** BigInt(s - scale);
      scale = s;
    }
    digits += d * 10n ** BigInt(scale - s);
  }
  if (scale === 0) return Number(digits);
  const neg = digits < 0n;
  const t = (neg ? -digits : digits).toString().padStart(scale + 1, "0");
  return Number(`${neg ? "-" : ""}${t.slice(0, t.length - scale)}.${t.slice(t.length - scale)}`);
}

const term = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.maxSafeInteger(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53, 2 ** 60, -0, 0.1, 0.2, 1e21),
  fc.integer({ min: -99_999_999, max: 99_999_999 }).map((n) => n / 100),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
);

describe("ExactSum", () => {
  it("gives the exact decimal sum, rounded once, whatever mix of whole and decimal terms", () => {
    fc.assert(
      fc.property(fc.array(term, { maxLength: 40 }), (xs) => {
        expect(exactSum(xs)).toBe(reference(xs));
      }),
      { numRuns: 2000 },
    );
  });

  it("does not depend on the order of the terms", () => {
    fc.assert(
      fc.property(fc.array(term, { maxLength: 30 }), (xs) => {
        expect(exactSum([...xs].reverse())).toBe(exactSum(xs));
      }),
    );
  });

  it("stays exact past 2^53 and counts every term", () => {
    const s = new ExactSum().add(Number.MAX_SAFE_INTEGER).add(2).add(0.5).add(-1);
    expect(s.count).toBe(4);
    expect(s.value()).toBe(Number(BigInt(Number.MAX_SAFE_INTEGER) + 1n));
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    expect(exactSum([1, 2, 3])).toBe(6);
    expect(exactSum([])).toBe(0);
    expect(() => new ExactSum().add(Infinity)).toThrow();
  });
});
