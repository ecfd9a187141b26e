/**
 * Black-and-white pictures through the plant profile: with the Ghostscript SWOP profile loaded by LittleCMS, a mid
 * grey maps to the K tint the profile says prints its (compensated) lightness, and a mono page's print PDF,
 * separated by Ghostscript, carries that K on the K plate alone; without a profile the grey is Rec. 709 luma as
 * before.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { exportPdf, type OutputProfile } from '../../../src-core/pdf/export.js';
import type { AssetBytes } from '../../../src-core/pdf/images.js';
import { pressGreyFromCmyk, pressGreyFromRgb } from '../../../src-core/pdf/mono-tone.js';
import { loadOutputProfile } from '../../../src-main/services/output-profile.js';
import { fixtureInput, GHOSTSCRIPT_CMYK_ICC, loadFonts, writeArtifact } from '../pdf/fixtures.js';
import { twoColourRgbPng } from '../pdf/test-assets.js';
import { encodeTiff, twoHalves } from '../pdf/tiff-assets.js';

const fonts = loadFonts(['noto-serif-sc-400']);
const DPI = 72;
/** Media box offset of the print preset: bleed 8.5 pt + slug 34 pt. */
const OFF = 8.5 + 34;
const MID_GREY: [number, number, number] = [128, 128, 128];
const RED: [number, number, number] = [255, 0, 0];
/** A CMYK TIFF's halves: a 40 % cyan tint and a four-ink dark brown. */
const CMYK_LEFT = [102, 0, 0, 0];
const CMYK_RIGHT = [60, 160, 200, 120];

/** L* of relative luminance, written out here (CIE 1976) so the test does not lean on the code it checks. */
const lightness = (y: number) => (y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y);
const luminance = (l: number) => (l > 8 ? ((l + 16) / 116) ** 3 : (27 / 24389) * l);
/** Relative luminance of 8-bit sRGB grey `v`. */
const srgbGreyY = (v: number) => ((v / 255 + 0.055) / 1.055) ** 2.4;

let profile: OutputProfile;
beforeAll(async () => {
  profile = await loadOutputProfile(new Uint8Array(readFileSync(GHOSTSCRIPT_CMYK_ICC)));
});

describe('the press’s grey from the plant profile (LittleCMS)', () => {
  it('reads the K-only tints from paper to solid K, lightest first', () => {
    const l = Array.from(profile.pressGrey!.kLightness);
    expect(l).toHaveLength(256);
    expect(l[0]).toBeCloseTo(100, 0);
    // SWOP's 100 % K alone is far from black: about L* 22.
    expect(l[255]).toBeGreaterThan(18);
    expect(l[255]).toBeLessThan(27);
    expect(l[128]!).toBeLessThan(l[64]!);
  });

  it('maps mid-grey RGB to the K tint whose print the profile puts at the compensated lightness', () => {
    const press = profile.pressGrey!;
    const [grey] = pressGreyFromRgb(Uint8Array.from(MID_GREY), 1, press);
    const k = 255 - grey!;
    const kBlackY = luminance(press.kLightness[255]!);
    const target = lightness(kBlackY + (1 - kBlackY) * srgbGreyY(128));
    // The profile's own reading of (0, 0, 0, K): within one K step (about 0.35 L* here) of the target.
    const printed = press.cmykLightness(Uint8Array.of(0, 0, 0, k), 1)[0]!;
    expect(Math.abs(printed - target)).toBeLessThan(0.4);
    // Luma would give 128 (K 127); SWOP's K alone prints lighter than that grey reads on screen (50 % K is
    // L* 63 there), so the press needs more K for the same lightness.
    expect(k).toBeGreaterThan(140);
  });
});

/** Ghostscript's separation of a PDF's first page: its width in pixels and 4 bytes (C, M, Y, K) a pixel. */
function separate(pdf: string, name: string): { width: number; plates: Uint8Array } {
  const out = pdf.replace(/[^/]*\.pdf$/, `${name}.pam`);
  execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pamcmyk32', `-r${DPI}`, '-dFirstPage=1', '-dLastPage=1', `-sOutputFile=${out}`, pdf]);
  const pam = readFileSync(out);
  const headerEnd = pam.indexOf('ENDHDR\n') + 'ENDHDR\n'.length;
  const header = pam.subarray(0, headerEnd).toString('latin1');
  if (!/DEPTH 4/.test(header)) throw new RangeError(`Ghostscript wrote no CMYK PAM: ${header}`);
  return { width: Number(/WIDTH (\d+)/.exec(header)?.[1]), plates: new Uint8Array(pam.subarray(headerEnd)) };
}

describe('a black-and-white page through the plant profile, on the plates', () => {
  const png = twoColourRgbPng(60, 40, MID_GREY, RED);
  const tiff = encodeTiff({ widthPx: 16, heightPx: 10, photometric: 5, samplesPerPixel: 4, samples: twoHalves(16, 10, CMYK_LEFT, CMYK_RIGHT) });
  const assets: Record<string, AssetBytes> = { png: { bytes: png, mime: 'image/png' }, tiff: { bytes: tiff, mime: 'image/tiff' } };
  const rect = { xPt: 20, yPt: 20, widthPt: 240, heightPt: 160 };
  const tiffRect = { xPt: 20, yPt: 200, widthPt: 240, heightPt: 150 };
  const page: PageLayout = {
    pageId: 'p-A01', pageName: 'A01', trimWidthPt: 320, trimHeightPt: 400, bleedPt: 0,
    typeArea: { xPt: 20, yPt: 20, widthPt: 280, heightPt: 360 },
    items: [{ kind: 'image', assetId: 'png', rect, clip: rect, mono: true }, { kind: 'image', assetId: 'tiff', rect: tiffRect, clip: tiffRect, mono: true } satisfies ImageItem],
    lines: [], overset: [], copyfit: [], warnings: [],
  };
  const plateAt = (sep: { width: number; plates: Uint8Array }, xPt: number, yPt: number) => {
    const i = (Math.round(((OFF + yPt) * DPI) / 72) * sep.width + Math.round(((OFF + xPt) * DPI) / 72)) * 4;
    return [...sep.plates.subarray(i, i + 4)];
  };
  let withProfile: { width: number; plates: Uint8Array };
  let without: { width: number; plates: Uint8Array };
  beforeAll(async () => {
    const input = { ...fixtureInput(fonts, 'print', [page]), assets: async (id: string) => assets[id] };
    const profiled = writeArtifact('mono-profile-print.pdf', await exportPdf({ ...input, outputProfile: profile }));
    withProfile = separate(profiled, 'mono-profile-print');
    without = separate(writeArtifact('mono-luma-print.pdf', await exportPdf(input)), 'mono-luma-print');
  });

  it('prints the grey half with the profile’s K on the K plate alone, and the red half too', () => {
    const expectedK = 255 - pressGreyFromRgb(Uint8Array.from(MID_GREY), 1, profile.pressGrey!)[0]!;
    const [c, m, y, k] = plateAt(withProfile, 80, 100);
    expect(c + m + y).toBe(0);
    expect(Math.abs(k! - expectedK)).toBeLessThanOrEqual(1);
    const red = plateAt(withProfile, 200, 100);
    expect(red[0]! + red[1]! + red[2]!).toBe(0);
    expect(red[3]).toBeGreaterThan(0);
    // Over the whole picture, C, M and Y stay empty.
    let cmy = 0;
    for (let yPt = 22; yPt < 178; yPt += 3) for (let xPt = 22; xPt < 258; xPt += 3) cmy += plateAt(withProfile, xPt, yPt).slice(0, 3).reduce((a, b) => a + b, 0);
    expect(cmy).toBe(0);
  });

  it('turns a CMYK TIFF grey by its lightness on the press (CMYK → Lab through the profile), K plate alone', () => {
    const expected = pressGreyFromCmyk(Uint8Array.from([...CMYK_LEFT, ...CMYK_RIGHT]), 2, profile.pressGrey!);
    for (const [xPt, i] of [[80, 0], [200, 1]] as const) {
      const [c, m, y, k] = plateAt(withProfile, xPt, 275);
      expect(c + m + y).toBe(0);
      expect(Math.abs(k! - (255 - expected[i]!))).toBeLessThanOrEqual(1);
    }
    // The dark brown prints far darker than the light cyan tint.
    expect(plateAt(withProfile, 200, 275)[3]!).toBeGreaterThan(plateAt(withProfile, 80, 275)[3]! + 100);
  });

  it('without a profile keeps Rec. 709 luma: mid grey 128 prints K 127', () => {
    const [c, m, y, k] = plateAt(without, 80, 100);
    expect(c + m + y).toBe(0);
    expect(k).toBe(127);
  });
});
