import { readChiTieuTable } from "../excel/read-table";
import { renderLayout } from "../excel/render-layout";
import { selectCell } from "../excel/select-cell";
import type { ExcelPort } from "./excel-port";

/*
 * The only place the pane meets Office's globals: `Office` for the host and its requirement sets,
 * `Excel.run` for a request context. The adapters in src/excel take that context and nothing else.
 */

export interface OfficeGlobals {
  office: typeof Office;
  excel: typeof Excel;
}

const KNOWN_VERSIONS = Array.from({ length: 30 }, (_, i) => `1.${i + 1}`);

export function officeExcelPort({ office, excel }: OfficeGlobals): ExcelPort {
  const supports = (version: string): boolean =>
    office.context.requirements.isSetSupported("ExcelApi", version);
  const apiVersion = [...KNOWN_VERSIONS].reverse().find((v) => supports(v)) ?? "1.1";
  const fileName = (): string => {
    const url = office.context.document?.url ?? "";
    const base = url.split(/[\\/]/).pop() ?? "";
    return base ? decodeURIComponent(base) : "Sổ tính đang mở";
  };
  return {
    apiVersion,
    insertLayout: (layout) => excel.run((context) => renderLayout(context, layout, { supports })),
    readTable: () => excel.run((context) => readChiTieuTable(context, { file: fileName() })),
    selectCell: (sheet, address) => excel.run((context) => selectCell(context, sheet, address)),
  };
}
