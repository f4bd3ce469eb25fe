import type { Engine, FileInput, ParsedFile } from "./engine";

/*
 * The one file that connects the pane to the consolidation engine. The engine (src/io/pipeline.ts:
 * parseFile, consolidateParsed, checkSource) is being written in parallel; until it lands the pane
 * is told, truthfully, that checking and consolidating are not available. Wiring it is this file:
 *
 *   import { parseFile, consolidateParsed, checkSource } from "../io/pipeline";
 *   export const engine: Engine = {
 *     parseFile: (file, opts) => parseFile(file, opts),
 *     consolidateParsed: (parsed, input) => consolidateParsed(parsed as ParsedFileOfPipeline[], {…input, roster: …, plan: …}),
 *     checkSource: (doc, opts) => checkSource(doc, opts),
 *     checkFile: (file, opts) => checkSource(readSource(file), opts),
 *   };
 *   export const parseInWorker = engine.parseFile;
 */

export const engine: Engine = {};

/** What the parsing Web Worker runs for each file (parse-worker.ts); undefined while not wired. */
export const parseInWorker: ((file: FileInput, opts: { locale: "vi" | "en" }) => ParsedFile) | undefined =
  undefined;
