import type { Bilingual } from "../catalog/types";
import type { PlanStatus, ReportPhaseTotal } from "../json-report/types";
import { describePeriod, parsePeriod } from "../periods";

/*
 * How an indicator stands against its plan, in the words a planner reads: the pane, the summary
 * workbook and the written report say the same thing for the same status. The JSON keeps the
 * contract's `status` (FORMATS.md §8); `not_judged` is how a reader tells one `no_target` from
 * another: a target exists (`target` set) but there is no baseline (`goc`) or earlier figure to
 * draw the line to it from, so whether the figure is on course cannot be said yet.
 */

export type Standing = PlanStatus | "not_judged";

/** The standing of a status and its target: `no_target` with a target is a target not yet judged. */
export function standingOf(status: PlanStatus | undefined, target: number | null | undefined): Standing {
  const s = status ?? "no_target";
  return s === "no_target" && target != null ? "not_judged" : s;
}

export const STANDING_TEXT: Record<Standing, Bilingual> = {
  met: { vi: "Đạt", en: "Met" },
  on_track: { vi: "Đúng tiến độ", en: "On track" },
  behind: { vi: "Chậm tiến độ", en: "Behind" },
  missed: { vi: "Không đạt", en: "Missed" },
  no_target: { vi: "Không có chỉ tiêu", en: "No target" },
  no_data: { vi: "Không có số liệu", en: "No data" },
  not_judged: { vi: "Chưa đánh giá được (thiếu số gốc)", en: "Not assessable yet (no baseline)" },
};

/** Traffic light of a standing: 2 green, 1 amber, 0 red; none where there is nothing to judge. */
export const STANDING_SIGNAL: Record<Standing, number | null> = {
  met: 2,
  on_track: 2,
  behind: 1,
  missed: 0,
  no_target: null,
  no_data: null,
  not_judged: null,
};

/** Whether a standing judges the figure against its target (a gap to it means something). */
export function isJudged(s: Standing): boolean {
  return s === "met" || s === "on_track" || s === "behind" || s === "missed";
}

/** What a phase total (`tong_giai_doan`) needs to be said: part of the JSON's `phaseTotal`. */
export type PhaseTotalFacts = Pick<ReportPhaseTotal, "phase" | "total" | "required">;

/**
 * The span a phase total's running total covers, from the phase's start to the end of the period
 * reported: `2026–2028` for 2028 in the phase 2026–2030, `2026` for its first year, `2026 – Quý II/2027`
 * for a quarter. And the phase itself as `2026–2030`.
 */
export function phaseSpan(
  phaseCode: string,
  periodCode: string,
  lang: "vi" | "en" = "vi",
): { soFar: string; phase: string } {
  const phase = parsePeriod(phaseCode);
  const period = parsePeriod(periodCode);
  if (!phase) return { soFar: periodCode, phase: phaseCode };
  const whole =
    phase.startYear === phase.endYear ? String(phase.startYear) : `${phase.startYear}–${phase.endYear}`;
  if (!period) return { soFar: periodCode, phase: whole };
  const soFar =
    period.kind === "year" || period.kind === "phase"
      ? period.endYear === phase.startYear
        ? String(phase.startYear)
        : `${phase.startYear}–${period.endYear}`
      : `${phase.startYear} – ${describePeriod(period, lang)}`;
  return { soFar, phase: whole };
}

/**
 * A phase total's running total in words, numbers already written as the caller writes them:
 * "Lũy kế 2026–2028: 3/4" / "Running total 2026–2028: 3/4".
 */
export function phaseTotalText(
  pt: PhaseTotalFacts,
  periodCode: string,
  num: (n: number) => string,
): Bilingual {
  const vi = phaseSpan(pt.phase, periodCode, "vi");
  const en = phaseSpan(pt.phase, periodCode, "en");
  return {
    vi: `Lũy kế ${vi.soFar}: ${num(pt.total)}/${num(pt.required)}`,
    en: `Running total ${en.soFar}: ${num(pt.total)}/${num(pt.required)}`,
  };
}
