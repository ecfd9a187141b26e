/**
 * TEMPORARY test-only stand-in for src-core/layout/paragraph.ts while that file is being written by its owner:
 * a greedy first-fit breaker (no punctuation compression) with the same `composeParagraph` contract. It is
 * wired in only by tests/unit/layout/vitest.config.ts when paragraph.ts does not exist yet.
 */
import type { ComposedLine, ComposedParagraph, LineRun, ParagraphInput } from '../../../src-core/layout/line.js';
import type { PositionedGlyph } from '../../../src-core/layout/page-layout.js';

const NO_LINE_START = new Set([...'、，。；：？！”’）》〉】」』,.;:?!)']);

interface Cell { run: number; v: number; text: string; glyphId: number; advPt: number }

export function composeParagraph(input: ParagraphInput): ComposedParagraph {
  const cells: Cell[] = [];
  input.runs.forEach((run, ri) => {
    let v = run.fromPos;
    for (const ch of run.text) {
      const m = run.font.glyphFor(ch.codePointAt(0)!);
      const adv = m ? (m.advanceUnits / run.font.unitsPerEm) * run.sizePt : 0;
      cells.push({ run: ri, v, text: ch, glyphId: m?.glyphId ?? 0, advPt: adv + run.trackingEm * run.sizePt });
      v += ch.length;
    }
  });
  const end = input.runs.length ? input.runs[input.runs.length - 1]!.fromPos + input.runs[input.runs.length - 1]!.text.length : 0;
  const lines: ComposedLine[] = [];
  let i = 0;
  while (i < cells.length) {
    const li = lines.length;
    const widthPt = input.lineWidthPt(li);
    const indent = li === 0 ? input.firstLineIndentPt : 0;
    let w = indent;
    let j = i;
    while (j < cells.length && (w + cells[j]!.advPt <= widthPt + 0.001 || j === i)) { w += cells[j]!.advPt; j++; }
    while (j < cells.length && j > i + 1 && NO_LINE_START.has(cells[j]!.text)) { j--; w -= cells[j]!.advPt; }
    const isLast = j >= cells.length;
    const n = j - i;
    const extra = !isLast && input.align === 'justify' && n > 1 ? (widthPt - w) / (n - 1) : 0;
    const shift = input.align === 'center' ? (widthPt - w) / 2 : input.align === 'right' ? widthPt - w : 0;
    let x = indent + shift;
    const runs: LineRun[] = [];
    const caret: number[] = [];
    let maxSize = 0;
    for (let k = i; k < j; k++) {
      const c = cells[k]!;
      const run = input.runs[c.run]!;
      maxSize = Math.max(maxSize, run.sizePt);
      for (let u = 0; u < c.text.length; u++) caret.push(x);
      const g: PositionedGlyph = { glyphId: c.glyphId, xPt: x, text: c.text };
      const last = runs[runs.length - 1];
      if (last && last.fontId === run.font.id && last.sizePt === run.sizePt) (last.glyphs as PositionedGlyph[]).push(g);
      else runs.push({ fontId: run.font.id, sizePt: run.sizePt, colour: run.colour, glyphs: [g] });
      x += c.advPt + (k < j - 1 ? extra : 0);
    }
    caret.push(x);
    const fromPos = cells[i]!.v;
    const toPos = j < cells.length ? cells[j]!.v : end;
    lines.push({ runs, widthPt, maxSizePt: maxSize, fromPos, toPos, caretXPt: caret, isLast, loose: false });
    i = j;
  }
  return { lines, warnings: [] };
}
