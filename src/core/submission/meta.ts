import { readTemplateTag, type Template } from "../catalog/templates";
import { cellText } from "../header-map";
import { makeIssue, type Issue, type Message, type Origin } from "../issues";
import { parsePeriod, type Period } from "../periods";
import { readDate, readLegacy } from "./cell-reading";
import type { FoundCell, RawSubmission } from "./types";

/** What a submission says about itself: who, when, which form. */
export interface SubmissionMeta {
  unit?: string;
  unitName: string;
  unitAt?: Origin;
  period?: Period;
  periodText: string;
  periodAt?: Origin;
  /** The template named in the file (`ktxh-xa@1`), if it names one the catalog knows. */
  template?: Template;
  /** The text of the template cell, when it names one the catalog does not know. */
  templateText: string;
  /**
   * The tags the catalog knows (`ktxh-xa@1`), when the cell names one of its templates in a version
   * it does not have (`ktxh-xa@2`): the submission is then of no template the run can read.
   */
  templateVersionsKnown?: string[];
  templateAt?: Origin;
  /** The date the unit signed (ISO `YYYY-MM-DD`). */
  reportDate?: string;
  reportDateAt?: Origin;
}

export interface MetaResult {
  meta: SubmissionMeta;
  issues: Issue[];
  /** Unit or period missing: the submission cannot be placed, so it is rejected. */
  rejected: boolean;
}

/** A code as written: text kept as it is (leading zeros matter), a number written without decimals. */
function codeText(v: unknown): string {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return typeof v === "string" ? v.trim().normalize("NFC") : "";
}

/** The message for a defined name that points at a sheet the workbook does not have. */
function danglingText(found: FoundCell | undefined, what: { vi: string; en: string }): Message | undefined {
  const d = found?.dangling;
  if (!d) return undefined;
  return {
    vi: `Tên ${d.name} trỏ tới trang '${d.sheet}' mà sổ làm việc không có, nên không đọc được ${what.vi}: báo cáo bị loại. Hãy dùng mẫu biểu do ChiTieu tạo, hoặc sửa tên cho trỏ đúng ô`,
    en: `The name ${d.name} points at sheet '${d.sheet}', which the workbook does not have, so there is no ${what.en}: the report is rejected. Use the template ChiTieu makes, or make the name point at the right cell`,
  };
}

/** Periods read recently, by their text: the submissions of a long CSV share one object. */
const PERIODS = new Map<string | number, Period | undefined>();

function readPeriod(value: string | number): Period | undefined {
  if (PERIODS.has(value)) return PERIODS.get(value);
  const p = parsePeriod(value);
  if (PERIODS.size >= 256) PERIODS.clear();
  PERIODS.set(value, p);
  return p;
}

export function readMeta(sub: RawSubmission): MetaResult {
  const issues: Issue[] = [];
  const unitCell = sub.meta.unit;
  const unit = codeText(unitCell?.cell?.value);
  const meta: SubmissionMeta = {
    unitName: cellText(sub.meta.unitName?.cell).normalize("NFC"),
    periodText: cellText(sub.meta.period?.cell),
    templateText: cellText(sub.meta.template?.cell),
  };
  if (unit) meta.unit = unit;
  if (unitCell) meta.unitAt = unitCell.origin;
  if (sub.meta.period) meta.periodAt = sub.meta.period.origin;
  if (sub.meta.template) meta.templateAt = sub.meta.template.origin;

  let rejected = false;
  if (!unit) {
    rejected = true;
    issues.push(
      makeIssue(
        "error",
        "missing-metadata",
        danglingText(unitCell, { vi: "mã đơn vị", en: "unit code" }) ?? {
          vi: 'Không tìm thấy mã đơn vị (tên ChiTieu_MaDonVi, ô nhãn "Mã đơn vị" hoặc cột ma_don_vi): báo cáo bị loại',
          en: 'No unit code found (name ChiTieu_MaDonVi, a "Mã đơn vị" label cell or a ma_don_vi column): the report is rejected',
        },
        { ...whereIn(sub, unitCell?.origin) },
      ),
    );
  }

  if (!periodRead(sub, meta, unit, issues)) rejected = true;
  templateRead(meta);
  unitNameRead(sub, meta, unit, issues);
  reportDateRead(sub, meta, unit, issues);
  return { meta, issues, rejected };
}

/** Where a metadata problem is: its cell, else the file. */
function whereIn(sub: RawSubmission, o: Origin | undefined): Partial<Origin> {
  return o ?? { file: sub.file };
}

/** The period, into `meta`; false (with the issue that rejects the submission) when it cannot be read. */
function periodRead(sub: RawSubmission, meta: SubmissionMeta, unit: string, issues: Issue[]): boolean {
  const periodValue = sub.meta.period?.cell?.value;
  const period =
    typeof periodValue === "number" || typeof periodValue === "string" ? readPeriod(periodValue) : undefined;
  if (period) {
    meta.period = period;
    return true;
  }
  issues.push(
    makeIssue(
      "error",
      "missing-metadata",
      danglingText(sub.meta.period, { vi: "kỳ báo cáo", en: "reporting period" }) ??
        (meta.periodText
          ? {
              vi: `Không đọc được kỳ báo cáo "${meta.periodText}" (ví dụ 2026, 2026-Q3, Quý III/2026, 2026-2027): báo cáo bị loại`,
              en: `Cannot read the period "${meta.periodText}" (e.g. 2026, 2026-Q3, Quý III/2026, 2026-2027): the report is rejected`,
            }
          : {
              vi: 'Không tìm thấy kỳ báo cáo (tên ChiTieu_KyBaoCao, ô nhãn "Kỳ báo cáo" hoặc cột ky_bao_cao): báo cáo bị loại',
              en: 'No reporting period found (name ChiTieu_KyBaoCao, a "Kỳ báo cáo" label cell or a ky_bao_cao column): the report is rejected',
            }),
      { ...whereIn(sub, sub.meta.period?.origin), ...(unit ? { unit } : {}) },
    ),
  );
  return false;
}

/** The template the submission names, when the catalog has it (or the versions it has). */
function templateRead(meta: SubmissionMeta): void {
  if (meta.templateText) {
    const tag = readTemplateTag(meta.templateText);
    if (tag.kind === "known") meta.template = tag.template;
    else if (tag.kind === "unknown-version") meta.templateVersionsKnown = tag.known;
  }
}

/** The unit's name; one typed in a legacy encoding is named and read as Unicode. */
function unitNameRead(sub: RawSubmission, meta: SubmissionMeta, unit: string, issues: Issue[]): void {
  const nameCell = sub.meta.unitName;
  const legacy = nameCell ? readLegacy(nameCell.cell) : undefined;
  if (nameCell && legacy) {
    const font = legacy.encoding === "tcvn3" ? "TCVN3 (ABC, phông .Vn)" : "VNI (phông VNI-)";
    issues.push(
      makeIssue(
        "warning",
        "legacy-encoding",
        {
          vi: `Tên đơn vị gõ bằng bảng mã cũ ${font}: "${legacy.text}"${legacy.unicode ? ` (có lẽ là "${legacy.unicode}")` : ""}; hãy chuyển sang Unicode`,
          en: `Unit name typed in the legacy ${legacy.encoding.toUpperCase()} encoding: "${legacy.text}"${legacy.unicode ? ` (probably "${legacy.unicode}")` : ""}; convert it to Unicode`,
        },
        { ...nameCell.origin, ...(unit ? { unit } : {}) },
      ),
    );
    if (legacy.unicode) meta.unitName = legacy.unicode;
  }
}

/** The report date, when there is one; one that cannot be read is named. */
function reportDateRead(sub: RawSubmission, meta: SubmissionMeta, unit: string, issues: Issue[]): void {
  const dateCell = sub.meta.reportDate;
  if (dateCell) {
    meta.reportDateAt = dateCell.origin;
    const d = readDate(dateCell.cell);
    if (d.kind === "date") meta.reportDate = d.iso;
    else if (d.kind === "invalid") {
      issues.push(
        makeIssue(
          "warning",
          "missing-metadata",
          {
            vi: `Ngày báo cáo "${d.text}" không đọc được (dạng ngày/tháng/năm): không xét được nộp muộn hay bản nào mới hơn`,
            en: `Report date "${d.text}" cannot be read (day/month/year): lateness and which copy is newer cannot be judged`,
          },
          { ...dateCell.origin, ...(unit ? { unit } : {}) },
        ),
      );
    }
  }
}
