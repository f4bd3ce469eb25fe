import { findIndicator } from "../catalog/indicators";
import { requiredIndicatorCodes, templateIndicatorCodes, type Template } from "../catalog/templates";
import type { Indicator } from "../catalog/types";
import { COLUMNS, GROUP_TABLE_NAME } from "../contract";
import { IssueList, type IssueSink } from "../issues-fold";
import { makeIssue, type Issue, type Message, type Origin } from "../issues";
import { nums } from "../values/numbers";
import { editDistance } from "../roster/suggest";
import { convertUnit } from "../values/units";
import { readLegacy, readNumber, readUnitOfMeasure, type Locale, type NumberRead } from "./cell-reading";
import type { FoundCell, RawGroupRow, RawRow, RawSubmission } from "./types";

/** A unit's figure for one indicator as it enters, with where it came from. */
export interface UnitFigure {
  indicator: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** The unit's own target for the period (`Kế hoạch`), in the indicator's unit (rates: points). */
  plan: number | null;
  /** A summary's own counts, when it is one: units of the level below, and base units (communes). */
  reporting?: number;
  expected?: number;
  reportingBase?: number;
  /** The cell a person would fix: the value, or a rate's numerator. */
  at: Origin;
  /** A rate's denominator cell. */
  denominatorAt?: Origin;
}

export interface RowsResult {
  figures: Map<string, UnitFigure>;
  /** Folded per rule (FORMATS.md §8): 300,000 rows of text where numbers belong give 51 issues. */
  issues: Issue[];
  /** What a summary carries beside its figures; absent for a unit's own report. */
  summary?: SummaryCarried;
  /**
   * Required indicators without a row, as codes: `missingIndicatorIssues` names them. Kept this small
   * until the submission is used, since a long CSV may hold 300,000 units each short of twenty rows.
   */
  missing: string[];
}

/** What a summary carries beside its own figures, so that consolidating it upward loses nothing. */
export interface SummaryCarried {
  /** Units it expected: of the level below, and base units (communes). */
  expected?: number;
  expectedBase?: number;
  /** Its roster groups' figures, by group name (FORMATS.md §8, 1.1). */
  groups: Map<string, CarriedGroup>;
}

export interface CarriedGroup {
  expected?: number;
  expectedBase?: number;
  /** By indicator, read like the summary's own figures, each with its counts. */
  figures: Map<string, UnitFigure>;
}

const m = (vi: string, en: string): Message => ({ vi, en });

/** Within this many points a rate's typed % agrees with 100 × numerator / denominator (FORMATS §3a). */
export const MISMATCH_TOLERANCE = 0.05;

interface Ctx {
  unit: string | undefined;
  locale: Locale;
  issues: IssueSink;
}

function issue(
  ctx: Ctx,
  severity: Issue["severity"],
  rule: Issue["rule"],
  message: Message,
  at: Origin,
  indicator?: string,
): void {
  ctx.issues.push(makeIssue(severity, rule, message, { ...at, unit: ctx.unit, indicator }));
}

interface TemplateCodes {
  list: string[];
  allowed: Set<string>;
  requiredCodes: string[];
  requiredSet: Set<string>;
  /** A summary's derived rows (twinned pairs ÷ planned) are made again from their parts, never read. */
  derived: Set<string>;
}

/** The figures of a submission with none: one map for them all (figure maps are never modified once made). */
export const NO_FIGURES: ReadonlyMap<string, UnitFigure> = new Map();

/** One array for each set of missing rows seen recently: a long CSV's units often lack the same ones. */
const MISSING_SETS = new Map<string, string[]>();

function sharedMissing(missing: string[]): string[] {
  const key = missing.join(",");
  const have = MISSING_SETS.get(key);
  if (have) return have;
  if (MISSING_SETS.size >= 1024) MISSING_SETS.clear();
  MISSING_SETS.set(key, missing);
  return missing;
}

/** Made once per template, not once per submission: a national run validates thousands. */
const CODES = new WeakMap<Template, TemplateCodes>();

function codesOf(template: Template): TemplateCodes {
  let c = CODES.get(template);
  if (!c) {
    const requiredCodes = requiredIndicatorCodes(template);
    const list = templateIndicatorCodes(template);
    c = {
      list,
      allowed: new Set(list),
      requiredCodes,
      requiredSet: new Set(requiredCodes),
      derived: new Set(template.derived ?? []),
    };
    CODES.set(template, c);
  }
  return c;
}

/**
 * Reads every indicator row of a submission into the figures that enter the consolidation, and names
 * every value that does not (docs/RULES.md).
 */
export function validateRows(
  sub: RawSubmission,
  template: Template,
  unit: string | undefined,
  locale: Locale,
): RowsResult {
  const found = new IssueList();
  const ctx: Ctx = { unit, locale, issues: found };
  const { list: templateCodes, allowed, requiredCodes, requiredSet, derived } = codesOf(template);
  const byCode = new Map<string, RawRow[]>();

  for (const row of sub.rows) {
    legacyText(ctx, row.name, row.code);
    legacyText(ctx, row.note, row.code);
    const code = row.code.trim().toUpperCase();
    if (derived.has(code)) continue;
    const ind = findIndicator(code);
    if (!ind || !allowed.has(code)) {
      unknownIndicator(ctx, row, template, ind, templateCodes);
      continue;
    }
    const list = byCode.get(code) ?? [];
    list.push(row);
    byCode.set(code, list);
  }
  for (const s of sub.stray) {
    issue(
      ctx,
      "error",
      "unknown-indicator",
      m(
        `Dòng có số liệu nhưng không có mã chỉ tiêu${s.label ? ` ("${s.label}")` : ""}: số liệu không được tổng hợp`,
        `A row holds figures but no indicator code${s.label ? ` ("${s.label}")` : ""}: its figures are not used`,
      ),
      s.at,
    );
  }

  const figures = new Map<string, UnitFigure>();
  for (const [code, rows] of byCode) {
    const ind = findIndicator(code) as Indicator;
    const required = requiredSet.has(code);
    if (rows.length === 1) {
      const r = readRow(ind, rows[0]!, required, ctx);
      if (r.figure) figures.set(code, r.figure);
      continue;
    }
    // Each repeat is read only to compare it with the first: a code written 300,000 times holds one read.
    const firstIssues: Issue[] = [];
    const first = readRow(ind, rows[0]!, required, { ...ctx, issues: firstIssues });
    let same = true;
    for (let k = 1; same && k < rows.length; k++)
      same = sameFigure(readRow(ind, rows[k]!, required, { ...ctx, issues: [] }).figure, first.figure);
    if (same) {
      for (const i of firstIssues) ctx.issues.push(i);
      if (first.figure) figures.set(code, first.figure);
      rows
        .slice(1)
        .forEach((row) =>
          issue(
            ctx,
            "warning",
            "duplicate-row",
            m(
              `Chỉ tiêu ${code} ghi hai lần với cùng số liệu: chỉ tính một lần`,
              `Indicator ${code} appears twice with the same figures: counted once`,
            ),
            row.codeAt,
            code,
          ),
        );
    } else {
      rows.forEach((row) =>
        issue(
          ctx,
          "error",
          "duplicate-row",
          m(
            `Chỉ tiêu ${code} ghi ${rows.length} lần với số liệu khác nhau: không dòng nào được tổng hợp`,
            `Indicator ${code} appears ${rows.length} times with different figures: none is used`,
          ),
          row.codeAt,
          code,
        ),
      );
    }
  }

  const missing = sharedMissing(requiredCodes.filter((code) => !byCode.has(code)));
  const summary = summaryCarried(sub, template, ctx);
  crossChecks(ctx, figures, summary);
  return {
    figures: figures.size > 0 ? figures : (NO_FIGURES as Map<string, UnitFigure>),
    issues: found.list(),
    missing,
    ...(summary ? { summary } : {}),
  };
}

/** The messages of a missing row, made once per indicator: every unit short of it shares them. */
const MISSING_TEXT = new Map<string, Message>();

/** A `missing-indicator` warning for each code, pointed at the header (`headerAt`). */
export function missingIndicatorIssues(missing: readonly string[], headerAt: Origin, unit?: string): Issue[] {
  return missing.map((code) => {
    let text = MISSING_TEXT.get(code);
    if (!text) {
      text = m(
        `Thiếu dòng chỉ tiêu ${code} (${findIndicator(code)?.name.vi ?? ""})`,
        `No row for indicator ${code} (${findIndicator(code)?.name.en ?? ""})`,
      );
      MISSING_TEXT.set(code, text);
    }
    // Built directly (no spread of the origin): a run may name millions before folding them.
    const issue: Issue = {
      severity: "warning",
      rule: "missing-indicator",
      message: text.vi,
      messageEn: text.en,
    };
    if (unit !== undefined) issue.unit = unit;
    issue.indicator = code;
    if (headerAt.file !== undefined) issue.file = headerAt.file;
    if (headerAt.sheet !== undefined) issue.sheet = headerAt.sheet;
    if (headerAt.cell !== undefined) issue.cell = headerAt.cell;
    if (headerAt.line !== undefined) issue.line = headerAt.line;
    return issue;
  });
}

/**
 * Names a submission's missing rows in `issues`. When the list already folds them all (their unit's
 * first is past what it keeps), they are handed over as one count, and no issue is made for each:
 * 300,000 units short of twenty rows are six million issues otherwise, for fifty to be shown.
 */
export function addMissingIndicators(
  issues: IssueSink,
  missing: readonly string[],
  headerAt: Origin,
  unit?: string,
): void {
  if (missing.length === 0) return;
  if (issues.folds) {
    // The unit's first missing row in the report's order; the others come after it.
    const first = missingIndicatorIssues([[...missing].sort()[0] as string], headerAt, unit)[0] as Issue;
    if (issues.folds(first)) {
      issues.push({ ...first, count: missing.length });
      return;
    }
  }
  for (const i of missingIndicatorIssues(missing, headerAt, unit)) issues.push(i);
}

/** A summary's expected counts and its groups' figures; undefined for a unit's own report. */
function summaryCarried(sub: RawSubmission, template: Template, ctx: Ctx): SummaryCarried | undefined {
  const counts = expectedCounts(sub.rows, ctx);
  const groups = sub.groupRows ? readGroupRows(sub.groupRows, template, ctx) : new Map();
  if (counts.expected === undefined && counts.expectedBase === undefined && groups.size === 0)
    return undefined;
  return { ...counts, groups };
}

/** The expected counts of a summary: the same on every row, read from the first that has them. */
function expectedCounts(rows: readonly RawRow[], ctx: Ctx): { expected?: number; expectedBase?: number } {
  const out: { expected?: number; expectedBase?: number } = {};
  for (const row of rows) {
    const c = readSummaryCounts(row, ctx);
    if (out.expected === undefined && c?.expected !== undefined) out.expected = c.expected;
    if (out.expectedBase === undefined && c?.expectedBase !== undefined) out.expectedBase = c.expectedBase;
    if (out.expected !== undefined && out.expectedBase !== undefined) break;
  }
  return out;
}

/**
 * The rows of a summary's group table, read with the rules of its own rows (no value is required:
 * a group may have no figure for an indicator). Derived rows are made again from their parts.
 */
function readGroupRows(
  rows: readonly RawGroupRow[],
  template: Template,
  ctx: Ctx,
): Map<string, CarriedGroup> {
  const { list: templateCodes, allowed, derived } = codesOf(template);
  const groups = new Map<string, CarriedGroup>();
  const seen = new Set<string>();
  for (const row of rows) {
    const code = row.code.trim().toUpperCase();
    if (!row.group) {
      issue(
        ctx,
        "error",
        "missing-value",
        m(
          `Dòng ${code} của bảng ${GROUP_TABLE_NAME} không ghi tên nhóm: số liệu không được tổng hợp`,
          `Row ${code} of the ${GROUP_TABLE_NAME} table names no group: its figures are not used`,
        ),
        row.codeAt,
        code,
      );
      continue;
    }
    if (derived.has(code)) continue;
    const ind = findIndicator(code);
    if (!ind || !allowed.has(code)) {
      unknownIndicator(ctx, row, template, ind, templateCodes);
      continue;
    }
    let g = groups.get(row.group);
    if (!g) {
      g = { figures: new Map() };
      groups.set(row.group, g);
    }
    const counts = readSummaryCounts(row, ctx);
    if (g.expected === undefined && counts?.expected !== undefined) g.expected = counts.expected;
    if (g.expectedBase === undefined && counts?.expectedBase !== undefined)
      g.expectedBase = counts.expectedBase;
    const key = `${row.group}\u0000${code}`;
    if (seen.has(key)) {
      // Two rows for one group and indicator: which one the summary meant cannot be told.
      g.figures.delete(code);
      issue(
        ctx,
        "error",
        "duplicate-row",
        m(
          `Nhóm ${row.group}: chỉ tiêu ${code} ghi hai lần: không dòng nào được tổng hợp`,
          `Group ${row.group}: indicator ${code} appears twice: neither row is used`,
        ),
        row.codeAt,
        code,
      );
      continue;
    }
    seen.add(key);
    const r = readRow(ind, row, false, ctx);
    if (r.figure) g.figures.set(code, r.figure);
  }
  return groups;
}

function sameFigure(a: UnitFigure | undefined, b: UnitFigure | undefined): boolean {
  if (!a || !b) return a === b;
  return a.numerator === b.numerator && a.denominator === b.denominator && a.value === b.value;
}

function unknownIndicator(
  ctx: Ctx,
  row: RawRow,
  template: Template,
  ind: Indicator | undefined,
  codes: readonly string[],
): void {
  if (ind) {
    issue(
      ctx,
      "error",
      "unknown-indicator",
      m(
        `Chỉ tiêu ${row.code} không thuộc mẫu ${template.id}: không được tổng hợp`,
        `Indicator ${row.code} is not part of template ${template.id}: not used`,
      ),
      row.codeAt,
      row.code,
    );
    return;
  }
  const near = nearestCode(codes, row.code.toUpperCase());
  issue(
    ctx,
    "error",
    "unknown-indicator",
    m(
      `Mã chỉ tiêu "${row.code}" không có trong danh mục${near ? ` (có phải ${near.c}?)` : ""}: không được tổng hợp`,
      `Indicator code "${row.code}" is not in the catalog${near ? ` (did you mean ${near.c}?)` : ""}: not used`,
    ),
    row.codeAt,
    row.code,
  );
}

/** The template's code nearest to a mistyped one, within 3 edits (the first of the nearest). */
function nearestCode(codes: readonly string[], code: string): { c: string; d: number } | undefined {
  let best: { c: string; d: number } | undefined;
  for (const c of codes) {
    // The distance is at least the difference in length: most codes need no measuring.
    if (Math.abs(c.length - code.length) > Math.min(3, best ? best.d - 1 : 3)) continue;
    const d = editDistance(c, code);
    if (d <= 3 && (!best || d < best.d)) best = { c, d };
  }
  return best;
}

function legacyText(ctx: Ctx, found: FoundCell | undefined, code: string): void {
  if (!found) return;
  const enc = readLegacy(found.cell);
  if (!enc) return;
  const font = enc.encoding === "tcvn3" ? "TCVN3 (ABC, phông .Vn)" : "VNI (phông VNI-)";
  issue(
    ctx,
    "warning",
    "legacy-encoding",
    m(
      `Chữ gõ bằng bảng mã cũ ${font}: "${enc.text}"${enc.unicode ? ` (có lẽ là "${enc.unicode}")` : ""}; hãy chuyển sang Unicode`,
      `Text typed in the legacy ${enc.encoding.toUpperCase()} encoding: "${enc.text}"${enc.unicode ? ` (probably "${enc.unicode}")` : ""}; convert it to Unicode`,
    ),
    found.origin,
    code.toUpperCase(),
  );
}

interface RowRead {
  figure?: UnitFigure;
}

function readRow(ind: Indicator, row: RawRow, required: boolean, ctx: Ctx): RowRead {
  const result: RowRead = {};
  const plan = readPlan(ind, row, ctx);
  const summaryCounts = readSummaryCounts(row, ctx);
  const figure =
    ind.kind === "rate" ? readRate(ind, row, required, ctx) : readQuantity(ind, row, required, ctx);
  if (figure) {
    // Built field by field in one order: spreading objects of varying shapes was the validation's
    // largest single cost.
    const { indicator, numerator, denominator, value, at, denominatorAt } = figure;
    const f: UnitFigure =
      denominatorAt === undefined
        ? { indicator, numerator, denominator, value, at, plan }
        : { indicator, numerator, denominator, value, at, denominatorAt, plan };
    if (summaryCounts) {
      if (summaryCounts.reporting !== undefined) f.reporting = summaryCounts.reporting;
      if (summaryCounts.expected !== undefined) f.expected = summaryCounts.expected;
      if (summaryCounts.reportingBase !== undefined) f.reportingBase = summaryCounts.reportingBase;
    }
    result.figure = f;
  }
  return result;
}

type Partial3 = Omit<UnitFigure, "plan" | "reporting" | "expected" | "reportingBase">;

/** The cell's number, or a named reason it cannot be used (then undefined). */
function usableNumber(
  ctx: Ctx,
  ind: Indicator,
  found: FoundCell | undefined,
  what: Message,
): Extract<NumberRead, { kind: "number" }> | "empty" | undefined {
  if (!found) return "empty";
  const r = readNumber(found.cell, ctx.locale);
  if (r.kind === "empty") return "empty";
  if (r.kind === "number") return r;
  if (r.kind === "formula-without-value") {
    issue(
      ctx,
      "error",
      "formula-without-value",
      m(
        `${what.vi}: công thức chưa có giá trị tính sẵn (hãy mở tệp trong Excel, tính lại và lưu): không được tổng hợp`,
        `${what.en}: a formula without a cached result (open the file in Excel, recalculate and save): not used`,
      ),
      found.origin,
      ind.code,
    );
    return undefined;
  }
  issue(
    ctx,
    "error",
    "not-a-number",
    m(`${what.vi}: "${r.text}" không phải là số`, `${what.en}: "${r.text}" is not a number`),
    found.origin,
    ind.code,
  );
  return undefined;
}

function readQuantity(ind: Indicator, row: RawRow, required: boolean, ctx: Ctx): Partial3 | undefined {
  const label = m(`${ind.code} – ${COLUMNS.value.vi}`, `${ind.code} – ${COLUMNS.value.en}`);
  const at = row.value?.origin ?? row.codeAt;
  // A summary carries a score as Σ scores / units; a unit reports its score alone.
  if (
    ind.kind === "score" &&
    row.denominator &&
    readNumber(row.denominator.cell, ctx.locale).kind === "number"
  ) {
    return readScoreSums(ind, row, ctx);
  }
  const v = usableNumber(ctx, ind, row.value, label);
  if (v === undefined) return undefined;
  if (v === "empty") {
    if (required) {
      issue(
        ctx,
        "warning",
        "missing-value",
        m(`${ind.code}: chưa có số liệu thực hiện`, `${ind.code}: no actual value`),
        at,
        ind.code,
      );
    }
    return undefined;
  }
  let value = v.value;
  if (v.percent) percentOnQuantity(ctx, ind, value, row.value?.origin ?? at);
  const conv = readUnitOfMeasure(row.uom?.cell, ind);
  if (conv.kind === "unknown" || conv.kind === "incompatible") {
    issue(
      ctx,
      "error",
      "unit-of-measure",
      m(
        `${ind.code}: đơn vị tính "${conv.text}" không khớp "${ind.unit.vi}" và không quy đổi được: không được tổng hợp`,
        `${ind.code}: unit "${conv.text}" does not match "${ind.unit.en}" and cannot be converted: not used`,
      ),
      row.uom?.origin ?? at,
      ind.code,
    );
    return undefined;
  }
  if (conv.kind === "converted") {
    const before = nums(value);
    // By the whole-number ratio of the two units (37637 tạ / 10 is 3763.7), never × 0.1, whose
    // 3763.7000000000003 would make sums depend on how units are grouped into summaries.
    const exact = convertUnit(value, conv.text, ind.unit);
    value = exact.kind === "converted" ? exact.value : value * conv.factor;
    const after = nums(value);
    issue(
      ctx,
      "warning",
      "unit-of-measure",
      m(
        `${ind.code}: ${before.vi} ${conv.text} đã quy đổi thành ${after.vi} ${ind.unit.vi}`,
        `${ind.code}: ${before.en} ${conv.text} converted to ${after.en} ${ind.unit.en}`,
      ),
      row.uom?.origin ?? at,
      ind.code,
    );
  }
  if (value < 0) {
    issue(
      ctx,
      "error",
      "negative",
      m(`${ind.code}: giá trị âm (${nums(value).vi})`, `${ind.code}: negative value (${nums(value).en})`),
      at,
      ind.code,
    );
    return undefined;
  }
  if (ind.integer && !Number.isInteger(round9(value))) {
    issue(
      ctx,
      "error",
      "not-an-integer",
      m(
        `${ind.code}: ${nums(value).vi} không phải số nguyên (${ind.unit.vi})`,
        `${ind.code}: ${nums(value).en} is not a whole number (${ind.unit.en})`,
      ),
      at,
      ind.code,
    );
    return undefined;
  }
  if (ind.range.max !== undefined && value > ind.range.max) {
    issue(
      ctx,
      "error",
      "out-of-range",
      m(
        `${ind.code}: ${nums(value).vi} ngoài khoảng ${ind.range.min}–${ind.range.max}`,
        `${ind.code}: ${nums(value).en} is outside ${ind.range.min}–${ind.range.max}`,
      ),
      at,
      ind.code,
    );
    return undefined;
  }
  return { indicator: ind.code, numerator: null, denominator: null, value, at };
}

/**
 * A `%` (typed, or the cell's format) on a figure that is not a rate: `47,72%` for revenue in triệu
 * đồng. The number as shown is used, since a planner who typed it meant that figure; the `%` may
 * still mean a share was written where the amount belongs, so someone should look.
 */
function percentOnQuantity(ctx: Ctx, ind: Indicator, value: number, at: Origin): void {
  const shown = nums(value);
  issue(
    ctx,
    "warning",
    "ambiguous-percent",
    m(
      `${ind.code}: Thực hiện ghi ${shown.vi}% nhưng chỉ tiêu này tính bằng ${ind.unit.vi}, không phải tỷ lệ: đã dùng ${shown.vi} ${ind.unit.vi}; nếu đúng vậy hãy bỏ dấu %, nếu không hãy ghi số ${ind.unit.vi}`,
      `${ind.code}: Actual written ${shown.en}% but this indicator is in ${ind.unit.en}, not a rate: ${shown.en} ${ind.unit.en} was used; if that is right remove the %, else write the figure in ${ind.unit.en}`,
    ),
    at,
    ind.code,
  );
}

function readScoreSums(ind: Indicator, row: RawRow, ctx: Ctx): Partial3 | undefined {
  const n = usableNumber(
    ctx,
    ind,
    row.numerator,
    m(`${ind.code} – ${COLUMNS.numerator.vi}`, `${ind.code} – ${COLUMNS.numerator.en}`),
  );
  const d = usableNumber(
    ctx,
    ind,
    row.denominator,
    m(`${ind.code} – ${COLUMNS.denominator.vi}`, `${ind.code} – ${COLUMNS.denominator.en}`),
  );
  if (n === undefined || d === undefined || n === "empty" || d === "empty") {
    if (n === "empty") {
      issue(
        ctx,
        "warning",
        "missing-value",
        m(`${ind.code}: thiếu tử số (tổng điểm)`, `${ind.code}: no numerator (sum of scores)`),
        row.numerator?.origin ?? row.codeAt,
        ind.code,
      );
    }
    return undefined;
  }
  const at = row.numerator?.origin ?? row.codeAt;
  if (
    n.value < 0 ||
    d.value <= 0 ||
    !Number.isInteger(round9(d.value)) ||
    n.value > (ind.range.max ?? Infinity) * d.value
  ) {
    issue(
      ctx,
      "error",
      "out-of-range",
      m(
        `${ind.code}: tổng điểm ${nums(n.value).vi} trên ${nums(d.value).vi} đơn vị không hợp lệ`,
        `${ind.code}: a score sum of ${nums(n.value).en} over ${nums(d.value).en} units is not valid`,
      ),
      at,
      ind.code,
    );
    return undefined;
  }
  return { indicator: ind.code, numerator: n.value, denominator: d.value, value: n.value / d.value, at };
}

function readRate(ind: Indicator, row: RawRow, required: boolean, ctx: Ctx): Partial3 | undefined {
  const nLabel = m(`${ind.code} – ${COLUMNS.numerator.vi}`, `${ind.code} – ${COLUMNS.numerator.en}`);
  const dLabel = m(`${ind.code} – ${COLUMNS.denominator.vi}`, `${ind.code} – ${COLUMNS.denominator.en}`);
  const n = usableNumber(ctx, ind, row.numerator, nLabel);
  const d = usableNumber(ctx, ind, row.denominator, dLabel);
  if (n === undefined || d === undefined) return undefined;
  const nAt = row.numerator?.origin ?? row.value?.origin ?? row.codeAt;
  const dAt = row.denominator?.origin ?? row.value?.origin ?? row.codeAt;

  if (n === "empty" || d === "empty") {
    const typed = row.value ? readNumber(row.value.cell, ctx.locale) : { kind: "empty" as const };
    if (n === "empty" && d === "empty" && typed.kind === "empty") {
      if (required) {
        issue(
          ctx,
          "warning",
          "missing-value",
          m(`${ind.code}: chưa có tử số và mẫu số`, `${ind.code}: no numerator and denominator`),
          nAt,
          ind.code,
        );
      }
      return undefined;
    }
    if (d === "empty") {
      issue(
        ctx,
        "error",
        "missing-denominator",
        m(
          `${ind.code}: tỷ lệ không có mẫu số nên không thể gia quyền: hãy ghi ${ind.numerator?.label.vi ?? "tử số"} và ${ind.denominator?.label.vi ?? "mẫu số"}`,
          `${ind.code}: a rate without a denominator cannot be weighted: give ${ind.numerator?.label.en ?? "the numerator"} and ${ind.denominator?.label.en ?? "the denominator"}`,
        ),
        dAt,
        ind.code,
      );
      return undefined;
    }
    issue(
      ctx,
      "warning",
      "missing-value",
      m(`${ind.code}: có mẫu số nhưng thiếu tử số`, `${ind.code}: a denominator but no numerator`),
      nAt,
      ind.code,
    );
    return undefined;
  }

  for (const [part, r, at, label] of [
    [ind.numerator, n, nAt, nLabel],
    [ind.denominator, d, dAt, dLabel],
  ] as const) {
    if (r.value < 0) {
      issue(
        ctx,
        "error",
        "negative",
        m(
          `${label.vi}: giá trị âm (${nums(r.value).vi})`,
          `${label.en}: negative value (${nums(r.value).en})`,
        ),
        at,
        ind.code,
      );
      return undefined;
    }
    if (part?.integer && !Number.isInteger(round9(r.value))) {
      issue(
        ctx,
        "error",
        "not-an-integer",
        m(
          `${label.vi}: ${nums(r.value).vi} không phải số nguyên (${part.unit.vi})`,
          `${label.en}: ${nums(r.value).en} is not a whole number (${part.unit.en})`,
        ),
        at,
        ind.code,
      );
      return undefined;
    }
  }
  if (d.value === 0) {
    issue(
      ctx,
      "error",
      "out-of-range",
      m(`${ind.code}: mẫu số bằng 0`, `${ind.code}: the denominator is 0`),
      dAt,
      ind.code,
    );
    return undefined;
  }
  if (n.value > d.value) {
    const lenient = ind.range.aboveMax === "warning";
    issue(
      ctx,
      lenient ? "warning" : "error",
      "numerator-exceeds-denominator",
      m(
        `Tử số (${nums(n.value).vi}) lớn hơn mẫu số (${nums(d.value).vi})${lenient ? " – được chấp nhận, đề nghị kiểm tra" : ": không được tổng hợp"}`,
        `Numerator (${nums(n.value).en}) exceeds denominator (${nums(d.value).en})${lenient ? " – accepted, please check" : ": not used"}`,
      ),
      nAt,
      ind.code,
    );
    if (!lenient) return undefined;
  }
  const value = (100 * n.value) / d.value;
  checkTypedRate(ind, row, value, ctx);
  return {
    indicator: ind.code,
    numerator: n.value,
    denominator: d.value,
    value,
    at: nAt,
    denominatorAt: dAt,
  };
}

/** A rate's typed `Thực hiện` against 100 × numerator / denominator (which is what is used). */
function checkTypedRate(ind: Indicator, row: RawRow, computed: number, ctx: Ctx): void {
  if (!row.value) return;
  const t = readNumber(row.value.cell, ctx.locale);
  if (t.kind !== "number") return; // a derived formula without a cached value, text: n and d decide
  const at = row.value.origin;
  if (!t.percent && t.value > 0 && t.value < 1) {
    issue(
      ctx,
      "warning",
      "ambiguous-percent",
      m(
        `${ind.code}: Thực hiện ghi ${nums(t.value).vi} không có dấu %: là ${nums(t.value).vi} % hay ${nums(t.value * 100).vi} %? Đã dùng tử số/mẫu số (${nums(computed, 2).vi} %)`,
        `${ind.code}: Actual written ${nums(t.value).en} without %: ${nums(t.value).en} % or ${nums(t.value * 100).en} %? The numerator/denominator were used (${nums(computed, 2).en} %)`,
      ),
      at,
      ind.code,
    );
    return;
  }
  if (Math.abs(t.value - computed) > MISMATCH_TOLERANCE) {
    issue(
      ctx,
      "warning",
      "value-mismatch",
      m(
        `${ind.code}: Thực hiện ghi ${nums(t.value, 2).vi} % nhưng tử số/mẫu số cho ${nums(computed, 2).vi} %: đã dùng tử số/mẫu số`,
        `${ind.code}: Actual says ${nums(t.value, 2).en} % but numerator/denominator give ${nums(computed, 2).en} %: the numerator/denominator were used`,
      ),
      at,
      ind.code,
    );
  }
}

function readPlan(ind: Indicator, row: RawRow, ctx: Ctx): number | null {
  if (!row.plan) return null;
  const r = usableNumber(
    ctx,
    ind,
    row.plan,
    m(`${ind.code} – ${COLUMNS.plan.vi}`, `${ind.code} – ${COLUMNS.plan.en}`),
  );
  return r && r !== "empty" ? r.value : null;
}

type SummaryCounts = Partial<Record<(typeof COUNT_KEYS)[number], number>>;
const COUNT_KEYS = ["reporting", "expected", "reportingBase", "expectedBase"] as const;

function readSummaryCounts(row: RawRow, ctx: Ctx): SummaryCounts | undefined {
  if (!row.reporting && !row.expected && !row.reportingBase && !row.expectedBase) return undefined;
  const out: SummaryCounts = {};
  for (const key of COUNT_KEYS) {
    const f = row[key];
    if (!f) continue;
    const r = readNumber(f.cell, ctx.locale);
    if (r.kind === "number" && r.value >= 0 && Number.isInteger(r.value)) out[key] = r.value;
  }
  return out;
}

/**
 * Whether two figures stand for the same units, so that one can be checked against the other: a
 * unit's own report always does; a summary's two figures only when every unit it expected reported
 * both. Otherwise they add up different communes (an optional row that fewer communes filled), and
 * differ without anything being wrong.
 */
function sameUnitsBehind(a: UnitFigure, b: UnitFigure, summary: SummaryCarried | undefined): boolean {
  const countA = a.reportingBase ?? a.reporting;
  const countB = b.reportingBase ?? b.reporting;
  if (countA === undefined && countB === undefined) return true;
  const expected = summary?.expectedBase ?? summary?.expected;
  return expected !== undefined && countA === expected && countB === expected;
}

function crossChecks(ctx: Ctx, figures: Map<string, UnitFigure>, summary: SummaryCarried | undefined): void {
  for (const f of figures.values()) {
    const ind = findIndicator(f.indicator);
    if (!ind) continue;
    if (ind.sameDenominatorAs) {
      const other = figures.get(ind.sameDenominatorAs);
      if (
        other &&
        sameUnitsBehind(f, other, summary) &&
        other.denominator !== null &&
        f.denominator !== null &&
        other.denominator !== f.denominator
      ) {
        issue(
          ctx,
          "warning",
          "inconsistent-denominator",
          m(
            `${ind.code}: mẫu số (${nums(f.denominator).vi}) khác mẫu số của ${ind.sameDenominatorAs} (${nums(other.denominator).vi}); cả hai đều là tổng số hộ`,
            `${ind.code}: denominator (${nums(f.denominator).en}) differs from ${ind.sameDenominatorAs}'s (${nums(other.denominator).en}); both count all households`,
          ),
          f.denominatorAt ?? f.at,
          ind.code,
        );
      }
    }
    if (ind.atMost) {
      const other = figures.get(ind.atMost);
      if (
        other &&
        sameUnitsBehind(f, other, summary) &&
        other.value !== null &&
        f.value !== null &&
        f.value > other.value + MISMATCH_TOLERANCE
      ) {
        issue(
          ctx,
          "warning",
          "exceeds-related",
          m(
            `${ind.code} (${nums(f.value, 2).vi} %) lớn hơn ${ind.atMost} (${nums(other.value, 2).vi} %), không thể xảy ra`,
            `${ind.code} (${nums(f.value, 2).en} %) exceeds ${ind.atMost} (${nums(other.value, 2).en} %), which cannot happen`,
          ),
          f.at,
          ind.code,
        );
      }
    }
  }
}

/** Round off binary noise before asking whether a number read from a file is whole (1e-9 tolerance). */
function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
