import {
  findTemplate,
  requiredIndicatorCodes,
  summaryIndicatorCodes,
} from "../../src/core/catalog/templates";
import type { LayoutCell, WorkbookLayout } from "../../src/core/layout/types";
import { parsePeriod } from "../../src/core/periods";
import type { Report, ReportGroup } from "../../src/core/json-report/types";
import { rosterFromGrid } from "../../src/core/roster/roster-grid";
import type { Roster } from "../../src/core/roster/roster";
import { csvTextToGrid } from "../../src/io/csv-reader";
import { officialUnits } from "../../src/engine/official-units";
import { consolidateParsed, parseFile, type InputFile } from "../../src/engine/pipeline";
import { writeLayoutXlsx } from "../../src/io/xlsx-write";
import { communeCsv, rng } from "../support/random-commune";
import { FRONT, pieceCsv, randomPiece } from "../support/pieces";

/*
 * Summaries of provinces consolidated upward give exactly the nation's figures from its communes,
 * and keep what they summarised: the roster groups' figures and the communes behind each figure.
 */

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
/** Groups of communes, as the national roster and each province's own roster give them. */
const GROUPS: Record<string, string> = {
  "04240": "bien-gioi",
  "04231": "bien-gioi|vung-cao",
  "04204": "vung-cao",
  "02230": "bien-gioi",
  "18001": "bien-gioi",
  "18007": "vung-cao",
};
/** A group of provinces, in the national roster (and, for 14, in its own roster too). */
const MOUNTAIN_PROVINCES = ["14", "08"];
/** Sends nothing: its province reports 4 of 5 communes. */
const SILENT = "18010";
/** Fill the optional rows (near-poor households, certified labour): fewer communes than the rest. */
const OPTIONAL_ROWS = new Set(["04240", "04204", "02231", "18001", "18007"]);

/**
 * The optional rows the way a careful commune fills them: near-poor households over the same
 * households as HO_NGHEO, certified workers as many as the trained ones (a high training rate, so
 * that these few communes' certified rate is above the nation's trained rate).
 */
function withOptionalRows(csv: string, unit: string): string {
  if (!OPTIONAL_ROWS.has(unit)) return csv;
  const lines = csv.split("\n");
  const parts = (code: string): [number, number] => {
    const cols = lines.find((l) => l.split(",")[2] === code)!.split(",");
    return [Number(cols[3]), Number(cols[4])];
  };
  const [, households] = parts("HO_NGHEO");
  const [, workers] = parts("LD_DAO_TAO");
  const trained = Math.floor(workers * 0.95);
  const out = lines.map((l) =>
    l.split(",")[2] === "LD_DAO_TAO" ? `${unit},2026,LD_DAO_TAO,${trained},${workers},` : l,
  );
  out.push(`${unit},2026,HO_CAN_NGHEO,${Math.floor(households / 9)},${households},`);
  out.push(`${unit},2026,LD_CO_BANG,${trained},${workers},`);
  return out.join("\n");
}

function communeLines(p: string, list: string[], parent = p): string[] {
  return list.map((c) => `${c},Xã ${c},xa,${parent},${GROUPS[c] ?? ""}`);
}

describe("consolidating upward", () => {
  const rand = rng(20261215);
  const communes: Record<string, InputFile> = {};
  for (const list of Object.values(PROVINCES)) {
    for (const code of list) {
      const csv = withOptionalRows(communeCsv(code, rand), code);
      if (code !== SILENT) communes[code] = { path: `${code}.csv`, bytes: enc.encode(csv) };
    }
  }
  const provinceGroup = (p: string): string => (MOUNTAIN_PROVINCES.includes(p) ? "mien-nui" : "");
  const national = roster([
    "VN,Việt Nam,quoc-gia,,",
    ...Object.entries(PROVINCES).flatMap(([p, list]) => [
      `${p},Tỉnh ${p},tinh,VN,${provinceGroup(p)}`,
      ...communeLines(p, list),
    ]),
  ]);

  let direct: Report;
  let provinces: Record<string, Report>;
  let upward: Report;
  let upwardOnFullRoster: Report;
  let summaryOfNation: Report;
  const summaries: InputFile[] = [];
  const layouts: Record<string, WorkbookLayout> = {};
  const provincesOnly = roster([
    "VN,Việt Nam,quoc-gia,,",
    ...Object.keys(PROVINCES).map((p) => `${p},Tỉnh ${p},tinh,VN,${provinceGroup(p)}`),
  ]);

  beforeAll(async () => {
    direct = consolidateParsed(
      Object.values(communes).map((f) => parseFile(f)),
      {
        template,
        period,
        roster: national,
      },
    ).report;
    provinces = {};
    for (const [p, list] of Object.entries(PROVINCES)) {
      // Province 14's own roster marks it as a mountain province too: counted once all the same.
      const own = p === "14" ? provinceGroup(p) : "";
      const provinceRoster = roster([`${p},Tỉnh ${p},tinh,,${own}`, ...communeLines(p, list)]);
      const run = consolidateParsed(
        list.filter((c) => communes[c]).map((c) => parseFile(communes[c]!)),
        { template, period, roster: provinceRoster },
      );
      expect(run.report.scope.code).toBe(p);
      provinces[p] = run.report;
      layouts[p] = run.workbook;
      summaries.push({ path: `tong-hop-${p}.xlsx`, bytes: writeLayoutXlsx(run.workbook) });
    }
    const nationRun = consolidateParsed(
      summaries.map((f) => parseFile(f)),
      { template, period, roster: provincesOnly },
    );
    upward = nationRun.report;
    upwardOnFullRoster = consolidateParsed(
      summaries.map((f) => parseFile(f)),
      {
        template,
        period,
        roster: national,
      },
    ).report;
    summaryOfNation = consolidateParsed(
      [parseFile({ path: "tong-hop-VN.xlsx", bytes: writeLayoutXlsx(nationRun.workbook) })],
      { template, period, roster: roster(["VN,Việt Nam,quoc-gia,,"]) },
    ).report;
  });

  it("reads every province summary as a clean submission, with no warning about their sums", () => {
    expect(upward.units.map((u) => u.status)).toEqual(["ok", "ok", "ok"]);
    // The optional rows add up fewer communes than HO_NGHEO and LD_DAO_TAO: their sums differ,
    // and nothing is wrong (each commune's were checked where it was consolidated).
    expect(direct.issues.filter((i) => i.rule === "inconsistent-denominator")).toEqual([]);
    expect(upward.issues).toEqual([]);
  });

  it.each(summaryIndicatorCodes(template))("gives exactly the direct national figure for %s", (code) => {
    const d = direct.indicators.find((i) => i.code === code)!;
    for (const u of [upward, upwardOnFullRoster, summaryOfNation]) {
      const f = u.indicators.find((i) => i.code === code)!;
      expect(f.value).toBe(d.value);
      expect(f.numerator).toBe(d.numerator);
      expect(f.denominator).toBe(d.denominator);
    }
  });

  it.each(summaryIndicatorCodes(template))("counts the communes behind %s at every level", (code) => {
    const d = direct.indicators.find((i) => i.code === code)!;
    const optional = !requiredIndicatorCodes(template).includes(code);
    // Communes as units: the base units are the units.
    expect(d).toMatchObject({ reporting: optional ? 5 : 11, expected: 12 });
    expect(d).toMatchObject({ reportingBase: d.reporting, expectedBase: d.expected });
    // Provinces as units: 3 of 3 provinces (or 3 of 3 that filled an optional row), 11 of 12 communes.
    const u = upward.indicators.find((i) => i.code === code)!;
    expect(u).toMatchObject({ reporting: 3, expected: 3 });
    expect(u).toMatchObject({ reportingBase: d.reporting, expectedBase: d.expected });
    // The national roster lists the communes: they are the units again.
    const full = upwardOnFullRoster.indicators.find((i) => i.code === code)!;
    expect(full).toMatchObject({ reporting: d.reporting, expected: d.expected });
    expect(full).toMatchObject({ reportingBase: d.reporting, expectedBase: d.expected });
    // The nation's summary, read again as one unit, still knows its communes.
    const again = summaryOfNation.indicators.find((i) => i.code === code)!;
    expect(again).toMatchObject({ reporting: 1, expected: 1 });
    expect(again).toMatchObject({ reportingBase: d.reporting, expectedBase: d.expected });
  });

  it("keeps the roster groups through the province summaries", () => {
    const key = (g: ReportGroup): string => `${g.group} ${g.indicator}`;
    const names = [...new Set(direct.groups.map((g) => g.group))];
    expect(names).toEqual(["bien-gioi", "mien-nui", "vung-cao"]);
    for (const u of [upward, upwardOnFullRoster, summaryOfNation]) {
      expect(u.groups.map(key)).toEqual(direct.groups.map(key));
      u.groups.forEach((g, i) => {
        const d = direct.groups[i]!;
        expect([g.value, g.numerator, g.denominator]).toEqual([d.value, d.numerator, d.denominator]);
        expect([g.reportingBase, g.expectedBase]).toEqual([d.reporting, d.expected]);
        expect([d.reportingBase, d.expectedBase]).toEqual([d.reporting, d.expected]);
      });
    }
    // With the communes in the roster, they are the group's units again.
    upwardOnFullRoster.groups.forEach((g, i) =>
      expect([g.reporting, g.expected]).toEqual([direct.groups[i]!.reporting, direct.groups[i]!.expected]),
    );
    // Border communes: 2 in province 14, one each in 08 and 42; the provinces that have them.
    const border = (r: Report): ReportGroup => r.groups.find((g) => key(g) === "bien-gioi HO_NGHEO")!;
    expect(border(direct)).toMatchObject({ reporting: 4, expected: 4 });
    expect(border(upward)).toMatchObject({ reporting: 3, expected: 3, reportingBase: 4, expectedBase: 4 });
    // Mountain provinces are whole provinces, named by the national roster: their communes.
    const mountain = (r: Report): ReportGroup => r.groups.find((g) => key(g) === "mien-nui THU_NS")!;
    expect(mountain(direct)).toMatchObject({ reporting: 7, expected: 7 });
    expect(mountain(upward)).toMatchObject({ reporting: 2, expected: 2, reportingBase: 7, expectedBase: 7 });
  });

  it("counts a province that sent nothing by its communes in the official list", () => {
    const without42 = consolidateParsed(
      summaries.filter((f) => !f.path.includes("-42")).map((f) => parseFile(f)),
      { template, period, roster: provincesOnly },
    ).report;
    const f = without42.indicators.find((i) => i.code === "HO_NGHEO")!;
    const communesOf42 = officialUnits().childrenOf("42").length;
    expect(communesOf42).toBeGreaterThan(50);
    expect(f).toMatchObject({ reporting: 2, expected: 3, reportingBase: 7, expectedBase: 7 + communesOf42 });
  });

  it("reads a summary written before 1.1 (no base columns, no group table) by its own counts", () => {
    const renamed = (cell: LayoutCell | null): LayoutCell | null =>
      typeof cell?.value === "string" && /cơ sở/.test(cell.value)
        ? { ...cell, value: `Cột ${cell.value.length}` }
        : cell;
    const old = layouts["42"]!;
    const before11: WorkbookLayout = {
      ...old,
      sheets: old.sheets
        .filter((sh) => sh.name !== "Theo nhóm")
        .map((sh) => ({ ...sh, cells: sh.cells.map((row) => row.map(renamed)) })),
    };
    const files = [
      ...summaries.filter((f) => !f.path.includes("-42")),
      { path: "tong-hop-42-cu.xlsx", bytes: writeLayoutXlsx(before11) },
    ];
    const run = consolidateParsed(
      files.map((f) => parseFile(f)),
      { template, period, roster: provincesOnly },
    ).report;
    for (const d of direct.indicators) {
      const f = run.indicators.find((i) => i.code === d.code)!;
      expect([f.value, f.reportingBase, f.expectedBase]).toEqual([d.value, d.reporting, d.expected]);
    }
  });

  it("writes the province's own counts into its summary", () => {
    const p42 = provinces["42"]!.indicators.find((i) => i.code === "HO_NGHEO")!;
    expect(p42).toMatchObject({ reporting: 4, expected: 5, reportingBase: 4, expectedBase: 5 });
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

/*
 * The same over time (FORMATS.md §4a): a province's quarter summaries consolidated into the year at
 * the national level give exactly the figures of the communes' own pieces consolidated into the
 * year at once. Communes send months or quarters (pieces that make each quarter) or nothing at all:
 * a commune with a gap has no year figure for its flows, which a quarter summary cannot know.
 */
describe("consolidating upward, quarter summaries into the year", () => {
  const QUARTERS = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
  const FRONT_PROVINCES: Record<string, string[]> = {
    "14": ["04240", "04231", "04204", "04210", "04213"],
    "08": ["02230", "02231", "02232", "02233"],
  };
  const border = new Set(["04240", "04231", "02230"]);
  const frontRoster = (withCommunes: boolean, only?: string): Roster =>
    roster([
      ...(only ? [] : ["VN,Việt Nam,quoc-gia,,"]),
      ...Object.entries(FRONT_PROVINCES)
        .filter(([p]) => !only || p === only)
        .flatMap(([p, list]) => [
          `${p},Tỉnh ${p},tinh,${only ? "" : "VN"},`,
          ...(withCommunes
            ? list.map((c) => `${c},Xã ${c},xa,${p},${border.has(c) ? "bien-gioi" : ""}`)
            : []),
        ]),
    ]);

  /** One seed's communes and their pieces: months or a quarter for each quarter, or nothing. */
  function communePieces(seed: number): { unit: string; period: string; file: InputFile }[] {
    const rand = rng(seed);
    const out: { unit: string; period: string; file: InputFile }[] = [];
    for (const list of Object.values(FRONT_PROVINCES)) {
      for (const unit of list) {
        if (rand() < 0.15) continue;
        QUARTERS.forEach((q, qi) => {
          const periods =
            rand() < 0.4 ? [1, 2, 3].map((m) => `2026-M${String(qi * 3 + m).padStart(2, "0")}`) : [q];
          for (const period of periods) {
            const path = `${unit}-${period}.csv`;
            out.push({
              unit,
              period,
              file: { path, bytes: enc.encode(pieceCsv(unit, period, randomPiece(rand))) },
            });
          }
        });
      }
    }
    return out;
  }

  const same = (a: { value: number | null; numerator: number | null; denominator: number | null }) => [
    a.value,
    a.numerator,
    a.denominator,
  ];

  test.each([1, 2, 3, 4, 5, 6])("seed %i: quarters then the year equal the year's pieces at once", (seed) => {
    const pieces = communePieces(seed);
    const year = parsePeriod("2026")!;
    const direct = consolidateParsed(
      pieces.map((p) => parseFile(p.file)),
      { template: FRONT, period: year, roster: frontRoster(true) },
    ).report;
    const summaries: InputFile[] = [];
    for (const p of Object.keys(FRONT_PROVINCES)) {
      for (const q of QUARTERS) {
        const qq = parsePeriod(q)!;
        const inQuarter = pieces.filter((x) => {
          const pp = parsePeriod(x.period)!;
          return (
            FRONT_PROVINCES[p]!.includes(x.unit) &&
            pp.startMonth >= qq.startMonth &&
            pp.endMonth <= qq.endMonth
          );
        });
        const run = consolidateParsed(
          inQuarter.map((x) => parseFile(x.file)),
          { template: FRONT, period: parsePeriod(q)!, roster: frontRoster(true, p) },
        );
        summaries.push({ path: `tong-hop-${p}-${q}.xlsx`, bytes: writeLayoutXlsx(run.workbook) });
      }
    }
    const upward = consolidateParsed(
      summaries.map((f) => parseFile(f)),
      { template: FRONT, period: year, roster: frontRoster(false) },
    ).report;
    expect(upward.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(upward.units.map((u) => u.sources?.length)).toEqual([4, 4]);
    expect(direct.indicators.every((i) => i.value !== null && i.reporting > 0)).toBe(true);
    for (const d of direct.indicators) {
      const u = upward.indicators.find((i) => i.code === d.code)!;
      expect({ code: d.code, figure: same(u) }).toEqual({ code: d.code, figure: same(d) });
      expect([u.reportingBase, u.expectedBase]).toEqual([d.reporting, d.expected]);
    }
    const key = (g: ReportGroup): string => `${g.group}:${g.indicator}`;
    const groups = direct.groups.filter((g) => g.group === "bien-gioi");
    expect(groups.length).toBeGreaterThan(0);
    for (const d of groups) {
      const u = upward.groups.find((g) => key(g) === key(d))!;
      expect({ group: key(d), figure: same(u) }).toEqual({ group: key(d), figure: same(d) });
    }
  });
});
