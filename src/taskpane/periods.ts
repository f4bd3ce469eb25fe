import { describePeriod, parsePeriod, type Period, type PeriodKind } from "../core/periods";
import { matchKey } from "../core/text";
import type { Lang } from "./strings";

/*
 * The periods the pane offers to choose from (FORMATS.md §4): the quarters, the halves, the nine
 * months and the year of last year, this year and next year, and the plans' phases. Each is offered
 * by its words (Vietnamese, or English when switched); what is kept and handed to the engine is the
 * canonical period (2026-Q1, 2026-H1, 2026-9M, 2026, 2026-2030). A period typed by hand, in any form
 * FORMATS.md accepts or as the words of the list, is read the same way.
 */

/** The phases of the plans the pane serves (seed 001: 2026–2027 and 2026–2030; seed 003; the last five years). */
export const PHASES = ["2021-2025", "2026-2027", "2026-2030", "2028-2030"] as const;

/** The kinds in the order the list groups them. */
export const CHOICE_KINDS = ["quarter", "half", "9m", "year", "phase"] as const;
export type ChoiceKind = (typeof CHOICE_KINDS)[number];

export interface PeriodChoice {
  /** The canonical period: what is kept and given to the engine. */
  code: string;
  kind: ChoiceKind;
  /** Its words in the pane's language ("6 tháng đầu năm 2026", "First half of 2026"). */
  label: string;
}

/** A period's words, as the list shows it and a heading says it. */
export function periodLabel(p: Period, lang: Lang): string {
  // "Year 2026" reads oddly in English; the bare year is what people write.
  if (p.kind === "year" && lang === "en") return String(p.startYear);
  return describePeriod(p, lang);
}

/** The words after "So với …" / "Compared with …": "năm 2027", "quý I/2026", "giai đoạn 2026–2027". */
export function periodPhrase(code: string, lang: Lang): string {
  const p = parsePeriod(code);
  if (!p) return code;
  const words = periodLabel(p, lang);
  // "Q1 2026" keeps its capital; the others are words inside a sentence.
  return p.kind === "quarter" && lang === "en" ? words : words.charAt(0).toLowerCase() + words.slice(1);
}

/**
 * The list, grouped by kind (quarters, halves, nine months, years, phases), years in order within
 * each group. `kinds` narrows it to what a template reports by (phases are every plan's review).
 */
export function periodChoices(thisYear: number, lang: Lang, kinds?: readonly PeriodKind[]): PeriodChoice[] {
  const years = [thisYear - 1, thisYear, thisYear + 1];
  const codes: Record<ChoiceKind, string[]> = {
    quarter: years.flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`)),
    half: years.flatMap((y) => [`${y}-H1`, `${y}-H2`]),
    "9m": years.map((y) => `${y}-9M`),
    year: years.map(String),
    phase: [...PHASES],
  };
  const out: PeriodChoice[] = [];
  for (const kind of CHOICE_KINDS) {
    if (kinds && kind !== "phase" && !kinds.includes(kind)) continue;
    for (const code of codes[kind]) {
      const p = parsePeriod(code) as Period;
      out.push({ code, kind, label: periodLabel(p, lang) });
    }
  }
  return out;
}

/** The search key of a label: diacritics, case and dashes ignored ("Giai đoạn 2026–2030" = "giai doan 2026-2030"). */
function key(s: string): string {
  return matchKey(s.replace(/[–—]/g, "-"));
}

/**
 * What the person typed or chose, as a period: a canonical code, any form FORMATS.md accepts, or the
 * words of the list in either language ("First half of 2026", "Q3 2026", "Phase 2026–2030").
 * Undefined when it is not a period (an empty text included).
 */
export function readPeriodInput(text: string): Period | undefined {
  const s = text.trim();
  if (!s) return undefined;
  const direct = parsePeriod(s.replace(/[–—]/g, "-"));
  if (direct) return direct;
  const k = key(s);
  let m: RegExpExecArray | null;
  // The English words of the list, and the year alone written "Year 2026".
  if ((m = /^(?:year )?(\d{4})$/.exec(k))) return parsePeriod(m[1]!);
  if ((m = /^q([1-4]) (\d{4})$/.exec(k))) return parsePeriod(`${m[2]}-Q${m[1]}`);
  if ((m = /^(first|second) half of (\d{4})$/.exec(k)))
    return parsePeriod(`${m[2]}-H${m[1] === "first" ? 1 : 2}`);
  if ((m = /^nine months of (\d{4})$/.exec(k))) return parsePeriod(`${m[1]}-9M`);
  if ((m = /^phase (\d{4}) ?- ?(\d{4})$/.exec(k))) return parsePeriod(`${m[1]}-${m[2]}`);
  return undefined;
}

/**
 * The choices that fit what is typed: all of them while nothing is, or while the box shows a chosen
 * period's own words; else those whose words or code contain the text.
 */
export function filterChoices(choices: PeriodChoice[], typed: string): PeriodChoice[] {
  const k = key(typed);
  if (!k || choices.some((c) => key(c.label) === k)) return choices;
  return choices.filter((c) => key(c.label).includes(k) || key(c.code).includes(k));
}
