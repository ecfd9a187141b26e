/**
 * Finalising a line: distribute shrink or stretch and place every glyph (TYPOGRAPHY.md §2–§3).
 *
 * 1. Re-measure the chosen line [a, b) with its line-edge rules (`measureLine`).
 * 2. Too wide: take the excess from the shrink classes in §3 order, each class shrinking all its
 *    members by the same fraction. Justified and too narrow: fill word spaces to ½ em, then
 *    Han–Latin gaps, then spread the rest equally over the inter-character gaps and spaces — or,
 *    on a line with none (a piece of a URL), between its letters.
 * 3. Walk the characters left to right: each cell is left blank + core + right blank (+ tracking,
 *    + the gap after it). A glyph's origin is its core's left edge plus the font-derived offset, so a
 *    trimmed opening bracket's origin lies left of its cell. Carets sit at cell left edges.
 * 4. Ragged alignments (last line, left/centre/right) are set solid and shifted as a whole.
 */
import type { Cmyk } from '../model/colour.js';
import type { PositionedGlyph } from './page-layout.js';
import type { ComposedLine, InlineRun, LineRun } from './line.js';
import type { MeasuredParagraph } from './para-measure.js';
import type { LineEdgeRules, LineMeasure } from './para-fit.js';
import { isLetterSpacingGap, SHRINK_CLASSES, SHRINK_HAN_LATIN, SHRINK_SPACE } from './para-measure.js';
import { EPSILON_PT, LOOSE_GAP_EM, measureLine } from './para-fit.js';
import { CharClass } from '../text/char-class.js';

/** Scratch for per-class shrink fractions (the composer is synchronous; no per-line allocation). */
const SHRINK_FRACTIONS = new Float64Array(SHRINK_CLASSES);

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

  // Shrink fractions per class, or stretch amounts.
  const shrinkFrac = SHRINK_FRACTIONS.fill(0);
  let spaceStretchFrac = 0;
  let gapStretchFrac = 0;
  let spreadPt = 0;
  let letterSpreadPt = 0;
  let overfull = false;
  let unjustifiable = false;
  let setWidth = lm.naturalPt;
  const excess = lm.naturalPt - s.widthPt;
  if (excess > EPSILON_PT) {
    let remaining = excess;
    for (let c = 1; c < SHRINK_CLASSES && remaining > 0; c++) {
      const cap = Math.max(0, lm.shrinkPt[c]);
      const used = Math.min(remaining, cap);
      shrinkFrac[c] = cap > 0 ? used / cap : 0;
      remaining -= used;
    }
    overfull = remaining > EPSILON_PT;
    setWidth = lm.naturalPt - (excess - Math.max(0, remaining));
  } else if (s.justify && excess < -EPSILON_PT) {
    let rest = -excess;
    const u1 = Math.min(rest, lm.spaceStretchPt);
    spaceStretchFrac = lm.spaceStretchPt > 0 ? u1 / lm.spaceStretchPt : 0;
    rest -= u1;
    const u2 = Math.min(rest, lm.gapStretchPt);
    gapStretchFrac = lm.gapStretchPt > 0 ? u2 / lm.gapStretchPt : 0;
    rest -= u2;
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
  const shrinkSpace = shrinkFrac[SHRINK_SPACE];
  const shrinkGap = shrinkFrac[SHRINK_HAN_LATIN];

  for (let i = a; i < b; i++) {
    const r = m.run[i];
    if (r !== currentRun) {
      if (glyphs.length) lineRuns.push(makeRun(runs[currentRun], glyphs));
      glyphs = [];
      currentRun = r;
    }
    if (m.emPt[i] > maxSizePt) maxSizePt = m.emPt[i];
    caret[m.pos[i] - fromPos] = x;
    if (i > last) continue; // trailing spaces and breaks: no width, no glyph
    const cls = m.cls[i];
    const slot = m.blankSlot[i];
    const keep = slot ? 1 - shrinkFrac[slot] : 1;
    const blankL = (i === a && lm.startTrimPt > 0 ? 0 : m.blankLPt[i]) * keep;
    const blankR = (i === last ? 0 : m.blankRPt[i]) * keep;
    let core = m.corePt[i];
    if (cls === CharClass.Space) {
      core += -m.spaceShrinkPt[i] * shrinkSpace + m.spaceStretchPt[i] * spaceStretchFrac + spreadPt;
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
      x += m.trackPt[i] + m.gapPt[i] - m.gapShrinkPt[i] * shrinkGap + m.gapStretchPt[i] * gapStretchFrac;
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
  return { line, overfull, unjustifiable };
}

function makeRun(run: InlineRun, glyphs: PositionedGlyph[]): LineRun {
  const colour: Cmyk = run.colour;
  return { fontId: run.font.id, sizePt: run.sizePt, colour, glyphs };
}
