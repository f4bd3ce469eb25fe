import { getIndicator } from "../../../src/core/catalog/indicators";
import { findTemplate, summaryIndicatorCodes, type Template } from "../../../src/core/catalog/templates";
import type { Report, ReportIndicator, ReportUnit } from "../../../src/core/json-report/types";
import type { Block, TextRun, WrittenReport } from "../../../src/core/written-report";

/*
 * A small province's JSON report, written by hand (no consolidation): Lai Châu, a province the
 * samples never use, with a unit of every status, a border group, issues and a history.
 */

export const KTXH = findTemplate("ktxh-xa") as Template;

const unit = (
  code: string,
  name: string,
  status: ReportUnit["status"],
  extra: Partial<ReportUnit> = {},
): ReportUnit => ({
  code,
  name,
  status,
  level: "xa",
  parent: "12",
  ...extra,
});

export function laiChau(): Report {
  const units: ReportUnit[] = [
    unit("03199", "Xã Pa Tần", "ok", {
      file: "pa-tan.xlsx",
      groups: ["bien-gioi"],
      reportDate: "2026-12-10",
    }),
    unit("03202", "Xã Sìn Hồ", "ok", { file: "sin-ho.xlsx", reportDate: "2026-12-12" }),
    unit("03205", "Xã Mù Cả", "late", {
      file: "mu-ca.xlsx",
      groups: ["bien-gioi"],
      reportDate: "2027-01-04",
    }),
    unit("03208", "Xã Tà Tổng", "missing", { groups: ["bien-gioi"] }),
    unit("03211", "Phường Tân Phong", "rejected", { file: "tan-phong.xlsx" }),
    unit("03214", "Xã Bum Nưa", "duplicate", {
      file: "bum-nua-1.xlsx",
      files: ["bum-nua-1.xlsx", "bum-nua-2.xlsx"],
    }),
    { code: "99999", name: "Xã Lạ", status: "unknown", file: "la.csv" },
  ];
  const row = (code: string, over: Partial<ReportIndicator>): ReportIndicator => {
    const ind = getIndicator(code);
    return {
      code,
      name: ind.name.vi,
      unit: ind.unit.vi,
      kind: ind.kind,
      value: null,
      numerator: null,
      denominator: null,
      reporting: 3,
      expected: 6,
      reportingBase: 3,
      expectedBase: 6,
      target: null,
      status: "no_target",
      ...over,
    };
  };
  const given: Record<string, Partial<ReportIndicator>> = {
    THU_NS: { value: 5320.4, target: 6000, status: "missed" },
    SL_LUONG_THUC: { value: 3960, target: 3800, status: "met" },
    LD_DAO_TAO: { value: 31.25, numerator: 1250, denominator: 4000, target: 45, status: "behind" },
    HO_NGHEO: { value: 42.5, numerator: 1700, denominator: 4000, target: 40, status: "missed", reporting: 2 },
    BHYT: { value: 97.5, numerator: 11700, denominator: 12000, target: 95, status: "met" },
    NTM_TIEU_CHI: {
      value: 5,
      numerator: 15,
      denominator: 3,
      target: 8,
      status: "on_track",
      unitsReachingTarget: 0,
    },
  };
  const indicators = summaryIndicatorCodes(KTXH).map((code) => row(code, given[code] ?? {}));
  return {
    format: "chitieu-report/1",
    template: "ktxh-xa",
    period: "2026",
    scope: { code: "12", name: "Tỉnh Lai Châu" },
    units,
    indicators,
    perUnit: [
      {
        unit: "03199",
        indicator: "THU_NS",
        value: 2000,
        numerator: null,
        denominator: null,
        target: 2500,
        status: "missed",
      },
    ],
    groups: [
      // Border communes: Pa Tần and Mù Cả reported (of three expected).
      {
        group: "bien-gioi",
        indicator: "LD_DAO_TAO",
        value: 25,
        numerator: 500,
        denominator: 2000,
        reporting: 2,
        expected: 3,
        reportingBase: 2,
        expectedBase: 3,
      },
      {
        group: "bien-gioi",
        indicator: "HO_NGHEO",
        value: 60,
        numerator: 1200,
        denominator: 2000,
        reporting: 2,
        expected: 3,
        reportingBase: 2,
        expectedBase: 3,
      },
      {
        group: "bien-gioi",
        indicator: "THU_NS",
        value: 1320.4,
        numerator: null,
        denominator: null,
        reporting: 2,
        expected: 3,
        reportingBase: 2,
        expectedBase: 3,
      },
    ],
    issues: [
      {
        severity: "warning",
        rule: "missing-submission",
        unit: "03208",
        message: "Xã Tà Tổng (03208) chưa nộp báo cáo",
        messageEn: "Xã Tà Tổng (03208) has not reported",
      },
      {
        severity: "error",
        rule: "wrong-period",
        unit: "03211",
        file: "tan-phong.xlsx",
        sheet: "Chỉ tiêu",
        cell: "C4",
        message: "Kỳ báo cáo 2025 không phải kỳ 2026: báo cáo không được tổng hợp",
        messageEn: "Period 2025 is not 2026: the report is not used",
      },
      {
        severity: "error",
        rule: "missing-denominator",
        unit: "03202",
        indicator: "HO_NGHEO",
        file: "sin-ho.xlsx",
        sheet: "Chỉ tiêu",
        cell: "F20",
        message: "HO_NGHEO: tỷ lệ không có mẫu số nên không thể gia quyền",
        messageEn: "HO_NGHEO: a rate without a denominator cannot be weighted",
      },
      {
        severity: "error",
        rule: "not-an-integer",
        unit: "03202",
        indicator: "LD_DAO_TAO",
        file: "sin-ho.xlsx",
        sheet: "Chỉ tiêu",
        cell: "E14",
        message: "LD_DAO_TAO – Tử số: 12,5 không phải số nguyên (người)",
        messageEn: "LD_DAO_TAO – Numerator: 12.5 is not a whole number (persons)",
      },
      {
        severity: "warning",
        rule: "outlier",
        unit: "03199",
        indicator: "THU_NS",
        file: "pa-tan.xlsx",
        sheet: "Chỉ tiêu",
        cell: "F11",
        message: "THU_NS: giá trị bất thường so với các đơn vị khác",
        messageEn: "THU_NS: unusual against the other units",
      },
      {
        severity: "warning",
        rule: "target-missed",
        unit: "12",
        indicator: "THU_NS",
        message: "THU_NS: chưa đạt mục tiêu",
        messageEn: "THU_NS: misses the target",
      },
    ],
    series: [
      {
        indicator: "THU_NS",
        period: "2025",
        value: 5000,
        numerator: null,
        denominator: null,
        target: null,
        status: "no_target",
      },
      {
        indicator: "LD_DAO_TAO",
        period: "2025",
        value: 29.5,
        numerator: 1180,
        denominator: 4000,
        target: null,
        status: "no_target",
      },
      {
        indicator: "HO_NGHEO",
        period: "2025",
        value: 45.1,
        numerator: 1804,
        denominator: 4000,
        target: null,
        status: "no_target",
      },
      {
        indicator: "THU_NS",
        period: "2026",
        value: 5320.4,
        numerator: null,
        denominator: null,
        target: 6000,
        status: "missed",
      },
    ],
  };
}

const runsText = (runs: TextRun[]): string => runs.map((r) => r.text).join("");

function blockText(b: Block): string[] {
  if (b.kind === "heading") return [b.text];
  if (b.kind === "paragraph") return [runsText(b.runs)];
  return [b.columns.map((c) => c.title).join(" | "), ...b.rows.map((r) => r.cells.join(" | "))];
}

/** Every line of text the document holds, in order. */
export function lines(w: WrittenReport): string[] {
  return [
    runsText(w.masthead.parent ?? []),
    runsText(w.masthead.issuer),
    runsText(w.masthead.number),
    ...w.masthead.motto,
    runsText(w.masthead.placeDate),
    w.title,
    w.subject,
    ...w.body.flatMap(blockText),
    w.signature.recipientsTitle,
    ...w.signature.recipients.map(runsText),
    ...w.signature.authority.map(runsText),
    w.signature.hint,
    runsText(w.signature.name),
    w.appendix.title,
    w.appendix.subtitle,
    runsText(w.appendix.reference),
    ...w.appendix.blocks.flatMap(blockText),
  ];
}

/** English words a Vietnamese report must not hold (codes, file and sheet names aside). */
export const ENGLISH_WORDS =
  /\b(the|and|of|with|from|on|in|at|for|target|targets|met|missed|track|behind|data|units?|reports?|reported|late|missing|rejected|received|file|sheet|cell|line|rate|figures?|period|none|no|not|yes|above|below|average|plan)\b/i;
