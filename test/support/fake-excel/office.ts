import { FakeRequestContext, versionAtLeast, type FakeOptions } from "./api";
import type { WorkbookModel } from "./model";

/*
 * `Office` and `Excel` as an Excel host gives them to a task pane, over an in-memory workbook:
 * Office.onReady reports Excel, requirement sets answer for the chosen ExcelApi version, and
 * Excel.run hands out a fresh strict request context (api.ts) and flushes what is left queued when
 * the batch returns, as Excel.run does. Used by the pane's tests and injected into the built pane
 * in the browser tests in place of Microsoft's office.js.
 */

export interface FakeOfficeOptions extends FakeOptions {
  /** What Office.context.document.url says (the workbook's file name). */
  url?: string;
}

export interface FakeOffice {
  Office: unknown;
  Excel: unknown;
  /** Every request context Excel.run handed out, in order (their sync counts, logs). */
  contexts: FakeRequestContext[];
}

export function fakeOfficeGlobals(model: WorkbookModel, options: FakeOfficeOptions = {}): FakeOffice {
  const excelApi = options.excelApi ?? "1.18";
  const contexts: FakeRequestContext[] = [];
  const info = { host: "Excel", platform: "OfficeOnline" };
  const Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === "ExcelApi" && versionAtLeast(excelApi, version ?? "1.1"),
      },
      document: { url: options.url ?? "So-tinh.xlsx" },
      displayLanguage: "vi-VN",
    },
  };
  const Excel = {
    async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
      const context = new FakeRequestContext(model, options);
      contexts.push(context);
      const result = await batch(context);
      await context.sync();
      return result;
    },
  };
  return { Office, Excel, contexts };
}
