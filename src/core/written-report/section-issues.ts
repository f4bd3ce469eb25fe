import type { Issue } from "../issues";
import { fill, heading, item, text } from "./blocks";
import { unitName, type ReportContext } from "./context";
import { roman } from "./phrases";
import type { Block } from "./types";

/*
 * IV. The data problems left to fix, by unit: every error (the values it keeps out of the figures),
 * then the warnings (figures used, to be looked at). V. Proposals drawn from them, and room for the
 * person's own.
 */

/** Errors listed one by one; past them the section says how many more (the workbook lists them all). */
export const ERRORS_LISTED = 60;
export const WARNINGS_LISTED = 40;

/** Said elsewhere: who is late or missing (section I), how figures stand against the plan (II, III). */
const SAID_ELSEWHERE = new Set<Issue["rule"]>(["late", "missing-submission", "target-missed", "pace-missed"]);

const weight = (i: Issue): number => i.count ?? 1;

/** An issue's message with the indicator named rather than coded (`HO_NGHEO: …` → `Tỷ lệ hộ nghèo…: …`). */
function message(ctx: ReportContext, i: Issue): string {
  const m = ctx.lang === "vi" ? i.message : i.messageEn;
  if (!i.indicator) return m;
  const e = ctx.entries.find((x) => x.code === i.indicator);
  // `HO_NGHEO: …` and `HO_NGHEO – Tử số: …`, as the engine writes them.
  const sep = [": ", " – "].find((x) => m.startsWith(`${i.indicator}${x}`));
  return e && sep ? `${e.indicator.name[ctx.lang]}${sep}${m.slice(i.indicator.length + sep.length)}` : m;
}

/** The issues as items under their unit (or file), in the report's order, at most `cap` of them. */
function byUnit(ctx: ReportContext, issues: Issue[], cap: number): Block[] {
  const { p } = ctx;
  const groups = new Map<string, { title: string; issues: Issue[] }>();
  for (const i of issues.slice(0, cap)) {
    const key = i.unit ? `u:${i.unit}` : i.file ? `f:${i.file}` : "-";
    let g = groups.get(key);
    if (!g) {
      const title = i.unit
        ? `${unitName(ctx, i.unit)} (${p.codeWord} ${i.unit})`
        : i.file
          ? p.issueFile(i.file)
          : p.noUnit;
      g = { title, issues: [] };
      groups.set(key, g);
    }
    g.issues.push(i);
  }
  const out: Block[] = [];
  for (const g of groups.values()) {
    out.push(item("-", `${g.title}:`));
    for (const i of g.issues) {
      const where = p.whereIssue(i.file, i.sheet, i.cell, i.line);
      const m = message(ctx, i);
      out.push(item("+", `${where ? `${where}: ` : ""}${m}${/[.!?]$/.test(m) ? "" : "."}`));
    }
  }
  const rest = issues.slice(cap).reduce((n, i) => n + weight(i), 0);
  if (rest > 0) out.push(text(p.moreIssues(rest)));
  return out;
}

export function issuesSection(ctx: ReportContext): Block[] {
  const { p } = ctx;
  const out: Block[] = [heading("section", `${roman(4)}. ${p.sections[3]}`)];
  const errors = ctx.report.issues.filter((i) => i.severity === "error");
  const warnings = ctx.report.issues.filter((i) => i.severity === "warning" && !SAID_ELSEWHERE.has(i.rule));
  const nErrors = errors.reduce((n, i) => n + weight(i), 0);
  const nWarnings = warnings.reduce((n, i) => n + weight(i), 0);
  if (nErrors === 0) out.push(text(p.noErrors));
  else {
    out.push(text(p.errorsIntro(nErrors)));
    out.push(...byUnit(ctx, errors, ERRORS_LISTED));
  }
  if (nWarnings > 0) {
    out.push(text(p.warningsIntro(nWarnings)));
    out.push(...byUnit(ctx, warnings, WARNINGS_LISTED));
  }
  if (nErrors + nWarnings > 0) out.push(text(p.seeWorkbook));
  return out;
}

export function proposalsSection(ctx: ReportContext): Block[] {
  const { p } = ctx;
  const out: Block[] = [heading("section", `${roman(5)}. ${p.sections[4]}`)];
  const missing = ctx.report.units.filter((u) => u.status === "missing").length;
  if (missing > 0) out.push(item("-", p.proposeMissing(missing)));
  if (ctx.report.issues.some((i) => i.severity === "error")) out.push(item("-", p.proposeErrors));
  const short = ctx.entries.filter((e) => e.standing === "missed" || e.standing === "behind").length;
  if (short > 0) out.push(item("-", p.proposeBehind(short)));
  out.push(item("-", fill(p.fill.proposals)));
  return out;
}
