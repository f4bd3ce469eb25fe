import type { FileInput, ParsedFile } from "./engine";

/** Messages between the pane and its parsing worker. */
export interface WorkerRequest {
  id: number;
  file: FileInput;
  locale: "vi" | "en";
}

export type WorkerReply =
  { id: number; ok: true; parsed: ParsedFile } | { id: number; ok: false; error: string };
