import type { SourceDoc } from "../core/grid";
import { makeIssue, type Issue } from "../core/issues";
import { readCsv } from "./csv-reader";
import { sniff, type Sniffed } from "./sniff";
import { createXlsxReader, readXlsx, type XlsxReader } from "./xlsx-read";

const WHAT: Record<Exclude<Sniffed, "zip" | "ole" | "text">, { vi: string; en: string; reason: string }> = {
  empty: {
    vi: "Tệp rỗng (0 byte), không có dữ liệu: hãy đề nghị đơn vị gửi lại tệp báo cáo",
    en: "The file is empty (0 bytes): ask the unit to send its report again",
    reason: "empty",
  },
  png: {
    vi: "Tệp là ảnh PNG, không phải bảng tính: hãy gửi tệp Excel (.xlsx) hoặc CSV",
    en: "The file is a PNG image, not a spreadsheet: send the Excel (.xlsx) or CSV file",
    reason: "not-a-spreadsheet",
  },
  pdf: {
    vi: "Tệp là PDF, không phải bảng tính: hãy gửi tệp Excel (.xlsx) hoặc CSV",
    en: "The file is a PDF, not a spreadsheet: send the Excel (.xlsx) or CSV file",
    reason: "not-a-spreadsheet",
  },
  binary: {
    vi: "Tệp không phải bảng tính Excel hay CSV (dữ liệu nhị phân không đọc được): hãy gửi tệp Excel (.xlsx) hoặc CSV",
    en: "The file is neither an Excel workbook nor a CSV (unreadable binary data): send the Excel (.xlsx) or CSV file",
    reason: "not-a-spreadsheet",
  },
};

export type ReadOutcome = { ok: true; doc: SourceDoc } | { ok: false; issue: Issue };

/** How a file is to be read, decided from its first bytes and its name, before reading it all. */
export type FileKind = { kind: "xlsx" } | { kind: "csv" } | { kind: "unreadable"; issue: Issue };

export function classify(head: Uint8Array, file: string): FileKind {
  const kind = sniff(head);
  if (kind === "zip" || kind === "ole") return { kind: "xlsx" };
  if (kind !== "text") {
    const w = WHAT[kind];
    return {
      kind: "unreadable",
      issue: makeIssue("error", "unreadable-file", { vi: w.vi, en: w.en }, { file, reason: w.reason }),
    };
  }
  if (/\.(xlsx|xlsm|xlsb|xls|ods)$/i.test(file)) {
    // Text named like a workbook: a web page or an XML Spreadsheet 2003 that some program exported
    // "to Excel", or a CSV renamed. The workbook reader says which, and how to save it as .xlsx.
    const r = readXlsx(head, file);
    const message = r.ok
      ? {
          vi: "Tệp không phải là sổ làm việc Excel (.xlsx).",
          en: "The file is not an Excel workbook (.xlsx).",
        }
      : r.message;
    return {
      kind: "unreadable",
      issue: makeIssue("error", "unreadable-file", message, { file, reason: "not-xlsx" }),
    };
  }
  return { kind: "csv" };
}

/** A reader that keeps nothing between files (no memo, fflate): for a file read on its own. */
const ALONE: XlsxReader = createXlsxReader({ memo: false });

/**
 * Reads a workbook's parts a submission, a plan or a previous summary needs, with the caller's
 * reader (its codec and memo: the engine's callers make one per thread), else one of its own.
 */
export function readWorkbook(bytes: Uint8Array, file: string, xlsx: XlsxReader = ALONE): ReadOutcome {
  const r = xlsx.read(bytes, file, { tables: ["ChiTieu", "KeHoach", "ChiTieu_DonVi", "ChiTieu_Nhom"] });
  if (r.ok) return { ok: true, doc: r.doc };
  return { ok: false, issue: makeIssue("error", "unreadable-file", r.message, { file, reason: r.reason }) };
}

/**
 * Reads any submission file into grids: xlsx by its content (whatever the extension), CSV as text.
 * A file that cannot be read becomes one `unreadable-file` issue with the reason, never an exception.
 */
export function readSourceFile(bytes: Uint8Array, file: string, xlsx?: XlsxReader): ReadOutcome {
  const c = classify(bytes, file);
  if (c.kind === "unreadable") return { ok: false, issue: c.issue };
  if (c.kind === "xlsx") return readWorkbook(bytes, file, xlsx);
  try {
    return { ok: true, doc: readCsv(bytes, file) };
  } catch (e) {
    return { ok: false, issue: csvFailure(file, e) };
  }
}

export function csvFailure(file: string, e: unknown): Issue {
  return makeIssue(
    "error",
    "unreadable-file",
    {
      vi: `Không đọc được tệp CSV: ${(e as Error).message}`,
      en: `Cannot read the CSV file: ${(e as Error).message}`,
    },
    { file, reason: "corrupt" },
  );
}
