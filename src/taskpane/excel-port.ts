import type { SourceDoc } from "../core/grid";
import type { WorkbookLayout } from "../core/layout/types";
import type { RenderResult } from "../excel/render-layout";

/** What the pane needs from the workbook it runs in; absent in a plain browser. */
export interface ExcelPort {
  /** Highest ExcelApi version the host supports, for messages (`1.7` in Excel 2019). */
  apiVersion: string;
  insertLayout(layout: WorkbookLayout): Promise<RenderResult>;
  readTable(): Promise<SourceDoc>;
  selectCell(sheet: string, address: string): Promise<void>;
}
