import ExcelJS from "exceljs";
import { getIndicator } from "../../../src/core/catalog/indicators";
import {
  findTemplate,
  TEMPLATES,
  templateIndicatorCodes,
  templateTag,
} from "../../../src/core/catalog/templates";
import { COLUMNS, GUIDE_SHEET, NAMES, TABLE_NAME } from "../../../src/core/contract";
import { templateWorkbook } from "../../../src/core/layout/template-layout";
import { parsePeriod } from "../../../src/core/periods";
import { writeLayoutXlsx } from "../../../src/io/xlsx-write";

/** Writes a template to bytes and reads it back with ExcelJS, as another program would. */
async function writeAndRead(templateId: string, lang: "vi" | "en" = "vi"): Promise<ExcelJS.Workbook> {
  const template = TEMPLATES.find((t) => t.id === templateId)!;
  const bytes = writeLayoutXlsx(
    templateWorkbook({
      template,
      unit: { code: "04240", name: "Xã Mường Lèo" },
      period: parsePeriod("2026")!,
      lang,
    }),
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

function nameValue(wb: ExcelJS.Workbook, name: string): { sheet: string; address: string; value: unknown } {
  const ranges = wb.definedNames.getRanges(name).ranges;
  expect(ranges).toHaveLength(1);
  const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ranges[0]!)!;
  const sheet = m[1]!.replace(/''/g, "'");
  const address = `${m[2]}${m[3]}`;
  return { sheet, address, value: wb.getWorksheet(sheet)!.getCell(address).value };
}

function tableOf(wb: ExcelJS.Workbook): { ws: ExcelJS.Worksheet; ref: string; headers: string[] } {
  for (const ws of wb.worksheets) {
    const t = (
      ws as unknown as {
        tables: Record<string, { table: { tableRef: string; columns: { name: string }[] } }>;
      }
    ).tables[TABLE_NAME];
    if (t) return { ws, ref: t.table.tableRef, headers: t.table.columns.map((c) => c.name) };
  }
  throw new Error("no ChiTieu table");
}

describe.each(TEMPLATES.map((t) => t.id))("template %s written to xlsx and read back", (id) => {
  const template = TEMPLATES.find((t) => t.id === id)!;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await writeAndRead(id);
  });

  it("has the ChiTieu table with the contract's headers", () => {
    const { headers } = tableOf(wb);
    for (const key of ["code", "name", "uom", "numerator", "denominator", "value", "plan", "note"] as const) {
      expect(headers).toContain(COLUMNS[key].vi);
    }
  });

  it("names the unit, period and template in one cell each", () => {
    expect(nameValue(wb, NAMES.unit).value).toBe("04240");
    expect(nameValue(wb, NAMES.unitName).value).toBe("Xã Mường Lèo");
    expect(nameValue(wb, NAMES.period).value).toBe("2026");
    expect(nameValue(wb, NAMES.template).value).toBe(templateTag(template));
    const date = nameValue(wb, NAMES.reportDate);
    expect(date.value).toBeNull();
    expect(wb.getWorksheet(date.sheet)!.getCell(date.address).protection?.locked).toBe(false);
  });

  it("lists every catalog code of the template in order, inside the table", () => {
    const { ws, ref } = tableOf(wb);
    const [top, bottom] = ref.split(":").map((a) => Number(/\d+/.exec(a)![0]));
    const codeCol = tableOf(wb).headers.indexOf(COLUMNS.code.vi) + 1;
    const codes: string[] = [];
    for (let r = top! + 1; r <= bottom!; r++) {
      const v = ws.getCell(r, codeCol).value;
      if (typeof v === "string" && v) codes.push(v);
    }
    expect(codes).toEqual(templateIndicatorCodes(template));
  });

  it("validates and unlocks every input cell, and protects the sheet", () => {
    const { ws, ref, headers } = tableOf(wb);
    const [top, bottom] = ref.split(":").map((a) => Number(/\d+/.exec(a)![0]));
    const col = (k: keyof typeof COLUMNS): number => headers.indexOf(COLUMNS[k].vi) + 1;
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection?.sheet).toBe(true);
    let checked = 0;
    for (let r = top! + 1; r <= bottom!; r++) {
      const code = ws.getCell(r, col("code")).value;
      if (typeof code !== "string" || !code) {
        expect(ws.getCell(r, col("value")).protection?.locked).not.toBe(false);
        continue;
      }
      const ind = getIndicator(code);
      const inputs = ind.kind === "rate" ? [col("numerator"), col("denominator")] : [col("value")];
      for (const c of [...inputs, col("plan")]) {
        const cell = ws.getCell(r, c);
        expect(cell.protection?.locked).toBe(false);
        expect(cell.dataValidation?.type).toBeDefined();
        expect(cell.dataValidation?.error).toMatch(/[ăâđêôơưáàảãạ]/i); // Vietnamese message
        checked++;
      }
      // Codes and names stay locked.
      expect(ws.getCell(r, col("code")).protection?.locked).not.toBe(false);
      expect(ws.getCell(r, col("name")).protection?.locked).not.toBe(false);
      if (ind.kind === "rate") {
        const num = ws.getCell(r, col("numerator"));
        expect(num.dataValidation?.type).toBe("custom");
        if (ind.range.aboveMax !== "warning") {
          expect(num.dataValidation?.formulae?.[0]).toContain(
            `<=${ws.getCell(r, col("denominator")).address}`,
          );
        }
        if (ind.numerator?.integer) expect(num.dataValidation?.formulae?.[0]).toContain("INT(");
        expect(ws.getCell(r, col("value")).numFmt).toMatch(/%$/);
        const formula = ws.getCell(r, col("value")).value as ExcelJS.CellFormulaValue;
        expect(formula.formula).toContain("/");
      } else {
        const v = ws.getCell(r, col("value"));
        expect(v.dataValidation?.type).toBe(ind.integer ? "whole" : "decimal");
        expect(v.numFmt).toBe(ind.integer ? (ind.kind === "score" ? "0" : "#,##0") : "#,##0.0");
      }
    }
    expect(checked).toBeGreaterThan(templateIndicatorCodes(template).length);
  });

  it("freezes the header, prints A4 landscape fit to width, and explains every indicator in a guide", () => {
    const { ws } = tableOf(wb);
    expect(ws.views[0]).toMatchObject({ state: "frozen" });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1 });
    const guide = wb.getWorksheet("Hướng dẫn")!;
    const text: string[] = [];
    guide.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    for (const code of templateIndicatorCodes(template)) expect(text).toContain(code);
  });
});

describe("template language", () => {
  it("keeps the Vietnamese headers in an English workbook but names indicators in English", async () => {
    const wb = await writeAndRead("ktxh-xa", "en");
    const { ws, headers } = tableOf(wb);
    expect(headers).toContain("Mã chỉ tiêu");
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    // A rate's name, then on the same row what its numerator and denominator count.
    expect(texts).toContain(
      "Multidimensional poor-household rate\nNumerator: Poor households (households). Denominator: Resident households (households).",
    );
    expect(texts.filter((t) => t.startsWith("Tỷ lệ hộ nghèo theo chuẩn đa chiều"))).toEqual([]);
  });

  it("writes text in Unicode NFC", async () => {
    const wb = await writeAndRead("ktxh-xa");
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === "string") expect(c.value).toBe(c.value.normalize("NFC"));
        }),
      ),
    );
  });
});

describe("the template as a commune planner prints it", () => {
  const book = (id: string, unit = { code: "03688", name: "Xã Mường Chiên" }) =>
    templateWorkbook({ template: findTemplate(id)!, unit, period: parsePeriod("2026")!, lang: "vi" });
  const texts = (layout: ReturnType<typeof book>, sheet: string): string[] =>
    layout.sheets
      .find((s) => s.name === sheet)!
      .cells.flat()
      .map((c) => (c && typeof c.value === "string" ? c.value : ""))
      .filter(Boolean);

  it.each(TEMPLATES.map((t) => t.id))("%s: the guide holds no notes meant for developers", (id) => {
    const guide = texts(book(id), GUIDE_SHEET).join("\n");
    for (const note of [/seed/i, /INDICATORS\.md/, /Mẫu số nhỏ/, /kế hoạch không nêu/, /Σ/, /@\d/])
      expect(guide).not.toMatch(note);
  });

  it("does not cite another commune's resolution in a commune's guide; names the national decrees", () => {
    const guide = texts(book("ktxh-xa"), GUIDE_SHEET).join("\n");
    expect(guide).not.toMatch(/Mường Lèo|37\/NQ-HĐND/);
    expect(guide).toContain(
      "Nghị quyết của HĐND xã về Kế hoạch phát triển kinh tế - xã hội giai đoạn 2026 - 2030",
    );
    expect(guide).toContain("Nghị định 07/2021/NĐ-CP");
    expect(guide).toContain("Quyết định 51/2025/QĐ-TTg");
  });

  it("says on each rate's row what goes in Tử số and Mẫu số, and grows the row to its text", () => {
    const layout = book("ktxh-xa");
    const main = layout.sheets[0]!;
    const r = main.cells.findIndex((row) => row[1]?.value === "HO_NGHEO");
    expect(main.cells[r]![2]!.value).toBe(
      "Tỷ lệ hộ nghèo theo chuẩn đa chiều\nTử số: Số hộ nghèo (hộ). Mẫu số: Tổng số hộ dân cư (hộ).",
    );
    expect(main.rowHeights![r + 1]).toBeGreaterThanOrEqual(30);
  });
});
