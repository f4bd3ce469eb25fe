import { strToU8, zipSync, type Zippable } from "fflate";

/*
 * Workbooks built by hand, part by part, for the cases no well-behaved writer produces.
 * Everything is generated in the test: no binary fixtures are committed.
 */

export const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface HandSheet {
  name: string;
  /** The whole worksheet part, or just the inside of <sheetData>. */
  xml?: string;
  rows?: string;
  /** Table parts of this sheet: their whole XML. */
  tables?: string[];
}

export interface HandBook {
  sheets: HandSheet[];
  sharedStrings?: string[] | string;
  styles?: string;
  /** Inside <workbook> after <sheets>: e.g. <definedNames>. */
  workbookExtra?: string;
  workbookPr?: string;
  /** Replace or add raw parts (path → text or bytes); `null` removes a part. */
  parts?: Record<string, string | Uint8Array | null>;
}

export function sheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetData>${rows}</sheetData></worksheet>`;
}

export function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function tableXml(name: string, ref: string, columns: string[]): string {
  const cols = columns.map((c, i) => `<tableColumn id="${i + 1}" name="${xmlEscape(c)}"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS}" id="1" name="${name}" displayName="${name}" ref="${ref}">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${cols}</tableColumns></table>`
  );
}

/** The parts of a minimal, valid workbook. */
export function handParts(book: HandBook): Record<string, string | Uint8Array> {
  const parts: Record<string, string | Uint8Array> = {};
  parts["[Content_Types].xml"] =
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
  parts["_rels/.rels"] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wbRels: string[] = [];
  const sheetEls: string[] = [];
  let tableNo = 0;
  book.sheets.forEach((s, i) => {
    const n = i + 1;
    wbRels.push(`<Relationship Id="rId${n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    sheetEls.push(`<sheet name="${xmlEscape(s.name)}" sheetId="${n}" r:id="rId${n}"/>`);
    parts[`xl/worksheets/sheet${n}.xml`] = s.xml ?? sheetXml(s.rows ?? "");
    if (s.tables?.length) {
      const rels = s.tables.map((t) => {
        tableNo++;
        parts[`xl/tables/table${tableNo}.xml`] = t;
        return `<Relationship Id="rId${tableNo}" Type="${REL_NS}/table" Target="../tables/table${tableNo}.xml"/>`;
      });
      parts[`xl/worksheets/_rels/sheet${n}.xml.rels`] =
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${rels.join("")}</Relationships>`;
    }
  });
  let next = book.sheets.length + 1;
  if (book.sharedStrings !== undefined) {
    wbRels.push(
      `<Relationship Id="rId${next++}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`,
    );
    parts["xl/sharedStrings.xml"] =
      typeof book.sharedStrings === "string"
        ? book.sharedStrings
        : `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">` +
          book.sharedStrings.map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`).join("") +
          `</sst>`;
  }
  if (book.styles !== undefined) {
    wbRels.push(`<Relationship Id="rId${next++}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
    parts["xl/styles.xml"] = book.styles;
  }
  parts["xl/_rels/workbook.xml.rels"] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${wbRels.join("")}</Relationships>`;
  parts["xl/workbook.xml"] =
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}">${book.workbookPr ?? ""}` +
    `<sheets>${sheetEls.join("")}</sheets>${book.workbookExtra ?? ""}</workbook>`;
  for (const [path, content] of Object.entries(book.parts ?? {})) {
    if (content === null) delete parts[path];
    else parts[path] = content;
  }
  return parts;
}

export function zipParts(parts: Record<string, string | Uint8Array>, level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  const z: Zippable = {};
  for (const [path, content] of Object.entries(parts)) {
    z[path] = [typeof content === "string" ? strToU8(content) : content, { level }];
  }
  return zipSync(z);
}

export function handBook(book: HandBook): Uint8Array {
  return zipParts(handParts(book));
}

/** Styles whose cellXfs are the given number format ids, with the given custom formats. */
export function stylesXml(xfNumFmtIds: number[], custom: Record<number, string> = {}): string {
  const fmts = Object.entries(custom)
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}">` +
    (fmts ? `<numFmts count="${Object.keys(custom).length}">${fmts}</numFmts>` : "") +
    `<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfNumFmtIds.length}">${xfNumFmtIds.map((id) => `<xf numFmtId="${id}" xfId="0"/>`).join("")}</cellXfs>` +
    `<dxfs count="1"><dxf><numFmt numFmtId="170" formatCode="0.0%"/></dxf></dxfs></styleSheet>`
  );
}
