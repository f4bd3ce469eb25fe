import { INDICATORS } from "../../../src/core/catalog/indicators";
import type { Bilingual } from "../../../src/core/catalog/types";
import { convertUnit, recogniseUnit } from "../../../src/core/values/units";

const TRIEU: Bilingual = { vi: "triệu đồng", en: "million VND" };
const TAN: Bilingual = { vi: "tấn", en: "tonnes" };
const HA: Bilingual = { vi: "ha", en: "ha" };
const NGUOI: Bilingual = { vi: "người", en: "persons" };
const CON: Bilingual = { vi: "con", en: "head" };
const HO: Bilingual = { vi: "hộ", en: "households" };
const PERCENT: Bilingual = { vi: "%", en: "%" };

describe("recogniseUnit: the ways people write one unit", () => {
  it.each<[string, string[]]>([
    [
      "triệu đồng",
      [
        "triệu đồng",
        "Triệu đồng",
        "TRIỆU ĐỒNG",
        "tr.đ",
        "Tr.đ",
        "trđ",
        "tr đ",
        "Tr.đồng",
        "tr. đồng",
        "triệu VNĐ",
        "Triệu VND",
        "triệu",
        "(triệu đồng)",
        "trieu dong",
        "Trieu Dong",
        "million VND",
        "VND million",
        "mil. VND",
        "  triệu   đồng  ",
        "trie\u0302\u0323u đồng", // decomposed Unicode (macOS, some web forms)
      ],
    ],
    ["tỷ đồng", ["tỷ đồng", "tỉ đồng", "Tỷ VNĐ", "tỷ", "billion VND", "ty dong"]],
    [
      "nghìn đồng",
      ["nghìn đồng", "ngàn đồng", "nghìn đ", "1000đ", "1.000 đồng", "thousand VND", "nghin dong"],
    ],
    ["đồng", ["đồng", "đ", "VNĐ", "VND", "₫", "dong"]],
    ["tấn", ["tấn", "Tấn", "tonnes", "tonne", "tons", "t", "tan"]],
    ["tạ", ["tạ", "quintals"]],
    ["kg", ["kg", "Kg", "kilôgam"]],
    ["nghìn tấn", ["nghìn tấn", "ngàn tấn", "thousand tonnes", "'000 tonnes"]],
    ["ha", ["ha", "Ha", "HA", "ha.", "héc-ta", "héc ta", "hecta", "hectares"]],
    ["km²", ["km²", "km2", "Km2", "km 2"]],
    ["m²", ["m²", "m2", "mét vuông"]],
    ["%", ["%", "(%)", "phần trăm", "percent", "Tỷ lệ (%)"]],
    ["người", ["người", "Người", "nguoi", "persons", "people", "lao động", "nhân khẩu"]],
    ["nghìn người", ["nghìn người", "ngàn người", "1000 người", "thousand persons"]],
    ["hộ", ["hộ", "Hộ", "hộ gia đình", "hộ dân", "HGĐ", "households", "ho"]],
    ["nghìn hộ", ["nghìn hộ"]],
    ["con", ["con", "head"]],
    ["nghìn con", ["nghìn con", "ngàn con"]],
    ["tiêu chí", ["tiêu chí", "Tiêu chí", "TC", "criteria"]],
    ["bản", ["bản", "copies", "villages", "thôn", "tờ", "cuốn"]],
    ["mô hình", ["mô hình", "groups", "tổ", "tổ tự quản"]],
    ["thủ tục", ["thủ tục", "TTHC", "procedures"]],
  ])("%s", (key, writings) => {
    for (const w of writings) expect([w, recogniseUnit(w)?.key]).toEqual([w, key]);
  });

  it.each([
    ["empty", ""],
    ["spaces", "   "],
    ["a local land measure that differs by region", "sào"],
    ["another", "mẫu"],
    ["a word", "cái"],
    ["a rate of yield", "tấn/ha"],
    ["a flow per year", "tấn/năm"],
    // Without diacritics, `tổ` (group) and `tờ` (sheet) are both `to`: neither is guessed.
    ["an ambiguous folded word", "to"],
    ["a scale alone", "nghìn"],
    ["a scale on percent", "nghìn %"],
  ])("unrecognised: %s (%j)", (_what, text) => {
    expect(recogniseUnit(text)).toBeUndefined();
  });

  it("names a scaled unit in both languages", () => {
    expect(recogniseUnit("nghìn người")).toEqual({
      key: "nghìn người",
      dimension: "count:người",
      size: 1000,
      name: { vi: "nghìn người", en: "thousand persons" },
    });
  });
});

describe("recogniseUnit: every unit of the catalog, in both languages", () => {
  const units = new Map<string, Bilingual>();
  for (const i of INDICATORS) {
    for (const u of [i.unit, i.numerator?.unit, i.denominator?.unit]) if (u) units.set(`${u.vi}|${u.en}`, u);
  }

  it.each([...units.values()].map((u) => [u.vi, u.en, u] as const))("%s / %s", (_vi, _en, u) => {
    const vi = recogniseUnit(u.vi);
    expect(vi).toBeDefined();
    expect(recogniseUnit(u.en)?.key).toBe(vi?.key);
    expect(convertUnit(7, u.vi, u)).toEqual({ kind: "same" });
    expect(convertUnit(7, u.en, u)).toEqual({ kind: "same" });
    expect(convertUnit(7, "", u)).toEqual({ kind: "same" });
  });

  it("found the catalog's units (so the table above is not empty)", () => {
    expect(units.size).toBeGreaterThanOrEqual(20);
  });
});

describe("convertUnit", () => {
  it.each<[string, number, string, Bilingual, number, number]>([
    ["tỷ đồng → triệu đồng", 1.9229, "tỷ đồng", TRIEU, 1922.9, 1000],
    ["nghìn đồng → triệu đồng", 1922900, "nghìn đồng", TRIEU, 1922.9, 0.001],
    ["ngàn đồng → triệu đồng", 500, "ngàn đồng", TRIEU, 0.5, 0.001],
    ["đồng → triệu đồng, exactly", 1922900000, "đồng", TRIEU, 1922.9, 0.000001],
    ["VNĐ → triệu đồng", 2118500000, "VNĐ", TRIEU, 2118.5, 0.000001],
    ["nghìn tỷ đồng → triệu đồng", 2, "nghìn tỷ đồng", TRIEU, 2000000, 1000000],
    ["tạ → tấn", 13000, "tạ", TAN, 1300, 0.1],
    ["yến → tấn", 130000, "yến", TAN, 1300, 0.01],
    ["kg → tấn", 1300000, "kg", TAN, 1300, 0.001],
    ["nghìn tấn → tấn", 1.3, "nghìn tấn", TAN, 1300, 1000],
    ["km² → ha", 12.5, "km2", HA, 1250, 100],
    ["m² → ha", 25000, "m²", HA, 2.5, 0.0001],
    ["nghìn ha → ha", 1.2, "nghìn ha", HA, 1200, 1000],
    ["nghìn người → người", 4.2, "nghìn người", NGUOI, 4200, 1000],
    ["nghìn con → con", 8.453, "nghìn con", CON, 8453, 1000],
    ["nghìn hộ → hộ", 13.472, "nghìn hộ", HO, 13472, 1000],
    ["‰ → %", 25, "‰", PERCENT, 2.5, 0.1],
  ])("%s", (_what, value, from, to, converted, factor) => {
    const r = convertUnit(value, from, to);
    expect(r.kind).toBe("converted");
    if (r.kind !== "converted") return;
    expect(r.value).toBe(converted);
    expect(r.factor).toBeCloseTo(factor, 12);
    expect(r.to.key).toBe(recogniseUnit(to.vi)?.key);
  });

  it.each<[string, string | undefined, Bilingual]>([
    ["no unit written", undefined, TRIEU],
    ["an empty unit", "", TRIEU],
    ["blank", "  ", TRIEU],
    ["an abbreviation of the same unit", "tr.đ", TRIEU],
    ["English for the same unit", "million VND", TRIEU],
    ["workers counted as persons", "lao động", NGUOI],
    ["the catalog unit as a plain string", "tấn", TAN],
  ])("same: %s", (_what, from, to) => {
    expect(convertUnit(12, from, to)).toEqual({ kind: "same" });
  });

  it.each<[string, string, Bilingual]>([
    ["households for persons", "hộ", NGUOI],
    ["persons for households", "người", HO],
    ["money for mass", "triệu đồng", TAN],
    ["a percent for a count", "%", CON],
    ["a count for a percent", "hộ", PERCENT],
    ["dollars for dong: no rate is safe", "USD", TRIEU],
    ["area for mass", "ha", TAN],
  ])("incompatible: %s", (_what, from, to) => {
    const r = convertUnit(12, from, to);
    expect(r.kind).toBe("incompatible");
  });

  it("reports a unit it does not know, with the text as written", () => {
    expect(convertUnit(12, " sào ", HA)).toEqual({ kind: "unknown", text: "sào", side: "written" });
  });

  it("reports an indicator unit it does not know as such (a catalog bug)", () => {
    expect(convertUnit(12, "tấn", { vi: "thùng", en: "barrels" })).toEqual({
      kind: "unknown",
      text: "thùng",
      side: "indicator",
    });
  });

  it("accepts the indicator's unit as a plain string too", () => {
    expect(convertUnit(1.5, "tỷ đồng", "triệu đồng")).toMatchObject({ kind: "converted", value: 1500 });
  });
});
