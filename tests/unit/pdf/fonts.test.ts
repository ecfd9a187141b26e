/** Font embedding pieces: the fontkit v2 adapter, subset tags, ToUnicode CMaps, document IDs. */
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { createFontkitAdapter } from '../../../src-core/pdf/fontkit-adapter.js';
import { subsetTag, toUnicodeCMap } from '../../../src-core/pdf/fonts.js';
import { hash128, toHex } from '../../../src-core/pdf/hash.js';
import { setHeaderVersion, stampDocumentId } from '../../../src-core/pdf/pdfx.js';
import type { LoadedFont } from '../../../src-core/text/font.js';
import { loadFonts } from './fixtures.js';

const fonts = loadFonts(['noto-serif-sc-400']);
const serif = fonts.byId('noto-serif-sc-400') as LoadedFont;

describe('fontkit v2 adapter for pdf-lib', () => {
  it('reuses the parsed font for known bytes and streams a real subset from encode()', async () => {
    const adapter = createFontkitAdapter([serif]);
    const font = adapter.create(serif.bytes);
    expect(font.postscriptName).toBe(serif.postscriptName);
    expect(font.unitsPerEm).toBe(1000);
    const subset = font.createSubset() as unknown as { includeGlyph(g: number): number; encodeStream(): { on(e: string, f: (x?: Uint8Array) => void): unknown } };
    const gid = (serif.glyphFor('国'.codePointAt(0) as number) as { glyphId: number }).glyphId;
    expect(subset.includeGlyph(gid)).toBe(1); // 0 is .notdef
    const chunks: Uint8Array[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const stream = subset.encodeStream();
      stream.on('data', (b) => chunks.push(b as Uint8Array));
      stream.on('end', () => resolve());
      stream.on('error', () => reject(new Error('subset failed')));
    });
    await done;
    expect(chunks).toHaveLength(1);
    const parsed = create(Buffer.from(chunks[0])) as Font;
    expect(parsed.numGlyphs).toBe(2);
    // The subset's glyph 1 is the original 国: same advance and same outline bounds.
    expect(parsed.getGlyph(1).advanceWidth).toBe(serif.glyph(gid).advanceWidth);
    expect(parsed.getGlyph(1).bbox.maxY).toBe(serif.glyph(gid).bbox.maxY);
    expect(chunks[0].length).toBeLessThan(10_000);
  });

  it('writes subsets byte-identical to upstream fontkit (simple glyphs copied without decoding)', () => {
    const upstream = create(Buffer.from(serif.bytes)) as Font;
    const adapted = createFontkitAdapter([]).create(serif.bytes);
    const a = upstream.createSubset() as unknown as { includeGlyph(g: number): number; encode(): Uint8Array };
    const b = adapted.createSubset() as unknown as { includeGlyph(g: number): number; encode(): Uint8Array };
    // Every 37th glyph across the font, plus the space and an empty glyph id range start.
    for (let g = 1; g < upstream.numGlyphs; g += 37) {
      expect(b.includeGlyph(g)).toBe(a.includeGlyph(g));
    }
    expect(Buffer.from(b.encode()).equals(Buffer.from(a.encode()))).toBe(true);
  });
});

describe('subset tags and ToUnicode', () => {
  it('derives a stable six-letter tag from the glyph set', () => {
    const tag = subsetTag('NotoSerifSC-Regular', [3, 5, 8]);
    expect(tag).toMatch(/^[A-Z]{6}$/);
    expect(subsetTag('NotoSerifSC-Regular', [3, 5, 8])).toBe(tag);
    expect(subsetTag('NotoSerifSC-Regular', [3, 5, 9])).not.toBe(tag);
  });

  it('writes bfchar blocks of at most 100 entries, UTF-16BE with surrogate pairs', () => {
    const map = new Map<number, string>();
    for (let i = 1; i <= 250; i++) map.set(i, String.fromCodePoint(0x4e00 + i));
    map.set(251, '𠀀');
    const cmap = toUnicodeCMap(map);
    expect(cmap.match(/beginbfchar/g)).toHaveLength(3);
    expect(cmap).toContain('100 beginbfchar');
    expect(cmap).toContain('51 beginbfchar');
    expect(cmap).toContain('<0001> <4E01>');
    expect(cmap).toContain('<00FB> <D840DC00>');
  });
});

describe('document ID and header', () => {
  it('hashes deterministically and sensitively', () => {
    const a = hash128(Uint8Array.from([1, 2, 3]));
    expect(toHex(a)).toHaveLength(32);
    expect(toHex(hash128(Uint8Array.from([1, 2, 3])))).toBe(toHex(a));
    expect(toHex(hash128(Uint8Array.from([1, 2, 4])))).not.toBe(toHex(a));
    // Whole words and the one to three bytes after them all count: change any byte, or the length, and it differs.
    const seen = new Set<string>();
    for (let length = 0; length <= 9; length++) {
      const bytes = new Uint8Array(length).map((_, i) => i + 1);
      seen.add(toHex(hash128(bytes)));
      for (let i = 0; i < length; i++) {
        const changed = bytes.slice();
        changed[i] ^= 0x80;
        seen.add(toHex(hash128(changed)));
      }
    }
    expect(seen.size).toBe(10 + 45);
    // A view into a larger buffer hashes as its own bytes.
    const big = Uint8Array.from([9, 9, 1, 2, 3, 9]);
    expect(toHex(hash128(big.subarray(2, 5)))).toBe(toHex(a));
  });

  it('stamps the /ID placeholder in place and sets the header version', () => {
    const zeros = '0'.repeat(32);
    const text = `%PDF-1.7\nbody\ntrailer << /ID [<${zeros}> <${zeros}>] >>\n%%EOF`;
    const bytes = setHeaderVersion(new TextEncoder().encode(text), 3);
    const out = new TextDecoder().decode(stampDocumentId(bytes));
    expect(out.startsWith('%PDF-1.3')).toBe(true);
    const m = /\/ID \[<([0-9A-F]{32})> <([0-9A-F]{32})>\]/.exec(out);
    expect(m?.[1]).toBe(m?.[2]);
    expect(m?.[1]).not.toBe(zeros);
    expect(out.length).toBe(text.length);
    expect(() => stampDocumentId(new TextEncoder().encode('%PDF-1.7 no id'))).toThrow(RangeError);
  });
});
