import type { RuleId } from "../../src/core/issues";
import type { LogicalSubmission, Pointer } from "../rows";
import type { SubmissionSpec } from "../spec";

/** Metadata exactly as a file states it (it may be wrong: that is the point of some faults). */
export interface WrittenMeta {
  code: string;
  name: string;
  /** Period text as written; "" when left empty. */
  period: string;
  /** Template id as written (without `@version`). */
  templateId: string;
  reportDate?: string;
  legacyName: boolean;
}

export interface PreparedSubmission {
  spec: SubmissionSpec;
  meta: WrittenMeta;
  logical: LogicalSubmission;
}

/** Where an issue points in a written file. */
export interface Location {
  sheet?: string;
  cell?: string;
  line?: number;
}

export interface WrittenFile {
  bytes: Uint8Array;
  /** Turns a pointer of submission `index` into a sheet and cell or a line; the rule matters for label cells. */
  locate(index: number, at: Pointer, rule: RuleId): Location;
  /** For the manifest: how the file was written. */
  describe: Record<string, string | number | boolean>;
}

export interface WriteContext {
  /** The moment stamped into workbooks. */
  stamp: Date;
  /** Sample marker for document properties and notes. */
  marker?: string;
  /** Seed for the file's own cosmetic choices. */
  seed: number;
  /** The template the rows were built for (the run's). */
  runTemplate: string;
}
