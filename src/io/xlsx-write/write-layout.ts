import type { NameLayout, SheetLayout, WorkbookLayout } from "../../core/layout/types";
import { CHART_CONTENT_TYPE, CHART_REL_TYPE, DRAWING_CONTENT_TYPE } from "./charts";
import { commentsXml, vmlBlocks, vmlXml } from "./notes";
import { SharedStrings } from "./shared-strings";
import {
  REL_TYPE,
  writeSheet,
  type Relationship,
  type SheetPart,
  type WorkbookContext,
} from "./sheet-writer";
import { StyleTable } from "./styles";
import { THEME_XML } from "./theme";
import { zip, type Deflate, type ZipEntry } from "./zip-writer";
import { escapeAttr, escapeMarkup, NS_MAIN, NS_PKG_REL, NS_REL, XML_DECLARATION } from "./xml-escape";

/*
 * A lean writer of our own layouts to .xlsx: the layout model is small and fixed, so the OOXML it
 * needs is too. The cells go straight into bytes (bytes.ts); the other parts are short strings; the
 * zip is put together here around fflate's deflate, or a faster one the caller passes. Synchronous
 * and free of Node APIs: it runs the same in Node, in the browser and in a Web Worker.
 */

export interface WriteOptions {
  /**
   * The date stamped on the document properties and the zip entries. Fixed by default, so the
   * same layout always gives the same bytes.
   */
  date?: Date;
  /**
   * Deflate level of the zip entries (0 stores them); 3 by default: on a national summary it
   * deflates twice as fast as 6 for a file under a tenth larger.
   */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /**
   * A faster raw deflate than fflate's where the platform has one (Node's zlib, through
   * `writeLayoutXlsxNode`): deflating is most of the time spent on a large workbook.
   */
  deflate?: Deflate;
}

/** The default stamp: any fixed moment will do; this one is the start of the 2026–2030 plan period. */
export const DEFAULT_DATE = new Date(Date.UTC(2026, 0, 1));

const CONTENT_TYPE = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  theme: "application/vnd.openxmlformats-officedocument.theme+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
} as const;

/** Renders a layout to the bytes of an .xlsx file. Throws only on a layout Excel could not open. */
export function writeLayoutXlsx(layout: WorkbookLayout, options: WriteOptions = {}): Uint8Array {
  return zip(layoutEntries(layout, options), options.date ?? DEFAULT_DATE, options.deflate);
}

/**
 * The parts of the .xlsx file of a layout, not yet deflated or zipped: for a caller that deflates
 * them elsewhere (Node's thread pool) and zips them with `zipDeflated`.
 */
export function layoutEntries(
  layout: WorkbookLayout,
  options: Omit<WriteOptions, "deflate"> = {},
): ZipEntry[] {
  checkSheetNames(layout.sheets);
  const date = options.date ?? DEFAULT_DATE;
  const ctx: WorkbookContext = {
    styles: new StyleTable(),
    strings: new SharedStrings(),
    names: new Set(layout.names.map((n) => n.name.toLowerCase())),
    tableCount: 0,
    chartCount: 0,
  };
  const sheets = layout.sheets.map((s, i) => writeSheet(s, i + 1, ctx));

  const enc = new TextEncoder();
  const level = options.level ?? 3;
  const files: ZipEntry[] = [];
  const overrides: [string, string][] = [["/xl/workbook.xml", CONTENT_TYPE.workbook]];
  const put = (path: string, xml: string | Uint8Array, contentType?: string): void => {
    files.push({ name: path, data: typeof xml === "string" ? enc.encode(xml) : xml, level });
    if (contentType) overrides.push([`/${path}`, contentType]);
  };

  // [Content_Types].xml first, as Excel writes it; its text is known only at the end.
  const contentTypes: ZipEntry = { name: "[Content_Types].xml", data: new Uint8Array(0), level };
  files.push(contentTypes);
  put(
    "_rels/.rels",
    relsXml([
      { id: "rId1", type: `${NS_REL}/officeDocument`, target: "xl/workbook.xml" },
      {
        id: "rId2",
        type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        target: "docProps/core.xml",
      },
      { id: "rId3", type: `${NS_REL}/extended-properties`, target: "docProps/app.xml" },
    ]),
  );
  put("docProps/core.xml", coreXml(layout, date), CONTENT_TYPE.core);
  put("docProps/app.xml", appXml(layout), CONTENT_TYPE.app);

  const sheetCount = layout.sheets.length;
  const workbookRels: Relationship[] = layout.sheets.map((_, i) => ({
    id: `rId${i + 1}`,
    type: REL_TYPE.worksheet,
    target: `worksheets/sheet${i + 1}.xml`,
  }));
  workbookRels.push({ id: `rId${sheetCount + 1}`, type: REL_TYPE.styles, target: "styles.xml" });
  workbookRels.push({ id: `rId${sheetCount + 2}`, type: REL_TYPE.theme, target: "theme/theme1.xml" });
  if (ctx.strings.size > 0)
    workbookRels.push({
      id: `rId${sheetCount + 3}`,
      type: REL_TYPE.sharedStrings,
      target: "sharedStrings.xml",
    });
  put("xl/workbook.xml", workbookXml(layout));
  put("xl/_rels/workbook.xml.rels", relsXml(workbookRels));

  let vmlBlock = 1;
  sheets.forEach((part: SheetPart, i) => {
    const no = i + 1;
    put(`xl/worksheets/sheet${no}.xml`, part.xml, CONTENT_TYPE.worksheet);
    if (part.rels.length > 0) put(`xl/worksheets/_rels/sheet${no}.xml.rels`, relsXml(part.rels));
    if (part.notes.length > 0) {
      const sheet = layout.sheets[i] as SheetLayout;
      put(`xl/comments${no}.xml`, commentsXml(part.notes), CONTENT_TYPE.comments);
      const geometry = { columns: sheet.columns, rowHeights: sheet.rowHeights ?? {} };
      put(`xl/drawings/vmlDrawing${no}.vml`, vmlXml(part.notes, vmlBlock, geometry));
      vmlBlock += vmlBlocks(part.notes.length);
    }
    for (const t of part.tables) put(`xl/tables/table${t.id}.xml`, t.xml, CONTENT_TYPE.table);
    if (part.drawing) {
      put(`xl/drawings/drawing${no}.xml`, part.drawing.xml, DRAWING_CONTENT_TYPE);
      put(
        `xl/drawings/_rels/drawing${no}.xml.rels`,
        relsXml(part.drawing.rels.map((r) => ({ id: r.id, type: CHART_REL_TYPE, target: r.target }))),
      );
      for (const c of part.drawing.charts) put(`xl/charts/chart${c.id}.xml`, c.xml, CHART_CONTENT_TYPE);
    }
  });
  put("xl/theme/theme1.xml", THEME_XML, CONTENT_TYPE.theme);
  put("xl/styles.xml", ctx.styles.toXml(), CONTENT_TYPE.styles);
  if (ctx.strings.size > 0) put("xl/sharedStrings.xml", ctx.strings.toXml(), CONTENT_TYPE.sharedStrings);

  contentTypes.data = enc.encode(contentTypesXml(overrides, vmlBlock > 1));
  return files;
}

/** Sheet names as Excel allows them: 1–31 characters, none of `[]:*?/\`, unique ignoring case. */
function checkSheetNames(sheets: readonly SheetLayout[]): void {
  if (sheets.length === 0) throw new Error("A workbook needs at least one sheet");
  const seen = new Set<string>();
  for (const s of sheets) {
    const name = s.name;
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\\u0000-\u001f]/.test(name) || /^'|'$/.test(name))
      throw new Error(`Excel does not allow the sheet name "${name}"`);
    const key = name.toLowerCase();
    if (seen.has(key)) throw new Error(`Two sheets are named "${name}"`);
    seen.add(key);
  }
}

/** `'Sheet name'!$C$3`: always quoted (quotes inside doubled), every reference absolute. */
function sheetRef(sheet: string, ref: string): string {
  const abs = ref
    .split(":")
    .map((p) =>
      p
        .replace(/^\$?([A-Za-z]{1,3})\$?(\d+)$/, "$$$1$$$2")
        .replace(/^\$?(\d+)$/, "$$$1")
        .replace(/^\$?([A-Za-z]{1,3})$/, "$$$1"),
    )
    .join(":");
  return `'${sheet.replace(/'/g, "''")}'!${abs}`;
}

function workbookXml(layout: WorkbookLayout): string {
  // The one window the sheets' views refer to (workbookViewId 0), opening on the first sheet.
  let xml = `${XML_DECLARATION}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>`;
  layout.sheets.forEach((s, i) => {
    xml += `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`;
  });
  xml += "</sheets>";
  const names: string[] = [];
  const byName = new Set(layout.sheets.map((s) => s.name));
  for (const n of layout.names as NameLayout[]) {
    if (!byName.has(n.sheet)) throw new Error(`The name ${n.name} refers to a sheet not in the workbook`);
    names.push(
      `<definedName name="${escapeAttr(n.name)}">${escapeMarkup(sheetRef(n.sheet, n.cell))}</definedName>`,
    );
  }
  layout.sheets.forEach((s, i) => {
    // Columns first, then rows, as Excel writes a sheet's print titles.
    const titles = [s.print?.titleColumns, s.print?.titleRows].filter((t): t is string => !!t);
    if (titles.length === 0) return;
    const refs = titles.map((t) => sheetRef(s.name, t)).join(",");
    names.push(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeMarkup(refs)}</definedName>`,
    );
  });
  if (names.length > 0) xml += `<definedNames>${names.join("")}</definedNames>`;
  // fullCalcOnLoad: formulas written without results (the template's rates) get them on opening.
  xml += `<calcPr calcId="191029"${layout.recalcOnOpen ? ' fullCalcOnLoad="1"' : ""}/>`;
  return xml + "</workbook>";
}

function relsXml(rels: readonly Relationship[]): string {
  let xml = `${XML_DECLARATION}<Relationships xmlns="${NS_PKG_REL}">`;
  for (const r of rels) {
    xml += `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeAttr(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`;
  }
  return xml + "</Relationships>";
}

function contentTypesXml(overrides: readonly [string, string][], vml: boolean): string {
  let xml =
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>';
  if (vml) xml += `<Default Extension="vml" ContentType="${CONTENT_TYPE.vml}"/>`;
  for (const [part, type] of overrides)
    xml += `<Override PartName="${escapeAttr(part)}" ContentType="${type}"/>`;
  return xml + "</Types>";
}

function w3cdtf(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function coreXml(layout: WorkbookLayout, date: Date): string {
  const when = w3cdtf(date);
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeMarkup(layout.title)}</dc:title>` +
    (layout.subject ? `<dc:subject>${escapeMarkup(layout.subject)}</dc:subject>` : "") +
    (layout.description ? `<dc:description>${escapeMarkup(layout.description)}</dc:description>` : "") +
    "<dc:creator>ChiTieu</dc:creator><cp:lastModifiedBy>ChiTieu</cp:lastModifiedBy>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

function appXml(layout: WorkbookLayout): string {
  const sheetCount = layout.sheets.length;
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    "<Application>ChiTieu</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>" +
    '<HeadingPairs><vt:vector size="2" baseType="variant">' +
    `<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheetCount}</vt:i4></vt:variant>` +
    "</vt:vector></HeadingPairs>" +
    `<TitlesOfParts><vt:vector size="${sheetCount}" baseType="lpstr">` +
    layout.sheets.map((s) => `<vt:lpstr>${escapeMarkup(s.name)}</vt:lpstr>`).join("") +
    "</vt:vector></TitlesOfParts>" +
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>" +
    "</Properties>"
  );
}
