/**
 * Images and placed PDFs as PDF XObjects, in the colour model the preset allows.
 *
 * 1. Identify the asset from its bytes (`readImageInfo`), not from its MIME type.
 * 2. Print (PDF/X-1a, X-4): CMYK and grey JPEGs pass through untouched (DCTDecode, DeviceCMYK or
 *    DeviceGray); RGB JPEGs are decoded, separated (the plant profile, else `rgbToCmyk` below) and
 *    re-encoded as CMYK JPEGs at CMYK_JPEG_QUALITY (`encodeCmykJpeg`), so a photo stays about its own
 *    size; RGB PNGs are separated the same way and kept lossless (Flate); grey PNGs become DeviceGray
 *    (opaque ones pass through with a PNG predictor, undecoded). Alpha is flattened onto paper white
 *    (X-1a forbids transparency).
 * 3. Proof: JPEGs pass through as they are; PNGs go through pdf-lib's `embedPng` (alpha kept as SMask).
 * 4. Black-and-white pages (`mono`), both presets: grey JPEGs pass through; other JPEGs are decoded, turned
 *    to grey and re-encoded as grey JPEGs; PNGs become lossless DeviceGray. Only the K plate prints. The grey is
 *    Rec. 709 luma, as the screen's grayscale filter — or, in print with a plant profile (`pressGrey`), the K tint
 *    that prints the pixel's lightness on that press (mono-tone.ts). Placed PDFs keep their colours (preflight reports colour on a black-and-white page).
 * 5. TIFFs (decoded by tiff.ts; they have no pass-through): a CMYK TIFF stays CMYK, its samples Flate-compressed
 *    as DeviceCMYK in both presets; an RGB TIFF is separated as RGB PNGs are (print) or kept DeviceRGB (proof);
 *    grey stays DeviceGray; black-and-white pages make every TIFF grey.
 * 6. PDFs (ads, graphics): page 1's content and resources, without any action, annotation, script or embedded
 *    file, as a form XObject sized to its TrimBox (`readPlacedPdf`, `embedPlacedPdf`).
 */
import type { PDFDocument, PDFRef } from 'pdf-lib';
import { encodeCmykJpeg, encodeGreyJpeg } from './cmyk-jpeg.js';
import { readImageInfo } from './image-info.js';
import { cmykToRgbPixels } from './tiff.js';
import { embedPlacedPdf, readPlacedPdf } from './placed-pdf.js';
import { rawStream } from './raw-stream.js';
import { pngPassesThrough, readPngChunks, readPngHeader } from './png.js';
import { checkJpeg, checkPixelCount, checkPng, decodeJpegChecked, decodePngChecked, decodeTiffChecked } from './asset-check.js';
import { DEFAULT_FLATE_LEVEL, deflateWithFflate, inflateWithFflate, type Deflate, type Inflate } from './flate.js';
import { pressGreyFromCmyk, pressGreyFromRgb, type PressGrey } from './mono-tone.js';

/** Asset bytes as delivered by the host. */
export interface AssetBytes {
  bytes: Uint8Array;
  mime: string;
  /** The file it was placed from (`assetFileName`), for messages; absent: the asset id is shown. */
  name?: string;
}

/** Where the exporter gets asset bytes (the open document's zip, a test fixture …). */
export type AssetSource = (assetId: string) => Promise<AssetBytes | undefined>;

/** An embedded asset: its XObject and the size of its own coordinate space (1 × 1 for images). */
export interface EmbeddedAsset {
  ref: PDFRef;
  formSize: { widthPt: number; heightPt: number };
}

/** Default total area coverage for converted images when the template gives none (newsprint, PRINT.md). */
export const DEFAULT_TOTAL_INK_LIMIT_PCT = 240;
/** FlateDecode predictor 15: PNG filters, chosen per row (what PNG encoders write). */
const PNG_PREDICTOR_OPTIMUM = 15;
/**
 * IJG quality (1–100) of RGB photos re-encoded as CMYK JPEGs. 85 is the top of the range image tools call
 * high quality: decoded, the bench photo differs from its lossless separation by 2.2 levels of 255 on
 * average (under 1 % ink; 20 at most, at hard edges), well inside newsprint's dot gain and screen; 90 costs
 * a fifth more bytes for half a level, 95 two thirds more. Four full-resolution plates then stay near the
 * size of the camera's three subsampled channels (1.27× on the bench photo), where Flate made them 4–16×.
 */
export const CMYK_JPEG_QUALITY = 85;
/** Decode array of an inverted (Adobe) CMYK JPEG: each ink's samples read 1 → 0. */
const ADOBE_CMYK_DECODE = [1, 0, 1, 0, 1, 0, 1, 0];

/**
 * The documented default RGB → CMYK conversion (no ICC profile): grey-component replacement,
 * then an ink limit.
 * 1. K = 1 − max(R, G, B); C = (1 − R − K) / (1 − K), likewise M from G and Y from B.
 * 2. If C + M + Y + K exceeds `inkLimit` (fraction, e.g. 2.4), C, M and Y are scaled down together.
 * Inputs and outputs 0–1.
 */
export function rgbToCmyk(r: number, g: number, b: number, inkLimit: number): { c: number; m: number; y: number; k: number } {
  const k = 1 - Math.max(r, g, b);
  if (k >= 1) return { c: 0, m: 0, y: 0, k: 1 };
  let c = (1 - r - k) / (1 - k);
  let m = (1 - g - k) / (1 - k);
  let y = (1 - b - k) / (1 - k);
  const cmy = c + m + y;
  if (cmy + k > inkLimit && cmy > 0) {
    const f = Math.max(0, inkLimit - k) / cmy;
    c *= f;
    m *= f;
    y *= f;
  }
  return { c, m, y, k };
}

/**
 * Converts flattened 8-bit RGB pixels to 8-bit CMYK samples (255 = 100 % ink), e.g. through the plant's ICC
 * profile. Must return `pixelCount × 4` samples.
 */
export type RgbPixelConverter = (rgb: Uint8Array, pixelCount: number) => Uint8Array;

/** How pictures are separated and compressed for a print export. */
export interface ImageConversion {
  /** Total area coverage limit of the default conversion, percent. */
  inkLimitPct: number;
  /** The plant profile's transform; absent: the default formula (`rgbToCmyk`). */
  convertRgb?: RgbPixelConverter;
  deflate?: Deflate;
  /** The host's zlib for PNG data; default fflate. */
  inflate?: Inflate;
  /** A black-and-white page's picture: pictures become grey (DeviceGray, the K plate alone). */
  mono?: boolean;
  /**
   * The plant profile's grey (print only): a mono picture's grey is then the K tint that prints each pixel's
   * lightness on the press; absent: Rec. 709 luma (`rgbToGreyPixels`).
   */
  pressGrey?: PressGrey;
}

/** Turns colour pixels grey for a black-and-white page: RGB (3 samples a pixel, optional alpha) or CMYK (4). */
interface GreyConverter {
  fromRgb(rgb: Uint8Array, pixelCount: number, alpha?: Uint8Array): Uint8Array;
  fromCmyk(cmyk: Uint8Array, pixelCount: number): Uint8Array;
}

/** The grey conversion of `press` (through the profile), or Rec. 709 luma without one. */
function greyConverter(press: PressGrey | undefined): GreyConverter {
  if (press) return { fromRgb: (rgb, n, alpha) => pressGreyFromRgb(rgb, n, press, alpha), fromCmyk: (cmyk, n) => pressGreyFromCmyk(cmyk, n, press) };
  return { fromRgb: rgbToGreyPixels, fromCmyk: (cmyk, n) => rgbToGreyPixels(cmykToRgbPixels(cmyk, n), n) };
}

/**
 * Brightness of 8-bit RGB, alpha flattened onto paper white: one sample per pixel, 0 = black. The weights are
 * those of the screen's grayscale filter (Rec. 709 luma), so a black-and-white page prints as the canvas shows it.
 */
export function rgbToGreyPixels(rgb: Uint8Array, pixelCount: number, alpha?: Uint8Array): Uint8Array {
  const out = new Uint8Array(pixelCount);
  for (let i = 0; i < pixelCount; i++) {
    const luma = 0.2126 * rgb[i * 3]! + 0.7152 * rgb[i * 3 + 1]! + 0.0722 * rgb[i * 3 + 2]!;
    const a = alpha ? alpha[i]! / 255 : 1;
    out[i] = Math.round(luma * a + 255 * (1 - a));
  }
  return out;
}

/** A raster picture as grey for a black-and-white page: JPEGs stay JPEGs, PNGs stay lossless. */
function embedMono(doc: PDFDocument, bytes: Uint8Array, format: 'jpeg' | 'png', deflate: Deflate, inflate: Inflate, grey: GreyConverter): PDFRef {
  if (format === 'jpeg') {
    const decoded = decodeJpegChecked(bytes);
    const count = decoded.widthPx * decoded.heightPx;
    // jpeg-js gives grey pictures one sample per pixel and everything else RGB.
    const samples = decoded.data.length === count ? decoded.data : grey.fromRgb(decoded.data, count);
    const stream = rawStream(doc.context, encodeGreyJpeg(samples, decoded.widthPx, decoded.heightPx, CMYK_JPEG_QUALITY), {
      Type: 'XObject', Subtype: 'Image', Width: decoded.widthPx, Height: decoded.heightPx, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'DCTDecode',
    } as never);
    return doc.context.register(stream);
  }
  const png = decodePngChecked(bytes, inflate);
  const count = png.widthPx * png.heightPx;
  const samples = png.channels === 1 ? (png.alpha ? flattenGrey(png.pixels, png.alpha) : png.pixels) : grey.fromRgb(png.pixels, count, png.alpha);
  return registerPixels(doc, deflate, samples, png.widthPx, png.heightPx, 'DeviceGray');
}

/** RGB with alpha flattened onto white paper, 3 samples per pixel. */
function flattenRgb(rgb: Uint8Array, alpha: Uint8Array, pixelCount: number): Uint8Array {
  const out = new Uint8Array(pixelCount * 3);
  for (let i = 0; i < pixelCount; i++) {
    const a = alpha[i] / 255;
    for (let c = 0; c < 3; c++) out[i * 3 + c] = Math.round(rgb[i * 3 + c] * a + 255 * (1 - a));
  }
  return out;
}

/**
 * Converts 8-bit RGB pixels (optionally with alpha, flattened onto white) to 8-bit CMYK samples.
 * @param inkLimitPct total area coverage limit, percent
 */
export function convertRgbPixelsToCmyk(rgb: Uint8Array, pixelCount: number, inkLimitPct: number, alpha?: Uint8Array, stride = 3): Uint8Array {
  const out = new Uint8Array(pixelCount * 4);
  const limit = inkLimitPct / 100;
  for (let i = 0; i < pixelCount; i++) {
    let r = rgb[i * stride] / 255;
    let g = rgb[i * stride + 1] / 255;
    let b = rgb[i * stride + 2] / 255;
    if (alpha) {
      const a = alpha[i] / 255;
      r = r * a + (1 - a);
      g = g * a + (1 - a);
      b = b * a + (1 - a);
    }
    const cmyk = rgbToCmyk(r, g, b, limit);
    out[i * 4] = Math.round(cmyk.c * 255);
    out[i * 4 + 1] = Math.round(cmyk.m * 255);
    out[i * 4 + 2] = Math.round(cmyk.y * 255);
    out[i * 4 + 3] = Math.round(cmyk.k * 255);
  }
  return out;
}

/**
 * Embeds an asset for the given preset. Pictures are read through `asset-check.ts`, as preflight reads them.
 * @throws RangeError when the bytes are not a PNG, JPEG, TIFF or PDF, exceed the pixel cap or cannot be decoded
 */
export async function embedAsset(doc: PDFDocument, asset: AssetBytes, preset: 'print' | 'proof', conversion: ImageConversion): Promise<EmbeddedAsset> {
  const deflate = conversion.deflate ?? deflateWithFflate;
  const inflate = conversion.inflate ?? inflateWithFflate;
  const toCmyk = (rgb: Uint8Array, pixelCount: number, alpha?: Uint8Array): Uint8Array => {
    if (!conversion.convertRgb) return convertRgbPixelsToCmyk(rgb, pixelCount, conversion.inkLimitPct, alpha);
    const cmyk = conversion.convertRgb(alpha ? flattenRgb(rgb, alpha, pixelCount) : rgb, pixelCount);
    if (cmyk.length !== pixelCount * 4) throw new RangeError(`The colour transform returned ${cmyk.length} samples for ${pixelCount} pixels (expected ${pixelCount * 4})`);
    return cmyk;
  };
  const info = readImageInfo(asset.bytes);
  const unit = { widthPt: 1, heightPt: 1 };
  // A proof is read on screen: its grey stays the screen's, whatever the press does.
  const grey = greyConverter(preset === 'print' ? conversion.pressGrey : undefined);
  if (info.format === 'pdf') return embedPdfAsset(doc, asset.bytes, deflate);
  if (info.format === 'tiff') return { ref: embedTiff(doc, asset.bytes, preset, conversion.mono ? grey : undefined, toCmyk, deflate, inflate), formSize: unit };
  if (conversion.mono && (info.format === 'jpeg' || info.format === 'png')) {
    if (info.format === 'jpeg' && info.colour === 'grey') {
      checkJpeg(asset.bytes);
      const stream = rawStream(doc.context, asset.bytes, { Type: 'XObject', Subtype: 'Image', Width: info.widthPx, Height: info.heightPx, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'DCTDecode' } as never);
      return { ref: doc.context.register(stream), formSize: unit };
    }
    return { ref: embedMono(doc, asset.bytes, info.format, deflate, inflate, grey), formSize: unit };
  }
  if (info.format === 'jpeg') {
    if (!info.widthPx || !info.heightPx || info.colour === 'unknown') throw new RangeError('JPEG asset has no readable frame header');
    checkPixelCount(info.widthPx, info.heightPx);
    if (preset === 'print' && info.colour === 'rgb') {
      // Decoded once: preflight's decode of the same bytes is reused.
      const decoded = decodeJpegChecked(asset.bytes);
      const cmyk = toCmyk(decoded.data, decoded.widthPx * decoded.heightPx);
      const stream = rawStream(doc.context, encodeCmykJpeg(cmyk, decoded.widthPx, decoded.heightPx, CMYK_JPEG_QUALITY), {
        Type: 'XObject', Subtype: 'Image', Width: decoded.widthPx, Height: decoded.heightPx,
        BitsPerComponent: 8, ColorSpace: 'DeviceCMYK', Filter: 'DCTDecode', Decode: ADOBE_CMYK_DECODE,
      } as never);
      return { ref: doc.context.register(stream), formSize: unit };
    }
    const colourSpace = info.colour === 'grey' ? 'DeviceGray' : info.colour === 'cmyk' ? 'DeviceCMYK' : 'DeviceRGB';
    const dict: Record<string, unknown> = {
      Type: 'XObject', Subtype: 'Image', Width: info.widthPx, Height: info.heightPx,
      BitsPerComponent: 8, ColorSpace: colourSpace, Filter: 'DCTDecode',
    };
    // Adobe (Photoshop) CMYK JPEGs store inverted samples; the Decode array flips them back.
    if (info.colour === 'cmyk' && info.adobe) dict.Decode = ADOBE_CMYK_DECODE;
    const stream = rawStream(doc.context, asset.bytes, dict as never);
    return { ref: doc.context.register(stream), formSize: unit };
  }
  if (info.format === 'png') {
    if (preset === 'proof') {
      // Checked (checksums, data, pixel cap) before pdf-lib's decoder sees it.
      checkPng(asset.bytes, inflate);
      const image = await doc.embedPng(asset.bytes);
      return { ref: image.ref, formSize: unit };
    }
    const passthrough = greyPngPassthrough(doc, asset.bytes, inflate);
    if (passthrough) return { ref: passthrough, formSize: unit };
    // Decoded once: preflight's decode of the same bytes is reused.
    const png = decodePngChecked(asset.bytes, inflate);
    const count = png.widthPx * png.heightPx;
    if (png.channels === 1) {
      const grey = png.alpha ? flattenGrey(png.pixels, png.alpha) : png.pixels;
      return { ref: registerPixels(doc, deflate, grey, png.widthPx, png.heightPx, 'DeviceGray'), formSize: unit };
    }
    const cmyk = toCmyk(png.pixels, count, png.alpha);
    return { ref: registerPixels(doc, deflate, cmyk, png.widthPx, png.heightPx, 'DeviceCMYK'), formSize: unit };
  }
  throw new RangeError(`Asset is not a PNG, JPEG, TIFF or PDF file (declared as ${asset.mime})`);
}

/**
 * A TIFF as an image XObject (step 5): CMYK samples go into the PDF as they are (no detour through RGB), RGB is
 * separated for print, everything becomes grey on a black-and-white page.
 */
function embedTiff(
  doc: PDFDocument, bytes: Uint8Array, preset: 'print' | 'proof', mono: GreyConverter | undefined,
  toCmyk: (rgb: Uint8Array, pixelCount: number) => Uint8Array, deflate: Deflate, inflate: Inflate,
): PDFRef {
  const tiff = decodeTiffChecked(bytes, inflate);
  const count = tiff.widthPx * tiff.heightPx;
  const register = (samples: Uint8Array, space: 'DeviceCMYK' | 'DeviceGray' | 'DeviceRGB'): PDFRef => registerPixels(doc, deflate, samples, tiff.widthPx, tiff.heightPx, space);
  if (tiff.colour === 'grey') return register(tiff.pixels, 'DeviceGray');
  if (mono) return register(tiff.colour === 'cmyk' ? mono.fromCmyk(tiff.pixels, count) : mono.fromRgb(tiff.pixels, count), 'DeviceGray');
  if (tiff.colour === 'cmyk') return register(tiff.pixels, 'DeviceCMYK');
  return preset === 'print' ? register(toCmyk(tiff.pixels, count), 'DeviceCMYK') : register(tiff.pixels, 'DeviceRGB');
}

async function embedPdfAsset(doc: PDFDocument, bytes: Uint8Array, deflate: Deflate): Promise<EmbeddedAsset> {
  // Only page 1's content and resources are copied: no actions, annotations, scripts or embedded files.
  const placed = await readPlacedPdf(bytes);
  const embedded = embedPlacedPdf(doc, placed, deflate);
  return { ref: embedded.ref, formSize: { widthPt: embedded.widthPt, heightPt: embedded.heightPt } };
}

/**
 * Opaque, non-interlaced grey PNGs of ≤ 8 bits are valid PDF image data as they are (`pngPassesThrough`): the IDAT
 * zlib stream with a PNG predictor. Passing it through skips re-deflating the pixels (they are still inflated once,
 * by the check that the data is whole).
 * @returns the image XObject, or undefined when the PNG needs decoding
 */
function greyPngPassthrough(doc: PDFDocument, bytes: Uint8Array, inflate: Inflate): PDFRef | undefined {
  if (!pngPassesThrough(bytes)) return undefined;
  checkPng(bytes, inflate);
  const header = readPngHeader(bytes);
  const chunks = readPngChunks(bytes);
  const idat = chunks.filter((c) => c.type === 'IDAT').map((c) => c.data);
  const data = new Uint8Array(idat.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of idat) {
    data.set(c, at);
    at += c.length;
  }
  const stream = rawStream(doc.context, data, {
    Type: 'XObject', Subtype: 'Image', Width: header.widthPx, Height: header.heightPx,
    BitsPerComponent: header.bitDepth, ColorSpace: 'DeviceGray', Filter: 'FlateDecode',
    DecodeParms: { Predictor: PNG_PREDICTOR_OPTIMUM, Colors: 1, BitsPerComponent: header.bitDepth, Columns: header.widthPx },
  });
  return doc.context.register(stream);
}

function flattenGrey(grey: Uint8Array, alpha: Uint8Array): Uint8Array {
  const out = new Uint8Array(grey.length);
  for (let i = 0; i < grey.length; i++) out[i] = Math.round((grey[i] * alpha[i]) / 255 + (255 - alpha[i]));
  return out;
}

function registerPixels(doc: PDFDocument, deflate: Deflate, samples: Uint8Array, widthPx: number, heightPx: number, colourSpace: 'DeviceCMYK' | 'DeviceGray' | 'DeviceRGB'): PDFRef {
  const stream = rawStream(doc.context, deflate(samples, DEFAULT_FLATE_LEVEL), {
    Type: 'XObject', Subtype: 'Image', Width: widthPx, Height: heightPx,
    BitsPerComponent: 8, ColorSpace: colourSpace, Filter: 'FlateDecode',
  });
  return doc.context.register(stream);
}
