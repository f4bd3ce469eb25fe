import fc from "fast-check";
import { findTemplate } from "../../src/core/catalog/templates";
import { consolidate } from "../../src/core/consolidate/consolidate";
import type { ParsedFile } from "../../src/core/consolidate/types";
import { parsePeriod } from "../../src/core/periods";
import { buildReport, reportJson } from "../../src/core/json-report/build";
import { rosterFromGrid } from "../../src/core/roster/roster-grid";
import type { Roster } from "../../src/core/roster/roster";
import { csvTextToGrid } from "../../src/io/csv-reader";
import { officialUnits } from "../../src/engine/official-units";
import { parseFile } from "../../src/engine/parse-file";
import { consolidateParsed } from "../../src/engine/pipeline";
import { faultProvinceSpec, generateProvince, sonLaSpec } from "../../generator";

/*
 * Issue 6: aggregation does not depend on the order of the files. The pipeline sorts the files by
 * name before consolidating, so the report is byte-identical whatever order they come in; the
 * engine itself (src/core/consolidate, called here without that sort) must give the same figures
 * too, or the sort would only hide an order dependence. Checked on the province with every fault
 * planted (duplicates with and without dates, unknown units, wrong periods…) and on Sơn La.
 */

const template = findTemplate("ktxh-xa")!;
const period = parsePeriod("2026")!;

function rosterOf(csv: string): Roster {
  const r = rosterFromGrid(csvTextToGrid(csv, "r.csv", ","));
  if ("error" in r) throw new Error(r.error.en);
  return r.roster;
}

interface Province {
  name: string;
  parsed: ParsedFile[];
  roster: Roster;
  due: string;
}

describe.each(["fault province", "Sơn La"])("the %s, its files in any order", (name) => {
  let p: Province;

  beforeAll(async () => {
    const spec = name === "Sơn La" ? sonLaSpec() : faultProvinceSpec().spec;
    const g = await generateProvince(spec);
    p = {
      name,
      parsed: g.files.map((f) => parseFile({ path: f.path, bytes: f.bytes })),
      roster: rosterOf(g.roster),
      due: spec.due ?? "2026-12-15",
    };
  });

  it("gives a byte-identical JSON report through the pipeline", () => {
    const ctx = { template, period, roster: p.roster, due: p.due };
    const reference = reportJson(consolidateParsed(p.parsed, ctx).report);
    fc.assert(
      fc.property(fc.shuffledSubarray(p.parsed, { minLength: p.parsed.length }), (files) => {
        return reportJson(consolidateParsed(files, ctx).report) === reference;
      }),
      { numRuns: 25 },
    );
  });

  it("gives the same report from the engine itself, unsorted", () => {
    const opts = {
      template,
      period,
      roster: p.roster,
      due: p.due,
      locale: "vi" as const,
      official: officialUnits(),
    };
    const reference = reportJson(buildReport(consolidate(p.parsed, opts)));
    fc.assert(
      fc.property(fc.shuffledSubarray(p.parsed, { minLength: p.parsed.length }), (files) => {
        return reportJson(buildReport(consolidate(files, opts))) === reference;
      }),
      { numRuns: 25 },
    );
  });
});
