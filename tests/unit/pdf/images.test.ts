/**
 * Images in the PDF: RGB converted to CMYK in print (JPEGs re-encoded as CMYK JPEGs), CMYK JPEG passed
 * through, placed PDFs as clipped form XObjects, missing assets marked; checked by structure and by colour
 * renders.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayoutItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { exportPdf } from '../../../src-core/pdf/export.js';
import { readImageInfo } from '../../../src-core/pdf/image-info.js';
import { convertRgbPixelsToCmyk, rgbToCmyk, type AssetBytes } from '../../../src-core/pdf/images.js';
import { fixtureInput, loadFonts, ROOT, tool, writeArtifact } from './fixtures.js';
import { adobeCmykJpeg, encodePng, greyJpeg, placedPdf, rgbJpeg, twoColourRgbPng } from './test-assets.js';

const fonts = loadFonts(['noto-serif-sc-400']);
const SLUG = 20;

interface RgbImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

function renderRgb(pdfPath: string, dpi = 72): RgbImage {
  const base = pdfPath.replace(/\.pdf$/, '-rgb');
  execFileSync('pdftoppm', ['-r', String(dpi), '-singlefile', pdfPath, base]);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', pdfPath, base]);
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

  it('passes the CMYK JPEG through unchanged and re-encodes the RGB JPEG as one (DCTDecode, inverted Decode for Adobe)', () => {
    expect(Buffer.from(bytes).indexOf(Buffer.from(cmykJpeg))).toBeGreaterThan(0);
    expect(qdfText.match(/\/Decode \[\s*1\s+0\s+1\s+0\s+1\s+0\s+1\s+0\s*\]/g)?.length).toBe(2);
    expect(qdfText.match(/\/Filter \/DCTDecode/g)?.length).toBe(2);
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

describe('a photo in the print preset (regression: a 259 KB JPEG became a 16× larger Flate image)', () => {
  const photo = new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/photo/stm32f3-discovery.jpg')));
  /** Drawn at half its pixel size, so at 72 dpi both copies fall on whole pixels alike. */
  const W = 360;
  const H = 238.5;
  const sq = (x: number, y: number) => ({ xPt: x, yPt: y, widthPt: W, heightPt: H });
  const page: PageLayout = {
    pageId: 'photo', pageName: 'B03', trimWidthPt: 2 * W + 60, trimHeightPt: H + 40, bleedPt: 0,
    typeArea: { xPt: 0, yPt: 0, widthPt: 2 * W + 60, heightPt: H + 40 },
    // The same pixels twice: as the JPEG, and as a PNG, which the exporter separates losslessly (Flate).
    items: [
      { kind: 'image', assetId: 'jpeg', rect: sq(20, 20), clip: sq(20, 20) },
      { kind: 'image', assetId: 'png', rect: sq(40 + W, 20), clip: sq(40 + W, 20) },
    ],
    lines: [], overset: [], copyfit: [], warnings: [],
  };
  let pdf = '';
  let written: Uint8Array;
  let qdf = '';
  beforeAll(async () => {
    const rgb = jpeg.decode(photo, { useTArray: true, formatAsRGBA: false });
    const rows = Array.from({ length: rgb.height }, (_, y) => rgb.data.subarray(y * rgb.width * 3, (y + 1) * rgb.width * 3));
    const png = encodePng({ widthPx: rgb.width, heightPx: rgb.height, bitDepth: 8, colourType: 2, rows });
    const sources: Record<string, AssetBytes> = { jpeg: { bytes: photo, mime: 'image/jpeg' }, png: { bytes: png, mime: 'image/png' } };
    written = await exportPdf({ ...fixtureInput(fonts, 'print', [page]), bleedPt: 0, slugPt: SLUG, assets: async (id) => sources[id] });
    pdf = writeArtifact('images-photo-print.pdf', written);
    qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('latin1');
  });

  it('stays a JPEG: the JPEG is a CMYK DCTDecode image, inverted like an Adobe CMYK JPEG; the PNG stays lossless', () => {
    expect(tool('qpdf', ['--check', pdf])).toContain('No syntax or stream encoding errors');
    expect(qdf).not.toMatch(/DeviceRGB/);
    expect(qdf.match(/\/Decode \[\s*1\s+0\s+1\s+0\s+1\s+0\s+1\s+0\s*\]/g)).toHaveLength(1);
    // pdfimages -list: page num type width height color comp bpc enc …
    const images = tool('pdfimages', ['-list', pdf]).split('\n').slice(2).filter((l) => l.trim()).map((l) => l.trim().split(/\s+/).slice(3, 9).join(' '));
    expect(images.sort()).toEqual(['720 477 cmyk 4 8 image', '720 477 cmyk 4 8 jpeg']);
  });

  it('renders like the lossless separation of the same pixels (JPEG loss only)', () => {
    const img = renderRgb(pdf, 72);
    let sum = 0;
    let n = 0;
    for (let y = 2; y < H - 2; y++) {
      for (let x = 2; x < W - 2; x++) {
        const a = at(img, SLUG, 20 + x, 20 + y);
        const b = at(img, SLUG, 40 + W + x, 20 + y);
        for (let c = 0; c < 3; c++) sum += Math.abs(a[c]! - b[c]!);
        n += 3;
      }
    }
    expect(sum / n).toBeLessThan(2.5);
    // Not a blank or inverted picture: the board is green, as in the photo.
    const board = at(img, SLUG, 20 + 90, 20 + 60);
    expect(board[1]).toBeGreaterThan(board[0]! + 30);
  });

  it("keeps the print PDF near the photo's own size (the JPEG alone, without its lossless twin)", async () => {
    const jpegOnly: PageLayout = { ...page, items: [page.items[0]!] };
    const bytes = await exportPdf({ ...fixtureInput(fonts, 'print', [jpegOnly]), bleedPt: 0, slugPt: SLUG, assets: async (id) => (id === 'jpeg' ? { bytes: photo, mime: 'image/jpeg' } : undefined) });
    const without = await exportPdf({ ...fixtureInput(fonts, 'print', [jpegOnly]), bleedPt: 0, slugPt: SLUG, assets: async () => undefined });
    expect(bytes.length).toBeLessThan(1.5 * photo.length + without.length);
  });
});

describe('a grey JPEG in the print preset', () => {
  it('passes through untouched as DeviceGray DCT (no Decode array), rendering its grey levels', async () => {
    const grey = greyJpeg([40, 200]);
    expect(readImageInfo(grey)).toMatchObject({ format: 'jpeg', colour: 'grey', widthPx: 16, heightPx: 8 });
    const sq = { xPt: 20, yPt: 20, widthPt: 160, heightPt: 80 };
    const page: PageLayout = { ...imagePage(), items: [{ kind: 'image', assetId: 'grey-jpeg', rect: sq, clip: sq }] };
    const bytes = await exportPdf({ ...fixtureInput(fonts, 'print', [page]), bleedPt: 0, slugPt: SLUG, assets: async () => ({ bytes: grey, mime: 'image/jpeg' }) });
    const path = writeArtifact('images-grey-jpeg-print.pdf', bytes);
    expect(Buffer.from(bytes).indexOf(Buffer.from(grey))).toBeGreaterThan(0);
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('latin1');
    expect(qdf).toMatch(/\/ColorSpace \/DeviceGray/);
    expect(qdf).not.toMatch(/\/Decode/);
    const img = renderRgb(path);
    expect(Math.abs(at(img, SLUG, 60, 60)[0] - 40)).toBeLessThan(8);
    expect(Math.abs(at(img, SLUG, 140, 60)[0] - 200)).toBeLessThan(8);
  });
});

describe('damaged pictures in the print preset', () => {
  it('a truncated RGB JPEG fails the export with what is wrong, not a stack of jpeg-js internals', async () => {
    const photo = new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/photo/stm32f3-discovery.jpg')));
    const page: PageLayout = { ...imagePage(), items: [imagePage().items[1]!] };
    const export_ = exportPdf({ ...fixtureInput(fonts, 'print', [page]), assets: async () => ({ bytes: photo.subarray(0, 60_000), mime: 'image/jpeg' }) });
    await expect(export_).rejects.toThrow(RangeError);
    await expect(export_).rejects.toThrow(/^Picture "jpeg-rgb" on page B02 cannot be exported: its JPEG data cannot be decoded \(.+\)$/);
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
