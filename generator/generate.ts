import { getIndicator } from "../src/core/catalog/indicators";
import { findTemplate, templateIndicatorCodes } from "../src/core/catalog/templates";
import type { PlanEntry } from "../src/core/catalog/types";
import { PLAN_COLUMNS, ROSTER_COLUMNS } from "../src/core/contract";
import type { RuleId, Severity } from "../src/core/issues";
import { canonicalPeriod, parsePeriod, periodWithin, type Period } from "../src/core/periods";
import type { UnitStatus } from "../src/core/json-report/types";
import type { Location, PreparedSubmission, WriteContext, WrittenFile } from "./forms/common";
import { writeCsvForm } from "./forms/csv-form";
import { writeHandForm } from "./forms/hand-form";
import { writeOtherFile } from "./forms/other-files";
import { writeTemplateForm } from "./forms/template-form";
import { compareCopyPaths } from "../src/core/consolidate/duplicates";
import { buildSubmission, SpecError, type LogicalSubmission, type Pointer, type RowsFor } from "./rows";
import type { FileSpec, ProvinceSpec, RosterEntry, SubmissionSpec, TrueValue } from "./spec";
import {
  aggregate,
  compareExpected,
  outliers,
  type ExpectedIssue,
  type ManifestFile,
  type Truth,
  type TruthPerUnit,
  type TruthUnit,
} from "./truth";

/*
 * The generator: a province description in, the files a planner would receive and the truth a
 * correct consolidation must report out. Platform-neutral (core and the src/io writers only), so
 * tests, the sample script and the browser can all use it.
 */

export interface GeneratedFile {
  /** Relative to the submissions folder, `/`-separated. */
  path: string;
  bytes: Uint8Array;
}

export interface GeneratedProvince {
  /** Everything that goes into the submissions folder, submissions and stray files alike. */
  files: GeneratedFile[];
  /** The roster CSV (FORMATS.md §5); keep it outside the submissions folder. */
  roster: string;
  truth: Truth;
}

interface Received {
  file: string;
  index: number;
  spec: SubmissionSpec;
  prepared: PreparedSubmission;
  logical: LogicalSubmission;
  locate: (at: Pointer, rule: RuleId) => Location;
}

const DEFAULT_STAMP = "2026-12-31T00:00:00Z";

/** Each file's cosmetic choices depend on its own path, so adding a file does not reshuffle the others. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function rowsFor(file: FileSpec): RowsFor {
  return file.form.kind;
}

/** The roster as a CSV (FORMATS.md §5), with a note column when the data is marked as sample. */
export function rosterCsv(entries: RosterEntry[], marker?: string): string {
  const cols = [
    ROSTER_COLUMNS.code,
    ROSTER_COLUMNS.name,
    ROSTER_COLUMNS.level,
    ROSTER_COLUMNS.parent,
    ROSTER_COLUMNS.groups,
  ];
  const lines = [[...cols, ...(marker ? ["ghi_chu"] : [])].join(",")];
  for (const u of entries) {
    lines.push(
      [
        u.code,
        u.name.normalize("NFC"),
        u.level,
        u.parent,
        u.groups.join("|"),
        ...(marker ? [marker] : []),
      ].join(","),
    );
  }
  return lines.join("\n") + "\n";
}

/** A plan as a CSV (FORMATS.md §6). */
export function planCsv(entries: PlanEntry[], marker?: string): string {
  const cols = [
    PLAN_COLUMNS.unit,
    PLAN_COLUMNS.indicator,
    PLAN_COLUMNS.period,
    PLAN_COLUMNS.rule,
    PLAN_COLUMNS.value,
  ];
  const lines = [[...cols, ...(marker ? ["ghi_chu"] : [])].join(",")];
  for (const e of entries) {
    lines.push(
      [e.unit, e.indicator, e.period, e.rule, String(e.value), ...(marker ? [marker] : [])].join(","),
    );
  }
  return lines.join("\n") + "\n";
}

export async function generateProvince(spec: ProvinceSpec): Promise<GeneratedProvince> {
  const template = findTemplate(spec.template);
  if (!template) throw new SpecError(`unknown template ${spec.template}`);
  const period = canonicalPeriod(spec.period);
  if (!period) throw new SpecError(`bad period ${spec.period}`);
  const runPeriod = parsePeriod(period) as Period;
  const stamp = new Date(spec.stamp ?? DEFAULT_STAMP);

  const rosterCodes = new Set(spec.roster.map((u) => u.code));
  const hasChildren = new Set(spec.roster.map((u) => u.parent).filter((p) => rosterCodes.has(p)));
  const leaves = spec.roster.filter((u) => !hasChildren.has(u.code));
  const leafCodes = new Set(leaves.map((u) => u.code));
  const roots = spec.roster.filter((u) => !u.parent || !rosterCodes.has(u.parent));
  if (roots.length !== 1) throw new SpecError("the roster needs exactly one root (the scope)");
  const scope = roots[0] as RosterEntry;
  const nameOf = new Map(spec.roster.map((u) => [u.code, u.name]));

  const issues: ExpectedIssue[] = [];
  const push = (rule: RuleId, severity: Severity, where: Partial<ExpectedIssue>): void => {
    const issue: ExpectedIssue = { rule, severity };
    for (const k of ["unit", "indicator", "file", "sheet", "cell", "line"] as const) {
      if (where[k] !== undefined) (issue as unknown as Record<string, unknown>)[k] = where[k];
    }
    issues.push(issue);
  };

  // Write every file, keeping each submission with its pointer resolver.
  const files: GeneratedFile[] = [];
  const manifest: ManifestFile[] = [];
  const received: Received[] = [];
  const paths = new Set<string>();
  for (const file of spec.files) {
    if (paths.has(file.path)) throw new SpecError(`two files at ${file.path}`);
    paths.add(file.path);
    const ctx: WriteContext = { stamp, seed: (spec.seed ^ hash(file.path)) >>> 0, runTemplate: template.id };
    if (spec.marker) ctx.marker = spec.marker;
    const prepared: PreparedSubmission[] = file.submissions.map((sub) => ({
      spec: sub,
      meta: {
        code: sub.code ?? sub.unit,
        name: sub.name ?? nameOf.get(sub.unit) ?? sub.unit,
        period: sub.period ?? period,
        templateId: sub.template ?? template.id,
        ...(sub.reportDate ? { reportDate: sub.reportDate } : {}),
        legacyName: sub.legacyName ?? false,
      },
      logical: buildSubmission(template, { ...spec.values[sub.unit], ...sub.values }, sub, rowsFor(file)),
    }));
    let written: WrittenFile;
    if (file.form.kind === "csv") written = writeCsvForm(prepared, file.form, ctx);
    else {
      if (prepared.length !== 1) throw new SpecError(`${file.path}: a workbook holds one submission`);
      const one = prepared[0] as PreparedSubmission;
      written =
        file.form.kind === "template"
          ? await writeTemplateForm(one, ctx)
          : await writeHandForm(one, file.form, ctx);
    }
    files.push({ path: file.path, bytes: written.bytes });
    manifest.push({
      path: file.path,
      ...written.describe,
      units: prepared.map((p) => p.meta.code),
    } as ManifestFile);
    prepared.forEach((p, index) =>
      received.push({
        file: file.path,
        index,
        spec: p.spec,
        prepared: p,
        logical: p.logical,
        locate: (at, rule) => written.locate(index, at, rule),
      }),
    );
  }
  for (const other of spec.others ?? []) {
    if (paths.has(other.path)) throw new SpecError(`two files at ${other.path}`);
    paths.add(other.path);
    const ctx: WriteContext = { stamp, seed: (spec.seed ^ hash(other.path)) >>> 0, runTemplate: template.id };
    if (spec.marker) ctx.marker = spec.marker;
    files.push({ path: other.path, bytes: await writeOtherFile(other, ctx) });
    manifest.push({ path: other.path, form: other.kind, units: [] });
    if (other.kind === "random-bytes" || other.kind === "empty")
      push("unreadable-file", "error", { file: other.path });
    if (other.kind === "other-workbook" || other.kind === "other-csv")
      push("not-a-submission", "error", { file: other.path });
  }

  const isPiece = (text: string): boolean => {
    const own = text === "" ? undefined : parsePeriod(text);
    return own !== undefined && own.code !== period && periodWithin(own, runPeriod);
  };
  const pieces = new Map<string, number>();
  for (const r of received)
    if (isPiece(r.prepared.meta.period))
      pieces.set(r.prepared.meta.code, (pieces.get(r.prepared.meta.code) ?? 0) + 1);

  // File-level checks, in the order a reader meets them: metadata, template, period, roster.
  const candidates = new Map<string, Received[]>();
  const rejected = new Map<string, Received[]>();
  const unknown = new Map<string, Received[]>();
  const notUsed: Received[] = [];
  for (const r of received) {
    const m = r.prepared.meta;
    const where = (at: Pointer, rule: RuleId): Partial<ExpectedIssue> => ({
      file: r.file,
      ...r.locate(at, rule),
    });
    const faults: string[] = [];
    if (m.code === "") faults.push("missing-metadata");
    if (m.period === "") faults.push("missing-metadata");
    if (m.templateId !== template.id) faults.push("wrong-template");
    // A unit's only piece of the run's period (its first quarter of the year) is used, its gap named
    // (FORMATS §4a); several pieces are the combining tests' (their own oracle), not this one's.
    const piece = isPiece(m.period) && pieces.get(m.code) === 1;
    if (m.period !== "" && canonicalPeriod(m.period) !== period && !piece) faults.push("wrong-period");
    if (m.code !== "" && !leafCodes.has(m.code)) faults.push("unknown-unit");
    if (faults.length > 1)
      throw new SpecError(`${r.file}: plant one file-level fault at a time (${faults.join(", ")})`);
    const fault = faults[0];
    if (fault === undefined) {
      const list = candidates.get(m.code) ?? [];
      list.push(r);
      candidates.set(m.code, list);
      continue;
    }
    notUsed.push(r);
    if (fault === "missing-metadata") {
      const key = m.code === "" ? "unit" : "period";
      push("missing-metadata", "error", {
        ...(m.code !== "" ? { unit: m.code } : {}),
        ...where({ at: "meta", key }, "missing-metadata"),
      });
      if (m.code !== "" && leafCodes.has(m.code)) rejected.set(m.code, [...(rejected.get(m.code) ?? []), r]);
    } else if (fault === "wrong-template" || fault === "wrong-period") {
      const key = fault === "wrong-template" ? "template" : "period";
      push(fault, "error", { unit: m.code, ...where({ at: "meta", key }, fault) });
      if (leafCodes.has(m.code)) rejected.set(m.code, [...(rejected.get(m.code) ?? []), r]);
      else throw new SpecError(`${r.file}: a rejected file from a unit outside the roster is two faults`);
    } else {
      push("unknown-unit", "error", { unit: m.code, ...where({ at: "meta", key: "unit" }, "unknown-unit") });
      unknown.set(m.code, [...(unknown.get(m.code) ?? []), r]);
    }
  }

  // One submission per unit (FORMATS §3a): copies with the same figures are one submission; among
  // what remains the latest signed wins, and undated or equally dated ones use none.
  const used = new Map<string, Received>();
  const units: TruthUnit[] = [];
  for (const leaf of leaves) {
    const list = candidates.get(leaf.code) ?? [];
    const base = { code: leaf.code, name: leaf.name, groups: leaf.groups };
    let status: UnitStatus;
    if (list.length === 0) {
      const rej = rejected.get(leaf.code);
      if (rej) {
        status = "rejected";
        units.push({ ...base, status, files: rej.map((r) => r.file) });
      } else {
        push("missing-submission", "warning", { unit: leaf.code });
        units.push({ ...base, status: "missing" });
      }
      continue;
    }
    const winner = list.length === 1 ? list[0] : oneOfCopies(list);
    if (!winner) {
      for (const r of list) {
        notUsed.push(r);
        push("duplicate-submission", "error", { unit: leaf.code, file: r.file });
      }
      units.push({ ...base, status: "duplicate", files: list.map((r) => r.file) });
      continue;
    }
    for (const r of list) {
      if (r === winner) continue;
      notUsed.push(r);
      push("duplicate-submission", "warning", {
        unit: leaf.code,
        file: r.file,
        ...(r.prepared.meta.reportDate
          ? r.locate({ at: "meta", key: "reportDate" }, "duplicate-submission")
          : {}),
      });
    }
    const w = winner as Received;
    used.set(leaf.code, w);
    const late =
      spec.due !== undefined &&
      w.prepared.meta.reportDate !== undefined &&
      w.prepared.meta.reportDate > spec.due;
    if (late) {
      push("late", "warning", {
        unit: leaf.code,
        file: w.file,
        ...w.locate({ at: "meta", key: "reportDate" }, "late"),
      });
    }
    units.push({ ...base, status: late ? "late" : "ok", file: w.file });
  }
  for (const [code, list] of [...unknown].sort(([a], [b]) => (a < b ? -1 : 1))) {
    units.push({
      code,
      name: (list[0] as Received).prepared.meta.name,
      status: "unknown",
      files: list.map((r) => r.file),
      groups: [],
    });
  }

  // A submission that is not used raises only its file-level issue: its rows are never read for figures.
  for (const r of notUsed) {
    if ((r.spec.faults ?? []).length > 0 || r.spec.legacyName) {
      throw new SpecError(`${r.file}: row faults on a submission that is not used would be guesses`);
    }
  }

  // Rows of the submissions used.
  for (const [code, r] of used) {
    for (const p of r.logical.issues) {
      push(p.rule, p.severity, {
        unit: code,
        ...(p.indicator !== undefined ? { indicator: p.indicator } : {}),
        file: r.file,
        ...r.locate(p.at, p.rule),
      });
    }
    if (r.spec.legacyName) {
      push("legacy-encoding", "warning", {
        unit: code,
        file: r.file,
        ...r.locate({ at: "meta", key: "unitName" }, "legacy-encoding"),
      });
    }
  }

  // Figures: scope, groups, units; then the outlier test over what entered.
  const codes = templateIndicatorCodes(template);
  // A unit that sent one piece of the period (only its first quarter of the year) leaves a gap: its
  // flows do not enter (error), its stocks come from the piece (warning); both name the file.
  const gapped = new Set<string>();
  for (const [code, r] of used) {
    if (canonicalPeriod(r.prepared.meta.period) === period) continue;
    gapped.add(code);
    if (codes.some((c) => getIndicator(c).time === "sum"))
      push("incomplete-period", "error", { unit: code, file: r.file });
    if (codes.some((c) => getIndicator(c).time === "last"))
      push("incomplete-period", "warning", { unit: code, file: r.file });
  }
  const enteredOf = (unit: string, indicator: string): TrueValue | undefined =>
    gapped.has(unit) && getIndicator(indicator).time === "sum"
      ? undefined
      : used.get(unit)?.logical.entered.get(indicator);
  const indicators = codes.map((code) => {
    const kind = getIndicator(code).kind;
    const values = leaves.map((u) => enteredOf(u.code, code)).filter((v): v is TrueValue => v !== undefined);
    return { code, kind, ...aggregate(kind, values, leaves.length) };
  });
  const groupNames = [...new Set(leaves.flatMap((u) => u.groups))].sort();
  const groups = groupNames.flatMap((group) => {
    const members = leaves.filter((u) => u.groups.includes(group));
    return codes.map((code) => {
      const kind = getIndicator(code).kind;
      const values = members
        .map((u) => enteredOf(u.code, code))
        .filter((v): v is TrueValue => v !== undefined);
      return { group, indicator: code, ...aggregate(kind, values, members.length) };
    });
  });
  const perUnit: TruthPerUnit[] = [];
  for (const leaf of leaves) {
    for (const code of codes) {
      const v = enteredOf(leaf.code, code);
      if (!v) continue;
      const kind = getIndicator(code).kind;
      perUnit.push(
        "num" in v
          ? {
              unit: leaf.code,
              indicator: code,
              kind,
              value: (100 * v.num) / v.den,
              numerator: v.num,
              denominator: v.den,
            }
          : { unit: leaf.code, indicator: code, kind, value: v.value, numerator: null, denominator: null },
      );
    }
  }
  const planted = new Set<string>();
  for (const [code, r] of used) for (const ind of r.logical.plantedOutliers) planted.add(`${code} ${ind}`);
  for (const code of codes) {
    const ind = getIndicator(code);
    const figures = leaves.flatMap((u) => {
      const v = enteredOf(u.code, code);
      return v ? [{ unit: u.code, value: v }] : [];
    });
    for (const verdict of outliers(ind.kind, figures)) {
      const key = `${verdict.unit} ${code}`;
      if (verdict.score > 0.95 && verdict.score < 1.05) {
        throw new SpecError(
          `${key}: the outlier test is too close to call (${verdict.score.toFixed(3)}); change the values`,
        );
      }
      if (planted.has(key) && !verdict.outlier) throw new SpecError(`${key}: the planted outlier is not one`);
      if (!verdict.outlier) continue;
      const r = used.get(verdict.unit) as Received;
      const row = r.logical.rows.findIndex((x) => x.code === code && !x.extra);
      push("outlier", "warning", {
        unit: verdict.unit,
        indicator: code,
        file: r.file,
        ...r.locate({ at: "cell", row, col: ind.kind === "rate" ? "numerator" : "value" }, "outlier"),
      });
    }
  }

  issues.sort(compareExpected);
  const truth: Truth = {
    format: "chitieu-truth/1",
    run: { template: template.id, period, ...(spec.due ? { due: spec.due } : {}), roster: "roster.csv" },
    scope: { code: scope.code, name: scope.name },
    units,
    indicators,
    groups,
    perUnit,
    issues,
    files: manifest.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
  return { files, roster: rosterCsv(spec.roster, spec.marker), truth };
}

/** The figures a submission carries into the consolidation: what enters, and the unit's own targets. */
function sameFigures(a: Received, b: Received): boolean {
  const ea = a.logical.entered;
  const eb = b.logical.entered;
  if (ea.size !== eb.size) return false;
  for (const [code, v] of ea) {
    if (JSON.stringify(v) !== JSON.stringify(eb.get(code))) return false;
  }
  return JSON.stringify(a.spec.plan ?? {}) === JSON.stringify(b.spec.plan ?? {});
}

/**
 * Of several submissions from one unit: copies with the same figures collapse to their latest signed
 * (else the first by file); among what remains, the latest signed if every one is dated and one date
 * is the latest; else none.
 */
function oneOfCopies(list: Received[]): Received | undefined {
  const date = (r: Received): string => r.prepared.meta.reportDate ?? "";
  const sorted = [...list].sort((a, b) => compareCopyPaths(a.file, b.file) || a.index - b.index);
  const groups: Received[][] = [];
  for (const r of sorted) {
    const group = groups.find((g) => sameFigures(g[0] as Received, r));
    if (group) group.push(r);
    else groups.push([r]);
  }
  const kept = groups.map((g) => g.reduce((best, r) => (date(r) > date(best) ? r : best)));
  if (kept.length === 1) return kept[0];
  if (!kept.every((r) => r.prepared.meta.reportDate !== undefined)) return undefined;
  const latest = [...kept.map(date)].sort().at(-1);
  const atLatest = kept.filter((r) => date(r) === latest);
  return atLatest.length === 1 ? atLatest[0] : undefined;
}
