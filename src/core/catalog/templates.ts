import type { Period } from "../periods/parse";
import type { Bilingual } from "./types";
import { getIndicator } from "./indicators";

export interface TemplateSection {
  /** The letter planners use for a section (A, B, C…). */
  key: string;
  title: Bilingual;
  indicators: readonly string[];
  /** Rows a unit may leave empty without a `missing-indicator` issue. */
  optional?: boolean;
}

/** When reports fall due, as the seeds fix it: a day of the month following a period's end or within it. */
export interface Deadline {
  /** For an annual report: the day and month of the reporting year itself (15/12 for the Front). */
  annual?: { day: number; month: number };
  description: Bilingual;
}

export interface Template {
  id: string;
  version: number;
  name: Bilingual;
  /** Who fills it. */
  reporter: Bilingual;
  sections: readonly TemplateSection[];
  /** Period kinds the plan asks for (`year`, `half`, `quarter`, `9m`, `month`). */
  periodKinds: readonly ("year" | "half" | "quarter" | "9m" | "month")[];
  deadline?: Deadline;
  /** Indicators computed for the summary from reported ones, never typed in by a unit. */
  derived?: readonly string[];
  source: string;
}

const t = (vi: string, en: string): Bilingual => ({ vi, en });

export const TEMPLATES: readonly Template[] = [
  {
    id: "ktxh-xa",
    version: 1,
    name: t(
      "Chỉ tiêu kế hoạch phát triển kinh tế - xã hội cấp xã giai đoạn 2026–2030",
      "Commune socio-economic plan indicators 2026–2030",
    ),
    reporter: t("Ủy ban nhân dân xã, phường, đặc khu", "Commune, ward or special-zone People's Committee"),
    sections: [
      {
        key: "A",
        title: t("Kinh tế", "Economy"),
        indicators: ["THU_NS", "SL_LUONG_THUC", "DAN_GIA_SUC", "LD_DAO_TAO", "XKLD", "CHE_PHU_RUNG"],
      },
      {
        key: "B",
        title: t("Xã hội, môi trường", "Society and environment"),
        indicators: [
          "TRUONG_CHUAN",
          "HO_NGHEO",
          "BHYT",
          "NTM_TIEU_CHI",
          "TTHC_SO_HOA",
          "DVC_TOAN_TRINH",
          "CHI_KHCN_CDS",
          "THU_GOM_CTR",
          "NUOC_HVS",
          "NHA_VH_CHUAN",
          "ANTT_CO_QUAN",
          "ANTT_KDC",
          "KMT_CO_QUAN",
          "KMT_KDC",
          "GD_VAN_HOA",
        ],
      },
      {
        key: "C",
        title: t("Chỉ tiêu bổ sung (không bắt buộc)", "Optional indicators"),
        indicators: ["HO_CAN_NGHEO", "LD_CO_BANG"],
        optional: true,
      },
    ],
    periodKinds: ["year", "half", "9m", "quarter"],
    source: "Nghị quyết của HĐND xã về Kế hoạch phát triển kinh tế - xã hội giai đoạn 2026 - 2030", // seed 003
  },
  {
    id: "de-an-1219",
    version: 1,
    name: t(
      "Đề án 1219: hỗ trợ thông tin, tuyên truyền ở các xã biên giới",
      "Project 1219: information and propaganda support in border communes",
    ),
    reporter: t("Ủy ban nhân dân các xã biên giới", "Border commune People's Committees"),
    sections: [
      {
        key: "A",
        title: t("Tỷ lệ hoàn thành", "Coverage rates"),
        indicators: ["TTV_TAI_LIEU", "TTV_TAP_HUAN", "DON_VI_TRANG_BI"],
      },
      {
        key: "B",
        title: t("Hoạt động", "Activities"),
        indicators: ["LOP_TAP_HUAN", "TAI_LIEU_PHAT_HANH"],
      },
    ],
    periodKinds: ["year"],
    source: "Kế hoạch 140/KH-UBND tỉnh Tuyên Quang, giai đoạn 1: 2026–2027, giai đoạn 2: 2028–2030", // seed 001
  },
  {
    id: "mttq-bien-gioi",
    version: 1,
    name: t("Công tác Mặt trận ở khu vực biên giới", "Front work in border areas"),
    reporter: t("Ủy ban MTTQ Việt Nam xã biên giới", "Commune Fatherland Front committees in border areas"),
    sections: [
      {
        key: "A",
        title: t("Tuyên truyền, giao lưu", "Awareness and exchanges"),
        indicators: ["TT_BUOI", "TT_LUOT_NGUOI", "GIAO_LUU", "MO_HINH_TU_QUAN"],
      },
      {
        key: "B",
        title: t("An sinh và kiến nghị", "Welfare and petitions"),
        indicators: ["HO_DUOC_HO_TRO", "NHA_DAI_DOAN_KET", "KIEN_NGHI_TIEP_NHAN", "KIEN_NGHI_PHAN_HOI"],
      },
    ],
    periodKinds: ["year", "half", "quarter"],
    deadline: {
      annual: { day: 15, month: 12 },
      description: t(
        "Báo cáo năm gửi trước ngày 15/12; báo cáo quý, 6 tháng, năm",
        "Annual report due before 15 December; quarterly, six-month and annual reports",
      ),
    },
    source: "Ủy ban MTTQ Việt Nam tỉnh Sơn La", // seeds 000, 002
  },
  {
    id: "ket-nghia",
    version: 1,
    name: t(
      "Kết nghĩa bản, cụm dân cư hai bên biên giới",
      "Twinning of residential clusters across the border",
    ),
    reporter: t("Ủy ban nhân dân xã biên giới", "Border commune People's Committees"),
    sections: [
      {
        key: "A",
        title: t("Kết nghĩa", "Twinning"),
        indicators: ["CAP_KET_NGHIA", "CAP_KET_NGHIA_KH"],
      },
      {
        key: "B",
        title: t("Phối hợp", "Joint work"),
        indicators: ["HOAT_DONG_CHUNG", "VU_VIEC_PHOI_HOP"],
      },
    ],
    periodKinds: ["year", "half", "quarter"],
    derived: ["TY_LE_KET_NGHIA"],
    source: "Kết nghĩa cụm dân cư hai bên biên giới Hà Tĩnh – Bolikhamxay, Khammouane", // seed 004
  },
];

const BY_ID: ReadonlyMap<string, Template> = new Map(TEMPLATES.map((tpl) => [tpl.id, tpl]));

/**
 * What a template tag (`ktxh-xa@1`, or the id alone) names. A version the catalog does not have is
 * not the template: its rows may mean something else, so the tag says which versions are known.
 */
export type TemplateTag =
  | { kind: "known"; template: Template }
  | { kind: "unknown-version"; template: Template; version: string; known: string[] }
  | { kind: "unknown" };

export function readTemplateTag(text: string): TemplateTag {
  const at = text.lastIndexOf("@");
  const id = (at < 0 ? text : text.slice(0, at)).trim().toLowerCase();
  const template = BY_ID.get(id);
  if (!template) return { kind: "unknown" };
  if (at < 0) return { kind: "known", template };
  const version = text.slice(at + 1).trim();
  if (/^\d+$/.test(version) && Number(version) === template.version) return { kind: "known", template };
  return { kind: "unknown-version", template, version, known: [templateTag(template)] };
}

/** The catalog's template for an id or a tag (`ktxh-xa@1`); none for a version it does not have. */
export function findTemplate(id: string): Template | undefined {
  const tag = readTemplateTag(id);
  return tag.kind === "known" ? tag.template : undefined;
}

/** The indicator codes a unit fills, in the template's order. */
export function templateIndicatorCodes(template: Template): string[] {
  return template.sections.flatMap((s) => [...s.indicators]);
}

/** Codes a unit must report: every row but the optional sections'. */
export function requiredIndicatorCodes(template: Template): string[] {
  return template.sections.filter((s) => !s.optional).flatMap((s) => [...s.indicators]);
}

/** Codes that appear in the template's summary: the reported ones, then the derived ones. */
export function summaryIndicatorCodes(template: Template): string[] {
  return [...templateIndicatorCodes(template), ...(template.derived ?? [])];
}

/**
 * The deadline a template's plan fixes for a period, as an ISO date, when the seeds give one: the
 * Front's annual report before 15/12 of the year (seed 000). Quarterly and six-month reports (seed
 * 002) have no date in the seeds: none, so a person gives one (`--due`) or none is judged late.
 */
export function usualDue(template: Template, period: Period): string | undefined {
  const annual = template.deadline?.annual;
  if (!annual || period.kind !== "year") return undefined;
  return `${period.endYear}-${String(annual.month).padStart(2, "0")}-${String(annual.day).padStart(2, "0")}`;
}

/** `ktxh-xa@1`: the id and version a workbook carries in `ChiTieu_MauBieu`. */
export function templateTag(template: Template): string {
  return `${template.id}@${template.version}`;
}

/** Every code the templates name exists in the catalog; checked once at load so a typo fails fast. */
for (const tpl of TEMPLATES) {
  for (const code of summaryIndicatorCodes(tpl)) getIndicator(code);
}
