import type { Bilingual } from "../../core/catalog/types";
import type { XlsxLimits } from "./limits";

export type { Bilingual };

/** Why a file could not be read as a workbook. */
export type XlsxFailure =
  /** Zero bytes. */
  | "empty"
  /** Something else: a PDF, an image, a Word file, an OpenDocument or binary (.xlsb) workbook, text. */
  | "not-xlsx"
  /** An Excel 97–2003 workbook. */
  | "xls"
  /** A password-protected (encrypted) workbook. */
  | "encrypted"
  /** A zip or XML part that cannot be read. */
  | "corrupt"
  /** XML with a DOCTYPE or entity declarations, which Excel never writes. */
  | "unsafe-xml"
  /** A limit of XlsxLimits was exceeded (`limit` says which). */
  | "too-large";

/** Thrown inside the reader, turned into `{ ok: false }` at its boundary, never seen outside it. */
export class XlsxError extends Error {
  constructor(
    readonly reason: XlsxFailure,
    readonly text: Bilingual,
    readonly part?: string,
    readonly limit?: keyof XlsxLimits,
  ) {
    super(text.en);
  }
}

const nf = {
  vi: new Intl.NumberFormat("vi-VN"),
  en: new Intl.NumberFormat("en-US"),
};

function amount(limit: keyof XlsxLimits, value: number, lang: "vi" | "en"): string {
  if (limit === "maxInflateRatio") return `${nf[lang].format(value)} ×`;
  if (limit.endsWith("Bytes")) {
    const mib = value / (1024 * 1024);
    return mib >= 1 ? `${nf[lang].format(Math.round(mib * 10) / 10)} MB` : `${nf[lang].format(value)} byte`;
  }
  return nf[lang].format(value);
}

const LIMIT_TEXT: Record<keyof XlsxLimits, Bilingual> = {
  maxFileBytes: { vi: "dung lượng tệp", en: "file size" },
  maxEntries: { vi: "số mục trong tệp nén", en: "number of entries in the zip" },
  maxEntryBytes: { vi: "dung lượng giải nén của một phần", en: "inflated size of one part" },
  maxTotalBytes: { vi: "tổng dung lượng giải nén", en: "total inflated size" },
  maxInflateRatio: {
    vi: "tỷ lệ giải nén của một phần (dấu hiệu tệp bom nén)",
    en: "inflation ratio of one part (the mark of a zip bomb)",
  },
  maxRows: { vi: "số dòng của trang tính", en: "row number on a sheet" },
  maxColumns: { vi: "số cột của trang tính", en: "column number on a sheet" },
  maxCells: { vi: "số ô của bảng dữ liệu", en: "number of cells in the grid" },
  maxSharedStrings: { vi: "số chuỗi dùng chung", en: "number of shared strings" },
  maxCellText: { vi: "độ dài văn bản trong một ô", en: "length of text in one cell" },
  maxDepth: { vi: "độ sâu lồng nhau của XML", en: "XML nesting depth" },
};

/** A limit exceeded, named with its value and the part where it happened. */
export function tooLarge(
  limit: keyof XlsxLimits,
  value: number,
  part?: string,
  where?: string | Bilingual,
): XlsxError {
  const at = (lang: "vi" | "en"): string => {
    const bits = [typeof where === "object" ? where[lang] : where, part].filter(Boolean).join(", ");
    if (!bits) return "";
    return lang === "vi" ? ` (tại ${bits})` : ` (at ${bits})`;
  };
  return new XlsxError(
    "too-large",
    {
      vi:
        `Tệp vượt giới hạn ${LIMIT_TEXT[limit].vi}: tối đa ${amount(limit, value, "vi")}${at("vi")}. ` +
        `Tệp báo cáo thông thường nhỏ hơn nhiều; hãy kiểm tra lại tệp (giới hạn ${limit}).`,
      en:
        `The file exceeds the limit on ${LIMIT_TEXT[limit].en}: at most ${amount(limit, value, "en")}${at("en")}. ` +
        `Real submissions are far smaller; check the file (limit ${limit}).`,
    },
    part,
    limit,
  );
}

/** A short text in both languages. */
export function bi(vi: string, en: string): Bilingual {
  return { vi, en };
}

/** What is wrong with a damaged file, for the messages. */
export const DAMAGE = {
  truncated: bi("tệp bị cắt cụt", "the file is truncated"),
  noDirectory: bi(
    "không có thư mục của tệp nén (tệp bị cắt cụt hoặc không phải tệp zip)",
    "no zip central directory (the file is truncated or not a zip)",
  ),
  directory: bi("thư mục của tệp nén bị hỏng", "the zip central directory is damaged"),
  localHeader: bi("đầu mục trong tệp nén bị hỏng", "a zip local header is damaged"),
  entryEncrypted: bi("mục trong tệp nén bị mã hóa", "the zip entry is encrypted"),
  compressedData: bi("dữ liệu nén bị hỏng", "the compressed data is damaged"),
  checksum: bi("sai mã kiểm tra CRC, phần này bị hỏng", "checksum mismatch, the part is damaged"),
  emptyPart: bi("phần này trống", "the part is empty"),
} as const;

/** A zip or XML part that cannot be read; `detail` says what was wrong. */
export function corrupt(part: string | undefined, detail: Bilingual): XlsxError {
  const where = part ? { vi: ` (phần ${part})`, en: ` (part ${part})` } : { vi: "", en: "" };
  // A file cut short (an interrupted download or copy) will not open in Excel either.
  const incomplete = detail === DAMAGE.truncated || detail === DAMAGE.noDirectory;
  return new XlsxError(
    "corrupt",
    {
      vi:
        `Tệp bị hỏng, không đọc được như một sổ làm việc Excel${where.vi}: ${detail.vi}. ` +
        (incomplete
          ? "Bản nhận được có thể không đầy đủ: hãy đề nghị đơn vị gửi lại tệp."
          : "Hãy mở tệp bằng Excel, lưu lại thành .xlsx rồi gửi lại."),
      en:
        `The file is damaged and cannot be read as an Excel workbook${where.en}: ${detail.en}. ` +
        (incomplete
          ? "The copy received may be incomplete: ask the unit to send the file again."
          : "Open it in Excel, save it again as .xlsx and send it again."),
    },
    part,
  );
}

/**
 * A zip holding two entries of one name (OPC names ignore case): no writer of workbooks makes one,
 * and programs disagree on which of the two to read (the first, the last), so the same file would
 * show different figures to different readers. Refused rather than read either way.
 */
export function duplicateEntry(name: string): XlsxError {
  return new XlsxError(
    "corrupt",
    {
      vi:
        `Tệp nén chứa hai mục cùng tên "${name}", điều mà Excel không bao giờ ghi: mỗi chương trình có thể ` +
        "đọc một bản khác nhau, nên tệp bị từ chối để không dùng nhầm số liệu. " +
        "Hãy mở tệp bằng Excel, lưu lại thành .xlsx rồi gửi lại.",
      en:
        `The zip holds two entries named "${name}", which Excel never writes: programs may read either one, ` +
        "so the file is refused rather than risk using the wrong figures. " +
        "Open it in Excel, save it again as .xlsx and send it again.",
    },
    name,
  );
}

export function unsafeXml(part: string): XlsxError {
  return new XlsxError(
    "unsafe-xml",
    {
      vi:
        `Phần ${part} của tệp chứa khai báo DOCTYPE/ENTITY, điều mà Excel không bao giờ ghi; ` +
        "tệp bị từ chối để đảm bảo an toàn. Hãy mở tệp bằng Excel, lưu lại thành .xlsx rồi gửi lại.",
      en:
        `Part ${part} holds a DOCTYPE/ENTITY declaration, which Excel never writes; the file is refused ` +
        "for safety. Open it in Excel, save it again as .xlsx and send it again.",
    },
    part,
  );
}

export function emptyFile(): XlsxError {
  return new XlsxError("empty", {
    vi: "Tệp rỗng (0 byte), không có dữ liệu.",
    en: "The file is empty (0 bytes).",
  });
}

export function xlsFile(): XlsxError {
  return new XlsxError("xls", {
    vi:
      "Tệp là sổ làm việc Excel 97–2003 (.xls), định dạng cũ không đọc được. Hãy mở tệp bằng Excel, " +
      "chọn Tệp > Lưu thành > Sổ làm việc Excel (*.xlsx), rồi gửi tệp .xlsx.",
    en:
      "The file is an Excel 97–2003 workbook (.xls), an old format that cannot be read. Open it in Excel, " +
      "choose File > Save As > Excel Workbook (*.xlsx), and send the .xlsx file.",
  });
}

export function encryptedFile(): XlsxError {
  return new XlsxError("encrypted", {
    vi:
      "Tệp được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu: mở tệp bằng Excel, chọn Tệp > Thông tin > " +
      "Bảo vệ Sổ làm việc > Mã hóa bằng Mật khẩu, xóa mật khẩu, lưu lại rồi gửi lại tệp.",
    en:
      "The file is password-protected and cannot be read. Remove the password: open it in Excel, choose " +
      "File > Info > Protect Workbook > Encrypt with Password, clear the password, save, and send the file again.",
  });
}

/** What a file that is not a workbook looks like, for the message. */
export type NotXlsxKind =
  | "pdf"
  | "image"
  | "word"
  | "powerpoint"
  | "opendocument"
  | "xlsb"
  | "html"
  | "xml2003"
  | "text"
  | "zip"
  | "ole"
  | "unknown";

const KIND_TEXT: Record<NotXlsxKind, Bilingual> = {
  pdf: { vi: "một tệp PDF", en: "a PDF file" },
  image: { vi: "một tệp ảnh", en: "an image" },
  word: { vi: "một văn bản Word", en: "a Word document" },
  powerpoint: { vi: "một bài trình chiếu PowerPoint", en: "a PowerPoint presentation" },
  opendocument: {
    vi: "một bảng tính OpenDocument (.ods)",
    en: "an OpenDocument spreadsheet (.ods)",
  },
  xlsb: { vi: "một sổ làm việc nhị phân Excel (.xlsb)", en: "an Excel binary workbook (.xlsb)" },
  html: { vi: "một trang web (HTML) mang đuôi Excel", en: "a web page (HTML) named like an Excel file" },
  xml2003: { vi: "một tệp Bảng tính XML 2003", en: "an XML Spreadsheet 2003 file" },
  text: { vi: "một tệp văn bản (có thể là CSV)", en: "a text file (perhaps CSV)" },
  zip: { vi: "một tệp nén không chứa sổ làm việc", en: "a zip archive that holds no workbook" },
  ole: { vi: "một tài liệu Office cũ không phải Excel", en: "an old Office document that is not Excel" },
  unknown: { vi: "không phải một sổ làm việc Excel", en: "not an Excel workbook" },
};

/** Kinds that Excel or LibreOffice can open and save again as .xlsx. */
const RESAVABLE: ReadonlySet<NotXlsxKind> = new Set(["opendocument", "xlsb", "html", "xml2003", "text"]);

export function notXlsx(kind: NotXlsxKind): XlsxError {
  const what = KIND_TEXT[kind];
  const resave = RESAVABLE.has(kind);
  return new XlsxError("not-xlsx", {
    vi:
      kind === "unknown"
        ? "Tệp không phải là sổ làm việc Excel (.xlsx)."
        : `Tệp không phải là sổ làm việc Excel (.xlsx): đây là ${what.vi}.` +
          (resave
            ? " Hãy mở tệp bằng Excel, chọn Tệp > Lưu thành > Sổ làm việc Excel (*.xlsx), rồi gửi tệp .xlsx."
            : ""),
    en:
      kind === "unknown"
        ? "The file is not an Excel workbook (.xlsx)."
        : `The file is not an Excel workbook (.xlsx): it is ${what.en}.` +
          (resave
            ? " Open it in Excel, choose File > Save As > Excel Workbook (*.xlsx), and send the .xlsx file."
            : ""),
  });
}
