import { findTemplate } from "../../src/core/catalog/templates";
import { COLUMNS, MAIN_SHEET, NAMES, TABLE_NAME } from "../../src/core/contract";
import { SheetBuilder } from "../../src/core/layout/sheet-builder";
import { TEMPLATE_GEOMETRY, templateWorkbook } from "../../src/core/layout/template-layout";
import type { WorkbookLayout } from "../../src/core/layout/types";
import { parsePeriod } from "../../src/core/periods";
import { MARKER_NAME, renderLayout, widthInPoints } from "../../src/excel";
import { ExcelActionError } from "../../src/excel/errors";
import { fakeExcel, parseAddress, WorkbookModel } from "../support/fake-excel";
import { consolidateParsed, parseFile } from "../../src/engine/pipeline";
import { TEMPLATE_TABLE_HEADERS } from "../support/contract";

function template(id = "ktxh-xa"): WorkbookLayout {
  return templateWorkbook({
    template: findTemplate(id)!,
    unit: { code: "04240", name: "Xã Mường Lèo" },
    period: parsePeriod("2026")!,
    lang: "vi",
  });
}

/** A summary-shaped layout: a header, then `rows` figure rows with text codes and numbers. */
function bigLayout(rows: number, cols = 10): WorkbookLayout {
  const b = new SheetBuilder("Tổng hợp", "summary");
  b.widths(Array.from({ length: cols }, () => 14));
  b.row(
    1,
    1,
    Array.from({ length: cols }, (_, c) => ({ value: `Cột ${c + 1}`, style: "header" as const })),
  );
  for (let r = 2; r <= rows + 1; r++) {
    b.row(r, 1, [
      { value: String(r).padStart(5, "0"), style: "code" },
      ...Array.from({ length: cols - 1 }, (_, c) => ({
        value: r * 1000 + c + 0.25,
        style: "figure" as const,
        numFmt: "#,##0.00",
      })),
    ]);
  }
  b.table({
    name: TABLE_NAME,
    ref: `A1:${String.fromCharCode(64 + cols)}${rows + 1}`,
    style: "TableStyleLight1",
  });
  b.freezeAt(1, 1);
  b.protectSheet();
  const sheet = b.build();
  return {
    sheets: [sheet],
    names: [{ name: NAMES.unit, sheet: "Tổng hợp", cell: "A2" }],
    title: "big",
    recalcOnOpen: false,
  };
}

describe("renderLayout: a template into a new workbook", () => {
  const layout = template();
  const main = layout.sheets[0]!;
  const g = TEMPLATE_GEOMETRY;
  const lastRow = main.cells.length;
  let model: WorkbookModel;
  let result: Awaited<ReturnType<typeof renderLayout>>;
  let log: ReturnType<typeof fakeExcel>["fake"]["log"];

  beforeAll(async () => {
    const host = fakeExcel();
    model = host.model;
    log = host.fake.log;
    result = await renderLayout(host.context, layout, { supports: host.supports });
    expect(host.fake.syncCount).toBe(result.syncs);
  });

  it("holds the template sync budget (≤ 3) and sends every request under 5 MB", () => {
    expect(result.syncs).toBeLessThanOrEqual(3);
    expect(result.syncs).toBe(2);
    expect(result.skipped).toEqual([]);
    expect(result.sheets.map((s) => [s.name, s.replaced])).toEqual([
      [MAIN_SHEET, false],
      ["Hướng dẫn", false],
    ]);
  });

  it("writes each sheet's values in one block, number formats before values", () => {
    const writes = log.filter(
      (e) => e.target.startsWith(`${MAIN_SHEET}!`) && /^(values|numberFormat)$/.test(e.op),
    );
    expect(writes.map((w) => [w.op, w.target])).toEqual([
      ["numberFormat", `${MAIN_SHEET}!A1:K${lastRow}`],
      ["values", `${MAIN_SHEET}!A1:K${lastRow}`],
    ]);
    const values = writes[1]!.value as unknown[][];
    expect(values[2]![2]).toBe("04240");
    // The table's headers, then the two hidden columns (the template's tag) empty on that row.
    expect(values[g.headerRow - 1]).toEqual([
      "STT",
      ...["code", "name", "uom", "numerator", "denominator", "value", "plan", "note"].map(
        (k) => COLUMNS[k as keyof typeof COLUMNS].vi,
      ),
      null,
      null,
    ]);
    const formats = writes[0]!.value as unknown[][];
    expect(formats[2]![2]).toBe("@");
    expect(formats[4]![2]).toBe("@");
  });

  it("keeps codes and the period as text", () => {
    const s = model.sheet(MAIN_SHEET)!;
    expect(s.at(g.meta.unit)).toMatchObject({ value: "04240", numFmt: "@" });
    expect(s.at(g.meta.period)).toMatchObject({ value: "2026", numFmt: "@" });
    expect(s.at(g.meta.template)).toMatchObject({ value: "ktxh-xa@1", numFmt: "@" });
    expect(s.at(g.meta.unit).formula).toBeUndefined();
  });

  it("creates the ChiTieu table over the header and body, with the contract's headers", () => {
    const t = model.table(TABLE_NAME)!;
    expect(t.sheet.name).toBe(MAIN_SHEET);
    const ref = main.tables[0]!.ref;
    expect(t.rect).toEqual(parseAddress(ref));
    expect(t.columns).toEqual(TEMPLATE_TABLE_HEADERS);
    expect(t.style).toBe("TableStyleLight1");
    expect(t.showFilterButton).toBe(false);
  });

  it("writes derived rates as formulas, not text", () => {
    const s = model.sheet(MAIN_SHEET)!;
    const formulas = [...s.cells.values()].filter((c) => c.formula);
    expect(formulas.length).toBeGreaterThan(3);
    for (const c of formulas) expect(c.formula).toMatch(/^=IF\(AND\(ISNUMBER\(E\d+\)/);
  });

  it("defines the workbook-scoped ChiTieu_* names on the meta cells and marks its sheets", () => {
    const byName = Object.fromEntries(model.names.map((n) => [n.name, n.formula]));
    expect(byName).toEqual({
      [NAMES.unit]: "='Chỉ tiêu'!$C$3",
      [NAMES.unitName]: "='Chỉ tiêu'!$C$4",
      [NAMES.period]: "='Chỉ tiêu'!$C$5",
      [NAMES.template]: "='Chỉ tiêu'!$K$6",
      [NAMES.reportDate]: "='Chỉ tiêu'!$G$3",
    });
    expect(model.sheet(MAIN_SHEET)!.names).toEqual([{ name: MARKER_NAME, formula: '="chitieu:template"' }]);
    expect(model.sheet("Hướng dẫn")!.names).toEqual([{ name: MARKER_NAME, formula: '="chitieu:guide"' }]);
  });

  it("protects the sheet with only the input cells unlocked", () => {
    const s = model.sheet(MAIN_SHEET)!;
    expect(s.protection.protected).toBe(true);
    main.cells.forEach((row, r) =>
      row.forEach((c, col) => {
        if (!c) return;
        expect([r + 1, col + 1, s.ensure(r + 1, col + 1).locked]).toEqual([r + 1, col + 1, !c.unlocked]);
      }),
    );
  });

  it("draws styles, widths, heights, merges, freeze, validation, notes and print setup", () => {
    const s = model.sheet(MAIN_SHEET)!;
    expect(s.at("A1").format).toMatchObject({
      "font.bold": true,
      "font.size": 14,
      horizontalAlignment: "Center",
    });
    expect(s.at("A1").format["font.name"]).toBe("Times New Roman");
    expect(s.at(`A${g.headerRow}`).format).toMatchObject({
      "fill.color": "#DDEBF7",
      "borders.EdgeTop.style": "Continuous",
    });
    expect(s.columnWidths.get(3)).toBe(widthInPoints(58));
    // As tall as the layout says: its own 32 points, or more when its wrapped headers need it.
    expect(s.rowHeights.get(g.headerRow)).toBe(main.rowHeights![g.headerRow]);
    expect(s.rowHeights.get(g.headerRow)).toBeGreaterThanOrEqual(32);
    expect(s.merges).toContainEqual(parseAddress("A1:I1"));
    expect(s.freeze).toEqual({ rows: g.headerRow, cols: 3 });
    const ruleCount = main.validations.reduce((n, v) => n + v.range.split(" ").length, 0);
    expect(s.validations).toHaveLength(ruleCount);
    expect(s.validations.find((v) => v.rect.top === 3 && v.rect.left === 7)!.rule).toEqual({
      date: { formula1: "=36526", formula2: "=73050", operator: "Between" },
    });
    expect(s.notes.get(`B${g.headerRow}`)).toBe("Indicator code");
    expect(s.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: `$${g.captionRow}:$${g.headerRow}`,
      // Page numbers on every printed page, as the file writer puts them.
      "defaultForAllPages.centerFooter": "Trang &P/&N",
    });
    expect(model.activeSheet!.name).toBe(MAIN_SHEET);
  });
});

describe("renderLayout: the user's sheets", () => {
  it("never overwrites a sheet of the same name the user made: writes Chỉ tiêu (2)", async () => {
    const host = fakeExcel({ sheets: [MAIN_SHEET] });
    host.model.type(MAIN_SHEET, "A1", "Số liệu của tôi");
    host.model.type(MAIN_SHEET, "C3", 123);
    const before = JSON.stringify([...host.model.sheet(MAIN_SHEET)!.cells]);
    const result = await renderLayout(host.context, template(), { supports: host.supports });
    expect(result.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu (2)", "Hướng dẫn"]);
    expect(result.syncs).toBeLessThanOrEqual(3);
    const user = host.model.sheet(MAIN_SHEET)!;
    expect(JSON.stringify([...user.cells])).toBe(before);
    expect(user.protection.protected).toBe(false);
    expect(user.names).toEqual([]);
    expect(host.model.table(TABLE_NAME)!.sheet.name).toBe("Chỉ tiêu (2)");
    expect(host.model.names.find((n) => n.name === NAMES.unit)!.formula).toBe("='Chỉ tiêu (2)'!$C$3");
    // Nothing was written to the user's sheet at all.
    expect(host.fake.log.filter((e) => e.target.startsWith(`${MAIN_SHEET}!`))).toEqual([]);
  });

  it("replaces its own sheet, in place, within the budget", async () => {
    const host = fakeExcel({ sheets: ["Bìa", "Ghi chép"] });
    await renderLayout(host.context, template(), { supports: host.supports });
    const firstPosition = host.model.sheets.findIndex((s) => s.name === MAIN_SHEET);
    host.model.sheet(MAIN_SHEET)!.protection.protected = false;
    host.model.type(MAIN_SHEET, "E12", 5);
    host.model.sheet(MAIN_SHEET)!.protection.protected = true;
    const again = fakeExcel({}, host.model);
    const result = await renderLayout(again.context, template("ktxh-xa"), { supports: again.supports });
    expect(result.syncs).toBeLessThanOrEqual(3);
    expect(result.sheets.map((s) => [s.name, s.replaced])).toEqual([
      [MAIN_SHEET, true],
      ["Hướng dẫn", true],
    ]);
    expect(host.model.sheets.map((s) => s.name)).toEqual(["Bìa", "Ghi chép", MAIN_SHEET, "Hướng dẫn"]);
    expect(host.model.sheets.findIndex((s) => s.name === MAIN_SHEET)).toBe(firstPosition);
    expect(host.model.tables).toHaveLength(1);
    expect(host.model.names.every((n) => !n.formula.includes("#REF"))).toBe(true);
    expect(host.model.read(MAIN_SHEET, "E12")).toBe("");
  });

  it("refuses a workbook that already holds someone else's ChiTieu table, changing nothing", async () => {
    const host = fakeExcel({ sheets: ["Báo cáo"] });
    host.model.type("Báo cáo", "A1", "Mã chỉ tiêu");
    host.model.type("Báo cáo", "B1", "Thực hiện");
    host.model.addTable(host.model.sheet("Báo cáo")!, parseAddress("A1:B3"), true).name = TABLE_NAME;
    const sheetsBefore = host.model.sheets.map((s) => s.name);
    const err = await renderLayout(host.context, template(), { supports: host.supports }).catch((e) => e);
    expect(err).toBeInstanceOf(ExcelActionError);
    expect(err.code).toBe("TableExists");
    expect(err.message).toMatch(/đã có bảng ChiTieu/);
    expect(host.model.sheets.map((s) => s.name)).toEqual(sheetsBefore);
  });

  it("removes a half-written sheet when Excel refuses part of the write", async () => {
    const layout = template();
    // A merge inside the table: Excel refuses it after the values and the table are written.
    layout.sheets[0]!.merges.push(`B${TEMPLATE_GEOMETRY.firstBodyRow}:C${TEMPLATE_GEOMETRY.firstBodyRow}`);
    const host = fakeExcel();
    const err = await renderLayout(host.context, layout, { supports: host.supports }).catch((e) => e);
    expect(err).toBeInstanceOf(ExcelActionError);
    expect(err.code).toBe("InvalidOperation");
    expect(host.model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(host.model.tables).toEqual([]);
  });
});

describe("renderLayout on older Excel", () => {
  it.each([
    [
      "Excel 2016",
      "1.1",
      ["columnWidths", "merges", "protection", "filterButton", "names", "conditionalFormats"],
    ],
    ["Excel 2019", "1.7", ["validation", "print", "notes"]],
    ["Excel 2021", "1.14", ["notes"]],
  ])("%s (ExcelApi %s) inserts what it can and names what it skipped", async (_name, version, expected) => {
    const host = fakeExcel({ excelApi: version });
    const result = await renderLayout(host.context, template(), { supports: host.supports });
    const skipped = result.skipped.map((s) => s.key);
    for (const key of expected) {
      if (key !== "conditionalFormats") expect(skipped).toContain(key);
    }
    for (const s of result.skipped)
      expect(Number(s.version.split(".")[1])).toBeGreaterThan(Number(version.split(".")[1]));
    const main = host.model.sheet(MAIN_SHEET)!;
    expect(main.at(TEMPLATE_GEOMETRY.meta.unit)).toMatchObject({ value: "04240", numFmt: "@" });
    expect(host.model.table(TABLE_NAME)).toBeDefined();
    expect(result.syncs).toBeLessThanOrEqual(3);
  });

  it("on ExcelApi 1.1 never replaces (it cannot see its marker): writes beside", async () => {
    const host = fakeExcel({ excelApi: "1.1" });
    await renderLayout(host.context, template(), { supports: host.supports });
    host.model.table(TABLE_NAME)!.name = "Cu";
    const again = fakeExcel({ excelApi: "1.1" }, host.model);
    const result = await renderLayout(again.context, template(), { supports: again.supports });
    expect(result.sheets[0]!.name).toBe("Chỉ tiêu (2)");
  });
});

describe("renderLayout: text stays text", () => {
  it("writes =, +, -, @ and digit strings as text, formulas as formulas", async () => {
    const b = new SheetBuilder("Thử", "test");
    const texts = [
      "=SUM(A1:A2)",
      "+84 912 345 678",
      "-5",
      "@mention",
      "04240",
      "1.922,9",
      "TRUE",
      "2026-12-20",
      "50%",
    ];
    b.row(
      1,
      1,
      texts.map((t) => ({ value: t })),
    );
    b.set(2, 1, { value: { formula: "1+1" }, numFmt: "0" });
    b.set(2, 2, { value: 7, numFmt: "#,##0" });
    const host = fakeExcel();
    await renderLayout(
      host.context,
      { sheets: [b.build()], names: [], title: "t", recalcOnOpen: false },
      { supports: host.supports },
    );
    const s = host.model.sheet("Thử")!;
    texts.forEach((t, i) => {
      const c = s.ensure(1, i + 1);
      expect([t, c.value, c.formula, c.numFmt]).toEqual([t, t, undefined, "@"]);
    });
    expect(s.ensure(2, 1).formula).toBe("=1+1");
    expect(s.ensure(2, 2)).toMatchObject({ value: 7, numFmt: "#,##0" });
  });
});

describe("renderLayout: summary features", () => {
  it("draws conditional formats and links, pointing links at the sheet's final name", async () => {
    const b = new SheetBuilder("Đánh giá", "summary");
    b.row(1, 1, [
      { value: "Mường Lèo", link: { sheet: "Đánh giá", cell: "A3" } },
      { value: "muong-leo.xlsx", link: { file: "xa/muong-leo.xlsx" } },
      { value: "Đạt", style: "good" },
      { value: 0.8 },
    ]);
    b.conditional({ range: "C1:C9", kind: "textEquals", text: "Đạt", style: "good" });
    b.conditional({
      range: "D1:D9",
      kind: "iconSet",
      icons: "3TrafficLights1",
      thresholds: [0.5, 0.9],
      iconsOnly: true,
    });
    const host = fakeExcel({ sheets: ["Đánh giá"] });
    const result = await renderLayout(
      host.context,
      { sheets: [b.build()], names: [], title: "t", recalcOnOpen: false },
      { supports: host.supports },
    );
    expect(result.sheets[0]!.name).toBe("Đánh giá (2)");
    const s = host.model.sheet("Đánh giá (2)")!;
    expect(s.at("A1").hyperlink).toEqual({
      documentReference: "'Đánh giá (2)'!A3",
      textToDisplay: "Mường Lèo",
    });
    expect(s.at("B1").hyperlink).toEqual({ address: "xa/muong-leo.xlsx", textToDisplay: "muong-leo.xlsx" });
    expect(s.conditionalFormats.map((c) => [c.type, c.rect])).toEqual([
      ["CellValue", parseAddress("C1:C9")],
      ["IconSet", parseAddress("D1:D9")],
    ]);
    expect(s.conditionalFormats[0]!.settings).toEqual({
      "cellValue.format.font.color": "#006100",
      "cellValue.format.fill.color": "#C6EFCE",
      "cellValue.rule": { formula1: '="Đạt"', operator: "EqualTo" },
    });
    expect(s.conditionalFormats[1]!.settings).toMatchObject({
      "iconSet.style": "ThreeTrafficLights1",
      "iconSet.reverseIconOrder": false,
      // The light alone: a bare 0, 1 or 2 beside it means nothing to a reader.
      "iconSet.showIconOnly": true,
    });
  });
});

describe("renderLayout: the figure-versus-target chart", () => {
  it("draws a bar chart of the rates against their targets below the ChiTieu table", async () => {
    const report = consolidateParsed(
      [
        parseFile({
          path: "ml.csv",
          bytes: new TextEncoder().encode(
            "ma_don_vi,ky_bao_cao,ma_chi_tieu,tu_so,mau_so\n04240,2026,HO_NGHEO,592,1480\n04240,2026,BHYT,1400,1480\n",
          ),
        }),
      ],
      {
        template: findTemplate("ktxh-xa")!,
        period: parsePeriod("2026")!,
        plan: {
          rows: [
            {
              unit: "14",
              indicator: "HO_NGHEO",
              period: "2026",
              rule: "muc_tieu",
              value: 38,
              at: { file: "p.csv", line: 2 },
            },
            {
              unit: "14",
              indicator: "BHYT",
              period: "2026",
              rule: "muc_tieu",
              value: 95,
              at: { file: "p.csv", line: 3 },
            },
          ],
          issues: [],
        },
      },
    );
    const host = fakeExcel();
    const result = await renderLayout(host.context, report.workbook, { supports: host.supports });
    const s = host.model.sheet("Tổng hợp")!;
    expect(s.charts).toHaveLength(1);
    const chart = s.charts[0]!;
    expect(chart).toMatchObject({
      type: "BarClustered",
      seriesBy: "Columns",
      title: "Thực hiện so với kế hoạch (%)",
    });
    // The block it is drawn from: header, then HO_NGHEO and BHYT by name with figure and target.
    const src = parseAddress(chart.source);
    const at = (r: number, c: number): unknown => s.cell(r, c)?.value;
    expect([at(src.top, src.left), at(src.top, src.left + 1), at(src.top, src.left + 2)]).toEqual([
      "Chỉ tiêu",
      "Thực hiện (%)",
      "Kế hoạch (%)",
    ]);
    const rows = Array.from({ length: src.bottom - src.top }, (_, k) => [
      at(src.top + 1 + k, src.left),
      at(src.top + 1 + k, src.left + 2),
    ]);
    expect(rows).toEqual([
      ["Tỷ lệ hộ nghèo theo chuẩn đa chiều", 38],
      ["Tỷ lệ dân số tham gia bảo hiểm y tế", 95],
    ]);
    // Below the table, where it does not widen the printed page.
    const table = host.model.table(TABLE_NAME)!.rect;
    expect(src.top).toBeGreaterThan(table.bottom);
    expect(src.right).toBeLessThanOrEqual(table.right);
    expect(at(src.top + 1, src.left + 1)).toBeCloseTo(40, 9);
    expect(chart.position).not.toBeNull();
    expect(result.syncs).toBeLessThanOrEqual(6);
    // The template's tag (ChiTieu_MauBieu) in hidden columns; the units repeated on each page across.
    const tag = host.model.names.find((n) => n.name === NAMES.template)!.formula;
    const tagCol = parseAddress(tag.replace(/^.*!/, "")).left;
    expect(s.hiddenColumns.has(tagCol)).toBe(true);
    expect(s.cell(parseAddress(tag.replace(/^.*!/, "")).top, tagCol)!.value).toBe("ktxh-xa@1");
    expect(host.model.sheet("Theo đơn vị")!.pageLayout.printTitleColumns).toBe("$A:$B");
    // Rows of wrapped names are as tall as their text.
    expect(Math.max(...s.rowHeights.values())).toBeGreaterThan(30);
  });
});

describe("renderLayout: a large summary", () => {
  it.each([
    [5_000, 10],
    [25_000, 12],
  ])("%i rows × %i columns: ≤ 6 syncs, every request under the 5 MB limit", async (rows, cols) => {
    const host = fakeExcel();
    const result = await renderLayout(host.context, bigLayout(rows, cols), { supports: host.supports });
    expect(result.syncs).toBeLessThanOrEqual(6);
    for (const bytes of host.fake.requests) expect(bytes).toBeLessThan(5 * 1024 * 1024);
    const s = host.model.sheet("Tổng hợp")!;
    expect(s.at(`A${rows + 1}`)).toMatchObject({ value: String(rows + 1).padStart(5, "0"), numFmt: "@" });
    expect(s.at(`B${rows + 1}`)).toMatchObject({ value: (rows + 1) * 1000 + 0.25, numFmt: "#,##0.00" });
    // Formats go by rectangle: a uniform column block is one operation, whatever the rows.
    const fillOps = host.fake.log.filter((e) => e.op === "color");
    expect(fillOps.length).toBeLessThan(40);
    expect(host.model.table(TABLE_NAME)!.rect.bottom).toBe(rows + 1);
  });
});

describe("renderLayout: request sizes count bytes, not characters", () => {
  it("splits Vietnamese text by its UTF-8 size, so Excel never refuses a request", async () => {
    // Each "ờ", "ễ", "ộ" is one character and three bytes: counted in characters, these requests
    // would be about half again as large as estimated and Excel would refuse them.
    const b = new SheetBuilder("Tổng hợp", "summary");
    b.widths([30, 30]);
    for (let r = 1; r <= 4_000; r++) {
      b.row(r, 1, [
        { value: `Xã Mường Lèo ${r}` },
        { value: "Bản Huổi Lếch, Pá Ngừa, Nậm Lạnh: hộ nghèo giảm đều mỗi năm" },
      ]);
    }
    const layout: WorkbookLayout = { sheets: [b.build()], names: [], title: "vi", recalcOnOpen: false };
    const limit = 200_000;
    const host = fakeExcel({ maxPayloadBytes: limit });
    const result = await renderLayout(host.context, layout, {
      supports: host.supports,
      maxRequestBytes: limit * 0.95,
    });
    expect(host.fake.requests.every((bytes) => bytes <= limit)).toBe(true);
    // The adapter's estimate of each write request against the bytes the fake counts, as Excel does
    // (the first request only loads the sheet list): never more than 5 % short.
    const sent = host.fake.requests.slice(1);
    expect(sent.length).toBe(result.requests.length);
    expect(sent.length).toBeGreaterThan(3);
    sent.forEach((bytes, i) => expect(result.requests[i]!).toBeGreaterThan(bytes * 0.95));
    expect(result.sheets.map((s) => s.name)).toEqual(["Tổng hợp"]);
    expect(host.model.sheet("Tổng hợp")!.at("A4000").value).toBe("Xã Mường Lèo 4000");
  });
});

describe("renderLayout: the over-time chart", () => {
  it("draws the key rates period by period under the series table, targets dashed, on a page of its own", async () => {
    const submission = (period: string, poor: number, insured: number) =>
      parseFile({
        path: `ml-${period}.csv`,
        bytes: new TextEncoder().encode(
          `ma_don_vi,ky_bao_cao,ma_chi_tieu,tu_so,mau_so\n04240,${period},HO_NGHEO,${poor},1480\n04240,${period},BHYT,${insured},1480\n`,
        ),
      });
    const planFor = (unit: string) => ({
      rows: [
        { unit, indicator: "HO_NGHEO", period: "2030", rule: "muc_tieu" as const, value: 30 },
        { unit, indicator: "BHYT", period: "2030", rule: "muc_tieu" as const, value: 98 },
      ].map((r, i) => ({ ...r, at: { file: "p.csv", line: i + 2 } })),
      issues: [],
    });
    const ctx = { template: findTemplate("ktxh-xa")!, period: parsePeriod("2027")! };
    // The plan is the scope's (whatever unit the run's scope is, without a roster).
    const scope = consolidateParsed([submission("2027", 560, 1420)], ctx).report.scope.code;
    const earlier = (year: number, poor: number, insured: number) => ({
      file: `tong-hop-${year}.xlsx`,
      period: parsePeriod(String(year))!,
      scope,
      figures: new Map([
        ["HO_NGHEO", { value: (100 * poor) / 1480, numerator: poor, denominator: 1480 }],
        ["BHYT", { value: (100 * insured) / 1480, numerator: insured, denominator: 1480 }],
      ]),
      units: new Map(),
    });
    const run = consolidateParsed([submission("2027", 560, 1420)], {
      ...ctx,
      plan: planFor(scope),
      history: { entries: [earlier(2025, 650, 1380), earlier(2026, 600, 1400)], issues: [] },
    });
    expect(run.report.series?.length).toBeGreaterThan(0);
    const host = fakeExcel();
    await renderLayout(host.context, run.workbook, { supports: host.supports });
    const s = host.model.sheet("Theo thời gian")!;
    expect(s.charts).toHaveLength(1);
    const chart = s.charts[0]!;
    expect(chart).toMatchObject({ type: "Line", seriesBy: "Columns" });
    const src = parseAddress(chart.source);
    const at = (r: number, c: number): unknown => s.cell(r, c)?.value;
    // Periods down the block, oldest first; each rate then its target, as fractions in % format.
    expect([1, 2, 3].map((k) => at(src.top + k, src.left))).toEqual(["2025", "2026", "2027"]);
    const heads = Array.from({ length: src.right - src.left }, (_, k) => at(src.top, src.left + 1 + k));
    expect(heads).toEqual([
      "Tỷ lệ hộ nghèo theo chuẩn đa chiều",
      "Kế hoạch: Tỷ lệ hộ nghèo theo chuẩn đa chiều",
      "Tỷ lệ dân số tham gia bảo hiểm y tế",
      "Kế hoạch: Tỷ lệ dân số tham gia bảo hiểm y tế",
    ]);
    expect(at(src.top + 1, src.left + 1)).toBeCloseTo(650 / 1480, 9);
    expect(at(src.top + 3, src.left + 2)).toBeCloseTo(0.3, 9);
    // Under the series table, never beside it: the printed page keeps the table's width.
    const table = host.model.table("ChiTieu_TheoKy")!.rect;
    expect(src.top).toBeGreaterThan(table.bottom);
    expect(src.right).toBeLessThanOrEqual(table.right);
    // The chart starts a printed page, below the block; the targets are dashed in their rate's colour.
    const from = parseAddress(chart.position!.from);
    expect(from.top).toBeGreaterThan(src.bottom);
    const starts = (s.pageLayout.rowBreaksBefore as number[] | undefined) ?? [];
    expect(starts.some((r) => r > src.bottom && r <= from.top)).toBe(true);
    expect(chart.lines.map((l) => l.lineStyle)).toEqual([undefined, "Dash", undefined, "Dash"]);
    expect(chart.lines[1]!.color).toBe(chart.lines[0]!.color);
    expect(chart.lines[2]!.color).not.toBe(chart.lines[0]!.color);
    // The machine's status code stays in the table, out of sight.
    const codeCol = table.left + host.model.table("ChiTieu_TheoKy")!.columns.indexOf("Mã đánh giá");
    expect(s.hiddenColumns.has(codeCol)).toBe(true);
  });
});
