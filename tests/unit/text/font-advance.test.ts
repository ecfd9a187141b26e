import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FONTS, loadFont } from '../../../src-core/text/font.js';

const require = createRequire(import.meta.url);
const seed = readFileSync('tests/fixtures/seed/deqing-front-page-2023-07.txt', 'utf8');
const codePoints = [...new Set([...seed, ...'ABCxyz0123456789（）——……·“”《》'].map((c) => c.codePointAt(0)!))];

describe('glyph advances read from hmtx (fast path) equal fontkit’s advanceWidth', () => {
  for (const id of ['noto-serif-sc-400', 'noto-sans-sc-900']) {
    it(`${id}: every character of the seed and the marks`, () => {
      const descriptor = DEFAULT_FONTS.find((f) => f.id === id)!;
      const bytes = new Uint8Array(readFileSync(require.resolve(descriptor.file)));
      const font = loadFont(descriptor, bytes);
      let checked = 0;
      for (const cp of codePoints) {
        const hit = font.glyphFor(cp);
        if (!hit) continue;
        const expected = font.fontkit.getGlyph(hit.glyphId).advanceWidth;
        expect(hit.advanceUnits, String.fromCodePoint(cp)).toBe(expected);
        expect(font.advanceUnits(hit.glyphId)).toBe(expected);
        checked++;
      }
      expect(checked).toBeGreaterThan(900);
    });
  }
});

describe('loca read from the bytes (fast path) equals fontkit’s own decode', () => {
  it('noto-serif-sc-700: every offset, and the outlines it leads to', async () => {
    const descriptor = DEFAULT_FONTS.find((f) => f.id === 'noto-serif-sc-700')!;
    const bytes = new Uint8Array(readFileSync(require.resolve(descriptor.file)));
    const primed = loadFont(descriptor, bytes);
    const { create } = await import('fontkit');
    const plain = create(Buffer.from(bytes)) as unknown as { loca: { offsets: ArrayLike<number> }; getGlyph(id: number): { bbox: object } };
    const fast = (primed.fontkit as unknown as { loca: { offsets: ArrayLike<number> } }).loca.offsets;
    expect(fast).toBeInstanceOf(Uint32Array);
    expect(Array.from(fast)).toEqual(Array.from(plain.loca.offsets));
    for (const ch of '国，A—') {
      const id = primed.glyphFor(ch.codePointAt(0)!)!.glyphId;
      expect(primed.glyph(id).bbox, ch).toEqual(plain.getGlyph(id).bbox);
    }
  });
});
