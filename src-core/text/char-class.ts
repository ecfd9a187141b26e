/**
 * Character classes for Chinese (GB, mainland horizontal) line breaking and spacing: the clreq/GB
 * tailoring of TYPOGRAPHY.md §1–§2 on top of UAX #14.
 *
 * 1. Every code point maps to one `CharClass`, which says both how the composer sizes it (a Han
 *    box, a full-width mark with an adjustable blank, a fixed-width dash, a Latin glyph …) and how
 *    it behaves at a line edge (never at start, never at end).
 * 2. The BMP is looked up in a prebuilt `Uint8Array` (one byte per code point) so the composer's
 *    inner loop never branches through range tests; astral code points take the slow path.
 * 3. "Western" classes (Latin, digits, ASCII punctuation, spaces) are those whose break
 *    opportunities among themselves come from UAX #14 (the `linebreak` package); everything else
 *    is decided by our own table (`break-opportunities.ts`), which overrides UAX #14 both ways.
 */

/**
 * How a character is set and broken. Numeric so it fits a `Uint8Array`.
 * Never-at-start / never-at-end membership follows TYPOGRAPHY.md §1 and the WPT
 * `css-text-line-break-zh-*-strict` lists (see tests/unit/text/wpt-zh-strict.test.ts).
 */
export const CharClass = {
  /** Latin letters and anything not listed below (UAX #14 decides breaks among them). */
  Latin: 0,
  /** Han ideographs, kana, hangul, full-width letters/digits, CJK symbols: one em box. */
  Han: 1,
  /** ASCII digits 0–9 (half width from the font). */
  Digit: 2,
  /** A breaking space (U+0020): a Latin word space, hidden at line end. */
  Space: 3,
  /** Full-width opening mark “‘（《〈【〖〔［｛「『: ink right, adjustable blank left; never at line end. */
  Open: 4,
  /** Full-width closing mark ”’）》〉】〗〕］｝」』: ink left, adjustable blank right; never at line start. */
  Close: 5,
  /** Pause marks ，、；：: adjustable blank; never at line start. */
  Pause: 6,
  /** Stops 。．: adjustable blank; never at line start. */
  Stop: 7,
  /** ？！ and ‼⁇⁈⁉: like stops, but may start a line as a counted last resort. */
  QuestionExclamation: 8,
  /** Interpuncts · ・ ‧ ･ (between the parts of a name, 列夫·托尔斯泰): ½ em (mainland); never at line start or end. */
  MiddleDot: 9,
  /** The dash — (U+2014, U+2015): set 1 em; —— never split; never at line start. The two- and three-em dashes ⸺ ⸻ are one character each. */
  Dash: 10,
  /** Ellipsis … ‥ ⋯ ︙ ․: set 1 em each; …… never split; never at line start. */
  Ellipsis: 11,
  /** Connectors – ‐ ～ 〜 ゠ ／: fixed width, never at line start (／ also never at end). */
  Connector: 12,
  /** ASCII , . ; : ? ! ) ] } : half-width glyphs; never at line start. */
  LatinClose: 13,
  /** ASCII ( [ { : never at line end. */
  LatinOpen: 14,
  /** Currency prefixes ¥ ￥ $ £ € ₩ …: never at line end. */
  Prefix: 15,
  /** Postfixes % ％ ﹪ ‰ ℃ ℉ ° ′ ″ ‵ ￠: never at line start. */
  Postfix: 16,
  /** Iteration marks 々 〻 ゝ ゞ ヽ ヾ 〃: Han boxes that never start a line. */
  Iteration: 17,
  /** ASCII slash /: never at line start (UAX #14 allows a break after it, as in URLs). */
  Slash: 18,
  /** A mandatory break (LF, CR, U+2028, U+2029). */
  Break: 19,
  /** Small kana and the prolonged sound mark (UAX #14 class CJ): never at line start in strict mode. */
  SmallKana: 20,
  /** Zero-width characters glued to their neighbour (combining marks, ZWJ, variation selectors). */
  ZeroWidth: 21,
  /** Zero-width space (U+200B): an invisible break opportunity. */
  ZeroWidthSpace: 22,
  /** No-break space (U+00A0, U+202F): a space that never breaks. */
  NoBreakSpace: 23,
  /**
   * Ideographic space U+3000 (headline and byline separators, pasted indents): a one-em blank that,
   * like a word space, never starts a continuation line (UAX #14 class BA) and takes no width at a line end.
   */
  IdeographicSpace: 24,
  /**
   * A hyphen-minus joining the parts of a name (皮埃尔-奥古斯特, A-1, CCTV-13): never at line start or end, so
   * the name is not split there. Only by context (`applyContextClasses`); elsewhere - is Latin.
   */
  NameHyphen: 25,
} as const;
/** One of the `CharClass` values. */
export type CharClassValue = (typeof CharClass)[keyof typeof CharClass];

/** Number of classes; per-class tables are sized by it. */
export const CHAR_CLASS_COUNT = 26;

const C = CharClass;

/** Per-class: never at the start of a line (TYPOGRAPHY.md §1). */
export const NEVER_AT_START: readonly boolean[] = classTable([
  C.Close, C.Pause, C.Stop, C.QuestionExclamation, C.MiddleDot, C.Dash, C.Ellipsis, C.Connector,
  C.LatinClose, C.Postfix, C.Iteration, C.Slash, C.SmallKana, C.ZeroWidth, C.Space, C.NoBreakSpace,
  C.IdeographicSpace, C.NameHyphen,
]);

/** Per-class: never at the end of a line (TYPOGRAPHY.md §1). ／ is handled per code point. */
export const NEVER_AT_END: readonly boolean[] = classTable([C.Open, C.LatinOpen, C.Prefix, C.NoBreakSpace, C.MiddleDot, C.NameHyphen]);

/**
 * Per-class: "western" characters, among which UAX #14 decides break opportunities, and which
 * take the Han–Latin gap when they meet a Han box (TYPOGRAPHY.md §4).
 */
export const IS_WESTERN: readonly boolean[] = classTable([
  C.Latin, C.Digit, C.Space, C.LatinClose, C.LatinOpen, C.Slash, C.NoBreakSpace, C.NameHyphen,
]);

/** Per-class: a Han-like box (takes the Han–Latin gap beside a Latin letter or digit). */
export const IS_HAN_BOX: readonly boolean[] = classTable([C.Han, C.Iteration, C.SmallKana]);

/** Per-class: full-width punctuation whose blank the composer adjusts (TYPOGRAPHY.md §2). */
export const IS_COMPRESSIBLE_MARK: readonly boolean[] = classTable([
  C.Open, C.Close, C.Pause, C.Stop, C.QuestionExclamation,
]);

/** Per-class: content a reader counts as a character (for the single-character last line rule). */
export const IS_CONTENT: readonly boolean[] = classTable([
  C.Latin, C.Han, C.Digit, C.Iteration, C.SmallKana, C.Prefix, C.Postfix,
]);

/** Code points that are never at the end of a line although their class may be (／ binds both ways). */
export const FULLWIDTH_SLASH = 0xff0f;

function classTable(members: readonly number[]): boolean[] {
  const table = new Array<boolean>(CHAR_CLASS_COUNT).fill(false);
  for (const m of members) table[m] = true;
  return table;
}

// Explicit code point lists. Everything in them is taken from TYPOGRAPHY.md §1 and the WPT
// css-text-line-break-zh-{po,cpm,hyphens,in,iteration}-strict.html character lists.
const EXPLICIT: ReadonlyArray<readonly [CharClassValue, string]> = [
  [C.Open, '“‘（《〈【〖〔［｛「『〘〚｟〝'],
  [C.Close, '”’）》〉】〗〕］｝」』〙〛｠〞〟'],
  [C.Pause, '，、；：'],
  [C.Stop, '。．｡'],
  [C.QuestionExclamation, '？！‼⁇⁈⁉'],
  [C.MiddleDot, '·・‧･'],
  [C.Dash, '—―\u2e3a\u2e3b'],
  [C.Ellipsis, '…‥⋯︙․'],
  [C.Connector, '–‐～〜゠／'],
  [C.LatinClose, ',.;:?!)]}'],
  [C.LatinOpen, '([{'],
  [C.Prefix, '¥￥$£€₩₹₽¤＄￡№'],
  [C.Postfix, '%％﹪‰‱℃℉°′″‵￠¢'],
  [C.Iteration, '々〻ゝゞヽヾ〃'],
  [C.Slash, '/'],
  [C.Break, '\n\r\u2028\u2029\u000b\u000c\u0085'],
  [C.SmallKana, 'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿーｧｨｩｪｫｯｬｭｮｰ'],
  [C.ZeroWidth, '\u200c\u200d\u2060\ufeff'],
  [C.ZeroWidthSpace, '\u200b'],
  [C.NoBreakSpace, '\u00a0\u202f\u2007'],
  [C.Space, ' \t'],
  [C.IdeographicSpace, '\u3000'],
];

/** The explicit lists by code point (they override the ranges). */
const EXPLICIT_CLASS = new Map<number, CharClassValue>(EXPLICIT.flatMap(([cls, chars]) => [...chars].map((ch) => [ch.codePointAt(0)!, cls] as const)));

/** The class of a BMP code point, worked out (explicit lists first, then ranges). */
function classifyBmp(cp: number): CharClassValue {
  return EXPLICIT_CLASS.get(cp) ?? classifyByRange(cp);
}

/** Range-based default classification (before the explicit lists override it). */
function classifyByRange(cp: number): CharClassValue {
  if (cp >= 0x30 && cp <= 0x39) return C.Digit;
  if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x20d0 && cp <= 0x20ff)) return C.ZeroWidth;
  if (isHanRange(cp)) return C.Han;
  return C.Latin;
}

/** Han ideographs, kana, hangul, CJK symbols and full-width forms: set as one-em boxes. */
function isHanRange(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x2fdf) || // CJK radicals, Kangxi radicals
    (cp >= 0x3000 && cp <= 0x303f) || // CJK symbols (punctuation among them is listed explicitly)
    (cp >= 0x3040 && cp <= 0x30ff) || // kana
    (cp >= 0x3100 && cp <= 0x31ef) || // bopomofo, hangul compatibility jamo, kanbun, CJK strokes
    (cp >= 0x3200 && cp <= 0x33ff) || // enclosed CJK, CJK compatibility
    (cp >= 0x3400 && cp <= 0x4dbf) || // extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // unified ideographs
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7af) || // hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff01 && cp <= 0xff60) || // full-width forms (punctuation among them is listed explicitly)
    (cp >= 0xffe0 && cp <= 0xffe6)
  );
}

/** Marks a BMP table entry not classified yet (classes are < CHAR_CLASS_COUNT). */
const UNCLASSIFIED = 0xff;
/**
 * BMP classes, filled on first lookup: classifying all 65 536 code points up front cost every process start
 * about 10 ms of cold code, for the few thousand characters a page holds.
 */
const BMP_TABLE = new Uint8Array(0x10000).fill(UNCLASSIFIED);

/**
 * The class of a code point (any plane).
 * Invariant: after its first lookup, `classOf(cp)` for a BMP code point is a single typed-array read.
 */
export function classOf(cp: number): CharClassValue {
  if (cp < 0x10000) {
    const cached = BMP_TABLE[cp]!;
    if (cached !== UNCLASSIFIED) return cached as CharClassValue;
    const cls = classifyBmp(cp);
    BMP_TABLE[cp] = cls;
    return cls;
  }
  // Astral: ideograph extensions B–H and the supplementary ideographic plane are Han boxes.
  if ((cp >= 0x20000 && cp <= 0x3ffff) || (cp >= 0x1f200 && cp <= 0x1f2ff)) return C.Han;
  if (cp >= 0xe0100 && cp <= 0xe01ef) return C.ZeroWidth;
  // MANICHAEAN PUNCTUATION LINE FILLER is inseparable (WPT css-text-line-break-zh-in-strict.html).
  if (cp === 0x10af6) return C.Ellipsis;
  return C.Latin;
}

/** True when a code point may never begin a line (continuation lines; —— and …… may open a paragraph). */
export function isNeverAtStart(cp: number): boolean {
  return NEVER_AT_START[classOf(cp)];
}

/** True when a code point may never end a line. */
export function isNeverAtEnd(cp: number): boolean {
  return cp === FULLWIDTH_SLASH || NEVER_AT_END[classOf(cp)];
}
