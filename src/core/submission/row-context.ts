import type { Indicator } from "../catalog/types";
import type { IssueSink } from "../issues-fold";
import { makeIssue, type Issue, type Message, type Origin } from "../issues";
import { readNumber, type Locale, type NumberRead } from "./cell-reading";
import type { FoundCell } from "./types";

/* What every reader of a submission's rows shares: where issues go, and how a cell becomes a number. */

export interface RowContext {
  unit: string | undefined;
  locale: Locale;
  issues: IssueSink;
}

/** Within this many points a rate's typed % agrees with 100 × numerator / denominator (FORMATS §3a). */
export const MISMATCH_TOLERANCE = 0.05;

export const m = (vi: string, en: string): Message => ({ vi, en });

export function issue(
  ctx: RowContext,
  severity: Issue["severity"],
  rule: Issue["rule"],
  message: Message,
  at: Origin,
  indicator?: string,
): void {
  ctx.issues.push(makeIssue(severity, rule, message, { ...at, unit: ctx.unit, indicator }));
}

/** The cell's number, or a named reason it cannot be used (then undefined). */
export function usableNumber(
  ctx: RowContext,
  ind: Indicator,
  found: FoundCell | undefined,
  what: Message,
): Extract<NumberRead, { kind: "number" }> | "empty" | undefined {
  if (!found) return "empty";
  const r = readNumber(found.cell, ctx.locale);
  if (r.kind === "empty") return "empty";
  if (r.kind === "number") return r;
  if (r.kind === "formula-without-value") {
    issue(
      ctx,
      "error",
      "formula-without-value",
      m(
        `${what.vi}: công thức chưa có giá trị tính sẵn (hãy mở tệp trong Excel, tính lại và lưu): không được tổng hợp`,
        `${what.en}: a formula without a cached result (open the file in Excel, recalculate and save): not used`,
      ),
      found.origin,
      ind.code,
    );
    return undefined;
  }
  issue(
    ctx,
    "error",
    "not-a-number",
    m(`${what.vi}: "${r.text}" không phải là số`, `${what.en}: "${r.text}" is not a number`),
    found.origin,
    ind.code,
  );
  return undefined;
}

/** Round off binary noise before asking whether a number read from a file is whole (1e-9 tolerance). */
export function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
