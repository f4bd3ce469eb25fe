import { getIndicator } from "../../../src/core/catalog/indicators";
import type { PlanRuleKind } from "../../../src/core/catalog/types";
import { assess, type PastValue } from "../../../src/core/plan/assess";
import type { PlanRow } from "../../../src/core/plan/read-plan";
import { parsePeriod } from "../../../src/core/periods";

const row = (indicator: string, period: string, rule: PlanRuleKind, value: number, unit = "14"): PlanRow => ({
  unit,
  indicator,
  period,
  rule,
  value,
  at: { file: "plan.csv", line: 2 },
});

function run(
  code: string,
  figure: number | null,
  year: string,
  rows: PlanRow[],
  previous?: PastValue,
): ReturnType<typeof assess> {
  return assess({
    unit: "14",
    indicator: getIndicator(code),
    figure,
    period: parsePeriod(year)!,
    rows,
    ...(previous ? { previous } : {}),
  });
}

describe("a target for the reporting year: met or missed", () => {
  const higher = [row("BHYT", "2026", "muc_tieu", 95)];
  const lower = [row("HO_NGHEO", "2026", "muc_tieu", 30)];
  it.each([
    ["exactly on the target", "BHYT", higher, 95, "met"],
    ["just above (higher is better)", "BHYT", higher, 95.01, "met"],
    ["just below (higher is better)", "BHYT", higher, 94.99, "missed"],
    ["exactly on the target (lower is better)", "HO_NGHEO", lower, 30, "met"],
    ["just below (lower is better)", "HO_NGHEO", lower, 29.99, "met"],
    ["just above (lower is better)", "HO_NGHEO", lower, 30.01, "missed"],
  ])("%s", (_what, code, rows, figure, status) => {
    const r = run(code as string, figure as number, "2026", rows as PlanRow[]);
    expect(r.status).toBe(status);
    expect(r.target).toBe((rows as PlanRow[])[0]!.value);
    expect(r.issues.map((i) => i.rule)).toEqual(status === "missed" ? ["target-missed"] : []);
  });
});

describe("before the target year: the straight line from the baseline", () => {
  // Baseline 2025: 43.04; target 2030: 28.04 → the line falls 3 points a year: 40.04 in 2026.
  const rows = [row("HO_NGHEO", "2025", "goc", 43.04), row("HO_NGHEO", "2030", "muc_tieu", 28.04)];
  it.each([
    ["exactly on the line", 40.04, "on_track"],
    ["just better than the line", 40.03, "on_track"],
    ["just worse than the line", 40.05, "behind"],
    ["already at the final target", 28.04, "met"],
    ["beyond the final target", 25, "met"],
  ])("%s (lower is better)", (_what, figure, status) => {
    const r = run("HO_NGHEO", figure as number, "2026", rows);
    expect(r.status).toBe(status);
    expect(r.target).toBe(28.04);
    if (status !== "met") expect(r.expected).toBeCloseTo(40.04, 9);
  });

  it("higher is better: the line rises", () => {
    const up = [row("LD_DAO_TAO", "2025", "goc", 30), row("LD_DAO_TAO", "2030", "muc_tieu", 50)];
    expect(run("LD_DAO_TAO", 34, "2026", up).status).toBe("on_track");
    expect(run("LD_DAO_TAO", 33.99, "2026", up).status).toBe("behind");
  });

  it("with no baseline and no pace there is no line to judge by: no status is invented", () => {
    const r = run("LD_DAO_TAO", 30, "2026", [row("LD_DAO_TAO", "2030", "muc_tieu", 50)]);
    expect(r.target).toBe(50);
    expect(r.status).toBe("no_target");
  });
});

describe("floors and ceilings hold whatever the direction", () => {
  it.each([
    ["toi_thieu met exactly", "CHE_PHU_RUNG", "toi_thieu", 47.72, 47.72, "met"],
    ["toi_thieu missed", "CHE_PHU_RUNG", "toi_thieu", 47.72, 47.71, "missed"],
    ["toi_da on a higher-is-better indicator", "BHYT", "toi_da", 100, 100.5, "missed"],
    ["toi_da on a lower-is-better indicator", "HO_NGHEO", "toi_da", 40, 39, "met"],
  ])("%s", (_w, code, rule, value, figure, status) => {
    const r = run(code as string, figure as number, "2027", [
      row(code as string, "2026-2030", rule as PlanRuleKind, value as number),
    ]);
    expect(r.status).toBe(status);
  });
});

describe("pace: at least N points a year", () => {
  const rows = [
    row("HO_NGHEO", "2025", "goc", 43),
    row("HO_NGHEO", "2026-2030", "giam_moi_nam", 3),
    row("HO_NGHEO", "2030", "muc_tieu", 28),
  ];

  it("against the baseline when there is no previous summary", () => {
    const ok = run("HO_NGHEO", 40, "2026", rows);
    expect(ok.pace).toMatchObject({
      from: { year: 2025, value: 43, source: "baseline" },
      change: 3,
      required: 3,
      met: true,
    });
    expect(ok.issues).toEqual([]);
    const slow = run("HO_NGHEO", 40.5, "2026", rows);
    expect(slow.issues.map((i) => i.rule)).toEqual(["pace-missed"]);
    expect(slow.status).toBe("behind");
  });

  it("against last year's figure when a previous summary is given", () => {
    const prev: PastValue = { year: 2026, value: 39, source: "previous" };
    const r = run("HO_NGHEO", 36.5, "2027", rows, prev);
    expect(r.pace).toMatchObject({ from: prev, required: 3, met: false });
    expect(r.pace!.change).toBeCloseTo(2.5, 9);
    expect(r.issues[0]!.rule).toBe("pace-missed");
    expect(r.status).toBe("behind");
  });

  it("flags a pace across the 2027 change of poverty standard", () => {
    const prev: PastValue = { year: 2026, value: 39, source: "previous" };
    const r = run("HO_NGHEO", 37, "2027", rows, prev);
    expect(r.pace!.crossesStandardBreak).toBe(true);
    expect(r.issues[0]!.message).toMatch(/351\/2025/);
    expect(r.issues[0]!.reason).toBe("series-break");
    const within = run("HO_NGHEO", 38, "2028", rows, { year: 2027, value: 41, source: "previous" });
    expect(within.pace!.crossesStandardBreak).toBe(false);
  });

  it("draws the line back from the target when the plan gives only the pace (Mường Lèo)", () => {
    const ml = [
      row("HO_NGHEO", "2030", "muc_tieu", 28.04, "04240"),
      row("HO_NGHEO", "2026-2030", "giam_moi_nam", 3, "04240"),
    ];
    // 28.04 in 2030 and 3 points a year: 40.04 in 2026 is on the line.
    expect(run("HO_NGHEO", 40.04, "2026", ml).status).toBe("on_track");
    expect(run("HO_NGHEO", 41, "2026", ml).status).toBe("behind");
  });
});

describe("Project 1219 phases (seed 001)", () => {
  const rows = [
    row("TTV_TAI_LIEU", "2026-2027", "muc_tieu", 40),
    row("TTV_TAI_LIEU", "2028-2030", "tang_them", 50),
    row("DON_VI_TRANG_BI", "2026-2027", "muc_tieu", 70),
    row("DON_VI_TRANG_BI", "2028-2030", "tang_them", 25),
  ];
  it.each([
    ["phase 1 met at its end", "TTV_TAI_LIEU", "2027", 40, 40, "met"],
    ["phase 1 missed at its end", "TTV_TAI_LIEU", "2027", 39.9, 40, "missed"],
    ["phase 2 is phase 1 plus a further 50", "TTV_TAI_LIEU", "2030", 90, 90, "met"],
    ["phase 2 missed", "TTV_TAI_LIEU", "2030", 89, 90, "missed"],
    ["equipment: 70 then a further 25", "DON_VI_TRANG_BI", "2030", 95, 95, "met"],
    ["mid phase 2, on the line from phase 1's target", "DON_VI_TRANG_BI", "2029", 86.67, 95, "on_track"],
    ["mid phase 2, below the line", "DON_VI_TRANG_BI", "2029", 80, 95, "behind"],
  ])("%s", (_w, code, year, figure, target, status) => {
    const r = run(code as string, figure as number, year as string, rows);
    expect(r.target).toBeCloseTo(target as number, 9);
    expect(r.status).toBe(status);
  });
});

describe("nothing to judge", () => {
  it("no plan rows: no_target; no figure: no_data", () => {
    expect(run("BHYT", 90, "2026", []).status).toBe("no_target");
    expect(run("BHYT", null, "2026", [row("BHYT", "2026", "muc_tieu", 95)]).status).toBe("no_data");
  });
});

describe("a total over the phase (tong_giai_doan): judged on the running total", () => {
  // Mường Lèo's plan: 4 workers sent abroad over 2026–2030 (seed 003); the line to it is 0.8 a year.
  const rows = [row("XKLD", "2026-2030", "tong_giai_doan", 4)];
  const point = (period: string, value: number) => ({ period: parsePeriod(period)!, value });
  const judge = (period: string, figure: number, history: { period: string; value: number }[]) =>
    assess({
      unit: "14",
      indicator: getIndicator("XKLD"),
      figure,
      period: parsePeriod(period)!,
      rows,
      history: history.map((h) => point(h.period, h.value)),
    });

  it.each([
    ["one worker in the first year is on the line (0.8)", "2026", 1, [], "on_track", 1],
    ["none in the first year is behind", "2026", 0, [], "behind", 0],
    [
      "one a year for two years, then none: 2 of the 2.4 due by 2028",
      "2028",
      0,
      [
        ["2026", 1],
        ["2027", 1],
      ],
      "behind",
      2,
    ],
    [
      "the total reached in the third year is met",
      "2028",
      2,
      [
        ["2026", 1],
        ["2027", 1],
      ],
      "met",
      4,
    ],
    [
      "short of it at the phase's end is missed",
      "2030",
      0,
      [
        ["2026", 1],
        ["2027", 1],
        ["2028", 1],
        ["2029", 0],
      ],
      "missed",
      3,
    ],
  ] as [string, string, number, [string, number][], string, number][])(
    "%s",
    (_what, period, figure, history, status, total) => {
      const r = judge(
        period,
        figure,
        history.map(([p, v]) => ({ period: p, value: v })),
      );
      expect(r.status).toBe(status);
      expect(r.target).toBe(4);
      expect(r.phaseTotal?.total).toBe(total);
      expect(r.phaseTotal?.missing).toEqual([]);
    },
  );

  it("never judges a year's figure against the five-year total", () => {
    // 1 worker in 2026 is a quarter of the total: the old reading (a target for 2026) said missed.
    expect(judge("2026", 1, []).status).not.toBe("missed");
  });

  it("counts a month once when the history holds a year and its quarters, and names the years it lacks", () => {
    const r = judge("2029", 1, [
      { period: "2026", value: 1 },
      { period: "2026-Q1", value: 1 },
      { period: "2028", value: 1 },
    ]);
    expect(r.phaseTotal?.total).toBe(3);
    expect(r.phaseTotal?.periods).toEqual(["2026", "2028", "2029"]);
    expect(r.phaseTotal?.missing).toEqual(["2027"]);
    const gap = r.issues.find((i) => i.rule === "history-gap")!;
    expect(gap.message).toMatch(/chưa tính 2027/);
    expect(gap.messageEn).toMatch(/leaves out 2027/);
  });

  it("a quarter is judged against the line's share of the phase up to its end", () => {
    // 3 months of 60: the line stands at 0.2 worker.
    const r = judge("2026-Q1", 0, []);
    expect(r.phaseTotal?.expected).toBeCloseTo(0.2, 9);
    expect(r.status).toBe("behind");
  });
});

describe("a target for part of a year (a quarter's, a half-year's, nine months')", () => {
  // TT_BUOI: sessions, added over the year; BHYT: a rate taken at the period's end.
  it.each([
    ["2026-M03", 10],
    ["2026-Q1", 30],
    ["2026-Q2", 30],
    ["2026-H1", 60],
    ["2026-H2", 60],
    ["2026-9M", 90],
  ])("%s is judged against its own target, a flow included", (period, target) => {
    const rows = [row("TT_BUOI", period, "muc_tieu", target), row("TT_BUOI", "2026", "muc_tieu", 120)];
    const met = run("TT_BUOI", target, period, rows);
    expect([met.status, met.target, met.issues]).toEqual(["met", target, []]);
    const missed = run("TT_BUOI", target - 1, period, rows);
    expect([missed.status, missed.target]).toEqual(["missed", target]);
    expect(missed.issues.map((i) => i.rule)).toEqual(["target-missed"]);
  });

  it("leaves a flow's part of a year unjudged when only the year has a target, as before", () => {
    const r = run("TT_BUOI", 55, "2026-H1", [row("TT_BUOI", "2026", "muc_tieu", 120)]);
    expect([r.status, r.target]).toEqual(["no_target", null]);
  });

  it("never holds a year, nor another part of the year, to a part's target", () => {
    const rows = [
      row("TT_BUOI", "2026-Q1", "muc_tieu", 30),
      row("TT_BUOI", "2026-H1", "muc_tieu", 1000),
      row("TT_BUOI", "2026", "muc_tieu", 120),
    ];
    // The year: 125 sessions against the year's 120, not the quarter's 30 (nor the half's 1000).
    expect(run("TT_BUOI", 125, "2026", rows)).toMatchObject({ status: "met", target: 120 });
    expect(run("TT_BUOI", 119, "2026", rows)).toMatchObject({ status: "missed", target: 120 });
    // The second quarter: no target of its own, and the year's does not hold a flow over a quarter.
    expect(run("TT_BUOI", 5, "2026-Q2", rows)).toMatchObject({ status: "no_target", target: null });
    // Nine months are not the half.
    expect(run("TT_BUOI", 5, "2026-9M", rows)).toMatchObject({ status: "no_target", target: null });
  });

  it("judges a stock against its period's target before the year's line", () => {
    const rows = [
      row("BHYT", "2025", "goc", 90),
      row("BHYT", "2026-Q3", "muc_tieu", 93),
      row("BHYT", "2026", "muc_tieu", 98),
    ];
    // 94 is short of the year's line at the third quarter's end, but reaches the quarter's own target.
    expect(run("BHYT", 94, "2026-Q3", rows)).toMatchObject({ status: "met", target: 93 });
    expect(run("BHYT", 92, "2026-Q3", rows)).toMatchObject({ status: "missed", target: 93 });
    // Another quarter still follows the year's target.
    expect(run("BHYT", 94, "2026-Q2", rows).target).toBe(98);
  });

  it("holds a part's own floor and ceiling, even for a flow", () => {
    const rows = [row("TT_BUOI", "2026-H1", "toi_thieu", 50), row("TT_BUOI", "2026", "toi_thieu", 100)];
    expect(run("TT_BUOI", 55, "2026-H1", rows)).toMatchObject({ status: "met", target: 50 });
    expect(run("TT_BUOI", 45, "2026-H1", rows)).toMatchObject({ status: "missed", target: 50 });
    const ceiling = [row("HO_NGHEO", "2026-Q2", "toi_da", 40)];
    expect(run("HO_NGHEO", 41, "2026-Q2", ceiling)).toMatchObject({ status: "missed", target: 40 });
    expect(run("HO_NGHEO", 41, "2026-Q3", ceiling)).toMatchObject({ status: "no_target", target: null });
  });

  it("gives the period's own target when there is no figure", () => {
    const rows = [row("TT_BUOI", "2026-H1", "muc_tieu", 60), row("TT_BUOI", "2026", "muc_tieu", 120)];
    expect(run("TT_BUOI", null, "2026-H1", rows)).toMatchObject({ status: "no_data", target: 60 });
  });
});
