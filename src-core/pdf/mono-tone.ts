/**
 * Grey for a black-and-white page through the plant's output profile: the K-only tint that prints each pixel's
 * lightness on that press, so a mono picture keeps the tones it has on screen in spite of the press's dot gain.
 *
 * 1. The profile (through LittleCMS, src-main/services/output-profile.ts) reports the CIE lightness L* of each
 *    K-only tint, K = 0…255 (`PressGrey.kLightness`, media-relative: paper is L* 100), and of any CMYK pixel.
 * 2. A pixel's own lightness: sRGB by the sRGB curve and Rec. 709 luminance (exact, no profile needed), CMYK
 *    through the profile.
 * 3. Black point compensation, as the profile's RGB separation uses: the luminance range from the source's black
 *    to paper is scaled onto K alone's range (100 % K to paper), so shadows keep their steps instead of all
 *    clipping to solid K.
 * 4. A table from lightness (in `LIGHTNESS_STEPS_PER_UNIT` steps) to the K tint that prints it — interpolated
 *    between the profile's 256 K steps — maps every pixel; the PDF gets DeviceGray 255 − K (grey 0 = 100 % K).
 * Without a profile none of this runs: grey is Rec. 709 luma of the sRGB values (images.ts `rgbToGreyPixels`).
 */

/** What the plant profile says about grey on its press. */
export interface PressGrey {
  /**
   * CIE L* (0–100, media-relative: paper = 100) of each K-only tint on the press; index K = 0…255
   * (0 = paper, 255 = 100 % K). 256 entries, lightest first (a profile's small reversals are evened out).
   */
  readonly kLightness: ArrayLike<number>;
  /** CIE L* (media-relative) of 8-bit CMYK pixels (255 = 100 % ink) printed on the press, one per pixel. */
  cmykLightness(cmyk: Uint8Array, pixelCount: number): Float32Array;
}

/** Samples per L* unit in the lightness → K table: 0.05 L* apart, far finer than one 8-bit K step (≈ 0.3 L*). */
const LIGHTNESS_STEPS_PER_UNIT = 20;
/** Entries of the lightness → K table (L* 0…100 inclusive). */
const LIGHTNESS_STEPS = 100 * LIGHTNESS_STEPS_PER_UNIT + 1;

/** CIE L* of relative luminance `y` (0–1). */
export function lightnessOfLuminance(y: number): number {
  // CIE 1976: the cube root above (6/29)³, a straight line below it.
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

/** Relative luminance (0–1) of CIE L*. */
export function luminanceOfLightness(l: number): number {
  return l > 8 ? ((l + 16) / 116) ** 3 : (27 / 24389) * l;
}

/** Linear light (0–1) of each 8-bit sRGB sample, by the sRGB transfer curve. */
const SRGB_LINEAR: Float64Array = (() => {
  const table = new Float64Array(256);
  for (let v = 0; v < 256; v++) {
    const c = v / 255;
    table[v] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }
  return table;
})();

/** Relative luminance (0–1) of an 8-bit sRGB colour (Rec. 709 primaries, D65 white). */
export function srgbLuminance(r: number, g: number, b: number): number {
  return 0.2126 * SRGB_LINEAR[r]! + 0.7152 * SRGB_LINEAR[g]! + 0.0722 * SRGB_LINEAR[b]!;
}

/**
 * The lightness → grey table of a press: entry i holds the DeviceGray sample (255 − K) whose K-only tint prints
 * L* = i / `LIGHTNESS_STEPS_PER_UNIT`. Lighter than paper → 255 (no ink); darker than 100 % K → 0.
 */
export function greyToneTable(kLightness: ArrayLike<number>): Uint8Array {
  if (kLightness.length !== 256) throw new RangeError(`A press's K lightness table has 256 entries, not ${kLightness.length}`);
  // Lightness can only fall as K rises: a measured profile's small wobbles would make the inverse ambiguous.
  const l = new Float64Array(256);
  for (let k = 0; k < 256; k++) l[k] = Math.min(kLightness[k]!, k > 0 ? l[k - 1]! : Infinity);
  const table = new Uint8Array(LIGHTNESS_STEPS);
  for (let i = 0; i < LIGHTNESS_STEPS; i++) {
    const target = i / LIGHTNESS_STEPS_PER_UNIT;
    if (target >= l[0]!) {
      table[i] = 255;
      continue;
    }
    if (target <= l[255]!) {
      table[i] = 0;
      continue;
    }
    // The lightest K step at or below the target, searched from the dark end.
    let k = 255;
    while (k > 0 && l[k - 1]! <= target) k--;
    // Now l[k] ≤ target < l[k − 1]: interpolate between the two tints.
    const span = l[k - 1]! - l[k]!;
    const fk = span > 0 ? k - (target - l[k]!) / span : k;
    table[i] = 255 - Math.round(fk);
  }
  return table;
}

/** Index of L* `l` in a `greyToneTable`. */
function tableIndex(l: number): number {
  return Math.min(LIGHTNESS_STEPS - 1, Math.max(0, Math.round(l * LIGHTNESS_STEPS_PER_UNIT)));
}

/**
 * Maps relative luminance from a source whose black is `sourceBlackY` onto the K range, whose black is
 * `kBlackY` (black point compensation, step 3): source black → 100 % K, paper → paper.
 */
function compensate(y: number, sourceBlackY: number, kBlackY: number): number {
  const t = sourceBlackY < 1 ? Math.max(0, (y - sourceBlackY) / (1 - sourceBlackY)) : 1;
  return kBlackY + (1 - kBlackY) * t;
}

/**
 * Grey samples (DeviceGray, 255 = paper) that print 8-bit sRGB pixels' lightness on the press, alpha flattened onto
 * paper white (step 2–4).
 */
export function pressGreyFromRgb(rgb: Uint8Array, pixelCount: number, press: PressGrey, alpha?: Uint8Array, stride = 3): Uint8Array {
  const table = greyToneTable(press.kLightness);
  const kBlackY = luminanceOfLightness(Math.min(...Array.from(press.kLightness)));
  const out = new Uint8Array(pixelCount);
  for (let i = 0; i < pixelCount; i++) {
    let y = srgbLuminance(rgb[i * stride]!, rgb[i * stride + 1]!, rgb[i * stride + 2]!);
    // Alpha over white paper mixes light, so it mixes luminance.
    if (alpha) y = y * (alpha[i]! / 255) + (1 - alpha[i]! / 255);
    out[i] = table[tableIndex(lightnessOfLuminance(compensate(y, 0, kBlackY)))]!;
  }
  return out;
}

/**
 * Grey samples that print 8-bit CMYK pixels' lightness (as the press prints those inks, through the profile) with
 * K alone, the press's four-ink black compensated onto 100 % K.
 */
export function pressGreyFromCmyk(cmyk: Uint8Array, pixelCount: number, press: PressGrey): Uint8Array {
  const table = greyToneTable(press.kLightness);
  const kBlackY = luminanceOfLightness(Math.min(...Array.from(press.kLightness)));
  const richBlackY = luminanceOfLightness(press.cmykLightness(Uint8Array.of(255, 255, 255, 255), 1)[0]!);
  const lightness = press.cmykLightness(cmyk, pixelCount);
  if (lightness.length !== pixelCount) throw new RangeError(`The profile gave ${lightness.length} lightness values for ${pixelCount} pixels`);
  const out = new Uint8Array(pixelCount);
  for (let i = 0; i < pixelCount; i++) {
    out[i] = table[tableIndex(lightnessOfLuminance(compensate(luminanceOfLightness(lightness[i]!), Math.min(richBlackY, kBlackY), kBlackY)))]!;
  }
  return out;
}
