import { unzipSync, strFromU8 } from "fflate";
import { TEMPLATES } from "../../../src/core/catalog/templates";
import type { WorkbookLayout } from "../../../src/core/layout/types";
import { renderWorkbook } from "../../support/exceljs-renderer";
import { writeLayoutXlsx } from "../../../src/io/xlsx-write";
import { exceljsView, type SheetView, type WorkbookView } from "./exceljs-view";
import { officialSummaryLayout, smallProvinceLayout, templateLayout } from "./layouts";

/*
 * The writer against the reference: the same layout rendered by the ExcelJS renderer and by ours,
 * both read back by ExcelJS, must say the same about every cell, style, merge, width, table,
 * validation, conditional format, name, pane, protection, print setting, note and link. The few
 * places where the two files differ on purpose are taken out first, each checked on its own.
 */

interface Pair {
  layout: WorkbookLayout;
  reference: WorkbookView;
  ours: WorkbookView;
  bytes: Uint8Array;
}

async function pair(layout: WorkbookLayout): Promise<Pair> {
  const bytes = writeLayoutXlsx(layout);
  return {
    layout,
    bytes,
    reference: await exceljsView(await renderWorkbook(layout)),
    ours: await exceljsView(bytes),
  };
}

/** ExcelJS leaves out a column whose width is 9, its own default; Excel then shows 8.43. */
const EXCELJS_DEFAULT_WIDTH = 9;

/** Conditional rules as (range, rule) pairs without priorities: ExcelJS gives every rule priority 1. */
function flatRules(s: SheetView): unknown[] {
  return s.conditional
    .flatMap((c) => c.rules.map((r) => ({ ref: c.ref, ...(r as object), priority: undefined })))
    .map((r) => JSON.stringify(r))
    .sort();
}

/** Takes out what differs on purpose, after checking each such difference for what it should be. */
function comparable(p: Pair): { reference: WorkbookView; ours: WorkbookView } {
  const reference = structuredClone(p.reference);
  const ours = structuredClone(p.ours);
  p.layout.sheets.forEach((layout, i) => {
    const r = reference.sheets[i]!;
    const o = ours.sheets[i]!;
    // Widths: ours are the layout's; ExcelJS's miss the 9s.
    const declared = layout.columns.map((w) => w);
    expect(o.widths.slice(0, declared.length)).toEqual(declared);
    expect(r.widths.slice(0, declared.length)).toEqual(
      declared.map((w) => (w === EXCELJS_DEFAULT_WIDTH ? undefined : w)),
    );
    r.widths = [];
    o.widths = [];
    // Conditional formats: the same rules; ours grouped by range with priorities 1…n in layout order.
    expect(flatRules(o)).toEqual(flatRules(r));
    const priorities = o.conditional.flatMap((c) => c.rules.map((x) => (x as { priority: number }).priority));
    expect([...priorities].sort((a, b) => a - b)).toEqual(layout.conditionalFormats.map((_, k) => k + 1));
    r.conditional = [];
    o.conditional = [];
    // Date validations: ExcelJS turns "36526" into a date in year 36526; ours keep 2000-01-01…2099-12-31.
    for (const [address, dv] of Object.entries(o.validations)) {
      const v = dv as { type: string; formulae: unknown[] };
      if (v.type !== "date") continue;
      const source = layout.validations.find(
        (x) => x.type === "date" && x.range.split(/\s+/).includes(address),
      )!;
      expect(v.formulae).toEqual(
        source.formulas.map((f) => new Date(Date.UTC(1899, 11, 30) + Number(f) * 86_400_000)),
      );
      const ref = r.validations[address] as { formulae: Date[] };
      expect(ref.formulae.every((d) => d.getUTCFullYear() > 9999)).toBe(true);
      delete o.validations[address];
      delete r.validations[address];
    }
    // Links to files: ExcelJS packs `file#place` into the relationship; ours keep the place in
    // `location`, as Excel does, which ExcelJS's reader does not read. Checked on the XML below.
    for (const [address, cell] of Object.entries(o.cells)) {
      const ref = r.cells[address]!;
      if (cell.link !== undefined && ref.link !== undefined) {
        expect(ref.link.startsWith(cell.link)).toBe(true);
        delete cell.link;
        delete ref.link;
      }
    }
  });
  return { reference, ours };
}

/** `ref → [relationship target, location]` of one sheet's hyperlinks, from the XML. */
function rawLinks(
  bytes: Uint8Array,
  sheetNo: number,
): Record<string, [string | undefined, string | undefined]> {
  const files = unzipSync(bytes);
  const sheet = strFromU8(files[`xl/worksheets/sheet${sheetNo}.xml`]!);
  const relsPart = files[`xl/worksheets/_rels/sheet${sheetNo}.xml.rels`];
  const rels = new Map<string, string>();
  if (relsPart) {
    for (const m of strFromU8(relsPart).matchAll(/<Relationship Id="([^"]+)"[^>]*Target="([^"]*)"/g))
      rels.set(m[1]!, m[2]!);
  }
  const out: Record<string, [string | undefined, string | undefined]> = {};
  for (const m of sheet.matchAll(/<hyperlink ([^>]*)\/>/g)) {
    const attr = (k: string): string | undefined => new RegExp(`${k}="([^"]*)"`).exec(m[1]!)?.[1];
    const id = attr("r:id");
    const location = attr("location")
      ?.replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
    out[attr("ref")!] = [id ? rels.get(id) : undefined, location];
  }
  return out;
}

describe.each(TEMPLATES.map((t) => t.id))("template %s", (id) => {
  let p: Pair;
  beforeAll(async () => {
    p = await pair(templateLayout(id));
  });

  it("reads back in ExcelJS exactly as the ExcelJS renderer's file does", () => {
    const { reference, ours } = comparable(p);
    expect(ours).toEqual(reference);
  });

  it("keeps the report date's validation between 2000-01-01 and 2099-12-31", () => {
    const dates = Object.values(p.ours.sheets[0]!.validations).filter(
      (v) => (v as { type: string }).type === "date",
    );
    expect(dates).toEqual([
      expect.objectContaining({
        formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2099, 11, 31))],
      }),
    ]);
  });

  it("protects the form and leaves exactly the layout's input cells unlocked", () => {
    const sheet = p.ours.sheets[0]!;
    expect(sheet.protection).toEqual({ sheet: true, formatColumns: true, formatRows: true });
    const unlocked = Object.entries(sheet.cells)
      .filter(([, c]) => c.locked === false)
      .map(([a]) => a)
      .sort();
    const expected: string[] = [];
    p.layout.sheets[0]!.cells.forEach((row, r) =>
      row.forEach((c, k) => {
        if (c?.unlocked) expected.push(`${String.fromCharCode(65 + k)}${r + 1}`);
      }),
    );
    // Merged cells take the look of their top-left cell: G3:H3, G4:H4 and G5:H5 are inputs too.
    expect(unlocked).toEqual([...expected, "H3", "H4", "H5"].sort());
  });

  it("is written in English too", async () => {
    const en = await pair(templateLayout(id, "en"));
    const { reference, ours } = comparable(en);
    expect(ours).toEqual(reference);
  });
});

describe.each([
  ["a small province with every fault planted", () => smallProvinceLayout()],
  ["a 130-commune province", async () => officialSummaryLayout("40")],
])("summary of %s", (_, make) => {
  let p: Pair;
  beforeAll(async () => {
    p = await pair(await make());
  });

  it("reads back in ExcelJS exactly as the ExcelJS renderer's file does", () => {
    const { reference, ours } = comparable(p);
    expect(ours).toEqual(reference);
  });

  it("links each issue to its file and, inside it, to the cell", () => {
    const i = p.layout.sheets.findIndex((s) => s.role === "summary-issues");
    const links = rawLinks(p.bytes, i + 1);
    const expected: Record<string, [string | undefined, string | undefined]> = {};
    p.layout.sheets[i]!.cells.forEach((row, r) =>
      row.forEach((c, k) => {
        const file = c?.link?.file;
        if (!file) return;
        const [path, place] = file.split("#") as [string, string | undefined];
        expected[`${String.fromCharCode(65 + k)}${r + 1}`] = [encodeURI(path), place];
      }),
    );
    expect(links).toEqual(expected);
  });
});
