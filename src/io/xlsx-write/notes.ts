import { NS_MAIN, tElement, XML_DECLARATION } from "./xml-escape";
import { columnLetters } from "../../core/text";

/*
 * Notes (Excel's legacy comments): the text lives in xl/commentsN.xml, but Excel draws a note
 * only from its VML shape in xl/drawings/vmlDrawingN.vml, so both are written.
 */

export interface Note {
  /** 1-based, as Excel counts. */
  row: number;
  col: number;
  text: string;
}

/** Sizes the note boxes are placed with, in pixels, from the layout's widths and heights. */
export interface SheetGeometry {
  /** Column widths in characters, from column A (missing: Excel's default). */
  columns: readonly number[];
  /** Row heights in points by 1-based row. */
  rowHeights: Readonly<Record<number, number>>;
}

const AUTHOR = "ChiTieu";

export function commentsXml(notes: readonly Note[]): string {
  let xml = `${XML_DECLARATION}<comments xmlns="${NS_MAIN}"><authors><author>${AUTHOR}</author></authors><commentList>`;
  for (const n of notes) {
    // Excel's own note font: Tahoma 9 in the "comment text" colour.
    xml +=
      `<comment ref="${columnLetters(n.col)}${n.row}" authorId="0"><text><r>` +
      `<rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr>` +
      `${tElement(n.text)}</r></text></comment>`;
  }
  return xml + "</commentList></comments>";
}

/** Shapes ids come in blocks of 1,024 per `o:idmap` number; a drawing with more notes takes more blocks. */
export function vmlBlocks(noteCount: number): number {
  return Math.floor((1024 + noteCount) / 1024);
}

const DEFAULT_COLUMN_PX = 64;
const DEFAULT_ROW_PX = 20;
/** A note box as Excel makes it by default: 128 × 74 px, 15 px right of and 10 px below the cell's top. */
const BOX_WIDTH = 128;
const BOX_HEIGHT = 74;

/** Pixels of a column width in characters (Calibri 11: 7 px a digit, 5 px of padding). */
function columnPx(width: number | undefined): number {
  if (width === undefined || !(width > 0)) return DEFAULT_COLUMN_PX;
  return width < 1 ? Math.floor(width * 12 + 0.5) : Math.floor(width * 7 + 0.5) + 5;
}

/**
 * The VML drawing of a sheet's notes. `firstBlock` is this drawing's first `o:idmap` number:
 * shape ids must not repeat across the workbook's drawings.
 */
export function vmlXml(notes: readonly Note[], firstBlock: number, geometry: SheetGeometry): string {
  const blocks = Array.from({ length: vmlBlocks(notes.length) }, (_, i) => firstBlock + i).join(",");
  const colPx = (c0: number): number => columnPx(geometry.columns[c0]);
  const rowPx = (r0: number): number => {
    const height = geometry.rowHeights[r0 + 1];
    return height === undefined ? DEFAULT_ROW_PX : Math.round((height * 4) / 3);
  };
  // Running sums, since notes come in row order: the absolute offsets of a box's top-left corner.
  const custom = Object.keys(geometry.rowHeights)
    .map(Number)
    .sort((a, b) => a - b);
  const rowTop = (r0: number): number => {
    let px = r0 * DEFAULT_ROW_PX;
    for (const r of custom) if (r - 1 < r0) px += rowPx(r - 1) - DEFAULT_ROW_PX;
    return px;
  };
  const colLeft: number[] = [0];
  const colLeftOf = (c0: number): number => {
    while (colLeft.length <= c0)
      colLeft.push((colLeft[colLeft.length - 1] as number) + colPx(colLeft.length - 1));
    return colLeft[c0] as number;
  };

  let xml =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';
  let shapeId = firstBlock * 1024;
  for (const note of notes) {
    shapeId++;
    const row0 = note.row - 1;
    const col0 = note.col - 1;
    // Where Excel puts a new note: one column right, starting a row above (or at the top row).
    const startCol = col0 + 1;
    const startRow = row0 === 0 ? 0 : row0 - 1;
    const dx = 15;
    const dy = row0 === 0 ? 2 : 10;
    let endCol = startCol;
    let endDx = BOX_WIDTH + dx;
    while (endDx >= colPx(endCol)) {
      endDx -= colPx(endCol);
      endCol++;
    }
    let endRow = startRow;
    let endDy = BOX_HEIGHT + dy;
    while (endDy >= rowPx(endRow)) {
      endDy -= rowPx(endRow);
      endRow++;
    }
    const left = ((colLeftOf(startCol) + dx) * 0.75).toFixed(2);
    const top = ((rowTop(startRow) + dy) * 0.75).toFixed(2);
    xml +=
      `<v:shape id="_x0000_s${shapeId}" type="#_x0000_t202" style="position:absolute;margin-left:${left}pt;margin-top:${top}pt;` +
      `width:96pt;height:55.5pt;z-index:${shapeId - firstBlock * 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>' +
      `<x:Anchor>${startCol}, ${dx}, ${startRow}, ${dy}, ${endCol}, ${endDx}, ${endRow}, ${endDy}</x:Anchor>` +
      `<x:AutoFill>False</x:AutoFill><x:Row>${row0}</x:Row><x:Column>${col0}</x:Column></x:ClientData></v:shape>`;
  }
  return xml + "</xml>";
}
