import { FMT_INT, figureFormat, partFormat, percentFormat } from "../number-formats";
import type { Indicator } from "../../catalog/types";
import type { PlanStatus, UnitStatus } from "../../json-report/types";
import type { PlanRow } from "../../plan/read-plan";
import { STANDING_TEXT } from "../../plan/standing";
import type { LayoutCell } from "../types";

/* What the summary's sheets share: their names, the texts of statuses, the cells of a figure. */

export const SUMMARY_SHEETS = {
  figures: "Tổng hợp",
  matrix: "Theo đơn vị",
  groups: "Theo nhóm",
  issues: "Vấn đề",
  status: "Tình trạng nộp",
  plan: "Kế hoạch",
} as const;

/** The contract's statuses in words: the same words the pane and the written report use. */
export const PLAN_STATUS_TEXT: Record<PlanStatus, { vi: string; en: string }> = STANDING_TEXT;

export const STATUS_TEXT: Record<UnitStatus, { vi: string; en: string }> = {
  ok: { vi: "Đã nộp", en: "Received" },
  late: { vi: "Nộp muộn", en: "Late" },
  missing: { vi: "Chưa nộp", en: "Missing" },
  rejected: { vi: "Bị loại", en: "Rejected" },
  duplicate: { vi: "Trùng, chưa dùng", en: "Duplicate, not used" },
  unknown: { vi: "Ngoài danh sách", en: "Not in roster" },
};

export const STATUS_STYLE: Record<UnitStatus, "good" | "warn" | "bad"> = {
  ok: "good",
  late: "warn",
  missing: "bad",
  rejected: "bad",
  duplicate: "bad",
  unknown: "warn",
};

export interface SummaryOptions {
  /** How to reach an input file from where the summary is written (CLI); absent: no file links. */
  linkTo?: (file: string) => string | undefined;
  /** The latest report date among the submissions used: the summary's own report date. */
  reportDate?: string;
  /** Names of roster units (inner units have no entry in the report's units). */
  unitNames?: ReadonlyMap<string, string>;
  /** The plan rows applied, shown on the "Kế hoạch" sheet. */
  plan?: readonly PlanRow[];
}

/** A layout cell: its value, then its style, number format, note or link. */
export const cell = (value: LayoutCell["value"], extra: Omit<LayoutCell, "value"> = {}): LayoutCell => ({
  value,
  ...extra,
});

/**
 * One cell object for each recurring cell (a blank figure, a status, an empty group): the rows of a
 * sheet of many units repeat them, and a layout's cells are never modified once built. Only for
 * cells that recur: a unit's code or name is its own.
 */
export function sharedCells(): (value: LayoutCell["value"], extra?: Omit<LayoutCell, "value">) => LayoutCell {
  const cells = new Map<string, LayoutCell>();
  return (value, extra = {}) => {
    const key = `${typeof value}\u0000${String(value)}\u0000${extra.style ?? ""}\u0000${extra.numFmt ?? ""}\u0000${extra.note ?? ""}`;
    let made = cells.get(key);
    if (!made) {
      made = cell(value, extra);
      cells.set(key, made);
    }
    return made;
  };
}

/** Numerator and denominator: a rate's parts, a score's Σ scores and number of units; else empty. */
export function partCells(
  ind: Indicator,
  f: { numerator: number | null; denominator: number | null } | undefined,
): LayoutCell[] {
  const hasParts = ind.kind === "rate" || ind.kind === "score";
  return [
    cell(hasParts ? (f?.numerator ?? null) : null, {
      style: "figure",
      numFmt: ind.kind === "score" ? "#,##0.##" : partFormat(ind.numerator),
    }),
    cell(hasParts ? (f?.denominator ?? null) : null, {
      style: "figure",
      numFmt: ind.kind === "score" ? FMT_INT : partFormat(ind.denominator),
    }),
  ];
}

/** Units reporting and expected, then the base units (communes): what the level above adds up. */
export function countCells(
  f: { reporting: number; expected: number; reportingBase: number; expectedBase: number } | undefined,
): LayoutCell[] {
  return [f?.reporting, f?.expected, f?.reportingBase, f?.expectedBase].map((n) =>
    cell(n ?? 0, { style: "figure", numFmt: FMT_INT }),
  );
}

/** A target in the same form as the figure: rates as a % of a fraction. */
export function targetCell(ind: Indicator, target: number | null): LayoutCell {
  if (ind.kind === "rate")
    return cell(target === null ? null : target / 100, {
      style: "figure",
      numFmt: percentFormat(ind.decimals),
    });
  return cell(target, { style: "figure", numFmt: figureFormat(ind) });
}

/** A rate's value written as a fraction with a % format, so no reader can take 0,8 % for 80 %. */
export function valueCell(ind: Indicator, value: number | null): LayoutCell {
  if (ind.kind === "rate")
    return cell(value === null ? null : value / 100, { style: "total", numFmt: percentFormat(ind.decimals) });
  return cell(value, { style: "total", numFmt: figureFormat(ind) });
}

/** Excel's serial date of an ISO date (1900 system), so the cell is a real date. */
export function excelDate(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}
