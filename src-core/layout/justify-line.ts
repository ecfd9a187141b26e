/**
 * Finalising a line: distribute shrink or stretch and place every glyph (TYPOGRAPHY.md §2–§3).
 *
 * 1. Re-measure the chosen line [a, b) with its line-edge rules (`measureLine`).
 * 2. Too wide: plan the squeeze (`planShrink`: §3 order, whole steps) and choose the marks and
 *    Han–Latin gaps that give it, from the line end back; word spaces shrink by one fraction. Justified
 *    and still (or then) too narrow: fill word spaces to ½ em, then
 *    spread the rest equally over the inter-character gaps and spaces — or,
 *    on a line with none (a piece of a URL), between its letters.
 * 3. Walk the characters left to right (widths in each run's scaled em): each cell is left blank + core + right blank (+ tracking,
 *    + the gap after it). A glyph's origin is its core's left edge plus the font-derived offset, so a
 *    trimmed opening bracket's origin lies left of its cell. Carets sit at cell left edges.
 * 4. Ragged alignments (last line, left/centre/right) are set solid and shifted as a whole.
 */
import type { Cmyk } from '../model/colour.js';
import type { PositionedGlyph } from './page-layout.js';
import type { ComposedLine, InlineRun, LineRun } from './line.js';
import type { MeasuredParagraph } from './para-measure.js';
import type { LineEdgeRules, LineMeasure } from './para-fit.js';
import { isLetterSpacingGap, SHRINK_CLASSES, SHRINK_HAN_LATIN, SHRINK_SPACE, SHRINK_STOP } from './para-measure.js';
import { createShrinkPlan, EPSILON_PT, LOOSE_GAP_EM, measureLine, planShrink } from './para-fit.js';
import { CharClass } from '../text/char-class.js';


/** How one line is to be set. */
export interface LineSetting {
  /** Characters [a, b). */
  a: number;
  b: number;
  /** Available width for the text (indent excluded), points. */
  widthPt: number;
  /** Left edge of the text: the first-line indent, else 0, points. */
  startXPt: number;
  /** Stretch to `widthPt` (justified, not the last line, not before a hard break). */
  justify: boolean;
  align: 'justify' | 'left' | 'center' | 'right';
  isLast: boolean;
  edges: LineEdgeRules;
}

/** A finished line plus what the composer reports about it. */
export interface JustifiedLine {
  line: ComposedLine;
  /** Wider than the measure even with all shrink applied. */
  overfull: boolean;
  /** Justified, but nothing on the line could stretch: left ragged. */
  unjustifiable: boolean;
  /** Mid-line 。？！ squeezed (the breaker found no other way: warned). */
  stopsSqueezed: number;
}

/**
 * Sets one line (phase 3 of `composeParagraph`).
 * @param runs the paragraph's input runs (font id, size and colour of each glyph run)
 * @param lm scratch measure, overwritten
 */
export function justifyLine(m: MeasuredParagraph, runs: readonly InlineRun[], s: LineSetting, lm: LineMeasure): JustifiedLine {
  const { a, b } = s;
  measureLine(m, a, b, s.edges, s.widthPt, lm);
  const emPt = m.emPt[a];

  // Squeezes (whole steps, chosen per mark and gap), then stretch for what is left.
  const span = b - a;
  const squeeze = scratch(span);
  let spaceShrinkFrac = 0;
  let spaceStretchFrac = 0;
  let spreadPt = 0;
  let letterSpreadPt = 0;
  let overfull = false;
  let unjustifiable = false;
  let stopsSqueezed = 0;
  let takenPt = 0;
  const excess = lm.naturalPt - s.widthPt;
  if (excess > EPSILON_PT) {
    const cost = planShrink(lm, excess, emPt, { stops: true, solid: !s.justify, allowLoose: true }, PLAN);
    if (cost === Infinity) {
      // Overfull: everything the line has goes, and it is reported.
      overfull = true;
      for (let c = 1; c < SHRINK_CLASSES; c++) {
        PLAN.usedPt[c] = Math.max(0, lm.shrinkPt[c]);
        PLAN.steps[c] = lm.shrinkSteps[c];
      }
    }
    const cap = lm.shrinkPt[SHRINK_SPACE];
    spaceShrinkFrac = cap > 0 ? Math.min(1, PLAN.usedPt[SHRINK_SPACE] / cap) : 0;
    takenPt = spaceShrinkFrac * Math.max(0, cap);
    for (let c = SHRINK_SPACE + 1; c < SHRINK_CLASSES; c++) {
      if (PLAN.usedPt[c] > 0) takenPt += pickSqueezes(m, lm, a, span, c, PLAN.usedPt[c], squeeze);
    }
    if (PLAN.usedPt[SHRINK_STOP] > 0) {
      for (let i = a + 1; i < lm.lastVisible; i++) if (squeeze[i - a] > 0 && m.blankSlot[i] === SHRINK_STOP) stopsSqueezed++;
    }
  }
  let setWidth = lm.naturalPt - takenPt;
  if (s.justify && setWidth < s.widthPt - EPSILON_PT) {
    let rest = s.widthPt - setWidth;
    const u1 = Math.min(rest, lm.spaceStretchPt);
    spaceStretchFrac = lm.spaceStretchPt > 0 ? u1 / lm.spaceStretchPt : 0;
    rest -= u1;
    if (rest > EPSILON_PT) {
      if (lm.flexCount > 0) spreadPt = rest / lm.flexCount;
      else if (lm.letterGaps > 0) letterSpreadPt = rest / lm.letterGaps;
      else unjustifiable = true;
    }
    setWidth = unjustifiable ? s.widthPt - rest : s.widthPt;
  }
  let x = s.startXPt;
  if (!s.justify || unjustifiable) {
    if (s.align === 'right') x += s.widthPt - setWidth;
    else if (s.align === 'center') x += (s.widthPt - setWidth) / 2;
  }

  const fromPos = m.pos[a];
  const toPos = b < m.n ? m.pos[b] : m.pos[m.n - 1] + m.units[m.n - 1];
  const caret = new Array<number>(toPos - fromPos + 1).fill(Number.NaN);
  const lineRuns: LineRun[] = [];
  let glyphs: PositionedGlyph[] = [];
  let currentRun = -1;
  let maxSizePt = 0;
  const last = lm.lastVisible;

  for (let i = a; i < b; i++) {
    const r = m.run[i];
    if (r !== currentRun) {
      if (glyphs.length) lineRuns.push(makeRun(runs[currentRun], glyphs));
      glyphs = [];
      currentRun = r;
      // The line's height follows the type's drawn height, not its (horizontal) em.
      const heightPt = runs[r].sizePt * (runs[r].scaleY ?? 1);
      if (heightPt > maxSizePt) maxSizePt = heightPt;
    }
    caret[m.pos[i] - fromPos] = x;
    if (i > last) continue; // trailing spaces and breaks: no width, no glyph
    const cls = m.cls[i];
    let blankL = edgeBlankL(m, lm, a, i);
    let blankR = edgeBlankR(m, lm, i);
    const sq = m.blankSlot[i] ? squeeze[i - a] : 0;
    if (sq > 0) {
      const keep = 1 - sq / (blankL + blankR);
      blankL *= keep;
      blankR *= keep;
    }
    let core = m.corePt[i];
    if (cls === CharClass.Space) {
      core += -m.spaceShrinkPt[i] * spaceShrinkFrac + m.spaceStretchPt[i] * spaceStretchFrac + spreadPt;
    }
    const coreX = x + blankL;
    const met = m.metrics[i];
    if (met.glyphId !== 0) {
      const g: PositionedGlyph = { glyphId: met.glyphId, xPt: coreX + met.originUnits * m.scale[i], text: met.text };
      if (met.scaleX !== 1) g.scaleX = met.scaleX;
      glyphs.push(g);
    }
    x = coreX + core + blankR;
    if (i < last) {
      x += m.trackPt[i] + m.gapPt[i] - (m.gapSteps[i] ? squeeze[i - a + span] : 0);
      if (m.gapFlex[i] && !(lm.hangPt > 0 && i === last - 1)) x += spreadPt;
      if (letterSpreadPt > 0 && isLetterSpacingGap(m.cls[i], m.cls[i + 1])) x += letterSpreadPt;
    }
  }
  if (glyphs.length) lineRuns.push(makeRun(runs[currentRun], glyphs));
  const endX = x;
  caret[caret.length - 1] = endX;
  // Positions without a character of their own (the second unit of a surrogate pair, trailing
  // spaces) take the caret x before them.
  for (let p = 1; p < caret.length; p++) if (Number.isNaN(caret[p])) caret[p] = caret[p - 1];
  if (Number.isNaN(caret[0])) caret[0] = s.startXPt;

  const justified = s.justify && !unjustifiable;
  const line: ComposedLine = {
    runs: lineRuns,
    // Justified: the full available width; ragged: the right edge of the content.
    widthPt: justified ? s.startXPt + s.widthPt : endX,
    maxSizePt,
    fromPos,
    toPos,
    caretXPt: caret,
    isLast: s.isLast,
    loose: Math.max(spreadPt, letterSpreadPt) > LOOSE_GAP_EM * emPt + 1e-9,
  };
  return { line, overfull, unjustifiable, stopsSqueezed };
}

const PLAN = createShrinkPlan();
/** Per-line squeeze scratch: [0, span) per character, [span, 2·span) per gap, points. */
let squeezeScratch = new Float64Array(256);

function scratch(span: number): Float64Array {
  if (squeezeScratch.length < 2 * span) squeezeScratch = new Float64Array(4 * span);
  squeezeScratch.fill(0, 0, 2 * span);
  return squeezeScratch;
}

/** Left blank of character i on line [a, …) after the line-start trim, points. */
function edgeBlankL(m: MeasuredParagraph, lm: LineMeasure, a: number, i: number): number {
  return i === a && lm.startTrimPt > 0 ? 0 : m.blankLPt[i];
}

/** Right blank of character i after the line-end trim (a mark the style fixes keeps it), points. */
function edgeBlankR(m: MeasuredParagraph, lm: LineMeasure, i: number): number {
  return i === lm.lastVisible && m.blankSlot[i] ? 0 : m.blankRPt[i];
}

/**
 * Chooses the marks (or Han–Latin gap steps) of class `c` that squeeze, from the line end back, until
 * they give `targetPt`: each mark loses its whole remaining blank, each gap step its ⅛ em.
 * Writes per-character amounts to `squeeze[i − a]`, per-gap ones to `squeeze[span + j − a]`.
 * @returns the points taken (the target, up to rounding between marks of different sizes)
 */
function pickSqueezes(m: MeasuredParagraph, lm: LineMeasure, a: number, span: number, c: number, targetPt: number, squeeze: Float64Array): number {
  const last = lm.lastVisible;
  let taken = 0;
  if (c === SHRINK_HAN_LATIN) {
    // One step per gap first, from the line end back, so the gaps of a line differ by one step at most.
    for (let round = 1; taken < targetPt - EPSILON_PT; round++) {
      let any = false;
      for (let j = last - 1; j >= a && taken < targetPt - EPSILON_PT; j--) {
        const steps = m.gapSteps[j];
        if (steps < round) continue;
        any = true;
        const step = m.gapShrinkPt[j] / steps;
        squeeze[span + j - a] += step;
        taken += step;
      }
      if (!any) break;
    }
    return taken;
  }
  for (let i = last; i >= a && taken < targetPt - EPSILON_PT; i--) {
    if (m.blankSlot[i] !== c) continue;
    const avail = edgeBlankL(m, lm, a, i) + edgeBlankR(m, lm, i);
    if (avail <= EPSILON_PT) continue;
    squeeze[i - a] = avail;
    taken += avail;
  }
  return taken;
}

function makeRun(run: InlineRun, glyphs: PositionedGlyph[]): LineRun {
  const colour: Cmyk = run.colour;
  const out: LineRun = { fontId: run.font.id, sizePt: run.sizePt, colour, glyphs };
  if (run.scaleX !== undefined && run.scaleX !== 1) out.scaleX = run.scaleX;
  if (run.scaleY !== undefined && run.scaleY !== 1) out.scaleY = run.scaleY;
  if (run.baselineShiftPt) out.baselineShiftPt = run.baselineShiftPt;
  if (run.effects) out.effects = run.effects;
  return out;
}
