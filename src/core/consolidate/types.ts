import type { Template } from "../catalog/templates";
import type { Issue } from "../issues";
import type { Period } from "../periods";
import type { UnitStatus } from "../json-report/types";
import type { Roster } from "../roster/roster";
import type { SubmissionMeta } from "../submission/meta";
import type { SummaryCarried, UnitFigure } from "../submission/unit-figure";
import type { RawSubmission } from "../submission/types";
import type { Aggregate } from "./aggregate";

/** A group's figure, with the units it expected (of the level below, and base units). */
export type GroupAggregate = Aggregate & { expected: number; expectedBase: number };
import type { PlanOutcome, PreviousFigures } from "../plan/types";
import type { PlanRow } from "../plan/read-plan";
import type { HistoryEntry } from "../plan/history";

/** A submission as the reading step leaves it: found, its metadata read, and (see `pre`) validated. */
export interface ParsedSubmission {
  raw: RawSubmission;
  meta: SubmissionMeta;
  metaIssues: Issue[];
  rejected: boolean;
  /**
   * Its rows already read against a template, where the reading step knew the template (the run's,
   * or the one the file names): the worker sends back figures and issues instead of every cell, and
   * `raw.rows` is then emptied. Used when the run's template and locale are these.
   */
  pre?: PreValidated;
}

export interface PreValidated {
  template: string;
  locale: "vi" | "en";
  figures: Map<string, UnitFigure>;
  issues: Issue[];
  /** What a summary carries beside its figures (its counts, its groups). */
  summary?: SummaryCarried;
  /** Required indicators without a row (see RowsResult.missing). */
  missing: string[];
}

/**
 * One input file after reading: what a worker thread (CLI) or Web Worker (task pane) sends back.
 * Plain data, so it crosses threads by structured clone.
 */
export interface ParsedFile {
  file: string;
  submissions: ParsedSubmission[];
  /** File-level problems: unreadable, not a submission. */
  issues: Issue[];
}

export interface ConsolidateOptions {
  template?: Template;
  period?: Period;
  roster?: Roster;
  /** Reports signed after this ISO date are late. */
  due?: string;
  locale: "vi" | "en";
  /** The official list of units, to name a scope the roster does not. */
  official?: Roster;
  /** Plan rows (FORMATS.md §6) for the scope and the units. */
  plan?: PlanRow[];
  /** Last period's figures (`--previous`), for pace rules. */
  previous?: { figures: PreviousFigures; year: number };
  /** Problems found reading the plan files: reported, and folded, with the rest. */
  planIssues?: Issue[];
  /**
   * (1.1) The history (`--history`, and `--previous` as one more file): earlier periods of the scope,
   * and the files that could not be read as such (named, never used).
   */
  history?: { entries: HistoryEntry[]; issues: Issue[] };
}

/** A unit as the consolidation sees it: its status and, when used, its figures. */
export interface UnitOutcome {
  code: string;
  name: string;
  status: UnitStatus;
  file?: string;
  files: string[];
  /** Every file its figures came from: the one used, or the pieces that make the period (FORMATS §4a). */
  sources?: string[];
  reportDate?: string;
  figures?: Map<string, UnitFigure>;
  /** The submission was a summary of an inner roster unit. */
  inner: boolean;
}

export interface Consolidation {
  template: Template;
  period: Period;
  scope: { code: string; name: string };
  due?: string;
  roster: Roster;
  /** Every unit of interest: roster leaves, inner units that sent something, unknown senders. */
  units: UnitOutcome[];
  /** Scope figures by indicator code, in the template's summary order. */
  scopeFigures: Map<string, Aggregate>;
  /** Roster units' figures (leaves: their own; inner units: subtotals), by unit then indicator. */
  unitFigures: Map<string, Map<string, Aggregate>>;
  /** Roster group figures, by group then indicator: the roster's groups and those summaries carried. */
  groupFigures: Map<string, Map<string, GroupAggregate>>;
  /** Leaves expected under each roster unit. */
  expected: Map<string, number>;
  /** Base units (communes) expected under each roster unit: a summary counts its own. */
  expectedBase: Map<string, number>;
  /** Targets and statuses against the plan. */
  plan: PlanOutcome;
  /** (1.1) The history used: the scope's earlier periods, oldest first, one entry a period. */
  history: HistoryEntry[];
  issues: Issue[];
}
