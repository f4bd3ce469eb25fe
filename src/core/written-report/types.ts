/*
 * The written report (báo cáo, FORMATS.md §9) as plain data: what a renderer lays out on the page
 * (src/io/docx-write) and what tests read. Like the sheet layouts, it holds every word and number
 * already written; the renderer only chooses fonts, spacing and borders.
 */

export type ReportLang = "vi" | "en";

/** A piece of text with its emphasis. `fill` marks what the person must complete before signing. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  fill?: boolean;
}

/** A paragraph of the body: `text` is justified with its first line indented; `item` hangs a list item. */
export interface Paragraph {
  kind: "paragraph";
  runs: TextRun[];
  style: "text" | "item" | "note";
}

/** Section headings: `section` is "I. TÌNH HÌNH…", `part` is "A. Kinh tế", `point` is "1. …". */
export interface Heading {
  kind: "heading";
  level: "section" | "part" | "point";
  text: string;
}

export interface TableColumn {
  title: string;
  /** Share of the table's width, in any unit: the renderer scales them to the page. */
  width: number;
  align: "left" | "center" | "right";
}

/** A body row, or a `part` row: one cell across the table, in bold (the template's sections). */
export interface TableRow {
  kind: "body" | "part";
  cells: string[];
}

export interface Table {
  kind: "table";
  columns: TableColumn[];
  rows: TableRow[];
}

export type Block = Paragraph | Heading | Table;

/** The block at the top of the first page (Decree 30/2020/NĐ-CP, Appendix I). */
export interface Masthead {
  /** The governing body, above the issuer (`UBND TỈNH SƠN LA`); absent when the issuer is itself the top. */
  parent?: TextRun[];
  /** The issuing body, in capitals and bold. */
  issuer: TextRun[];
  /** `Số: …/BC-…`: the number is the clerk's to give. */
  number: TextRun[];
  /** `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` and `Độc lập - Tự do - Hạnh phúc`. */
  motto: [string, string];
  /** `Sơn La, ngày 22 tháng 12 năm 2026`, in italics. */
  placeDate: TextRun[];
}

export interface Signature {
  /** `Nơi nhận:` and its lines. */
  recipientsTitle: string;
  recipients: TextRun[][];
  /** The signer's block: authority and title (capitals, bold), then the name. */
  authority: TextRun[][];
  /** What to do there (sign, seal), in italics. */
  hint: string;
  name: TextRun[];
}

/** The figures table, on pages of its own after the signature (`PHỤ LỤC`). */
export interface Appendix {
  title: string;
  subtitle: string;
  /** `(Kèm theo Báo cáo số …)`. */
  reference: TextRun[];
  blocks: Block[];
}

export interface WrittenReport {
  lang: ReportLang;
  /** The document's own date, ISO `2026-12-22`: the consolidation's, never the clock's. */
  date: string;
  masthead: Masthead;
  /** `BÁO CÁO` */
  title: string;
  /** What it reports on: `Kết quả thực hiện … năm 2026 của tỉnh Sơn La`. */
  subject: string;
  body: Block[];
  signature: Signature;
  appendix: Appendix;
  /** The file's properties (title, subject), as Word shows them. */
  properties: { title: string; subject: string; keywords: string };
}
