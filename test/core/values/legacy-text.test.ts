import * as fs from "node:fs";
import * as path from "node:path";
import * as iconv from "iconv-lite";
import { INDICATORS } from "../../../src/core/catalog/indicators";
import { detectLegacyEncoding, fromLegacy, isVietnameseSyllable } from "../../../src/core/values/legacy-text";

/*
 * Legacy text for the tests is made independently of the code under test: TCVN3 with iconv-lite's
 * TCVN 5712 table, VNI with the VNI-Windows chart transcribed below (vowel, then the mark byte),
 * and a few phrases written out by hand.
 */

/** Unicode text as a TCVN3 (.VnTime) cell shows in a Unicode font; undefined if .VnTime cannot type it. */
function toTcvn3(text: string): string | undefined {
  const bytes = iconv.encode(text.normalize("NFC"), "tcvn");
  // Bytes below 0xA0 are capitals with tones (or `?` for what TCVN has no code for): not in .VnTime.
  if ([...bytes].some((b) => (b < 0x20 && b !== 0x09) || (b >= 0x80 && b < 0xa0))) return undefined;
  if (iconv.decode(bytes, "tcvn") !== text.normalize("NFC")) return undefined;
  return iconv.decode(bytes, "latin1");
}

// VNI-Windows, lower case: each Unicode letter and its bytes as Windows-1252 shows them.
const VNI_CHART: [string, string][] = [
  ["á", "aù"],
  ["à", "aø"],
  ["ả", "aû"],
  ["ã", "aõ"],
  ["ạ", "aï"],
  ["â", "aâ"],
  ["ấ", "aá"],
  ["ầ", "aà"],
  ["ẩ", "aå"],
  ["ẫ", "aã"],
  ["ậ", "aä"],
  ["ă", "aê"],
  ["ắ", "aé"],
  ["ằ", "aè"],
  ["ẳ", "aú"],
  ["ẵ", "aü"],
  ["ặ", "aë"],
  ["é", "eù"],
  ["è", "eø"],
  ["ẻ", "eû"],
  ["ẽ", "eõ"],
  ["ẹ", "eï"],
  ["ê", "eâ"],
  ["ế", "eá"],
  ["ề", "eà"],
  ["ể", "eå"],
  ["ễ", "eã"],
  ["ệ", "eä"],
  ["ó", "où"],
  ["ò", "oø"],
  ["ỏ", "oû"],
  ["õ", "oõ"],
  ["ọ", "oï"],
  ["ô", "oâ"],
  ["ố", "oá"],
  ["ồ", "oà"],
  ["ổ", "oå"],
  ["ỗ", "oã"],
  ["ộ", "oä"],
  ["ơ", "ô"],
  ["ớ", "ôù"],
  ["ờ", "ôø"],
  ["ở", "ôû"],
  ["ỡ", "ôõ"],
  ["ợ", "ôï"],
  ["ú", "uù"],
  ["ù", "uø"],
  ["ủ", "uû"],
  ["ũ", "uõ"],
  ["ụ", "uï"],
  ["ư", "ö"],
  ["ứ", "öù"],
  ["ừ", "öø"],
  ["ử", "öû"],
  ["ữ", "öõ"],
  ["ự", "öï"],
  ["í", "í"],
  ["ì", "ì"],
  ["ỉ", "æ"],
  ["ĩ", "ó"],
  ["ị", "ò"],
  ["ý", "yù"],
  ["ỳ", "yø"],
  ["ỷ", "yû"],
  ["ỹ", "yõ"],
  ["ỵ", "î"],
  ["đ", "ñ"],
];
const VNI_OF = new Map<string, string>();
for (const [u, v] of VNI_CHART) {
  VNI_OF.set(u, v);
  VNI_OF.set(u.toUpperCase(), v.toUpperCase());
}
function toVni(text: string): string {
  return [...text.normalize("NFC")].map((c) => VNI_OF.get(c) ?? c).join("");
}

const ROOT = path.join(__dirname, "..", "..", "..");
const UNIT_NAMES = fs
  .readFileSync(path.join(ROOT, "data", "dvhc-2025.csv"), "utf8")
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split(",")[1] as string);
const INDICATOR_TEXTS = INDICATORS.flatMap((i) => [i.name.vi, i.name.en, i.definition.vi, i.definition.en]);

describe("detectLegacyEncoding and fromLegacy on real phrases", () => {
  it.each<[string, "tcvn3" | "vni", string]>([
    ["Tû lÖ hé nghÌo", "tcvn3", "Tỷ lệ hộ nghèo"],
    ["X· M\u00adêng LÌo", "tcvn3", "Xã Mường Lèo"],
    ["Sè l\u00adîng ®µn gia sóc", "tcvn3", "Số lượng đàn gia súc"],
    ["Thu ng©n s¸ch trªn ®Þa bµn", "tcvn3", "Thu ngân sách trên địa bàn"],
    ["Tû lÖ d©n sè tham gia b¶o hiÓm y tÕ", "tcvn3", "Tỷ lệ dân số tham gia bảo hiểm y tế"],
    ["ViÖt Nam", "tcvn3", "Việt Nam"],
    ["triÖu ®ång", "tcvn3", "triệu đồng"],
    ["ng\u00adêi", "tcvn3", "người"],
    ["Tyû leä hoä ngheøo", "vni", "Tỷ lệ hộ nghèo"],
    ["Xaõ Möôøng Leøo", "vni", "Xã Mường Lèo"],
    ["Xin chaøo caùc baïn", "vni", "Xin chào các bạn"],
    ["Soá löôïng ñaøn gia suùc", "vni", "Số lượng đàn gia súc"],
    ["UÛy ban nhaân daân xaõ", "vni", "Ủy ban nhân dân xã"],
    ["TÆNH SÔN LA", "vni", "TỈNH SƠN LA"],
    ["Tænh Sôn La", "vni", "Tỉnh Sơn La"],
    ["Xaõ Kim Anh", "vni", "Xã Kim Anh"],
    ["ngöôøi", "vni", "người"],
    ["trieäu ñoàng", "vni", "triệu đồng"],
  ])("%j is %s for %j", (legacy, encoding, unicode) => {
    expect(detectLegacyEncoding(legacy)).toBe(encoding);
    expect(fromLegacy(legacy, encoding)).toBe(unicode);
  });

  it("agrees with iconv-lite's TCVN 5712 table on every byte it decodes", () => {
    for (let b = 0xa1; b <= 0xff; b++) {
      if (b >= 0xb0 && b <= 0xb4) continue; // combining marks in the standard; left alone (°, ±, ², ³, ´)
      const latin1 = String.fromCharCode(b);
      expect([b.toString(16), fromLegacy(latin1, "tcvn3")]).toEqual([
        b.toString(16),
        iconv.decode(Buffer.from([b]), "tcvn"),
      ]);
    }
  });

  it("leaves °, ±, ², ³, ´ and ASCII alone", () => {
    expect(fromLegacy("25°C ± 2, 12 m² x³ ´ ABC xyz 123", "tcvn3")).toBe("25°C ± 2, 12 m² x³ ´ ABC xyz 123");
  });
});

describe("detectLegacyEncoding stays quiet on text that is not legacy", () => {
  it.each([
    "",
    "Tỷ lệ hộ nghèo",
    "Xã Mường Lèo",
    "Hoà Bình",
    "Khánh Hoà",
    "Thuỷ lợi",
    "Ðà Nẵng", // Eth in place of Đ, a common Unicode slip
    "Ðoàn",
    "HO_NGHEO",
    "ktxh-xa@1",
    "ChiTieu_MaDonVi",
    "1.922,9",
    "47,72 %",
    "25°C",
    "12 m²",
    "½ ha",
    "© 2026",
    "5 µm",
    "± 3%",
    "§ 3",
    "« citation »",
    "A · B",
    "10 × 20 ÷ 2",
    "Müller",
    "Straße",
    "François Hollande",
    "Crème brûlée",
    "São Paulo",
    "Zürich",
    "José Martí",
    "Señor Peña",
    "Björk Guðmundsdóttir",
    "Søren Kierkegaard",
    "Ångström",
    "naïve café",
    "Noël",
    "Curaçao",
    "Hôtel de Ville",
    "Øresund",
    "Ærø",
    "Jürgen Klopp",
    "Jalapeño",
    "Où est",
    "Déjà vu",
    "Très bien",
    "Château",
    "Forêt",
    "Maître",
    "España",
    "hé", // TCVN3 for hộ, and a Vietnamese word: too short to tell
  ])("%j", (text) => {
    expect(detectLegacyEncoding(text)).toBeUndefined();
  });

  it("on every commune, province and indicator text of the catalog", () => {
    const flagged = [...UNIT_NAMES, ...INDICATOR_TEXTS].filter((t) => detectLegacyEncoding(t) !== undefined);
    expect(flagged).toEqual([]);
    expect(UNIT_NAMES.length).toBeGreaterThan(3000);
  });
});

describe("detectLegacyEncoding finds legacy names in bulk", () => {
  const tcvn3 = UNIT_NAMES.map((n) => [n, toTcvn3(n)] as const).filter(
    (p): p is readonly [string, string] => p[1] !== undefined && p[1] !== p[0],
  );
  const vni = UNIT_NAMES.map((n) => [n, toVni(n)] as const).filter(([n, v]) => v !== n);

  it("TCVN3: nearly every unit name, and never as VNI", () => {
    const found = tcvn3.filter(([, t]) => detectLegacyEncoding(t) === "tcvn3");
    expect(tcvn3.filter(([, t]) => detectLegacyEncoding(t) === "vni")).toEqual([]);
    expect(found.length / tcvn3.length).toBeGreaterThan(0.98);
    expect(tcvn3.length).toBeGreaterThan(3000);
  });

  it("VNI: nearly every unit name, and never as TCVN3", () => {
    const found = vni.filter(([, v]) => detectLegacyEncoding(v) === "vni");
    expect(vni.filter(([, v]) => detectLegacyEncoding(v) === "tcvn3")).toEqual([]);
    expect(found.length / vni.length).toBeGreaterThan(0.98);
  });

  it("every indicator name, in both encodings", () => {
    for (const i of INDICATORS) {
      const t = toTcvn3(i.name.vi);
      if (t) expect([i.name.vi, detectLegacyEncoding(t)]).toEqual([i.name.vi, "tcvn3"]);
      expect([i.name.vi, detectLegacyEncoding(toVni(i.name.vi))]).toEqual([i.name.vi, "vni"]);
    }
  });

  it("fromLegacy gives back every name exactly", () => {
    for (const [name, t] of tcvn3) expect(fromLegacy(t, "tcvn3")).toBe(name.normalize("NFC"));
    for (const [name, v] of vni) expect(fromLegacy(v, "vni")).toBe(name.normalize("NFC"));
  });
});

describe("isVietnameseSyllable", () => {
  it.each([
    "người",
    "Nghèo",
    "NGHÈO",
    "khuya",
    "quý",
    "giữ",
    "gì",
    "hoá",
    "hóa",
    "thuở",
    "truyền",
    "tỉnh",
    "xã",
    "học",
    "tốt",
    "oanh",
    "huynh",
    "khuấy",
    "rượu",
    "nhiều",
    "Đắk",
    "Krông",
    "Plông",
  ])("%j is one", (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });

  it.each([
    ["the VNI tone byte after the vowel", "xaõ"],
    ["`nh` after ô", "tổnh"],
    ["a tone a stop final cannot carry", "tỗt"],
    ["the tone of ươi on ư", "ngừơi"],
    ["two tones", "tiếnǵ"],
    ["`ng` after i", "ing"],
    ["a German word", "müller"],
    ["an English word", "hello"],
    ["two syllables written together", "sơmei"],
    ["digits", "h2o"],
    ["empty", ""],
  ])("%s (%j) is not one", (_what, w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
});
