/**
 * Local formatting in print (issue 15 item 2): the runs the composer set from `local` marks are drawn by the
 * PDF exporter as they are on screen — on pdftoppm's render a 2× size run's glyph is twice as wide, a raised
 * run's ink sits higher by the shift and no wider, and a red override is a CMYK fill of M 100 Y 100.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { GlyphRunItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { LOCAL_MARK } from '../../../src-core/model/local-format.js';
import { exportPdf } from '../../../src-core/pdf/export.js';
import { fixtureInput, renderGrey, writeArtifact, type GreyImage } from './fixtures.js';
import { blk, broadsheet, documentOf, story, t, testFonts, textFrame } from '../layout/fixtures.js';

const DPI = 300;
/** Media box offset of the print preset: bleed 8.5 pt + slug 34 pt. */
const OFF = 8.5 + 34;
const px = (pt: number) => ((OFF + pt) * DPI) / 72;
const SHIFT_PT = 6;

/** The story's glyph runs moved onto a small 320 × 400 pt page (its first glyph at x 20, first baseline 60). */
function composedPage(): { page: PageLayout; runs: GlyphRunItem[] } {
  const template = broadsheet();
  const content = [blk('paragraph', '国', t('国', [{ type: LOCAL_MARK, attrs: { sizePt: 18 } }]), '国', t('国', [{ type: LOCAL_MARK, attrs: { baselineShiftPt: SHIFT_PT, colour: { c: 0, m: 1, y: 1, k: 0 } } }]), '国')];
  const layout = createComposer(testFonts()).compose(documentOf([story('s', ...content)], [{ id: 'A01', frames: [textFrame(template, 'f', 's', [0, 4, 0, 30])] }], template)).pages[0]!;
  const found = layout.items.filter((i): i is GlyphRunItem => i.kind === 'glyphs' && i.storyId === 's');
  const dx = found[0]!.glyphs[0]!.xPt - 20;
  const dy = found[0]!.baselineYPt - 60;
  const runs = found.map((r) => ({ ...r, baselineYPt: r.baselineYPt - dy, glyphs: r.glyphs.map((g) => ({ ...g, xPt: g.xPt - dx })) }));
  const page: PageLayout = {
    pageId: 'p-A01', pageName: 'A01', trimWidthPt: 320, trimHeightPt: 400, bleedPt: 0,
    typeArea: { xPt: 20, yPt: 20, widthPt: 280, heightPt: 360 }, items: runs, lines: [], overset: [], copyfit: [], warnings: [],
  };
  return { page, runs };
}

/** Ink bounding box (pixels) in a rectangle given in page points. */
function inkBox(img: GreyImage, x0Pt: number, y0Pt: number, x1Pt: number, y1Pt: number) {
  let box: { x0: number; y0: number; x1: number; y1: number } | null = null;
  for (let y = Math.floor(px(y0Pt)); y < Math.ceil(px(y1Pt)); y++) {
    for (let x = Math.floor(px(x0Pt)); x < Math.ceil(px(x1Pt)); x++) {
      if (img.pixels[y * img.width + x]! >= 160) continue;
      if (!box) box = { x0: x, y0: y, x1: x + 1, y1: y + 1 };
      else box = { x0: Math.min(box.x0, x), y0: Math.min(box.y0, y), x1: Math.max(box.x1, x + 1), y1: Math.max(box.y1, y + 1) };
    }
  }
  return box!;
}

let pdfPath = '';
let img: GreyImage;
let runs: GlyphRunItem[];
beforeAll(async () => {
  const made = composedPage();
  runs = made.runs;
  pdfPath = writeArtifact('local-format-print.pdf', await exportPdf(fixtureInput(testFonts(), 'print', [made.page])));
  img = renderGrey(pdfPath, DPI);
});

describe('local formatting in the print PDF', () => {
  it('passes qpdf --check and fills the red override in CMYK', () => {
    expect(execFileSync('qpdf', ['--check', pdfPath], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdfPath, '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
    expect(qdf).toMatch(/\n0 1 1 0 k\b/);
    expect(runs.map((r) => [r.glyphs.map((g) => g.text).join(''), r.sizePt])).toEqual([['国', 9], ['国', 18], ['国', 9], ['国', 9], ['国', 9]]);
  });

  it('the 18 pt glyph is twice as wide as a 9 pt one; the raised one is as wide and higher by the shift', () => {
    const glyph = (i: number) => {
      const r = runs[i]!;
      const x = r.glyphs[0]!.xPt;
      return inkBox(img, x, r.baselineYPt - r.sizePt * 1.2, x + r.sizePt, r.baselineYPt + r.sizePt * 0.4);
    };
    const w = (b: ReturnType<typeof glyph>) => b.x1 - b.x0;
    const plain = glyph(0);
    const big = glyph(1);
    const raised = glyph(3);
    // 9 pt at 300 dpi is 37.5 px; ±3 px covers antialiasing at both edges.
    expect(w(plain)).toBeGreaterThan(25);
    expect(Math.abs(w(big) - 2 * w(plain))).toBeLessThanOrEqual(4);
    expect(Math.abs(w(raised) - w(plain))).toBeLessThanOrEqual(2);
    expect(Math.abs(plain.y0 - raised.y0 - (SHIFT_PT * DPI) / 72)).toBeLessThanOrEqual(2);
    expect(Math.abs(plain.y1 - raised.y1 - (SHIFT_PT * DPI) / 72)).toBeLessThanOrEqual(2);
  });
});
