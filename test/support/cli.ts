import * as path from "node:path";
import { spawnChild } from "./child";

export const ROOT = path.join(__dirname, "..", "..");

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the `chitieu` command as a user does (`npm run cli --` runs the same file). */
export function runCli(args: string[], cwd = ROOT): CliRun {
  const r = spawnChild(process.execPath, [path.join(ROOT, "bin", "chitieu.js"), ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
