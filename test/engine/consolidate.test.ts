import { findTemplate } from "../../src/core/catalog/templates";
import { reportJson, reportJsonPieces } from "../../src/core/json-report/build";
import { rosterFromGrid } from "../../src/core/roster/roster-grid";
import { parsePeriod } from "../../src/core/periods";
import type { Roster } from "../../src/core/roster/roster";
import type { Report } from "../../src/core/json-report/types";
import { csvTextToGrid } from "../../src/io/csv-reader";
import { consolidateParsed, parseFile, type InputFile } from "../../src/engine/pipeline";

const enc = new TextEncoder();

function roster(csv: string): Roster {
  const r = rosterFromGrid(csvTextToGrid(csv, "roster.csv", ","));
  if ("error" in r) throw new Error(r.error.en);
  return r.roster;
}

/** A long CSV (FORMATS.md §2) for one unit: rows of [code, tu_so, mau_so, thuc_hien]. */
function csvOf(
  unit: string,
  rows: [string, string, string, string][],
  extra: { period?: string; date?: string; template?: string } = {},
): string {
  const head = "ma_don_vi,ky_bao_cao,mau_bieu,ngay_bao_cao,ma_chi_tieu,tu_so,mau_so,thuc_hien";
  const lines = rows.map(
    ([code, n, d, v]) =>
      `${unit},${extra.period ?? "2026"},${extra.template ?? "ktxh-xa@1"},${extra.date ?? "2026-12-10"},${code},"${n}","${d}","${v}"`,
  );
  return [head, ...lines].join("\n") + "\n";
}

function file(path: string, text: string): InputFile {
  return { path, bytes: enc.encode(text) };
}

function run(files: InputFile[], r?: Roster, due?: string): Report {
  return consolidateParsed(
    files.map((f) => parseFile(f)),
    {
      template: findTemplate("ktxh-xa")!,
      period: parsePeriod("2026")!,
      ...(r ? { roster: r } : {}),
      ...(due ? { due } : {}),
    },
  ).report;
}

const ROSTER = roster(
  [
    "ma_don_vi,ten_don_vi,cap,ma_cha,nhom",
    "14,Tỉnh Sơn La,tinh,,",
    "04240,Xã Mường Lèo,xa,14,bien-gioi",
    "04231,Xã Sốp Cộp,xa,14,bien-gioi",
    "04204,Xã Chiềng Khoong,xa,14,",
  ].join("\n"),
);

describe("province figures", () => {
  it("weights a rate by its denominators, never averages percentages", () => {
    const report = run(
      [
        file("a.csv", csvOf("04240", [["HO_NGHEO", "10", "100", ""]])),
        file("b.csv", csvOf("04231", [["HO_NGHEO", "300", "1.000", ""]])),
      ],
      ROSTER,
    );
    const f = report.indicators.find((i) => i.code === "HO_NGHEO")!;
    expect(f.numerator).toBe(310);
    expect(f.denominator).toBe(1100);
    expect(f.value).toBeCloseTo((100 * 310) / 1100, 12);
    expect(f.value).not.toBeCloseTo(20, 1); // the mean of 10 % and 30 %
    expect(f.reporting).toBe(2);
    expect(f.expected).toBe(3);
  });

  it("adds counts and amounts exactly, and averages scores keeping Σ and n", () => {
    const report = run(
      [
        file(
          "a.csv",
          csvOf("04240", [
            ["THU_NS", "", "", "1.922,9"],
            ["NTM_TIEU_CHI", "", "", "7"],
          ]),
        ),
        file(
          "b.csv",
          csvOf("04231", [
            ["THU_NS", "", "", "0,1"],
            ["NTM_TIEU_CHI", "", "", "10"],
          ]),
        ),
        file(
          "c.csv",
          csvOf("04204", [
            ["THU_NS", "", "", "0,2"],
            ["NTM_TIEU_CHI", "", "", "9"],
          ]),
        ),
      ],
      ROSTER,
    );
    const ns = report.indicators.find((i) => i.code === "THU_NS")!;
    expect(ns.value).toBe(1923.2); // exactly, not 1923.2000000000003
    const ntm = report.indicators.find((i) => i.code === "NTM_TIEU_CHI")!;
    expect(ntm).toMatchObject({ numerator: 26, denominator: 3 });
    expect(ntm.value).toBeCloseTo(26 / 3, 12);
  });

  it("subtotals the roster's groups exactly like the scope", () => {
    const report = run(
      [
        file("a.csv", csvOf("04240", [["BHYT", "900", "1.000", ""]])),
        file("b.csv", csvOf("04231", [["BHYT", "450", "500", ""]])),
        file("c.csv", csvOf("04204", [["BHYT", "100", "400", ""]])),
      ],
      ROSTER,
    );
    const g = report.groups.find((x) => x.group === "bien-gioi" && x.indicator === "BHYT")!;
    expect(g).toMatchObject({ numerator: 1350, denominator: 1500, reporting: 2, expected: 2 });
    expect(g.value).toBeCloseTo(90, 12);
  });

  it("does not depend on the order of the files, to the byte", () => {
    const files = [
      file("a.csv", csvOf("04240", [["HO_NGHEO", "0,1", "3", ""]])),
      file("b.csv", csvOf("04231", [["HO_NGHEO", "0,2", "3", ""]])),
      file("c.csv", csvOf("04204", [["HO_NGHEO", "0,3", "3", ""]])),
    ];
    expect(reportJson(run(files, ROSTER))).toBe(reportJson(run([...files].reverse(), ROSTER)));
  });

  it("writes the JSON in pieces that join into exactly the same text", () => {
    const files = [
      file(
        "a.csv",
        csvOf("04240", [
          ["HO_NGHEO", "12", "40", ""],
          ["XKLD", "", "", "không rõ"],
        ]),
      ),
      file("b.csv", csvOf("99999", [["HO_NGHEO", "0,2", "3", ""]])),
    ];
    const report = run(files, ROSTER);
    expect(report.issues.length).toBeGreaterThan(0);
    expect(report.perUnit.length).toBeGreaterThan(0);
    const empty = { ...report, units: [], perUnit: [], groups: [], issues: [] };
    // Long lists are written a few thousand entries at a time: the seams must not show.
    const long = {
      ...report,
      perUnit: Array.from({ length: 5000 }, (_, i) => ({
        ...report.perUnit[0]!,
        unit: `U${i}`,
        value: i / 3,
      })),
    };
    for (const r of [report, empty, long]) expect([...reportJsonPieces(r)].join("")).toBe(reportJson(r));
    expect([...reportJsonPieces(long)].length).toBeGreaterThan(3);
  });
});

describe("who reported", () => {
  it("names missing, late, unknown and rejected units", () => {
    const report = run(
      [
        file("ml.csv", csvOf("04240", [["BHYT", "9", "10", ""]], { date: "2026-12-20" })),
        file("x.csv", csvOf("99999", [["BHYT", "9", "10", ""]])),
        file("sc.csv", csvOf("04231", [["BHYT", "9", "10", ""]], { period: "2025" })),
      ],
      ROSTER,
      "2026-12-15",
    );
    const status = Object.fromEntries(report.units.map((u) => [u.code, u.status]));
    expect(status).toEqual({ "04240": "late", "04231": "rejected", "04204": "missing", "99999": "unknown" });
    // Each CSV holds one indicator; the others are rightly missing and not what this test is about.
    const rules = report.issues
      .filter((i) => i.rule !== "missing-indicator")
      .map((i) => `${i.rule}:${i.unit}`)
      .sort();
    expect(rules).toEqual([
      "late:04240",
      "missing-submission:04204",
      "unknown-unit:99999",
      "wrong-period:04231",
    ]);
    const late = report.issues.find((i) => i.rule === "late")!;
    expect(late).toMatchObject({ severity: "warning", file: "ml.csv", line: 2 });
    expect(report.indicators.find((i) => i.code === "BHYT")!.reporting).toBe(1);
  });

  it("uses the later of two dated submissions and neither of two undated ones", () => {
    const dated = run(
      [
        file("ml-1.csv", csvOf("04240", [["BHYT", "1", "10", ""]], { date: "2026-12-01" })),
        file("ml-2.csv", csvOf("04240", [["BHYT", "9", "10", ""]], { date: "2026-12-05" })),
      ],
      ROSTER,
    );
    expect(dated.units.find((u) => u.code === "04240")).toMatchObject({ status: "ok", file: "ml-2.csv" });
    expect(dated.indicators.find((i) => i.code === "BHYT")!.value).toBeCloseTo(90, 12);
    expect(dated.issues.filter((i) => i.rule === "duplicate-submission")).toEqual([
      expect.objectContaining({ severity: "warning", file: "ml-1.csv", unit: "04240" }),
    ]);

    const undated = run(
      [
        file("ml-1.csv", csvOf("04240", [["BHYT", "1", "10", ""]], { date: "" })),
        file("ml-2.csv", csvOf("04240", [["BHYT", "9", "10", ""]], { date: "" })),
      ],
      ROSTER,
    );
    expect(undated.units.find((u) => u.code === "04240")!.status).toBe("duplicate");
    expect(undated.indicators.find((i) => i.code === "BHYT")!.value).toBeNull();
    expect(
      undated.issues.filter((i) => i.rule === "duplicate-submission").map((i) => [i.severity, i.file]),
    ).toEqual([
      ["error", "ml-1.csv"],
      ["error", "ml-2.csv"],
    ]);
  });
});

describe("a submission sent twice (FORMATS §3a)", () => {
  const BHYT = (n: string): [string, string, string, string][] => [
    ["BHYT", n, "10", ""],
    ["THU_NS", "", "", "1.922,9"],
  ];

  it("uses a file sent twice once, with one warning naming both files", () => {
    const text = csvOf("04240", BHYT("9"), { date: "" });
    const report = run([file("ml.csv", text), file("ml (1).csv", text)], ROSTER);
    const unit = report.units.find((u) => u.code === "04240")!;
    expect(unit).toMatchObject({ status: "ok", file: "ml.csv", files: ["ml (1).csv", "ml.csv"] });
    const bhyt = report.indicators.find((i) => i.code === "BHYT")!;
    expect(bhyt).toMatchObject({ numerator: 9, denominator: 10, reporting: 1 });
    expect(report.indicators.find((i) => i.code === "THU_NS")!.value).toBe(1922.9); // not 3845.8
    const dup = report.issues.filter((i) => i.rule === "duplicate-submission");
    expect(dup).toEqual([
      expect.objectContaining({ severity: "warning", file: "ml (1).csv", unit: "04240" }),
    ]);
    expect(dup[0]!.message).toContain("ml.csv");
    expect(dup[0]!.message).toContain("ml (1).csv");
    expect(dup[0]!.messageEn).toContain("ml (1).csv");
    // The copy's rows are not named a second time: every other issue of the unit is the used file's.
    const others = report.issues.filter((i) => i.unit === "04240" && i.rule !== "duplicate-submission");
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((i) => i.file === "ml.csv")).toBe(true);
  });

  it("takes a re-saved copy (other notes, numbers written otherwise) as the same submission", () => {
    const head = "ma_don_vi,ky_bao_cao,mau_bieu,ma_chi_tieu,tu_so,mau_so,thuc_hien,ghi_chu";
    const first = [head, '04240,2026,ktxh-xa@1,BHYT,9,10,"90%",', '04240,2026,ktxh-xa@1,THU_NS,,,"1.922,9",'];
    const again = [
      head,
      '04240,2026,ktxh-xa@1,BHYT,9,10,,"đã sửa ghi chú"',
      '04240,2026,ktxh-xa@1,THU_NS,,,"1922,90",',
    ];
    const report = run([file("a.csv", first.join("\n")), file("b.csv", again.join("\n"))], ROSTER);
    expect(report.units.find((u) => u.code === "04240")).toMatchObject({ status: "ok", file: "a.csv" });
    expect(report.indicators.find((i) => i.code === "BHYT")!.reporting).toBe(1);
    expect(report.issues.filter((i) => i.rule === "duplicate-submission")).toEqual([
      expect.objectContaining({ severity: "warning", file: "b.csv" }),
    ]);
  });

  it("is late only as its copy used is, and uses the later signed of two identical copies", () => {
    const report = run(
      [
        file("a.csv", csvOf("04240", BHYT("9"), { date: "2026-12-20" })),
        file("b.csv", csvOf("04240", BHYT("9"), { date: "2026-12-10" })),
      ],
      ROSTER,
      "2026-12-15",
    );
    expect(report.units.find((u) => u.code === "04240")).toMatchObject({ status: "late", file: "a.csv" });
    expect(report.issues.filter((i) => i.rule === "duplicate-submission")).toEqual([
      expect.objectContaining({ severity: "warning", file: "b.csv", line: 2 }),
    ]);
  });

  it("keeps different undated figures out, a third identical copy included", () => {
    const same = csvOf("04240", BHYT("9"), { date: "" });
    const report = run(
      [file("a.csv", same), file("b.csv", same), file("c.csv", csvOf("04240", BHYT("8"), { date: "" }))],
      ROSTER,
    );
    expect(report.units.find((u) => u.code === "04240")!.status).toBe("duplicate");
    expect(report.indicators.find((i) => i.code === "BHYT")!.value).toBeNull();
    expect(
      report.issues.filter((i) => i.rule === "duplicate-submission").map((i) => [i.severity, i.file]),
    ).toEqual([
      ["error", "a.csv"],
      ["error", "b.csv"],
      ["error", "c.csv"],
    ]);
  });

  it("collapses identical copies, then lets the dates decide among what remains", () => {
    const report = run(
      [
        file("a.csv", csvOf("04240", BHYT("9"), { date: "2026-12-05" })),
        file("b.csv", csvOf("04240", BHYT("9"), { date: "" })),
        file("c.csv", csvOf("04240", BHYT("8"), { date: "2026-12-01" })),
      ],
      ROSTER,
    );
    expect(report.units.find((u) => u.code === "04240")).toMatchObject({ status: "ok", file: "a.csv" });
    expect(report.indicators.find((i) => i.code === "BHYT")!.numerator).toBe(9);
    const dup = report.issues.filter((i) => i.rule === "duplicate-submission");
    expect(dup.map((i) => [i.severity, i.file])).toEqual([
      ["warning", "b.csv"],
      ["warning", "c.csv"],
    ]);
    expect(dup[0]!.message).toMatch(/a\.csv/);
  });

  it("does not depend on the order of the copies", () => {
    const text = csvOf("04240", BHYT("9"), { date: "" });
    const files = [file("x/ml.csv", text), file("ml.csv", text), file("z.csv", text)];
    expect(reportJson(run(files, ROSTER))).toBe(reportJson(run([...files].reverse(), ROSTER)));
  });
});

describe("template versions (FORMATS §3a)", () => {
  it.each(["ktxh-xa@2", "ktxh-xa@0"])("rejects a submission naming %s, naming the versions known", (tag) => {
    const report = run(
      [file("ml.csv", csvOf("04240", [["BHYT", "9", "10", ""]], { template: tag }))],
      ROSTER,
    );
    expect(report.units.find((u) => u.code === "04240")!.status).toBe("rejected");
    expect(report.indicators.find((i) => i.code === "BHYT")!.reporting).toBe(0);
    const wrong = report.issues.filter((i) => i.rule === "wrong-template");
    expect(wrong).toEqual([
      expect.objectContaining({ severity: "error", file: "ml.csv", line: 2, unit: "04240" }),
    ]);
    expect(wrong[0]!.message).toContain(tag);
    expect(wrong[0]!.message).toContain("ktxh-xa@1");
    expect(wrong[0]!.messageEn).toContain("ktxh-xa@1");
  });

  it("still takes the version known, and a template named without a version", () => {
    for (const tag of ["ktxh-xa@1", "ktxh-xa", "KTXH-XA@1"]) {
      const report = run(
        [file("ml.csv", csvOf("04240", [["BHYT", "9", "10", ""]], { template: tag }))],
        ROSTER,
      );
      expect(report.units.find((u) => u.code === "04240")!.status).toBe("ok");
      expect(report.issues.filter((i) => i.rule === "wrong-template")).toEqual([]);
    }
  });
});

describe("a % written after a figure that is not a rate", () => {
  it("uses the number, with an ambiguous-percent warning on its cell", () => {
    const report = run(
      [
        file(
          "ml.csv",
          csvOf("04240", [
            ["THU_NS", "", "", "47,72%"],
            ["NTM_TIEU_CHI", "", "", "8"],
          ]),
        ),
      ],
      ROSTER,
    );
    expect(report.indicators.find((i) => i.code === "THU_NS")!.value).toBe(47.72);
    const w = report.issues.filter((i) => i.rule === "ambiguous-percent");
    expect(w).toEqual([
      expect.objectContaining({
        severity: "warning",
        unit: "04240",
        indicator: "THU_NS",
        file: "ml.csv",
        line: 2,
      }),
    ]);
    expect(w[0]!.message).toContain("triệu đồng");
    expect(w[0]!.messageEn).toContain("%");
  });

  it("says nothing about a rate's %", () => {
    const report = run([file("ml.csv", csvOf("04240", [["BHYT", "9", "10", "90%"]]))], ROSTER);
    expect(report.issues.filter((i) => i.rule === "ambiguous-percent")).toEqual([]);
  });
});

describe("the period, when none is given", () => {
  const runNoPeriod = (files: InputFile[]): Report =>
    consolidateParsed(
      files.map((f) => parseFile(f)),
      { template: findTemplate("ktxh-xa")!, roster: ROSTER },
    ).report;

  it("on a tie takes the latest and says which periods tied and how to choose another", () => {
    const report = runNoPeriod([
      file("a.csv", csvOf("04240", [["BHYT", "9", "10", ""]], { period: "2026-Q1" })),
      file("b.csv", csvOf("04231", [["BHYT", "9", "10", ""]], { period: "2026-Q2" })),
    ]);
    expect(report.period).toBe("2026-Q2");
    const tie = report.issues.filter((i) => i.rule === "wrong-period" && i.severity === "warning");
    expect(tie).toHaveLength(1);
    expect(tie[0]!.message).toMatch(/2026-Q1 \(1 báo cáo\)/);
    expect(tie[0]!.message).toMatch(/2026-Q2 \(1 báo cáo\)/);
    expect(tie[0]!.message).toMatch(/chọn kỳ báo cáo/);
    expect(tie[0]!.messageEn).toMatch(/2026-Q2/);
    expect(tie[0]!.messageEn).toMatch(/give the period/);
  });

  it("says nothing when one period has more submissions", () => {
    const report = runNoPeriod([
      file("a.csv", csvOf("04240", [["BHYT", "9", "10", ""]], { period: "2026-Q1" })),
      file("b.csv", csvOf("04231", [["BHYT", "9", "10", ""]], { period: "2026-Q1" })),
      file("c.csv", csvOf("04204", [["BHYT", "9", "10", ""]], { period: "2026-Q2" })),
    ]);
    expect(report.period).toBe("2026-Q1");
    expect(report.issues.filter((i) => i.rule === "wrong-period" && i.severity === "warning")).toEqual([]);
  });
});
