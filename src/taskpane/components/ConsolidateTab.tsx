import { Button, Field, Input, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { Issue } from "../../core/issues";
import { countIssues } from "../../core/issues-fold";
import type { Roster } from "../../core/roster/roster";
import { readTypedDate } from "../dates";
import { NothingUsable, type Consolidated, type Engine, type FileInput } from "../engine";
import type { ExcelPort } from "../excel-port";
import { errorMessage, useStrings } from "../i18n";
import { paint } from "../paint";
import { periodLabel, readPeriodInput } from "../periods";
import type { Parser } from "../parse-client";
import type { Strings } from "../strings";
import { FigureTable } from "./FigureTable";
import { FilePicker } from "./FilePicker";
import { IssueList, sortIssues } from "./IssueList";
import { Notices, said, type Message } from "./Notice";
import { PeriodField } from "./PeriodField";
import { renderedMessages } from "./rendered-messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: {
    display: "flex",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalM,
    flexWrap: "wrap",
    "& > *": { flex: "1 1 150px" },
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  intro: { margin: 0 },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  outcome: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    scrollMarginTop: tokens.spacingVerticalM,
    outlineOffset: "2px",
  },
  progress: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

export type Phase =
  | { kind: "idle" }
  | { kind: "reading"; done: number; total: number }
  | { kind: "computing"; total: number }
  | { kind: "writing" };

/**
 * Everything the tab shows, kept by the pane for the session: switching tab and back finds the files,
 * the result and its messages as they were. A result belongs to its inputs: changing one clears it.
 */
export interface ConsolidateState {
  files: File[];
  roster: File[];
  plan: File[];
  /** Earlier summaries or submissions of the scope ("Kỳ trước"): the engine's history. */
  history: File[];
  /** The canonical period once chosen or read (2026-H1), else the text as typed. */
  period: string;
  /** As typed (dd/mm/yyyy); read when the run starts. */
  due: string;
  phase: Phase;
  messages: Message[];
  result?: Consolidated;
  periodError?: boolean;
  dueError?: boolean;
  /** Finished runs: the tab moves focus to the outcome once for each. */
  runs: number;
}

export const initialConsolidateState: ConsolidateState = {
  files: [],
  roster: [],
  plan: [],
  history: [],
  period: "",
  due: "",
  phase: { kind: "idle" },
  messages: [],
  runs: 0,
};

export interface ConsolidateTabProps {
  state: ConsolidateState;
  onChange: (patch: Partial<ConsolidateState>) => void;
  engine: Engine;
  /** Parses files with the engine (in workers when it can); undefined when the engine cannot parse. */
  parser?: Parser;
  excel?: ExcelPort;
  download: (name: string, bytes: Uint8Array) => void;
  /** The official list of units: names a unit the report does not (one outside the roster). */
  units?: () => Roster;
}

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

/** For each file chosen, why nothing in it could be used: its first error, else its first issue. */
function reasonsByFile(names: string[], issues: Issue[]): (t: Strings) => string[] {
  const sorted = sortIssues(issues);
  return (t) =>
    names.map((name) => {
      const first = sorted.find((i) => i.file === name);
      const why = first ? (t.lang === "vi" ? first.message : first.messageEn) : t.consolidate.noReason;
      return `${name}: ${why}`;
    });
}

function noneUsable(names: string[], issues: Issue[]): Message {
  return {
    intent: "error",
    title: (t) => t.consolidate.noneUsableTitle,
    say: (t) => t.consolidate.noneUsable(names.length),
    list: reasonsByFile(names, issues),
  };
}

/** The period in words with its code: "6 tháng đầu năm 2026 (2026-H1)"; a year needs no code. */
function periodHeading(code: string, lang: "vi" | "en"): string {
  const p = readPeriodInput(code);
  if (!p) return code;
  const words = periodLabel(p, lang);
  return words === code || p.kind === "year" ? words : `${words} (${code})`;
}

const CHANGED: Message = said("info", (t) => t.consolidate.changed);

const usedUnits = (r: Consolidated): number =>
  r.report.units.filter((u) => u.status === "ok" || u.status === "late").length;

/** Tổng hợp: many units' files into one summary, read on this computer, offered back as a workbook. */
export function ConsolidateTab({
  state,
  onChange,
  engine,
  parser,
  excel,
  download,
  units,
}: ConsolidateTabProps) {
  const t = useStrings();
  const styles = useStyles();
  const { phase, result } = state;
  const busy = phase.kind !== "idle";
  const outcome = useRef<HTMLDivElement>(null);
  const seenRuns = useRef(state.runs);

  // When a run ends, the person is taken to what it says (at 350 px it is below the fold), and
  // screen readers read it from there. Once per run: coming back to the tab later does not move focus.
  useEffect(() => {
    if (state.runs === seenRuns.current) return;
    seenRuns.current = state.runs;
    const el = outcome.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView?.({ block: "start", behavior: "smooth" });
  }, [state.runs]);

  /**
   * An input changed: the result and messages on screen no longer belong to what is chosen. The
   * pane says why the result went, until the next run.
   */
  const change = (patch: Partial<ConsolidateState>): void => {
    const cleared = result !== undefined || state.messages.includes(CHANGED);
    onChange({ ...patch, result: undefined, messages: cleared ? [CHANGED] : [] });
  };

  const run = async (): Promise<void> => {
    const runs = state.runs + 1;
    const periodText = state.period.trim();
    // Every canonical period is one to consolidate for, phases included (FORMATS.md §4).
    const period = periodText ? readPeriodInput(periodText) : undefined;
    const periodError = periodText !== "" && !period;
    const due = state.due.trim() ? readTypedDate(state.due) : undefined;
    const dueError = due !== undefined && !due.ok;
    if (due?.ok) onChange({ due: due.shown });
    if (period && period.code !== periodText) onChange({ period: period.code });
    if (periodError || dueError) {
      onChange({
        periodError,
        dueError,
        result: undefined,
        messages: [said("error", (x) => x.consolidate.fixFields)],
        runs,
      });
      return;
    }
    if (state.files.length === 0) {
      onChange({ result: undefined, messages: [said("warning", (x) => x.consolidate.noFiles)], runs });
      return;
    }
    const names = state.files.map((f) => f.name);
    const total = state.files.length;
    onChange({
      periodError,
      dueError,
      messages: [],
      result: undefined,
      phase: { kind: "reading", done: 0, total },
    });
    await paint();
    const end = (patch: Partial<ConsolidateState>): void =>
      onChange({ phase: { kind: "idle" }, runs, ...patch });
    try {
      const roster = state.roster[0] ? await readFile(state.roster[0]) : undefined;
      const plan = state.plan[0] ? await readFile(state.plan[0]) : undefined;
      const history: FileInput[] = [];
      for (const f of state.history) history.push(await readFile(f));
      const inputs: FileInput[] = [];
      for (const f of state.files) {
        inputs.push(await readFile(f));
        // Without a parser, reading the bytes is all the progress there is.
        if (!parser) onChange({ phase: { kind: "reading", done: inputs.length, total } });
      }
      if (!parser || !engine.consolidateParsed) {
        end({ messages: [said("info", (x) => x.consolidate.unavailable(total))] });
        return;
      }
      const parsed = await parser(inputs, (done) => onChange({ phase: { kind: "reading", done, total } }));
      onChange({ phase: { kind: "computing", total } });
      await paint();
      const out = await engine.consolidateParsed(parsed, {
        roster,
        plan,
        period: period?.code,
        history,
        due: due?.ok ? due.iso : undefined,
        locale: t.lang,
      });
      const used = usedUnits(out);
      // Nothing usable: a table of empty figures would say nothing; each file's reason does.
      if (used === 0) {
        end({ messages: [noneUsable(names, out.report.issues)] });
        return;
      }
      const { errors, warnings } = countIssues(out.report.issues);
      const done: Message = {
        intent: "success",
        title: (x) => x.consolidate.doneTitle,
        say: (x) => x.consolidate.done(total, used, errors, warnings, !!excel),
      };
      if (excel) {
        // In Excel the summary goes into this workbook at once: new sheets, or the add-in's own replaced.
        onChange({ phase: { kind: "writing" }, result: out });
        await paint();
        const rendered = renderedMessages(
          await excel.insertLayout(out.workbook),
          (x) => x.consolidate.inserted,
        );
        end({ result: out, messages: [done, ...rendered] });
      } else {
        end({ result: out, messages: [done] });
      }
    } catch (e) {
      if (e instanceof NothingUsable) end({ messages: [noneUsable(names, e.issues)] });
      else end({ messages: [errorMessage(e)] });
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
      onChange({
        messages: [
          ...state.messages.filter((m) => m.intent !== "error"),
          said("success", (x) => x.consolidate.downloaded(name)),
        ],
      });
    } catch (e) {
      onChange({ messages: [errorMessage(e)] });
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
      onChange({
        messages: [
          ...state.messages.filter((m) => m.intent !== "error"),
          said("success", (x) => x.consolidate.downloaded(name)),
        ],
      });
    } catch (e) {
      onChange({ messages: [errorMessage(e)] });
    }
  };

  const progress =
    phase.kind === "reading"
      ? t.consolidate.reading(phase.done, phase.total)
      : phase.kind === "computing"
        ? t.consolidate.computing(phase.total)
        : phase.kind === "writing"
          ? t.consolidate.writing
          : "";
  const issues = result ? sortIssues(result.report.issues) : [];
  const unitNames = new Map(result?.report.units.map((u) => [u.code, u.name]) ?? []);
  const unitName = (code: string): string | undefined => {
    const known = unitNames.get(code);
    if (known && known !== code) return known;
    try {
      return units?.().get(code)?.name;
    } catch {
      return undefined;
    }
  };
  return (
    <div className={styles.root}>
      <p className={styles.intro}>{t.consolidate.intro}</p>
      <FilePicker
        label={t.consolidate.filesLabel}
        accept=".xlsx,.csv"
        multiple
        files={state.files}
        onChange={(files) => change({ files })}
        summary={t.consolidate.chosen(state.files.length)}
        disabled={busy}
      />
      <FilePicker
        label={t.consolidate.rosterLabel}
        accept=".csv"
        files={state.roster}
        onChange={(roster) => change({ roster })}
        summary={t.consolidate.chosen(state.roster.length)}
        hint={t.optional}
        disabled={busy}
      />
      <FilePicker
        label={t.consolidate.planLabel}
        accept=".csv,.xlsx"
        files={state.plan}
        onChange={(plan) => change({ plan })}
        summary={t.consolidate.chosen(state.plan.length)}
        hint={t.optional}
        disabled={busy}
      />
      <FilePicker
        label={t.consolidate.historyLabel}
        accept=".xlsx,.csv"
        multiple
        files={state.history}
        onChange={(history) => change({ history })}
        summary={t.consolidate.chosen(state.history.length)}
        hint={t.consolidate.historyHint}
        disabled={busy}
      />
      <div className={styles.row}>
        <PeriodField
          label={t.consolidate.periodLabel}
          hint={t.consolidate.periodHint}
          value={state.period}
          error={state.periodError ? t.consolidate.periodInvalid(state.period.trim()) : undefined}
          onChange={(period, invalid) => change({ period, periodError: invalid ?? false })}
          disabled={busy}
        />
        <Field
          label={t.consolidate.dueLabel}
          hint={t.consolidate.dueHint}
          validationState={state.dueError ? "error" : "none"}
          validationMessage={state.dueError ? t.consolidate.dueInvalid(state.due.trim()) : undefined}
        >
          <Input
            value={state.due}
            placeholder="15/12/2026"
            inputMode="numeric"
            autoComplete="off"
            onChange={(_e, d) => change({ due: d.value, dueError: false })}
            onBlur={() => {
              if (!state.due.trim()) return;
              const d = readTypedDate(state.due);
              // Shown back as read, so a typed 15122026 is seen to be 15/12/2026; a non-date is marked.
              if (d.ok) {
                if (d.shown !== state.due) onChange({ due: d.shown, dueError: false });
              } else onChange({ dueError: true });
            }}
            disabled={busy}
          />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void run()} disabled={busy}>
          {t.consolidate.run}
        </Button>
      </div>
      {/* Always in the page, so screen readers hear each step as it changes. */}
      <div className={styles.progress} role="status" aria-live="polite">
        {busy ? <span>{progress}</span> : null}
        {busy ? (
          <ProgressBar
            aria-label={progress}
            value={phase.kind === "reading" ? phase.done : undefined}
            max={phase.kind === "reading" ? phase.total : undefined}
          />
        ) : null}
      </div>
      <div
        ref={outcome}
        tabIndex={-1}
        className={styles.outcome}
        aria-label={state.messages.length > 0 || result ? t.consolidate.resultTitle : undefined}
        role={state.messages.length > 0 || result ? "region" : undefined}
      >
        <Notices messages={state.messages} />
        {result && !busy ? (
          <div className={styles.actions}>
            {/* In Excel the summary is already in the workbook: the file is a second way. */}
            <Button appearance={excel ? "secondary" : "primary"} onClick={() => void save()}>
              {t.consolidate.download}
            </Button>
            {result.writtenReport ? (
              <Button appearance="secondary" onClick={() => void saveReport()}>
                {t.consolidate.downloadReport}
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      {result && !busy ? (
        <>
          <h2 className={styles.heading}>
            {t.consolidate.scope(result.report.scope.name, periodHeading(result.report.period, t.lang))}
          </h2>
          <p className={styles.intro}>
            {t.consolidate.unitsTitle}: {unitSummary(result, t)}
          </p>
          <FigureTable
            indicators={result.report.indicators}
            series={result.report.series}
            period={result.report.period}
          />
          {issues.length > 0 ? <IssueList issues={issues} unitName={unitName} context="consolidate" /> : null}
        </>
      ) : null}
    </div>
  );
}
