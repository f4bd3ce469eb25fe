import { findIndicator } from "../catalog/indicators";
import type { Template } from "../catalog/templates";
import type { Indicator } from "../catalog/types";
import { IssueList } from "../issues-fold";
import type { Issue } from "../issues";
import { readLegacy, type Locale } from "./cell-reading";
import { crossChecks } from "./cross-checks";
import { codesOf, unknownIndicator, type TemplateCodes } from "./indicator-codes";
import { sharedMissing } from "./missing-rows";
import { readRow } from "./read-row";
import { issue, m, type RowContext } from "./row-context";
import { summaryCarried } from "./summary-carried";
import type { FoundCell, RawRow, RawSubmission, StrayRow } from "./types";
import type { SummaryCarried, UnitFigure } from "./unit-figure";

/*
 * A submission's rows read into the figures that enter the consolidation, every value that does not
 * named (docs/RULES.md). The parts, by what they read: read-row.ts (one row: read-rate.ts,
 * read-quantity.ts), summary-carried.ts (a summary's counts and groups), cross-checks.ts (figures
 * against each other), missing-rows.ts (required rows not there), indicator-codes.ts (codes the
 * template takes), row-context.ts (where issues go, cells as numbers), unit-figure.ts (the result).
 */

export interface RowsResult {
  figures: Map<string, UnitFigure>;
  /** Folded per rule (FORMATS.md §8): 300,000 rows of text where numbers belong give 51 issues. */
  issues: Issue[];
  /** What a summary carries beside its figures; absent for a unit's own report. */
  summary?: SummaryCarried;
  /**
   * Required indicators without a row, as codes: `missingIndicatorIssues` names them. Kept this small
   * until the submission is used, since a long CSV may hold 300,000 units each short of twenty rows.
   */
  missing: string[];
}

/** The figures of a submission with none: one map for them all (figure maps are never modified once made). */
export const NO_FIGURES: ReadonlyMap<string, UnitFigure> = new Map();

/**
 * Reads every indicator row of a submission into the figures that enter the consolidation, and names
 * every value that does not (docs/RULES.md).
 */
export function validateRows(
  sub: RawSubmission,
  template: Template,
  unit: string | undefined,
  locale: Locale,
): RowsResult {
  const found = new IssueList();
  const ctx: RowContext = { unit, locale, issues: found };
  const codes = codesOf(template);
  const byCode = rowsByCode(sub.rows, template, codes, ctx);
  nameStrayRows(sub.stray, ctx);
  const figures = readFigures(byCode, codes.requiredSet, ctx);
  const missing = sharedMissing(codes.requiredCodes.filter((code) => !byCode.has(code)));
  const summary = summaryCarried(sub, template, ctx);
  crossChecks(ctx, figures, summary);
  return {
    figures: figures.size > 0 ? figures : (NO_FIGURES as Map<string, UnitFigure>),
    issues: found.list(),
    missing,
    ...(summary ? { summary } : {}),
  };
}

/** The rows of the template's indicators, by code; a row of any other code is named, legacy text too. */
function rowsByCode(
  rows: readonly RawRow[],
  template: Template,
  codes: TemplateCodes,
  ctx: RowContext,
): Map<string, RawRow[]> {
  const byCode = new Map<string, RawRow[]>();
  for (const row of rows) {
    legacyText(ctx, row.name, row.code);
    legacyText(ctx, row.note, row.code);
    const code = row.code.trim().toUpperCase();
    if (codes.derived.has(code)) continue;
    const ind = findIndicator(code);
    if (!ind || !codes.allowed.has(code)) {
      unknownIndicator(ctx, row, template, ind, codes.list);
      continue;
    }
    const list = byCode.get(code) ?? [];
    list.push(row);
    byCode.set(code, list);
  }
  return byCode;
}

/** Rows with figures but no code: their figures cannot be used, so each is named. */
function nameStrayRows(stray: readonly StrayRow[], ctx: RowContext): void {
  for (const s of stray) {
    issue(
      ctx,
      "error",
      "unknown-indicator",
      m(
        `Dòng có số liệu nhưng không có mã chỉ tiêu${s.label ? ` ("${s.label}")` : ""}: số liệu không được tổng hợp`,
        `A row holds figures but no indicator code${s.label ? ` ("${s.label}")` : ""}: its figures are not used`,
      ),
      s.at,
    );
  }
}

/** Each indicator's figure; an indicator written on several rows is used once if they agree, else not at all. */
function readFigures(
  byCode: Map<string, RawRow[]>,
  requiredSet: Set<string>,
  ctx: RowContext,
): Map<string, UnitFigure> {
  const figures = new Map<string, UnitFigure>();
  for (const [code, rows] of byCode) {
    const ind = findIndicator(code) as Indicator;
    const required = requiredSet.has(code);
    if (rows.length === 1) {
      const r = readRow(ind, rows[0]!, required, ctx);
      if (r.figure) figures.set(code, r.figure);
      continue;
    }
    const figure = readRepeated(code, ind, rows, required, ctx);
    if (figure) figures.set(code, figure);
  }
  return figures;
}

/** An indicator on several rows: its figure when they all say the same (the repeats named), else none. */
function readRepeated(
  code: string,
  ind: Indicator,
  rows: RawRow[],
  required: boolean,
  ctx: RowContext,
): UnitFigure | undefined {
  // Each repeat is read only to compare it with the first: a code written 300,000 times holds one read.
  const firstIssues: Issue[] = [];
  const first = readRow(ind, rows[0]!, required, { ...ctx, issues: firstIssues });
  let same = true;
  for (let k = 1; same && k < rows.length; k++)
    same = sameFigure(readRow(ind, rows[k]!, required, { ...ctx, issues: [] }).figure, first.figure);
  if (!same) {
    rows.forEach((row) =>
      issue(
        ctx,
        "error",
        "duplicate-row",
        m(
          `Chỉ tiêu ${code} ghi ${rows.length} lần với số liệu khác nhau: không dòng nào được tổng hợp`,
          `Indicator ${code} appears ${rows.length} times with different figures: none is used`,
        ),
        row.codeAt,
        code,
      ),
    );
    return undefined;
  }
  for (const i of firstIssues) ctx.issues.push(i);
  rows
    .slice(1)
    .forEach((row) =>
      issue(
        ctx,
        "warning",
        "duplicate-row",
        m(
          `Chỉ tiêu ${code} ghi hai lần với cùng số liệu: chỉ tính một lần`,
          `Indicator ${code} appears twice with the same figures: counted once`,
        ),
        row.codeAt,
        code,
      ),
    );
  return first.figure;
}

function sameFigure(a: UnitFigure | undefined, b: UnitFigure | undefined): boolean {
  if (!a || !b) return a === b;
  return a.numerator === b.numerator && a.denominator === b.denominator && a.value === b.value;
}

function legacyText(ctx: RowContext, found: FoundCell | undefined, code: string): void {
  if (!found) return;
  const enc = readLegacy(found.cell);
  if (!enc) return;
  const font = enc.encoding === "tcvn3" ? "TCVN3 (ABC, phông .Vn)" : "VNI (phông VNI-)";
  issue(
    ctx,
    "warning",
    "legacy-encoding",
    m(
      `Chữ gõ bằng bảng mã cũ ${font}: "${enc.text}"${enc.unicode ? ` (có lẽ là "${enc.unicode}")` : ""}; hãy chuyển sang Unicode`,
      `Text typed in the legacy ${enc.encoding.toUpperCase()} encoding: "${enc.text}"${enc.unicode ? ` (probably "${enc.unicode}")` : ""}; convert it to Unicode`,
    ),
    found.origin,
    code.toUpperCase(),
  );
}
