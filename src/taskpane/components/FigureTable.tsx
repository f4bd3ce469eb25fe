import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { findIndicator } from "../../core/catalog/indicators";
import type { Indicator } from "../../core/catalog/types";
import type { ReportIndicator, ReportSeriesPoint } from "../../core/json-report/types";
import { standingOf, STANDING_TEXT, type Standing } from "../../core/plan/standing";
import { useStrings } from "../i18n";
import { periodPhrase } from "../periods";
import type { Strings } from "../strings";

/*
 * The province figures for a pane that is 320–450 px wide in Excel and up to 1200 px in a browser.
 * Wide: one column for each thing (figure, numerator, denominator, plan, assessment, units reporting),
 * the name taking the room left. Narrow: two columns, the indicator (name, then its code, who reported
 * and a rate's numerator and denominator in small type) and the figure (with plan and assessment
 * beneath it), so a name wraps over two or three lines, not seven. Everything is text on the page:
 * nothing hides in a hover title. With a history (`series[]`), the change from the previous period:
 * a column when wide, a line under the name when narrow ("So với năm 2027: −3,11 điểm %").
 */

const WIDE = "@media (min-width: 640px)";

const useStyles = makeStyles({
  table: {
    width: "100%",
    // Auto, not Fluent's fixed layout: the name takes the room the numbers leave.
    tableLayout: "auto",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  caption: {
    textAlign: "left",
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXS,
  },
  th: {
    textAlign: "left",
    verticalAlign: "bottom",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    // Headers wrap rather than clip (English ones are longer).
    whiteSpace: "normal",
    overflowWrap: "normal",
  },
  td: {
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  // Wide, the figure and its unit stay on one line (there is room); narrow, the unit may go under it.
  figure: { fontWeight: tokens.fontWeightSemibold, [WIDE]: { whiteSpace: "nowrap" } },
  nowrap: { whiteSpace: "nowrap" },
  // Columns only a wide pane has room for.
  wide: { display: "none", [WIDE]: { display: "table-cell" } },
  // What a narrow pane shows inside the two cells instead.
  narrow: { display: "block", [WIDE]: { display: "none" } },
  name: { minWidth: "9em", textAlign: "left" },
  rowHead: { fontWeight: tokens.fontWeightRegular },
  small: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  // The figure column: wide enough for "Không đạt" and "83.655,9" on one line, no wider.
  valueCol: { width: "7.5em", [WIDE]: { width: "auto" } },
  met: { color: tokens.colorPaletteGreenForeground1 },
  // Marigold 2, not 1: #d39300 on white fails contrast (axe), #835b00 passes.
  behind: { color: tokens.colorPaletteMarigoldForeground2 },
  missed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  change: { fontSize: tokens.fontSizeBase200 },
});

/** An indicator's change from the period before this one, when the series has one. */
interface Change {
  /** The previous period's code. */
  from: string;
  change: number;
  before: number;
}

function changes(series: ReportSeriesPoint[] | undefined, period: string | undefined): Map<string, Change> {
  const out = new Map<string, Change>();
  if (!series || !period) return out;
  const last = new Map<string, ReportSeriesPoint>();
  for (const p of series) {
    const prev = last.get(p.indicator);
    last.set(p.indicator, p);
    if (p.period !== period || p.change === undefined || !prev || prev.value === null) continue;
    out.set(p.indicator, { from: prev.period, change: p.change, before: prev.value });
  }
  return out;
}

/**
 * A change in words: a rate's in percentage points, a count's or amount's in its unit with the
 * relative change beside it, a score's in its unit. Signed with a true minus sign.
 */
function changeText(
  c: Change,
  def: Indicator | undefined,
  unit: string,
  decimals: number | undefined,
  t: Strings,
  locale: string,
): string {
  const digits = decimals ?? 2;
  const num = (v: number, d: number): string =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
  const rounded = Number(c.change.toFixed(digits));
  if (rounded === 0) return t.consolidate.unchanged;
  const sign = rounded > 0 ? "+" : "−";
  const abs = num(Math.abs(rounded), digits);
  if (def?.kind === "rate") return `${sign}${abs} ${t.consolidate.points}`;
  const absolute = `${sign}${abs} ${unit}`;
  if ((def?.kind === "count" || def?.kind === "amount") && c.before !== 0) {
    const pct = (c.change / Math.abs(c.before)) * 100;
    return `${absolute} (${sign}${num(Math.abs(pct), 1)}%)`;
  }
  return absolute;
}

/** Summaries consolidated upward: provinces report, and the communes behind them are counted apart. */
function differsInBase(ind: ReportIndicator): boolean {
  return ind.reportingBase !== ind.reporting || ind.expectedBase !== ind.expected;
}

/** Decimals as the summary workbook shows them (src/core/layout/number-formats). */
function figureDecimals(def: Indicator | undefined): number | undefined {
  if (!def) return undefined;
  if (def.kind === "rate" || def.kind === "score") return def.decimals;
  return def.integer ? 0 : def.decimals;
}

export interface FigureTableProps {
  indicators: ReportIndicator[];
  /** The report's series (from a history), to show the change from the previous period. */
  series?: ReportSeriesPoint[];
  /** The report's period: the last point of each indicator's series. */
  period?: string;
}

export function FigureTable({ indicators, series, period }: FigureTableProps) {
  const t = useStrings();
  const c = t.consolidate.columns;
  const styles = useStyles();
  const locale = t.lang === "vi" ? "vi-VN" : "en-US";
  const format = (v: number | null | undefined, decimals: number | undefined): string =>
    v == null
      ? "–"
      : new Intl.NumberFormat(locale, {
          minimumFractionDigits: decimals ?? 0,
          maximumFractionDigits: decimals ?? 2,
        }).format(v);
  const standingClass = (s: Standing): string | undefined =>
    s === "met" || s === "on_track"
      ? styles.met
      : s === "behind"
        ? styles.behind
        : s === "missed"
          ? styles.missed
          : styles.muted;
  const hasParts = indicators.some((i) => i.numerator != null && i.denominator != null);
  const hasPlan = indicators.some((i) => i.target != null || (i.status && i.status !== "no_target"));
  const changed = changes(series, period);
  const hasChange = changed.size > 0;
  // One previous period for all (the usual case) is said once, in the column's header.
  const froms = new Set([...changed.values()].map((c) => c.from));
  const oneFrom = froms.size === 1 ? [...froms][0] : undefined;
  const wide = (...extra: (string | undefined)[]): string => mergeClasses(styles.td, styles.wide, ...extra);
  const head = (...extra: (string | undefined)[]): string => mergeClasses(styles.th, styles.wide, ...extra);
  return (
    <table className={styles.table} aria-label={t.consolidate.figuresTitle}>
      <caption className={styles.caption}>{t.consolidate.figuresTitle}</caption>
      <thead>
        <tr>
          <th scope="col" className={mergeClasses(styles.th, styles.name)}>
            {c.name}
          </th>
          <th scope="col" className={mergeClasses(styles.th, styles.num, styles.valueCol)}>
            {c.value}
          </th>
          {hasParts ? (
            <>
              <th scope="col" className={head(styles.num)}>
                {c.numerator}
              </th>
              <th scope="col" className={head(styles.num)}>
                {c.denominator}
              </th>
            </>
          ) : null}
          {hasPlan ? (
            <>
              <th scope="col" className={head(styles.num)}>
                {c.target}
              </th>
              <th scope="col" className={head()}>
                {c.status}
              </th>
            </>
          ) : null}
          {hasChange ? (
            <th scope="col" className={head(styles.num)}>
              {oneFrom ? t.consolidate.changeSince(periodPhrase(oneFrom, t.lang)) : c.change}
            </th>
          ) : null}
          <th scope="col" className={head(styles.num)}>
            {c.reporting}
          </th>
        </tr>
      </thead>
      <tbody>
        {indicators.map((ind) => {
          const def = findIndicator(ind.code);
          const name = def?.name[t.lang] ?? ind.name;
          const unit = def?.unit[t.lang] ?? ind.unit;
          const decimals = figureDecimals(def);
          const partDecimals = (integer: boolean | undefined): number | undefined =>
            def ? (integer === false ? 2 : 0) : undefined;
          const numerator = format(ind.numerator, partDecimals(def?.numerator?.integer));
          const denominator = format(ind.denominator, partDecimals(def?.denominator?.integer));
          const parts = ind.numerator != null && ind.denominator != null;
          const target = ind.target != null ? `${format(ind.target, decimals)} ${unit}` : "–";
          const standing = standingOf(ind.status, ind.target);
          const showStanding = hasPlan && ind.status !== undefined;
          const reporting = `${ind.reporting}/${ind.expected}`;
          const base = differsInBase(ind) ? t.consolidate.baseUnits(ind.reportingBase, ind.expectedBase) : "";
          const ch = changed.get(ind.code);
          const chText = ch ? changeText(ch, def, unit, decimals, t, locale) : "";
          return (
            <tr key={ind.code}>
              <th scope="row" className={mergeClasses(styles.td, styles.name, styles.rowHead)}>
                <div>{name}</div>
                <div className={styles.small}>{ind.code}</div>
                <div className={mergeClasses(styles.small, styles.narrow)}>
                  {t.consolidate.reportingShort(ind.reporting, ind.expected)}
                  {base ? ` (${base})` : ""}
                </div>
                {parts ? (
                  <div className={mergeClasses(styles.small, styles.narrow)}>
                    {t.consolidate.parts(numerator, denominator)}
                  </div>
                ) : null}
                {ch ? (
                  <div className={mergeClasses(styles.change, styles.narrow)}>
                    {t.consolidate.change(periodPhrase(ch.from, t.lang), chText)}
                  </div>
                ) : null}
              </th>
              <td className={mergeClasses(styles.td, styles.num)}>
                {/* Number and unit each whole, a line break allowed between: the figure column stays narrow. */}
                <div className={styles.figure}>
                  <span className={styles.nowrap}>{format(ind.value, decimals)}</span>
                  {ind.value == null ? null : (
                    <>
                      {" "}
                      <span className={styles.nowrap}>{unit}</span>
                    </>
                  )}
                </div>
                {hasPlan && ind.target != null ? (
                  <div className={mergeClasses(styles.small, styles.narrow)}>
                    {t.consolidate.targetLabel}{" "}
                    <span className={styles.nowrap}>{format(ind.target, decimals)}</span>{" "}
                    <span className={styles.nowrap}>{unit}</span>
                  </div>
                ) : null}
                {showStanding ? (
                  <div className={mergeClasses(styles.narrow, standingClass(standing))}>
                    {STANDING_TEXT[standing][t.lang]}
                  </div>
                ) : null}
              </td>
              {hasParts ? (
                <>
                  <td className={wide(styles.num, styles.nowrap)}>{parts ? numerator : "–"}</td>
                  <td className={wide(styles.num, styles.nowrap)}>{parts ? denominator : "–"}</td>
                </>
              ) : null}
              {hasPlan ? (
                <>
                  <td className={wide(styles.num, styles.nowrap)}>{target}</td>
                  <td className={wide(showStanding ? standingClass(standing) : undefined)}>
                    {showStanding ? STANDING_TEXT[standing][t.lang] : "–"}
                  </td>
                </>
              ) : null}
              {hasChange ? (
                <td className={wide(styles.num)}>
                  {ch ? <span className={styles.nowrap}>{chText}</span> : "–"}
                  {ch && !oneFrom ? (
                    <div className={styles.small}>{periodPhrase(ch.from, t.lang)}</div>
                  ) : null}
                </td>
              ) : null}
              <td className={wide(styles.num)}>
                <span className={styles.nowrap}>{reporting}</span>
                {base ? <div className={styles.small}>{base}</div> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
