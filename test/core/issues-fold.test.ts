import { countIssues, FOLD_AFTER, foldIssues, IssueList } from "../../src/core/issues-fold";
import { makeIssue, type Issue } from "../../src/core/issues";

/*
 * FORMATS.md §8: past 50 issues of one rule in one file, the rest fold into one issue of that rule
 * whose `count` says how many it stands for. What stays is decided by the report's order, so the
 * folded list is the same whatever order the issues were found in, and folding where a submission
 * is read and again for the run keeps exactly what folding once does.
 */

function notANumber(file: string, line: number, unit = "04240"): Issue {
  return makeIssue(
    "error",
    "not-a-number",
    {
      vi: `DAN_SO – Thực hiện: "x${line}" không phải là số`,
      en: `DAN_SO – Value: "x${line}" is not a number`,
    },
    { file, line, unit, indicator: "DAN_SO" },
  );
}

/** A seeded shuffle (LCG), so a failure can be replayed. */
function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe("folding issues", () => {
  const many = Array.from({ length: 1_000 }, (_, i) => notANumber("quoc-gia.csv", i + 2));

  it("keeps the first 50 of a rule in a file and folds the rest into one issue with their count", () => {
    const folded = foldIssues(many);
    expect(folded).toHaveLength(FOLD_AFTER + 1);
    expect(folded.slice(0, FOLD_AFTER)).toEqual(many.slice(0, FOLD_AFTER));
    const fold = folded[FOLD_AFTER] as Issue;
    expect(fold).toMatchObject({
      severity: "error",
      rule: "not-a-number",
      file: "quoc-gia.csv",
      line: 52,
      count: 950,
    });
    expect(fold.unit).toBeUndefined();
    expect(fold.message).toBe(
      'Còn 950 vấn đề "not-a-number" khác trong tệp này, từ dòng 52: mỗi loại vấn đề chỉ được liệt kê riêng 50 trường hợp đầu tiên trong một tệp',
    );
    expect(fold.messageEn).toBe(
      '950 more "not-a-number" issues in this file, from line 52: only the first 50 of each kind are listed one by one in a file',
    );
    expect(countIssues(folded)).toEqual({ errors: 1_000, warnings: 0 });
  });

  it("gives the same list whatever order the issues come in", () => {
    const once = foldIssues(many);
    for (const seed of [1, 2, 3]) expect(foldIssues(shuffled(many, seed))).toEqual(once);
  });

  it("folds in two steps exactly as in one (a submission's issues, then the run's)", () => {
    const chunks = [many.slice(0, 300), many.slice(300, 320), many.slice(320)];
    const twice = foldIssues(shuffled(chunks, 9).flatMap((chunk) => foldIssues(shuffled(chunk, 4))));
    expect(twice).toEqual(foldIssues(many));
  });

  it("folds each rule of each file on its own, and never an issue without a file", () => {
    const other = Array.from({ length: 60 }, (_, i) => notANumber("khac.csv", i + 2));
    const missing = Array.from({ length: 80 }, (_, i) =>
      makeIssue(
        "warning",
        "missing-submission",
        { vi: `Xã ${i} chưa nộp`, en: `Commune ${i} has not reported` },
        { unit: String(10_000 + i) },
      ),
    );
    const folded = foldIssues([...many.slice(0, 40), ...other, ...missing]);
    const byFile = (f: string | undefined): Issue[] => folded.filter((i) => i.file === f);
    expect(byFile("quoc-gia.csv")).toHaveLength(40);
    expect(byFile("khac.csv")).toHaveLength(51);
    expect(byFile("khac.csv").find((i) => i.count !== undefined)?.count).toBe(10);
    expect(byFile(undefined)).toHaveLength(80);
  });

  it("leaves an ordinary list as it was, in the report's order", () => {
    const few = shuffled(many.slice(0, FOLD_AFTER), 5);
    expect(foldIssues(few)).toEqual(many.slice(0, FOLD_AFTER));
  });

  it("says when an issue would only be counted, so its message need not be made", () => {
    const list = new IssueList();
    for (const i of many) list.push(i);
    expect(list.folds(notANumber("quoc-gia.csv", 5_000))).toBe(true);
    expect(list.folds(notANumber("quoc-gia.csv", 1))).toBe(false);
    expect(list.folds(notANumber("khac.csv", 5_000))).toBe(false);
  });

  it("counts a folded mix of errors and warnings as the worst, in one issue", () => {
    const mixed = Array.from({ length: 70 }, (_, i) =>
      makeIssue(
        i % 2 ? "warning" : "error",
        "duplicate-row",
        { vi: "Chỉ tiêu DAN_SO ghi hai lần", en: "Indicator DAN_SO appears twice" },
        { file: "a.xlsx", sheet: "Chỉ tiêu", cell: `A${i + 10}`, unit: "04240", indicator: "DAN_SO" },
      ),
    );
    const folded = foldIssues(mixed);
    expect(folded).toHaveLength(51);
    expect(folded[50]).toMatchObject({ severity: "error", count: 20, sheet: "Chỉ tiêu", cell: "A60" });
    expect(folded[50]?.message).toContain("từ ô A60 trang Chỉ tiêu");
  });
});
