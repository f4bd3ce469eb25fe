import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { GeneratedProvince } from "../../generator";
import type { ExpectedIssue, Truth } from "../../generator/truth";

/** Writes a generated province: submissions under `dir/submissions`, the roster as `dir/<roster>`. */
export function writeProvince(
  dir: string,
  g: GeneratedProvince,
  submissions = "bao-cao",
  roster = "r.csv",
): void {
  for (const f of g.files) {
    const target = path.join(dir, submissions, ...f.path.split("/"));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, f.bytes);
  }
  writeFileSync(path.join(dir, roster), g.roster);
}

/** Every file under a folder with the SHA-256 of its bytes, by relative path. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

/** The fields of a report issue that the truth can pin down. */
export interface ReportIssue {
  rule: string;
  severity: string;
  unit?: string;
  indicator?: string;
  file?: string;
  sheet?: string;
  cell?: string;
  line?: number;
  message?: string;
}

const KEYS = ["rule", "severity", "unit", "indicator", "file", "sheet", "cell", "line"] as const;

/** Whether a report issue is the expected one: every field the truth states must match. */
export function issueMatches(e: ExpectedIssue, a: ReportIssue): boolean {
  return KEYS.every((k) => e[k] === undefined || e[k] === a[k]);
}

export function describeIssue(i: ExpectedIssue | ReportIssue): string {
  return KEYS.filter((k) => i[k] !== undefined)
    .map((k) => `${k}=${String(i[k])}`)
    .join(" ");
}

/**
 * Pairs expected and reported issues one to one. What is left on either side is a planted fault the
 * run missed, or an issue raised where nothing was planted.
 */
export function pairIssues(
  expected: ExpectedIssue[],
  actual: ReportIssue[],
): { missing: ExpectedIssue[]; unexpected: ReportIssue[] } {
  const left = [...actual];
  const missing: ExpectedIssue[] = [];
  // Most specific expectations first, so a loose one never takes the issue a precise one needs.
  const order = [...expected].sort((a, b) => specificity(b) - specificity(a));
  for (const e of order) {
    const i = left.findIndex((a) => issueMatches(e, a));
    if (i < 0) missing.push(e);
    else left.splice(i, 1);
  }
  return { missing, unexpected: left };
}

function specificity(e: ExpectedIssue): number {
  return KEYS.filter((k) => e[k] !== undefined).length;
}

/** Relative closeness for sums that different summation orders may round differently. */
export function closeRel(a: number | null | undefined, b: number | null): boolean {
  if (a === null || a === undefined || b === null) return (a ?? null) === b;
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
}

export type { Truth };
