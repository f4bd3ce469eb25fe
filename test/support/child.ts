import {
  spawnSync,
  type SpawnSyncOptionsWithStringEncoding,
  type SpawnSyncReturns,
} from "node:child_process";
import * as path from "node:path";

/*
 * Time-outs in these tests are for hangs, never for slowness: a child process (the command line,
 * LibreOffice, Python, xmllint, ESLint) that is still running after this long is taken for hung,
 * killed, and the test fails saying so, instead of the run blocking forever. A loaded 2-core machine
 * runs the slowest of them (LibreOffice converting workbooks) in well under a minute.
 */
export const CHILD_HANG_MS = 5 * 60_000;

/** The error a hung child is reported with: which program, with what, and why it was stopped. */
export function hungChild(command: string, args: readonly string[]): Error {
  return new Error(
    `${path.basename(command)} ${args.join(" ")}: still running after ${CHILD_HANG_MS / 60_000} minutes, ` +
      "taken for hung and stopped (the tests' hang guard, test/support/child.ts)",
  );
}

/** spawnSync with text output and the hang guard: a hung child throws `hungChild`. */
export function spawnChild(
  command: string,
  args: readonly string[],
  options: Omit<SpawnSyncOptionsWithStringEncoding, "encoding" | "timeout"> = {},
): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, {
    ...options,
    encoding: "utf8",
    timeout: CHILD_HANG_MS,
    killSignal: "SIGKILL",
  });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT") throw hungChild(command, args);
  return r;
}
