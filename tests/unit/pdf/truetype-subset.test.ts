/**
 * The byte-copying subset writer (truetype-subset.ts, installed by the fontkit adapter) writes exactly the file
 * fontkit's own TTFSubset.encode writes, for CJK fonts (long loca) and a Latin font with compound glyphs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createFontkitAdapter } from '../../../src-core/pdf/fontkit-adapter.js';
import { writeTrueTypeSubset } from '../../../src-core/pdf/truetype-subset.js';
import { DEFAULT_FONTS, loadFont, type LoadedFont } from '../../../src-core/text/font.js';

const require = createRequire(import.meta.url);
/** Debian fonts-liberation (installed by .ci/run): compound glyphs (é = e + ´). */
const LIBERATION_SERIF = '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf';

function subsetBytes(font: { createSubset(): { includeGlyph(g: number): number; encode(): Uint8Array } }, glyphIds: readonly number[]): Uint8Array {
  const subset = font.createSubset();
  for (const g of glyphIds) subset.includeGlyph(g);
  return subset.encode();
}

function compare(loaded: LoadedFont, text: string): void {
  const glyphIds = [...text].map((c) => loaded.glyphFor(c.codePointAt(0)!)?.glyphId ?? 0).filter((g) => g > 0);
  expect(glyphIds.length).toBeGreaterThan(5);
  const upstream = subsetBytes(loaded.fontkit as never, glyphIds);
  const fast = subsetBytes(createFontkitAdapter([loaded]).create(loaded.bytes) as never, glyphIds);
  expect(fast.length).toBe(upstream.length);
  expect(Buffer.compare(Buffer.from(fast), Buffer.from(upstream))).toBe(0);
}

describe('TrueType subsets written by copying bytes', () => {
  it('equal fontkit’s for Noto Serif SC and Noto Sans SC Black (long loca)', () => {
    const seed = readFileSync('tests/fixtures/seed/deqing-front-page-2023-07.txt', 'utf8').slice(0, 400);
    for (const id of ['noto-serif-sc-400', 'noto-sans-sc-900']) {
      const descriptor = DEFAULT_FONTS.find((f) => f.id === id)!;
      compare(loadFont(descriptor, new Uint8Array(readFileSync(require.resolve(descriptor.file)))), seed);
    }
  });

  it('equal fontkit’s for Liberation Serif, compound glyphs and their components included', () => {
    const loaded = loadFont({ id: 'liberation', family: 'Liberation Serif', weight: 400 }, new Uint8Array(readFileSync(LIBERATION_SERIF)));
    compare(loaded, 'Édition spéciale: Ångström, naïve façade, Zürich – 2023');
  });

  it('refuses a head table shorter than its structure', () => {
    const parts = { head: new Uint8Array(20), hhea: new Uint8Array(36), maxp: new Uint8Array(32), locaFormat: 1 as const, glyf: [], locaOffsets: [0], metrics: [] };
    expect(() => writeTrueTypeSubset(parts)).toThrow(/head table is 20 bytes/);
  });
});
