import { parseRange } from "../text";
import { FONT_SIZE, STYLES } from "./styles";
import type { LayoutCell, SheetLayout } from "./types";

/*
 * Row heights from the text in them. Neither renderer can ask Excel to fit rows (the file writer
 * has no Excel; a fitted row in Office.js does not survive merges), and a row left at its default
 * height prints wrapped text over the row below. So the layout says how tall each row of wrapped
 * text is, from an estimate of how many lines its longest cell takes in its column's width.
 */

/** Points per line of a 12-point font, as Excel spaces Times New Roman. */
const LINE_POINTS = 15.75;
/** Room above and below the text of a row (points). */
const PADDING_POINTS = 3;
/** Excel's row height limit. */
const MAX_POINTS = 409;
/**
 * Characters of running Vietnamese text in Times New Roman 12 per unit of column width: a width
 * counts digits of the standard font, and running letters are a little narrower than digits.
 */
const CHARS_PER_WIDTH = 1.05;
/**
 * Characters a line keeps free of text: the cell's own padding and the odd wide letter (capitals,
 * digits in brackets): LibreOffice wraps "Xã Mường Lạn (04246)", 20 characters, in a column 20 wide.
 */
const SLACK_CHARS = 2;

/** Lines `text` takes when wrapped at `perLine` characters, breaking at spaces as Excel does. */
export function wrappedLines(text: string, perLine: number): number {
  const limit = Math.max(1, Math.floor(perLine));
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const len = Array.from(word).length;
      if (used === 0) {
        // A word longer than the line breaks across lines of its own.
        lines += Math.max(0, Math.ceil(len / limit) - 1);
        used = len % limit || limit;
      } else if (used + 1 + len <= limit) used += 1 + len;
      else {
        lines++;
        lines += Math.max(0, Math.ceil(len / limit) - 1);
        used = len % limit || limit;
      }
    }
  }
  return lines;
}

function textOf(cell: LayoutCell): string | undefined {
  const v = cell.value;
  if (typeof v === "string") return v;
  if (v !== null && typeof v === "object" && typeof v.result === "string") return v.result;
  return undefined;
}

/**
 * The height (points) each row needs for its wrapped text, for rows that need more than one plain
 * line; rows given a height of their own keep it unless the text needs more.
 */
export function fitRowHeights(layout: SheetLayout): Record<number, number> {
  const width = (c: number): number => layout.columns[c - 1] ?? 9;
  // The width a cell's text has: its column's, or the columns of the one-row merge it starts.
  const span = new Map<string, number>();
  const covered = new Set<string>();
  for (const m of layout.merges) {
    const area = parseRange(m);
    if (!area) continue;
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++)
        if (r !== area.top || c !== area.left) covered.add(`${r}:${c}`);
    if (area.bottom !== area.top) {
      // A text spread over several rows is sized by those rows; not fitted here.
      covered.add(`${area.top}:${area.left}`);
      continue;
    }
    let w = 0;
    for (let c = area.left; c <= area.right; c++) w += width(c);
    span.set(`${area.top}:${area.left}`, w);
  }
  const heights: Record<number, number> = { ...(layout.rowHeights ?? {}) };
  layout.cells.forEach((row, i) => {
    const r = i + 1;
    let need = 0;
    row.forEach((cell, j) => {
      if (!cell?.style) return;
      const spec = STYLES[cell.style];
      if (!spec.wrap) return;
      const c = j + 1;
      if (covered.has(`${r}:${c}`)) return;
      const text = textOf(cell);
      if (!text) return;
      const size = spec.size ?? FONT_SIZE;
      const scale = (size / FONT_SIZE) * (spec.bold ? 1.08 : 1);
      const chars = ((span.get(`${r}:${c}`) ?? width(c)) * CHARS_PER_WIDTH) / scale - SLACK_CHARS;
      const lines = wrappedLines(text, chars);
      need = Math.max(need, lines * LINE_POINTS * (size / FONT_SIZE) + PADDING_POINTS);
    });
    if (need > LINE_POINTS + PADDING_POINTS + 0.01 && need > (heights[r] ?? 0))
      heights[r] = Math.min(MAX_POINTS, Math.ceil(need * 4) / 4);
  });
  return heights;
}
