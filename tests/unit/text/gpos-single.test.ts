import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FONTS, loadFont, tableLocation } from '../../../src-core/text/font.js';
import { readSingleAdjustments } from '../../../src-core/text/gpos-single.js';

const require = createRequire(import.meta.url);
/** Full-width marks of Chinese text, the ones `halt` is for, plus characters it must leave alone. */
const MARKS = '，。、；：？！「」『』（）《》〈〉【】〔〕“”‘’·・—…～';
const UNTOUCHED = '国中AZaz09';

describe('GPOS halt read from the bytes equals fontkit’s shaping with halt', () => {
  for (const descriptor of DEFAULT_FONTS) {
    it(descriptor.id, () => {
      const font = loadFont(descriptor, new Uint8Array(readFileSync(require.resolve(descriptor.file))));
      const reader = readSingleAdjustments(font.bytes, tableLocation(font, 'GPOS'), 'halt');
      let adjusted = 0;
      for (const ch of MARKS + UNTOUCHED) {
        const glyph = font.glyphFor(ch.codePointAt(0)!);
        if (!glyph) continue;
        const shaped = font.fontkit.layout(ch, ['halt']);
        expect(shaped.glyphs.map((g) => g.id), ch).toEqual([glyph.glyphId]);
        const expected = { xPlacementUnits: shaped.positions[0].xOffset, xAdvanceUnits: shaped.positions[0].xAdvance - glyph.advanceUnits };
        const read = reader(glyph.glyphId) ?? { xPlacementUnits: 0, xAdvanceUnits: 0 };
        expect(read, ch).toEqual(expected);
        if (read.xAdvanceUnits !== 0) adjusted++;
      }
      // Noto CJK halves its full-width punctuation: the reader must have found real adjustments.
      expect(adjusted).toBeGreaterThan(20);
    });
  }

  it('a font without GPOS, or without the feature, answers null', () => {
    expect(readSingleAdjustments(new Uint8Array(8), undefined, 'halt')(5)).toBeNull();
    const descriptor = DEFAULT_FONTS[0];
    const font = loadFont(descriptor, new Uint8Array(readFileSync(require.resolve(descriptor.file))));
    const reader = readSingleAdjustments(font.bytes, tableLocation(font, 'GPOS'), 'zzzz');
    expect(reader(font.glyphFor(0xff0c)!.glyphId)).toBeNull();
  });

  it('offsets outside the table are a RangeError, not a wrong answer', () => {
    const damaged = new Uint8Array(16);
    damaged.set([0, 1, 0, 0, 0xff, 0xf0, 0xff, 0xf0, 0xff, 0xf0]);
    expect(() => readSingleAdjustments(damaged, { offset: 0, length: 16 }, 'halt')).toThrow(RangeError);
  });
});
