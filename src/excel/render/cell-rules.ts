import { STYLES } from "../../core/layout/styles";
import type { ConditionalFormat, Validation, ValidationOperator } from "../../core/layout/types";

/* Data validation and conditional formats, from the layout's model to Office.js's. */

const OPERATORS: Record<ValidationOperator, Excel.DataValidationOperator> = {
  between: "Between" as Excel.DataValidationOperator,
  notBetween: "NotBetween" as Excel.DataValidationOperator,
  equal: "EqualTo" as Excel.DataValidationOperator,
  notEqual: "NotEqualTo" as Excel.DataValidationOperator,
  greaterThan: "GreaterThan" as Excel.DataValidationOperator,
  lessThan: "LessThan" as Excel.DataValidationOperator,
  greaterThanOrEqual: "GreaterThanOrEqualTo" as Excel.DataValidationOperator,
  lessThanOrEqual: "LessThanOrEqualTo" as Excel.DataValidationOperator,
};

/** Layout formulas come without `=`; Office wants numbers as numbers and formulas with `=`. */
function operand(f: string): string | number {
  return /^-?\d+(\.\d+)?$/.test(f) ? Number(f) : `=${f}`;
}

export function ruleOf(v: Validation): Excel.DataValidationRule {
  const [f1 = "", f2] = v.formulas;
  const operator = OPERATORS[v.operator ?? "between"];
  const basic = (): Excel.BasicDataValidation => {
    const b: Excel.BasicDataValidation = { formula1: operand(f1), operator };
    if (f2 !== undefined) b.formula2 = operand(f2);
    return b;
  };
  switch (v.type) {
    case "whole":
      return { wholeNumber: basic() };
    case "decimal":
      return { decimal: basic() };
    case "textLength":
      return { textLength: basic() };
    case "date": {
      const d: Excel.DateTimeDataValidation = { formula1: `=${f1}`, operator };
      if (f2 !== undefined) d.formula2 = `=${f2}`;
      return { date: d };
    }
    case "list":
      return {
        list: { inCellDropDown: true, source: /^".*"$/.test(f1) ? f1.slice(1, -1) : `=${f1}` },
      };
    case "custom":
      return { custom: { formula: `=${f1}` } };
  }
}

/** `s` in NFC, cut to `max` characters with "…" when longer (Excel's limits on a rule's messages). */
export function clip(s: string, max: number): string {
  const t = s.normalize("NFC");
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

export function addConditional(range: Excel.Range, c: ConditionalFormat): void {
  if (c.kind === "textEquals") {
    const spec = STYLES[c.style];
    const cf = range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
    cf.cellValue.format.font.color = `#${spec.color ?? "000000"}`;
    cf.cellValue.format.fill.color = `#${spec.fill ?? "FFFFFF"}`;
    cf.cellValue.rule = { formula1: `="${c.text.replace(/"/g, '""')}"`, operator: "EqualTo" };
    return;
  }
  const cf = range.conditionalFormats.add("IconSet" as Excel.ConditionalFormatType);
  cf.iconSet.style = (
    c.icons === "3TrafficLights1" ? "ThreeTrafficLights1" : "ThreeSymbols"
  ) as Excel.IconSet;
  cf.iconSet.reverseIconOrder = c.reverse ?? false;
  if (c.iconsOnly) cf.iconSet.showIconOnly = true;
  cf.iconSet.criteria = [
    {} as Excel.ConditionalIconCriterion,
    { type: "Number", operator: "GreaterThanOrEqual", formula: `=${c.thresholds[0]}` },
    { type: "Number", operator: "GreaterThanOrEqual", formula: `=${c.thresholds[1]}` },
  ] as Excel.ConditionalIconCriterion[];
}
