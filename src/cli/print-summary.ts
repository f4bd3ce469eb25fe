import { getIndicator } from "../core/catalog/indicators";
import { countIssues } from "../core/issues-fold";
import { STATUS_TEXT } from "../core/layout/summary";
import { isJudged, STANDING_TEXT, standingOf } from "../core/plan/standing";
import { runningTotalNote } from "./print-series";
import { formatRounded } from "../core/values/numbers";
import type { Report, UnitStatus } from "../core/json-report/types";
import type { Outputs } from "./consolidate-command";

/** A column of text padded to a width, counting characters as a terminal shows them (NFC). */
function pad(s: string, width: number, right = false): string {
  const n = [...s.normalize("NFC")].length;
  const fill = " ".repeat(Math.max(0, width - n));
  return right ? fill + s : s + fill;
}

function clip(s: string, width: number): string {
  const chars = [...s];
  return chars.length <= width ? s : `${chars.slice(0, width - 1).join("")}…`;
}

/** A figure with a fixed number of decimals, the Vietnamese way (1.922,90). */
function fixed(x: number, digits: number): string {
  const s = formatRounded(Number(x.toFixed(digits)), "vi", digits);
  if (digits === 0) return s;
  const [int, frac = ""] = s.split(",");
  return `${int},${frac.padEnd(digits, "0")}`;
}

/** The few lines a planner reads in the terminal: who reported, how many problems, where the files went. */
export function summaryLines(report: Report, written: Outputs, withFigures: boolean): string[] {
  const lines: string[] = [];
  lines.push(
    `Tổng hợp / consolidated: ${report.template} · kỳ ${report.period} · ${report.scope.name}${report.scope.code ? ` (${report.scope.code})` : ""}`,
  );
  // The period was not given and the submissions did not settle it: say which was taken and why.
  const tie = report.issues.find((i) => i.rule === "wrong-period" && i.reason === "period-tie");
  if (tie) lines.push(`Kỳ báo cáo / period: ${tie.message} (--period) / ${tie.messageEn} (--period)`);
  const counts = new Map<UnitStatus, number>();
  for (const u of report.units) counts.set(u.status, (counts.get(u.status) ?? 0) + 1);
  const expected = report.indicators[0]?.expected ?? 0;
  const received = (counts.get("ok") ?? 0) + (counts.get("late") ?? 0);
  const parts = (Object.keys(STATUS_TEXT) as UnitStatus[])
    .filter((s) => counts.get(s))
    .map((s) => `${STATUS_TEXT[s].vi.toLowerCase()} ${counts.get(s)}`);
  lines.push(`Đơn vị / units: ${received}/${expected} đã nộp — ${parts.join(", ")}`);
  if (withFigures) {
    const judged = report.indicators.some((f) => standingOf(f.status, f.target) !== "no_target");
    lines.push("");
    lines.push(
      `${pad("Mã chỉ tiêu", 20)} ${pad("Chỉ tiêu", 44)} ${pad("Giá trị", 14, true)} ${pad("Đơn vị", 11)} ${pad("Báo cáo", 8, true)}${judged ? `  ${pad("Kế hoạch", 12, true)}  Đánh giá` : ""}`,
    );
    for (const f of report.indicators) {
      const ind = getIndicator(f.code);
      const digits = ind.kind === "rate" || ind.kind === "score" ? 2 : ind.decimals;
      const value = f.value === null ? "—" : fixed(f.value, digits);
      const target = f.target == null ? "" : fixed(f.target, digits);
      // One standing everywhere (core/plan/standing): a target with no baseline is said so, not left blank.
      const standing = standingOf(f.status, f.target);
      const running =
        f.phaseTotal && isJudged(standing)
          ? ` (${runningTotalNote(f.phaseTotal, report.period, digits)})`
          : "";
      const status = standing === "no_target" ? "" : STANDING_TEXT[standing].vi + running;
      lines.push(
        `${pad(f.code, 20)} ${pad(clip(ind.name.vi, 44), 44)} ${pad(value, 14, true)} ${pad(clip(ind.unit.vi, 11), 11)} ${pad(`${f.reporting}/${f.expected}`, 8, true)}${judged ? `  ${pad(target, 12, true)}  ${status}` : ""}`,
      );
    }
    lines.push("");
  }
  const { errors, warnings } = countIssues(report.issues);
  lines.push(`Vấn đề / issues: ${errors} lỗi / errors, ${warnings} cảnh báo / warnings`);
  lines.push(`Bảng tổng hợp / summary workbook: ${written.out}`);
  if (written.json) lines.push(`Báo cáo JSON / JSON report: ${written.json}`);
  if (written.report) lines.push(`Báo cáo (Word) / written report: ${written.report}`);
  return lines;
}
