import type { ReportContext } from "./context";
import { fixedText, figureDecimals, numberText, partDecimals } from "./figure-text";
import { parts } from "./section-results";
import type { Table, TableColumn, TableRow } from "./types";

/*
 * The table of all figures (the appendix): each indicator with its numerator and denominator, the
 * previous period's figure when the history gives one, this period's, the target, how many units
 * reported and the assessment. Figures are rounded as the summary workbook shows them.
 */

export function figuresTable(ctx: ReportContext): Table {
  const { p, lang } = ctx;
  const c = p.columns;
  const prev = ctx.previousPeriod;
  const columns: TableColumn[] = [
    { title: c.no, width: 13, align: "center" },
    // The name (and the count of units) give the standing room: "Chưa đánh giá được (thiếu số gốc)"
    // in two lines, not three, even beside the previous period's column.
    { title: c.indicator, width: 62, align: "left" },
    { title: c.unit, width: 22, align: "center" },
    { title: c.numerator, width: 24, align: "right" },
    { title: c.denominator, width: 24, align: "right" },
    ...(prev ? [{ title: p.periodColumn(prev), width: 22, align: "right" as const }] : []),
    { title: c.actual(p.periodLabel(ctx.period, false)), width: 24, align: "right" },
    { title: c.target, width: 22, align: "right" },
    { title: c.reporting, width: 18, align: "center" },
    { title: c.standing, width: 43, align: "center" },
  ];
  const rows: TableRow[] = [];
  for (const part of parts(ctx)) {
    rows.push({ kind: "part", cells: [`${part.key}. ${part.title}`] });
    for (const e of part.entries) {
      const d = figureDecimals(e.indicator);
      const show = (x: number | null | undefined): string =>
        x === null || x === undefined ? "-" : fixedText(x, d, lang);
      const part = (x: number | null, which: "numerator" | "denominator"): string =>
        x === null ? "-" : numberText(x, partDecimals(e.indicator, which), lang);
      const rate = e.indicator.kind === "rate";
      rows.push({
        kind: "body",
        cells: [
          String(e.no),
          e.indicator.name[lang],
          e.indicator.unit[lang],
          rate ? part(e.row.numerator, "numerator") : "",
          rate ? part(e.row.denominator, "denominator") : "",
          ...(prev ? [show(e.facts.previous?.value)] : []),
          show(e.row.value),
          show(e.row.target),
          `${e.row.reporting}/${e.row.expected}`,
          p.standing[e.standing],
        ],
      });
    }
  }
  return { kind: "table", columns, rows };
}
