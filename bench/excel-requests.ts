/*
 * The add-in's side of the bench (issue 7, "In Excel"): what inserting a template and writing a
 * whole summary into a workbook costs in Office.js round trips. The task pane's own code runs — the
 * engine it wires (src/taskpane/engine-wiring) and the adapter it calls (src/excel/render-layout) —
 * against the fake request context of the tests, which counts `context.sync()` and sizes every
 * request as Office.js sends it (an envelope per operation plus its data as JSON), refusing one over
 * Excel on the web's 5 MB as Excel does.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { findTemplate } from "../src/core/catalog/templates";
import { templateWorkbook } from "../src/core/layout/template-layout";
import type { WorkbookLayout } from "../src/core/layout/types";
import { parsePeriod } from "../src/core/periods";
import { columnLetters } from "../src/core/text";
import { renderLayout } from "../src/excel/render-layout";
import { engine } from "../src/taskpane/engine-wiring";
import { fakeExcel } from "../test/support/fake-excel";

/** Excel 2016 and 2019 retail builds answer ExcelApi 1.1–1.8; Microsoft 365 the newest sets. */
export const HOSTS = ["1.18", "1.1"] as const;

export interface ExcelRequests {
  what: string;
  host: (typeof HOSTS)[number];
  syncs: number;
  requests: number;
  largestBytes: number;
  totalBytes: number;
  cells: number;
  /** Written in full: every value of the layout found in the fake workbook. */
  readBack: boolean;
}

const LIMIT = 5 * 1024 * 1024;

async function insert(
  what: string,
  layout: WorkbookLayout,
  host: ExcelRequests["host"],
): Promise<ExcelRequests> {
  const excel = fakeExcel({ excelApi: host });
  const result = await renderLayout(excel.context, layout, { supports: excel.supports });
  let cells = 0;
  let readBack = result.sheets.length === layout.sheets.length;
  for (const sheet of layout.sheets) {
    const name = result.sheets.find((s) => s.layout === sheet.name)?.name;
    const written = name === undefined ? undefined : excel.model.sheet(name);
    sheet.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || cell.value === null || cell.value === "" || !written) return;
        cells++;
        const got = written.at(`${columnLetters(c + 1)}${r + 1}`);
        const same = typeof cell.value === "object" ? got.formula !== undefined : got.value === cell.value;
        if (!same) readBack = false;
      }),
    );
  }
  return {
    what,
    host,
    syncs: excel.fake.syncCount,
    requests: excel.fake.requests.length,
    largestBytes: Math.max(0, ...excel.fake.requests),
    totalBytes: excel.fake.requests.reduce((a, b) => a + b, 0),
    cells,
    readBack,
  };
}

/** The template the Mẫu biểu tab inserts, on a new workbook. */
export async function templateRequests(templateId: string, period: string): Promise<ExcelRequests[]> {
  const layout = templateWorkbook({
    template: findTemplate(templateId)!,
    unit: { code: "04240", name: "Xã Mường Lèo" },
    period: parsePeriod(period)!,
    lang: "vi",
  });
  const out: ExcelRequests[] = [];
  for (const host of HOSTS) out.push(await insert(`template ${templateId}`, layout, host));
  return out;
}

/** The summary the Tổng hợp tab writes after consolidating `dir` as the pane does. */
export async function summaryRequests(
  label: string,
  dir: string,
  roster: string,
  templateId: string,
  period: string,
): Promise<ExcelRequests[]> {
  const parse = engine.parseFile!;
  const parsed = [];
  for (const name of readdirSync(dir).sort()) {
    parsed.push(await parse({ path: name, bytes: readFileSync(path.join(dir, name)) }, { locale: "vi" }));
  }
  const { workbook } = await engine.consolidateParsed!(parsed, {
    roster: { path: path.basename(roster), bytes: readFileSync(roster) },
    template: templateId,
    period,
    locale: "vi",
  });
  const out: ExcelRequests[] = [];
  for (const host of HOSTS) out.push(await insert(label, workbook, host));
  return out;
}

export function requestsTable(rows: ExcelRequests[]): string[] {
  const kb = (n: number): string => `${Math.round(n / 1024).toLocaleString("en-US")}`;
  const lines = [
    "| written into the workbook | ExcelApi | context.sync() | requests | largest request KB | all requests KB | cells | read back |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ...rows.map(
      (r) =>
        `| ${r.what} | ${r.host} | ${r.syncs} | ${r.requests} | ${kb(r.largestBytes)} | ${kb(r.totalBytes)} | ${r.cells.toLocaleString("en-US")} | ${r.readBack ? "yes" : "**no**"} |`,
    ),
    "",
  ];
  const templates = rows.filter((r) => r.what.startsWith("template"));
  const summaries = rows.filter((r) => !r.what.startsWith("template"));
  const yes = (ok: boolean): string => (ok ? "met" : "**not met**");
  lines.push(
    `- goals: template insertion ≤ 3 syncs ${yes(templates.every((r) => r.syncs <= 3))}` +
      ` (${Math.max(...templates.map((r) => r.syncs))}); a summary ≤ 6 syncs at any size ${yes(summaries.every((r) => r.syncs <= 6))}` +
      ` (${Math.max(0, ...summaries.map((r) => r.syncs))}); no request over 5 MB ${yes(rows.every((r) => r.largestBytes <= LIMIT))}` +
      ` (largest ${kb(Math.max(...rows.map((r) => r.largestBytes)))} KB)`,
  );
  return lines;
}
