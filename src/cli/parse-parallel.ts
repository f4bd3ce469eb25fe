import { existsSync, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import type { ParsedFile } from "../core/consolidate/types";
import { parseFile } from "../io/parse-file";
import { CliError } from "./errors";
import type { FoundInput } from "./inputs";
import { StringPool } from "./string-pool";
import { note } from "./timing";

/** Below this many files a worker's start-up costs more than it saves. */
export const PARALLEL_THRESHOLD = 48;

function readOrFail(f: FoundInput): Uint8Array {
  try {
    return readFileSync(f.absolute);
  } catch (e) {
    throw new CliError(
      `Không đọc được tệp ${f.path}: ${(e as Error).message}`,
      `Cannot read ${f.path}: ${(e as Error).message}`,
    );
  }
}

/**
 * Parses every input, on worker threads when there are enough files (both cores of this machine),
 * in the calling thread otherwise. Results come back in the inputs' order.
 */
export async function parseAll(
  inputs: FoundInput[],
  onProgress: (done: number) => void = () => {},
): Promise<ParsedFile[]> {
  const workerFile = path.join(__dirname, "parse-worker.cjs");
  const cores = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  const parallel = inputs.length >= PARALLEL_THRESHOLD && cores > 1 && existsSync(workerFile);
  if (!parallel) {
    return inputs.map((f, i) => {
      const parsed = parseFile({ path: f.path, bytes: readOrFail(f) });
      onProgress(i + 1);
      return parsed;
    });
  }
  const shares: { index: number; path: string; absolute: string }[][] = Array.from(
    { length: Math.min(cores, 4) },
    () => [],
  );
  // Deal the files by size, largest first, to the least loaded share.
  const load = shares.map(() => 0);
  [...inputs.keys()]
    .sort((a, b) => inputs[b]!.size - inputs[a]!.size)
    .forEach((i) => {
      const k = load.indexOf(Math.min(...load));
      shares[k]!.push({ index: i, path: inputs[i]!.path, absolute: inputs[i]!.absolute });
      load[k]! += inputs[i]!.size + 4096;
    });
  const results: ParsedFile[] = new Array(inputs.length);
  const pool = new StringPool();
  let done = 0;
  const started = performance.now();
  await Promise.all(
    shares
      .filter((s) => s.length > 0)
      .map(
        (files) =>
          new Promise<void>((resolve, reject) => {
            const w = new Worker(workerFile, { workerData: { files } });
            w.on("message", (m: { index: number; parsed?: ParsedFile; error?: string }) => {
              if (m.error !== undefined) {
                const f = inputs[m.index]!;
                reject(
                  new CliError(
                    `Không đọc được tệp ${f.path}: ${m.error}`,
                    `Cannot read ${f.path}: ${m.error}`,
                  ),
                );
                return;
              }
              results[m.index] = pool.share(m.parsed as ParsedFile);
              if (done === 0) note("first-parsed", performance.now() - started);
              onProgress(++done);
            });
            w.on("error", reject);
            w.on("exit", (code) =>
              code === 0 ? resolve() : reject(new Error(`parse worker exited with ${code}`)),
            );
          }),
      ),
  );
  return results;
}
