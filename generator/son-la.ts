import { deAn1219Targets, muongLeoTargets } from "../src/core/catalog/seed-plans";
import type { PlanEntry } from "../src/core/catalog/types";
import { generateProvince, planCsv, type GeneratedProvince } from "./generate";
import { communeSize, deAn1219Values, ktxhValues, Spread, withoutOptional } from "./profiles";
import { frontH1Expected, frontH1Spec } from "./front-quarters";
import { muongLeoHistoryFiles } from "./muong-leo-history";
import { Rng } from "./rng";
import { BORDER_COMMUNES, INTERIOR_COMMUNES, isBorder, MUONG_LEO, SON_LA, sonLaRoster } from "./son-la-units";
import type { FileSpec, ProvinceSpec, SubmissionSpec, TrueValue } from "./spec";
import type { Truth } from "./truth";

/*
 * The sample province shipped in samples/son-la: thirty real communes of Sơn La, their 2026
 * ktxh-xa reports in the forms planners send, seven realistic mistakes, Mường Lèo's own plan and
 * an illustrative province plan; and, for Project 1219, the border communes with their reports
 * and the plan of seed 001. Every file says "Số liệu mẫu" (sample data).
 */

export const SAMPLE_MARKER = "Số liệu mẫu";
const SEED = 140_240;
const OPTIONAL = ["HO_CAN_NGHEO", "LD_CO_BANG"];

/** Mường Lèo in 2026 as its plan implies: 13 villages, poverty about 40 %, forest cover 47,72 %. */
export function muongLeo2026(): Record<string, TrueValue> {
  const households = 1480;
  const population = 6720;
  const workers = 4100;
  const villages = 13;
  return {
    THU_NS: { value: 2104.6 },
    SL_LUONG_THUC: { value: 1318.5 },
    DAN_GIA_SUC: { value: 8296 },
    LD_DAO_TAO: { num: 1558, den: workers },
    XKLD: { value: 1 },
    CHE_PHU_RUNG: { num: 10250.26, den: 21480 },
    TRUONG_CHUAN: { num: 3, den: 8 },
    HO_NGHEO: { num: 592, den: households },
    BHYT: { num: 6586, den: population },
    NTM_TIEU_CHI: { value: 6 },
    TTHC_SO_HOA: { num: 602, den: 700 },
    DVC_TOAN_TRINH: { num: 71, den: 118 },
    CHI_KHCN_CDS: { num: 412.5, den: 24800 },
    THU_GOM_CTR: { num: 210.4, den: 402.5 },
    NUOC_HVS: { num: 6048, den: population },
    NHA_VH_CHUAN: { num: 3, den: villages },
    ANTT_CO_QUAN: { num: 11, den: 12 },
    ANTT_KDC: { num: 12, den: villages },
    KMT_CO_QUAN: { num: 12, den: 12 },
    KMT_KDC: { num: 10, den: villages },
    GD_VAN_HOA: { num: 1110, den: households },
    HO_CAN_NGHEO: { num: 178, den: households },
    LD_CO_BANG: { num: 615, den: workers },
  };
}

/**
 * Xã Mường Lèo's 2025 figures as baselines (`goc`), so that its 2030 targets can be judged on track
 * or behind in 2026. Illustrative: the resolution gives targets, not the 2025 figures; HO_NGHEO's
 * 43,04 % is what 28,04 % in 2030 at 3 points a year implies.
 */
export function muongLeoBaselines2025(unit = MUONG_LEO): PlanEntry[] {
  const goc = (indicator: string, value: number): PlanEntry => ({
    unit,
    indicator,
    period: "2025",
    rule: "goc",
    value,
  });
  return [
    goc("DAN_GIA_SUC", 8000),
    goc("LD_DAO_TAO", 35),
    goc("TRUONG_CHUAN", 30),
    goc("HO_NGHEO", 43.04),
    goc("BHYT", 97),
    goc("NTM_TIEU_CHI", 5),
    goc("TTHC_SO_HOA", 70),
    goc("DVC_TOAN_TRINH", 50),
    goc("CHI_KHCN_CDS", 1.2),
    goc("THU_GOM_CTR", 45),
    goc("NUOC_HVS", 85),
    goc("ANTT_CO_QUAN", 90),
    goc("ANTT_KDC", 85),
    goc("KMT_CO_QUAN", 95),
    goc("KMT_KDC", 70),
    goc("GD_VAN_HOA", 70),
  ];
}

/** Project 1219 starts in 2026: nothing supplied, trained or equipped under it before (sample baselines). */
function deAn1219Baselines(unit: string): PlanEntry[] {
  return ["TTV_TAI_LIEU", "TTV_TAP_HUAN", "DON_VI_TRANG_BI"].map((indicator) => ({
    unit,
    indicator,
    period: "2025",
    rule: "goc" as const,
    value: 0,
  }));
}

/** Province targets for 2026 and the plan period: illustrative, in the shape of FORMATS.md §6. */
export function sonLaTargets(): PlanEntry[] {
  const p = (indicator: string, period: string, rule: PlanEntry["rule"], value: number): PlanEntry => ({
    unit: SON_LA,
    indicator,
    period,
    rule,
    value,
  });
  return [
    p("THU_NS", "2026", "muc_tieu", 88000),
    p("SL_LUONG_THUC", "2026", "toi_thieu", 72000),
    p("DAN_GIA_SUC", "2026", "muc_tieu", 215000),
    p("LD_DAO_TAO", "2026", "muc_tieu", 40),
    p("LD_DAO_TAO", "2030", "muc_tieu", 55),
    p("CHE_PHU_RUNG", "2026", "muc_tieu", 48),
    p("HO_NGHEO", "2025", "goc", 25.8),
    p("HO_NGHEO", "2026", "muc_tieu", 23.3),
    p("HO_NGHEO", "2026-2030", "giam_moi_nam", 2.5),
    p("BHYT", "2026", "toi_thieu", 95),
    p("NTM_TIEU_CHI", "2030", "muc_tieu", 8),
    p("TTHC_SO_HOA", "2026", "muc_tieu", 90),
    p("DVC_TOAN_TRINH", "2026", "muc_tieu", 70),
    p("CHI_KHCN_CDS", "2026", "toi_thieu", 1.5),
    p("THU_GOM_CTR", "2026", "muc_tieu", 60),
    p("NUOC_HVS", "2026", "muc_tieu", 95),
    p("KMT_KDC", "2026", "muc_tieu", 80),
    p("GD_VAN_HOA", "2026", "muc_tieu", 78),
  ];
}

const CODES = [...BORDER_COMMUNES, ...INTERIOR_COMMUNES].sort();

/** Reporting dates: early December, before the 15th. */
function onTime(rng: Rng): string {
  return `2026-12-${String(rng.int(1, 14)).padStart(2, "0")}`;
}

export function sonLaSpec(): ProvinceSpec {
  const rng = new Rng(SEED);
  const roster = sonLaRoster(CODES, (code) => (isBorder(code) ? ["bien-gioi"] : []));
  const values: Record<string, Record<string, TrueValue>> = {};
  const spread = new Spread(rng, CODES.length);
  CODES.forEach((code, i) => {
    const draw = spread.of(i);
    const all = ktxhValues(draw, communeSize(draw), isBorder(code));
    // About a third of the communes also fill the optional rows.
    values[code] = rng.chance(0.35) ? all : withoutOptional(all, OPTIONAL);
  });
  values[MUONG_LEO] = muongLeo2026();

  const sub = (unit: string, extra: Partial<SubmissionSpec> = {}): SubmissionSpec => ({
    unit,
    reportDate: onTime(rng),
    note: SAMPLE_MARKER,
    ...extra,
  });
  const template = (unit: string, extra: Partial<SubmissionSpec> = {}): FileSpec => ({
    path: `ktxh-xa_${unit}_2026.xlsx`,
    form: { kind: "template" },
    submissions: [sub(unit, extra)],
  });

  const special = new Set([
    "04222", // hand, HO_NGHEO typed as a % only
    "03703", // hand, revenue in tỷ đồng
    "03943", // hand
    "04123", // hand, numeric cells
    "04246", // Windows-1258 CSV with its code mistyped
    "03910", // template, then a corrected Windows-1258 CSV
    "03922",
    "03907",
    "03961", // in the Phù Yên CSV
    "03808", // UTF-8 CSV
    "03862", // sends nothing
  ]);
  const files: FileSpec[] = [];
  for (const code of CODES) {
    if (special.has(code)) continue;
    if (code === MUONG_LEO) {
      files.push(
        template(code, {
          reportDate: "2026-12-10",
          plan: {
            THU_NS: 2118.5,
            SL_LUONG_THUC: 1300,
            DAN_GIA_SUC: 8453,
            HO_NGHEO: 40.04,
            CHE_PHU_RUNG: 47.72,
            KMT_KDC: 84.6,
            NHA_VH_CHUAN: 23,
          },
        }),
      );
    } else if (code === "03847") {
      // Mường Bú: one village more certified drug-free than it has.
      files.push(
        template(code, {
          faults: [{ rule: "numerator-exceeds-denominator", indicator: "KMT_KDC", excess: 1 }],
        }),
      );
    } else if (code === "03868") {
      // Tà Xùa signs a week late.
      files.push(template(code, { reportDate: "2026-12-22" }));
    } else files.push(template(code));
  }
  files.push(
    {
      path: "Bao cao KTXH 2026 - Chieng Khuong.xlsx",
      form: { kind: "hand", layout: 0 },
      submissions: [
        sub("04222", { faults: [{ rule: "missing-denominator", indicator: "HO_NGHEO", keep: "value" }] }),
      ],
    },
    {
      path: "QuynhNhai_BC2026.xlsx",
      form: { kind: "hand", layout: 1 },
      submissions: [
        sub("03703", { faults: [{ rule: "unit-of-measure", indicator: "THU_NS", uom: "tỷ đồng" }] }),
      ],
    },
    { path: "muong-bang-2026.xlsx", form: { kind: "hand", layout: 2 }, submissions: [sub("03943")] },
    {
      path: "ChiengMung_chi_tieu_2026.xlsx",
      form: { kind: "hand", layout: 0, numbersAsText: false },
      submissions: [sub("04123")],
    },
    {
      path: "muong-lan-2026.csv",
      form: { kind: "csv", delimiter: ",", encoding: "windows-1258" },
      // 04246 typed as 04264.
      submissions: [sub("04246", { code: "04264" })],
    },
    // Phù Yên sends its workbook, then corrected figures with the cluster's CSV a week later.
    template("03910", { reportDate: "2026-12-03" }),
    {
      path: "tong-hop-cum-phu-yen.csv",
      form: { kind: "csv", delimiter: ",", encoding: "windows-1258" },
      submissions: [
        sub("03907", { reportDate: "2026-12-10" }),
        sub("03910", { reportDate: "2026-12-10" }),
        sub("03922", { reportDate: "2026-12-10" }),
        sub("03961", { reportDate: "2026-12-10" }),
      ],
    },
    {
      path: "muong-la-2026.csv",
      form: { kind: "csv", delimiter: ";", encoding: "utf-8-bom", headers: "vi", periodWords: true },
      submissions: [sub("03808")],
    },
  );
  return {
    seed: SEED,
    template: "ktxh-xa",
    period: "2026",
    due: "2026-12-15",
    roster,
    values,
    files,
    marker: SAMPLE_MARKER,
  };
}

export function deAn1219Spec(): ProvinceSpec {
  const rng = new Rng(SEED + 1219);
  const codes = [...BORDER_COMMUNES].sort();
  const roster = sonLaRoster(codes, () => ["bien-gioi"]);
  const values: Record<string, Record<string, TrueValue>> = {};
  const spread = new Spread(rng, codes.length);
  codes.forEach((code, i) => (values[code] = deAn1219Values(spread.of(i))));
  const sub = (unit: string, extra: Partial<SubmissionSpec> = {}): SubmissionSpec => ({
    unit,
    reportDate: onTime(rng),
    note: SAMPLE_MARKER,
    ...extra,
  });
  const files: FileSpec[] = [];
  // Xuân Nha has not reported; Lóng Sập and Chiềng Sơn send one CSV together.
  for (const code of codes) {
    if (code === "04057" || code === "04045" || code === "03985") continue;
    files.push({
      path: `de-an-1219_${code}_2026.xlsx`,
      form: { kind: "template" },
      submissions: [sub(code)],
    });
  }
  files.push({
    path: "moc-chau-1219.csv",
    form: { kind: "csv", delimiter: ",", encoding: "windows-1258" },
    submissions: [sub("03985"), sub("04045")],
  });
  return {
    seed: SEED + 1219,
    template: "de-an-1219",
    period: "2026",
    due: "2026-12-15",
    roster,
    values,
    files,
    marker: SAMPLE_MARKER,
  };
}

export interface SampleFile {
  /** Relative to `samples/`. */
  path: string;
  bytes: Uint8Array;
}

function jsonBytes(truth: Truth): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(truth, null, 2) + "\n");
}

function place(
  dir: string,
  generated: GeneratedProvince,
  extra: { path: string; text: string }[],
): SampleFile[] {
  const text = (path: string, t: string): SampleFile => ({
    path: `${dir}/${path}`,
    bytes: new TextEncoder().encode(t),
  });
  return [
    ...generated.files.map((f) => ({ path: `${dir}/bao-cao/${f.path}`, bytes: f.bytes })),
    text("roster.csv", generated.roster),
    ...extra.map((e) => text(e.path, e.text)),
    { path: `${dir}/expected.json`, bytes: jsonBytes(generated.truth) },
  ];
}

/** Every generated file of samples/ (the READMEs are written by hand). */
export async function sampleFiles(): Promise<SampleFile[]> {
  const sonLa = await generateProvince(sonLaSpec());
  const d1219 = await generateProvince(deAn1219Spec());
  const front = frontH1Spec();
  const frontFiles = await generateProvince(front.spec);
  return [
    ...place("son-la", sonLa, [
      { path: "plan-muong-leo.csv", text: planCsv(muongLeoTargets(MUONG_LEO), SAMPLE_MARKER) },
      { path: "goc-2025-muong-leo.csv", text: planCsv(muongLeoBaselines2025(), SAMPLE_MARKER) },
      { path: "plan-son-la.csv", text: planCsv(sonLaTargets(), SAMPLE_MARKER) },
    ]),
    ...(await muongLeoHistoryFiles(muongLeo2026(), SAMPLE_MARKER)).map((f) => ({
      path: `son-la/muong-leo/${f.path}`,
      bytes: f.bytes,
    })),
    ...place("son-la/de-an-1219", d1219, [
      {
        path: "plan-1219.csv",
        text: planCsv([...deAn1219Baselines(SON_LA), ...deAn1219Targets(SON_LA)], SAMPLE_MARKER),
      },
    ]),
    // The generator's own truth knows one period; the half made of quarters has its oracle.
    ...frontFiles.files.map((f) => ({ path: `son-la/mttq-2026/bao-cao/${f.path}`, bytes: f.bytes })),
    {
      path: "son-la/mttq-2026/roster.csv",
      bytes: new TextEncoder().encode(frontFiles.roster),
    },
    {
      path: "son-la/mttq-2026/expected-h1.json",
      bytes: new TextEncoder().encode(JSON.stringify(frontH1Expected(front), null, 2) + "\n"),
    },
  ];
}
