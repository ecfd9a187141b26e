import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readCmap } from '../../../src-core/text/cmap.js';
import { DEFAULT_FONTS, loadFont, tableLocation } from '../../../src-core/text/font.js';

const require = createRequire(import.meta.url);
const seed = readFileSync('tests/fixtures/seed/deqing-front-page-2023-07.txt', 'utf8');
/** The seed, marks, Latin, and code points fonts lack (Extension B, private use, unassigned, astral). */
const codePoints = [...new Set([...seed, ...'ABCxyz0123456789（）——……·“”《》〈〉「」　\u00a0\u200b𠮷\ue000\uffff😀'].map((c) => c.codePointAt(0)!))];

describe('cmap read from the bytes (fast path) equals fontkit’s lookup', () => {
  for (const id of ['noto-serif-sc-400', 'noto-sans-sc-900']) {
    it(`${id}: every character of the seed, marks, and characters the font lacks`, () => {
      const descriptor = DEFAULT_FONTS.find((f) => f.id === id)!;
      const font = loadFont(descriptor, new Uint8Array(readFileSync(require.resolve(descriptor.file))));
      const lookup = readCmap(font.bytes, tableLocation(font, 'cmap'));
      expect(lookup).toBeDefined();
      let found = 0;
      let missing = 0;
      for (const cp of codePoints) {
        const expected = font.fontkit.hasGlyphForCodePoint(cp) ? font.fontkit.glyphForCodePoint(cp).id : 0;
        expect(lookup!(cp), `U+${cp.toString(16)}`).toBe(expected);
        expect(font.glyphFor(cp)?.glyphId ?? 0).toBe(expected);
        if (expected === 0) missing++;
        else found++;
      }
      expect(found).toBeGreaterThan(900);
      expect(missing).toBeGreaterThan(0);
      // Whole blocks too: CJK Unified Ideographs and the CJK punctuation block.
      for (let cp = 0x3000; cp < 0xa000; cp += 7) {
        expect(lookup!(cp), `U+${cp.toString(16)}`).toBe(font.fontkit.hasGlyphForCodePoint(cp) ? font.fontkit.glyphForCodePoint(cp).id : 0);
      }
    });
  }

  it('a font without a cmap gives no reader; a damaged one is a RangeError', () => {
    expect(readCmap(new Uint8Array(4), undefined)).toBeUndefined();
    // Version 0, one subtable (3,10) at offset 12: format 12 claiming 1,000 groups in a 28-byte table.
    const damaged = new Uint8Array(28);
    damaged.set([0, 0, 0, 1, 0, 3, 0, 10, 0, 0, 0, 12, 0, 12]);
    new DataView(damaged.buffer).setUint32(24, 1000);
    expect(() => readCmap(damaged, { offset: 0, length: 28 })).toThrow(/groups run past the table/);
  });
});
