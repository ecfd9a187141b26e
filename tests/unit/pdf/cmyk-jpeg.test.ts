/**
 * The CMYK JPEG encoder: its files decode (jpeg-js, an independent decoder) to the inks it was given, within
 * JPEG's loss; each ink lands on its own plate; odd sizes, structure and bad input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { encodeCmykJpeg } from '../../../src-core/pdf/cmyk-jpeg.js';
import { readImageInfo } from '../../../src-core/pdf/image-info.js';
import { CMYK_JPEG_QUALITY, convertRgbPixelsToCmyk } from '../../../src-core/pdf/images.js';
import { ROOT } from './fixtures.js';

/** The RGB jpeg-js makes of CMYK (it has no colour management): the naive inverse, per pixel. */
function naiveRgb(cmyk: Uint8Array): Uint8Array {
  const out = new Uint8Array((cmyk.length / 4) * 3);
  for (let i = 0, o = 0; i < cmyk.length; i += 4) {
    const k = cmyk[i + 3]!;
    for (let c = 0; c < 3; c++) out[o++] = 255 - Math.min(255, Math.round(cmyk[i + c]! * (1 - k / 255) + k));
  }
  return out;
}

function decodeRgb(bytes: Uint8Array): { width: number; height: number; data: Uint8Array } {
  return jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false });
}

function errors(a: Uint8Array, b: Uint8Array): { mean: number; max: number } {
  let sum = 0;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const e = Math.abs(a[i]! - b[i]!);
    sum += e;
    max = Math.max(max, e);
  }
  return { mean: sum / a.length, max };
}

/** Smooth gradients, a different one per ink, with a hard-edged square: what photos hold. */
function testInks(width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      out[i] = Math.round((255 * x) / (width - 1));
      out[i + 1] = Math.round((255 * y) / (height - 1));
      out[i + 2] = Math.round(128 + 100 * Math.sin(x / 5) * Math.cos(y / 7));
      out[i + 3] = x > width / 3 && x < width / 2 && y > height / 3 && y < height / 2 ? 200 : 20;
    }
  }
  return out;
}

describe('encodeCmykJpeg', () => {
  it('writes an Adobe CMYK baseline JPEG: APP14 transform 0, SOF0 with four unsubsampled components', () => {
    const bytes = encodeCmykJpeg(testInks(24, 16), 24, 16, CMYK_JPEG_QUALITY);
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect([bytes.at(-2), bytes.at(-1)]).toEqual([0xff, 0xd9]);
    const text = Buffer.from(bytes).toString('latin1');
    const adobe = text.indexOf('Adobe');
    expect([...bytes.subarray(adobe - 4, adobe)]).toEqual([0xff, 0xee, 0, 14]);
    expect(bytes[adobe + 11]).toBe(0); // transform: none (CMYK, not YCCK)
    const sof = text.indexOf('\xff\xc0');
    expect([...bytes.subarray(sof + 4, sof + 22)]).toEqual([8, 0, 16, 0, 24, 4, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0]);
    expect(readImageInfo(bytes)).toMatchObject({ format: 'jpeg', colour: 'cmyk', widthPx: 24, heightPx: 16, adobe: true });
  });

  it('decodes (jpeg-js) to the inks it was given, within JPEG loss at the print quality', () => {
    const inks = testInks(64, 48);
    const decoded = decodeRgb(encodeCmykJpeg(inks, 64, 48, CMYK_JPEG_QUALITY));
    expect([decoded.width, decoded.height]).toEqual([64, 48]);
    const e = errors(decoded.data, naiveRgb(inks));
    expect(e.mean).toBeLessThan(2);
    expect(e.max).toBeLessThan(40);
  });

  it('is lossless for flat colours at quality 100, and puts each ink on its own plate', () => {
    const plates = [[255, 0, 0, 0], [0, 255, 0, 0], [0, 0, 255, 0], [0, 0, 0, 255], [64, 128, 32, 16]];
    for (const ink of plates) {
      const flat = new Uint8Array(16 * 8 * 4);
      for (let i = 0; i < flat.length; i += 4) flat.set(ink, i);
      const decoded = decodeRgb(encodeCmykJpeg(flat, 16, 8, 100));
      expect(errors(decoded.data, naiveRgb(flat)).max, `inks ${ink}`).toBeLessThanOrEqual(1);
    }
    // Cyan alone takes red away and nothing else: the components are in C, M, Y, K order.
    const cyan = decodeRgb(encodeCmykJpeg(new Uint8Array(8 * 8 * 4).map((_, i) => (i % 4 === 0 ? 255 : 0)), 8, 8, 100));
    expect([...cyan.data.subarray(0, 3)]).toEqual([0, 255, 255]);
  });

  it('encodes sizes that are not multiples of 8 (edge pixels repeated), down to 1 × 1', () => {
    for (const [w, h] of [[13, 7], [1, 1], [9, 17]] as const) {
      const inks = testInks(Math.max(w, 2), Math.max(h, 2)).subarray(0, w * h * 4);
      const decoded = decodeRgb(encodeCmykJpeg(inks, w, h, CMYK_JPEG_QUALITY));
      expect([decoded.width, decoded.height]).toEqual([w, h]);
      expect(errors(decoded.data, naiveRgb(inks)).mean).toBeLessThan(4);
    }
  });

  it('re-encodes a real photo, separated, about its own size and close to it (regression: 16× as Flate)', () => {
    const source = new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/photo/stm32f3-discovery.jpg')));
    const rgb = decodeRgb(source);
    const inks = convertRgbPixelsToCmyk(rgb.data, rgb.width * rgb.height, 240);
    const bytes = encodeCmykJpeg(inks, rgb.width, rgb.height, CMYK_JPEG_QUALITY);
    expect(bytes.length).toBeLessThan(1.5 * source.length);
    const e = errors(decodeRgb(bytes).data, naiveRgb(inks));
    expect(e.mean).toBeLessThan(3);
  });

  it('refuses sizes and sample counts that do not fit, with the reason', () => {
    expect(() => encodeCmykJpeg(new Uint8Array(4 * 4 * 3), 4, 4, 85)).toThrow(/expected 64 samples/);
    expect(() => encodeCmykJpeg(new Uint8Array(0), 0, 0, 85)).toThrow(RangeError);
    expect(() => encodeCmykJpeg(new Uint8Array(4), 1, 1, 0)).toThrow(/quality/);
  });
});
