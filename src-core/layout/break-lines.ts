/**
 * Line breaking: total-fit (Knuth–Plass style) over the whole paragraph, with a first-fit fallback.
 *
 * 1. Every character is a box; every allowed break opportunity (`collectBreakOpportunities`) is a
 *    feasible breakpoint. Kinsoku-forbidden gaps are simply not breakpoints (infinite penalty);
 *    a break that would start a line with ？！ is only considered in the last pass, with a huge
 *    penalty (last resort, warned).
 * 2. For each breakpoint k, every active node a (an earlier breakpoint) proposes the line [a, k):
 *    prefix-sum bounds first discard lines that are hopelessly long (the node is dropped) or short
 *    (and, with equal widths, every later node too); the rest are sized in O(1) by `measureLine` and
 *    costed by `lineCost` (push-in is cheap, push-out dear).
 *    Demerits per line are (1 + cost)²; a last line holding a single character (孤字) is penalised
 *    so heavily that it is only kept when nothing else is possible.
 * 3. Nodes are keyed by position and, where line widths differ, by line number; from the line index
 *    where widths stop changing on, nodes are merged (the usual Knuth–Plass shortcut), so a column
 *    of equal lines keeps one node per position. A node is deactivated once even fully shrunk text
 *    from it overflows the line.
 * 4. Pass 1 forbids loose lines, relaxed breaks and mid-line 。？！ squeezes; pass 2 allows those
 *    squeezes (dear, and warned about: "only when nothing else saves the paragraph"); pass 3 accepts
 *    loose lines (and lines that cannot be justified); pass 4 also the relaxed ？！ line starts; pass 5 also emergency breaks
 *    inside a word or number wider than the line (dearer after its punctuation than between letters
 *    or digits; each such line is reported). URL breaks are ordinary breaks with a cost in every pass.
 * 5. If pass 5 still finds no way through (an unbreakable run of marks wider than the line, the
 *    pathological case), fall back to first fit, which always terminates: it takes the longest line
 *    that fits and, when no permitted break fits, splits the run at the last character that fits
 *    (reported as an overfull line).
 * Everything is deterministic: ties keep the earlier node.
 */
import type { MeasuredParagraph } from './para-measure.js';
import type { LineEdgeRules, LineMeasure } from './para-fit.js';
import { createLineMeasure, EPSILON_PT, lineCost, LOOSE_GAP_EM, measureLine } from './para-fit.js';
import { BREAK_ALLOWED, BREAK_EMERGENCY, BREAK_FORBIDDEN, BREAK_MANDATORY, BREAK_RELAXED, BREAK_URL } from '../text/break-opportunities.js';
import { CharClass, IS_CONTENT } from '../text/char-class.js';

/** Penalty for a break that starts the next line with ？！ (TYPOGRAPHY.md §1: last resort only). */
const RELAXED_BREAK_DEMERITS = 1e8;
/** Penalty for a single-character last line (孤字), below a relaxed kinsoku break. */
const ORPHAN_DEMERITS = 1e6;
/**
 * Penalty for a break after punctuation inside a URL or e-mail address: about a line stretched to
 * the loose limit, so an address stays whole when the text around it can be spaced, and breaks
 * cleanly rather than leaving a loose line.
 */
const URL_BREAK_DEMERITS = 2e4;
/** Penalty for splitting a word or number wider than the line after a mark inside it (- . / …). */
const EMERGENCY_AFTER_MARK_DEMERITS = 1e10;
/** Penalty for splitting a word or number between two letters or digits: the last resort of all. */
const EMERGENCY_DEMERITS = 3e10;

/**
 * Longest paragraph, characters, for which words wider than the line are split by total fit (pass 5). Split
 * points inside a word are breakpoints at every character, and each is weighed against every line start within
 * reach, measuring the line letter by letter: work grows with the paragraph times the square of a line's length
 * (a 5,000-letter word took 3.7 s, a 2-million-letter one would take many minutes). Beyond this, first fit splits
 * the words (time linear in the text); a real paragraph is far shorter (a long newspaper paragraph is 300–500
 * characters), so only pasted garbage takes that path.
 */
export const EMERGENCY_TOTAL_FIT_MAX_CHARS = 4000;

/** How each line of the paragraph ends, as chosen by the breaker. */
export interface BreakResult {
  /** Break positions: line i is characters [breaks[i], breaks[i + 1]). First entry 0, last n. */
  breaks: number[];
  /** Which algorithm produced them. */
  method: 'total-fit' | 'total-fit-loose' | 'total-fit-emergency' | 'first-fit';
  /** Per line: it ends at a forced split inside an unbreakable run (emergency break or first-fit split). */
  forcedSplit: boolean[];
}

/** Line widths by line index (indent already subtracted), probed once per paragraph. */
export interface LineWidths {
  /** Available width of line `lineIndex` (0 = first line, indent subtracted), points. */
  widthPt(lineIndex: number): number;
  /** From this line index on every line has the same width. */
  stableFrom: number;
}

/**
 * Options the breaker needs. Lines are costed as if justified whatever the alignment, so ragged
 * (display) settings get even lines too; only the last line and lines before a hard break are solid.
 */
export interface BreakOptions extends LineEdgeRules {
  /**
   * Cost the last line like the others (centred and right-aligned display type): a headline of two
   * lines then breaks into two balanced lines instead of a full line and a stub.
   */
  balanceLastLine?: boolean;
  /**
   * Lines are set solid, never stretched (left, centre, right alignment): a line that would be loose
   * if justified is merely short, so looseness is no constraint, only a cost.
   */
  ragged?: boolean;
}

/**
 * Chooses line breaks for a measured paragraph (phase 2 of `composeParagraph`).
 * Invariant: `m.n > 0`.
 */
export function breakLines(m: MeasuredParagraph, widths: LineWidths, opts: BreakOptions): BreakResult {
  const lm = createLineMeasure();
  const strict = totalFit(m, widths, opts, PASS_STRICT, lm) ?? totalFit(m, widths, opts, PASS_STOPS, lm);
  if (strict) return { breaks: strict, method: 'total-fit', forcedSplit: strict.slice(1).map(() => false) };
  // A loose line is the lesser evil: ？！ may start a line only when even loose lines do not help.
  const loose = totalFit(m, widths, opts, PASS_LOOSE, lm) ?? totalFit(m, widths, opts, PASS_RELAXED, lm);
  if (loose) return { breaks: loose, method: 'total-fit-loose', forcedSplit: loose.slice(1).map(() => false) };
  const split = m.n > EMERGENCY_TOTAL_FIT_MAX_CHARS ? null : totalFit(m, widths, opts, PASS_EMERGENCY, lm);
  if (split) return { breaks: split, method: 'total-fit-emergency', forcedSplit: split.slice(1).map((k) => m.brk[k] === BREAK_EMERGENCY) };
  return firstFit(m, widths, opts, lm);
}

/** True when line [a, b) holds exactly one character a reader counts (孤字), e.g. "字" or "字。". */
export function isSingleCharacterLine(m: MeasuredParagraph, a: number, b: number): boolean {
  let count = 0;
  for (let i = a; i < b; i++) {
    if (IS_CONTENT[m.cls[i]] && ++count > 1) return false;
  }
  return count === 1;
}

/** What a total-fit pass accepts, from the strictest to the last resort. */
interface Pass {
  /** Mid-line 。？！ may be squeezed. */
  stops: boolean;
  looseLines: boolean;
  relaxed: boolean;
  emergency: boolean;
}
const PASS_STRICT: Pass = { stops: false, looseLines: false, relaxed: false, emergency: false };
const PASS_STOPS: Pass = { stops: true, looseLines: false, relaxed: false, emergency: false };
const PASS_LOOSE: Pass = { stops: true, looseLines: true, relaxed: false, emergency: false };
const PASS_RELAXED: Pass = { stops: true, looseLines: true, relaxed: true, emergency: false };
const PASS_EMERGENCY: Pass = { stops: true, looseLines: true, relaxed: true, emergency: true };

/** Extra demerits of ending a line at break k (0 for an ordinary break). */
function breakDemerits(m: MeasuredParagraph, k: number, kind: number): number {
  if (kind === BREAK_RELAXED) return RELAXED_BREAK_DEMERITS;
  if (kind === BREAK_URL) return URL_BREAK_DEMERITS;
  if (kind === BREAK_EMERGENCY) {
    const before = m.cls[k - 1];
    const afterMark = (before === CharClass.Latin && !isLetterOrDigit(m.cps[k - 1])) || before === CharClass.LatinClose || before === CharClass.Slash;
    return afterMark ? EMERGENCY_AFTER_MARK_DEMERITS : EMERGENCY_DEMERITS;
  }
  return 0;
}

function isLetterOrDigit(cp: number): boolean {
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function totalFit(m: MeasuredParagraph, widths: LineWidths, opts: BreakOptions, pass: Pass, lm: LineMeasure): number[] | null {
  const allowLoose = pass.looseLines || !!opts.ragged;
  const n = m.n;
  const brk = m.brk;
  const stable = widths.stableFrom;
  // Node pool (parallel arrays).
  const nodePos: number[] = [0];
  const nodeLine: number[] = [0];
  const nodeTotal: number[] = [0];
  const nodePrev: number[] = [-1];
  const nodeWidth: number[] = [widths.widthPt(0)];
  const active: number[] = [0];
  const slack = m.maxEmPt + m.maxTrackPt;
  // Best candidate per line class (key 0 … stable) at the current breakpoint.
  const bestTotal = new Float64Array(stable + 1).fill(Infinity);
  const bestPrev = new Int32Array(stable + 1);
  const bestLine = new Int32Array(stable + 1);
  for (let k = 1; k <= n; k++) {
    const kind = brk[k];
    if (kind === BREAK_FORBIDDEN || (kind === BREAK_RELAXED && !pass.relaxed) || (kind === BREAK_EMERGENCY && !pass.emergency)) continue;
    const isEnd = k === n;
    const solid = isEnd || kind === BREAK_MANDATORY;
    const penalty = kind === BREAK_ALLOWED ? 0 : breakDemerits(m, k, kind);
    let w = 0;
    for (let r = 0; r < active.length; r++) {
      const idx = active[r];
      const a = nodePos[idx];
      const line = nodeLine[idx];
      const widthPt = nodeWidth[idx];
      // Cheap bounds from prefix sums before the full measure. Lower bound with everything shrunk:
      // once it overflows, it always will, so the node is dropped.
      const rawPt = m.sumWidth[k] - m.sumWidth[a] + m.sumGap[k - 1] - m.sumGap[a];
      if (rawPt - (m.sumShrinkAll[k] - m.sumShrinkAll[a]) - slack > widthPt) continue;
      active[w++] = idx;
      if (!solid && !allowLoose) {
        // Upper bound stretched to the loose limit: still short means this line cannot be set.
        // Lines from later nodes are sub-ranges, so with equal widths they are short too: stop here.
        const flex = m.sumFlex[k - 1] - m.sumFlex[a] + m.sumSpaces[k] - m.sumSpaces[a];
        const maxPt = rawPt + m.sumSpaceStretch[k] - m.sumSpaceStretch[a] + LOOSE_GAP_EM * m.maxEmPt * flex;
        if (maxPt < widthPt - EPSILON_PT) {
          if (stable <= 1 && line >= 1) {
            for (let q = r + 1; q < active.length; q++) active[w++] = active[q];
            break;
          }
          continue;
        }
      }
      measureLine(m, a, k, opts, widthPt, lm);
      const cost = isEnd && opts.balanceLastLine && a > 0
        ? lineCost(lm, widthPt, false, true, m.emPt[a], pass.stops)
        : lineCost(lm, widthPt, solid, allowLoose, m.emPt[a], pass.stops);
      if (cost === Infinity) continue;
      const base = 1 + cost;
      let d = base * base + penalty;
      if (isEnd && a > 0 && isSingleCharacterLine(m, a, k)) d += ORPHAN_DEMERITS;
      const total = nodeTotal[idx] + d;
      const key = line + 1 < stable ? line + 1 : stable;
      if (total < bestTotal[key]) {
        bestTotal[key] = total;
        bestPrev[key] = idx;
        bestLine[key] = line + 1;
      }
    }
    active.length = w;
    if (kind === BREAK_MANDATORY) active.length = 0;
    for (let key = 0; key <= stable; key++) {
      if (bestTotal[key] === Infinity) continue;
      nodePos.push(k);
      nodeLine.push(bestLine[key]);
      nodeTotal.push(bestTotal[key]);
      nodePrev.push(bestPrev[key]);
      nodeWidth.push(widths.widthPt(bestLine[key]));
      active.push(nodePos.length - 1);
      bestTotal[key] = Infinity;
    }
    if (active.length === 0) return null;
  }
  // The cheapest node at the paragraph end.
  let best = -1;
  for (const idx of active) {
    if (nodePos[idx] === n && (best < 0 || nodeTotal[idx] < nodeTotal[best])) best = idx;
  }
  if (best < 0) return null;
  const breaks: number[] = [];
  for (let idx = best; idx >= 0; idx = nodePrev[idx]) breaks.push(nodePos[idx]);
  breaks.reverse();
  return breaks;
}

/**
 * First-fit fallback for pathological input: each line takes the longest run up to a permitted
 * break that fits (shrinking, loose allowed); if none fits, the first permitted break (overfull) —
 * or, when the unbreakable run itself is wider than the line, a forced split where it overflows.
 */
function firstFit(m: MeasuredParagraph, widths: LineWidths, opts: BreakOptions, lm: LineMeasure): BreakResult {
  const n = m.n;
  const breaks = [0];
  const forcedSplit: boolean[] = [];
  const slack = m.maxEmPt + m.maxTrackPt;
  const fitsSolid = (a: number, b: number, widthPt: number): boolean => {
    measureLine(m, a, b, opts, widthPt, lm);
    return lineCost(lm, widthPt, true, true, m.emPt[a]) !== Infinity;
  };
  let a = 0;
  while (a < n) {
    const widthPt = widths.widthPt(breaks.length - 1);
    let lastFit = -1;
    for (let k = a + 1; k <= n; k++) {
      const kind = m.brk[k];
      // Emergency breaks are where this fallback splits anyway; it reports them as forced.
      if (kind === BREAK_FORBIDDEN || kind === BREAK_EMERGENCY) {
        // Stop scanning once even fully shrunk text overflows (keeps this linear in the line length).
        const minPt = m.sumWidth[k] - m.sumWidth[a] - (m.sumShrinkAll[k] - m.sumShrinkAll[a]);
        if (minPt - slack > widthPt) break;
        continue;
      }
      if (!fitsSolid(a, k, widthPt)) break;
      lastFit = k;
      if (kind === BREAK_MANDATORY) break;
    }
    let next = lastFit;
    let forced = false;
    if (next < 0) {
      // No permitted break fits: split where the run overflows (at least one character per line).
      // Each probe measures the line letter by letter, so the longest piece that fits is found by bisection
      // (fitting is monotone in the length of an unbreakable run) between one character and the first length
      // that overflows even fully shrunk or meets a hard break: probing every length would cost the square of
      // the line's length on every line of a word of a million letters.
      let hi = a + 1;
      while (hi < n && m.brk[hi] !== BREAK_MANDATORY && m.sumWidth[hi + 1] - m.sumWidth[a] - (m.sumShrinkAll[hi + 1] - m.sumShrinkAll[a]) - slack <= widthPt) hi++;
      next = a + 1;
      while (next < hi) {
        const mid = (next + hi + 1) >> 1;
        if (fitsSolid(a, mid, widthPt)) next = mid;
        else hi = mid - 1;
      }
      forced = m.brk[next] === BREAK_FORBIDDEN || m.brk[next] === BREAK_EMERGENCY;
    }
    breaks.push(next);
    forcedSplit.push(forced);
    a = next;
  }
  return { breaks, method: 'first-fit', forcedSplit };
}
