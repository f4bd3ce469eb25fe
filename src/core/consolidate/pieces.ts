import { findIndicator } from "../catalog/indicators";
import { templateIndicatorCodes, type Template } from "../catalog/templates";
import type { Indicator } from "../catalog/types";
import { ExactSum } from "../exact-sum";
import { makeIssue, type Issue } from "../issues";
import type { IssueSink } from "../issues-fold";
import { describePeriod, findCover, monthSpan, type Period } from "../periods";
import type { CarriedGroup, SummaryCarried, UnitFigure } from "../submission/unit-figure";
import type { Accepted } from "./choose";

/*
 * A unit's figures for period P from the pieces it sent for shorter periods (FORMATS.md §4a): the
 * pieces that cover P exactly, the fewest when several sets do; flows (`sum`) added over them, a
 * rate by its numerators and denominators; stocks (`last`) from the latest piece. A gap is never
 * guessed: the flows do not enter and the stocks come from the latest piece, each said so.
 */

/** What the pieces give: the unit's figures as if it had sent one file, and the pieces they came from. */
export interface Combined {
  /** The figures and summary counts, carried by the latest piece used (its metadata, its file). */
  accepted: Accepted;
  /** The pieces read, oldest first: those the cover uses, and the latest piece when there is a gap. */
  used: Accepted[];
  /**
   * The pieces the unit's figures came from (`units[].sources`): those used; with a gap only the
   * latest piece, since the flows do not enter and the stocks come from it alone.
   */
  sources: Accepted[];
}

const periodOf = (a: Accepted): Period => a.sub.meta.period as Period;

/**
 * Combines one unit's pieces (one per period: duplicates already settled) into its figures for
 * `whole`. Names the pieces left out (overlapping the ones used) and the gap, if any.
 */
export function combinePieces(
  pieces: Accepted[],
  whole: Period,
  template: Template,
  unitName: string,
  issues: IssueSink,
): Combined | undefined {
  const cover = findCover(whole, pieces, periodOf);
  if (cover.used.length === 0) return undefined;
  const used = cover.used;
  const gap = cover.missing;
  // Stocks come from the latest piece. With a gap, that may be a piece the flows could not use
  // (9M and H2 for a year: the flows use 9M, the stocks H2, December's state).
  const latest = gap.length > 0 ? latestPiece(used, cover.leftOut) : (used[used.length - 1] as Accepted);
  const sources = used.includes(latest) ? used : [...used, latest].sort(byTime);
  for (const a of cover.leftOut) if (a !== latest) issues.push(leftOut(a, used, whole));
  const figures = combineFigures(
    used.map((a) => a.figures),
    template,
    gap.length > 0,
    latest.figures,
  );
  if (gap.length > 0) {
    for (const i of gapIssues(used, latest, whole, gap, template, unitName, figures.dropped)) issues.push(i);
  }
  for (const i of figures.notSummed) issues.push(notSummed(i.code, i.lacking, used, whole));
  const accepted: Accepted = { sub: latest.sub, unit: latest.unit, figures: figures.figures };
  const summary = combineSummaries(used, latest, template, gap.length > 0);
  if (summary) accepted.summary = summary;
  return { accepted, used: sources, sources: gap.length > 0 ? [latest] : used };
}

function byTime(a: Accepted, b: Accepted): number {
  const x = monthSpan(periodOf(a));
  const y = monthSpan(periodOf(b));
  return x.last - y.last || x.first - y.first;
}

/** The piece ending latest; on a tie one of those used, else the longest. */
function latestPiece(used: Accepted[], leftOut: Accepted[]): Accepted {
  let best = used[used.length - 1] as Accepted;
  for (const a of leftOut) {
    const x = monthSpan(periodOf(a));
    const y = monthSpan(periodOf(best));
    if (x.last > y.last || (x.last === y.last && !used.includes(best) && x.first < y.first)) best = a;
  }
  return best;
}

interface CombinedFigures {
  figures: Map<string, UnitFigure>;
  /** `sum` indicators left out for a gap. */
  dropped: string[];
  /** `sum` indicators some pieces lack a figure for: not added, the pieces named. */
  notSummed: { code: string; lacking: number[] }[];
}

/**
 * Figures of the pieces, oldest first, combined indicator by indicator: `sum` added (when there is
 * no gap and every piece has one), `last` from the latest piece.
 */
function combineFigures(
  pieces: Map<string, UnitFigure>[],
  template: Template,
  gap: boolean,
  latest: Map<string, UnitFigure>,
): CombinedFigures {
  const out: CombinedFigures = { figures: new Map(), dropped: [], notSummed: [] };
  const codes = [...templateIndicatorCodes(template)];
  for (const m of [...pieces, latest])
    for (const code of m.keys()) if (!codes.includes(code)) codes.push(code);
  for (const code of codes) {
    const ind = findIndicator(code);
    if (!ind || !addsUp(ind)) {
      const f = latest.get(code);
      if (f) out.figures.set(code, f);
      continue;
    }
    const parts = pieces.map((m) => m.get(code));
    if (parts.every((f) => f === undefined)) continue;
    if (gap) {
      out.dropped.push(code);
      continue;
    }
    const lacking = parts.flatMap((f, i) => (f && usable(ind, f) ? [] : [i]));
    if (lacking.length > 0) {
      out.notSummed.push({ code, lacking });
      continue;
    }
    out.figures.set(code, sumFigures(ind, parts as UnitFigure[]));
  }
  return out;
}

/** Flows add over time; a score (criteria met) is a state, whatever the catalog says. */
function addsUp(ind: Indicator): boolean {
  return ind.time === "sum" && ind.kind !== "score";
}

function usable(ind: Indicator, f: UnitFigure): boolean {
  return ind.kind === "rate" ? f.numerator !== null && f.denominator !== null : f.value !== null;
}

/** A flow over the pieces: values added, a rate's numerators and denominators added. */
function sumFigures(ind: Indicator, parts: UnitFigure[]): UnitFigure {
  const last = parts[parts.length - 1] as UnitFigure;
  const total = (pick: (f: UnitFigure) => number | null): number | null => {
    const s = new ExactSum();
    for (const f of parts) {
      const x = pick(f);
      if (x === null) return null;
      s.add(x);
    }
    return s.value();
  };
  const fig: UnitFigure = { ...last, plan: total((f) => f.plan) };
  if (ind.kind === "rate") {
    const n = total((f) => f.numerator) as number;
    const d = total((f) => f.denominator) as number;
    fig.numerator = n;
    fig.denominator = d;
    fig.value = d > 0 ? (100 * n) / d : null;
  } else {
    fig.value = total((f) => f.value);
  }
  // A summary's counts: the units behind every piece (a unit missing from one piece is behind none of the sum).
  const least = (pick: (f: UnitFigure) => number | undefined): number | undefined => {
    const xs = parts.map(pick);
    return xs.every((x) => x !== undefined) ? Math.min(...(xs as number[])) : undefined;
  };
  const reporting = least((f) => f.reporting);
  const reportingBase = least((f) => f.reportingBase);
  if (reporting !== undefined) fig.reporting = reporting;
  else delete fig.reporting;
  if (reportingBase !== undefined) fig.reportingBase = reportingBase;
  else delete fig.reportingBase;
  return fig;
}

/** A summary's counts and groups, combined like its figures: the latest piece's counts. */
function combineSummaries(
  used: Accepted[],
  latest: Accepted,
  template: Template,
  gap: boolean,
): SummaryCarried | undefined {
  if (!latest.summary) return undefined;
  const out: SummaryCarried = { groups: new Map() };
  if (latest.summary.expected !== undefined) out.expected = latest.summary.expected;
  if (latest.summary.expectedBase !== undefined) out.expectedBase = latest.summary.expectedBase;
  for (const [name, g] of latest.summary.groups) {
    const all = used.map((a) => a.summary?.groups.get(name)?.figures ?? new Map<string, UnitFigure>());
    const group: CarriedGroup = { figures: combineFigures(all, template, gap, g.figures).figures };
    if (g.expected !== undefined) group.expected = g.expected;
    if (g.expectedBase !== undefined) group.expectedBase = g.expectedBase;
    out.groups.set(name, group);
  }
  return out;
}

function piecesText(list: Accepted[], lang: "vi" | "en"): string {
  return list.map((a) => `${describePeriod(periodOf(a), lang)} (${a.sub.raw.file})`).join(", ");
}

function periodsText(list: Period[], lang: "vi" | "en"): string {
  return list.map((p) => `${describePeriod(p, lang)} (${p.code})`).join(", ");
}

/** A piece that overlaps those used: not counted, so that no month is counted twice. */
function leftOut(a: Accepted, used: Accepted[], whole: Period): Issue {
  const p = periodOf(a);
  return makeIssue(
    "warning",
    "duplicate-submission",
    used.length > 0
      ? {
          vi: `Báo cáo kỳ ${describePeriod(p)} (${p.code}) trùng thời gian với các báo cáo đã dùng để ghép kỳ ${describePeriod(whole)} (${whole.code}): ${piecesText(used, "vi")}; không dùng, để không tính hai lần`,
          en: `The report for ${describePeriod(p, "en")} (${p.code}) overlaps the reports used to make ${describePeriod(whole, "en")} (${whole.code}): ${piecesText(used, "en")}; not used, so that nothing is counted twice`,
        }
      : {
          vi: `Báo cáo kỳ ${describePeriod(p)} (${p.code}) không dùng: đơn vị đã có báo cáo kỳ ${describePeriod(whole)} (${whole.code})`,
          en: `The report for ${describePeriod(p, "en")} (${p.code}) is not used: the unit reported for ${describePeriod(whole, "en")} (${whole.code}) itself`,
        },
    { ...(a.sub.meta.periodAt ?? { file: a.sub.raw.file }), unit: a.unit },
  );
}

/** Own submission for the period wins: its pieces are named as not used. */
export function pieceNotUsed(a: Accepted, whole: Period): Issue {
  return leftOut(a, [], whole);
}

/** The gap: an error for the flows, which do not enter; a warning for the stocks, from the latest piece. */
function gapIssues(
  used: Accepted[],
  latest: Accepted,
  whole: Period,
  gap: Period[],
  template: Template,
  unitName: string,
  dropped: string[],
): Issue[] {
  const lp = periodOf(latest);
  const who = unitName ? `${unitName} (${latest.unit})` : latest.unit;
  const head = {
    vi: `${who} gửi ${piecesText(used, "vi")} nhưng còn thiếu ${periodsText(gap, "vi")} để đủ kỳ ${describePeriod(whole)} (${whole.code})`,
    en: `${who} sent ${piecesText(used, "en")} but ${periodsText(gap, "en")} ${gap.length === 1 ? "is" : "are"} missing to make ${describePeriod(whole, "en")} (${whole.code})`,
  };
  const where = { file: latest.sub.raw.file, unit: latest.unit };
  const out: Issue[] = [];
  if (dropped.length > 0) {
    out.push(
      makeIssue(
        "error",
        "incomplete-period",
        {
          vi: `${head.vi}: các chỉ tiêu cộng dồn ${dropped.join(", ")} không được tổng hợp`,
          en: `${head.en}: the indicators that add up over time, ${dropped.join(", ")}, are not counted`,
        },
        where,
      ),
    );
  }
  const stocks = templateIndicatorCodes(template).filter((c) => {
    const ind = findIndicator(c);
    return ind && !addsUp(ind) && latest.figures.has(c);
  });
  if (stocks.length > 0) {
    out.push(
      makeIssue(
        "warning",
        "incomplete-period",
        {
          vi: `${head.vi}: các chỉ tiêu thời điểm ${stocks.join(", ")} lấy theo báo cáo mới nhất, ${describePeriod(lp)} (${latest.sub.raw.file})`,
          en: `${head.en}: the indicators taken at a point in time, ${stocks.join(", ")}, come from the latest report, ${describePeriod(lp, "en")} (${latest.sub.raw.file})`,
        },
        where,
      ),
    );
  }
  return out;
}

/** A flow some pieces have no usable figure for: the sum would be short, so it does not enter. */
function notSummed(code: string, lacking: number[], used: Accepted[], whole: Period): Issue {
  const those = lacking.map((i) => used[i] as Accepted);
  const first = those[0] as Accepted;
  return makeIssue(
    "error",
    "incomplete-period",
    {
      vi: `${code}: không có số liệu dùng được trong ${piecesText(those, "vi")}, nên không cộng được cho kỳ ${describePeriod(whole)} (${whole.code}): chỉ tiêu không được tổng hợp`,
      en: `${code}: no usable figure in ${piecesText(those, "en")}, so it cannot be added up for ${describePeriod(whole, "en")} (${whole.code}): not counted`,
    },
    { file: first.sub.raw.file, unit: first.unit, indicator: code },
  );
}
