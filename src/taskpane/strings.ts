import type { UnitStatus } from "../core/json-report/types";
import type { ChoiceKind } from "./periods";

/*
 * Every word the pane shows, one object per language (Vietnamese first; English is a switch).
 * Written in Unicode NFC, the form the project compares and writes text in (a test checks it).
 */

export type Lang = "vi" | "en";
export type TabId = "template" | "check" | "consolidate";

const vi = {
  lang: "vi" as Lang,
  appTitle: "ChiTieu",
  appSubtitle: "Chỉ tiêu kế hoạch xã, tỉnh",
  englishSwitch: "English",
  tabs: { template: "Mẫu biểu", check: "Kiểm tra", consolidate: "Tổng hợp" } satisfies Record<TabId, string>,
  tabListLabel: "Chức năng",
  connecting: "Đang kết nối với Excel…",
  standalone:
    "Đang chạy ngoài Excel: chọn tệp để tổng hợp rồi tải kết quả về máy. Mọi xử lý diễn ra ngay trên máy này; không tệp nào được gửi đi.",
  officeTimeout: "Excel không phản hồi nên phần bổ trợ chạy như trong trình duyệt.",
  errorTitle: "Có lỗi",
  unexpected: (what: string) => `Lỗi không lường trước: ${what}`,
  dismiss: "Đóng",
  optional: "không bắt buộc",
  chooseFile: "Chọn tệp…",
  chooseFiles: "Chọn các tệp…",

  template: {
    introHost:
      "Chèn mẫu biểu chuẩn vào sổ tính đang mở: bảng ChiTieu, tên xác định, kiểm tra dữ liệu khi nhập, ô nhập liệu mở khóa và phần còn lại được khóa.",
    introBrowser: "Tạo tệp mẫu biểu chuẩn (.xlsx) để gửi cho đơn vị điền.",
    templateLabel: "Mẫu biểu",
    unitLabel: "Mã đơn vị",
    unitHint: "Mã theo danh mục đơn vị hành chính 2025, ví dụ 04240.",
    unitSearchLabel: "Tìm đơn vị theo tên",
    unitSearchPlaceholder: "Gõ tên xã, phường hoặc tỉnh…",
    unitSearchNone: "Không có đơn vị nào khớp.",
    unitSearchOpen: "Mở danh sách đơn vị tìm được",
    unitFound: (name: string, parent: string) => (parent ? `${name} (${parent})` : name),
    periodLabel: "Kỳ báo cáo",
    periodHint: "Chọn trong danh sách hoặc gõ, ví dụ 2026-Q3, 2026-H1, 2026-2030.",
    insert: "Chèn mẫu",
    // Outside Excel there is no workbook to insert into: the same button saves a file.
    downloadOnly: "Tải mẫu về",
    download: "Tải tệp mẫu",
    working: "Đang chèn mẫu…",
    making: "Đang tạo tệp mẫu…",
    unitMissing: "Nhập mã đơn vị.",
    unitUnknown: (code: string, hints: string) =>
      `Mã đơn vị "${code}" không có trong danh mục hành chính 2025.${hints ? ` Có phải: ${hints}?` : ""}`,
    periodMissing: "Nhập kỳ báo cáo.",
    periodInvalid: (p: string) =>
      `“${p}” không phải kỳ báo cáo. Chọn trong danh sách, hoặc gõ như 2026, 2026-H1 (6 tháng đầu năm), 2026-Q3, 2026-9M, 2026-2030 (giai đoạn).`,
    periodKind: (p: string, kinds: string) => `Mẫu này báo cáo theo kỳ: ${kinds}; không có kỳ ${p}.`,
    periodKinds: { year: "năm", half: "6 tháng", quarter: "quý", "9m": "9 tháng", month: "tháng" } as Record<
      string,
      string
    >,
    inserted: (sheets: string) => `Đã chèn mẫu vào ${sheets}.`,
    replaced: "Trang do ChiTieu tạo trước đây đã được thay bằng mẫu mới.",
    beside: (name: string) =>
      `Sổ đã có trang cùng tên do người dùng tạo nên mẫu được chèn vào trang "${name}"; trang của người dùng giữ nguyên.`,
    skipped: (list: string) =>
      `Phiên bản Excel này chưa hỗ trợ: ${list}. Mẫu vẫn dùng được; cần đủ các phần này thì dùng “Tải tệp mẫu”.`,
    downloaded: (file: string) => `Đã tạo tệp ${file}.`,
  },

  check: {
    introHost:
      "Đọc bảng ChiTieu của sổ tính đang mở và liệt kê những ô cần xem lại. Bấm vào một vấn đề để tới ô đó.",
    introBrowser: "Chọn một tệp báo cáo (.xlsx hoặc .csv) để kiểm tra trên máy này.",
    // Not "…kiểm tra": a file chooser is a button, and "Kiểm tra" must name one button only.
    fileLabel: "Tệp báo cáo đơn vị",
    run: "Kiểm tra",
    working: "Đang kiểm tra…",
    noFile: "Chọn tệp cần kiểm tra.",
    unavailable:
      "Chức năng kiểm tra chưa có trong bản này (bộ máy kiểm tra đang được hoàn thiện), nên chưa có kết quả nào.",
    resultTitle: "Kết quả kiểm tra",
    noIssues: "Không phát hiện vấn đề nào.",
    found: (errors: number, warnings: number) =>
      errors > 0
        ? `Kiểm tra xong: ${errors} lỗi, ${warnings} cảnh báo. Sửa các lỗi trong danh sách dưới đây.`
        : `Kiểm tra xong: không có lỗi, ${warnings} cảnh báo nên xem lại.`,
    read: (cells: number) => `Đã đọc bảng ChiTieu (${cells} ô có dữ liệu).`,
  },

  consolidate: {
    intro:
      "Chọn các tệp báo cáo của các đơn vị (.xlsx, .csv), danh sách đơn vị và kế hoạch nếu có, rồi bấm Tổng hợp.",
    filesLabel: "Tệp báo cáo",
    rosterLabel: "Danh sách đơn vị",
    planLabel: "Kế hoạch",
    periodLabel: "Kỳ báo cáo",
    periodHint: "Chọn trong danh sách hoặc gõ, ví dụ 2026-H1. Để trống: theo kỳ ghi trong các báo cáo.",
    periodInvalid: (p: string) =>
      `“${p}” không phải kỳ báo cáo. Chọn trong danh sách, hoặc gõ như 2026, 2026-H1 (6 tháng đầu năm), 2026-Q3, 2026-9M, 2026-2030 (giai đoạn); hoặc để trống.`,
    historyLabel: "Kỳ trước",
    historyHint: "bảng tổng hợp hoặc báo cáo các kỳ trước (.xlsx, .csv), để so sánh — không bắt buộc",
    dueLabel: "Hạn nộp",
    dueHint: "Ngày/tháng/năm, ví dụ 15/12/2026. Để trống: theo hạn của mẫu biểu.",
    dueInvalid: (d: string) => `“${d}” không phải ngày. Nhập ngày/tháng/năm, ví dụ 15/12/2026.`,
    chosen: (n: number) => (n === 0 ? "Chưa chọn tệp" : n === 1 ? "1 tệp" : `${n} tệp`),
    run: "Tổng hợp",
    reading: (done: number, total: number) => `Đang đọc tệp ${done}/${total}…`,
    computing: (n: number) => `Đang kiểm tra và tổng hợp số liệu của ${n} tệp…`,
    writing: "Đang ghi bảng tổng hợp vào sổ…",
    fixFields: "Sửa các ô được đánh dấu rồi bấm Tổng hợp lại.",
    noFiles: "Chọn ít nhất một tệp báo cáo.",
    doneTitle: "Đã tổng hợp xong",
    done: (files: number, used: number, errors: number, warnings: number, host: boolean) =>
      `Đã đọc ${files} tệp, dùng số liệu của ${used} đơn vị.` +
      (errors + warnings > 0
        ? ` Có ${errors} lỗi, ${warnings} cảnh báo: xem danh sách vấn đề ở dưới.`
        : " Không có vấn đề nào.") +
      (host ? "" : " Bấm “Tải về” để lưu bảng tổng hợp."),
    noneUsableTitle: "Không tệp nào dùng được",
    noneUsable: (n: number) =>
      `Chưa có số liệu nào để tổng hợp: cả ${n} tệp đã chọn đều không dùng được. Lý do từng tệp ở dưới; sửa tệp hoặc đề nghị đơn vị gửi lại, rồi chọn lại tệp và bấm Tổng hợp.`,
    noReason: "không có báo cáo nào dùng được trong tệp",
    changed: "Đầu vào đã thay đổi nên kết quả cũ đã được xóa. Bấm Tổng hợp để có kết quả mới.",
    rosterInvalid: (file: string, why: string) =>
      `Danh sách đơn vị “${file}” không dùng được: ${why}. Cần tệp CSV có dòng tiêu đề ma_don_vi, ten_don_vi, cap, ma_cha (như tệp roster.csv của bộ số liệu mẫu), hoặc bỏ trống ô này.`,
    unavailable: (n: number) =>
      `Đã đọc ${n} tệp trên máy này, nhưng chức năng tổng hợp chưa có trong bản này (bộ máy tổng hợp đang được hoàn thiện). Không tệp nào bị thay đổi hay gửi đi.`,
    download: "Tải về",
    downloadReport: "Tải báo cáo",
    insert: "Chèn vào sổ này",
    downloaded: (file: string) => `Đã tạo tệp ${file}.`,
    inserted: (sheets: string) => `Đã chèn bảng tổng hợp vào ${sheets}.`,
    resultTitle: "Kết quả tổng hợp",
    scope: (name: string, period: string) => `${name} — ${period}`,
    unitsTitle: "Đơn vị",
    figuresTitle: "Số liệu tổng hợp",
    change: (period: string, change: string) => `So với ${period}: ${change}`,
    points: "điểm %",
    changeSince: (period: string) => `So với ${period}`,
    unchanged: "không đổi",
    baseUnits: (reporting: number, expected: number) => `${reporting}/${expected} xã`,
    columns: {
      code: "Mã chỉ tiêu",
      name: "Chỉ tiêu",
      value: "Thực hiện",
      numerator: "Tử số",
      denominator: "Mẫu số",
      target: "Kế hoạch",
      reporting: "Đơn vị báo cáo",
      status: "Đánh giá",
      change: "So với kỳ trước",
    },
    parts: (n: string, d: string) => `Tử số ${n} / mẫu số ${d}`,
    reportingShort: (r: number, e: number) => `${r}/${e} đơn vị báo cáo`,
    targetLabel: "Kế hoạch",
    unitStatus: {
      ok: "đã nộp",
      late: "nộp muộn",
      missing: "chưa nộp",
      rejected: "không dùng được",
      duplicate: "trùng",
      unknown: "ngoài danh sách",
    } satisfies Record<UnitStatus, string>,
  },

  periods: {
    placeholder: "Chọn hoặc gõ kỳ…",
    open: "Mở danh sách kỳ báo cáo",
    none: "Không có kỳ nào trong danh sách khớp; gõ kỳ như 2026-H1.",
    groups: {
      quarter: "Quý",
      half: "6 tháng",
      "9m": "9 tháng",
      year: "Năm",
      phase: "Giai đoạn",
    } satisfies Record<ChoiceKind, string>,
  },

  issues: {
    title: (n: number) => `Vấn đề (${n})`,
    error: "Lỗi",
    warning: "Cảnh báo",
    counts: (errors: number, warnings: number) => `${errors} lỗi, ${warnings} cảnh báo`,
    order: "Lỗi xếp trước, rồi đến cảnh báo. Bấm vào một vấn đề để xem chỗ cần sửa.",
    unit: (name: string, code: string) => (name && name !== code ? `${name} (${code})` : `Đơn vị ${code}`),
    indicator: (name: string, code: string) => (name ? `${name} (${code})` : code),
    whereLabel: "Ở đâu",
    selected: (sheet: string, cell: string) => `Đã chọn ô ${cell} trên trang “${sheet}” trong sổ tính.`,
    advice: {
      file: "Đề nghị đơn vị gửi lại tệp theo đúng mẫu biểu, rồi tổng hợp lại.",
      unit: "Liên hệ đơn vị để nộp hoặc xác nhận báo cáo, rồi tổng hợp lại.",
      plan: "Sửa tệp kế hoạch ở chỗ nêu trên, rồi tổng hợp lại.",
      cell: "Sửa ô nêu trên trong tệp của đơn vị (hoặc đề nghị đơn vị sửa), rồi tổng hợp lại.",
      check: "Sửa ô nêu trên rồi bấm Kiểm tra lại.",
      result: "Đây là nhận xét về kết quả, không cần sửa tệp; dùng khi viết báo cáo.",
    },
    where: (file?: string, sheet?: string, cell?: string, line?: number) =>
      [
        file ? `tệp ${file}` : "",
        line !== undefined ? `dòng ${line}` : sheet ? `trang ${sheet}` : "",
        line === undefined && cell ? `ô ${cell}` : "",
      ]
        .filter(Boolean)
        .join(", "),
    goTo: "Tới ô",
    more: (n: number) => `Xem thêm ${n} vấn đề`,
  },

  features: {
    version: (v: string) => `cần ExcelApi ${v}`,
  },
};

export type Strings = typeof vi;

/** "1 error", "2 errors": English counts. */
function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

const en: Strings = {
  lang: "en",
  appTitle: "ChiTieu",
  appSubtitle: "Commune and province plan indicators",
  englishSwitch: "English",
  tabs: { template: "Templates", check: "Check", consolidate: "Consolidate" },
  tabListLabel: "Functions",
  connecting: "Connecting to Excel…",
  standalone:
    "Running outside Excel: choose files to consolidate and download the result. Everything happens on this computer; no file is sent anywhere.",
  officeTimeout: "Excel did not answer, so the add-in runs as in a browser.",
  errorTitle: "Error",
  unexpected: (what: string) => `Unexpected error: ${what}`,
  dismiss: "Close",
  optional: "optional",
  chooseFile: "Choose a file…",
  chooseFiles: "Choose files…",

  template: {
    introHost:
      "Insert a standard template into the open workbook: the ChiTieu table, defined names, data validation, input cells unlocked and the rest protected.",
    introBrowser: "Create a standard template file (.xlsx) to send to a unit.",
    templateLabel: "Template",
    unitLabel: "Unit code",
    unitHint: "Code from the 2025 official list of units, e.g. 04240.",
    unitSearchLabel: "Find a unit by name",
    unitSearchPlaceholder: "Type a commune, ward or province name…",
    unitSearchNone: "No unit matches.",
    unitSearchOpen: "Open the list of units found",
    unitFound: (name: string, parent: string) => (parent ? `${name} (${parent})` : name),
    periodLabel: "Reporting period",
    periodHint: "Choose from the list or type one, e.g. 2026-Q3, 2026-H1, 2026-2030.",
    insert: "Insert template",
    downloadOnly: "Download template",
    download: "Download template",
    working: "Inserting…",
    making: "Making the template file…",
    unitMissing: "Type a unit code.",
    unitUnknown: (code: string, hints: string) =>
      `Unit code "${code}" is not in the 2025 official list.${hints ? ` Did you mean: ${hints}?` : ""}`,
    periodMissing: "Type a reporting period.",
    periodInvalid: (p: string) =>
      `“${p}” is not a reporting period. Choose one from the list, or type one like 2026, 2026-H1 (first half), 2026-Q3, 2026-9M, 2026-2030 (phase).`,
    periodKind: (p: string, kinds: string) => `This template reports by ${kinds}; not for ${p}.`,
    periodKinds: { year: "year", half: "half-year", quarter: "quarter", "9m": "nine months", month: "month" },
    inserted: (sheets: string) => `Template inserted into ${sheets}.`,
    replaced: "The sheet ChiTieu had written before was replaced by the new template.",
    beside: (name: string) =>
      `The workbook already had a sheet of that name made by its user, so the template went to "${name}"; the user's sheet is untouched.`,
    skipped: (list: string) =>
      `This version of Excel cannot draw: ${list}. The template works; for all of it, use “Download template”.`,
    downloaded: (file: string) => `Created ${file}.`,
  },

  check: {
    introHost:
      "Reads the open workbook's ChiTieu table and lists the cells to review. Click an issue to go to its cell.",
    introBrowser: "Choose a report file (.xlsx or .csv) to check on this computer.",
    fileLabel: "Report file",
    run: "Check",
    working: "Checking…",
    noFile: "Choose a file to check.",
    unavailable:
      "Checking is not available in this build yet (the checking engine is being finished), so there are no results.",
    resultTitle: "Check result",
    noIssues: "No issues found.",
    found: (errors: number, warnings: number) =>
      errors > 0
        ? `Check finished: ${plural(errors, "error")}, ${plural(warnings, "warning")}. Fix the errors listed below.`
        : `Check finished: no errors, ${plural(warnings, "warning")} worth a look.`,
    read: (cells: number) => `Read the ChiTieu table (${cells} cells with data).`,
  },

  consolidate: {
    intro:
      "Choose the units' report files (.xlsx, .csv), the roster and the plan if any, then click Consolidate.",
    filesLabel: "Report files",
    rosterLabel: "Roster",
    planLabel: "Plan",
    periodLabel: "Reporting period",
    periodHint:
      "Choose from the list or type one, e.g. 2026-H1. Leave empty to use the period the reports name.",
    periodInvalid: (p: string) =>
      `“${p}” is not a reporting period. Choose one from the list, or type one like 2026, 2026-H1 (first half), 2026-Q3, 2026-9M, 2026-2030 (phase); or leave it empty.`,
    historyLabel: "Earlier periods",
    historyHint: "summaries or reports of earlier periods (.xlsx, .csv), to compare with — optional",
    dueLabel: "Due date",
    dueHint: "Day/month/year, e.g. 15/12/2026. Leave empty for the template's deadline.",
    dueInvalid: (d: string) => `“${d}” is not a date. Type day/month/year, e.g. 15/12/2026.`,
    chosen: (n: number) => (n === 0 ? "No file chosen" : n === 1 ? "1 file" : `${n} files`),
    run: "Consolidate",
    reading: (done: number, total: number) => `Reading file ${done}/${total}…`,
    computing: (n: number) => `Checking and consolidating the figures of ${n} files…`,
    writing: "Writing the summary into this workbook…",
    fixFields: "Correct the marked fields, then click Consolidate again.",
    noFiles: "Choose at least one report file.",
    doneTitle: "Consolidation finished",
    done: (files: number, used: number, errors: number, warnings: number, host: boolean) =>
      `Read ${plural(files, "file")}; used the figures of ${plural(used, "unit")}.` +
      (errors + warnings > 0
        ? ` ${plural(errors, "error")} and ${plural(warnings, "warning")}: see the list of issues below.`
        : " No issues.") +
      (host ? "" : " Click “Download” to save the summary workbook."),
    noneUsableTitle: "No file could be used",
    noneUsable: (n: number) =>
      `There are no figures to consolidate: none of the ${n} files chosen could be used. Each file's reason is below; fix the files or ask the units to send them again, then choose them again and click Consolidate.`,
    noReason: "no usable report in the file",
    changed: "The inputs changed, so the old result was cleared. Click Consolidate for a new one.",
    rosterInvalid: (file: string, why: string) =>
      `The roster “${file}” cannot be used: ${why}. It must be a CSV file with the header row ma_don_vi, ten_don_vi, cap, ma_cha (like roster.csv in the sample data), or leave this field empty.`,
    unavailable: (n: number) =>
      `Read ${n} files on this computer, but consolidation is not available in this build yet (the engine is being finished). No file was changed or sent anywhere.`,
    download: "Download",
    downloadReport: "Download report",
    insert: "Insert into this workbook",
    downloaded: (file: string) => `Created ${file}.`,
    inserted: (sheets: string) => `Summary inserted into ${sheets}.`,
    resultTitle: "Consolidated result",
    scope: (name: string, period: string) => `${name} — ${period}`,
    unitsTitle: "Units",
    figuresTitle: "Consolidated figures",
    change: (period: string, change: string) => `Compared with ${period}: ${change}`,
    points: "percentage points",
    changeSince: (period: string) => `Compared with ${period}`,
    unchanged: "no change",
    baseUnits: (reporting: number, expected: number) => `${reporting}/${expected} communes`,
    columns: {
      code: "Indicator code",
      name: "Indicator",
      value: "Actual",
      numerator: "Numerator",
      denominator: "Denominator",
      target: "Plan",
      reporting: "Units reporting",
      status: "Assessment",
      change: "Change from the previous period",
    },
    parts: (n: string, d: string) => `Numerator ${n} / denominator ${d}`,
    reportingShort: (r: number, e: number) => `${r}/${e} units reporting`,
    targetLabel: "Plan",
    unitStatus: {
      ok: "reported",
      late: "late",
      missing: "missing",
      rejected: "rejected",
      duplicate: "duplicate",
      unknown: "not in roster",
    },
  },

  periods: {
    placeholder: "Choose or type a period…",
    open: "Open the list of periods",
    none: "No period in the list matches; type one like 2026-H1.",
    groups: {
      quarter: "Quarters",
      half: "Halves",
      "9m": "Nine months",
      year: "Years",
      phase: "Phases",
    },
  },

  issues: {
    title: (n: number) => `Issues (${n})`,
    error: "Error",
    warning: "Warning",
    counts: (errors: number, warnings: number) =>
      `${plural(errors, "error")}, ${plural(warnings, "warning")}`,
    order: "Errors first, then warnings. Click an issue to see what to fix.",
    unit: (name: string, code: string) => (name && name !== code ? `${name} (${code})` : `Unit ${code}`),
    indicator: (name: string, code: string) => (name ? `${name} (${code})` : code),
    whereLabel: "Where",
    selected: (sheet: string, cell: string) => `Selected cell ${cell} on sheet “${sheet}” in the workbook.`,
    advice: {
      file: "Ask the unit to send the file again in the standard template, then consolidate again.",
      unit: "Contact the unit to submit or confirm its report, then consolidate again.",
      plan: "Correct the plan file where shown above, then consolidate again.",
      cell: "Correct the cell shown above in the unit's file (or ask the unit to), then consolidate again.",
      check: "Correct the cell shown above, then click Check again.",
      result: "This is a remark on the result, not a fault in a file; use it when writing the report.",
    },
    where: (file?: string, sheet?: string, cell?: string, line?: number) =>
      [
        file ? `file ${file}` : "",
        line !== undefined ? `line ${line}` : sheet ? `sheet ${sheet}` : "",
        line === undefined && cell ? `cell ${cell}` : "",
      ]
        .filter(Boolean)
        .join(", "),
    goTo: "Go to cell",
    more: (n: number) => `Show ${n} more`,
  },

  features: {
    version: (v: string) => `needs ExcelApi ${v}`,
  },
};

export const STRINGS: Record<Lang, Strings> = { vi, en };
