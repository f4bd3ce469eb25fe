import axe from "axe-core";
import ExcelJS from "exceljs";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { findIndicator } from "../../src/core/catalog/indicators";
import { MAIN_SHEET, NAMES, TABLE_NAME } from "../../src/core/contract";
import { launch } from "./browser";
import { ADDIN_URL } from "./global-setup";
import { serveDir } from "./static-server";
import { TEMPLATE_TABLE_HEADERS } from "../support/contract";

/*
 * The built pane (webpack production, built once in global-setup.ts) in headless Chromium, three ways:
 * a plain browser where office.js cannot be fetched, a plain browser with Microsoft's real office.js
 * (Office.onReady then reports no host), and the pane as Excel hosts it, with the in-memory Office.js
 * stand-in served in place of office.js. Screenshots go to /tmp/chitieu-e2e/.
 */

const SKIP = process.env.E2E_SKIP;
const DIST = process.env.E2E_DIST ?? "";
const FAKE_OFFICE = process.env.E2E_FAKE_OFFICE ?? "";
// Where screenshots go: E2E_SHOTS when set (a worktree's scratch/), else a temporary folder.
const SHOTS = process.env.E2E_SHOTS ?? "/tmp/chitieu-e2e";
const CDN = "https://appsforoffice.microsoft.com/";
const OFFICE_JS_DIR = path.join(__dirname, "..", "..", "node_modules", "@microsoft", "office-js", "dist");

type OfficeMode = "unreachable" | "real" | "excel";

interface Session {
  page: Page;
  context: BrowserContext;
  /** Every address the page asked for, to check nothing leaves the computer. */
  requests: string[];
  /** Console errors and content-security-policy reports. */
  problems: string[];
}

let server: { url: string; close: () => Promise<void> };
let browser: Awaited<ReturnType<typeof launch>>;

if (SKIP) console.warn(`Browser tests skipped: ${SKIP}`);
const suite = SKIP ? describe.skip : describe;

beforeAll(async () => {
  if (SKIP) return;
  mkdirSync(SHOTS, { recursive: true });
  server = await serveDir(DIST);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(mode: OfficeMode, query = "", fakeOptions?: Record<string, unknown>): Promise<Session> {
  const context = browser.context;
  await context.unroute(`${CDN}**`);
  await context.route(`${CDN}**`, async (route) => {
    const url = new URL(route.request().url());
    if (mode === "excel" && url.pathname.endsWith("/office.js")) {
      return route.fulfill({ contentType: "text/javascript", body: readFileSync(FAKE_OFFICE, "utf8") });
    }
    if (mode === "real") {
      const file = path.join(OFFICE_JS_DIR, url.pathname.replace(/^\/lib\/1\/hosted\//, ""));
      if (file.startsWith(OFFICE_JS_DIR) && existsSync(file)) {
        return route.fulfill({ contentType: "text/javascript", body: readFileSync(file) });
      }
    }
    return route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (
      m.type() === "error" &&
      !/appsforoffice|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(m.text())
    ) {
      problems.push(m.text());
    }
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  if (fakeOptions) {
    await page.addInitScript((o) => {
      (window as unknown as { __chitieuFakeOptions: unknown }).__chitieuFakeOptions = o;
    }, fakeOptions);
  }
  await page.goto(`${server.url}taskpane.html${query}`);
  await page.getByRole("tab", { name: "Tổng hợp" }).waitFor({ timeout: 300_000 });
  return { page, context, requests, problems };
}

/** Nothing was fetched from anywhere but this server (and the office.js address Office requires). */
function expectLocalOnly(s: Session): void {
  for (const url of s.requests) {
    expect([url, url.startsWith(server.url) || url.startsWith(CDN) || url.startsWith("blob:")]).toEqual([
      url,
      true,
    ]);
  }
}

/**
 * axe-core's violations, colour contrast included. Tabster's focus sentinels (`data-tabster-dummy`,
 * which Fluent's TabList adds) are aria-hidden yet focusable on purpose: they hand focus straight on
 * and must stay silent to screen readers. Fluent closed the report as by design (microsoft/fluentui
 * #27517) and Accessibility Insights suppresses it (accessibility-insights-web #7605); so do we, for
 * that rule and those elements only.
 */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated, not injected as a <script>: the pane's content security policy forbids inline scripts.
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const a = (window as unknown as { axe: typeof axe }).axe;
    const r = await a.run(document, { resultTypes: ["violations"] });
    return r.violations
      .map((v) => ({
        id: v.id,
        nodes: v.nodes.filter(
          (n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")),
        ),
      }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`);
  });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, animations: "disabled" });
}

const SAMPLE = path.join(__dirname, "..", "..", "samples", "son-la");

/** The sample province's submissions, as a person would pick them in the file chooser. */
function sampleFiles(): string[] {
  const dir = path.join(SAMPLE, "bao-cao");
  return readdirSync(dir)
    .sort()
    .map((f) => path.join(dir, f));
}

interface TruthIndicator {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reporting: number;
}

/** The figures the sample province must give, computed when it was generated (never read back). */
function sampleTruth(): { indicators: TruthIndicator[] } {
  return JSON.parse(readFileSync(path.join(SAMPLE, "expected.json"), "utf8")) as {
    indicators: TruthIndicator[];
  };
}

/** The scope figures of a downloaded summary workbook, from its ChiTieu table, as another program reads them. */
async function summaryFigures(
  file: string,
): Promise<Map<string, { value: number | null; reporting: number }>> {
  const wb = await readXlsx(file);
  const ws = wb.getWorksheet("Tổng hợp")!;
  const t = (
    ws as unknown as { tables: Record<string, { table: { tableRef: string; columns: { name: string }[] } }> }
  ).tables[TABLE_NAME]!.table;
  const cols = t.columns.map((c) => c.name);
  const [top, bottom] = t.tableRef.split(":").map((a) => Number(/\d+/.exec(a)![0])) as [number, number];
  const col = (name: string): number => cols.indexOf(name) + 1;
  const out = new Map<string, { value: number | null; reporting: number }>();
  for (let r = top + 1; r <= bottom; r++) {
    const code = ws.getCell(r, col("Mã chỉ tiêu")).value;
    if (typeof code !== "string" || !code) continue;
    const v = ws.getCell(r, col("Thực hiện"));
    const raw = typeof v.value === "number" ? v.value : null;
    // Rates are written as fractions under a % format, as Excel keeps percentages.
    const value = raw === null ? null : /%/.test(v.numFmt ?? "") ? raw * 100 : raw;
    out.set(code, { value, reporting: Number(ws.getCell(r, col("Số đơn vị báo cáo")).value) });
  }
  return out;
}

async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

suite("the built pane", () => {
  it("rewrites the manifest's addresses for production", () => {
    const manifest = readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("https://localhost:3000/");
    expect(manifest).toContain(`${ADDIN_URL}taskpane.html?tab=consolidate`);
    for (const f of [
      "taskpane.html",
      "commands.html",
      "taskpane.js",
      "parse-worker.js",
      "assets/icon-80.png",
    ]) {
      expect([f, existsSync(path.join(DIST, f))]).toEqual([f, true]);
    }
    expect(readFileSync(path.join(DIST, "taskpane.html"), "utf8")).toContain(
      `<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>`,
    );
  });
});

suite("standalone, in a plain browser without office.js", () => {
  let s: Session;
  beforeAll(async () => {
    s = await open("unreachable");
  });
  afterAll(async () => {
    await s?.page.close();
  });

  it("opens on Tổng hợp with its tabs in Vietnamese", async () => {
    const tabs = s.page.getByRole("tab");
    await expect(tabs.allInnerTexts()).resolves.toEqual(["Mẫu biểu", "Kiểm tra", "Tổng hợp"]);
    await expect(s.page.getByRole("tab", { name: "Tổng hợp" }).getAttribute("aria-selected")).resolves.toBe(
      "true",
    );
    await expect(s.page.getByText(/Đang chạy ngoài Excel/).isVisible()).resolves.toBe(true);
    await expect(s.page.getByLabel("Tệp báo cáo").getAttribute("multiple")).resolves.not.toBeNull();
    await expect(s.page.getByRole("button", { name: "Tổng hợp" }).count()).resolves.toBe(1);
    await shot(s.page, "1-standalone-tong-hop");
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it("consolidates the sample province and offers the summary workbook by Tải về, with the right figures", async () => {
    await s.page.getByLabel("Tệp báo cáo").setInputFiles(sampleFiles());
    await s.page.getByLabel("Danh sách đơn vị").setInputFiles(path.join(SAMPLE, "roster.csv"));
    await s.page.getByLabel("Kế hoạch").setInputFiles(path.join(SAMPLE, "plan-son-la.csv"));
    await s.page.getByRole("button", { name: "Tổng hợp" }).click();
    const table = s.page.getByRole("table", { name: "Số liệu tổng hợp" });
    await table.waitFor({ timeout: 300_000 });
    // The pane's own table: HO_NGHEO as the truth has it, written the Vietnamese way.
    const truth = sampleTruth();
    const hoNgheo = truth.indicators.find((i) => i.code === "HO_NGHEO")!;
    // With the decimals the summary workbook shows it with.
    const decimals = findIndicator("HO_NGHEO")!.decimals;
    const shown = new Intl.NumberFormat("vi-VN", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    }).format(hoNgheo.value!);
    await expect(table.getByRole("row", { name: /HO_NGHEO/ }).innerText()).resolves.toContain(shown);
    await shot(s.page, "2-standalone-tong-hop-ket-qua");
    expect(await axeViolations(s.page)).toEqual([]);

    const [download] = await Promise.all([
      s.page.waitForEvent("download"),
      s.page.getByRole("button", { name: "Tải về" }).click(),
    ]);
    const file = path.join(
      mkdtempSync(path.join(tmpdir(), "chitieu-e2e-sum-")),
      download.suggestedFilename(),
    );
    await download.saveAs(file);
    const figures = await summaryFigures(file);
    for (const t of truth.indicators) {
      const got = figures.get(t.code);
      expect([t.code, got === undefined ? "missing" : "found"]).toEqual([t.code, "found"]);
      if (t.value === null) expect(got!.value).toBeNull();
      else expect(got!.value).toBeCloseTo(t.value, 9);
      expect(got!.reporting).toBe(t.reporting);
    }
  });

  it("Mẫu biểu → Tải mẫu về downloads a template workbook that reads back", async () => {
    await s.page.getByRole("tab", { name: "Mẫu biểu" }).click();
    await expect(s.page.getByRole("combobox", { name: "Mẫu biểu" }).isVisible()).resolves.toBe(true);
    await s.page.getByRole("textbox", { name: "Mã đơn vị" }).fill("04240");
    await s.page.getByRole("combobox", { name: "Kỳ báo cáo" }).fill("2026");
    await shot(s.page, "3-standalone-mau-bieu");
    expect(await axeViolations(s.page)).toEqual([]);
    const [download] = await Promise.all([
      s.page.waitForEvent("download"),
      s.page.getByRole("button", { name: "Tải mẫu về" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("ktxh-xa_04240_2026.xlsx");
    const file = path.join(mkdtempSync(path.join(tmpdir(), "chitieu-e2e-dl-")), download.suggestedFilename());
    await download.saveAs(file);
    const wb = await readXlsx(file);
    const ws = wb.getWorksheet(MAIN_SHEET)!;
    expect(ws.getCell("C3").value).toBe("04240");
    expect(ws.getCell("C4").value).toBe("Xã Mường Lèo");
    expect(ws.getCell("C5").value).toBe("2026");
    const tables = (ws as unknown as { tables: Record<string, { table: { columns: { name: string }[] } }> })
      .tables;
    expect(tables[TABLE_NAME]!.table.columns.map((c) => c.name)).toContain("Thực hiện");
    expect(wb.definedNames.getRanges(NAMES.unit).ranges).toEqual(["'Chỉ tiêu'!$C$3"]);
    await s.page.getByText("Đã tạo tệp ktxh-xa_04240_2026.xlsx.").waitFor();
  });

  it("Kiểm tra checks a chosen file and lists its problems with their cells", async () => {
    await s.page.getByRole("tab", { name: "Kiểm tra" }).click();
    await s.page
      .getByLabel("Tệp báo cáo đơn vị")
      .setInputFiles(path.join(SAMPLE, "bao-cao", "ktxh-xa_03847_2026.xlsx"));
    await s.page.getByRole("button", { name: "Kiểm tra" }).click();
    // In a plain browser there is no workbook to take the person to: the issue is text with its place.
    await s.page.getByText(/Tử số \(21\) lớn hơn mẫu số \(20\)/).waitFor();
    await s.page.getByText("tệp ktxh-xa_03847_2026.xlsx, trang Chỉ tiêu, ô E31").waitFor();
    await shot(s.page, "4-standalone-kiem-tra");
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it("runs the parsing Web Worker under the page's policy, and it reads a submission", async () => {
    const reply = (await s.page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const w = new Worker("parse-worker.js");
          w.onmessage = (e) => resolve(e.data);
          w.onerror = (e) => resolve({ id: -1, ok: false, error: e.message });
          const csv = "ma_don_vi,ky_bao_cao,ma_chi_tieu,tu_so,mau_so\n04240,2026,HO_NGHEO,592,1480\n";
          w.postMessage({
            id: 7,
            file: { path: "a.csv", bytes: new TextEncoder().encode(csv) },
            locale: "vi",
          });
        }),
    )) as { id: number; ok: boolean; parsed: { submissions: { meta: { unit: string } }[] } };
    expect(reply).toMatchObject({ id: 7, ok: true });
    expect(reply.parsed.submissions.map((x) => x.meta.unit)).toEqual(["04240"]);
  });

  it("sent nothing anywhere and broke no content-security rule", () => {
    expectLocalOnly(s);
    expect(s.problems).toEqual([]);
  });
});

suite("a plain browser with Microsoft's office.js", () => {
  it("starts standalone when Office.onReady reports no host", async () => {
    const s = await open("real");
    await expect(s.page.getByRole("tab", { name: "Tổng hợp" }).getAttribute("aria-selected")).resolves.toBe(
      "true",
    );
    const host = await s.page.evaluate(async () => {
      const o = (window as unknown as { Office?: typeof Office }).Office;
      if (!o) return "no Office";
      const info = await o.onReady();
      return String(info.host);
    });
    expect(host).toBe("null");
    expect(s.requests.some((u) => u.endsWith("/office.js"))).toBe(true);
    await s.page.close();
  });
});

suite("as Excel hosts it (in-memory Office.js stand-in)", () => {
  interface Snapshot {
    sheets: { name: string; protected: boolean; freeze: unknown; names: unknown[]; validations: number }[];
    tables: { name: string; sheet: string; columns: string[] }[];
    names: { name: string; formula: string }[];
    syncs: number[];
    requests: number[][];
    selection: unknown;
  }
  const snapshot = (page: Page): Promise<Snapshot> =>
    page.evaluate(() =>
      (window as unknown as { __chitieuFake: { snapshot(): Snapshot } }).__chitieuFake.snapshot(),
    );
  const cell = (page: Page, sheet: string, address: string) =>
    page.evaluate(
      ([sh, ad]) =>
        (
          window as unknown as {
            __chitieuFake: {
              cell(s: string, a: string): { value: unknown; numFmt: string; locked: boolean };
            };
          }
        ).__chitieuFake.cell(sh as string, ad as string),
      [sheet, address],
    );

  /** The row of a code in column B of a sheet the add-in wrote. */
  const findRow = async (page: Page, sheet: string, code: string): Promise<number> => {
    for (let r = 1; r < 200; r++) {
      const c = await cell(page, sheet, `B${r}`);
      if (c?.value === code) return r;
    }
    throw new Error(`${code} not found on ${sheet}`);
  };

  it("opens on the tab the ribbon button asked for, and says when the workbook holds no ChiTieu table", async () => {
    const s = await open("excel", "?tab=check");
    await expect(s.page.getByRole("tab", { name: "Kiểm tra" }).getAttribute("aria-selected")).resolves.toBe(
      "true",
    );
    await expect(s.page.getByText(/Đang chạy ngoài Excel/).count()).resolves.toBe(0);
    await s.page.getByRole("button", { name: "Kiểm tra" }).click();
    await s.page
      .getByText(/ChiTieu/)
      .first()
      .waitFor();
    await shot(s.page, "5-excel-kiem-tra-chua-co-bang");
    await s.page.close();
  });

  it("checks the template inserted in this workbook; clicking an issue selects its cell", async () => {
    const s = await open("excel", "?tab=template");
    await s.page.getByRole("textbox", { name: "Mã đơn vị" }).fill("04240");
    await s.page.getByRole("combobox", { name: "Kỳ báo cáo" }).fill("2026");
    await s.page.getByRole("button", { name: "Chèn mẫu" }).click();
    await s.page.getByText(/Đã chèn mẫu vào/).waitFor();
    await s.page.getByRole("tab", { name: "Kiểm tra" }).click();
    await s.page.getByRole("button", { name: "Kiểm tra" }).click();
    const issue = s.page.getByRole("button", {
      name: /Xã Mường Lèo \(04240\) · Tỷ lệ hộ nghèo theo chuẩn đa chiều \(HO_NGHEO\) Chưa có tử số và mẫu số/,
    });
    await issue.waitFor();
    await issue.click();
    let selection: unknown = null;
    for (let i = 0; i < 50 && !selection; i++) {
      selection = (await snapshot(s.page)).selection;
      if (!selection) await s.page.waitForTimeout(100);
    }
    expect(selection).toMatchObject({ sheet: MAIN_SHEET, address: "E19" });
    // Said under the entry clicked, where the person is looking.
    await expect(issue.getAttribute("aria-expanded")).resolves.toBe("true");
    await s.page.getByText("Đã chọn ô E19 trên trang “Chỉ tiêu” trong sổ tính.").waitFor();
    await shot(s.page, "5b-excel-kiem-tra-mau-trong");
    expect(s.problems).toEqual([]);
    await s.page.close();
  });

  it("consolidates into new sheets of this workbook within 6 syncs, leaving the user's sheet alone", async () => {
    const s = await open("excel", "?tab=consolidate", {
      sheets: ["Sổ của tôi"],
      cells: [["Sổ của tôi", "A1", "Bảng của tôi"]],
    });
    await s.page.getByLabel("Tệp báo cáo").setInputFiles(sampleFiles());
    await s.page.getByLabel("Danh sách đơn vị").setInputFiles(path.join(SAMPLE, "roster.csv"));
    await s.page.getByRole("button", { name: "Tổng hợp" }).click();
    await s.page.getByText(/Đã chèn bảng tổng hợp vào/).waitFor({ timeout: 300_000 });
    await s.page.getByRole("table", { name: "Số liệu tổng hợp" }).waitFor();
    await shot(s.page, "8-excel-tong-hop");
    const snap = await snapshot(s.page);
    expect(snap.sheets[0]!.name).toBe("Sổ của tôi");
    await expect(cell(s.page, "Sổ của tôi", "A1")).resolves.toMatchObject({ value: "Bảng của tôi" });
    expect(snap.sheets.map((x) => x.name)).toEqual(
      expect.arrayContaining(["Tổng hợp", "Theo đơn vị", "Vấn đề", "Tình trạng nộp"]),
    );
    const main = snap.tables.find((t) => t.name === TABLE_NAME)!;
    expect(main.sheet).toBe("Tổng hợp");
    expect(main.columns).toEqual(expect.arrayContaining(["Mã chỉ tiêu", "Tử số", "Mẫu số", "Thực hiện"]));
    // The summary's own write: the last context the pane opened.
    expect(snap.syncs[snap.syncs.length - 1]).toBeLessThanOrEqual(6);
    for (const bytes of snap.requests.flat()) expect(bytes).toBeLessThan(5 * 1024 * 1024);
    // HO_NGHEO's row in the ChiTieu table: numerator and denominator as the truth has them.
    const truth = sampleTruth().indicators.find((i) => i.code === "HO_NGHEO")!;
    const row = await findRow(s.page, "Tổng hợp", "HO_NGHEO");
    await expect(cell(s.page, "Tổng hợp", `E${row}`)).resolves.toMatchObject({ value: truth.numerator });
    await expect(cell(s.page, "Tổng hợp", `F${row}`)).resolves.toMatchObject({ value: truth.denominator });
    expect(s.problems).toEqual([]);
    expectLocalOnly(s);
    await s.page.close();
  });

  it("inserts a template into the workbook, within the sync budget, and reads back", async () => {
    const s = await open("excel", "?tab=template");
    await s.page.getByRole("textbox", { name: "Mã đơn vị" }).fill("04240");
    await s.page.getByRole("combobox", { name: "Kỳ báo cáo" }).fill("Quý III/2026");
    await s.page.getByRole("button", { name: "Chèn mẫu" }).click();
    await s.page.getByText(/Đã chèn mẫu vào "Chỉ tiêu", "Hướng dẫn"/).waitFor();
    await shot(s.page, "6-excel-mau-bieu-da-chen");
    expect(await axeViolations(s.page)).toEqual([]);
    const snap = await snapshot(s.page);
    expect(snap.sheets.map((x) => x.name)).toEqual(["Sheet1", MAIN_SHEET, "Hướng dẫn"]);
    expect(snap.tables).toEqual([
      {
        name: TABLE_NAME,
        sheet: MAIN_SHEET,
        columns: TEMPLATE_TABLE_HEADERS,
      },
    ]);
    expect(snap.names.find((n) => n.name === NAMES.period)?.formula).toBe("='Chỉ tiêu'!$C$5");
    const main = snap.sheets.find((x) => x.name === MAIN_SHEET)!;
    expect(main.protected).toBe(true);
    expect(main.validations).toBeGreaterThan(10);
    expect(snap.syncs[0]).toBeLessThanOrEqual(3);
    for (const bytes of snap.requests.flat()) expect(bytes).toBeLessThan(5 * 1024 * 1024);
    await expect(cell(s.page, MAIN_SHEET, "C3")).resolves.toMatchObject({ value: "04240", numFmt: "@" });
    await expect(cell(s.page, MAIN_SHEET, "C5")).resolves.toMatchObject({ value: "2026-Q3", numFmt: "@" });
    expect(s.problems).toEqual([]);
    expectLocalOnly(s);
    await s.page.close();
  });

  it("on Excel 2019 (ExcelApi 1.7) beside a user's own Chỉ tiêu sheet: writes Chỉ tiêu (2), says what it skipped", async () => {
    const s = await open("excel", "", {
      excelApi: "1.7",
      sheets: [MAIN_SHEET],
      cells: [[MAIN_SHEET, "A1", "Bảng của tôi"]],
    });
    await s.page.getByRole("textbox", { name: "Mã đơn vị" }).fill("04240");
    await s.page.getByRole("combobox", { name: "Kỳ báo cáo" }).fill("2026");
    await s.page.getByRole("button", { name: "Chèn mẫu" }).click();
    await s.page.getByText(/Phiên bản Excel này chưa hỗ trợ/).waitFor();
    await s.page.getByText(/trang của người dùng giữ nguyên/).waitFor();
    await shot(s.page, "7-excel2019-canh-trang-nguoi-dung");
    const snap = await snapshot(s.page);
    expect(snap.sheets.map((x) => x.name)).toEqual([MAIN_SHEET, "Chỉ tiêu (2)", "Hướng dẫn"]);
    await expect(cell(s.page, MAIN_SHEET, "A1")).resolves.toMatchObject({ value: "Bảng của tôi" });
    expect(snap.sheets[0]!.protected).toBe(false);
    expect(snap.tables[0]!.sheet).toBe("Chỉ tiêu (2)");
    await s.page.close();
  });
});

/*
 * Issue 16: what a planner sees, at the two widths the pane lives at (Excel's task pane, ~350 px, and
 * a browser window, 1200 px), driven by role and, where a person would, by keyboard only.
 */
const WIDTHS = [
  { width: 350, height: 800 },
  { width: 1200, height: 900 },
] as const;

/** Presses Tab until the focused element is the one wanted (bounded: a missing one fails, not hangs). */
async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("not reached by Tab");
}

/** Whether an element's box is inside the viewport (what the person sees without scrolling). */
function inView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel) ?? document.activeElement;
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight && r.bottom > 0;
  }, selector);
}

/** The text of the pane below its header (the "English" switch's own label is its name in English). */
const panelText = (page: Page): Promise<string> => page.getByRole("tabpanel").innerText();

function badFiles(): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "chitieu-e2e-bad-"));
  const a = path.join(dir, "bang-tinh-la.csv");
  const b = path.join(dir, "hong.xlsx");
  writeFileSync(a, "hello,world\n1,2\n");
  writeFileSync(b, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
  return [a, b];
}

for (const size of WIDTHS) {
  suite(`what a planner sees at ${size.width} px, standalone`, () => {
    let s: Session;
    beforeAll(async () => {
      s = await open("unreachable");
      await s.page.setViewportSize(size);
    });
    afterAll(async () => {
      await s?.page.close();
    });

    it("runs by keyboard, says it ended, takes focus to the outcome and offers Tải về there", async () => {
      const { page } = s;
      await page.getByLabel("Tệp báo cáo").setInputFiles(sampleFiles());
      await page.getByLabel("Danh sách đơn vị").setInputFiles(path.join(SAMPLE, "roster.csv"));
      await page.getByLabel("Kế hoạch").setInputFiles(path.join(SAMPLE, "plan-son-la.csv"));
      // Due date typed the Vietnamese way, without separators: read as 15/12/2026 and shown so.
      const due = page.getByRole("textbox", { name: "Hạn nộp" });
      await page.getByLabel("Kế hoạch").focus();
      await tabTo(page, due);
      await page.keyboard.type("15122026");
      await page.keyboard.press("Tab");
      await expect(due.inputValue()).resolves.toBe("15/12/2026");
      const run = page.getByRole("button", { name: "Tổng hợp", exact: true });
      await tabTo(page, run);
      // Every progress line the pane puts on screen during the run, as a person would see them.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { __progress: string[] }).__progress = seen;
        new MutationObserver(() => {
          for (const el of document.querySelectorAll("[aria-live=polite]")) {
            const text = (el as HTMLElement).innerText.trim();
            if (text.startsWith("Đang") && seen[seen.length - 1] !== text) seen.push(text);
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await page.keyboard.press("Enter");
      const outcome = page.getByRole("region", { name: "Kết quả tổng hợp" });
      await outcome.getByText("Đã tổng hợp xong").waitFor({ timeout: 300_000 });
      await expect(outcome.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      // Each step was said: reading the files, then consolidating them.
      const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
      expect(progress).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Đang đọc tệp \d+\/27…/),
          "Đang kiểm tra và tổng hợp số liệu của 27 tệp…",
        ]),
      );
      // Scrolled to it: at 350 px the result is far below the button.
      await page.waitForFunction(() => {
        const r = document.activeElement!.getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight;
      });
      await expect(inView(page, "[role=region]")).resolves.toBe(true);
      await shot(page, `i16-${size.width}-tong-hop-ket-qua`);
      expect(await axeViolations(page)).toEqual([]);
      // Tải về is the next stop for the keyboard.
      await page.keyboard.press("Tab");
      const save = page.getByRole("button", { name: "Tải về" });
      await expect(save.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      expect(download.suggestedFilename()).toMatch(/^tong-hop_ktxh-xa_14_2026\.xlsx$/);
    });

    it("reads well at this width: no clipped header, no sideways scroll, names on few lines", async () => {
      const { page } = s;
      const table = page.getByRole("table", { name: "Số liệu tổng hợp" });
      const m = await table.evaluate((t) => {
        const heads = [...t.querySelectorAll("thead th")].filter((h) => (h as HTMLElement).offsetParent);
        const clipped = heads.filter((h) => h.scrollWidth > h.clientWidth + 1).map((h) => h.textContent);
        const names = [...t.querySelectorAll("tbody th > div:first-child")] as HTMLElement[];
        const lines = names.map((n) =>
          Math.round(n.getBoundingClientRect().height / parseFloat(getComputedStyle(n).lineHeight)),
        );
        const first = t.querySelector("thead th") as HTMLElement;
        return {
          clipped,
          maxLines: Math.max(...lines),
          nameShare: first.getBoundingClientRect().width / t.getBoundingClientRect().width,
          sideways: document.documentElement.scrollWidth - window.innerWidth,
          columns: heads.length,
        };
      });
      expect(m.clipped).toEqual([]);
      expect(m.sideways).toBeLessThanOrEqual(0);
      if (size.width < 640) {
        // Two columns: the name and the figure (plan, assessment, parts under them).
        expect(m.columns).toBe(2);
        expect(m.maxLines).toBeLessThanOrEqual(3);
      } else {
        expect(m.columns).toBeGreaterThan(4);
        expect(m.maxLines).toBeLessThanOrEqual(2);
        expect(m.nameShare).toBeGreaterThan(0.3);
      }
      // A rate's numerator and denominator are on the page, not in a hover.
      const truth = sampleTruth().indicators.find((i) => i.code === "HO_NGHEO")!;
      const row = await table.getByRole("row", { name: /HO_NGHEO/ }).innerText();
      expect(row).toContain(new Intl.NumberFormat("vi-VN").format(truth.numerator!));
      expect(row).toContain(new Intl.NumberFormat("vi-VN").format(truth.denominator!));
    });

    it("lists errors first; each entry names unit and indicator; Enter opens what to do under it", async () => {
      const { page } = s;
      const list = page.getByRole("list").last();
      const items = await list.getByRole("listitem").allInnerTexts();
      const firstWarning = items.findIndex((x) => x.startsWith("Cảnh báo"));
      expect(items.slice(firstWarning).some((x) => x.startsWith("Lỗi"))).toBe(false);
      const entry = page.getByRole("button", {
        name: /Xã .* \(03847\) · Tỷ lệ khu dân cư \(bản\) đạt tiêu chuẩn "không có ma túy" \(KMT_KDC\) Tử số \(21\) lớn hơn mẫu số \(20\)/,
      });
      await tabTo(page, entry, 120);
      await page.keyboard.press("Enter");
      await expect(entry.getAttribute("aria-expanded")).resolves.toBe("true");
      const details = page.locator(`#${await entry.getAttribute("aria-controls")}`);
      await expect(details.innerText()).resolves.toMatch(
        /tệp ktxh-xa_03847_2026\.xlsx, trang Chỉ tiêu, ô E31/,
      );
      const box = (await details.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      expect(box.y).toBeGreaterThanOrEqual(0);
      await shot(page, `i16-${size.width}-van-de`);
      expect(await axeViolations(page)).toEqual([]);
    });

    it("keeps the result over a tab switch, clears it when an input changes; English re-renders", async () => {
      const { page } = s;
      await page.getByRole("tab", { name: "Mẫu biểu" }).click();
      await expect(page.getByRole("button", { name: "Chèn mẫu" }).count()).resolves.toBe(0);
      await page.getByRole("button", { name: "Tải mẫu về" }).waitFor();
      await page.getByRole("tab", { name: "Tổng hợp" }).click();
      await page.getByRole("table", { name: "Số liệu tổng hợp" }).waitFor();
      await expect(
        page.getByLabel("Tệp báo cáo").evaluate((i) => (i as HTMLInputElement).files?.length),
      ).resolves.toBe(sampleFiles().length);
      await page.getByRole("switch", { name: "English" }).press("Space");
      await page.getByText("Consolidation finished").waitFor();
      await expect(panelText(page)).resolves.not.toMatch(/Đã tổng hợp xong|Vấn đề/);
      await shot(page, `i16-${size.width}-english`);
      await page.getByRole("switch", { name: "English" }).press("Space");
      await page.getByRole("combobox", { name: "Kỳ báo cáo" }).fill("2025");
      await expect(page.getByRole("table").count()).resolves.toBe(0);
      await expect(page.getByRole("button", { name: "Tải về" }).count()).resolves.toBe(0);
      await page.getByText(/Đầu vào đã thay đổi/).waitFor();
    });

    it("on an all-bad run says for each file why, in Vietnamese, with no command-line text", async () => {
      const { page } = s;
      await page.getByRole("combobox", { name: "Kỳ báo cáo" }).fill("");
      await page.getByRole("textbox", { name: "Hạn nộp" }).fill("");
      await page.getByLabel("Tệp báo cáo").setInputFiles(badFiles());
      await page.getByLabel("Danh sách đơn vị").setInputFiles([]);
      await page.getByLabel("Kế hoạch").setInputFiles([]);
      await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
      const alert = page.getByRole("alert");
      await alert.getByText("Không tệp nào dùng được").waitFor({ timeout: 300_000 });
      const lines = await alert.getByRole("listitem").allInnerTexts();
      expect(lines).toEqual([
        expect.stringMatching(/^bang-tinh-la\.csv: /),
        expect.stringMatching(/^hong\.xlsx: /),
      ]);
      const text = await panelText(page);
      expect(text).not.toMatch(/--[a-z]|\b(No|give|period|file|the|submissions?)\b/);
      await shot(page, `i16-${size.width}-khong-tep-nao-dung-duoc`);
      expect(await axeViolations(page)).toEqual([]);
      // A typed date that is no date is refused, not turned into another.
      await page.getByRole("textbox", { name: "Hạn nộp" }).fill("31/02/2026");
      await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
      await page.getByText("“31/02/2026” không phải ngày. Nhập ngày/tháng/năm, ví dụ 15/12/2026.").waitFor();
      expect(s.problems).toEqual([]);
    });
  });
}

suite("what a planner sees in Excel (emulated), at 350 px", () => {
  it("keeps the consolidation over a tab switch and names the indicator of each issue", async () => {
    const s = await open("excel", "?tab=consolidate");
    await s.page.setViewportSize(WIDTHS[0]);
    await s.page.getByLabel("Tệp báo cáo").setInputFiles(sampleFiles());
    await s.page.getByLabel("Danh sách đơn vị").setInputFiles(path.join(SAMPLE, "roster.csv"));
    await s.page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
    await s.page.getByText("Đã tổng hợp xong").waitFor({ timeout: 300_000 });
    await s.page.getByText(/Đã chèn bảng tổng hợp vào/).waitFor();
    await s.page.getByRole("button", { name: /\(KMT_KDC\) Tử số \(21\) lớn hơn mẫu số \(20\)/ }).waitFor();
    await s.page.getByRole("tab", { name: "Kiểm tra" }).click();
    await s.page.getByRole("tab", { name: "Tổng hợp" }).click();
    await s.page.getByRole("table", { name: "Số liệu tổng hợp" }).waitFor();
    await s.page.getByText("Đã tổng hợp xong").waitFor();
    await shot(s.page, "i16-350-excel-tong-hop");
    expect(await axeViolations(s.page)).toEqual([]);
    await s.page.getByLabel("Tệp báo cáo").setInputFiles(sampleFiles().slice(0, 3));
    await expect(s.page.getByRole("table").count()).resolves.toBe(0);
    expect(s.problems).toEqual([]);
    await s.page.close();
  });

  it("on an all-bad run says for each file why, in Vietnamese, and writes nothing into the workbook", async () => {
    const s = await open("excel", "?tab=consolidate");
    await s.page.setViewportSize(WIDTHS[0]);
    await s.page.getByLabel("Tệp báo cáo").setInputFiles(badFiles());
    await s.page.getByRole("combobox", { name: "Kỳ báo cáo" }).fill("2026");
    await s.page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
    const alert = s.page.getByRole("alert");
    await alert.getByText("Không tệp nào dùng được").waitFor({ timeout: 300_000 });
    await expect(alert.getByRole("listitem").count()).resolves.toBe(2);
    expect(await panelText(s.page)).not.toMatch(/--[a-z]|\b(No|give|period|file|the|submissions?)\b/);
    const snap = (await s.page.evaluate(() =>
      (
        window as unknown as { __chitieuFake: { snapshot(): { sheets: { name: string }[] } } }
      ).__chitieuFake.snapshot(),
    )) as { sheets: { name: string }[] };
    expect(snap.sheets.map((x) => x.name)).not.toContain("Tổng hợp");
    await shot(s.page, "i16-350-excel-khong-tep-nao-dung-duoc");
    expect(await axeViolations(s.page)).toEqual([]);
    await s.page.close();
  });
});

/*
 * Issue 17 item 6: the period chosen from a list (quarters, halves, nine months, years, phases), the
 * earlier periods ("Kỳ trước") handed to the engine, and the figure table's change from the period
 * before, at both widths, by role and keyboard. The clock is set to December 2026 so the list's years
 * (last, this and next) are the sample's whatever day the test runs.
 */
const FRONT = path.join(SAMPLE, "mttq-2026");
const ML = path.join(SAMPLE, "muong-leo");

for (const size of WIDTHS) {
  suite(`periods and Kỳ trước at ${size.width} px, standalone`, () => {
    let s: Session;
    beforeAll(async () => {
      s = await open("unreachable");
      await s.page.clock.setFixedTime(new Date("2026-12-05T09:00:00+07:00"));
      await s.page.setViewportSize(size);
    });
    afterAll(async () => {
      await s?.page.close();
    });

    it("picks “6 tháng đầu năm 2026” from the list and consolidates the Front's quarters into the half", async () => {
      const { page } = s;
      await page
        .getByLabel("Tệp báo cáo")
        .setInputFiles(readdirSync(path.join(FRONT, "bao-cao")).map((f) => path.join(FRONT, "bao-cao", f)));
      await page.getByLabel("Danh sách đơn vị").setInputFiles(path.join(FRONT, "roster.csv"));
      const period = page.getByRole("combobox", { name: "Kỳ báo cáo" });
      if (size.width < 640) {
        // By pointer: the arrow, named in Vietnamese, opens the list grouped by kind.
        await page.getByRole("button", { name: "Mở danh sách kỳ báo cáo" }).click();
        for (const group of ["Quý", "6 tháng", "9 tháng", "Năm", "Giai đoạn"])
          await page.getByRole("group", { name: group }).waitFor();
        await shot(page, `i17-${size.width}-danh-sach-ky`);
        await page.getByRole("option", { name: /^6 tháng đầu năm 2026/ }).click();
      } else {
        // By keyboard only: type a little, arrow down to it, Enter.
        await tabTo(page, period);
        await page.keyboard.type("6 tháng đầu");
        for (let i = 0; i < 6; i++) {
          const active = await period.getAttribute("aria-activedescendant");
          const text = active ? await page.locator(`[id="${active}"]`).innerText() : "";
          if (text.startsWith("6 tháng đầu năm 2026")) break;
          await page.keyboard.press("ArrowDown");
        }
        await page.keyboard.press("Enter");
      }
      await expect(period.inputValue()).resolves.toBe("6 tháng đầu năm 2026");
      await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
      const outcome = page.getByRole("region", { name: "Kết quả tổng hợp" });
      await outcome.getByText("Đã tổng hợp xong").waitFor({ timeout: 300_000 });
      // The half made of the communes' quarters: the heading says which period, in words and code.
      await page.getByRole("heading", { name: /6 tháng đầu năm 2026 \(2026-H1\)$/ }).waitFor();
      await page.getByRole("table", { name: "Số liệu tổng hợp" }).waitFor();
      // The commune that sent only its first quarter is named with the quarter it lacks.
      await expect(panelText(page)).resolves.toMatch(/Quý II\/2026|2026-Q2/);
      await shot(page, `i17-${size.width}-6-thang-dau-nam`);
      expect(await axeViolations(page)).toEqual([]);
    });

    it("takes Mường Lèo's earlier summaries as Kỳ trước and shows each change from 2027", async () => {
      const { page } = s;
      await page.getByLabel("Tệp báo cáo").setInputFiles(path.join(ML, "bao-cao", "ktxh-xa_04240_2028.xlsx"));
      await page.getByLabel("Danh sách đơn vị").setInputFiles(path.join(ML, "roster.csv"));
      await page.getByLabel("Kế hoạch").setInputFiles(path.join(SAMPLE, "plan-muong-leo.csv"));
      const earlier = readdirSync(path.join(ML, "ky-truoc"))
        .sort()
        .map((f) => path.join(ML, "ky-truoc", f));
      await page.getByLabel("Kỳ trước").setInputFiles(earlier);
      await page.getByText(earlier.map((f) => path.basename(f)).join(", ")).waitFor();
      // A year outside the list, typed by hand as its canonical code: read, and shown by its words.
      const period = page.getByRole("combobox", { name: "Kỳ báo cáo" });
      await period.fill("2028");
      await page.keyboard.press("Tab");
      await expect(period.inputValue()).resolves.toBe("Năm 2028");
      const run = page.getByRole("button", { name: "Tổng hợp", exact: true });
      await tabTo(page, run);
      await page.keyboard.press("Enter");
      const outcome = page.getByRole("region", { name: "Kết quả tổng hợp" });
      await outcome.getByText("Đã tổng hợp xong").waitFor({ timeout: 300_000 });
      const table = page.getByRole("table", { name: "Số liệu tổng hợp" });
      const row = table.getByRole("row", { name: /HO_NGHEO/ });
      if (size.width < 640) {
        // Narrow: a line under the indicator's name, on the page (not a hover).
        await row.getByText("So với năm 2027: −3,11 điểm %").waitFor();
        await expect(row.getByText("So với năm 2027: −3,11 điểm %").isVisible()).resolves.toBe(true);
      } else {
        // Wide: a column whose header names the period compared with.
        await expect(table.getByRole("columnheader", { name: "So với năm 2027" }).isVisible()).resolves.toBe(
          true,
        );
        await expect(row.getByRole("cell", { name: "−3,11 điểm %" }).isVisible()).resolves.toBe(true);
      }
      await expect(page.locator("[title*='điểm']").count()).resolves.toBe(0);
      // A count: in its unit and relative.
      await expect(table.getByRole("row", { name: /THU_NS/ }).innerText()).resolves.toMatch(
        /\+75,5 triệu đồng \(\+3,5%\)/,
      );
      const m = await table.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(m).toBeLessThanOrEqual(0);
      await row.scrollIntoViewIfNeeded();
      await shot(page, `i17-${size.width}-ky-truoc-so-voi-2027`);
      expect(await axeViolations(page)).toEqual([]);
      // In English when switched, the list's words too.
      await page.getByRole("switch", { name: "English" }).press("Space");
      await expect(
        page
          .getByRole("table", { name: "Consolidated figures" })
          .getByRole("row", { name: /HO_NGHEO/ })
          .innerText(),
      ).resolves.toMatch(/−3\.11 percentage points/);
      await expect(page.getByRole("combobox", { name: "Reporting period" }).inputValue()).resolves.toBe(
        "2028",
      );
      await shot(page, `i17-${size.width}-ky-truoc-english`);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("switch", { name: "English" }).press("Space");
      // Other earlier files: the old result is not theirs.
      await page.getByLabel("Kỳ trước").setInputFiles(earlier.slice(0, 2));
      await expect(page.getByRole("table").count()).resolves.toBe(0);
      await page.getByText(/Đầu vào đã thay đổi/).waitFor();
      expect(s.problems).toEqual([]);
      expectLocalOnly(s);
    });
  });
}
