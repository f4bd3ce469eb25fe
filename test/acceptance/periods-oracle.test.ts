import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import {
  communeSize,
  generateProvince,
  ktxhValues,
  Rng,
  type FileSpec,
  type FormSpec,
  type RosterEntry,
  type TrueValue,
} from "../../generator";
import { Spread } from "../../generator/profiles";
import type { Issue } from "../../src/core/issues";
import type { Report } from "../../src/core/json-report/types";
import { runCli } from "../support/cli";
import { writeProvince } from "../support/province";

/*
 * Acceptance of issue 17, as the hidden check does it: an unseen province whose communes send
 * quarters, halves, months, nine months, whole years, a phase, overlapping pieces and pieces with
 * gaps, in workbooks (the template and hand-made sheets) and long CSVs written by the project's own
 * generator, consolidated by the real command line for 2026-H1, 2026-9M, 2026 and 2026-2027; then
 * three earlier summaries written by the command line as the history of 2026, with a plan.
 *
 * Everything expected comes from the ORACLE below: small, obvious code written from FORMATS.md §4a,
 * §6, §8 and INDICATORS.md, sharing nothing with src/ (its own periods, its own sums). Per unit: its
 * submission for P, else, of the pieces lying inside P, the non-overlapping set covering the most
 * months and, among those, the fewest pieces (§4a: "the one with the fewest pieces is used"; the
 * others are named, never counted). Complete: `sum` indicators add (a rate its numerators and
 * denominators), `last` ones take the latest piece. A gap: no `sum` figure (error), `last` from the
 * piece ending latest (warning), the missing months named as the canonical periods a unit could send.
 * The province: counts and amounts added, a rate 100 × Σ num / Σ den, a score the mean.
 */

type Kind = "count" | "amount" | "rate" | "score";
type Time = "sum" | "last";

/** Template ktxh-xa as INDICATORS.md gives it: kind and `time`. */
const KTXH: Record<string, [Kind, Time]> = {
  THU_NS: ["amount", "sum"],
  SL_LUONG_THUC: ["amount", "sum"],
  DAN_GIA_SUC: ["count", "last"],
  LD_DAO_TAO: ["rate", "last"],
  XKLD: ["count", "sum"],
  CHE_PHU_RUNG: ["rate", "last"],
  TRUONG_CHUAN: ["rate", "last"],
  HO_NGHEO: ["rate", "last"],
  BHYT: ["rate", "last"],
  NTM_TIEU_CHI: ["score", "last"],
  TTHC_SO_HOA: ["rate", "last"],
  DVC_TOAN_TRINH: ["rate", "last"],
  CHI_KHCN_CDS: ["rate", "sum"],
  THU_GOM_CTR: ["rate", "sum"],
  NUOC_HVS: ["rate", "last"],
  NHA_VH_CHUAN: ["rate", "last"],
  ANTT_CO_QUAN: ["rate", "last"],
  ANTT_KDC: ["rate", "last"],
  KMT_CO_QUAN: ["rate", "last"],
  KMT_KDC: ["rate", "last"],
  GD_VAN_HOA: ["rate", "last"],
  HO_CAN_NGHEO: ["rate", "last"],
  LD_CO_BANG: ["rate", "last"],
};
const CODES = Object.keys(KTXH);
const SUMS = CODES.filter((c) => KTXH[c]![1] === "sum");

const PROVINCE = "97";
const PERIODS = ["2026-H1", "2026-9M", "2026", "2026-2027"] as const;

// ---------------------------------------------------------------------------------------------
// The oracle's own periods: [first, last] month counted from year 0 (FORMATS.md §4: H1 and 9M are
// cumulative from January; a phase runs January of its first year to December of its last).

function span(code: string): [number, number] {
  let m = /^(\d{4})-(\d{4})$/.exec(code);
  if (m) return [Number(m[1]) * 12, Number(m[2]) * 12 + 11];
  m = /^(\d{4})(?:-(H1|H2|Q[1-4]|M\d\d|9M))?$/.exec(code);
  if (!m) throw new Error(`oracle: not a period ${code}`);
  const y = Number(m[1]) * 12;
  const part = m[2];
  if (!part) return [y, y + 11];
  if (part === "H1") return [y, y + 5];
  if (part === "H2") return [y + 6, y + 11];
  if (part === "9M") return [y, y + 8];
  if (part[0] === "Q") return [y + 3 * (Number(part[1]) - 1), y + 3 * Number(part[1]) - 1];
  return [y + Number(part.slice(1)) - 1, y + Number(part.slice(1)) - 1];
}

const monthsOf = (code: string): number[] => {
  const [a, b] = span(code);
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
};

/** Missing months as what a unit could send: from each gap's start, the longest canonical period that fits. */
function nameMonths(missing: number[]): string[] {
  const left = new Set(missing);
  const out: string[] = [];
  for (const m of [...missing].sort((a, b) => a - b)) {
    if (!left.has(m)) continue;
    let run = 0;
    while (left.has(m + run)) run++;
    const y = Math.floor(m / 12);
    const mi = m % 12;
    let code: string;
    let len: number;
    if (mi === 0 && run >= 12) [code, len] = [String(y), 12];
    else if (mi === 0 && run >= 9) [code, len] = [`${y}-9M`, 9];
    else if (mi % 6 === 0 && run >= 6) [code, len] = [`${y}-H${mi === 0 ? 1 : 2}`, 6];
    else if (mi % 3 === 0 && run >= 3) [code, len] = [`${y}-Q${mi / 3 + 1}`, 3];
    else [code, len] = [`${y}-M${String(mi + 1).padStart(2, "0")}`, 1];
    out.push(code);
    for (let k = 0; k < len; k++) left.delete(m + k);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The oracle's figures.

interface Piece {
  unit: string;
  period: string;
  file: string;
  values: Record<string, TrueValue>;
}

interface Fig {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

interface UnitOracle {
  status: "ok" | "rejected" | "missing";
  sources: string[];
  figures: Map<string, Fig>;
  /** Pieces not inside P: `wrong-period`. */
  outside: Piece[];
  /** Pieces inside P not used (the unit's own report won, or they overlap those used). */
  leftOut: Piece[];
  /** Canonical periods missing for the pieces to cover P; empty when they do. */
  missing: string[];
}

const isRate = (v: TrueValue): v is { num: number; den: number } => "num" in v;

function figOf(kind: Kind, vals: TrueValue[]): Fig {
  if (kind === "rate") {
    const n = vals.reduce((s, v) => s + (v as { num: number }).num, 0);
    const d = vals.reduce((s, v) => s + (v as { den: number }).den, 0);
    return { value: d > 0 ? (100 * n) / d : null, numerator: n, denominator: d };
  }
  return {
    value: vals.reduce((s, v) => s + (v as { value: number }).value, 0),
    numerator: null,
    denominator: null,
  };
}

/** Of non-overlapping sets of pieces, the one covering most months, then the fewest pieces; a tie is a bad scenario. */
function bestCover(inside: Piece[]): Piece[] {
  let best: Piece[] = [];
  let bestMonths = 0;
  let tie = false;
  const walk = (i: number, chosen: Piece[], taken: Set<number>): void => {
    if (i === inside.length) {
      const n = taken.size;
      if (n > bestMonths || (n === bestMonths && chosen.length < best.length)) {
        [best, bestMonths, tie] = [[...chosen], n, false];
      } else if (n === bestMonths && chosen.length === best.length && n > 0) tie = true;
      return;
    }
    walk(i + 1, chosen, taken);
    const ms = monthsOf(inside[i]!.period);
    if (ms.some((m) => taken.has(m))) return;
    walk(i + 1, [...chosen, inside[i]!], new Set([...taken, ...ms]));
  };
  walk(0, [], new Set());
  if (tie) throw new Error(`oracle: two covers tie for ${inside.map((p) => p.period).join(", ")}`);
  return best.sort((a, b) => span(a.period)[1] - span(b.period)[1]);
}

function oracleUnit(pieces: Piece[], P: string): UnitOracle {
  const [a, b] = span(P);
  const inside = pieces.filter((p) => span(p.period)[0] >= a && span(p.period)[1] <= b);
  const outside = pieces.filter((p) => !inside.includes(p));
  const none = { sources: [], figures: new Map<string, Fig>(), outside, leftOut: [], missing: [] };
  if (inside.length === 0) return { status: pieces.length > 0 ? "rejected" : "missing", ...none };
  const own = inside.find((p) => p.period === P);
  const used = own ? [own] : bestCover(inside);
  const covered = new Set(used.flatMap((p) => monthsOf(p.period)));
  const missing = nameMonths(monthsOf(P).filter((m) => !covered.has(m)));
  // The latest piece: the one ending latest; of two, the one used.
  const end = Math.max(...inside.map((p) => span(p.period)[1]));
  const ending = inside.filter((p) => span(p.period)[1] === end);
  const latest = ending.length === 1 ? ending[0]! : ending.find((p) => used.includes(p));
  if (!latest) throw new Error(`oracle: no latest piece among ${ending.map((p) => p.period).join(", ")}`);
  const figures = new Map<string, Fig>();
  for (const code of CODES) {
    const [kind, time] = KTXH[code]!;
    if (time === "last") {
      const v = latest.values[code]!;
      figures.set(
        code,
        kind === "score"
          ? { value: (v as { value: number }).value, numerator: null, denominator: null }
          : figOf(kind, [v]),
      );
    } else if (missing.length === 0)
      figures.set(
        code,
        figOf(
          kind,
          used.map((p) => p.values[code]!),
        ),
      );
  }
  // The files the unit's figures came from: with a gap, only the latest piece's (no flow enters).
  const from = missing.length > 0 ? [latest] : used;
  const sources = [...new Set(from.map((p) => p.file))];
  // Left out: pieces neither used nor the source of the stocks (a gap names the rest as sent).
  const leftOut = inside.filter((p) => !used.includes(p) && p !== latest);
  return { status: "ok", sources, figures, outside, leftOut, missing };
}

/** The province figure: counts and amounts added, a rate by its parts, a score the mean of the units'. */
function oracleProvince(units: UnitOracle[]): Map<string, Fig & { reporting: number }> {
  const out = new Map<string, Fig & { reporting: number }>();
  for (const code of CODES) {
    const kind = KTXH[code]![0];
    const figs = units.flatMap((u) => (u.figures.has(code) ? [u.figures.get(code)!] : []));
    const sum = (k: keyof Fig): number => figs.reduce((s, f) => s + (f[k] ?? 0), 0);
    const reporting = figs.length;
    if (reporting === 0) out.set(code, { value: null, numerator: null, denominator: null, reporting });
    else if (kind === "rate") {
      const [n, d] = [sum("numerator"), sum("denominator")];
      out.set(code, { value: (100 * n) / d, numerator: n, denominator: d, reporting });
    } else if (kind === "score") {
      out.set(code, {
        value: sum("value") / reporting,
        numerator: sum("value"),
        denominator: reporting,
        reporting,
      });
    } else out.set(code, { value: sum("value"), numerator: null, denominator: null, reporting });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The unseen province: what each commune sends (2026, and 2027 for the phase).

const q = (y: number, ...n: number[]): string[] => n.map((k) => `${y}-Q${k}`);
const months = (y: number, ...n: number[]): string[] => n.map((k) => `${y}-M${String(k).padStart(2, "0")}`);
const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

const SCENARIOS: Record<string, string[]> = {
  year: ["2026", "2027"],
  quarters: [...q(2026, 1, 2, 3, 4), "2027"],
  halves: ["2026-H1", "2026-H2", "2027-H1", "2027-H2"],
  "months, no 2027": months(2026, ...range(1, 12)),
  "H1 + Q3 + Q4": ["2026-H1", ...q(2026, 3, 4), "2027"],
  "9M + Q4": ["2026-9M", "2026-Q4", ...q(2027, 1, 2, 3, 4)],
  "quarters and H1 (overlap)": [...q(2026, 1, 2), "2026-H1", ...q(2026, 3, 4), "2027"],
  "year and its quarters (overlap)": ["2026", ...q(2026, 1, 2, 3, 4), "2027"],
  "Q3 missing": [...q(2026, 1, 2, 4), "2027"],
  "May missing": months(2026, 1, 2, 3, 4, 6, 7, 8, 9),
  "H1 only": ["2026-H1"],
  "9M and H2 (overlap and gap)": ["2026-9M", "2026-H2", "2027"],
  "the phase itself, and 2026": ["2026-2027", "2026"],
  "2027 without Q4": [...q(2026, 1, 2, 3, 4), ...q(2027, 1, 2, 3)],
  "months, a quarter, a half": [...months(2026, 1, 2, 3), "2026-Q2", "2026-H2", "2027"],
  "H1, 9M and Q4 (overlap)": ["2026-H1", "2026-9M", "2026-Q4", "2027-H1", "2027-H2"],
  nothing: [],
};
const SCENARIO_NAMES = Object.keys(SCENARIOS);

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Poor households fall through the years (percentage points off the commune's starting share). */
function poorDrop(endMonth: number): number {
  const y = Math.floor(endMonth / 12);
  if (y <= 2025) return { 2023: 5, 2024: 6.5, 2025: 10.5 }[y]!;
  return 10.5 + (4 * (endMonth - 2026 * 12 + 1)) / 12;
}

interface Province {
  dir: string;
  inbox: string;
  roster: RosterEntry[];
  leaves: string[];
  /** Each commune's pieces, 2026–2027. */
  pieces: Map<string, Piece[]>;
  scenario: Map<string, string>;
  /** Each commune's whole-year figures for 2023–2025 (absent: it did not report that year). */
  years: Map<number, Map<string, Record<string, TrueValue>>>;
}

async function makeProvince(seed: number): Promise<Province> {
  const rng = new Rng(seed);
  const n = 2 * SCENARIO_NAMES.length + 2;
  const leaves = range(1, n).map((i) => `${PROVINCE}${String(100 + i * 7).padStart(3, "0")}`);
  const roster: RosterEntry[] = [
    { code: PROVINCE, name: "Tỉnh Thử Nghiệm", level: "tinh", parent: "", groups: [] },
    ...leaves.map((code, i) => ({
      code,
      name: `Xã Nậm Thử ${i + 1}`,
      level: "xa" as const,
      parent: PROVINCE,
      groups: i % 3 === 0 ? ["bien-gioi"] : [],
    })),
  ];
  const spread = new Spread(rng, n);
  const sizes = leaves.map((_, i) => communeSize(spread.of(i)));
  const startShare = leaves.map(() => 0.4 + rng.decimal(-0.002, 0.002, 4));
  /** One commune's figures for a period: flows in proportion to its months, the poor share of its end. */
  const figures = (i: number, period: string): Record<string, TrueValue> => {
    const [first, last] = span(period);
    const f = (last - first + 1) / 12;
    const v = ktxhValues(() => rng.next(), sizes[i]!, i % 3 === 0);
    const flow = (x: TrueValue): TrueValue =>
      isRate(x) ? { num: round1(x.num * f), den: round1(x.den * f) } : { value: round1(x.value * f) };
    const H = sizes[i]!.households;
    return {
      ...v,
      THU_NS: flow(v.THU_NS!),
      SL_LUONG_THUC: flow(v.SL_LUONG_THUC!),
      XKLD: { value: rng.int(0, Math.max(1, Math.round(6 * f))) },
      CHI_KHCN_CDS: flow(v.CHI_KHCN_CDS!),
      THU_GOM_CTR: flow(v.THU_GOM_CTR!),
      HO_NGHEO: { num: Math.round(H * (startShare[i]! - poorDrop(last) / 100)), den: H },
    };
  };

  const order = rng.shuffle(range(0, n - 1));
  const scenario = new Map<string, string>();
  const pieces = new Map<string, Piece[]>();
  const files: FileSpec[] = [];
  const shared: FileSpec = {
    path: "chung/bao-cao-nhieu-xa.csv",
    form: { kind: "csv", delimiter: ";", encoding: "windows-1258", headers: "vi", periodWords: true },
    submissions: [],
  };
  order.forEach((i, k) => {
    const code = leaves[i]!;
    const name = SCENARIO_NAMES[k % SCENARIO_NAMES.length]!;
    scenario.set(code, name);
    const list: Piece[] = [];
    // The form: the template workbook, a hand-made sheet (one a piece), or CSV (one for the commune, or shared).
    const how = k % 4;
    const perUnitCsv: FileSpec = {
      path: `xa-${code}/bao-cao-${code}.csv`,
      form: {
        kind: "csv",
        delimiter: k % 2 ? "," : "\t",
        encoding: k % 2 ? "utf-8-bom" : "utf-16le",
        periodWords: k % 3 === 0,
      },
      submissions: [],
    };
    for (const period of SCENARIOS[name]!) {
      const values = figures(i, period);
      const sub = { unit: code, period, values, note: "Số liệu thử" };
      let file: string;
      if (how === 0 || how === 1) {
        const form: FormSpec = how === 0 ? { kind: "template" } : { kind: "hand", layout: k % 3 };
        file = `xa-${code}/${code}_${period}.xlsx`;
        files.push({ path: file, form, submissions: [sub] });
      } else if (how === 2) {
        file = perUnitCsv.path;
        perUnitCsv.submissions.push(sub);
      } else {
        file = shared.path;
        shared.submissions.push(sub);
      }
      list.push({ unit: code, period, file, values });
    }
    if (perUnitCsv.submissions.length > 0) files.push(perUnitCsv);
    pieces.set(code, list);
  });
  files.push(shared);

  // The years before: every commune sends its year, but a few skip one.
  const years = new Map<number, Map<string, Record<string, TrueValue>>>();
  for (const y of [2023, 2024, 2025]) {
    const m = new Map<string, Record<string, TrueValue>>();
    leaves.forEach((code, i) => {
      if (rng.chance(0.1)) return;
      const v = figures(i, String(y));
      const H = sizes[i]!.households;
      v.HO_NGHEO = { num: Math.round(H * (startShare[i]! - poorDrop(y * 12 + 11) / 100)), den: H };
      // Few workers go abroad in 2024, many in 2025: the running total falls behind, then catches up.
      v.XKLD = { value: y === 2024 ? rng.int(0, 2) : y === 2025 ? rng.int(3, 9) : rng.int(0, 6) };
      m.set(code, v);
    });
    years.set(y, m);
  }

  const dir = mkdtempSync(path.join(tmpdir(), "chitieu-acceptance-"));
  const g = await generateProvince({
    seed,
    template: "ktxh-xa",
    // A period nobody sends: the generator's own truth is not the oracle and is not used.
    period: "2030",
    roster,
    values: {},
    files,
    marker: "Số liệu thử",
  });
  writeProvince(dir, g, "bao-cao", "roster.csv");
  for (const [y, m] of years) {
    const h = await generateProvince({
      seed: seed + y,
      template: "ktxh-xa",
      period: "2030",
      roster,
      values: Object.fromEntries(m),
      files: [
        {
          path: `nam-${y}.csv`,
          form: { kind: "csv", delimiter: ",", encoding: "utf-8" },
          submissions: [...m.keys()].map((unit) => ({ unit, period: String(y) })),
        },
      ],
    });
    writeProvince(path.join(dir, `nam-${y}`), h, "bao-cao", "roster.csv");
  }
  return { dir, inbox: path.join(dir, "bao-cao"), roster, leaves, pieces, scenario, years };
}

// ---------------------------------------------------------------------------------------------
// Running the command line and comparing.

function consolidate(p: Province, inbox: string, period: string, name: string, more: string[] = []): Report {
  const json = path.join(p.dir, `${name}.json`);
  const r = runCli([
    "consolidate",
    inbox,
    "--roster",
    path.join(p.dir, "roster.csv"),
    "--period",
    period,
    ...more,
    "--out",
    path.join(p.dir, `${name}.xlsx`),
    "--json",
    json,
  ]);
  if (r.status !== 0) throw new Error(`consolidate ${period}: ${r.stderr}`);
  return JSON.parse(readFileSync(json, "utf8")) as Report;
}

/** Equal to 1e-9 of the figure: the engine adds exactly, the oracle as JavaScript does. */
function close(a: number | null | undefined, b: number | null): boolean {
  if (a === null || a === undefined || b === null) return (a ?? null) === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

const figDiff = (what: string, got: Partial<Fig> | undefined, want: Fig, rate: boolean): string[] => {
  const keys: (keyof Fig)[] = rate ? ["value", "numerator", "denominator"] : ["value"];
  return keys
    .filter((k) => !close(got?.[k], want[k]))
    .map((k) => `${what} ${k}: got ${String(got?.[k])}, oracle ${String(want[k])}`);
};

const unitFile = (f: string): string => f.split(path.sep).join("/");

const SEEDS = [1, 7, 2026];

/** One province per seed, generated once for every describe that uses it, removed at the end. */
const made = new Map<number, Promise<Province>>();
const provinceOf = (seed: number): Promise<Province> => {
  if (!made.has(seed)) made.set(seed, makeProvince(seed));
  return made.get(seed)!;
};
// CHITIEU_KEEP=1 keeps the folders (their path starts chitieu-acceptance-) to look at by hand.
afterAll(async () => {
  if (!process.env.CHITIEU_KEEP)
    for (const p of made.values()) rmSync((await p).dir, { recursive: true, force: true });
});

describe.each(SEEDS)("an unseen province (seed %i) reported in pieces", (seed) => {
  let p: Province;
  const reports = new Map<string, Report>();
  const oracles = new Map<string, Map<string, UnitOracle>>();

  beforeAll(async () => {
    p = await provinceOf(seed);
    for (const P of PERIODS) {
      reports.set(P, consolidate(p, p.inbox, P, `tong-hop-${P}`));
      oracles.set(P, new Map(p.leaves.map((u) => [u, oracleUnit(p.pieces.get(u)!, P)])));
    }
  });

  it("sends every kind of piece: quarters, halves, months, 9M, years, a phase, overlaps and gaps", () => {
    const sent = new Set([...p.pieces.values()].flat().map((x) => x.period.replace(/^\d{4}/, "Y")));
    expect([...sent].sort()).toEqual(
      expect.arrayContaining(["Y", "Y-H1", "Y-H2", "Y-Q1", "Y-Q4", "Y-M01", "Y-M12", "Y-9M", "Y-2027"]),
    );
    const o = oracles.get("2026")!;
    const states = [...o.values()];
    expect(states.filter((u) => u.missing.length > 0).length).toBeGreaterThan(3);
    expect(states.filter((u) => u.leftOut.length > 0).length).toBeGreaterThan(3);
    expect(states.filter((u) => u.status === "missing").length).toBeGreaterThan(0);
  });

  describe.each(PERIODS)("--period %s", (P) => {
    it("gives every province figure the oracle gives", () => {
      const report = reports.get(P)!;
      expect(report.period).toBe(P);
      const want = oracleProvince([...oracles.get(P)!.values()]);
      const diffs: string[] = [];
      for (const code of CODES) {
        const got = report.indicators.find((i) => i.code === code);
        const w = want.get(code)!;
        diffs.push(...figDiff(code, got, w, KTXH[code]![0] === "rate"));
        if (got?.reporting !== w.reporting)
          diffs.push(`${code} reporting: got ${got?.reporting}, oracle ${w.reporting}`);
        if (got?.expected !== p.leaves.length) diffs.push(`${code} expected: ${got?.expected}`);
      }
      // The border communes' group (FORMATS.md §8 groups[]), aggregated exactly like the province.
      const border = p.roster.filter((u) => u.groups.includes("bien-gioi")).map((u) => u.code);
      const group = oracleProvince(border.map((u) => oracles.get(P)!.get(u)!));
      for (const code of CODES) {
        const got = report.groups.find((g) => g.group === "bien-gioi" && g.indicator === code);
        const w = group.get(code)!;
        diffs.push(...figDiff(`bien-gioi ${code}`, got, w, KTXH[code]![0] === "rate"));
        if (got?.reporting !== w.reporting || got?.expected !== border.length)
          diffs.push(
            `bien-gioi ${code} reporting ${got?.reporting}/${got?.expected}, oracle ${w.reporting}/${border.length}`,
          );
      }
      expect(diffs).toEqual([]);
      // The flows really lose the gaps: fewer units behind a `sum` figure than behind a `last` one.
      const reporting = (c: string): number => want.get(c)!.reporting;
      expect(reporting("THU_NS")).toBeLessThan(reporting("HO_NGHEO"));
    });

    it("gives every unit's figure the oracle gives, and none it does not", () => {
      const report = reports.get(P)!;
      const diffs: string[] = [];
      for (const [unit, o] of oracles.get(P)!) {
        for (const code of CODES) {
          const got = report.perUnit.find((x) => x.unit === unit && x.indicator === code);
          const want = o.figures.get(code);
          if (!want) {
            if (got && got.value !== null) diffs.push(`${unit} ${code}: got ${got.value}, oracle none`);
            continue;
          }
          diffs.push(...figDiff(`${unit} ${code}`, got, want, KTXH[code]![0] === "rate"));
        }
      }
      expect(diffs).toEqual([]);
    });

    it("says which units reported and lists the files each one's figures came from", () => {
      const report = reports.get(P)!;
      const got = p.leaves.map((code) => {
        const u = report.units.find((x) => x.code === code)!;
        return { code, status: u.status, sources: [...(u.sources ?? [])].map(unitFile).sort() };
      });
      const want = p.leaves.map((code) => {
        const o = oracles.get(P)!.get(code)!;
        return { code, status: o.status, sources: [...o.sources].sort() };
      });
      expect(got).toEqual(want);
    });

    it("names every gap: an error for the flows and a warning for the stocks, with the missing pieces", () => {
      const report = reports.get(P)!;
      const problems: string[] = [];
      for (const [unit, o] of oracles.get(P)!) {
        const gap = report.issues.filter((i) => i.rule === "incomplete-period" && i.unit === unit);
        const sev = gap.map((i) => i.severity).sort();
        if (o.missing.length === 0 || o.status !== "ok") {
          if (gap.length > 0)
            problems.push(
              `${unit} (${p.scenario.get(unit)}): no gap, yet ${gap.map((i) => i.message).join(" | ")}`,
            );
          continue;
        }
        if (sev.join() !== "error,warning")
          problems.push(`${unit}: incomplete-period ${sev.join()} (want error, warning)`);
        for (const i of gap) {
          // It points at the latest piece's file, the one the stocks came from.
          if (unitFile(i.file ?? "") !== o.sources[0])
            problems.push(`${unit} ${i.severity}: points at ${i.file}, not ${o.sources[0]}`);
          for (const m of o.missing)
            if (!i.message.includes(`(${m})`))
              problems.push(`${unit} ${i.severity}: "${i.message}" does not name ${m}`);
          // Nothing else is said to be missing: the periods named after "thiếu" are exactly the oracle's.
          const named = [
            ...(i.message.split("còn thiếu ")[1] ?? "")
              .split(" để đủ kỳ")[0]!
              .matchAll(/\((\d{4}(?:-[0-9A-Z]+)?)\)/g),
          ].map((x) => x[1]);
          if (named.join() !== o.missing.join())
            problems.push(`${unit}: names ${named.join()} missing, oracle ${o.missing.join()}`);
        }
        const error = gap.find((i) => i.severity === "error");
        for (const code of SUMS)
          if (error && !error.message.includes(code))
            problems.push(`${unit}: the error does not name ${code}`);
      }
      expect(problems).toEqual([]);
    });

    it("never counts a piece twice: the pieces left out are named, and pieces outside the period are wrong-period", () => {
      const report = reports.get(P)!;
      const problems: string[] = [];
      const named = (rule: string, severity: string, unit: string, x: Piece): Issue | undefined =>
        report.issues.find(
          (i) =>
            i.rule === rule &&
            i.severity === severity &&
            i.unit === unit &&
            unitFile(i.file ?? "") === x.file &&
            i.message.includes(`(${x.period})`),
        );
      for (const [unit, o] of oracles.get(P)!) {
        for (const x of o.leftOut)
          if (!named("duplicate-submission", "warning", unit, x))
            problems.push(`${unit}: ${x.period} left out, not named`);
        for (const x of o.outside)
          if (!named("wrong-period", "error", unit, x))
            problems.push(`${unit}: ${x.period} outside ${P}, not named`);
        const dup = report.issues.filter((i) => i.rule === "duplicate-submission" && i.unit === unit);
        if (dup.length !== o.leftOut.length)
          problems.push(`${unit}: ${dup.length} duplicate-submission, oracle ${o.leftOut.length}`);
        // A CSV names one wrong period per unit and file (at its first line), a workbook each.
        const wrong = report.issues.filter((i) => i.rule === "wrong-period" && i.unit === unit);
        const outsideFiles = new Set(o.outside.map((x) => x.file));
        if (wrong.some((i) => !outsideFiles.has(unitFile(i.file ?? ""))))
          problems.push(`${unit}: wrong-period for a file with no piece outside ${P}`);
        // What the oracle leaves out is not among the sources.
        const sources = new Set(report.units.find((u) => u.code === unit)?.sources?.map(unitFile));
        for (const x of o.leftOut)
          if (sources.has(x.file) && !o.sources.includes(x.file))
            problems.push(`${unit}: ${x.file} left out yet a source`);
      }
      expect(problems).toEqual([]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// A plan followed year after year: three earlier summaries written by the command line, then each
// of the four periods made of its pieces with them as its history. The oracle judges each period by
// README "Checking against the plan": the poor-household rate against the straight line from the
// 2022 baseline (40 %) to 16 % in 2030 and falling at least 3 points a year against the latest year
// before (the baseline for the first); workers sent abroad by their running total over 2023–2027
// against the straight line from 0 to the total, month by month.
//
// A choice where the contract is silent: a period shorter than a year is judged in the year it ends
// in (README: the line "at this year", the pace "× the years between"), so 2026-H1's poor-household
// rate must already be 3 points under 2025's and on 2026's point of the line; a phase in its last
// year (2026-2027: 6 points under 2025, on 2027's point).

const BASE = 40;
const TARGET = 16;
const PACE = 3;
const ABROAD = 400;
const PLAN = [
  "ma_don_vi,ma_chi_tieu,ky,loai,gia_tri",
  `${PROVINCE},HO_NGHEO,2022,goc,${BASE}`,
  `${PROVINCE},HO_NGHEO,2030,muc_tieu,${TARGET}`,
  `${PROVINCE},HO_NGHEO,2023-2030,giam_moi_nam,${PACE}`,
  `${PROVINCE},XKLD,2023-2027,tong_giai_doan,${ABROAD}`,
].join("\n");

const EPS = 1e-9;
const endYear = (code: string): number => Math.floor(span(code)[1] / 12);

/** The poor-household rate's status for a period ending in `year`, given the latest year before (else the baseline). */
function poorStatus(year: number, value: number, before: { year: number; value: number }): string {
  const line = BASE + ((TARGET - BASE) * (year - 2022)) / (2030 - 2022);
  const onPace = before.value - value >= PACE * (year - before.year) - EPS;
  if (value <= TARGET + EPS) return onPace ? "met" : "behind";
  return value <= line + EPS && onPace ? "on_track" : "behind";
}

/** The running total's status at the end of `period`: met once reached, missed if short at the phase's end. */
function abroadStatus(period: string, total: number): string {
  const end = span(period)[1];
  if (total >= ABROAD - EPS) return "met";
  if (end === 2027 * 12 + 11) return "missed";
  return total >= (ABROAD * (end - 2023 * 12 + 1)) / 60 - EPS ? "on_track" : "behind";
}

describe.each(SEEDS)(
  "the history of an unseen province (seed %i): three summaries, then each period",
  (seed) => {
    let p: Province;
    const reports = new Map<string, Report>();
    const province = new Map<string, Map<string, Fig & { reporting: number }>>();

    beforeAll(async () => {
      p = await provinceOf(seed);
      const history = path.join(p.dir, "lich-su");
      mkdirSync(history);
      for (const [y, m] of p.years) {
        consolidate(
          p,
          path.join(p.dir, `nam-${y}`, "bao-cao"),
          String(y),
          path.join("lich-su", `tong-hop-${y}`),
        );
        const units = p.leaves.map((u) =>
          oracleUnit(
            m.has(u) ? [{ unit: u, period: String(y), file: "", values: m.get(u)! }] : [],
            String(y),
          ),
        );
        province.set(String(y), oracleProvince(units));
      }
      writeFileSync(path.join(p.dir, "plan.csv"), PLAN);
      for (const P of PERIODS) {
        province.set(P, oracleProvince(p.leaves.map((u) => oracleUnit(p.pieces.get(u)!, P))));
        reports.set(
          P,
          consolidate(p, p.inbox, P, `lich-su-${P}`, [
            "--plan",
            path.join(p.dir, "plan.csv"),
            "--history",
            history,
          ]),
        );
      }
    });

    const EARLIER = ["2023", "2024", "2025"];

    describe.each(PERIODS)("--period %s --history", (P) => {
      const periods = [...EARLIER, P];

      it("gives series[]: every indicator, 2023, 2024, 2025 and this period, oldest first, with the oracle's figures", () => {
        const report = reports.get(P)!;
        expect(report.issues.filter((i) => i.rule === "history-ignored")).toEqual([]);
        const diffs: string[] = [];
        for (const code of CODES) {
          const points = (report.series ?? []).filter((s) => s.indicator === code);
          if (points.map((s) => s.period).join() !== periods.join()) {
            diffs.push(`${code}: periods ${points.map((s) => s.period).join()}`);
            continue;
          }
          const rate = KTXH[code]![0] === "rate";
          points.forEach((s, k) =>
            diffs.push(...figDiff(`${code} ${s.period}`, s, province.get(periods[k]!)!.get(code)!, rate)),
          );
          // The history changes no figure of the period.
          const f = report.indicators.find((i) => i.code === code);
          diffs.push(...figDiff(`${code} ${P}`, f, province.get(P)!.get(code)!, rate));
        }
        expect(diffs).toEqual([]);
      });

      it("judges the poor-household rate's line and pace as the oracle does, each period of the series", () => {
        const report = reports.get(P)!;
        const value = (y: string): number => province.get(y)!.get("HO_NGHEO")!.value!;
        const want = periods.map((y, k) => ({
          period: y,
          target: TARGET,
          status: poorStatus(
            endYear(y),
            value(y),
            k === 0 ? { year: 2022, value: BASE } : { year: 2022 + k, value: value(periods[k - 1]!) },
          ),
        }));
        const got = (report.series ?? [])
          .filter((s) => s.indicator === "HO_NGHEO")
          .map((s) => ({ period: s.period, target: s.target, status: s.status }));
        expect(got).toEqual(want);
        // 2024 is on the line but falls too little: the pace alone makes it behind.
        expect(want.slice(0, 3).map((w) => w.status)).toEqual(["on_track", "behind", "on_track"]);
        const f = report.indicators.find((i) => i.code === "HO_NGHEO")!;
        expect(f.status).toBe(want[3]!.status);
        const years = endYear(P) - 2025;
        expect(f.pace).toMatchObject({ fromYear: 2025, required: PACE * years });
        expect(close(f.pace!.fromValue, value("2025"))).toBe(true);
        expect(f.pace!.met).toBe(value("2025") - value(P) >= PACE * years - EPS);
        // INDICATORS.md: the poverty standard changes in 2027; a pace across it says so.
        expect(f.pace!.crossesStandardBreak).toBe(endYear(P) >= 2027);
        const paceIssue = report.issues.some((i) => i.rule === "pace-missed" && i.unit === PROVINCE);
        expect(paceIssue).toBe(!f.pace!.met);
      });

      it("judges workers sent abroad on their running total over 2023–2027, and nothing without a plan", () => {
        const report = reports.get(P)!;
        let total = 0;
        const want = periods.map((y) => {
          total += province.get(y)!.get("XKLD")!.value!;
          return { period: y, target: ABROAD, status: abroadStatus(y, total), total };
        });
        const got = (report.series ?? [])
          .filter((s) => s.indicator === "XKLD")
          .map((s) => ({ period: s.period, target: s.target, status: s.status, total: s.phaseTotal?.total }));
        expect(got).toEqual(want);
        expect(want.slice(0, 3).map((w) => w.status)).toEqual(["on_track", "behind", "on_track"]);
        const f = report.indicators.find((i) => i.code === "XKLD")!;
        expect(f.phaseTotal).toMatchObject({ phase: "2023-2027", periods, missing: [] });
        const others = (report.series ?? []).filter(
          (s) => s.indicator !== "XKLD" && s.indicator !== "HO_NGHEO",
        );
        expect(others.filter((s) => (s.target ?? null) !== null || s.status !== "no_target")).toEqual([]);
      });
    });
  },
);
