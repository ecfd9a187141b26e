/**
 * TIFFs in the PDF (issue 15 item 9): each compression × colour model placed, exported, rendered and looked at.
 * A CMYK TIFF stays CMYK: its inks reach the plates exactly as stored (Ghostscript's `pamcmyk32` separation), never
 * through RGB; an RGB TIFF is separated for print like an RGB PNG and kept RGB in a proof (pdftoppm colours).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayoutItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { exportPdf } from '../../../src-core/pdf/export.js';
import type { AssetBytes } from '../../../src-core/pdf/images.js';
import { fixtureInput, loadFonts, tool, writeArtifact } from './fixtures.js';
import { encodeTiff, twoHalves } from './tiff-assets.js';

const fonts = loadFonts(['noto-serif-sc-400']);
const DPI = 72;
const COMPRESSIONS = ['none', 'lzw', 'deflate'] as const;
/** Left half cyan 100 %, right half magenta 60 % + black 20 % (CMYK TIFFs). */
const CMYK_LEFT = [255, 0, 0, 0];
const CMYK_RIGHT = [0, 153, 0, 51];
/** Left half red, right half blue (RGB TIFFs); grey: dark left, light right. */
const RGB_LEFT = [255, 0, 0];
const RGB_RIGHT = [0, 0, 255];

const assets: Record<string, AssetBytes> = {};
const items: LayoutItem[] = [];
COMPRESSIONS.forEach((compression, i) => {
  const rect = (row: number) => ({ xPt: 20 + i * 100, yPt: 20 + row * 70, widthPt: 80, heightPt: 50 });
  assets[`cmyk-${compression}`] = { bytes: encodeTiff({ widthPx: 16, heightPx: 10, photometric: 5, samplesPerPixel: 4, samples: twoHalves(16, 10, CMYK_LEFT, CMYK_RIGHT), compression, rowsPerStrip: 3, predictor: compression !== 'none' }), mime: 'image/tiff' };
  assets[`rgb-${compression}`] = { bytes: encodeTiff({ widthPx: 16, heightPx: 10, photometric: 2, samplesPerPixel: 3, samples: twoHalves(16, 10, RGB_LEFT, RGB_RIGHT), compression, littleEndian: false }), mime: 'image/tiff' };
  assets[`grey-${compression}`] = { bytes: encodeTiff({ widthPx: 16, heightPx: 10, photometric: 1, samplesPerPixel: 1, samples: twoHalves(16, 10, [40], [200]), compression }), mime: 'image/tiff' };
  for (const [row, model] of (['cmyk', 'rgb', 'grey'] as const).entries()) {
    items.push({ kind: 'image', assetId: `${model}-${compression}`, rect: rect(row), clip: rect(row), frameId: `${model}-${compression}` });
  }
});
const page: PageLayout = {
  pageId: 'p-tiff', pageName: 'A05', trimWidthPt: 320, trimHeightPt: 240, bleedPt: 0,
  typeArea: { xPt: 10, yPt: 10, widthPt: 300, heightPt: 220 }, items, lines: [], overset: [], copyfit: [], warnings: [],
};

async function exportTiffs(preset: 'print' | 'proof'): Promise<string> {
  const bytes = await exportPdf({ ...fixtureInput(fonts, preset, [page]), bleedPt: 0, slugPt: 0, assets: async (id) => assets[id] });
  return writeArtifact(`tiff-${preset}.pdf`, bytes);
}

/** A render of page 1: `depth` bytes a pixel (4 CMYK plates from Ghostscript, 3 RGB from pdftoppm). */
interface Render {
  width: number;
  depth: number;
  pixels: Uint8Array;
}

function separate(pdf: string): Render {
  const out = pdf.replace(/\.pdf$/, '.pam');
  execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pamcmyk32', `-r${DPI}`, `-sOutputFile=${out}`, pdf]);
  const pam = readFileSync(out);
  const headerEnd = pam.indexOf('ENDHDR\n') + 'ENDHDR\n'.length;
  const header = pam.subarray(0, headerEnd).toString('latin1');
  return { width: Number(/WIDTH (\d+)/.exec(header)?.[1]), depth: 4, pixels: new Uint8Array(pam.subarray(headerEnd)) };
}

function renderRgb(pdf: string): Render {
  const base = pdf.replace(/\.pdf$/, '-rgb');
  execFileSync('pdftoppm', ['-r', String(DPI), '-singlefile', pdf, base]);
  execFileSync('pdftoppm', ['-r', String(DPI), '-png', '-singlefile', pdf, base]);
  const ppm = readFileSync(`${base}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  return { width: Number(header[1]), depth: 3, pixels: new Uint8Array(ppm.subarray(header[0].length)) };
}

/** The pixel at the middle of the left or right half of a frame in row `row`, column `col`. */
function sample(r: Render, col: number, row: number, half: 'left' | 'right'): number[] {
  const x = 20 + col * 100 + (half === 'left' ? 20 : 60);
  const y = 20 + row * 70 + 25;
  const i = (y * r.width + x) * r.depth;
  return Array.from(r.pixels.subarray(i, i + r.depth));
}

const close = (got: number[], want: number[], tolerance: number): boolean => got.every((v, i) => Math.abs(v - want[i]!) <= tolerance);

describe('TIFF pictures in the print PDF', () => {
  let plates: Render;
  let rgb: Render;
  let pdf = '';
  beforeAll(async () => {
    pdf = await exportTiffs('print');
    plates = separate(pdf);
    rgb = renderRgb(pdf);
  });

  it('passes qpdf --check and embeds CMYK TIFFs as DeviceCMYK (no RGB image in print)', () => {
    expect(tool('qpdf', ['--check', pdf])).toMatch(/No syntax or stream encoding errors/);
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
    const spaces = [...qdf.matchAll(/\/ColorSpace \/(Device\w+)/g)].map((m) => m[1]);
    expect(spaces).not.toContain('DeviceRGB');
    expect(spaces.filter((s) => s === 'DeviceCMYK').length).toBeGreaterThanOrEqual(6);
  });

  for (const [col, compression] of COMPRESSIONS.entries()) {
    it(`CMYK ${compression}: the inks reach the plates exactly as stored`, () => {
      expect(sample(plates, col, 0, 'left')).toEqual(CMYK_LEFT);
      expect(sample(plates, col, 0, 'right')).toEqual(CMYK_RIGHT);
    });
    it(`RGB ${compression}: separated (red → M+Y, blue → C+M), grey ${compression}: K only`, () => {
      const [c1, m1, y1] = sample(plates, col, 1, 'left');
      expect([c1, m1! > 200, y1! > 200]).toEqual([0, true, true]);
      const [c2, m2, y2] = sample(plates, col, 1, 'right');
      expect([c2! > 200, m2! > 200, y2]).toEqual([true, true, 0]);
      expect(close(sample(rgb, col, 1, 'left'), [237, 28, 36], 60)).toBe(true);
      const [gc, gm, gy, gk] = sample(plates, col, 2, 'left');
      expect([gc, gm, gy]).toEqual([0, 0, 0]);
      expect(gk).toBe(255 - 40);
      expect(sample(plates, col, 2, 'right')[3]).toBe(255 - 200);
    });
  }
});

describe('TIFF pictures in the proof PDF', () => {
  it('keeps RGB as RGB and shows every compression the same', async () => {
    const rgb = renderRgb(await exportTiffs('proof'));
    for (const col of [0, 1, 2]) {
      expect(sample(rgb, col, 1, 'left')).toEqual(RGB_LEFT);
      expect(sample(rgb, col, 1, 'right')).toEqual(RGB_RIGHT);
      expect(sample(rgb, col, 2, 'left')).toEqual([40, 40, 40]);
      // Cyan 100 % as a viewer shows DeviceCMYK: no red.
      const [r, g, b] = sample(rgb, col, 0, 'left');
      expect(r! < 60 && g! > 100 && b! > 180).toBe(true);
    }
  });
});
