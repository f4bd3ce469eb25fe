import type { SourceDoc } from "../core/grid";
import type { Issue } from "../core/issues";
import type { WorkbookLayout } from "../core/layout/types";
import type { Report } from "../core/json-report/types";
import type { WrittenReport } from "../core/written-report";

/*
 * What the pane asks of the engine, as injected functions: the pane never imports the pipeline
 * itself, so tests pass a small fake engine and the real one is wired in one file
 * (engine-wiring.ts). A missing function means the feature is not in this build: the pane says so
 * instead of showing made-up results.
 */

export interface FileInput {
  /** The file's name as chosen (the path the report and issues will name). */
  path: string;
  bytes: Uint8Array;
}

/** The engine's serialisable result of reading one file (src/io/pipeline's ParsedFile). */
export type ParsedFile = unknown;

export interface ConsolidateInput {
  roster?: FileInput;
  plan?: FileInput;
  /** Earlier summaries or submissions of the scope (the CLI's --history). */
  history?: FileInput[];
  template?: string;
  period?: string;
  due?: string;
  locale: "vi" | "en";
}

export interface Consolidated {
  report: Report;
  workbook: WorkbookLayout;
  /** The written report (báo cáo) of the run, in the pane's language; absent: not in this build. */
  writtenReport?: (lang: "vi" | "en") => WrittenReport;
}

/**
 * No file gave anything to consolidate (none names a period, none is readable): the issues found
 * in them, so the pane can say for each file why it could not be used.
 */
export class NothingUsable extends Error {
  constructor(readonly issues: Issue[]) {
    super("nothing usable");
  }
}

export interface Engine {
  /** Reads one submission; runs in a Web Worker when the pane has one (see parse-client.ts). */
  parseFile?: (file: FileInput, opts: { locale: "vi" | "en" }) => ParsedFile | Promise<ParsedFile>;
  consolidateParsed?: (parsed: ParsedFile[], input: ConsolidateInput) => Consolidated | Promise<Consolidated>;
  /** Checks a workbook read into a SourceDoc (the live one, read by src/excel/read-table). */
  checkSource?: (doc: SourceDoc, opts: { locale: "vi" | "en" }) => Issue[] | Promise<Issue[]>;
  /** A file whose reading crashed (its worker died): named as unreadable, the others go on. */
  failedFile?: (path: string, why: string) => ParsedFile;
  /** Checks a file chosen in a plain browser (read, then checked as a SourceDoc). */
  checkFile?: (file: FileInput, opts: { locale: "vi" | "en" }) => Issue[] | Promise<Issue[]>;
}
