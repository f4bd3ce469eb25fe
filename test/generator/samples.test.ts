import { spawnChild } from "../support/child";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { unzipSync } from "fflate";
import { RULES } from "../../src/core/issues";
import { matchKey } from "../../src/core/text";
import { readCsv } from "../../src/io/csv-reader";
import { decodeText } from "../../src/io/text-decode";
import {
  encodeWindows1258,
  faultProvinceSpec,
  generateProvince,
  MUONG_LEO,
  outliers,
  sampleFiles,
  SAMPLE_MARKER,
  sonLaSpec,
  SpecError,
  toTcvn3,
  viNumber,
  viPercent,
  windows1258Form,
  type GeneratedProvince,
  type ProvinceSpec,
} from "../../generator";
import { ROOT } from "../support/cli";
import { perfectReport, indicatorProblems, issueProblems, unitProblems } from "../support/truth-report";

/*
 * The generator's own tests: the files are what the truth says they are (read back with ExcelJS,
 * papaparse and TextDecoder, never with the generator), the truth adds up, and the committed
 * samples are what the generator makes today.
 */

/** Vietnamese number text → number, written here independently of the generator. */
function viParse(text: string): number {
  const t = text.trim().replace(/%$/, "");
  return Number(t.replace(/\./g, "").replace(",", "."));
}

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "result" in v) return String(v.result ?? "");
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

function csvRows(bytes: Uint8Array): string[][] {
  const { text } = decodeText(bytes);
  const delimiter = readCsv(bytes, "x.csv").delimiter as string;
  return Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data;
}

/** Rules docs/RULES.md defines, read from its tables. */
function rulesOfRulesMd(): string[] {
  const md = readFileSync(path.join(ROOT, "docs", "RULES.md"), "utf8");
  return [...new Set([...md.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1] as string))];
}

let fault: GeneratedProvince;
let sonLa: GeneratedProvince;
const file = (g: GeneratedProvince, p: string): Uint8Array => {
  const f = g.files.find((x) => x.path === p);
  if (!f) throw new Error(`no file ${p}`);
  return f.bytes;
};

beforeAll(async () => {
  fault = await generateProvince(faultProvinceSpec().spec);
  sonLa = await generateProvince(sonLaSpec());
});

describe("the fault province", () => {
  it("plants every rule of docs/RULES.md at least once", () => {
    const planted = new Set<string>(fault.truth.issues.map((i) => i.rule));
    const defined = rulesOfRulesMd();
    expect(defined.length).toBeGreaterThan(25);
    for (const rule of defined) expect({ rule, planted: planted.has(rule) }).toEqual({ rule, planted: true });
    // Both severities where RULES.md gives a rule two.
    const both = (rule: string): string[] =>
      [...new Set(fault.truth.issues.filter((i) => i.rule === rule).map((i) => i.severity))].sort();
    for (const rule of [
      "duplicate-submission",
      "duplicate-row",
      "unit-of-measure",
      "numerator-exceeds-denominator",
    ]) {
      expect({ rule, severities: both(rule) }).toEqual({ rule, severities: ["error", "warning"] });
    }
    for (const i of fault.truth.issues) expect(RULES).toContain(i.rule);
  });

  it("has every unit status and every form", () => {
    const statuses = new Set(fault.truth.units.map((u) => u.status));
    expect([...statuses].sort()).toEqual(["duplicate", "late", "missing", "ok", "rejected", "unknown"]);
    const forms = fault.truth.files.map((f) => `${f.form}${f.encoding ? `/${f.encoding}` : ""}`);
    for (const f of ["template", "hand", "csv/utf-8", "csv/utf-8-bom", "csv/utf-16le", "csv/windows-1258"]) {
      expect(forms).toContain(f);
    }
    expect(fault.truth.files.filter((f) => f.form === "csv").some((f) => f.units.length > 1)).toBe(true);
  });

  it("writes the template form with the project's table and names, values in its input cells", async () => {
    const { units } = faultProvinceSpec();
    const entry = fault.truth.units.find((u) => u.code === units.clean)!;
    const wb = await workbook(file(fault, entry.file!));
    const names = wb.definedNames.model.map((n) => n.name).sort();
    expect(names).toEqual([
      "ChiTieu_KyBaoCao",
      "ChiTieu_MaDonVi",
      "ChiTieu_MauBieu",
      "ChiTieu_NgayBaoCao",
      "ChiTieu_TenDonVi",
    ]);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    expect(Object.keys((ws as unknown as { tables: object }).tables)).toEqual(["ChiTieu"]);
    expect(ws.getCell("C3").value).toBe(units.clean);
    expect(cellText(ws.getCell("G3").value)).toBe("2026-12-05");
    const rowOf = new Map<string, number>();
    ws.eachRow((row, r) => {
      const code = row.getCell(2).value;
      if (typeof code === "string" && r > 9) rowOf.set(code, r);
    });
    for (const p of fault.truth.perUnit.filter((x) => x.unit === units.clean)) {
      const r = rowOf.get(p.indicator)!;
      if (p.kind === "rate") {
        expect(ws.getCell(r, 5).value).toBe(p.numerator);
        expect(ws.getCell(r, 6).value).toBe(p.denominator);
        // The derived % carries the result Excel would cache.
        const g = ws.getCell(r, 7).value as { formula: string; result: number };
        expect(g.formula).toMatch(/^IF\(AND\(ISNUMBER/);
        expect(g.result).toBeCloseTo(p.value / 100, 12);
      } else {
        const g = ws.getCell(r, 7).value;
        expect(typeof g === "object" && g !== null ? (g as { result: number }).result : g).toBe(p.value);
      }
    }
  });

  it("writes hand-rebuilt sheets with no table and no names, labels, and numbers as Vietnamese text", async () => {
    const hand = fault.truth.files.filter((f) => f.form === "hand");
    expect(hand.length).toBeGreaterThanOrEqual(4);
    for (const f of hand) {
      const wb = await workbook(file(fault, f.path));
      expect(wb.definedNames.model).toEqual([]);
      const data = wb.worksheets.find((ws) => ws.name === f.sheet)!;
      for (const ws of wb.worksheets)
        expect(Object.keys((ws as unknown as { tables: object }).tables)).toEqual([]);
      // The header row: the first of the first 30 rows holding both contract headers.
      let header = 0;
      for (let r = 1; r <= 30 && !header; r++) {
        const keys = (data.getRow(r).values as ExcelJS.CellValue[]).map((v) => matchKey(cellText(v)));
        if (keys.includes("ma chi tieu") && keys.includes("thuc hien")) header = r;
      }
      expect(header).toBe(f.headerRow);
      const headerTexts = (data.getRow(header).values as ExcelJS.CellValue[]).map(cellText);
      expect(headerTexts.filter(Boolean).join("|")).not.toBe(
        "STT|Mã chỉ tiêu|Tên chỉ tiêu|Đơn vị tính|Tử số|Mẫu số|Thực hiện|Kế hoạch|Ghi chú",
      );
      // Label cells with the value to their right.
      const labels = new Map<string, string>();
      data.eachRow((row) =>
        row.eachCell((c) => {
          const t = cellText(c.value);
          if (t.endsWith(":")) labels.set(t, cellText(data.getCell(Number(c.row), Number(c.col) + 1).value));
        }),
      );
      expect(labels.get("Mã đơn vị:")).toBe(f.units[0]);
      expect(labels.get("Mẫu biểu:")).toBe("ktxh-xa@1");
    }
    // Layout 0 types numbers as text: they read back to the true figures.
    const u5 = fault.truth.files.find((f) => f.path === "bao-cao-u05.xlsx")!;
    const ws = (await workbook(file(fault, u5.path))).getWorksheet("Báo cáo")!;
    const unit = u5.units[0]!;
    let checked = 0;
    ws.eachRow((row) => {
      const code = cellText(row.getCell(3).value);
      const p = fault.truth.perUnit.find((x) => x.unit === unit && x.indicator === code);
      if (!p) return;
      if (p.kind === "rate") {
        expect(typeof row.getCell(6).value).toBe("string");
        expect(viParse(cellText(row.getCell(6).value))).toBe(p.numerator);
        expect(viParse(cellText(row.getCell(7).value))).toBe(p.denominator);
        expect(cellText(row.getCell(8).value)).toMatch(/^[\d.]+(,\d+)?%$/);
      } else expect(viParse(cellText(row.getCell(8).value))).toBe(p.value);
      checked++;
    });
    expect(checked).toBeGreaterThan(15);
  });

  it("writes CSV in the encodings and delimiters it claims, decoding to NFC Vietnamese", () => {
    const bom: Record<string, number[]> = { "utf-8-bom": [0xef, 0xbb, 0xbf], "utf-16le": [0xff, 0xfe] };
    for (const f of fault.truth.files.filter((x) => x.form === "csv")) {
      const bytes = file(fault, f.path);
      const enc = f.encoding as string;
      if (bom[enc]) expect([...bytes.subarray(0, bom[enc]!.length)]).toEqual(bom[enc]);
      const read = readCsv(bytes, f.path);
      expect(read.delimiter).toBe(f.delimiter === "tab" ? "\t" : f.delimiter);
      expect(read.encoding).toBe(enc.replace("-bom", ""));
      const { text } = decodeText(bytes);
      expect(text).toBe(text.normalize("NFC"));
      expect(text).toContain("Xã");
      if (enc === "windows-1258") {
        expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
        // A second decoder agrees, and the tones were written as combining marks, as Windows does.
        expect(iconv.decode(Buffer.from(bytes), "windows-1258").normalize("NFC")).toBe(text);
        const raw = iconv.decode(Buffer.from(bytes), "windows-1258");
        expect(raw).toMatch(/[\u0300\u0301\u0303\u0309\u0323]/);
        expect(raw).not.toMatch(/[\u1EA0-\u1EF9]/);
        expect(raw).toContain("ư");
      }
      const rows = csvRows(bytes);
      const header = rows[0]!.map(matchKey);
      expect(header).toContain(matchKey(f.headers === "vi" ? "Mã đơn vị" : "ma_don_vi"));
      expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(f.units));
    }
  });

  it("points every issue at a cell or line that holds what the issue is about", async () => {
    const books = new Map<string, ExcelJS.Workbook>();
    let checked = 0;
    for (const issue of fault.truth.issues) {
      if (!issue.file) continue;
      checked++;
      const bytes = file(fault, issue.file);
      if (issue.line !== undefined) {
        const rows = csvRows(bytes);
        const row = rows[issue.line - 1]!;
        if (issue.rule === "missing-indicator") {
          expect(issue.line).toBe(1);
          continue;
        }
        expect(row[0]).toBe(issue.unit);
        if (issue.indicator) expect(row[4]).toBe(issue.indicator);
        continue;
      }
      if (!issue.cell) continue;
      if (!books.has(issue.file)) books.set(issue.file, await workbook(bytes));
      const ws = books.get(issue.file)!.getWorksheet(issue.sheet!)!;
      const cell = ws.getCell(issue.cell);
      const rowTexts = (ws.getRow(Number(cell.row)).values as ExcelJS.CellValue[]).map(cellText);
      const here = cellText(cell.value);
      switch (issue.rule) {
        case "missing-indicator":
          expect(matchKey(here)).toBe("ma chi tieu");
          break;
        case "late":
        case "duplicate-submission":
          expect(here).toMatch(/^2026-12-\d\d$|^\d\d\/12\/2026$/);
          break;
        case "wrong-period":
          expect(here).toBe("2025");
          break;
        case "wrong-template":
          expect(here).toBe("de-an-1219@1");
          break;
        case "unknown-unit":
          expect(here).toBe(issue.unit);
          break;
        case "missing-metadata":
          expect(here).toBe("");
          break;
        case "legacy-encoding":
          expect(here).toBe(toTcvn3(fault.truth.units.find((u) => u.code === issue.unit)!.name));
          break;
        default:
          expect(rowTexts).toContain(issue.indicator);
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("gives figures that add up from the per-unit figures that entered", () => {
    const { truth } = fault;
    for (const ind of truth.indicators) {
      const parts = truth.perUnit.filter((p) => p.indicator === ind.code);
      expect(ind.reporting).toBe(parts.length);
      expect(ind.expected).toBe(22);
      if (ind.kind === "rate") {
        const num = parts.reduce((s, p) => s + p.numerator!, 0);
        const den = parts.reduce((s, p) => s + p.denominator!, 0);
        expect(ind.value).toBeCloseTo((100 * num) / den, 9);
      } else if (ind.kind === "score") {
        expect(ind.value).toBeCloseTo(parts.reduce((s, p) => s + p.value, 0) / parts.length, 12);
        expect(ind.denominator).toBe(parts.length);
      } else
        expect(ind.value).toBeCloseTo(
          parts.reduce((s, p) => s + p.value, 0),
          6,
        );
    }
    const borders = new Set(truth.units.filter((u) => u.groups.includes("bien-gioi")).map((u) => u.code));
    for (const g of truth.groups.filter((x) => x.group === "bien-gioi")) {
      expect(g.reporting).toBe(
        truth.perUnit.filter((p) => p.indicator === g.indicator && borders.has(p.unit)).length,
      );
      expect(g.expected).toBe(borders.size);
    }
    // A rate is never the mean of its units' percentages.
    const ho = truth.indicators.find((i) => i.code === "HO_NGHEO")!;
    const mean = truth.perUnit
      .filter((p) => p.indicator === "HO_NGHEO")
      .reduce((s, p, _, a) => s + p.value / a.length, 0);
    expect(Math.abs(ho.value! - mean)).toBeGreaterThan(1e-6);
  });

  it("is the same bytes and the same truth every time", async () => {
    const again = await generateProvince(faultProvinceSpec().spec);
    expect(again.truth).toEqual(fault.truth);
    expect(again.files.map((f) => f.path)).toEqual(fault.files.map((f) => f.path));
    again.files.forEach((f, i) =>
      expect(Buffer.compare(Buffer.from(f.bytes), Buffer.from(fault.files[i]!.bytes))).toBe(0),
    );
  });

  it("leaves the comparators of the acceptance test nothing to find on a perfect report, and catches a wrong one", () => {
    const report = perfectReport(fault.truth);
    expect(issueProblems(fault.truth, report)).toEqual([]);
    expect(indicatorProblems(fault.truth, report)).toEqual([]);
    expect(unitProblems(fault.truth, report)).toEqual([]);
    report.issues.pop();
    report.issues.push({ severity: "warning", rule: "outlier", unit: "04240", message: "", messageEn: "" });
    report.indicators[0]!.value = (report.indicators[0]!.value ?? 0) + 1e-6;
    expect(issueProblems(fault.truth, report)).toHaveLength(2);
    expect(indicatorProblems(fault.truth, report)).toHaveLength(1);
  });
});

describe("the generator refuses what the truth could only guess", () => {
  const base = (): ProvinceSpec => faultProvinceSpec().spec;

  it("two faults on one indicator", async () => {
    const spec = base();
    spec.files[0]!.submissions[0]!.faults = [
      { rule: "negative", indicator: "XKLD" },
      { rule: "not-a-number", indicator: "XKLD" },
    ];
    await expect(generateProvince(spec)).rejects.toThrow(SpecError);
  });

  it("row faults in a file that is not used", async () => {
    const spec = base();
    const wrong = spec.files.find((f) => f.path === "ktxh-xa_u19_2025.xlsx")!;
    wrong.submissions[0]!.faults = [{ rule: "negative", indicator: "XKLD" }];
    await expect(generateProvince(spec)).rejects.toThrow(/not used/);
  });

  it("a clean value that would raise a rule", async () => {
    const spec = base();
    const unit = spec.files[0]!.submissions[0]!.unit;
    spec.values[unit]!.HO_NGHEO = { num: 900, den: 800 };
    await expect(generateProvince(spec)).rejects.toThrow(/numerator above denominator/);
  });

  it("a missing row in the template, which always has every row", async () => {
    const spec = base();
    spec.files[0]!.submissions[0]!.faults = [{ rule: "missing-indicator", indicator: "XKLD" }];
    await expect(generateProvince(spec)).rejects.toThrow(/hand or CSV/);
  });
});

describe("the sample province of Sơn La", () => {
  it("has thirty real communes, the border ones grouped, Mường Lèo among them", () => {
    const roster = sonLa.roster.trim().split("\n");
    expect(roster[0]).toBe("ma_don_vi,ten_don_vi,cap,ma_cha,nhom,ghi_chu");
    expect(roster[1]).toBe(`14,Tỉnh Sơn La,tinh,,,${SAMPLE_MARKER}`);
    expect(roster).toContain(`04240,Xã Mường Lèo,xa,14,bien-gioi,${SAMPLE_MARKER}`);
    expect(roster.filter((l) => l.includes(",xa,14,"))).toHaveLength(30);
    expect(roster.filter((l) => l.includes(",bien-gioi,"))).toHaveLength(8);
    const official = readFileSync(path.join(ROOT, "data", "dvhc-2025.csv"), "utf8").split("\n");
    for (const line of roster.slice(1)) {
      const [code, name] = line.split(",");
      expect(official).toContainEqual(expect.stringMatching(new RegExp(`^${code},${name},`)));
    }
  });

  it("gives Mường Lèo the figures its plan implies", () => {
    const ml = (code: string) =>
      sonLa.truth.perUnit.find((p) => p.unit === MUONG_LEO && p.indicator === code)!;
    expect(ml("HO_NGHEO").value).toBeCloseTo(40, 1);
    expect(ml("CHE_PHU_RUNG").value).toBeCloseTo(47.72, 2);
    expect(ml("KMT_KDC").denominator).toBe(13);
    expect(ml("ANTT_KDC").denominator).toBe(13);
    expect(ml("THU_NS").value).toBeGreaterThan(2000);
    expect(ml("THU_NS").value).toBeLessThan(2200);
  });

  it("holds mostly template workbooks, some hand-rebuilt sheets and Windows-1258 CSV, and a handful of mistakes", () => {
    const forms = sonLa.truth.files.map((f) => `${f.form}${f.encoding ? `/${f.encoding}` : ""}`);
    const count = (f: string): number => forms.filter((x) => x === f).length;
    expect(count("template")).toBeGreaterThanOrEqual(18);
    expect(count("hand")).toBe(4);
    expect(count("csv/windows-1258")).toBe(2);
    const mistakes = sonLa.truth.issues.filter((i) => i.rule !== "missing-submission").map((i) => i.rule);
    expect(mistakes.length).toBeGreaterThanOrEqual(5);
    expect(mistakes.length).toBeLessThanOrEqual(8);
    expect(mistakes.sort()).toEqual([
      "duplicate-submission",
      "late",
      "missing-denominator",
      "numerator-exceeds-denominator",
      "unit-of-measure",
      "unknown-unit",
    ]);
    expect(sonLa.truth.units.filter((u) => u.status === "missing").map((u) => u.code)).toEqual([
      "03862",
      "04246",
    ]);
  });

  it("marks every file as sample data", async () => {
    for (const f of sonLa.files) {
      if (f.path.endsWith(".csv")) {
        const rows = csvRows(f.bytes);
        const note = rows[0]!.findIndex((h) => matchKey(h) === "ghi chu" || h === "ghi_chu");
        for (const r of rows.slice(1)) expect(r[note]).toBe(SAMPLE_MARKER);
      } else expect((await workbook(f.bytes)).description).toBe(SAMPLE_MARKER);
    }
  });

  it("is committed as the generator makes it today (npm run samples)", async () => {
    const files = await sampleFiles();
    const dir = path.join(ROOT, "samples");
    const onDisk: string[] = [];
    const walk = (d: string): void => {
      for (const name of readdirSync(d)) {
        const p = path.join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (name !== "README.md") onDisk.push(path.relative(dir, p).split(path.sep).join("/"));
      }
    };
    walk(dir);
    expect(onDisk.sort()).toEqual(files.map((f) => f.path).sort());
    for (const f of files) {
      const same = Buffer.compare(readFileSync(path.join(dir, f.path)), Buffer.from(f.bytes)) === 0;
      expect({ file: f.path, same }).toEqual({ file: f.path, same: true });
    }
  });
});

describe("encodings and Vietnamese text", () => {
  it("writes Windows-1258 as Vietnamese Windows does: precomposed letters, combining tones", () => {
    const text = "Xã Mường Lèo, Sốp Cộp, Đoàn Kết, Phiêng Khoài";
    const bytes = encodeWindows1258(text);
    expect(Buffer.from(bytes)).toEqual(iconv.encode(windows1258Form(text), "windows-1258"));
    expect(new TextDecoder("windows-1258").decode(bytes).normalize("NFC")).toBe(text);
    // ư (FD) then ờ as ơ (F5) + grave (CC); đ is F0.
    expect([...encodeWindows1258("ường")]).toEqual([0xfd, 0xf5, 0xcc, 0x6e, 0x67]);
    expect([...encodeWindows1258("đ")]).toEqual([0xf0]);
  });

  it("round-trips any Vietnamese text through Windows-1258", () => {
    const letters = [..."aàảãáạăằẳẵắặâầẩẫấậđeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵ ,.-"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters, ...letters.map((l) => l.toUpperCase()))), (chars) => {
        const text = chars.join("");
        return new TextDecoder("windows-1258").decode(encodeWindows1258(text)).normalize("NFC") === text;
      }),
    );
  });

  it("writes TCVN3 text as a .VnTime cell holds it", () => {
    expect(toTcvn3("Xã Mường Lèo")).toBe("X\u00b7 M\u00ad\u00eang L\u00cco");
    expect(toTcvn3("Sơn La")).toBe("S\u00acn La");
  });

  it("writes Vietnamese numbers that read back exactly", () => {
    expect(viNumber(1922.9)).toBe("1.922,9");
    expect(viNumber(8453)).toBe("8.453");
    expect(viNumber(8453, false)).toBe("8453");
    expect(viNumber(-1234567.25)).toBe("-1.234.567,25");
    expect(viPercent(47.72)).toBe("47,72%");
    expect(viPercent(40)).toBe("40%");
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 2 }), (n, d) => {
        const x = n / 10 ** d;
        return viParse(viNumber(x)) === x;
      }),
    );
  });

  it("stamps every zip entry of a workbook with the fixed moment", () => {
    const bytes = fault.files.find(
      (f) => f.path.endsWith(".xlsx") && !f.path.startsWith("~$") && f.path !== "hong.xlsx",
    )!.bytes;
    expect(Object.keys(unzipSync(bytes))).toContain("xl/workbook.xml");
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // First local header: DOS date of 2026-12-31.
    expect(view.getUint16(12, true)).toBe(((2026 - 1980) << 9) | (12 << 5) | 31);
  });
});

describe("the outlier test of docs/RULES.md", () => {
  const plain = (xs: number[]) => xs.map((value, i) => ({ unit: `u${i}`, value: { value } }));

  it("flags a figure a thousand times too big among counts, on log10", () => {
    const v = outliers("amount", plain([2100, 1800, 2500, 3100, 1900, 2200, 2400, 2100000]));
    expect(v.filter((x) => x.outlier).map((x) => x.unit)).toEqual(["u7"]);
  });

  it("needs five figures, and leaves zeros of counts untested", () => {
    expect(outliers("count", plain([1, 2, 3, 4]))).toEqual([]);
    expect(outliers("count", plain([0, 5, 5, 6, 5, 4])).map((x) => x.unit)).not.toContain("u0");
  });

  it("with MAD 0, takes half the median for scores and a factor of ten for counts", () => {
    const scores = outliers("score", plain([8, 8, 8, 8, 8, 3, 7]));
    expect(scores.filter((x) => x.outlier).map((x) => x.unit)).toEqual(["u5"]);
    const counts = outliers("count", plain([100, 100, 100, 100, 100, 900, 1100]));
    expect(counts.filter((x) => x.outlier).map((x) => x.unit)).toEqual(["u6"]);
  });
});

const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => existsSync(p));

(soffice ? describe : describe.skip)("a second program reads the generated workbooks (LibreOffice)", () => {
  it("opens a hand-rebuilt sheet and a filled template with extra rows", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chitieu-lo-"));
    const wanted = { "hand.xlsx": "bao-cao-u05.xlsx", "template.xlsx": "ktxh-xa_u02_2026.xlsx" };
    for (const [name, from] of Object.entries(wanted)) writeFileSync(path.join(dir, name), file(fault, from));
    const conv = spawnChild(soffice!, [
      "--headless",
      `-env:UserInstallation=file://${dir}/lo-profile`,
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1",
      "--outdir",
      dir,
      path.join(dir, "hand.xlsx"),
      path.join(dir, "template.xlsx"),
    ]);
    expect(conv.status).toBe(0);
    const read = (prefix: string): string =>
      readdirSync(dir)
        .filter((f) => f.startsWith(prefix) && f.endsWith(".csv"))
        .map((f) => readFileSync(path.join(dir, f), "utf8"))
        .join("\n");
    const hand = read("hand");
    expect(hand).toContain("STT,TÊN CHỈ TIÊU,MÃ CHỈ TIÊU,ĐƠN VỊ TÍNH");
    expect(hand).toContain("Mã đơn vị:,04045");
    expect(hand).toContain(",HO_NGHEO_2025,");
    const template = read("template");
    expect(template).toContain(
      "STT,Mã chỉ tiêu,Tên chỉ tiêu,Đơn vị tính,Tử số,Mẫu số,Thực hiện,Kế hoạch,Ghi chú",
    );
    expect(template).toContain(toTcvn3("Xã Mường Lạn"));
    expect(template).toContain(",TT_BUOI,");
  });
});
