import { unzipSync } from "fflate";
import { spawnChild } from "../../support/child";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { buildWrittenReport, type WrittenReport } from "../../../src/core/written-report";
import { writeReportDocx } from "../../../src/io/docx-write";
import { browserBundle, workerOnlyDiagnostics } from "../../support/browser-safe";
import { docxParts, docxText } from "../../support/docx-text";
import { KTXH, laiChau } from "../../core/written-report/fixture";

/*
 * The written report as a .docx (issue 18): laid out as Decree 30/2020/NĐ-CP sets (A4, margins,
 * Times New Roman 14 pt, page numbers from the second page, the table's header repeated), the same
 * bytes whenever it is made, readable by LibreOffice, and writable in a browser.
 */

const report = (lang: "vi" | "en" = "vi"): WrittenReport =>
  buildWrittenReport({ report: laiChau(), template: KTXH, lang, date: "2027-01-05", due: "2026-12-15" });

describe("the .docx", () => {
  let bytes: Uint8Array;
  let parts: Record<string, string>;
  beforeAll(async () => {
    bytes = await writeReportDocx(report());
    parts = docxParts(bytes);
  });

  it("is the same bytes whatever the clock says: the dates are the report's own", async () => {
    jest.useFakeTimers({
      now: new Date("2031-06-01T08:00:00Z"),
      doNotFake: ["nextTick", "setImmediate", "queueMicrotask"],
    });
    try {
      const a = await writeReportDocx(report());
      jest.setSystemTime(new Date("2035-03-09T17:43:11Z"));
      const b = await writeReportDocx(report());
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      expect(Buffer.from(a).equals(Buffer.from(bytes))).toBe(true);
    } finally {
      jest.useRealTimers();
    }
    expect(parts["docProps/core.xml"]).toContain(">2027-01-05T00:00:00Z</dcterms:created>");
    expect(parts["docProps/core.xml"]).toContain(">2027-01-05T00:00:00Z</dcterms:modified>");
    // Every zip entry is dated 5 January 2027 (MS-DOS date: years from 1980, month, day).
    const dos = ((2027 - 1980) << 9) | (1 << 5) | 5;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let entries = 0;
    for (let at = 0; at + 30 < bytes.length;) {
      if (view.getUint32(at, true) !== 0x04034b50) break;
      expect(view.getUint16(at + 12, true)).toBe(dos);
      entries++;
      at +=
        30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true) + view.getUint32(at + 18, true);
    }
    expect(entries).toBe(Object.keys(unzipSync(bytes)).length);
  });

  it("is laid out on A4 as Decree 30 sets: margins, Times New Roman 14 pt, page numbers from page 2", () => {
    const doc = parts["word/document.xml"] as string;
    // Portrait A4 for the report, landscape A4 for the appendix's table.
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"( w:orient="portrait")?\/>/);
    expect(doc).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    // Top and bottom 20 mm, left 30 mm, right 15 mm (in twips).
    expect(doc).toContain('w:top="1134"');
    expect(doc).toContain('w:bottom="1134"');
    expect(doc).toContain('w:left="1701"');
    expect(doc).toContain('w:right="850"');
    expect(parts["word/styles.xml"]).toContain('w:ascii="Times New Roman"');
    expect(parts["word/styles.xml"]).toContain('<w:sz w:val="28"/>');
    // The first page shows no number; the header of the others holds the PAGE field, centred.
    expect(doc).toContain("<w:titlePg/>");
    const headers = Object.entries(parts).filter(([n]) => /^word\/header\d+\.xml$/.test(n));
    expect(headers.some(([, x]) => /PAGE/.test(x) && /<w:jc w:val="center"\/>/.test(x))).toBe(true);
    // The appendix numbers its own pages, from 1.
    expect(doc).toMatch(/<w:pgNumType w:start="1"\/>/);
    // The figures table's header row repeats on every page.
    expect(doc).toContain("<w:tblHeader/>");
  });

  it("holds the masthead, the motto underlined, the subject, the figures and the names", () => {
    const lines = docxText(bytes);
    expect(lines).toEqual(
      expect.arrayContaining([
        "UBND TỈNH LAI CHÂU",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lai Châu, ngày 05 tháng 01 năm 2027",
        "BÁO CÁO",
        "Kết quả thực hiện các chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2026 của tỉnh Lai Châu",
        "Số liệu tổng hợp các chỉ tiêu năm 2026 - Tỉnh Lai Châu",
      ]),
    );
    const all = lines.join("\n");
    expect(all).toContain("Nộp muộn (1 đơn vị): Xã Mù Cả (ký ngày 04/01/2027).");
    expect(all).toContain("Chưa nộp báo cáo (1 đơn vị): Xã Tà Tổng.");
    expect(all).toContain("5.320,4 triệu đồng");
    expect(all).toContain("31,25%");
    const doc = parts["word/document.xml"] as string;
    expect(doc).toMatch(/<w:u w:val="single"\/>(<[^>]+>)*<w:t[^>]*>Độc lập - Tự do - Hạnh phúc</);
    // What the person must complete is highlighted.
    expect(doc).toMatch(/<w:highlight w:val="yellow"\/>(<[^>]+>)*<w:t[^>]*>\[TÊN CƠ QUAN BÁO CÁO\]</);
  });
});

describe("the .docx writer outside Node", () => {
  it("bundles for the browser with no Node built-in", async () => {
    const { errors } = await browserBundle("src/io/docx-write/index.ts");
    expect(errors).toEqual([]);
  });

  it("type-checks against the Web Worker library alone, without Node's types", () => {
    const { types, problems } = workerOnlyDiagnostics("src/io/docx-write/tsconfig.json");
    expect(types).toEqual([]);
    expect(problems).toEqual([]);
  });
});

// LibreOffice opens a .docx only with Writer installed (Debian's libreoffice-calc comes without it).
const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"]
  .filter(() => existsSync("/usr/lib/libreoffice/program/libswlo.so"))
  .find((p) => existsSync(p));
const pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].find((p) => existsSync(p));
/*
 * Where lines break depends on the font LibreOffice puts in for Times New Roman: Liberation Serif (or
 * Tinos) has its widths, so lines break as in Word; DejaVu Serif is wider and breaks the Quốc hiệu,
 * which Word never does. Whole lines are compared only with a font of Times's widths.
 */
const timesWidths = /Liberation Serif|Tinos|Times/i.test(
  existsSync("/usr/bin/fc-match") ? spawnChild("/usr/bin/fc-match", ["Times New Roman"]).stdout : "",
);
if (!soffice || !pdftotext) {
  console.warn(
    "LibreOffice Writer (soffice) or pdftotext (poppler-utils) is missing: the .docx is not opened by another program",
  );
}

(soffice && pdftotext ? describe : describe.skip)("LibreOffice", () => {
  it("opens the report and prints it to PDF, with every figure of the JSON report", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chitieu-docx-"));
    const file = path.join(dir, "bao-cao.docx");
    writeFileSync(file, await writeReportDocx(report()));
    const lo = spawnChild(soffice as string, ["--headless", "--convert-to", "pdf", "--outdir", dir, file], {
      env: { ...process.env, HOME: dir },
    });
    expect(lo.status).toBe(0);
    const pdf = path.join(dir, "bao-cao.pdf");
    expect(existsSync(pdf)).toBe(true);
    const txt = spawnChild(pdftotext as string, ["-layout", pdf, "-"]).stdout;
    if (timesWidths) expect(txt).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    for (const words of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
      "Độc lập - Tự do - Hạnh phúc",
      "BÁO CÁO",
      "Tỉnh Lai Châu",
      "Xã Mù Cả",
      "Xã Tà Tổng",
      "Chậm tiến độ",
      "Không đạt",
    ])
      expect(txt).toContain(words);
    // Each figure of the JSON report, written the Vietnamese way.
    for (const i of laiChau().indicators) {
      if (i.value === null) continue;
      const shown = i.kind === "rate" || i.kind === "score" ? i.value.toFixed(2) : i.value.toFixed(1);
      const [whole, frac] = shown.split(".") as [string, string];
      expect(txt).toContain(`${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${frac}`);
    }
    // The first page has no page number; the second has "2" alone on its first line.
    const pages = txt.split("\f");
    expect(pages.length).toBeGreaterThan(2);
    expect((pages[1] ?? "").trim().split("\n")[0]?.trim()).toBe("2");
    expect(readFileSync(pdf).length).toBeGreaterThan(10_000);
  });
});
