import type { Indicator } from "../catalog/types";
import { COLUMNS } from "../contract";
import { readNumber } from "./cell-reading";
import { readQuantity } from "./read-quantity";
import { readRate } from "./read-rate";
import { m, usableNumber, type RowContext } from "./row-context";
import type { RawRow } from "./types";
import type { UnitFigure } from "./unit-figure";

/* One indicator row read into its figure: the value columns, the row's own target, a summary's counts. */

interface RowRead {
  figure?: UnitFigure;
}

export function readRow(ind: Indicator, row: RawRow, required: boolean, ctx: RowContext): RowRead {
  const result: RowRead = {};
  const plan = readPlan(ind, row, ctx);
  const summaryCounts = readSummaryCounts(row, ctx);
  const figure =
    ind.kind === "rate" ? readRate(ind, row, required, ctx) : readQuantity(ind, row, required, ctx);
  if (figure) {
    // Built field by field in one order: spreading objects of varying shapes was the validation's
    // largest single cost.
    const { indicator, numerator, denominator, value, at, denominatorAt } = figure;
    const f: UnitFigure =
      denominatorAt === undefined
        ? { indicator, numerator, denominator, value, at, plan }
        : { indicator, numerator, denominator, value, at, denominatorAt, plan };
    if (summaryCounts) {
      if (summaryCounts.reporting !== undefined) f.reporting = summaryCounts.reporting;
      if (summaryCounts.expected !== undefined) f.expected = summaryCounts.expected;
      if (summaryCounts.reportingBase !== undefined) f.reportingBase = summaryCounts.reportingBase;
    }
    result.figure = f;
  }
  return result;
}

function readPlan(ind: Indicator, row: RawRow, ctx: RowContext): number | null {
  if (!row.plan) return null;
  const r = usableNumber(
    ctx,
    ind,
    row.plan,
    m(`${ind.code} – ${COLUMNS.plan.vi}`, `${ind.code} – ${COLUMNS.plan.en}`),
  );
  return r && r !== "empty" ? r.value : null;
}

type SummaryCounts = Partial<Record<(typeof COUNT_KEYS)[number], number>>;
const COUNT_KEYS = ["reporting", "expected", "reportingBase", "expectedBase"] as const;

export function readSummaryCounts(row: RawRow, ctx: RowContext): SummaryCounts | undefined {
  if (!row.reporting && !row.expected && !row.reportingBase && !row.expectedBase) return undefined;
  const out: SummaryCounts = {};
  for (const key of COUNT_KEYS) {
    const f = row[key];
    if (!f) continue;
    const r = readNumber(f.cell, ctx.locale);
    if (r.kind === "number" && r.value >= 0 && Number.isInteger(r.value)) out[key] = r.value;
  }
  return out;
}
