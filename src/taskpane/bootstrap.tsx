import { createRoot } from "react-dom/client";
import { officialUnits } from "../engine/official-units";
import { App, TABS } from "./App";
import { downloadBytes, mimeFor } from "./download";
import type { Engine } from "./engine";
import type { ExcelPort } from "./excel-port";
import { officeExcelPort } from "./office-host";
import { makeParser } from "./parse-client";
import { STRINGS, type Lang, type TabId } from "./strings";

/*
 * Starting the pane: render only once Office has said where we are (Office.onReady), or at once when
 * there is no Office at all (a plain browser, a test, office.js unreachable). Inside Excel the pane
 * gets the workbook; anywhere else it runs standalone on Tổng hợp.
 */

interface Globals {
  Office?: typeof Office;
  Excel?: typeof Excel;
}

export interface HostInfo {
  excel?: ExcelPort;
  notice?: string;
}

/** Where the pane runs. A host that never answers is treated as none, with a notice, after `waitMs`. */
export async function detectHost(g: Globals, waitMs: number, lang: Lang): Promise<HostInfo> {
  const office = g.Office;
  if (!office || typeof office.onReady !== "function") return {};
  const timedOut = Symbol("timeout");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const info = await Promise.race([
    office.onReady(),
    new Promise<typeof timedOut>((resolve) => {
      timer = setTimeout(() => resolve(timedOut), waitMs);
    }),
  ]);
  clearTimeout(timer);
  if (info === timedOut) return { notice: STRINGS[lang].officeTimeout };
  // Compared as text: Office.HostType.Excel is "Excel", and a stand-in need not define the enum.
  if (info && String(info.host) === "Excel" && g.Excel) {
    return { excel: officeExcelPort({ office, excel: g.Excel }) };
  }
  return {};
}

function param<T extends string>(name: string, allowed: readonly T[]): T | undefined {
  const v = new URLSearchParams(window.location.search).get(name);
  return allowed.find((a) => a === v);
}

export async function start(engine: Engine): Promise<void> {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  const lang: Lang = param("lang", ["vi", "en"] as const) ?? "vi";
  const host = await detectHost(globalThis as Globals, 15_000, lang);
  const tab: TabId | undefined = param("tab", TABS);
  const parser = makeParser(engine, {
    locale: lang,
    workerUrl: new URL("parse-worker.js", document.baseURI).href,
  });
  createRoot(container).render(
    <App
      engine={engine}
      excel={host.excel}
      parser={parser}
      units={officialUnits}
      download={(name, bytes) => downloadBytes(name, bytes, mimeFor(name))}
      initialTab={tab}
      initialLang={lang}
      startupNotice={host.notice}
    />,
  );
}
