/** Which breaking strategy a paragraph needs: total fit normally, loose total fit, first fit as the fallback. */
import { describe, expect, it } from 'vitest';
import { measureParagraph } from '../../../src-core/layout/para-measure.js';
import { breakLines, isSingleCharacterLine } from '../../../src-core/layout/break-lines.js';
import { para, seedParagraphs } from './helpers.js';

function method(text: string, chars: number) {
  const input = para(text, { chars, sizePt: 10 });
  const m = measureParagraph(input, []);
  const widthPt = chars * 10;
  return breakLines(m, { widthPt: () => widthPt, stableFrom: 0 }, { trimLineStartBracket: true, hangingPunctuation: false });
}

describe('breakLines', () => {
  it('total fit without loose lines for ordinary text (every seed block at 13 characters)', () => {
    for (const text of seedParagraphs()) expect(method(text, 13).method, text).toBe('total-fit');
  });
  it('loose total fit when the only alternative would break kinsoku', () => {
    expect(method('文文文？文文文', 3)).toMatchObject({ method: 'total-fit-loose', breaks: [0, 2, 5, 7] });
  });
  it('emergency total fit when a word is wider than the line: split and flagged, the rest still total fit', () => {
    const r = method('访问https://www.example.com/averyveryverylongpathname了解', 6);
    expect(r.method).toBe('total-fit-emergency');
    expect(r.forcedSplit.some(Boolean)).toBe(true);
    expect(r.breaks.at(-1)).toBe(Array.from('访问https://www.example.com/averyveryverylongpathname了解').length);
  });
  it('emergency total fit splits a run of dashes wider than the line between its pairs', () => {
    const text = '一二' + '—'.repeat(10) + '三四';
    const r = method(text, 6);
    expect(r.method).toBe('total-fit-emergency');
    const inside = r.breaks.filter((k) => k > 2 && k < 12);
    expect(inside.length).toBeGreaterThan(0);
    for (const k of inside) expect((k - 2) % 2, `break after ${k - 2} dashes`).toBe(0);
  });
  it('first fit when an unbreakable run of opening brackets is wider than the line', () => {
    const text = '一二' + '（'.repeat(30) + '三四';
    const r = method(text, 6);
    expect(r.method).toBe('first-fit');
    expect(r.forcedSplit.some(Boolean)).toBe(true);
    expect(r.breaks.at(-1)).toBe(text.length);
  });
  it('total fit beats first fit: no single-character last line', () => {
    expect(method('一二三四五六七八九十甲', 10).breaks).toEqual([0, 9, 11]);
  });
  it('isSingleCharacterLine counts content, not punctuation', () => {
    const m = measureParagraph(para('甲。”乙丙', { chars: 10 }), []);
    expect(isSingleCharacterLine(m, 0, 3)).toBe(true);
    expect(isSingleCharacterLine(m, 0, 4)).toBe(false);
  });
});
