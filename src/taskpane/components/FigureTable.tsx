import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { findIndicator } from "../../core/catalog/indicators";
import type { Indicator } from "../../core/catalog/types";
import type { ReportIndicator } from "../../core/json-report/types";
import { standingOf, STANDING_TEXT, type Standing } from "../../core/plan/standing";
import { useStrings } from "../i18n";

/*
 * The province figures for a pane that is 320–450 px wide in Excel and up to 1200 px in a browser.
 * Wide: one column for each thing (figure, numerator, denominator, plan, assessment, units reporting),
 * the name taking the room left. Narrow: two columns, the indicator (name, then its code, who reported
 * and a rate's numerator and denominator in small type) and the figure (with plan and assessment
 * beneath it), so a name wraps over two or three lines, not seven. Everything is text on the page:
 * nothing hides in a hover title.
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
  figure: { fontWeight: tokens.fontWeightSemibold },
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
  behind: { color: tokens.colorPaletteMarigoldForeground1 },
  missed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

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

export function FigureTable({ indicators }: { indicators: ReportIndicator[] }) {
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
