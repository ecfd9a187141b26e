/**
 * Spacing read back from composed lines, as a reader sees it: how wide every full-width mark was set
 * and how wide every Han–Latin gap came out (TYPOGRAPHY.md §2–§4). For tests and the bench.
 *
 * 1. Measure the paragraph again (`measureParagraph`, private arrays) for each character's natural
 *    cell (after the fixed rules: adjacent-mark compression, punctuation style) and its neighbours.
 * 2. Find each line's characters by ProseMirror position and the inter-character stretch the line
 *    received, read after a character with a fixed cell (two neighbouring Han boxes first): any extra
 *    there is stretch.
 * 3. A mark's set width is the distance from its caret to the next one, less tracking and that
 *    stretch; a Han–Latin gap is that distance less the first character's cell and tracking (the
 *    reader sees stretch there, so it is not subtracted).
 * 4. Summaries: gap range, mid-line 。？！ set narrower than their natural width, squeezes that are
 *    not whole half ems, and a histogram of mark widths.
 */
import type { ComposedLine, ParagraphInput } from './line.js';
import { isHanLatinPair, measureParagraph } from './para-measure.js';
import { isTrailingBlank } from './para-fit.js';
import { CharClass, IS_HAN_BOX, IS_WESTERN } from '../text/char-class.js';

/** Widths are compared with this tolerance, em (far below what a reader sees, above rounding). */
const TOLERANCE_EM = 1e-3;
/** Punctuation squeezes come in steps of this many em (TYPOGRAPHY.md §3: whole half ems). */
const SQUEEZE_STEP_EM = 0.5;

/** Where on its line a mark stands. */
export type LinePlace = 'start' | 'mid' | 'end';

/** One full-width mark as set. */
export interface SetMark {
  /** Code point. */
  cp: number;
  /** Its `CharClass` (after context). */
  cls: number;
  /** Set width, em of its own size. */
  widthEm: number;
  /** Natural width after the fixed rules (adjacent marks, punctuation style), em. */
  naturalEm: number;
  place: LinePlace;
}

/** Spacing of one composed paragraph. */
export interface ParagraphSpacing {
  /** Every Han–Latin/digit gap inside a line, em of the Han character's size. */
  hanLatinGapsEm: number[];
  /** Every full-width mark (one with blanks in its font cell). */
  marks: SetMark[];
}

/** Reads the spacing of a composed paragraph back from its carets (see the module summary). */
export function measureSpacing(lines: readonly ComposedLine[], input: ParagraphInput): ParagraphSpacing {
  const out: ParagraphSpacing = { hanLatinGapsEm: [], marks: [] };
  const m = measureParagraph(input, [], false);
  const { n, pos, units, cls, cps } = m;
  const cell = (i: number): number => m.blankLPt[i] + m.corePt[i] + m.blankRPt[i];
  let i = 0;
  for (const line of lines) {
    while (i < n && pos[i] < line.fromPos) i++;
    const a = i;
    while (i < n && pos[i] < line.toPos) i++;
    const b = i;
    let e = b - 1;
    while (e >= a && isTrailingBlank(cls[e])) e--;
    if (e < a) continue;
    const caret = (k: number): number => line.caretXPt[pos[k] - line.fromPos];
    const after = (k: number): number => line.caretXPt[pos[k] + units[k] - line.fromPos];
    // Any character with a fixed cell before a flexible gap shows the stretch (a Han box first, else
    // e.g. a Latin letter before a mark, on a line without two Han characters side by side).
    let stretchPt = 0;
    let found = false;
    for (let k = a; k < e && !found; k++) {
      if (IS_HAN_BOX[cls[k]] && m.gapFlex[k] && !IS_WESTERN[cls[k + 1]]) {
        stretchPt = after(k) - caret(k) - cell(k) - m.trackPt[k];
        found = true;
      }
    }
    for (let k = a; k < e && !found; k++) {
      if (m.gapFlex[k] && cls[k] !== CharClass.Space && !(m.blankLPt[k] + m.blankRPt[k] > 0) && !(m.metrics[k].blankLeftUnits + m.metrics[k].blankRightUnits > 0)) {
        stretchPt = after(k) - caret(k) - cell(k) - m.trackPt[k] - m.gapPt[k];
        found = true;
      }
    }
    for (let k = a; k <= e; k++) {
      const em = m.emPt[k];
      if (k < e && isHanLatinPair(cls[k], cps[k], cls[k + 1], cps[k + 1])) {
        const hanEm = IS_HAN_BOX[cls[k]] ? em : m.emPt[k + 1];
        out.hanLatinGapsEm.push((after(k) - caret(k) - cell(k) - m.trackPt[k]) / hanEm);
      }
      // Every full-width mark, those the punctuation style fixes (开明式) included.
      if (!(m.metrics[k].blankLeftUnits + m.metrics[k].blankRightUnits > 0)) continue;
      let widthPt = after(k) - caret(k);
      if (k < e) widthPt -= m.trackPt[k] + m.gapPt[k] + (m.gapFlex[k] ? stretchPt : 0);
      out.marks.push({
        cp: cps[k], cls: cls[k], widthEm: widthPt / em, naturalEm: cell(k) / em,
        place: k === e ? 'end' : k === a ? 'start' : 'mid',
      });
    }
  }
  return out;
}

/** Spacing over many paragraphs (a page, a text). */
export interface SpacingSummary {
  /** Narrowest and widest Han–Latin gap, em (NaN when there is none). */
  hanLatinGapMinEm: number;
  hanLatinGapMaxEm: number;
  hanLatinGaps: number;
  /** Mid-line 。？！ set narrower than their natural width (a warning when it happens). */
  midlineStopsSqueezed: number;
  /** Marks whose squeeze is not a whole number of half ems. */
  fractionalSqueezes: number;
  /** Marks by set width, em rounded to 1/100 (key) → count. */
  markWidthsEm: Record<string, number>;
  marks: number;
}

/** An empty summary, to fold paragraphs into with `addSpacing`. */
export function emptySpacing(): SpacingSummary {
  return {
    hanLatinGapMinEm: Number.NaN, hanLatinGapMaxEm: Number.NaN, hanLatinGaps: 0,
    midlineStopsSqueezed: 0, fractionalSqueezes: 0, markWidthsEm: {}, marks: 0,
  };
}

/** Folds one paragraph's spacing into `s`; returns `s`. */
export function addSpacing(s: SpacingSummary, p: ParagraphSpacing): SpacingSummary {
  for (const g of p.hanLatinGapsEm) {
    if (!(g >= s.hanLatinGapMinEm)) s.hanLatinGapMinEm = g;
    if (!(g <= s.hanLatinGapMaxEm)) s.hanLatinGapMaxEm = g;
    s.hanLatinGaps++;
  }
  for (const mark of p.marks) {
    s.marks++;
    const key = (Math.round(mark.widthEm * 100) / 100).toString();
    s.markWidthsEm[key] = (s.markWidthsEm[key] ?? 0) + 1;
    const squeezeEm = mark.naturalEm - mark.widthEm;
    if (squeezeEm > TOLERANCE_EM) {
      const steps = squeezeEm / SQUEEZE_STEP_EM;
      if (Math.abs(steps - Math.round(steps)) * SQUEEZE_STEP_EM > TOLERANCE_EM) s.fractionalSqueezes++;
      if (mark.place === 'mid' && (mark.cls === CharClass.Stop || mark.cls === CharClass.QuestionExclamation)) s.midlineStopsSqueezed++;
    }
  }
  return s;
}
