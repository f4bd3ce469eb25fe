import type { Indicator, RatePart } from "../catalog/types";
import { COLUMNS } from "../contract";
import type { Message, Origin } from "../issues";
import { nums } from "../values/numbers";
import { readNumber } from "./cell-reading";
import { issue, m, MISMATCH_TOLERANCE, round9, usableNumber, type RowContext } from "./row-context";
import type { RawRow } from "./types";
import type { FigureRead } from "./unit-figure";

/*
 * A rate's row: its numerator and denominator are what is used (Σ numerators / Σ denominators);
 * a typed `Thực hiện` is only checked against them.
 */

export function readRate(
  ind: Indicator,
  row: RawRow,
  required: boolean,
  ctx: RowContext,
): FigureRead | undefined {
  const nLabel = m(`${ind.code} – ${COLUMNS.numerator.vi}`, `${ind.code} – ${COLUMNS.numerator.en}`);
  const dLabel = m(`${ind.code} – ${COLUMNS.denominator.vi}`, `${ind.code} – ${COLUMNS.denominator.en}`);
  const n = usableNumber(ctx, ind, row.numerator, nLabel);
  const d = usableNumber(ctx, ind, row.denominator, dLabel);
  if (n === undefined || d === undefined) return undefined;
  const nAt = row.numerator?.origin ?? row.value?.origin ?? row.codeAt;
  const dAt = row.denominator?.origin ?? row.value?.origin ?? row.codeAt;
  if (n === "empty" || d === "empty") {
    namePartMissing(
      ind,
      row,
      required,
      ctx,
      { numerator: n === "empty", denominator: d === "empty" },
      nAt,
      dAt,
    );
    return undefined;
  }
  const parts: [RatePart | undefined, number, Origin, Message][] = [
    [ind.numerator, n.value, nAt, nLabel],
    [ind.denominator, d.value, dAt, dLabel],
  ];
  if (!parts.every(([part, value, at, label]) => partUsable(ind, part, value, at, label, ctx)))
    return undefined;
  if (!ratioUsable(ind, n.value, d.value, nAt, dAt, ctx)) return undefined;
  const value = (100 * n.value) / d.value;
  checkTypedRate(ind, row, value, ctx);
  return {
    indicator: ind.code,
    numerator: n.value,
    denominator: d.value,
    value,
    at: nAt,
    denominatorAt: dAt,
  };
}

/**
 * A rate short of a part: nothing at all is missing data (when the row is required); a numerator
 * alone, or a typed rate, cannot be weighted; a denominator alone lacks its numerator.
 */
function namePartMissing(
  ind: Indicator,
  row: RawRow,
  required: boolean,
  ctx: RowContext,
  empty: { numerator: boolean; denominator: boolean },
  nAt: Origin,
  dAt: Origin,
): void {
  const typed = row.value ? readNumber(row.value.cell, ctx.locale) : { kind: "empty" as const };
  if (empty.numerator && empty.denominator && typed.kind === "empty") {
    if (required) {
      issue(
        ctx,
        "warning",
        "missing-value",
        m(`${ind.code}: chưa có tử số và mẫu số`, `${ind.code}: no numerator and denominator`),
        nAt,
        ind.code,
      );
    }
    return;
  }
  if (empty.denominator) {
    issue(
      ctx,
      "error",
      "missing-denominator",
      m(
        `${ind.code}: tỷ lệ không có mẫu số nên không thể gia quyền: hãy ghi ${ind.numerator?.label.vi ?? "tử số"} và ${ind.denominator?.label.vi ?? "mẫu số"}`,
        `${ind.code}: a rate without a denominator cannot be weighted: give ${ind.numerator?.label.en ?? "the numerator"} and ${ind.denominator?.label.en ?? "the denominator"}`,
      ),
      dAt,
      ind.code,
    );
    return;
  }
  issue(
    ctx,
    "warning",
    "missing-value",
    m(`${ind.code}: có mẫu số nhưng thiếu tử số`, `${ind.code}: a denominator but no numerator`),
    nAt,
    ind.code,
  );
}

/** A numerator or denominator is a count that is not negative, and whole where its unit is. */
function partUsable(
  ind: Indicator,
  part: RatePart | undefined,
  value: number,
  at: Origin,
  label: Message,
  ctx: RowContext,
): boolean {
  if (value < 0) {
    issue(
      ctx,
      "error",
      "negative",
      m(`${label.vi}: giá trị âm (${nums(value).vi})`, `${label.en}: negative value (${nums(value).en})`),
      at,
      ind.code,
    );
    return false;
  }
  if (part?.integer && !Number.isInteger(round9(value))) {
    issue(
      ctx,
      "error",
      "not-an-integer",
      m(
        `${label.vi}: ${nums(value).vi} không phải số nguyên (${part.unit.vi})`,
        `${label.en}: ${nums(value).en} is not a whole number (${part.unit.en})`,
      ),
      at,
      ind.code,
    );
    return false;
  }
  return true;
}

/** A denominator above 0 and not below its numerator (where the indicator allows more, with a warning). */
function ratioUsable(
  ind: Indicator,
  numerator: number,
  denominator: number,
  nAt: Origin,
  dAt: Origin,
  ctx: RowContext,
): boolean {
  if (denominator === 0) {
    issue(
      ctx,
      "error",
      "out-of-range",
      m(`${ind.code}: mẫu số bằng 0`, `${ind.code}: the denominator is 0`),
      dAt,
      ind.code,
    );
    return false;
  }
  if (numerator > denominator) {
    const lenient = ind.range.aboveMax === "warning";
    issue(
      ctx,
      lenient ? "warning" : "error",
      "numerator-exceeds-denominator",
      m(
        `Tử số (${nums(numerator).vi}) lớn hơn mẫu số (${nums(denominator).vi})${lenient ? " – được chấp nhận, đề nghị kiểm tra" : ": không được tổng hợp"}`,
        `Numerator (${nums(numerator).en}) exceeds denominator (${nums(denominator).en})${lenient ? " – accepted, please check" : ": not used"}`,
      ),
      nAt,
      ind.code,
    );
    if (!lenient) return false;
  }
  return true;
}

/** A rate's typed `Thực hiện` against 100 × numerator / denominator (which is what is used). */
function checkTypedRate(ind: Indicator, row: RawRow, computed: number, ctx: RowContext): void {
  if (!row.value) return;
  const typed = readNumber(row.value.cell, ctx.locale);
  if (typed.kind !== "number") return; // a derived formula without a cached value, text: n and d decide
  const at = row.value.origin;
  const t = typed.value;
  if (!typed.percent && t > 0 && t < 1) {
    issue(
      ctx,
      "warning",
      "ambiguous-percent",
      m(
        `${ind.code}: Thực hiện ghi ${nums(t).vi} không có dấu %: là ${nums(t).vi} % hay ${nums(t * 100).vi} %? Đã dùng tử số/mẫu số (${nums(computed, 2).vi} %)`,
        `${ind.code}: Actual written ${nums(t).en} without %: ${nums(t).en} % or ${nums(t * 100).en} %? The numerator/denominator were used (${nums(computed, 2).en} %)`,
      ),
      at,
      ind.code,
    );
    return;
  }
  if (Math.abs(t - computed) > MISMATCH_TOLERANCE) {
    issue(
      ctx,
      "warning",
      "value-mismatch",
      m(
        `${ind.code}: Thực hiện ghi ${nums(t, 2).vi} % nhưng tử số/mẫu số cho ${nums(computed, 2).vi} %: đã dùng tử số/mẫu số`,
        `${ind.code}: Actual says ${nums(t, 2).en} % but numerator/denominator give ${nums(computed, 2).en} %: the numerator/denominator were used`,
      ),
      at,
      ind.code,
    );
  }
}
