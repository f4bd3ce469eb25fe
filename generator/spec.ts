import type { CsvEncoding } from "./encodings";

/*
 * The description of a generated province: who is expected to report, what each unit's true
 * figures are, in which form each unit sends them, and which mistakes are planted where. The truth
 * (truth.ts) is computed from this description alone, never by reading the files back.
 */

/** A rate's true parts; the % is 100 × num / den. */
export interface RateValue {
  num: number;
  den: number;
}

/** A count, an amount or a score. */
export interface PlainValue {
  value: number;
}

export type TrueValue = RateValue | PlainValue;

export function isRateValue(v: TrueValue): v is RateValue {
  return "num" in v;
}

export interface RosterEntry {
  code: string;
  name: string;
  level: "quoc-gia" | "tinh" | "xa";
  /** Parent code; empty for the root. */
  parent: string;
  groups: string[];
}

/** (a) the template workbook the project writes, filled in. */
export interface TemplateForm {
  kind: "template";
}

/** (b) a sheet a person rebuilt by hand: no table, no defined names, label cells, text numbers. */
export interface HandForm {
  kind: "hand";
  /** Which of the hand layouts (hand-form.ts): header placement, column order, header spelling. */
  layout?: number;
  /** Numbers typed as Vietnamese text (`1.922,9`, `47,72%`); false: numeric cells. Default true. */
  numbersAsText?: boolean;
  /** Put a sheet of prose before the data sheet, so the reader has to look past the first sheet. */
  coverSheet?: boolean;
}

/** (c) long CSV (FORMATS.md §2), one or many units per file. */
export interface CsvForm {
  kind: "csv";
  delimiter: "," | ";" | "\t";
  encoding: CsvEncoding;
  /** ASCII headers (`ma_don_vi`…) or the Vietnamese labels (`Mã đơn vị`…). Default ascii. */
  headers?: "ascii" | "vi";
  /** Default CRLF, as Excel on Windows writes. */
  eol?: "\r\n" | "\n";
  /** Group thousands with `.` (`8.453`). Default true. */
  grouping?: boolean;
  /** Write a rate's `thuc_hien` with `%`; without, it is in percent points (`47,72`). Default true. */
  percentSign?: boolean;
  /** Period as written: canonical (`2026`) or in words (`Năm 2026`). Default canonical. */
  periodWords?: boolean;
}

export type FormSpec = TemplateForm | HandForm | CsvForm;

/** Which figure of a row a fault touches; for rates the default is the numerator. */
export type Part = "numerator" | "denominator" | "value";

/** Mistakes inside one submission's rows. Each names the rule that must fire (docs/RULES.md). */
export type RowFault =
  /** The row is there, with no data: empty, or `-`, `–`, `x` in the value (rates: all three cells). */
  | { rule: "missing-value"; indicator: string; text?: "" | "-" | "–" | "x" | "X" }
  | { rule: "not-a-number"; indicator: string; part?: Part; text?: string }
  /** xlsx only: a formula with no cached result in a cell that is used. */
  | { rule: "formula-without-value"; indicator: string; part?: Part }
  | { rule: "negative"; indicator: string; part?: Part }
  /** A fraction where things are counted: a count, a score, or an integer part of a rate. */
  | { rule: "not-an-integer"; indicator: string; part?: Part }
  /** A score above its range (NTM_TIEU_CHI 12), or a rate reported as 0 / 0. */
  | { rule: "out-of-range"; indicator: string }
  /** Tử số above Mẫu số: an error, but a warning that still counts for BHYT (cards by workplace). */
  | { rule: "numerator-exceeds-denominator"; indicator: string; excess?: number }
  /** A rate typed as a % without its parts (`value`), or a numerator with no denominator. */
  | { rule: "missing-denominator"; indicator: string; keep?: "value" | "numerator" }
  /** `Thực hiện` typed over and `shown` points away from 100 × Tử số / Mẫu số. */
  | { rule: "value-mismatch"; indicator: string; shown?: number }
  /** `Thực hiện` written as a bare fraction (0,4772): neither %-formatted nor with `%`. */
  | { rule: "ambiguous-percent"; indicator: string }
  /** `Đơn vị tính` written otherwise: `tỷ đồng`, `tạ` convert (warning); anything else is an error. */
  | { rule: "unit-of-measure"; indicator: string; uom: string }
  /** A row whose code the template does not have (a typo, or another template's code). */
  | { rule: "unknown-indicator"; code: string }
  /** Hand and CSV forms only: a required indicator's row is left out. */
  | { rule: "missing-indicator"; indicator: string }
  /** The row repeated at the end: with the same figures (warning) or different ones (error). */
  | { rule: "duplicate-row"; indicator: string; differ: boolean }
  /** HO_CAN_NGHEO's Mẫu số off HO_NGHEO's by `by` households. */
  | { rule: "inconsistent-denominator"; by?: number }
  /** LD_CO_BANG's Tử số above LD_DAO_TAO's by `by` workers (same Mẫu số). */
  | { rule: "exceeds-related"; by?: number }
  /** A wildly off figure that still enters; the truth checks the robust test really flags it. */
  | { rule: "outlier"; indicator: string; set: TrueValue };

export type RowFaultRule = RowFault["rule"];

/** One unit's report for one period inside a file (a workbook holds one; a CSV may hold many). */
export interface SubmissionSpec {
  /** The roster unit whose true figures it carries. */
  unit: string;
  /** The unit code as written: a typo makes `unknown-unit`; "" leaves the cell empty (`missing-metadata`). */
  code?: string;
  /** The unit name as written (default: the roster's). */
  name?: string;
  /** Period as written (default: the run's). "" leaves it empty (`missing-metadata`). */
  period?: string;
  /** Template id as written, e.g. `de-an-1219` (`wrong-template`); default the run's. */
  template?: string;
  /** The signing date, ISO `2026-12-05`; absent: no date written. */
  reportDate?: string;
  /** The unit name typed with a TCVN3 font (`legacy-encoding`); xlsx only. */
  legacyName?: boolean;
  faults?: RowFault[];
  /** Indicators whose value cell holds a formula with its cached result (clean: read by the result). */
  formulas?: string[];
  /** The unit's own targets for the `Kế hoạch` column (rates in %). */
  plan?: Record<string, number>;
  /** Text for the `Ghi chú` column of every row (CSV) or the first indicator row (workbooks). */
  note?: string;
  /** Figures that differ from the unit's true ones (an earlier draft), by indicator. */
  values?: Record<string, TrueValue>;
}

export interface FileSpec {
  /** Path relative to the submissions folder, `/`-separated. */
  path: string;
  form: FormSpec;
  submissions: SubmissionSpec[];
}

/** Files that are not submissions, each with what the run must make of it. */
export interface OtherFileSpec {
  path: string;
  kind:
    | "random-bytes" // unreadable-file
    | "empty" // unreadable-file
    | "other-workbook" // not-a-submission: a workbook of something else
    | "other-csv" // not-a-submission: a CSV without the needed columns
    | "lock-file" // Excel's ~$ lock file: skipped without an issue
    | "text"; // not xlsx or csv: skipped without an issue
}

export interface ProvinceSpec {
  seed: number;
  /** Template id of the run (`ktxh-xa`). */
  template: string;
  /** The run's period, canonical (`2026`). */
  period: string;
  /** `--due`, ISO; a submission signed after it is late. */
  due?: string;
  /** Units expected to report: the root (scope) and its leaves. */
  roster: RosterEntry[];
  /** Unit code → indicator code → true value. */
  values: Record<string, Record<string, TrueValue>>;
  files: FileSpec[];
  others?: OtherFileSpec[];
  /** Written into every file (workbook description, CSV `ghi_chu`), e.g. "Số liệu mẫu". */
  marker?: string;
  /** The moment stamped into workbooks and zip entries, ISO; fixed so output is reproducible. */
  stamp?: string;
}
