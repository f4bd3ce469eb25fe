import {
  AlignmentType,
  Document,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from "docx";
import type { Masthead, Signature, WrittenReport } from "../../core/written-report";
import { blocks, centred, rule, runs } from "./elements";
import {
  A4,
  FONT,
  HEADER_DISTANCE,
  MARGIN,
  mm,
  SIZE,
  SPACING,
  TEXT_WIDTH,
  TEXT_WIDTH_LANDSCAPE,
} from "./page";

/*
 * The written report as a docx Document, laid out as Decree 30/2020/NĐ-CP sets: the issuing body
 * and the national motto side by side in a borderless table, the number and the place and date
 * under them, the title and subject centred, the body, then `Nơi nhận` beside the signature; the
 * figures table on landscape pages of its own (PHỤ LỤC).
 */

/** The masthead's two columns: the issuing body (left) and the motto (right). */
const LEFT = mm(62);
const RIGHT = TEXT_WIDTH - LEFT;

function borderless(
  cells: (Paragraph | Table)[][],
  widths: number[],
  valign = VerticalAlign.TOP,
  cantSplit = false,
): TableRow {
  return new TableRow({
    ...(cantSplit ? { cantSplit: true } : {}),
    children: cells.map(
      (children, i) =>
        new TableCell({
          width: { size: widths[i] as number, type: WidthType.DXA },
          borders: TableBorders.NONE,
          verticalAlign: valign,
          margins: { left: 0, right: 0 },
          children,
        }),
    ),
  });
}

function mastheadTable(m: Masthead): Table {
  const S = { size: SIZE.masthead };
  const left: Paragraph[] = [
    ...(m.parent ? [centred(m.parent, S)] : []),
    centred(m.issuer, { ...S, bold: true }),
    rule(mm(22), LEFT),
  ];
  const right: Paragraph[] = [
    centred([{ text: m.motto[0] }], { ...S, bold: true }),
    centred([{ text: m.motto[1] }], { size: SIZE.motto, bold: true, underline: true }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT, RIGHT],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      borderless([left, right], [LEFT, RIGHT]),
      borderless(
        [
          [centred(m.number, S, { spacing: { before: 160, after: 0 } })],
          [
            centred(
              m.placeDate,
              { size: SIZE.masthead, italic: true },
              { spacing: { before: 160, after: 0 } },
            ),
          ],
        ],
        [LEFT, RIGHT],
      ),
    ],
  });
}

/** `Nơi nhận` (left) beside the signer's block (right), as the decree places them. */
function signatureTable(s: Signature): Table {
  const left = mm(75);
  const right = TEXT_WIDTH - left;
  const recipients: Paragraph[] = [
    new Paragraph({
      spacing: { before: 0, after: 0 },
      children: [
        new TextRun({
          text: s.recipientsTitle,
          font: FONT,
          size: SIZE.recipientsTitle,
          bold: true,
          italics: true,
        }),
      ],
    }),
    ...s.recipients.map(
      (line) =>
        new Paragraph({ spacing: { before: 0, after: 0 }, children: runs(line, { size: SIZE.recipients }) }),
    ),
  ];
  const signer: Paragraph[] = [
    ...s.authority.map((line) => centred(line, { bold: true })),
    centred([{ text: s.hint }], { italic: true, size: SIZE.recipients }),
    // Room for the signature and the seal.
    ...[1, 2, 3].map(() => new Paragraph({ spacing: { before: 0, after: 0 }, children: [] })),
    centred(s.name, { bold: true }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    // One row that is never split: the signer's title, the room to sign and the name stay on one page.
    rows: [borderless([recipients, signer], [left, right], VerticalAlign.TOP, true)],
  });
}

/** The page number, centred in the top margin; the first page shows none. */
function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.body })],
      }),
    ],
  });
}

const margin = { ...MARGIN, header: HEADER_DISTANCE, footer: HEADER_DISTANCE, gutter: 0 };

export function reportDocument(w: WrittenReport): Document {
  const main: ISectionOptions = {
    properties: {
      titlePage: true,
      page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT }, margin },
    },
    headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
    children: [
      mastheadTable(w.masthead),
      centred([{ text: w.title }], { bold: true }, { spacing: { before: 360, after: 0 } }),
      centred([{ text: w.subject }], { bold: true }),
      rule(mm(45), TEXT_WIDTH),
      new Paragraph({ spacing: { before: 0, after: 0 }, children: [] }),
      ...blocks(w.body, TEXT_WIDTH),
      new Paragraph({ spacing: { before: SPACING.before, after: 0 }, children: [] }),
      signatureTable(w.signature),
    ],
  };
  // Decree 30 numbers an appendix's pages on their own, from 1.
  const appendix: ISectionOptions = {
    properties: {
      titlePage: true,
      page: {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
        margin,
        pageNumbers: { start: 1 },
      },
    },
    headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
    children: [
      centred([{ text: w.appendix.title }], { bold: true }),
      centred([{ text: w.appendix.subtitle }], { bold: true }),
      centred(
        w.appendix.reference,
        { italic: true, size: SIZE.masthead },
        { spacing: { before: 0, after: 160 } },
      ),
      ...blocks(w.appendix.blocks, TEXT_WIDTH_LANDSCAPE),
    ],
  };
  return new Document({
    creator: "ChiTieu",
    lastModifiedBy: "ChiTieu",
    revision: 1,
    title: w.properties.title,
    subject: w.properties.subject,
    keywords: w.properties.keywords,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body, language: { value: w.lang === "vi" ? "vi-VN" : "en-GB" } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [main, appendix],
  });
}
