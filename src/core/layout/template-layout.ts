import { getIndicator } from "../catalog/indicators";
import { templateTag, type Template } from "../catalog/templates";
import type { Indicator } from "../catalog/types";
import {
  COLUMN_ORDER,
  COLUMNS,
  MAIN_SHEET,
  META_LABELS,
  NAMES,
  TABLE_NAME,
  type ColumnKey,
} from "../contract";
import { describePeriod, type Period } from "../periods";
import { a1 } from "../text";
import { FMT_DATE, FMT_TEXT, partFormat, percentFormat, valueFormat } from "./number-formats";
import { SheetBuilder } from "./sheet-builder";
import type { LayoutCell, SheetLayout, Validation, WorkbookLayout } from "./types";
import { guideSheet } from "./guide-layout";
import { ui, type Lang } from "./template-text";

export interface TemplateRequest {
  template: Template;
  unit: { code: string; name: string };
  period: Period;
  lang: Lang;
}

/** The table's columns, left to right: STT first, then the contract's headers. */
export const TEMPLATE_COLUMNS: readonly ("stt" | ColumnKey)[] = ["stt", ...COLUMN_ORDER];

const WIDTHS = [6, 18, 58, 13, 15, 15, 14, 14, 32];

/** Where things sit on the template sheet; readers never rely on this (they use names and headers). */
export const TEMPLATE_GEOMETRY = {
  headerRow: 9,
  captionRow: 8,
  firstBodyRow: 10,
  meta: {
    unit: "C3",
    unitName: "C4",
    period: "C5",
    template: "C6",
    reportDate: "G3",
    preparedBy: "G4",
    signedBy: "G5",
  },
} as const;

const col = (key: "stt" | ColumnKey): number => TEMPLATE_COLUMNS.indexOf(key) + 1;

const cell = (value: LayoutCell["value"], extra: Omit<LayoutCell, "value"> = {}): LayoutCell => ({
  value,
  ...extra,
});

/** The whole template workbook for one unit and period: the form, then the guide. */
export function templateWorkbook(req: TemplateRequest): WorkbookLayout {
  const main = templateSheet(req);
  const names = (Object.keys(NAMES) as (keyof typeof NAMES)[]).map((key) => ({
    name: NAMES[key],
    sheet: MAIN_SHEET,
    cell: TEMPLATE_GEOMETRY.meta[key],
  }));
  return {
    sheets: [main, guideSheet(req.template, req.lang)],
    names,
    title: `${req.template.name[req.lang]} — ${req.unit.name || req.unit.code} — ${describePeriod(req.period, req.lang)}`,
    subject: templateTag(req.template),
    recalcOnOpen: true,
  };
}

function templateSheet(req: TemplateRequest): SheetLayout {
  const { template, unit, period, lang } = req;
  const text = ui(lang);
  const g = TEMPLATE_GEOMETRY;
  const b = new SheetBuilder(MAIN_SHEET, "template");
  const lastCol = TEMPLATE_COLUMNS.length;
  const other: Lang = lang === "vi" ? "en" : "vi";

  b.widths(WIDTHS);
  b.set(1, 1, cell(template.name[lang].toLocaleUpperCase("vi"), { style: "title" })).merge(1, 1, 1, lastCol);
  b.height(1, 36);
  b.set(2, 1, cell(template.name[other], { style: "subtitle" })).merge(2, 1, 2, lastCol);

  const metaLabel = (key: keyof typeof META_LABELS): LayoutCell =>
    cell(`${META_LABELS[key].vi}:`, { style: "label", note: META_LABELS[key].en });
  b.set(3, 2, metaLabel("unit")).set(3, 3, cell(unit.code, { style: "meta", numFmt: FMT_TEXT }));
  b.set(4, 2, metaLabel("unitName")).set(4, 3, cell(unit.name, { style: "meta" }));
  b.set(5, 2, metaLabel("period")).set(5, 3, cell(period.code, { style: "meta", numFmt: FMT_TEXT }));
  b.set(5, 4, cell(describePeriod(period, lang), { style: "subtitle" }));
  b.set(6, 2, metaLabel("template")).set(
    6,
    3,
    cell(templateTag(template), { style: "meta", numFmt: FMT_TEXT }),
  );

  b.set(3, 6, metaLabel("reportDate")).set(
    3,
    7,
    cell(null, { style: "metaInput", numFmt: FMT_DATE, unlocked: true }),
  );
  b.merge(3, 7, 3, 8);
  b.set(4, 6, cell(`${text.preparedBy}:`, { style: "label" }));
  b.set(4, 7, cell(null, { style: "metaInput", numFmt: FMT_TEXT, unlocked: true })).merge(4, 7, 4, 8);
  b.set(5, 6, cell(`${text.signedBy}:`, { style: "label" }));
  b.set(5, 7, cell(null, { style: "metaInput", numFmt: FMT_TEXT, unlocked: true })).merge(5, 7, 5, 8);
  b.set(6, 6, cell(text.fillHint, { style: "subtitle" })).merge(6, 6, 7, lastCol);

  // English captions above the Vietnamese headers: the headers themselves are the contract.
  TEMPLATE_COLUMNS.forEach((key, i) => {
    const caption = key === "stt" ? "No." : COLUMNS[key].en;
    b.set(g.captionRow, i + 1, cell(caption, { style: "headerEn" }));
    const header = key === "stt" ? "STT" : COLUMNS[key].vi;
    b.set(g.headerRow, i + 1, cell(header, { style: "header", note: caption }));
  });
  b.height(g.headerRow, 32);

  let r = g.firstBodyRow;
  let seq = 0;
  const validationsByRule = new Map<string, Validation>();
  const addValidation = (v: Omit<Validation, "range">, address: string): void => {
    const key = JSON.stringify(v);
    const found = validationsByRule.get(key);
    if (found) found.range += ` ${address}`;
    else validationsByRule.set(key, { ...v, range: address });
  };

  for (const section of template.sections) {
    b.row(r, 1, [
      cell(section.key, { style: "section" }),
      cell("", { style: "section" }),
      cell(section.title[lang], { style: "section" }),
      ...Array.from({ length: lastCol - 3 }, () => cell("", { style: "section" })),
    ]);
    r++;
    for (const code of section.indicators) {
      seq++;
      const ind = getIndicator(code);
      writeIndicatorRow(b, r, seq, ind, lang);
      for (const [address, v] of indicatorValidations(r, ind, lang)) addValidation(v, address);
      r++;
    }
  }
  const lastBodyRow = r - 1;
  b.table({
    name: TABLE_NAME,
    ref: `A${g.headerRow}:${a1(lastBodyRow, lastCol)}`,
    style: "TableStyleLight1",
  });
  for (const v of validationsByRule.values()) b.validate(v);
  b.validate({
    range: g.meta.reportDate,
    type: "date",
    operator: "between",
    formulas: ["36526", "73050"],
    allowBlank: true,
    prompt: { title: text.dateTitle, text: text.datePrompt },
    error: { title: text.dateTitle, text: text.dateError },
  });

  r = lastBodyRow + 2;
  b.set(r, 1, cell(text.footnote, { style: "subtitle" })).merge(r, 1, r, lastCol);
  b.height(r, 30);
  r += 2;
  b.set(r, 3, cell(text.preparedBy, { style: "label" }));
  b.set(r, 7, cell(text.signedBy, { style: "label" }));
  b.set(r + 1, 3, cell(text.signHint, { style: "subtitle" }));
  b.set(r + 1, 7, cell(text.signHint, { style: "subtitle" }));

  b.freezeAt(g.headerRow, 3);
  b.printSetup({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${g.captionRow}:${g.headerRow}`,
  });
  b.protectSheet();
  return b.build();
}

function writeIndicatorRow(b: SheetBuilder, r: number, seq: number, ind: Indicator, lang: Lang): void {
  const isRate = ind.kind === "rate";
  const name = cell(ind.name[lang], { style: "wrap", note: ind.name[lang === "vi" ? "en" : "vi"] });
  const uom = cell(ind.unit[lang], { style: "text" });
  const input = (numFmt: string): LayoutCell => cell(null, { style: "input", numFmt, unlocked: true });
  const blank = (): LayoutCell => cell(null, { style: "muted" });
  const e = a1(r, col("numerator"));
  const f = a1(r, col("denominator"));
  b.row(r, 1, [
    cell(seq, { style: "text", numFmt: "0" }),
    cell(ind.code, { style: "code" }),
    name,
    uom,
    isRate ? { ...input(partFormat(ind.numerator)), note: ind.numerator?.label[lang] } : blank(),
    isRate ? { ...input(partFormat(ind.denominator)), note: ind.denominator?.label[lang] } : blank(),
    isRate
      ? cell(
          { formula: `IF(AND(ISNUMBER(${e}),ISNUMBER(${f}),${f}>0),${e}/${f},"")`, result: "" },
          { style: "derived", numFmt: percentFormat(ind.decimals) },
        )
      : input(valueFormat(ind)),
    input(isRate ? percentFormat(ind.decimals) : valueFormat(ind)),
    // Free text: formatted as text so a note typed as "=…" or "+…" stays what the person wrote.
    cell(null, { style: "wrap", numFmt: FMT_TEXT, unlocked: true }),
  ]);
}

/** Data validation for one indicator row: whole numbers where it counts things, rates in range. */
function indicatorValidations(r: number, ind: Indicator, lang: Lang): [string, Omit<Validation, "range">][] {
  const text = ui(lang);
  const out: [string, Omit<Validation, "range">][] = [];
  const e = a1(r, col("numerator"));
  const f = a1(r, col("denominator"));
  const g = a1(r, col("value"));
  const h = a1(r, col("plan"));
  const plan: Omit<Validation, "range"> = {
    type: "decimal",
    operator: "greaterThanOrEqual",
    formulas: ["0"],
    allowBlank: true,
    prompt: { title: text.planTitle, text: text.planPrompt },
    error: { title: text.planTitle, text: text.notNegative },
  };
  if (ind.kind === "rate") {
    const intE = ind.numerator?.integer ? `,${e}=INT(${e})` : "";
    const intF = ind.denominator?.integer ? `,${f}=INT(${f})` : "";
    const capped = ind.range.aboveMax !== "warning";
    out.push([
      e,
      {
        type: "custom",
        formulas: [
          `AND(ISNUMBER(${e}),${e}>=0${intE}${capped ? `,OR(NOT(ISNUMBER(${f})),${e}<=${f})` : ""})`,
        ],
        allowBlank: true,
        prompt: {
          title: text.numeratorTitle,
          text: `${ind.numerator?.label[lang] ?? ""} (${ind.numerator?.unit[lang] ?? ""})`,
        },
        error: {
          title: text.numeratorTitle,
          text: ind.numerator?.integer
            ? capped
              ? text.numeratorIntegerError
              : text.integerError
            : capped
              ? text.numeratorError
              : text.notNegative,
        },
      },
    ]);
    out.push([
      f,
      {
        type: "custom",
        formulas: [`AND(ISNUMBER(${f}),${f}>0${intF}${capped ? `,OR(NOT(ISNUMBER(${e})),${f}>=${e})` : ""})`],
        allowBlank: true,
        prompt: {
          title: text.denominatorTitle,
          text: `${ind.denominator?.label[lang] ?? ""} (${ind.denominator?.unit[lang] ?? ""})`,
        },
        error: {
          title: text.denominatorTitle,
          text: ind.denominator?.integer ? text.denominatorIntegerError : text.denominatorError,
        },
      },
    ]);
    out.push([h, { ...plan, formulas: ["0"], prompt: { title: text.planTitle, text: text.planRatePrompt } }]);
    return out;
  }
  const max = ind.range.max;
  out.push([
    g,
    {
      type: ind.integer ? "whole" : "decimal",
      operator: max !== undefined ? "between" : "greaterThanOrEqual",
      formulas: max !== undefined ? [String(ind.range.min), String(max)] : [String(ind.range.min)],
      allowBlank: true,
      prompt: {
        title: text.valueTitle,
        text: `${ind.unit[lang]}${ind.integer ? ` — ${text.wholeNumber}` : ""}`,
      },
      error: {
        title: text.valueTitle,
        text:
          max !== undefined
            ? text.betweenError(ind.range.min, max)
            : ind.integer
              ? text.integerError
              : text.notNegative,
      },
    },
  ]);
  out.push([h, plan]);
  return out;
}
