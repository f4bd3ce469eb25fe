import { createReadStream } from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import Papa from "papaparse";
import { CsvExtractor, type Extracted } from "../../core/submission/extract";
import { CsvTextGuard, RecordLines, type CsvTextFault } from "../../io/csv-records";
import { baseName, csvFaulty } from "../csv-submissions";
import { detectDelimiter } from "../../io/csv-reader";
import { detectEncoding, type TextEncodingName } from "../../io/text-decode";

/** Bytes looked at to choose the encoding and the delimiter before streaming the rest. */
const SAMPLE = 64 * 1024;

class NotUtf8 extends Error {}

/** The guard found text that cannot be read as records: reading stops there. */
class Faulty extends Error {
  constructor(readonly fault: CsvTextFault) {
    super(fault.message.en);
  }
}

/** Passes text through the guard, stopping the stream at the first fault. */
class Guard extends Transform {
  private readonly guard: CsvTextGuard;

  constructor(delimiter: string) {
    super({ decodeStrings: false, encoding: "utf8" });
    this.guard = new CsvTextGuard(delimiter);
  }

  override _transform(chunk: string | Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (typeof chunk !== "string") chunk = chunk.toString("utf8");
    if (this.guard.feed(chunk)) done(null, chunk);
    else done(new Faulty(this.guard.fault as CsvTextFault));
  }

  override _flush(done: TransformCallback): void {
    if (this.guard.finish()) done();
    else done(new Faulty(this.guard.fault as CsvTextFault));
  }
}

/** Decodes a byte stream in the chosen encoding; UTF-8 strictly, so a Windows-1258 file shows itself. */
class Decode extends Transform {
  private readonly decoder: TextDecoder;

  constructor(encoding: TextEncodingName, strict: boolean) {
    // Text out as strings: the guard and the parser read characters, not bytes.
    super({ decodeStrings: false, encoding: "utf8" });
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
  wanted: ((unit: string) => boolean) | undefined,
): Promise<Extracted> {
  const x = new CsvExtractor(file, baseName(file), wanted);
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
    new Guard(delimiter),
    parser,
  );
  return x.finish();
}

function faulty(file: string): (e: unknown) => Extracted {
  return (e) => {
    if (e instanceof Faulty) return csvFaulty(file, e.fault);
    throw e;
  };
}

/**
 * The submissions of a long CSV on disk, streamed: the file is never held whole, only the rows it
 * yields. The encoding is chosen from the first 64 KB; if a UTF-8 guess meets a byte that is not
 * UTF-8 further on, the file is read again as Windows-1258.
 */
export async function extractCsvStream(
  path: string,
  file: string,
  wanted?: (unit: string) => boolean,
): Promise<Extracted> {
  const head = await sample(path);
  const { encoding, bom } = detectEncoding(head, true);
  const decodedHead = new TextDecoder(encoding).decode(
    bom ? head.subarray(encoding === "utf-8" ? 3 : 2) : head,
  );
  const delimiter = detectDelimiter(decodedHead);
  try {
    return await run(path, file, encoding, bom, delimiter, wanted);
  } catch (e) {
    if (e instanceof NotUtf8)
      return run(path, file, "windows-1258", false, delimiter, wanted).catch(faulty(file));
    return faulty(file)(e);
  }
}
