import { execFile } from "node:child_process";
import * as path from "node:path";
import { CHILD_HANG_MS, hungChild, spawnChild } from "./child";
import { ROOT } from "./cli";

/*
 * Runs the `chitieu` command and measures its peak resident memory from outside: a Python wrapper
 * starts it, waits for it, and reads getrusage(RUSAGE_CHILDREN).ru_maxrss — the high-water mark of
 * the largest child waited for (kilobytes on Linux, bytes on macOS). Worker threads share the
 * process, so they are counted; the wrapper's own memory is not.
 */

// The hang guard (./child) is the wrapper's: on time-out it kills the command, then exits with 124.
const WRAPPER = `
import json, resource, subprocess, sys
try:
    r = subprocess.run(sys.argv[2:], capture_output=True, timeout=float(sys.argv[1]))
except subprocess.TimeoutExpired:
    sys.exit(124)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
kb = peak / 1024 if sys.platform == "darwin" else peak
sys.stdout.write(json.dumps({"status": r.returncode, "peakKb": kb,
  "stdout": r.stdout.decode("utf-8", "replace"), "stderr": r.stderr.decode("utf-8", "replace")}))
`;

export interface MeasuredRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size of the command, in MiB; undefined when python3 is not there to measure. */
  peakMb: number | undefined;
}

let python: boolean | undefined;

/** Whether python3 is there to measure with. */
export function canMeasure(): boolean {
  python ??= spawnChild("python3", ["-c", "import resource"]).status === 0;
  return python;
}

/** `node bin/chitieu.js …args`, measured; asynchronous, so the test's own event loop keeps running. */
export function runCliMeasured(args: string[], cwd = ROOT): Promise<MeasuredRun> {
  return runMeasured([process.execPath, path.join(ROOT, "bin", "chitieu.js"), ...args], cwd);
}

/** Any command, measured the same way. */
export function runMeasured(command: string[], cwd = ROOT): Promise<MeasuredRun> {
  const env = { ...process.env, NO_COLOR: "1" };
  return new Promise((resolve, reject) => {
    if (!canMeasure()) {
      const options = {
        cwd,
        env,
        maxBuffer: 64 << 20,
        timeout: CHILD_HANG_MS,
        killSignal: "SIGKILL" as const,
      };
      execFile(command[0]!, command.slice(1), options, (e, stdout, stderr) => {
        if (e?.killed) return reject(hungChild(command[0]!, command.slice(1)));
        const status = e ? ((e as { code?: number }).code ?? null) : 0;
        resolve({ status: typeof status === "number" ? status : null, stdout, stderr, peakMb: undefined });
      });
      return;
    }
    execFile(
      "python3",
      ["-c", WRAPPER, String(CHILD_HANG_MS / 1000), ...command],
      { cwd, env, maxBuffer: 64 << 20 },
      (e, stdout) => {
        if (e?.code === 124) return reject(hungChild(command[0]!, command.slice(1)));
        if (e) return reject(new Error(e.message, { cause: e }));
        const r = JSON.parse(stdout) as { status: number; peakKb: number; stdout: string; stderr: string };
        resolve({ status: r.status, stdout: r.stdout, stderr: r.stderr, peakMb: r.peakKb / 1024 });
      },
    );
  });
}
