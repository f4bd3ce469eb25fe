import { bi, corrupt, DAMAGE, tooLarge, unsafeXml, XlsxError, type Bilingual } from "./failure";
import { maxXmlRun, type XlsxLimits } from "./limits";
import {
  frozen,
  MEMO_MAX_BYTES,
  memoable,
  type PartMemo,
  type RecordedEvent,
  type Recording,
} from "./part-memo";
import { Attributes, DoctypeFound, XmlScanner } from "./xml-scan";
import type { InflateBudget, ZipArchive, ZipEntry } from "./zip-archive";

/*
 * Streams one XML part through the scanner (./xml-scan): inflated slices are decoded and written as
 * they come, so a part is never held whole. Three guards keep hostile XML bounded: no DOCTYPE (so no
 * entity is ever declared, let alone expanded or fetched), a maximum element depth, and a maximum
 * run of characters between two `<` (the scanner carries an unfinished text or tag over to the next
 * slice; this caps what it carries).
 */

export { Attributes };

export interface XmlHandler {
  /**
   * `name` is the local name: prefixes (`x:c`, as some generators write) are dropped. Returning
   * true asks to read what follows through `raw` (see ScanEvents in ./xml-scan); the request may
   * be ignored, and the handler is then told what follows event by event as usual.
   */
  open(name: string, attrs: Attributes): boolean | void;
  /** Reads the text after the element just opened itself; returns where it stopped (ScanEvents.raw). */
  raw?(s: string, from: number, tabsOrLineEnds: boolean): number;
  /**
   * Handlers whose result depends on the part's bytes alone (given this `memoKind`: e.g. the part whose
   * relationships these are) say so; for a part read before, they are then given the result a
   * handler of the same kind made of the same bytes (`adoptResult`) instead of its events. `keepResult` gives
   * that result, which is shared and frozen: nobody changes it afterwards.
   */
  memoKind?(): string;
  keepResult?(): unknown;
  adoptResult?(kept: unknown): void;
  close(name: string): void;
  /** Text and CDATA, in pieces; absent when the part's text does not matter. */
  text?(text: string): void;
}

/** Thrown by a handler that has read all it needs: stops the XML parser and the inflater. */
export class StopParsing extends Error {
  static readonly instance = new StopParsing("stop parsing");
}

const LONG_RUN = {
  vi: "một đoạn văn bản hoặc thuộc tính XML liền mạch",
  en: "an unbroken run of XML text or attribute",
};

/** A parser's own words, in a Vietnamese or English frame. */
function malformed(e: unknown): Bilingual {
  const said = e instanceof Error ? e.message : String(e);
  return bi(`XML sai cấu trúc (${said})`, `malformed XML (${said})`);
}

function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** The encoding of a part: UTF-8 unless a BOM or the XML declaration says otherwise. */
function encodingOf(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (head[0] === 0x3c && head[1] === 0x3f) {
    let decl = "";
    for (let i = 0; i < Math.min(head.length, 200) && head[i] !== 0x3e; i++)
      decl += String.fromCharCode(head[i]!);
    const m = /encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(decl);
    const label = m?.[1]?.toLowerCase();
    if (label && label !== "utf-8" && label !== "utf8" && !label.startsWith("utf-16")) {
      try {
        new TextDecoder(label);
        return label;
      } catch {
        // An encoding this platform does not know: UTF-8 is what Excel writes anyway.
      }
    }
  }
  return "utf-8";
}

/**
 * Decoders for parts that arrive whole, one per encoding, reused: a decode without `stream` keeps
 * no state between calls, and making a decoder costs more than decoding a small part.
 */
const WHOLE = new Map<string, TextDecoder>();

function wholeDecoder(label: string): TextDecoder {
  let d = WHOLE.get(label);
  if (!d) {
    d = new TextDecoder(label);
    WHOLE.set(label, d);
  }
  return d;
}

/**
 * Parses a part with `handler`. Throws XlsxError for anything wrong: malformed XML (`corrupt`,
 * naming the part), a DOCTYPE (`unsafe-xml`), a limit exceeded (`too-large`). `memo` is the reader's
 * (./part-memo), if it has one.
 */
export function parseXmlPart(
  zip: ZipArchive,
  entry: ZipEntry,
  budget: InflateBudget,
  limits: XlsxLimits,
  handler: XmlHandler,
  memo: PartMemo | undefined,
): void {
  const part = entry.name;
  // A part read before in exactly these bytes is played back (./part-memo); one seen before under
  // the same key is recorded this time, to the end even once the handler has all it wants.
  let data: Uint8Array | undefined;
  let key: string | undefined;
  let recording: RecordedEvent[] | undefined;
  if (memo && memoable(entry)) {
    data = zip.dataOf(entry);
    key = memo.key(entry, limits);
    const r = memo.recalled(key, data);
    if (r) {
      budget.add(r.size, part);
      memo.playedBack();
      recall(r, handler);
      return;
    }
    if (memo.worthRecording(key)) recording = [];
  }

  const maxRun = maxXmlRun(limits);
  let run = 0;
  let tail = "";
  let decoder: TextDecoder | undefined;
  let stopped = false;
  /** The handler threw StopParsing while the part was being recorded: it is told nothing more. */
  let handlerDone = false;
  let size = 0;
  /** While recording, the handler's StopParsing ends what it is told, not the scan. */
  const deliver = (call: () => void): void => {
    if (handlerDone) return;
    try {
      call();
    } catch (e) {
      if (e !== StopParsing.instance) throw e;
      handlerDone = true;
    }
  };
  const text = handler.text?.bind(handler);
  const raw = handler.raw?.bind(handler);
  const parser: XmlScanner = new XmlScanner(
    {
      open: (name, attrs): boolean | void => {
        if (parser.depth > limits.maxDepth) throw tooLarge("maxDepth", limits.maxDepth, part);
        const local = localName(name);
        // Text read raw is not told as events, so not while recording them; and only with room
        // under the depth limit for what it reads below this element (row, c, is, t: four levels).
        if (!recording)
          return (
            handler.open(local, attrs) === true && raw !== undefined && parser.depth + 4 <= limits.maxDepth
          );
        recording.push([0, local, Attributes.of(attrs.pairs())]);
        deliver(() => handler.open(local, attrs));
      },
      close: (name) => {
        const local = localName(name);
        if (!recording) return handler.close(local);
        recording.push([1, local]);
        deliver(() => handler.close(local));
      },
      ...(raw ? { raw } : {}),
      ...(text || recording
        ? {
            text: (t: string) => {
              if (!recording) return text?.(t);
              recording.push([2, t]);
              if (text) deliver(() => text(t));
            },
          }
        : {}),
    },
    // A construct cut by a slice boundary is carried over; text and tags are capped by the run
    // check below, comments and CDATA (which may hold `<`) by this.
    maxRun * 2 + 64,
  );

  const checkRuns = (text: string): void => {
    if (run + text.length <= maxRun) {
      const lt = text.lastIndexOf("<");
      run = lt < 0 ? run + text.length : text.length - lt - 1;
      return;
    }
    let prev = -1 - run;
    for (let i = text.indexOf("<"); i >= 0; i = text.indexOf("<", i + 1)) {
      if (i - prev - 1 > maxRun) throw tooLarge("maxCellText", limits.maxCellText, part, LONG_RUN);
      prev = i;
    }
    run = text.length - prev - 1;
    if (run > maxRun) throw tooLarge("maxCellText", limits.maxCellText, part, LONG_RUN);
  };

  // Refuse a DTD as soon as it shows, before its internal subset (which may be large) is carried
  // over from slice to slice. Only the prolog (before the root element) is looked at; if a comment
  // there hides where the root starts, the scanner still refuses the DOCTYPE when it reaches it.
  let inProlog = true;
  const checkProlog = (text: string): void => {
    const buf = tail + text;
    for (let i = 0; ;) {
      const lt = buf.indexOf("<", i);
      if (lt < 0 || buf.length - lt < 9) {
        tail = buf.slice(lt < 0 ? -9 : lt);
        return;
      }
      const c = buf.charCodeAt(lt + 1);
      if (c === 0x21 /* ! */ && (buf.startsWith("<!DOCTYPE", lt) || buf.startsWith("<!ENTITY", lt))) {
        throw unsafeXml(part);
      }
      if (c !== 0x21 && c !== 0x3f /* ? */) {
        inProlog = false;
        return;
      }
      i = lt + 2;
    }
  };

  const fail = (e: unknown): never => {
    if (e instanceof XlsxError) throw e;
    if (e instanceof DoctypeFound) throw unsafeXml(part);
    throw corrupt(part, malformed(e));
  };

  /** Whether the rest of the part no longer matters: what went wrong after the handler had all it wanted. */
  const moot = (): boolean => {
    if (!handlerDone) return false;
    recording = undefined;
    stopped = true;
    return true;
  };

  const write = (text: string): boolean => {
    if (text.length === 0) return true;
    try {
      checkRuns(text);
      if (inProlog) checkProlog(text);
      parser.write(text);
    } catch (e) {
      if (e instanceof StopParsing) {
        stopped = true;
        return false;
      }
      if (moot()) return false;
      fail(e);
    }
    return true;
  };

  zip.stream(entry, budget, (chunk, whole) => {
    size += chunk.length;
    // A part larger than it said is not kept: its events would be as large as it is.
    if (recording && size > MEMO_MAX_BYTES) {
      recording = undefined;
      if (handlerDone) {
        stopped = true;
        return false;
      }
    }
    if (whole) return write(wholeDecoder(encodingOf(chunk)).decode(chunk));
    decoder ??= new TextDecoder(encodingOf(chunk));
    return write(decoder.decode(chunk, { stream: true }));
  });
  if (stopped) return;
  if (decoder) write(decoder.decode());
  if (stopped) return;
  try {
    parser.close();
  } catch (e) {
    if (e instanceof StopParsing || moot()) return;
    fail(e);
  }
  if (!parser.sawRoot) throw corrupt(part, DAMAGE.emptyPart);
  if (memo && recording && key !== undefined && data) memo.remember(key, data, size, recording);
}

/**
 * A part read before, given to a handler: the result a handler of its kind made of it, when one
 * was kept, else its events (and the result this handler makes of them is kept for the next).
 */
function recall(r: Recording, handler: XmlHandler): void {
  const kind = handler.memoKind?.();
  const kept = kind === undefined ? undefined : r.results.get(kind);
  if (kept !== undefined && handler.adoptResult) {
    handler.adoptResult(kept);
    return;
  }
  playBack(r.events, handler);
  if (kind !== undefined && handler.keepResult) r.results.set(kind, frozen(handler.keepResult()));
}

/** A recorded part told to a handler as the scanner told it the first time. */
function playBack(events: RecordedEvent[], handler: XmlHandler): void {
  try {
    for (const e of events) {
      if (e[0] === 0) handler.open(e[1], e[2]);
      else if (e[0] === 1) handler.close(e[1]);
      else handler.text?.(e[1]);
    }
  } catch (e) {
    if (e !== StopParsing.instance) throw e;
  }
}
