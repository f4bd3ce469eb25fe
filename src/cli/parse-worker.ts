import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { parseFile } from "../io/parse-file";

/* A worker thread: reads and parses its share of the files, answering file by file for progress. */

interface Job {
  files: { index: number; path: string; absolute: string }[];
}

const job = workerData as Job;
for (const f of job.files) {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(f.absolute);
  } catch (e) {
    parentPort?.postMessage({ index: f.index, error: (e as Error).message });
    continue;
  }
  parentPort?.postMessage({ index: f.index, parsed: parseFile({ path: f.path, bytes }) });
}
