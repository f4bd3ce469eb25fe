/*
 * Issues: every problem the engine finds, pointed at its file, sheet and cell (or CSV line),
 * with a Vietnamese message and its English twin. FORMATS.md §3a and §8 fix the vocabulary.
 */

export type Severity = "error" | "warning";

export const RULES = [
  "unreadable-file",
  "not-a-submission",
  "missing-metadata",
  "wrong-template",
  "wrong-period",
  "unknown-unit",
  "duplicate-submission",
  "missing-submission",
  "late",
  "unknown-indicator",
  "missing-indicator",
  "duplicate-row",
  "missing-value",
  "not-a-number",
  "negative",
  "not-an-integer",
  "out-of-range",
  "numerator-exceeds-denominator",
  "missing-denominator",
  "value-mismatch",
  "unit-of-measure",
  "ambiguous-percent",
  "legacy-encoding",
  "formula-without-value",
  "outlier",
  "target-missed",
  "pace-missed",
  // Since 1.1 (FORMATS.md §4a): pieces of a period that leave a gap.
  "incomplete-period",
  // Beyond the contract's minimum: checks between indicators and of plans.
  "inconsistent-denominator",
  "exceeds-related",
  "invalid-plan",
  "plan-inconsistent",
  // (1.1) History (`--history`): a file not used, and a running total that lacks periods.
  "history-ignored",
  "history-gap",
] as const;

export type RuleId = (typeof RULES)[number];

export interface Issue {
  severity: Severity;
  rule: RuleId;
  /** Unit code the issue concerns, when known. */
  unit?: string;
  indicator?: string;
  /** Path as found. */
  file?: string;
  sheet?: string;
  /** A1 address on `sheet`. */
  cell?: string;
  /** 1-based CSV line, instead of `cell`. */
  line?: number;
  /** Vietnamese message. */
  message: string;
  /** The same message in English. */
  messageEn: string;
  /** Finer reason within the rule (`encrypted`, `xls`, `zip-bomb`…), for programs. */
  reason?: string;
  /**
   * Set on an issue that stands for others of its rule in its file, folded into it so the list
   * stays readable and bounded (FORMATS.md §8, ./issue-fold): how many it stands for.
   */
  count?: number;
}

/** Where a value came from: enough to point a person at it. */
export interface Origin {
  file: string;
  sheet?: string;
  cell?: string;
  line?: number;
}

/** A bilingual message. */
export interface Message {
  vi: string;
  en: string;
}

/**
 * One copy of each message text made recently: 300,000 units of another system's export, each told
 * the same thing about the same row, then hold one text, not 300,000. Bounded: a few thousand short
 * texts at most.
 */
const TEXTS = new Map<string, string>();

function sharedText(text: string): string {
  // A message quoting a long cell is kept as it is, not remembered.
  if (text.length > 400) return text;
  const have = TEXTS.get(text);
  if (have !== undefined) return have;
  if (TEXTS.size >= 4096) TEXTS.clear();
  TEXTS.set(text, text);
  return text;
}

export function makeIssue(
  severity: Severity,
  rule: RuleId,
  message: Message,
  where: Partial<Origin> & { unit?: string; indicator?: string; reason?: string } = {},
): Issue {
  const issue: Issue = { severity, rule, message: sharedText(message.vi), messageEn: sharedText(message.en) };
  if (where.unit !== undefined) issue.unit = where.unit;
  if (where.indicator !== undefined) issue.indicator = where.indicator;
  if (where.file !== undefined) issue.file = where.file;
  if (where.sheet !== undefined) issue.sheet = where.sheet;
  if (where.cell !== undefined) issue.cell = where.cell;
  if (where.line !== undefined) issue.line = where.line;
  if (where.reason !== undefined) issue.reason = where.reason;
  return issue;
}

/** "tệp a.xlsx, trang Chỉ tiêu, ô E12" — where an issue is, in words, for messages and the CLI. */
export function describeOrigin(o: Partial<Origin>, lang: "vi" | "en" = "vi"): string {
  const parts: string[] = [];
  if (o.file) parts.push(lang === "vi" ? `tệp ${o.file}` : `file ${o.file}`);
  if (o.line !== undefined) parts.push(lang === "vi" ? `dòng ${o.line}` : `line ${o.line}`);
  else {
    if (o.sheet) parts.push(lang === "vi" ? `trang ${o.sheet}` : `sheet ${o.sheet}`);
    if (o.cell) parts.push(lang === "vi" ? `ô ${o.cell}` : `cell ${o.cell}`);
  }
  return parts.join(", ");
}

/** A stable order for reports: by file, sheet, position, rule. */
export function compareIssues(a: Issue, b: Issue): number {
  return (
    cmp(a.file ?? "", b.file ?? "") ||
    cmp(a.sheet ?? "", b.sheet ?? "") ||
    (a.line ?? 0) - (b.line ?? 0) ||
    cellOrder(a.cell) - cellOrder(b.cell) ||
    cmp(a.unit ?? "", b.unit ?? "") ||
    cmp(a.indicator ?? "", b.indicator ?? "") ||
    cmp(a.rule, b.rule) ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cellOrder(cell: string | undefined): number {
  if (!cell) return 0;
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return 0;
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return Number(m[2]) * 20000 + col;
}
