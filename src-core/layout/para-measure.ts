/**
 * Measurement phase of the paragraph composer: from styled runs to flat typed arrays.
 *
 * 1. Flatten the runs into code points, with class, ProseMirror position, run index and em size (the
 *    horizontal em: size × the run's horizontal type scale, so 长体 is measured in its narrowed ems); then
 *    re-class what depends on its neighbours (`applyContextClasses`: straight quotes, apostrophes, digit
 *    grouping thin spaces, hyphens in names).
 * 2. Look every character up once (`charMetrics`, cached per font) and convert to points: core width,
 *    adjustable blanks, tracking. Missing glyphs keep a 1-em cell and are reported.
 * 3. Apply display punctuation (headlines: every mark half width, closed up) or else the punctuation style
 *    (开明式: ，、；： half width, 。？！ fixed full width) and compress adjacent
 *    full-width marks (。” ，“ ）。) to `adjacentPunctuationEm` in total (TYPOGRAPHY.md §2), optionally
 *    ？！ to one em. Count each blank's shrink steps: a mark squeezes by its whole blank (half an em), a
 *    Han–Latin gap in ⅛-em steps.
 * 4. Describe each gap between neighbours: the Han–Latin/digit gap (§4: fixed, shrinking to ⅛ em only
 *    to avoid a push-out, never stretching) and whether the gap may take inter-character stretch (§3:
 *    not inside Latin words and numbers, —— or ……, nor beside connectors or a Han–Latin gap).
 * 5. Build prefix sums over widths and over every shrink/stretch class (capacity and steps), so the
 *    breaker can size any candidate line in O(1).
 */
import type { LayoutWarning } from './page-layout.js';
import type { ParagraphInput } from './line.js';
import type { CharMetrics } from '../text/char-metrics.js';
import { apostropheMetrics, charMetricsTable } from '../text/char-metrics.js';
import { applyContextClasses, isApostropheAt } from '../text/context-class.js';
import { CharClass, IS_HAN_BOX, IS_WESTERN } from '../text/char-class.js';
import { collectBreakOpportunitiesInto } from '../text/break-opportunities.js';

/**
 * Shrink classes in the order of TYPOGRAPHY.md §3: 0 line-end mark (always half width here, see
 * `para-fit.ts`), 1 Latin word spaces, 2 bracket outer sides, 3 ，、；： blanks, 4 Han–Latin gap,
 * 5 。？！ blanks. (The interpunct is a fixed ½ em: it has no blank to shrink.)
 */
export const SHRINK_CLASSES = 6;
/** Shrink class 1: Latin word spaces, down to ¼ em. */
export const SHRINK_SPACE = 1;
/** Shrink class 2: the outer blanks of brackets and quotes. */
export const SHRINK_BRACKET = 2;
/** Shrink class 3: the blanks of ，、；：. */
export const SHRINK_PAUSE = 3;
/** Shrink class 4: the Han–Latin gap, down to ⅛ em. */
export const SHRINK_HAN_LATIN = 4;
/** Shrink class 5: the blanks of 。？！. */
export const SHRINK_STOP = 5;

/** Minimum Latin word space, em (§3 shrink step 1). */
export const SPACE_MIN_EM = 0.25;
/** Maximum Latin word space, em (§3 stretch step 1). */
export const SPACE_MAX_EM = 0.5;
/**
 * Narrowest Han–Latin gap, em (§3 shrink step 5). The gap is otherwise the template's `hanLatinGapEm` on
 * every line and never stretches, so gaps on a page differ by at most the default ¼ em less this.
 */
export const HAN_LATIN_MIN_EM = 0.125;
/** A Han–Latin gap shrinks in steps of this many em (one step takes the default ¼ em to ⅛). */
export const HAN_LATIN_STEP_EM = 0.125;
/** A mark squeezes by whole half ems (§3: no fractional blanks); its blank is one step. */
export const MARK_STEP_EM = 0.5;

/** Blank shrink class per character class (0 = the character has no adjustable blank). */
const BLANK_SLOT: Uint8Array = (() => {
  const t = new Uint8Array(32);
  t[CharClass.Open] = SHRINK_BRACKET;
  t[CharClass.Close] = SHRINK_BRACKET;
  t[CharClass.Pause] = SHRINK_PAUSE;
  t[CharClass.Stop] = SHRINK_STOP;
  t[CharClass.QuestionExclamation] = SHRINK_STOP;
  return t;
})();

/** A paragraph measured into flat arrays (points). Index i is a character, gap j lies between j and j+1. */
export interface MeasuredParagraph {
  /** Number of characters (code points). */
  n: number;
  cps: Int32Array;
  cls: Uint8Array;
  /** ProseMirror position of each character's first UTF-16 unit. */
  pos: Int32Array;
  /** UTF-16 length of each character (1, or 2 for a surrogate pair). */
  units: Uint8Array;
  /** Index of the input run each character comes from. */
  run: Int32Array;
  /** Horizontal em of each character, points: font size × the run's horizontal type scale. */
  emPt: Float64Array;
  /** Font units → points factor per character, horizontally (includes the horizontal type scale). */
  scale: Float64Array;
  metrics: CharMetrics[];
  /** Core width, points. */
  corePt: Float64Array;
  /** Adjustable blanks after adjacent-mark compression, points. */
  blankLPt: Float64Array;
  blankRPt: Float64Array;
  /** Tracking after the character, points. */
  trackPt: Float64Array;
  /** Shrink class of the character's blanks (0 = none, or fixed by the punctuation style). */
  blankSlot: Uint8Array;
  /** Shrink steps of the character's blanks (a full-width mark: 1; 0 when adjacency took them). */
  shrinkSteps: Uint8Array;
  /** Per gap: shrink steps of the Han–Latin gap (⅛ em each). */
  gapSteps: Uint8Array;
  /** Per gap: Han–Latin gap natural width and its shrink capacity, points (it never stretches). */
  gapPt: Float64Array;
  gapShrinkPt: Float64Array;
  /** Per gap: 1 when the gap takes inter-character stretch (§3 stretch step 3). */
  gapFlex: Uint8Array;
  /** Per character: Latin word space shrink and stretch capacity, points. */
  spaceShrinkPt: Float64Array;
  spaceStretchPt: Float64Array;
  /** Break opportunities (`collectBreakOpportunities`), length n + 1. */
  brk: Uint8Array;
  /** Prefix sums, length n + 1: cell widths (blanks + core + tracking). */
  sumWidth: Float64Array;
  /** Prefix sums of shrink capacity per class, `SHRINK_CLASSES` rows of n + 1 (row 5 over gaps). */
  sumShrink: Float64Array;
  /** Prefix sums of shrink steps per class, laid out like `sumShrink`. */
  sumSteps: Float64Array;
  /** Prefix sums of all shrink capacity (gap shrink counted up to the character's own gap: an upper bound). */
  sumShrinkAll: Float64Array;
  /** Prefix sums over gaps: natural Han–Latin gap, flexible gap count. */
  sumGap: Float64Array;
  sumFlex: Float64Array;
  /** Prefix sums over characters: space stretch capacity and space count. */
  sumSpaceStretch: Float64Array;
  sumSpaces: Float64Array;
  /** Largest em and tracking in the paragraph, points (slack for pruning). */
  maxEmPt: number;
  maxTrackPt: number;
}

/**
 * Measures a paragraph (phase 1 of `composeParagraph`).
 * @param warnings receives one 'missing-glyph' warning per missing code point (at its first position)
 * @param shareScratch measure into the shared scratch arrays (valid until the next shared call);
 *   false allocates private arrays (for a composition nested inside another's callback)
 */
export function measureParagraph(input: ParagraphInput, warnings: LayoutWarning[], shareScratch = true): MeasuredParagraph {
  const { runs, options } = input;
  let n = 0;
  for (const r of runs) {
    for (let u = 0; u < r.text.length; u++) {
      const c = r.text.charCodeAt(u);
      if (c < 0xdc00 || c > 0xdfff || u === 0 || !isHighSurrogate(r.text.charCodeAt(u - 1))) n++;
    }
  }
  const ws = shareScratch ? workspace(n + 1) : allocateWorkspace(n + 1);
  const { cps, cls, pos, units, run, emPt, scale, metrics, corePt, blankLPt, blankRPt, trackPt, blankSlot } = ws;
  let maxEmPt = 0;
  let maxTrackPt = 0;
  const missingSeen = new Set<number>();

  let i = 0;
  for (let r = 0; r < runs.length; r++) {
    const { text, font, sizePt, trackingEm, fromPos, scaleX = 1 } = runs[r];
    if (!(sizePt > 0)) throw new RangeError(`Run ${r} has font size ${sizePt} pt: sizes must be positive`);
    if (!(scaleX > 0)) throw new RangeError(`Run ${r} has horizontal scale ${scaleX}: scales must be positive`);
    const emXPt = sizePt * scaleX;
    const k = emXPt / font.unitsPerEm;
    const table = charMetricsTable(font);
    const track = trackingEm * emXPt;
    if (emXPt > maxEmPt) maxEmPt = emXPt;
    if (Math.abs(track) > maxTrackPt) maxTrackPt = Math.abs(track);
    for (let u = 0; u < text.length; ) {
      const cp = text.codePointAt(u)!;
      const len = cp > 0xffff ? 2 : 1;
      const m = table.get(cp);
      cps[i] = cp;
      cls[i] = m.cls;
      pos[i] = fromPos + u;
      units[i] = len;
      run[i] = r;
      emPt[i] = emXPt;
      scale[i] = k;
      metrics[i] = m;
      corePt[i] = m.coreUnits * k;
      blankLPt[i] = m.blankLeftUnits * k;
      blankRPt[i] = m.blankRightUnits * k;
      trackPt[i] = m.cls === CharClass.Break ? 0 : track;
      blankSlot[i] = blankLPt[i] > 0 || blankRPt[i] > 0 ? BLANK_SLOT[m.cls] : 0;
      if (m.missing && !missingSeen.has(cp)) {
        missingSeen.add(cp);
        warnings.push({
          code: 'missing-glyph',
          message: `"${String.fromCodePoint(cp)}" (U+${cp.toString(16).toUpperCase().padStart(4, '0')}) is missing from ${font.family} ${font.weight}: left blank, one em wide`,
          storyId: input.storyId,
          pos: pos[i],
          missing: { text: String.fromCodePoint(cp), font: `${font.family} ${font.weight}` },
          key: 'composer.missingGlyph',
          values: { char: String.fromCodePoint(cp), code: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, font: `${font.family} ${font.weight}` },
        });
      }
      i++;
      u += len;
    }
  }

  if (applyContextClasses(cps, cls, n)) {
    for (let j = 0; j < n; j++) {
      if (!isApostropheAt(cps, cls, j)) continue;
      const am = apostropheMetrics(runs[run[j]].font);
      metrics[j] = am;
      corePt[j] = am.coreUnits * scale[j];
      blankLPt[j] = blankRPt[j] = 0;
      blankSlot[j] = 0;
    }
  }

  const kaiming = options.punctuationStyle === 'kaiming';
  if (input.displayPunctuation) applyDisplayPunctuation(n, cls, blankLPt, blankRPt, blankSlot);
  else if (kaiming) applyKaimingStyle(n, cls, blankLPt, blankRPt, blankSlot);
  compressAdjacentMarks(n, cps, cls, emPt, corePt, blankLPt, blankRPt, options.adjacentPunctuationEm, options.combineQuestionExclamation, kaiming);
  const { shrinkSteps, gapSteps } = ws;
  for (let j = 0; j < n; j++) {
    const blanks = blankLPt[j] + blankRPt[j];
    shrinkSteps[j] = blankSlot[j] && blanks > 1e-9 ? Math.max(1, Math.round(blanks / (MARK_STEP_EM * emPt[j]))) : 0;
  }

  // Gaps and spaces.
  const { gapPt, gapShrinkPt, gapFlex, spaceShrinkPt, spaceStretchPt } = ws;
  gapSteps.fill(0, 0, n);
  gapPt.fill(0, 0, n);
  gapShrinkPt.fill(0, 0, n);
  gapFlex.fill(0, 0, n);
  spaceShrinkPt.fill(0, 0, n);
  spaceStretchPt.fill(0, 0, n);
  const gapEm = options.hanLatinGapEm;
  for (let j = 0; j < n; j++) {
    const a = cls[j];
    if (a === CharClass.Space) {
      const w = corePt[j];
      spaceShrinkPt[j] = Math.max(0, w - SPACE_MIN_EM * emPt[j]);
      spaceStretchPt[j] = Math.max(0, SPACE_MAX_EM * emPt[j] - w);
    }
    if (j === n - 1) break;
    const b = cls[j + 1];
    if (isHanLatinPair(a, cps[j], b, cps[j + 1])) {
      const em = IS_HAN_BOX[a] ? emPt[j] : emPt[j + 1];
      gapPt[j] = gapEm * em;
      gapShrinkPt[j] = Math.max(0, gapPt[j] - HAN_LATIN_MIN_EM * em);
      gapSteps[j] = gapShrinkPt[j] > 1e-9 ? Math.max(1, Math.round(gapShrinkPt[j] / (HAN_LATIN_STEP_EM * em))) : 0;
      // The gap is fixed: stretch goes to the other gaps of the line, so this one reads the same everywhere.
      gapFlex[j] = 0;
    } else {
      gapFlex[j] = isFlexibleGap(a, b) ? 1 : 0;
    }
  }

  const brk = ws.brk;
  collectBreakOpportunitiesInto(cps, cls, n, brk, ws.uax);

  // Prefix sums (entry 0 is the empty prefix).
  const { sumWidth, sumShrink, sumSteps, sumShrinkAll, sumGap, sumFlex, sumSpaceStretch, sumSpaces } = ws;
  const row = n + 1;
  for (let s = 0; s < SHRINK_CLASSES; s++) sumShrink[s * row] = sumSteps[s * row] = 0;
  const steps = new Float64Array(SHRINK_CLASSES);
  sumWidth[0] = sumShrinkAll[0] = sumGap[0] = sumFlex[0] = sumSpaceStretch[0] = sumSpaces[0] = 0;
  let w = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, gap = 0, flex = 0, spSt = 0, sp = 0;
  for (let x = 0; x < n; x++) {
    w += blankLPt[x] + corePt[x] + blankRPt[x] + trackPt[x];
    const blanks = blankLPt[x] + blankRPt[x];
    switch (blankSlot[x]) {
      case SHRINK_BRACKET: s2 += blanks; break;
      case SHRINK_PAUSE: s3 += blanks; break;
      case SHRINK_STOP: s5 += blanks; break;
    }
    steps[blankSlot[x]] += shrinkSteps[x];
    s1 += spaceShrinkPt[x];
    s4 += gapShrinkPt[x];
    steps[SHRINK_HAN_LATIN] += gapSteps[x];
    gap += gapPt[x];
    flex += gapFlex[x];
    spSt += spaceStretchPt[x];
    if (cls[x] === CharClass.Space) sp++;
    const at = x + 1;
    sumWidth[at] = w;
    sumShrink[SHRINK_SPACE * row + at] = s1;
    sumShrink[SHRINK_BRACKET * row + at] = s2;
    sumShrink[SHRINK_PAUSE * row + at] = s3;
    sumShrink[SHRINK_HAN_LATIN * row + at] = s4;
    sumShrink[SHRINK_STOP * row + at] = s5;
    sumShrinkAll[at] = s1 + s2 + s3 + s4 + s5;
    for (let s = 2; s < SHRINK_CLASSES; s++) sumSteps[s * row + at] = steps[s];
    sumGap[at] = gap;
    sumFlex[at] = flex;
    sumSpaceStretch[at] = spSt;
    sumSpaces[at] = sp;
  }

  return {
    n, cps, cls, pos, units, run, emPt, scale, metrics, corePt, blankLPt, blankRPt, trackPt, blankSlot, shrinkSteps, gapSteps,
    gapPt, gapShrinkPt, gapFlex, spaceShrinkPt, spaceStretchPt, brk,
    sumWidth, sumShrink, sumSteps, sumShrinkAll, sumGap, sumFlex, sumSpaceStretch, sumSpaces, maxEmPt, maxTrackPt,
  };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * True when a Han box meets a Latin letter, digit or narrow currency/unit sign (either order): the
 * pair takes the Han–Latin gap (TYPOGRAPHY.md §4).
 * @param a class of the first character, `aCp` its code point; `b`, `bCp` the second
 */
export function isHanLatinPair(a: number, aCp: number, b: number, bCp: number): boolean {
  return (IS_HAN_BOX[a] && isLatinOrDigit(b, bCp)) || (isLatinOrDigit(a, aCp) && IS_HAN_BOX[b]);
}

/** Latin letters, digits and narrow currency/unit signs take the Han–Latin gap (§4); spaces do not. */
function isLatinOrDigit(c: number, cp: number): boolean {
  if (c === CharClass.Latin || c === CharClass.Digit) return cp > 0x20 && !(cp >= 0x2000 && cp <= 0x200a);
  return (c === CharClass.Prefix || c === CharClass.Postfix) && cp < 0x2000;
}

/** §3 stretch step 3: which gaps take inter-character stretch. */
function isFlexibleGap(a: number, b: number): boolean {
  if (a === CharClass.Space || b === CharClass.Space) return false; // the space itself stretches
  if (a === CharClass.Connector || b === CharClass.Connector) return false;
  if (a === CharClass.Dash && b === CharClass.Dash) return false;
  if (a === CharClass.Ellipsis && b === CharClass.Ellipsis) return false;
  if (a === CharClass.Break || b === CharClass.Break || a === CharClass.ZeroWidth || b === CharClass.ZeroWidth) return false;
  // A zero-width space draws nothing: the gap after it is the visible one, so the gap before it does
  // not stretch too (and at a line end, where the space is dropped, no stretch is lost with it).
  if (b === CharClass.ZeroWidthSpace) return false;
  if (a === CharClass.NoBreakSpace || b === CharClass.NoBreakSpace) return false;
  // Inside a Latin word, number or URL (western on both sides) letters are never spaced out.
  return !(IS_WESTERN[a] && IS_WESTERN[b]);
}

/**
 * The last resort of §3 for a line with no flexible gap at all (a piece of a URL, number or word
 * alone on its line): the gaps between its characters may be spaced out, so that the line is still
 * flush — never inside —— or ……, beside connectors, or at invisible characters.
 */
export function isLetterSpacingGap(a: number, b: number): boolean {
  if (a === CharClass.Connector || b === CharClass.Connector) return false;
  if ((a === CharClass.Dash && b === CharClass.Dash) || (a === CharClass.Ellipsis && b === CharClass.Ellipsis)) return false;
  if (a === CharClass.Break || b === CharClass.Break || a === CharClass.ZeroWidth || b === CharClass.ZeroWidth) return false;
  return b !== CharClass.ZeroWidthSpace;
}

/**
 * 开明式: the clause-internal marks ，、；： lose their blanks (always half width); the sentence-final 。？！ keep
 * theirs but no shrink class takes them (always full width, line ends included).
 */
function applyKaimingStyle(n: number, cls: Uint8Array, blankL: Float64Array, blankR: Float64Array, blankSlot: Uint8Array): void {
  for (let j = 0; j < n; j++) {
    const c = cls[j];
    if (c === CharClass.Pause) {
      blankL[j] = blankR[j] = 0;
      blankSlot[j] = 0;
    } else if (c === CharClass.Stop || c === CharClass.QuestionExclamation) {
      blankSlot[j] = 0;
    }
  }
}

/**
 * Display punctuation (headlines, TYPOGRAPHY.md §3): every bracket, quote and mark loses its blanks, so it is
 * half width and closed up wherever it stands (`“停不下来”的` leaves no half em of air after ”).
 */
function applyDisplayPunctuation(n: number, cls: Uint8Array, blankL: Float64Array, blankR: Float64Array, blankSlot: Uint8Array): void {
  for (let j = 0; j < n; j++) {
    if (!BLANK_SLOT[cls[j]]) continue;
    blankL[j] = blankR[j] = 0;
    blankSlot[j] = 0;
  }
}

/**
 * Adjacent full-width marks: the pair's total is reduced to `adjacentEm` em by removing blank,
 * first between the marks (the first mark's right blank, then the second's left), then outside.
 * With `fixedStops` (开明式) a stop's blank is never taken.
 */
function compressAdjacentMarks(
  n: number, cps: Int32Array, cls: Uint8Array, emPt: Float64Array, core: Float64Array,
  blankL: Float64Array, blankR: Float64Array, adjacentEm: number, combineQE: boolean, fixedStops: boolean,
): void {
  for (let j = 0; j + 1 < n; j++) {
    const a = j;
    const b = j + 1;
    if (!BLANK_SLOT[cls[a]] || !BLANK_SLOT[cls[b]]) continue;
    if (blankL[a] + blankR[a] <= 0 || blankL[b] + blankR[b] <= 0) continue;
    const em = Math.min(emPt[a], emPt[b]);
    let targetEm = adjacentEm;
    if (combineQE && cls[a] === CharClass.QuestionExclamation && cls[b] === CharClass.QuestionExclamation && cps[a] !== cps[b]) {
      targetEm = 1;
    }
    const pairPt = blankL[a] + core[a] + blankR[a] + blankL[b] + core[b] + blankR[b];
    let excess = pairPt - targetEm * em;
    if (excess <= 0) continue;
    const take = (arr: Float64Array, idx: number): void => {
      if (fixedStops && (cls[idx] === CharClass.Stop || cls[idx] === CharClass.QuestionExclamation)) return;
      const t = Math.min(arr[idx], excess);
      arr[idx] -= t;
      excess -= t;
    };
    take(blankR, a);
    if (excess > 0) take(blankL, b);
    if (excess > 0) take(blankR, b);
    if (excess > 0) take(blankL, a);
  }
}

/**
 * Scratch arrays shared by successive `measureParagraph` calls (the composer is synchronous and a
 * MeasuredParagraph never outlives its `composeParagraph` call). Reusing them spares the garbage
 * collector a few dozen ArrayBuffers per paragraph. Arrays are at least `size` long, often longer:
 * code indexes them by `n`, never by `.length`.
 */
interface Workspace {
  capacity: number;
  cps: Int32Array; pos: Int32Array; run: Int32Array;
  cls: Uint8Array; units: Uint8Array; blankSlot: Uint8Array; shrinkSteps: Uint8Array; gapSteps: Uint8Array;
  gapFlex: Uint8Array; brk: Uint8Array; uax: Uint8Array;
  emPt: Float64Array; scale: Float64Array; corePt: Float64Array; blankLPt: Float64Array; blankRPt: Float64Array;
  trackPt: Float64Array; gapPt: Float64Array; gapShrinkPt: Float64Array;
  spaceShrinkPt: Float64Array; spaceStretchPt: Float64Array;
  sumWidth: Float64Array; sumShrink: Float64Array; sumSteps: Float64Array; sumShrinkAll: Float64Array; sumGap: Float64Array;
  sumFlex: Float64Array; sumSpaceStretch: Float64Array; sumSpaces: Float64Array;
  metrics: CharMetrics[];
}

/** Smallest workspace allocated; paragraphs are rarely longer. */
const MIN_WORKSPACE = 1024;
let shared: Workspace | undefined;

function workspace(size: number): Workspace {
  if (shared && shared.capacity >= size) return shared;
  shared = allocateWorkspace(Math.max(size, MIN_WORKSPACE, 2 * (shared?.capacity ?? 0)));
  return shared;
}

function allocateWorkspace(c: number): Workspace {
  const f = (): Float64Array => new Float64Array(c);
  const u = (): Uint8Array => new Uint8Array(c);
  const i = (): Int32Array => new Int32Array(c);
  return {
    capacity: c,
    cps: i(), pos: i(), run: i(),
    cls: u(), units: u(), blankSlot: u(), shrinkSteps: u(), gapSteps: u(), gapFlex: u(), brk: u(), uax: u(),
    emPt: f(), scale: f(), corePt: f(), blankLPt: f(), blankRPt: f(), trackPt: f(),
    gapPt: f(), gapShrinkPt: f(), spaceShrinkPt: f(), spaceStretchPt: f(),
    sumWidth: f(), sumShrink: new Float64Array(SHRINK_CLASSES * c), sumSteps: new Float64Array(SHRINK_CLASSES * c), sumShrinkAll: f(), sumGap: f(),
    sumFlex: f(), sumSpaceStretch: f(), sumSpaces: f(),
    metrics: new Array<CharMetrics>(c),
  };
}
