import { readFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { parseFile } from "../io/parse-file";
import type { WorkerAnswer, WorkerJob } from "./parse-parallel";

/*
 * A worker thread: reads and parses the files the main thread hands it, one answer per file, until
 * it is told there are no more (null).
 */

const port = parentPort;
port?.on("message", (f: WorkerJob) => {
  if (f === null) {
    port.close();
    return;
  }
  let answer: WorkerAnswer;
  try {
    answer = { index: f.index, parsed: parseFile({ path: f.path, bytes: readFileSync(f.absolute) }) };
  } catch (e) {
    answer = { index: f.index, error: (e as Error).message };
  }
  port.postMessage(answer);
});
