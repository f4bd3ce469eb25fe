import { getIndicator } from "../../src/core/catalog/indicators";
import { findTemplate, requiredIndicatorCodes } from "../../src/core/catalog/templates";

/*
 * The Front's programme (seed 002, template mttq-bien-gioi) reported in pieces: quarters, halves,
 * months. Each piece's figures are whole numbers, so the oracle adds them with plain arithmetic.
 */

export const FRONT = findTemplate("mttq-bien-gioi")!;
export const FRONT_CODES = requiredIndicatorCodes(FRONT);

/** One piece's figures: a count's value, or a rate's numerator and denominator. */
export type PieceFigures = Record<string, { value?: number; numerator?: number; denominator?: number }>;

export function randomPiece(rand: () => number): PieceFigures {
  const out: PieceFigures = {};
  for (const code of FRONT_CODES) {
    if (getIndicator(code).kind === "rate") {
      const denominator = 1 + Math.floor(rand() * 40);
      out[code] = { numerator: Math.floor(rand() * (denominator + 1)), denominator };
    } else out[code] = { value: Math.floor(rand() * 60) };
  }
  return out;
}

/** A long CSV (FORMATS.md §2) of one unit's piece. */
export function pieceCsv(
  unit: string,
  period: string,
  figures: PieceFigures,
  opts: { date?: string; leaveOut?: string } = {},
): string {
  const head = "ma_don_vi,ky_bao_cao,mau_bieu,ngay_bao_cao,ma_chi_tieu,tu_so,mau_so,thuc_hien";
  const lines = Object.entries(figures)
    .filter(([code]) => code !== opts.leaveOut)
    .map(
      ([code, f]) =>
        `${unit},${period},mttq-bien-gioi@1,${opts.date ?? ""},${code},${f.numerator ?? ""},${f.denominator ?? ""},${f.value ?? ""}`,
    );
  return [head, ...lines].join("\n") + "\n";
}

/**
 * The oracle: a unit's figure for the whole from pieces that tile it, by the catalog's `time`
 * (`sum`: added, a rate by its parts; `last`: the latest piece's), pieces given oldest first.
 */
export function oracleUnit(pieces: PieceFigures[]): PieceFigures {
  const out: PieceFigures = {};
  for (const code of FRONT_CODES) {
    const ind = getIndicator(code);
    if (ind.time === "last") {
      out[code] = { ...pieces[pieces.length - 1]![code]! };
      continue;
    }
    const add = (k: "value" | "numerator" | "denominator"): number =>
      pieces.reduce((s, p) => s + (p[code]![k] ?? 0), 0);
    out[code] =
      ind.kind === "rate"
        ? { numerator: add("numerator"), denominator: add("denominator") }
        : { value: add("value") };
  }
  return out;
}

/** The oracle's province figure from its units' figures: counts added, a rate 100 × Σ num / Σ den. */
export function oracleProvince(units: PieceFigures[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const code of FRONT_CODES) {
    if (units.length === 0) {
      out[code] = null;
      continue;
    }
    if (getIndicator(code).kind === "rate") {
      const n = units.reduce((s, u) => s + (u[code]?.numerator ?? 0), 0);
      const d = units.reduce((s, u) => s + (u[code]?.denominator ?? 0), 0);
      out[code] = d > 0 ? (100 * n) / d : null;
    } else out[code] = units.reduce((s, u) => s + (u[code]?.value ?? 0), 0);
  }
  return out;
}
