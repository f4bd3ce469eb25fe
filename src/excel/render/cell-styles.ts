import { FONT_SIZE, type StyleSpec } from "../../core/layout/styles";
import { OP_BYTES } from "./requests";

/* A layout's named styles as Office.js formats: one operation per rectangle of cells alike. */

const H_ALIGN: Record<NonNullable<StyleSpec["hAlign"]>, Excel.HorizontalAlignment> = {
  left: "Left" as Excel.HorizontalAlignment,
  center: "Center" as Excel.HorizontalAlignment,
  right: "Right" as Excel.HorizontalAlignment,
};
const V_ALIGN: Record<NonNullable<StyleSpec["vAlign"]>, Excel.VerticalAlignment> = {
  top: "Top" as Excel.VerticalAlignment,
  middle: "Center" as Excel.VerticalAlignment,
  bottom: "Bottom" as Excel.VerticalAlignment,
};
const BORDER = "BFBFBF";

/** Whether a rectangle spans several rows, several columns: it then has inside borders too. */
export interface Spans {
  rows: boolean;
  cols: boolean;
}

function borderEdges(multi: Spans): Excel.BorderIndex[] {
  const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
  if (multi.rows) edges.push("InsideHorizontal");
  if (multi.cols) edges.push("InsideVertical");
  return edges as Excel.BorderIndex[];
}

export function styleBytes(spec: StyleSpec, multi: Spans): number {
  const props = Object.keys(spec).length + (spec.border ? borderEdges(multi).length * 3 : 0);
  return props * OP_BYTES;
}

export function applyStyle(range: Excel.Range, spec: StyleSpec, multi: Spans): void {
  const format = range.format;
  if (spec.size !== undefined && spec.size !== FONT_SIZE) format.font.size = spec.size;
  if (spec.bold) format.font.bold = true;
  if (spec.italic) format.font.italic = true;
  if (spec.underline) format.font.underline = "Single" as Excel.RangeUnderlineStyle;
  if (spec.color) format.font.color = `#${spec.color}`;
  if (spec.fill) format.fill.color = `#${spec.fill}`;
  if (spec.hAlign) format.horizontalAlignment = H_ALIGN[spec.hAlign];
  if (spec.vAlign) format.verticalAlignment = V_ALIGN[spec.vAlign];
  if (spec.wrap) format.wrapText = true;
  if (spec.border) {
    for (const edge of borderEdges(multi)) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous" as Excel.BorderLineStyle;
      border.color = `#${BORDER}`;
      border.weight = "Thin" as Excel.BorderWeight;
    }
  }
}
