import { strToU8 } from "fflate";
import type { XlsxReader } from "../../../src/io/xlsx-read";
import { withEachInflater, deflateBomb, handParts, NS, rawZip, zipParts } from "./hand-built";

// The reader of the inflater the tests run with (withEachInflater): its codec, its memo.
let xlsx: XlsxReader;
const readXlsx: XlsxReader["read"] = (...args) => xlsx.read(...args);

/*
 * A bomb of valid XML (hundreds of MB of `<x/>` in 2 MB) passes every guard but the part limit,
 * and parsing 256 MB of elements took 14 s of CPU per file: the inflate ratio stops it after 16 MB.
 */

function bombBook(sheet: Uint8Array): Uint8Array {
  const parts = handParts({ sheets: [{ name: "S", rows: "" }] });
  delete parts["xl/worksheets/sheet1.xml"];
  const entries = Object.entries(parts).map(([name, t]) => ({
    name,
    data: typeof t === "string" ? strToU8(t) : t,
  }));
  return rawZip([
    ...entries,
    { name: "xl/worksheets/sheet1.xml", data: sheet, deflated: true, declaredSize: 100 },
  ]);
}

/** Over 16 MB of sheet XML, as repetitive as real empty-styled rows are, packed as tightly as zip can. */
function honestBook(): Uint8Array {
  const rows: string[] = [];
  for (let i = 1; i <= 250_000; i++)
    rows.push(`<row r="${i}" spans="1:3"><c r="A${i}" s="0"/><c r="B${i}"/><c r="C${i}"><v>0</v></c></row>`);
  return zipParts(handParts({ sheets: [{ name: "S", rows: rows.join("") }] }), 9);
}

// Built once for both inflaters: making them (zip level 9 over 18 MB) costs more than reading them.
let bomb: Uint8Array;
let honest: Uint8Array;
beforeAll(() => {
  bomb = bombBook(deflateBomb(`<worksheet xmlns="${NS}"><sheetData><x/>`, 4, 300 * 1024 * 1024));
  honest = honestBook();
});

withEachInflater((reader) => {
  beforeAll(() => (xlsx = reader));
  describe("the inflate ratio", () => {
    it("stops a bomb of valid XML with the default limits", () => {
      const r = readXlsx(bomb, "b.xlsx");
      expect(r).toMatchObject({ ok: false, reason: "too-large", limit: "maxInflateRatio" });
      if (!r.ok) expect(r.message.en).toContain("zip bomb");
    });

    it("is a limit like the others: raised, it lets the part run on to the part limit", () => {
      const r = readXlsx(bomb, "b.xlsx", {
        limits: { maxInflateRatio: 1e6, maxEntryBytes: 32 * 1024 * 1024 },
      });
      expect(r).toMatchObject({ ok: false, limit: "maxEntryBytes" });
    });

    it("leaves a large (over 16 MB), repetitive but honest sheet alone", () => {
      const r = readXlsx(honest, "big.xlsx");
      expect(r.ok && r.doc.sheets[0]!.rows.length).toBe(250_000);
    });
  });
});
