import type { RuleId } from "../issues";

/*
 * What people read where the data holds ids: a roster's level (`xa`), a group (`bien-gioi`), an
 * issue's rule (`missing-submission`). The ids stay in the JSON report and the machine tables; the
 * sheets people print show these words.
 */

type Words = { vi: string; en: string };

const LEVELS: Record<string, Words> = {
  "quoc-gia": { vi: "Toàn quốc", en: "Country" },
  tinh: { vi: "Tỉnh", en: "Province" },
  "thanh-pho": { vi: "Thành phố", en: "City" },
  xa: { vi: "Xã", en: "Commune" },
  phuong: { vi: "Phường", en: "Ward" },
  "dac-khu": { vi: "Đặc khu", en: "Special zone" },
  huyen: { vi: "Huyện", en: "District" },
  cum: { vi: "Cụm", en: "Cluster" },
};

const GROUPS: Record<string, Words> = {
  "bien-gioi": { vi: "Biên giới", en: "Border" },
  "khong-bien-gioi": { vi: "Không biên giới", en: "Not on the border" },
};

/** An id people have not been given words for: its dashes as spaces, first letter capital. */
function plain(id: string): Words {
  const text = id.replace(/[-_]+/g, " ").trim();
  const words = text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
  return { vi: words, en: words };
}

/** A roster level in words: `xa` → "Xã". */
export function levelWords(level: string | undefined): Words {
  if (!level) return { vi: "", en: "" };
  return LEVELS[level] ?? plain(level);
}

/** A roster group in words: `bien-gioi` → "Biên giới". */
export function groupWords(group: string): Words {
  return GROUPS[group] ?? plain(group);
}

/** Several groups, as a cell lists them. */
export function groupsWords(groups: readonly string[] | undefined, lang: "vi" | "en" = "vi"): string {
  return (groups ?? []).map((g) => groupWords(g)[lang]).join(", ");
}

/** What each rule checks, in a few words (FORMATS.md §3a, §8). */
export const RULE_WORDS: Record<RuleId, Words> = {
  "unreadable-file": { vi: "Không đọc được tệp", en: "File cannot be read" },
  "not-a-submission": { vi: "Không phải báo cáo", en: "Not a submission" },
  "missing-metadata": { vi: "Thiếu thông tin đầu biểu", en: "Header details missing" },
  "wrong-template": { vi: "Sai mẫu biểu", en: "Wrong template" },
  "wrong-period": { vi: "Sai kỳ báo cáo", en: "Wrong period" },
  "incomplete-period": { vi: "Thiếu kỳ báo cáo thành phần", en: "Period not fully covered" },
  "history-ignored": { vi: "Tệp kỳ trước không dùng được", en: "Earlier-period file not used" },
  "history-gap": { vi: "Thiếu số liệu kỳ trước", en: "Earlier periods missing" },
  "unknown-unit": { vi: "Đơn vị ngoài danh sách", en: "Unit not in roster" },
  "duplicate-submission": { vi: "Nộp trùng", en: "Submitted twice" },
  "missing-submission": { vi: "Chưa nộp báo cáo", en: "No submission" },
  late: { vi: "Nộp muộn", en: "Late" },
  "unknown-indicator": { vi: "Mã chỉ tiêu lạ", en: "Unknown indicator" },
  "missing-indicator": { vi: "Thiếu chỉ tiêu", en: "Indicator missing" },
  "duplicate-row": { vi: "Dòng trùng", en: "Duplicate row" },
  "missing-value": { vi: "Thiếu số liệu", en: "Value missing" },
  "not-a-number": { vi: "Không phải số", en: "Not a number" },
  negative: { vi: "Số âm", en: "Negative" },
  "not-an-integer": { vi: "Không phải số nguyên", en: "Not a whole number" },
  "out-of-range": { vi: "Ngoài khoảng hợp lệ", en: "Out of range" },
  "numerator-exceeds-denominator": { vi: "Tử số lớn hơn mẫu số", en: "Numerator above denominator" },
  "missing-denominator": { vi: "Thiếu mẫu số", en: "Denominator missing" },
  "value-mismatch": { vi: "Tỷ lệ không khớp tử số/mẫu số", en: "Rate disagrees with its parts" },
  "unit-of-measure": { vi: "Đơn vị tính khác", en: "Unit of measure" },
  "ambiguous-percent": { vi: "Tỷ lệ ghi chưa rõ", en: "Ambiguous percentage" },
  "legacy-encoding": { vi: "Phông chữ cũ (TCVN3/VNI)", en: "Legacy encoding" },
  "formula-without-value": { vi: "Công thức chưa có kết quả", en: "Formula without a value" },
  outlier: { vi: "Số liệu bất thường", en: "Outlier" },
  "target-missed": { vi: "Không đạt kế hoạch", en: "Target missed" },
  "pace-missed": { vi: "Chậm tiến độ", en: "Behind pace" },
  "inconsistent-denominator": { vi: "Mẫu số không thống nhất", en: "Inconsistent denominator" },
  "exceeds-related": { vi: "Vượt chỉ tiêu liên quan", en: "Exceeds a related figure" },
  "invalid-plan": { vi: "Kế hoạch không hợp lệ", en: "Invalid plan" },
  "plan-inconsistent": { vi: "Kế hoạch không thống nhất", en: "Inconsistent plan" },
};
