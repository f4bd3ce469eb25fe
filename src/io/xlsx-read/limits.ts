/**
 * What one workbook may cost before the reader gives up with `too-large`. Every limit is checked
 * while the file is being read (bytes as they come out of the inflater, rows and cells as they are
 * parsed), never against sizes the file declares about itself: a zip bomb declares small sizes.
 *
 * The defaults are set from real inputs: a blank template is ~20 KB, a filled commune file stays
 * under 5 MB, and the national summary of 3,321 units is tens of MB, whose largest sheet (one row
 * per unit × indicator, ~130,000 rows) inflates to ~50 MB of XML and ~1.3 million cells.
 */
export interface XlsxLimits {
  /** Size of the file itself. 100 MiB: several times the largest summary we write. */
  maxFileBytes: number;
  /** Zip entries in the file. 10,000: a workbook of 200 sheets has fewer than 1,000 parts. */
  maxEntries: number;
  /**
   * Bytes inflated from one part. 256 MiB: five times the largest sheet of a national summary.
   * Parts are streamed, so this bounds time, not memory.
   */
  maxEntryBytes: number;
  /** Bytes inflated from all parts read, together. 512 MiB. */
  maxTotalBytes: number;
  /**
   * Bytes a part may inflate per compressed byte, checked once it has given 16 MiB. 100 (Apache
   * POI's default too): SpreadsheetML compresses 5 to 30 times, deflate itself cannot exceed about
   * 1,032, and a bomb of valid XML (hundreds of MB of `<x/>`) would otherwise be parsed up to
   * maxEntryBytes, tens of seconds of work for a file of 2 MB.
   */
  maxInflateRatio: number;
  /** Highest row number on a sheet. 1,048,576: Excel's own grid. */
  maxRows: number;
  /** Highest column number on a sheet. 16,384 (XFD): Excel's own grid. */
  maxColumns: number;
  /**
   * Cell positions held, over all sheets read: a grid row is an array by column, so each row counts
   * up to its last cell, blanks between cells included. 5,000,000: about four times the national
   * summary's largest sheet, and about 300 MB of grid in memory: this is the memory bound.
   */
  maxCells: number;
  /** Entries in the shared string table. 2,000,000. */
  maxSharedStrings: number;
  /**
   * Characters in one cell's text (and, in source characters ×10, any run of XML between two
   * `<`: text, attribute values, names). Excel allows 32,767; 100,000 leaves room for files from
   * other programs without letting one cell carry megabytes.
   */
  maxCellText: number;
  /** Nesting of XML elements. 128: SpreadsheetML needs about 10. */
  maxDepth: number;
}

export const DEFAULT_XLSX_LIMITS: Readonly<XlsxLimits> = Object.freeze({
  maxFileBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxInflateRatio: 100,
  maxRows: 1_048_576,
  maxColumns: 16_384,
  maxCells: 5_000_000,
  maxSharedStrings: 2_000_000,
  maxCellText: 100_000,
  maxDepth: 128,
});

/** Bytes a part inflates before its ratio is checked: small parts may be as repetitive as they like. */
export const INFLATE_RATIO_GRACE = 16 * 1024 * 1024;

/** How long an unbroken run of XML source (no `<`) may be, in characters, for a given cell text limit. */
export function maxXmlRun(limits: XlsxLimits): number {
  // A character may be written as a reference such as `&#x1EA1;`: allow ten source characters each.
  return limits.maxCellText * 10 + 1024;
}
