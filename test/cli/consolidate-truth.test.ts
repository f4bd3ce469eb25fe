import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Report } from "../../src/core/json-report/types";
import { faultProvinceSpec, generateProvince } from "../../generator";
import type { Truth } from "../../generator/truth";
import { ROOT, runCli, type CliRun } from "../support/cli";
import { hashTree, writeProvince } from "../support/province";
import {
  groupProblems,
  headerProblems,
  indicatorProblems,
  issueProblems,
  perUnitProblems,
  unitProblems,
} from "../support/truth-report";

/*
 * Acceptance: the real `chitieu consolidate` on a generated province where every rule of
 * docs/RULES.md is planted, against the truth computed from the plantings (generator). Each
 * failure names the unit, indicator, file and cell that differ.
 */

interface Run {
  dir: string;
  truth: Truth;
  before: Record<string, string>;
  first: CliRun;
  report: Report;
}

function consolidate(cwd: string, submissions: string, roster: string, out: string, json: string): CliRun {
  return runCli(
    [
      "consolidate",
      submissions,
      "--roster",
      roster,
      "--template",
      "ktxh-xa",
      "--period",
      "2026",
      "--due",
      "2026-12-15",
      "--out",
      out,
      "--json",
      json,
    ],
    cwd,
  );
}

/** Hashes of every input: the submissions folder and the roster. */
function inputs(dir: string): Record<string, string> {
  return { ...hashTree(path.join(dir, "bao-cao")), "../r.csv": hashTree(dir)["r.csv"] as string };
}

describe("chitieu consolidate against the truth of a province with every fault planted", () => {
  let run: Run;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chitieu-truth-"));
    const generated = await generateProvince(faultProvinceSpec().spec);
    writeProvince(dir, generated, "bao-cao", "r.csv");
    const before = inputs(dir);
    const first = consolidate(dir, "bao-cao", "r.csv", "s.xlsx", "r.json");
    const report = existsSync(path.join(dir, "r.json"))
      ? (JSON.parse(readFileSync(path.join(dir, "r.json"), "utf8")) as Report)
      : ({} as Report);
    run = { dir, truth: generated.truth, before, first, report };
  });

  it("exits 0 and writes the summary and the report", () => {
    expect(run.first.stderr).toBe("");
    expect(run.first.status).toBe(0);
    expect(existsSync(path.join(run.dir, "s.xlsx"))).toBe(true);
    expect(headerProblems(run.truth, run.report)).toEqual([]);
  });

  it("raises every planted issue where it was planted, and nothing else", () => {
    expect(issueProblems(run.truth, run.report)).toEqual([]);
  });

  it("gives each unit its status and the file used", () => {
    expect(unitProblems(run.truth, run.report)).toEqual([]);
  });

  it("computes the province figures exactly", () => {
    expect(indicatorProblems(run.truth, run.report)).toEqual([]);
  });

  it("computes the group figures exactly", () => {
    expect(groupProblems(run.truth, run.report)).toEqual([]);
  });

  it("keeps each unit's figures, and none that did not enter", () => {
    expect(perUnitProblems(run.truth, run.report)).toEqual([]);
  });

  it("names the quarters missing from the unit that sent only its first quarter", () => {
    const unit = faultProvinceSpec().units.quarterOnly!;
    expect(run.truth.issues.filter((i) => i.rule === "incomplete-period" && i.unit === unit)).toHaveLength(2);
    const gap = run.report.issues.filter((i) => i.rule === "incomplete-period" && i.unit === unit);
    expect(gap.map((i) => i.severity).sort()).toEqual(["error", "warning"]);
    for (const issue of gap) {
      // Short of the year by the second quarter and the second half, named in both languages.
      expect(issue.message).toMatch(/gửi Quý I\/2026 \(tong-hop-u10-u11\.csv\)/);
      for (const missing of ["2026-Q2", "2026-H2"]) {
        expect(issue.message).toContain(missing);
        expect(issue.messageEn).toContain(missing);
      }
    }
    // Its flows do not enter (revenue), its stocks do (the poverty rate, from its first quarter).
    const figures = run.report.perUnit.filter((p) => p.unit === unit).map((p) => p.indicator);
    expect(figures).not.toContain("THU_NS");
    expect(figures).toContain("HO_NGHEO");
  });

  it("leaves every input as it was", () => {
    expect(inputs(run.dir)).toEqual(run.before);
  });

  it("writes a byte-identical report the second time", () => {
    const second = consolidate(run.dir, "bao-cao", "r.csv", "s2.xlsx", "r2.json");
    expect(second.status).toBe(0);
    const a = readFileSync(path.join(run.dir, "r.json"));
    const b = readFileSync(path.join(run.dir, "r2.json"));
    expect(Buffer.compare(a, b)).toBe(0);
  });
});

describe("chitieu consolidate on the shipped samples", () => {
  it.each(["son-la", "son-la/de-an-1219"])("reports what samples/%s/expected.json says", (where) => {
    const dir = mkdtempSync(path.join(tmpdir(), "chitieu-sample-"));
    const sample = path.join(ROOT, "samples", ...where.split("/"));
    const truth = JSON.parse(readFileSync(path.join(sample, "expected.json"), "utf8")) as Truth;
    const before = hashTree(path.join(sample, "bao-cao"));
    const r = runCli([
      "consolidate",
      path.join(sample, "bao-cao"),
      "--roster",
      path.join(sample, "roster.csv"),
      "--template",
      truth.run.template,
      "--period",
      truth.run.period,
      "--due",
      truth.run.due as string,
      "--out",
      path.join(dir, "son-la.xlsx"),
      "--json",
      path.join(dir, "son-la.json"),
    ]);
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, "son-la.json"), "utf8")) as Report;
    expect([
      ...headerProblems(truth, report),
      ...issueProblems(truth, report),
      ...unitProblems(truth, report),
      ...indicatorProblems(truth, report),
      ...groupProblems(truth, report),
      ...perUnitProblems(truth, report),
    ]).toEqual([]);
    expect(hashTree(path.join(sample, "bao-cao"))).toEqual(before);
  });
});
