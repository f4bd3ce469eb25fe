import { Badge, Button, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useState } from "react";
import { findIndicator } from "../../core/catalog/indicators";
import { compareIssues, type Issue, type RuleId } from "../../core/issues";
import { countIssues } from "../../core/issues-fold";
import { describeError, useStrings } from "../i18n";
import type { Strings } from "../strings";

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
  open: { backgroundColor: tokens.colorNeutralBackground1Selected },
  // The badge keeps its width when a long message wraps beside it.
  badge: { flexShrink: 0, whiteSpace: "nowrap", minWidth: "5.5em" },
  text: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  subject: { fontWeight: tokens.fontWeightSemibold },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  details: {
    margin: `0 0 ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXXL}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const PAGE = 100;

/** Errors first (what stops a figure), then warnings; within each, by file and place. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  const rank = (i: Issue): number => (i.severity === "error" ? 0 : 1);
  return [...issues].sort((a, b) => rank(a) - rank(b) || compareIssues(a, b));
}

const FILE_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  "unreadable-file",
  "not-a-submission",
  "missing-metadata",
  "wrong-template",
  "wrong-period",
  "legacy-encoding",
]);
const UNIT_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  "missing-submission",
  "late",
  "duplicate-submission",
  "unknown-unit",
]);
const PLAN_RULES: ReadonlySet<RuleId> = new Set<RuleId>(["invalid-plan", "plan-inconsistent"]);
const RESULT_RULES: ReadonlySet<RuleId> = new Set<RuleId>(["target-missed", "pace-missed"]);

/** What the person can do about an issue, by the kind of rule it breaks. */
function advice(issue: Issue, t: Strings, context: "check" | "consolidate"): string {
  const a = t.issues.advice;
  if (FILE_RULES.has(issue.rule)) return a.file;
  if (UNIT_RULES.has(issue.rule)) return a.unit;
  if (PLAN_RULES.has(issue.rule)) return a.plan;
  if (RESULT_RULES.has(issue.rule)) return a.result;
  return context === "check" ? a.check : a.cell;
}

/**
 * The engine's message without the indicator code it starts with ("HO_NGHEO: …", "HO_NGHEO – Tử
 * số: …"): the line above it names the indicator in words, with the code beside.
 */
function messageOf(issue: Issue, t: Strings): string {
  const text = t.lang === "vi" ? issue.message : issue.messageEn;
  const code = issue.indicator;
  if (!code || !text.startsWith(code)) return text;
  const rest = text.slice(code.length).replace(/^\s*(:|–|-)\s*/, "");
  return rest === text.slice(code.length) ? text : rest.charAt(0).toUpperCase() + rest.slice(1);
}

export interface IssueListProps {
  issues: Issue[];
  /** A unit's name from its code (the report's units, or the official list). */
  unitName?: (code: string) => string | undefined;
  /**
   * Inside Excel: takes the person to the issue's cell. The item opened under the click says it
   * did (or why it could not).
   */
  onSelect?: (issue: Issue) => Promise<void>;
  context: "check" | "consolidate";
}

/** Issues as buttons: each says what is wrong, for which unit and indicator, and where. */
export function IssueList({ issues, unitName, onSelect, context }: IssueListProps) {
  const t = useStrings();
  const styles = useStyles();
  const id = useId("issue");
  const [shown, setShown] = useState(PAGE);
  const [open, setOpen] = useState<number | undefined>();
  const [selected, setSelected] = useState<{ index: number; error?: unknown } | undefined>();
  // A folded issue counts as the issues it stands for (FORMATS.md §8).
  const { errors, warnings } = countIssues(issues);

  const click = async (issue: Issue, index: number): Promise<void> => {
    const closing = open === index;
    setOpen(closing ? undefined : index);
    setSelected(undefined);
    if (closing || !onSelect || !issue.sheet || !issue.cell) return;
    try {
      await onSelect(issue);
      setSelected({ index });
    } catch (error) {
      setSelected({ index, error });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.heading}>
        {t.issues.title(errors + warnings)} — {t.issues.counts(errors, warnings)}
      </h2>
      <p className={styles.note}>{t.issues.order}</p>
      <ul className={styles.list}>
        {issues.slice(0, shown).map((issue, i) => {
          const where = t.issues.where(issue.file, issue.sheet, issue.cell, issue.line);
          const severity = issue.severity === "error" ? t.issues.error : t.issues.warning;
          const ind = issue.indicator ? findIndicator(issue.indicator) : undefined;
          const subject = [
            issue.unit ? t.issues.unit(unitName?.(issue.unit) ?? "", issue.unit) : "",
            issue.indicator ? t.issues.indicator(ind?.name[t.lang] ?? "", issue.indicator) : "",
          ]
            .filter(Boolean)
            .join(" · ");
          const isOpen = open === i;
          const detailsId = `${id}-${i}`;
          const sel = selected?.index === i ? selected : undefined;
          return (
            <li key={`${i}-${issue.rule}-${issue.cell ?? issue.line ?? ""}`}>
              <Button
                appearance="subtle"
                className={isOpen ? `${styles.item} ${styles.open}` : styles.item}
                aria-expanded={isOpen}
                aria-controls={isOpen ? detailsId : undefined}
                onClick={() => void click(issue, i)}
              >
                <Badge
                  className={styles.badge}
                  appearance="tint"
                  color={issue.severity === "error" ? "danger" : "warning"}
                >
                  {severity}
                </Badge>
                <span className={styles.text}>
                  {subject ? <span className={styles.subject}>{subject}</span> : null}
                  <span>{messageOf(issue, t)}</span>
                  {where ? <span className={styles.where}>{where}</span> : null}
                </span>
              </Button>
              {isOpen ? (
                <div id={detailsId} className={styles.details} role="status">
                  {where ? (
                    <span>
                      {t.issues.whereLabel}: {where}
                    </span>
                  ) : null}
                  {sel && !sel.error && issue.sheet && issue.cell ? (
                    <span>{t.issues.selected(issue.sheet, issue.cell)}</span>
                  ) : null}
                  {sel?.error !== undefined ? <span>{describeError(sel.error, t.lang)}</span> : null}
                  <span>{advice(issue, t, context)}</span>
                </div>
              ) : null}
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
