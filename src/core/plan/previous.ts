import { findIndicator } from "../catalog/indicators";
import { findTemplate } from "../catalog/templates";
import { decideTemplate } from "../consolidate/choose";
import type { SourceDoc } from "../grid";
import { cellText } from "../header-map";
import type { Message } from "../issues";
import { extractSubmissions } from "../submission/extract";
import type { RawSubmission } from "../submission/types";
import { readMeta } from "../submission/meta";
import { validateRows } from "../submission/rows";
import { matchKey, parseRange } from "../text";
import { readCellNumber } from "../values/cell-number";
import type { HistoryFigure } from "./history";
import type { PreviousFigures } from "./types";
import type { Period } from "../periods";

/** The per-unit matrix of a summary, as a table so that next year's run can read it back. */
export const MATRIX_TABLE = "ChiTieu_DonVi";

export type PreviousRead =
  | {
      figures: PreviousFigures;
      year: number;
      scope: string;
      /** The period it is for, the template it names and the date it was signed. */
      period: Period;
      template?: string;
      reportDate?: string;
      /** The scope's figures with their parts, for the series. */
      scopeFigures: Map<string, HistoryFigure>;
    }
  | { error: Message };

/**
 * Every submission a history file holds (`--history`, `--previous`: one history file): the scope's
 * figures from a summary's `ChiTieu` table and each unit's from its matrix table, for the series and
 * the pace rules ("fall at least 3 points a year"); a long CSV may hold a scope's figures for
 * several periods. One error when it holds none.
 */
export function readPreviousAll(doc: SourceDoc, locale: "vi" | "en" = "vi"): PreviousRead[] {
  const { submissions } = extractSubmissions(doc);
  if (submissions.length === 0)
    return [
      {
        error: { vi: "không có bảng ChiTieu của một bảng tổng hợp", en: "no ChiTieu table of a summary" },
      },
    ];
  return submissions.map((raw) => readOne(doc, raw, locale));
}

function readOne(doc: SourceDoc, raw: RawSubmission, locale: "vi" | "en"): PreviousRead {
  const { meta } = readMeta(raw);
  if (!meta.unit || !meta.period) {
    return {
      error: { vi: "không đọc được mã đơn vị hoặc kỳ báo cáo", en: "cannot read its unit code or period" },
    };
  }
  const template =
    meta.template ??
    findTemplate(meta.templateText) ??
    decideTemplate([
      { file: doc.file, issues: [], submissions: [{ raw, meta, metaIssues: [], rejected: false }] },
    ]);
  const figures: PreviousFigures = new Map();
  const scope = new Map<string, number>();
  const scopeFigures = new Map<string, HistoryFigure>();
  for (const [code, f] of validateRows(raw, template, meta.unit, locale).figures) {
    if (f.value !== null) scope.set(code, f.value);
    scopeFigures.set(code, { value: f.value, numerator: f.numerator, denominator: f.denominator });
  }
  figures.set(meta.unit, scope);

  const table = doc.tables.find((t) => matchKey(t.name) === matchKey(MATRIX_TABLE));
  const grid = table ? doc.sheets.find((s) => s.sheet === table.sheet) : undefined;
  const bounds = table ? parseRange(table.ref) : undefined;
  if (grid && bounds) {
    const header = grid.rows.find((r) => r.n === bounds.top);
    const codes = new Map<number, string>();
    let unitCol = -1;
    header?.cells.forEach((c, i) => {
      const t = cellText(c);
      if (matchKey(t) === matchKey("Mã đơn vị")) unitCol = i;
      else if (findIndicator(t.toUpperCase())) codes.set(i, t.toUpperCase());
    });
    for (const r of grid.rows) {
      if (r.n <= bounds.top || r.n > bounds.bottom || unitCol < 0) continue;
      const unit = cellText(r.cells[unitCol]);
      if (!unit || unit === meta.unit) continue;
      const m = new Map<string, number>();
      for (const [i, code] of codes) {
        const v = readCellNumber(r.cells[i], locale);
        if (v.kind === "number") m.set(code, v.value);
      }
      figures.set(unit, m);
    }
  }
  return {
    figures,
    year: meta.period.endYear,
    scope: meta.unit,
    period: meta.period,
    ...(template ? { template: template.id } : {}),
    ...(meta.reportDate ? { reportDate: meta.reportDate } : {}),
    scopeFigures,
  };
}
