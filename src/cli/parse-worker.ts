import { parentPort, workerData } from "node:worker_threads";
import { parsePath } from "../io/node/parse-path";

/* A worker thread: reads and parses its share of the files, answering file by file for progress. */

interface Job {
  files: { index: number; path: string; absolute: string; size: number }[];
}

async function main(): Promise<void> {
  const job = workerData as Job;
  for (const f of job.files) {
    try {
      parentPort?.postMessage({ index: f.index, parsed: await parsePath(f.absolute, f.path, f.size) });
    } catch (e) {
      parentPort?.postMessage({ index: f.index, error: (e as Error).message });
    }
  }
}

void main();
