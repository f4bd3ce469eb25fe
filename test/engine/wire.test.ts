import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { serialize, deserialize } from "node:v8";
import { findTemplate } from "../../src/core/catalog/templates";
import { rosterFromGrid } from "../../src/core/roster/roster-grid";
import { csvTextToGrid } from "../../src/io/csv-reader";
import type { ParsedFile } from "../../src/core/consolidate/types";
import { packFigures, unpackFigures } from "../../src/engine/figure-wire";
import { fromWire, parseFile, toWire } from "../../src/engine/parse-file";
import { consolidateParsed } from "../../src/engine/pipeline";
import { writeLayoutXlsx } from "../../src/io/xlsx-write";

/* What a worker thread sends back for a file: the template as its id, linked again on arrival. */

const DIR = path.join(__dirname, "..", "..", "samples", "son-la", "bao-cao");
const xlsx = readdirSync(DIR).find((n) => n.endsWith(".xlsx"))!;

/** JSON with Maps as entry lists: v8.deserialize builds its Maps in Node's realm, not the test's. */
const plain = (x: unknown): unknown =>
  JSON.parse(
    JSON.stringify(x, (_k, v: unknown) =>
      Object.prototype.toString.call(v) === "[object Map]" ? Array.from(v as Map<unknown, unknown>) : v,
    ),
  );

describe("a parsed file across threads", () => {
  const parsed = parseFile({ path: xlsx, bytes: new Uint8Array(readFileSync(path.join(DIR, xlsx))) });

  it("arrives with the catalog's own template, everything else as it was", () => {
    expect(parsed.submissions[0]?.meta.template?.id).toBe("ktxh-xa");
    const arrived = fromWire(deserialize(serialize(toWire(parsed))) as ParsedFile);
    expect(arrived.submissions[0]!.meta.template).toBe(findTemplate("ktxh-xa"));
    expect(plain(arrived)).toEqual(plain(parsed));
  });

  it("travels lighter than with the template in full, and leaves the sender's file alone", () => {
    const full = serialize(parsed).length;
    const wire = serialize(toWire(parsed)).length;
    expect(wire).toBeLessThan(full - 1000);
    expect(parsed.submissions[0]!.meta.template).toBe(findTemplate("ktxh-xa"));
  });
});

describe("figures across threads", () => {
  const parsed = parseFile({ path: xlsx, bytes: new Uint8Array(readFileSync(path.join(DIR, xlsx))) });
  const figures = parsed.submissions[0]!.pre!.figures;

  it("travel packed, and arrive as the same objects with their properties in the same order", () => {
    const wire = toWire(parsed);
    expect((wire.submissions[0]!.pre as unknown as { packed?: unknown }).packed).toBeDefined();
    expect(wire.submissions[0]!.pre!.figures).toBeUndefined();
    const arrived = fromWire(deserialize(serialize(wire)) as ParsedFile).submissions[0]!.pre!.figures;
    expect(JSON.stringify([...arrived])).toBe(JSON.stringify([...figures]));
    // Rates keep their denominator's cell; nulls stay null.
    expect([...arrived.values()].some((f) => f.denominatorAt !== undefined)).toBe(true);
    expect([...arrived.values()].some((f) => f.numerator === null)).toBe(true);
  });

  it("cost a fraction of their size as objects", () => {
    expect(serialize(packFigures(figures)).length).toBeLessThan(serialize(figures).length / 2);
  });

  it("travel as objects when their cells are not all on one sheet, or carry more than figures do", () => {
    const other = new Map(figures);
    const [k, f] = [...other.entries()][0]!;
    other.set(k, { ...f, at: { file: f.at.file, line: 12 } });
    expect(packFigures(other)).toBeUndefined();
    // A first cell without a sheet never lends the next one's sheet to it.
    const unsheeted = new Map(figures);
    unsheeted.set(k, { ...f, at: { file: f.at.file, sheet: undefined, cell: "B2" } });
    const back = packFigures(unsheeted);
    expect(
      back === undefined || JSON.stringify([...unpackFigures(back)]) === JSON.stringify([...unsheeted]),
    ).toBe(true);
    const extra = new Map(figures);
    extra.set(k, { ...f, note: "x" } as typeof f);
    expect(packFigures(extra)).toBeUndefined();
    const counted = new Map(figures);
    counted.set(k, { ...f, reporting: 12, expected: 14 });
    expect(JSON.stringify([...unpackFigures(packFigures(counted)!)])).toBe(JSON.stringify([...counted]));
  });
});

describe("a province summary across threads", () => {
  const read = rosterFromGrid(
    csvTextToGrid(readFileSync(path.join(DIR, "..", "roster.csv"), "utf8"), "roster.csv", ","),
  );
  if ("error" in read) throw new Error(read.error.en);
  const files = readdirSync(DIR).map((n) =>
    parseFile({ path: n, bytes: new Uint8Array(readFileSync(path.join(DIR, n))) }),
  );
  const run = consolidateParsed(files, { template: findTemplate("ktxh-xa")!, roster: read.roster });
  const summary = parseFile({ path: "tong-hop.xlsx", bytes: writeLayoutXlsx(run.workbook) });

  it("arrives with its groups and its base counts", () => {
    const arrived = fromWire(deserialize(serialize(toWire(summary))) as ParsedFile);
    expect(plain(arrived)).toEqual(plain(summary));
    const carried = arrived.submissions[0]!.pre!.summary!;
    expect(carried.expectedBase).toBe(30);
    const border = carried.groups.get("bien-gioi")!;
    expect(border.expectedBase).toBe(8);
    const poor = run.report.groups.find((g) => g.group === "bien-gioi" && g.indicator === "HO_NGHEO")!;
    expect(border.figures.get("HO_NGHEO")).toMatchObject({
      numerator: poor.numerator,
      denominator: poor.denominator,
      reporting: poor.reporting,
      reportingBase: poor.reportingBase,
    });
  });
});
