import type { Indicator } from "../catalog/types";
import type { PlanStatus, ReportPace } from "../json-report/types";
import { figureDecimals, numberText, partDecimals, SHARE_DECIMALS, withUnit } from "./figure-text";
import type { ReportLang } from "./types";

/*
 * The sentence a report writes for one indicator, made from templates of phrases: the figure with
 * its unit (a rate with its numerator and denominator), its change from the previous period, its
 * target and status, and how many units the figure rests on. Table-tested in
 * test/core/written-report/sentences.test.ts.
 */

/** What the sentence says about one figure: the consolidation's, with the catalog's indicator. */
export interface FigureFacts {
  indicator: Indicator;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reporting: number;
  expected: number;
  /** Base units behind the figure (communes under provinces), when they differ from the above. */
  reportingBase?: number;
  expectedBase?: number;
  target: number | null;
  status: PlanStatus;
  pace?: ReportPace;
  unitsReachingTarget?: number;
  /** The previous period's figure, from the history: `label` reads after "so với" (`năm 2025`). */
  previous?: { label: string; value: number };
  /** A phase total (`tong_giai_doan`): the running total the status was judged on, and its span. */
  phase?: { soFar: string; phase: string; total: number; required: number };
  /** How many units most figures rest on, said once for all: a figure resting on as many says nothing more. */
  usualReporting?: number;
}

type Side = "above" | "below";

interface FigurePhrases {
  /** Before the figure, by the indicator's direction (and whether it fell). */
  lead: (direction: Indicator["direction"], fell: boolean) => string;
  noData: string;
  score: (value: string) => string;
  parts: (numerator: string, denominator: string) => string;
  points: string;
  rise: string;
  fall: string;
  /** What a pace rule asks for: a rise or a fall (nouns in English). */
  paceVerb: { rise: string; fall: string };
  changePoints: (verb: string, by: string, label: string, before: string) => string;
  changeShare: (verb: string, pct: string, label: string, before: string) => string;
  changeBy: (verb: string, by: string, label: string, before: string) => string;
  unchanged: (label: string, before: string) => string;
  baseline: (year: number) => string;
  year: (year: number) => string;
  pace: (met: boolean, verb: string, perYear: string) => string;
  standardBreak: (note: string) => string;
  side: Record<Side, string>;
  /** A target set as a level (rates, scores): met or missed by so much. */
  level: Record<Exclude<PlanStatus, "no_data">, (target: string, gap: string, side: string) => string>;
  /** A target set as an amount: the share reached, then the status. */
  share: (pct: string, target: string) => string;
  plainTarget: (target: string) => string;
  verdict: Record<Exclude<PlanStatus, "no_data">, string>;
  reaching: (n: number, of: number) => string;
  noTarget: string;
  /** A phase total: `lũy kế 2026–2028: 3/4 người, đạt 75% chỉ tiêu giai đoạn 2026–2030`. */
  phaseTotal: (soFar: string, total: string, pct: string, phase: string) => string;
  coverage: (reporting: number, expected: number) => string;
  coverageBase: (reporting: number, expected: number, base: number, baseExpected: number) => string;
}

const VI: FigurePhrases = {
  lead: (direction, fell) => (direction === "higher" ? "đạt " : direction === "lower" && fell ? "còn " : ""),
  noData: "chưa có số liệu (không đơn vị nào có số liệu sử dụng được)",
  score: (value) => `bình quân ${value}/đơn vị`,
  parts: (n, d) => ` (${n}/${d})`,
  points: "điểm %",
  rise: "tăng",
  fall: "giảm",
  paceVerb: { rise: "tăng", fall: "giảm" },
  changePoints: (verb, by, label, before) => `${verb} ${by} điểm % so với ${label} (${before})`,
  changeShare: (verb, pct, label, before) => `${verb} ${pct}% so với ${label} (${before})`,
  changeBy: (verb, by, label, before) => `${verb} ${by} so với ${label} (${before})`,
  unchanged: (label, before) => `không thay đổi so với ${label} (${before})`,
  baseline: (year) => `mức cơ sở năm ${year}`,
  year: (year) => `năm ${year}`,
  pace: (met, verb, perYear) => `${met ? "đạt" : "chưa đạt"} yêu cầu ${verb} tối thiểu ${perYear}/năm`,
  standardBreak: (note) => `lưu ý: hai số liệu đo theo hai chuẩn khác nhau (${note})`,
  side: { above: "cao hơn", below: "thấp hơn" },
  level: {
    met: (t, gap, side) => `đạt chỉ tiêu ${t} đề ra${gap ? ` (${side} ${gap})` : ""}`,
    missed: (t, gap, side) => `không đạt chỉ tiêu ${t} đề ra${gap ? ` (${side} ${gap})` : ""}`,
    on_track: (t) => `đúng tiến độ thực hiện chỉ tiêu ${t} đề ra`,
    behind: (t) => `chậm tiến độ thực hiện chỉ tiêu ${t} đề ra`,
    no_target: (t) => `chỉ tiêu đề ra ${t}, chưa đánh giá được (thiếu số gốc)`,
  },
  share: (pct, t) => `đạt ${pct}% kế hoạch (${t})`,
  plainTarget: (t) => `kế hoạch ${t}`,
  verdict: {
    met: "đạt chỉ tiêu",
    missed: "không đạt chỉ tiêu",
    on_track: "đúng tiến độ",
    behind: "chậm tiến độ",
    no_target: "chưa đánh giá được (thiếu số gốc)",
  },
  reaching: (n, of) => `có ${n}/${of} đơn vị đạt mức này`,
  noTarget: "không có chỉ tiêu kế hoạch",
  phaseTotal: (soFar, total, pct, phase) =>
    `lũy kế ${soFar}: ${total}, đạt ${pct}% chỉ tiêu giai đoạn ${phase}`,
  coverage: (r, e) => `Số liệu tổng hợp từ ${r}/${e} đơn vị.`,
  coverageBase: (r, e, b, be) => `Số liệu tổng hợp từ ${r}/${e} đơn vị (${b}/${be} đơn vị cấp xã).`,
};

const EN: FigurePhrases = {
  lead: () => "",
  noData: "no data (no unit gave a usable figure)",
  score: (value) => `an average of ${value} per unit`,
  parts: (n, d) => ` (${n}/${d})`,
  points: "percentage points",
  rise: "up",
  fall: "down",
  paceVerb: { rise: "rise", fall: "fall" },
  changePoints: (verb, by, label, before) => `${verb} ${by} percentage points on ${label} (${before})`,
  changeShare: (verb, pct, label, before) => `${verb} ${pct}% on ${label} (${before})`,
  changeBy: (verb, by, label, before) => `${verb} ${by} on ${label} (${before})`,
  unchanged: (label, before) => `unchanged on ${label} (${before})`,
  baseline: (year) => `the ${year} baseline`,
  year: (year) => String(year),
  pace: (met, verb, perYear) =>
    `${met ? "meeting" : "short of"} the required ${verb} of at least ${perYear} a year`,
  standardBreak: (note) => `note: the two figures were measured under different standards (${note})`,
  side: { above: "above", below: "below" },
  level: {
    met: (t, gap, side) => `target of ${t} met${gap ? ` (${gap} ${side})` : ""}`,
    missed: (t, gap, side) => `target of ${t} missed${gap ? ` (${gap} ${side})` : ""}`,
    on_track: (t) => `on track for the target of ${t}`,
    behind: (t) => `behind schedule for the target of ${t}`,
    no_target: (t) => `target of ${t}; not assessable yet (no baseline)`,
  },
  share: (pct, t) => `${pct}% of the plan (${t})`,
  plainTarget: (t) => `plan ${t}`,
  verdict: {
    met: "target met",
    missed: "target missed",
    on_track: "on track",
    behind: "behind schedule",
    no_target: "not assessable yet (no baseline)",
  },
  reaching: (n, of) => `${n} of ${of} units at that level`,
  noTarget: "no target set",
  phaseTotal: (soFar, total, pct, phase) =>
    `running total ${soFar}: ${total}, ${pct}% of the ${phase} phase target`,
  coverage: (r, e) => `Figures from ${r} of ${e} units.`,
  coverageBase: (r, e, b, be) => `Figures from ${r} of ${e} units (${b} of ${be} commune-level units).`,
};

export const FIGURE_PHRASES: Record<ReportLang, FigurePhrases> = { vi: VI, en: EN };

/** A difference of rates is in percentage points; of anything else, in the indicator's unit. */
function difference(ind: Indicator, d: number, lang: ReportLang): string {
  return ind.kind === "rate"
    ? `${numberText(d, ind.decimals, lang)} ${FIGURE_PHRASES[lang].points}`
    : withUnit(ind, d, lang);
}

/** `38,85% (51.067/131.456 người)`, `83.655,9 triệu đồng`, `bình quân 6,57 tiêu chí/đơn vị`. */
export function figureClause(f: FigureFacts, lang: ReportLang): string {
  const p = FIGURE_PHRASES[lang];
  const ind = f.indicator;
  if (f.value === null) return p.noData;
  const before = f.previous?.value ?? f.pace?.fromValue;
  const fell = before !== undefined && f.value < before;
  const value = withUnit(ind, f.value, lang);
  if (ind.kind === "score") return p.lead(ind.direction, fell) + p.score(value);
  // An amount reads best bare: "83.655,9 triệu đồng, đạt 95,1% kế hoạch".
  let text = (ind.kind === "rate" ? p.lead(ind.direction, before === undefined || fell) : "") + value;
  if (ind.kind === "rate" && f.numerator !== null && f.denominator !== null) {
    const num = numberText(f.numerator, partDecimals(ind, "numerator"), lang);
    const den = numberText(f.denominator, partDecimals(ind, "denominator"), lang);
    const nu = ind.numerator?.unit[lang];
    const du = ind.denominator?.unit[lang] ?? "";
    text += p.parts(nu && nu !== du ? `${num} ${nu}` : num, du ? `${den} ${du}` : den);
  }
  return text;
}

/** The change from an earlier figure: in points for a rate, in % for an amount, in units for a score. */
export function changeClause(
  ind: Indicator,
  value: number,
  before: number,
  label: string,
  lang: ReportLang,
): string {
  const p = FIGURE_PHRASES[lang];
  const was = withUnit(ind, before, lang);
  const d = value - before;
  if (Number(Math.abs(d).toFixed(figureDecimals(ind))) === 0) return p.unchanged(label, was);
  const verb = d > 0 ? p.rise : p.fall;
  if (ind.kind === "rate")
    return p.changePoints(verb, numberText(Math.abs(d), ind.decimals, lang), label, was);
  const pct = (Math.abs(d) / before) * 100;
  if (ind.kind === "score" || before <= 0 || Number(pct.toFixed(SHARE_DECIMALS)) === 0)
    return p.changeBy(verb, difference(ind, Math.abs(d), lang), label, was);
  return p.changeShare(verb, numberText(pct, SHARE_DECIMALS, lang), label, was);
}

/** The pace rule's reckoning: the change from its starting figure, and whether it is enough. */
function paceClause(f: FigureFacts, pace: ReportPace, lang: ReportLang): string {
  const p = FIGURE_PHRASES[lang];
  const ind = f.indicator;
  const label = pace.fromSource === "baseline" ? p.baseline(pace.fromYear) : p.year(pace.fromYear);
  const change = changeClause(ind, f.value as number, pace.fromValue, label, lang);
  const verb = pace.rule === "giam_moi_nam" ? p.paceVerb.fall : p.paceVerb.rise;
  let text = `${change}, ${p.pace(pace.met, verb, difference(ind, pace.perYear, lang))}`;
  if (pace.crossesStandardBreak && ind.seriesBreak)
    text += ` (${p.standardBreak(ind.seriesBreak.note[lang])})`;
  return text;
}

/** The target and the status against it. */
export function targetClause(f: FigureFacts, lang: ReportLang): string {
  const p = FIGURE_PHRASES[lang];
  const ind = f.indicator;
  if (f.status === "no_data") return f.target == null ? "" : p.plainTarget(withUnit(ind, f.target, lang));
  if (f.target == null) return p.noTarget;
  const target = withUnit(ind, f.target, lang);
  const status = f.status;
  if (f.phase && status !== "no_target") {
    const ph = f.phase;
    const total = `${numberText(ph.total, ind.decimals, lang)}/${withUnit(ind, ph.required, lang)}`;
    const pct = ph.required > 0 ? numberText((ph.total / ph.required) * 100, SHARE_DECIMALS, lang) : "0";
    return `${p.phaseTotal(ph.soFar, total, pct, ph.phase)}, ${p.verdict[status]}`;
  }
  if (ind.kind === "rate" || ind.kind === "score") {
    const d = (f.value as number) - f.target;
    const gap = Number(Math.abs(d).toFixed(ind.decimals)) === 0 ? "" : difference(ind, Math.abs(d), lang);
    let text = p.level[status](target, gap, p.side[d > 0 ? "above" : "below"]);
    if (ind.kind === "score" && f.unitsReachingTarget !== undefined)
      text += `; ${p.reaching(f.unitsReachingTarget, f.reporting)}`;
    return text;
  }
  const share =
    ind.direction === "higher" && f.target > 0
      ? p.share(numberText(((f.value as number) / f.target) * 100, SHARE_DECIMALS, lang), target)
      : p.plainTarget(target);
  return `${share}, ${p.verdict[status]}`;
}

/** How many units the figure rests on, when some are missing: a sentence of its own, or nothing. */
export function coverageSentence(f: FigureFacts, lang: ReportLang): string {
  const p = FIGURE_PHRASES[lang];
  const base = f.reportingBase !== undefined && f.expectedBase !== undefined && f.expectedBase !== f.expected;
  if (f.value === null || (f.reporting >= f.expected && (!base || f.reportingBase === f.expectedBase)))
    return "";
  if (f.usualReporting === f.reporting && !base) return "";
  return base
    ? p.coverageBase(f.reporting, f.expected, f.reportingBase as number, f.expectedBase as number)
    : p.coverage(f.reporting, f.expected);
}

/**
 * Everything after the indicator's name: `38,85% (51.067/131.456 người), tăng 1,2 điểm % so với
 * năm 2025 (37,65%); không đạt chỉ tiêu 40% đề ra (thấp hơn 1,15 điểm %).`
 */
export function describeFigure(f: FigureFacts, lang: ReportLang): string {
  let text = figureClause(f, lang);
  if (f.value !== null) {
    if (f.pace) text += `, ${paceClause(f, f.pace, lang)}`;
    else if (f.previous)
      text += `, ${changeClause(f.indicator, f.value, f.previous.value, f.previous.label, lang)}`;
  }
  const target = targetClause(f, lang);
  // An amount's share of the plan continues the figure; a rate's target is a clause of its own.
  const amount = f.indicator.kind === "amount" || f.indicator.kind === "count";
  const continues = amount && f.target != null && f.value !== null && !f.pace && !f.previous;
  if (target) text += `${continues ? "," : ";"} ${target}`;
  text += ".";
  const coverage = coverageSentence(f, lang);
  return coverage ? `${text} ${coverage}` : text;
}
