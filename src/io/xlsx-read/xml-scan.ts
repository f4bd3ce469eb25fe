/*
 * A streaming XML scanner for the parts of a workbook: elements, attributes, text, CDATA, comments
 * and processing instructions, with the five predefined entities and character references. It
 * checks what a reader of spreadsheets needs checked — tags nest and match, one root, quoted
 * attributes, no stray `<` or `&`, no entity it does not know — and refuses a DOCTYPE outright, so
 * no entity is ever declared, expanded or fetched. It is not a validating parser of all of XML:
 * it finds what matters with indexOf rather than character by character. Against saxes 6.0.0 on
 * the same worksheet parts into the same cell-collecting handler it is 1.4–1.7 times as fast
 * (`node bench/run.mjs xlsx-reader scanners`; the figures are in the README), and it lets the sheet
 * reader take the usual rows straight from the text (`ScanEvents.raw`), which saxes cannot.
 *
 * Input comes in pieces (decoded slices of an inflated part); a construct cut by a piece boundary is
 * carried over to the next, never beyond `maxCarry` characters.
 */

/**
 * A start tag's attributes, as names and values. The scanner fills one and the same object for
 * every tag, so it is only valid during the `open` call it is passed to: a handler that needs a
 * value later copies the value. (An object per tag, with a key per attribute, is what made start
 * tags the scanner's largest cost.)
 */
export class Attributes {
  /** Names and values, alternating; entries past `2 × count` are left over from earlier tags. */
  private readonly entries: string[] = [];
  private count = 0;

  /** The value of attribute `name` (as written, prefix included), or undefined. */
  get(name: string): string | undefined {
    const list = this.entries;
    for (let i = 0, n = this.count * 2; i < n; i += 2) if (list[i] === name) return list[i + 1];
    return undefined;
  }

  /** The value of the first attribute whose name ends with `suffix` (`:id` finds `r:id`, whatever the prefix). */
  endingWith(suffix: string): string | undefined {
    const list = this.entries;
    for (let i = 0, n = this.count * 2; i < n; i += 2) if (list[i]!.endsWith(suffix)) return list[i + 1];
    return undefined;
  }

  /** Attributes read before (`pairs()`), passed on again. */
  static of(list: readonly string[]): Attributes {
    const a = new Attributes();
    for (let i = 0; i + 1 < list.length; i += 2) a.add(list[i]!, list[i + 1]!);
    return a;
  }

  /** A copy of the names and values, alternating. */
  pairs(): string[] {
    return this.entries.slice(0, this.count * 2);
  }

  /** A copy as a plain object, to keep or compare. */
  toObject(): Record<string, string> {
    const o: Record<string, string> = {};
    for (let i = 0; i < this.count * 2; i += 2) o[this.entries[i]!] = this.entries[i + 1]!;
    return o;
  }

  /** @internal The scanner starts a tag. */
  clear(): void {
    this.count = 0;
  }

  /** @internal The scanner adds an attribute; false when the tag already has one of that name. */
  add(name: string, value: string): boolean {
    if (this.get(name) !== undefined) return false;
    this.entries[this.count * 2] = name;
    this.entries[this.count * 2 + 1] = value;
    this.count++;
    return true;
  }
}

export interface ScanEvents {
  /**
   * An element opened. Returning true asks to read what follows its start tag straight from the
   * text, through `raw`: a handler that knows the shape of what comes (a worksheet's rows) reads it
   * faster than it can be told it event by event.
   */
  open(name: string, attrs: Attributes): boolean | void;
  /**
   * Reads `s` from `from` (just after the start tag whose `open` returned true) and returns where
   * it stopped: there the scanner goes on, with the same elements open as at `from`. What it read
   * must be whole, well-formed elements; what it is not sure of it leaves to the scanner. Only
   * offered for text without a character XML forbids; `tabsOrLineEnds` says whether it has any
   * (attribute values need normalising only then), as the scanner found when it took the text in.
   */
  raw?(s: string, from: number, tabsOrLineEnds: boolean): number;
  close(name: string): void;
  /** Text and CDATA, entities decoded; absent when the part's text does not matter. */
  text?(text: string): void;
}

/** A fault in the XML: the message says what and (roughly) where. */
export class XmlScanError extends Error {}

/** Thrown by the scanner when it meets a DOCTYPE: the caller refuses the file as unsafe. */
export class DoctypeFound extends Error {}

// A Map, not an object: `&constructor;` must be unknown, not Object.prototype's.
const ENTITIES = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
]);

/** The value of a decimal (or hex) digit, or -1. */
function digitValue(c: number, hex: boolean): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (!hex) return -1;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** Decodes entity and character references; throws on one it does not know. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) throw new XmlScanError("bare & in text or attribute");
    let ch: string | undefined;
    if (s.charCodeAt(amp + 1) === 0x23 /* # */) {
      // A character reference, read digit by digit (generators that write only ASCII, openpyxl
      // among them, write every Vietnamese letter as one).
      const hex = s.charCodeAt(amp + 2) === 0x78; /* x */
      const digits = amp + (hex ? 3 : 2);
      let code = digits < semi ? 0 : -1;
      for (let i = digits; i < semi && code >= 0; i++) {
        const d = digitValue(s.charCodeAt(i), hex);
        code = d < 0 ? -1 : code * (hex ? 16 : 10) + d;
      }
      if (code >= 0) {
        const legal =
          code === 0x9 ||
          code === 0xa ||
          code === 0xd ||
          (code >= 0x20 && code <= 0xd7ff) ||
          (code >= 0xe000 && code <= 0xfffd) ||
          (code >= 0x10000 && code <= 0x10ffff);
        if (legal) ch = String.fromCodePoint(code);
      }
    } else {
      ch = ENTITIES.get(s.slice(amp + 1, semi));
    }
    if (ch === undefined) throw new XmlScanError(`unknown entity &${s.slice(amp + 1, semi).slice(0, 12)};`);
    out += s.slice(from, amp) + ch;
    from = semi + 1;
    amp = s.indexOf("&", from);
  }
  return out + s.slice(from);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/**
 * Reads start tags: the name, the attributes (into one reused list) and whether the tag closes
 * itself. Shared by the scanner and by handlers that read raw text (`ScanEvents.raw`), so both
 * accept and refuse exactly the same tags.
 */
export class StartTag {
  name = "";
  /** Where the tag ends (one past its `>`). */
  end = 0;
  selfClosing = false;
  readonly attrs = new Attributes();
  /** Whether values may hold tabs or line ends to turn into spaces (false when the text has none). */
  normalise = true;
  /** Whether values must be checked for characters XML does not allow (the text holds some). */
  checkValues = false;

  /** Reads the tag at `lt`; false when `s` ends before it does. Throws XmlScanError if it is malformed. */
  read(s: string, lt: number): boolean {
    const n = s.length;
    let i = lt + 1;
    let badName = false;
    for (; i < n; i++) {
      const k = s.charCodeAt(i);
      if (endsName(k)) break;
      if (k === 0x3c /* < */ || k === 0x26 /* & */) badName = true;
    }
    if (i >= n) return false;
    if (badName || i === lt + 1) throw new XmlScanError(`bad tag name after "<"`);
    const name = nameAt(s, lt + 1, i);
    const attrs = this.attrs;
    attrs.clear();
    for (;;) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return false;
      const c = s.charCodeAt(i);
      if (c === 0x3e /* > */) return this.done(name, i + 1, false);
      if (c === 0x2f /* / */) {
        if (i + 1 >= n) return false;
        if (s.charCodeAt(i + 1) !== 0x3e) throw new XmlScanError(`"/" not followed by ">" in <${name}>`);
        return this.done(name, i + 2, true);
      }
      const at = i;
      let bad = false;
      for (; i < n; i++) {
        const k = s.charCodeAt(i);
        if (endsName(k)) break;
        if (k === 0x3c /* < */ || k === 0x22 /* " */ || k === 0x27 /* ' */) bad = true;
      }
      if (i >= n) return false;
      if (bad || i === at) throw new XmlScanError(`bad attribute in <${name}>`);
      const attr = nameAt(s, at, i);
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return false;
      if (s.charCodeAt(i) !== 0x3d /* = */) throw new XmlScanError(`attribute ${attr} without a value`);
      i++;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return false;
      const q = s.charCodeAt(i);
      if (q !== 0x22 && q !== 0x27) throw new XmlScanError(`unquoted attribute ${attr}`);
      // Values are short: a loop finds the closing quote and notes `<` and `&` on the way, cheaper
      // than a search for each.
      let close = i + 1;
      let lessThan = false;
      let amp = false;
      for (; close < n; close++) {
        const k = s.charCodeAt(close);
        if (k === q) break;
        if (k === 0x3c /* < */) lessThan = true;
        else if (k === 0x26 /* & */) amp = true;
      }
      if (close >= n) return false;
      if (lessThan) throw new XmlScanError(`"<" in attribute ${attr}`);
      let value = s.slice(i + 1, close);
      if (this.checkValues) checkChars(value);
      // Attribute-value normalisation (§3.3.3): each tab or line end is a space; references are not.
      if (this.normalise && /[\t\n]/.test(value)) value = value.replace(/[\t\n]/g, " ");
      if (amp) value = decodeEntities(value);
      if (!attrs.add(attr, value)) throw new XmlScanError(`duplicate attribute ${attr} in <${name}>`);
      i = close + 1;
      const after = i < n ? s.charCodeAt(i) : -1;
      if (after >= 0 && !isSpace(after) && after !== 0x3e && after !== 0x2f) {
        throw new XmlScanError(`no space after attribute ${attr}`);
      }
    }
  }

  private done(name: string, end: number, selfClosing: boolean): true {
    this.name = name;
    this.end = end;
    this.selfClosing = selfClosing;
    return true;
  }
}

/**
 * The name between `start` and `end` of `s`. The names a sheet repeats on every cell come back as
 * constants instead of new strings: a sheet has hundreds of tags, and a slice per name is garbage.
 */
function nameAt(s: string, start: number, end: number): string {
  const n = end - start;
  if (n === 1) return ONE_LETTER_NAMES[s.charCodeAt(start)] ?? s.slice(start, end);
  if (n === 2 && s.startsWith("is", start)) return "is";
  if (n === 3 && s.startsWith("row", start)) return "row";
  return s.slice(start, end);
}

/** The one-letter names of a worksheet (cell, value, text, formula) and its attributes, by char code. */
const ONE_LETTER_NAMES: (string | undefined)[] = [];
for (const name of ["c", "v", "t", "f", "r", "s"]) ONE_LETTER_NAMES[name.charCodeAt(0)] = name;

/** Characters that end a name inside a tag. */
function endsName(c: number): boolean {
  return isSpace(c) || c === 0x3e /* > */ || c === 0x2f /* / */ || c === 0x3d; /* = */
}

interface Pending {
  kind: "tag" | "end tag" | "comment" | "CDATA" | "instruction";
  /** A tag's pieces so far. */
  parts: string[];
  /** Characters it has taken so far, for the limit. */
  size: number;
  /** The last characters seen of a comment, CDATA or instruction: its end may begin there. */
  tail: string;
  /** Inside a start tag: the quote of the attribute value the last piece ended in, or 0. */
  quote: number;
}

/** A comment, CDATA or instruction whose content starts at `from` in `s` and has not ended there. */
function skipping(kind: "comment" | "CDATA" | "instruction", s: string, from: number): Pending {
  const keep = kind === "instruction" ? 1 : 2;
  return { kind, parts: [], size: s.length - from, tail: s.slice(Math.max(from, s.length - keep)), quote: 0 };
}

/**
 * Where a start tag's `>` is in `s`, searching from `from` (quote-aware: `>` may stand in a quoted
 * value); -1 when `s` ends first, with `quote.q` then the quote still open.
 */
function tagEnd(s: string, from: number, quote: { q: number }): number {
  let q = quote.q;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (q !== 0) {
      if (c === q) q = 0;
    } else if (c === 0x22 || c === 0x27) {
      q = c;
    } else if (c === 0x3e /* > */) {
      quote.q = 0;
      return i;
    }
  }
  quote.q = q;
  return -1;
}

/** Characters XML 1.0 does not allow anywhere, not even as references (§2.2). */
const FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

function checkChars(s: string): void {
  if (FORBIDDEN.test(s)) throw new XmlScanError("a character XML does not allow");
}

function onlySpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

export class XmlScanner {
  private carry = "";
  private readonly stack: string[] = [];
  private rootSeen = false;
  private rootClosed = false;
  private started = false;
  /** A piece ended in `\r`: a `\n` starting the next one belongs to it. */
  private pendingCr = false;
  /**
   * A tag, comment, CDATA section or processing instruction cut by the end of a piece: its pieces
   * are kept (a tag's, to parse it once whole) or passed on (CDATA's text) or dropped (a comment's),
   * and only the new piece is searched for its end, so a long construct in many small pieces costs
   * time in proportion to its length, not to its length times the number of pieces.
   */
  private pending: Pending | undefined;
  /** Whether the piece being scanned has a tab or a line end: only then can a value need normalising. */
  private tabOrLineEnd = true;
  /** The piece being scanned holds a forbidden character: text, CDATA and values are checked. */
  private checkTokens = false;
  private readonly tag = new StartTag();
  /** The handler asked to read what follows the tag just opened itself (`ScanEvents.raw`). */
  private rawWanted = false;

  constructor(
    private readonly events: ScanEvents,
    private readonly maxCarry: number,
  ) {}

  /** Whether an element has been opened (a part with none is empty). */
  get sawRoot(): boolean {
    return this.rootSeen;
  }

  write(input: string): void {
    let piece = input;
    if (!this.started) {
      this.started = true;
      if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
    }
    // Line ends as XML reads them (§2.11): \r\n and a lone \r are \n, even when cut between pieces.
    if (this.pendingCr && piece.charCodeAt(0) === 0x0a) piece = piece.slice(1);
    this.pendingCr = piece.charCodeAt(piece.length - 1) === 0x0d;
    if (piece.indexOf("\r") >= 0) piece = piece.replace(/\r\n?/g, "\n");
    // A piece without a forbidden character needs no check token by token (the usual case, one
    // search of the whole piece); one with any is checked token by token, as far as it is read, so
    // that what is refused does not depend on where the inflater cut the part into pieces.
    this.checkTokens = FORBIDDEN.test(piece);
    this.tag.checkValues = this.checkTokens;
    this.tabOrLineEnd = piece.indexOf("\t") >= 0 || piece.indexOf("\n") >= 0;
    if (this.pending) {
      const done = this.resume(this.pending, piece);
      if (done < 0) return;
      piece = piece.slice(done);
    }
    // What is carried here is short: a `<` or `<!…` too short to tell, or a cut reference.
    const s = this.carry.length > 0 ? this.carry + piece : piece;
    this.carry = "";
    const rest = this.scan(s);
    if (rest < s.length) this.carry = s.slice(rest);
  }

  close(): void {
    if (this.pending) throw new XmlScanError(`unexpected end inside ${this.pending.kind}`);
    if (this.carry.length > 0) {
      if (this.carry.charCodeAt(0) === 0x3c /* < */) throw new XmlScanError("unexpected end inside a tag");
      this.textOut(this.carry);
      this.carry = "";
    }
    if (this.stack.length > 0) throw new XmlScanError(`unclosed tag <${this.stack[this.stack.length - 1]}>`);
  }

  /** Scans `s` as far as it can; returns where the unfinished rest begins. */
  private scan(s: string): number {
    let pos = 0;
    const n = s.length;
    while (pos < n) {
      // Tags mostly follow one another: no search when the next one starts right here.
      const lt = s.charCodeAt(pos) === 0x3c /* < */ ? pos : s.indexOf("<", pos);
      if (lt < 0) {
        // Text to the end: keep back a reference that may be cut (`&am` … `p;`).
        const amp = s.lastIndexOf("&");
        if (amp >= pos && s.indexOf(";", amp) < 0) {
          if (n - amp > 12) throw new XmlScanError("bare & in text or attribute");
          if (amp > pos) this.textOut(s.slice(pos, amp));
          return amp;
        }
        this.textOut(s.slice(pos));
        return n;
      }
      if (lt > pos) this.textOut(s.slice(pos, lt));
      if (lt + 1 >= n) return lt;
      const c = s.charCodeAt(lt + 1);
      if (c === 0x2f /* / */) {
        const gt = s.indexOf(">", lt + 2);
        if (gt < 0)
          return this.suspend({ kind: "end tag", parts: [s.slice(lt)], size: n - lt, tail: "", quote: 0 }, n);
        this.closeTag(s, lt + 2, gt);
        pos = gt + 1;
      } else if (c === 0x3f /* ? */) {
        const end = s.indexOf("?>", lt + 2);
        if (end < 0) return this.suspend(skipping("instruction", s, lt + 2), n);
        pos = end + 2;
      } else if (c === 0x21 /* ! */) {
        if (s.startsWith("<!--", lt)) {
          const end = s.indexOf("-->", lt + 4);
          if (end < 0) return this.suspend(skipping("comment", s, lt + 4), n);
          pos = end + 3;
        } else if (s.startsWith("<![CDATA[", lt)) {
          if (this.stack.length === 0) throw new XmlScanError("CDATA outside the root element");
          const end = s.indexOf("]]>", lt + 9);
          if (end < 0) {
            const p = skipping("CDATA", s, lt + 9);
            this.cdata(s.slice(lt + 9, n - p.tail.length));
            return this.suspend(p, n);
          }
          this.cdata(s.slice(lt + 9, end));
          pos = end + 3;
        } else if (n - lt < 9) {
          return lt;
        } else if (s.startsWith("<!DOCTYPE", lt)) {
          throw new DoctypeFound();
        } else {
          throw new XmlScanError(`unexpected markup ${JSON.stringify(s.slice(lt, lt + 9))}`);
        }
      } else {
        let end = this.openTag(s, lt);
        if (this.rawWanted) {
          this.rawWanted = false;
          end = (this.events.raw as NonNullable<ScanEvents["raw"]>)(s, end, this.tabOrLineEnd);
        }
        if (end < 0) {
          // Cut by the end of the piece: kept, with the quote it ends in, and parsed once it is whole.
          const quote = { q: 0 };
          tagEnd(s, lt + 1, quote);
          return this.suspend(
            { kind: "tag", parts: [s.slice(lt)], size: n - lt, tail: "", quote: quote.q },
            n,
          );
        }
        pos = end;
      }
    }
    return n;
  }

  private cdata(data: string): void {
    if (this.checkTokens) checkChars(data);
    if (data.length > 0) this.events.text?.(data);
  }

  private suspend(p: Pending, n: number): number {
    if (p.size > this.maxCarry) throw new XmlScanError("a construct longer than the limit");
    this.pending = p;
    return n;
  }

  /** Goes on with a construct cut by the last piece; returns where it ends in `piece`, or -1. */
  private resume(p: Pending, piece: string): number {
    p.size += piece.length;
    if (p.kind === "tag" || p.kind === "end tag") {
      const quote = { q: p.quote };
      const gt = p.kind === "tag" ? tagEnd(piece, 0, quote) : piece.indexOf(">");
      if (gt < 0) {
        if (p.size > this.maxCarry) throw new XmlScanError("a construct longer than the limit");
        p.parts.push(piece);
        p.quote = quote.q;
        return -1;
      }
      this.pending = undefined;
      const whole = p.parts.join("") + piece.slice(0, gt + 1);
      if (p.kind === "end tag") this.closeTag(whole, 2, whole.length - 1);
      else {
        // Its earlier pieces may have had tabs, line ends or forbidden characters that this one has not.
        this.tabOrLineEnd = true;
        this.tag.checkValues = true;
        if (this.openTag(whole, 0) < 0) throw new XmlScanError("a tag that ends too soon");
        // A tag cut across pieces is not followed by raw reading: what follows is in another string.
        this.rawWanted = false;
      }
      return gt + 1;
    }
    const term = p.kind === "comment" ? "-->" : p.kind === "CDATA" ? "]]>" : "?>";
    const joined = p.tail + piece;
    const k = joined.indexOf(term);
    if (k < 0) {
      if (p.size > this.maxCarry) throw new XmlScanError("a construct longer than the limit");
      p.tail = joined.slice(Math.max(0, joined.length - (term.length - 1)));
      if (p.kind === "CDATA") this.cdata(joined.slice(0, joined.length - p.tail.length));
      return -1;
    }
    this.pending = undefined;
    if (p.kind === "CDATA") this.cdata(joined.slice(0, k));
    return k + term.length - p.tail.length;
  }

  private textOut(t: string): void {
    if (this.checkTokens) checkChars(t);
    if (this.stack.length === 0) {
      if (!onlySpace(t)) throw new XmlScanError("text outside the root element");
      return;
    }
    const text = this.events.text;
    if (text) text(decodeEntities(t));
    else if (t.indexOf("&") >= 0) decodeEntities(t);
  }

  /** The end tag whose name (and any space after it) is `s` from `start` to `end`. */
  private closeTag(s: string, start: number, end: number): void {
    while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
    const open = this.stack.pop();
    // Compared in place: the open tag's name is the one passed on, so no string is made per end tag.
    if (open === undefined || open.length !== end - start || !s.startsWith(open, start)) {
      const name = s.slice(start, end);
      throw new XmlScanError(
        open === undefined ? `close tag </${name}> with nothing open` : `</${name}> closes <${open}>`,
      );
    }
    if (this.stack.length === 0) this.rootClosed = true;
    this.events.close(open);
  }

  /** A start tag at `lt`; returns where it ends, or -1 when `s` ends first (nothing is emitted then). */
  private openTag(s: string, lt: number): number {
    const tag = this.tag;
    tag.normalise = this.tabOrLineEnd;
    if (!tag.read(s, lt)) return -1;
    this.opened(tag.name, tag.attrs, tag.selfClosing);
    return tag.end;
  }

  private opened(name: string, attrs: Attributes, selfClosing: boolean): void {
    if (this.stack.length === 0) {
      if (this.rootClosed) throw new XmlScanError("a second root element");
      this.rootSeen = true;
    }
    this.stack.push(name);
    if (this.events.open(name, attrs) === true && !selfClosing && !this.checkTokens) this.rawWanted = true;
    if (selfClosing) {
      this.stack.pop();
      if (this.stack.length === 0) this.rootClosed = true;
      this.events.close(name);
    }
  }

  /** Open elements, for a depth limit. */
  get depth(): number {
    return this.stack.length;
  }
}
