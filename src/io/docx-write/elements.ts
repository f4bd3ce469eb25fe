import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
} from "docx";
import type {
  Block,
  Heading,
  Paragraph as TextBlock,
  Table as TableBlock,
  TextRun as Run,
} from "../../core/written-report";
import { FONT, INDENT_FIRST_LINE, mm, SIZE, SPACING } from "./page";

/* The written report's blocks as docx elements: paragraphs, headings and bordered tables. */

export interface RunStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** A run of text; what the person must fill in is highlighted, so it is found and not printed as is. */
export function run(r: Run, style: RunStyle = {}): TextRun {
  return new TextRun({
    text: r.text,
    font: FONT,
    size: style.size ?? SIZE.body,
    bold: r.bold ?? style.bold ?? false,
    italics: r.italic ?? style.italic ?? false,
    ...(style.underline ? { underline: {} } : {}),
    ...(r.fill ? { highlight: "yellow" as const } : {}),
  });
}

export function runs(list: Run[], style: RunStyle = {}): TextRun[] {
  return list.map((r) => run(r, style));
}

/** A centred line of text (the masthead, the title, the signature). */
export function centred(
  list: Run[],
  style: RunStyle = {},
  extra: Partial<IParagraphOptions> = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0 },
    children: runs(list, style),
    ...extra,
  });
}

/**
 * A short solid line under a centred block (the issuing body, the subject): an empty paragraph
 * whose bottom border runs between indents, so the line is as long as Decree 30 asks.
 */
export function rule(width: number, within: number): Paragraph {
  const side = Math.max(0, Math.round((within - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120, lineRule: "exact" },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [new TextRun({ text: "", size: 4, font: FONT })],
  });
}

function paragraph(b: TextBlock): Paragraph {
  if (b.style === "note") {
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      spacing: { before: 120, after: 0 },
      children: runs(b.runs, { size: SIZE.note, italic: true }),
    });
  }
  const sub = b.style === "item" && b.runs[0]?.text.startsWith("+");
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: sub ? INDENT_FIRST_LINE + mm(5) : INDENT_FIRST_LINE },
    spacing: { ...SPACING, before: b.style === "item" ? 60 : SPACING.before },
    children: runs(b.runs),
  });
}

function heading(h: Heading): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT_FIRST_LINE },
    spacing: { ...SPACING, before: h.level === "section" ? 240 : SPACING.before },
    keepNext: true,
    children: [run({ text: h.text }, { bold: true, italic: h.level === "point" })],
  });
}

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };
const CELL_MARGINS = { top: mm(0.8), bottom: mm(0.8), left: mm(1.2), right: mm(1.2) };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function cell(text: string, width: number, align: keyof typeof ALIGN, bold = false, span = 1): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: span,
    borders: BORDERS,
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlign.CENTER,
    children: [
      new Paragraph({
        alignment: ALIGN[align],
        spacing: { before: 0, after: 0 },
        children: [run({ text }, { size: SIZE.table, bold })],
      }),
    ],
  });
}

/**
 * A bordered table across `width`: the header row repeats on every page it runs over, and no row
 * is split between pages.
 */
export function table(t: TableBlock, width: number): Table {
  const total = t.columns.reduce((n, c) => n + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((c.width / total) * width));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) => cell(c.title, widths[i] as number, "center", true)),
  });
  const body = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children:
          r.kind === "part"
            ? [
                cell(
                  r.cells[0] ?? "",
                  widths.reduce((a, b) => a + b, 0),
                  "left",
                  true,
                  t.columns.length,
                ),
              ]
            : r.cells.map((text, i) => cell(text, widths[i] as number, t.columns[i]?.align ?? "left")),
      }),
  );
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...body],
  });
}

/** The body's blocks, in order; a table stands between two empty paragraphs, apart from the text. */
export function blocks(list: Block[], width: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  list.forEach((b, i) => {
    if (b.kind === "paragraph") out.push(paragraph(b));
    else if (b.kind === "heading") out.push(heading(b));
    else {
      out.push(new Paragraph({ spacing: { before: 60, after: 0 }, children: [] }));
      out.push(table(b, width));
      // A table's note follows it closely; the text after it stands apart.
      const next = list[i + 1];
      if (next && !(next.kind === "paragraph" && next.style === "note"))
        out.push(new Paragraph({ spacing: { before: 0, after: 0 }, children: [] }));
    }
  });
  return out;
}
