import { parentPort, workerData } from "node:worker_threads";
import { parsePath } from "../engine/node/parse-path";
import { nodeZipCodec } from "../io/node/zip-codec";
import { createXlsxReader } from "../io/xlsx-read";
import { toWire, type ParseOptions } from "../engine/parse-file";
import type { WorkerAnswer, WorkerJob } from "./parse-parallel";

/*
 * A worker thread: reads and parses the files the main thread hands it, one answer per file, until
 * it is told there are no more (null). Files are parsed one after another, in the order given, so a
 * worker never holds more than one file's parse in memory.
 */

// This thread's workbook reader: Node's zlib, and a memo of the parts its files share.
const xlsx = createXlsxReader({ codec: nodeZipCodec });
const port = parentPort;
const opts = (workerData ?? {}) as ParseOptions;
let chain: Promise<void> = Promise.resolve();
port?.on("message", (f: WorkerJob) => {
  chain = chain.then(async () => {
    if (f === null) {
      port.close();
      return;
    }
    let answer: WorkerAnswer;
    // parsePath turns whatever the file holds, and any bug reading it, into issues; what it throws
    // is a file that cannot be opened, which goes back to the main thread to stop the run (as there).
    try {
      answer = { index: f.index, parsed: toWire(await parsePath(f.absolute, f.path, f.size, opts, xlsx)) };
    } catch (e) {
      answer = { index: f.index, error: (e as Error).message };
    }
    port.postMessage(answer);
  });
});
