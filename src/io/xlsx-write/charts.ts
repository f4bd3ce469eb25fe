import { CHART_COLORS, FONT_NAME } from "../../core/layout/styles";
import type { ChartLayout, LayoutCell, SheetLayout } from "../../core/layout/types";
import { a1, parseRange } from "../../core/text";
import { escapeAttr, escapeMarkup, NS_REL, XML_DECLARATION } from "./xml-escape";

/*
 * Native charts: a sheet's charts sit in one drawing part (xl/drawings/drawingN.xml), each anchored
 * to the cells it covers and pointing at a chart part (xl/charts/chartK.xml) that draws a block of
 * the sheet. The series refer to the cells by reference and carry a cache of their values, so a
 * reader that does not recalculate (LibreOffice's first paint, openpyxl, a viewer) still draws them.
 * Kinds: clustered bars and columns, and lines (a series over time).
 */

const NS_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_SHEET_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_REL_TYPE = `${NS_REL}/chart`;
export const DRAWING_REL_TYPE = `${NS_REL}/drawing`;

/** One chart part to write. */
export interface ChartPart {
  /** Number of the part: xl/charts/chart{id}.xml. */
  id: number;
  xml: string;
}

/** The drawing of one sheet and the chart parts it points at. */
export interface DrawingPart {
  xml: string;
  rels: { id: string; target: string }[];
  charts: ChartPart[];
}

/** `'Sheet'!$C$4:$C$9`: quoted, absolute, as a series formula needs it. */
function ref(sheet: string, top: number, left: number, bottom: number, right: number): string {
  const abs = (r: number, c: number): string => a1(r, c).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const area = top === bottom && left === right ? abs(top, left) : `${abs(top, left)}:${abs(bottom, right)}`;
  return `'${sheet.replace(/'/g, "''")}'!${area}`;
}

function cellAt(layout: SheetLayout, r: number, c: number): LayoutCell | null {
  return layout.cells[r - 1]?.[c - 1] ?? null;
}

function textAt(layout: SheetLayout, r: number, c: number): string {
  const v = cellAt(layout, r, c)?.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return v.result === undefined ? "" : String(v.result);
  return String(v);
}

function numberAt(layout: SheetLayout, r: number, c: number): number | undefined {
  const v = cellAt(layout, r, c)?.value;
  const n = typeof v === "object" && v !== null ? v.result : v;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}

function strCache(values: string[]): string {
  let xml = `<c:strCache><c:ptCount val="${values.length}"/>`;
  values.forEach((v, i) => {
    xml += `<c:pt idx="${i}"><c:v>${escapeMarkup(v)}</c:v></c:pt>`;
  });
  return `${xml}</c:strCache>`;
}

function numCache(values: (number | undefined)[], format: string): string {
  let xml = `<c:numCache><c:formatCode>${escapeMarkup(format)}</c:formatCode><c:ptCount val="${values.length}"/>`;
  values.forEach((v, i) => {
    if (v !== undefined) xml += `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`;
  });
  return `${xml}</c:numCache>`;
}

/** Text properties: the document's font, at `size` hundredths of a point. */
function txPr(size: number, bold = false): string {
  return (
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}">` +
    `<a:latin typeface="${escapeAttr(FONT_NAME)}"/><a:cs typeface="${escapeAttr(FONT_NAME)}"/>` +
    '</a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>'
  );
}

function title(text: string): string {
  return (
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>' +
    `<a:r><a:rPr lang="vi-VN" sz="1200" b="1"><a:latin typeface="${escapeAttr(FONT_NAME)}"/></a:rPr>` +
    `<a:t>${escapeMarkup(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

/** The chart part of one chart: its series read from the layout's block (header row, category column). */
export function chartXml(layout: SheetLayout, chart: ChartLayout): string {
  const area = parseRange(chart.data);
  if (!area || area.bottom <= area.top || area.right <= area.left)
    throw new Error(`Chart "${chart.title}" on sheet ${layout.name} needs a block of at least 2 × 2 cells`);
  const sheet = layout.name;
  const firstRow = area.top + 1;
  const categories: string[] = [];
  for (let r = firstRow; r <= area.bottom; r++) categories.push(textAt(layout, r, area.left));
  const catRef = ref(sheet, firstRow, area.left, area.bottom, area.left);
  const line = chart.kind === "line";
  let series = "";
  for (let c = area.left + 1; c <= area.right; c++) {
    const k = c - area.left - 1;
    const style = chart.lines?.[k];
    const color = style?.color ?? (CHART_COLORS[k % CHART_COLORS.length] as string);
    const dash = style?.dashed ? '<a:prstDash val="dash"/>' : "";
    const values: (number | undefined)[] = [];
    for (let r = firstRow; r <= area.bottom; r++) values.push(numberAt(layout, r, c));
    const format = cellAt(layout, firstRow, c)?.numFmt ?? "General";
    const fill = line
      ? `<c:spPr><a:ln w="${style?.dashed ? 19050 : 28575}" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill>${dash}<a:round/></a:ln></c:spPr>` +
        // A dashed target line has no markers: only the figures are points.
        (style?.dashed
          ? '<c:marker><c:symbol val="none"/></c:marker>'
          : `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr></c:marker>`)
      : `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
    series +=
      `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>` +
      `<c:tx><c:strRef><c:f>${escapeMarkup(ref(sheet, area.top, c, area.top, c))}</c:f>${strCache([textAt(layout, area.top, c)])}</c:strRef></c:tx>` +
      fill +
      `<c:cat><c:strRef><c:f>${escapeMarkup(catRef)}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeMarkup(ref(sheet, firstRow, c, area.bottom, c))}</c:f>${numCache(values, format)}</c:numRef></c:val>` +
      (line ? '<c:smooth val="0"/>' : "") +
      "</c:ser>";
  }
  const bar = chart.kind === "barClustered";
  const axes = '<c:axId val="50010001"/><c:axId val="50010002"/>';
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
    : `<c:barChart><c:barDir val="${bar ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
      `<c:gapWidth val="60"/>${axes}</c:barChart>`;
  // Horizontal bars list the categories top down, as the table does: the category axis runs
  // max→min and the value axis crosses it at its last category, the bottom.
  const catAx =
    '<c:catAx><c:axId val="50010001"/>' +
    `<c:scaling><c:orientation val="${bar ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${bar ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `${txPr(900)}<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const valFormat = chart.valueFormat
    ? `<c:numFmt formatCode="${escapeAttr(chart.valueFormat)}" sourceLinked="0"/>`
    : '<c:numFmt formatCode="General" sourceLinked="1"/>';
  const valAx =
    '<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/></c:scaling>' +
    `<c:delete val="0"/><c:axPos val="${bar ? "b" : "l"}"/><c:majorGridlines/>${valFormat}` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `${txPr(900)}<c:crossAx val="50010001"/><c:crosses val="${bar ? "max" : "autoZero"}"/>` +
    `<c:crossBetween val="${line ? "midCat" : "between"}"/></c:valAx>`;
  return (
    `${XML_DECLARATION}<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_DRAWING}" xmlns:r="${NS_REL}">` +
    '<c:roundedCorners val="0"/>' +
    `<c:chart>${title(chart.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    `${txPr(1000)}</c:chartSpace>`
  );
}

/** `<xdr:from>`/`<xdr:to>` of a cell corner: 0-based column and row, no offset. */
function marker(tag: "from" | "to", row: number, col: number): string {
  return `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/**
 * The drawing part of a sheet's charts (numbered from `firstChart`), and the chart parts; none
 * when the sheet has no chart.
 */
export function drawingPart(layout: SheetLayout, firstChart: number): DrawingPart | undefined {
  const charts = layout.charts ?? [];
  if (charts.length === 0) return undefined;
  let xml = `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS_SHEET_DRAWING}" xmlns:a="${NS_DRAWING}">`;
  const rels: DrawingPart["rels"] = [];
  const parts: ChartPart[] = [];
  charts.forEach((chart, i) => {
    const at = parseRange(chart.anchor);
    if (!at) throw new Error(`Bad chart anchor ${chart.anchor} on sheet ${layout.name}`);
    const id = firstChart + i;
    const rel = `rId${i + 1}`;
    rels.push({ id: rel, target: `../charts/chart${id}.xml` });
    parts.push({ id, xml: chartXml(layout, chart) });
    // The chart covers its anchor's cells, corner to corner (`to` is the cell after the last).
    xml +=
      '<xdr:twoCellAnchor editAs="oneCell">' +
      marker("from", at.top - 1, at.left - 1) +
      marker("to", at.bottom, at.right) +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(`Biểu đồ ${i + 1}`)}" descr="${escapeAttr(chart.title)}"/>` +
      "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>" +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS_CHART}"><c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_REL}" r:id="${rel}"/></a:graphicData></a:graphic>` +
      "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>";
  });
  return { xml: `${xml}</xdr:wsDr>`, rels, charts: parts };
}
