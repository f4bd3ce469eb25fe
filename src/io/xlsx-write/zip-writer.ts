import { deflateSync } from "fflate";
import { crc32 } from "../xlsx-read/crc32";

/*
 * The zip container, written by hand around fflate's raw deflate: it lets the date of every entry
 * be set from UTC (so the bytes do not depend on the machine's time zone), uses the reader's
 * eight-bytes-at-a-time CRC-32, and lets each part choose its own deflate level.
 */

/** Raw deflate (RFC 1951, no zlib header) of a part at a level from 1 to 9. */
export type Deflate = (data: Uint8Array, level: number) => Uint8Array;

const fflateDeflate: Deflate = (data, level) =>
  deflateSync(data, { level: level as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 });

export interface ZipEntry {
  /** ASCII path inside the archive. */
  name: string;
  data: Uint8Array;
  /** 0 stores the entry; 1–9 deflate it. */
  level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

export function zip(entries: readonly ZipEntry[], when: Date, deflate: Deflate = fflateDeflate): Uint8Array {
  return zipDeflated(
    entries,
    entries.map((e) => (e.level === 0 ? e.data : deflate(e.data, e.level))),
    when,
  );
}

/** The zip of entries whose bodies are already deflated (or stored, for level 0), in order. */
export function zipDeflated(
  entries: readonly ZipEntry[],
  bodies: readonly Uint8Array[],
  when: Date,
): Uint8Array {
  const { date, time } = dosDateTime(when);
  const enc = new TextEncoder();
  const prepared = entries.map((e, i) => {
    const name = enc.encode(e.name);
    const body = bodies[i] as Uint8Array;
    return { name, body, method: e.level === 0 ? 0 : 8, crc: crc32(e.data), size: e.data.length };
  });
  let localSize = 0;
  let centralSize = 0;
  for (const p of prepared) {
    localSize += 30 + p.name.length + p.body.length;
    centralSize += 46 + p.name.length;
  }
  if (localSize + centralSize > 0xffffffff || prepared.length > 0xffff)
    throw new Error("The workbook is too large for a zip without Zip64");
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const p of prepared) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true); // version needed: 2.0 (deflate)
    view.setUint16(at + 6, 0, true); // flags: sizes known up front, no data descriptor
    view.setUint16(at + 8, p.method, true);
    view.setUint16(at + 10, time, true);
    view.setUint16(at + 12, date, true);
    view.setUint32(at + 14, p.crc, true);
    view.setUint32(at + 18, p.body.length, true);
    view.setUint32(at + 22, p.size, true);
    view.setUint16(at + 26, p.name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(p.name, at + 30);
    out.set(p.body, at + 30 + p.name.length);
    at += 30 + p.name.length + p.body.length;
  }
  const central = at;
  prepared.forEach((p, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: MS-DOS, 2.0
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, 0, true);
    view.setUint16(at + 10, p.method, true);
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    view.setUint32(at + 16, p.crc, true);
    view.setUint32(at + 20, p.body.length, true);
    view.setUint32(at + 24, p.size, true);
    view.setUint16(at + 28, p.name.length, true);
    // extra length, comment length, disk number, internal and external attributes: all 0
    view.setUint32(at + 42, offsets[i] as number, true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - central, true);
  view.setUint32(at + 16, central, true);
  return out;
}
