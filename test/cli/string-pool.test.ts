import { StringPool } from "../../src/cli/string-pool";

describe("StringPool", () => {
  it("leaves every value as it was: only which copy of a string is held changes", () => {
    const make = (): unknown => ({
      file: "a/b.xlsx",
      submissions: [
        {
          raw: { rows: [{ code: "HO_NGHEO", codeAt: { file: "a/b.xlsx", sheet: "Chỉ tiêu", cell: "B12" } }] },
          meta: { unit: "04240", period: { code: "2026", endYear: 2026 }, missing: null, ok: true },
        },
      ],
      issues: [],
      list: ["x", "y", 3, ["z"]],
      bytes: new Uint8Array([1, 2, 3]),
    });
    const pool = new StringPool();
    const a = pool.share(make());
    const b = pool.share(make());
    expect(a).toEqual(make());
    expect(b).toEqual(make());
  });

  it("stops on a cycle instead of running forever", () => {
    const o: Record<string, unknown> = { name: "x" };
    o.self = o;
    expect(new StringPool().share(o)).toBe(o);
  });
});
