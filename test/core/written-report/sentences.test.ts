import { getIndicator } from "../../../src/core/catalog/indicators";
import type { ReportPace } from "../../../src/core/json-report/types";
import { describeFigure, type FigureFacts } from "../../../src/core/written-report";

/*
 * The sentence the written report writes for one indicator (issue 18): each plan status, a figure
 * rising and falling, with and without history, a rate, an amount, a count and a score, in
 * Vietnamese (numbers the Vietnamese way, units after them) and in English.
 */

function facts(code: string, over: Partial<FigureFacts>): FigureFacts {
  return {
    indicator: getIndicator(code),
    value: null,
    numerator: null,
    denominator: null,
    reporting: 28,
    expected: 30,
    usualReporting: 28,
    target: null,
    status: "no_target",
    ...over,
  };
}

const y2025 = (value: number) => ({ label: "năm 2025", value });

const pace = (over: Partial<ReportPace>): ReportPace => ({
  rule: "giam_moi_nam",
  perYear: 2.5,
  fromYear: 2025,
  fromValue: 25.8,
  fromSource: "baseline",
  change: 2.69,
  required: 2.5,
  met: true,
  crossesStandardBreak: false,
  ...over,
});

const VI_CASES: [string, FigureFacts, string][] = [
  [
    "a rate above its target, met, no history",
    facts("LD_DAO_TAO", { value: 41.2345, numerator: 5123, denominator: 12424, target: 40, status: "met" }),
    "đạt 41,23% (5.123/12.424 người); đạt chỉ tiêu 40% đề ra (cao hơn 1,23 điểm %).",
  ],
  [
    "a rate rising from last year, still missing its target",
    facts("LD_DAO_TAO", {
      value: 38.85,
      numerator: 51067,
      denominator: 131456,
      target: 40,
      status: "missed",
      previous: y2025(37.65),
    }),
    "đạt 38,85% (51.067/131.456 người), tăng 1,2 điểm % so với năm 2025 (37,65%); không đạt chỉ tiêu 40% đề ra (thấp hơn 1,15 điểm %).",
  ],
  [
    "a rate better lower, falling, on track",
    facts("HO_NGHEO", {
      value: 30.5,
      numerator: 4514,
      denominator: 14800,
      target: 28.04,
      status: "on_track",
      previous: y2025(33.7),
    }),
    "còn 30,5% (4.514/14.800 hộ), giảm 3,2 điểm % so với năm 2025 (33,7%); đúng tiến độ thực hiện chỉ tiêu 28,04% đề ra.",
  ],
  [
    "a rate better lower, rising, behind",
    facts("HO_NGHEO", {
      value: 34.1,
      numerator: 5047,
      denominator: 14800,
      target: 28.04,
      status: "behind",
      previous: y2025(33.7),
    }),
    "34,1% (5.047/14.800 hộ), tăng 0,4 điểm % so với năm 2025 (33,7%); chậm tiến độ thực hiện chỉ tiêu 28,04% đề ra.",
  ],
  [
    "a rate unchanged from last year",
    facts("BHYT", {
      value: 95,
      numerator: 950,
      denominator: 1000,
      target: 95,
      status: "met",
      previous: y2025(95),
    }),
    "đạt 95% (950/1.000 người), không thay đổi so với năm 2025 (95%); đạt chỉ tiêu 95% đề ra.",
  ],
  [
    "a rate with its hectares",
    facts("CHE_PHU_RUNG", {
      value: 47.56279,
      numerator: 280702.96,
      denominator: 590173.43,
      target: 48,
      status: "missed",
    }),
    "đạt 47,56% (280.702,96/590.173,43 ha); không đạt chỉ tiêu 48% đề ra (thấp hơn 0,44 điểm %).",
  ],
  [
    "an amount above its plan, no history",
    facts("THU_NS", { value: 2130.46, target: 2118.5, status: "met" }),
    "2.130,5 triệu đồng, đạt 100,6% kế hoạch (2.118,5 triệu đồng), đạt chỉ tiêu.",
  ],
  [
    "an amount falling from last year, missing its plan",
    facts("THU_NS", { value: 83655.9, target: 88000, status: "missed", previous: y2025(87000) }),
    "83.655,9 triệu đồng, giảm 3,8% so với năm 2025 (87.000 triệu đồng); đạt 95,1% kế hoạch (88.000 triệu đồng), không đạt chỉ tiêu.",
  ],
  [
    "an amount behind its plan's pace",
    facts("SL_LUONG_THUC", { value: 60000, target: 72000, status: "behind" }),
    "60.000 tấn, đạt 83,3% kế hoạch (72.000 tấn), chậm tiến độ.",
  ],
  [
    "a count rising, without a target",
    facts("DAN_GIA_SUC", { value: 208118, previous: y2025(200000) }),
    "208.118 con, tăng 4,1% so với năm 2025 (200.000 con); không có chỉ tiêu kế hoạch.",
  ],
  [
    "a score with a target but nothing to judge the pace by",
    facts("NTM_TIEU_CHI", {
      value: 6.5714286,
      numerator: 184,
      denominator: 28,
      target: 8,
      status: "no_target",
      unitsReachingTarget: 10,
    }),
    "đạt bình quân 6,57 tiêu chí/đơn vị; chỉ tiêu đề ra 8 tiêu chí, chưa đánh giá được (thiếu số gốc); có 10/28 đơn vị đạt mức này.",
  ],
  [
    "a phase total judged on its running total (tong_giai_doan)",
    facts("XKLD", {
      value: 2,
      reporting: 1,
      expected: 1,
      usualReporting: 1,
      target: 4,
      status: "on_track",
      previous: { label: "năm 2027", value: 0 },
      phase: { soFar: "2026–2028", phase: "2026–2030", total: 3, required: 4 },
    }),
    "2 người, tăng 2 người so với năm 2027 (0 người); lũy kế 2026–2028: 3/4 người, đạt 75% chỉ tiêu giai đoạn 2026–2030, đúng tiến độ.",
  ],
  [
    "a score rising, met",
    facts("NTM_TIEU_CHI", { value: 8.25, target: 8, status: "met", previous: y2025(7.5) }),
    "đạt bình quân 8,25 tiêu chí/đơn vị, tăng 0,75 tiêu chí so với năm 2025 (7,5 tiêu chí); đạt chỉ tiêu 8 tiêu chí đề ra (cao hơn 0,25 tiêu chí).",
  ],
  [
    "no data, with a target",
    facts("LD_DAO_TAO", { value: null, target: 40, status: "no_data", reporting: 0 }),
    "chưa có số liệu (không đơn vị nào có số liệu sử dụng được); kế hoạch 40%.",
  ],
  [
    "the pace rule from the plan's baseline, met",
    facts("HO_NGHEO", {
      value: 23.107132,
      numerator: 10532,
      denominator: 45579,
      target: 23.3,
      status: "met",
      pace: pace({}),
    }),
    "còn 23,11% (10.532/45.579 hộ), giảm 2,69 điểm % so với mức cơ sở năm 2025 (25,8%), đạt yêu cầu giảm tối thiểu 2,5 điểm %/năm; đạt chỉ tiêu 23,3% đề ra (thấp hơn 0,19 điểm %).",
  ],
  [
    "the pace rule against last year, missed across the 2027 change of standard",
    facts("HO_NGHEO", {
      value: 31.5,
      numerator: 3150,
      denominator: 10000,
      target: 28.04,
      status: "behind",
      pace: pace({
        perYear: 3,
        fromYear: 2026,
        fromValue: 33,
        fromSource: "previous",
        change: 1.5,
        required: 3,
        met: false,
        crossesStandardBreak: true,
      }),
    }),
    "còn 31,5% (3.150/10.000 hộ), giảm 1,5 điểm % so với năm 2026 (33%), chưa đạt yêu cầu giảm tối thiểu 3 điểm %/năm (lưu ý: hai số liệu đo theo hai chuẩn khác nhau",
  ],
  [
    "a figure resting on fewer units than most",
    facts("KMT_KDC", {
      value: 77.14,
      numerator: 334,
      denominator: 433,
      target: 80,
      status: "missed",
      reporting: 27,
    }),
    "đạt 77,14% (334/433 bản); không đạt chỉ tiêu 80% đề ra (thấp hơn 2,86 điểm %). Số liệu tổng hợp từ 27/30 đơn vị.",
  ],
];

/** Every number in Vietnamese form: `.` groups thousands, `,` marks decimals (years stand alone). */
function numbersAreVietnamese(sentence: string): string[] {
  const tokens = sentence.match(/\d[\d.,]*\d|\d/g) ?? [];
  return tokens.filter((t) => !/^(\d{1,3}(\.\d{3})*(,\d+)?|20\d\d)$/.test(t));
}

describe("the sentence for one figure, in Vietnamese", () => {
  it.each(VI_CASES)("%s", (_name, f, expected) => {
    const s = describeFigure(f, "vi");
    if (expected.endsWith(".")) expect(s).toBe(expected);
    else expect(s.startsWith(expected)).toBe(true);
    expect(numbersAreVietnamese(s)).toEqual([]);
    expect(s).toBe(s.normalize("NFC"));
  });

  it("writes every plan status in words", () => {
    const words = VI_CASES.map(([, f]) => describeFigure(f, "vi")).join(" ");
    for (const w of [
      "đạt chỉ tiêu",
      "không đạt chỉ tiêu",
      "đúng tiến độ",
      "chậm tiến độ",
      "không có chỉ tiêu kế hoạch",
      "chưa đánh giá được (thiếu số gốc)",
      "chưa có số liệu",
    ])
      expect(words).toContain(w);
  });
});

describe("the sentence for one figure, in English", () => {
  it.each([
    [
      facts("LD_DAO_TAO", {
        value: 38.85,
        numerator: 51067,
        denominator: 131456,
        target: 40,
        status: "missed",
        previous: { label: "2025", value: 37.65 },
      }),
      "38.85% (51,067/131,456 persons), up 1.2 percentage points on 2025 (37.65%); target of 40% missed (1.15 percentage points below).",
    ],
    [
      facts("THU_NS", { value: 83655.9, target: 88000, status: "missed" }),
      "83,655.9 million VND, 95.1% of the plan (88,000 million VND), target missed.",
    ],
    [
      facts("HO_NGHEO", {
        value: 23.107132,
        numerator: 10532,
        denominator: 45579,
        target: 23.3,
        status: "met",
        pace: pace({}),
      }),
      "23.11% (10,532/45,579 households), down 2.69 percentage points on the 2025 baseline (25.8%), meeting the required fall of at least 2.5 percentage points a year; target of 23.3% met (0.19 percentage points below).",
    ],
    [
      facts("NTM_TIEU_CHI", { value: 6.5714286, target: 8, status: "on_track" }),
      "an average of 6.57 criteria per unit; on track for the target of 8 criteria.",
    ],
    [facts("XKLD", { value: 80 }), "80 persons; no target set."],
  ])("case %#", (f, expected) => {
    const s = describeFigure(f, "en");
    expect(s).toBe(expected);
    // No Vietnamese letters in the English sentence.
    expect(s).not.toMatch(/[à-ỹđĐ]/i);
  });
});
