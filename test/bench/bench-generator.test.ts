import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import {
  benchSet,
  communeWorkbook,
  expectedFigures,
  figureDifferences,
  fileName,
  nationalReports,
  rosterText,
} from "../../bench/national";
import { templateIndicatorCodes, findTemplate } from "../../src/core/catalog/templates";
import type { Report } from "../../src/core/json-report/types";
import { runCli } from "../support/cli";

/*
 * `npm run bench` is not part of the tests (nothing here is timed), but what its generator claims
 * is: real communes, every indicator of ktxh-xa filled in, and expected figures (computed from the
 * generated values) that are exactly what `chitieu consolidate` reports. Sixty files, so the run
 * takes the parallel path (worker threads), with an unreadable file among them.
 */

describe("the benchmark's generated workbooks", () => {
  const set = benchSet(60);
  let report: Report;
  let status: number | null;
  let stderr: string;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chitieu-bench-"));
    const sub = path.join(dir, "bao-cao");
    mkdirSync(sub);
    const reports = nationalReports();
    let first: Uint8Array | undefined;
    for (const c of set.communes) {
      const bytes = await communeWorkbook(c, reports.get(c.code)!);
      first ??= bytes;
      writeFileSync(path.join(sub, fileName(c)), bytes);
    }
    // A workbook cut short in transit: named, never used, and the run goes on.
    writeFileSync(path.join(sub, "zz-cut-short.xlsx"), first!.slice(0, 4000));
    writeFileSync(path.join(dir, "roster.csv"), rosterText(set));
    const run = runCli([
      "consolidate",
      sub,
      "--roster",
      path.join(dir, "roster.csv"),
      "--template",
      "ktxh-xa",
      "--period",
      "2026",
      "--out",
      path.join(dir, "out.xlsx"),
      "--json",
      path.join(dir, "out.json"),
    ]);
    status = run.status;
    stderr = run.stderr;
    report = JSON.parse(readFileSync(path.join(dir, "out.json"), "utf8")) as Report;
  });

  it("are real communes of one province under their province", () => {
    expect(status).toBe(0);
    expect(stderr).toBe("");
    expect(report.scope.code).toBe(set.scope.code);
    expect(set.communes.every((c) => c.province === set.scope.code)).toBe(true);
    expect(report.units.filter((u) => u.status === "ok")).toHaveLength(60);
  });

  it("fill every indicator of ktxh-xa without a single error", () => {
    const codes = templateIndicatorCodes(findTemplate("ktxh-xa")!);
    expect(report.perUnit.filter((p) => !("level" in p) || p.level === undefined)).toHaveLength(
      60 * codes.length,
    );
    const errors = report.issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => `${i.rule} ${i.file ?? ""}`)).toEqual(["unreadable-file zz-cut-short.xlsx"]);
  });

  it("come with expected figures that the consolidation reports exactly", () => {
    expect(figureDifferences(expectedFigures(set), report.indicators)).toEqual([]);
  });
});
