import type { Engine, FileInput, ParsedFile } from "./engine";
import type { WorkerReply, WorkerRequest } from "./parse-protocol";

/*
 * Parses the chosen files with the engine: in Web Workers when the page has them (the built pane:
 * webpack emits parse-worker.js beside taskpane.html), else on the main thread (tests, and any host
 * without workers). Reports progress per file, in the order files finish.
 */

export type Parser = (files: FileInput[], onProgress: (done: number) => void) => Promise<ParsedFile[]>;

export interface ParserOptions {
  locale: "vi" | "en";
  /** URL of the worker script; undefined: parse on the main thread. */
  workerUrl?: string;
  workers?: number;
}

export function makeParser(engine: Engine, opts: ParserOptions): Parser | undefined {
  const parse = engine.parseFile;
  if (!parse) return undefined;
  const url = opts.workerUrl;
  if (url && typeof Worker !== "undefined") return workerParser(url, opts, engine.failedFile);
  return async (files, onProgress) => {
    const out: ParsedFile[] = [];
    for (const f of files) {
      out.push(await parse(f, { locale: opts.locale }));
      onProgress(out.length);
      // Let the progress bar paint between files.
      await new Promise((r) => setTimeout(r, 0));
    }
    return out;
  };
}

/**
 * A pool of workers fed one file at a time. A file that kills its worker (out of memory on a hostile
 * file) is named as unreadable when the engine can say so, and the others still consolidate: a new
 * worker takes the dead one's place.
 */
function workerParser(url: string, opts: ParserOptions, failedFile: Engine["failedFile"]): Parser {
  return (files, onProgress) =>
    new Promise<ParsedFile[]>((resolve, reject) => {
      const count = Math.max(1, Math.min(opts.workers ?? 2, files.length));
      const results: ParsedFile[] = new Array(files.length);
      const inFlight = new Map<Worker, number>();
      let next = 0;
      let done = 0;
      let failed = false;
      const workers = new Set<Worker>();
      const stop = (): void => workers.forEach((w) => w.terminate());
      const finishOne = (id: number, parsed: ParsedFile, w: Worker): void => {
        results[id] = parsed;
        inFlight.delete(w);
        done++;
        onProgress(done);
        if (done === files.length) {
          stop();
          resolve(results);
        } else feed(w);
      };
      const fail = (id: number | undefined, why: string, w: Worker): void => {
        if (failed) return;
        if (id !== undefined && failedFile) {
          // The file is named in the report; this worker is spent, a fresh one carries on.
          w.terminate();
          workers.delete(w);
          inFlight.delete(w);
          results[id] = failedFile(files[id]?.path ?? "?", why);
          done++;
          onProgress(done);
          if (done === files.length) {
            stop();
            resolve(results);
          } else feed(spawn());
          return;
        }
        failed = true;
        stop();
        reject(new Error(`${id !== undefined ? (files[id]?.path ?? "?") : "?"}: ${why}`));
      };
      const feed = (w: Worker): void => {
        if (next >= files.length) return;
        const id = next++;
        inFlight.set(w, id);
        const msg: WorkerRequest = { id, file: files[id] as FileInput, locale: opts.locale };
        w.postMessage(msg);
      };
      const spawn = (): Worker => {
        const w = new Worker(url);
        workers.add(w);
        w.onmessage = (e: MessageEvent<WorkerReply>) => {
          if (failed) return;
          const reply = e.data;
          if (reply.ok) finishOne(reply.id, reply.parsed, w);
          else fail(reply.id, reply.error, w);
        };
        w.onerror = (e) => {
          e.preventDefault?.();
          fail(inFlight.get(w), e.message || "worker error", w);
        };
        return w;
      };
      if (files.length === 0) {
        resolve([]);
        return;
      }
      for (let i = 0; i < count; i++) feed(spawn());
    });
}
