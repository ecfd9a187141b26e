/**
 * 勾边/空心/阴影 in print (issue 15 item 4): display effects are more text shows of the same glyphs (text render
 * modes 1 and 2, vector, extractable), so on pdftoppm's render an outlined glyph's ink reaches the outline's
 * width beyond the plain glyph on every side, a hollow glyph's thick stroke leaves its centre unpainted, and a
 * shadow appears at its offset. Ghostscript's separations show black outlines overprinting, white letters
 * knocking out of their outline, and black text overprinting a K 15 % paragraph shading.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayoutItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { BLACK, type Cmyk } from '../../../src-core/model/colour.js';
import { exportPdf } from '../../../src-core/pdf/export.js';
import type { LoadedFont } from '../../../src-core/text/font.js';
import { fixtureInput, loadFonts, renderGrey, setLine, writeArtifact, type GreyImage } from './fixtures.js';

const fonts = loadFonts(['noto-serif-sc-400', 'noto-sans-sc-900']);
const sans = fonts.byId('noto-sans-sc-900') as LoadedFont;
const DPI = 144;
/** Media box offset of the print preset: bleed 8.5 pt + slug 34 pt. */
const OFF = 8.5 + 34;
const px = (pt: number) => ((OFF + pt) * DPI) / 72;
const SIZE = 60;
const PAPER: Cmyk = { c: 0, m: 0, y: 0, k: 0 };
const GREY: Cmyk = { c: 0, m: 0, y: 0, k: 0.5 };
const OUTLINE_PT = 3;
const HOLLOW_PT = 4;
const SHADOW = { dxPt: 6, dyPt: 6 };

/**
 * Row 1: plain 国, the same with a 3-pt black outline, hollow (4-pt stroke) and with a grey shadow.
 * Row 2 (separations): a white 国 with a black outline; a black 国 on a K 15 % shading.
 */
const items: LayoutItem[] = [
  setLine(sans, '国', SIZE, 20, 100),
  setLine(sans, '国', SIZE, 120, 100, BLACK, { effects: { outline: { widthPt: OUTLINE_PT, colour: BLACK } } }),
  setLine(sans, '国', SIZE, 220, 100, BLACK, { effects: { hollow: { widthPt: HOLLOW_PT, colour: BLACK } } }),
  setLine(sans, '国', SIZE, 320, 100, BLACK, { effects: { shadow: { ...SHADOW, colour: GREY } } }),
  setLine(sans, '国', SIZE, 20, 220, PAPER, { effects: { outline: { widthPt: OUTLINE_PT, colour: BLACK } } }),
  { kind: 'box', rect: { xPt: 110, yPt: 140, widthPt: 100, heightPt: 100 }, strokePt: 0, fill: { c: 0, m: 0, y: 0, k: 0.15 } },
  setLine(sans, '国', SIZE, 130, 220),
];
const page: PageLayout = {
  pageId: 'p-A01', pageName: 'A01', trimWidthPt: 420, trimHeightPt: 300, bleedPt: 0,
  typeArea: { xPt: 20, yPt: 20, widthPt: 380, heightPt: 260 }, items, lines: [], overset: [], copyfit: [], warnings: [],
};

/** The bounding box of ink (darker than `threshold`) in a rectangle of the render, pixels. */
function inkBox(img: GreyImage, x0: number, y0: number, x1: number, y1: number, threshold = 128): { x0: number; y0: number; x1: number; y1: number } {
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
    for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
      if (img.pixels[y * img.width + x]! >= threshold) continue;
      box.x0 = Math.min(box.x0, x);
      box.x1 = Math.max(box.x1, x + 1);
      box.y0 = Math.min(box.y0, y);
      box.y1 = Math.max(box.y1, y + 1);
    }
  }
  return box;
}

/** Ink box of the glyph set at `xPt` on baseline 100 (its 100-pt cell). */
const cellBox = (img: GreyImage, xPt: number, threshold = 128) => inkBox(img, px(xPt - 15), px(100 - SIZE * 1.2), px(xPt + SIZE + 15), px(100 + SIZE * 0.35), threshold);

let pdfPath = '';
let img: GreyImage;
beforeAll(async () => {
  pdfPath = writeArtifact('display-effects-print.pdf', await exportPdf(fixtureInput(fonts, 'print', [page])));
  img = renderGrey(pdfPath, DPI);
});

describe('display effects in the print PDF (pdftoppm)', () => {
  it('is valid, vector (text render modes, no image) and keeps the letter extractable', () => {
    expect(execFileSync('qpdf', ['--check', pdfPath], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdfPath, '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
    expect(qdf).toMatch(/\n6 w\n1 j\n1 Tr\n/);
    expect(qdf).toMatch(/\n4 w\n1 j\n1 Tr\n/);
    expect(qdf).toContain('/Artifact BMC');
    expect(qdf).not.toContain('/Subtype /Image');
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('国');
  });

  it('draws the outline outside the glyph: the ink is the outline width wider on every side', () => {
    const plain = cellBox(img, 20);
    const outlined = cellBox(img, 120);
    const grow = (OUTLINE_PT * DPI) / 72;
    // Shifted by 100 pt; the outline adds `grow` px each side (±2 px antialiasing).
    expect(Math.abs(outlined.x0 - (plain.x0 + px(100) - px(0)) + grow)).toBeLessThanOrEqual(2);
    expect(Math.abs((outlined.x1 - outlined.x0) - (plain.x1 - plain.x0) - 2 * grow)).toBeLessThanOrEqual(3);
    expect(Math.abs((outlined.y1 - outlined.y0) - (plain.y1 - plain.y0) - 2 * grow)).toBeLessThanOrEqual(3);
  });

  it('leaves the centre of a hollow glyph’s thick stroke unpainted', () => {
    // The 国's left vertical stem of the heavy face is well over 8 pt wide: the plain glyph is solid in its
    // middle, the hollow one (4-pt stroke centred on the edge: 2 pt inside) is paper there.
    const plain = cellBox(img, 20);
    const stemX = plain.x0 + Math.round((5 * DPI) / 72);
    const midY = Math.round((plain.y0 + plain.y1) / 2);
    expect(img.pixels[midY * img.width + stemX]!).toBeLessThan(60);
    const hollowX = stemX + Math.round(px(200) - px(0));
    expect(img.pixels[midY * img.width + hollowX]!).toBeGreaterThan(200);
    // …and its outer edge is still drawn: ink reaches the plain glyph's extent plus half the stroke.
    const hollow = cellBox(img, 220);
    expect(Math.abs((hollow.x1 - hollow.x0) - (plain.x1 - plain.x0) - (HOLLOW_PT * DPI) / 72)).toBeLessThanOrEqual(3);
  });

  it('sets the shadow at its offset, under the letter', () => {
    const plain = cellBox(img, 20);
    const withShadow = cellBox(img, 320, 200);
    const shift = (SHADOW.dxPt * DPI) / 72;
    expect(Math.abs(withShadow.x1 - (plain.x1 + px(300) - px(0)) - shift)).toBeLessThanOrEqual(2);
    expect(Math.abs(withShadow.y1 - plain.y1 - (SHADOW.dyPt * DPI) / 72)).toBeLessThanOrEqual(2);
    expect(Math.abs(withShadow.x0 - (plain.x0 + px(300) - px(0)))).toBeLessThanOrEqual(2);
  });
});

/** Ghostscript's CMYK separation of page 1 (4 bytes a pixel, 72 dpi). */
function separate(pdf: string): { width: number; plates: Uint8Array } {
  const out = pdf.replace(/\.pdf$/, '.pam');
  execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pamcmyk32', '-r72', '-dFirstPage=1', '-dLastPage=1', `-sOutputFile=${out}`, pdf]);
  const pam = readFileSync(out);
  const headerEnd = pam.indexOf('ENDHDR\n') + 'ENDHDR\n'.length;
  const header = pam.subarray(0, headerEnd).toString('latin1');
  return { width: Number(/WIDTH (\d+)/.exec(header)?.[1]), plates: new Uint8Array(pam.subarray(headerEnd)) };
}

describe('display effects and shading on the plates (Ghostscript separations)', () => {
  let sep: { width: number; plates: Uint8Array };
  beforeAll(() => {
    sep = separate(pdfPath);
  });
  const kAt = (xPt: number, yPt: number) => sep.plates[(Math.round(OFF + yPt) * sep.width + Math.round(OFF + xPt)) * 4 + 3]!;

  it('knocks a white outlined letter out of its black outline', () => {
    // Inside the white glyph's box: paper where the letter is, solid K where only the outline is.
    let paper = 0;
    let solid = 0;
    for (let y = 160; y < 220; y++) {
      for (let x = 20; x < 80; x++) {
        const k = kAt(x, y);
        if (k < 30) paper++;
        else if (k > 220) solid++;
      }
    }
    expect(solid).toBeGreaterThan(100);
    // The white letter's own area (at least the shape of 国's frame) stays empty inside the outline.
    expect(paper).toBeGreaterThan(300);
  });

  it('keeps the K 15 % shading and overprints black text on it (no knockout halo)', () => {
    const tint = Math.round(0.15 * 255);
    expect(Math.abs(kAt(115, 145) - tint)).toBeLessThanOrEqual(3);
    // Under black text K is solid; the tint is not knocked out around it (K everywhere in the box ≥ the tint).
    let below = 0;
    for (let y = 145; y < 235; y++) for (let x = 115; x < 205; x++) if (kAt(x, y) < tint - 3) below++;
    expect(below).toBe(0);
    let solid = 0;
    for (let y = 165; y < 220; y++) for (let x = 130; x < 190; x++) if (kAt(x, y) > 240) solid++;
    expect(solid).toBeGreaterThan(100);
    // On the K plate alone overprint and knockout look alike: the stream shows the black shows set overprint
    // (the ExtGState before `0 0 0 1 k`), and the tint's fill does not.
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdfPath, '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
    expect(qdf).toMatch(/gs\n0 0 0 1 k\n/);
    expect(qdf).toMatch(/gs\n0 0 0 1 K\n6 w\n1 j\n1 Tr/);
    expect(qdf).not.toMatch(/gs\n0 0 0 0\.15 k/);
  });
});
