/**
 * @jest-environment jsdom
 */
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { MAIN_SHEET, TABLE_NAME } from "../../src/core/contract";
import type { Issue } from "../../src/core/issues";
import { findTemplate } from "../../src/core/catalog/templates";
import { templateWorkbook } from "../../src/core/layout/template-layout";
import { parsePeriod } from "../../src/core/periods";
import type { Report } from "../../src/core/json-report/types";
import { officialUnits } from "../../src/engine/official-units";
import { App, type AppProps } from "../../src/taskpane/App";
import { FigureTable } from "../../src/taskpane/components/FigureTable";
import type { Engine } from "../../src/taskpane/engine";
import { engine as realEngine } from "../../src/taskpane/engine-wiring";
import { officeExcelPort } from "../../src/taskpane/office-host";
import { makeParser } from "../../src/taskpane/parse-client";
import { STRINGS } from "../../src/taskpane/strings";
import { WorkbookModel } from "../support/fake-excel";
import { fakeOfficeGlobals } from "../support/fake-excel/office";
import { axeViolations } from "../support/axe";
import { docxText } from "../support/docx-text";
import { buildWrittenReport } from "../../src/core/written-report";
import { KTXH, laiChau } from "../core/written-report/fixture";

type Download = { name: string; bytes: Uint8Array };

function setup(props: Partial<AppProps> = {}) {
  const downloads: Download[] = [];
  const user = userEvent.setup();
  const utils = render(
    <App
      engine={{}}
      units={officialUnits}
      download={(name, bytes) => downloads.push({ name, bytes })}
      {...props}
    />,
  );
  return { ...utils, user, downloads };
}

/** The pane as Excel hosts it, over an in-memory workbook. */
function inExcel(model = new WorkbookModel(), excelApi = "1.18") {
  const globals = fakeOfficeGlobals(model, { excelApi });
  const excel = officeExcelPort({
    office: globals.Office as typeof Office,
    excel: globals.Excel as typeof Excel,
  });
  return { model, excel, globals };
}

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

const issue: Issue = {
  severity: "error",
  rule: "numerator-exceeds-denominator",
  unit: "04240",
  indicator: "BHYT",
  file: "Sổ tính đang mở",
  sheet: MAIN_SHEET,
  cell: "E12",
  message: "Tử số (5.210) lớn hơn mẫu số (5.100)",
  messageEn: "Numerator (5,210) exceeds denominator (5,100)",
};

describe("the pane's frame", () => {
  it("names its three tabs in Vietnamese and opens on Tổng hợp outside Excel", () => {
    setup();
    const tabs = screen.getAllByRole("tab");
    expect(tabs).toEqual(
      ["Mẫu biểu", "Kiểm tra", "Tổng hợp"].map((name) => screen.getByRole("tab", { name })),
    );
    expect(screen.getByRole("tab", { name: "Tổng hợp" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tabpanel", { name: "Tổng hợp" })).toBeTruthy();
    expect(screen.getByText(/Đang chạy ngoài Excel/)).toBeTruthy();
  });

  it("opens on Mẫu biểu inside Excel, or on the tab the ribbon asked for", () => {
    const { excel } = inExcel();
    const { unmount } = setup({ excel });
    expect(screen.getByRole("tab", { name: "Mẫu biểu" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.queryByText(/Đang chạy ngoài Excel/)).toBeNull();
    unmount();
    setup({ excel, initialTab: "check" });
    expect(screen.getByRole("tab", { name: "Kiểm tra" }).getAttribute("aria-selected")).toBe("true");
  });

  it("switches to English and back, keeping what was typed", async () => {
    const { user } = setup({ initialTab: "template" });
    await user.type(screen.getByRole("textbox", { name: "Mã đơn vị" }), "04240");
    await user.click(screen.getByRole("switch", { name: "English" }));
    expect(screen.getAllByRole("tab")).toEqual(
      ["Templates", "Check", "Consolidate"].map((name) => screen.getByRole("tab", { name })),
    );
    expect((screen.getByRole("textbox", { name: "Unit code" }) as HTMLInputElement).value).toBe("04240");
    await user.click(screen.getByRole("switch", { name: "English" }));
    expect(screen.getByRole("tab", { name: "Mẫu biểu" })).toBeTruthy();
  });

  it("keeps every string in Unicode NFC", () => {
    const walk = (v: unknown): string[] =>
      typeof v === "string"
        ? [v]
        : typeof v === "function"
          ? [String((v as (...a: unknown[]) => unknown)("x", "y", "z", 1))]
          : v && typeof v === "object"
            ? Object.values(v).flatMap(walk)
            : [];
    for (const lang of ["vi", "en"] as const) {
      for (const s of walk(STRINGS[lang])) expect(s).toBe(s.normalize("NFC"));
    }
  });
});

describe("Mẫu biểu", () => {
  it("offers the template workbook as a download in a plain browser", async () => {
    const { user, downloads } = setup({ initialTab: "template" });
    expect(screen.getByRole("combobox", { name: "Mẫu biểu" })).toBeTruthy();
    await user.type(screen.getByRole("textbox", { name: "Mã đơn vị" }), "04240");
    await user.type(screen.getByRole("combobox", { name: "Kỳ báo cáo" }), "2026");
    // Outside Excel there is nothing to insert into: the button says it downloads.
    expect(screen.queryByRole("button", { name: "Chèn mẫu" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Tải mẫu về" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe("ktxh-xa_04240_2026.xlsx");
    const wb = await readBack(downloads[0]!.bytes);
    const ws = wb.getWorksheet(MAIN_SHEET)!;
    expect(ws.getCell("C3").value).toBe("04240");
    expect(ws.getCell("C5").value).toBe("2026");
    expect(await screen.findByText("Đã tạo tệp ktxh-xa_04240_2026.xlsx.")).toBeTruthy();
  });

  it("chooses another template from the combobox", async () => {
    const { user, downloads } = setup({ initialTab: "template" });
    await user.click(screen.getByRole("combobox", { name: "Mẫu biểu" }));
    await user.click(screen.getByRole("option", { name: findTemplate("mttq-bien-gioi")!.name.vi }));
    await user.type(screen.getByRole("textbox", { name: "Mã đơn vị" }), "04240");
    await user.type(screen.getByRole("combobox", { name: "Kỳ báo cáo" }), "2026");
    await user.click(screen.getByRole("button", { name: "Tải mẫu về" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe("mttq-bien-gioi_04240_2026.xlsx");
  });

  it("finds a unit by name and fills its code", async () => {
    const { user } = setup({ initialTab: "template" });
    // Pasted: jsdom re-lays the listbox popup on every keystroke, which takes seconds per key.
    await user.click(screen.getByRole("combobox", { name: "Tìm đơn vị theo tên" }));
    await user.paste("muong leo");
    await user.click(await screen.findByRole("option", { name: /Xã Mường Lèo .*— 04240/ }));
    expect((screen.getByRole("textbox", { name: "Mã đơn vị" }) as HTMLInputElement).value).toBe("04240");
  });

  it("explains an unknown unit and a bad period next to their fields", async () => {
    const { user, downloads } = setup({ initialTab: "template" });
    await user.type(screen.getByRole("textbox", { name: "Mã đơn vị" }), "04241");
    // A phase the wrong way round: phases are periods, 2027-2026 is none.
    await user.type(screen.getByRole("combobox", { name: "Kỳ báo cáo" }), "2027-2026");
    await user.click(screen.getByRole("button", { name: "Tải mẫu về" }));
    expect(
      await screen.findByText(/Mã đơn vị "04241" không có trong danh mục hành chính 2025\. Có phải: .*04240/),
    ).toBeTruthy();
    expect(
      screen.getByText(/“2027-2026” không phải kỳ báo cáo\. Chọn trong danh sách, hoặc gõ như 2026, 2026-H1/),
    ).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Mã đơn vị" }).getAttribute("aria-invalid")).toBe("true");
    expect(downloads).toEqual([]);
    // The refusals are rewritten in English when the pane is switched.
    await user.click(screen.getByRole("switch", { name: "English" }));
    expect(screen.getByText(/Unit code "04241" is not in the 2025 official list/)).toBeTruthy();
    expect(screen.queryByText(/không có trong danh mục/)).toBeNull();
  });

  it("names the unit search's arrow button in the pane's language", () => {
    setup({ initialTab: "template" });
    expect(screen.getByRole("button", { name: "Mở danh sách đơn vị tìm được" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Open/ })).toBeNull();
  });

  it("inserts the template into the workbook inside Excel", async () => {
    const { model, excel, globals } = inExcel();
    const { user } = setup({ excel });
    await user.type(screen.getByRole("textbox", { name: "Mã đơn vị" }), "04240");
    await user.type(screen.getByRole("combobox", { name: "Kỳ báo cáo" }), "Quý III/2026");
    await user.click(screen.getByRole("button", { name: "Chèn mẫu" }));
    expect(await screen.findByText(/Đã chèn mẫu vào "Chỉ tiêu", "Hướng dẫn"/)).toBeTruthy();
    expect(model.table(TABLE_NAME)!.sheet.name).toBe(MAIN_SHEET);
    expect(model.read(MAIN_SHEET, "C5")).toBe("2026-Q3");
    expect(globals.contexts[0]!.syncCount).toBeLessThanOrEqual(3);
  });

  it("says what an older Excel could not draw, and offers the file", async () => {
    const { excel } = inExcel(new WorkbookModel(), "1.7");
    const { user } = setup({ excel });
    await user.type(screen.getByRole("textbox", { name: "Mã đơn vị" }), "04240");
    await user.type(screen.getByRole("combobox", { name: "Kỳ báo cáo" }), "2026");
    await user.click(screen.getByRole("button", { name: "Chèn mẫu" }));
    expect(
      await screen.findByText(
        /Phiên bản Excel này chưa hỗ trợ: .*kiểm tra dữ liệu khi nhập \(cần ExcelApi 1\.8\)/,
      ),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Tải tệp mẫu" })).toBeTruthy();
  });

  it("writes beside a user's sheet of the same name and says so", async () => {
    const model = new WorkbookModel([MAIN_SHEET]);
    const { excel } = inExcel(model);
    const { user } = setup({ excel });
    await user.type(screen.getByRole("textbox", { name: "Mã đơn vị" }), "04240");
    await user.type(screen.getByRole("combobox", { name: "Kỳ báo cáo" }), "2026");
    await user.click(screen.getByRole("button", { name: "Chèn mẫu" }));
    expect(await screen.findByText(/trang của người dùng giữ nguyên/)).toBeTruthy();
    expect(model.sheet("Chỉ tiêu (2)")).toBeDefined();
  });

  it("shows Excel's refusal as an error, in the pane", async () => {
    const model = new WorkbookModel();
    model.structureProtected = true;
    const { excel } = inExcel(model);
    const { user } = setup({ excel });
    await user.type(screen.getByRole("textbox", { name: "Mã đơn vị" }), "04240");
    await user.type(screen.getByRole("combobox", { name: "Kỳ báo cáo" }), "2026");
    await user.click(screen.getByRole("button", { name: "Chèn mẫu" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/bảo vệ cấu trúc/);
  });
});

describe("Kiểm tra", () => {
  it("says plainly that checking is not available until the engine is wired", async () => {
    const { excel } = inExcel();
    const { user } = setup({ excel, initialTab: "check" });
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    expect(await screen.findByText(/Chức năng kiểm tra chưa có trong bản này/)).toBeTruthy();
    expect(screen.queryByRole("listitem")).toBeNull();
  });

  it("reads the ChiTieu table, lists the engine's issues and selects an issue's cell", async () => {
    const { model, excel } = inExcel();
    await excel.insertLayout(
      templateWorkbook({
        template: findTemplate("ktxh-xa")!,
        unit: { code: "04240", name: "Xã Mường Lèo" },
        period: parsePeriod("2026")!,
        lang: "vi",
      }),
    );
    const seen: string[] = [];
    const engine: Engine = {
      checkSource: (doc) => {
        seen.push(doc.tables[0]!.name, doc.names.find((n) => n.name === "ChiTieu_MaDonVi")!.cell);
        return [
          issue,
          { ...issue, severity: "warning", rule: "outlier", cell: "G14", message: "Giá trị bất thường" },
        ];
      },
    };
    const { user } = setup({ excel, engine, initialTab: "check" });
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    // The entry names the unit and the indicator in words, codes beside, then what is wrong.
    const first = await screen.findByRole("button", {
      name: /Xã Mường Lèo \(04240\) · Tỷ lệ dân số tham gia bảo hiểm y tế \(BHYT\).*Tử số \(5\.210\) lớn hơn mẫu số/,
    });
    expect(seen).toEqual([TABLE_NAME, "C3"]);
    expect(screen.getByRole("heading", { name: /1 lỗi, 1 cảnh báo/ })).toBeTruthy();
    // The check says it ended, and focus is on what it says.
    expect(document.activeElement?.textContent).toContain("Kiểm tra xong: 1 lỗi, 1 cảnh báo");
    await user.click(first);
    await waitFor(() => expect(model.selection).toEqual({ sheet: MAIN_SHEET, address: "E12" }));
    // Feedback under the entry clicked, where the person is looking.
    expect(first.getAttribute("aria-expanded")).toBe("true");
    const details = document.getElementById(first.getAttribute("aria-controls")!)!;
    await waitFor(() => expect(details.textContent).toContain("Đã chọn ô E12 trên trang “Chỉ tiêu”"));
    expect(first.closest("li")!.contains(details)).toBe(true);
  });

  it("lists errors before warnings, whatever their files", async () => {
    const { excel } = inExcel();
    await excel.insertLayout(
      templateWorkbook({
        template: findTemplate("ktxh-xa")!,
        unit: { code: "04240", name: "Xã Mường Lèo" },
        period: parsePeriod("2026")!,
        lang: "vi",
      }),
    );
    const engine: Engine = {
      checkSource: () => [
        { ...issue, severity: "warning", rule: "outlier", file: "a.xlsx", message: "Giá trị bất thường" },
        { ...issue, file: "z.xlsx" },
      ],
    };
    const { user } = setup({ excel, engine, initialTab: "check" });
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    await screen.findByRole("heading", { name: /1 lỗi, 1 cảnh báo/ });
    const items = within(screen.getByRole("list")).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Lỗi.*z\.xlsx/),
      expect.stringMatching(/^Cảnh báo.*a\.xlsx/),
    ]);
  });

  it("checks a chosen file in a plain browser", async () => {
    const engine: Engine = { checkFile: (file) => [{ ...issue, file: file.path }] };
    const { user } = setup({ engine, initialTab: "check" });
    const input = screen.getByLabelText("Tệp báo cáo đơn vị");
    await user.upload(input, new File(["ma_don_vi\n"], "xa.csv", { type: "text/csv" }));
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    expect(await screen.findByText(/tệp xa\.csv, trang Chỉ tiêu, ô E12/)).toBeTruthy();
    // Kept over a tab switch, re-said in English, and gone when another file is chosen.
    await user.click(screen.getByRole("tab", { name: "Tổng hợp" }));
    await user.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    expect(screen.getByText(/tệp xa\.csv, trang Chỉ tiêu, ô E12/)).toBeTruthy();
    await user.click(screen.getByRole("switch", { name: "English" }));
    expect(screen.getByText(/Check finished: 1 error, 0 warnings/)).toBeTruthy();
    expect(screen.getByText(/file xa\.csv, sheet Chỉ tiêu, cell E12/)).toBeTruthy();
    await user.upload(
      screen.getByLabelText("Report file"),
      new File(["x"], "khac.csv", { type: "text/csv" }),
    );
    expect(screen.queryByText(/xa\.csv, sheet/)).toBeNull();
    expect(screen.queryByRole("list")).toBeNull();
  });
});

describe("Tổng hợp", () => {
  const report: Report = {
    format: "chitieu-report/1",
    template: "ktxh-xa",
    period: "2026",
    scope: { code: "14", name: "Tỉnh Sơn La" },
    units: [
      { code: "04123", name: "Mường Lèo", status: "ok", file: "muong-leo.xlsx" },
      { code: "04124", name: "Sốp Cộp", status: "missing" },
    ],
    indicators: [
      {
        code: "HO_NGHEO",
        name: "Tỷ lệ hộ nghèo đa chiều",
        unit: "%",
        kind: "rate",
        value: 31.25,
        numerator: 4210,
        denominator: 13472,
        reporting: 1,
        expected: 2,
        reportingBase: 1,
        expectedBase: 2,
        target: 30.1,
        status: "behind",
      },
    ],
    perUnit: [],
    groups: [],
    issues: [{ ...issue, file: "muong-leo.xlsx" }],
  };
  const workbook = templateWorkbook({
    template: findTemplate("ktxh-xa")!,
    unit: { code: "14", name: "Tỉnh Sơn La" },
    period: parsePeriod("2026")!,
    lang: "vi",
  });
  const files = [new File(["a"], "muong-leo.xlsx"), new File(["b"], "sop-cop.csv", { type: "text/csv" })];

  it("has one button named Tổng hợp and file choosers for reports, roster and plan", () => {
    setup();
    expect(screen.getAllByRole("button", { name: "Tổng hợp" })).toHaveLength(1);
    expect(screen.getByLabelText("Tệp báo cáo").hasAttribute("multiple")).toBe(true);
    expect(screen.getByLabelText("Tệp báo cáo").getAttribute("accept")).toBe(".xlsx,.csv");
    expect(screen.getByLabelText("Danh sách đơn vị").getAttribute("type")).toBe("file");
    expect(screen.getByLabelText("Kế hoạch").getAttribute("type")).toBe("file");
  });

  it("asks for files first", async () => {
    const { user } = setup();
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    expect(await screen.findByText("Chọn ít nhất một tệp báo cáo.")).toBeTruthy();
  });

  it("reads the files, then says consolidation is not available until the engine is wired", async () => {
    const { user } = setup();
    await user.upload(screen.getByLabelText("Tệp báo cáo"), files);
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    expect(
      await screen.findByText(/Đã đọc 2 tệp trên máy này, nhưng chức năng tổng hợp chưa có/),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Tải về" })).toBeNull();
  });

  it("shows progress, the figures and the issues, and offers the summary by Tải về", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const engine: Engine = {
      parseFile: async (f) => {
        await gate;
        return { path: f.path, size: f.bytes.length };
      },
      consolidateParsed: (parsed, input) => {
        expect(parsed).toEqual([
          { path: "muong-leo.xlsx", size: 1 },
          { path: "sop-cop.csv", size: 1 },
        ]);
        expect(input.roster?.path).toBe("roster.csv");
        return { report, workbook };
      },
    };
    const parser = makeParser(engine, { locale: "vi" });
    const { user, downloads } = setup({ engine, parser });
    await user.upload(screen.getByLabelText("Tệp báo cáo"), files);
    await user.upload(screen.getByLabelText("Danh sách đơn vị"), new File(["x"], "roster.csv"));
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    expect(screen.getByText("Đang đọc tệp 0/2…")).toBeTruthy();
    await act(async () => release());
    const table = await screen.findByRole("table", { name: "Số liệu tổng hợp" });
    // The run says it ended, and focus is on what it says (screen readers read it from there).
    const outcome = screen.getByRole("region", { name: "Kết quả tổng hợp" });
    await waitFor(() => expect(document.activeElement).toBe(outcome));
    expect(outcome.textContent).toMatch(/Đã tổng hợp xong.*Đã đọc 2 tệp, dùng số liệu của 1 đơn vị/);
    const row = within(table).getByRole("row", { name: /HO_NGHEO/ });
    // Two decimals, as the workbook shows HO_NGHEO.
    expect(row.textContent).toContain("31,25 %");
    // Numerator and denominator are text on the page, not a hover title.
    expect(row.getAttribute("title")).toBeNull();
    expect(row.textContent).toContain("4.210");
    expect(row.textContent).toContain("13.472");
    expect(row.textContent).toContain("1/2");
    // Communes are the units here: no second count.
    expect(row.textContent).not.toContain("xã");
    expect(row.textContent).toContain("Chậm tiến độ");
    expect(screen.getByText(/1 đã nộp, 1 chưa nộp/)).toBeTruthy();
    const entry = screen.getByRole("button", {
      name: /Xã Mường Lèo \(04240\) · Tỷ lệ dân số tham gia bảo hiểm y tế \(BHYT\).*Tử số \(5\.210\)/,
    });
    await user.click(entry);
    const details = document.getElementById(entry.getAttribute("aria-controls")!)!;
    expect(details.textContent).toContain("tệp muong-leo.xlsx, trang Chỉ tiêu, ô E12");
    expect(details.textContent).toContain("rồi tổng hợp lại");
    // No rule ids for machines in the pane.
    expect(document.body.textContent).not.toContain("numerator-exceeds-denominator");
    await user.click(screen.getByRole("button", { name: "Tải về" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe("tong-hop_ktxh-xa_14_2026.xlsx");
    expect((await readBack(downloads[0]!.bytes)).getWorksheet(MAIN_SHEET)).toBeDefined();
    // An engine without the written report offers none.
    expect(screen.queryByRole("button", { name: "Tải báo cáo" })).toBeNull();
  });

  it("offers the written report by Tải báo cáo, in the pane's language", async () => {
    const engine: Engine = {
      parseFile: (f) => ({ path: f.path }),
      consolidateParsed: () => ({
        report,
        workbook,
        writtenReport: (lang) =>
          buildWrittenReport({
            report: laiChau(),
            template: KTXH,
            lang,
            date: "2027-01-05",
            due: "2026-12-15",
          }),
      }),
    };
    const { user, downloads } = setup({ engine, parser: makeParser(engine, { locale: "vi" }) });
    await user.upload(screen.getByLabelText("Tệp báo cáo"), files);
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    await user.click(await screen.findByRole("button", { name: "Tải báo cáo" }, { timeout: 20_000 }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe("bao-cao_ktxh-xa_14_2026.docx");
    const vi = docxText(downloads[0]!.bytes);
    expect(vi).toEqual(expect.arrayContaining(["BÁO CÁO", "Độc lập - Tự do - Hạnh phúc"]));
    expect(await screen.findByText("Đã tạo tệp bao-cao_ktxh-xa_14_2026.docx.")).toBeTruthy();
    await user.click(screen.getByRole("switch", { name: "English" }));
    await user.click(screen.getByRole("button", { name: "Download report" }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(docxText(downloads[1]!.bytes)).toEqual(
      expect.arrayContaining(["REPORT", "Independence - Freedom - Happiness"]),
    );
  });

  it("counts the communes behind a national figure made from province summaries", () => {
    const national = {
      ...report.indicators[0]!,
      reporting: 3,
      expected: 3,
      reportingBase: 32,
      expectedBase: 34,
    };
    render(<FigureTable indicators={[national]} />);
    const row = within(screen.getByRole("table")).getByRole("row", { name: /HO_NGHEO/ });
    expect(row.textContent).toContain("3/3");
    expect(row.textContent).toContain("32/34 xã");
  });

  it("keeps its files and result across a tab switch, and clears the result when an input changes", async () => {
    const seen: (string | undefined)[] = [];
    const engine: Engine = {
      parseFile: (f) => ({ path: f.path }),
      consolidateParsed: (_parsed, input) => {
        seen.push(input.period);
        return { report, workbook };
      },
    };
    const { user } = setup({ engine, parser: makeParser(engine, { locale: "vi" }) });
    await user.upload(screen.getByLabelText("Tệp báo cáo"), files);
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    await screen.findByRole("table", { name: "Số liệu tổng hợp" });
    await user.click(screen.getByRole("tab", { name: "Mẫu biểu" }));
    expect(screen.queryByRole("table")).toBeNull();
    await user.click(screen.getByRole("tab", { name: "Tổng hợp" }));
    // As it was left: the files named, the result and its download still there.
    expect(screen.getByRole("table", { name: "Số liệu tổng hợp" })).toBeTruthy();
    expect(screen.getByText(/muong-leo\.xlsx, sop-cop\.csv/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Tải về" })).toBeTruthy();
    // A new period: the old result is not this one's, so it goes, and the pane says why.
    await user.type(screen.getByRole("combobox", { name: "Kỳ báo cáo" }), "2026");
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.queryByRole("button", { name: "Tải về" })).toBeNull();
    expect(screen.getByText(/Đầu vào đã thay đổi nên kết quả cũ đã được xóa/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    await screen.findByRole("table", { name: "Số liệu tổng hợp" });
    // New files clear it too.
    await user.upload(screen.getByLabelText("Tệp báo cáo"), files.slice(0, 1));
    expect(screen.queryByRole("table")).toBeNull();
    expect(seen).toEqual([undefined, "2026"]);
  });

  it("reads the due date as day/month/year, shows it so, and refuses what is not a date", async () => {
    const dues: (string | undefined)[] = [];
    const engine: Engine = {
      parseFile: (f) => ({ path: f.path }),
      consolidateParsed: (_parsed, input) => {
        dues.push(input.due);
        return { report, workbook };
      },
    };
    const { user } = setup({ engine, parser: makeParser(engine, { locale: "vi" }) });
    await user.upload(screen.getByLabelText("Tệp báo cáo"), files);
    const due = screen.getByRole("textbox", { name: "Hạn nộp" }) as HTMLInputElement;
    await user.type(due, "15122026");
    await user.tab();
    expect(due.value).toBe("15/12/2026");
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    await screen.findByRole("table", { name: "Số liệu tổng hợp" });
    expect(dues).toEqual(["2026-12-15"]);
    await user.clear(due);
    await user.type(due, "31/02/2026");
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    expect(
      await screen.findByText("“31/02/2026” không phải ngày. Nhập ngày/tháng/năm, ví dụ 15/12/2026."),
    ).toBeTruthy();
    expect(due.getAttribute("aria-invalid")).toBe("true");
    expect(dues).toEqual(["2026-12-15"]);
  });

  it("refuses a period that is not one next to its field, with examples", async () => {
    const engine: Engine = {
      parseFile: (f) => ({ path: f.path }),
      consolidateParsed: () => {
        throw new Error("must not run");
      },
    };
    const { user } = setup({ engine, parser: makeParser(engine, { locale: "vi" }) });
    await user.upload(screen.getByLabelText("Tệp báo cáo"), files);
    await user.type(screen.getByRole("combobox", { name: "Kỳ báo cáo" }), "năm ngoái");
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    expect(
      await screen.findByText(
        /“năm ngoái” không phải kỳ báo cáo\. Chọn trong danh sách, hoặc gõ như 2026, 2026-H1 \(6 tháng đầu năm\), 2026-Q3/,
      ),
    ).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Kỳ báo cáo" }).getAttribute("aria-invalid")).toBe("true");
  });

  it("words a target without a baseline as the workbook does, with the workbook's decimals", () => {
    const ntm = {
      ...report.indicators[0]!,
      code: "NTM_TIEU_CHI",
      name: "Số tiêu chí xã đạt chuẩn nông thôn mới",
      unit: "tiêu chí",
      kind: "score",
      value: 6.6,
      numerator: null,
      denominator: null,
      target: 8,
      status: "no_target" as const,
    };
    render(<FigureTable indicators={[ntm]} />);
    const row = within(screen.getByRole("table")).getByRole("row", { name: /NTM_TIEU_CHI/ });
    expect(row.textContent).toContain("Chưa đánh giá được (thiếu số gốc)");
    expect(row.textContent).not.toContain("Chưa có chỉ tiêu");
    expect(row.textContent).toContain("Kế hoạch 8,0");
    expect(row.textContent).toContain("6,6");
  });

  it("shows an engine's failure as an error", async () => {
    const engine: Engine = {
      parseFile: () => {
        throw new Error("sop-cop.csv: không đọc được");
      },
      consolidateParsed: () => ({ report, workbook }),
    };
    const { user } = setup({ engine, parser: makeParser(engine, { locale: "vi" }) });
    await user.upload(screen.getByLabelText("Tệp báo cáo"), files);
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    expect((await screen.findByRole("alert")).textContent).toContain("sop-cop.csv: không đọc được");
  });
});

describe("Tổng hợp with the real engine", () => {
  const bad = [
    new File(["hello,world\n1,2\n"], "a.csv", { type: "text/csv" }),
    new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8])], "b.xlsx"),
  ];

  it.each([[""], ["2026"]])(
    "says, in Vietnamese and the pane's words, why each file of an all-bad run could not be used (period %p)",
    async (period) => {
      const parser = makeParser(realEngine, { locale: "vi" });
      const { user } = setup({ engine: realEngine, parser });
      await user.upload(screen.getByLabelText("Tệp báo cáo"), bad);
      if (period) await user.type(screen.getByRole("combobox", { name: "Kỳ báo cáo" }), period);
      await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
      const alert = await screen.findByRole("alert");
      expect(alert.textContent).toContain("Không tệp nào dùng được");
      const lines = within(alert)
        .getAllByRole("listitem")
        .map((li) => li.textContent);
      expect(lines).toEqual([
        expect.stringMatching(/^a\.csv: Tệp CSV thiếu cột/),
        expect.stringMatching(/^b\.xlsx: /),
      ]);
      // No table of empty figures, no download of nothing.
      expect(screen.queryByRole("table")).toBeNull();
      expect(screen.queryByRole("button", { name: "Tải về" })).toBeNull();
      const text = document.body.textContent ?? "";
      expect(text).not.toMatch(/--\w|No period|period|give/);
      // English when switched, the lines too.
      await user.click(screen.getByRole("switch", { name: "English" }));
      expect(screen.getByRole("alert").textContent).toContain("No file could be used");
      expect(screen.queryByText(/Không tệp nào/)).toBeNull();
    },
  );

  it("says what is wrong with a roster in the pane's language only", async () => {
    const parser = makeParser(realEngine, { locale: "vi" });
    const { user } = setup({ engine: realEngine, parser });
    await user.upload(screen.getByLabelText("Tệp báo cáo"), bad);
    await user.upload(screen.getByLabelText("Danh sách đơn vị"), new File(["x,y\n1,2\n"], "ds.csv"));
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/Danh sách đơn vị “ds\.csv” không dùng được: .*ma_don_vi, ten_don_vi/);
    expect(alert.textContent).not.toMatch(/ \/ |column|header/);
  });
});

describe("accessibility (axe)", () => {
  it.each(["template", "check", "consolidate"] as const)("the %s tab has no violations", async (tab) => {
    const { container } = setup({ initialTab: tab });
    expect(await axeViolations(container)).toEqual([]);
  });

  it("the template tab inside Excel, after an insertion, has no violations", async () => {
    const { excel } = inExcel(new WorkbookModel(), "1.7");
    const { user, container } = setup({ excel });
    await user.type(screen.getByRole("textbox", { name: "Mã đơn vị" }), "04240");
    await user.type(screen.getByRole("combobox", { name: "Kỳ báo cáo" }), "2026");
    await user.click(screen.getByRole("button", { name: "Chèn mẫu" }));
    await screen.findByText(/Đã chèn mẫu/);
    expect(await axeViolations(container)).toEqual([]);
  });
});
