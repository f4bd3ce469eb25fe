import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Report } from "../../src/core/json-report/types";
import { frontH1Expected, frontH1Spec, type FrontH1Expected } from "../../generator";
import { ROOT, runCli } from "../support/cli";

/*
 * The sample province's Front programme (seed 002) for the first half of 2026: communes sending two
 * quarters, the half, or only the first quarter. `npm run demo` makes the six-month report of
 * quarters; its figures are the oracle's, computed from the true figures the generator planted.
 */

const committed = JSON.parse(
  readFileSync(path.join(ROOT, "samples", "son-la", "mttq-2026", "expected-h1.json"), "utf8"),
) as FrontH1Expected;

describe("the Front's six months made of quarters (samples/son-la/mttq-2026)", () => {
  it("has quarters, halves and a gap, and the committed oracle is the generator's", () => {
    const front = frontH1Spec();
    const periods = Object.values(front.pieces).map((list) => list.map((p) => p.period).join("+"));
    expect(new Set(periods)).toEqual(new Set(["2026-Q1+2026-Q2", "2026-H1", "2026-Q1"]));
    expect(frontH1Expected(front)).toEqual(committed);
  });

  it("npm run demo writes the six-month report with the oracle's figures, and its other reports still", () => {
    const out = mkdtempSync(path.join(tmpdir(), "chitieu-demo-front-"));
    const r = runCli(["demo", "--out", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("báo cáo 6 tháng đầu năm 2026 ghép từ các báo cáo quý");
    expect(r.stdout).toMatch(/Thiếu kỳ \/ gap: Xã Xuân Nha \(04057\).*2026-Q2/);
    expect(readdirSync(out)).toEqual(
      expect.arrayContaining([
        "tong-hop-son-la-2026.json",
        "bao-cao-son-la-2026.docx",
        "tong-hop-1219-2026.json",
        "tong-hop-mttq-2026-H1.xlsx",
        "tong-hop-mttq-2026-H1.json",
      ]),
    );
    const report = JSON.parse(readFileSync(path.join(out, "tong-hop-mttq-2026-H1.json"), "utf8")) as Report;
    expect(report.period).toBe("2026-H1");
    for (const e of committed.indicators) {
      const got = report.indicators.find((i) => i.code === e.code)!;
      expect({
        code: e.code,
        reporting: got.reporting,
        numerator: got.numerator,
        denominator: got.denominator,
      }).toEqual({
        code: e.code,
        reporting: e.reporting,
        numerator: e.numerator,
        denominator: e.denominator,
      });
      expect(got.value).toBeCloseTo(e.value!, 9);
    }
    for (const u of committed.units) {
      const got = report.units.find((x) => x.code === u.code)!;
      expect({ code: u.code, sources: got.sources?.map((s) => path.basename(s)) }).toEqual({
        code: u.code,
        sources: u.sources,
      });
      const gap = report.issues.filter((i) => i.rule === "incomplete-period" && i.unit === u.code);
      if (u.missing.length === 0) expect(gap).toEqual([]);
      else for (const m of u.missing) expect(gap[0]!.message).toContain(m);
    }
    expect(report.issues.filter((i) => i.rule === "wrong-period")).toEqual([]);
  });
});
