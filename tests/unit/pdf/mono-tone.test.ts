import { describe, expect, it } from 'vitest';
import { greyToneTable, lightnessOfLuminance, luminanceOfLightness, pressGreyFromCmyk, pressGreyFromRgb, srgbLuminance, type PressGrey } from '../../../src-core/pdf/mono-tone.js';
import { rgbToGreyPixels } from '../../../src-core/pdf/images.js';

/** A made-up press: K-only tints from paper (L* 100) falling evenly to L* 30 at 100 % K; CMYK read by its K alone. */
const linearPress: PressGrey = {
  kLightness: Array.from({ length: 256 }, (_, k) => 100 - (70 * k) / 255),
  cmykLightness: (cmyk, n) => Float32Array.from({ length: n }, (_, i) => 100 - (80 * cmyk[i * 4 + 3]!) / 255),
};

describe('grey through the plant profile (mono-tone)', () => {
  it('measures sRGB lightness as CIE L* (mid grey 128 is L* 53.6, as LittleCMS says)', () => {
    expect(lightnessOfLuminance(srgbLuminance(128, 128, 128))).toBeCloseTo(53.59, 1);
    expect(lightnessOfLuminance(srgbLuminance(255, 255, 255))).toBeCloseTo(100, 9);
    expect(lightnessOfLuminance(srgbLuminance(0, 0, 0))).toBe(0);
    for (const l of [0, 5, 8, 20, 53.6, 100]) expect(lightnessOfLuminance(luminanceOfLightness(l))).toBeCloseTo(l, 9);
  });

  it('inverts the press’s K tints: each lightness gets the K that prints it, paper and solid at the ends', () => {
    const table = greyToneTable(linearPress.kLightness);
    // L* 65 lies half-way down the K range: K = 127.5 → grey 255 − 128 (rounded half up).
    expect(table[65 * 20]).toBe(127);
    expect(table[100 * 20]).toBe(255);
    expect(table[30 * 20]).toBe(0);
    expect(table[10 * 20]).toBe(0);
    // Lightness falls, so ink rises: the table never turns back.
    for (let i = 1; i < table.length; i++) expect(table[i]!).toBeGreaterThanOrEqual(table[i - 1]!);
  });

  it('evens out a profile’s small reversals and refuses a table that is not 256 tints', () => {
    const wobbly = Array.from(linearPress.kLightness);
    wobbly[100] = wobbly[98]! + 0.2;
    const table = greyToneTable(wobbly);
    for (let i = 1; i < table.length; i++) expect(table[i]!).toBeGreaterThanOrEqual(table[i - 1]!);
    expect(() => greyToneTable([100, 50])).toThrow(/256 entries, not 2/);
  });

  it('maps RGB pixels to the K tint of their compensated lightness: white is paper, black is solid K', () => {
    const rgb = Uint8Array.of(255, 255, 255, 0, 0, 0, 128, 128, 128);
    const grey = pressGreyFromRgb(rgb, 3, linearPress);
    expect(grey[0]).toBe(255);
    expect(grey[1]).toBe(0);
    // Black point compensation: luminance scaled onto [Y(L* 30), 1], then the K that prints that lightness.
    const kBlackY = luminanceOfLightness(30);
    const target = lightnessOfLuminance(kBlackY + (1 - kBlackY) * srgbLuminance(128, 128, 128));
    const k = ((100 - target) / 70) * 255;
    expect(Math.abs(255 - grey[2]! - k)).toBeLessThanOrEqual(1);
    // The same grey is lighter in print than luma would make it: the press's dot gain is allowed for.
    expect(grey[2]!).not.toBe(rgbToGreyPixels(rgb, 3)[2]);
  });

  it('flattens alpha onto paper before measuring', () => {
    const grey = pressGreyFromRgb(Uint8Array.of(0, 0, 0), 1, linearPress, Uint8Array.of(0));
    expect(grey[0]).toBe(255);
  });

  it('maps CMYK pixels through the press’s lightness, its four-ink black onto solid K', () => {
    const grey = pressGreyFromCmyk(Uint8Array.of(0, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 255), 3, linearPress);
    expect(grey[0]).toBe(255);
    expect(grey[1]).toBe(0);
    // K alone on this press is L* 20 (the made-up CMYK reading), the rich black too: also solid K.
    expect(grey[2]).toBe(0);
  });
});
