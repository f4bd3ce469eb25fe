import { findTemplate, requiredIndicatorCodes } from "../../src/core/catalog/templates";
import { parsePeriod } from "../../src/core/periods";
import type { Report } from "../../src/core/report-types";
import { rosterFromGrid } from "../../src/core/roster-grid";
import type { Roster } from "../../src/core/roster";
import { csvTextToGrid } from "../../src/io/csv-reader";
import { consolidateParsed, parseFile, type InputFile } from "../../src/io/pipeline";
import { writeLayoutXlsx } from "../../src/io/xlsx-write";
import { communeCsv, rng } from "../support/random-commune";

/* Summaries of provinces consolidated upward give exactly the nation's figures from its communes. */

const template = findTemplate("ktxh-xa")!;
const period = parsePeriod("2026")!;
const enc = new TextEncoder();

function roster(lines: string[]): Roster {
  const r = rosterFromGrid(
    csvTextToGrid(["ma_don_vi,ten_don_vi,cap,ma_cha,nhom", ...lines].join("\n"), "r.csv", ","),
  );
  if ("error" in r) throw new Error(r.error.en);
  return r.roster;
}

const PROVINCES = {
  "14": ["04240", "04231", "04204", "04210"],
  "08": ["02230", "02231", "02232"],
  "42": ["18001", "18004", "18007", "18010", "18013"],
};

describe("consolidating upward", () => {
  const rand = rng(20261215);
  const communes: Record<string, InputFile> = {};
  for (const list of Object.values(PROVINCES)) {
    for (const code of list)
      communes[code] = { path: `${code}.csv`, bytes: enc.encode(communeCsv(code, rand)) };
  }
  const national = roster([
    "VN,Việt Nam,quoc-gia,,",
    ...Object.entries(PROVINCES).flatMap(([p, list]) => [
      `${p},Tỉnh ${p},tinh,VN,`,
      ...list.map((c) => `${c},Xã ${c},xa,${p},`),
    ]),
  ]);

  let direct: Report;
  let upward: Report;
  let upwardOnFullRoster: Report;

  beforeAll(async () => {
    direct = consolidateParsed(
      Object.values(communes).map((f) => parseFile(f)),
      {
        template,
        period,
        roster: national,
      },
    ).report;
    const summaries: InputFile[] = [];
    for (const [p, list] of Object.entries(PROVINCES)) {
      const provinceRoster = roster([`${p},Tỉnh ${p},tinh,,`, ...list.map((c) => `${c},Xã ${c},xa,${p},`)]);
      const run = consolidateParsed(
        list.map((c) => parseFile(communes[c]!)),
        { template, period, roster: provinceRoster },
      );
      expect(run.report.scope.code).toBe(p);
      summaries.push({ path: `tong-hop-${p}.xlsx`, bytes: writeLayoutXlsx(run.workbook) });
    }
    const provincesOnly = roster([
      "VN,Việt Nam,quoc-gia,,",
      ...Object.keys(PROVINCES).map((p) => `${p},Tỉnh ${p},tinh,VN,`),
    ]);
    upward = consolidateParsed(
      summaries.map((f) => parseFile(f)),
      { template, period, roster: provincesOnly },
    ).report;
    upwardOnFullRoster = consolidateParsed(
      summaries.map((f) => parseFile(f)),
      {
        template,
        period,
        roster: national,
      },
    ).report;
  });

  it("reads every province summary as a clean submission", () => {
    expect(upward.units.map((u) => u.status)).toEqual(["ok", "ok", "ok"]);
    expect(upward.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it.each(requiredIndicatorCodes(template))("gives exactly the direct national figure for %s", (code) => {
    const d = direct.indicators.find((i) => i.code === code)!;
    for (const u of [upward, upwardOnFullRoster]) {
      const f = u.indicators.find((i) => i.code === code)!;
      expect(f.value).toBe(d.value);
      expect(f.numerator).toBe(d.numerator);
      expect(f.denominator).toBe(d.denominator);
    }
  });

  it("keeps per-province subtotals in a multi-level run", () => {
    const sub = direct.perUnit.filter((p) => p.unit === "14" && p.indicator === "HO_NGHEO");
    expect(sub).toHaveLength(1);
    expect(sub[0]).toMatchObject({ level: "tinh", reporting: 4, expected: 4 });
    const ml = direct.perUnit.filter(
      (p) => ["04240", "04231", "04204", "04210"].includes(p.unit) && p.indicator === "HO_NGHEO",
    );
    expect(sub[0]!.numerator).toBe(ml.reduce((s, p) => s + p.numerator!, 0));
  });
});
