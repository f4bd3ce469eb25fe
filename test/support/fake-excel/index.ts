import { FakeRequestContext, versionAtLeast, type FakeOptions } from "./api";
import { WorkbookModel } from "./model";

export { FakeRequestContext, versionAtLeast, type FakeOptions, type LoggedOp } from "./api";
export { WorkbookModel, SheetModel, ExcelError, parseAddress, coerceInput } from "./model";

/** A fake Excel host: its workbook, a request context typed as Office's, and the host's set check. */
export function fakeExcel(
  options: FakeOptions & { sheets?: string[] } = {},
  model = new WorkbookModel(options.sheets),
): {
  model: WorkbookModel;
  fake: FakeRequestContext;
  context: Excel.RequestContext;
  supports: (version: string) => boolean;
} {
  const fake = new FakeRequestContext(model, options);
  return {
    model,
    fake,
    context: fake as unknown as Excel.RequestContext,
    supports: (v: string) => versionAtLeast(fake.excelApi, v),
  };
}
