/**
 * Reverse and tint (反白, 底纹) on the plates: a print PDF rendered by Ghostscript into separate C, M, Y, K
 * values per pixel (the `pamcmyk32` device, which honours overprint as a press does). Black text overprints its
 * tint (the tint stays on its plate under the glyphs: no white halo when plates drift); paper-white text
 * knocks out of every plate. The pictures of a black-and-white page (黑白版) leave C, M and Y empty.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageItem, LayoutItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { BLACK, type Cmyk } from '../../../src-core/model/colour.js';
import { exportPdf } from '../../../src-core/pdf/export.js';
import type { AssetBytes } from '../../../src-core/pdf/images.js';
import type { LoadedFont } from '../../../src-core/text/font.js';
import { fixtureInput, loadFonts, setLine, writeArtifact } from './fixtures.js';
import { twoColourRgbPng } from './test-assets.js';

const fonts = loadFonts(['noto-serif-sc-400', 'noto-sans-sc-900']);
const sans = fonts.byId('noto-sans-sc-900') as LoadedFont;
const PAPER: Cmyk = { c: 0, m: 0, y: 0, k: 0 };
const CYAN: Cmyk = { c: 1, m: 0, y: 0, k: 0 };
const DPI = 72;
/** Media box offset of the print preset: bleed 8.5 pt + slug 34 pt. */
const OFF = 8.5 + 34;
/** 国 at 60 pt: a glyph with a solid stroke where the test looks (its horizontal bars). */
const GLYPH = '国';

const items: LayoutItem[] = [
  // Black text on a cyan box: it overprints.
  { kind: 'box', rect: { xPt: 20, yPt: 20, widthPt: 120, heightPt: 100 }, strokePt: 0, fill: CYAN },
  setLine(sans, GLYPH, 60, 50, 95, BLACK),
  // Paper-white text on a cyan box: it knocks out.
  { kind: 'box', rect: { xPt: 170, yPt: 20, widthPt: 120, heightPt: 100 }, strokePt: 0, fill: CYAN },
  setLine(sans, GLYPH, 60, 200, 95, PAPER),
];
const page: PageLayout = {
  pageId: 'p-A01', pageName: 'A01', trimWidthPt: 320, trimHeightPt: 400, bleedPt: 0,
  typeArea: { xPt: 20, yPt: 20, widthPt: 280, heightPt: 360 }, items, lines: [], overset: [], copyfit: [], warnings: [],
};

/** Ghostscript's separation of a PDF's first page: its width in pixels and 4 bytes (C, M, Y, K) a pixel. */
function separate(pdf: string, name: string): { width: number; plates: Uint8Array } {
  const out = pdf.replace(/[^/]*\.pdf$/, `${name}.pam`);
  execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pamcmyk32', `-r${DPI}`, '-dFirstPage=1', '-dLastPage=1', `-sOutputFile=${out}`, pdf]);
  const pam = readFileSync(out);
  // PAM header: "P7", WIDTH, HEIGHT, DEPTH 4, MAXVAL 255, TUPLTYPE CMYK, ENDHDR; then 4 bytes a pixel.
  const headerEnd = pam.indexOf('ENDHDR\n') + 'ENDHDR\n'.length;
  const header = pam.subarray(0, headerEnd).toString('latin1');
  if (!/DEPTH 4/.test(header)) throw new RangeError(`Ghostscript wrote no CMYK PAM: ${header}`);
  return { width: Number(/WIDTH (\d+)/.exec(header)?.[1]), plates: new Uint8Array(pam.subarray(headerEnd)) };
}

let width = 0;
let plates: Uint8Array;
beforeAll(async () => {
  const pdf = writeArtifact('separations-print.pdf', await exportPdf(fixtureInput(fonts, 'print', [page])));
  ({ width, plates } = separate(pdf, 'separations-print'));
});

/** The four plate values (0–255) of the pixel at page point (x, y) from the trim's top-left. */
function cmykAt(xPt: number, yPt: number): [number, number, number, number] {
  const i = (Math.round(((OFF + yPt) * DPI) / 72) * width + Math.round(((OFF + xPt) * DPI) / 72)) * 4;
  return [plates[i]!, plates[i + 1]!, plates[i + 2]!, plates[i + 3]!];
}

/** Pixels of the glyph's box (x from `x0Pt`, 60 pt square above baseline 95) whose K or whose C plate is set. */
function glyphPixels(x0Pt: number, plate: 0 | 3): { xPt: number; yPt: number }[] {
  const found: { xPt: number; yPt: number }[] = [];
  for (let y = 40; y < 95; y += 1) for (let x = x0Pt; x < x0Pt + 60; x += 1) if (cmykAt(x, y)[plate] > 200) found.push({ xPt: x, yPt: y });
  return found;
}

describe('reverse and tint on the plates (Ghostscript separations)', () => {
  it('keeps the cyan tint under black text (overprint): where K is solid, C is too', () => {
    const black = glyphPixels(50, 3);
    expect(black.length).toBeGreaterThan(100);
    const cyanUnder = black.filter((p) => cmykAt(p.xPt, p.yPt)[0] > 200);
    expect(cyanUnder.length / black.length).toBeGreaterThan(0.95);
  });

  it('knocks paper-white text out of every plate', () => {
    // Where the white glyph is, the cyan plate is empty inside the cyan box; the box around it is solid cyan.
    let knockedOut = 0;
    for (let y = 40; y < 95; y += 1) {
      for (let x = 200; x < 260; x += 1) {
        const [c, m, yy, k] = cmykAt(x, y);
        if (c < 30 && m < 30 && yy < 30 && k < 30) knockedOut++;
      }
    }
    expect(knockedOut).toBeGreaterThan(100);
    expect(cmykAt(175, 25)[0]).toBeGreaterThan(200);
    // The same glyph in black covers about as many pixels as the white one leaves empty.
    const black = glyphPixels(50, 3).length;
    expect(knockedOut / black).toBeGreaterThan(0.8);
    expect(knockedOut / black).toBeLessThan(1.25);
  });
});

describe('a black-and-white page’s pictures (黑白版) print on the K plate alone', () => {
  const photo = new Uint8Array(readFileSync('tests/fixtures/photo/stm32f3-discovery.jpg'));
  const png = twoColourRgbPng(60, 40, [255, 0, 0], [0, 0, 255]);
  const assets: Record<string, AssetBytes> = { photo: { bytes: photo, mime: 'image/jpeg' }, png: { bytes: png, mime: 'image/png' } };
  const picture = (assetId: string, xPt: number, yPt: number, mono: boolean): ImageItem => {
    const rect = { xPt, yPt, widthPt: 120, heightPt: 80 };
    return { kind: 'image', assetId, rect, clip: rect, ...(mono ? { mono: true as const } : {}) };
  };
  const monoPage: PageLayout = {
    ...page,
    items: [picture('photo', 20, 20, true), picture('png', 170, 20, true), picture('photo', 20, 200, false), picture('png', 170, 200, false)],
  };
  let pdfPath = '';
  let sep: { width: number; plates: Uint8Array };
  beforeAll(async () => {
    pdfPath = writeArtifact('mono-pictures-print.pdf', await exportPdf({ ...fixtureInput(fonts, 'print', [monoPage]), assets: async (id) => assets[id] }));
    sep = separate(pdfPath, 'mono-pictures-print');
  });

  /** Summed ink of each plate over a page rectangle (points from the trim's top-left). */
  const inkIn = (xPt: number, yPt: number, widthPt: number, heightPt: number): [number, number, number, number] => {
    const sum: [number, number, number, number] = [0, 0, 0, 0];
    for (let y = yPt; y < yPt + heightPt; y += 2) {
      for (let x = xPt; x < xPt + widthPt; x += 2) {
        const i = (Math.round(((OFF + y) * DPI) / 72) * sep.width + Math.round(((OFF + x) * DPI) / 72)) * 4;
        for (let c = 0; c < 4; c++) sum[c] += sep.plates[i + c]!;
      }
    }
    return sum;
  };

  it('embeds the photo as a grey JPEG and the PNG as lossless grey', () => {
    const list = execFileSync('pdfimages', ['-list', pdfPath], { encoding: 'utf8' }).trim().split('\n').slice(2).map((row) => row.trim().split(/\s+/));
    // Columns: page num type width height color comp bpc enc …
    const grey = list.filter((r) => r[5] === 'gray');
    expect(grey.map((r) => r[8]).sort()).toEqual(['image', 'jpeg']);
    expect(list.filter((r) => r[5] === 'cmyk')).toHaveLength(2);
  });

  it('leaves C, M and Y empty under the grey pictures, while the same pictures in colour use them', () => {
    for (const xPt of [20, 170]) {
      const [c, m, y, k] = inkIn(xPt + 5, 25, 110, 70);
      expect(c + m + y).toBe(0);
      expect(k).toBeGreaterThan(0);
      const colour = inkIn(xPt + 5, 205, 110, 70);
      expect(colour[0] + colour[1] + colour[2]).toBeGreaterThan(0);
    }
  });
});
