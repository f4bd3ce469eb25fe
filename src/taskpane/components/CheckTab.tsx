import { Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { Issue } from "../../core/issues";
import { countIssues } from "../../core/issues-fold";
import type { Roster } from "../../core/roster/roster";
import type { Engine } from "../engine";
import type { ExcelPort } from "../excel-port";
import { errorMessage, useStrings } from "../i18n";
import { paint } from "../paint";
import { FilePicker } from "./FilePicker";
import { IssueList, sortIssues } from "./IssueList";
import { Notices, said, type Message } from "./Notice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  intro: { margin: 0 },
  outcome: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    scrollMarginTop: tokens.spacingVerticalM,
  },
});

/** What the tab shows, kept by the pane for the session; a new file clears the old findings. */
export interface CheckState {
  file?: File;
  busy?: boolean;
  messages?: Message[];
  issues?: Issue[];
  /** Finished checks: the tab moves focus to the outcome once for each. */
  runs?: number;
}

export interface CheckTabProps {
  state: CheckState;
  onChange: (patch: Partial<CheckState>) => void;
  engine: Engine;
  excel?: ExcelPort;
  /** The official list of units, to name a unit in the issues. */
  units?: () => Roster;
}

/** Kiểm tra: the open workbook (or, in a browser, a chosen file) checked by the engine. */
export function CheckTab({ state, onChange, engine, excel, units }: CheckTabProps) {
  const t = useStrings();
  const styles = useStyles();
  const busy = state.busy ?? false;
  const messages = state.messages ?? [];
  const outcome = useRef<HTMLDivElement>(null);
  const seenRuns = useRef(state.runs ?? 0);

  useEffect(() => {
    if ((state.runs ?? 0) === seenRuns.current) return;
    seenRuns.current = state.runs ?? 0;
    outcome.current?.focus({ preventScroll: true });
    outcome.current?.scrollIntoView?.({ block: "start", behavior: "smooth" });
  }, [state.runs]);

  const run = async (): Promise<void> => {
    const runs = (state.runs ?? 0) + 1;
    const available = excel ? engine.checkSource : engine.checkFile;
    if (!available) {
      onChange({ issues: undefined, messages: [said("info", (x) => x.check.unavailable)], runs });
      return;
    }
    if (!excel && !state.file) {
      onChange({ issues: undefined, messages: [said("warning", (x) => x.check.noFile)], runs });
      return;
    }
    onChange({ busy: true, issues: undefined, messages: [] });
    await paint();
    try {
      let found: Issue[];
      if (excel && engine.checkSource) {
        const doc = await excel.readTable();
        found = await engine.checkSource(doc, { locale: t.lang });
      } else {
        const file = state.file as File;
        const bytes = new Uint8Array(await file.arrayBuffer());
        found = await (engine.checkFile as NonNullable<Engine["checkFile"]>)(
          { path: file.name, bytes },
          { locale: t.lang },
        );
      }
      const { errors, warnings } = countIssues(found);
      onChange({
        busy: false,
        issues: sortIssues(found),
        messages: [
          found.length === 0
            ? said("success", (x) => x.check.noIssues)
            : said(errors > 0 ? "warning" : "success", (x) => x.check.found(errors, warnings)),
        ],
        runs,
      });
    } catch (e) {
      onChange({ busy: false, messages: [errorMessage(e)], runs });
    }
  };

  const select = async (issue: Issue): Promise<void> => {
    if (excel && issue.sheet && issue.cell) await excel.selectCell(issue.sheet, issue.cell);
  };

  const unitName = (code: string): string | undefined => {
    try {
      return units?.().get(code)?.name;
    } catch {
      return undefined;
    }
  };

  return (
    <div className={styles.root}>
      <p className={styles.intro}>{excel ? t.check.introHost : t.check.introBrowser}</p>
      {excel ? null : (
        <FilePicker
          label={t.check.fileLabel}
          accept=".xlsx,.csv"
          files={state.file ? [state.file] : []}
          onChange={(files) => onChange({ file: files[0], issues: undefined, messages: [] })}
          summary={t.consolidate.chosen(state.file ? 1 : 0)}
          disabled={busy}
        />
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void run()} disabled={busy}>
          {t.check.run}
        </Button>
        <div role="status" aria-live="polite">
          {busy ? <Spinner size="tiny" label={t.check.working} /> : null}
        </div>
      </div>
      <div
        ref={outcome}
        tabIndex={-1}
        className={styles.outcome}
        role={messages.length > 0 ? "region" : undefined}
        aria-label={messages.length > 0 ? t.check.resultTitle : undefined}
      >
        <Notices messages={messages} />
      </div>
      {state.issues && state.issues.length > 0 ? (
        <IssueList
          issues={state.issues}
          unitName={unitName}
          onSelect={excel ? select : undefined}
          context="check"
        />
      ) : null}
    </div>
  );
}
