import type { Template } from "../catalog/templates";
import type { Period } from "../periods";
import { PHRASES } from "./phrases";
import type { Masthead, ReportLang, Signature, TextRun } from "./types";

/*
 * Who issues the report and to whom it goes, from what the data can say: the scope's name (its
 * administrative word and its proper name) and the template's owner (a People's Committee or the
 * Fatherland Front). What the data cannot say (the office's name, the signer) is left as a `fill`
 * for the person to complete.
 */

/** Who fills the template decides who reports: the Front's committees, or the People's Committees. */
export type Owner = "committee" | "front";

export function ownerOf(template: Template): Owner {
  return /MTTQ|Mặt trận/i.test(template.reporter.vi) ? "front" : "committee";
}

/** An administrative unit's name split as Vietnamese writes it: `Tỉnh` + `Sơn La`. */
export interface ScopeName {
  /** The administrative word, lower case (`tỉnh`, `xã`), when the name starts with one. */
  word?: string;
  /** Its English twin (`province`, `commune`). */
  wordEn?: string;
  /** The proper name (`Sơn La`); the whole name when there is no administrative word. */
  proper: string;
  full: string;
  /** A province or a centrally-run city, whose reports go to the central bodies. */
  province: boolean;
}

const WORDS: [string, string, boolean][] = [
  ["thành phố", "city", true],
  ["đặc khu", "special zone", false],
  ["thị trấn", "township", false],
  ["thị xã", "town", false],
  ["tỉnh", "province", true],
  ["phường", "ward", false],
  ["huyện", "district", false],
  ["quận", "urban district", false],
  ["xã", "commune", false],
];

export function splitScopeName(name: string, code = ""): ScopeName {
  const full = name.normalize("NFC").trim();
  const lower = full.toLowerCase();
  for (const [word, en, province] of WORDS) {
    if (lower.startsWith(`${word} `)) {
      return { word, wordEn: en, proper: full.slice(word.length).trim(), full, province };
    }
  }
  // A name without its word: a two-digit code is a province's (Decision 19/2025/QĐ-TTg).
  return { proper: full, full, province: /^\d{2}$/.test(code) };
}

/** The scope inside a sentence: `tỉnh Sơn La`, `Sơn La province`. */
export function scopeInText(s: ScopeName, lang: ReportLang): string {
  if (!s.word) return s.proper;
  return lang === "vi" ? `${s.word} ${s.proper}` : `${s.proper} ${s.wordEn}`;
}

const upper = (s: string): string => s.normalize("NFC").toUpperCase();

/**
 * Where the report is signed: the province's (or commune's) proper name. Decree 30 writes Hồ Chí
 * Minh City in full.
 */
export function placeName(s: ScopeName): string | undefined {
  if (!s.proper) return undefined;
  return s.word === "thành phố" && s.proper === "Hồ Chí Minh" ? s.full : s.proper;
}

const fill = (text: string, extra: Partial<TextRun> = {}): TextRun => ({ text, fill: true, ...extra });

export function masthead(
  owner: Owner,
  scope: ScopeName,
  date: string | undefined,
  lang: ReportLang,
): Masthead {
  const p = PHRASES[lang];
  const place = placeName(scope);
  const placeRun: TextRun = place ? { text: place, italic: true } : fill(p.fill.place, { italic: true });
  const dateRuns: TextRun[] = date
    ? [{ text: `, ${p.longDate(date)}`, italic: true }]
    : [{ text: ", ", italic: true }, fill(p.blankDate, { italic: true })];
  const where = scope.word
    ? lang === "vi"
      ? upper(`${scope.word} ${scope.proper}`)
      : upper(scopeInText(scope, "en"))
    : "";
  if (owner === "front") {
    return {
      parent: [{ text: lang === "vi" ? "ỦY BAN MTTQ VIỆT NAM" : "VIETNAM FATHERLAND FRONT COMMITTEE" }],
      issuer: where ? [{ text: where, bold: true }] : [fill(p.fill.issuer, { bold: true })],
      number: [{ text: `${p.number}         /BC-MTTQ-BTT` }],
      motto: p.motto,
      placeDate: [placeRun, ...dateRuns],
    };
  }
  const parent: TextRun[] | undefined = where
    ? [{ text: lang === "vi" ? `UBND ${where}` : `PEOPLE'S COMMITTEE OF ${where}` }]
    : undefined;
  return {
    ...(parent ? { parent } : {}),
    issuer: [fill(p.fill.issuer, { bold: true })],
    number: [{ text: `${p.number}         /BC-` }, fill(p.fill.numberCode)],
    motto: p.motto,
    placeDate: [placeRun, ...dateRuns],
  };
}

/** The body that reports, inside a sentence: the Front's standing committee, or the office to name. */
export function reporterInText(owner: Owner, scope: ScopeName, lang: ReportLang): TextRun {
  if (owner === "front" && scope.word) {
    return {
      text:
        lang === "vi"
          ? `Ban Thường trực Ủy ban MTTQ Việt Nam ${scopeInText(scope, "vi")}`
          : `the Standing Committee of the Vietnam Fatherland Front Committee of ${scopeInText(scope, "en")}`,
    };
  }
  return fill(PHRASES[lang].fill.issuerInText);
}

/** The code after `/BC-` in the report's number: the Front's is known, an office's is to fill. */
export function numberCode(owner: Owner, lang: ReportLang): TextRun {
  return owner === "front" ? { text: "MTTQ-BTT" } : fill(PHRASES[lang].fill.numberCode);
}

/** What the units reporting are called in `Nơi nhận` (they get the report back). */
export type UnitsKind = "communes" | "provinces" | "units";

function unitsRecipient(owner: Owner, kind: UnitsKind, lang: ReportLang): string {
  if (lang === "vi") {
    if (owner === "front")
      return kind === "provinces"
        ? "Ban Thường trực Ủy ban MTTQ Việt Nam các tỉnh, thành phố"
        : "Ban Thường trực Ủy ban MTTQ Việt Nam các xã, phường";
    return kind === "provinces"
      ? "UBND các tỉnh, thành phố"
      : kind === "communes"
        ? "UBND các xã, phường, đặc khu"
        : "Các đơn vị báo cáo";
  }
  if (owner === "front")
    return kind === "provinces"
      ? "Standing committees of the provincial Fatherland Front committees"
      : "Standing committees of the commune and ward Fatherland Front committees";
  return kind === "provinces"
    ? "People's Committees of the provinces and cities"
    : kind === "communes"
      ? "People's Committees of the communes, wards and special zones"
      : "The reporting units";
}

export function signature(owner: Owner, scope: ScopeName, units: UnitsKind, lang: ReportLang): Signature {
  const p = PHRASES[lang];
  const vi = lang === "vi";
  const superior: TextRun[] =
    owner === "front" && scope.province
      ? [
          {
            text: vi
              ? "- Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam (b/c);"
              : "- Standing Committee of the Central Committee of the Vietnam Fatherland Front (for reporting);",
          },
        ]
      : [{ text: "- " }, fill(p.fill.superior), { text: vi ? " (b/c);" : " (for reporting);" }];
  const recipients: TextRun[][] = [
    superior,
    [{ text: `- ${unitsRecipient(owner, units, lang)};` }],
    [{ text: `- ${p.archive}` }, fill(p.fill.archive), { text: "." }],
  ];
  const authority: TextRun[][] =
    owner === "front"
      ? [
          [{ text: vi ? "TM. BAN THƯỜNG TRỰC" : "ON BEHALF OF THE STANDING COMMITTEE", bold: true }],
          [fill(vi ? "[CHỨC VỤ NGƯỜI KÝ]" : "[TITLE OF THE SIGNER]", { bold: true })],
        ]
      : [[fill(p.fill.signer, { bold: true })]];
  return {
    recipientsTitle: p.recipientsTitle,
    recipients,
    authority,
    hint: p.signHint,
    name: [fill(p.fill.name, { bold: true })],
  };
}

interface SubjectWords {
  vi: string;
  en: string;
  /** `của tỉnh Sơn La` (the committee's own results) or `trên địa bàn tỉnh Sơn La` (a programme's). */
  where: "of" | "in";
}

const SUBJECTS: Record<string, SubjectWords> = {
  "ktxh-xa": {
    vi: "kết quả thực hiện các chỉ tiêu kế hoạch phát triển kinh tế - xã hội",
    en: "the results on the socio-economic plan indicators",
    where: "of",
  },
  "de-an-1219": {
    vi: "kết quả thực hiện Đề án 1219 “Hỗ trợ thông tin và tuyên truyền về quốc phòng, an ninh, dân tộc và chính sách dân tộc thuộc các tỉnh địa bàn biên giới đất liền”",
    en: "the results of Project 1219 on information and propaganda support in the land-border provinces",
    where: "in",
  },
  "mttq-bien-gioi": {
    vi: "kết quả công tác Mặt trận ở khu vực biên giới",
    en: "the results of the Front's work in border areas",
    where: "in",
  },
  "ket-nghia": {
    vi: "kết quả thực hiện phong trào kết nghĩa cụm dân cư hai bên biên giới",
    en: "the results of the twinning of residential clusters across the border",
    where: "in",
  },
};

/**
 * What the report is about, in lower case for inside a sentence: `kết quả thực hiện các chỉ tiêu
 * kế hoạch phát triển kinh tế - xã hội năm 2026 của tỉnh Sơn La`.
 */
export function subjectInText(
  template: Template,
  period: Period,
  scope: ScopeName,
  lang: ReportLang,
): string {
  const words: SubjectWords = SUBJECTS[template.id] ?? {
    vi: `kết quả thực hiện ${template.name.vi.charAt(0).toLowerCase()}${template.name.vi.slice(1)}`,
    en: `the results: ${template.name.en}`,
    where: "in",
  };
  const where = scopeInText(scope, lang);
  const when = PHRASES[lang].period(period);
  // A scope without a name (units that reported, under no province) leaves the place out.
  if (!where) return `${lang === "en" ? words.en : words.vi} ${when}`;
  if (lang === "en") return `${words.en} ${when}, ${where}`;
  return `${words.vi} ${when} ${words.where === "of" ? "của" : "trên địa bàn"} ${where}`;
}

/** The subject under `BÁO CÁO`: the same words, with a capital. */
export function subjectLine(inText: string, lang: ReportLang): string {
  const s = lang === "en" && inText.startsWith("the ") ? inText.slice(4) : inText;
  return s.charAt(0).toUpperCase() + s.slice(1);
}
