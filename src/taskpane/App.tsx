import {
  FluentProvider,
  makeStyles,
  Switch,
  Tab,
  TabList,
  tokens,
  webLightTheme,
  type SelectTabData,
} from "@fluentui/react-components";
import { Component, useCallback, useEffect, useMemo, useState, type ErrorInfo, type ReactNode } from "react";
import type { Roster } from "../core/roster/roster";
import { CheckTab, type CheckState } from "./components/CheckTab";
import { ConsolidateTab, initialConsolidateState, type ConsolidateState } from "./components/ConsolidateTab";
import { Notice } from "./components/Notice";
import { initialTemplateState, TemplateTab, type TemplateState } from "./components/TemplateTab";
import type { Engine } from "./engine";
import type { ExcelPort } from "./excel-port";
import { describeError, LangContext } from "./i18n";
import type { Parser } from "./parse-client";
import { STRINGS, type Lang, type TabId } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "1280px",
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalM,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  panel: { paddingTop: tokens.spacingVerticalS },
});

export const TABS: readonly TabId[] = ["template", "check", "consolidate"];

export interface AppProps {
  engine: Engine;
  /** The workbook, when the pane runs inside Excel; undefined in a plain browser. */
  excel?: ExcelPort;
  /** Parses files with the engine; built by index.tsx (Web Workers in the real pane). */
  parser?: Parser;
  /** The official list of units, loaded on first use. */
  units: () => Roster;
  download: (name: string, bytes: Uint8Array) => void;
  initialTab?: TabId;
  initialLang?: Lang;
  /** A notice shown on start (e.g. that Excel did not answer). */
  startupNotice?: string;
}

/** The task pane: one FluentProvider at the root, three tabs, Vietnamese first. */
export function App(props: AppProps) {
  const [lang, setLang] = useState<Lang>(props.initialLang ?? "vi");
  return (
    <FluentProvider theme={webLightTheme} lang={lang === "vi" ? "vi-VN" : "en-US"}>
      <LangContext.Provider value={lang}>
        <ErrorBoundary lang={lang}>
          <Pane {...props} lang={lang} onLang={setLang} />
        </ErrorBoundary>
      </LangContext.Provider>
    </FluentProvider>
  );
}

function Pane({
  engine,
  excel,
  parser,
  units,
  download,
  initialTab,
  startupNotice,
  lang,
  onLang,
}: AppProps & {
  lang: Lang;
  onLang: (l: Lang) => void;
}) {
  const t = STRINGS[lang];
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>(initialTab ?? (excel ? "template" : "consolidate"));
  const [template, setTemplate] = useState<TemplateState>(initialTemplateState);
  const [check, setCheck] = useState<CheckState>({});
  const [consolidate, setConsolidate] = useState<ConsolidateState>(initialConsolidateState);
  // Kept as the error, not its text: switching language re-describes it.
  const [unexpected, setUnexpected] = useState<{ error: unknown } | undefined>();
  const patch =
    <S,>(set: (f: (s: S) => S) => void) =>
    (p: Partial<S>) =>
      set((s) => ({ ...s, ...p }));
  const onTemplate = useMemo(() => patch(setTemplate), []);
  const onCheck = useMemo(() => patch(setCheck), []);
  const onConsolidate = useMemo(() => patch(setConsolidate), []);

  // Errors nothing else caught still reach the person, not only the console.
  useEffect(() => {
    const onError = (e: ErrorEvent): void => setUnexpected({ error: e.error ?? e.message });
    const onRejection = (e: PromiseRejectionEvent): void => setUnexpected({ error: e.reason });
    window.addEventListener("error", onError);
    window.addEventListener("unhandledrejection", onRejection);
    return () => {
      window.removeEventListener("error", onError);
      window.removeEventListener("unhandledrejection", onRejection);
    };
  }, []);

  const onTab = useCallback((_e: unknown, data: SelectTabData) => setTab(data.value as TabId), []);
  const panelId = (id: TabId): string => `chitieu-panel-${id}`;
  const tabId = (id: TabId): string => `chitieu-tab-${id}`;

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <div>
          <h1 className={styles.title}>{t.appTitle}</h1>
          <p className={styles.subtitle}>{t.appSubtitle}</p>
        </div>
        <Switch
          label={t.englishSwitch}
          checked={lang === "en"}
          onChange={(_e, d) => onLang(d.checked ? "en" : "vi")}
        />
      </header>
      {!excel ? <Notice intent="info">{t.standalone}</Notice> : null}
      {startupNotice ? <Notice intent="warning">{startupNotice}</Notice> : null}
      {unexpected ? (
        <Notice intent="error" title={t.errorTitle} onDismiss={() => setUnexpected(undefined)}>
          {t.unexpected(describeError(unexpected.error, lang))}
        </Notice>
      ) : null}
      <TabList selectedValue={tab} onTabSelect={onTab} aria-label={t.tabListLabel}>
        {TABS.map((id) => (
          <Tab key={id} id={tabId(id)} value={id} aria-controls={id === tab ? panelId(id) : undefined}>
            {t.tabs[id]}
          </Tab>
        ))}
      </TabList>
      {/*
        Only the chosen tab is in the page, so each label names one control. Each tab's state (its
        files, result and messages) lives here, so a tab found again is as it was left.
      */}
      <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} className={styles.panel}>
        {tab === "template" ? (
          <TemplateTab
            state={template}
            onChange={onTemplate}
            excel={excel}
            download={download}
            units={units}
          />
        ) : null}
        {tab === "check" ? (
          <CheckTab state={check} onChange={onCheck} engine={engine} excel={excel} units={units} />
        ) : null}
        {tab === "consolidate" ? (
          <ConsolidateTab
            state={consolidate}
            onChange={onConsolidate}
            engine={engine}
            parser={parser}
            excel={excel}
            download={download}
            units={units}
          />
        ) : null}
      </div>
    </main>
  );
}

class ErrorBoundary extends Component<{ lang: Lang; children: ReactNode }, { error?: unknown }> {
  override state: { error?: unknown } = {};

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept for whoever opens the developer tools; the person sees the message below.
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error !== undefined) {
      const t = STRINGS[this.props.lang];
      return (
        <Notice intent="error" title={t.errorTitle} onDismiss={() => this.setState({ error: undefined })}>
          {t.unexpected(describeError(this.state.error, this.props.lang))}
        </Notice>
      );
    }
    return this.props.children;
  }
}
