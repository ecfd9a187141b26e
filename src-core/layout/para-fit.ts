/**
 * Sizing one candidate line: how wide it is and what it costs to make it fit (TYPOGRAPHY.md §2–§3).
 *
 * 1. Natural width from prefix sums, minus the line-edge rules: a line-end mark is always half width
 *    (GB/T 15834 §5.1.10, which is also §3 shrink step 0), a trailing space disappears, trailing
 *    tracking is dropped, a line-start opening bracket loses its leading blank (option), and with
 *    hanging punctuation on, a final 、，。 that would not fit hangs outside the measure.
 * 2. Too wide (`planShrink`): shrink by class in §3 order — word spaces → bracket outer sides → ，、；： → Han–Latin gap → 。？！ — each class used up before the next is touched. Word
 *    spaces shrink by any amount; a mark only by its whole blank (half an em) and a Han–Latin gap by
 *    ⅛ em, so what a squeeze takes beyond the excess is stretched back into the line (step 3).
 *    。？！ squeeze mid-line only where the breaker allows it (its last passes).
 * 3. Too narrow (justified, not last): stretch word spaces to ½ em, then all inter-character gaps
 *    equally (never the Han–Latin gap, which is fixed). A gap stretched by more than ½ em makes the line
 *    loose. A line with no such gap (a piece of a URL or word alone on its line) is spaced between its
 *    letters as the last resort, at a price; one with not even that (a single character) is left ragged.
 * 4. The cost is what the breaker minimises, in the order of practice: a line-end mark at half width is
 *    free; word spaces and bracket sides are cheap; a mid-line ，、；： costs about as much as spreading its
 *    half em over the line; a Han–Latin gap dearer; a mid-line 。？！ dearer than any stretch a line can
 *    take without turning loose. Spreading grows with the cube of the per-gap stretch, so even lines win.
 */
import type { MeasuredParagraph } from './para-measure.js';
import { isLetterSpacingGap, SHRINK_CLASSES, SHRINK_HAN_LATIN, SHRINK_SPACE, SHRINK_STOP } from './para-measure.js';
import { CharClass } from '../text/char-class.js';

/** Tolerance for width comparisons, points (well under the 0.01 pt flushness bar). */
export const EPSILON_PT = 1e-6;
/** A gap stretched by more than this (em) is loose (§3). */
export const LOOSE_GAP_EM = 0.5;

/**
 * Cost per em taken from each shrink class (§3 order: later classes are dearer), against spreading the same
 * width (`SPREAD_COST_PER_EM`, 8). Practice squeezes marks before it pushes out (先挤后推): a word space or
 * bracket side costs a quarter of spreading, a mid-line ，、；： half (a real cost: a paragraph that can avoid
 * it does). The Han–Latin gap costs half as much again as spreading, so it shrinks only where the spread
 * it saves is uneven enough to cost more (a push-out), and stays ¼ em wherever lines stretch evenly.
 * A mid-line 。？！ is not in this table: `STOP_SQUEEZE_COST_PER_EM`.
 */
const SHRINK_COST_PER_EM = [0, 1, 2, 4, 12, 0];
/**
 * Cost per em of a mid-line 。？！ squeeze: above a 40-gap line stretched by ⅛ em a gap (5 em of spread,
 * about 40 + 1.6), so it is taken only where nothing else sets the paragraph — and it is warned about.
 */
const STOP_SQUEEZE_COST_PER_EM = 1000;
/** Cost per em of word-space stretch (§3 stretch step 1). */
const SPACE_STRETCH_COST_PER_EM = 1;
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
  /** Shrink steps per class (marks, Han–Latin gap steps); unused for word spaces, which shrink freely. */
  shrinkSteps: Float64Array;
  spaceStretchPt: number;
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
    naturalPt: 0, shrinkPt: new Float64Array(SHRINK_CLASSES), shrinkSteps: new Float64Array(SHRINK_CLASSES), spaceStretchPt: 0, flexCount: 0, letterGaps: 0,
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
    // A mark the punctuation style fixes (开明式 。？！) keeps its full width at the line end too.
    endTrim = m.blankSlot[e] ? m.blankRPt[e] : 0;
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

  // Too wide: shrink capacities per class. The stretch side below is needed too: what a whole-step
  // squeeze takes beyond the excess is stretched back.
  if (natural > widthPt + EPSILON_PT) {
    const row = m.n + 1;
    const ss = m.sumShrink;
    const st = m.sumSteps;
    const shrink = out.shrinkPt;
    const steps = out.shrinkSteps;
    for (let s = 1; s < SHRINK_CLASSES; s++) {
      shrink[s] = ss[s * row + b] - ss[s * row + a];
      steps[s] = st[s * row + b] - st[s * row + a];
    }
    shrink[SHRINK_HAN_LATIN] = ss[SHRINK_HAN_LATIN * row + g] - ss[SHRINK_HAN_LATIN * row + a];
    steps[SHRINK_HAN_LATIN] = st[SHRINK_HAN_LATIN * row + g] - st[SHRINK_HAN_LATIN * row + a];
    shrink[SHRINK_SPACE] -= trailingSpaceShrink;
    if (startTrim > 0) untrimmable(m, a, a, e, startTrim, endTrim, shrink, steps);
    if (endTrim > 0 && e !== a) untrimmable(m, e, a, e, startTrim, endTrim, shrink, steps);
  }
  {
    let flexGaps = m.sumFlex[g] - m.sumFlex[a] - trailingFlex;
    // The gap before a hanging mark stays at its natural width: the mark must not drift away.
    if (hang > 0 && m.gapFlex[e - 1]) flexGaps--;
    out.spaceStretchPt = m.sumSpaceStretch[b] - m.sumSpaceStretch[a] - trailingSpaceStretch;
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

/** Removes what a line-edge trim took from edge mark `x` from the line's shrink capacity (and its step, when no blank is left). */
function untrimmable(m: MeasuredParagraph, x: number, a: number, e: number, startTrim: number, endTrim: number, shrink: Float64Array, steps: Float64Array): void {
  const slot = m.blankSlot[x];
  const left = x === a && startTrim > 0 ? 0 : m.blankLPt[x];
  const right = x === e && endTrim > 0 ? 0 : m.blankRPt[x];
  shrink[slot] -= m.blankLPt[x] + m.blankRPt[x] - left - right;
  if (left + right <= 1e-9) steps[slot] -= m.shrinkSteps[x];
}

/** How a too-wide line loses its excess (`planShrink`). Scratch: reused, never retained. */
export interface ShrinkPlan {
  /** Points taken per shrink class (word spaces: any amount; the others: whole steps). */
  usedPt: Float64Array;
  /** Steps taken per shrink class (marks, Han–Latin gap steps). */
  steps: Float64Array;
  /** Everything taken, points: at least the excess; the rest is stretched back into the line. */
  takenPt: number;
  /** Cost of the squeezes alone. */
  cost: number;
  /** The class whose whole steps went past the excess (−1: none did). */
  overshotAt: number;
}

/** A fresh scratch `ShrinkPlan`. */
export function createShrinkPlan(): ShrinkPlan {
  return { usedPt: new Float64Array(SHRINK_CLASSES), steps: new Float64Array(SHRINK_CLASSES), takenPt: 0, cost: 0, overshotAt: -1 };
}

/** What the line is allowed when it must shrink. */
export interface ShrinkRules {
  /** Mid-line 。？！ may be squeezed (the breaker's last passes). */
  stops: boolean;
  /** Set solid: what a step takes beyond the excess is left short, not stretched back. */
  solid: boolean;
  /** Stretching back may make the line loose. */
  allowLoose: boolean;
}

/**
 * Plans how line `lm` loses `excessPt` (> 0) into `out` and returns the total cost — squeezes plus
 * stretching back what whole steps took beyond the excess — or `Infinity` when it cannot.
 * Classes are taken in §3 order; where whole steps of a class overshoot, taking one step less there and
 * going on to the next classes is tried too (a ⅛-em Han–Latin step may fit better than a half-em mark).
 */
export function planShrink(lm: LineMeasure, excessPt: number, emPt: number, rules: ShrinkRules, out: ShrinkPlan): number {
  const cost = shrinkCost(lm, excessPt, emPt, rules);
  if (cost === Infinity) return Infinity;
  greedyShrink(lm, excessPt, emPt, rules.stops, chosenOneLessAt, out);
  return cost;
}

/** Which variant `shrinkCost` chose last: −1 greedy, else the class taken one step short. */
let chosenOneLessAt = -1;

/** `planShrink` without the plan: the breaker's inner loop (no per-class arrays written). */
function shrinkCost(lm: LineMeasure, excessPt: number, emPt: number, rules: ShrinkRules): number {
  if (!greedyShrink(lm, excessPt, emPt, rules.stops, -1, null)) return Infinity;
  let bestCost = greedyCost + backCost(lm, greedyTakenPt - excessPt, emPt, rules);
  chosenOneLessAt = -1;
  const overshotAt = greedyOvershotAt;
  if (overshotAt > 0 && hasLaterShrink(lm, overshotAt, rules.stops) && greedyShrink(lm, excessPt, emPt, rules.stops, overshotAt, null)) {
    const other = greedyCost + backCost(lm, greedyTakenPt - excessPt, emPt, rules);
    if (other < bestCost) {
      bestCost = other;
      chosenOneLessAt = overshotAt;
    }
  }
  return bestCost;
}

/** Whether a class after `s` could take anything (else one step less at `s` cannot cover the excess). */
function hasLaterShrink(lm: LineMeasure, s: number, stops: boolean): boolean {
  const end = stops ? SHRINK_CLASSES : SHRINK_STOP;
  for (let t = s + 1; t < end; t++) if (lm.shrinkPt[t] > EPSILON_PT) return true;
  return false;
}

function backCost(lm: LineMeasure, backPt: number, emPt: number, rules: ShrinkRules): number {
  return rules.solid || backPt <= EPSILON_PT ? 0 : stretchCost(lm, backPt, rules.allowLoose, emPt);
}

// Results of the last `greedyShrink` (module scratch: the composer is synchronous).
let greedyCost = 0;
let greedyTakenPt = 0;
let greedyOvershotAt = -1;

/**
 * Classes in order, whole steps rounded up; at class `oneLessAt` one step fewer than that. Writes its
 * per-class choice to `plan` when given. @returns whether the excess is covered
 */
function greedyShrink(lm: LineMeasure, excessPt: number, emPt: number, stops: boolean, oneLessAt: number, plan: ShrinkPlan | null): boolean {
  if (plan) {
    plan.usedPt.fill(0);
    plan.steps.fill(0);
  }
  let overshotAt = -1;
  let remaining = excessPt;
  let cost = 0;
  for (let s = 1; s < SHRINK_CLASSES && remaining > EPSILON_PT; s++) {
    if (s === SHRINK_STOP && !stops) break;
    const cap = lm.shrinkPt[s];
    if (cap <= EPSILON_PT) continue;
    let used: number;
    if (s === SHRINK_SPACE) {
      used = remaining < cap ? remaining : cap;
    } else {
      const n = lm.shrinkSteps[s];
      if (n < 1) continue;
      const unit = cap / n;
      let k = Math.min(n, Math.ceil((remaining - EPSILON_PT) / unit));
      if (s === oneLessAt) k--;
      if (k <= 0) continue;
      used = k * unit;
      if (plan) plan.steps[s] = k;
      if (used > remaining + EPSILON_PT) overshotAt = s;
    }
    if (plan) plan.usedPt[s] = used;
    cost += ((s === SHRINK_STOP ? STOP_SQUEEZE_COST_PER_EM : SHRINK_COST_PER_EM[s]) * used) / emPt;
    remaining -= used;
  }
  greedyCost = cost;
  greedyTakenPt = excessPt - remaining;
  greedyOvershotAt = overshotAt;
  if (plan) {
    plan.takenPt = greedyTakenPt;
    plan.cost = cost;
    plan.overshotAt = overshotAt;
  }
  return remaining <= EPSILON_PT;
}

/**
 * The cost of setting a measured line to `widthPt` (lower is better), or `Infinity` when it cannot
 * be done: wider than all shrink allows, or (unless `allowLoose`) loose or unjustifiable.
 * @param solid set solid (last line, line before a hard break): never stretched
 * @param emPt the line's em, points (cost units and the loose threshold are in em)
 * @param stops mid-line 。？！ may be squeezed (default true: "can this line be set at all?")
 */
export function lineCost(lm: LineMeasure, widthPt: number, solid: boolean, allowLoose: boolean, emPt: number, stops = true): number {
  const excess = lm.naturalPt - widthPt;
  if (excess > EPSILON_PT) {
    RULES.stops = stops;
    RULES.solid = solid;
    RULES.allowLoose = allowLoose;
    return shrinkCost(lm, excess, emPt, RULES);
  }
  if (solid || excess >= -EPSILON_PT) return 0;
  return stretchCost(lm, -excess, allowLoose, emPt);
}
const RULES: ShrinkRules = { stops: true, solid: false, allowLoose: false };

/** The cost of stretching line `lm` by `restPt` (> 0): word spaces, then every flexible gap, else letters. */
function stretchCost(lm: LineMeasure, restPt: number, allowLoose: boolean, emPt: number): number {
  let rest = restPt;
  const u1 = Math.min(rest, lm.spaceStretchPt);
  rest -= u1;
  let cost = (SPACE_STRETCH_COST_PER_EM * u1) / emPt;
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
