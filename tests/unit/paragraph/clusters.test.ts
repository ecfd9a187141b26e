/** Runs that must never be split: numbers with their units, Latin words (TYPOGRAPHY.md §1). */
import { describe, expect, it } from 'vitest';
import { composeParagraph } from '../../../src-core/layout/paragraph.js';
import { lineTexts, measureQuality } from '../../../src-core/layout/para-quality.js';
import { para } from './helpers.js';

const KEPT = ['50℃', '2015年', '1800辆', '114.29%', '¥5,999', '87.23%', '2.0版', '100%', 'APP,', 'typography'];

describe('numbers with units and Latin words are never split', () => {
  for (const token of KEPT) {
    it(`${token} stays on one line wherever it falls`, () => {
      // Slide the token across the line end: every offset must keep it whole.
      for (let lead = 1; lead <= 12; lead++) {
        const text = '德'.repeat(lead) + token + '的改革试点已经累计达到很多项';
        const input = para(text, { chars: 10 });
        const out = composeParagraph(input);
        const texts = lineTexts(out.lines, input);
        expect(texts.some((t) => t.includes(token)), `${lead}: ${JSON.stringify(texts)}`).toBe(true);
        expect(measureQuality(out.lines, input), JSON.stringify(texts)).toMatchObject({
          kinsoku_violations: 0, number_unit_splits: 0, unjustified_lines: 0,
        });
      }
    });
  }
  it('2023年 may break after 年 but not inside', () => {
    const input = para('从多年来的改2023年上半年德清', { chars: 10 });
    const texts = lineTexts(composeParagraph(input).lines, input);
    expect(texts).toEqual(['从多年来的改2023年', '上半年德清']);
  });
});
