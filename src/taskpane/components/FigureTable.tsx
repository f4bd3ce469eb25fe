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
import type { ReportIndicator } from "../../core/report-types";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  wrap: { overflowX: "auto" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  caption: {
    textAlign: "left",
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXS,
  },
});

/** The province figures of a consolidation, as the report gives them (not rounded there; here for reading). */
export function FigureTable({ indicators }: { indicators: ReportIndicator[] }) {
  const t = useStrings();
  const c = t.consolidate.columns;
  const styles = useStyles();
  const fmt = new Intl.NumberFormat(t.lang === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: 2 });
  const num = (v: number | null | undefined): string => (v == null ? "–" : fmt.format(v));
  return (
    <div className={styles.wrap}>
      <Table size="small" aria-label={t.consolidate.figuresTitle}>
        <caption className={styles.caption}>{t.consolidate.figuresTitle}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{c.code}</TableHeaderCell>
            <TableHeaderCell>{c.name}</TableHeaderCell>
            <TableHeaderCell>{c.value}</TableHeaderCell>
            <TableHeaderCell>{c.numerator}</TableHeaderCell>
            <TableHeaderCell>{c.denominator}</TableHeaderCell>
            <TableHeaderCell>{c.reporting}</TableHeaderCell>
            <TableHeaderCell>{c.status}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {indicators.map((ind) => (
            <TableRow key={ind.code}>
              <TableCell>{ind.code}</TableCell>
              <TableCell>{ind.name}</TableCell>
              <TableCell className={styles.num}>
                {num(ind.value)} {ind.value == null ? "" : ind.unit}
              </TableCell>
              <TableCell className={styles.num}>{num(ind.numerator)}</TableCell>
              <TableCell className={styles.num}>{num(ind.denominator)}</TableCell>
              <TableCell className={styles.num}>
                {ind.reporting}/{ind.expected}
              </TableCell>
              <TableCell>{ind.status ? t.consolidate.planStatus[ind.status] : "–"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
