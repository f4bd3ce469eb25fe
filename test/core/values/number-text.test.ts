import { formatNumber } from "../../../src/core/number-text";

describe("numbers written for people", () => {
  it.each([
    [215000, 0, "215.000", "215,000"],
    [215000, 4, "215.000", "215,000"],
    [1922.9, 4, "1.922,9", "1,922.9"],
    [2.5, 2, "2,5", "2.5"],
    [0.1 + 0.2, 4, "0,3", "0.3"],
    [-8453, 0, "-8.453", "-8,453"],
    [100, 2, "100", "100"],
    [0, 2, "0", "0"],
  ])("%d with up to %d decimals: %s / %s", (x, d, vi, en) => {
    expect(formatNumber(x, "vi", d)).toBe(vi);
    expect(formatNumber(x, "en", d)).toBe(en);
  });
});
