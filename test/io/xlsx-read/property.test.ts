import fc from "fast-check";
import { readXlsx, type XlsxReadResult } from "../../../src/io/xlsx-read";
import { handBook, handParts, zipParts } from "./hand-built";

/*
 * Whatever the bytes, the reader answers: a document or `{ ok: false }` with a reason and a
 * message in both languages. It never throws.
 */

const REASONS = ["empty", "not-xlsx", "xls", "encrypted", "corrupt", "unsafe-xml", "too-large"];

function wellFormed(r: XlsxReadResult): boolean {
  if (r.ok) return Array.isArray(r.doc.sheets) && Array.isArray(r.doc.sheetNames);
  return REASONS.includes(r.reason) && r.message.vi.length > 0 && r.message.en.length > 0;
}

const good = handBook({
  sheets: [
    {
      name: "Chỉ tiêu",
      rows:
        `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12.5</v></c><c r="C1" t="inlineStr"><is><t>x</t></is></c></row>` +
        `<row r="2"><c r="A2"><f>B1*2</f><v>25</v></c><c r="B2" t="e"><v>#N/A</v></c><c r="C2" t="b"><v>1</v></c></row>`,
    },
  ],
  sharedStrings: ["Mã chỉ tiêu"],
  workbookExtra: `<definedNames><definedName name="ChiTieu_MaDonVi">'Chỉ tiêu'!$A$1</definedName></definedNames>`,
});

// Small limits keep each run fast even when a mutation inflates into something large.
const limits = { maxEntryBytes: 1 << 20, maxTotalBytes: 1 << 21, maxCells: 10_000 };

describe("the reader never throws", () => {
  it("on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) =>
        wellFormed(readXlsx(bytes, "x.xlsx", { limits })),
      ),
      { numRuns: 500 },
    );
  });

  it("on bytes that start like a zip", () => {
    const zipLike = fc
      .uint8Array({ maxLength: 2048 })
      .map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b, 0x50, 0x4b, 0x05, 0x06, ...b.slice(0, 18)]));
    fc.assert(
      fc.property(zipLike, (bytes) => wellFormed(readXlsx(bytes, "x.xlsx", { limits }))),
      { numRuns: 500 },
    );
  });

  it("on a real workbook with bytes changed, cut or inserted", () => {
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant("flip" as const),
        at: fc.nat(),
        value: fc.integer({ min: 0, max: 255 }),
      }),
      fc.record({ kind: fc.constant("cut" as const), at: fc.nat(), value: fc.nat(64) }),
      fc.record({
        kind: fc.constant("insert" as const),
        at: fc.nat(),
        value: fc.integer({ min: 0, max: 255 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        let bytes = good.slice();
        for (const e of edits) {
          const at = e.at % bytes.length;
          if (e.kind === "flip") bytes[at] = e.value;
          else if (e.kind === "cut")
            bytes = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + e.value)]);
          else bytes = new Uint8Array([...bytes.subarray(0, at), e.value, ...bytes.subarray(at)]);
        }
        return wellFormed(readXlsx(bytes, "x.xlsx", { limits }));
      }),
      { numRuns: 500 },
    );
  });

  it("on sheet XML assembled from SpreadsheetML pieces in any order", () => {
    const pieces = [
      "<row>",
      '<row r="2">',
      '<row r="0">',
      "</row>",
      "<c>",
      '<c r="B3">',
      '<c r="A">',
      '<c t="s">',
      '<c t="e">',
      '<c t="inlineStr">',
      '<c t="d">',
      '<c t="b">',
      '<c s="7">',
      "</c>",
      "<v>",
      "</v>",
      "<f/>",
      "<f>",
      "</f>",
      "<is>",
      "</is>",
      "<t>",
      "</t>",
      "<rPh>",
      "</rPh>",
      "1",
      "0",
      "-2.5E3",
      "x",
      "&amp;",
      "2026-01-01",
      "#N/A",
      "<sheetData>",
      "</sheetData>",
      "<row/>",
      "<c/>",
    ];
    const sheet = fc
      .array(fc.constantFrom(...pieces), { maxLength: 60 })
      .map(
        (p) =>
          `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${p.join("")}</sheetData></worksheet>`,
      );
    fc.assert(
      fc.property(sheet, (xml) =>
        wellFormed(
          readXlsx(zipParts(handParts({ sheets: [{ name: "S", xml }], sharedStrings: ["a"] }), 0), "x.xlsx", {
            limits,
          }),
        ),
      ),
      { numRuns: 500 },
    );
  });

  it("on a damaged byte: the workbook is refused or reads exactly as before, never quietly altered", () => {
    const before = readXlsx(good, "x.xlsx");
    expect(before.ok).toBe(true);
    const original = JSON.stringify(before.ok && before.doc);
    fc.assert(
      fc.property(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 }), (at, value) => {
        const bytes = good.slice();
        bytes[at] = value;
        const r = readXlsx(bytes, "x.xlsx", { limits });
        return wellFormed(r) && (!r.ok || JSON.stringify(r.doc) === original);
      }),
      { numRuns: 1000 },
    );
  });

  it("reads the unmodified workbook", () => {
    const r = readXlsx(good, "x.xlsx");
    expect(r.ok && r.doc.names).toEqual([{ name: "ChiTieu_MaDonVi", sheet: "Chỉ tiêu", cell: "A1" }]);
  });
});
