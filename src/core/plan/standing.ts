import type { Bilingual } from "../catalog/types";
import type { PlanStatus } from "../json-report/types";

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
