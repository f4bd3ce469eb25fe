import type { Template } from "../catalog/templates";
import type { IssueSink } from "../issues-fold";
import { makeIssue, type Issue, type Origin } from "../issues";
import type { UnitFigure } from "../submission/unit-figure";
import { readFigures, type Accepted } from "./choose";

/*
 * Several submissions from one unit for the run's period (FORMATS §3a, docs/RULES.md). Copies that
 * carry the same figures are one submission sent twice (a file mailed again, or re-saved): they
 * collapse to one. Among what remains, the latest `Ngày báo cáo` is used; with no dates to tell,
 * none is. Whichever is used, its rows are read into the figures and named once.
 */

/** The submission a unit's figures come from, its rows read; none when no date tells its copies apart. */
export function chooseAmong(
  list: Accepted[],
  template: Template,
  locale: "vi" | "en",
  issues: IssueSink,
): Accepted | undefined {
  if (list.length === 1) {
    const only = list[0] as Accepted;
    readFigures(only, template, locale, issues);
    return only;
  }
  // Every copy is read (its figures say whether it is a copy); only the used one's issues are named.
  const rowIssues = new Map<Accepted, Issue[]>();
  for (const a of list) {
    const own: Issue[] = [];
    readFigures(a, template, locale, own);
    rowIssues.set(a, own);
  }

  const copies = sameFigureGroups([...list].sort(byFile));
  const kept = copies.map(latestSigned);
  const chosen = kept.length === 1 ? kept[0] : latestIfDatesTell(kept);
  if (!chosen) {
    for (const a of [...list].sort(byFile)) issues.push(undecided(a, list.length));
    return undefined;
  }
  for (const group of copies) {
    const rep = latestSigned(group);
    for (const a of group) {
      if (a === chosen) continue;
      issues.push(rep === chosen ? sameFigures(a, chosen) : older(a, chosen, list.length));
    }
  }
  pushAll(issues, rowIssues.get(chosen) ?? []);
  return chosen;
}

function pushAll(issues: IssueSink, more: Issue[]): void {
  for (const i of more) issues.push(i);
}

/**
 * The order copies are looked at, so that which one is used never depends on the order files were
 * found in: by path without its extension, so that a file comes before the copies a computer names
 * after it (`a.xlsx`, then `a (1).xlsx` and `a - Copy.xlsx`), then by the whole path.
 */
export function compareCopyPaths(a: string, b: string): number {
  const stem = (p: string): string => p.replace(/\.[^./\\]*$/, "");
  const sa = stem(a);
  const sb = stem(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function byFile(a: Accepted, b: Accepted): number {
  const files = compareCopyPaths(a.sub.raw.file, b.sub.raw.file);
  if (files !== 0) return files;
  const sa = a.sub.raw.sheet;
  const sb = b.sub.raw.sheet;
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Copies with the same figures together, in the order given. */
function sameFigureGroups(sorted: Accepted[]): Accepted[][] {
  const groups: Accepted[][] = [];
  for (const a of sorted) {
    const group = groups.find((g) => sameFigureMaps((g[0] as Accepted).figures, a.figures));
    if (group) group.push(a);
    else groups.push([a]);
  }
  return groups;
}

/**
 * The same validated figures for every indicator: what enters the consolidation (numerators,
 * denominators, values), the unit's own target and a summary's counts. Names, notes and how the
 * numbers were written may differ.
 */
function sameFigureMaps(a: Map<string, UnitFigure>, b: Map<string, UnitFigure>): boolean {
  if (a.size !== b.size) return false;
  for (const [code, x] of a) {
    const y = b.get(code);
    if (
      !y ||
      x.numerator !== y.numerator ||
      x.denominator !== y.denominator ||
      x.value !== y.value ||
      x.plan !== y.plan ||
      x.reporting !== y.reporting ||
      x.expected !== y.expected
    )
      return false;
  }
  return true;
}

/** Of copies with the same figures, the latest signed (the unit's last word), else the first by file. */
function latestSigned(group: Accepted[]): Accepted {
  let best = group[0] as Accepted;
  for (const a of group) if ((a.sub.meta.reportDate ?? "") > (best.sub.meta.reportDate ?? "")) best = a;
  return best;
}

/** The latest signed of submissions with different figures, when every one is dated and one is the latest. */
function latestIfDatesTell(list: Accepted[]): Accepted | undefined {
  if (!list.every((a) => a.sub.meta.reportDate)) return undefined;
  const sorted = [...list].sort((a, b) =>
    (a.sub.meta.reportDate ?? "") < (b.sub.meta.reportDate ?? "") ? 1 : -1,
  );
  const [latest, second] = sorted as [Accepted, Accepted];
  return (latest.sub.meta.reportDate ?? "") > (second.sub.meta.reportDate ?? "") ? latest : undefined;
}

function viDate(iso: string): string {
  const [y, mo, d] = iso.split("-");
  return `${d}/${mo}/${y}`;
}

/** Where a copy not used is named: its date cell, else the file. */
function copyAt(a: Accepted): Partial<Origin> & { unit: string } {
  return { ...(a.sub.meta.reportDateAt ?? { file: a.sub.raw.file }), unit: a.unit };
}

function sameFigures(copy: Accepted, used: Accepted): Issue {
  const named = (a: Accepted, lang: "vi" | "en"): string => {
    const d = a.sub.meta.reportDate;
    if (!d) return a.sub.raw.file;
    return lang === "vi" ? `${a.sub.raw.file} (ký ngày ${viDate(d)})` : `${a.sub.raw.file} (signed ${d})`;
  };
  const u = used.sub.raw.file;
  return makeIssue(
    "warning",
    "duplicate-submission",
    {
      vi: `Đơn vị ${copy.unit} gửi hai bản cùng số liệu: ${named(copy, "vi")} và ${named(used, "vi")}; chỉ tính một lần (dùng ${u})`,
      en: `Unit ${copy.unit} sent the same figures twice: ${named(copy, "en")} and ${named(used, "en")}; counted once (${u} is used)`,
    },
    copyAt(copy),
  );
}

function older(other: Accepted, used: Accepted, n: number): Issue {
  const date = other.sub.meta.reportDate;
  const usedDate = used.sub.meta.reportDate ?? "";
  const which = date
    ? { vi: `bản ký ngày ${viDate(date)}`, en: `the one signed ${date}` }
    : { vi: `bản ${other.sub.raw.file} (không ghi ngày)`, en: `${other.sub.raw.file} (not dated)` };
  return makeIssue(
    "warning",
    "duplicate-submission",
    {
      vi: `Đơn vị ${other.unit} nộp ${n} báo cáo; ${which.vi} không dùng, dùng bản mới hơn ${used.sub.raw.file} (${viDate(usedDate)})`,
      en: `Unit ${other.unit} sent ${n} reports; ${which.en} is not used: the newer ${used.sub.raw.file} (${usedDate}) is used instead`,
    },
    copyAt(other),
  );
}

function undecided(a: Accepted, n: number): Issue {
  return makeIssue(
    "error",
    "duplicate-submission",
    {
      vi: `Đơn vị ${a.unit} nộp ${n} báo cáo khác số liệu cho cùng kỳ mà ngày báo cáo không phân biệt được bản nào mới hơn: không bản nào được tổng hợp`,
      en: `Unit ${a.unit} sent ${n} reports with different figures for the same period and their report dates do not tell which is newer: none is used`,
    },
    { file: a.sub.raw.file, ...(a.sub.meta.reportDateAt ?? {}), unit: a.unit },
  );
}
