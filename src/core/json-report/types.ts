import type { Issue } from "../issues";

/* The JSON report, `chitieu-report/1` (FORMATS.md §8). Fields beyond the contract are extensions. */

export type UnitStatus = "ok" | "late" | "missing" | "rejected" | "duplicate" | "unknown";

export type PlanStatus = "met" | "on_track" | "behind" | "missed" | "no_target" | "no_data";

export interface ReportUnit {
  code: string;
  name: string;
  status: UnitStatus;
  /** The file used (or, for rejected and duplicate units, the first one received). */
  file?: string;
  /** Every file received from the unit, when more than one. */
  files?: string[];
  /** (1.1) Every file the unit's figures came from: the one used, or the pieces that make the period. */
  sources?: string[];
  level?: string;
  parent?: string;
  groups?: string[];
  reportDate?: string;
}

export interface ReportIndicator {
  code: string;
  name: string;
  unit: string;
  kind: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Units of the level below whose figures entered, and those expected (the roster's leaves). */
  reporting: number;
  expected: number;
  /** The base units (communes) behind the figure, and those expected: a summary counts its own. */
  reportingBase: number;
  expectedBase: number;
  target?: number | null;
  status?: PlanStatus;
  /** For scores: units at or above the target. */
  unitsReachingTarget?: number;
  /** The pace rule's reckoning (giam_moi_nam / tang_moi_nam), when there was something to reckon from. */
  pace?: ReportPace;
  /** (1.1) A phase total (`tong_giai_doan`): the running total the status was judged on. */
  phaseTotal?: ReportPhaseTotal;
}

export interface ReportPhaseTotal {
  phase: string;
  required: number;
  /** The history's figures inside the phase plus this period's. */
  total: number;
  /** The straight line from 0 at the phase's start to `required` at its end, at this period's end. */
  expected: number;
  /** The periods added, oldest first. */
  periods: string[];
  /** Periods of the phase before this one that no history figure covers. */
  missing: string[];
}

export interface ReportPace {
  rule: "giam_moi_nam" | "tang_moi_nam";
  perYear: number;
  fromYear: number;
  fromValue: number;
  /** `previous`: last period's summary; `baseline`: the plan's `goc`. */
  fromSource: "previous" | "baseline";
  change: number;
  required: number;
  met: boolean;
  /** The two figures were measured under different standards (HO_NGHEO from 2027). */
  crossesStandardBreak: boolean;
}

export interface ReportPerUnit {
  unit: string;
  indicator: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target?: number | null;
  status?: PlanStatus;
  pace?: ReportPace;
  phaseTotal?: ReportPhaseTotal;
  /** Inner units of a multi-level roster: the subtotal of their children (`subtotal`) or a unit's own figure. */
  level?: string;
  reporting?: number;
  expected?: number;
}

export interface ReportGroup {
  group: string;
  indicator: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reporting: number;
  expected: number;
  reportingBase: number;
  expectedBase: number;
}

/**
 * (1.1) One indicator in one period of the history, or this one (FORMATS.md §8 `series[]`): the
 * consolidation of `--history` fills it, oldest first; a report without history has none.
 */
export interface ReportSeriesPoint {
  indicator: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target?: number | null;
  status?: PlanStatus;
  /** Beyond the contract: the change from the series' previous period (rates: percentage points). */
  change?: number;
  /** The plan's trajectory in that period: the straight line to the target due. */
  trajectory?: number;
  /** A phase total (`tong_giai_doan`): the running total then, and where the line to it stood. */
  phaseTotal?: Pick<ReportPhaseTotal, "phase" | "total" | "expected" | "required">;
}

export interface Report {
  format: "chitieu-report/1";
  template: string;
  period: string;
  scope: { code: string; name: string };
  units: ReportUnit[];
  indicators: ReportIndicator[];
  perUnit: ReportPerUnit[];
  groups: ReportGroup[];
  issues: Issue[];
  /** (1.1) Each indicator period by period, when a history was given. */
  series?: ReportSeriesPoint[];
}
