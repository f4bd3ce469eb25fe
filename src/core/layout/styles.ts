import type { StyleName } from "./types";

/** What a named style looks like; both renderers read this one table. Colours are RRGGBB. */
export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  border?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  underline?: boolean;
}

export const FONT_NAME = "Times New Roman";
export const FONT_SIZE = 12;

/** Chart series colours: the summary's dark blue, then amber and grey, readable in black and white too. */
export const CHART_COLORS = ["1F4E79", "ED7D31", "7F7F7F", "70AD47", "5B9BD5", "FFC000"] as const;

/* Times New Roman 12 is what Vietnamese administrative documents use (Decree 30/2020/NĐ-CP). */
export const STYLES: Record<StyleName, StyleSpec> = {
  title: { bold: true, size: 14, hAlign: "center", vAlign: "middle", wrap: true },
  subtitle: { italic: true, size: 11, color: "595959", hAlign: "center", vAlign: "middle", wrap: true },
  /* The masthead of an administrative document: issuing body and motto bold, place and date italic. */
  masthead: { bold: true, hAlign: "center", vAlign: "middle", wrap: true },
  mastheadUnderlined: { bold: true, underline: true, hAlign: "center", vAlign: "middle" },
  placeDate: { italic: true, hAlign: "center", vAlign: "middle" },
  guideStep: { vAlign: "top", hAlign: "left", wrap: true },
  label: { bold: true, hAlign: "left", vAlign: "middle" },
  meta: { vAlign: "middle", hAlign: "left" },
  /* Input cells: a yellow deep enough to show on paper (a pale one prints as white). */
  metaInput: { fill: "FFE699", border: true, vAlign: "middle", hAlign: "left" },
  header: { bold: true, fill: "DDEBF7", border: true, hAlign: "center", vAlign: "middle", wrap: true },
  headerEn: { italic: true, size: 10, color: "595959", hAlign: "center", vAlign: "bottom", wrap: true },
  section: { bold: true, fill: "F2F2F2", border: true, vAlign: "middle" },
  code: { border: true, vAlign: "middle", size: 10, color: "404040" },
  text: { border: true, vAlign: "middle" },
  wrap: { border: true, vAlign: "middle", wrap: true },
  input: { border: true, fill: "FFE699", vAlign: "middle", hAlign: "right" },
  derived: { border: true, fill: "EDEDED", vAlign: "middle", hAlign: "right", italic: true },
  figure: { border: true, vAlign: "middle", hAlign: "right" },
  muted: { border: true, fill: "F7F7F7", vAlign: "middle", color: "A6A6A6" },
  /* A link wraps: a long file name grows its row rather than running under the next cell. */
  link: { border: true, color: "0563C1", underline: true, vAlign: "middle", wrap: true },
  good: { border: true, fill: "C6EFCE", color: "006100", vAlign: "middle", hAlign: "center" },
  warn: { border: true, fill: "FFEB9C", color: "9C5700", vAlign: "middle", hAlign: "center" },
  bad: { border: true, fill: "FFC7CE", color: "9C0006", vAlign: "middle", hAlign: "center" },
  total: { bold: true, border: true, fill: "DDEBF7", vAlign: "middle", hAlign: "right" },
};
