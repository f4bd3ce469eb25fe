import type { Bilingual } from "../catalog/types";

/*
 * Units of measure as people write them in the `Đơn vị tính` column (FORMATS.md §3): `Triệu đồng`,
 * `tr.đ`, `trđ`, `Tr.đồng`, `triệu VNĐ`, `million VND` are one unit; `tỷ đồng` for `triệu đồng` or
 * `tạ` for `tấn` is a known factor; `hộ` for `người` is a different quantity.
 *
 * Each unit has a dimension and a size in the dimension's smallest unit (đồng, kg, m², ‰, one
 * thing), all whole numbers, so a conversion is one multiplication or one division by a whole
 * number: 1922900000 đồng / 1000000 is exactly 1922.9, while × 0.000001 is not.
 * Counting words (người, hộ, con…) each make their own dimension: 12 hộ are not 12 người.
 * Local land measures (sào, mẫu) are left unrecognised on purpose: a sào is 360 m² in the north,
 * 500 m² in the centre and 1000 m² in the south, so no factor is safe.
 */

export type Dimension = "money-vnd" | "money-usd" | "mass" | "area" | "percent" | `count:${string}`;

export interface UnitOfMeasure {
  /** Canonical Vietnamese name (`triệu đồng`, `nghìn người`), stable for programs. */
  key: string;
  dimension: Dimension;
  /** Size in the dimension's smallest unit (đồng, kg, m², ‰, one thing). */
  size: number;
  name: Bilingual;
}

interface BaseUnit {
  vi: string;
  en: string;
  dimension: Dimension;
  size: number;
  /** Takes nghìn / triệu / tỷ in front (`nghìn người`, `nghìn tấn`); `%` does not. */
  scalable: boolean;
  aliases: string[];
}

const money = (vi: string, en: string, size: number, aliases: string[]): BaseUnit => ({
  vi,
  en,
  dimension: "money-vnd",
  size,
  scalable: true,
  aliases,
});

const count = (vi: string, en: string, aliases: string[]): BaseUnit => ({
  vi,
  en,
  dimension: `count:${vi}`,
  size: 1,
  scalable: true,
  aliases,
});

const BASES: BaseUnit[] = [
  money("đồng", "VND", 1, ["đ", "vnđ", "vnd", "₫", "việt nam đồng", "dong"]),
  money("nghìn đồng", "thousand VND", 1e3, ["nghìn đ", "ngàn đ", "ng.đ", "1000đ", "1.000 đồng"]),
  money("triệu đồng", "million VND", 1e6, [
    "triệu",
    "tr",
    "tr.đ",
    "trđ",
    "tr.đồng",
    "tr đồng",
    "triệu đ",
    "trieu dong",
    "vnd million",
    "vnđ million",
    "mil vnd",
    "mln vnd",
    "million dong",
  ]),
  money("tỷ đồng", "billion VND", 1e9, ["tỷ", "tỉ", "tỷ đ", "tỉ đ", "bn vnd", "vnd billion", "billion dong"]),
  {
    vi: "USD",
    en: "USD",
    dimension: "money-usd",
    size: 1,
    scalable: true,
    aliases: ["us$", "$", "đô la", "đô la mỹ", "dollars", "dollar", "us dollars"],
  },
  {
    vi: "kg",
    en: "kg",
    dimension: "mass",
    size: 1,
    scalable: true,
    aliases: ["kilôgam", "kilogam", "kilogram", "kilograms", "kgs", "ki-lô-gam"],
  },
  { vi: "yến", en: "10 kg", dimension: "mass", size: 10, scalable: false, aliases: [] },
  {
    vi: "tạ",
    en: "quintal",
    dimension: "mass",
    size: 100,
    scalable: false,
    aliases: ["quintals", "tạ (100 kg)"],
  },
  {
    vi: "tấn",
    en: "tonnes",
    dimension: "mass",
    size: 1000,
    scalable: true,
    aliases: ["t", "tonne", "tonnes", "ton", "tons", "metric tons", "metric tonnes"],
  },
  {
    vi: "m²",
    en: "m²",
    dimension: "area",
    size: 1,
    scalable: true,
    aliases: ["m2", "mét vuông", "met vuong", "square metres", "square meters", "sq m", "sqm"],
  },
  {
    vi: "ha",
    en: "ha",
    dimension: "area",
    size: 1e4,
    scalable: true,
    aliases: ["héc-ta", "héc ta", "hecta", "hécta", "hectare", "hectares", "hec-ta"],
  },
  {
    vi: "km²",
    en: "km²",
    dimension: "area",
    size: 1e6,
    scalable: false,
    aliases: [
      "km2",
      "ki-lô-mét vuông",
      "kilômét vuông",
      "kilomet vuong",
      "square kilometres",
      "square kilometers",
      "sq km",
    ],
  },
  {
    vi: "%",
    en: "%",
    dimension: "percent",
    size: 10,
    scalable: false,
    aliases: ["phần trăm", "percent", "per cent", "pct", "tỷ lệ %", "tỉ lệ %", "tỷ lệ", "tỉ lệ"],
  },
  {
    vi: "‰",
    en: "‰",
    dimension: "percent",
    size: 1,
    scalable: false,
    aliases: ["phần nghìn", "phần ngàn", "per mille"],
  },
  // Counting words of the catalog (src/core/catalog/indicators.ts), with what people write instead.
  count("người", "persons", [
    "person",
    "people",
    "persons",
    "lao động",
    "người lao động",
    "nhân khẩu",
    "khẩu",
  ]),
  count("hộ", "households", ["household", "hộ gia đình", "hộ dân", "hgđ", "gia đình", "families"]),
  count("con", "head", ["heads", "head of livestock", "con gia súc"]),
  count("tiêu chí", "criteria", ["criterion", "tc"]),
  count("lớp", "courses", ["course", "classes", "class", "lớp học", "lớp tập huấn"]),
  // `bản` counts copies (TAI_LIEU_PHAT_HANH) and villages (ANTT_KDC): one word, one dimension.
  count("bản", "copies", [
    "copy",
    "villages",
    "village",
    "thôn",
    "thôn/bản",
    "thôn, bản",
    "khu dân cư",
    "kdc",
    "cuốn",
    "tờ",
    "ấn phẩm",
  ]),
  count("buổi", "sessions", ["session"]),
  count("lượt", "attendances", ["attendance", "lượt người", "lượt người tham dự"]),
  count("hoạt động", "activities", ["activity", "hđ"]),
  count("mô hình", "groups", ["group", "models", "model", "tổ", "tổ tự quản", "nhóm"]),
  count("nhà", "houses", ["house", "căn", "căn nhà", "ngôi nhà", "homes"]),
  count("kiến nghị", "petitions", ["petition", "ý kiến, kiến nghị", "ý kiến kiến nghị"]),
  count("cặp", "pairs", ["pair", "cặp kết nghĩa"]),
  count("vụ", "cases", ["case", "vụ việc", "incidents"]),
  count("trường", "schools", ["school", "trường học"]),
  count("hồ sơ", "records", ["record", "files", "dossiers"]),
  count("thủ tục", "procedures", ["procedure", "tthc", "thủ tục hành chính"]),
  count("đơn vị", "units", ["unit", "cơ quan", "cơ quan, đơn vị", "agencies", "cơ sở"]),
];

interface Scale {
  vi: string;
  en: string;
  size: number;
  words: string[];
}

const SCALES: Scale[] = [
  {
    vi: "nghìn",
    en: "thousand",
    size: 1e3,
    words: ["nghìn", "ngàn", "thousand", "thousands", "1000", "000"],
  },
  { vi: "triệu", en: "million", size: 1e6, words: ["triệu", "million", "millions"] },
  { vi: "tỷ", en: "billion", size: 1e9, words: ["tỷ", "tỉ", "billion", "billions"] },
];

/**
 * The comparison key: NFC, lower case, and without what varies between people for one unit —
 * spaces, dots, hyphens, parentheses and commas (`Tr.đ`, `tr đ`, `(trđ)`; `héc-ta`, `hécta`).
 * `/` stays: `tấn/ha` is a yield, not a mass.
 */
function key(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/²/g, "2")
    .replace(/[\s.\-–_·()[\]'’,:;]/g, "");
}

/** The key without diacritics, for `trieu dong`, `tan`, `nguoi` typed without Vietnamese keyboard. */
function fold(k: string): string {
  return k
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .normalize("NFC");
}

function unitOf(base: BaseUnit, scale?: Scale): UnitOfMeasure {
  if (!scale)
    return { key: base.vi, dimension: base.dimension, size: base.size, name: { vi: base.vi, en: base.en } };
  return {
    key: `${scale.vi} ${base.vi}`,
    dimension: base.dimension,
    size: scale.size * base.size,
    name: { vi: `${scale.vi} ${base.vi}`, en: `${scale.en} ${base.en}` },
  };
}

/**
 * Two tables: exact keys (with diacritics), and folded keys kept only where one unit claims them —
 * without diacritics `tổ` (a group) and `tờ` (a sheet) are both `to`, so `to` is recognised as
 * neither.
 */
function buildTables(): { exact: Map<string, BaseUnit>; folded: Map<string, BaseUnit | null> } {
  const exact = new Map<string, BaseUnit>();
  const folded = new Map<string, BaseUnit | null>();
  for (const b of BASES) {
    for (const text of [b.vi, b.en, ...b.aliases]) {
      const k = key(text);
      exact.set(k, b);
      const f = fold(k);
      const seen = folded.get(f);
      folded.set(f, seen === undefined || seen === b ? b : null);
    }
  }
  return { exact, folded };
}

const TABLES = buildTables();

function lookup(
  k: string,
  table: Map<string, BaseUnit | null>,
  foldWords: boolean,
): UnitOfMeasure | undefined {
  const direct = table.get(k);
  if (direct) return unitOf(direct);
  for (const scale of SCALES) {
    for (const word of scale.words) {
      const w = foldWords ? fold(key(word)) : key(word);
      if (!k.startsWith(w) || k.length === w.length) continue;
      const base = table.get(k.slice(w.length));
      if (base && base.scalable) return unitOf(base, scale);
    }
  }
  return undefined;
}

/**
 * The unit a text names, or undefined when it names none this engine knows (or is empty).
 * Also `nghìn` / `triệu` / `tỷ` in front of a countable unit: `nghìn người`, `nghìn tấn`,
 * `million VND`. Alone, `triệu` and `tỷ` are taken as money (`triệu đồng`, `tỷ đồng`) — how
 * budget tables write them.
 */
export function recogniseUnit(text: string): UnitOfMeasure | undefined {
  const k = key(text);
  if (k === "") return undefined;
  return lookup(k, TABLES.exact, false) ?? lookup(fold(k), TABLES.folded, true);
}

export type UnitConversion =
  | { kind: "same" }
  | {
      kind: "converted";
      /** The value in the indicator's unit. */
      value: number;
      /** What one `from` is in `to` (1000 for tỷ → triệu, 0.1 for tạ → tấn). */
      factor: number;
      from: UnitOfMeasure;
      to: UnitOfMeasure;
    }
  | {
      kind: "unknown";
      text: string;
      /** `written`: the person's unit text; `indicator`: the catalog's (a bug, caught by tests). */
      side: "written" | "indicator";
    }
  | { kind: "incompatible"; from: UnitOfMeasure; to: UnitOfMeasure };

/**
 * A value written in `fromText` brought to the indicator's unit. Empty unit text means the
 * template's own unit (`same`). `converted` is for a warning (FORMATS.md §3: the value is used);
 * `unknown` and `incompatible` are errors (the value is not used).
 */
export function convertUnit(
  value: number,
  fromText: string | undefined,
  to: Bilingual | string,
): UnitConversion {
  if (fromText === undefined || key(fromText) === "") return { kind: "same" };
  const target = typeof to === "string" ? recogniseUnit(to) : (recogniseUnit(to.vi) ?? recogniseUnit(to.en));
  if (!target) return { kind: "unknown", text: typeof to === "string" ? to : to.vi, side: "indicator" };
  const from = recogniseUnit(fromText);
  if (!from) return { kind: "unknown", text: fromText.trim(), side: "written" };
  if (from.dimension !== target.dimension) return { kind: "incompatible", from, to: target };
  if (from.size === target.size) return { kind: "same" };
  const converted =
    from.size > target.size ? value * (from.size / target.size) : value / (target.size / from.size);
  return { kind: "converted", value: converted, factor: from.size / target.size, from, to: target };
}
