import type { Template } from "../catalog/templates";
import { findIndicator } from "../catalog/indicators";
import { GROUP_TABLE_NAME } from "../contract";
import { codesOf, unknownIndicator } from "./indicator-codes";
import { readRow, readSummaryCounts } from "./read-row";
import { issue, m, type RowContext } from "./row-context";
import type { RawGroupRow, RawRow, RawSubmission } from "./types";
import type { CarriedGroup, SummaryCarried } from "./unit-figure";

/* What a summary carries beside its own figures: the counts it expected, its groups' figures. */

/** A summary's expected counts and its groups' figures; undefined for a unit's own report. */
export function summaryCarried(
  sub: RawSubmission,
  template: Template,
  ctx: RowContext,
): SummaryCarried | undefined {
  const counts = expectedCounts(sub.rows, ctx);
  const groups = sub.groupRows ? readGroupRows(sub.groupRows, template, ctx) : new Map();
  if (counts.expected === undefined && counts.expectedBase === undefined && groups.size === 0)
    return undefined;
  return { ...counts, groups };
}

/** The expected counts of a summary: the same on every row, read from the first that has them. */
function expectedCounts(
  rows: readonly RawRow[],
  ctx: RowContext,
): { expected?: number; expectedBase?: number } {
  const out: { expected?: number; expectedBase?: number } = {};
  for (const row of rows) {
    const c = readSummaryCounts(row, ctx);
    if (out.expected === undefined && c?.expected !== undefined) out.expected = c.expected;
    if (out.expectedBase === undefined && c?.expectedBase !== undefined) out.expectedBase = c.expectedBase;
    if (out.expected !== undefined && out.expectedBase !== undefined) break;
  }
  return out;
}

/**
 * The rows of a summary's group table, read with the rules of its own rows (no value is required:
 * a group may have no figure for an indicator). Derived rows are made again from their parts.
 */
function readGroupRows(
  rows: readonly RawGroupRow[],
  template: Template,
  ctx: RowContext,
): Map<string, CarriedGroup> {
  const { list: templateCodes, allowed, derived } = codesOf(template);
  const groups = new Map<string, CarriedGroup>();
  const seen = new Set<string>();
  for (const row of rows) {
    const code = row.code.trim().toUpperCase();
    if (!row.group) {
      issue(
        ctx,
        "error",
        "missing-value",
        m(
          `Dòng ${code} của bảng ${GROUP_TABLE_NAME} không ghi tên nhóm: số liệu không được tổng hợp`,
          `Row ${code} of the ${GROUP_TABLE_NAME} table names no group: its figures are not used`,
        ),
        row.codeAt,
        code,
      );
      continue;
    }
    if (derived.has(code)) continue;
    const ind = findIndicator(code);
    if (!ind || !allowed.has(code)) {
      unknownIndicator(ctx, row, template, ind, templateCodes);
      continue;
    }
    let g = groups.get(row.group);
    if (!g) {
      g = { figures: new Map() };
      groups.set(row.group, g);
    }
    const counts = readSummaryCounts(row, ctx);
    if (g.expected === undefined && counts?.expected !== undefined) g.expected = counts.expected;
    if (g.expectedBase === undefined && counts?.expectedBase !== undefined)
      g.expectedBase = counts.expectedBase;
    const key = `${row.group}\u0000${code}`;
    if (seen.has(key)) {
      // Two rows for one group and indicator: which one the summary meant cannot be told.
      g.figures.delete(code);
      issue(
        ctx,
        "error",
        "duplicate-row",
        m(
          `Nhóm ${row.group}: chỉ tiêu ${code} ghi hai lần: không dòng nào được tổng hợp`,
          `Group ${row.group}: indicator ${code} appears twice: neither row is used`,
        ),
        row.codeAt,
        code,
      );
      continue;
    }
    seen.add(key);
    const r = readRow(ind, row, false, ctx);
    if (r.figure) g.figures.set(code, r.figure);
  }
  return groups;
}
