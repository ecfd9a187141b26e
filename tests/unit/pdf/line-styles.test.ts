/**
 * Rule and border styles (花线) in print: a page of styled rules and boxes exported as PDF/X-1a, checked with
 * qpdf and measured on pdftoppm's 300 dpi render — dashes break the line, dots are dots, 文武线 is a thick and a
 * thin line with paper between, rounded corners leave the corner blank.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayoutItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { styledBoxItems, styledRuleItems } from '../../../src-core/layout/styled-lines.js';
import { BLACK } from '../../../src-core/model/colour.js';
import { exportPdf } from '../../../src-core/pdf/export.js';
import { fixtureInput, inkRunsAlongRow, isInk, loadFonts, renderGrey, writeArtifact, type GreyImage } from './fixtures.js';

const fonts = loadFonts(['noto-serif-sc-400', 'noto-sans-sc-900']);
const DPI = 300;
/** Media box offset of the print preset: bleed 8.5 pt + slug 34 pt. */
const OFF = 8.5 + 34;
const px = (pt: number) => ((OFF + pt) * DPI) / 72;

const items: LayoutItem[] = [
  ...styledRuleItems({ x1Pt: 20, y1Pt: 40, x2Pt: 300, y2Pt: 40 }, 1, 'dashed', BLACK),
  ...styledRuleItems({ x1Pt: 20, y1Pt: 70, x2Pt: 300, y2Pt: 70 }, 1, 'dotted', BLACK),
  ...styledRuleItems({ x1Pt: 20, y1Pt: 100, x2Pt: 300, y2Pt: 100 }, 4, 'thick-thin', BLACK),
  ...styledRuleItems({ x1Pt: 20, y1Pt: 130, x2Pt: 300, y2Pt: 130 }, 3, 'double', BLACK),
  ...styledBoxItems({ xPt: 20, yPt: 170, widthPt: 200, heightPt: 120 }, { strokePt: 2, stroke: BLACK, cornerRadiusPt: 20, fill: { c: 0, m: 0, y: 0, k: 0.15 } }),
];
const page: PageLayout = {
  pageId: 'p-A01', pageName: 'A01', trimWidthPt: 320, trimHeightPt: 400, bleedPt: 0,
  typeArea: { xPt: 20, yPt: 20, widthPt: 280, heightPt: 360 }, items, lines: [], overset: [], copyfit: [], warnings: [],
};

let pdfPath = '';
let img: GreyImage;
beforeAll(async () => {
  pdfPath = writeArtifact('line-styles-print.pdf', await exportPdf(fixtureInput(fonts, 'print', [page])));
  img = renderGrey(pdfPath, DPI);
});

const dark = (x: number, y: number) => isInk(img, x, y);

/** Runs of ink down a column between two y positions (pixels), with their lengths. */
function inkRunsDownColumn(xPx: number, y0Px: number, y1Px: number): number[] {
  const runs: number[] = [];
  let length = 0;
  for (let y = Math.round(y0Px); y < Math.round(y1Px); y++) {
    if (dark(xPx, y)) length++;
    else if (length > 0) {
      runs.push(length);
      length = 0;
    }
  }
  if (length > 0) runs.push(length);
  return runs;
}

describe('styled rules and boxes in the print PDF', () => {
  it('passes qpdf --check and writes dash patterns and round caps as PDF operators', () => {
    expect(execFileSync('qpdf', ['--check', pdfPath], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdfPath, '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
    expect(qdf).toContain('[3 2] 0 d');
    expect(qdf).toContain('1 J');
    expect(qdf).toMatch(/ c\n/);
  });

  it('breaks a dashed rule into dashes (3 pt on, 2 pt off) and a dotted one into dots', () => {
    // 280 pt of 5 pt periods: 56 dashes.
    expect(inkRunsAlongRow(img, px(40), px(20), px(300))).toBeGreaterThanOrEqual(54);
    // Dots at a 2 pt pitch (two weights): about 140 dots.
    expect(inkRunsAlongRow(img, px(70), px(20), px(300))).toBeGreaterThanOrEqual(120);
  });

  it('sets 文武线 as a thick line over a thin one with paper between, and 双线 as two equal lines', () => {
    const wenWu = inkRunsDownColumn(px(150), px(96), px(104));
    expect(wenWu).toHaveLength(2);
    expect(wenWu[0]! / wenWu[1]!).toBeGreaterThan(2);
    const double = inkRunsDownColumn(px(150), px(127), px(133));
    expect(double).toHaveLength(2);
    expect(Math.abs(double[0]! - double[1]!)).toBeLessThanOrEqual(1);
  });

  it('leaves the corner of a rounded box blank and strokes the middle of its sides', () => {
    expect(dark(px(20), px(170))).toBe(false);
    expect(dark(px(21), px(171))).toBe(false);
    expect(dark(px(120), px(170))).toBe(true);
    expect(dark(px(20), px(230))).toBe(true);
  });
});
