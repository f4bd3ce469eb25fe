import fc from "fast-check";
import { readXlsx } from "../../../src/io/xlsx-read";
import { DEFAULT_XLSX_LIMITS } from "../../../src/io/xlsx-read/limits";
import { SheetContext, SheetReader } from "../../../src/io/xlsx-read/sheet-reader";
import { StopParsing } from "../../../src/io/xlsx-read/xml-part";
import { XmlScanner } from "../../../src/io/xlsx-read/xml-scan";
import { handBook, NS, stylesXml } from "./hand-built";

/*
 * A worksheet's rows are read straight from the text when they have the usual shape (SheetReader.raw)
 * and event by event otherwise. The two must never differ in what they give: the same grid, the same
 * refusal with the same words, for sheets of every shape, cut into pieces anywhere.
 */

const CELLS = [
  `<c r="A1"><v>12</v></c>`,
  `<c r="B1" t="s"><v>1</v></c>`,
  `<c t="inlineStr"><is><t>Mã &amp; x &#272;</t></is></c>`,
  `<c r="C1" t="inlineStr"><is><t xml:space="preserve"> a </t><t>b</t></is></c>`,
  `<c r="D1"><f>A1*2</f><v>24</v></c>`,
  `<c r="D2"><f t="shared" si="0"/><v>3</v></c>`,
  `<c r="E1"/>`,
  `<c r="F1" s="1"><v>45000</v></c>`,
  `<c><v/></c>`,
  `<c r="G1" t="inlineStr"><is/></c>`,
  `<c r="H1" t="inlineStr"><is></is></c>`,
  `<c r="I1" t="b"><v>1</v></c>`,
  `<c r="J1" t="e"><v>#N/A</v></c>`,
  `<c r="K1" t="str"><v>x_x0041_</v></c>`,
  `<c r="L1">\n  <v> 7 </v>\n</c>`,
  `<c r="M1" t="inlineStr"><is><r><t>rich</t></r></is></c>`,
  `<c r="N1" t="inlineStr"><is><t>a</t><rPh sb="0" eb="1"><t>phonetic</t></rPh></is></c>`,
  `<c r="O1"><v><![CDATA[5]]></v></c>`,
  `<c r="P1"><!-- note --><v>5</v></c>`,
  `<c r="Q1" r="R1"><v>1</v></c>`,
  `<c r="S1"><v>1 &bogus; </v></c>`,
  `<c r="1A"><v>1</v></c>`,
  `<c r="T1"><v>1</v></c >`,
  `<c r="U1"><v>1</v>`,
  `<c r='V1' t = "n" ><v>2.5e3</v></c>`,
  `<c r="W1"><v>1</v><v>2</v></c>`,
  `<c r="X1">text<v>1</v></c>`,
  `<c r="Y1"><x>1</x></c>`,
  `<c r="Z1" t="s"><v>99</v></c>`,
  `<c r="AA1" s="7"><v>1</v></c>`,
  `<c r="AB1"\tt="n"><v>4</v></c>`,
  `<c r="AC1" t="d"><v>10:10:10</v></c>`,
  `<c r="AD1" t="d" s="1"><v>2026-12-05T08:30:00</v></c>`,
];

const ROW_OPEN = [
  `<row>`,
  `<row r="3">`,
  `<row r="2" spans="1:3" x14ac:dyDescent="0.25">`,
  `<row r="x">`,
  `<row r="1" r="2">`,
];
const ROW_CLOSE = [`</row>`, `</row>`, `</row >`, ``];
const BETWEEN = [``, ``, `\n`, `  `, `<!-- between -->`, `<row r="9"/>`, `<?pi x?>`, `junk`];

const rowsArb = fc.array(
  fc.record({
    open: fc.constantFrom(...ROW_OPEN),
    cells: fc.array(fc.constantFrom(...CELLS), { maxLength: 5 }),
    close: fc.constantFrom(...ROW_CLOSE),
    between: fc.constantFrom(...BETWEEN),
  }),
  { maxLength: 6 },
);

const sheetOf = (rows: { open: string; cells: string[]; close: string; between: string }[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${NS}" xmlns:x14ac="urn:x14ac"><sheetData>` +
  rows.map((r) => r.open + r.cells.join("") + r.close + r.between).join("") +
  `</sheetData></worksheet>`;

/** Reads a worksheet's text in pieces, its rows raw or not; the grid, or the error's words. */
function readSheet(xml: string, pieces: number[], raw: boolean): unknown {
  const limits = DEFAULT_XLSX_LIMITS;
  const ctx = new SheetContext(limits, [undefined, "0.00"], false);
  const reader = new SheetReader(ctx, "Chỉ tiêu", "xl/worksheets/sheet1.xml");
  const scanner = new XmlScanner(
    {
      open: (n, a) => reader.open(n, a) === true && raw,
      close: (n) => reader.close(n),
      text: (t) => reader.text(t),
      raw: (s, from, tabs) => reader.raw(s, from, tabs),
    },
    1 << 20,
  );
  const at = [0, ...[...new Set(pieces.map((c) => c % (xml.length + 1)))].sort((a, b) => a - b), xml.length];
  try {
    for (let i = 1; i < at.length; i++) scanner.write(xml.slice(at[i - 1], at[i]));
    scanner.close();
  } catch (e) {
    if (!(e instanceof StopParsing))
      return { error: (e as Error).constructor.name, message: (e as Error).message };
  }
  return { grid: reader.grid(), shared: ctx.sharedIndexes, cells: ctx.cells };
}

describe("rows read straight from the text", () => {
  it("give what the scanner's events give, whatever the shape of the rows and wherever the text is cut", () => {
    let declinedSome = false;
    fc.assert(
      fc.property(rowsArb, fc.array(fc.nat(), { maxLength: 6 }), (rows, cuts) => {
        const xml = sheetOf(rows);
        const events = readSheet(xml, [], false);
        expect(readSheet(xml, [], true)).toEqual(events);
        expect(readSheet(xml, cuts, true)).toEqual(events);
        if (rows.some((r) => r.cells.some((c) => c.includes("<r>") || c.includes("CDATA"))))
          declinedSome = true;
      }),
      { numRuns: 1500, seed: 7 },
    );
    expect(declinedSome).toBe(true);
  });

  it('read a t="d" time of day as a time, as the scanner\'s events do', () => {
    const xml = sheetOf([
      { open: `<row r="1">`, cells: [CELLS[CELLS.length - 2]!], close: `</row>`, between: "" },
    ]);
    for (const raw of [false, true]) {
      const { grid } = readSheet(xml, [], raw) as { grid: { rows: { cells: unknown[] }[] } };
      expect(grid.rows[0]!.cells[28]).toEqual({ value: 36_610 / 86_400, numFmt: "hh:mm:ss" });
    }
  });

  it("give the same documents and the same refusals through the whole reader", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const bytes = handBook({
          sheets: [{ name: "Chỉ tiêu", xml: sheetOf(rows) }],
          sharedStrings: ["Mã chỉ tiêu", "HO_NGHEO"],
          styles: stylesXml([0, 2]),
        });
        // Each reading its own (readXlsx keeps no memo): neither is played back from the other.
        // Under a depth limit of 7 the reader does not read rows raw (it needs room for 8 levels).
        const events = readXlsx(bytes, "a.xlsx", { limits: { maxDepth: 7 } });
        // (Unclosed rows nest deeper than that: there the switch says nothing.)
        fc.pre(events.ok || events.limit !== "maxDepth");
        const raw = readXlsx(bytes, "a.xlsx");
        expect(raw).toEqual(events);
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it("keep the depth limit, however deep the rows sit", () => {
    const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`;
    const deep = (d: number): Uint8Array =>
      handBook({
        sheets: [
          {
            name: "S",
            xml: `<?xml version="1.0"?><worksheet xmlns="${NS}">${"<a>".repeat(d)}<sheetData>${rows}</sheetData>${"</a>".repeat(d)}</worksheet>`,
          },
        ],
      });
    // <t> sits at depth d + 6: the limit (128) refuses 123 wrappers and takes 122, raw or not.
    expect(readXlsx(deep(123), "a.xlsx")).toMatchObject({
      ok: false,
      reason: "too-large",
      limit: "maxDepth",
    });
    expect(readXlsx(deep(122), "a.xlsx").ok).toBe(true);
    expect(readXlsx(deep(3), "a.xlsx", { limits: { maxDepth: 8 } })).toMatchObject({
      ok: false,
      limit: "maxDepth",
    });
  });

  it("refuse a character XML forbids where the reader reads, not after it has stopped, wherever the text is cut", () => {
    const tail = `<extLst><ext>\u0001</ext></extLst></worksheet>`;
    const good = sheetOf([{ open: `<row r="1">`, cells: [CELLS[0]!], close: `</row>`, between: "" }]).replace(
      "</worksheet>",
      tail,
    );
    const bad = good.replace("<v>12</v>", "<v>1\u00012</v>");
    for (const cut of [[], [10], [good.indexOf("<extLst>")], [good.indexOf("\u0001")], [50, 90, 130]]) {
      expect(readSheet(good, cut, true)).toEqual(readSheet(good, [], false));
      expect(readSheet(good, cut, true)).toHaveProperty("grid");
      expect(readSheet(bad, cut, true)).toMatchObject({ error: "XmlScanError" });
    }
  });

  it("read a usual sheet without a single event per cell", () => {
    const xml = sheetOf([
      { open: `<row r="1">`, cells: [CELLS[0]!, CELLS[2]!, CELLS[4]!], close: `</row>`, between: "\n" },
      { open: `<row r="2">`, cells: [CELLS[3]!, CELLS[7]!], close: `</row>`, between: "" },
    ]);
    const limits = DEFAULT_XLSX_LIMITS;
    const reader = new SheetReader(new SheetContext(limits, [], false), "S", "p");
    const opened: string[] = [];
    const scanner = new XmlScanner(
      {
        open: (n, a) => {
          opened.push(n);
          return reader.open(n, a);
        },
        close: (n) => reader.close(n),
        text: (t) => reader.text(t),
        raw: (s, from, tabs) => reader.raw(s, from, tabs),
      },
      1 << 20,
    );
    expect(() => scanner.write(xml)).toThrow(StopParsing);
    expect(opened).toEqual(["worksheet", "sheetData"]);
    const rows = reader.grid().rows;
    expect(rows.map((r) => r.n)).toEqual([1, 2]);
    expect(rows[0]!.cells.map((c) => c?.value)).toEqual([12, "Mã & x Đ", undefined, 24]);
    expect(rows[0]!.cells[3]!.formula).toBe(true);
    expect(rows[1]!.cells[2]!.value).toBe(" a b");
    expect(rows[1]!.cells[5]!.value).toBe(45000);
  });
});
