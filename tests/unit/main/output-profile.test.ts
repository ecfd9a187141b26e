/**
 * The plant profile service: LittleCMS (lcms-wasm) separates RGB for the profile's press, which a print
 * export then uses instead of the default formula; unusable profiles are refused with the reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertRgbPixelsToCmyk } from '../../../src-core/pdf/images.js';
import { OutputProfileError, loadOutputProfile, readOutputProfileFile } from '../../../src-main/services/output-profile.js';
import { GHOSTSCRIPT_CMYK_ICC, GHOSTSCRIPT_RGB_ICC } from '../pdf/fixtures.js';

/** Paper white, sRGB black, pure red, mid grey, pure blue. */
const RGB = Uint8Array.from([255, 255, 255, 0, 0, 0, 255, 0, 0, 128, 128, 128, 0, 0, 255]);

describe('plant output profile (LittleCMS)', () => {
  it('separates through the profile: paper white stays unprinted, black becomes the press’s rich black', async () => {
    const profile = await loadOutputProfile(new Uint8Array(readFileSync(GHOSTSCRIPT_CMYK_ICC)));
    expect(profile.info.description).toBe('Artifex CMYK SWOP Profile');
    const cmyk = profile.convertRgb!(RGB, 5);
    expect(cmyk).toHaveLength(20);
    expect([...cmyk.subarray(0, 4)]).toEqual([0, 0, 0, 0]);
    const black = [...cmyk.subarray(4, 8)];
    // SWOP's black: all four inks, total area coverage near its 300 % limit, far above K alone.
    expect(black[3]).toBeGreaterThan(200);
    expect(black.reduce((a, b) => a + b, 0) / 255).toBeGreaterThan(2.5);
    expect(black.reduce((a, b) => a + b, 0) / 255).toBeLessThanOrEqual(3.05);
    // Mid grey is built from C, M and Y with little K under SWOP's light GCR: not the formula's K-only grey.
    const grey = [...cmyk.subarray(12, 16)];
    const formula = [...convertRgbPixelsToCmyk(RGB, 5, 240).subarray(12, 16)];
    expect(formula.slice(0, 3)).toEqual([0, 0, 0]);
    expect(grey[0]).toBeGreaterThan(80);
    expect(grey).not.toEqual(formula);
  });

  it('converts large pictures in slices with the same result as one pass', async () => {
    const profile = await loadOutputProfile(new Uint8Array(readFileSync(GHOSTSCRIPT_CMYK_ICC)));
    const pixels = (1 << 20) + 3;
    const rgb = new Uint8Array(pixels * 3);
    for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 37) % 256;
    const all = profile.convertRgb!(rgb, pixels);
    const tail = profile.convertRgb!(rgb.subarray((pixels - 3) * 3), 3);
    expect([...all.subarray((pixels - 3) * 4)]).toEqual([...tail]);
  });

  it('refuses an RGB profile, a missing file and a non-profile with the reason', async () => {
    await expect(readOutputProfileFile(GHOSTSCRIPT_RGB_ICC)).rejects.toThrow(OutputProfileError);
    await expect(readOutputProfileFile(GHOSTSCRIPT_RGB_ICC)).rejects.toThrow(/not CMYK/);
    await expect(readOutputProfileFile('/no/such/plant.icc')).rejects.toThrow(/no such file/);
    await expect(loadOutputProfile(new TextEncoder().encode('%PDF-1.7'.repeat(40)))).rejects.toThrow(/not an ICC profile/);
  });
});
