/**
 * TIFF input (issue 15 item 9): every compression × colour model decodes to the samples written; utif2 and
 * Ghostscript (libtiff) files agree with our reader; the kinds Folio refuses, and damaged files, give one clear line.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import UTIF from 'utif2';
import { describe, expect, it } from 'vitest';
import { checkAsset, decodeTiffChecked } from '../../../src-core/pdf/asset-check.js';
import { inflateWithFflate } from '../../../src-core/pdf/flate.js';
import { readImageInfo } from '../../../src-core/pdf/image-info.js';
import { decodeTiff, readTiffHeader } from '../../../src-core/pdf/tiff.js';
import { encodeTiff, gradient, twoHalves } from './tiff-assets.js';

const MODELS = [
  { colour: 'rgb', photometric: 2, spp: 3 },
  { colour: 'cmyk', photometric: 5, spp: 4 },
  { colour: 'grey', photometric: 1, spp: 1 },
] as const;
const COMPRESSIONS = ['none', 'lzw', 'deflate'] as const;

describe('decodes the TIFFs newsroom tools write', () => {
  for (const model of MODELS) {
    for (const compression of COMPRESSIONS) {
      for (const predictor of compression === 'none' ? [false] : [false, true]) {
        it(`${model.colour}, ${compression}${predictor ? ', predictor 2' : ''}, strips of 5 rows, both byte orders`, () => {
          // 37 × 23 with texture: LZW's table grows past 511 codes (the 10-bit width change) in one strip.
          const samples = gradient(37, 23, model.spp);
          for (const littleEndian of [true, false]) {
            const bytes = encodeTiff({ widthPx: 37, heightPx: 23, photometric: model.photometric, samplesPerPixel: model.spp, samples, compression, predictor, rowsPerStrip: 5, littleEndian });
            expect(readImageInfo(bytes)).toMatchObject({ format: 'tiff', colour: model.colour, widthPx: 37, heightPx: 23 });
            const tiff = decodeTiff(bytes, inflateWithFflate);
            expect(tiff.colour).toBe(model.colour);
            expect(Buffer.from(tiff.pixels).equals(Buffer.from(samples))).toBe(true);
          }
        });
      }
    }
  }

  it('reads our LZW and Deflate strips as utif2 (an independent decoder) reads them', () => {
    const samples = gradient(64, 40, 4);
    for (const compression of ['lzw', 'deflate'] as const) {
      const bytes = encodeTiff({ widthPx: 64, heightPx: 40, photometric: 5, samplesPerPixel: 4, samples, compression, rowsPerStrip: 40 });
      const [ifd] = UTIF.decode(bytes.buffer as ArrayBuffer);
      UTIF.decodeImage(bytes.buffer as ArrayBuffer, ifd!);
      expect(Buffer.from(ifd!.data).equals(Buffer.from(samples))).toBe(true);
      expect(Buffer.from(decodeTiff(bytes, inflateWithFflate).pixels).equals(Buffer.from(samples))).toBe(true);
    }
  });

  it('reads the RGB and CMYK TIFFs Ghostscript (libtiff) writes, uncompressed and LZW', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-tiff-'));
    // Left half pure red / cyan, right half blue / black, each in the device's own colour model (no conversion).
    const paint = { rgb: '1 0 0 setrgbcolor 0 0 10 10 rectfill 0 0 1 setrgbcolor 10 0 10 10 rectfill', cmyk: '1 0 0 0 setcmykcolor 0 0 10 10 rectfill 0 0 0 1 setcmykcolor 10 0 10 10 rectfill' };
    for (const [device, colour] of [['tiff24nc', 'rgb'], ['tiff32nc', 'cmyk']] as const) {
      const ps = join(dir, `${colour}.ps`);
      writeFileSync(ps, `%!PS\n${paint[colour]}\nshowpage\n`);
      for (const compression of ['none', 'lzw']) {
        const out = join(dir, `${device}-${compression}.tif`);
        execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', `-sDEVICE=${device}`, '-r72', '-g20x10', `-sCompression=${compression}`, `-sOutputFile=${out}`, ps]);
        const tiff = decodeTiff(new Uint8Array(readFileSync(out)), inflateWithFflate);
        expect(tiff).toMatchObject({ widthPx: 20, heightPx: 10, colour });
        const n = colour === 'rgb' ? 3 : 4;
        const pixel = (x: number): number[] => Array.from(tiff.pixels.subarray((5 * 20 + x) * n, (5 * 20 + x + 1) * n));
        expect(pixel(2)).toEqual(colour === 'rgb' ? [255, 0, 0] : [255, 0, 0, 0]);
        expect(pixel(17)).toEqual(colour === 'rgb' ? [0, 0, 255] : [0, 0, 0, 255]);
      }
    }
  });

  it('flattens an alpha extra sample onto paper white and drops spare channels', () => {
    // RGBA: left opaque red, right transparent red; unassociated alpha.
    const rgba = twoHalves(4, 2, [255, 0, 0, 255], [255, 0, 0, 0]);
    const tiff = decodeTiff(encodeTiff({ widthPx: 4, heightPx: 2, photometric: 2, samplesPerPixel: 4, samples: rgba, extraSamples: [2] }), inflateWithFflate);
    expect(Array.from(tiff.pixels.subarray(0, 3))).toEqual([255, 0, 0]);
    expect(Array.from(tiff.pixels.subarray(9, 12))).toEqual([255, 255, 255]);
    // CMYK with a spare (unspecified) channel: the channel is dropped, the inks kept.
    const spare = twoHalves(2, 1, [10, 20, 30, 40, 99], [1, 2, 3, 4, 99]);
    const cmyk = decodeTiff(encodeTiff({ widthPx: 2, heightPx: 1, photometric: 5, samplesPerPixel: 5, samples: spare, extraSamples: [0] }), inflateWithFflate);
    expect(Array.from(cmyk.pixels)).toEqual([10, 20, 30, 40, 1, 2, 3, 4]);
  });

  it('inverts white-is-zero grey', () => {
    const tiff = decodeTiff(encodeTiff({ widthPx: 2, heightPx: 1, photometric: 0, samplesPerPixel: 1, samples: Uint8Array.from([0, 200]) }), inflateWithFflate);
    expect(Array.from(tiff.pixels)).toEqual([255, 55]);
  });
});

describe('refuses what it cannot place, in one specific line', () => {
  const rgb = gradient(8, 8, 3);
  const cases: { name: string; bytes: () => Uint8Array; problem: RegExp }[] = [
    { name: '16-bit', bytes: () => encodeTiff({ widthPx: 8, heightPx: 8, photometric: 2, samplesPerPixel: 3, samples: new Uint8Array(8 * 8 * 6), bitsPerSample: 16 }), problem: /^it is a 16-bit TIFF; only 8 bits per sample can be placed \(save it as 8-bit\)$/ },
    { name: 'palette', bytes: () => encodeTiff({ widthPx: 8, heightPx: 8, photometric: 3, samplesPerPixel: 1, samples: new Uint8Array(64) }), problem: /^it is a palette \(indexed colour\) TIFF; only RGB, CMYK and greyscale TIFFs can be placed$/ },
    { name: 'JPEG-in-TIFF', bytes: () => encodeTiff({ widthPx: 8, heightPx: 8, photometric: 2, samplesPerPixel: 3, samples: rgb, compression: 'jpeg' }), problem: /^it is a JPEG TIFF; only uncompressed, LZW and Deflate TIFFs can be placed \(save it as LZW\)$/ },
    {
      name: 'truncated (uncompressed)',
      bytes: () => encodeTiff({ widthPx: 8, heightPx: 8, photometric: 2, samplesPerPixel: 3, samples: rgb }).subarray(0, 150),
      problem: /^its TIFF strip 1 of 1 lies beyond the end of the file \(the file is cut short\)$/,
    },
    {
      name: 'LZW data cut short inside its strip',
      bytes: () => {
        const whole = encodeTiff({ widthPx: 8, heightPx: 8, photometric: 2, samplesPerPixel: 3, samples: rgb, compression: 'lzw' });
        // Keep the directory's strip size but zero the second half of the codes: they decode to too few bytes or a bad code.
        const cut = whole.slice();
        cut.fill(0xff, whole.length - 40);
        return cut;
      },
      problem: /^its TIFF strip 1 of 1 (has a damaged LZW code \d+|holds \d+ of its 192 bytes)/,
    },
    {
      name: 'Deflate data damaged',
      bytes: () => {
        const whole = encodeTiff({ widthPx: 8, heightPx: 8, photometric: 5, samplesPerPixel: 4, samples: gradient(8, 8, 4), compression: 'deflate' });
        const bad = whole.slice();
        bad.fill(0, whole.length - 30);
        return bad;
      },
      problem: /^its TIFF strip 1 of 1 (cannot be inflated|holds \d+ of its 256 bytes)/,
    },
    { name: 'a header claiming 65535 × 65535', bytes: () => encodeTiff({ widthPx: 65535, heightPx: 65535, photometric: 1, samplesPerPixel: 1, samples: new Uint8Array(0), rowsPerStrip: 65535 }), problem: /^(it is 65535 × 65535 pixels|its TIFF strip)/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const bytes = c.bytes();
      expect(readImageInfo(bytes).format).toBe('tiff');
      const facts = await checkAsset(bytes);
      expect(facts.problem).toMatch(c.problem);
      expect(facts.problem).not.toContain('\n');
      expect(() => decodeTiffChecked(bytes)).toThrow(RangeError);
    });
  }

  it('a directory offset beyond the file', () => {
    const bytes = Uint8Array.from([0x49, 0x49, 42, 0, 0xff, 0xff, 0, 0]);
    expect(() => readTiffHeader(bytes)).toThrow(/^its TIFF directory lies outside the file/);
  });
});
