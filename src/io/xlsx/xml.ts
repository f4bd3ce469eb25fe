import { bi, corrupt, DAMAGE, tooLarge, unsafeXml, XlsxError, type Bilingual } from "./failure";
import { maxXmlRun, type XlsxLimits } from "./limits";
import { DoctypeFound, XmlScanner, type Attributes } from "./xml-scan";
import type { InflateBudget, ZipArchive, ZipEntry } from "./zip";

/*
 * Streams one XML part through the scanner (./xml-scan): inflated slices are decoded and written as
 * they come, so a part is never held whole. Three guards keep hostile XML bounded: no DOCTYPE (so no
 * entity is ever declared, let alone expanded or fetched), a maximum element depth, and a maximum
 * run of characters between two `<` (the scanner carries an unfinished text or tag over to the next
 * slice; this caps what it carries).
 */

export type { Attributes };

export interface XmlHandler {
  /** `name` is the local name: prefixes (`x:c`, as some generators write) are dropped. */
  open(name: string, attrs: Attributes): void;
  close(name: string): void;
  /** Text and CDATA, in pieces; absent when the part's text does not matter. */
  text?(text: string): void;
}

/** Thrown by a handler that has read all it needs: stops the XML parser and the inflater. */
export class StopParsing {
  static readonly instance = new StopParsing();
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
 * naming the part), a DOCTYPE (`unsafe-xml`), a limit exceeded (`too-large`).
 */
export function parseXmlPart(
  zip: ZipArchive,
  entry: ZipEntry,
  budget: InflateBudget,
  limits: XlsxLimits,
  handler: XmlHandler,
): void {
  const part = entry.name;
  const maxRun = maxXmlRun(limits);
  let run = 0;
  let tail = "";
  let decoder: TextDecoder | undefined;
  let stopped = false;
  const parser = new XmlScanner(
    {
      open: (name, attrs) => {
        if (parser.depth > limits.maxDepth) throw tooLarge("maxDepth", limits.maxDepth, part);
        handler.open(localName(name), attrs);
      },
      close: (name) => handler.close(localName(name)),
      ...(handler.text ? { text: handler.text.bind(handler) } : {}),
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

  const write = (text: string): boolean => {
    if (text.length === 0) return true;
    checkRuns(text);
    if (inProlog) checkProlog(text);
    try {
      parser.write(text);
    } catch (e) {
      if (e instanceof StopParsing) {
        stopped = true;
        return false;
      }
      fail(e);
    }
    return true;
  };

  zip.stream(entry, budget, (chunk, whole) => {
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
    if (e instanceof StopParsing) return;
    fail(e);
  }
  if (!parser.sawRoot) throw corrupt(part, DAMAGE.emptyPart);
}
