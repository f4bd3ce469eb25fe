import { findTemplate } from "../../src/core/catalog/templates";
import { MAIN_SHEET, NAMES, TABLE_NAME } from "../../src/core/contract";
import { cellAt } from "../../src/core/grid";
import { TEMPLATE_GEOMETRY, templateWorkbook } from "../../src/core/layout/template-layout";
import { parsePeriod } from "../../src/core/periods";
import { readChiTieuTable, renderLayout, selectCell } from "../../src/excel";
import { ExcelActionError } from "../../src/excel/errors";
import { fakeExcel, parseAddress, type WorkbookModel } from "../support/fake-excel";

const layout = templateWorkbook({
  template: findTemplate("ktxh-xa")!,
  unit: { code: "04240", name: "Xã Mường Lèo" },
  period: parsePeriod("2026")!,
  lang: "vi",
});

/** Row of an indicator code in the template layout. */
function rowOf(code: string): number {
  const i = layout.sheets[0]!.cells.findIndex((r) => r[1]?.value === code);
  if (i < 0) throw new Error(code);
  return i + 1;
}

/** A workbook with the template inserted and a few figures typed in, as a commune planner would. */
async function filledWorkbook(): Promise<WorkbookModel> {
  const host = fakeExcel();
  await renderLayout(host.context, layout, { supports: host.supports });
  const s = host.model.sheet(MAIN_SHEET)!;
  s.protection.protected = false;
  const r = rowOf("HO_NGHEO");
  host.model.type(MAIN_SHEET, `E${r}`, 4210);
  host.model.type(MAIN_SHEET, `F${r}`, 13472);
  s.at(`G${r}`).value = 0.3125;
  // A person types into a text-formatted note cell: it stays text.
  host.model.type(MAIN_SHEET, `I${r}`, "=không phải công thức", "@");
  const t = rowOf("THU_NS");
  host.model.type(MAIN_SHEET, `G${t}`, 1922.9);
  s.at(`H${t}`).error = "#DIV/0!";
  s.at(`H${t}`).formula = "=1/0";
  return host.model;
}

describe("readChiTieuTable", () => {
  it("reads the ChiTieu table and the ChiTieu_* names into grids, in three syncs", async () => {
    const model = await filledWorkbook();
    const host = fakeExcel({}, model);
    const doc = await readChiTieuTable(host.context, { file: "muong-leo.xlsx" });
    expect(host.fake.syncCount).toBe(3);
    const ref = layout.sheets[0]!.tables[0]!.ref;
    expect(doc.tables).toEqual([{ name: TABLE_NAME, sheet: MAIN_SHEET, ref }]);
    expect(doc.file).toBe("muong-leo.xlsx");
    expect(doc.sheetNames).toEqual(["Sheet1", MAIN_SHEET, "Hướng dẫn"]);
    expect(doc.names).toEqual(
      expect.arrayContaining([
        { name: NAMES.unit, sheet: MAIN_SHEET, cell: "C3" },
        { name: NAMES.period, sheet: MAIN_SHEET, cell: "C5" },
        { name: NAMES.template, sheet: MAIN_SHEET, cell: "K6" },
        { name: NAMES.reportDate, sheet: MAIN_SHEET, cell: "G3" },
      ]),
    );
    expect(doc.sheets).toHaveLength(1);
    const grid = doc.sheets[0]!;
    expect(grid.sheet).toBe(MAIN_SHEET);
    expect(cellAt(grid, 3, 3)).toEqual({ value: "04240", numFmt: "@" });
    expect(cellAt(grid, 5, 3)).toEqual({ value: "2026", numFmt: "@" });
    expect(cellAt(grid, TEMPLATE_GEOMETRY.headerRow, 2)).toEqual({ value: "Mã chỉ tiêu", numFmt: "@" });
    const r = rowOf("HO_NGHEO");
    expect(cellAt(grid, r, 2)).toEqual({ value: "HO_NGHEO", numFmt: "@" });
    expect(cellAt(grid, r, 5)).toEqual({ value: 4210, numFmt: "#,##0" });
    expect(cellAt(grid, r, 7)).toMatchObject({ value: 0.3125, formula: true });
    expect(cellAt(grid, r, 9)).toEqual({ value: "=không phải công thức", numFmt: "@" });
    const t = rowOf("THU_NS");
    expect(cellAt(grid, t, 7)!.value).toBe(1922.9);
    expect(cellAt(grid, t, 8)).toMatchObject({ value: null, error: "#DIV/0!", formula: true });
    // Empty input cells are absent, as in the file readers.
    expect(cellAt(grid, rowOf("BHYT"), 5)).toBeUndefined();
    expect(grid.rows.map((x) => x.n)).toEqual([...grid.rows.map((x) => x.n)].sort((a, b) => a - b));
  });

  it("splits a large table into row bands under the response limit", async () => {
    const model = await filledWorkbook();
    const host = fakeExcel({ maxPayloadBytes: 6000 }, model);
    const doc = await readChiTieuTable(host.context, { maxResponseBytes: 4000 });
    expect(host.fake.syncCount).toBeGreaterThan(3);
    const whole = await readChiTieuTable(fakeExcel({}, model).context);
    expect(doc.sheets).toEqual(whole.sheets);
  });

  it("reads the active sheet's used range when there is no ChiTieu table (a sheet rebuilt by hand)", async () => {
    const host = fakeExcel({ sheets: ["Tự làm"] });
    host.model.type("Tự làm", "A1", "Mã đơn vị:");
    host.model.type("Tự làm", "B1", "04240", "@");
    host.model.type("Tự làm", "A3", "Mã chỉ tiêu");
    host.model.type("Tự làm", "B3", "Thực hiện");
    host.model.type("Tự làm", "A4", "HO_NGHEO");
    host.model.type("Tự làm", "B4", "31,25");
    const doc = await readChiTieuTable(host.context);
    expect(doc.tables).toEqual([]);
    expect(doc.names).toEqual([]);
    const grid = doc.sheets[0]!;
    expect(grid.sheet).toBe("Tự làm");
    expect(cellAt(grid, 1, 2)).toEqual({ value: "04240", numFmt: "@" });
    expect(cellAt(grid, 4, 2)).toEqual({ value: "31,25" });
  });

  it("finds the table by name whatever its case", async () => {
    const host = fakeExcel();
    host.model.type("Sheet1", "B5", "Mã chỉ tiêu");
    host.model.type("Sheet1", "C5", "Thực hiện");
    host.model.addTable(host.model.sheet("Sheet1")!, parseAddress("B5:C7"), true).name = "CHITIEU";
    const doc = await readChiTieuTable(host.context);
    expect(doc.tables).toEqual([{ name: "CHITIEU", sheet: "Sheet1", ref: "B5:C7" }]);
    expect(cellAt(doc.sheets[0]!, 5, 2)!.value).toBe("Mã chỉ tiêu");
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell", async () => {
    const model = await filledWorkbook();
    const host = fakeExcel({ excelApi: "1.1" }, model);
    await selectCell(host.context, "chỉ tiêu", "E12");
    expect(model.activeSheet!.name).toBe(MAIN_SHEET);
    expect(model.selection).toEqual({ sheet: MAIN_SHEET, address: "E12" });
    expect(host.fake.syncCount).toBe(2);
  });

  it("says which sheet is missing", async () => {
    const host = fakeExcel();
    await expect(selectCell(host.context, "Không có", "A1")).rejects.toThrow(ExcelActionError);
    await expect(selectCell(host.context, "Không có", "A1")).rejects.toThrow(/Không có trang "Không có"/);
  });
});
