import type { Grid, SourceDoc, TableInfo } from "../../core/grid";
import { columnLetters, nfc } from "../../core/text";
import {
  bi,
  corrupt,
  emptyFile,
  notXlsx,
  tooLarge,
  XlsxError,
  type Bilingual,
  type XlsxFailure,
} from "./failure";
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from "./limits";
import {
  RelsHandler,
  SharedStringsHandler,
  StylesHandler,
  TableHandler,
  WorkbookHandler,
  relsPathOf,
  type Relationship,
} from "./part-handlers";
import { SheetContext, SheetReader } from "./sheet-reader";
import { isZip, notAZip, zipKind } from "../sniff";
import { PartMemo } from "./part-memo";
import { parseXmlPart, type XmlHandler } from "./xml-part";
import { InflateBudget, ZipArchive, type ZipCodec } from "./zip-archive";

export interface XlsxReadOptions {
  /**
   * Tables the caller needs (e.g. `["ChiTieu"]`, matched ignoring case as Excel does). When one
   * of them exists, only the sheets holding them, and those the workbook's defined names point at,
   * are parsed; otherwise every sheet is.
   */
  tables?: string[];
  limits?: Partial<XlsxLimits>;
}

export type XlsxReadResult =
  | { ok: true; doc: SourceDoc }
  | {
      ok: false;
      reason: XlsxFailure;
      message: Bilingual;
      /** The zip part where it went wrong, when there is one. */
      part?: string;
      /** The limit exceeded, for `too-large`. */
      limit?: keyof XlsxLimits;
    };

/**
 * What a reader carries from one reading to the next; the module keeps nothing of its own, so two
 * readers in one process (two worker contexts, a test beside the engine) cannot see each other.
 */
export interface XlsxReaderContext {
  /** A faster inflater a platform lends (Node's zlib, ../node/zip-codec); fflate otherwise. */
  codec?: ZipCodec;
  /**
   * The memo of parts read before (./part-memo): a new one when none is given, or none at all
   * (`false`) for a reader whose files share nothing.
   */
  memo?: PartMemo | false;
}

export interface XlsxReader {
  /** `readXlsx`, with this reader's codec and memo. */
  read(bytes: Uint8Array, file: string, options?: XlsxReadOptions): XlsxReadResult;
  /** This reader's memo, if it has one (for tests and the curious: what it recorded and played back). */
  readonly memo: PartMemo | undefined;
}

interface ReadContext {
  codec: ZipCodec | undefined;
  memo: PartMemo | undefined;
}

/**
 * A reader for many files, as the engine's callers make one per thread: what it reads is the same
 * as `readXlsx` reads, only faster when its files share parts (a province's submissions made from
 * one template).
 */
export function createXlsxReader(context: XlsxReaderContext = {}): XlsxReader {
  const ctx: ReadContext = {
    codec: context.codec,
    memo: context.memo === false ? undefined : (context.memo ?? new PartMemo()),
  };
  return { read: (bytes, file, options) => readWith(ctx, bytes, file, options), memo: ctx.memo };
}

/**
 * Reads an .xlsx file into a source document. Never throws: a file that cannot be read gives
 * `{ ok: false }` with the reason and a message in Vietnamese and English. Runs anywhere
 * (Node, browser, Web Worker): bytes in, plain objects out. A reading of its own, sharing nothing
 * with any other: many files are read faster by one `createXlsxReader`.
 */
export function readXlsx(bytes: Uint8Array, file: string, options: XlsxReadOptions = {}): XlsxReadResult {
  return readWith({ codec: undefined, memo: undefined }, bytes, file, options);
}

function readWith(
  reading: ReadContext,
  bytes: Uint8Array,
  file: string,
  options: XlsxReadOptions = {},
): XlsxReadResult {
  // A limit passed as undefined keeps its default rather than switching the check off. Without
  // any, the defaults themselves: the same object every time, which the part memo recognises.
  let limits: XlsxLimits = DEFAULT_XLSX_LIMITS;
  if (options.limits) {
    limits = { ...DEFAULT_XLSX_LIMITS };
    for (const k of Object.keys(limits) as (keyof XlsxLimits)[]) {
      const v = options.limits[k];
      if (typeof v === "number" && !Number.isNaN(v)) limits[k] = v;
    }
  }
  try {
    return { ok: true, doc: read(reading, bytes, file, limits, options.tables) };
  } catch (e) {
    const err =
      e instanceof XlsxError ? e : corrupt(undefined, unexpected(e instanceof Error ? e.message : String(e)));
    const result: XlsxReadResult = { ok: false, reason: err.reason, message: err.text };
    if (err.part !== undefined) result.part = err.part;
    if (err.limit !== undefined) result.limit = err.limit;
    return result;
  }
}

interface SheetPart {
  name: string;
  /** Zip path of the worksheet; undefined for chart sheets and other sheets without cells. */
  part: string | undefined;
}

class Reader {
  readonly budget: InflateBudget;
  constructor(
    readonly zip: ZipArchive,
    readonly limits: XlsxLimits,
    private readonly memo: PartMemo | undefined,
  ) {
    this.budget = new InflateBudget(limits);
  }

  /** Parses a part if it exists; false when it does not. */
  parse(path: string, handler: XmlHandler): boolean {
    const entry = this.zip.get(path) ?? this.zip.get(safeDecode(path));
    if (!entry) return false;
    parseXmlPart(this.zip, entry, this.budget, this.limits, handler, this.memo);
    return true;
  }

  /** Parses a part the workbook says is there: its absence means the file is damaged. */
  parseRequired(path: string, handler: XmlHandler, what: Bilingual): void {
    if (!this.parse(path, handler)) throw corrupt(path, bi(`thiếu ${what.vi}`, `${what.en} is missing`));
  }

  /** A part's relationships; `required` for the workbook's, without which no sheet can be found. */
  rels(part: string, required = false): readonly Relationship[] {
    const h = new RelsHandler(part);
    const path = relsPathOf(part);
    if (required)
      this.parseRequired(path, h, bi("phần quan hệ của sổ làm việc", "the workbook's relationships part"));
    else this.parse(path, h);
    return h.rels;
  }

  exists(path: string): boolean {
    return this.zip.get(path) !== undefined || this.zip.get(safeDecode(path)) !== undefined;
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function read(
  reading: ReadContext,
  bytes: Uint8Array,
  file: string,
  limits: XlsxLimits,
  wanted: string[] | undefined,
): SourceDoc {
  if (bytes.length === 0) throw emptyFile();
  if (bytes.length > limits.maxFileBytes) throw tooLarge("maxFileBytes", limits.maxFileBytes);
  if (!isZip(bytes)) throw notAZip(bytes);
  const r = new Reader(ZipArchive.open(bytes, limits, reading.codec), limits, reading.memo);

  const workbookPart = findWorkbook(r);
  const wbRels = r.rels(workbookPart, true);
  const wb = new WorkbookHandler();
  r.parse(workbookPart, wb);

  const relById = new Map(wbRels.map((x) => [x.id, x]));
  const sheets: SheetPart[] = wb.sheets.map((s) => {
    const rel = s.relId === undefined ? undefined : relById.get(s.relId);
    // Chart sheets, dialog sheets and macro sheets hold no cells; Excel gives some of them (VBA
    // modules, Excel 4 macro sheets) an empty `r:id`, or one no relationship answers to.
    if (!rel || rel.type !== "worksheet") return { name: s.name, part: undefined };
    if (!r.exists(rel.target)) {
      throw corrupt(
        rel.target,
        bi(`thiếu phần dữ liệu của trang '${s.name}'`, `the part of sheet '${s.name}' is missing`),
      );
    }
    return { name: s.name, part: rel.target };
  });

  const tables: TableInfo[] = [];
  /** Every name a table answers to (display name and internal name, case folded), by sheet index. */
  const tableKeys: Set<string>[] = sheets.map(() => new Set());
  sheets.forEach((s, i) => {
    if (!s.part) return;
    for (const rel of r.rels(s.part)) {
      if (rel.type !== "table") continue;
      const t = new TableHandler();
      r.parseRequired(rel.target, t, bi(`một bảng của trang '${s.name}'`, `a table of sheet '${s.name}'`));
      const name = t.displayName ?? t.name;
      if (name === undefined || t.ref === undefined) continue;
      tables.push({ name: nfc(name), sheet: s.name, ref: t.ref });
      for (const n of [t.displayName, t.name]) if (n) tableKeys[i]!.add(key(n));
    }
  });

  let chosen = sheets.map((s, i) => (s.part ? i : -1)).filter((i) => i >= 0);
  if (wanted && wanted.length > 0) {
    const keys = wanted.map(key);
    const holding = chosen.filter((i) => keys.some((k) => tableKeys[i]!.has(k)));
    // The sheets the workbook's names point at come too: the unit and the period may sit on a
    // sheet of their own beside the table's.
    const named = new Set(wb.names.map((n) => n.sheet));
    if (holding.length > 0) chosen = chosen.filter((i) => holding.includes(i) || named.has(sheets[i]!.name));
  }

  const byType = (type: string): string | undefined => wbRels.find((x) => x.type === type)?.target;
  const stylesPart = byType("styles");
  const styles = new StylesHandler();
  // A workbook whose styles part is gone still holds its values: they are read with no number
  // formats rather than the whole file refused.
  if (stylesPart) r.parse(stylesPart, styles);

  const ctx = new SheetContext(limits, styles.formats(), wb.date1904);
  const grids: Grid[] = [];
  for (const i of chosen) {
    const s = sheets[i]!;
    const reader = new SheetReader(ctx, s.name, s.part!);
    r.parse(s.part!, reader);
    grids.push(reader.grid());
  }

  if (ctx.sharedCells.length > 0) resolveSharedStrings(r, byType("sharedStrings"), ctx, limits);

  return {
    file,
    format: "xlsx",
    sheets: grids,
    sheetNames: sheets.map((s) => s.name),
    names: wb.names,
    tables,
  };
}

function unexpected(said: string): Bilingual {
  return bi(`lỗi không lường trước (${said})`, `unexpected error (${said})`);
}

function key(name: string): string {
  return nfc(name).toLowerCase();
}

/** The workbook part: where the package's relationships say, or where Excel puts it. */
function findWorkbook(r: Reader): string {
  const main = r.rels("").find((x) => x.type === "officeDocument");
  const candidates = [main?.target, "xl/workbook.xml"];
  for (const c of candidates) {
    if (c === undefined || !r.exists(c)) continue;
    if (c.toLowerCase().endsWith(".bin")) throw notXlsx("xlsb");
    return c;
  }
  throw notXlsx(zipKind(r.zip.names));
}

/**
 * Shared strings are read after the sheets, and only as far as the highest index those sheets use:
 * a summary's string table can be large while the sheet a submission needs uses its first entries.
 */
function resolveSharedStrings(
  r: Reader,
  part: string | undefined,
  ctx: SheetContext,
  limits: XlsxLimits,
): void {
  const used = new Uint8Array(ctx.maxShared + 1);
  for (const i of ctx.sharedIndexes) used[i] = 1;
  const h = new SharedStringsHandler(part ?? "xl/sharedStrings.xml", limits, used);
  if (part) r.parseRequired(part, h, bi("phần chuỗi dùng chung", "the shared strings part"));
  const strings = h.strings;
  for (let i = 0; i < ctx.sharedCells.length; i++) {
    const s = strings[ctx.sharedIndexes[i]!];
    if (s === undefined) {
      const cell = `'${ctx.sharedSheet[i]}'!${columnLetters(ctx.sharedCol[i]!)}${ctx.sharedRow[i]}`;
      const n = ctx.sharedIndexes[i];
      throw corrupt(
        part ?? "xl/sharedStrings.xml",
        bi(
          `ô ${cell} dùng chuỗi số ${n} nhưng tệp chỉ có ${strings.length} chuỗi`,
          `cell ${cell} refers to shared string #${n}, but there are ${strings.length}`,
        ),
      );
    }
    ctx.sharedCells[i]!.value = s;
  }
}
