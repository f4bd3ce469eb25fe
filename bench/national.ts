/*
 * The benchmark's submissions: every commune of the official list (data/dvhc-2025.csv, 3,321
 * communes under 34 provinces) sends its 2026 `ktxh-xa` report as the project's own template
 * workbook, filled in with plausible figures for every indicator (generator/profiles.ts), signed
 * in early December. Nothing is planted: the run must simply add everything up.
 *
 * A set of N communes is the whole nation (N = 3,321), a whole province when one has exactly N
 * communes (Nghệ An has 130), else the first N communes of the first province that has as many, or
 * the first N of the nation. A commune's figures and bytes do not depend on N: the sets share files.
 *
 * The expected figures are computed here from the generated values (exact decimal sums in BigInt),
 * never by reading the files back, so they check the reader and the engine alike.
 */
import { getIndicator } from "../src/core/catalog/indicators";
import { findTemplate, templateIndicatorCodes, type Template } from "../src/core/catalog/templates";
import type { IndicatorKind } from "../src/core/catalog/types";
import { officialUnits } from "../src/engine/official-units";
import { communeSize, ktxhValues, Rng, rosterCsv, type RosterEntry, type TrueValue } from "../generator";
import { writeTemplateForm } from "../generator/forms/template-form";
import { Spread } from "../generator/profiles";
import { buildSubmission } from "../generator/rows";

/** Bump when the generated files or figures change for a reason the source hash cannot see. */
export const GENERATOR_VERSION = 1;
export const TEMPLATE_ID = "ktxh-xa";
export const PERIOD = "2026";
export const NATION = "VN";
const SEED = 20_260_707;
const STAMP = new Date("2026-12-31T00:00:00Z");

export interface Commune {
  code: string;
  name: string;
  province: string;
}

export interface Nation {
  nation: RosterEntry;
  provinces: RosterEntry[];
  /** In the official list's order: province by province. */
  communes: Commune[];
}

let nationCache: Nation | undefined;

/** The nation, its provinces and its communes, from the official list the CLI ships. */
export function nation(): Nation {
  if (nationCache) return nationCache;
  const units = officialUnits().units;
  const top = units.find((u) => u.code === NATION);
  if (!top) throw new Error("the official list has no nation");
  const provinces = units.filter((u) => u.level === "tinh" && u.parent === NATION);
  const provinceCodes = new Set(provinces.map((p) => p.code));
  const communes = units
    .filter((u) => u.level === "xa" && provinceCodes.has(u.parent))
    .map((u) => ({ code: u.code, name: u.name, province: u.parent }));
  nationCache = {
    nation: { code: NATION, name: top.name, level: "quoc-gia", parent: "", groups: [] },
    provinces: provinces.map((p) => ({
      code: p.code,
      name: p.name,
      level: "tinh",
      parent: NATION,
      groups: [],
    })),
    communes,
  };
  return nationCache;
}

export interface BenchSet {
  size: number;
  /** What the set is, for the table: "Nghệ An (40)", "nation, first 1,000", "nation". */
  label: string;
  /** The roster's top unit: the province, or the nation. */
  scope: RosterEntry;
  communes: Commune[];
  roster: RosterEntry[];
}

/** The communes of a benchmark size and the roster to consolidate them with. */
export function benchSet(size: number): BenchSet {
  const n = nation();
  if (!Number.isInteger(size) || size < 1 || size > n.communes.length)
    throw new Error(`a set has 1 to ${n.communes.length} communes, not ${size}`);
  const of = (p: RosterEntry): Commune[] => n.communes.filter((c) => c.province === p.code);
  const exact = n.provinces.find((p) => of(p).length === size);
  const province =
    exact ?? (size < n.communes.length ? n.provinces.find((p) => of(p).length >= size) : undefined);
  if (province) {
    const communes = of(province).slice(0, size);
    const scope = { ...province, parent: "" };
    return {
      size,
      label: `${province.name} (${province.code})${exact ? "" : `, first ${size}`}`,
      scope,
      communes,
      roster: [scope, ...communes.map((c) => leaf(c))],
    };
  }
  const communes = n.communes.slice(0, size);
  const used = new Set(communes.map((c) => c.province));
  return {
    size,
    label: size === n.communes.length ? "the nation" : `the nation, first ${size}`,
    scope: n.nation,
    communes,
    roster: [n.nation, ...n.provinces.filter((p) => used.has(p.code)), ...communes.map((c) => leaf(c))],
  };
}

function leaf(c: Commune): RosterEntry {
  return { code: c.code, name: c.name, level: "xa", parent: c.province, groups: [] };
}

export function rosterText(set: BenchSet): string {
  return rosterCsv(set.roster);
}

export interface CommuneReport {
  values: Record<string, TrueValue>;
  /** The signing date, ISO: early December, before any deadline. */
  reportDate: string;
}

let reportsCache: Map<string, CommuneReport> | undefined;

/**
 * Every commune's figures, spread evenly across the nation (generator/profiles.ts): every
 * indicator of ktxh-xa, the optional ones included. Depends on the official list only.
 */
export function nationalReports(): Map<string, CommuneReport> {
  if (reportsCache) return reportsCache;
  const { communes } = nation();
  const rng = new Rng(SEED);
  const spread = new Spread(rng, communes.length);
  const out = new Map<string, CommuneReport>();
  communes.forEach((c, i) => {
    const draw = spread.of(i);
    // Communes of the border provinces are poorer; a deterministic share of them is on the border.
    const border = draw("border") < 0.12;
    out.set(c.code, {
      values: ktxhValues(draw, communeSize(draw), border),
      reportDate: `2026-12-${String(1 + Math.floor(draw("signed") * 14)).padStart(2, "0")}`,
    });
  });
  reportsCache = out;
  return out;
}

export function fileName(c: Commune): string {
  return `${TEMPLATE_ID}_${c.code}_${PERIOD}.xlsx`;
}

function template(): Template {
  const t = findTemplate(TEMPLATE_ID);
  if (!t) throw new Error(`no template ${TEMPLATE_ID}`);
  return t;
}

/** One commune's filled template workbook, as generator writes a clean template submission. */
export async function communeWorkbook(c: Commune, report: CommuneReport): Promise<Uint8Array> {
  const sub = { unit: c.code, reportDate: report.reportDate };
  const logical = buildSubmission(template(), report.values, sub, "template");
  const written = await writeTemplateForm(
    {
      spec: sub,
      meta: {
        code: c.code,
        name: c.name,
        period: PERIOD,
        templateId: TEMPLATE_ID,
        reportDate: report.reportDate,
        legacyName: false,
      },
      logical,
    },
    { stamp: STAMP, seed: SEED, runTemplate: TEMPLATE_ID },
  );
  return written.bytes;
}

/** An exact decimal: digits × 10^-scale (every generated figure has at most a few decimals). */
interface Decimal {
  digits: bigint;
  scale: number;
}

function decimalOf(x: number): Decimal {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(x));
  if (!m) throw new Error(`a generated figure must be a plain non-negative decimal, not ${x}`);
  const frac = m[2] ?? "";
  return { digits: BigInt((m[1] as string) + frac), scale: frac.length };
}

function addDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  const up = (d: Decimal): bigint => d.digits * 10n ** BigInt(scale - d.scale);
  return { digits: up(a) + up(b), scale };
}

/** The decimal rounded once to the nearest double, as JavaScript reads its decimal text. */
function toNumber(d: Decimal): number {
  if (d.scale === 0) return Number(d.digits);
  const s = d.digits.toString().padStart(d.scale + 1, "0");
  return Number(`${s.slice(0, s.length - d.scale)}.${s.slice(s.length - d.scale)}`);
}

export interface ExpectedFigure {
  code: string;
  kind: IndicatorKind;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reporting: number;
  expected: number;
}

/**
 * The scope's figures (FORMATS.md §8, INDICATORS.md): a rate is 100 × Σ numerators / Σ
 * denominators, a score Σ scores / units, counts and amounts Σ values; sums exact, rounded once.
 */
export function expectedFigures(set: BenchSet, reports = nationalReports()): ExpectedFigure[] {
  const zero: Decimal = { digits: 0n, scale: 0 };
  return templateIndicatorCodes(template()).map((code) => {
    const kind = getIndicator(code).kind;
    let num = zero;
    let den = zero;
    let n = 0;
    for (const c of set.communes) {
      const v = reports.get(c.code)?.values[code];
      if (!v) continue;
      n++;
      if ("num" in v) {
        num = addDecimal(num, decimalOf(v.num));
        den = addDecimal(den, decimalOf(v.den));
      } else num = addDecimal(num, decimalOf(v.value));
    }
    const base = { code, kind, reporting: n, expected: set.communes.length };
    if (n === 0) return { ...base, value: null, numerator: null, denominator: null };
    if (kind === "rate") {
      const a = toNumber(num);
      const b = toNumber(den);
      return { ...base, value: b > 0 ? 100 * (a / b) : null, numerator: a, denominator: b };
    }
    if (kind === "score") {
      const a = toNumber(num);
      return { ...base, value: a / n, numerator: a, denominator: n };
    }
    return { ...base, value: toNumber(num), numerator: null, denominator: null };
  });
}

/** A report's scope figures against the expected ones: every difference, named; [] when exact. */
export function figureDifferences(
  expected: ExpectedFigure[],
  indicators: {
    code: string;
    value: number | null;
    numerator?: number | null;
    denominator?: number | null;
    reporting?: number;
    expected?: number;
  }[],
): string[] {
  const out: string[] = [];
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  for (const e of expected) {
    const a = byCode.get(e.code);
    if (!a) {
      out.push(`${e.code}: missing from the report`);
      continue;
    }
    for (const k of ["value", "numerator", "denominator", "reporting", "expected"] as const) {
      if ((a[k] ?? null) !== e[k]) out.push(`${e.code}.${k}: ${String(a[k])} ≠ ${String(e[k])}`);
    }
  }
  return out;
}
