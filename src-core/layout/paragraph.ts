/**
 * The paragraph composer: Chinese newspaper line breaking, punctuation compression and
 * justification (TYPOGRAPHY.md §1–§5). The page composer calls `composeParagraph` once per
 * paragraph and stacks the lines it returns.
 *
 * 1. measure   (`para-measure.ts`): runs → per-character widths, blanks, gaps, break opportunities,
 *              prefix sums; adjacent marks compressed; missing glyphs reported.
 * 2. break     (`break-lines.ts`): total-fit over the paragraph (first-fit fallback for
 *              pathological input), kinsoku as forbidden breaks, no single-character last line.
 * 3. justify   (`justify-line.ts`): each line shrunk or stretched by the §3 orders and its glyphs
 *              placed; carets for every ProseMirror position.
 * 4. finalize  (here): warnings for loose lines, relaxed ？！ line starts, mid-line 。？！ squeezed to
 *              half width (the last resort of §3) and overfull lines.
 * A paragraph longer than MAX_PIECE_UNITS (pasted garbage: a word of two million letters) is set piece by piece
 * (`composeInPieces`), so the measuring workspace stays small whatever the paste.
 * Deterministic: the same input always gives the same lines.
 */
import type { LayoutWarning } from './page-layout.js';
import type { ComposedLine, ComposedParagraph, InlineRun, ParagraphInput } from './line.js';
import type { LineWidths } from './break-lines.js';
import { measureParagraph, type MeasuredParagraph } from './para-measure.js';
import { breakLines } from './break-lines.js';
import { justifyLine } from './justify-line.js';
import { createLineMeasure } from './para-fit.js';
import { BREAK_MANDATORY, BREAK_RELAXED } from '../text/break-opportunities.js';

/**
 * Longest piece of a paragraph measured and broken at once, UTF-16 code units. The measuring workspace takes
 * about 270 bytes per character (a 2-million-character paste took 540 MB, kept for the composer's life) and
 * splitting words wider than the line costs more than linear time; a long newspaper paragraph is 300–500
 * characters, so only pastes reach this. Longer paragraphs are set piece by piece: each piece's last line is
 * set again at the start of the next piece, so the cut never forces a break (`composeInPieces`).
 */
export const MAX_PIECE_UNITS = 16_384;

/** Lines probed up front to find where line widths stop changing (beyond it nodes still work, unmerged). */
const MAX_PROBED_LINES = 4096;
/** Room left on a line whose indent eats all of it, points (forces an overfull, reported line). */
const MIN_LINE_WIDTH_PT = 1e-3;
/** Line widths are probed for this many times the lines the natural width would need. */
const PROBE_LINE_FACTOR = 3;

/**
 * Composes one paragraph into lines.
 * Lengths in points; glyph and caret x are relative to the line's left edge (the first line's
 * text starts at `firstLineIndentPt`). Justified lines (all but the last, unless a hard break
 * ends them) are flush with `lineWidthPt(i)` within 0.01 pt.
 * @throws RangeError when a line width is not a positive finite number or a run's size is not positive
 *   (an indent wider than the line is not an error: that line is set overfull and reported)
 */
export function composeParagraph(input: ParagraphInput): ComposedParagraph {
  // `lineWidthPt` is caller code: should it compose another paragraph, that one must not reuse the
  // scratch arrays this one is still reading.
  const nested = depth > 0;
  depth++;
  try {
    return unitsOf(input.runs) > MAX_PIECE_UNITS ? composeInPieces(input, nested) : composeMeasured(input, nested);
  } finally {
    depth--;
  }
}

/** Nesting depth of `composeParagraph` calls (through `lineWidthPt` callbacks). */
let depth = 0;

function unitsOf(runs: readonly InlineRun[]): number {
  let units = 0;
  for (const r of runs) units += r.text.length;
  return units;
}

/**
 * Sets a very long paragraph piece by piece (at most MAX_PIECE_UNITS each): each piece's lines are kept but its
 * last, which ends where the piece was cut rather than at a break the text chose, and the next piece starts with
 * that line's text, at the next line index. Memory stays bounded by the piece; the lines are those of a paragraph
 * broken a piece at a time (ideal breaks within each piece).
 */
function composeInPieces(input: ParagraphInput, nested: boolean): ComposedParagraph {
  const lines: ComposedLine[] = [];
  const warnings: LayoutWarning[] = [];
  let rest: readonly InlineRun[] = input.runs;
  while (rest.length > 0) {
    const [piece, after] = splitRunsAtUnits(rest, MAX_PIECE_UNITS);
    const firstLine = lines.length;
    const set = composeMeasured({
      ...input,
      runs: piece,
      lineWidthPt: (li) => input.lineWidthPt(li + firstLine),
      firstLineIndentPt: firstLine === 0 ? input.firstLineIndentPt : 0,
    }, nested);
    warnings.push(...set.warnings);
    const last = set.lines[set.lines.length - 1];
    if (after.length === 0 || set.lines.length < 2 || !last) {
      // The end of the text, or a piece that is one line (wider than any column): kept whole.
      lines.push(...set.lines.map((l) => (after.length === 0 ? l : { ...l, isLast: false })));
      rest = after;
      continue;
    }
    lines.push(...set.lines.slice(0, -1));
    rest = [...runsFrom(piece, last.fromPos), ...after];
  }
  return { lines, warnings };
}

/** Runs split after `units` UTF-16 code units (never inside a surrogate pair): [the first part, the rest]. */
function splitRunsAtUnits(runs: readonly InlineRun[], units: number): [InlineRun[], InlineRun[]] {
  const head: InlineRun[] = [];
  let left = units;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r];
    if (run.text.length <= left) {
      head.push(run);
      left -= run.text.length;
      continue;
    }
    let cut = left;
    if (cut > 0 && cut < run.text.length && isLowSurrogate(run.text.charCodeAt(cut))) cut--;
    if (cut > 0) head.push({ ...run, text: run.text.slice(0, cut) });
    return [head, [{ ...run, text: run.text.slice(cut), fromPos: run.fromPos + cut }, ...runs.slice(r + 1)]];
  }
  return [head, []];
}

/** The part of `runs` from ProseMirror position `pos` on. */
function runsFrom(runs: readonly InlineRun[], pos: number): InlineRun[] {
  const out: InlineRun[] = [];
  for (const run of runs) {
    if (run.fromPos + run.text.length <= pos) continue;
    const skip = Math.max(0, pos - run.fromPos);
    out.push(skip === 0 ? run : { ...run, text: run.text.slice(skip), fromPos: run.fromPos + skip });
  }
  return out;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function composeMeasured(input: ParagraphInput, nested: boolean): ComposedParagraph {
  const warnings: LayoutWarning[] = [];
  const m = measureParagraph(input, warnings, !nested);
  if (m.n === 0) return { lines: [emptyLine(input)], warnings };

  const widths = probeLineWidths(input, m);
  const edges = { trimLineStartBracket: input.options.trimLineStartBracket, hangingPunctuation: input.options.hangingPunctuation };
  const result = breakLines(m, widths, {
    ...edges,
    ragged: input.align !== 'justify',
    balanceLastLine: input.align === 'center' || input.align === 'right',
  });
  const breaks = result.breaks;
  const lines: ComposedLine[] = [];
  const lm = createLineMeasure();
  for (let li = 0; li + 1 < breaks.length; li++) {
    const a = breaks[li];
    const b = breaks[li + 1];
    const isLast = b === m.n;
    const hardBreak = m.brk[b] === BREAK_MANDATORY;
    const { line, overfull, unjustifiable, stopsSqueezed } = justifyLine(m, input.runs, {
      a, b,
      widthPt: widths.widthPt(li),
      startXPt: li === 0 ? input.firstLineIndentPt : 0,
      justify: input.align === 'justify' && !isLast && !hardBreak,
      align: input.align,
      isLast,
      edges,
    }, lm);
    lines.push(line);
    const where = { storyId: input.storyId, pos: line.fromPos };
    if (line.loose) {
      warnings.push({ code: 'loose-line', message: `Line ${li + 1} is loose: a gap had to stretch beyond half an em`, key: 'composer.looseLine', values: { line: li + 1 }, ...where });
    }
    if (li > 0 && m.brk[a] === BREAK_RELAXED) {
      warnings.push({ code: 'kinsoku-relaxed', message: `Line ${li + 1} starts with "${String.fromCodePoint(m.cps[a])}": no other break fitted`, key: 'composer.kinsokuRelaxed', values: { line: li + 1, char: String.fromCodePoint(m.cps[a]) }, ...where });
    }
    if (stopsSqueezed > 0) {
      warnings.push({ code: 'punctuation-squeezed', message: `Line ${li + 1}: a mid-line 。？！ had to be set at half width`, key: 'composer.stopSqueezed', values: { line: li + 1 }, ...where });
    }
    if (overfull) {
      warnings.push({ code: 'overfull-line', message: `Line ${li + 1} is wider than the measure even with all punctuation compressed`, key: 'composer.overfullLine', values: { line: li + 1 }, ...where });
    } else if (result.forcedSplit[li]) {
      warnings.push({ code: 'overfull-line', message: `Line ${li + 1}: an unbreakable run is wider than the measure and was split`, key: 'composer.forcedSplit', values: { line: li + 1 }, ...where });
    } else if (unjustifiable) {
      warnings.push({ code: 'loose-line', message: `Line ${li + 1} could not be justified: nothing on it can stretch`, key: 'composer.unjustifiable', values: { line: li + 1 }, ...where });
    }
  }
  return { lines, warnings };
}

/**
 * Probes `lineWidthPt` once per line index (the indent subtracted from line 0) and finds the
 * index from which widths stop changing.
 */
function probeLineWidths(input: ParagraphInput, m: MeasuredParagraph): LineWidths {
  const cache: number[] = [];
  const widthPt = (li: number): number => {
    let w = cache[li];
    if (w === undefined) {
      const full = input.lineWidthPt(li);
      if (!Number.isFinite(full) || full <= 0) throw new RangeError(`Line ${li} has width ${full} pt: line widths must be positive`);
      // An indent as wide as the line leaves no room: the line is then set overfull and reported,
      // rather than failing the whole page.
      w = Math.max(full - (li === 0 ? input.firstLineIndentPt : 0), MIN_LINE_WIDTH_PT);
      cache[li] = w;
    }
    return w;
  };
  // Enough lines for the text even if every line came out at a third of the width of line 1.
  const estimate = Math.ceil((PROBE_LINE_FACTOR * m.sumWidth[m.n]) / widthPt(Math.min(1, m.n - 1))) + 2;
  const probed = Math.min(m.n, estimate, MAX_PROBED_LINES);
  let stableFrom = 0;
  for (let li = 1; li < probed; li++) {
    if (Math.abs(widthPt(li) - widthPt(li - 1)) > 1e-9) stableFrom = li;
  }
  return { widthPt, stableFrom };
}

function emptyLine(input: ParagraphInput): ComposedLine {
  const pos = input.runs.length ? input.runs[0].fromPos : 0;
  const x = input.align === 'justify' || input.align === 'left' ? input.firstLineIndentPt : 0;
  return { runs: [], widthPt: x, maxSizePt: input.runs.length ? input.runs[0].sizePt * (input.runs[0].scaleY ?? 1) : 0, fromPos: pos, toPos: pos, caretXPt: [x], isLast: true, loose: false };
}
