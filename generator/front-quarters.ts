import { getIndicator } from "../src/core/catalog/indicators";
import { findTemplate, requiredIndicatorCodes } from "../src/core/catalog/templates";
import { Rng } from "./rng";
import { BORDER_COMMUNES, sonLaRoster } from "./son-la-units";
import type { FileSpec, PlainValue, ProvinceSpec, RateValue, SubmissionSpec, TrueValue } from "./spec";

/*
 * The Front's programme (seed 002, template mttq-bien-gioi) in Sơn La's border communes, first half
 * of 2026: four communes send their two quarters, three their six-month report, one only its first
 * quarter (a gap). Consolidated for `2026-H1`, the six-month report is made of quarters (FORMATS.md
 * §4a). `frontH1Expected` computes what it must give from the true figures, never from the files.
 */

const CODES = requiredIndicatorCodes(findTemplate("mttq-bien-gioi")!);

type Figures = Record<string, TrueValue>;

/** One period's work of one commune: sessions, attendances, exchanges, groups, help, petitions. */
function frontFigures(rng: Rng, months: number, groups: number): Figures {
  const sessions = rng.int(2, 5) * months;
  const received = rng.int(1, 6) * months;
  return {
    TT_BUOI: { value: sessions },
    TT_LUOT_NGUOI: { value: sessions * rng.int(30, 80) },
    GIAO_LUU: { value: rng.int(0, months) },
    MO_HINH_TU_QUAN: { value: groups },
    HO_DUOC_HO_TRO: { value: rng.int(3, 12) * months },
    NHA_DAI_DOAN_KET: { value: rng.int(0, months) },
    KIEN_NGHI_TIEP_NHAN: { value: received },
    KIEN_NGHI_PHAN_HOI: { num: rng.int(Math.floor(received / 2), received), den: received },
  };
}

/** How each border commune reports its first half: two quarters, the half, or the first quarter only. */
export const FRONT_H1_PLAN: Record<string, "quarters" | "half" | "q1-only"> = {
  "04240": "quarters",
  "04246": "quarters",
  "04231": "half",
  "04222": "quarters",
  "04045": "half",
  "03985": "quarters",
  "04099": "half",
  "04057": "q1-only",
};

export interface FrontH1 {
  spec: ProvinceSpec;
  /** Each commune's pieces, oldest first: period and true figures. */
  pieces: Record<string, { period: string; figures: Figures; file: string }[]>;
}

export function frontH1Spec(): FrontH1 {
  const rng = new Rng(2026_002);
  const codes = [...BORDER_COMMUNES];
  const roster = sonLaRoster(codes, () => ["bien-gioi"]);
  const pieces: FrontH1["pieces"] = {};
  const files: FileSpec[] = [];
  const sub = (unit: string, period: string, figures: Figures, reportDate: string): SubmissionSpec => ({
    unit,
    period,
    values: figures,
    reportDate,
    note: "Số liệu mẫu",
  });
  const day = (month: number): string =>
    `2026-${String(month).padStart(2, "0")}-${String(rng.int(3, 12)).padStart(2, "0")}`;
  codes.forEach((code, i) => {
    const groups = rng.int(1, 4);
    const how = FRONT_H1_PLAN[code]!;
    if (how === "half") {
      const h1 = frontFigures(rng, 6, groups + 1);
      const file = `mttq_${code}_2026-H1.xlsx`;
      pieces[code] = [{ period: "2026-H1", figures: h1, file }];
      files.push({ path: file, form: { kind: "template" }, submissions: [sub(code, "2026-H1", h1, day(7))] });
      return;
    }
    const q1 = frontFigures(rng, 3, groups);
    const q2 = frontFigures(rng, 3, groups + 1);
    if (how === "q1-only") {
      const file = `mttq_${code}_2026-Q1.xlsx`;
      pieces[code] = [{ period: "2026-Q1", figures: q1, file }];
      files.push({ path: file, form: { kind: "template" }, submissions: [sub(code, "2026-Q1", q1, day(4))] });
      return;
    }
    if (i % 2 === 0) {
      // Two workbooks of ChiTieu's template, one a quarter.
      const f1 = `mttq_${code}_2026-Q1.xlsx`;
      const f2 = `mttq_${code}_2026-Q2.xlsx`;
      pieces[code] = [
        { period: "2026-Q1", figures: q1, file: f1 },
        { period: "2026-Q2", figures: q2, file: f2 },
      ];
      files.push({ path: f1, form: { kind: "template" }, submissions: [sub(code, "2026-Q1", q1, day(4))] });
      files.push({ path: f2, form: { kind: "template" }, submissions: [sub(code, "2026-Q2", q2, day(7))] });
    } else {
      // One CSV holding both quarters, periods in words ("Quý I/2026"), as a Windows Excel saves it.
      const file = `mttq-${code}-quy-1-2-2026.csv`;
      pieces[code] = [
        { period: "2026-Q1", figures: q1, file },
        { period: "2026-Q2", figures: q2, file },
      ];
      files.push({
        path: file,
        form: { kind: "csv", delimiter: ",", encoding: "windows-1258", periodWords: true },
        submissions: [sub(code, "2026-Q1", q1, day(4)), sub(code, "2026-Q2", q2, day(7))],
      });
    }
  });
  const values: Record<string, Figures> = {};
  for (const [code, list] of Object.entries(pieces)) values[code] = list[list.length - 1]!.figures;
  return {
    spec: {
      seed: 2026_002,
      template: "mttq-bien-gioi",
      period: "2026-H1",
      roster,
      values,
      files,
      marker: "Số liệu mẫu",
    },
    pieces,
  };
}

/** What consolidating the first half must give (format `chitieu-periods-truth/1`). */
export interface FrontH1Expected {
  format: "chitieu-periods-truth/1";
  template: string;
  period: string;
  units: { code: string; sources: string[]; missing: string[] }[];
  indicators: {
    code: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    reporting: number;
  }[];
}

/**
 * The oracle: a commune's flows added over its pieces when they make the half (none when one is
 * missing), its stocks from its latest piece; the province's counts added, its rate by its parts.
 */
export function frontH1Expected(front: FrontH1): FrontH1Expected {
  const units = Object.entries(front.pieces)
    .map(([code, list]) => ({
      code,
      sources: [...new Set(list.map((p) => p.file))],
      missing: FRONT_H1_PLAN[code] === "q1-only" ? ["2026-Q2"] : [],
    }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const indicators = CODES.map((code) => {
    const ind = getIndicator(code);
    let num = 0;
    let den = 0;
    let reporting = 0;
    for (const [unit, list] of Object.entries(front.pieces)) {
      const complete = FRONT_H1_PLAN[unit] !== "q1-only";
      const used = ind.time === "last" ? [list[list.length - 1]!] : complete ? list : [];
      if (used.length === 0) continue;
      reporting++;
      for (const p of used) {
        const v = p.figures[code]!;
        if (ind.kind === "rate") {
          num += (v as RateValue).num;
          den += (v as RateValue).den;
        } else num += (v as PlainValue).value;
      }
    }
    const rate = ind.kind === "rate";
    return {
      code,
      value: rate ? (den > 0 ? (100 * num) / den : null) : num,
      numerator: rate ? num : null,
      denominator: rate ? den : null,
      reporting,
    };
  });
  return {
    format: "chitieu-periods-truth/1",
    template: "mttq-bien-gioi",
    period: "2026-H1",
    units,
    indicators,
  };
}
