/*
 * Text typed in the pre-Unicode Vietnamese encodings, still found in old templates that offices
 * copy forward: TCVN3 (TCVN 5712:1993, "ABC", fonts .VnTime/.VnArial) and VNI (VNI-Windows, fonts
 * VNI-Times). Excel stored the bytes as Windows-1252 characters and showed them right only through
 * those fonts; in any Unicode font they read "Tû lÖ hé nghÌo" (TCVN3) or "Tyû leä hoä ngheøo" (VNI)
 * for "Tỷ lệ hộ nghèo". Such a cell breaks matching (names, units, headers), so it is reported.
 *
 * Detection works word by word. A word is evidence for an encoding when it is not a Vietnamese
 * syllable as it stands, and becomes one once decoded; evidence against when decoding changes it
 * into something that is still not a syllable (`Müller`, `Straße`). Words that read as Vietnamese
 * already (`Xã`, `hé`) or that decoding leaves alone (ASCII, `Mường`) say nothing. That keeps
 * Unicode Vietnamese, English, French and German names, codes and units out, while a real legacy
 * name (`X· M­êng LÌo`) carries several evidence words.
 */

export type LegacyEncoding = "tcvn3" | "vni";

// ── TCVN3 ───────────────────────────────────────────────────────────────────────────────────────
// Bytes 0xA0–0xFF of TCVN 5712:1993, one row of 16 per line; `_` marks a byte left as it is.
// 0xB0–0xB4 are combining tone marks in the standard; they are left alone because in Latin-1 they
// are ° ± ² ³ ´, which real text uses (`25°C`, `m²`) and no TCVN3 keyboard produced.
// The capitals among them (Ằ at 0xAF, Ắ…Ề at 0xC0–0xC5…) are decoded as the standard says. The
// .VnTime fonts have no capitals with tones: headings were typed in .VnTimeH, which draws the
// lower-case codes as capitals, so such text decodes to lower case (the bytes do not say the font).
const TCVN3_ROWS = [
  "_ĂÂÊÔƠƯĐăâêôơưđẰ", // 0xA0
  "_____àảãáạẲằẳẵắẴ", // 0xB0
  "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ", // 0xC0
  "éẹềểễếệìỉỄẾỒĩíịò", // 0xD0
  "Ổỏõóọồổỗốộờởỡớợù", // 0xE0
  "ỖủũúụừửữứựỳỷỹýỵỐ", // 0xF0
];

const TCVN3 = new Map<string, string>();
TCVN3_ROWS.forEach((row, r) => {
  [...row].forEach((ch, c) => {
    if (ch !== "_") TCVN3.set(String.fromCharCode(0xa0 + r * 16 + c), ch);
  });
});

interface Decoded {
  text: string;
  /** Legacy letters decoded. */
  ops: number;
  /**
   * VNI vowels joined with the mark byte after them (`eâ`, `aù`, `ôù`): pairs that Unicode
   * Vietnamese never spells, so one of them is hardly chance.
   */
  pairs: number;
}

function decodeTcvn3(word: string): Decoded {
  let ops = 0;
  let text = "";
  for (const ch of word) {
    const u = TCVN3.get(ch);
    if (u !== undefined) {
      text += u;
      ops++;
    } else {
      text += ch;
    }
  }
  return { text, ops, pairs: 0 };
}

// ── VNI ─────────────────────────────────────────────────────────────────────────────────────────
// VNI-Windows writes a vowel, then one byte for its marks (a + ø = à, a + ä = ậ, a + ë = ặ); ơ and ư
// are single bytes (ô, ö), and so are the toned i's, ỵ and đ. Upper case uses the upper-case bytes
// (AÙ = Á). The marks after a vowel, as Windows-1252 shows them, lower case:
const ACUTE = "\u0301";
const GRAVE = "\u0300";
const HOOK = "\u0309";
const TILDE = "\u0303";
const DOT = "\u0323";
const CIRCUMFLEX = "\u0302";
const BREVE = "\u0306";

const VNI_TONE: Record<string, string> = { ù: ACUTE, ø: GRAVE, û: HOOK, õ: TILDE, ï: DOT };
/** After a, e, o: circumflex with a tone (â alone is the circumflex). */
const VNI_CIRCUMFLEX: Record<string, string> = { â: "", á: ACUTE, à: GRAVE, å: HOOK, ã: TILDE, ä: DOT };
/** After a only: breve with a tone (ê alone is the breve). */
const VNI_BREVE: Record<string, string> = { ê: "", é: ACUTE, è: GRAVE, ú: HOOK, ü: TILDE, ë: DOT };
/** Bytes that are letters by themselves. */
const VNI_SINGLE: Record<string, string> = { ô: "ơ", ö: "ư", æ: "ỉ", ó: "ĩ", ò: "ị", î: "ỵ", ñ: "đ" };

function withCase(s: string, upper: boolean): string {
  return upper ? s.toUpperCase() : s;
}

function decodeVni(word: string): Decoded {
  const chars = [...word];
  let ops = 0;
  let pairs = 0;
  let text = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const lower = ch.toLowerCase();
    const upper = ch !== lower;
    const next = chars[i + 1]?.toLowerCase();
    const base = lower === "ô" ? "ơ" : lower === "ö" ? "ư" : lower;
    if ("aeouyơư".includes(base) && next !== undefined) {
      let marks: string | undefined;
      if ("aeo".includes(base) && Object.hasOwn(VNI_CIRCUMFLEX, next))
        marks = CIRCUMFLEX + VNI_CIRCUMFLEX[next];
      else if (base === "a" && Object.hasOwn(VNI_BREVE, next)) marks = BREVE + VNI_BREVE[next];
      else if (Object.hasOwn(VNI_TONE, next)) marks = VNI_TONE[next];
      if (marks !== undefined) {
        text += withCase((base + marks).normalize("NFC"), upper);
        ops++;
        pairs++;
        i++;
        continue;
      }
    }
    const single = Object.hasOwn(VNI_SINGLE, lower) ? VNI_SINGLE[lower] : undefined;
    if (single !== undefined) {
      text += withCase(single, upper);
      ops++;
    } else {
      text += ch;
    }
  }
  return { text, ops, pairs };
}

// ── Vietnamese syllables ────────────────────────────────────────────────────────────────────────
// A syllable is onset + vowel group + final consonant, with one tone at most, and the tone sits
// where Vietnamese spelling puts it: `xã` but never `xaõ`, `người` but never `ngưòi`. That rule is
// what tells VNI shown as Latin-1 (`Xaõ`, the tone byte after the vowel) from a real word.
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Onsets, longest first; with the clusters of Central Highlands names (`Krông`, `Plei`, `Bla`). */
const ONSETS = [
  ..."ngh ng nh ch gh gi kh ph th tr qu bl br dr gl gr kl kr pl pr sr tl".split(" "),
  ..."bcdđfghjklmnprstvwxz",
  "",
];
/** Final consonants; `k` for the same names (`Đắk`, `Búk`). */
const CODAS = ["ch", "nh", "ng", "c", "k", "m", "n", "p", "t"];

/**
 * Vowel groups: where the tone may sit (index in the group) when a final consonant follows, and
 * when none does; undefined where that shape does not exist. `oa`, `oe`, `uy` without a final take
 * either place (old `hoá`, new `hóa`).
 */
const NUCLEI: Record<string, [number[] | undefined, number[] | undefined]> = {
  a: [[0], [0]],
  ă: [[0], undefined],
  â: [[0], undefined],
  e: [[0], [0]],
  ê: [[0], [0]],
  i: [[0], [0]],
  o: [[0], [0]],
  ô: [[0], [0]],
  ơ: [[0], [0]],
  u: [[0], [0]],
  ư: [[0], [0]],
  y: [[0], [0]],
  ai: [undefined, [0]],
  ao: [undefined, [0]],
  au: [undefined, [0]],
  ay: [undefined, [0]],
  âu: [undefined, [0]],
  ây: [undefined, [0]],
  eo: [undefined, [0]],
  êu: [undefined, [0]],
  ia: [undefined, [0]],
  iu: [undefined, [0]],
  oi: [undefined, [0]],
  ôi: [undefined, [0]],
  ơi: [undefined, [0]],
  ua: [undefined, [0]],
  ui: [undefined, [0]],
  ưa: [undefined, [0]],
  ưi: [undefined, [0]],
  ưu: [undefined, [0]],
  uơ: [undefined, [1]],
  iê: [[1], undefined],
  yê: [[1], undefined],
  uô: [[1], undefined],
  ươ: [[1], undefined],
  uyê: [[2], undefined],
  oă: [[1], undefined],
  uâ: [[1], undefined],
  oo: [[0, 1], undefined],
  oa: [[1], [0, 1]],
  oe: [[1], [0, 1]],
  uy: [[1], [0, 1]],
  uê: [[1], [1]],
  iêu: [undefined, [1]],
  yêu: [undefined, [1]],
  uôi: [undefined, [1]],
  ươi: [undefined, [1]],
  ươu: [undefined, [1]],
  uây: [undefined, [1]],
  oai: [undefined, [1]],
  oay: [undefined, [1]],
  oao: [undefined, [1]],
  oeo: [undefined, [1]],
  uya: [undefined, [1]],
  uyu: [undefined, [1]],
};

/** Vowel groups after which `nh` and `ch` may end a syllable (`anh`, `ếch`, `oanh`, `huynh`). */
const PALATAL = new Set(["a", "ê", "i", "y", "oa", "uê", "uy"]);
/** Vowel groups that never take `ng` or `c` (`inh` not `ing`, `ếch` not `ếc`). */
const NO_VELAR = new Set(["i", "ê", "y", "ơ", "uy", "uê"]);
const STOPS = new Set(["c", "ch", "k", "p", "t"]);
/** On a syllable ending in a stop only sắc (acute) and nặng (dot below) occur: `tốt`, `học`. */
const STOP_TONES = new Set(["\u0301", "\u0323"]);

interface Untoned {
  bare: string;
  /** Index of the letter that carries the tone, or -1. */
  at: number;
  mark: string;
}

/** The word without its tone, and where the tone was; undefined with two tones or more. */
function untone(word: string): Untoned | undefined {
  let bare = "";
  let at = -1;
  let mark = "";
  for (const ch of word.toLowerCase().normalize("NFC")) {
    const d = ch.normalize("NFD");
    const marks = d.match(TONES) ?? [];
    if (marks.length > 0) {
      if (at >= 0 || marks.length > 1) return undefined;
      at = [...bare].length;
      mark = marks[0] as string;
    }
    bare += d.replace(TONES, "").normalize("NFC");
  }
  return { bare, at, mark };
}

function fits(nucleus: string, coda: string, u: Untoned, start: number): boolean {
  const [closed, open] = NUCLEI[nucleus] as [number[] | undefined, number[] | undefined];
  const places = coda === "" ? open : CODAS.includes(coda) ? closed : undefined;
  if (!places) return false;
  if ((coda === "nh" || coda === "ch") && !PALATAL.has(nucleus)) return false;
  if ((coda === "ng" || coda === "c") && NO_VELAR.has(nucleus)) return false;
  if (u.at < 0) return true;
  if (STOPS.has(coda) && !STOP_TONES.has(u.mark)) return false;
  return places.includes(u.at - start);
}

/** Answers so far (a cache only: the answer never depends on it). */
const SYLLABLES = new Map<string, boolean>();

/**
 * Whether a word is one Vietnamese syllable, in any case: known onset, vowel group and final, the
 * final allowed after that vowel, and one tone at most, of a kind the final allows, where spelling
 * puts it.
 */
export function isVietnameseSyllable(word: string): boolean {
  let known = SYLLABLES.get(word);
  if (known === undefined) {
    // Bounded: a national run reads the same few thousand words again and again.
    if (SYLLABLES.size >= 20_000) SYLLABLES.clear();
    known = checkSyllable(word);
    SYLLABLES.set(word, known);
  }
  return known;
}

function checkSyllable(word: string): boolean {
  const u = untone(word);
  if (!u || !/^[a-zđăâêôơư]+$/.test(u.bare)) return false;
  const letters = [...u.bare];
  for (const onset of ONSETS) {
    if (!u.bare.startsWith(onset)) continue;
    const start = [...onset].length;
    const rest = letters.slice(start).join("");
    for (const nucleus of Object.keys(NUCLEI)) {
      if (rest.startsWith(nucleus) && fits(nucleus, rest.slice(nucleus.length), u, start)) return true;
    }
  }
  return false;
}

/** lower, Capitalised or UPPER: what a decoded word must look like (`cỈp` is VNI misreading TCVN3). */
function plausibleCase(word: string): boolean {
  const rest = [...word].slice(1).join("");
  return rest === rest.toLowerCase() || word === word.toUpperCase();
}

// ── Detection ───────────────────────────────────────────────────────────────────────────────────
/** Runs of letters and legacy bytes: whitespace, ASCII digits and punctuation, and dashes split. */
const WORDS = /[^\s\u0021-\u0040\u005b-\u0060\u007b-\u007e\u2000-\u206f]+/g;

/**
 * Latin-1 characters that are not Vietnamese letters: symbols TCVN3 uses for letters (`·` ã, `­` ư,
 * `¸` á, `®` đ) and letters of other languages (`Ö` ệ in TCVN3, `ä` the dot-below mark in VNI).
 * In a word that decoding turns into Vietnamese, one of them is near-proof.
 */
const FOREIGN =
  /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]/;

interface Score {
  /** Words that become Vietnamese only once decoded. */
  evidence: number;
  /**
   * Of those, words hardly due to chance: with a FOREIGN character, two legacy letters or more,
   * or a VNI vowel-and-mark pair.
   */
  strong: number;
  /** Words that decoding changes into something still not Vietnamese. */
  against: number;
}

function score(words: string[], decode: (w: string) => Decoded): Score {
  const s: Score = { evidence: 0, strong: 0, against: 0 };
  for (const w of words) {
    const length = [...w].length;
    // One character alone (`÷`, `·`, `ë`) is as likely a symbol as a word, and `µ` in front of
    // letters is the micro sign (`µm`, `µg`): no vote.
    if (length < 2 || w.startsWith("µ")) continue;
    const d = decode(w);
    if (d.ops === 0 || d.text === w || isVietnameseSyllable(w)) continue;
    if (plausibleCase(d.text) && isVietnameseSyllable(d.text)) {
      s.evidence++;
      // A two-letter pair (`Où`) is French as often as VNI: strong only in longer words.
      if (d.ops >= 2 || (d.pairs > 0 && length > 2) || FOREIGN.test(w)) s.strong++;
    } else if (!/^[\p{Lu}]+$/u.test(d.text)) {
      // An acronym with Đ (`H§ND` is HĐND, `§VT` is ĐVT) is no syllable either way: no vote.
      s.against++;
    }
  }
  return s;
}

function convincing(s: Score): boolean {
  return s.evidence > s.against && (s.strong >= 1 || s.evidence >= 2);
}

/** Answers already given, by text (null: no legacy encoding); cleared when full. */
const DETECTED = new Map<string, LegacyEncoding | null>();
const DETECTED_MAX = 4096;

/**
 * Whether `text` looks like TCVN3 or VNI shown in a Unicode font; undefined when it looks like
 * anything else (Unicode Vietnamese, English, names, codes) or when it is too short to tell
 * (`hé` is both TCVN3 for hộ and a Vietnamese word).
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | undefined {
  // Every submission repeats the same indicator names and notes: a national run asks about the same
  // few hundred texts tens of thousands of times. The answer depends on the text alone.
  const known = DETECTED.get(text);
  if (known !== undefined) return known ?? undefined;
  const found = detect(text);
  if (DETECTED.size >= DETECTED_MAX) DETECTED.clear();
  DETECTED.set(text, found ?? null);
  return found;
}

function detect(text: string): LegacyEncoding | undefined {
  const nfc = text.normalize("NFC");
  if (!/[\u00a1-\u00ff]/.test(nfc)) return undefined;
  const words = (nfc.match(WORDS) ?? []).filter((w) => /[\u00a1-\u00ff]/.test(w));
  const tcvn3 = score(words, decodeTcvn3);
  const vni = score(words, decodeVni);
  const t = convincing(tcvn3);
  const v = convincing(vni);
  if (t && v) {
    const dt = tcvn3.evidence - tcvn3.against;
    const dv = vni.evidence - vni.against;
    return dt > dv ? "tcvn3" : dv > dt ? "vni" : undefined;
  }
  return t ? "tcvn3" : v ? "vni" : undefined;
}

/**
 * The Unicode text a legacy string was meant to be, for a message ("probably meant: …"). TCVN3
 * capitals typed through a .VnTimeH font come out in lower case: the bytes do not say which font
 * showed them.
 */
export function fromLegacy(text: string, encoding: LegacyEncoding): string {
  const nfc = text.normalize("NFC");
  return (encoding === "tcvn3" ? decodeTcvn3(nfc) : decodeVni(nfc)).text.normalize("NFC");
}
