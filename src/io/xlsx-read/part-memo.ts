import type { XlsxLimits } from "./limits";
import type { Attributes } from "./xml-scan";
import type { ZipEntry } from "./zip-archive";

/*
 * Workbooks made from one template share most of their parts byte for byte: the relationships, the
 * workbook part, the styles, the table. A province's hundred submissions would inflate and scan those
 * same bytes a hundred times; this memo keeps what the scanner said about a part (its events) by the
 * part's compressed bytes, and plays them back to the next workbook's handler instead.
 *
 * Only identical bytes are ever played back: the key (name, method, CRC-32, sizes, limits) finds a
 * candidate, then its stored bytes are compared whole with the new ones. A part is recorded the
 * second time its key is seen, so a part found in one workbook only (a commune's sheet) costs the
 * memo a key, not a copy of its events. A memo belongs to the reader it was given to (PartMemo,
 * createXlsxReader in ./read-xlsx); nothing here is kept at module level.
 */

/** An element opened (with its attributes, a copy of its own), closed, or text. */
export type RecordedEvent = [0, string, Attributes] | [1, string] | [2, string];

export interface Recording {
  /** The part's compressed bytes, a copy. */
  data: Uint8Array;
  /** Its size inflated, charged to the workbook's budget when played back. */
  size: number;
  /** Everything the scanner emitted, to the end of the part. */
  events: RecordedEvent[];
  /** What handlers that keep their result made of these events, by their kind (`XmlHandler.kind`). */
  results: Map<string, unknown>;
}

/** Parts larger than this are neither recorded nor looked up: they are rarely shared, and big to keep. */
export const MEMO_MAX_BYTES = 64 * 1024;
const MAX_RECORDINGS = 256;
const MAX_KEYS = 50_000;

/** Whether a part may be memoised: small, and stored or deflated. */
export function memoable(entry: ZipEntry): boolean {
  return (
    (entry.method === 8 || entry.method === 0) &&
    entry.compressedSize <= MEMO_MAX_BYTES &&
    entry.declaredSize <= MEMO_MAX_BYTES
  );
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * One reader's memo (`createXlsxReader({ memo })`): what it recorded is played back to its own
 * readings only. Two readers in one process, each with its own, never see each other's parts.
 */
export class PartMemo {
  private readonly recordings = new Map<string, Recording>();
  private readonly seen = new Set<string>();
  private readonly counts = { recorded: 0, playedBack: 0 };
  private readonly limitKeys = new WeakMap<XlsxLimits, string>();
  /** A short id for each distinct set of limits, so that keys stay short (they are hashed per part). */
  private readonly limitIds = new Map<string, string>();

  private limitsKey(limits: XlsxLimits): string {
    let k = this.limitKeys.get(limits);
    if (k === undefined) {
      const all = Object.values(limits).join(",");
      k = this.limitIds.get(all);
      if (k === undefined) {
        k = String(this.limitIds.size);
        this.limitIds.set(all, k);
      }
      this.limitKeys.set(limits, k);
    }
    return k;
  }

  key(entry: ZipEntry, limits: XlsxLimits): string {
    return `${entry.crc}:${entry.compressedSize}:${entry.declaredSize}:${entry.method}:${this.limitsKey(limits)}:${entry.name}`;
  }

  /** The recording of exactly these bytes under this key, if there is one. */
  recalled(key: string, data: Uint8Array): Recording | undefined {
    const r = this.recordings.get(key);
    return r && sameBytes(r.data, data) ? r : undefined;
  }

  /** Whether a part with this key should be recorded now: the second time it is seen. */
  worthRecording(key: string): boolean {
    if (this.seen.has(key)) return this.recordings.size < MAX_RECORDINGS && !this.recordings.has(key);
    if (this.seen.size >= MAX_KEYS) this.seen.clear();
    this.seen.add(key);
    return false;
  }

  remember(key: string, data: Uint8Array, size: number, events: RecordedEvent[]): void {
    this.recordings.set(key, { data: data.slice(), size, events, results: new Map() });
    this.counts.recorded++;
  }

  /** A recording was played back (counted for the tests and the curious). */
  playedBack(): void {
    this.counts.playedBack++;
  }

  /** Parts recorded and played back since this memo was made or last forgot. */
  stats(): { recorded: number; playedBack: number } {
    return { ...this.counts };
  }

  /** Forgets everything (tests that measure a first reading). */
  forget(): void {
    this.recordings.clear();
    this.seen.clear();
    this.counts.recorded = 0;
    this.counts.playedBack = 0;
  }
}

/** A result kept for others to share, frozen (its arrays and their objects too) so none can change it. */
export function frozen<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) frozen(v);
  }
  return value;
}
