import { Badge, Button, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { countIssues } from "../../core/issues-fold";
import type { Issue } from "../../core/issues";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
  },
  item: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "left",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightRegular,
    minHeight: "auto",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  // The badge keeps its width when a long message wraps beside it.
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  text: { display: "flex", flexDirection: "column" },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

const PAGE = 100;

export interface IssueListProps {
  issues: Issue[];
  /** Where clicking an issue goes (its cell); undefined makes the list plain text. */
  onSelect?: (issue: Issue) => void;
}

/** Issues as buttons: each says what is wrong and where, and takes the person there. */
export function IssueList({ issues, onSelect }: IssueListProps) {
  const t = useStrings();
  const styles = useStyles();
  const [shown, setShown] = useState(PAGE);
  // A folded issue counts as the issues it stands for (FORMATS.md §8).
  const { errors, warnings } = countIssues(issues);
  return (
    <section aria-label={t.issues.title(errors + warnings)}>
      <h2 className={styles.heading}>
        {t.issues.title(errors + warnings)} — {t.issues.counts(errors, warnings)}
      </h2>
      <ul className={styles.list}>
        {issues.slice(0, shown).map((issue, i) => {
          const where = t.issues.where(issue.file, issue.sheet, issue.cell, issue.line);
          const message = t.lang === "vi" ? issue.message : issue.messageEn;
          const severity = issue.severity === "error" ? t.issues.error : t.issues.warning;
          const body = (
            <>
              <Badge
                className={styles.badge}
                appearance="tint"
                color={issue.severity === "error" ? "danger" : "warning"}
                aria-label={severity}
              >
                {severity}
              </Badge>
              <span className={styles.text}>
                <span>{message}</span>
                {where ? <span className={styles.where}>{where}</span> : null}
              </span>
            </>
          );
          return (
            <li key={`${i}-${issue.rule}-${issue.cell ?? issue.line ?? ""}`}>
              {onSelect ? (
                <Button appearance="subtle" className={styles.item} onClick={() => onSelect(issue)}>
                  {body}
                </Button>
              ) : (
                <div className={styles.item} style={{ display: "flex" }}>
                  {body}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {issues.length > shown ? (
        <Button appearance="secondary" onClick={() => setShown(shown + PAGE)}>
          {t.issues.more(Math.min(PAGE, issues.length - shown))}
        </Button>
      ) : null}
    </section>
  );
}
