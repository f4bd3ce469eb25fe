import { Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { compareIssues, type Issue } from "../../core/issues";
import type { Engine } from "../engine";
import type { ExcelPort } from "../excel-port";
import { describeError, useStrings } from "../i18n";
import { FilePicker } from "./FilePicker";
import { IssueList } from "./IssueList";
import { Notices, type Message } from "./Notice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  intro: { margin: 0 },
});

export interface CheckState {
  file?: File;
}

export interface CheckTabProps {
  state: CheckState;
  onChange: (patch: Partial<CheckState>) => void;
  engine: Engine;
  excel?: ExcelPort;
}

/** Kiểm tra: the open workbook (or, in a browser, a chosen file) checked by the engine. */
export function CheckTab({ state, onChange, engine, excel }: CheckTabProps) {
  const t = useStrings();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<Message[]>([]);
  const [issues, setIssues] = useState<Issue[] | undefined>();

  const run = async (): Promise<void> => {
    setMessages([]);
    setIssues(undefined);
    const available = excel ? engine.checkSource : engine.checkFile;
    if (!available) {
      setMessages([{ intent: "info", text: t.check.unavailable }]);
      return;
    }
    if (!excel && !state.file) {
      setMessages([{ intent: "warning", text: t.check.noFile }]);
      return;
    }
    setBusy(true);
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
      setIssues([...found].sort(compareIssues));
      if (found.length === 0) setMessages([{ intent: "success", text: t.check.noIssues }]);
    } catch (e) {
      setMessages([{ intent: "error", text: describeError(e, t.lang) }]);
    } finally {
      setBusy(false);
    }
  };

  const select = async (issue: Issue): Promise<void> => {
    if (!excel || !issue.sheet || !issue.cell) return;
    try {
      await excel.selectCell(issue.sheet, issue.cell);
    } catch (e) {
      setMessages([{ intent: "error", text: describeError(e, t.lang) }]);
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
          onChange={(files) => onChange({ file: files[0] })}
          summary={t.consolidate.chosen(state.file ? 1 : 0)}
          disabled={busy}
        />
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void run()} disabled={busy}>
          {t.check.run}
        </Button>
        {busy ? <Spinner size="tiny" label={t.check.working} /> : null}
      </div>
      <Notices messages={messages} />
      {issues && issues.length > 0 ? (
        <IssueList issues={issues} onSelect={excel ? (i) => void select(i) : undefined} />
      ) : null}
    </div>
  );
}
