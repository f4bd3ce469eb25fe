/*
 * A growing byte buffer for the large parts (the cells of a sheet). Writing ASCII markup and
 * digits straight into bytes, rather than joining millions of small strings and encoding them,
 * is what keeps a national summary's ~240,000 cells to a few dozen milliseconds and little garbage.
 */

const encoder = new TextEncoder();

/** Bytes of an ASCII (or any) string, for markup written again and again. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

export class Bytes {
  private buf: Uint8Array;
  private n = 0;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(capacity);
  }

  get length(): number {
    return this.n;
  }

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + k) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }

  raw(b: Uint8Array): void {
    const len = b.length;
    this.room(len);
    // A loop beats set() on the few bytes of a cell's markup; set() wins on longer runs.
    if (len < 24) {
      const buf = this.buf;
      let n = this.n;
      for (let i = 0; i < len; i++) buf[n++] = b[i] as number;
      this.n = n;
    } else {
      this.buf.set(b, this.n);
      this.n += len;
    }
  }

  /** A string known to be ASCII (references, numbers, fixed markup). */
  ascii(s: string): void {
    const len = s.length;
    this.room(len);
    const buf = this.buf;
    let n = this.n;
    for (let i = 0; i < len; i++) buf[n++] = s.charCodeAt(i);
    this.n = n;
  }

  /** A non-negative integer below 2³¹, in decimal, without making a string of it. */
  int(v: number): void {
    this.room(10);
    const buf = this.buf;
    if (v < 10) {
      buf[this.n++] = 48 + v;
      return;
    }
    let digits = 1;
    for (let x = v; x >= 10; x = (x / 10) | 0) digits++;
    let n = this.n + digits;
    this.n = n;
    for (let x = v; digits > 0; digits--) {
      const q = (x / 10) | 0;
      buf[--n] = 48 + (x - q * 10);
      x = q;
    }
  }

  /** Any string, UTF-8 encoded. */
  text(s: string): void {
    this.room(s.length * 3);
    this.n += encoder.encodeInto(s, this.buf.subarray(this.n)).written;
  }

  /** Goes back to an earlier length (a row that turned out to hold nothing). */
  truncate(n: number): void {
    this.n = n;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.n);
  }
}
