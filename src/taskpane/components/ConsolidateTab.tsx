import { Button, Field, Input, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { compareIssues, type Issue } from "../../core/issues";
import type { Consolidated, Engine, FileInput } from "../engine";
import type { ExcelPort } from "../excel-port";
import { describeError, useStrings } from "../i18n";
import type { Parser } from "../parse-client";
import type { Strings } from "../strings";
import { FigureTable } from "./FigureTable";
import { FilePicker } from "./FilePicker";
import { IssueList } from "./IssueList";
import { Notice, Notices, type Message } from "./Notice";
import { renderedMessages } from "./rendered-messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", columnGap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  intro: { margin: 0 },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

export interface ConsolidateState {
  files: File[];
  roster: File[];
  plan: File[];
  period: string;
  due: string;
}

export const initialConsolidateState: ConsolidateState = {
  files: [],
  roster: [],
  plan: [],
  period: "",
  due: "",
};

export interface ConsolidateTabProps {
  state: ConsolidateState;
  onChange: (patch: Partial<ConsolidateState>) => void;
  engine: Engine;
  /** Parses files with the engine (in workers when it can); undefined when the engine cannot parse. */
  parser?: Parser;
  excel?: ExcelPort;
  download: (name: string, bytes: Uint8Array) => void;
}

type Phase =
  | { kind: "idle" }
  | { kind: "reading"; done: number; total: number }
  | { kind: "computing" }
  | { kind: "writing" };

async function readFile(f: File): Promise<FileInput> {
  return { path: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
}

function unitSummary(result: Consolidated, t: Strings): string {
  const counts = new Map<string, number>();
  for (const u of result.report.units) counts.set(u.status, (counts.get(u.status) ?? 0) + 1);
  return [...counts]
    .map(
      ([status, n]) =>
        `${n} ${t.consolidate.unitStatus[status as keyof typeof t.consolidate.unitStatus] ?? status}`,
    )
    .join(", ");
}

/** Tổng hợp: many units' files into one summary, read on this computer, offered back as a workbook. */
export function ConsolidateTab({ state, onChange, engine, parser, excel, download }: ConsolidateTabProps) {
  const t = useStrings();
  const styles = useStyles();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [messages, setMessages] = useState<Message[]>([]);
  const [result, setResult] = useState<Consolidated | undefined>();
  const [picked, setPicked] = useState<Issue | undefined>();
  const busy = phase.kind !== "idle";

  const run = async (): Promise<void> => {
    setMessages([]);
    setResult(undefined);
    setPicked(undefined);
    if (state.files.length === 0) {
      setMessages([{ intent: "warning", text: t.consolidate.noFiles }]);
      return;
    }
    const total = state.files.length;
    setPhase({ kind: "reading", done: 0, total });
    try {
      const roster = state.roster[0] ? await readFile(state.roster[0]) : undefined;
      const plan = state.plan[0] ? await readFile(state.plan[0]) : undefined;
      const inputs: FileInput[] = [];
      for (const f of state.files) {
        inputs.push(await readFile(f));
        // Without a parser, reading the bytes is all the progress there is.
        if (!parser) setPhase({ kind: "reading", done: inputs.length, total });
      }
      if (!parser || !engine.consolidateParsed) {
        setMessages([{ intent: "info", text: t.consolidate.unavailable(total) }]);
        return;
      }
      const parsed = await parser(inputs, (done) => setPhase({ kind: "reading", done, total }));
      setPhase({ kind: "computing" });
      const out = await engine.consolidateParsed(parsed, {
        roster,
        plan,
        period: state.period.trim() || undefined,
        due: state.due || undefined,
        locale: t.lang,
      });
      setResult(out);
      if (excel) {
        // In Excel the summary goes into this workbook at once: new sheets, or the add-in's own replaced.
        setPhase({ kind: "writing" });
        setMessages(renderedMessages(await excel.insertLayout(out.workbook), t, t.consolidate.inserted));
      }
    } catch (e) {
      setMessages([{ intent: "error", text: describeError(e, t.lang) }]);
    } finally {
      setPhase({ kind: "idle" });
    }
  };

  const fileName = (r: Consolidated): string =>
    `tong-hop_${r.report.template}_${r.report.scope.code}_${r.report.period}.xlsx`;

  const save = async (): Promise<void> => {
    if (!result) return;
    try {
      const { writeLayoutXlsx } = await import("../../io/xlsx-write");
      const name = fileName(result);
      download(name, writeLayoutXlsx(result.workbook));
      setMessages([{ intent: "success", text: t.consolidate.downloaded(name) }]);
    } catch (e) {
      setMessages([{ intent: "error", text: describeError(e, t.lang) }]);
    }
  };

  // The written report (báo cáo, .docx), in the pane's language; its writer is fetched when asked for.
  const saveReport = async (): Promise<void> => {
    if (!result?.writtenReport) return;
    try {
      const { writeReportDocx } = await import("../../io/docx-write");
      const r = result.report;
      const name = `bao-cao_${r.template}_${r.scope.code}_${r.period}.docx`;
      download(name, await writeReportDocx(result.writtenReport(t.lang)));
      setMessages([{ intent: "success", text: t.consolidate.downloaded(name) }]);
    } catch (e) {
      setMessages([{ intent: "error", text: describeError(e, t.lang) }]);
    }
  };

  const issues = result ? [...result.report.issues].sort(compareIssues) : [];
  return (
    <div className={styles.root}>
      <p className={styles.intro}>{t.consolidate.intro}</p>
      <FilePicker
        label={t.consolidate.filesLabel}
        accept=".xlsx,.csv"
        multiple
        files={state.files}
        onChange={(files) => onChange({ files })}
        summary={t.consolidate.chosen(state.files.length)}
        disabled={busy}
      />
      <FilePicker
        label={t.consolidate.rosterLabel}
        accept=".csv"
        files={state.roster}
        onChange={(roster) => onChange({ roster })}
        summary={t.consolidate.chosen(state.roster.length)}
        hint={t.optional}
        disabled={busy}
      />
      <FilePicker
        label={t.consolidate.planLabel}
        accept=".csv,.xlsx"
        files={state.plan}
        onChange={(plan) => onChange({ plan })}
        summary={t.consolidate.chosen(state.plan.length)}
        hint={t.optional}
        disabled={busy}
      />
      <div className={styles.row}>
        <Field label={t.consolidate.periodLabel} hint={t.optional}>
          <Input
            value={state.period}
            placeholder="2026"
            onChange={(_e, d) => onChange({ period: d.value })}
            disabled={busy}
          />
        </Field>
        <Field label={t.consolidate.dueLabel} hint={t.optional}>
          <Input
            type="date"
            value={state.due}
            onChange={(_e, d) => onChange({ due: d.value })}
            disabled={busy}
          />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void run()} disabled={busy}>
          {t.consolidate.run}
        </Button>
        {result ? (
          <Button appearance="secondary" onClick={() => void save()}>
            {t.consolidate.download}
          </Button>
        ) : null}
        {result?.writtenReport ? (
          <Button appearance="secondary" onClick={() => void saveReport()}>
            {t.consolidate.downloadReport}
          </Button>
        ) : null}
      </div>
      {phase.kind === "reading" ? (
        <Field label={t.consolidate.reading(phase.done, phase.total)} validationState="none">
          <ProgressBar value={phase.done} max={phase.total} />
        </Field>
      ) : null}
      {phase.kind === "writing" ? (
        <Field label={t.consolidate.writing}>
          <ProgressBar />
        </Field>
      ) : null}
      {phase.kind === "computing" ? (
        <Field label={t.consolidate.computing}>
          <ProgressBar />
        </Field>
      ) : null}
      <Notices messages={messages} />
      {result ? (
        <>
          <h2 className={styles.heading}>
            {t.consolidate.scope(result.report.scope.name, result.report.period)}
          </h2>
          <p className={styles.intro}>
            {t.consolidate.unitsTitle}: {unitSummary(result, t)}
          </p>
          <FigureTable indicators={result.report.indicators} />
          {issues.length > 0 ? <IssueList issues={issues} onSelect={setPicked} /> : null}
          {picked ? (
            <Notice
              intent={picked.severity === "error" ? "error" : "warning"}
              title={t.issues.where(picked.file, picked.sheet, picked.cell, picked.line)}
              onDismiss={() => setPicked(undefined)}
            >
              {t.lang === "vi" ? picked.message : picked.messageEn} ({picked.rule})
            </Notice>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
