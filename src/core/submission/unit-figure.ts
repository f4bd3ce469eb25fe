import type { Origin } from "../issues";

/* What reading a submission's rows yields: the figures that enter the consolidation. */

/** A unit's figure for one indicator as it enters, with where it came from. */
export interface UnitFigure {
  indicator: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** The unit's own target for the period (`Kế hoạch`), in the indicator's unit (rates: points). */
  plan: number | null;
  /** A summary's own counts, when it is one: units of the level below, and base units (communes). */
  reporting?: number;
  expected?: number;
  reportingBase?: number;
  /** The cell a person would fix: the value, or a rate's numerator. */
  at: Origin;
  /** A rate's denominator cell. */
  denominatorAt?: Origin;
}

/** A figure as its value columns give it, before the row's target and counts are added. */
export type FigureRead = Omit<UnitFigure, "plan" | "reporting" | "expected" | "reportingBase">;

/** What a summary carries beside its own figures, so that consolidating it upward loses nothing. */
export interface SummaryCarried {
  /** Units it expected: of the level below, and base units (communes). */
  expected?: number;
  expectedBase?: number;
  /** Its roster groups' figures, by group name (FORMATS.md §8, 1.1). */
  groups: Map<string, CarriedGroup>;
}

export interface CarriedGroup {
  expected?: number;
  expectedBase?: number;
  /** By indicator, read like the summary's own figures, each with its counts. */
  figures: Map<string, UnitFigure>;
}
