import { CsvTextGuard, MAX_CSV_RECORD_CHARS } from "../../src/io/csv-records";
import { extractCsvBytes } from "../../src/engine/csv-submissions";
import { parseFile } from "../../src/engine/parse-file";
import { classify } from "../../src/io/read-file";
import { sniff } from "../../src/io/sniff";
import { detectEncoding } from "../../src/io/text-decode";
import { handBook, tableXml } from "../io/xlsx-read/hand-built";

/* What the hostile corpus found, pinned down one by one (test/cli/hostile-corpus.test.ts runs them all). */

const enc = new TextEncoder();

/** Feeds text to a guard in pieces of `size` characters, as a stream would. */
function guard(text: string, size: number, delimiter = ","): CsvTextGuard {
  const g = new CsvTextGuard(delimiter);
  for (let i = 0; i < text.length && g.feed(text.slice(i, i + size)); i += size);
  g.finish();
  return g;
}

describe("the CSV text guard", () => {
  const good =
    'ma_don_vi,ky_bao_cao,ma_chi_tieu,thuc_hien,ghi_chu\r\n04240,2026,DAN_SO,8453,"Ghi chú, ""trích dẫn""\r\nhai dòng"\r\n' +
    '04240,2026,HO_NGHEO,12,ô 12"5 không mở ngoặc\n04240,2026,BHYT,1,""\r\n';

  it.each([1, 2, 3, 7, 1000])("lets a well-formed CSV through, whatever the chunk size (%i)", (size) => {
    expect(guard(good, size).fault).toBeUndefined();
  });

  it.each([1, 5, 1000])("names the line of a NUL (chunks of %i)", (size) => {
    const text = good + "04240,2026,X\u0000,1\r\n";
    expect(guard(text, size).fault).toMatchObject({ reason: "corrupt", line: 6 });
  });

  it.each([1, 4096])("names the line where a quote opens and swallows the rest (chunks of %i)", (size) => {
    const text = good + '04240,2026,"DAN_SO,1\r\n04240,2026,BHYT,2\r\n';
    const g = guard(text, size);
    expect(g.fault).toMatchObject({ reason: "corrupt", line: 6 });
    expect(g.fault?.message.en).toContain("never closes");
  });

  it("an open quote in the last field that swallows no line is left to the parser", () => {
    expect(guard('a,b\r\n1,"x', 3).fault).toBeUndefined();
  });

  it("stops at the first record longer than the limit, and names the line it starts on", () => {
    const g = new CsvTextGuard(",", 10);
    expect(g.feed("a,b\n12345,")).toBe(true);
    expect(g.feed("67890,x\n")).toBe(false);
    expect(g.fault).toMatchObject({ reason: "too-large", line: 2 });
    expect(MAX_CSV_RECORD_CHARS).toBeGreaterThan(32_767 * 10);
  });
});

describe("CSV submissions in memory", () => {
  it("a header without rows is named, not silently skipped", () => {
    const x = extractCsvBytes(enc.encode("ma_don_vi,ky_bao_cao,ma_chi_tieu,thuc_hien\r\n\r\n"), "h.csv");
    expect(x.submissions).toEqual([]);
    expect(x.issues).toMatchObject([{ rule: "not-a-submission", line: 1 }]);
  });

  it("a NUL past the first 4 KB is named with its line, as one before it is", () => {
    const rows = Array.from({ length: 400 }, (_, i) => `04240,2026,DAN_SO,${i}`);
    rows[300] = "04240,2026,DAN\u0000SO,1";
    const bytes = enc.encode(["ma_don_vi,ky_bao_cao,ma_chi_tieu,thuc_hien", ...rows].join("\n"));
    expect(sniff(bytes)).toBe("text");
    expect(parseFile({ path: "n.csv", bytes }).issues).toMatchObject([
      { rule: "unreadable-file", reason: "corrupt", line: 302 },
    ]);
  });

  it("UTF-16 without a byte order mark, either byte order", () => {
    const text = "ma_don_vi,ky_bao_cao,ma_chi_tieu,thuc_hien\r\n04240,2026,DAN_SO,8453\r\n";
    const le = new Uint8Array(text.length * 2);
    const be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      le[i * 2] = text.charCodeAt(i);
      be[i * 2 + 1] = text.charCodeAt(i);
    }
    expect(detectEncoding(le)).toEqual({ encoding: "utf-16le", bom: false });
    expect(detectEncoding(be)).toEqual({ encoding: "utf-16be", bom: false });
    for (const bytes of [le, be]) {
      const x = extractCsvBytes(bytes, "u.csv");
      expect(x.issues).toEqual([]);
      expect(x.submissions[0]?.rows[0]?.code).toBe("DAN_SO");
    }
  });
});

describe("workbooks", () => {
  const header = ["Mã chỉ tiêu", "Thực hiện"];
  const tableRows =
    `<row r="1"><c r="A1" t="inlineStr"><is><t>Mã chỉ tiêu</t></is></c><c r="B1" t="inlineStr"><is><t>Thực hiện</t></is></c></row>` +
    `<row r="2"><c r="A2" t="inlineStr"><is><t>DAN_SO</t></is></c><c r="B2"><v>8453</v></c></row>`;
  const infoRows =
    `<row r="3"><c r="C3" t="inlineStr"><is><t>04240</t></is></c></row>` +
    `<row r="5"><c r="C5" t="inlineStr"><is><t>2026</t></is></c></row>`;
  const names = (sheet: string): string =>
    `<definedNames><definedName name="ChiTieu_MaDonVi">'${sheet}'!$C$3</definedName>` +
    `<definedName name="ChiTieu_KyBaoCao">'${sheet}'!$C$5</definedName></definedNames>`;

  it("reads the unit and period from a sheet of their own beside the table's", () => {
    const bytes = handBook({
      sheets: [
        { name: "Chỉ tiêu", rows: tableRows, tables: [tableXml("ChiTieu", "A1:B2", header)] },
        { name: "Thông tin", rows: infoRows },
      ],
      workbookExtra: names("Thông tin"),
    });
    const parsed = parseFile({ path: "t.xlsx", bytes });
    expect(parsed.issues).toEqual([]);
    expect(parsed.submissions[0]?.meta).toMatchObject({ unit: "04240", periodText: "2026" });
  });

  it("says which name points at a sheet the workbook does not have", () => {
    const bytes = handBook({
      sheets: [{ name: "Chỉ tiêu", rows: tableRows, tables: [tableXml("ChiTieu", "A1:B2", header)] }],
      workbookExtra: names("Thông tin"),
    });
    const s = parseFile({ path: "t.xlsx", bytes }).submissions[0]!;
    expect(s.rejected).toBe(true);
    expect(s.metaIssues.map((i) => i.messageEn)).toEqual([
      expect.stringContaining("The name ChiTieu_MaDonVi points at sheet 'Thông tin'"),
      expect.stringContaining("The name ChiTieu_KyBaoCao points at sheet 'Thông tin'"),
    ]);
  });

  it("text named like a workbook is told apart: a web page, XML 2003, a CSV", () => {
    const said = (text: string, name: string): string => {
      const c = classify(enc.encode(text), name);
      return c.kind === "unreadable" ? c.issue.messageEn : c.kind;
    };
    expect(said("<html><body><table></table></body></html>", "a.xls")).toContain("web page (HTML)");
    expect(
      said('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>', "a.xls"),
    ).toContain("XML Spreadsheet 2003");
    expect(said("ma_don_vi,ky_bao_cao\n", "a.xlsx")).toContain("text file (perhaps CSV)");
    expect(said("ma_don_vi,ky_bao_cao\n", "a.csv")).toBe("csv");
  });
});
