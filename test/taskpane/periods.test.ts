import { parsePeriod } from "../../src/core/periods";
import {
  filterChoices,
  periodChoices,
  periodLabel,
  periodPhrase,
  PHASES,
  readPeriodInput,
} from "../../src/taskpane/periods";

describe("the periods the pane offers", () => {
  it("offers quarters, halves, nine months and years of last, this and next year, then the phases", () => {
    const choices = periodChoices(2026, "vi");
    const codes = choices.map((c) => c.code);
    for (const y of [2025, 2026, 2027]) {
      for (const code of [
        `${y}-Q1`,
        `${y}-Q2`,
        `${y}-Q3`,
        `${y}-Q4`,
        `${y}-H1`,
        `${y}-H2`,
        `${y}-9M`,
        `${y}`,
      ])
        expect(codes).toContain(code);
    }
    expect(codes).not.toContain("2024");
    expect(codes).not.toContain("2028-Q1");
    expect(codes.filter((c) => /^\d{4}-\d{4}$/.test(c))).toEqual([
      "2021-2025",
      "2026-2027",
      "2026-2030",
      "2028-2030",
    ]);
    expect(codes).toHaveLength(12 + 6 + 3 + 3 + PHASES.length);
    // Grouped: every quarter before every half, nine months, year and phase.
    expect(choices.map((c) => c.kind).filter((k, i, a) => a.indexOf(k) === i)).toEqual([
      "quarter",
      "half",
      "9m",
      "year",
      "phase",
    ]);
    // Every value is canonical: read back to itself.
    for (const c of choices) expect(parsePeriod(c.code)?.code).toBe(c.code);
  });

  it.each([
    ["2026-Q1", "Quý I/2026", "Q1 2026"],
    ["2026-Q3", "Quý III/2026", "Q3 2026"],
    ["2026-H1", "6 tháng đầu năm 2026", "First half of 2026"],
    ["2026-H2", "6 tháng cuối năm 2026", "Second half of 2026"],
    ["2026-9M", "9 tháng năm 2026", "Nine months of 2026"],
    ["2026", "Năm 2026", "2026"],
    ["2026-2030", "Giai đoạn 2026–2030", "Phase 2026–2030"],
  ])("labels %s as “%s” (English: “%s”) and reads either label back to it", (code, vi, en) => {
    const p = parsePeriod(code)!;
    expect(periodLabel(p, "vi")).toBe(vi);
    expect(periodLabel(p, "en")).toBe(en);
    expect(periodChoices(2026, "vi").find((c) => c.code === code)?.label).toBe(vi);
    expect(periodChoices(2026, "en").find((c) => c.code === code)?.label).toBe(en);
    expect(readPeriodInput(vi)?.code).toBe(code);
    expect(readPeriodInput(en)?.code).toBe(code);
    expect(readPeriodInput(` ${code.toLowerCase()} `)?.code).toBe(code);
  });

  it("reads every canonical period and the Vietnamese forms typed by hand, refuses what is no period", () => {
    for (const code of ["2028", "2019-Q4", "2030-H2", "2031-9M", "2026-M07", "2021-2030"])
      expect(readPeriodInput(code)?.code).toBe(code);
    expect(readPeriodInput("Quý 3 năm 2026")?.code).toBe("2026-Q3");
    expect(readPeriodInput("6 thang dau nam 2026")?.code).toBe("2026-H1");
    expect(readPeriodInput("Tháng 7/2026")?.code).toBe("2026-M07");
    expect(readPeriodInput("2026–2027")?.code).toBe("2026-2027");
    for (const bad of ["", "  ", "2027-2026", "2026-Q5", "năm ngoái", "2026-H3", "26"])
      expect([bad, readPeriodInput(bad)]).toEqual([bad, undefined]);
  });

  it("narrows the list to a template's kinds, phases always offered", () => {
    const kinds = new Set(periodChoices(2026, "vi", ["year"]).map((c) => c.kind));
    expect([...kinds]).toEqual(["year", "phase"]);
  });

  it("filters by what is typed, diacritics and case ignored; shows all for a chosen label", () => {
    const choices = periodChoices(2026, "vi");
    expect(filterChoices(choices, "").length).toBe(choices.length);
    expect(filterChoices(choices, "6 thang dau").map((c) => c.code)).toEqual([
      "2025-H1",
      "2026-H1",
      "2027-H1",
    ]);
    expect(filterChoices(choices, "giai đoạn 2026").map((c) => c.code)).toEqual(["2026-2027", "2026-2030"]);
    expect(filterChoices(choices, "2026-q").map((c) => c.code)).toEqual([
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
    ]);
    expect(filterChoices(choices, "Quý I/2026").length).toBe(choices.length);
  });

  it("says the previous period inside a sentence", () => {
    expect(periodPhrase("2027", "vi")).toBe("năm 2027");
    expect(periodPhrase("2026-Q1", "vi")).toBe("quý I/2026");
    expect(periodPhrase("2026-H1", "vi")).toBe("6 tháng đầu năm 2026");
    expect(periodPhrase("2026-2027", "vi")).toBe("giai đoạn 2026–2027");
    expect(periodPhrase("2027", "en")).toBe("2027");
    expect(periodPhrase("2026-Q1", "en")).toBe("Q1 2026");
    expect(periodPhrase("2026-H1", "en")).toBe("first half of 2026");
  });
});
