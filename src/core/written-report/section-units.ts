import type { ReportUnit } from "../json-report/types";
import { heading, item, nameList, text } from "./blocks";
import type { ReportContext } from "./context";
import { numberText, SHARE_DECIMALS } from "./figure-text";
import { roman } from "./phrases";
import type { Block } from "./types";

/*
 * I. Who reported: the units due, received (on time, late), missing, rejected and why, several
 * versions and none used, and reports from units outside the roster, each by name.
 */

/** Past this many names a list says how many more there are: a nation's roster is 3,321 communes. */
export const NAMES_LISTED = 100;

/** Why a rejected unit's report could not be used: the first error about the unit or its file. */
function rejectionReason(ctx: ReportContext, u: ReportUnit): string | undefined {
  const issue =
    ctx.report.issues.find((i) => i.severity === "error" && i.unit === u.code && !i.indicator) ??
    ctx.report.issues.find((i) => i.severity === "error" && !!u.file && i.file === u.file && !i.indicator);
  if (!issue) return undefined;
  return ctx.lang === "vi" ? issue.message : issue.messageEn;
}

export function unitsSection(ctx: ReportContext): Block[] {
  const { p, report } = ctx;
  const by = (s: ReportUnit["status"]): ReportUnit[] => report.units.filter((u) => u.status === s);
  const expected = report.indicators[0]?.expected ?? ctx.roster.length;
  const late = by("late");
  const received = by("ok").length + late.length;
  const due = ctx.input.due ? p.shortDate(ctx.input.due) : undefined;
  const out: Block[] = [heading("section", `${roman(1)}. ${p.sections[0]}`)];

  out.push(text(p.reportingPeriod(p.periodLabel(ctx.period, false), ctx.template.name[ctx.lang])));
  out.push(text(p.expectedUnits(expected, p.unitNoun[ctx.unitsKind], due)));
  const pct = expected > 0 ? numberText((received / expected) * 100, SHARE_DECIMALS, ctx.lang) : "0";
  out.push(
    text(
      received === 0
        ? p.nothingReceived
        : p.received(received, expected, pct, due ? received - late.length : undefined, late.length),
    ),
  );

  const more = p.andMore;
  const lists: Block[] = [];
  if (late.length > 0) {
    const names = late.map((u) =>
      u.reportDate ? `${u.name} (${p.signedOn(p.shortDate(u.reportDate))})` : u.name,
    );
    lists.push(item("-", p.lateList(late.length) + nameList(names, NAMES_LISTED, more) + "."));
  }
  const missing = by("missing");
  if (missing.length > 0)
    lists.push(
      item(
        "-",
        p.missingList(missing.length) +
          nameList(
            missing.map((u) => u.name),
            NAMES_LISTED,
            more,
          ) +
          ".",
      ),
    );
  const rejected = by("rejected");
  if (rejected.length > 0) {
    const names = rejected.map((u) => {
      const why = rejectionReason(ctx, u);
      const file = u.file ? `${p.fileWord} ${u.file}` : "";
      const detail = [file, why].filter(Boolean).join(": ");
      return detail ? `${u.name} (${detail})` : u.name;
    });
    lists.push(item("-", p.rejectedList(rejected.length) + nameList(names, NAMES_LISTED, more) + "."));
  }
  const duplicate = by("duplicate");
  if (duplicate.length > 0) {
    const names = duplicate.map((u) => {
      const files = u.files ?? (u.file ? [u.file] : []);
      return files.length > 0 ? `${u.name} (${p.fileWord} ${files.join(", ")})` : u.name;
    });
    lists.push(item("-", p.duplicateList(duplicate.length) + nameList(names, NAMES_LISTED, more) + "."));
  }
  const unknown = by("unknown");
  if (unknown.length > 0) {
    const names = unknown.map((u) => {
      const detail = [`${p.codeWord} ${u.code}`, u.file ? `${p.fileWord} ${u.file}` : ""]
        .filter(Boolean)
        .join(", ");
      return `${u.name || u.code} (${detail})`;
    });
    lists.push(item("-", p.unknownList(unknown.length) + nameList(names, NAMES_LISTED, more) + "."));
  }
  if (lists.length === 0 && due && received === expected) lists.push(item("-", p.allOnTime));
  out.push(...lists);
  return out;
}
