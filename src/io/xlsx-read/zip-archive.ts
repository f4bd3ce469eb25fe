import { Inflate, inflateSync } from "fflate";
import { crc32 } from "./crc32";
import { bi, corrupt, DAMAGE, duplicateEntry, tooLarge, XlsxError } from "./failure";
import { INFLATE_RATIO_GRACE, type XlsxLimits } from "./limits";

/*
 * Just enough of the zip format to stream the few parts a submission needs: the central
 * directory says where each entry starts; its data is inflated in slices, and every slice's output
 * is counted against the limits before anything else sees it. Sizes the archive declares for
 * uncompressed data are never trusted (a zip bomb declares small ones): at most they size a
 * first buffer, whose overflow sends the part down the counted, streaming path.
 */

export interface ZipEntry {
  /** Name as stored, with `\` turned into `/` and no leading `/`. */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** CRC-32 of the uncompressed data, as the central directory records it. */
  crc: number;
  /** What the archive claims; only ever a hint for the size of a buffer, never trusted. */
  declaredSize: number;
  localOffset: number;
}

/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most ~1,032 times, so one
 * slice can never yield more than ~17 MB before the limits are checked again.
 */
const SLICE = 16 * 1024;

/** Parts up to this size (as declared) are inflated in one call when their data fits one slice. */
const SMALL_PART = 1024 * 1024;

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;

/**
 * A faster inflater and checksum a platform may lend the reader (Node's zlib, in C); fflate and the
 * CRC-32 of ./crc32 otherwise, as in the browser. Both give the same bytes: every part's checksum is
 * verified whoever inflated it.
 */
export interface ZipCodec {
  /**
   * Inflates raw deflate data whole, or returns undefined when it would give more than `limit` bytes
   * (the part then goes down the counted streaming path). Throws on damaged data.
   */
  inflateRaw(data: Uint8Array, limit: number): Uint8Array | undefined;
  crc32(data: Uint8Array, crc: number): number;
}

/**
 * Compressed bytes below which a native call is no faster than fflate (Node's zlib sets up a stream
 * for every call, ~8 µs); from there zlib is 2–3 times faster (measured on template parts).
 */
const NATIVE_MIN = 512;

/** Bytes inflated so far over the whole workbook, checked against the total limit. */
export class InflateBudget {
  private total = 0;
  constructor(private readonly limits: XlsxLimits) {}

  add(n: number, part: string): void {
    this.total += n;
    if (this.total > this.limits.maxTotalBytes)
      throw tooLarge("maxTotalBytes", this.limits.maxTotalBytes, part);
  }
}

export class ZipArchive {
  private readonly byKey = new Map<string, ZipEntry>();
  private readonly view: DataView;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: XlsxLimits,
    private readonly codec: ZipCodec | undefined,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** An archive over `bytes`, inflated with the reader's codec if it was lent one (fflate otherwise). */
  static open(bytes: Uint8Array, limits: XlsxLimits, codec?: ZipCodec): ZipArchive {
    const zip = new ZipArchive(bytes, limits, codec);
    zip.readDirectory();
    return zip;
  }

  /** Entry names as stored (normalised slashes). */
  get names(): string[] {
    return [...this.byKey.values()].map((e) => e.name);
  }

  /** The entry of a part name; OPC part names are case-insensitive. */
  get(name: string): ZipEntry | undefined {
    return this.byKey.get(partKey(name));
  }

  private u16(off: number): number {
    if (off + 2 > this.bytes.length) throw corrupt(undefined, DAMAGE.truncated);
    return this.view.getUint16(off, true);
  }

  private u32(off: number): number {
    if (off + 4 > this.bytes.length) throw corrupt(undefined, DAMAGE.truncated);
    return this.view.getUint32(off, true);
  }

  private u64(off: number): number {
    const lo = this.u32(off);
    const hi = this.u32(off + 4);
    // Anything above 2^53 cannot be an offset into a file we hold in memory.
    if (hi > 0x1fffff) throw corrupt(undefined, DAMAGE.directory);
    return hi * 0x100000000 + lo;
  }

  private findEnd(): number {
    const len = this.bytes.length;
    const stop = Math.max(0, len - 22 - 0xffff);
    for (let i = len - 22; i >= stop; i--) {
      if (
        this.bytes[i] === 0x50 &&
        this.bytes[i + 1] === 0x4b &&
        this.bytes[i + 2] === 5 &&
        this.bytes[i + 3] === 6 &&
        this.view.getUint32(i, true) === SIG_EOCD
      ) {
        return i;
      }
    }
    throw corrupt(undefined, DAMAGE.noDirectory);
  }

  private readDirectory(): void {
    const eocd = this.findEnd();
    let count = this.u16(eocd + 10);
    let cdSize = this.u32(eocd + 12);
    let cdOffset = this.u32(eocd + 16);
    if (count === 0xffff || cdSize === U32_MAX || cdOffset === U32_MAX) {
      const loc = eocd - 20;
      if (loc >= 0 && this.u32(loc) === SIG_EOCD64_LOCATOR) {
        const at = this.u64(loc + 8);
        if (this.u32(at) !== SIG_EOCD64) throw corrupt(undefined, DAMAGE.directory);
        count = this.u64(at + 32);
        cdSize = this.u64(at + 40);
        cdOffset = this.u64(at + 48);
      }
    }
    if (count > this.limits.maxEntries) throw tooLarge("maxEntries", this.limits.maxEntries);
    if (cdOffset + cdSize > this.bytes.length) throw corrupt(undefined, DAMAGE.directory);
    const decoder = new TextDecoder("utf-8");
    let pos = cdOffset;
    for (let i = 0; i < count; i++) {
      if (this.u32(pos) !== SIG_CENTRAL) throw corrupt(undefined, DAMAGE.directory);
      const flags = this.u16(pos + 8);
      const method = this.u16(pos + 10);
      const crc = this.u32(pos + 16);
      let compressedSize = this.u32(pos + 20);
      const uncompressed32 = this.u32(pos + 24);
      let declaredSize = uncompressed32;
      const nameLen = this.u16(pos + 28);
      const extraLen = this.u16(pos + 30);
      const commentLen = this.u16(pos + 32);
      let localOffset = this.u32(pos + 42);
      const nameStart = pos + 46;
      const extraStart = nameStart + nameLen;
      const next = extraStart + extraLen + commentLen;
      if (next > this.bytes.length) throw corrupt(undefined, DAMAGE.directory);
      if (compressedSize === U32_MAX || localOffset === U32_MAX) {
        // Zip64 extra field: the 64-bit values follow in a fixed order, only for fields set to 0xFFFFFFFF.
        for (let x = extraStart; x + 4 <= extraStart + extraLen;) {
          const id = this.u16(x);
          const size = this.u16(x + 2);
          if (id === 1) {
            let f = x + 4;
            if (uncompressed32 === U32_MAX) {
              declaredSize = this.u64(f);
              f += 8;
            }
            if (compressedSize === U32_MAX) {
              compressedSize = this.u64(f);
              f += 8;
            }
            if (localOffset === U32_MAX) localOffset = this.u64(f);
            break;
          }
          x += 4 + size;
        }
      }
      const raw = decoder.decode(this.bytes.subarray(nameStart, extraStart));
      const name = raw.replace(/\\/g, "/").replace(/^\/+/, "");
      const key = partKey(name);
      // A name stored twice is ambiguous: readers differ on which one they take. A folder entry
      // (no data, name ending in `/`) stored twice is harmless.
      if (this.byKey.has(key) && !key.endsWith("/")) throw duplicateEntry(name);
      this.byKey.set(key, { name, method, flags, compressedSize, crc, declaredSize, localOffset });
      pos = next;
    }
  }

  /** An entry's stored (compressed) bytes, after checking its local header; a view, not a copy. */
  dataOf(entry: ZipEntry): Uint8Array {
    const part = entry.name;
    if (entry.flags & 1) throw corrupt(part, DAMAGE.entryEncrypted);
    if (this.u32(entry.localOffset) !== SIG_LOCAL) throw corrupt(part, DAMAGE.localHeader);
    const start =
      entry.localOffset + 30 + this.u16(entry.localOffset + 26) + this.u16(entry.localOffset + 28);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw corrupt(part, DAMAGE.truncated);
    return this.bytes.subarray(start, end);
  }

  /**
   * Inflates an entry slice by slice, handing each piece of output to `sink` after counting it,
   * until `sink` returns false (it has read all it needs), then checks the part's CRC-32. `whole`
   * tells the sink that this one piece is the entire part (most parts are inflated in one call).
   */
  stream(entry: ZipEntry, budget: InflateBudget, sink: (chunk: Uint8Array, whole: boolean) => boolean): void {
    const part = entry.name;
    const data = this.dataOf(entry);
    const start = data.byteOffset - this.bytes.byteOffset;
    const end = start + data.length;

    let produced = 0;
    /** Compressed bytes handed to the inflater so far. */
    let consumed = 0;
    let wanted = true;
    let crc = 0;
    // Once `sink` has what it needs, the rest is still inflated (not decoded or parsed) so that the
    // checksum covers the whole part: a damaged part must not give quietly altered values.
    const codec = this.codec;
    const take = (chunk: Uint8Array, whole = false): void => {
      if (chunk.length === 0) return;
      produced += chunk.length;
      if (produced > this.limits.maxEntryBytes) {
        throw tooLarge("maxEntryBytes", this.limits.maxEntryBytes, part);
      }
      if (produced > INFLATE_RATIO_GRACE && produced > consumed * this.limits.maxInflateRatio) {
        throw tooLarge("maxInflateRatio", this.limits.maxInflateRatio, part);
      }
      budget.add(chunk.length, part);
      crc = codec ? codec.crc32(chunk, crc) : crc32(chunk, crc);
      if (wanted) wanted = sink(chunk, whole);
    };
    const verify = (): void => {
      if (crc !== entry.crc) throw corrupt(part, DAMAGE.checksum);
    };

    if (entry.method === 0) {
      for (let off = start; off < end; off += SLICE) {
        consumed = Math.min(end, off + SLICE) - start;
        take(this.bytes.subarray(off, consumed + start));
      }
      return verify();
    }
    if (entry.method !== 8)
      throw corrupt(
        part,
        bi(
          `phương pháp nén ${entry.method} không được hỗ trợ`,
          `unsupported zip compression method ${entry.method}`,
        ),
      );
    if (end - start <= SLICE && entry.declaredSize <= SMALL_PART) {
      // Most parts are small: inflate in one call into a buffer one byte larger than declared. Its
      // output cannot exceed ~17 MB (one slice); if it fills the buffer, the declared size was a
      // lie and the part goes through the streaming path like any other.
      let out: Uint8Array | undefined;
      try {
        out =
          codec && data.length >= NATIVE_MIN
            ? codec.inflateRaw(data, entry.declaredSize + 1)
            : inflateSync(data, { out: new Uint8Array(entry.declaredSize + 1) });
      } catch {
        throw corrupt(part, DAMAGE.compressedData);
      }
      consumed = end - start;
      if (out && out.length <= entry.declaredSize) {
        take(out, true);
        return verify();
      }
    }
    const inflater = new Inflate((data) => take(data));
    try {
      for (let off = start; ; off += SLICE) {
        const last = off + SLICE >= end;
        consumed = Math.min(end, off + SLICE) - start;
        inflater.push(this.bytes.subarray(off, Math.min(end, off + SLICE)), last);
        if (last) break;
      }
    } catch (e) {
      // Our own errors come through fflate from `sink`; fflate's own are about the data.
      if (e instanceof XlsxError) throw e;
      throw corrupt(part, DAMAGE.compressedData);
    }
    verify();
  }
}

export function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}
