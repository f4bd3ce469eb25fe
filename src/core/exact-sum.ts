/*
 * Exact decimal sums. Figures come from files as decimals (1.922,9; 13.472 households); adding them
 * as binary doubles makes the total depend on the order and the grouping of the terms. Summing the
 * shortest decimal form of each double exactly (BigInt at a common scale) makes the province figure
 * the same whatever the order of the files, and a nation consolidated from province summaries
 * exactly equal to the nation consolidated from communes (DESIGN.md, property 1).
 */

interface Scaled {
  digits: bigint;
  scale: number;
}

/** The shortest decimal that round-trips to `x`, as digits × 10^-scale. */
function toScaled(x: number): Scaled {
  const s = String(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/i.exec(s);
  if (!m) throw new Error(`Not a finite number: ${s}`);
  const sign = m[1] === "-" ? -1n : 1n;
  const intPart = m[2] as string;
  const frac = m[3] ?? "";
  const exp = m[4] ? Number(m[4]) : 0;
  let digits = BigInt(intPart + frac);
  let scale = frac.length - exp;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: sign * digits, scale };
}

function rescale(v: Scaled, scale: number): bigint {
  return v.digits * 10n ** BigInt(scale - v.scale);
}

export class ExactSum {
  private digits = 0n;
  private scale = 0;
  private terms = 0;
  /**
   * Whole-number terms (counts, households…), added as doubles while every partial sum stays a safe
   * integer, so exactly: most figures are whole and need no decimal arithmetic.
   */
  private whole = 0;

  add(x: number): this {
    if (!Number.isFinite(x)) throw new Error(`Cannot add ${x}`);
    this.terms++;
    if (Number.isSafeInteger(x)) {
      // The double sum of two safe integers is a safe integer exactly when it is exact.
      const s = this.whole + x;
      if (Number.isSafeInteger(s)) {
        this.whole = s;
        return this;
      }
    }
    const v = toScaled(x);
    if (v.scale > this.scale) {
      this.digits *= 10n ** BigInt(v.scale - this.scale);
      this.scale = v.scale;
    }
    this.digits += rescale(v, this.scale);
    return this;
  }

  get count(): number {
    return this.terms;
  }

  /** The sum, rounded once to the nearest double. */
  value(): number {
    if (this.digits === 0n && this.scale === 0) return this.whole;
    const digits = this.digits + BigInt(this.whole) * 10n ** BigInt(this.scale);
    if (this.scale === 0) return Number(digits);
    const neg = digits < 0n;
    const abs = neg ? -digits : digits;
    const s = abs.toString().padStart(this.scale + 1, "0");
    const text = `${neg ? "-" : ""}${s.slice(0, s.length - this.scale)}.${s.slice(s.length - this.scale)}`;
    return Number(text);
  }
}

/** Exact sum of numbers, rounded once. */
export function exactSum(xs: Iterable<number>): number {
  const s = new ExactSum();
  for (const x of xs) s.add(x);
  return s.value();
}
