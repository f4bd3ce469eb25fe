import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runCli, type CliRun } from "../support/cli";
import { docxParts, docxText } from "../support/docx-text";
import { hasOpenpyxl, openpyxlFile, type OpenpyxlSheet, type OpenpyxlView } from "../support/openpyxl";

/*
 * What `npm run demo` writes, read back as a planner meets it: one standing everywhere (a target with
 * no baseline is "Chưa đánh giá được (thiếu số gốc)", with no gap and no light, in the terminal, the
 * summary workbook and the written report), and a phase total said as its running total
 * (Mường Lèo's XKLD: 4 workers over 2026–2030, 3 by 2028).
 */

const NOT_JUDGED = "Chưa đánh giá được (thiếu số gốc)";

let out: string;
let run: CliRun;

beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), "chitieu-demo-outputs-"));
  run = runCli(["demo", "--out", out]);
});

/** The cells of a sheet's row whose column B holds an indicator's code, by column letter. */
function rowOf(sheet: OpenpyxlSheet, code: string, column = "B"): Record<string, unknown> {
  const hit = Object.entries(sheet.cells).find(
    ([ref, v]) => v === code && ref.replace(/\d+$/, "") === column,
  );
  if (!hit) throw new Error(`${code} not on ${sheet.name}`);
  const n = hit[0].replace(/^[A-Z]+/, "");
  return Object.fromEntries(
    Object.entries(sheet.cells)
      .filter(([ref]) => ref.replace(/^[A-Z]+/, "") === n)
      .map(([ref, v]) => [ref.replace(/\d+$/, ""), v]),
  );
}

/** The column letter of a header on a sheet's header row. */
function columnOf(sheet: OpenpyxlSheet, header: string, row: number): string {
  const hit = Object.entries(sheet.cells).find(
    ([ref, v]) => v === header && ref.replace(/^[A-Z]+/, "") === String(row),
  );
  if (!hit) throw new Error(`no header ${header} on ${sheet.name}`);
  return hit[0].replace(/\d+$/, "");
}

describe("npm run demo: the terminal", () => {
  it("says a target without a baseline is not assessable yet, and a phase total's running total", () => {
    expect(run.status).toBe(0);
    const ntm = run.stdout.split("\n").find((l) => l.startsWith("NTM_TIEU_CHI "));
    expect(ntm).toMatch(/8,00 {2}Chưa đánh giá được \(thiếu số gốc\)$/);
    expect(run.stdout).toMatch(/ XKLD +0 → 1 → 0 → 2 {2}Đúng tiến độ \(lũy kế 2026–2028: 3\/4\)/);
  });
});

(hasOpenpyxl ? describe : describe.skip)("npm run demo: the summary workbooks (openpyxl)", () => {
  let sonLa: OpenpyxlView;
  let muongLeo: OpenpyxlView;
  beforeAll(() => {
    sonLa = openpyxlFile(path.join(out, "tong-hop-son-la-2026.xlsx"));
    muongLeo = openpyxlFile(path.join(out, "tong-hop-muong-leo-2028.xlsx"));
  });

  it("Tổng hợp: NTM_TIEU_CHI has its target, its standing in words, and neither a gap nor a light", () => {
    const sheet = sonLa.sheets[0]!;
    expect(sheet.name).toBe("Tổng hợp");
    const headerRow = 11;
    const col = (h: string): string => columnOf(sheet, h, headerRow);
    const ntm = rowOf(sheet, "NTM_TIEU_CHI");
    expect(ntm[col("Kế hoạch")]).toBe(8);
    expect(ntm[col("Đánh giá")]).toBe(NOT_JUDGED);
    expect(ntm[col("Chênh lệch so với kế hoạch")]).toBeUndefined();
    expect(ntm[col("Tín hiệu")]).toBeUndefined();
    // A judged figure keeps its gap and its light, drawn as the icon alone.
    const bhyt = rowOf(sheet, "BHYT");
    expect(bhyt[col("Đánh giá")]).toBe("Đạt");
    expect(bhyt[col("Tín hiệu")]).toBe(2);
    const lights = sheet.conditional.filter((c) => c.type === "iconSet");
    expect(lights).toHaveLength(1);
    expect(lights[0]!.sqref.startsWith(col("Tín hiệu"))).toBe(true);
    expect(lights[0]!.showValue).toBe(false);
  }, 60_000);

  it("Tổng hợp: XKLD's gap is its running total less the phase target, said beside it", () => {
    const sheet = muongLeo.sheets[0]!;
    const col = (h: string): string => columnOf(sheet, h, 11);
    const xkld = rowOf(sheet, "XKLD");
    expect(xkld[col("Thực hiện")]).toBe(2);
    expect(xkld[col("Kế hoạch")]).toBe(4);
    expect(xkld[col("Chênh lệch so với kế hoạch")]).toBe(-1);
    expect(String(xkld[col("Ghi chú")])).toContain(
      "Lũy kế 2026–2028: 3/4 người (chỉ tiêu giai đoạn 2026–2030)",
    );
    expect(xkld[col("Đánh giá")]).toBe("Đúng tiến độ");
  }, 60_000);

  it("Theo thời gian: a period with a target and nothing to judge it from says so", () => {
    const sheet = muongLeo.sheets.find((s) => s.name === "Theo thời gian")!;
    const col = (h: string): string => columnOf(sheet, h, 5);
    const first = rowOf(sheet, "THU_NS", "A");
    expect(first[col("Kỳ")]).toBe("2025");
    expect(first[col("Đánh giá")]).toBe(NOT_JUDGED);
    expect(first[col("Mã đánh giá")]).toBe("no_target");
  }, 60_000);
});

(hasOpenpyxl ? describe : describe.skip)("npm run demo: the summary printed and read (openpyxl)", () => {
  let view: OpenpyxlView;
  const sheet = (name: string): OpenpyxlSheet => view.sheets.find((s) => s.name === name)!;
  beforeAll(() => {
    view = openpyxlFile(path.join(out, "tong-hop-son-la-2026.xlsx"));
  });

  it("Tổng hợp: the chart's heading starts a printed page; no machine id in a visible cell", () => {
    const s = sheet("Tổng hợp");
    const heading = Object.entries(s.cells).find(([, v]) => String(v).startsWith("Biểu đồ:"))!;
    expect(s.rowBreaks).toEqual([Number(heading[0].replace(/^[A-Z]+/, "")) - 1]);
    const hidden = new Set(s.hiddenColumns);
    const visible = Object.entries(s.cells)
      .filter(([ref]) => !hidden.has(ref.replace(/\d+$/, "")))
      .map(([, v]) => String(v));
    for (const id of [/ktxh-xa@\d/, /^xa$/, /bien-gioi/, /missing-submission/, /Σ/, /^no_target$/])
      expect(visible.filter((v) => id.test(v))).toEqual([]);
  }, 60_000);

  it("Theo nhóm: the group by its name, its id last", () => {
    const s = sheet("Theo nhóm");
    const table = s.tables.find((t) => t.name === "ChiTieu_Nhom")!;
    expect(table.columns[2]).toBe("Tên nhóm");
    expect(table.columns[table.columns.length - 1]).toBe("Nhóm");
    const top = Number(table.ref.split(":")[0]!.replace(/^[A-Z]+/, ""));
    expect(s.cells[`C${top + 1}`]).toBe("Biên giới");
    const last = table.ref.split(":")[1]!.replace(/\d+$/, "");
    expect(s.cells[`${last}${top + 1}`]).toBe("bien-gioi");
  }, 60_000);

  it("Theo đơn vị: ten indicators a page at most, each column as wide as its code, names above", () => {
    const s = sheet("Theo đơn vị");
    const codes = Object.entries(s.cells).filter(
      ([ref, v]) => /^[A-Z]+6$/.test(ref) && /^[A-Z_]{3,}$/.test(String(v)),
    );
    expect(codes.length).toBe(23);
    for (const [ref, code] of codes)
      expect(s.widths[ref.replace(/\d+$/, "")]).toBeGreaterThanOrEqual(String(code).length * 0.9);
    const edges = [5, ...s.colBreaks, 5 + codes.length];
    for (let i = 1; i < edges.length; i++) expect(edges[i]! - edges[i - 1]!).toBeLessThanOrEqual(10);
    expect(s.cells.F5).toBe("Thu ngân sách trên địa bàn (triệu đồng)");
  }, 60_000);

  it("Vấn đề: file names wrap, each link a short cell beside; Kế hoạch: the plan file by its name and line, the path in a note", () => {
    const issues = sheet("Vấn đề");
    expect(issues.cells.F4).toBe("Tệp");
    expect(issues.cells.I4).toBe("Mở tệp");
    const links = Object.keys(issues.links);
    expect(links.length).toBeGreaterThan(0);
    for (const ref of links) {
      // LibreOffice never wraps a linked cell's text: the link says "Mở", the name beside it wraps.
      expect(ref).toMatch(/^I\d+$/);
      expect(issues.cells[ref]).toBe("Mở");
      const name = issues.cells[ref.replace("I", "F")] as string;
      expect(name).toMatch(/\.(xlsx|csv)$/);
      expect(issues.wrapped).toContain(ref.replace("I", "F"));
      expect(decodeURI(issues.links[ref]![0] ?? "")).toMatch(
        new RegExp(`${name.replace(/[.()]/g, "\\$&")}$`),
      );
    }
    // The longest name in the demo, whole in its wrapped cell.
    expect(Object.values(issues.cells)).toContain("Bao cao KTXH 2026 - Chieng Khuong.xlsx");
    const plan = sheet("Kế hoạch");
    const source = plan.cells.H5 as string;
    expect(source).toMatch(/^plan-son-la[^/]*\.csv, dòng \d+$/);
    expect(plan.notes.H5).toMatch(/samples[\\/]son-la[\\/]plan-son-la[^/]*\.csv$/);
  }, 60_000);
});

describe("npm run demo: the written reports", () => {
  it("Sơn La: NTM_TIEU_CHI not assessable yet, in the sentence, the tally and the table", () => {
    const lines = docxText(readFileSync(path.join(out, "bao-cao-son-la-2026.docx")));
    const sentence = lines.find((l) => l.startsWith("10. Số tiêu chí xã đạt chuẩn nông thôn mới:"));
    expect(sentence).toContain("chỉ tiêu đề ra 8 tiêu chí, chưa đánh giá được (thiếu số gốc)");
    expect(sentence).not.toMatch(/thấp hơn|cao hơn/);
    expect(lines.some((l) => l.includes("1 chỉ tiêu chưa đánh giá được (thiếu số gốc)"))).toBe(true);
    // The appendix's table: the row's last cell is the standing, as the workbook says it.
    const at = lines.lastIndexOf("Số tiêu chí xã đạt chuẩn nông thôn mới");
    expect(lines.slice(at, at + 8)).toContain(NOT_JUDGED);
  });

  it("Sơn La: the signature block is one row never split across pages; no template tag in the text", () => {
    const bytes = readFileSync(path.join(out, "bao-cao-son-la-2026.docx"));
    const xml = docxParts(bytes)["word/document.xml"]!;
    const rows = xml.split("<w:tr>").slice(1);
    const sign = rows.filter((r) => r.includes("Nơi nhận:"));
    expect(sign).toHaveLength(1);
    expect(sign[0]).toContain("[Họ và tên]");
    expect(sign[0]).toMatch(/<w:trPr>.*<w:cantSplit\/>/);
    const lines = docxText(bytes);
    expect(lines.filter((l) => /ktxh-xa@\d|\(ktxh-xa/.test(l))).toEqual([]);
    expect(lines).toContain(
      "Kỳ báo cáo: năm 2026; mẫu biểu: Chỉ tiêu kế hoạch phát triển kinh tế - xã hội cấp xã giai đoạn 2026–2030.",
    );
  });

  it("Mường Lèo: XKLD's running total against the phase target", () => {
    const lines = docxText(readFileSync(path.join(out, "bao-cao-muong-leo-2028.docx")));
    const sentence = lines.find((l) => l.startsWith("5. Số lao động đi làm việc ở nước ngoài"));
    expect(sentence).toContain(
      "lũy kế 2026–2028: 3/4 người, đạt 75% chỉ tiêu giai đoạn 2026–2030, đúng tiến độ.",
    );
    expect(sentence).not.toContain("50% kế hoạch");
  });
});
