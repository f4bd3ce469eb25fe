import type { Issue } from "../issues";
import type { Assessment } from "./assess";
import type { PlanRow } from "./read-plan";

/*
 * What the plan step hands the consolidation: apart from apply-plan.ts, which reads a Consolidation,
 * so that the consolidation's types can name these without importing the step that uses them.
 */

/** Last period's figures, by unit then indicator (the scope's own under its code). */
export type PreviousFigures = Map<string, Map<string, number>>;

export interface PlanOutcome {
  scope: Map<string, Assessment>;
  units: Map<string, Map<string, Assessment>>;
  /** For scores: how many units reach the target (INDICATORS.md). */
  unitsReaching: Map<string, number>;
  issues: Issue[];
  /** The rows that were applied, with the units' own targets from their `Kế hoạch` column. */
  applied: PlanRow[];
  /** The scope's history periods judged against the same plan, by period code then indicator. */
  series: Map<string, Map<string, Assessment>>;
}
