/**
 * Images in the PDF: RGB converted to CMYK in print, CMYK JPEG passed through, placed PDFs as
 * clipped form XObjects, missing assets marked; checked by structure and by colour renders.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayoutItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { exportPdf } from '../../../src-core/pdf/export.js';
import { readImageInfo } from '../../../src-core/pdf/image-info.js';
import { convertRgbPixelsToCmyk, rgbToCmyk, type AssetBytes } from '../../../src-core/pdf/images.js';
import { fixtureInput, loadFonts, tool, writeArtifact } from './fixtures.js';
import { adobeCmykJpeg, encodePng, placedPdf, rgbJpeg, twoColourRgbPng } from './test-assets.js';

const fonts = loadFonts(['noto-serif-sc-400']);
const SLUG = 20;

interface RgbImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

function renderRgb(pdfPath: string): RgbImage {
  const base = pdfPath.replace(/\.pdf$/, '-rgb');
  execFileSync('pdftoppm', ['-r', '72', '-singlefile', pdfPath, base]);
  execFileSync('pdftoppm', ['-r', '72', '-png', '-singlefile', pdfPath, base]);
  const ppm = readFileSync(`${base}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a P6 PPM');
  return { width: Number(header[1]), height: Number(header[2]), pixels: new Uint8Array(ppm.subarray(header[0].length)) };
}

/** Pixel at layout point (x, y) on a page whose trim starts `off` points into the media box. */
function at(img: RgbImage, off: number, x: number, y: number): [number, number, number] {
  const i = (Math.round(off + y) * img.width + Math.round(off + x)) * 3;
  return [img.pixels[i], img.pixels[i + 1], img.pixels[i + 2]];
}

const cmykJpeg = adobeCmykJpeg([{ c: 0, m: 0, y: 0, k: 1 }, { c: 1, m: 0, y: 0, k: 0 }]);
let assets: Record<string, AssetBytes> = {};

function imagePage(): PageLayout {
  const sq = (x: number, y: number, w: number, h: number) => ({ xPt: x, yPt: y, widthPt: w, heightPt: h });
  const items: LayoutItem[] = [
    { kind: 'image', assetId: 'png', rect: sq(20, 20, 100, 100), clip: sq(20, 20, 100, 100) },
    { kind: 'image', assetId: 'jpeg-rgb', rect: sq(150, 20, 100, 100), clip: sq(150, 20, 100, 100) },
    { kind: 'image', assetId: 'jpeg-cmyk', rect: sq(20, 150, 100, 50), clip: sq(20, 150, 100, 50) },
    { kind: 'image', assetId: 'ad', rect: sq(150, 150, 120, 60), clip: sq(160, 160, 60, 40) },
    { kind: 'image', assetId: 'missing', rect: sq(20, 230, 60, 40), clip: sq(20, 230, 60, 40) },
    { kind: 'image', assetId: 'grey', rect: sq(150, 230, 100, 40), clip: sq(150, 230, 100, 40) },
  ];
  return {
    pageId: 'img', pageName: 'B02', trimWidthPt: 300, trimHeightPt: 300, bleedPt: 0,
    typeArea: sq(10, 10, 280, 280), items, lines: [], overset: [], copyfit: [], warnings: [],
  };
}

async function exportImages(preset: 'print' | 'proof'): Promise<{ path: string; bytes: Uint8Array }> {
  const bytes = await exportPdf({
    ...fixtureInput(fonts, preset, [imagePage()]),
    bleedPt: 0,
    slugPt: SLUG,
    assets: async (id) => assets[id],
  });
  return { path: writeArtifact(`images-${preset}.pdf`, bytes), bytes };
}

beforeAll(async () => {
  assets = {
    png: { bytes: twoColourRgbPng(10, 10, [255, 0, 0], [0, 0, 255]), mime: 'image/png' },
    'jpeg-rgb': { bytes: rgbJpeg(16, 16, [0, 160, 0]), mime: 'image/jpeg' },
    'jpeg-cmyk': { bytes: cmykJpeg, mime: 'image/jpeg' },
    ad: { bytes: await placedPdf({ c: 0, m: 1, y: 0, k: 0 }), mime: 'application/pdf' },
    // Grey PNG, Paeth-free Up filter: left half 40, right half 200.
    grey: { bytes: encodePng({ widthPx: 10, heightPx: 4, bitDepth: 8, colourType: 0, filter: 2, rows: Array.from({ length: 4 }, () => Uint8Array.from([40, 40, 40, 40, 40, 200, 200, 200, 200, 200])) }), mime: 'image/png' },
  };
});

describe('default RGB → CMYK conversion', () => {
  it('maps primaries, black and grey by grey-component replacement', () => {
    expect(rgbToCmyk(1, 0, 0, 2.4)).toEqual({ c: 0, m: 1, y: 1, k: 0 });
    expect(rgbToCmyk(0, 0, 0, 2.4)).toEqual({ c: 0, m: 0, y: 0, k: 1 });
    const grey = rgbToCmyk(0.5, 0.5, 0.5, 2.4);
    expect(grey.k).toBeCloseTo(0.5);
    expect(grey.c + grey.m + grey.y).toBeCloseTo(0);
  });

  it('keeps total ink within the limit', () => {
    const dark = rgbToCmyk(0.02, 0.3, 0.01, 1.5);
    expect(dark.c + dark.m + dark.y + dark.k).toBeLessThanOrEqual(1.5 + 1e-9);
    expect(dark.k).toBeCloseTo(0.7);
  });

  it('flattens alpha onto paper white', () => {
    const out = convertRgbPixelsToCmyk(Uint8Array.from([0, 0, 0]), 1, 240, Uint8Array.from([0]));
    expect([...out]).toEqual([0, 0, 0, 0]);
  });
});

describe('image facts from bytes', () => {
  it('reads colour model and size of PNG, JPEG (RGB, Adobe CMYK) and PDF', async () => {
    expect(readImageInfo(assets.png.bytes)).toMatchObject({ format: 'png', colour: 'rgb', widthPx: 10, heightPx: 10 });
    expect(readImageInfo(assets['jpeg-rgb'].bytes)).toMatchObject({ format: 'jpeg', colour: 'rgb', widthPx: 16, heightPx: 16 });
    expect(readImageInfo(cmykJpeg)).toMatchObject({ format: 'jpeg', colour: 'cmyk', widthPx: 16, heightPx: 8, adobe: true });
    expect(readImageInfo(assets.ad.bytes)).toMatchObject({ format: 'pdf' });
    expect(readImageInfo(Uint8Array.from([1, 2, 3]))).toMatchObject({ format: 'unknown', colour: 'unknown' });
  });
});

describe('print preset images', () => {
  let path = '';
  let bytes: Uint8Array;
  let qdfText = '';
  let img: RgbImage;
  beforeAll(async () => {
    ({ path, bytes } = await exportImages('print'));
    const qdfPath = path.replace(/\.pdf$/, '.qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, qdfPath]);
    qdfText = readFileSync(qdfPath).toString('latin1');
    img = renderRgb(path);
  });

  it('passes qpdf --check and contains no RGB colour space', () => {
    expect(tool('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
    expect(qdfText).not.toMatch(/DeviceRGB/);
    expect(qdfText).not.toMatch(/\/SMask/);
    expect(qdfText.match(/\/ColorSpace \/DeviceCMYK/g)?.length).toBe(3);
  });

  it('passes the CMYK JPEG through unchanged (DCTDecode, inverted Decode for Adobe)', () => {
    expect(Buffer.from(bytes).indexOf(Buffer.from(cmykJpeg))).toBeGreaterThan(0);
    expect(qdfText).toMatch(/\/Decode \[\s*1\s+0\s+1\s+0\s+1\s+0\s+1\s+0\s*\]/);
    expect(qdfText.match(/\/Filter \/DCTDecode/g)?.length).toBe(1);
  });

  it('renders converted RGB images in their colours', () => {
    const [r1, g1, b1] = at(img, SLUG, 45, 70);
    expect(r1).toBeGreaterThan(200);
    expect(g1).toBeLessThan(80);
    expect(b1).toBeLessThan(80);
    const [r2, , b2] = at(img, SLUG, 95, 70);
    // Poppler renders CMYK like a press (C+M blue ≈ 46 49 145), not by the naive inverse.
    expect(b2).toBeGreaterThan(100);
    expect(b2).toBeGreaterThan(r2 + 50);
    const [r3, g3, b3] = at(img, SLUG, 200, 70);
    expect(g3).toBeGreaterThan(r3 + 50);
    expect(g3).toBeGreaterThan(b3 + 50);
  });

  it('renders the CMYK JPEG: K block black, C block cyan', () => {
    expect(Math.max(...at(img, SLUG, 45, 175))).toBeLessThan(70);
    const [r, g, b] = at(img, SLUG, 95, 175);
    expect(r).toBeLessThan(80);
    expect(g).toBeGreaterThan(150);
    expect(b).toBeGreaterThan(150);
  });

  it('embeds a placed PDF as a form XObject, trimmed and clipped to the frame', () => {
    expect(qdfText).toMatch(/\/Subtype \/Form/);
    const [r, g, b] = at(img, SLUG, 190, 180);
    // Process magenta as poppler renders it (≈ 236 0 140).
    expect(r).toBeGreaterThan(180);
    expect(g).toBeLessThan(80);
    expect(b).toBeGreaterThan(100);
    // Inside the placed rect but outside the clip: paper white.
    expect(at(img, SLUG, 155, 155)).toEqual([255, 255, 255]);
    expect(at(img, SLUG, 255, 200)).toEqual([255, 255, 255]);
  });

  it('passes an opaque grey PNG through as DeviceGray with a PNG predictor, rendering its grey levels', () => {
    expect(qdfText).toMatch(/\/ColorSpace \/DeviceGray/);
    // qpdf --qdf decodes predictors away, so look at the file as written.
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Predictor 15/);
    const [l] = at(img, SLUG, 170, 250);
    const [r] = at(img, SLUG, 230, 250);
    expect(Math.abs(l - 40)).toBeLessThan(8);
    expect(Math.abs(r - 200)).toBeLessThan(8);
  });

  it('marks a missing asset with a crossed frame', () => {
    expect(Math.max(...at(img, SLUG, 50, 250))).toBeLessThan(160);
    expect(at(img, SLUG, 50, 240)).toEqual([255, 255, 255]);
  });
});

describe('proof preset images', () => {
  it('keeps RGB images as they are and renders them', async () => {
    const { path } = await exportImages('proof');
    expect(tool('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
    const img = renderRgb(path);
    const [r, g, b] = at(img, 0, 45, 70);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(80);
    expect(b).toBeLessThan(80);
  });
});
