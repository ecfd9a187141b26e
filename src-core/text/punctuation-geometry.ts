/**
 * Where a full-width punctuation mark's ink sits in its em cell, read from the font.
 *
 * 1. Read the mark's glyph's OpenType `halt` adjustment (alternate half widths) from GPOS. A font that
 *    supports it answers with a half advance and an x offset: offset −½ em means the ink sits in
 *    the right half (opening marks “（《), offset 0 the left half (closing marks and, in mainland
 *    fonts, ，。、；：), −¼ em the centre (・ and, in Taiwanese fonts, ，。).
 * 2. When the font has no `halt` (or leaves the mark full width), fall back to the GB convention
 *    by class: opening marks ink right, everything else ink left, interpuncts centred.
 * 3. Results are cached per font per code point; GPOS is read once per mark per font.
 */
import { tableLocation, type LoadedFont } from './font.js';
import { readSingleAdjustments, type SingleAdjustmentReader } from './gpos-single.js';
import { CharClass } from './char-class.js';

/** Ink placement of a full-width mark, in font units. `blankLeft + inkWidth + blankRight` = advance. */
export interface PunctuationGeometry {
  /** Width of the part holding the ink (½ em for a GB mark), font units. */
  inkWidthUnits: number;
  /** Adjustable blank on the left (opening marks), font units. */
  blankLeftUnits: number;
  /** Adjustable blank on the right (closing marks, pause and stop marks), font units. */
  blankRightUnits: number;
  /** Where the ink half came from: the font's `halt` feature or the class fallback table. */
  source: 'halt' | 'fallback';
}

/** A mark narrower than this fraction of an em is already proportional: nothing to compress. */
const FULL_WIDTH_MIN_EM = 0.9;
/** `halt` must at least shave this fraction of the advance to count as a half-width alternate. */
const HALT_MIN_SAVING = 0.25;

const cache = new WeakMap<LoadedFont, Map<number, PunctuationGeometry | null>>();
const haltReaders = new WeakMap<LoadedFont, SingleAdjustmentReader>();

/**
 * The ink geometry of a full-width mark in a font, or `null` when the glyph is missing or already
 * narrower than a full em (then it has no adjustable blank).
 * @param font the font the mark is set in
 * @param cp the mark's code point
 * @param cls its `CharClass` (decides the fallback when the font lacks `halt`)
 */
export function punctuationGeometry(font: LoadedFont, cp: number, cls: number): PunctuationGeometry | null {
  let perFont = cache.get(font);
  if (!perFont) {
    perFont = new Map();
    cache.set(font, perFont);
  }
  let hit = perFont.get(cp);
  if (hit === undefined) {
    hit = probeGeometry(font, cp, cls);
    perFont.set(cp, hit);
  }
  return hit;
}

function probeGeometry(font: LoadedFont, cp: number, cls: number): PunctuationGeometry | null {
  const metrics = font.glyphFor(cp);
  if (!metrics) return null;
  const adv = metrics.advanceUnits;
  if (adv < FULL_WIDTH_MIN_EM * font.unitsPerEm) return null;
  const fromHalt = haltGeometry(font, metrics.glyphId, adv);
  if (fromHalt) return fromHalt;
  const half = adv / 2;
  if (cls === CharClass.Open) return { inkWidthUnits: half, blankLeftUnits: half, blankRightUnits: 0, source: 'fallback' };
  if (cls === CharClass.MiddleDot) return { inkWidthUnits: half, blankLeftUnits: half / 2, blankRightUnits: half / 2, source: 'fallback' };
  return { inkWidthUnits: half, blankLeftUnits: 0, blankRightUnits: half, source: 'fallback' };
}

function haltGeometry(font: LoadedFont, glyphId: number, adv: number): PunctuationGeometry | null {
  let reader = haltReaders.get(font);
  if (!reader) {
    try {
      reader = readSingleAdjustments(font.bytes, tableLocation(font, 'GPOS'), 'halt');
    } catch {
      // A GPOS this reader cannot follow is treated like one without `halt`.
      reader = () => null;
    }
    haltReaders.set(font, reader);
  }
  let adjustment;
  try {
    adjustment = reader(glyphId);
  } catch {
    return null;
  }
  if (!adjustment) return null;
  const inkWidth = adv + adjustment.xAdvanceUnits;
  if (!(inkWidth > 0) || inkWidth > adv * (1 - HALT_MIN_SAVING)) return null;
  const blankLeft = Math.min(Math.max(-adjustment.xPlacementUnits, 0), adv - inkWidth);
  return { inkWidthUnits: inkWidth, blankLeftUnits: blankLeft, blankRightUnits: adv - inkWidth - blankLeft, source: 'halt' };
}
