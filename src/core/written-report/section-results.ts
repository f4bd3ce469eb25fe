import { heading, text } from "./blocks";
import type { Entry, ReportContext } from "./context";
import { roman } from "./phrases";
import { describeFigure } from "./sentences";
import type { Block } from "./types";

/*
 * II. Each indicator's figure, by the template's parts (A. Kinh tế, B. Xã hội, môi trường…),
 * numbered as in the appendix's table. An optional part nobody filled is left out.
 */

/** The entries grouped by part, in the report's order. */
export function parts(ctx: ReportContext): { key: string; title: string; entries: Entry[] }[] {
  const out: { key: string; title: string; entries: Entry[] }[] = [];
  for (const e of ctx.entries) {
    const last = out[out.length - 1];
    if (last && last.key === e.part.key) last.entries.push(e);
    else out.push({ key: e.part.key, title: e.part.title, entries: [e] });
  }
  return out;
}

export function resultsSection(ctx: ReportContext): Block[] {
  const { p } = ctx;
  const out: Block[] = [heading("section", `${roman(2)}. ${p.sections[1]}`)];
  const shown = parts(ctx).filter(
    (part) => !part.entries.every((e) => e.part.optional && e.row.value === null),
  );
  const count = shown.reduce((n, part) => n + part.entries.length, 0);
  const usual = ctx.entries[0]?.facts.usualReporting;
  const expected = ctx.entries[0]?.row.expected ?? 0;
  out.push(text(p.resultsIntro(count, usual !== undefined ? [usual, expected] : undefined)));
  for (const part of shown) {
    out.push(heading("part", `${part.key}. ${part.title}`));
    for (const e of part.entries)
      out.push(text(`${e.no}. ${e.indicator.name[ctx.lang]}: `, describeFigure(e.facts, ctx.lang)));
  }
  return out;
}
