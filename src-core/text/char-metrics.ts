/**
 * Per-character set widths for the composer, in font units, cached per font per code point.
 *
 * 1. Classify the code point (`classOf`) and look its glyph up through `LoadedFont.glyphFor`.
 * 2. Split the natural width into `blankLeft + core + blankRight`: only full-width marks have
 *    blanks (the adjustable half em of TYPOGRAPHY.md §2, placed by `punctuationGeometry`).
 * 3. Give the fixed-width classes their GB widths (§2): — ～ … 1 em, ⸺ 2 em, ⸻ 3 em, – ‐ ／ · ½ em
 *    (the interpunct between name parts, mainland style). A dash is stretched (`scaleX`) so that its ink
 *    fills its cell, which makes —— and ⸺ one unbroken 2-em rule; other fixed marks are centred, or
 *    squeezed if their ink is wider than the cell.
 * 4. A missing glyph keeps a 1-em cell (so the text still measures sensibly) but draws nothing — except
 *    spaces: a Unicode space the font lacks (U+2000–U+200A, e.g. the thin space that groups digits) is a
 *    blank of its own width, not a missing glyph.
 * 5. `apostropheMetrics`: ’ as an apostrophe inside a Latin word, at the width of the font's Latin '.
 */
import type { LoadedFont } from './font.js';
import { CharClass, classOf, IS_COMPRESSIBLE_MARK } from './char-class.js';
import { punctuationGeometry } from './punctuation-geometry.js';

/** How one code point is set in one font. All lengths in font units. Immutable, shared. */
export interface CharMetrics {
  /** `CharClass` of the code point. */
  cls: number;
  /** The character as a string (the glyph's `text`). */
  text: string;
  /** Glyph to draw; 0 when the glyph is missing or the character draws nothing. */
  glyphId: number;
  /** The font lacks a glyph for a visible character (the composer warns). */
  missing: boolean;
  /** Width of the part that always stays (ink half of a mark; whole advance otherwise), font units. */
  coreUnits: number;
  /** Adjustable blank left of the core, font units. */
  blankLeftUnits: number;
  /** Adjustable blank right of the core, font units. */
  blankRightUnits: number;
  /** Glyph origin relative to the core's left edge, font units (−½ em for an opening bracket). */
  originUnits: number;
  /** Horizontal glyph scale (1 = natural). */
  scaleX: number;
}

/** Fixed set widths in em for classes that GB sizes regardless of the font (TYPOGRAPHY.md §2). */
const FIXED_WIDTH_EM: ReadonlyMap<number, number> = new Map([
  [0x2014, 1], [0x2015, 1], // — dash: 1 em (—— = 2 em)
  [0x2e3a, 2], [0x2e3b, 3], // ⸺ ⸻: the two- and three-em dash as one character
  [0x2026, 1], [0x2025, 1], [0x22ef, 1], [0xfe19, 1], [0x2024, 1], // ellipses: 1 em (…… = 2 em)
  [0xff5e, 1], [0x301c, 1], [0x30a0, 1], // ～ 〜 ゠: 1 em
  [0x2013, 0.5], [0x2010, 0.5], [0xff0f, 0.5], // – ‐ ／: ½ em
]);

/** Interpunct width: ½ em in mainland setting (TYPOGRAPHY.md §2), fixed: it neither squeezes nor stretches. */
const MIDDLE_DOT_EM = 0.5;
/** Width assumed for a missing space glyph: a quarter em, the minimum Latin word space of §3. */
const FALLBACK_SPACE_EM = 0.25;
/**
 * Widths of the Unicode spaces U+2000–U+200A when the font lacks them, em: en/em quads and spaces, three-,
 * four- and six-per-em, figure (a digit), punctuation (a period), thin and hair. The thin space is set at
 * ¼ em (TYPOGRAPHY.md §4, where it groups digits) rather than Unicode's ⅕–⅙, so it reads like the
 * narrow no-break space that does the same job.
 */
const UNICODE_SPACE_EM = [0.5, 1, 0.5, 1, 1 / 3, 0.25, 1 / 6, 0.5, 0.25, 0.25, 0.1];

const tables = new WeakMap<LoadedFont, CharMetricsTable>();

/**
 * Set metrics of a code point in a font (cached).
 * Invariant: `blankLeftUnits + coreUnits + blankRightUnits` is the natural cell width.
 */
export function charMetrics(font: LoadedFont, cp: number): CharMetrics {
  return charMetricsTable(font).get(cp);
}

/** A font's metrics cache: fetch it once per run, then `get` per character without a WeakMap lookup. */
export interface CharMetricsTable {
  get(cp: number): CharMetrics;
}

/** The (shared, cached) metrics table of a font. */
export function charMetricsTable(font: LoadedFont): CharMetricsTable {
  let table = tables.get(font);
  if (!table) {
    const perFont = new Map<number, CharMetrics>();
    // BMP code points index an array (one load per character in the composer's loop). Left holey: filling
    // 65 536 slots per font cost more at start-up (cold) than holes cost per read.
    const bmp = new Array<CharMetrics | undefined>(0x10000);
    table = {
      get(cp: number): CharMetrics {
        let hit = cp < 0x10000 ? bmp[cp] : perFont.get(cp);
        if (!hit) {
          hit = Object.freeze(measureCharUncached(font, cp));
          if (cp < 0x10000) bmp[cp] = hit;
          else perFont.set(cp, hit);
        }
        return hit;
      },
    };
    tables.set(font, table);
  }
  return table;
}

function measureCharUncached(font: LoadedFont, cp: number): CharMetrics {
  const cls = classOf(cp);
  const em = font.unitsPerEm;
  const g = font.glyphFor(cp);
  const base: CharMetrics = {
    cls, text: String.fromCodePoint(cp), glyphId: g ? g.glyphId : 0, missing: false,
    coreUnits: g ? g.advanceUnits : 0, blankLeftUnits: 0, blankRightUnits: 0, originUnits: 0, scaleX: 1,
  };
  if (cls === CharClass.Break || cls === CharClass.ZeroWidthSpace) {
    return { ...base, glyphId: 0, coreUnits: 0 };
  }
  if (cls === CharClass.ZeroWidth) return base;
  if (!g) {
    if (cp >= 0x2000 && cp <= 0x200a) return { ...base, coreUnits: UNICODE_SPACE_EM[cp - 0x2000] * em };
    if (cls === CharClass.Space || cls === CharClass.NoBreakSpace) return { ...base, coreUnits: FALLBACK_SPACE_EM * em };
    // A blank needs no glyph: the ideographic space is one em by definition.
    if (cls === CharClass.IdeographicSpace) return { ...base, coreUnits: em };
    return { ...base, missing: true, coreUnits: em };
  }
  const fixedEm = FIXED_WIDTH_EM.get(cp);
  if (fixedEm !== undefined) return fitFixed(font, base, fixedEm * em, cls === CharClass.Dash);
  if (cls === CharClass.MiddleDot) return fitFixed(font, base, MIDDLE_DOT_EM * em, false);
  if (IS_COMPRESSIBLE_MARK[cls]) {
    const geo = punctuationGeometry(font, cp, cls);
    if (geo) {
      return {
        ...base, coreUnits: geo.inkWidthUnits, blankLeftUnits: geo.blankLeftUnits,
        blankRightUnits: geo.blankRightUnits, originUnits: -geo.blankLeftUnits,
      };
    }
  }
  return base;
}

const apostrophes = new WeakMap<LoadedFont, CharMetrics>();

/**
 * Set metrics of ’ (U+2019) used as an apostrophe inside a Latin word (McDonald’s): class Latin, the ’
 * glyph centred in a cell as wide as the font's ASCII apostrophe (or its own ink, if wider), no blanks.
 * Cached per font. Invariant: `blankLeftUnits = blankRightUnits = 0`.
 */
export function apostropheMetrics(font: LoadedFont): CharMetrics {
  let hit = apostrophes.get(font);
  if (!hit) {
    const own = charMetrics(font, 0x2019);
    const ascii = font.glyphFor(0x27);
    let m: CharMetrics = { ...own, cls: CharClass.Latin, blankLeftUnits: 0, blankRightUnits: 0, originUnits: 0, scaleX: 1 };
    if (own.glyphId !== 0) {
      const bbox = font.glyph(own.glyphId).bbox;
      const inkMin = Number.isFinite(bbox.minX) ? bbox.minX : 0;
      const inkWidth = Number.isFinite(bbox.maxX) ? bbox.maxX - inkMin : 0;
      const cell = Math.max(ascii ? ascii.advanceUnits : font.unitsPerEm / 4, inkWidth);
      m = { ...m, coreUnits: cell, originUnits: (cell - inkWidth) / 2 - inkMin };
    }
    hit = Object.freeze(m);
    apostrophes.set(font, hit);
  }
  return hit;
}

/** Places a glyph in a fixed-width cell: fill (dashes), keep, centre, or squeeze to fit. */
function fitFixed(font: LoadedFont, base: CharMetrics, cellUnits: number, fill: boolean): CharMetrics {
  const bbox = font.glyph(base.glyphId).bbox;
  const inkMin = Number.isFinite(bbox.minX) ? bbox.minX : 0;
  const inkMax = Number.isFinite(bbox.maxX) ? bbox.maxX : base.coreUnits;
  const inkWidth = inkMax - inkMin;
  if (fill && inkWidth > 0) {
    const scaleX = cellUnits / inkWidth;
    return { ...base, coreUnits: cellUnits, scaleX, originUnits: -inkMin * scaleX };
  }
  if (Math.abs(base.coreUnits - cellUnits) < 1) return { ...base, coreUnits: cellUnits };
  if (inkWidth <= cellUnits) {
    return { ...base, coreUnits: cellUnits, originUnits: (cellUnits - inkWidth) / 2 - inkMin };
  }
  const scaleX = cellUnits / base.coreUnits;
  return { ...base, coreUnits: cellUnits, scaleX };
}
