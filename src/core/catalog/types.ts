/** Text every user-facing label carries: Vietnamese first, English beside it. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** How a unit's figure is reported, and so how figures combine across units (INDICATORS.md). */
export type IndicatorKind = "count" | "amount" | "rate" | "score";

/** Over time: flows add up (`sum`), stocks take the latest period (`last`). */
export type TimeAggregation = "sum" | "last";

/** Which way is better; `none` means no pass/fail. */
export type Direction = "higher" | "lower" | "none";

export interface RatePart {
  label: Bilingual;
  /** Unit of measure of the part itself (households, ha, tonnes…). */
  unit: Bilingual;
  /** Whether the part counts things (whole numbers only). */
  integer: boolean;
}

export interface ValidRange {
  min: number;
  max?: number;
  /**
   * `error` rejects a value above max; `warning` lets it in and asks someone to look
   * (BHYT may exceed 100 % when cards are registered by workplace).
   */
  aboveMax?: "error" | "warning";
}

export interface Indicator {
  code: string;
  name: Bilingual;
  /** Unit of measure of the reported value (for a rate: `%`). */
  unit: Bilingual;
  kind: IndicatorKind;
  numerator?: RatePart;
  denominator?: RatePart;
  time: TimeAggregation;
  direction: Direction;
  range: ValidRange;
  /** For counts and scores: the value is a whole number. */
  integer: boolean;
  /** Decimals shown in workbooks (figures are never rounded in the JSON). */
  decimals: number;
  definition: Bilingual;
  /** Where the indicator and its definition come from. */
  source: string;
  /** A rate whose denominator must equal another indicator's (HO_CAN_NGHEO shares HO_NGHEO's households). */
  sameDenominatorAs?: string;
  /** A rate that can never exceed another (LD_CO_BANG ≤ LD_DAO_TAO). */
  atMost?: string;
  /** A change of statistical standard that breaks the series from this year on. */
  seriesBreak?: { fromYear: number; note: Bilingual };
  /** Computed in summaries from two other indicators, never typed in by a unit. */
  derived?: { numerator: string; denominator: string };
}

/** The rules a plan can state (FORMATS.md §6, column `loai`). */
export type PlanRuleKind =
  | "goc"
  | "muc_tieu"
  | "toi_thieu"
  | "toi_da"
  | "giam_moi_nam"
  | "tang_moi_nam"
  | "tang_them"
  | "tong_giai_doan";

/** One row of a plan: unit, indicator, period or phase, rule, value. */
export interface PlanEntry {
  unit: string;
  indicator: string;
  period: string;
  rule: PlanRuleKind;
  value: number;
}
