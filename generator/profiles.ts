import type { Rng } from "./rng";
import type { TrueValue } from "./spec";

/*
 * Plausible 2026 figures for the mountain communes of Sơn La: sizes first (households, population,
 * villages, agencies, schools), then each indicator's parts from them, so a commune's rates agree
 * with one another (the same households under HO_NGHEO, HO_CAN_NGHEO and GD_VAN_HOA).
 *
 * Figures are spread evenly across the communes of a province (stratified draws), not drawn one by
 * one: a handful of independent draws can bunch up by chance, and then a sound commune at the edge
 * of the range looks like an outlier to the robust test (docs/RULES.md), or nearly does.
 */

/** A quantile in [0, 1) for one indicator of one commune. */
export type Draw = (key: string) => number;

/** Even spreads for `n` communes: per key, a shuffled set of quantiles one to each 1/n slice. */
export class Spread {
  private readonly perms = new Map<string, number[]>();

  constructor(
    private readonly rng: Rng,
    private readonly n: number,
  ) {}

  /** The draw function of commune `i` (0-based). */
  of(i: number): Draw {
    return (key: string): number => {
      let p = this.perms.get(key);
      if (!p) {
        const slices = Array.from({ length: this.n }, (_, k) => (k + 0.2 + 0.6 * this.rng.next()) / this.n);
        p = this.rng.shuffle(slices);
        this.perms.set(key, p);
      }
      return p[i] as number;
    };
  }
}

export interface CommuneSize {
  households: number;
  population: number;
  workers: number;
  villages: number;
  agencies: number;
  schools: number;
  /** Natural land area, ha. */
  area: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const round2 = (x: number): number => Math.round(x * 100) / 100;
const between = (q: number, lo: number, hi: number): number => lo + q * (hi - lo);
const intBetween = (q: number, lo: number, hi: number): number =>
  Math.min(hi, lo + Math.floor(q * (hi - lo + 1)));
/** Even on a log scale: counts and amounts are tested on log10. */
const logBetween = (q: number, lo: number, hi: number): number =>
  Math.exp(between(q, Math.log(lo), Math.log(hi)));

export function communeSize(draw: Draw): CommuneSize {
  const households = intBetween(draw("households"), 900, 2600);
  const population = Math.round(households * between(draw("persons"), 4.2, 5));
  return {
    households,
    population,
    workers: Math.round(population * between(draw("workers"), 0.55, 0.65)),
    villages: intBetween(draw("villages"), 10, 22),
    agencies: intBetween(draw("agencies"), 8, 18),
    schools: intBetween(draw("schools"), 4, 9),
    area: round2(between(draw("area"), 9000, 32000)),
  };
}

const share = (q: number, den: number, lo: number, hi: number): { num: number; den: number } => ({
  num: Math.min(den, Math.round(den * between(q, lo, hi))),
  den,
});

/** Every ktxh-xa indicator, optional ones included. Border communes are poorer and collect less. */
export function ktxhValues(draw: Draw, size: CommuneSize, border: boolean): Record<string, TrueValue> {
  const { households: H, population: P, workers: W, villages: V, agencies: A, schools: S } = size;
  const trained = share(draw("LD_DAO_TAO"), W, 0.28, 0.52);
  const certified = Math.min(trained.num, Math.round(W * between(draw("LD_CO_BANG"), 0.08, 0.18)));
  const budget = round1(between(draw("budget"), 18000, 45000));
  const waste = round1(between(draw("waste"), 250, 1400));
  const q = draw;
  return {
    THU_NS: {
      value: round1(border ? logBetween(q("THU_NS"), 1400, 3500) : logBetween(q("THU_NS"), 1800, 5500)),
    },
    SL_LUONG_THUC: { value: round1(logBetween(q("SL_LUONG_THUC"), 900, 6000)) },
    DAN_GIA_SUC: { value: Math.round(logBetween(q("DAN_GIA_SUC"), 3500, 14000)) },
    LD_DAO_TAO: trained,
    XKLD: { value: Math.round(logBetween(q("XKLD"), 1, 6)) },
    CHE_PHU_RUNG: { num: round2(size.area * between(q("CHE_PHU_RUNG"), 0.38, 0.58)), den: size.area },
    TRUONG_CHUAN: { num: intBetween(q("TRUONG_CHUAN"), 1, S - 1), den: S },
    HO_NGHEO: border ? share(q("HO_NGHEO"), H, 0.26, 0.42) : share(q("HO_NGHEO"), H, 0.12, 0.3),
    BHYT: share(q("BHYT"), P, 0.93, 0.995),
    NTM_TIEU_CHI: { value: intBetween(q("NTM_TIEU_CHI"), 4, 9) },
    TTHC_SO_HOA: share(q("TTHC_SO_HOA"), intBetween(q("records"), 400, 2500), 0.72, 0.98),
    DVC_TOAN_TRINH: share(q("DVC_TOAN_TRINH"), intBetween(q("procedures"), 80, 140), 0.45, 0.9),
    CHI_KHCN_CDS: { num: round1(budget * between(q("CHI_KHCN_CDS"), 0.012, 0.025)), den: budget },
    THU_GOM_CTR: { num: round1(waste * between(q("THU_GOM_CTR"), 0.35, 0.75)), den: waste },
    NUOC_HVS: share(q("NUOC_HVS"), P, 0.86, 0.99),
    NHA_VH_CHUAN: { num: intBetween(q("NHA_VH_CHUAN"), 1, Math.max(1, Math.round(V * 0.4))), den: V },
    ANTT_CO_QUAN: share(q("ANTT_CO_QUAN"), A, 0.8, 1),
    ANTT_KDC: share(q("ANTT_KDC"), V, 0.75, 1),
    KMT_CO_QUAN: share(q("KMT_CO_QUAN"), A, 0.85, 1),
    KMT_KDC: share(q("KMT_KDC"), V, 0.6, 0.95),
    GD_VAN_HOA: share(q("GD_VAN_HOA"), H, 0.68, 0.86),
    HO_CAN_NGHEO: share(q("HO_CAN_NGHEO"), H, 0.06, 0.14),
    LD_CO_BANG: { num: certified, den: W },
  };
}

/** Project 1219 figures of a border commune: reporters and propagandists, units, courses, copies. */
export function deAn1219Values(draw: Draw): Record<string, TrueValue> {
  const reporters = intBetween(draw("reporters"), 12, 35);
  const units = intBetween(draw("units"), 4, 7);
  return {
    TTV_TAI_LIEU: share(draw("TTV_TAI_LIEU"), reporters, 0.3, 0.7),
    TTV_TAP_HUAN: share(draw("TTV_TAP_HUAN"), reporters, 0.25, 0.65),
    DON_VI_TRANG_BI: share(draw("DON_VI_TRANG_BI"), units, 0.4, 1),
    LOP_TAP_HUAN: { value: Math.round(logBetween(draw("LOP_TAP_HUAN"), 2, 5)) },
    TAI_LIEU_PHAT_HANH: { value: Math.round(logBetween(draw("TAI_LIEU_PHAT_HANH"), 200, 1500)) },
  };
}

/** Drops the optional indicators, as most communes leave section C empty. */
export function withoutOptional(
  values: Record<string, TrueValue>,
  optional: readonly string[],
): Record<string, TrueValue> {
  const out = { ...values };
  for (const code of optional) delete out[code];
  return out;
}
