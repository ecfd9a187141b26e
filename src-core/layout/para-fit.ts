/**
 * Sizing one candidate line: how wide it is and what it costs to make it fit (TYPOGRAPHY.md §2–§3).
 *
 * 1. Natural width from prefix sums, minus the line-edge rules: a line-end mark is always half width
 *    (GB/T 15834 §5.1.10, which is also §3 shrink step 0), a trailing space disappears, trailing
 *    tracking is dropped, a line-start opening bracket loses its leading blank (option), and with
 *    hanging punctuation on, a final 、，。 that would not fit hangs outside the measure.
 * 2. Too wide: shrink by class in §3 order — word spaces → interpunct blanks → bracket outer sides →
 *    ，、；： → Han–Latin gap → 。？！ — each class used up before the next is touched.
 * 3. Too narrow (justified, not last): stretch word spaces to ½ em, then Han–Latin gaps, then all
 *    inter-character gaps equally. A gap stretched by more than ½ em makes the line loose. A line
 *    with no such gap (a piece of a URL or word alone on its line) is spaced between its letters as
 *    the last resort, at a price; one with not even that (a single character) is left ragged.
 * 4. The cost is what the breaker minimises: shrinking punctuation is cheap (push-in), spreading is
 *    dearer and grows with the cube of the per-gap stretch (push-out), so even lines win.
 */
import type { MeasuredParagraph } from './para-measure.js';
import { isLetterSpacingGap, SHRINK_CLASSES, SHRINK_HAN_LATIN, SHRINK_SPACE } from './para-measure.js';
import { CharClass } from '../text/char-class.js';

/** Tolerance for width comparisons, points (well under the 0.01 pt flushness bar). */
export const EPSILON_PT = 1e-6;
/** A gap stretched by more than this (em) is loose (§3). */
export const LOOSE_GAP_EM = 0.5;

/** Cost per em taken from each shrink class (§3 order: later classes are dearer). */
const SHRINK_COST_PER_EM = [0, 1, 1.5, 2, 2.5, 3, 4];
/** Cost per em of word-space stretch (§3 stretch step 1). */
const SPACE_STRETCH_COST_PER_EM = 1;
/** Cost per em of Han–Latin gap stretch (§3 stretch step 2). */
const GAP_STRETCH_COST_PER_EM = 1.5;
/** Cost per em spread over inter-character gaps: dearer than any shrink, so push-in beats push-out. */
const SPREAD_COST_PER_EM = 8;
/** Weight of the cubic term on the per-gap spread (relative to a loose ½-em gap). */
const SPREAD_CUBIC_COST = 100;
/**
 * Cost of a line that cannot be justified at all (a piece of a URL, number or word with nothing
 * stretchable on it), on top of the spread cost of one gap as wide as the width it lacks: about a
 * line stretched to the loose limit. Much dearer, and the breaker would rather spread the Han lines
 * around an address to 1 em gaps than leave an address line a little short (reported either way).
 */
const UNJUSTIFIABLE_COST = 100;
/**
 * Letter-spacing a line (the last resort) costs this much on top of its spread: a line at the loose
 * limit, so ordinary breaks always win, yet a URL piece spaced by a hair beats a loose Han line.
 */
const LETTER_SPACING_COST = 100;
/** Spaced letters show sooner than spaced Han characters: their cubic term weighs this much more. */
const LETTER_SPACING_CUBIC_WEIGHT = 4;
/**
 * The space a ragged line leaves at its end costs like an inter-character gap at the loose limit
 * when it is this wide, em: readers know short lines from paragraph ends, so an end gap is taken
 * as half as bad as the same gap between two characters.
 */
const RAGGED_END_LOOSE_EM = 2 * LOOSE_GAP_EM;

/** The measure of a candidate line [a, b) after line-edge rules, points. Reused; not retained. */
export interface LineMeasure {
  naturalPt: number;
  /** Shrink capacity per class (`SHRINK_CLASSES` entries). */
  shrinkPt: Float64Array;
  spaceStretchPt: number;
  gapStretchPt: number;
  /** Gaps and spaces taking the equal inter-character stretch. */
  flexCount: number;
  /** When `flexCount` is 0: gaps between the drawn characters that may be letter-spaced (`isLetterSpacingGap`). */
  letterGaps: number;
  /** Blank removed from the first character (line-start opening bracket), points. */
  startTrimPt: number;
  /** Index of the last character that is drawn (trailing spaces and breaks excluded), or a − 1. */
  lastVisible: number;
  /** Width of a mark hanging past the measure (hanging punctuation), points; 0 when none. */
  hangPt: number;
}

/** A fresh scratch `LineMeasure`. */
export function createLineMeasure(): LineMeasure {
  return {
    naturalPt: 0, shrinkPt: new Float64Array(SHRINK_CLASSES), spaceStretchPt: 0, gapStretchPt: 0, flexCount: 0, letterGaps: 0,
    startTrimPt: 0, lastVisible: -1, hangPt: 0,
  };
}

/** The house options that act at line edges (TYPOGRAPHY.md §1–§2). */
export interface LineEdgeRules {
  /** A line-start opening bracket loses its leading blank. */
  trimLineStartBracket: boolean;
  /** 、，。． may hang past the line end when they would not fit otherwise. */
  hangingPunctuation: boolean;
}

/** Characters that take no width and draw nothing at a line end: spaces, hard breaks, U+200B, U+3000. */
export function isTrailingBlank(cls: number): boolean {
  return cls === CharClass.Space || cls === CharClass.Break || cls === CharClass.ZeroWidthSpace || cls === CharClass.IdeographicSpace;
}

/** Marks that may hang (TYPOGRAPHY.md §1: "an option may allow 、，。 to hang"). */
export function isHangable(cp: number): boolean {
  return cp === 0x3001 || cp === 0xff0c || cp === 0x3002 || cp === 0xff0e;
}

/**
 * Measures line [a, b) (characters a … b − 1) into `out`, applying the line-edge rules.
 * Only the side that matters is filled: shrink capacities when the line is wider than `widthPt`,
 * stretch capacities otherwise (the breaker calls this a few million times a second).
 * Invariant: 0 ≤ a < b ≤ n.
 * @param widthPt the line's measure (decides whether a hangable mark hangs, and which side is filled)
 */
export function measureLine(m: MeasuredParagraph, a: number, b: number, edges: LineEdgeRules, widthPt: number, out: LineMeasure): void {
  const g = b - 1; // gaps a … b − 2 lie inside the line
  let natural = m.sumWidth[b] - m.sumWidth[a] + m.sumGap[g] - m.sumGap[a];

  // Line end: trailing spaces, breaks and zero-width spaces draw nothing and take no width.
  let e = b - 1;
  const cls = m.cls;
  let trailingSpaces = 0;
  let trailingSpaceShrink = 0;
  let trailingSpaceStretch = 0;
  // Flexible gaps before the dropped characters: no stretch goes there (the glyph loop stops at e).
  let trailingFlex = 0;
  while (e >= a && isTrailingBlank(cls[e])) {
    natural -= m.corePt[e] + m.trackPt[e] + (e < g ? m.gapPt[e] : 0);
    if (e > a) trailingFlex += m.gapFlex[e - 1];
    if (cls[e] === CharClass.Space) {
      trailingSpaceShrink += m.spaceShrinkPt[e];
      trailingSpaceStretch += m.spaceStretchPt[e];
      trailingSpaces++;
    }
    e--;
  }
  let endTrim = 0;
  if (e >= a) {
    endTrim = m.blankRPt[e];
    natural -= endTrim + m.trackPt[e];
  }
  let startTrim = 0;
  if (edges.trimLineStartBracket && cls[a] === CharClass.Open && m.blankLPt[a] > 0) {
    startTrim = m.blankLPt[a];
    natural -= startTrim;
  }
  // Hanging: only when the mark would not fit otherwise; it then sits outside the measure.
  let hang = 0;
  if (edges.hangingPunctuation && e > a && natural > widthPt + EPSILON_PT && isHangable(m.cps[e])) {
    hang = m.blankLPt[e] + m.corePt[e];
    natural -= hang;
  }

  if (natural > widthPt + EPSILON_PT) {
    const row = m.n + 1;
    const ss = m.sumShrink;
    const shrink = out.shrinkPt;
    for (let s = 1; s < SHRINK_CLASSES; s++) shrink[s] = ss[s * row + b] - ss[s * row + a];
    shrink[SHRINK_HAN_LATIN] = ss[SHRINK_HAN_LATIN * row + g] - ss[SHRINK_HAN_LATIN * row + a];
    shrink[SHRINK_SPACE] -= trailingSpaceShrink;
    if (endTrim > 0) shrink[m.blankSlot[e]] -= endTrim;
    if (startTrim > 0) shrink[m.blankSlot[a]] -= startTrim;
  } else {
    let flexGaps = m.sumFlex[g] - m.sumFlex[a] - trailingFlex;
    // The gap before a hanging mark stays at its natural width: the mark must not drift away.
    if (hang > 0 && m.gapFlex[e - 1]) flexGaps--;
    out.spaceStretchPt = m.sumSpaceStretch[b] - m.sumSpaceStretch[a] - trailingSpaceStretch;
    out.gapStretchPt = m.sumGapStretch[g] - m.sumGapStretch[a];
    out.flexCount = flexGaps + m.sumSpaces[b] - m.sumSpaces[a] - trailingSpaces;
    let letterGaps = 0;
    // Only lines with nothing else to stretch are counted (rare: a loop over one short line).
    if (out.flexCount === 0 && hang === 0) {
      for (let j = a; j < e; j++) if (isLetterSpacingGap(cls[j], cls[j + 1])) letterGaps++;
    }
    out.letterGaps = letterGaps;
  }
  out.hangPt = hang;
  out.naturalPt = natural;
  out.startTrimPt = startTrim;
  out.lastVisible = e;
}

/**
 * The cost of setting a measured line to `widthPt` (lower is better), or `Infinity` when it cannot
 * be done: wider than all shrink allows, or (unless `allowLoose`) loose or unjustifiable.
 * @param solid set solid (last line, line before a hard break): never stretched
 * @param emPt the line's em, points (cost units and the loose threshold are in em)
 */
export function lineCost(lm: LineMeasure, widthPt: number, solid: boolean, allowLoose: boolean, emPt: number): number {
  const excess = lm.naturalPt - widthPt;
  if (excess > EPSILON_PT) {
    let remaining = excess;
    let cost = 0;
    const shrink = lm.shrinkPt;
    for (let s = 1; s < SHRINK_CLASSES && remaining > 0; s++) {
      const used = Math.min(remaining, Math.max(0, shrink[s]));
      cost += (SHRINK_COST_PER_EM[s] * used) / emPt;
      remaining -= used;
    }
    if (remaining > EPSILON_PT) return Infinity;
    return cost;
  }
  if (solid || excess >= -EPSILON_PT) return 0;
  let rest = -excess;
  const u1 = Math.min(rest, lm.spaceStretchPt);
  rest -= u1;
  const u2 = Math.min(rest, lm.gapStretchPt);
  rest -= u2;
  let cost = (SPACE_STRETCH_COST_PER_EM * u1 + GAP_STRETCH_COST_PER_EM * u2) / emPt;
  if (rest <= EPSILON_PT) return cost;
  if (lm.flexCount === 0 && lm.letterGaps > 0) {
    const perLetterEm = rest / lm.letterGaps / emPt;
    if (perLetterEm > LOOSE_GAP_EM + 1e-9 && !allowLoose) return Infinity;
    const r = perLetterEm / LOOSE_GAP_EM;
    return LETTER_SPACING_COST + cost + (SPREAD_COST_PER_EM * rest) / emPt + LETTER_SPACING_CUBIC_WEIGHT * SPREAD_CUBIC_COST * r * r * r;
  }
  if (lm.flexCount === 0) {
    if (!allowLoose) return Infinity;
    // A ragged line looks like one gap as wide as what it lacks, at its end: costed as such.
    const r = rest / emPt / RAGGED_END_LOOSE_EM;
    return UNJUSTIFIABLE_COST + cost + (SPREAD_COST_PER_EM * rest) / emPt + SPREAD_CUBIC_COST * r * r * r;
  }
  const perGapEm = rest / lm.flexCount / emPt;
  if (perGapEm > LOOSE_GAP_EM + 1e-9 && !allowLoose) return Infinity;
  const r = perGapEm / LOOSE_GAP_EM;
  cost += (SPREAD_COST_PER_EM * rest) / emPt + SPREAD_CUBIC_COST * r * r * r;
  return cost;
}
