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
  if (url && typeof Worker !== "undefined") return workerParser(url, opts);
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

function workerParser(url: string, opts: ParserOptions): Parser {
  return (files, onProgress) =>
    new Promise<ParsedFile[]>((resolve, reject) => {
      const count = Math.max(1, Math.min(opts.workers ?? 2, files.length));
      const pool = Array.from({ length: count }, () => new Worker(url));
      const results: ParsedFile[] = new Array(files.length);
      let next = 0;
      let done = 0;
      let failed = false;
      const stop = (): void => pool.forEach((w) => w.terminate());
      const feed = (w: Worker): void => {
        if (next >= files.length) return;
        const id = next++;
        const file = files[id] as FileInput;
        const msg: WorkerRequest = { id, file, locale: opts.locale };
        w.postMessage(msg);
      };
      for (const w of pool) {
        w.onmessage = (e: MessageEvent<WorkerReply>) => {
          if (failed) return;
          const reply = e.data;
          if (!reply.ok) {
            failed = true;
            stop();
            reject(new Error(`${files[reply.id]?.path ?? "?"}: ${reply.error}`));
            return;
          }
          results[reply.id] = reply.parsed;
          done++;
          onProgress(done);
          if (done === files.length) {
            stop();
            resolve(results);
          } else feed(w);
        };
        w.onerror = (e) => {
          if (failed) return;
          failed = true;
          stop();
          reject(new Error(e.message || "worker error"));
        };
        feed(w);
      }
      if (files.length === 0) {
        stop();
        resolve([]);
      }
    });
}
