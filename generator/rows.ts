import { getIndicator } from "../src/core/catalog/indicators";
import { requiredIndicatorCodes, templateIndicatorCodes, type Template } from "../src/core/catalog/templates";
import type { Indicator } from "../src/core/catalog/types";
import type { ColumnKey } from "../src/core/contract";
import type { RuleId, Severity } from "../src/core/issues";
import { isRateValue, type Part, type RowFault, type SubmissionSpec, type TrueValue } from "./spec";

/*
 * A submission before it has a form: rows of cell contents, and the issues its planted faults must
 * raise, pointing at rows and columns rather than at A1 cells or lines. Each form (forms/*.ts) lays
 * the rows out and turns the pointers into cells or lines, so a fault is written once for all forms.
 */

/** A column of the `ChiTieu` table (src/core/contract.ts). */
export type Column = ColumnKey;

/** What a cell holds, before a form decides how to write it. */
export type Content =
  | { kind: "empty" }
  /** A quantity (count, amount, score, a rate's part): numeric cell, or Vietnamese text. */
  | { kind: "number"; value: number }
  /** A % typed by the unit: a fraction with a % format in a workbook, `47,72%` as text. */
  | { kind: "percent"; points: number }
  /** A rate's derived `Thực hiện`: the template keeps its formula; hand and CSV write the % or nothing. */
  | { kind: "derived"; points: number | null }
  /** A number shown with no % sign and no % format (0,4772). */
  | { kind: "bare"; value: number }
  | { kind: "text"; text: string }
  /** Workbooks only. Without `result`: no cached value. */
  | { kind: "formula"; formula: string; result?: number };

export interface LogicalRow {
  code: string;
  cells: Partial<Record<Column, Content>>;
  /** Appended after the template's own rows (repeated or unknown codes). */
  extra?: boolean;
}

/** Where an issue points, before the form is known. */
export type Pointer =
  | { at: "cell"; row: number; col: Column }
  /** The `Mã chỉ tiêu` header cell; line 1 of a CSV. */
  | { at: "header" }
  /** A metadata cell (the defined name's cell, or the value right of the label); a CSV's first line of the submission. */
  | { at: "meta"; key: "unit" | "unitName" | "period" | "template" | "reportDate" }
  /** The file as a whole. */
  | { at: "file" };

export interface PlannedIssue {
  rule: RuleId;
  severity: Severity;
  indicator?: string;
  at: Pointer;
}

export interface LogicalSubmission {
  rows: LogicalRow[];
  issues: PlannedIssue[];
  /** What enters the figures from this submission, if it is the one used. */
  entered: Map<string, TrueValue>;
  /** Outliers planted on purpose: the truth checks the robust test flags each. */
  plantedOutliers: string[];
}

export type RowsFor = "template" | "hand" | "csv";

const DEFAULT_NAN_TEXT = "đang tổng hợp";

/** Units of measure a planner may write instead of the catalog's, with how many catalog units one is. */
export const CONVERTIBLE_UNITS: Record<string, { to: string; factor: number }> = {
  "tỷ đồng": { to: "triệu đồng", factor: 1000 },
  tạ: { to: "tấn", factor: 0.1 },
  "nghìn người": { to: "người", factor: 1000 },
};

/** The figure written in `uom` for a value that is `catalogValue` in the catalog's unit. */
function inUnit(catalogValue: number, factor: number): number {
  // Multiplying by 10 (tạ) or dividing by 1000 (tỷ) keeps the decimal digits exact.
  return factor >= 1 ? catalogValue / factor : catalogValue * Math.round(1 / factor);
}

export class SpecError extends Error {}

function fail(unit: string, message: string): never {
  throw new SpecError(`${unit}: ${message}`);
}

const pct = (v: { num: number; den: number }): number => (100 * v.num) / v.den;

/** Checks that a clean value raises no rule: the truth then need not guess what a stray value does. */
export function checkCleanValue(unit: string, ind: Indicator, v: TrueValue): void {
  const finite = (x: number): boolean => Number.isFinite(x) && x >= 0;
  if (ind.kind === "rate") {
    if (!isRateValue(v)) fail(unit, `${ind.code} is a rate: give num and den`);
    if (!finite(v.num) || !finite(v.den) || v.den === 0)
      fail(unit, `${ind.code}: bad parts ${v.num}/${v.den}`);
    if (v.num > v.den) fail(unit, `${ind.code}: numerator above denominator (plant the fault instead)`);
    if (ind.numerator?.integer && !Number.isInteger(v.num)) fail(unit, `${ind.code}: fractional numerator`);
    if (ind.denominator?.integer && !Number.isInteger(v.den))
      fail(unit, `${ind.code}: fractional denominator`);
    return;
  }
  if (isRateValue(v)) fail(unit, `${ind.code} is not a rate: give value`);
  if (!finite(v.value)) fail(unit, `${ind.code}: bad value ${v.value}`);
  if (ind.integer && !Number.isInteger(v.value)) fail(unit, `${ind.code}: fractional value`);
  if (ind.range.max !== undefined && v.value > ind.range.max) fail(unit, `${ind.code}: above its range`);
}

function faultIndicator(f: RowFault): string | undefined {
  switch (f.rule) {
    case "unknown-indicator":
      return undefined;
    case "inconsistent-denominator":
      return "HO_CAN_NGHEO";
    case "exceeds-related":
      return "LD_CO_BANG";
    default:
      return f.indicator;
  }
}

/** A formula that adds up to x, as a planner sums two sub-totals. */
function sumFormula(x: number): string {
  const a = Math.floor(x / 2);
  const b = Math.round((x - a) * 100) / 100;
  return `${a}+${b}`;
}

/**
 * The rows of one submission and the issues its faults raise (docs/RULES.md decides the rule,
 * severity, the cell pointed at, and whether the value enters).
 */
export function buildSubmission(
  template: Template,
  unitValues: Record<string, TrueValue>,
  sub: SubmissionSpec,
  form: RowsFor,
): LogicalSubmission {
  const unit = sub.unit;
  const codes = templateIndicatorCodes(template);
  const required = new Set(requiredIndicatorCodes(template));
  const faults = sub.faults ?? [];
  const byIndicator = new Map<string, RowFault>();
  for (const f of faults) {
    const code = faultIndicator(f);
    if (code === undefined) continue;
    if (!codes.includes(code)) fail(unit, `fault ${f.rule} on ${code}, which ${template.id} does not have`);
    if (byIndicator.has(code)) fail(unit, `two faults on ${code}: plant one per indicator`);
    byIndicator.set(code, f);
  }

  const values = new Map<string, TrueValue>();
  for (const code of codes) {
    const v = unitValues[code];
    if (v) {
      checkCleanValue(unit, getIndicator(code), v);
      values.set(code, v);
    }
  }
  for (const code of required) {
    const f = byIndicator.get(code);
    const leftOut = f?.rule === "missing-value" || f?.rule === "missing-indicator";
    if (!values.has(code) && !leftOut) fail(unit, `no value for required ${code}`);
  }
  for (const code of sub.formulas ?? []) {
    if (getIndicator(code).kind === "rate")
      fail(unit, `${code}: a rate's parts are typed; formulas are planted on counts and amounts`);
  }
  const ho = values.get("HO_NGHEO");
  const hcn = values.get("HO_CAN_NGHEO");
  if (ho && hcn && isRateValue(ho) && isRateValue(hcn) && ho.den !== hcn.den) {
    fail(unit, "HO_CAN_NGHEO must share HO_NGHEO's denominator (plant inconsistent-denominator instead)");
  }
  const ld = values.get("LD_DAO_TAO");
  const lcb = values.get("LD_CO_BANG");
  if (ld && lcb && isRateValue(ld) && isRateValue(lcb) && pct(lcb) > pct(ld)) {
    fail(unit, "LD_CO_BANG above LD_DAO_TAO (plant exceeds-related instead)");
  }

  const rows: LogicalRow[] = [];
  const issues: PlannedIssue[] = [];
  const entered = new Map<string, TrueValue>();
  const plantedOutliers: string[] = [];
  const extras: LogicalRow[] = [];
  const rowIndex = new Map<string, number>();

  const cell = (row: number, col: Column): Pointer => ({ at: "cell", row, col });
  const extraPointers: [{ at: "cell"; row: number; col: Column }, number][] = [];
  const extraPointer = (k: number): Pointer => {
    const p = { at: "cell" as const, row: -1, col: "code" as const };
    extraPointers.push([p, k]);
    return p;
  };
  const issue = (rule: RuleId, severity: Severity, at: Pointer, indicator?: string): void => {
    issues.push(indicator === undefined ? { rule, severity, at } : { rule, severity, indicator, at });
  };

  for (const code of codes) {
    const ind = getIndicator(code);
    const fault = byIndicator.get(code);
    let v = values.get(code);
    if (fault?.rule === "missing-indicator") {
      if (form === "template")
        fail(unit, "missing-indicator needs a hand or CSV form (the template has every row)");
      if (!required.has(code)) fail(unit, `${code} is optional: leaving it out is no issue`);
      issue("missing-indicator", "warning", { at: "header" }, code);
      continue;
    }
    if (!v && !fault) {
      // An optional row left empty: the template and hand sheets show it, a CSV leaves it out.
      if (form === "csv") continue;
      rows.push(emptyRow(ind));
      continue;
    }
    const r = rows.length;
    rowIndex.set(code, r);
    const row = baseRow(ind, sub, r === 0);
    rows.push(row);
    if (!fault) {
      if (!v) continue;
      fillClean(row, v, sub.formulas?.includes(code) ?? false);
      entered.set(code, v);
      continue;
    }
    if (fault.rule === "outlier") {
      v = fault.set;
      checkCleanValue(unit, ind, v);
      fillClean(row, v, false);
      entered.set(code, v);
      plantedOutliers.push(code);
      continue;
    }
    if (!v && fault.rule !== "missing-value")
      fail(unit, `fault ${fault.rule} on ${code} needs its true value`);
    applyFault(fault, ind, v, row, r);
  }

  function applyFault(
    f: RowFault,
    ind: Indicator,
    v: TrueValue | undefined,
    row: LogicalRow,
    r: number,
  ): void {
    const code = ind.code;
    const rate = ind.kind === "rate";
    const partOf = (p: Part | undefined): Part => p ?? (rate ? "numerator" : "value");
    const rv = v && isRateValue(v) ? v : undefined;
    const pv = v && !isRateValue(v) ? v : undefined;
    switch (f.rule) {
      case "missing-value": {
        const t = f.text ?? "";
        const c: Content = t ? { kind: "text", text: t } : { kind: "empty" };
        if (rate) {
          // The derived % stays as the template has it: with no parts it shows nothing.
          row.cells.numerator = c;
          row.cells.denominator = c;
          row.cells.value = { kind: "derived", points: null };
        } else row.cells.value = c;
        if (!required.has(code)) fail(unit, `${code} is optional: an empty row is no issue`);
        issue("missing-value", "warning", cell(r, rate ? "numerator" : "value"), code);
        return;
      }
      case "not-a-number":
      case "formula-without-value":
      case "negative":
      case "not-an-integer": {
        const part = partOf(f.part);
        if (rate && part === "value") fail(unit, `${f.rule} on a rate's Thực hiện: put it on a part`);
        if (f.rule === "formula-without-value" && form === "csv") fail(unit, "a CSV has no formulas");
        fillClean(row, v as TrueValue, false);
        const x =
          part === "value"
            ? (pv as { value: number }).value
            : (rv as { num: number; den: number })[part === "numerator" ? "num" : "den"];
        let c: Content;
        if (f.rule === "not-a-number") c = { kind: "text", text: f.text ?? DEFAULT_NAN_TEXT };
        else if (f.rule === "formula-without-value") c = { kind: "formula", formula: sumFormula(x) };
        else if (f.rule === "negative") c = { kind: "number", value: x === 0 ? -1 : -x };
        else {
          const integer = rate
            ? (part === "numerator" ? ind.numerator : ind.denominator)?.integer
            : ind.integer;
          if (!integer) fail(unit, `not-an-integer on ${code} ${part}, which may hold fractions`);
          c = { kind: "number", value: x + 0.5 };
        }
        row.cells[part] = c;
        if (rate) row.cells.value = { kind: "derived", points: null };
        issue(f.rule, "error", cell(r, part), code);
        return;
      }
      case "out-of-range": {
        if (rate) {
          row.cells.numerator = { kind: "number", value: 0 };
          row.cells.denominator = { kind: "number", value: 0 };
          row.cells.value = { kind: "derived", points: null };
          issue("out-of-range", "error", cell(r, "denominator"), code);
          return;
        }
        if (ind.range.max === undefined) fail(unit, `${code} has no upper bound to exceed`);
        row.cells.value = { kind: "number", value: ind.range.max + 2 };
        issue("out-of-range", "error", cell(r, "value"), code);
        return;
      }
      case "numerator-exceeds-denominator": {
        if (!rv) fail(unit, `${code} is not a rate`);
        const excess = f.excess ?? Math.max(1, Math.round(rv.den * 0.04));
        const bad = { num: rv.den + excess, den: rv.den };
        fillClean(row, bad, false);
        const allowed = ind.range.aboveMax === "warning";
        issue("numerator-exceeds-denominator", allowed ? "warning" : "error", cell(r, "numerator"), code);
        if (allowed) entered.set(code, bad);
        else row.cells.value = { kind: "derived", points: null };
        return;
      }
      case "missing-denominator": {
        if (!rv) fail(unit, `${code} is not a rate`);
        row.cells.denominator = { kind: "empty" };
        if ((f.keep ?? "value") === "value") {
          row.cells.numerator = { kind: "empty" };
          row.cells.value = { kind: "percent", points: pct(rv) };
        } else {
          row.cells.numerator = { kind: "number", value: rv.num };
          row.cells.value = { kind: "derived", points: null };
        }
        issue("missing-denominator", "error", cell(r, "denominator"), code);
        return;
      }
      case "value-mismatch": {
        if (!rv) fail(unit, `${code} is not a rate`);
        fillClean(row, rv, false);
        const p = pct(rv);
        const shown = f.shown ?? (p + 5 <= 100 ? p + 5 : p - 5);
        if (Math.abs(shown - p) < 0.5)
          fail(unit, `${code}: a mismatch of ${shown} vs ${p} is too close to call`);
        row.cells.value = { kind: "percent", points: shown };
        issue("value-mismatch", "warning", cell(r, "value"), code);
        entered.set(code, rv);
        return;
      }
      case "ambiguous-percent": {
        if (!rv) fail(unit, `${code} is not a rate`);
        // Four decimals, as a person types a fraction (0,4772); the engine reads it against the parts.
        const fraction = Math.round((rv.num / rv.den) * 10000) / 10000;
        if (!(fraction > 0 && fraction < 1)) fail(unit, `${code}: ${fraction} is not between 0 and 1`);
        fillClean(row, rv, false);
        row.cells.value = { kind: "bare", value: fraction };
        issue("ambiguous-percent", "warning", cell(r, "value"), code);
        entered.set(code, rv);
        return;
      }
      case "unit-of-measure": {
        if (!pv) fail(unit, `unit-of-measure is planted on counts and amounts, not on ${code}`);
        const conv = CONVERTIBLE_UNITS[f.uom];
        row.cells.uom = { kind: "text", text: f.uom };
        if (conv && conv.to === ind.unit.vi) {
          row.cells.value = { kind: "number", value: inUnit(pv.value, conv.factor) };
          issue("unit-of-measure", "warning", cell(r, "uom"), code);
          entered.set(code, pv);
        } else {
          if (f.uom === ind.unit.vi) fail(unit, `${f.uom} is ${code}'s own unit`);
          row.cells.value = { kind: "number", value: pv.value };
          issue("unit-of-measure", "error", cell(r, "uom"), code);
        }
        return;
      }
      case "duplicate-row": {
        fillClean(row, v as TrueValue, false);
        const copy: LogicalRow = { code, cells: { ...row.cells }, extra: true };
        delete copy.cells.note;
        delete copy.cells.plan;
        if (f.differ) {
          const changed: TrueValue = rv
            ? { num: rv.num > 0 ? rv.num - 1 : rv.num + 1, den: rv.den }
            : { value: (pv as { value: number }).value + 1 };
          fillClean(copy, changed, false);
        }
        const at = extraPointer(extras.length);
        extras.push(copy);
        if (f.differ) {
          issue("duplicate-row", "error", cell(r, "code"), code);
          issue("duplicate-row", "error", at, code);
        } else {
          issue("duplicate-row", "warning", at, code);
          entered.set(code, v as TrueValue);
        }
        return;
      }
      case "inconsistent-denominator": {
        const hoNgheo = values.get("HO_NGHEO");
        if (!rv || !hoNgheo || !isRateValue(hoNgheo))
          fail(unit, "inconsistent-denominator needs HO_NGHEO and HO_CAN_NGHEO");
        if (byIndicator.has("HO_NGHEO")) fail(unit, "inconsistent-denominator needs a clean HO_NGHEO");
        const moved = { num: rv.num, den: hoNgheo.den + (f.by ?? 25) };
        checkCleanValue(unit, ind, moved);
        fillClean(row, moved, false);
        issue("inconsistent-denominator", "warning", cell(r, "denominator"), code);
        entered.set(code, moved);
        return;
      }
      case "exceeds-related": {
        const ldDaoTao = values.get("LD_DAO_TAO");
        if (!ldDaoTao || !isRateValue(ldDaoTao))
          fail(unit, "exceeds-related needs LD_DAO_TAO and LD_CO_BANG");
        if (byIndicator.has("LD_DAO_TAO")) fail(unit, "exceeds-related needs a clean LD_DAO_TAO");
        const above = { num: ldDaoTao.num + (f.by ?? 15), den: ldDaoTao.den };
        checkCleanValue(unit, ind, above);
        fillClean(row, above, false);
        issue("exceeds-related", "warning", cell(r, "numerator"), code);
        entered.set(code, above);
        return;
      }
      default:
        fail(unit, `fault ${f.rule} cannot be planted on a row`);
    }
  }

  for (const f of faults) {
    if (f.rule !== "unknown-indicator") continue;
    if (codes.includes(f.code)) fail(unit, `${f.code} is a ${template.id} code`);
    const at = extraPointer(extras.length);
    extras.push({
      code: f.code,
      cells: {
        code: { kind: "text", text: f.code },
        name: { kind: "text", text: "Chỉ tiêu bổ sung của xã" },
        uom: { kind: "text", text: "chỉ tiêu" },
        value: { kind: "number", value: 12 },
      },
      extra: true,
    });
    issue("unknown-indicator", "error", at, f.code);
  }
  // Extra rows go after every template row: their pointers are fixed up once that count is known.
  for (const [p, k] of extraPointers) p.row = rows.length + k;
  rows.push(...extras);
  return { rows, issues, entered, plantedOutliers };
}

function emptyRow(ind: Indicator): LogicalRow {
  return {
    code: ind.code,
    cells: {
      code: { kind: "text", text: ind.code },
      name: { kind: "text", text: ind.name.vi },
      uom: { kind: "text", text: ind.unit.vi },
      ...(ind.kind === "rate" ? { value: { kind: "derived", points: null } as Content } : {}),
    },
  };
}

function baseRow(ind: Indicator, sub: SubmissionSpec, first: boolean): LogicalRow {
  const row = emptyRow(ind);
  const target = sub.plan?.[ind.code];
  if (target !== undefined) {
    row.cells.plan =
      ind.kind === "rate" ? { kind: "percent", points: target } : { kind: "number", value: target };
  }
  if (sub.note && first) row.cells.note = { kind: "text", text: sub.note };
  return row;
}

function fillClean(row: LogicalRow, v: TrueValue, asFormula: boolean): void {
  if (isRateValue(v)) {
    row.cells.numerator = { kind: "number", value: v.num };
    row.cells.denominator = { kind: "number", value: v.den };
    row.cells.value = { kind: "derived", points: pct(v) };
    return;
  }
  row.cells.value = asFormula
    ? { kind: "formula", formula: sumFormula(v.value), result: v.value }
    : { kind: "number", value: v.value };
}
