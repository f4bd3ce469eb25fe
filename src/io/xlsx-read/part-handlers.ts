import type { DefinedName } from "../../core/grid";
import { columnLetters, nfc, ownString } from "../../core/text";
import { tooLarge } from "./failure";
import type { XlsxLimits } from "./limits";
import { builtinFormat } from "./builtin-formats";
import { StopParsing, type Attributes, type XmlHandler } from "./xml-part";

/*
 * Handlers for the small parts: relationships, the workbook, styles, shared strings, tables.
 * Each keeps only what a submission needs and stops as soon as it has it.
 */

export interface Relationship {
  id: string;
  /** Last segment of the type URI (`worksheet`, `sharedStrings`…): transitional and strict OOXML agree on it. */
  type: string;
  /** Zip path of the target, resolved against the source part. */
  target: string;
}

/** Resolves a relationship target against the folder of its source part. */
export function resolvePath(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export class RelsHandler implements XmlHandler {
  rels: readonly Relationship[] = [];
  private readonly found: Relationship[] = [];
  constructor(private readonly sourcePart: string) {
    this.rels = this.found;
  }

  memoKind(): string {
    return `rels\u0000${this.sourcePart}`;
  }
  keepResult(): unknown {
    return this.rels;
  }
  adoptResult(kept: unknown): void {
    this.rels = kept as readonly Relationship[];
  }

  open(name: string, a: Attributes): void {
    if (name !== "Relationship" || a.get("TargetMode") === "External") return;
    const id = a.get("Id");
    const type = a.get("Type");
    const target = a.get("Target");
    if (id === undefined || type === undefined || target === undefined) return;
    this.found.push({
      id,
      type: type.slice(type.lastIndexOf("/") + 1),
      target: resolvePath(this.sourcePart, target),
    });
  }
  close(): void {}
}

export interface SheetEntry {
  name: string;
  relId: string | undefined;
}

export class WorkbookHandler implements XmlHandler {
  sheets: SheetEntry[] = [];
  names: DefinedName[] = [];
  date1904 = false;
  /** The defined name being read (its `name` and `localSheetId`, kept for when its text has come). */
  private definedName: { name: string | undefined; localSheetId: string | undefined } | undefined;
  private nameText = "";
  /** Elements open, the root included: the workbook's own properties are its root's child. */
  private depth = 0;

  open(name: string, a: Attributes): void {
    this.depth++;
    // Only the main namespace's <workbookPr>, a child of the root, says which date system the
    // workbook uses. Excel 2013 and later write an `x15:workbookPr` too, inside <extLst> after it,
    // without `date1904`: taken for the real one, it would put every date of a Mac workbook
    // four years off. Names are local here (prefixes dropped), so the place tells them apart.
    if (name === "workbookPr") {
      if (this.depth !== 2) return;
      const d = a.get("date1904");
      this.date1904 = d === "1" || d === "true";
    } else if (name === "sheet") {
      // The relationship id is `r:id`, whatever prefix the file binds to the relationships namespace.
      this.sheets.push({ name: nfc(a.get("name") ?? ""), relId: a.endingWith(":id") });
    } else if (name === "definedName") {
      this.definedName = { name: a.get("name"), localSheetId: a.get("localSheetId") };
      this.nameText = "";
    }
  }

  text(t: string): void {
    if (this.definedName) this.nameText += t;
  }

  memoKind(): string {
    return "workbook";
  }
  keepResult(): unknown {
    return { sheets: this.sheets, names: this.names, date1904: this.date1904 };
  }
  adoptResult(kept: unknown): void {
    ({ sheets: this.sheets, names: this.names, date1904: this.date1904 } = kept as WorkbookHandler);
  }

  close(name: string): void {
    this.depth--;
    if (name === "definedName" && this.definedName) {
      const d = this.definedName;
      this.definedName = undefined;
      const n = d.name;
      // Sheet-local names and Excel's own (`_xlnm.Print_Titles`…) are not the contract's names.
      if (n === undefined || d.localSheetId !== undefined || /^_xlnm\./i.test(n)) return;
      const ref = parseCellReference(this.nameText);
      if (ref) this.names.push({ name: nfc(n), ...ref });
    } else if (name === "definedNames") {
      throw StopParsing.instance;
    }
  }
}

const CELL_OR_RANGE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
  return n;
}

/**
 * `'Chỉ tiêu'!$C$3` → sheet and cell; a range gives its top-left cell. Anything else (a formula, a
 * constant, several areas, whole rows or columns, another workbook, `#REF!`) is not a cell: undefined.
 */
export function parseCellReference(text: string): { sheet: string; cell: string } | undefined {
  let s = text.trim();
  if (s.startsWith("=")) s = s.slice(1);
  let sheet: string;
  let rest: string;
  if (s.startsWith("'")) {
    let i = 1;
    sheet = "";
    for (; i < s.length; i++) {
      if (s[i] === "'") {
        if (s[i + 1] !== "'") break;
        i++;
      }
      sheet += s[i];
    }
    if (s[i] !== "'" || s[i + 1] !== "!") return undefined;
    rest = s.slice(i + 2);
  } else {
    const bang = s.indexOf("!");
    if (bang <= 0) return undefined;
    sheet = s.slice(0, bang);
    rest = s.slice(bang + 1);
    if (/[\s'"!()[\],;:+\-*/&=<>^{}]/.test(sheet)) return undefined;
  }
  if (sheet === "" || sheet.startsWith("[")) return undefined;
  const m = CELL_OR_RANGE.exec(rest);
  if (!m) return undefined;
  let col = columnNumber(m[1]!);
  let row = Number(m[2]);
  if (m[3] !== undefined) {
    col = Math.min(col, columnNumber(m[3]));
    row = Math.min(row, Number(m[4]));
  }
  if (row < 1 || col > 16_384) return undefined;
  return { sheet: nfc(sheet), cell: `${columnLetters(col)}${row}` };
}

/** Number format code by cell style index (`s`), undefined for General. */
export class StylesHandler implements XmlHandler {
  private readonly custom = new Map<number, string>();
  private readonly xfIds: number[] = [];
  private where: "numFmts" | "cellXfs" | undefined;
  private adopted: readonly (string | undefined)[] | undefined;

  memoKind(): string {
    return "styles";
  }
  keepResult(): unknown {
    return this.formats();
  }
  adoptResult(kept: unknown): void {
    this.adopted = kept as readonly (string | undefined)[];
  }

  open(name: string, a: Attributes): void {
    if (name === "numFmts" || name === "cellXfs") this.where = name;
    else if (name === "numFmt" && this.where === "numFmts") {
      const id = Number(a.get("numFmtId"));
      const code = a.get("formatCode");
      if (Number.isInteger(id) && code !== undefined) this.custom.set(id, code);
    } else if (name === "xf" && this.where === "cellXfs") {
      const id = Number(a.get("numFmtId") ?? 0);
      this.xfIds.push(Number.isInteger(id) ? id : 0);
    }
  }

  close(name: string): void {
    if (name === "numFmts") this.where = undefined;
    else if (name === "cellXfs") throw StopParsing.instance;
  }

  /** Format code of every cell style. */
  formats(): (string | undefined)[] {
    if (this.adopted) return this.adopted as (string | undefined)[];
    return this.xfIds.map((id) => {
      const code = this.custom.get(id) ?? builtinFormat(id);
      return code === undefined || code === "General" ? undefined : code;
    });
  }
}

/** Excel writes characters XML cannot hold as `_xHHHH_` (and a literal `_x` as `_x005F_x`). */
export function decodeOoxmlEscapes(s: string): string {
  return s.includes("_x")
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s;
}

/**
 * Shared strings, rich text runs joined, phonetic runs left out. Only the strings some cell uses
 * are kept (the others are "" placeholders, so indexes hold), and reading stops after the last.
 */
export class SharedStringsHandler implements XmlHandler {
  readonly strings: string[] = [];
  private inSi = false;
  private inT = false;
  private phonetic = 0;
  private current = "";
  private length = 0;
  private keep = false;

  constructor(
    private readonly part: string,
    private readonly limits: XlsxLimits,
    /** Whether each index is used by a cell; its length is one past the last index used. */
    private readonly used: Uint8Array,
  ) {}

  open(name: string): void {
    if (name === "si") {
      this.inSi = true;
      this.current = "";
      this.length = 0;
      this.keep = this.used[this.strings.length] === 1;
    } else if (name === "t") this.inT = this.inSi && this.phonetic === 0;
    else if (name === "rPh") this.phonetic++;
  }

  text(t: string): void {
    if (!this.inT) return;
    this.length += t.length;
    if (this.length > this.limits.maxCellText) {
      throw tooLarge("maxCellText", this.limits.maxCellText, this.part, `#${this.strings.length}`);
    }
    if (this.keep) this.current += t;
  }

  close(name: string): void {
    if (name === "t") this.inT = false;
    else if (name === "rPh") this.phonetic--;
    else if (name === "si") {
      this.inSi = false;
      if (this.strings.length >= this.limits.maxSharedStrings) {
        throw tooLarge("maxSharedStrings", this.limits.maxSharedStrings, this.part);
      }
      this.strings.push(this.keep ? ownString(nfc(decodeOoxmlEscapes(this.current))) : "");
      if (this.strings.length >= this.used.length) throw StopParsing.instance;
    }
  }
}

/** The root of a table part: its names and range; nothing after it is needed. */
export class TableHandler implements XmlHandler {
  /** The name Excel shows and formulas use. */
  displayName: string | undefined;
  /** The internal name; usually the same, but some writers set only this one. */
  name: string | undefined;
  ref: string | undefined;

  memoKind(): string {
    return "table";
  }
  keepResult(): unknown {
    return { displayName: this.displayName, name: this.name, ref: this.ref };
  }
  adoptResult(kept: unknown): void {
    ({ displayName: this.displayName, name: this.name, ref: this.ref } = kept as TableHandler);
  }

  open(name: string, a: Attributes): void {
    if (name !== "table") return;
    this.displayName = a.get("displayName");
    this.name = a.get("name");
    this.ref = a.get("ref");
    throw StopParsing.instance;
  }
  close(): void {}
}
