import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { isoToSerial } from "../../src/core/values/dates";
import { runCli } from "../support/cli";
import { handBook, NS, REL_NS, stylesXml, tableXml, xmlEscape } from "../io/xlsx-read/hand-built";

/*
 * Submissions in the forms real Excel files take that the reader once read wrongly (issue 14),
 * consolidated by the command as a province planner runs it: their figures must be used, their
 * dates read as the unit signed them.
 */

const text = (ref: string, s: string): string =>
  `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(s)}</t></is></c>`;
const num = (ref: string, v: number, style?: number): string =>
  `<c r="${ref}"${style === undefined ? "" : ` s="${style}"`}><v>${v}</v></c>`;

/**
 * A commune's sheet rebuilt by hand on a Mac (labels, no table, no names), in a workbook of the 1904
 * date system saved by Excel 2013 or later: the main <workbookPr date1904="1"/>, then an
 * x15:workbookPr inside <extLst>, which says nothing of dates. Signed 5 December 2026.
 */
function macSubmission(): Uint8Array {
  const signed = isoToSerial("2026-12-05")! - 1462;
  const rows =
    `<row r="1">${text("A1", "Mã đơn vị:")}${text("B1", "03688")}</row>` +
    `<row r="2">${text("A2", "Tên đơn vị:")}${text("B2", "Xã Mường Sại")}</row>` +
    `<row r="3">${text("A3", "Kỳ báo cáo:")}${text("B3", "Năm 2026")}</row>` +
    `<row r="4">${text("A4", "Mẫu biểu:")}${text("B4", "ktxh-xa@1")}</row>` +
    `<row r="5">${text("A5", "Ngày báo cáo:")}${num("B5", signed, 1)}</row>` +
    `<row r="7">${text("A7", "Mã chỉ tiêu")}${text("B7", "Tử số")}${text("C7", "Mẫu số")}${text("D7", "Thực hiện")}</row>` +
    `<row r="8">${text("A8", "THU_NS")}${num("D8", 2104.6)}</row>` +
    `<row r="9">${text("A9", "HO_NGHEO")}${num("B9", 592)}${num("C9", 1480)}</row>`;
  return handBook({
    sheets: [{ name: "Báo cáo", rows }],
    styles: stylesXml([0, 164], { 164: "dd/mm/yyyy" }),
    workbookPr:
      `<workbookPr date1904="1" defaultThemeVersion="166925"/>` +
      `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
      `<mc:Choice Requires="x15"><x15ac:absPath url="/Users/ketoan/Documents/" ` +
      `xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>`,
    workbookExtra:
      `<calcPr calcId="191029"/><extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" ` +
      `xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">` +
      `<x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>`,
  });
}

/**
 * A submission of the template's form (a ChiTieu table, the defined names) in a workbook that also
 * holds a VBA module (a <sheet> with an empty r:id) and an Excel 4 macro sheet whose r:id points at
 * no relationship.
 */
function macroSubmission(): Uint8Array {
  const rows =
    `<row r="1">${text("A1", "Mã đơn vị")}${text("B1", "03694")}</row>` +
    `<row r="2">${text("A2", "Kỳ báo cáo")}${text("B2", "2026")}</row>` +
    `<row r="3">${text("A3", "Mẫu biểu")}${text("B3", "ktxh-xa@1")}</row>` +
    `<row r="5">${text("A5", "Mã chỉ tiêu")}${text("B5", "Tử số")}${text("C5", "Mẫu số")}${text("D5", "Thực hiện")}</row>` +
    `<row r="6">${text("A6", "THU_NS")}${num("D6", 3000)}</row>` +
    `<row r="7">${text("A7", "HO_NGHEO")}${num("B7", 100)}${num("C7", 1000)}</row>`;
  const names = [
    ["ChiTieu_MaDonVi", "$B$1"],
    ["ChiTieu_KyBaoCao", "$B$2"],
    ["ChiTieu_MauBieu", "$B$3"],
  ]
    .map(([n, c]) => `<definedName name="${n}">'Chỉ tiêu'!${c}</definedName>`)
    .join("");
  return handBook({
    sheets: [
      {
        name: "Chỉ tiêu",
        rows,
        tables: [tableXml("ChiTieu", "A5:D7", ["Mã chỉ tiêu", "Tử số", "Mẫu số", "Thực hiện"])],
      },
    ],
    parts: {
      "xl/workbook.xml":
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>` +
        `<sheet name="Module1" sheetId="3" r:id=""/><sheet name="Chỉ tiêu" sheetId="1" r:id="rId1"/>` +
        `<sheet name="Macro1" sheetId="2" r:id="rId99"/></sheets><definedNames>${names}</definedNames></workbook>`,
    },
  });
}

interface Unit {
  code: string;
  status: string;
  file?: string;
  reportDate?: string;
}

describe("submissions saved by real Excel versions, consolidated", () => {
  let report: {
    units: Unit[];
    indicators: {
      code: string;
      value: number | null;
      numerator: number | null;
      denominator: number | null;
    }[];
    issues: { rule: string; file?: string }[];
  };

  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), "chitieu-real-"));
    const folder = path.join(dir, "bao-cao");
    mkdirSync(folder);
    writeFileSync(path.join(folder, "mac-1904.xlsx"), macSubmission());
    writeFileSync(path.join(folder, "co-macro.xlsm"), macroSubmission());
    const r = runCli(
      [
        "consolidate",
        "bao-cao",
        "--template",
        "ktxh-xa",
        "--period",
        "2026",
        "--out",
        "tong-hop.xlsx",
        "--json",
        "r.json",
      ],
      dir,
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    report = JSON.parse(readFileSync(path.join(dir, "r.json"), "utf8"));
  });

  it("a Mac workbook of the 1904 date system: signed 5 December 2026, not four years earlier", () => {
    expect(report.units.find((u) => u.code === "03688")).toMatchObject({
      status: "ok",
      file: "mac-1904.xlsx",
      reportDate: "2026-12-05",
    });
  });

  it("a workbook with a VBA module and a macro sheet is read, and its figures used", () => {
    expect(report.units.find((u) => u.code === "03694")).toMatchObject({
      status: "ok",
      file: "co-macro.xlsm",
    });
    expect(report.issues.filter((i) => i.rule === "unreadable-file")).toEqual([]);
    const figure = (code: string) => report.indicators.find((i) => i.code === code);
    expect(figure("THU_NS")!.value).toBeCloseTo(2104.6 + 3000, 6);
    expect(figure("HO_NGHEO")).toMatchObject({ numerator: 692, denominator: 2480 });
  });
});
