import { findTemplate, templateTag } from "../../src/core/catalog/templates";
import { META_LABELS } from "../../src/core/contract";
import { SheetBuilder } from "../../src/core/layout/sheet-builder";
import type { LayoutCell, LayoutValue, SheetLayout, WorkbookLayout } from "../../src/core/layout/types";
import { describePeriod, parsePeriod } from "../../src/core/periods";
import { a1 } from "../../src/core/text";
import type { RuleId } from "../../src/core/issues";
import { renderDeterministic } from "../render";
import { Rng } from "../rng";
import type { Column, Content, LogicalRow, Pointer } from "../rows";
import type { HandForm } from "../spec";
import { excelSerial, toTcvn3, viDate, viNumber, viPercent } from "../vi-text";
import type { PreparedSubmission, WriteContext, WrittenFile } from "./common";

/*
 * Form (b): the sheet a planner rebuilds by hand from last year's file: no table, no defined names;
 * label cells (`Mã đơn vị:`) with the value to their right; a header row further down holding the
 * contract's headers in another order, in capitals or without diacritics, among columns of their
 * own; section rows; numbers typed as Vietnamese text.
 */

type HandColumn = Column | "stt" | "extra";

interface HandLayout {
  sheetName: string;
  /** Column of the label cells; the value sits one to the right. */
  labelCol: number;
  metaTop: number;
  headerRow: number;
  columns: { key: HandColumn; header: string }[];
  dates: "vi-text" | "serial" | "iso-text";
  periodWords: boolean;
  /** What the extra column holds for a row. */
  extra: (rng: Rng, row: LogicalRow) => LayoutValue;
}

const previousYear = (rng: Rng, row: LogicalRow): LayoutValue => {
  const v = row.cells.value;
  if (v?.kind === "derived" && v.points !== null)
    return viPercent(Math.max(0, v.points - rng.decimal(0.5, 3, 1)));
  if (v?.kind === "number") return viNumber(Math.round(v.value * rng.decimal(0.85, 0.98, 2)));
  return null;
};

const hasData = (row: LogicalRow): boolean => {
  const v = row.cells.value;
  return v !== undefined && v.kind !== "empty" && !(v.kind === "derived" && v.points === null);
};

const LAYOUTS: HandLayout[] = [
  {
    sheetName: "Báo cáo",
    labelCol: 2,
    metaTop: 6,
    headerRow: 13,
    columns: [
      { key: "stt", header: "STT" },
      { key: "name", header: "TÊN CHỈ TIÊU" },
      { key: "code", header: "MÃ CHỈ TIÊU" },
      { key: "uom", header: "ĐƠN VỊ TÍNH" },
      { key: "extra", header: "ƯỚC TH NĂM 2025" },
      { key: "numerator", header: "TỬ SỐ" },
      { key: "denominator", header: "MẪU SỐ" },
      { key: "value", header: "THỰC HIỆN" },
      { key: "note", header: "GHI CHÚ" },
    ],
    dates: "vi-text",
    periodWords: true,
    extra: previousYear,
  },
  {
    sheetName: "Sheet1",
    labelCol: 1,
    metaTop: 5,
    headerRow: 12,
    columns: [
      { key: "code", header: "Ma chi tieu" },
      { key: "name", header: "Ten chi tieu" },
      { key: "value", header: "Thuc hien" },
      { key: "numerator", header: "Tu so" },
      { key: "denominator", header: "Mau so" },
      { key: "uom", header: "Don vi tinh" },
      { key: "extra", header: "So sanh cung ky (%)" },
      { key: "note", header: "Ghi chu" },
    ],
    dates: "serial",
    periodWords: false,
    extra: (rng, row) => (hasData(row) ? viNumber(rng.decimal(95, 112, 1)) : null),
  },
  {
    sheetName: "BC năm",
    labelCol: 4,
    metaTop: 8,
    headerRow: 18,
    columns: [
      { key: "stt", header: "TT" },
      { key: "code", header: " Mã chỉ tiêu " },
      { key: "value", header: "Thực hiện" },
      { key: "name", header: "Tên chỉ tiêu" },
      { key: "denominator", header: "Mẫu số" },
      { key: "numerator", header: "Tử số" },
      { key: "uom", header: "Đơn vị tính" },
      { key: "extra", header: "Nguồn số liệu" },
    ],
    dates: "iso-text",
    periodWords: true,
    extra: (rng) =>
      rng.pick(["Văn phòng - Thống kê", "Kinh tế", "Văn hóa - Xã hội", "Kho bạc", "Công an xã"]),
  },
];

export const HAND_LAYOUT_COUNT = LAYOUTS.length;

const ROMAN = ["I", "II", "III", "IV", "V"];

function contentValue(c: Content | undefined, asText: boolean): { value: LayoutValue; numFmt?: string } {
  if (!c) return { value: null };
  switch (c.kind) {
    case "empty":
      return { value: null };
    case "text":
      return { value: c.text };
    case "formula":
      return {
        value: c.result === undefined ? { formula: c.formula } : { formula: c.formula, result: c.result },
      };
    case "number":
      if (asText) return { value: viNumber(c.value) };
      return { value: c.value, numFmt: Number.isInteger(c.value) ? "#,##0" : "#,##0.00" };
    case "bare":
      return { value: asText ? viNumber(c.value) : c.value };
    case "percent":
      return asText ? { value: viPercent(c.points) } : { value: c.points / 100, numFmt: "0.00%" };
    case "derived":
      if (c.points === null) return { value: null };
      return asText ? { value: viPercent(c.points) } : { value: c.points / 100, numFmt: "0.00%" };
  }
}

export async function writeHandForm(
  sub: PreparedSubmission,
  form: HandForm,
  ctx: WriteContext,
): Promise<WrittenFile> {
  const { meta, logical } = sub;
  const layoutNo = (form.layout ?? 0) % LAYOUTS.length;
  const L = LAYOUTS[layoutNo] as HandLayout;
  const asText = form.numbersAsText ?? true;
  const rng = new Rng(ctx.seed);
  const b = new SheetBuilder(L.sheetName, "hand");
  const width = L.columns.length;
  b.widths(L.columns.map((c) => (c.key === "name" ? 52 : c.key === "note" || c.key === "extra" ? 20 : 13)));

  const nameShown = meta.legacyName ? toTcvn3(meta.name) : meta.name;
  const commune = meta.name.replace(/^(Xã|Phường|Đặc khu)\s+/u, "");
  b.set(1, 1, { value: "ỦY BAN NHÂN DÂN", style: "label" });
  b.set(2, 1, { value: `XÃ ${commune.toLocaleUpperCase("vi")}`, style: "label" });
  b.set(1, Math.max(4, width - 3), { value: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style: "label" });
  b.set(2, Math.max(4, width - 3), { value: "Độc lập - Tự do - Hạnh phúc", style: "subtitle" });
  b.set(L.metaTop - 2, 1, {
    value: "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI",
    style: "title",
  });

  // Metadata label cells, value one cell to the right.
  const metaRow: Partial<Record<keyof typeof META_LABELS, number>> = {};
  const period = parsePeriod(meta.period);
  const tpl = findTemplate(meta.templateId);
  const dateValue = (iso: string): LayoutCell =>
    L.dates === "serial"
      ? { value: excelSerial(iso), numFmt: "dd/mm/yyyy" }
      : { value: L.dates === "vi-text" ? viDate(iso) : iso };
  const metaValues: [keyof typeof META_LABELS, LayoutCell | null][] = [
    ["unit", { value: meta.code === "" ? null : meta.code, numFmt: "@" }],
    ["unitName", { value: nameShown }],
    [
      "period",
      { value: meta.period === "" ? null : L.periodWords && period ? describePeriod(period) : meta.period },
    ],
    ["template", { value: tpl ? templateTag(tpl) : meta.templateId }],
    ["reportDate", meta.reportDate ? dateValue(meta.reportDate) : null],
  ];
  let mr = L.metaTop;
  for (const [key, value] of metaValues) {
    if (!value) continue;
    b.set(mr, L.labelCol, { value: `${META_LABELS[key].vi}:`, style: "label" });
    if (value.value !== null) b.set(mr, L.labelCol + 1, { ...value, style: "meta" });
    metaRow[key] = mr;
    mr++;
  }

  const colOf = new Map<HandColumn, number>(L.columns.map((c, i) => [c.key, i + 1]));
  L.columns.forEach((c, i) => b.set(L.headerRow, i + 1, { value: c.header, style: "header" }));

  const template = findTemplate(ctx.runTemplate);
  const sectionOf = new Map<string, number>();
  template?.sections.forEach((s, i) => s.indicators.forEach((code) => sectionOf.set(code, i)));
  const sheetRow: number[] = [];
  let r = L.headerRow + 1;
  let seq = 0;
  let lastSection = -1;
  const sameTemplate = meta.templateId === ctx.runTemplate;
  for (const row of sameTemplate ? logical.rows : []) {
    const s = row.extra ? lastSection : (sectionOf.get(row.code) ?? lastSection);
    if (s !== lastSection && template) {
      const section = template.sections[s];
      if (section) {
        const title = `${ROMAN[s] ?? s + 1}. ${section.title.vi.toLocaleUpperCase("vi")}`;
        const sttCol = colOf.get("stt");
        if (sttCol) b.set(r, sttCol, { value: ROMAN[s] ?? String(s + 1), style: "section" });
        b.set(r, colOf.get("name") as number, {
          value: sttCol ? section.title.vi.toLocaleUpperCase("vi") : title,
          style: "section",
        });
        r++;
      }
      lastSection = s;
    }
    seq++;
    sheetRow.push(r);
    for (const [key, col] of colOf) {
      if (key === "stt") b.set(r, col, { value: seq, style: "text" });
      else if (key === "extra") {
        const v = L.extra(rng, row);
        if (v !== null) b.set(r, col, { value: v, style: "text" });
      } else {
        const c = contentValue(row.cells[key], asText);
        if (c.value !== null)
          b.set(r, col, {
            value: c.value,
            style: key === "name" ? "wrap" : "text",
            ...(c.numFmt ? { numFmt: c.numFmt } : {}),
          });
      }
    }
    r++;
  }
  b.set(r + 1, 2, { value: "NGƯỜI LẬP BIỂU", style: "label" });
  b.set(r + 1, Math.max(4, width - 2), { value: "TM. ỦY BAN NHÂN DÂN", style: "label" });
  b.set(r + 2, Math.max(4, width - 2), { value: "CHỦ TỊCH", style: "label" });

  const sheets: SheetLayout[] = [];
  if (form.coverSheet) sheets.push(coverSheet(commune));
  sheets.push(b.build());
  const layout: WorkbookLayout = {
    sheets,
    names: [],
    title: `Báo cáo chỉ tiêu KT-XH ${meta.period} - ${meta.name}`,
    recalcOnOpen: false,
  };
  const bytes = await renderDeterministic(layout, ctx.stamp, ctx.marker);

  const missingValue = (column: Column): never => {
    throw new Error(`hand layout ${layoutNo} has no ${column} column`);
  };
  return {
    bytes,
    describe: {
      form: "hand",
      layout: layoutNo,
      numbersAsText: asText,
      headerRow: L.headerRow,
      sheet: L.sheetName,
    },
    locate(_index, at: Pointer, rule: RuleId) {
      switch (at.at) {
        case "file":
          return {};
        case "header":
          return { sheet: L.sheetName, cell: a1(L.headerRow, colOf.get("code") as number) };
        case "meta": {
          const row = metaRow[at.key];
          if (row === undefined) return {};
          // A label whose value is missing is pointed at by the label itself (docs/RULES.md).
          const col = rule === "missing-metadata" ? L.labelCol : L.labelCol + 1;
          return { sheet: L.sheetName, cell: a1(row, col) };
        }
        case "cell": {
          const row = sheetRow[at.row];
          const col = colOf.get(at.col) ?? missingValue(at.col);
          if (row === undefined) throw new Error(`no row ${at.row}`);
          return { sheet: L.sheetName, cell: a1(row, col) };
        }
      }
    },
  };
}

/** A first sheet of prose, as offices put an explanatory note before the figures. */
function coverSheet(commune: string): SheetLayout {
  const b = new SheetBuilder("Thuyết minh", "hand");
  b.widths([100]);
  const lines = [
    "THUYẾT MINH SỐ LIỆU",
    `Số liệu do các bộ phận chuyên môn của Ủy ban nhân dân xã ${commune} tổng hợp.`,
    "Các chỉ tiêu tỷ lệ ghi rõ tử số và mẫu số theo hướng dẫn của tỉnh.",
    "Số liệu thu ngân sách theo số liệu của Kho bạc Nhà nước khu vực.",
  ];
  lines.forEach((text, i) => b.set(i * 2 + 1, 1, { value: text, style: i === 0 ? "title" : "wrap" }));
  return b.build();
}
