import { requiredIndicatorCodes, findTemplate } from "../../src/core/catalog/templates";
import { getIndicator } from "../../src/core/catalog/indicators";

/*
 * A long CSV of a whole (made-up) country's communes for one template and period, with the exact
 * figures a consolidation must give: sums kept as integers at a scale of 100 (every value has at
 * most two decimals), so the expected figures are exact, not a float's approximation.
 */

export interface ExpectedFigure {
  code: string;
  kind: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  reporting: number;
}

export interface LongCsv {
  /** Rows of figures (the header not counted). */
  rows: number;
  roster: string;
  expected: ExpectedFigure[];
  /** The file's text, written piece by piece. */
  chunks: Iterable<string>;
}

/** Hundredths as a decimal number: 192290n → 1922.9. */
function fromHundredths(h: bigint): number {
  const neg = h < 0n;
  const a = neg ? -h : h;
  return Number(`${neg ? "-" : ""}${a / 100n}.${String(a % 100n).padStart(2, "0")}`);
}

/** `1922.9` as Vietnamese text: `1922,9`. */
function vi(h: bigint): string {
  return String(fromHundredths(h)).replace(".", ",");
}

/** A small seeded generator (LCG), so each run writes the same bytes. */
function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/**
 * `units` communes × the 21 required indicators of ktxh-xa. `describe`: text for an extra column
 * (`mo_ta_chi_tieu`, as some exporters repeat each indicator's definition on every row), which
 * the extractor reads past without keeping: the file grows, the submissions do not.
 */
export function longCsv(units: number, opts: { seed?: number; describe?: string } = {}): LongCsv {
  const seed = opts.seed ?? 2026;
  const extra = opts.describe === undefined ? "" : `;${opts.describe}`;
  const template = findTemplate("ktxh-xa")!;
  const codes = requiredIndicatorCodes(template);
  const r = rng(seed);
  const unitCode = (i: number): string => `9${String(i).padStart(5, "0")}`;
  const num = new Map<string, bigint>();
  const den = new Map<string, bigint>();
  const sum = new Map<string, bigint>();
  for (const c of codes) {
    num.set(c, 0n);
    den.set(c, 0n);
    sum.set(c, 0n);
  }
  // Values in narrow bands, so no unit is an outlier and every figure enters without a warning.
  const plan = codes.map((code) => {
    const ind = getIndicator(code);
    return { code, ind, base: 1000 + r(5000) };
  });
  function* chunks(): Iterable<string> {
    yield `ma_don_vi;ten_don_vi;ky_bao_cao;mau_bieu;ma_chi_tieu;tu_so;mau_so;thuc_hien${extra ? ";mo_ta_chi_tieu" : ""}\r\n`;
    let buf = "";
    for (let u = 1; u <= units; u++) {
      const code = unitCode(u);
      for (const { code: ind, ind: def, base } of plan) {
        let line: string;
        if (def.kind === "rate") {
          const scaleN = def.numerator?.integer ? 100n : 1n;
          const scaleD = def.denominator?.integer ? 100n : 1n;
          const d = (BigInt(base * 100 + r(base * 20)) / scaleD) * scaleD;
          const n = ((d * BigInt(40 + r(20))) / 100n / scaleN) * scaleN;
          num.set(ind, num.get(ind)! + n);
          den.set(ind, den.get(ind)! + d);
          line = `${code};Xã ${code};2026;ktxh-xa@1;${ind};${vi(n)};${vi(d)};`;
        } else if (def.kind === "score") {
          const v = BigInt(5 + r(4)) * 100n;
          sum.set(ind, sum.get(ind)! + v);
          line = `${code};Xã ${code};2026;ktxh-xa@1;${ind};;;${vi(v)}`;
        } else {
          const scale = def.integer ? 100n : 10n;
          const v = (BigInt(base * 100 + r(base * 20)) / scale) * scale;
          sum.set(ind, sum.get(ind)! + v);
          line = `${code};Xã ${code};2026;ktxh-xa@1;${ind};;;${vi(v)}`;
        }
        buf += line + extra + "\r\n";
      }
      if (buf.length > 1 << 16) {
        yield buf;
        buf = "";
      }
    }
    yield buf;
  }
  const roster = [
    "ma_don_vi,ten_don_vi,cap,ma_cha,nhom",
    "T9,Tỉnh thử,tinh,,",
    ...Array.from({ length: units }, (_, i) => `${unitCode(i + 1)},Xã ${unitCode(i + 1)},xa,T9,`),
  ].join("\n");
  return {
    rows: units * codes.length,
    roster,
    chunks: chunks(),
    get expected(): ExpectedFigure[] {
      // Sums are complete once the chunks have all been written.
      return plan.map(({ code, ind }) => {
        if (ind.kind === "rate") {
          const n = fromHundredths(num.get(code)!);
          const d = fromHundredths(den.get(code)!);
          return {
            code,
            kind: ind.kind,
            value: 100 * (n / d),
            numerator: n,
            denominator: d,
            reporting: units,
          };
        }
        const s = fromHundredths(sum.get(code)!);
        if (ind.kind === "score")
          return {
            code,
            kind: ind.kind,
            value: s / units,
            numerator: s,
            denominator: units,
            reporting: units,
          };
        return { code, kind: ind.kind, value: s, numerator: null, denominator: null, reporting: units };
      });
    },
  };
}
