/** measureSpacing must read widths the way a reader sees them: hand-made lines (not composer output), 10 pt. */
import { describe, expect, it } from 'vitest';
import { addSpacing, emptySpacing, measureSpacing } from '../../../src-core/layout/para-spacing.js';
import type { ComposedLine } from '../../../src-core/layout/line.js';
import { para } from './helpers.js';

/** One line from cell widths in em (carets accumulate them, 1 em = 10 pt). */
function line(cellsEm: number[]): ComposedLine[] {
  const caret = [0];
  for (const c of cellsEm) caret.push(caret[caret.length - 1] + c * 10);
  return [{ runs: [], widthPt: caret[caret.length - 1], maxSizePt: 10, fromPos: 1, toPos: 1 + cellsEm.length, caretXPt: caret, isLast: false, loose: false }];
}
const input = (text: string) => para(text, { chars: 30, sizePt: 10 });

describe('measureSpacing (read back from carets)', () => {
  it('a mid-line 。 set at half width is a squeezed stop; one at the line end is not', () => {
    const s = measureSpacing(line([1, 0.5, 1, 0.5]), input('甲。乙。'));
    expect(s.marks.map((m) => [m.widthEm, m.naturalEm, m.place])).toEqual([[0.5, 1, 'mid'], [0.5, 1, 'end']]);
    expect(addSpacing(emptySpacing(), s)).toMatchObject({ midlineStopsSqueezed: 1, fractionalSqueezes: 0, markWidthsEm: { '0.5': 2 } });
  });
  it('a squeeze that is not a whole half em is fractional; a pause squeeze is no squeezed stop', () => {
    const s = addSpacing(emptySpacing(), measureSpacing(line([1, 0.8, 1, 0.5, 1]), input('甲，乙，丙')));
    expect(s).toMatchObject({ midlineStopsSqueezed: 0, fractionalSqueezes: 1, marks: 2 });
  });
  it('stretch the line received (read between two Han boxes) is not counted as mark width', () => {
    // Every gap stretched by 0.1 em: 甲 1.1, 。 1.1 read as 1 em.
    const s = measureSpacing(line([1.1, 1.1, 1]), input('甲。乙'));
    expect(s.marks[0].widthEm).toBeCloseTo(1, 9);
  });
  it('Han–Latin gaps are read as the reader sees them, stretch included', () => {
    const text = '用A乙';
    const f = para(text, { chars: 30, sizePt: 10 }).runs[0].font;
    const aEm = f.glyphFor(0x41)!.advanceUnits / f.unitsPerEm;
    const s = addSpacing(emptySpacing(), measureSpacing(line([1.25, aEm + 0.375, 1]), input(text)));
    expect(s.hanLatinGaps).toBe(2);
    expect(s.hanLatinGapMinEm).toBeCloseTo(0.25, 9);
    expect(s.hanLatinGapMaxEm).toBeCloseTo(0.375, 9);
  });
});
