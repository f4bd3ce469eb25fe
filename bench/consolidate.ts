/*
 * npm run bench [-- --sizes 130,1000,3321 --rounds 3 --profile --no-peer --no-lean]
 *
 * Issue 7: ChiTieu's consolidation end to end, as a user runs it (`chitieu consolidate` as a
 * process), against the floor (reading the same files and inflating every zip entry, nothing
 * parsed) and against the peer (bench/peer.py: the same sums with pandas + openpyxl), on N
 * synthetic commune workbooks in the template format, in one run, interleaved.
 *
 * - The workbooks are generated once into .bench-cache/consolidate/<key>/ and reused; the key is
 *   the generator's version and a hash of the sources that make the files, so a change regenerates.
 * - Every contender is a separate process started through bench/measure.py, which times it and reads
 *   its peak RSS (getrusage RUSAGE_CHILDREN, ru_maxrss).
 * - Rounds interleave the contenders; each keeps its best round (noise on a shared machine only
 *   ever adds time) and its highest peak RSS. The median is printed too.
 * - ChiTieu's national figures are checked against the expected ones computed from the generated
 *   values (exact), the peer's against the same (to 1e-9: pandas sums in floating point).
 * - With 3,321 among the sizes, the nation is measured again in lean workbooks (bench/lean-workbooks.py,
 *   ~7 KB, one sheet, as openpyxl writes them: the size issue 7 describes), with their own figures.
 *
 * It installs nothing: it needs Node (this checkout, npm install done) and Python 3 with pandas
 * and openpyxl (Debian: apt-get install python3-pandas python3-openpyxl). Without pandas the peer
 * is skipped and said so.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  linkSync,
  copyFileSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  benchSet,
  communeWorkbook,
  expectedFigures,
  figureDifferences,
  fileName,
  GENERATOR_VERSION,
  nation,
  nationalReports,
  PERIOD,
  rosterText,
  TEMPLATE_ID,
  type BenchSet,
  type Commune,
  type ExpectedFigure,
} from "./national";
import { requestsTable, summaryRequests, templateRequests } from "./excel-requests";

const ROOT = path.join(__dirname, "..");
const LOAD_AT_START = os.loadavg()[0] ?? 0;
const CACHE = path.join(ROOT, ".bench-cache", "consolidate");

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  sizes: number[];
  rounds: number;
  profile: boolean;
  peer: boolean;
  /** The nation in lean workbooks too (with 3321 among the sizes). */
  lean: boolean;
}

function options(argv: string[]): Options {
  const o: Options = { sizes: [130, 1000, 3321], rounds: 3, profile: false, peer: true, lean: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v as string;
    };
    if (a === "--sizes")
      o.sizes = value()
        .split(",")
        .map((s) => Number(s.trim().replace(/[_.]/g, "")));
    else if (a.startsWith("--sizes="))
      o.sizes = a
        .slice(8)
        .split(",")
        .map((s) => Number(s.trim()));
    else if (a === "--rounds") o.rounds = Number(value());
    else if (a === "--profile") o.profile = true;
    else if (a === "--no-peer") o.peer = false;
    else if (a === "--no-lean") o.lean = false;
    else usage(`unknown option ${a}`);
  }
  if (o.sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 3321)) usage("sizes are 1 to 3321");
  if (!Number.isInteger(o.rounds) || o.rounds < 1) usage("--rounds is a positive integer");
  o.sizes = [...new Set(o.sizes)].sort((a, b) => a - b);
  return o;
}

function usage(problem: string): never {
  console.error(`bench: ${problem}
usage: npm run bench [-- --sizes 130,1000,3321] [--rounds 3] [--profile] [--no-peer] [--no-lean]`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// The workbooks, generated once

/** What makes the files: if any of it changes, the cached workbooks are stale. */
const GENERATOR_SOURCES = [
  "bench/national.ts",
  "generator",
  "src/core/catalog",
  "src/core/layout",
  "src/core/contract.ts",
  "src/core/periods.ts",
  "src/core/text.ts",
  "src/io/xlsx-writer.ts",
  "data/dvhc-2025.csv",
  "node_modules/exceljs/package.json",
];

function cacheKey(): string {
  const h = createHash("sha256");
  const add = (rel: string): void => {
    const abs = path.join(ROOT, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) add(path.posix.join(rel, name));
      return;
    }
    h.update(rel).update("\0").update(readFileSync(abs)).update("\0");
  };
  for (const rel of GENERATOR_SOURCES) add(rel);
  return `v${GENERATOR_VERSION}-${h.digest("hex").slice(0, 12)}`;
}

/** The communes whose workbooks the sizes need, in the official list's order. */
function neededCommunes(sizes: number[]): Commune[] {
  const codes = new Set(sizes.flatMap((n) => benchSet(n).communes.map((c) => c.code)));
  return nation().communes.filter((c) => codes.has(c.code));
}

/** A child process writes its share of the missing workbooks (`--generate DIR K/M SIZES`). */
async function generatePart(dir: string, part: string, sizes: number[]): Promise<void> {
  const [k, m] = part.split("/").map(Number) as [number, number];
  const reports = nationalReports();
  const communes = neededCommunes(sizes);
  for (let i = k; i < communes.length; i += m) {
    const c = communes[i] as Commune;
    const file = path.join(dir, fileName(c));
    if (existsSync(file)) continue;
    const bytes = await communeWorkbook(
      c,
      reports.get(c.code) as NonNullable<ReturnType<typeof reports.get>>,
    );
    writeFileSync(`${file}.tmp`, bytes);
    renameSync(`${file}.tmp`, file);
  }
}

async function ensureWorkbooks(dir: string, sizes: number[]): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const missing = neededCommunes(sizes).filter((c) => !existsSync(path.join(dir, fileName(c))));
  if (missing.length === 0) return;
  const procs = Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
  process.stdout.write(
    `Generating ${missing.length} workbooks into ${path.relative(ROOT, dir)} (${procs} processes, once) … `,
  );
  const t0 = performance.now();
  await Promise.all(
    Array.from(
      { length: procs },
      (_, k) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(
            process.execPath,
            [__filename, "--generate", dir, `${k}/${procs}`, sizes.join(",")],
            { stdio: ["ignore", "inherit", "inherit"] },
          );
          child.on("error", reject);
          child.on("exit", (code) =>
            code === 0 ? resolve() : reject(new Error(`generator exited with ${code}`)),
          );
        }),
    ),
  );
  console.log(`${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

interface PreparedSet {
  /** The set's folder name and its processes' key prefix: `n3321`, `lean3321`. */
  name: string;
  set: BenchSet;
  /** The template's header row, for the peer (bench/peer.py), when not the full template's. */
  headerRow?: number;
  dir: string;
  submissions: string;
  roster: string;
  out: string;
  expected: ExpectedFigure[];
  bytes: number;
}

/** A size's folder: its submissions (hard links to the shared workbooks), roster and expected figures. */
function prepareSet(base: string, files: string, size: number): PreparedSet {
  const set = benchSet(size);
  const dir = path.join(base, `n${size}`);
  const submissions = path.join(dir, "bao-cao");
  const have = existsSync(submissions) ? readdirSync(submissions).length : 0;
  if (have !== set.communes.length) {
    rmSync(submissions, { recursive: true, force: true });
    mkdirSync(submissions, { recursive: true });
    for (const c of set.communes) {
      const from = path.join(files, fileName(c));
      const to = path.join(submissions, fileName(c));
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
    }
  }
  const roster = path.join(dir, "roster.csv");
  writeFileSync(roster, rosterText(set));
  const expected = expectedFigures(set);
  writeFileSync(
    path.join(dir, "expected.json"),
    JSON.stringify({ scope: set.scope.code, indicators: expected }, null, 2),
  );
  const out = path.join(dir, "out");
  mkdirSync(out, { recursive: true });
  const bytes = set.communes.reduce((n, c) => n + statSync(path.join(files, fileName(c))).size, 0);
  return { name: `n${size}`, set, dir, submissions, roster, out, expected, bytes };
}

const LEAN_SCRIPT = path.join(ROOT, "bench", "lean-workbooks.py");

/**
 * The nation again in lean workbooks (bench/lean-workbooks.py: one sheet, the table and the names,
 * ~7 KB, as openpyxl writes them; the size issue 7 describes), with their own expected figures.
 * Made once from the full set (needs openpyxl) and kept while the script and the set are unchanged.
 */
function prepareLean(base: string, full: PreparedSet): PreparedSet | undefined {
  if (!pythonHas("openpyxl")) return undefined;
  const dir = path.join(base, `lean${full.set.size}`);
  const submissions = path.join(dir, "bao-cao");
  const expectedFile = path.join(dir, "expected.json");
  const stamp = path.join(dir, "made-by");
  const made = createHash("sha256")
    .update(readFileSync(LEAN_SCRIPT))
    .update(readFileSync(path.join(full.dir, "expected.json")))
    .digest("hex");
  const fresh =
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === made &&
    existsSync(expectedFile) &&
    readdirSync(submissions).length === full.set.size;
  if (!fresh) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    process.stdout.write(
      `Generating ${full.set.size} lean workbooks into ${path.relative(ROOT, dir)} (once) … `,
    );
    const t0 = performance.now();
    const r = spawnSync(PYTHON, [LEAN_SCRIPT, full.dir, submissions, expectedFile], { stdio: "inherit" });
    if (r.status !== 0) throw new Error(`bench/lean-workbooks.py exited with ${r.status}`);
    writeFileSync(stamp, made);
    console.log(`${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const out = path.join(dir, "out");
  mkdirSync(out, { recursive: true });
  const expected = (JSON.parse(readFileSync(expectedFile, "utf8")) as { indicators: ExpectedFigure[] })
    .indicators;
  const bytes = readdirSync(submissions).reduce((n, f) => n + statSync(path.join(submissions, f)).size, 0);
  return {
    name: `lean${full.set.size}`,
    set: { ...full.set, label: `${full.set.label}, lean workbooks (bench/lean-workbooks.py)` },
    headerRow: 6,
    dir,
    submissions,
    roster: full.roster,
    out,
    expected,
    bytes,
  };
}

// ---------------------------------------------------------------------------------------------
// Measuring

const PYTHON = process.env.PYTHON ?? (existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");

interface Sample {
  seconds: number;
  /** User + system CPU time of the process (all its threads). */
  cpu: number;
  rssMb: number;
  /** CHITIEU_TIMING=1: seconds per phase, and RSS (MB) after each phase. */
  timing?: Record<string, number>;
  memory?: Record<string, number>;
}

interface Contender {
  key: string;
  label: string;
  command: string[];
  env?: Record<string, string>;
  samples: Sample[];
  /** The last run's standard output. */
  stdout: string;
}

/** One run of a command through bench/measure.py; throws with its stderr when it fails. */
function measure(c: Contender, scratch: string): Sample {
  const result = path.join(scratch, `${c.key}.result.json`);
  const outFile = path.join(scratch, `${c.key}.stdout`);
  const errFile = path.join(scratch, `${c.key}.stderr`);
  const out = openSync(outFile, "w");
  const err = openSync(errFile, "w");
  try {
    const r = spawnSync(PYTHON, [path.join(ROOT, "bench", "measure.py"), result, ...c.command], {
      cwd: ROOT,
      stdio: ["ignore", out, err],
      env: { ...process.env, ...(c.env ?? {}) },
    });
    if (r.status !== 0) throw new Error(`measure.py failed (${r.status}): ${r.error?.message ?? ""}`);
  } finally {
    closeSync(out);
    closeSync(err);
  }
  const m = JSON.parse(readFileSync(result, "utf8")) as {
    seconds: number;
    peak_rss_kib: number;
    user_seconds: number;
    system_seconds: number;
    status: number;
  };
  const stderr = readFileSync(errFile, "utf8");
  if (m.status !== 0) throw new Error(`${c.label} exited with ${m.status}:\n${stderr.slice(-2000)}`);
  c.stdout = readFileSync(outFile, "utf8");
  const sample: Sample = {
    seconds: m.seconds,
    cpu: m.user_seconds + m.system_seconds,
    rssMb: m.peak_rss_kib / 1024,
  };
  const pairs = (line: RegExp): Record<string, number> | undefined => {
    const m = line.exec(stderr);
    if (!m) return undefined;
    const out: Record<string, number> = {};
    for (const pair of (m[1] as string).split(" ")) {
      const [k, v] = pair.split("=");
      if (k && v) out[k] = Number(v);
    }
    return out;
  };
  const timing = pairs(/^chitieu timing: (.*)$/m);
  if (timing) sample.timing = timing;
  const memory = pairs(/^chitieu memory \(RSS MB after each phase\): (.*)$/m);
  if (memory) sample.memory = memory;
  c.samples.push(sample);
  return sample;
}

const best = (c: Contender): number => Math.min(...c.samples.map((s) => s.seconds));
const medianOf = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const median = (c: Contender): number => medianOf(c.samples.map((s) => s.seconds));
const peak = (c: Contender): number => Math.max(...c.samples.map((s) => s.rssMb));
/** CPU time of the best round. */
const cpuOfBest = (c: Contender): number =>
  c.samples.reduce((b, s) => (s.seconds < b.seconds ? s : b), c.samples[0] as Sample).cpu;

function chitieuArgs(p: PreparedSet): string[] {
  return [
    "consolidate",
    p.submissions,
    "--roster",
    p.roster,
    "--template",
    TEMPLATE_ID,
    "--period",
    PERIOD,
    "--out",
    path.join(p.out, "tong-hop.xlsx"),
    "--json",
    path.join(p.out, "tong-hop.json"),
  ];
}

interface SizeResult {
  p: PreparedSet;
  chitieu: Contender;
  floorNode: Contender;
  floorPy: Contender;
  peer?: Contender;
  npm?: Contender;
  exact: string[];
  peerAgrees?: string[];
}

function contenders(p: PreparedSet, withPeer: boolean, withNpm: boolean): SizeResult {
  const make = (key: string, label: string, command: string[], env?: Record<string, string>): Contender => ({
    key: `${p.name}-${key}`,
    label,
    command,
    ...(env ? { env } : {}),
    samples: [],
    stdout: "",
  });
  const r: SizeResult = {
    p,
    chitieu: make(
      "chitieu",
      "ChiTieu (node bin/chitieu.js consolidate)",
      [process.execPath, "bin/chitieu.js", ...chitieuArgs(p)],
      {
        CHITIEU_TIMING: "1",
      },
    ),
    floorNode: make("floor-node", "floor: Node, fflate unzipSync", [
      process.execPath,
      "bench/floor.mjs",
      p.submissions,
    ]),
    floorPy: make("floor-py", "floor: Python, zipfile", [PYTHON, "bench/floor.py", p.submissions]),
    exact: [],
  };
  if (withPeer)
    r.peer = make("peer", "peer: pandas + openpyxl (bench/peer.py)", [
      PYTHON,
      "bench/peer.py",
      p.submissions,
      ...(p.headerRow === undefined ? [] : [String(p.headerRow)]),
    ]);
  if (withNpm)
    r.npm = make("npm", "ChiTieu via npm run cli --", [
      "npm",
      "run",
      "--silent",
      "cli",
      "--",
      ...chitieuArgs(p),
    ]);
  return r;
}

/** The peer's figures against the expected ones: floating-point sums, so to 1e-9 relative. */
function peerDifferences(expected: ExpectedFigure[], stdout: string): string[] {
  let figures: {
    code: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    reporting: number;
  }[];
  try {
    figures = (JSON.parse(stdout) as { indicators: typeof figures }).indicators;
  } catch {
    return ["the peer printed no JSON"];
  }
  const byCode = new Map(figures.map((f) => [f.code, f]));
  const close = (a: number | null | undefined, b: number | null): boolean =>
    a == null || b === null ? (a ?? null) === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  const out: string[] = [];
  for (const e of expected) {
    const f = byCode.get(e.code);
    if (!f) out.push(`${e.code}: missing`);
    else
      for (const k of ["value", "numerator", "denominator", "reporting"] as const)
        if (!close(f[k], e[k])) out.push(`${e.code}.${k}: ${String(f[k])} ≠ ${String(e[k])}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reporting

const fmt = (x: number, digits = 2): string => x.toFixed(digits);
const int = (x: number): string => Math.round(x).toLocaleString("en-US");

function machine(): string[] {
  const cpu = /model name\s*:\s*(.*)/.exec(
    existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "",
  );
  const py = spawnSync(PYTHON, ["-c", "import sys; print(sys.version.split()[0])"], { encoding: "utf8" });
  const libs = spawnSync(
    PYTHON,
    ["-c", "import pandas, openpyxl; print(pandas.__version__, openpyxl.__version__)"],
    {
      encoding: "utf8",
    },
  );
  const [pandas, openpyxl] = (libs.stdout ?? "").trim().split(" ");
  return [
    `- machine: ${os.availableParallelism?.() ?? os.cpus().length} cores (nproc), ${cpu?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}`,
    `- Node ${process.version}; Python ${py.stdout?.trim() || "?"}${pandas ? `, pandas ${pandas}, openpyxl ${openpyxl}` : " (no pandas/openpyxl)"}`,
    `- date: ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}; load average (1 min) ${fmt(LOAD_AT_START)} at the start, ${fmt(os.loadavg()[0] ?? 0)} at the end: other work on the machine slows the two-thread ChiTieu more than the one-thread floor and peer`,
  ];
}

function table(results: SizeResult[], rounds: number): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const { p } = r;
    const floorWinner = best(r.floorNode) <= best(r.floorPy) ? r.floorNode : r.floorPy;
    lines.push(
      `### ${int(p.set.size)} workbooks: ${p.set.label} (${fmt(p.bytes / 1e6, 1)} MB, ${fmt(p.bytes / p.set.size / 1024, 1)} KB each)`,
      "",
      `| process | seconds (best of ${rounds}) | median | files/s | CPU s (best round) | peak RSS MB |`,
      "| --- | ---: | ---: | ---: | ---: | ---: |",
    );
    const row = (c: Contender, mark = ""): void => {
      lines.push(
        `| ${c.label}${mark} | ${fmt(best(c))} | ${fmt(median(c))} | ${int(p.set.size / best(c))} | ${fmt(cpuOfBest(c))} | ${int(peak(c))} |`,
      );
    };
    row(r.chitieu);
    row(r.floorNode, r.floorNode === floorWinner ? " ← floor" : "");
    row(r.floorPy, r.floorPy === floorWinner ? " ← floor" : "");
    if (r.peer) row(r.peer);
    lines.push("");
    const ratioFloor = best(r.chitieu) / best(floorWinner);
    const ratioPeer = r.peer ? best(r.peer) / best(r.chitieu) : undefined;
    lines.push(
      `- ChiTieu / floor: **${fmt(ratioFloor, 1)}×**; peer / ChiTieu: **${ratioPeer === undefined ? "n/a (no peer)" : `${fmt(ratioPeer, 1)}×`}**`,
    );
    lines.push(
      `- figures exact: **${r.exact.length === 0 ? "yes" : `no (${r.exact.slice(0, 3).join("; ")})`}**` +
        (r.peerAgrees
          ? `; the peer agrees: ${r.peerAgrees.length === 0 ? "yes" : `no (${r.peerAgrees.slice(0, 3).join("; ")})`}`
          : ""),
    );
    if (r.npm) {
      lines.push(
        `- \`npm run cli --\` instead of \`node bin/chitieu.js\`: +${fmt(best(r.npm) - best(r.chitieu))} s (best ${fmt(best(r.npm))} s)`,
      );
    }
    const timings = r.chitieu.samples.flatMap((s) => (s.timing ? [s.timing] : []));
    if (timings.length > 0) {
      const keys = Object.keys(timings[0] as Record<string, number>);
      const parts = keys.map((k) => `${k} ${fmt(medianOf(timings.map((t) => t[k] ?? 0)))}`);
      lines.push(`- ChiTieu's phases (CHITIEU_TIMING=1, median s): ${parts.join(", ")}`);
    }
    const memories = r.chitieu.samples.flatMap((s) => (s.memory ? [s.memory] : []));
    if (memories.length > 0) {
      const keys = Object.keys(memories[0] as Record<string, number>);
      const parts = keys.map((k) => `${k} ${int(medianOf(memories.map((t) => t[k] ?? 0)))}`);
      lines.push(`- ChiTieu's RSS after each phase (median MB): ${parts.join(", ")}`);
    }
    const goals = goalsFor(r, ratioFloor, ratioPeer);
    if (goals.length > 0) lines.push(`- goals: ${goals.join("; ")}`);
    lines.push("");
  }
  return lines;
}

function goalsFor(r: SizeResult, ratioFloor: number, ratioPeer: number | undefined): string[] {
  const yes = (ok: boolean): string => (ok ? "met" : "**not met**");
  const t = best(r.chitieu);
  if (r.p.set.size === 3321) {
    return [
      `exact national figures ${yes(r.exact.length === 0)}`,
      `≤ 10 s ${yes(t <= 10)} (${fmt(t)} s)`,
      `peak RSS ≤ 500 MB ${yes(peak(r.chitieu) <= 500)} (${int(peak(r.chitieu))} MB)`,
      `≤ 3× the floor ${yes(ratioFloor <= 3)} (${fmt(ratioFloor, 1)}×)`,
      `≥ 10× faster than the peer ${ratioPeer === undefined ? "not measured" : yes(ratioPeer >= 10)}${ratioPeer === undefined ? "" : ` (${fmt(ratioPeer, 1)}×)`}`,
    ];
  }
  if (r.p.set.size === 130)
    return [
      `a province of 130 in < 1 s ${yes(t < 1)} (${fmt(t)} s)`,
      `figures exact ${yes(r.exact.length === 0)}`,
    ];
  return [];
}

// ---------------------------------------------------------------------------------------------

/** Where the time goes: one run with `node --cpu-prof`, self time by source module and by function. */
function profile(p: PreparedSet): string[] {
  const dir = path.join(CACHE, "profile");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = spawnSync(
    process.execPath,
    ["--cpu-prof", `--cpu-prof-dir=${dir}`, "bin/chitieu.js", ...chitieuArgs(p)],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CHITIEU_TIMING: "1" },
    },
  );
  if (r.status !== 0) return [`profile run failed: ${r.stderr}`];
  const modules = bundleModules();
  const lines = [
    `### Profile: ${int(p.set.size)} workbooks, \`node --cpu-prof\` (profiles in ${path.relative(ROOT, dir)})`,
    "",
  ];
  const timing = /^chitieu timing: (.*)$/m.exec(r.stderr);
  if (timing) lines.push(`Phases of this run (s): ${timing[1]}`, "");
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .sort()) {
    const prof = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
    lines.push(...summarizeProfile(prof, modules, file));
  }
  return lines;
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
  }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The bundles' module boundaries: esbuild writes `// src/io/xlsx-read/sheet-reader.ts` before each module. */
function bundleModules(): Map<string, { line: number; module: string }[]> {
  const out = new Map<string, { line: number; module: string }[]>();
  for (const name of ["main.cjs", "parse-worker.cjs"]) {
    const file = path.join(ROOT, "dist", "cli", name);
    if (!existsSync(file)) continue;
    const marks: { line: number; module: string }[] = [];
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((text, i) => {
        // Modules of this checkout (src/…), and packages, wherever node_modules really lives.
        const m = /^\s*\/\/ (?:\.\.\/)*(?:[\w.-]+\/)*?((?:src|data)\/\S+|node_modules\/\S+)$/.exec(text);
        if (m)
          marks.push({
            line: i,
            module: (m[1] as string).replace(/^node_modules\/([^/@]+|@[^/]+\/[^/]+)\/.*$/, "$1"),
          });
      });
    out.set(name, marks);
  }
  return out;
}

function moduleOf(
  modules: Map<string, { line: number; module: string }[]>,
  url: string,
  line: number,
): string {
  if (!url) return "(native, GC, idle)";
  const name = path.basename(url);
  const marks = modules.get(name);
  if (!marks) return url.startsWith("node:") ? "node internals" : path.basename(url);
  let lo = 0;
  let hi = marks.length - 1;
  let found = "(bundle prelude)";
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((marks[mid] as { line: number }).line <= line) {
      found = (marks[mid] as { module: string }).module;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function summarizeProfile(
  prof: CpuProfile,
  modules: Map<string, { line: number; module: string }[]>,
  file: string,
): string[] {
  const self = new Map<number, number>();
  prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const total = (prof.endTime - prof.startTime) / 1000;
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const n of prof.nodes) {
    const us = self.get(n.id) ?? 0;
    if (us === 0) continue;
    const fn = n.callFrame.functionName || "(anonymous)";
    const special = ["(idle)", "(program)", "(garbage collector)", "(root)"].includes(fn);
    const mod = special ? fn : moduleOf(modules, n.callFrame.url, n.callFrame.lineNumber);
    byModule.set(mod, (byModule.get(mod) ?? 0) + us);
    const key = special ? fn : `${fn} (${mod})`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const top = (m: Map<string, number>, n: number): string[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `  - ${k}: ${int(us / 1000)} ms (${fmt((100 * us) / 1000 / total, 1)} %)`);
  const thread = file.includes("-") ? file : file;
  return [
    `${thread}: ${int(total)} ms sampled`,
    "- self time by module:",
    ...top(byModule, 12),
    "- self time by function:",
    ...top(byFunction, 12),
    "",
  ];
}

// ---------------------------------------------------------------------------------------------

/** Replaces what lies between the README's bench markers; false when it has none. */
function updateReadme(lines: string[]): boolean {
  const file = path.join(ROOT, "README.md");
  const text = readFileSync(file, "utf8");
  const start = "<!-- bench:results -->";
  const end = "<!-- /bench:results -->";
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return false;
  const body = lines.map((l) => l.replace(/^### /, "#### ")).join("\n");
  writeFileSync(file, `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`);
  return true;
}

function pythonHas(mods: string): boolean {
  return spawnSync(PYTHON, ["-c", `import ${mods}`], { stdio: "ignore" }).status === 0;
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === "--generate") {
    await generatePart(argv[1] as string, argv[2] as string, (argv[3] as string).split(",").map(Number));
    return;
  }
  const o = options(argv);
  if (!pythonHas("sys")) {
    console.error(
      `bench: ${PYTHON} not found: it measures every process (bench/measure.py). Install Python 3 (Debian: apt-get install python3).`,
    );
    process.exit(2);
  }
  let withPeer = o.peer;
  if (withPeer && !pythonHas("pandas, openpyxl")) {
    console.error(
      "bench: pandas or openpyxl missing for the peer (Debian: apt-get install python3-pandas python3-openpyxl); running without it.",
    );
    withPeer = false;
  }

  const key = cacheKey();
  const base = path.join(CACHE, key);
  if (existsSync(CACHE))
    for (const old of readdirSync(CACHE))
      if (old.startsWith("v") && old !== key) rmSync(path.join(CACHE, old), { recursive: true, force: true });
  const files = path.join(base, "files");
  await ensureWorkbooks(files, o.sizes);
  const sets = o.sizes.map((n) => prepareSet(base, files, n));
  const scratch = path.join(base, "runs");
  mkdirSync(scratch, { recursive: true });

  const full = sets.find((p) => p.set.size === 3321);
  const lean = full && o.lean ? prepareLean(base, full) : undefined;
  if (full && o.lean && !lean)
    console.error("bench: openpyxl missing, so no lean workbooks (apt-get install python3-openpyxl).");
  const results = [...sets, ...(lean ? [lean] : [])].map((p, i) => contenders(p, withPeer, i === 0));
  for (const r of results) {
    const { p } = r;
    console.log(`\n${int(p.set.size)} workbooks (${p.set.label}), ${o.rounds} interleaved rounds …`);
    // Untimed: builds the CLI bundle if stale, warms the page cache, checks the figures first.
    measure(r.chitieu, scratch);
    measure(r.floorNode, scratch);
    r.chitieu.samples = [];
    r.floorNode.samples = [];
    for (let round = 0; round < o.rounds; round++) {
      const line: string[] = [];
      for (const c of [
        r.chitieu,
        r.floorNode,
        r.floorPy,
        ...(r.peer ? [r.peer] : []),
        ...(r.npm ? [r.npm] : []),
      ]) {
        const s = measure(c, scratch);
        line.push(`${c.key.replace(/^[a-z]+\d+-/, "")} ${fmt(s.seconds)} s`);
      }
      console.log(`  round ${round + 1}: ${line.join(", ")}`);
    }
    const report = JSON.parse(readFileSync(path.join(p.out, "tong-hop.json"), "utf8")) as {
      scope: { code: string };
      indicators: Parameters<typeof figureDifferences>[1];
    };
    r.exact = figureDifferences(p.expected, report.indicators);
    if (report.scope.code !== p.set.scope.code)
      r.exact.unshift(`scope ${report.scope.code} ≠ ${p.set.scope.code}`);
    if (r.peer) r.peerAgrees = peerDifferences(p.expected, r.peer.stdout);
  }

  // In Excel: the pane's own code against the fake request context (after the timed processes, so
  // none of this work competes with them).
  console.log("\nIn Excel (fake request context): a template, then each size's summary …");
  const excelRows = await templateRequests(TEMPLATE_ID, PERIOD);
  for (const p of sets) {
    const label = `summary of ${int(p.set.size)} units (${p.set.label})`;
    excelRows.push(...(await summaryRequests(label, p.submissions, p.roster, TEMPLATE_ID, PERIOD)));
  }

  const lines = [
    `## npm run bench: ChiTieu consolidate vs the floor and pandas + openpyxl`,
    "",
    ...machine(),
    `- ${o.rounds} interleaved rounds; each process keeps its best time (and its highest peak RSS); peak RSS by getrusage(RUSAGE_CHILDREN).ru_maxrss in bench/measure.py`,
    `- workbooks: ${TEMPLATE_ID} templates generated by bench/national.ts (cache ${path.relative(ROOT, base)})${lean ? "; the nation again in lean one-sheet workbooks of ~7 KB (bench/lean-workbooks.py, openpyxl)" : ""}`,
    "",
    ...table(results, o.rounds),
    `### In Excel: round trips of the task pane's writes (fake request context, bench/excel-requests.ts)`,
    "",
    ...requestsTable(excelRows),
    "",
  ];
  const tables = [...lines];
  if (o.profile) lines.push(...profile(sets[sets.length - 1] as PreparedSet));
  console.log(`\n${lines.join("\n")}`);
  writeFileSync(path.join(ROOT, "bench", "results.md"), `${lines.join("\n")}\n`);
  console.log(`(written to bench/results.md)`);
  // A full run (the three sizes of issue 7, the peer included) is the README's latest table.
  if (withPeer && [130, 1000, 3321].every((n) => o.sizes.includes(n)) && updateReadme(tables.slice(2)))
    console.log("(and to the README's performance section)");
  const failed = results.some((r) => r.exact.length > 0) || excelRows.some((r) => !r.readBack);
  if (failed) process.exitCode = 1;
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
