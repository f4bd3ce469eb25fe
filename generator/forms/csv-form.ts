import { findTemplate, templateTag } from "../../src/core/catalog/templates";
import { COLUMN_ORDER, COLUMNS, CSV_META_COLUMNS } from "../../src/core/contract";
import { describePeriod, parsePeriod } from "../../src/core/periods";
import { encodeText } from "../encodings";
import type { Column, Content, Pointer } from "../rows";
import type { CsvForm } from "../spec";
import { viDate, viNumber, viPercent } from "../vi-text";
import type { PreparedSubmission, WriteContext, WrittenFile } from "./common";

/*
 * Form (c): long CSV (FORMATS.md §2), one row per unit × indicator, one or many units per file,
 * as Excel exports it: `,` `;` or tab, CRLF, Vietnamese decimals, in UTF-8 (with or without BOM),
 * UTF-16LE with BOM, or Windows-1258.
 */

type CsvColumn = "unit" | "unitName" | "period" | "template" | "reportDate" | Column;

/** FORMATS.md §2: who and when, the `ChiTieu` table's columns, then the report date. */
const ORDER: CsvColumn[] = ["unit", "unitName", "period", "template", ...COLUMN_ORDER, "reportDate"];

function header(key: CsvColumn, vi: boolean): string {
  const meta = key in CSV_META_COLUMNS ? CSV_META_COLUMNS[key as keyof typeof CSV_META_COLUMNS] : undefined;
  const col = meta ?? COLUMNS[key as Column];
  return vi ? col.vi : col.csv;
}

function quote(field: string, delimiter: string): string {
  if (/[\r\n]/.test(field)) throw new Error("the samples write no line breaks inside CSV fields");
  if (field.includes(delimiter) || field.includes('"') || field !== field.trim()) {
    return `"${field.replace(/"/g, '""')}"`;
  }
  return field;
}

export function writeCsvForm(subs: PreparedSubmission[], form: CsvForm, ctx: WriteContext): WrittenFile {
  const eol = form.eol ?? "\r\n";
  const grouping = form.grouping ?? true;
  const sign = form.percentSign ?? true;
  const vi = form.headers === "vi";
  const lines: string[] = [ORDER.map((k) => quote(header(k, vi), form.delimiter)).join(form.delimiter)];
  const firstLine: number[] = [];
  const lineOf: number[][] = [];

  const percent = (points: number): string => viPercent(points, sign || (points > 0 && points < 1));
  const text = (c: Content | undefined): string => {
    if (!c) return "";
    switch (c.kind) {
      case "empty":
        return "";
      case "text":
        return c.text;
      case "number":
        return viNumber(c.value, grouping);
      case "bare":
        return viNumber(c.value, grouping);
      case "percent":
        return percent(c.points);
      case "derived":
        return c.points === null ? "" : percent(c.points);
      case "formula":
        throw new Error("a CSV has no formulas");
    }
  };

  subs.forEach((sub) => {
    const { meta, logical } = sub;
    if (meta.legacyName)
      throw new Error("legacy-encoding is planted in workbooks (a CSV would repeat it on every line)");
    if (meta.code === "") throw new Error("missing-metadata is planted in workbooks");
    const period = parsePeriod(meta.period);
    const periodText = form.periodWords && period ? describePeriod(period) : meta.period;
    const tpl = findTemplate(meta.templateId);
    const date = meta.reportDate ? (form.delimiter === "," ? meta.reportDate : viDate(meta.reportDate)) : "";
    const lineNumbers: number[] = [];
    firstLine.push(lines.length + 1);
    for (const row of logical.rows) {
      const fields: Record<CsvColumn, string> = {
        unit: meta.code,
        unitName: meta.name,
        period: periodText,
        template: tpl ? templateTag(tpl) : meta.templateId,
        reportDate: date,
        code: text(row.cells.code),
        name: text(row.cells.name),
        uom: text(row.cells.uom),
        numerator: text(row.cells.numerator),
        denominator: text(row.cells.denominator),
        value: text(row.cells.value),
        plan: text(row.cells.plan),
        note: sub.spec.note ?? (ctx.marker ? ctx.marker : ""),
      };
      lineNumbers.push(lines.length + 1);
      lines.push(ORDER.map((k) => quote(fields[k], form.delimiter)).join(form.delimiter));
    }
    lineOf.push(lineNumbers);
  });

  const bytes = encodeText(lines.join(eol) + eol, form.encoding);
  return {
    bytes,
    describe: {
      form: "csv",
      encoding: form.encoding,
      delimiter: form.delimiter === "\t" ? "tab" : form.delimiter,
      headers: vi ? "vi" : "ascii",
    },
    locate(index, at: Pointer) {
      switch (at.at) {
        case "file":
          return {};
        case "header":
          return { line: 1 };
        case "meta":
          return { line: firstLine[index] as number };
        case "cell": {
          const line = lineOf[index]?.[at.row];
          if (line === undefined) throw new Error(`no line for row ${at.row}`);
          return { line };
        }
      }
    },
  };
}
