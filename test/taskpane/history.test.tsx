/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { findTemplate } from "../../src/core/catalog/templates";
import type { Report, ReportSeriesPoint } from "../../src/core/json-report/types";
import { templateWorkbook } from "../../src/core/layout/template-layout";
import { parsePeriod } from "../../src/core/periods";
import { officialUnits } from "../../src/engine/official-units";
import { App } from "../../src/taskpane/App";
import { FigureTable } from "../../src/taskpane/components/FigureTable";
import type { ConsolidateInput, Engine } from "../../src/taskpane/engine";
import { engine as realEngine } from "../../src/taskpane/engine-wiring";
import { LangContext } from "../../src/taskpane/i18n";
import { makeParser } from "../../src/taskpane/parse-client";
import type { Lang } from "../../src/taskpane/strings";
import { axeViolations } from "../support/axe";

/*
 * Issue 17 item 6 in the pane: "Kỳ trước" (earlier summaries or submissions) handed to the engine as
 * the command line's --history is, and the figure table's change from the previous period.
 */

const SAMPLE = path.join(__dirname, "..", "..", "samples", "son-la");
const ML = path.join(SAMPLE, "muong-leo");

function sampleFile(file: string): File {
  return new File([readFileSync(file)], path.basename(file));
}

function setup(engine: Engine) {
  const user = userEvent.setup();
  const utils = render(
    <App
      engine={engine}
      parser={makeParser(engine, { locale: "vi" })}
      units={officialUnits}
      download={() => {}}
    />,
  );
  return { ...utils, user };
}

const indicator = (code: string, kind: string, value: number): Report["indicators"][number] => ({
  code,
  name: code,
  unit: kind === "rate" ? "%" : "người",
  kind: kind as "rate",
  value,
  numerator: null,
  denominator: null,
  reporting: 1,
  expected: 1,
  reportingBase: 1,
  expectedBase: 1,
});

const point = (
  indicator: string,
  period: string,
  value: number | null,
  change?: number,
): ReportSeriesPoint => ({
  indicator,
  period,
  value,
  numerator: null,
  denominator: null,
  ...(change === undefined ? {} : { change }),
});

const report: Report = {
  format: "chitieu-report/1",
  template: "ktxh-xa",
  period: "2026",
  scope: { code: "04240", name: "Xã Mường Lèo" },
  units: [{ code: "04240", name: "Xã Mường Lèo", status: "ok", file: "ml.xlsx" }],
  indicators: [indicator("HO_NGHEO", "rate", 31.25)],
  perUnit: [],
  groups: [],
  issues: [],
};
const workbook = templateWorkbook({
  template: findTemplate("ktxh-xa")!,
  unit: { code: "04240", name: "Xã Mường Lèo" },
  period: parsePeriod("2026")!,
  lang: "vi",
});

describe("Kỳ trước", () => {
  it("hands the chosen earlier files to the engine; choosing others clears the result", async () => {
    const seen: ConsolidateInput[] = [];
    const engine: Engine = {
      parseFile: (f) => ({ path: f.path }),
      consolidateParsed: (_p, input) => {
        seen.push(input);
        return { report, workbook };
      },
    };
    const { user } = setup(engine);
    await user.upload(screen.getByLabelText("Tệp báo cáo"), [new File(["a"], "ml.xlsx")]);
    const earlier = [new File(["x"], "tong-hop-2025.xlsx"), new File(["y"], "tong-hop-2026.csv")];
    await user.upload(screen.getByLabelText("Kỳ trước"), earlier);
    expect(screen.getByText(/tong-hop-2025\.xlsx, tong-hop-2026\.csv/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    await screen.findByRole("table", { name: "Số liệu tổng hợp" });
    expect(seen[0]!.history!.map((h) => [h.path, new TextDecoder().decode(h.bytes)])).toEqual([
      ["tong-hop-2025.xlsx", "x"],
      ["tong-hop-2026.csv", "y"],
    ]);
    // A result belongs to its inputs: new history, no old result, and the pane says why.
    await user.upload(screen.getByLabelText("Kỳ trước"), earlier.slice(0, 1));
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.queryByRole("button", { name: "Tải về" })).toBeNull();
    expect(screen.getByText(/Đầu vào đã thay đổi nên kết quả cũ đã được xóa/)).toBeTruthy();
    // Kept over a tab switch like the other choosers.
    await user.click(screen.getByRole("tab", { name: "Mẫu biểu" }));
    await user.click(screen.getByRole("tab", { name: "Tổng hợp" }));
    expect(screen.getByText(/tong-hop-2025\.xlsx/)).toBeTruthy();
  });

  it("with the real engine: Mường Lèo's 2028 beside its 2025–2027 summaries shows each change from 2027", async () => {
    const { user } = setup(realEngine);
    await user.upload(screen.getByLabelText("Tệp báo cáo"), [
      sampleFile(path.join(ML, "bao-cao", "ktxh-xa_04240_2028.xlsx")),
    ]);
    await user.upload(screen.getByLabelText("Danh sách đơn vị"), sampleFile(path.join(ML, "roster.csv")));
    await user.upload(screen.getByLabelText("Kế hoạch"), sampleFile(path.join(SAMPLE, "plan-muong-leo.csv")));
    await user.upload(
      screen.getByLabelText("Kỳ trước"),
      ["2025", "2026", "2027"].map((y) =>
        sampleFile(path.join(ML, "ky-truoc", `tong-hop-muong-leo-${y}.xlsx`)),
      ),
    );
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    const table = await screen.findByRole("table", { name: "Số liệu tổng hợp" }, { timeout: 60_000 });
    // One previous period for every indicator: said once in the column's header.
    // (The wide columns are there for a wide pane; jsdom matches no media query, so they are found by their text.)
    expect(within(table).getByText("So với năm 2027", { selector: "thead th" })).toBeTruthy();
    const row = within(table).getByRole("row", { name: /HO_NGHEO/ });
    // 35,14% in 2028 against 38,24% in 2027: points for a rate, with a true minus sign.
    expect(row.textContent).toContain("So với năm 2027: −3,11 điểm %");
    // A count: in its unit, and relative (XKLD 2 workers in 2028 after none in 2027: no relative).
    const thuNs = within(table).getByRole("row", { name: /THU_NS/ });
    expect(thuNs.textContent).toMatch(/So với năm 2027: \+75,5 triệu đồng \(\+3,5%\)/);
    expect(await axeViolations(table)).toEqual([]);
    await user.click(screen.getByRole("switch", { name: "English" }));
    const en = screen.getByRole("table", { name: "Consolidated figures" });
    expect(within(en).getByRole("row", { name: /HO_NGHEO/ }).textContent).toContain(
      "Compared with 2027: −3.11 percentage points",
    );
  });

  it("with the real engine: an earlier file that is no summary is named in the issue list, and the run goes on", async () => {
    const { user } = setup(realEngine);
    await user.upload(screen.getByLabelText("Tệp báo cáo"), [
      sampleFile(path.join(ML, "bao-cao", "ktxh-xa_04240_2028.xlsx")),
    ]);
    await user.upload(screen.getByLabelText("Danh sách đơn vị"), sampleFile(path.join(ML, "roster.csv")));
    await user.upload(screen.getByLabelText("Kỳ trước"), [new File(["hello,world\n1,2\n"], "ghi-chu.csv")]);
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    await screen.findByRole("table", { name: "Số liệu tổng hợp" }, { timeout: 60_000 });
    expect(screen.getByText(/Tệp lịch sử ghi-chu\.csv: .*không dùng/)).toBeTruthy();
    // No history used: no change column.
    expect(screen.queryByText(/So với/, { selector: "thead th" })).toBeNull();
  });
});

describe("the figure table's change from the previous period", () => {
  const draw = (series: ReportSeriesPoint[] | undefined, lang: Lang = "vi") =>
    render(
      <FluentProvider theme={webLightTheme}>
        <LangContext.Provider value={lang}>
          <FigureTable
            indicators={[indicator("HO_NGHEO", "rate", 31.25), indicator("XKLD", "count", 6)]}
            series={series}
            period="2026-H1"
          />
        </LangContext.Provider>
      </FluentProvider>,
    );

  it("has no change column without a history", () => {
    draw(undefined);
    expect(screen.queryByText(/So với/, { selector: "thead th" })).toBeNull();
    expect(screen.getByRole("table").textContent).not.toMatch(/So với/);
  });

  it("words rates in points, counts in their unit with the relative change", () => {
    draw([
      point("HO_NGHEO", "2025-H1", 33),
      point("HO_NGHEO", "2026-H1", 31.25, -1.75),
      point("XKLD", "2025-H1", 4),
      point("XKLD", "2026-H1", 6, 2),
    ]);
    const rows = screen.getAllByRole("row");
    expect(rows[1]!.textContent).toContain("So với 6 tháng đầu năm 2025: −1,75 điểm %");
    expect(rows[2]!.textContent).toContain("So với 6 tháng đầu năm 2025: +2 người (+50,0%)");
  });

  it("names each indicator's own previous period when they differ, and says no change plainly", () => {
    draw([
      point("HO_NGHEO", "2025", 31.25),
      point("HO_NGHEO", "2026-H1", 31.25, 0),
      point("XKLD", "2025-H2", 0),
      point("XKLD", "2026-H1", 6, 6),
    ]);
    expect(screen.getByText("So với kỳ trước", { selector: "thead th" })).toBeTruthy();
    const rows = screen.getAllByRole("row");
    expect(rows[1]!.textContent).toContain("So với năm 2025: không đổi");
    // From nothing: no relative change.
    expect(rows[2]!.textContent).toContain("So với 6 tháng cuối năm 2025: +6 người");
    expect(rows[2]!.textContent).not.toMatch(/%\)/);
  });
});
