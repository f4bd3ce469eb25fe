/*
 * Errors the Excel adapters raise: a Vietnamese message first, its English twin, and Office's error
 * code, so the pane can show what happened and what to do instead of a raw "GeneralException".
 */

export class ExcelActionError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
    readonly code = "ChiTieu",
    options?: { cause?: unknown },
  ) {
    super(vi, options);
    this.name = "ExcelActionError";
  }
}

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { errorLocation?: unknown; message?: unknown };
}

const HINTS: Record<string, [string, string]> = {
  AccessDenied: [
    "Excel không cho phép thao tác này (trang tính hoặc sổ đang được bảo vệ, hoặc đang sửa một ô).",
    "Excel refused the operation (a protected sheet or workbook, or a cell being edited).",
  ],
  RequestPayloadSizeLimitExceeded: [
    "Dữ liệu gửi tới Excel vượt giới hạn 5 MB của một lần gửi.",
    "The data sent to Excel exceeded its 5 MB request limit.",
  ],
  ResponsePayloadSizeLimitExceeded: [
    "Dữ liệu đọc từ Excel vượt giới hạn 5 MB của một lần đọc.",
    "The data read from Excel exceeded its 5 MB response limit.",
  ],
  ApiNotFound: [
    "Phiên bản Excel này chưa hỗ trợ chức năng cần dùng.",
    "This version of Excel does not support a function that is needed.",
  ],
  ItemNotFound: [
    "Không tìm thấy đối tượng cần dùng trong sổ tính.",
    "Something needed is not in the workbook.",
  ],
  ItemAlreadyExists: ["Tên đã có trong sổ tính.", "The name already exists in the workbook."],
  InvalidArgument: [
    "Excel từ chối một giá trị ghi vào sổ.",
    "Excel rejected a value written to the workbook.",
  ],
  InvalidOperation: ["Excel không thực hiện được thao tác.", "Excel could not carry out the operation."],
  GeneralException: [
    "Excel gặp lỗi khi thực hiện thao tác.",
    "Excel hit an error carrying out the operation.",
  ],
};

/** Wraps whatever Office threw into an ExcelActionError that keeps Office's own words for diagnosis. */
export function toActionError(e: unknown, doingVi: string, doingEn: string): ExcelActionError {
  if (e instanceof ExcelActionError) return e;
  const o = (typeof e === "object" && e !== null ? e : {}) as OfficeLikeError;
  const code = typeof o.code === "string" ? o.code : "Unknown";
  const detail = typeof o.message === "string" ? o.message : String(e);
  const where = typeof o.debugInfo?.errorLocation === "string" ? ` [${o.debugInfo.errorLocation}]` : "";
  const [vi, en] = HINTS[code] ?? ["Excel báo lỗi.", "Excel reported an error."];
  return new ExcelActionError(
    `${doingVi}: ${vi} (${code}: ${detail}${where})`,
    `${doingEn}: ${en} (${code}: ${detail}${where})`,
    code,
    { cause: e },
  );
}
