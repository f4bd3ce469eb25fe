import type { Indicator } from "../catalog/types";
import type { ReportGroup, ReportPerUnit } from "../json-report/types";
import { fill, heading, item, text } from "./blocks";
import { standingOf, unitName, type Entry, type ReportContext } from "./context";
import { fixedText, figureDecimals, numberText } from "./figure-text";
import { roman, type Standing } from "./phrases";
import type { Block, Table } from "./types";

/*
 * III. The overall assessment: how many indicators are met, on track, behind, missed (by name); each
 * roster group (the border communes) against the other units; the units' own targets; and the
 * causes, left for the person to write.
 */

export const STANDING_ORDER: Standing[] = [
  "met",
  "on_track",
  "behind",
  "missed",
  "not_judged",
  "no_target",
  "no_data",
];

/** Units listed one by one under their own targets; the rest are counted. */
const UNITS_LISTED = 30;

/** How many of the widest gaps between a group and the rest are named. */
const GAPS_NAMED = 3;

function tally(entries: Entry[]): [Standing, Entry[]][] {
  return STANDING_ORDER.map((s): [Standing, Entry[]] => [s, entries.filter((e) => e.standing === s)]).filter(
    ([, list]) => list.length > 0,
  );
}

function planPoint(ctx: ReportContext, no: number): Block[] {
  const { p, lang } = ctx;
  const counts = tally(ctx.entries);
  const out: Block[] = [heading("point", `${no}. ${p.againstPlan}`)];
  out.push(text(p.tally(counts.map(([s, list]) => [s, list.length]))));
  for (const [s, list] of counts)
    out.push(
      item("-", p.standingList(s, list.length) + list.map((e) => e.indicator.name[lang]).join("; ") + "."),
    );
  return out;
}

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The figure of the units outside a group: what the scope has that the group has not. */
export function restFigure(ind: Indicator, scope: Entry["row"], group: ReportGroup): number | null {
  if (ind.kind === "rate" || ind.kind === "score") {
    if (
      scope.numerator === null ||
      scope.denominator === null ||
      group.numerator === null ||
      group.denominator === null
    )
      return null;
    const den = scope.denominator - group.denominator;
    if (!(den > 0)) return null;
    const ratio = (scope.numerator - group.numerator) / den;
    return ind.kind === "rate" ? ratio * 100 : ratio;
  }
  if (scope.value === null || group.value === null) return null;
  return scope.value - group.value;
}

/** Whether a group's figure is worse (-1), better (1) or the same (0) as the rest's, by the indicator's direction. */
function compare(ind: Indicator, groupValue: number, rest: number): -1 | 0 | 1 {
  const d = Number((groupValue - rest).toFixed(figureDecimals(ind)));
  if (d === 0 || ind.direction === "none") return 0;
  return d > 0 === (ind.direction === "higher") ? 1 : -1;
}

function groupPoint(ctx: ReportContext, point: number, code: string, rows: ReportGroup[]): Block[] {
  const { p, lang } = ctx;
  const entries = new Map(ctx.entries.map((e) => [e.code, e]));
  const name = p.groupName(code);
  const table: Table = {
    kind: "table",
    columns: [
      { title: p.columns.no, width: 12, align: "center" },
      { title: p.columns.indicator, width: 58, align: "left" },
      { title: p.columns.unit, width: 20, align: "center" },
      { title: capitalised(name.replace(/^the /, "")), width: 26, align: "right" },
      { title: p.rest, width: 26, align: "right" },
      { title: p.whole(ctx.lang === "vi" ? ctx.scope.word : ctx.scope.wordEn), width: 26, align: "right" },
    ],
    rows: [],
  };
  let worse = 0;
  let better = 0;
  let judged = 0;
  const gaps: { e: Entry; gap: number; group: number; rest: number }[] = [];
  let reporting = 0;
  let expected = 0;
  const no = (g: ReportGroup): number => entries.get(g.indicator)?.no ?? Infinity;
  for (const g of [...rows].sort((a, b) => no(a) - no(b))) {
    const e = entries.get(g.indicator);
    if (!e) continue;
    reporting = Math.max(reporting, g.reporting);
    expected = Math.max(expected, g.expected);
    const rest = restFigure(e.indicator, e.row, g);
    const show = (x: number | null): string =>
      x === null ? "-" : fixedText(x, figureDecimals(e.indicator), lang);
    table.rows.push({
      kind: "body",
      cells: [
        String(e.no),
        e.indicator.name[lang],
        e.indicator.unit[lang],
        show(g.value),
        show(rest),
        show(e.row.value),
      ],
    });
    const comparable = e.indicator.kind === "rate" || e.indicator.kind === "score";
    if (!comparable || g.value === null || rest === null || e.indicator.direction === "none") continue;
    judged++;
    const c = compare(e.indicator, g.value, rest);
    if (c < 0) worse++;
    if (c > 0) better++;
    if (e.indicator.kind === "rate") gaps.push({ e, gap: Math.abs(g.value - rest), group: g.value, rest });
  }
  const out: Block[] = [heading("point", `${point}. ${p.groupsAgainstRest(name)}`)];
  out.push(text(p.groupSummary(name, reporting, expected, worse, judged, better)));
  const widest = gaps.sort((a, b) => b.gap - a.gap || a.e.no - b.e.no).slice(0, GAPS_NAMED);
  if (widest.length > 0) {
    const pct = (x: number, e: Entry): string => `${numberText(x, figureDecimals(e.indicator), lang)}%`;
    out.push(
      text(
        p.widestGaps +
          widest
            .map((w) => p.gapItem(w.e.indicator.name[lang], pct(w.group, w.e), pct(w.rest, w.e)))
            .join("; ") +
          ".",
      ),
    );
  }
  out.push(table);
  return out;
}

function unitTargetsPoint(ctx: ReportContext, no: number, judged: ReportPerUnit[]): Block[] {
  const { p, lang } = ctx;
  const byUnit = new Map<string, ReportPerUnit[]>();
  for (const r of judged) {
    const list = byUnit.get(r.unit);
    if (list) list.push(r);
    else byUnit.set(r.unit, [r]);
  }
  const names = new Map(ctx.entries.map((e) => [e.code, e.indicator.name[lang]]));
  const out: Block[] = [heading("point", `${no}. ${p.unitTargets}`)];
  let listed = 0;
  for (const [unit, rows] of byUnit) {
    if (listed++ === UNITS_LISTED) {
      out.push(item("-", `${p.andMore(byUnit.size - UNITS_LISTED)}.`));
      break;
    }
    const counts = STANDING_ORDER.map((s): [Standing, number, string[]] => {
      const of = rows.filter((r) => standingOf(r.status, r.target, r.value) === s);
      const named =
        s === "behind" || s === "missed" ? of.map((r) => names.get(r.indicator) ?? r.indicator) : [];
      return [s, of.length, named];
    }).filter(([, n]) => n > 0);
    out.push(item("-", `${unitName(ctx, unit)}: ${p.unitTally(counts)}`));
  }
  return out;
}

export function assessmentSection(ctx: ReportContext): Block[] {
  const { p } = ctx;
  const out: Block[] = [heading("section", `${roman(3)}. ${p.sections[2]}`)];
  let no = 1;
  out.push(...planPoint(ctx, no++));

  const groups = new Map<string, ReportGroup[]>();
  for (const g of ctx.report.groups) {
    const list = groups.get(g.group);
    if (list) list.push(g);
    else groups.set(g.group, [g]);
  }
  const scopeExpected = ctx.report.indicators[0]?.expected ?? 0;
  for (const [code, rows] of groups) {
    // A group that is every unit has no "rest" to stand against.
    if (rows.every((g) => g.expected >= scopeExpected)) continue;
    out.push(...groupPoint(ctx, no++, code, rows));
  }

  const judged = ctx.report.perUnit.filter(
    (r) => r.status === "met" || r.status === "on_track" || r.status === "behind" || r.status === "missed",
  );
  if (judged.length > 0) out.push(...unitTargetsPoint(ctx, no++, judged));

  out.push(heading("point", `${no}. ${p.causes}`));
  out.push(text(fill(p.fill.causes)));
  return out;
}
