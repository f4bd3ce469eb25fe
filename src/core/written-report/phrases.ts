import type { Period } from "../periods";
import { STANDING_TEXT, type Standing } from "../plan/standing";
import type { ReportLang } from "./types";

/*
 * Every word of the written report that is not a sentence about a figure (sentences.ts), one object
 * per language. The Vietnamese follows the seeds' own reports and Decree 30/2020/NĐ-CP; the English
 * says the same things, so a test can hold each report to its own language.
 */

/** How a figure stands against the plan, as the table's last column and section III say it. */
export type { Standing } from "../plan/standing";

/** The standing words of one language: the pane's and the summary workbook's (core/plan/standing). */
const standingWords = (lang: "vi" | "en"): Record<Standing, string> =>
  Object.fromEntries(Object.entries(STANDING_TEXT).map(([k, v]) => [k, v[lang]])) as Record<Standing, string>;

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
export const roman = (n: number): string => ROMAN[n - 1] ?? String(n);

const VI_MONTHS_PADDED = (n: number): string => (n < 10 ? `0${n}` : String(n));
const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const EN_ORDINAL = ["first", "second", "third", "fourth"];

function ymd(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return { y, m, d };
}

export interface Phrases {
  motto: [string, string];
  number: string;
  title: string;
  /** `ngày 05 tháng 02 năm 2026`: Decree 30 pads days below 10 and the months January and February. */
  longDate: (iso: string) => string;
  blankDate: string;
  /** `15/12/2026` */
  shortDate: (iso: string) => string;
  /** `năm 2026`, `6 tháng đầu năm 2026`, `quý III năm 2026`: a period as a subject names it. */
  period: (p: Period) => string;
  /** The same period after "so với" / "on": `năm 2025`, `cùng kỳ năm 2025`. */
  periodLabel: (p: Period, sameTimeLastYear: boolean) => string;
  /** `Năm 2026` as a column header. */
  periodColumn: (p: Period) => string;
  standing: Record<Standing, string>;
  sections: [string, string, string, string, string];
  fill: {
    issuer: string;
    issuerInText: string;
    numberCode: string;
    place: string;
    superior: string;
    archive: string;
    signer: string;
    name: string;
    causes: string;
    proposals: string;
  };
  signHint: string;
  recipientsTitle: string;
  archive: string;
  appendix: string;
  appendixSubtitle: (period: string, scope: string) => string;
  attachedTo: string;
  attachedDate: (date: string | undefined, issuer: string | undefined) => string;
  /** The opening sentence, around the body that reports. */
  intro: (subject: string) => [string, string];
  closing: (subject: string) => string;
  // Section I
  /** The period and the template by its name (its id and version are for machines, not the report). */
  reportingPeriod: (period: string, template: string) => string;
  expectedUnits: (n: number, noun: string, due: string | undefined) => string;
  received: (r: number, e: number, pct: string, onTime: number | undefined, late: number) => string;
  nothingReceived: string;
  lateList: (n: number) => string;
  signedOn: (date: string) => string;
  missingList: (n: number) => string;
  rejectedList: (n: number) => string;
  duplicateList: (n: number) => string;
  unknownList: (n: number) => string;
  fileWord: string;
  codeWord: string;
  andMore: (n: number) => string;
  allOnTime: string;
  unitNoun: { communes: string; provinces: string; units: string };
  // Section II
  /** `usual`: the units most figures rest on, when some units did not report. */
  resultsIntro: (n: number, usual?: [number, number]) => string;
  derivedPart: string;
  otherPart: string;
  // Section III
  againstPlan: string;
  tally: (counts: [Standing, number][]) => string;
  standingList: (s: Standing, n: number) => string;
  groupsAgainstRest: (group: string) => string;
  groupSummary: (group: string, r: number, e: number, worse: number, of: number, better: number) => string;
  widestGaps: string;
  gapItem: (name: string, group: string, rest: string) => string;
  groupName: (code: string) => string;
  rest: string;
  whole: (scopeWord: string | undefined) => string;
  unitTargets: string;
  unitTally: (counts: [Standing, number, string[]][]) => string;
  causes: string;
  // Section IV
  errorsIntro: (n: number) => string;
  noErrors: string;
  warningsIntro: (n: number) => string;
  whereIssue: (file?: string, sheet?: string, cell?: string, line?: number) => string;
  issueFile: (file: string) => string;
  noUnit: string;
  moreIssues: (n: number) => string;
  seeWorkbook: string;
  // Section V
  proposeMissing: (n: number) => string;
  proposeErrors: string;
  proposeBehind: (n: number) => string;
  // Tables
  columns: {
    no: string;
    indicator: string;
    unit: string;
    numerator: string;
    denominator: string;
    actual: (period: string) => string;
    target: string;
    reporting: string;
    standing: string;
  };
  tableNote: string;
}

const VI: Phrases = {
  motto: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
  number: "Số:",
  title: "BÁO CÁO",
  longDate: (iso) => {
    const { y, m, d } = ymd(iso);
    return `ngày ${VI_MONTHS_PADDED(d)} tháng ${m < 3 ? VI_MONTHS_PADDED(m) : m} năm ${y}`;
  },
  blankDate: "ngày     tháng     năm",
  shortDate: (iso) => {
    const { y, m, d } = ymd(iso);
    return `${VI_MONTHS_PADDED(d)}/${VI_MONTHS_PADDED(m)}/${y}`;
  },
  period: (p) => viPeriod(p),
  periodLabel: (p, same) => (same ? `cùng kỳ năm ${p.startYear}` : viPeriod(p)),
  periodColumn: (p) => {
    const s = viPeriod(p);
    return s.charAt(0).toUpperCase() + s.slice(1);
  },
  standing: standingWords("vi"),
  sections: [
    "TÌNH HÌNH TRIỂN KHAI VÀ TỔNG HỢP BÁO CÁO",
    "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
    "ĐÁNH GIÁ CHUNG",
    "NHỮNG VẤN ĐỀ VỀ SỐ LIỆU CẦN KHẮC PHỤC",
    "ĐỀ XUẤT, KIẾN NGHỊ",
  ],
  fill: {
    issuer: "[TÊN CƠ QUAN BÁO CÁO]",
    issuerInText: "[Tên cơ quan báo cáo]",
    numberCode: "[…]",
    place: "[Địa danh]",
    superior: "[Cơ quan cấp trên nhận báo cáo]",
    archive: "[đơn vị soạn thảo]",
    signer: "[QUYỀN HẠN, CHỨC VỤ NGƯỜI KÝ]",
    name: "[Họ và tên]",
    causes:
      "[Nêu nguyên nhân của những kết quả đạt được, của các chỉ tiêu không đạt, chậm tiến độ; những hạn chế, khó khăn.]",
    proposals: "[Đề xuất, kiến nghị khác của cơ quan báo cáo.]",
  },
  signHint: "(Chữ ký, dấu)",
  recipientsTitle: "Nơi nhận:",
  archive: "Lưu: VT, ",
  appendix: "PHỤ LỤC",
  appendixSubtitle: (period, scope) => `Số liệu tổng hợp các chỉ tiêu ${period}${scope ? ` - ${scope}` : ""}`,
  attachedTo: "(Kèm theo Báo cáo số         /BC-",
  attachedDate: (date, issuer) => `${date ? ` ngày ${date}` : ""}${issuer ? ` của ${issuer}` : ""})`,
  intro: (subject) => ["Trên cơ sở báo cáo của các đơn vị, ", ` báo cáo ${subject} như sau:`],
  closing: (subject) => `Trên đây là báo cáo ${subject}./.`,
  reportingPeriod: (period, template) => `Kỳ báo cáo: ${period}; mẫu biểu: ${template}.`,
  expectedUnits: (n, noun, due) =>
    `Số đơn vị phải báo cáo: ${n} ${noun}${due ? `; hạn nộp báo cáo: ngày ${due}` : ""}.`,
  received: (r, e, pct, onTime, late) =>
    `Đã nhận và tổng hợp báo cáo của ${r}/${e} đơn vị (${pct}%)` +
    (onTime === undefined
      ? "."
      : late === 0
        ? ", tất cả đều nộp đúng hạn."
        : `, trong đó ${onTime} đơn vị nộp đúng hạn, ${late} đơn vị nộp muộn.`),
  nothingReceived: "Chưa nhận được báo cáo nào của các đơn vị.",
  lateList: (n) => `Nộp muộn (${n} đơn vị): `,
  signedOn: (date) => `ký ngày ${date}`,
  missingList: (n) => `Chưa nộp báo cáo (${n} đơn vị): `,
  rejectedList: (n) => `Báo cáo không sử dụng được (${n} đơn vị): `,
  duplicateList: (n) => `Gửi nhiều bản có số liệu khác nhau, chưa xác định được bản sử dụng (${n} đơn vị): `,
  unknownList: (n) => `Báo cáo của đơn vị không có trong danh sách, không được tổng hợp (${n} đơn vị): `,
  fileWord: "tệp",
  codeWord: "mã",
  andMore: (n) => `và ${n} đơn vị khác`,
  allOnTime: "Tất cả các đơn vị đã nộp báo cáo đúng hạn.",
  unitNoun: { communes: "đơn vị cấp xã", provinces: "tỉnh, thành phố", units: "đơn vị" },
  resultsIntro: (n, usual) =>
    `Kết quả thực hiện ${n} chỉ tiêu như sau (${usual ? `số liệu tổng hợp từ ${usual[0]}/${usual[1]} đơn vị, trừ chỉ tiêu có ghi riêng; ` : ""}chi tiết tại Phụ lục kèm theo):`,
  derivedPart: "Chỉ tiêu tính từ số liệu tổng hợp",
  otherPart: "Chỉ tiêu khác",
  againstPlan: "Kết quả so với kế hoạch",
  tally: (counts) =>
    `Trong ${counts.reduce((n, [, c]) => n + c, 0)} chỉ tiêu tổng hợp: ` +
    counts.map(([s, n]) => `${n} chỉ tiêu ${VI_STANDING_LOWER[s]}`).join(", ") +
    ".",
  standingList: (s, n) => `${VI.standing[s]} (${n} chỉ tiêu): `,
  groupsAgainstRest: (group) => `${capitalise(group)} so với các đơn vị còn lại`,
  groupSummary: (group, r, e, worse, of, better) =>
    `${capitalise(group)} (${r}/${e} đơn vị có báo cáo) so với các đơn vị còn lại: kết quả kém hơn ở ${worse}/${of} chỉ tiêu tỷ lệ và bình quân, tốt hơn ở ${better} chỉ tiêu.`,
  widestGaps: "Chênh lệch lớn nhất ở: ",
  gapItem: (name, group, rest) => `${name} (${group} so với ${rest})`,
  groupName: (code) => (code === "bien-gioi" ? "các xã biên giới" : `nhóm “${code}”`),
  rest: "Các đơn vị còn lại",
  whole: (word) => (word ? `Toàn ${word}` : "Toàn bộ"),
  unitTargets: "Chỉ tiêu giao cho từng đơn vị",
  unitTally: (counts) =>
    counts
      .map(
        ([s, n, names]) =>
          `${n} chỉ tiêu ${VI_STANDING_LOWER[s]}${names.length > 0 ? ` (${names.join("; ")})` : ""}`,
      )
      .join(", ") + ".",
  causes: "Nguyên nhân, hạn chế",
  errorsIntro: (n) =>
    `Còn ${n} lỗi làm số liệu không được đưa vào tổng hợp; đề nghị các đơn vị sau rà soát, sửa và gửi lại báo cáo:`,
  noErrors: "Không còn lỗi số liệu nào làm số liệu không được đưa vào tổng hợp.",
  warningsIntro: (n) => `Ngoài ra có ${n} cảnh báo: số liệu vẫn được tổng hợp nhưng cần được xem lại:`,
  whereIssue: (file, sheet, cell, line) =>
    [
      file ? `tệp ${file}` : "",
      line !== undefined ? `dòng ${line}` : sheet ? `trang ${sheet}` : "",
      line === undefined && cell ? `ô ${cell}` : "",
    ]
      .filter(Boolean)
      .join(", "),
  issueFile: (file) => `Tệp ${file}`,
  noUnit: "Chưa xác định được đơn vị",
  moreIssues: (n) => `… và ${n} vấn đề khác.`,
  seeWorkbook: "Danh sách đầy đủ tại trang “Vấn đề” của bảng tổng hợp.",
  proposeMissing: (n) => `Đề nghị ${n} đơn vị chưa nộp báo cáo khẩn trương gửi báo cáo để tổng hợp bổ sung.`,
  proposeErrors: "Đề nghị các đơn vị nêu tại mục IV rà soát, sửa lỗi và gửi lại báo cáo.",
  proposeBehind: (n) =>
    `Đề nghị các cơ quan, đơn vị tập trung các giải pháp đối với ${n} chỉ tiêu không đạt hoặc chậm tiến độ.`,
  columns: {
    no: "STT",
    indicator: "Chỉ tiêu",
    unit: "Đơn vị tính",
    numerator: "Tử số",
    denominator: "Mẫu số",
    actual: (period) => `Thực hiện ${period}`,
    target: "Kế hoạch",
    reporting: "Số đơn vị báo cáo",
    standing: "Đánh giá",
  },
  tableNote:
    "Ghi chú: tỷ lệ (%) bằng tổng tử số chia tổng mẫu số của các đơn vị, không phải bình quân các tỷ lệ; số liệu chưa làm tròn có trong bảng tổng hợp.",
};

const VI_STANDING_LOWER: Record<Standing, string> = {
  met: "đạt",
  on_track: "đúng tiến độ",
  behind: "chậm tiến độ",
  missed: "không đạt",
  no_target: "không có chỉ tiêu kế hoạch",
  no_data: "không có số liệu",
  not_judged: "chưa đánh giá được (thiếu số gốc)",
};

const EN_STANDING_LOWER: Record<Standing, string> = {
  met: "met",
  on_track: "on track",
  behind: "behind schedule",
  missed: "missed",
  no_target: "without a target",
  no_data: "without data",
  not_judged: "not assessable yet (no baseline)",
};

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const units = (n: number): string => `${n} ${n === 1 ? "unit" : "units"}`;

function viPeriod(p: Period): string {
  const y = p.startYear;
  switch (p.kind) {
    case "year":
      return `năm ${y}`;
    case "half":
      return p.startMonth === 1 ? `6 tháng đầu năm ${y}` : `6 tháng cuối năm ${y}`;
    case "quarter":
      return `quý ${ROMAN[(p.startMonth + 2) / 3 - 1]} năm ${y}`;
    case "month":
      return `tháng ${p.startMonth} năm ${y}`;
    case "9m":
      return `9 tháng năm ${y}`;
    case "phase":
      return `giai đoạn ${p.startYear} - ${p.endYear}`;
  }
}

function enPeriod(p: Period): string {
  const y = p.startYear;
  switch (p.kind) {
    case "year":
      return String(y);
    case "half":
      return `the ${p.startMonth === 1 ? "first" : "second"} half of ${y}`;
    case "quarter":
      return `the ${EN_ORDINAL[(p.startMonth + 2) / 3 - 1]} quarter of ${y}`;
    case "month":
      return `${EN_MONTHS[p.startMonth - 1]} ${y}`;
    case "9m":
      return `the first nine months of ${y}`;
    case "phase":
      return `the ${p.startYear}–${p.endYear} phase`;
  }
}

const EN: Phrases = {
  motto: ["SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness"],
  number: "No.:",
  title: "REPORT",
  longDate: (iso) => {
    const { y, m, d } = ymd(iso);
    return `${d} ${EN_MONTHS[m - 1]} ${y}`;
  },
  blankDate: "…… (date)",
  shortDate: (iso) => {
    const { y, m, d } = ymd(iso);
    return `${d} ${EN_MONTHS[m - 1]} ${y}`;
  },
  period: (p) => (p.kind === "phase" ? `over ${enPeriod(p)}` : `in ${enPeriod(p)}`),
  periodLabel: (p, same) => (same ? `the same period of ${p.startYear}` : enPeriod(p)),
  periodColumn: (p) => capitalise(enPeriod(p)),
  standing: standingWords("en"),
  sections: [
    "HOW THE REPORTS WERE COLLECTED",
    "RESULTS BY INDICATOR",
    "OVERALL ASSESSMENT",
    "DATA PROBLEMS TO FIX",
    "PROPOSALS AND RECOMMENDATIONS",
  ],
  fill: {
    issuer: "[REPORTING OFFICE]",
    issuerInText: "[the reporting office]",
    numberCode: "[…]",
    place: "[Place]",
    superior: "[Higher authority receiving the report]",
    archive: "[drafting unit]",
    signer: "[AUTHORITY AND TITLE OF THE SIGNER]",
    name: "[Full name]",
    causes:
      "[State the causes of the results achieved and of the targets missed or behind schedule; shortcomings and difficulties.]",
    proposals: "[Other proposals and recommendations of the reporting office.]",
  },
  signHint: "(Signature, seal)",
  recipientsTitle: "Recipients:",
  archive: "Archived: Records office, ",
  appendix: "APPENDIX",
  appendixSubtitle: (period, scope) => `Consolidated figures ${period}${scope ? ` - ${scope}` : ""}`,
  attachedTo: "(Attached to Report No.         /BC-",
  attachedDate: (date, issuer) => `${date ? ` of ${date}` : ""}${issuer ? ` by ${issuer}` : ""})`,
  intro: (subject) => ["On the basis of the units' reports, ", ` presents ${subject} as follows:`],
  closing: (subject) => `The above are ${subject}.`,
  reportingPeriod: (period, template) => `Reporting period: ${period}; template: ${template}.`,
  expectedUnits: (n, noun, due) =>
    `Units due to report: ${n} ${noun}${due ? `; reports due by ${due}` : ""}.`,
  received: (r, e, pct, onTime, late) =>
    `Reports received and consolidated from ${r} of ${e} units (${pct}%)` +
    (onTime === undefined ? "." : late === 0 ? ", all on time." : `: ${onTime} on time, ${late} late.`),
  nothingReceived: "No report has been received from the units yet.",
  lateList: (n) => `Late (${units(n)}): `,
  signedOn: (date) => `signed ${date}`,
  missingList: (n) => `Not received (${units(n)}): `,
  rejectedList: (n) => `Received but not usable (${units(n)}): `,
  duplicateList: (n) => `Several versions with different figures, none used yet (${units(n)}): `,
  unknownList: (n) => `Reports from units not in the roster, not consolidated (${units(n)}): `,
  fileWord: "file",
  codeWord: "code",
  andMore: (n) => `and ${n} more ${n === 1 ? "unit" : "units"}`,
  allOnTime: "Every unit reported on time.",
  unitNoun: { communes: "commune-level units", provinces: "provinces and cities", units: "units" },
  resultsIntro: (n, usual) =>
    `The results on the ${n} indicators are as follows (${usual ? `figures from ${usual[0]} of ${usual[1]} units unless stated otherwise; ` : ""}details in the attached appendix):`,
  derivedPart: "Indicators derived from the consolidated figures",
  otherPart: "Other indicators",
  againstPlan: "Results against the plan",
  tally: (counts) =>
    `Of the ${counts.reduce((n, [, c]) => n + c, 0)} indicators consolidated: ` +
    counts.map(([s, n]) => `${n} ${EN_STANDING_LOWER[s]}`).join(", ") +
    ".",
  standingList: (s, n) => `${EN.standing[s]} (${n}): `,
  groupsAgainstRest: (group) => `${capitalise(group)} against the other units`,
  groupSummary: (group, r, e, worse, of, better) =>
    `${capitalise(group)} (${r} of ${e} units reporting) against the other units: worse on ${worse} of ${of} rates and averages, better on ${better}.`,
  widestGaps: "The widest gaps: ",
  gapItem: (name, group, rest) => `${name} (${group} against ${rest})`,
  groupName: (code) => (code === "bien-gioi" ? "the border communes" : `group “${code}”`),
  rest: "Other units",
  whole: (word) => (word ? `Whole ${word}` : "All units"),
  unitTargets: "Targets set for each unit",
  unitTally: (counts) =>
    counts
      .map(
        ([s, n, names]) => `${n} ${EN_STANDING_LOWER[s]}${names.length > 0 ? ` (${names.join("; ")})` : ""}`,
      )
      .join(", ") + ".",
  causes: "Causes and shortcomings",
  errorsIntro: (n) =>
    `${n} ${n === 1 ? "error still keeps" : "errors still keep"} figures out of the consolidation; the following units should check, correct and resend their reports:`,
  noErrors: "No error keeps any figure out of the consolidation.",
  warningsIntro: (n) =>
    `There ${n === 1 ? "is also 1 warning" : `are also ${n} warnings`}: the figures were consolidated but should be checked:`,
  whereIssue: (file, sheet, cell, line) =>
    [
      file ? `file ${file}` : "",
      line !== undefined ? `line ${line}` : sheet ? `sheet ${sheet}` : "",
      line === undefined && cell ? `cell ${cell}` : "",
    ]
      .filter(Boolean)
      .join(", "),
  issueFile: (file) => `File ${file}`,
  noUnit: "Unit not identified",
  moreIssues: (n) => `… and ${n} more issues.`,
  seeWorkbook: "The full list is on the “Vấn đề” (issues) sheet of the summary workbook.",
  proposeMissing: (n) =>
    `${n === 1 ? "The unit that has" : `The ${n} units that have`} not reported should send ${n === 1 ? "its report" : "their reports"} for a follow-up consolidation.`,
  proposeErrors: "The units listed in section IV should check, correct and resend their reports.",
  proposeBehind: (n) =>
    `Agencies and units should focus their efforts on the ${n} indicators missed or behind schedule.`,
  columns: {
    no: "No.",
    indicator: "Indicator",
    unit: "Unit",
    numerator: "Numerator",
    denominator: "Denominator",
    actual: (period) => `Actual, ${period}`,
    target: "Target",
    reporting: "Units reporting",
    standing: "Assessment",
  },
  tableNote:
    "Note: a rate (%) is the sum of the units' numerators over the sum of their denominators, never an average of rates; unrounded figures are in the summary workbook.",
};

export const PHRASES: Record<ReportLang, Phrases> = { vi: VI, en: EN };
