import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { ReportIndicator } from "../../core/json-report/types";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  wrap: { overflowX: "auto" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  // Headers wrap: the pane is ~320–450 px wide and "Đơn vị báo cáo" must not run into "Đánh giá".
  numHead: {
    textAlign: "right",
    whiteSpace: "normal",
    "& > div, & > button": { justifyContent: "flex-end" },
  },
  // A long unit ("triệu đồng") goes under its number rather than into the next column.
  value: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "normal" },
  nowrap: { whiteSpace: "nowrap" },
  met: { color: tokens.colorPaletteGreenForeground1 },
  behind: { color: tokens.colorPaletteMarigoldForeground1 },
  missed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  name: { lineHeight: tokens.lineHeightBase200 },
  code: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  caption: {
    textAlign: "left",
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXS,
  },
});

/** Summaries consolidated upward: provinces report, and the communes behind them are counted apart. */
function differsInBase(ind: ReportIndicator): boolean {
  return ind.reportingBase !== ind.reporting || ind.expectedBase !== ind.expected;
}

/**
 * The province figures of a consolidation, for a narrow task pane: the indicator (name, with its code
 * beneath), the figure, who reported (and the communes behind them, when those are not the units), and
 * the assessment. Numerators and denominators are in the
 * workbook; a rate shows them in its row's title.
 */
export function FigureTable({ indicators }: { indicators: ReportIndicator[] }) {
  const t = useStrings();
  const c = t.consolidate.columns;
  const styles = useStyles();
  const fmt = new Intl.NumberFormat(t.lang === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: 2 });
  const num = (v: number | null | undefined): string => (v == null ? "–" : fmt.format(v));
  const parts = (ind: ReportIndicator): string | undefined =>
    ind.numerator != null && ind.denominator != null
      ? `${c.numerator} ${num(ind.numerator)} / ${c.denominator} ${num(ind.denominator)}`
      : undefined;
  // The workbook's traffic lights, as text colours: the word itself says the status to everyone.
  const statusClass = (s: ReportIndicator["status"]): string | undefined =>
    s === "met" || s === "on_track"
      ? styles.met
      : s === "behind"
        ? styles.behind
        : s === "missed"
          ? styles.missed
          : undefined;
  const hasStatus = indicators.some((i) => i.status && i.status !== "no_target");
  return (
    <div className={styles.wrap}>
      <Table size="small" aria-label={t.consolidate.figuresTitle}>
        <caption className={styles.caption}>{t.consolidate.figuresTitle}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{c.name}</TableHeaderCell>
            <TableHeaderCell className={styles.numHead}>{c.value}</TableHeaderCell>
            <TableHeaderCell className={styles.numHead}>{c.reporting}</TableHeaderCell>
            {hasStatus ? <TableHeaderCell>{c.status}</TableHeaderCell> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {indicators.map((ind) => (
            <TableRow key={ind.code} title={parts(ind)}>
              <TableCell>
                <div className={styles.name}>{ind.name}</div>
                <div className={styles.code}>{ind.code}</div>
              </TableCell>
              <TableCell className={styles.value}>
                <span className={styles.nowrap}>{num(ind.value)}</span>
                {ind.value == null ? null : (
                  <>
                    {" "}
                    <span className={styles.nowrap}>{ind.unit}</span>
                  </>
                )}
              </TableCell>
              <TableCell className={styles.num}>
                {ind.reporting}/{ind.expected}
                {differsInBase(ind) ? (
                  <div className={styles.code}>
                    {t.consolidate.baseUnits(ind.reportingBase, ind.expectedBase)}
                  </div>
                ) : null}
              </TableCell>
              {hasStatus ? (
                <TableCell className={statusClass(ind.status)}>
                  {ind.status ? t.consolidate.planStatus[ind.status] : "–"}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
