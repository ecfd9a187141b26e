/** The PNG decoder used for print conversion: every colour type, bit depths, filters, transparency. */
import { describe, expect, it } from 'vitest';
import { decodePng, readPngHeader } from '../../../src-core/pdf/png.js';
import { crcDamagedPng, encodePng, interlacedRgbPng, truncatedDataPng } from './test-assets.js';

describe('decodePng', () => {
  it('decodes 8-bit RGB with Sub and Up filters', () => {
    for (const filter of [1, 2] as const) {
      const rows = [Uint8Array.from([10, 20, 30, 40, 50, 60]), Uint8Array.from([70, 80, 90, 200, 210, 220])];
      const png = decodePng(encodePng({ widthPx: 2, heightPx: 2, bitDepth: 8, colourType: 2, rows, filter }));
      expect(png.channels).toBe(3);
      expect([...png.pixels]).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 200, 210, 220]);
      expect(png.alpha).toBeUndefined();
    }
  });

  it('decodes RGBA into RGB plus an alpha plane', () => {
    const png = decodePng(encodePng({ widthPx: 2, heightPx: 1, bitDepth: 8, colourType: 6, rows: [Uint8Array.from([1, 2, 3, 255, 4, 5, 6, 0])] }));
    expect([...png.pixels]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...(png.alpha ?? [])]).toEqual([255, 0]);
  });

  it('decodes grey + alpha and 16-bit grey (keeping the high byte)', () => {
    const ga = decodePng(encodePng({ widthPx: 2, heightPx: 1, bitDepth: 8, colourType: 4, rows: [Uint8Array.from([100, 128, 200, 255])] }));
    expect(ga.channels).toBe(1);
    expect([...ga.pixels]).toEqual([100, 200]);
    expect([...(ga.alpha ?? [])]).toEqual([128, 255]);
    const g16 = decodePng(encodePng({ widthPx: 2, heightPx: 1, bitDepth: 16, colourType: 0, rows: [Uint8Array.from([0x12, 0x34, 0xff, 0x00])] }));
    expect([...g16.pixels]).toEqual([0x12, 0xff]);
  });

  it('decodes 1-bit grey scaled to 0/255, and 2-bit palette with tRNS', () => {
    const bw = decodePng(encodePng({ widthPx: 10, heightPx: 1, bitDepth: 1, colourType: 0, rows: [Uint8Array.from([0b10100000, 0b01000000])] }));
    expect([...bw.pixels]).toEqual([255, 0, 255, 0, 0, 0, 0, 0, 0, 255]);
    const pal = decodePng(encodePng({
      widthPx: 3, heightPx: 1, bitDepth: 2, colourType: 3, rows: [Uint8Array.from([0b00011000])],
      palette: [255, 0, 0, 0, 255, 0, 0, 0, 255], trns: [255, 0],
    }));
    expect([...pal.pixels]).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255]);
    expect([...(pal.alpha ?? [])]).toEqual([255, 0, 255]);
  });

  it('decodes Adam7-interlaced images (odd sizes, all seven passes)', () => {
    const w = 11;
    const h = 7;
    const rgb = new Uint8Array(w * h * 3);
    for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 37) & 0xff;
    const png = decodePng(interlacedRgbPng(w, h, rgb));
    expect(readPngHeader(interlacedRgbPng(w, h, rgb)).interlaced).toBe(true);
    expect([...png.pixels]).toEqual([...rgb]);
  });

  it('reads the header without inflating, and rejects non-PNG bytes with a RangeError', () => {
    const bytes = encodePng({ widthPx: 3, heightPx: 1, bitDepth: 8, colourType: 0, rows: [Uint8Array.from([1, 2, 3])] });
    expect(readPngHeader(bytes)).toEqual({ widthPx: 3, heightPx: 1, bitDepth: 8, colourType: 0, interlaced: false });
    expect(() => decodePng(Uint8Array.from([1, 2, 3]))).toThrow(RangeError);
    const truncated = bytes.slice(0, 40);
    expect(() => decodePng(truncated)).toThrow(RangeError);
  });

  it('regression: refuses a PNG damaged in transfer (chunk checksum), cut short, or whose data inflates past its header', () => {
    expect(() => decodePng(crcDamagedPng())).toThrow(/^PNG is damaged: its IDAT chunk fails its checksum \(CRC-32\)$/);
    expect(() => decodePng(truncatedDataPng())).toThrow(/^PNG image data is damaged \(unexpected EOF\)$/);
    // A 1 × 1 header over 10 MB of zeros (10 KB deflated): stopped at the 2 bytes the header allows.
    const rows = Array.from({ length: 100_000 }, () => new Uint8Array(100));
    const bomb = encodePng({ widthPx: 1, heightPx: 1, bitDepth: 8, colourType: 0, rows });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(() => decodePng(bomb)).toThrow(/^PNG image data holds more pixels than its header says$/);
  });
});
