import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadFont } from '../../../src-core/text/font.js';
import { createGlyphPathCache, glyphOutlineSvg } from '../../../src-renderer/page/glyph-paths.js';

const font = loadFont(
  { id: 'noto-serif-sc-400', family: 'Noto Serif SC', weight: 400 },
  new Uint8Array(readFileSync('node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf')),
);

describe('glyph outlines for the canvas', () => {
  it('gives the same font file’s outline as an SVG path in font units, and null for a space', () => {
    const han = font.glyphFor('德'.codePointAt(0)!)!;
    const svg = glyphOutlineSvg(font, han.glyphId)!;
    expect(svg).toMatch(/^M/);
    expect(svg).toContain('Z');
    const space = font.glyphFor(0x20)!;
    expect(glyphOutlineSvg(font, space.glyphId)).toBeNull();
  });

  it('builds each outline once per font and glyph', () => {
    const made: string[] = [];
    const cache = createGlyphPathCache((svg) => {
      made.push(svg);
      return { svg };
    });
    const id = font.glyphFor('清'.codePointAt(0)!)!.glyphId;
    const first = cache.get(font, id);
    expect(cache.get(font, id)).toBe(first);
    expect(made).toHaveLength(1);
    expect(cache.size).toBe(1);
  });
});
