/*
 * Writes are queued as operations with their estimated size, then packed into requests under the
 * payload budget: a request is what one `context.sync()` sends.
 */

/** One queued write: its estimated bytes in a request, and what it does once its sheet exists. */
export interface Op {
  bytes: number;
  run: () => void;
}

/* What one queued operation costs in a request besides its data (object path, ids, property name). */
export const OP_BYTES = 120;

/** Bytes of `v` as JSON in UTF-8, as a request carries it: Vietnamese letters take 2–3 bytes each. */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v));
}

export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A surrogate pair is two code units and four bytes: 1 more for each unit.
    if (c >= 0x80) n += c < 0x800 ? 1 : c >= 0xd800 && c <= 0xdfff ? 1 : 2;
  }
  return n;
}

/** The operations in order, cut into requests of at most `budget` bytes (an operation is never split). */
export function packChunks(ops: Op[], budget: number): Op[][] {
  const chunks: Op[][] = [];
  let current: Op[] = [];
  let size = 0;
  for (const op of ops) {
    if (current.length > 0 && size + op.bytes > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += op.bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The request that carries `op` (the number of requests when none does). */
export function chunkIndexOf(chunks: Op[][], op: Op | undefined): number {
  if (!op) return chunks.length;
  const i = chunks.findIndex((c) => c.includes(op));
  return i < 0 ? chunks.length : i;
}
