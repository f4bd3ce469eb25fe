import type { Indicator } from "../catalog/types";
import { COLUMNS } from "../contract";
import type { Origin } from "../issues";
import { convertUnit } from "../values/units";
import { nums } from "../values/numbers";
import { readNumber, readUnitOfMeasure } from "./cell-reading";
import { issue, m, round9, usableNumber, type RowContext } from "./row-context";
import type { RawRow } from "./types";
import type { FigureRead } from "./unit-figure";

/*
 * A quantity's row (a count, an amount, a score): its `Thực hiện`, in the indicator's unit of
 * measure (converted when the row says another of the same kind); a summary's score as Σ scores
 * over the units that gave one.
 */

export function readQuantity(
  ind: Indicator,
  row: RawRow,
  required: boolean,
  ctx: RowContext,
): FigureRead | undefined {
  const label = m(`${ind.code} – ${COLUMNS.value.vi}`, `${ind.code} – ${COLUMNS.value.en}`);
  const at = row.value?.origin ?? row.codeAt;
  // A summary carries a score as Σ scores / units; a unit reports its score alone.
  if (
    ind.kind === "score" &&
    row.denominator &&
    readNumber(row.denominator.cell, ctx.locale).kind === "number"
  ) {
    return readScoreSums(ind, row, ctx);
  }
  const typed = usableNumber(ctx, ind, row.value, label);
  if (typed === undefined) return undefined;
  if (typed === "empty") {
    if (required) {
      issue(
        ctx,
        "warning",
        "missing-value",
        m(`${ind.code}: chưa có số liệu thực hiện`, `${ind.code}: no actual value`),
        at,
        ind.code,
      );
    }
    return undefined;
  }
  if (typed.percent) percentOnQuantity(ctx, ind, typed.value, row.value?.origin ?? at);
  const value = inIndicatorUnit(ind, row, typed.value, at, ctx);
  if (value === undefined || !quantityUsable(ind, value, at, ctx)) return undefined;
  return { indicator: ind.code, numerator: null, denominator: null, value, at };
}

/** The value in the indicator's unit: as written, or converted from the row's unit (named); undefined when it cannot be. */
function inIndicatorUnit(
  ind: Indicator,
  row: RawRow,
  written: number,
  at: Origin,
  ctx: RowContext,
): number | undefined {
  const conv = readUnitOfMeasure(row.uom?.cell, ind);
  if (conv.kind === "unknown" || conv.kind === "incompatible") {
    issue(
      ctx,
      "error",
      "unit-of-measure",
      m(
        `${ind.code}: đơn vị tính "${conv.text}" không khớp "${ind.unit.vi}" và không quy đổi được: không được tổng hợp`,
        `${ind.code}: unit "${conv.text}" does not match "${ind.unit.en}" and cannot be converted: not used`,
      ),
      row.uom?.origin ?? at,
      ind.code,
    );
    return undefined;
  }
  if (conv.kind !== "converted") return written;
  const before = nums(written);
  // By the whole-number ratio of the two units (37637 tạ / 10 is 3763.7), never × 0.1, whose
  // 3763.7000000000003 would make sums depend on how units are grouped into summaries.
  const exact = convertUnit(written, conv.text, ind.unit);
  const value = exact.kind === "converted" ? exact.value : written * conv.factor;
  const after = nums(value);
  issue(
    ctx,
    "warning",
    "unit-of-measure",
    m(
      `${ind.code}: ${before.vi} ${conv.text} đã quy đổi thành ${after.vi} ${ind.unit.vi}`,
      `${ind.code}: ${before.en} ${conv.text} converted to ${after.en} ${ind.unit.en}`,
    ),
    row.uom?.origin ?? at,
    ind.code,
  );
  return value;
}

/** Not negative, whole where the indicator counts things, within its range. */
function quantityUsable(ind: Indicator, value: number, at: Origin, ctx: RowContext): boolean {
  if (value < 0) {
    issue(
      ctx,
      "error",
      "negative",
      m(`${ind.code}: giá trị âm (${nums(value).vi})`, `${ind.code}: negative value (${nums(value).en})`),
      at,
      ind.code,
    );
    return false;
  }
  if (ind.integer && !Number.isInteger(round9(value))) {
    issue(
      ctx,
      "error",
      "not-an-integer",
      m(
        `${ind.code}: ${nums(value).vi} không phải số nguyên (${ind.unit.vi})`,
        `${ind.code}: ${nums(value).en} is not a whole number (${ind.unit.en})`,
      ),
      at,
      ind.code,
    );
    return false;
  }
  if (ind.range.max !== undefined && value > ind.range.max) {
    issue(
      ctx,
      "error",
      "out-of-range",
      m(
        `${ind.code}: ${nums(value).vi} ngoài khoảng ${ind.range.min}–${ind.range.max}`,
        `${ind.code}: ${nums(value).en} is outside ${ind.range.min}–${ind.range.max}`,
      ),
      at,
      ind.code,
    );
    return false;
  }
  return true;
}

/**
 * A `%` (typed, or the cell's format) on a figure that is not a rate: `47,72%` for revenue in triệu
 * đồng. The number as shown is used, since a planner who typed it meant that figure; the `%` may
 * still mean a share was written where the amount belongs, so someone should look.
 */
function percentOnQuantity(ctx: RowContext, ind: Indicator, value: number, at: Origin): void {
  const shown = nums(value);
  issue(
    ctx,
    "warning",
    "ambiguous-percent",
    m(
      `${ind.code}: Thực hiện ghi ${shown.vi}% nhưng chỉ tiêu này tính bằng ${ind.unit.vi}, không phải tỷ lệ: đã dùng ${shown.vi} ${ind.unit.vi}; nếu đúng vậy hãy bỏ dấu %, nếu không hãy ghi số ${ind.unit.vi}`,
      `${ind.code}: Actual written ${shown.en}% but this indicator is in ${ind.unit.en}, not a rate: ${shown.en} ${ind.unit.en} was used; if that is right remove the %, else write the figure in ${ind.unit.en}`,
    ),
    at,
    ind.code,
  );
}

function readScoreSums(ind: Indicator, row: RawRow, ctx: RowContext): FigureRead | undefined {
  const n = usableNumber(
    ctx,
    ind,
    row.numerator,
    m(`${ind.code} – ${COLUMNS.numerator.vi}`, `${ind.code} – ${COLUMNS.numerator.en}`),
  );
  const d = usableNumber(
    ctx,
    ind,
    row.denominator,
    m(`${ind.code} – ${COLUMNS.denominator.vi}`, `${ind.code} – ${COLUMNS.denominator.en}`),
  );
  if (n === undefined || d === undefined || n === "empty" || d === "empty") {
    if (n === "empty") {
      issue(
        ctx,
        "warning",
        "missing-value",
        m(`${ind.code}: thiếu tử số (tổng điểm)`, `${ind.code}: no numerator (sum of scores)`),
        row.numerator?.origin ?? row.codeAt,
        ind.code,
      );
    }
    return undefined;
  }
  const at = row.numerator?.origin ?? row.codeAt;
  if (
    n.value < 0 ||
    d.value <= 0 ||
    !Number.isInteger(round9(d.value)) ||
    n.value > (ind.range.max ?? Infinity) * d.value
  ) {
    issue(
      ctx,
      "error",
      "out-of-range",
      m(
        `${ind.code}: tổng điểm ${nums(n.value).vi} trên ${nums(d.value).vi} đơn vị không hợp lệ`,
        `${ind.code}: a score sum of ${nums(n.value).en} over ${nums(d.value).en} units is not valid`,
      ),
      at,
      ind.code,
    );
    return undefined;
  }
  return { indicator: ind.code, numerator: n.value, denominator: d.value, value: n.value / d.value, at };
}
