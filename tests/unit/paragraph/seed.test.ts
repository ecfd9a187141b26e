/**
 * Real text: every block of the seed front page (/work/shared/seed/deqing-front-page-2023-07.txt,
 * split on blank lines) set at 13 characters × 9 pt (117 pt), Noto Serif SC 400, 2-em indent — the
 * body setting of TYPOGRAPHY.md §5–§6 — must meet every quality counter.
 */
import { describe, expect, it } from 'vitest';
import { composeParagraph } from '../../../src-core/layout/paragraph.js';
import { addQuality, emptyQuality, lineTexts, measureQuality } from '../../../src-core/layout/para-quality.js';
import { para, seedParagraphs } from './helpers.js';

describe('seed front page at 13 × 9 pt', () => {
  const blocks = seedParagraphs();

  it('has the blocks we expect', () => {
    expect(blocks.length).toBeGreaterThan(50);
    expect(blocks.join('').length).toBeGreaterThan(5000);
  });

  it('all quality counters are 0 (no loose lines either)', () => {
    const total = emptyQuality();
    let lineCount = 0;
    for (const text of blocks) {
      const input = para(text, { chars: 13, sizePt: 9, indentEm: 2 });
      const out = composeParagraph(input);
      const q = measureQuality(out.lines, input);
      expect(q, JSON.stringify(lineTexts(out.lines, input))).toEqual(emptyQuality());
      expect(lineTexts(out.lines, input).join('')).toBe(text);
      expect(out.warnings, text).toEqual([]);
      addQuality(total, q);
      lineCount += out.lines.length;
    }
    expect(total).toEqual(emptyQuality());
    expect(lineCount).toBeGreaterThan(400);
  });

  it('the same holds in other column widths and in the sans face', () => {
    for (const chars of [11, 12, 14, 27]) {
      for (const fontId of ['noto-serif-sc-400', 'noto-sans-sc-400']) {
        const total = emptyQuality();
        for (const text of blocks) {
          const input = para(text, { chars, sizePt: 9, indentEm: 2, fontId });
          addQuality(total, measureQuality(composeParagraph(input).lines, input));
        }
        expect(total, `${chars} chars, ${fontId}`).toEqual(emptyQuality());
      }
    }
  });

  it('a known paragraph sets as expected (regression case)', () => {
    const text = blocks.find((b) => b.startsWith('改革,一直以来'))!;
    const input = para(text, { chars: 13, sizePt: 9, indentEm: 2 });
    const texts = lineTexts(composeParagraph(input).lines, input);
    expect(texts.slice(0, 3)).toEqual(['改革,一直以来都是德清', '的一张“金名片”。在“八八战', '略”指引下,德清坚定不移用改']);
  });
});
