import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { SheetBuilder } from "../../../src/core/layout/sheet-builder";
import type { ChartKind, WorkbookLayout } from "../../../src/core/layout/types";
import { writeLayoutXlsx } from "../../../src/io/xlsx-write";
import { all, parts, parseXml } from "./parts";

/*
 * The chart module of the lean writer, on its own: a sheet's charts become a drawing part and one
 * chart part each, with their relationships and content types, series that refer to the sheet's
 * cells and carry their values. Kinds: bars and columns (figure against target) and lines (a
 * figure over periods, as the time sheet draws it).
 */

function layoutWith(kinds: ChartKind[]): WorkbookLayout {
  const b = new SheetBuilder("Theo thời gian", "summary-time");
  b.widths([30, 12, 12]);
  b.row(1, 1, [{ value: "Kỳ" }, { value: "Thực hiện (%)" }, { value: "Kế hoạch (%)" }]);
  ["2026", "2027", "2028"].forEach((y, i) => {
    b.row(2 + i, 1, [{ value: y }, { value: 40 + i * 2.5, numFmt: "0.00" }, { value: 45 }]);
  });
  kinds.forEach((kind, i) =>
    b.chart({ title: `Biểu đồ ${i + 1}`, kind, data: "A1:C4", anchor: `E${1 + i * 20}:L${18 + i * 20}` }),
  );
  const other = new SheetBuilder("Khác", "x");
  other.row(1, 1, [{ value: "a" }]);
  return { sheets: [other.build(), b.build()], names: [], title: "t", recalcOnOpen: false };
}

describe("charts in the lean writer", () => {
  it("writes a drawing and a chart part per chart, related and typed", () => {
    const p = parts(writeLayoutXlsx(layoutWith(["line", "columnClustered", "barClustered"])));
    expect(
      Object.keys(p)
        .filter((k) => k.startsWith("xl/charts/"))
        .sort(),
    ).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml"]);
    // The drawing belongs to the second sheet, the one with the charts.
    expect(p["xl/worksheets/sheet2.xml"]).toMatch(/<drawing r:id="rId\d+"\/>/);
    expect(p["xl/worksheets/sheet1.xml"]).not.toContain("<drawing");
    expect(p["xl/worksheets/_rels/sheet2.xml.rels"]).toContain('Target="../drawings/drawing2.xml"');
    const drawingRels = p["xl/drawings/_rels/drawing2.xml.rels"]!;
    for (const n of [1, 2, 3]) expect(drawingRels).toContain(`Target="../charts/chart${n}.xml"`);
    const types = p["[Content_Types].xml"]!;
    expect(types).toContain(
      'PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"',
    );
    expect(types).toContain(
      'PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"',
    );
    const anchors = all(parseXml(p["xl/drawings/drawing2.xml"]!), "xdr:twoCellAnchor");
    expect(anchors).toHaveLength(3);
    // Kinds: a line chart, vertical columns, horizontal bars.
    expect(p["xl/charts/chart1.xml"]).toContain("<c:lineChart>");
    expect(p["xl/charts/chart2.xml"]).toContain('<c:barDir val="col"/>');
    expect(p["xl/charts/chart3.xml"]).toContain('<c:barDir val="bar"/>');
  });

  it("refers each series to the sheet's cells and caches their values", () => {
    const p = parts(writeLayoutXlsx(layoutWith(["line"])));
    const chart = parseXml(p["xl/charts/chart1.xml"]!);
    const series = all(chart, "c:ser");
    expect(series).toHaveLength(2);
    const refs = all(chart, "c:f").map((f) => f.text);
    expect(refs).toEqual([
      "'Theo thời gian'!$B$1",
      "'Theo thời gian'!$A$2:$A$4",
      "'Theo thời gian'!$B$2:$B$4",
      "'Theo thời gian'!$C$1",
      "'Theo thời gian'!$A$2:$A$4",
      "'Theo thời gian'!$C$2:$C$4",
    ]);
    const values = all(all(series[0]!, "c:numCache")[0]!, "c:v").map((v) => Number(v.text));
    expect(values).toEqual([40, 42.5, 45]);
    expect(all(chart, "a:t").map((t) => t.text)).toContain("Biểu đồ 1");
  });

  it("refuses a chart whose block has no series", () => {
    const layout = layoutWith([]);
    layout.sheets[1]!.charts = [{ title: "x", kind: "line", data: "A1:A4", anchor: "E1:L18" }];
    expect(() => writeLayoutXlsx(layout)).toThrow(/at least 2 × 2/);
  });

  const python = "/usr/bin/python3";
  const hasOpenpyxl =
    existsSync(python) && spawnSync(python, ["-c", "import openpyxl"], { encoding: "utf8" }).status === 0;
  (hasOpenpyxl ? it : it.skip)("openpyxl loads the charts with their kinds", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chitieu-chart-"));
    const file = path.join(dir, "c.xlsx");
    writeFileSync(file, writeLayoutXlsx(layoutWith(["line", "columnClustered", "barClustered"])));
    const r = spawnSync(
      python,
      [
        "-c",
        "import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1])\nprint(','.join(c.tagname for c in wb['Theo thời gian']._charts))",
        file,
      ],
      { encoding: "utf8", timeout: 300_000 },
    );
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe("lineChart,barChart,barChart");
  });
});
