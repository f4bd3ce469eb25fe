import { Rng } from "./rng";
import { communeSize, ktxhValues, Spread, withoutOptional } from "./profiles";
import { BORDER_COMMUNES, INTERIOR_COMMUNES, isBorder, sonLaRoster } from "./son-la-units";
import type { FileSpec, ProvinceSpec, TrueValue } from "./spec";

/*
 * A province with every rule of docs/RULES.md planted at least once (outlier among more than ten
 * sound units), spread over every form: template workbooks, hand-rebuilt sheets, CSV in four
 * encodings and three delimiters, one and many units per file, a subfolder, and stray files.
 * The acceptance test runs the real command on it; each planted fault is listed in `PLANTED`.
 */

const OPTIONAL = ["HO_CAN_NGHEO", "LD_CO_BANG"];

export interface FaultProvince {
  spec: ProvinceSpec;
  /** Unit code by role, for tests that look at one unit. */
  units: Record<string, string>;
}

export function faultProvinceSpec(seed = 20261215): FaultProvince {
  const rng = new Rng(seed);
  const codes = [...BORDER_COMMUNES.slice(0, 6), ...INTERIOR_COMMUNES.slice(0, 16)];
  const roster = sonLaRoster(codes, (code) => {
    const g = isBorder(code) ? ["bien-gioi"] : [];
    // A second group that cuts across the first, one unit in both.
    if (code === codes[1] || code === codes[8] || code === codes[9] || code === codes[10]) g.push("nhom-b");
    return g;
  });
  const values: Record<string, Record<string, TrueValue>> = {};
  const spread = new Spread(rng, codes.length);
  codes.forEach((code, i) => {
    const draw = spread.of(i);
    const all = ktxhValues(draw, communeSize(draw), isBorder(code));
    // Units 7 and 12 also report the optional rows, for the checks between indicators.
    values[code] = i === 7 || i === 12 ? all : withoutOptional(all, OPTIONAL);
  });
  const u = (i: number): string => codes[i] as string;

  const thuNs = (i: number): number => (values[u(i)]?.THU_NS as { value: number }).value;
  const files: FileSpec[] = [
    {
      path: "ktxh-xa_u01_2026.xlsx",
      form: { kind: "template" },
      submissions: [
        {
          unit: u(0),
          reportDate: "2026-12-05",
          formulas: ["THU_NS"],
          plan: { THU_NS: 2118.5, HO_NGHEO: 40, CHE_PHU_RUNG: 47.72, NTM_TIEU_CHI: 7 },
          note: "Số liệu ước thực hiện cả năm",
        },
      ],
    },
    {
      path: "ktxh-xa_u02_2026.xlsx",
      form: { kind: "template" },
      submissions: [
        {
          unit: u(1),
          reportDate: "2026-12-10",
          legacyName: true,
          faults: [
            { rule: "formula-without-value", indicator: "DAN_GIA_SUC" },
            { rule: "value-mismatch", indicator: "HO_NGHEO" },
            { rule: "ambiguous-percent", indicator: "CHE_PHU_RUNG" },
            { rule: "missing-denominator", indicator: "TRUONG_CHUAN", keep: "value" },
            { rule: "unit-of-measure", indicator: "THU_NS", uom: "tỷ đồng" },
            { rule: "unknown-indicator", code: "TT_BUOI" },
            { rule: "duplicate-row", indicator: "BHYT", differ: false },
          ],
        },
      ],
    },
    {
      path: "dot-2/ktxh-xa_u03_2026.xlsx",
      form: { kind: "template" },
      submissions: [
        {
          unit: u(2),
          reportDate: "2026-12-22",
          faults: [
            { rule: "not-a-number", indicator: "SL_LUONG_THUC" },
            { rule: "negative", indicator: "XKLD" },
            { rule: "out-of-range", indicator: "NTM_TIEU_CHI" },
            { rule: "numerator-exceeds-denominator", indicator: "KMT_KDC" },
            { rule: "duplicate-row", indicator: "NUOC_HVS", differ: true },
          ],
        },
      ],
    },
    {
      path: "ktxh-xa_u04_2026.xlsx",
      form: { kind: "template" },
      // Signed on the due date itself: not late.
      submissions: [
        {
          unit: u(3),
          reportDate: "2026-12-15",
          faults: [{ rule: "missing-value", indicator: "ANTT_CO_QUAN", text: "-" }],
        },
      ],
    },
    {
      path: "bao-cao-u05.xlsx",
      form: { kind: "hand", layout: 0, numbersAsText: true },
      submissions: [
        {
          unit: u(4),
          reportDate: "2026-12-08",
          faults: [
            { rule: "missing-indicator", indicator: "DVC_TOAN_TRINH" },
            { rule: "numerator-exceeds-denominator", indicator: "BHYT", excess: 120 },
            { rule: "not-an-integer", indicator: "HO_NGHEO" },
            { rule: "unit-of-measure", indicator: "SL_LUONG_THUC", uom: "ha" },
            { rule: "unknown-indicator", code: "HO_NGHEO_2025" },
            { rule: "not-a-number", indicator: "NTM_TIEU_CHI", text: "7 tiêu chí" },
          ],
        },
      ],
    },
    {
      path: "bao-cao-u06.xlsx",
      form: { kind: "hand", layout: 1, numbersAsText: false, coverSheet: true },
      submissions: [
        {
          unit: u(5),
          reportDate: "2026-12-09",
          faults: [
            { rule: "formula-without-value", indicator: "TTHC_SO_HOA", part: "numerator" },
            { rule: "missing-value", indicator: "THU_GOM_CTR", text: "x" },
            { rule: "out-of-range", indicator: "NHA_VH_CHUAN" },
            { rule: "unit-of-measure", indicator: "SL_LUONG_THUC", uom: "tạ" },
            { rule: "missing-denominator", indicator: "ANTT_KDC", keep: "numerator" },
            { rule: "not-an-integer", indicator: "DAN_GIA_SUC" },
          ],
        },
      ],
    },
    {
      path: "bao-cao-u07.xlsx",
      form: { kind: "hand", layout: 2, numbersAsText: true },
      submissions: [
        {
          unit: u(7),
          reportDate: "2026-12-07",
          faults: [
            { rule: "exceeds-related" },
            { rule: "inconsistent-denominator" },
            { rule: "negative", indicator: "TRUONG_CHUAN", part: "denominator" },
          ],
        },
      ],
    },
    {
      path: "tong-hop-u08-u09.csv",
      form: { kind: "csv", delimiter: ",", encoding: "utf-8", eol: "\n", grouping: false },
      submissions: [
        {
          unit: u(8),
          reportDate: "2026-12-04",
          faults: [
            { rule: "negative", indicator: "CHE_PHU_RUNG", part: "denominator" },
            { rule: "not-a-number", indicator: "GD_VAN_HOA", part: "denominator", text: "chưa rõ" },
            { rule: "missing-value", indicator: "THU_NS" },
          ],
        },
        {
          unit: u(9),
          reportDate: "2026-12-04",
          // Revenue written in nghìn đồng under "triệu đồng": a thousand times too big, still counted.
          faults: [{ rule: "outlier", indicator: "THU_NS", set: { value: Math.round(thuNs(9) * 1000) } }],
        },
      ],
    },
    {
      path: "tong-hop-u10-u11.csv",
      form: { kind: "csv", delimiter: ";", encoding: "utf-8-bom", headers: "vi", periodWords: true },
      submissions: [
        {
          unit: u(10),
          reportDate: "2026-12-11",
          faults: [
            { rule: "missing-indicator", indicator: "KMT_CO_QUAN" },
            { rule: "duplicate-row", indicator: "XKLD", differ: false },
            { rule: "missing-value", indicator: "TRUONG_CHUAN", text: "–" },
            { rule: "duplicate-row", indicator: "DAN_GIA_SUC", differ: true },
          ],
        },
        // Unit 11 sends only its first quarter: a gap of three quarters (incomplete-period).
        { unit: u(11), period: "2026-Q1", reportDate: "2026-04-08" },
      ],
    },
    {
      path: "u12-u13.csv",
      form: { kind: "csv", delimiter: "\t", encoding: "utf-16le", percentSign: false },
      submissions: [
        {
          unit: u(12),
          reportDate: "2026-12-12",
          faults: [
            { rule: "exceeds-related", by: 40 },
            { rule: "ambiguous-percent", indicator: "NUOC_HVS" },
            { rule: "value-mismatch", indicator: "GD_VAN_HOA", shown: 12.5 },
            { rule: "inconsistent-denominator", by: -30 },
          ],
        },
        { unit: u(13), reportDate: "2026-12-12" },
      ],
    },
    {
      path: "dot-2/windows-1258.csv",
      form: { kind: "csv", delimiter: ",", encoding: "windows-1258" },
      submissions: [
        { unit: u(14), reportDate: "2026-12-06" },
        // Last year's rows left in the export, then this year's.
        { unit: u(15), period: "2025", reportDate: "2025-12-10" },
        { unit: u(15), reportDate: "2026-12-06" },
        // The corrected figures of unit 16, sent after its workbook.
        {
          unit: u(16),
          reportDate: "2026-12-09",
          faults: [{ rule: "missing-value", indicator: "HO_NGHEO", text: "" }],
        },
      ],
    },
    {
      path: "ktxh-xa_u16_2026.xlsx",
      form: { kind: "template" },
      submissions: [{ unit: u(16), reportDate: "2026-12-02" }],
    },
    // Unit 13 sends its figures again in a workbook, undated: the same figures, used once.
    { path: "u13-gui-lai.xlsx", form: { kind: "hand", layout: 1 }, submissions: [{ unit: u(13) }] },
    // Unit 17 sends two drafts with different figures and no dates (the first twice): none is used.
    { path: "u17-ban-1.xlsx", form: { kind: "hand", layout: 0 }, submissions: [{ unit: u(17) }] },
    { path: "u17-ban-1 - Copy.xlsx", form: { kind: "hand", layout: 0 }, submissions: [{ unit: u(17) }] },
    {
      path: "u17-ban-2.xlsx",
      form: { kind: "hand", layout: 2 },
      submissions: [{ unit: u(17), values: { THU_NS: { value: thuNs(17) + 100 } } }],
    },
    // Unit 18 sends the Project 1219 form instead.
    {
      path: "de-an-1219_u18_2026.xlsx",
      form: { kind: "template" },
      submissions: [{ unit: u(18), template: "de-an-1219", reportDate: "2026-12-03" }],
    },
    // Unit 19 sends last year's workbook.
    {
      path: "ktxh-xa_u19_2025.xlsx",
      form: { kind: "template" },
      submissions: [{ unit: u(19), period: "2025", reportDate: "2025-12-12" }],
    },
    // Unit 20 sends nothing; unit 21 mistypes its code.
    {
      path: "bao-cao-u21.xlsx",
      form: { kind: "hand", layout: 1 },
      // 03910 typed as 03190: a code no unit has.
      submissions: [{ unit: u(21), code: "03190", reportDate: "2026-12-05" }],
    },
    // Unit 6 leaves its code cell empty: the file cannot be told to be anyone's.
    {
      path: "ktxh-xa_khong-ma_2026.xlsx",
      form: { kind: "template" },
      submissions: [{ unit: u(6), code: "", reportDate: "2026-12-05" }],
    },
  ];
  const spec: ProvinceSpec = {
    seed,
    template: "ktxh-xa",
    period: "2026",
    due: "2026-12-15",
    roster,
    values,
    files,
    others: [
      { path: "hong.xlsx", kind: "random-bytes" },
      { path: "trong.csv", kind: "empty" },
      { path: "danh-sach-can-bo.xlsx", kind: "other-workbook" },
      { path: "danh-ba.csv", kind: "other-csv" },
      { path: "~$ktxh-xa_u01_2026.xlsx", kind: "lock-file" },
      { path: "doc-truoc.txt", kind: "text" },
    ],
  };
  return {
    spec,
    units: {
      clean: u(0),
      manyFaults: u(1),
      late: u(2),
      onDueDate: u(3),
      missingMetadata: u(6),
      duplicateDated: u(16),
      duplicateUndated: u(17),
      wrongTemplate: u(18),
      wrongPeriod: u(19),
      quarterOnly: u(11),
      missing: u(20),
      mistyped: u(21),
      outlier: u(9),
    },
  };
}
