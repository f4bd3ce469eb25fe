/// <reference lib="webworker" />
import { parseFile, toWire } from "../engine/parse-file";
import { createXlsxReader } from "../io/xlsx-read";
import type { WorkerReply, WorkerRequest } from "./parse-protocol";

/*
 * The Web Worker that reads submissions off the main thread, so the progress bar moves and Excel
 * does not freeze while 130 files are parsed. One message in, one out. parseFile never throws for
 * what a file holds (a bad file becomes an issue); anything else is sent back, never swallowed.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** This worker's workbook reader: a memo of the parts its files share (fflate: no zlib here). */
const xlsx = createXlsxReader();

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, file } = event.data;
  let reply: WorkerReply;
  try {
    // Figures typed as text are read the Vietnamese way whatever the pane's language (engine-wiring.ts).
    reply = { id, ok: true, parsed: toWire(parseFile(file, { locale: "vi" }, xlsx)) };
  } catch (e) {
    reply = { id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(reply);
};
