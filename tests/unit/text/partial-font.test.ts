/**
 * Fonts opened partially (src-main/services/font-file.ts + src-core/text/partial-font.ts): outlines are read only
 * when a glyph is used, and nothing the composer or the PDF exporter produces may differ from whole-file fonts.
 */
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { openFontFile, type OpenFontFile } from '../../../src-main/services/font-file.js';
import { createComposer } from '../../../src-core/layout/compose.js';
import { exportPdf } from '../../../src-core/pdf/export.js';
import { readHorizontalMetrics } from '../../../src-core/text/hmtx.js';
import { createGlyphReader, type FileRange } from '../../../src-core/text/partial-font.js';
import { createFontProvider, DEFAULT_FONTS, loadFont, tableLocation } from '../../../src-core/text/font.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';

const require = createRequire(import.meta.url);
const fileOf = (id: string) => require.resolve(DEFAULT_FONTS.find((f) => f.id === id)!.file);
const descriptorOf = (id: string) => DEFAULT_FONTS.find((f) => f.id === id)!;
/** Debian fonts-liberation (installed by .ci/run): a Latin font with compound glyphs (é is e + ´). */
const LIBERATION_SERIF = '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf';

function openPartial(path: string): OpenFontFile {
  const file = openFontFile(path);
  if (file instanceof Uint8Array) throw new Error(`${path} was not opened partially`);
  return file;
}

/** Wraps a partial file to count the bytes its outline reads ask for. */
function counting(file: OpenFontFile): { file: OpenFontFile; asked: () => number } {
  let asked = 0;
  return {
    file: { bytes: file.bytes, close: () => file.close(), readRanges: (ranges: readonly FileRange[]) => {
      asked += ranges.reduce((sum, r) => sum + r.length, 0);
      file.readRanges(ranges);
    } },
    asked: () => asked,
  };
}

describe('horizontal metrics read from hmtx equal fontkit’s', () => {
  for (const id of ['noto-serif-sc-400', 'noto-sans-sc-700']) {
    it(`${id}: advances and left side bearings, before and past numberOfHMetrics`, () => {
      const font = loadFont(descriptorOf(id), new Uint8Array(readFileSync(fileOf(id))));
      const hmtx = readHorizontalMetrics(font.bytes, tableLocation(font, 'hhea'), tableLocation(font, 'hmtx'))!;
      const longCount = new DataView(font.bytes.buffer, tableLocation(font, 'hhea')!.offset).getUint16(34);
      // Serif 400 has glyphs past its long records (they share the last advance); Sans 700 has none.
      if (id === 'noto-serif-sc-400') expect(longCount).toBeLessThan(font.fontkit.numGlyphs - 100);
      const ids = [0, 1, longCount - 1, longCount, longCount + 1, font.fontkit.numGlyphs - 1];
      for (let g = 2; g < font.fontkit.numGlyphs; g += 97) ids.push(g);
      for (const g of ids.filter((g) => g < font.fontkit.numGlyphs)) {
        const glyph = font.fontkit.getGlyph(g) as unknown as { advanceWidth: number; _getMetrics(): { leftBearing: number } };
        expect(hmtx.advanceUnits(g), `advance of ${g}`).toBe(glyph.advanceWidth);
        expect(hmtx.leftBearingUnits(g), `bearing of ${g}`).toBe(glyph._getMetrics().leftBearing);
        expect(font.leftBearingUnits(g)).toBe(glyph._getMetrics().leftBearing);
      }
    });
  }

  it('refuses an hhea that claims more metrics than hmtx holds', () => {
    const bytes = new Uint8Array(64);
    new DataView(bytes.buffer).setUint16(34, 100);
    expect(() => readHorizontalMetrics(bytes, { offset: 0, length: 36 }, { offset: 36, length: 28 })).toThrow(/hhea claims 100/);
  });
});

describe('a font file opened partially', () => {
  it('holds every table but glyf up front, and reads an outline only when its glyph is drawn', () => {
    const path = fileOf('noto-serif-sc-400');
    const whole = new Uint8Array(readFileSync(path));
    const { file, asked } = counting(openPartial(path));
    try {
      expect(file.bytes.byteLength).toBe(whole.byteLength);
      const partial = loadFont(descriptorOf('noto-serif-sc-400'), file);
      const reference = loadFont(descriptorOf('noto-serif-sc-400'), whole);
      const glyf = tableLocation(partial, 'glyf')!;
      expect(Buffer.compare(file.bytes.subarray(0, glyf.offset), whole.subarray(0, glyf.offset))).toBe(0);
      expect(Buffer.compare(file.bytes.subarray(glyf.offset + glyf.length), whole.subarray(glyf.offset + glyf.length))).toBe(0);
      expect(asked()).toBe(0);

      const guo = partial.glyphFor('国'.codePointAt(0)!)!;
      expect(guo.advanceUnits).toBe(reference.glyphFor('国'.codePointAt(0)!)!.advanceUnits);
      expect(asked()).toBe(0); // metrics need no outline
      expect(partial.glyph(guo.glyphId).path.toSVG()).toBe(reference.glyph(guo.glyphId).path.toSVG());
      expect(partial.glyph(guo.glyphId).bbox).toEqual(reference.glyph(guo.glyphId).bbox);
      expect(asked()).toBeGreaterThan(0);
      expect(asked()).toBeLessThan(5_000);
    } finally {
      file.close();
    }
  });

  it('reads the components of compound glyphs too (Liberation Serif é, Å, ǻ)', () => {
    const whole = new Uint8Array(readFileSync(LIBERATION_SERIF));
    const { file, asked } = counting(openPartial(LIBERATION_SERIF));
    try {
      const descriptor = { id: 'liberation', family: 'Liberation Serif', weight: 400 };
      const partial = loadFont(descriptor, file);
      const reference = loadFont(descriptor, whole);
      const ids = [...'éÅǻ'].map((c) => partial.glyphFor(c.codePointAt(0)!)!.glyphId);
      partial.prepareGlyphs(ids);
      const afterBatch = asked();
      const glyf = tableLocation(partial, 'glyf')!;
      for (const id of ids) {
        expect((reference.glyph(id) as unknown as { _decode(): { numberOfContours: number } })._decode().numberOfContours).toBeLessThan(0);
        expect(partial.glyph(id).path.toSVG()).toBe(reference.glyph(id).path.toSVG());
      }
      // The batch read every outline the glyphs draw: their components were not left to be read one by one.
      expect(asked()).toBe(afterBatch);
      // Bytes outside the glyphs asked for (and their components) were never read.
      expect(file.bytes.subarray(glyf.offset, glyf.offset + glyf.length).some((b, i) => b !== whole[glyf.offset + i])).toBe(true);
    } finally {
      file.close();
    }
  });

  it('composes and exports the sample page byte for byte as whole fonts do, reading a fraction of the outlines', async () => {
    const ids = DEFAULT_FONTS.map((f) => f.id);
    const opened = ids.map((id) => counting(openPartial(fileOf(id))));
    try {
      const partialFonts = createFontProvider(ids.map((id, i) => loadFont(descriptorOf(id), opened[i]!.file)));
      const wholeFonts = createFontProvider(ids.map((id) => loadFont(descriptorOf(id), new Uint8Array(readFileSync(fileOf(id))))));
      const { document } = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio')));
      const exportWith = async (fonts: typeof partialFonts) => {
        const [layout] = createComposer(fonts).compose(document).pages;
        return exportPdf({
          pages: [layout!], fonts, assets: async () => undefined, preset: 'print',
          meta: { title: 'partial', paper: '德清新闻', issueDate: '2023-07-20', edition: '', documentName: 'partial' },
          output: { outputConditionIdentifier: 'IFRA26', outputCondition: 'newsprint', totalInkLimitPct: 240 },
          bleedPt: 0, slugPt: 20, createdAt: new Date('2023-07-20T00:00:00Z'),
        });
      };
      const fromPartial = await exportWith(partialFonts);
      const fromWhole = await exportWith(wholeFonts);
      expect(Buffer.compare(Buffer.from(fromPartial), Buffer.from(fromWhole))).toBe(0);
      const glyfBytes = ids.reduce((sum, id) => sum + tableLocation(partialFonts.byId(id)!, 'glyf')!.length, 0);
      const read = opened.reduce((sum, o) => sum + o.asked(), 0);
      expect(read).toBeGreaterThan(0);
      expect(read / glyfBytes).toBeLessThan(0.15);
    } finally {
      for (const o of opened) o.file.close();
    }
  });

  it('refuses to read outlines from a file that changed on disk since it was opened', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-font-'));
    const copy = join(dir, 'font.ttf');
    copyFileSync(fileOf('noto-sans-sc-400'), copy);
    const file = openPartial(copy);
    try {
      const font = loadFont(descriptorOf('noto-sans-sc-400'), file);
      appendFileSync(copy, new Uint8Array(16));
      const guo = font.glyphFor('国'.codePointAt(0)!)!;
      expect(() => font.glyph(guo.glyphId)).toThrow(/changed on disk/);
    } finally {
      file.close();
    }
  });

  it('hands over whole bytes for what is not a single sfnt face, and fails on a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-font-'));
    const notFont = join(dir, 'notes.ttf');
    writeFileSync(notFont, 'not a font at all');
    const result = openFontFile(notFont);
    expect(result).toBeInstanceOf(Uint8Array);
    expect(() => loadFont({ id: 'x', family: 'X', weight: 400 }, result as Uint8Array)).toThrow(RangeError);
    expect(() => openFontFile(join(dir, 'missing.ttf'))).toThrow(/ENOENT/);
  });
});

describe('the glyph reader', () => {
  it('refuses an outline outside the glyf table as damage', () => {
    const reader = createGlyphReader({ bytes: new Uint8Array(100), readRanges: () => undefined }, { offset: 10, length: 20 }, [0, 10, 50]);
    expect(() => reader.prepare([1])).toThrow(/outside the glyf table/);
    expect(() => reader.prepare([0])).not.toThrow();
  });

  it('reads a glyph again after a failed read, and once after a good one', () => {
    const reads: FileRange[][] = [];
    let fail = true;
    const reader = createGlyphReader({
      bytes: new Uint8Array(100),
      readRanges: (ranges) => {
        reads.push([...ranges]);
        if (fail) throw new Error('disk gone');
      },
    }, { offset: 10, length: 40 }, [0, 12, 12, 40]);
    expect(() => reader.prepare([0, 1, 2])).toThrow(/disk gone/);
    fail = false;
    reader.prepare([0, 1, 2]);
    reader.prepare([2, 0]);
    // Glyph 1 is empty (no outline): never asked for. The second batch reads what the failed one did not.
    expect(reads).toEqual([
      [{ offset: 10, length: 12 }, { offset: 22, length: 28 }],
      [{ offset: 10, length: 12 }, { offset: 22, length: 28 }],
    ]);
  });
});
