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
import { guideSheet, whatToEnter } from "./guide-layout";
import { ui, type Lang } from "./template-text";

export interface TemplateRequest {
  template: Template;
  unit: { code: string; name: string };
  period: Period;
  lang: Lang;
  /** The deadline (ISO date): given (`--due`), else the plan's usual one for the period, if any. */
  due?: { date: string; usual: boolean };
}

/** The table's columns, left to right: STT first, then the contract's headers. */
export const TEMPLATE_COLUMNS: readonly ("stt" | ColumnKey)[] = ["stt", ...COLUMN_ORDER];

const LAST_COL = TEMPLATE_COLUMNS.length;
const WIDTHS = [6, 18, 58, 13, 15, 15, 14, 14, 32];
/** Hidden columns after the table (J, K): the template's tag and its label, for machines. */
const TAG_LABEL_COL = LAST_COL + 1;
const TAG_COL = LAST_COL + 2;

/** Where things sit on the template sheet; readers never rely on this (they use names and headers). */
export const TEMPLATE_GEOMETRY = {
  headerRow: 9,
  captionRow: 8,
  firstBodyRow: 10,
  meta: {
    unit: "C3",
    unitName: "C4",
    period: "C5",
    template: "K6",
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
  const text = ui(req.lang);
  const geometry = TEMPLATE_GEOMETRY;
  const sheet = new SheetBuilder(MAIN_SHEET, "template");
  sheet.widths([...WIDTHS, 12, 14]);
  heading(sheet, req);
  columnHeaders(sheet);
  const { lastBodyRow, validations } = indicatorRows(sheet, req.template, req.lang);
  sheet.table({
    name: TABLE_NAME,
    ref: `A${geometry.headerRow}:${a1(lastBodyRow, LAST_COL)}`,
    style: "TableStyleLight1",
  });
  for (const v of validations) sheet.validate(v);
  sheet.validate({
    range: geometry.meta.reportDate,
    type: "date",
    operator: "between",
    formulas: ["36526", "73050"],
    allowBlank: true,
    prompt: { title: text.dateTitle, text: text.datePrompt },
    error: { title: text.dateTitle, text: text.dateError },
  });
  footer(sheet, lastBodyRow + 2, req.lang);
  sheet.freezeAt(geometry.headerRow, 3);
  sheet.printSetup({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${geometry.captionRow}:${geometry.headerRow}`,
  });
  sheet.protectSheet();
  return sheet.build();
}

/** The title in both languages, the unit, period and template, and the cells the unit fills in. */
function heading(sheet: SheetBuilder, req: TemplateRequest): void {
  const { template, unit, period, lang } = req;
  const text = ui(lang);
  const other: Lang = lang === "vi" ? "en" : "vi";
  sheet
    .set(1, 1, cell(template.name[lang].toLocaleUpperCase("vi"), { style: "title" }))
    .merge(1, 1, 1, LAST_COL);
  sheet.height(1, 36);
  sheet.set(2, 1, cell(template.name[other], { style: "subtitle" })).merge(2, 1, 2, LAST_COL);

  const metaLabel = (key: keyof typeof META_LABELS): LayoutCell =>
    cell(`${META_LABELS[key].vi}:`, { style: "label", note: META_LABELS[key].en });
  sheet.set(3, 2, metaLabel("unit")).set(3, 3, cell(unit.code, { style: "meta", numFmt: FMT_TEXT }));
  sheet.set(4, 2, metaLabel("unitName")).set(4, 3, cell(unit.name, { style: "meta" }));
  sheet.set(5, 2, metaLabel("period")).set(5, 3, cell(period.code, { style: "meta", numFmt: FMT_TEXT }));
  sheet.set(5, 4, cell(describePeriod(period, lang), { style: "subtitle" }));
  // The template's id and version (ChiTieu_MauBieu), out of sight and off the page: a person reads
  // the template's name in the title; a reader finds the tag by the name, or by its label beside it.
  sheet
    .set(6, TAG_LABEL_COL, metaLabel("template"))
    .set(6, TAG_COL, cell(templateTag(template), { style: "meta", numFmt: FMT_TEXT }));
  sheet.hideColumn(TAG_LABEL_COL).hideColumn(TAG_COL);

  sheet
    .set(3, 6, metaLabel("reportDate"))
    .set(3, 7, cell(null, { style: "metaInput", numFmt: FMT_DATE, unlocked: true }));
  sheet.merge(3, 7, 3, 8);
  sheet.set(4, 6, cell(`${text.preparedBy}:`, { style: "label" }));
  sheet.set(4, 7, cell(null, { style: "metaInput", numFmt: FMT_TEXT, unlocked: true })).merge(4, 7, 4, 8);
  sheet.set(5, 6, cell(`${text.signedBy}:`, { style: "label" }));
  sheet.set(5, 7, cell(null, { style: "metaInput", numFmt: FMT_TEXT, unlocked: true })).merge(5, 7, 5, 8);
  sheet.set(6, 6, cell(text.fillHint, { style: "subtitle" })).merge(6, 6, 7, LAST_COL);
  if (req.due) dueLine(sheet, req.due, template, lang);
}

/** "Hạn nộp: 15/12/2026", with where the date comes from: a unit sees when the report is due. */
function dueLine(
  sheet: SheetBuilder,
  due: { date: string; usual: boolean },
  template: Template,
  lang: Lang,
): void {
  const [y, m, d] = due.date.split("-");
  sheet.set(
    7,
    2,
    cell(lang === "vi" ? "Hạn nộp:" : "Due:", { style: "label", note: lang === "vi" ? "Due" : "Hạn nộp" }),
  );
  sheet.set(7, 3, cell(lang === "vi" ? `${d}/${m}/${y}` : due.date, { style: "meta", numFmt: FMT_TEXT }));
  const why = due.usual && template.deadline ? template.deadline.description[lang] : undefined;
  if (why) sheet.set(7, 4, cell(why, { style: "subtitle" }));
}

/** English captions above the Vietnamese headers: the headers themselves are the contract. */
function columnHeaders(sheet: SheetBuilder): void {
  const geometry = TEMPLATE_GEOMETRY;
  TEMPLATE_COLUMNS.forEach((key, i) => {
    const caption = key === "stt" ? "No." : COLUMNS[key].en;
    sheet.set(geometry.captionRow, i + 1, cell(caption, { style: "headerEn" }));
    const header = key === "stt" ? "STT" : COLUMNS[key].vi;
    sheet.set(geometry.headerRow, i + 1, cell(header, { style: "header", note: caption }));
  });
  sheet.height(geometry.headerRow, 32);
}

/**
 * A row per section, then a row per indicator in it; with their data validation, rows that share
 * a rule gathered into one (a multi-area range).
 */
function indicatorRows(
  sheet: SheetBuilder,
  template: Template,
  lang: Lang,
): { lastBodyRow: number; validations: Iterable<Validation> } {
  let r = TEMPLATE_GEOMETRY.firstBodyRow;
  let seq = 0;
  const validationsByRule = new Map<string, Validation>();
  const addValidation = (v: Omit<Validation, "range">, address: string): void => {
    const key = JSON.stringify(v);
    const found = validationsByRule.get(key);
    if (found) found.range += ` ${address}`;
    else validationsByRule.set(key, { ...v, range: address });
  };
  for (const section of template.sections) {
    sheet.row(r, 1, [
      cell(section.key, { style: "section" }),
      cell("", { style: "section" }),
      cell(section.title[lang], { style: "section" }),
      ...Array.from({ length: LAST_COL - 3 }, () => cell("", { style: "section" })),
    ]);
    r++;
    for (const code of section.indicators) {
      seq++;
      const ind = getIndicator(code);
      writeIndicatorRow(sheet, r, seq, ind, lang);
      for (const [address, v] of indicatorValidations(r, ind, lang)) addValidation(v, address);
      r++;
    }
  }
  return { lastBodyRow: r - 1, validations: validationsByRule.values() };
}

/** Below the table: the footnote, then where the preparer and the signer sign. */
function footer(sheet: SheetBuilder, top: number, lang: Lang): void {
  const text = ui(lang);
  sheet.set(top, 1, cell(text.footnote, { style: "subtitle" })).merge(top, 1, top, LAST_COL);
  sheet.height(top, 30);
  const signRow = top + 2;
  // The preparer under the indicators' names, the head of the unit over E:F, each centred.
  sheet.set(signRow, 3, cell(text.preparedBy, { style: "masthead" }));
  sheet.set(signRow + 1, 3, cell(text.signHint, { style: "subtitle" }));
  sheet.set(signRow, 5, cell(text.signedBy, { style: "masthead" })).merge(signRow, 5, signRow, 6);
  sheet.set(signRow + 1, 5, cell(text.signHint, { style: "subtitle" })).merge(signRow + 1, 5, signRow + 1, 6);
}

function writeIndicatorRow(sheet: SheetBuilder, r: number, seq: number, ind: Indicator, lang: Lang): void {
  const isRate = ind.kind === "rate";
  // A rate's row says what its Tử số and Mẫu số count, on the row itself: a printed copy shows no
  // cell prompt.
  const label = isRate ? `${ind.name[lang]}\n${whatToEnter(ind, lang)}` : ind.name[lang];
  const name = cell(label, { style: "wrap", note: ind.name[lang === "vi" ? "en" : "vi"] });
  const uom = cell(ind.unit[lang], { style: "text" });
  const input = (numFmt: string): LayoutCell => cell(null, { style: "input", numFmt, unlocked: true });
  const blank = (): LayoutCell => cell(null, { style: "muted" });
  const numerator = a1(r, col("numerator"));
  const denominator = a1(r, col("denominator"));
  sheet.row(r, 1, [
    cell(seq, { style: "text", numFmt: "0" }),
    cell(ind.code, { style: "code" }),
    name,
    uom,
    isRate ? { ...input(partFormat(ind.numerator)), note: ind.numerator?.label[lang] } : blank(),
    isRate ? { ...input(partFormat(ind.denominator)), note: ind.denominator?.label[lang] } : blank(),
    isRate
      ? cell(
          {
            formula: `IF(AND(ISNUMBER(${numerator}),ISNUMBER(${denominator}),${denominator}>0),${numerator}/${denominator},"")`,
            result: "",
          },
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
  const plan: Omit<Validation, "range"> = {
    type: "decimal",
    operator: "greaterThanOrEqual",
    formulas: ["0"],
    allowBlank: true,
    prompt: { title: text.planTitle, text: text.planPrompt },
    error: { title: text.planTitle, text: text.notNegative },
  };
  const planCell = a1(r, col("plan"));
  if (ind.kind === "rate") {
    return [
      ...rateValidations(r, ind, lang),
      [planCell, { ...plan, formulas: ["0"], prompt: { title: text.planTitle, text: text.planRatePrompt } }],
    ];
  }
  return [
    [a1(r, col("value")), valueValidation(ind, lang)],
    [planCell, plan],
  ];
}

/**
 * A rate's numerator and denominator: numbers, not negative, whole where they count, the
 * denominator above 0, and (unless the rate may pass 100 %) the numerator not above the denominator.
 */
function rateValidations(r: number, ind: Indicator, lang: Lang): [string, Omit<Validation, "range">][] {
  const text = ui(lang);
  const numerator = a1(r, col("numerator"));
  const denominator = a1(r, col("denominator"));
  const wholeNumerator = ind.numerator?.integer ? `,${numerator}=INT(${numerator})` : "";
  const wholeDenominator = ind.denominator?.integer ? `,${denominator}=INT(${denominator})` : "";
  const capped = ind.range.aboveMax !== "warning";
  return [
    [
      numerator,
      {
        type: "custom",
        formulas: [
          `AND(ISNUMBER(${numerator}),${numerator}>=0${wholeNumerator}${capped ? `,OR(NOT(ISNUMBER(${denominator})),${numerator}<=${denominator})` : ""})`,
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
    ],
    [
      denominator,
      {
        type: "custom",
        formulas: [
          `AND(ISNUMBER(${denominator}),${denominator}>0${wholeDenominator}${capped ? `,OR(NOT(ISNUMBER(${numerator})),${denominator}>=${numerator})` : ""})`,
        ],
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
    ],
  ];
}

/** A quantity's value: whole where it counts things, within its range (at least its minimum). */
function valueValidation(ind: Indicator, lang: Lang): Omit<Validation, "range"> {
  const text = ui(lang);
  const max = ind.range.max;
  return {
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
  };
}
