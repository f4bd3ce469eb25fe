import { existsSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import type { ParsedFile } from "../core/consolidate/types";
import { parsePath } from "../engine/node/parse-path";
import { fromWire, type ParseOptions } from "../engine/parse-file";
import { nodeZipCodec } from "../io/node/zip-codec";
import { createXlsxReader, type XlsxReader } from "../io/xlsx-read";
import { CliError } from "./errors";
import type { FoundInput } from "./inputs";
import { StringPool } from "./string-pool";
import { note } from "./timing";

/** Below this many files a worker's start-up costs more than it saves. */
export const PARALLEL_THRESHOLD = 48;

/** Files handed to a worker ahead of its answers, so it never waits for the main thread. */
const AHEAD = 8;

/** What the main thread sends a worker: a file to read, or null when there are no more. */
export type WorkerJob = { index: number; path: string; absolute: string; size: number } | null;

/** What a worker answers, file by file. */
export interface WorkerAnswer {
  index: number;
  parsed?: ParsedFile;
  error?: string;
}

/** Parses one file from disk (a large CSV streamed); a file that cannot be opened stops the run. */
async function parseOrFail(f: FoundInput, opts: ParseOptions, xlsx: XlsxReader): Promise<ParsedFile> {
  try {
    return await parsePath(f.absolute, f.path, f.size, opts, xlsx);
  } catch (e) {
    throw new CliError(
      `Không đọc được tệp ${f.path}: ${(e as Error).message}`,
      `Cannot read ${f.path}: ${(e as Error).message}`,
    );
  }
}

/**
 * Parses every input. With enough files, worker threads and the main thread share the work: one
 * worker fewer than there are cores, since the main thread reads files too and would otherwise sit
 * idle while still having to receive (deserialize) every worker's results. Files are taken from
 * one queue, largest first, so all finish together. Results come back in the inputs' order.
 */
export async function parseAll(
  inputs: FoundInput[],
  onProgress: (done: number) => void = () => {},
  opts: ParseOptions = {},
): Promise<ParsedFile[]> {
  const workerFile = path.join(__dirname, "parse-worker.cjs");
  const cores = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  const parallel = inputs.length >= PARALLEL_THRESHOLD && cores > 1 && existsSync(workerFile);
  // The main thread's workbook reader for this run (each worker makes its own, parse-worker.ts).
  const xlsx = createXlsxReader({ codec: nodeZipCodec });
  if (!parallel) {
    const out: ParsedFile[] = [];
    for (const f of inputs) {
      out.push(await parseOrFail(f, opts, xlsx));
      onProgress(out.length);
    }
    return out;
  }

  const results: ParsedFile[] = new Array(inputs.length);
  const pool = new StringPool();
  const queue = [...inputs.keys()].sort((a, b) => inputs[b]!.size - inputs[a]!.size);
  let next = 0;
  let done = 0;
  const started = performance.now();
  const take = (): number | undefined => (next < queue.length ? queue[next++] : undefined);
  const finish = (index: number, parsed: ParsedFile): void => {
    results[index] = pool.share(parsed);
    if (done === 0) note("first-parsed", performance.now() - started);
    onProgress(++done);
  };

  const workers = Array.from({ length: Math.min(cores - 1, 3) }, () =>
    runWorker(workerFile, inputs, take, finish, opts),
  );
  let failure: unknown;
  // If a worker fails, the main thread stops taking files and the failure is reported.
  const watched = Promise.all(workers).catch((e: unknown) => {
    failure ??= e;
    next = queue.length;
  });
  for (let i = take(); i !== undefined && failure === undefined; i = take()) {
    const f = inputs[i]!;
    finish(i, await parseOrFail(f, opts, xlsx));
    // Let the workers' answers in (and hand them more files) between two files.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await watched;
  if (failure !== undefined) throw failure instanceof Error ? failure : new Error(String(failure));
  return results;
}

/** One worker: keeps AHEAD files in hand, takes another from the queue for each answer. */
function runWorker(
  workerFile: string,
  inputs: FoundInput[],
  take: () => number | undefined,
  finish: (index: number, parsed: ParsedFile) => void,
  opts: ParseOptions,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const w = new Worker(workerFile, { workerData: opts });
    let outstanding = 0;
    let closed = false;
    const feed = (): void => {
      while (!closed && outstanding < AHEAD) {
        const i = take();
        if (i === undefined) {
          if (outstanding === 0) {
            closed = true;
            w.postMessage(null satisfies WorkerJob);
          }
          return;
        }
        const f = inputs[i]!;
        outstanding++;
        w.postMessage({ index: i, path: f.path, absolute: f.absolute, size: f.size } satisfies WorkerJob);
      }
    };
    w.on("message", (m: WorkerAnswer) => {
      outstanding--;
      if (m.error !== undefined) {
        const f = inputs[m.index]!;
        closed = true;
        void w.terminate();
        reject(new CliError(`Không đọc được tệp ${f.path}: ${m.error}`, `Cannot read ${f.path}: ${m.error}`));
        return;
      }
      finish(m.index, fromWire(m.parsed as ParsedFile));
      feed();
    });
    w.on("error", (e) => {
      closed = true;
      reject(e);
    });
    w.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`parse worker exited with ${code}`))));
    feed();
  });
}
