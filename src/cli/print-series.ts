import { getIndicator } from "../core/catalog/indicators";
import { phaseTotalText, STANDING_TEXT, standingOf, type PhaseTotalFacts } from "../core/plan/standing";
import type { Report } from "../core/json-report/types";
import { formatRounded } from "../core/values/numbers";

/**
 * The series in the terminal (`series[]`, from `--history`): for the indicators the plan judges, one
 * line each, period by period, with this period's status: what the "Theo thời gian" sheet holds.
 */
export function seriesLines(report: Report): string[] {
  const series = report.series ?? [];
  if (series.length === 0) return [];
  const periods = [...new Set(series.map((s) => s.period))];
  const judged = report.indicators.filter(
    (i) => i.status && i.status !== "no_target" && i.status !== "no_data",
  );
  const lines = [`Theo thời gian / over time: ${periods.join(" → ")}`];
  for (const f of judged) {
    const ind = getIndicator(f.code);
    const digits = ind.kind === "rate" || ind.kind === "score" ? 2 : ind.decimals;
    const values = series
      .filter((s) => s.indicator === f.code)
      .map((s) =>
        s.value === null ? "—" : formatRounded(s.value, "vi", digits) + (ind.kind === "rate" ? "%" : ""),
      );
    const total = f.phaseTotal ? ` (${runningTotalNote(f.phaseTotal, report.period, digits)})` : "";
    lines.push(
      `  ${f.code.padEnd(16)} ${values.join(" → ")}  ${STANDING_TEXT[standingOf(f.status, f.target)].vi}${total}`,
    );
  }
  return lines;
}

/** A phase total's running total as the terminal puts it after a status: "lũy kế 2026–2028: 3/4". */
export function runningTotalNote(pt: PhaseTotalFacts, period: string, digits: number): string {
  const text = phaseTotalText(pt, period, (n) => formatRounded(n, "vi", digits)).vi;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
