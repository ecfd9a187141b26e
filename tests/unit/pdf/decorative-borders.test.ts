/**
 * Decorative borders (花边) in print: a page of wave, zigzag and diamond-chain rules and boxes exported as PDF/X-1a,
 * checked with qpdf and measured on pdftoppm's 300 dpi render — the wave crosses its centre line once per half
 * period, the diamonds are separate blots with a diamond on each box corner, the zigzag box's corners are inked.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayoutItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { ruleItemsOf, styledBoxItems } from '../../../src-core/layout/styled-lines.js';
import { BLACK } from '../../../src-core/model/colour.js';
import { exportPdf } from '../../../src-core/pdf/export.js';
import { fixtureInput, inkRunsAlongRow, isInk, loadFonts, renderGrey, writeArtifact, type GreyImage } from './fixtures.js';

const fonts = loadFonts(['noto-serif-sc-400']);
const DPI = 300;
/** Media box offset of the print preset: bleed 8.5 pt + slug 34 pt. */
const OFF = 8.5 + 34;
const px = (pt: number) => ((OFF + pt) * DPI) / 72;

const items: LayoutItem[] = [
  // 280 pt of wave at a 4 pt band: 71 arches of about 3.94 pt (the odd count nearest 70).
  ...ruleItemsOf({ x1Pt: 20, y1Pt: 40, x2Pt: 300, y2Pt: 40 }, 4, 'wave', BLACK),
  // 280 pt of diamonds at a 4 pt band: 44 cells of about 6.36 pt.
  ...ruleItemsOf({ x1Pt: 20, y1Pt: 70, x2Pt: 300, y2Pt: 70 }, 4, 'diamonds', BLACK),
  ...styledBoxItems({ xPt: 30, yPt: 110, widthPt: 120, heightPt: 100 }, { strokePt: 5, stroke: BLACK, lineStyle: 'zigzag' }),
  ...styledBoxItems({ xPt: 180, yPt: 110, widthPt: 110, heightPt: 100 }, { strokePt: 4, stroke: BLACK, lineStyle: 'diamonds', fill: { c: 0, m: 0, y: 0, k: 0.15 } }),
  ...styledBoxItems({ xPt: 30, yPt: 250, widthPt: 260, heightPt: 110 }, { strokePt: 3, stroke: BLACK, lineStyle: 'wave' }),
];
const page: PageLayout = {
  pageId: 'p-A01', pageName: 'A01', trimWidthPt: 320, trimHeightPt: 400, bleedPt: 0,
  typeArea: { xPt: 20, yPt: 20, widthPt: 280, heightPt: 360 }, items, lines: [], overset: [], copyfit: [], warnings: [],
};

let pdfPath = '';
let img: GreyImage;
beforeAll(async () => {
  pdfPath = writeArtifact('decorative-borders-print.pdf', await exportPdf(fixtureInput(fonts, 'print', [page])));
  img = renderGrey(pdfPath, DPI);
});

const dark = (x: number, y: number) => isInk(img, x, y);

describe('decorative borders in the print PDF', () => {
  it('passes qpdf --check and draws the motifs as vector paths (curves for the wave)', () => {
    expect(execFileSync('qpdf', ['--check', pdfPath], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdfPath, '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
    expect(qdf.match(/ c\n/g)?.length ?? 0).toBeGreaterThan(70);
    // The diamond chains are filled paths, not images.
    expect(qdf).not.toContain('/Subtype /Image');
  });

  it('crosses a wave rule’s centre line between arches, and leaves paper at the band’s edge between crests', () => {
    // 71 arches: the line crosses the centre row 70 times between them, plus its two ends (which may merge).
    const crossings = inkRunsAlongRow(img, px(40), px(19), px(301));
    expect(crossings).toBeGreaterThanOrEqual(68);
    expect(crossings).toBeLessThanOrEqual(72);
    // Just inside the band's top, only the upper crests ink: 36 of them (first and last arch rise).
    const crests = inkRunsAlongRow(img, px(38.4), px(19), px(301));
    expect(crests).toBeGreaterThanOrEqual(34);
    expect(crests).toBeLessThanOrEqual(36);
  });

  it('sets a diamond chain as one separate diamond per cell', () => {
    expect(inkRunsAlongRow(img, px(70), px(19), px(301))).toBe(44);
  });

  it('inks every corner of a diamond-chain box and of a zigzag box, and keeps the fill inside', () => {
    for (const [x, y] of [[180, 110], [290, 110], [290, 210], [180, 210], [30, 110], [150, 110], [150, 210], [30, 210]] as const) {
      expect(dark(px(x), px(y)), `corner ${x},${y}`).toBe(true);
    }
    // The 15 % tint is light (not dark) in the middle of the diamond box.
    expect(dark(px(235), px(160))).toBe(false);
    expect(img.pixels[Math.round(px(160)) * img.width + Math.round(px(235))]!).toBeLessThan(250);
  });
});
