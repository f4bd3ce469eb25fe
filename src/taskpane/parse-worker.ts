/// <reference lib="webworker" />
import { parseInWorker } from "./engine-wiring";
import type { WorkerReply, WorkerRequest } from "./parse-protocol";

/*
 * The Web Worker that reads submissions off the main thread, so the progress bar moves and Excel
 * does not freeze while 130 files are parsed. One message in, one out; errors are sent back, never
 * swallowed.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { id, file, locale } = event.data;
  let reply: WorkerReply;
  try {
    if (!parseInWorker) throw new Error("parse-unavailable");
    reply = { id, ok: true, parsed: await parseInWorker(file, { locale }) };
  } catch (e) {
    reply = { id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(reply);
};
