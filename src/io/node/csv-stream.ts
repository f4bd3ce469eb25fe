import { createReadStream } from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import Papa from "papaparse";
import { CsvExtractor, type Extracted } from "../../core/submission/extract";
import { RecordLines } from "../csv-records";
import { baseName } from "../csv-submissions";
import { detectDelimiter } from "../csv-reader";
import { detectEncoding, type TextEncodingName } from "../text-decode";

/** Bytes looked at to choose the encoding and the delimiter before streaming the rest. */
const SAMPLE = 64 * 1024;

class NotUtf8 extends Error {}

/** Decodes a byte stream in the chosen encoding; UTF-8 strictly, so a Windows-1258 file shows itself. */
class Decode extends Transform {
  private readonly decoder: TextDecoder;

  constructor(encoding: TextEncodingName, strict: boolean) {
    super({ readableObjectMode: false, decodeStrings: false });
    this.decoder = new TextDecoder(encoding, { fatal: strict });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      done(null, this.decoder.decode(chunk, { stream: true }));
    } catch {
      done(new NotUtf8());
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      done(null, this.decoder.decode());
    } catch {
      done(new NotUtf8());
    }
  }
}

async function sample(path: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of createReadStream(path, { start: 0, end: SAMPLE - 1 })) {
    chunks.push(c as Buffer);
    size += (c as Buffer).length;
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}

async function run(
  path: string,
  file: string,
  encoding: TextEncodingName,
  bom: boolean,
  delimiter: string,
): Promise<Extracted> {
  const x = new CsvExtractor(file, baseName(file));
  const lines = new RecordLines();
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    delimiter,
    skipEmptyLines: false,
  }) as unknown as NodeJS.ReadWriteStream;
  let stopped = false;
  parser.on("data", (record: string[]) => {
    if (stopped) return;
    const row = lines.next(record);
    if (row && !x.add(row)) stopped = true;
  });
  const skip = bom ? (encoding === "utf-8" ? 3 : 2) : 0;
  await pipeline(
    createReadStream(path, { start: skip, highWaterMark: 256 * 1024 }),
    new Decode(encoding, encoding === "utf-8"),
    parser,
  );
  return x.finish();
}

/**
 * The submissions of a long CSV on disk, streamed: the file is never held whole, only the rows it
 * yields. The encoding is chosen from the first 64 KB; if a UTF-8 guess meets a byte that is not
 * UTF-8 further on, the file is read again as Windows-1258.
 */
export async function extractCsvStream(path: string, file: string): Promise<Extracted> {
  const head = await sample(path);
  const { encoding, bom } = detectEncoding(head, true);
  const decodedHead = new TextDecoder(encoding).decode(
    bom ? head.subarray(encoding === "utf-8" ? 3 : 2) : head,
  );
  const delimiter = detectDelimiter(decodedHead);
  try {
    return await run(path, file, encoding, bom, delimiter);
  } catch (e) {
    if (e instanceof NotUtf8) return run(path, file, "windows-1258", false, delimiter);
    throw e;
  }
}
