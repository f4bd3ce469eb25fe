import { getIndicator } from "../../src/core/catalog/indicators";
import { parsePeriod } from "../../src/core/periods";
import type { Report } from "../../src/core/json-report/types";
import { rosterFromGrid } from "../../src/core/roster/roster-grid";
import type { Roster } from "../../src/core/roster/roster";
import { csvTextToGrid } from "../../src/io/csv-reader";
import { consolidateParsed, parseFile, type InputFile } from "../../src/engine/pipeline";
import { rng } from "../support/random-commune";
import {
  FRONT,
  FRONT_CODES,
  oracleProvince,
  oracleUnit,
  pieceCsv,
  randomPiece,
  type PieceFigures,
} from "../support/pieces";

/*
 * Combining periods (FORMATS.md §4a): a unit's figures for a half-year, nine months, a year or a
 * phase from the pieces it sent; flows added, stocks from the latest piece, gaps named, overlaps
 * never counted twice, and the province figure made from the units' as if each had sent one file.
 */

const enc = new TextEncoder();
const SUMS = FRONT_CODES.filter((c) => getIndicator(c).time === "sum");
const LASTS = FRONT_CODES.filter((c) => getIndicator(c).time === "last");

function roster(units: string[]): Roster {
  const csv = ["ma_don_vi,ten_don_vi,cap,ma_cha,nhom", "14,Tỉnh Sơn La,tinh,,"];
  for (const u of units) csv.push(`${u},Xã ${u},xa,14,`);
  const r = rosterFromGrid(csvTextToGrid(csv.join("\n"), "roster.csv", ","));
  if ("error" in r) throw new Error(r.error.en);
  return r.roster;
}

interface Sent {
  unit: string;
  period: string;
  figures: PieceFigures;
  date?: string;
  leaveOut?: string;
  name?: string;
}

function run(period: string, sent: Sent[], units: string[], due?: string): Report {
  const files: InputFile[] = sent.map((s) => ({
    path: s.name ?? `${s.unit}-${s.period}.csv`,
    bytes: enc.encode(
      pieceCsv(s.unit, s.period, s.figures, {
        ...(s.date ? { date: s.date } : {}),
        ...(s.leaveOut ? { leaveOut: s.leaveOut } : {}),
      }),
    ),
  }));
  return consolidateParsed(
    files.map((f) => parseFile(f)),
    { template: FRONT, period: parsePeriod(period)!, roster: roster(units), ...(due ? { due } : {}) },
  ).report;
}

function expectProvince(report: Report, units: PieceFigures[]): void {
  const oracle = oracleProvince(units);
  for (const code of FRONT_CODES) {
    const got = report.indicators.find((i) => i.code === code)!.value;
    if (oracle[code] === null) expect({ code, got }).toEqual({ code, got: null });
    else expect({ code, got: got! }).toEqual({ code, got: expect.closeTo(oracle[code]!, 9) });
  }
}

const perUnit = (report: Report, unit: string, code: string) =>
  report.perUnit.find((p) => p.unit === unit && p.indicator === code);

describe("a six-month report from quarters, months and halves", () => {
  const rand = rng(2026);
  const q1 = randomPiece(rand);
  const q2 = randomPiece(rand);
  const h1 = randomPiece(rand);
  const months = Array.from({ length: 6 }, () => randomPiece(rand));
  const report = run(
    "2026-H1",
    [
      { unit: "A", period: "2026-Q1", figures: q1 },
      { unit: "A", period: "Quý II/2026", figures: q2 },
      { unit: "B", period: "6 tháng đầu năm 2026", figures: h1 },
      ...months.map((m, i) => ({ unit: "C", period: `2026-M0${i + 1}`, figures: m })),
    ],
    ["A", "B", "C"],
  );

  it("adds flows, takes stocks from the latest piece, weighs rates by their parts", () => {
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(report.issues.filter((i) => i.rule === "wrong-period")).toEqual([]);
    expectProvince(report, [oracleUnit([q1, q2]), h1, oracleUnit(months)]);
    for (const code of SUMS) expect(report.indicators.find((i) => i.code === code)!.reporting).toBe(3);
  });

  it("gives each unit's figure as if it had sent one file", () => {
    const a = oracleUnit([q1, q2]);
    for (const code of FRONT_CODES) {
      const f = perUnit(report, "A", code)!;
      if (getIndicator(code).kind === "rate") {
        expect([f.numerator, f.denominator]).toEqual([a[code]!.numerator, a[code]!.denominator]);
      } else expect(f.value).toBe(a[code]!.value);
    }
  });

  it("lists the files each unit's figures came from, oldest first", () => {
    const unit = (c: string) => report.units.find((u) => u.code === c)!;
    expect(unit("A")).toMatchObject({ status: "ok", sources: ["A-2026-Q1.csv", "A-Quý II/2026.csv"] });
    expect(unit("B").sources).toEqual(["B-6 tháng đầu năm 2026.csv"]);
    expect(unit("C").sources).toEqual(months.map((_, i) => `C-2026-M0${i + 1}.csv`));
    expect(unit("C").files).toHaveLength(6);
  });
});

describe("a gap", () => {
  const rand = rng(7);
  const q1 = randomPiece(rand);
  const whole = randomPiece(rand);
  const report = run(
    "2026-H1",
    [
      { unit: "A", period: "2026-Q1", figures: q1 },
      { unit: "B", period: "2026-H1", figures: whole },
    ],
    ["A", "B"],
  );

  it("keeps the flows out (error) and takes the stocks from the latest piece (warning), naming what is missing", () => {
    const gap = report.issues.filter((i) => i.rule === "incomplete-period");
    expect(gap.map((i) => [i.severity, i.unit, i.file])).toEqual([
      ["error", "A", "A-2026-Q1.csv"],
      ["warning", "A", "A-2026-Q1.csv"],
    ]);
    for (const i of gap) {
      expect(i.message).toMatch(/thiếu Quý II\/2026 \(2026-Q2\)/);
      expect(i.messageEn).toMatch(/2026-Q2/);
    }
    for (const code of SUMS) expect(gap[0]!.message).toContain(code);
    for (const code of LASTS) expect(gap[1]!.message).toContain(code);
    // B alone behind the flows; A's latest piece behind the stocks.
    const flows: PieceFigures = {};
    const stocks: PieceFigures = {};
    for (const code of SUMS) flows[code] = whole[code]!;
    for (const code of LASTS) stocks[code] = q1[code]!;
    for (const code of SUMS) {
      expect(report.indicators.find((i) => i.code === code)!.reporting).toBe(1);
      expect(perUnit(report, "A", code)?.value ?? null).toBeNull();
    }
    for (const code of LASTS) expect(report.indicators.find((i) => i.code === code)!.reporting).toBe(2);
    expectProvince(report, [{ ...flows, ...Object.fromEntries(LASTS.map((c) => [c, whole[c]!])) }, stocks]);
  });

  it("lists as sources only the piece the stocks came from: the others' figures do not enter", () => {
    const r2 = run(
      "2026",
      [
        { unit: "A", period: "2026-Q1", figures: q1, date: "2026-12-30" },
        { unit: "A", period: "2026-Q2", figures: whole },
        { unit: "A", period: "2026-Q4", figures: whole },
      ],
      ["A"],
      "2026-12-15",
    );
    const gap = r2.issues.filter((i) => i.rule === "incomplete-period");
    expect(gap.map((i) => [i.severity, i.file])).toEqual([
      ["error", "A-2026-Q4.csv"],
      ["warning", "A-2026-Q4.csv"],
    ]);
    // The pieces sent are still named, in the gap's message; only Q4 is behind the unit's figures.
    expect(gap[0]!.message).toContain("A-2026-Q1.csv");
    expect(gap[0]!.message).toContain("Quý III/2026 (2026-Q3)");
    expect(r2.units[0]).toMatchObject({ status: "ok", sources: ["A-2026-Q4.csv"] });
    // Q1 was signed after --due, but none of its figures entered: the unit is not late for it.
    expect(r2.issues.filter((i) => i.rule === "late")).toEqual([]);
  });

  it("a piece without a figure for a flow: that flow does not enter, the piece named", () => {
    const r2 = run(
      "2026-H1",
      [
        { unit: "A", period: "2026-Q1", figures: q1 },
        { unit: "A", period: "2026-Q2", figures: whole, leaveOut: "TT_BUOI" },
      ],
      ["A"],
    );
    const i = r2.issues.find((x) => x.rule === "incomplete-period")!;
    expect(i).toMatchObject({ severity: "error", unit: "A", indicator: "TT_BUOI", file: "A-2026-Q2.csv" });
    expect(r2.indicators.find((x) => x.code === "TT_BUOI")!.value).toBeNull();
    expect(r2.indicators.find((x) => x.code === "GIAO_LUU")!.value).toBe(
      q1.GIAO_LUU!.value! + whole.GIAO_LUU!.value!,
    );
  });
});

describe("overlapping pieces are never counted twice", () => {
  const rand = rng(99);
  const [h1, q1, q2, q3, q4, n9] = Array.from({ length: 6 }, () => randomPiece(rand)) as PieceFigures[];

  it("the fewest pieces that cover the period are used, the others named", () => {
    const report = run(
      "2026",
      [
        { unit: "A", period: "2026-H1", figures: h1! },
        { unit: "A", period: "2026-Q1", figures: q1! },
        { unit: "A", period: "2026-Q2", figures: q2! },
        { unit: "A", period: "2026-Q3", figures: q3! },
        { unit: "A", period: "2026-Q4", figures: q4! },
      ],
      ["A"],
    );
    expectProvince(report, [oracleUnit([h1!, q3!, q4!])]);
    const left = report.issues.filter((i) => i.rule === "duplicate-submission");
    expect(left.map((i) => i.file).sort()).toEqual(["A-2026-Q1.csv", "A-2026-Q2.csv"]);
    expect(left.every((i) => i.severity === "warning")).toBe(true);
    expect(report.units[0]!.sources).toEqual(["A-2026-H1.csv", "A-2026-Q3.csv", "A-2026-Q4.csv"]);
  });

  it("a unit's own report for the period wins over its pieces", () => {
    const report = run(
      "2026-9M",
      [
        { unit: "A", period: "2026-9M", figures: n9! },
        { unit: "A", period: "2026-H1", figures: h1! },
        { unit: "A", period: "2026-Q3", figures: q3! },
      ],
      ["A"],
    );
    expectProvince(report, [n9!]);
    expect(report.units[0]!.sources).toEqual(["A-2026-9M.csv"]);
    const left = report.issues.filter((i) => i.rule === "duplicate-submission");
    expect(left.map((i) => i.file).sort()).toEqual(["A-2026-H1.csv", "A-2026-Q3.csv"]);
  });

  it("nine months are H1 and Q3; a year, nine months and Q4", () => {
    const nine = run(
      "2026-9M",
      [
        { unit: "A", period: "2026-H1", figures: h1! },
        { unit: "A", period: "2026-Q3", figures: q3! },
      ],
      ["A"],
    );
    expectProvince(nine, [oracleUnit([h1!, q3!])]);
    const year = run(
      "2026",
      [
        { unit: "A", period: "9 tháng năm 2026", figures: n9! },
        { unit: "A", period: "2026-Q4", figures: q4! },
      ],
      ["A"],
    );
    expectProvince(year, [oracleUnit([n9!, q4!])]);
  });

  it("with a gap, the stocks come from the piece ending latest, even one the flows could not use", () => {
    const report = run(
      "2026",
      [
        { unit: "A", period: "2026-9M", figures: n9! },
        { unit: "A", period: "2026-H2", figures: h1! },
      ],
      ["A"],
    );
    const gap = report.issues.filter((i) => i.rule === "incomplete-period");
    expect(gap.map((i) => i.severity)).toEqual(["error", "warning"]);
    expect(gap[0]!.message).toContain("Quý IV/2026 (2026-Q4)");
    expect(gap[1]!.message).toContain("A-2026-H2.csv");
    expect(report.issues.filter((i) => i.rule === "duplicate-submission")).toEqual([]);
    // Only the piece whose figures entered is a source: the flows of 9M do not (FORMATS.md §4a).
    expect(report.units[0]!.sources).toEqual(["A-2026-H2.csv"]);
    for (const code of LASTS) expect(perUnit(report, "A", code)!.value).toBe(h1![code]!.value ?? null);
    for (const code of SUMS) expect(report.indicators.find((i) => i.code === code)!.value).toBeNull();
  });

  it("a phase from its years", () => {
    const report = run(
      "2026-2027",
      [
        { unit: "A", period: "2026", figures: h1! },
        { unit: "A", period: "2027", figures: q1! },
        { unit: "B", period: "2026", figures: q2! },
      ],
      ["A", "B"],
    );
    expect(report.period).toBe("2026-2027");
    const gap = report.issues.filter((i) => i.rule === "incomplete-period" && i.unit === "B");
    expect(gap[0]!.message).toMatch(/Năm 2027 \(2027\)/);
    for (const code of SUMS) expect(report.indicators.find((i) => i.code === code)!.reporting).toBe(1);
    expect(perUnit(report, "A", "TT_BUOI")!.value).toBe(h1!.TT_BUOI!.value! + q1!.TT_BUOI!.value!);
  });
});

describe("what stays as it was", () => {
  const rand = rng(5);
  const [a, b, c] = Array.from({ length: 3 }, () => randomPiece(rand)) as PieceFigures[];

  it("a period neither the run's nor inside it is wrong-period", () => {
    const report = run(
      "2026-H1",
      [
        { unit: "A", period: "2026-Q1", figures: a! },
        { unit: "A", period: "2026-Q2", figures: b! },
        { unit: "A", period: "2026-Q3", figures: c! },
        { unit: "B", period: "2026", figures: c! },
      ],
      ["A", "B"],
    );
    const wrong = report.issues.filter((i) => i.rule === "wrong-period");
    expect(wrong.map((i) => [i.severity, i.unit]).sort()).toEqual([
      ["error", "A"],
      ["error", "B"],
    ]);
    expect(report.units.find((u) => u.code === "B")!.status).toBe("rejected");
    expectProvince(report, [oracleUnit([a!, b!])]);
  });

  it("duplicates are settled per piece, and each piece may be late", () => {
    const report = run(
      "2026-H1",
      [
        { unit: "A", period: "2026-Q1", figures: a!, date: "2026-04-05", name: "q1-old.csv" },
        { unit: "A", period: "2026-Q1", figures: b!, date: "2026-04-09", name: "q1-new.csv" },
        { unit: "A", period: "2026-Q2", figures: c!, date: "2026-07-20", name: "q2.csv" },
      ],
      ["A"],
      "2026-07-15",
    );
    expectProvince(report, [oracleUnit([b!, c!])]);
    const unit = report.units[0]!;
    expect(unit).toMatchObject({ status: "late", sources: ["q1-new.csv", "q2.csv"] });
    expect(unit.files).toEqual(["q1-new.csv", "q1-old.csv", "q2.csv"]);
    expect(report.issues.filter((i) => i.rule === "duplicate-submission").map((i) => i.file)).toEqual([
      "q1-old.csv",
    ]);
    expect(report.issues.filter((i) => i.rule === "late").map((i) => i.file)).toEqual(["q2.csv"]);
  });

  it("a unit that sent one file for the period lists it as its source", () => {
    const report = run("2026", [{ unit: "A", period: "2026", figures: a! }], ["A"]);
    expect(report.units[0]).toMatchObject({ status: "ok", file: "A-2026.csv", sources: ["A-2026.csv"] });
  });
});
