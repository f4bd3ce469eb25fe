/*
 * CHITIEU_TIMING=1: how long each phase of a run took, as one line on stderr when the command ends
 * (`chitieu timing: start-up=0.182 collect=0.011 parse=1.204 …`, seconds), and one with the
 * resident memory after each phase (`chitieu memory (RSS MB after each phase): …`). For the benchmark
 * (npm run bench) and for anyone asking where the time goes; off by default, and then free.
 */

const enabled = process.env.CHITIEU_TIMING === "1";
const phases: [string, number][] = [];
/** Resident memory when each phase ended, MB. */
const memory: [string, number][] = [];
let last = 0;

/** Times measured before the bundle ran (bin/chitieu.js), in ms since the process started. */
export interface BootTimes {
  /** When bin/chitieu.js began: Node's own start-up before it. */
  binStart: number;
  /** When it began loading the bundle, after checking that the bundle is fresh. */
  bundleStart: number;
  /** When the bundle was loaded. */
  bundleLoaded: number;
}

export function timingEnabled(): boolean {
  return enabled;
}

/** Starts the clock in main(): what came before is start-up. */
export function startTiming(boot?: BootTimes): void {
  if (!enabled) return;
  const now = performance.now();
  if (boot) {
    phases.push(["node", boot.binStart]);
    phases.push(["bin", boot.bundleStart - boot.binStart]);
    phases.push(["load", boot.bundleLoaded - boot.bundleStart]);
    phases.push(["start-up", now - boot.bundleLoaded]);
  } else phases.push(["start-up", now]);
  last = now;
}

/** Ends the phase `name` now. */
export function phase(name: string): void {
  if (!enabled) return;
  const now = performance.now();
  phases.push([name, now - last]);
  memory.push([name, process.memoryUsage.rss() / 2 ** 20]);
  last = now;
}

/** A figure that is not a phase of its own (e.g. when the first parse result came back). */
export function note(name: string, ms: number): void {
  if (enabled) phases.push([name, ms]);
}

export function printTiming(): void {
  if (!enabled) return;
  const parts = phases.map(([name, ms]) => `${name}=${(ms / 1000).toFixed(3)}`);
  process.stderr.write(`chitieu timing: ${parts.join(" ")} total=${(performance.now() / 1000).toFixed(3)}\n`);
  const rss = memory.map(([name, mb]) => `${name}=${Math.round(mb)}`);
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stderr.write(`chitieu memory (RSS MB after each phase): ${rss.join(" ")} peak=${peak}\n`);
}
