import { spawnSync } from "node:child_process";
import * as path from "node:path";

export const ROOT = path.join(__dirname, "..", "..");

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the `chitieu` command as a user does (`npm run cli --` runs the same file). */
export function runCli(args: string[], cwd = ROOT): CliRun {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "chitieu.js"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
