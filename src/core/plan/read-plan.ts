import { findIndicator } from "../catalog/indicators";
import type { PlanEntry, PlanRuleKind } from "../catalog/types";
import { PLAN_COLUMNS } from "../contract";
import type { Grid, GridCell, GridRow, SourceDoc } from "../grid";
import { cellText, findHeaderRow } from "../header-map";
import { makeIssue, type Issue, type Origin } from "../issues";
import { parsePeriod } from "../periods";
import { a1, matchKey } from "../text";
import { readCellNumber } from "../values/cell-number";

/** A plan row as read, with where it came from. */
export interface PlanRow extends PlanEntry {
  at: Origin;
}

export interface PlanRead {
  rows: PlanRow[];
  issues: Issue[];
}

const RULES: readonly PlanRuleKind[] = [
  "goc",
  "muc_tieu",
  "toi_thieu",
  "toi_da",
  "giam_moi_nam",
  "tang_moi_nam",
  "tang_them",
  "tong_giai_doan",
];

/** Rules whose `ky` may be any canonical period: quarter, half, nine months, month, year, phase. */
const PERIOD_RULES: readonly PlanRuleKind[] = ["muc_tieu", "toi_thieu", "toi_da"];

const ALIASES = {
  unit: [PLAN_COLUMNS.unit, "Mã đơn vị"],
  indicator: [PLAN_COLUMNS.indicator, "Mã chỉ tiêu"],
  period: [PLAN_COLUMNS.period, "Kỳ", "Kỳ kế hoạch"],
  rule: [PLAN_COLUMNS.rule, "Loại"],
  value: [PLAN_COLUMNS.value, "Giá trị"],
} as const;

/**
 * A plan value: the locale's reading first; a plan is often typed by someone else than the data,
 * so a value the locale cannot read (28.04 in Vietnamese) is tried the other way before it is refused.
 */
function planNumber(cell: GridCell | undefined, locale: "vi" | "en"): number | undefined {
  const first = readCellNumber(cell, locale);
  if (first.kind === "number") return first.value;
  if (first.kind === "not-a-number" && typeof cell?.value === "string") {
    const other = readCellNumber(cell, locale === "vi" ? "en" : "vi");
    if (other.kind === "number") return other.value;
  }
  return undefined;
}

/** Reads a plan (FORMATS.md §6) from a CSV or the `KeHoach` table of a workbook. */
export function readPlan(doc: SourceDoc, locale: "vi" | "en" = "vi"): PlanRead {
  const issues: Issue[] = [];
  const table = doc.tables.find((t) => matchKey(t.name) === matchKey("KeHoach"));
  const grids: Grid[] = table ? doc.sheets.filter((s) => s.sheet === table.sheet) : doc.sheets;
  for (const grid of grids) {
    const header = findHeaderRow(grid, ALIASES, ["unit", "indicator", "period", "rule", "value"], 30);
    if (!header) continue;
    const rows: PlanRow[] = [];
    for (const r of grid.rows) {
      if (r.n <= header.row.n) continue;
      const row = planRow(doc, grid, header.columns, r, locale, issues);
      if (row) rows.push(row);
    }
    return { rows, issues };
  }
  issues.push(
    makeIssue(
      "error",
      "invalid-plan",
      {
        vi: `Tệp kế hoạch không có các cột ${Object.values(PLAN_COLUMNS).join(", ")} (hoặc bảng KeHoach)`,
        en: `The plan file has no ${Object.values(PLAN_COLUMNS).join(", ")} columns (nor a KeHoach table)`,
      },
      { file: doc.file },
    ),
  );
  return { rows: [], issues };
}

type PlanColumns = Partial<Record<keyof typeof ALIASES, number>>;

/** One row of the plan, or undefined for a blank row and for one that cannot be used (named in `issues`). */
function planRow(
  doc: SourceDoc,
  grid: Grid,
  cols: PlanColumns,
  r: GridRow,
  locale: "vi" | "en",
  issues: Issue[],
): PlanRow | undefined {
  const at = (key: keyof typeof ALIASES): Origin =>
    grid.kind === "csv"
      ? { file: doc.file, line: r.n }
      : { file: doc.file, sheet: grid.sheet, cell: a1(r.n, (cols[key] as number) + 1) };
  const text = (key: keyof typeof ALIASES): string => cellText(r.cells[cols[key] as number]);
  if (["unit", "indicator", "period", "rule", "value"].every((k) => text(k as keyof typeof ALIASES) === ""))
    return undefined;
  const bad = (key: keyof typeof ALIASES, vi: string, en: string): void => {
    issues.push(
      makeIssue(
        "error",
        "invalid-plan",
        { vi: `Dòng kế hoạch bị bỏ qua: ${vi}`, en: `Plan row skipped: ${en}` },
        at(key),
      ),
    );
  };
  const unit = text("unit");
  const code = text("indicator").toUpperCase();
  const periodText = text("period");
  // "muc_tieu", "Mục tiêu", "MUC TIEU": the rule as a person may type it.
  const rule = matchKey(text("rule")).replace(/[\s-]+/g, "_") as PlanRuleKind;
  if (!unit) {
    bad("unit", "thiếu mã đơn vị", "no unit code");
    return undefined;
  }
  if (!findIndicator(code)) {
    bad(
      "indicator",
      `mã chỉ tiêu "${text("indicator")}" không có trong danh mục`,
      `indicator code "${text("indicator")}" is not in the catalog`,
    );
    return undefined;
  }
  const period = parsePeriod(periodText);
  if (!period) {
    bad(
      "period",
      `kỳ "${periodText}" không đọc được (ví dụ 2030, 2026-2030, 2026-H1, 2026-Q3, 2026-9M)`,
      `period "${periodText}" cannot be read (e.g. 2030, 2026-2030, 2026-H1, 2026-Q3, 2026-9M)`,
    );
    return undefined;
  }
  if (!RULES.includes(rule)) {
    bad(
      "rule",
      `loại "${text("rule")}" không hợp lệ (${RULES.join(", ")})`,
      `rule "${text("rule")}" is not one of ${RULES.join(", ")}`,
    );
    return undefined;
  }
  // A target, floor or ceiling may be for any period (a quarter's, a half-year's); baselines, paces
  // and phase totals are counted in years.
  if (!PERIOD_RULES.includes(rule) && !(period.kind === "year" || period.kind === "phase")) {
    bad(
      "period",
      `kỳ "${periodText}" của "${rule}" phải là một năm (2030) hoặc một giai đoạn (2026-2030)`,
      `period "${periodText}" of "${rule}" must be a year (2030) or a phase (2026-2030)`,
    );
    return undefined;
  }
  const value = planNumber(r.cells[cols.value as number], locale);
  if (value === undefined) {
    bad("value", `giá trị "${text("value")}" không phải là số`, `value "${text("value")}" is not a number`);
    return undefined;
  }
  if (rule === "tang_them" && period.kind !== "phase") {
    bad(
      "period",
      '"tang_them" cần một giai đoạn (ví dụ 2028-2030)',
      '"tang_them" needs a phase (e.g. 2028-2030)',
    );
    return undefined;
  }
  if (rule === "tong_giai_doan") {
    const ind = findIndicator(code);
    // A total over years only means something for a flow counted in one number (workers sent abroad).
    if (ind && (ind.time !== "sum" || (ind.kind !== "count" && ind.kind !== "amount"))) {
      bad(
        "rule",
        `"tong_giai_doan" chỉ dùng cho chỉ tiêu cộng dồn theo thời gian (số lượng, giá trị), ${code} không phải`,
        `"tong_giai_doan" is only for indicators that add up over time (counts, amounts); ${code} is not one`,
      );
      return undefined;
    }
  }
  return { unit, indicator: code, period: period.code, rule, value, at: at("value") };
}
