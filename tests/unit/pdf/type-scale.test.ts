/**
 * 长体/扁体 in print (issue 15 item 1): a scaled run is drawn through the text matrix — vector outlines, never
 * a bitmap — so on pdftoppm's render its ink is narrower (or flatter) by exactly the scale; a headline the
 * composer set at 80 % is 80 % as wide on the PDF as at 100 %.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GlyphRunItem, LayoutItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { Template } from '../../../src-core/model/template.js';
import type { LoadedFont } from '../../../src-core/text/font.js';
import { exportPdf } from '../../../src-core/pdf/export.js';
import { fixtureInput, loadFonts, renderGrey, setLine, writeArtifact, type GreyImage } from './fixtures.js';
import { blk, broadsheet, documentOf, story, testFonts, textFrame } from '../layout/fixtures.js';

const fonts = loadFonts(['noto-serif-sc-400', 'noto-sans-sc-900']);
const sans = fonts.byId('noto-sans-sc-900') as LoadedFont;
const DPI = 300;
/** Media box offset of the print preset: bleed 8.5 pt + slug 34 pt. */
const OFF = 8.5 + 34;
const px = (pt: number) => ((OFF + pt) * DPI) / 72;
const SIZE = 60;

/** Three copies of 国 at 60 pt: natural, 长体 50 % and 扁体 50 %, each in its own 100-pt cell. */
const items: LayoutItem[] = [
  setLine(sans, '国', SIZE, 20, 100),
  setLine(sans, '国', SIZE, 120, 100, undefined, { scaleX: 0.5 }),
  setLine(sans, '国', SIZE, 220, 100, undefined, { scaleY: 0.5 }),
  setLine(sans, '国国', SIZE, 20, 250, undefined, { scaleX: 0.8, scaleY: 1.25 }),
];
const page: PageLayout = {
  pageId: 'p-A01', pageName: 'A01', trimWidthPt: 320, trimHeightPt: 400, bleedPt: 0,
  typeArea: { xPt: 20, yPt: 20, widthPt: 280, heightPt: 360 }, items, lines: [], overset: [], copyfit: [], warnings: [],
};

/** The bounding box of ink in a rectangle of the render (pixels), or null when there is none. */
function inkBox(img: GreyImage, x0: number, y0: number, x1: number, y1: number): { x0: number; y0: number; x1: number; y1: number } | null {
  let box: { x0: number; y0: number; x1: number; y1: number } | null = null;
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(img.height, Math.ceil(y1)); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(img.width, Math.ceil(x1)); x++) {
      if (img.pixels[y * img.width + x]! >= 128) continue;
      if (!box) box = { x0: x, y0: y, x1: x + 1, y1: y + 1 };
      else {
        box.x0 = Math.min(box.x0, x);
        box.x1 = Math.max(box.x1, x + 1);
        box.y0 = Math.min(box.y0, y);
        box.y1 = Math.max(box.y1, y + 1);
      }
    }
  }
  return box;
}

let pdfPath = '';
let img: GreyImage;
beforeAll(async () => {
  pdfPath = writeArtifact('type-scale-print.pdf', await exportPdf(fixtureInput(fonts, 'print', [page])));
  img = renderGrey(pdfPath, DPI);
});

describe('scaled glyphs in the print PDF', () => {
  it('passes qpdf --check and scales the text matrix (not a bitmap: no image XObject on the page)', () => {
    expect(execFileSync('qpdf', ['--check', pdfPath], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdfPath, '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
    expect(qdf).toMatch(/\n0\.5 0 -?0 1 [\d.]+ [\d.]+ Tm/);
    expect(qdf).toMatch(/\n1 0 -?0 0\.5 [\d.]+ [\d.]+ Tm/);
    expect(qdf).toMatch(/\n0\.8 0 -?0 1\.25 [\d.]+ [\d.]+ Tm/);
    expect(qdf).not.toContain('/Subtype /Image');
  });

  it('a 长体 glyph at 50 % has half the ink width and the same height; a 扁体 one half the height and the same width', () => {
    const cell = (xPt: number) => inkBox(img, px(xPt - 5), px(100 - SIZE * 1.2), px(xPt + SIZE + 5), px(100 + SIZE * 0.3))!;
    const natural = cell(20);
    const narrow = cell(120);
    const flat = cell(220);
    const w = (b: typeof natural) => b.x1 - b.x0;
    const h = (b: typeof natural) => b.y1 - b.y0;
    // At 300 dpi a 60-pt 国 is about 230 px: ±3 px covers antialiasing at both edges.
    expect(w(natural)).toBeGreaterThan(150);
    expect(Math.abs(w(narrow) - w(natural) / 2)).toBeLessThanOrEqual(3);
    expect(Math.abs(h(narrow) - h(natural))).toBeLessThanOrEqual(2);
    expect(Math.abs(h(flat) - h(natural) / 2)).toBeLessThanOrEqual(3);
    expect(Math.abs(w(flat) - w(natural))).toBeLessThanOrEqual(2);
    // 扁体 is scaled about the baseline: the ink's top and foot are half as far from it as the natural glyph's.
    const baseline = px(100);
    expect(Math.abs((baseline - flat.y0) - (baseline - natural.y0) / 2)).toBeLessThanOrEqual(2);
    expect(Math.abs((flat.y1 - baseline) - (natural.y1 - baseline) / 2)).toBeLessThanOrEqual(2);
  });

  it('a run scaled both ways is 0.8× as wide and 1.25× as tall, its glyphs where the layout put them', () => {
    const natural = inkBox(img, px(15), px(100 - SIZE * 1.2), px(85), px(100 + SIZE * 0.3))!;
    const both = inkBox(img, px(15), px(250 - SIZE * 1.6), px(20 + 0.8 * SIZE * 0.5), px(250 + SIZE * 0.4))!;
    expect(Math.abs((both.y1 - both.y0) - 1.25 * (natural.y1 - natural.y0))).toBeLessThanOrEqual(3);
    // The second 国 starts where the layout's second glyph origin says (setLine placed it one natural em on).
    const second = (items[3] as GlyphRunItem).glyphs[1]!;
    const secondInk = inkBox(img, px(second.xPt - 2), px(250 - SIZE * 1.6), px(second.xPt + SIZE), px(250 + SIZE * 0.4))!;
    expect(Math.abs((secondInk.x1 - secondInk.x0) - 0.8 * (natural.x1 - natural.x0))).toBeLessThanOrEqual(3);
    expect(secondInk.x0).toBeGreaterThanOrEqual(Math.floor(px(second.xPt)) - 1);
  });
});

describe('a headline the composer set at 80 % in the print PDF', () => {
  function headlinePage(scaleXPct?: number): PageLayout {
    const tpl = broadsheet();
    const headline = { ...tpl.paragraphStyles.headline!, ...(scaleXPct ? { scaleXPct } : {}) };
    const template: Template = { ...tpl, paragraphStyles: { ...tpl.paragraphStyles, headline } };
    const frame = textFrame(template, 'f', 's', [0, 4, 0, 12]);
    return createComposer(testFonts()).compose(documentOf([story('s', blk('headline', '城乡公路通到家门口'))], [{ id: 'A01', frames: [frame] }], template)).pages[0]!;
  }

  it('draws the headline 0.8× as wide as at 100 %, at the composer’s positions', async () => {
    const inks: { x0: number; x1: number }[] = [];
    for (const scale of [undefined, 80]) {
      const layout = headlinePage(scale);
      const run = layout.items.find((i): i is GlyphRunItem => i.kind === 'glyphs')!;
      const input = { ...fixtureInput(testFonts(), 'print', [layout]), furnitureFontId: 'noto-serif-sc-400' };
      const path = writeArtifact(`type-scale-headline-${scale ?? 100}.pdf`, await exportPdf(input));
      const render = renderGrey(path, 72);
      const off = 8.5 + 34;
      // The headline's band only: from a size above its baseline to a quarter below.
      const box = inkBox(render, off + run.glyphs[0]!.xPt - 10, off + run.baselineYPt - run.sizePt, off + run.glyphs.at(-1)!.xPt + run.sizePt + 10, off + run.baselineYPt + run.sizePt / 4)!;
      inks.push(box);
    }
    const [natural, narrow] = inks as [{ x0: number; x1: number }, { x0: number; x1: number }];
    const ratio = (narrow.x1 - narrow.x0) / (natural.x1 - natural.x0);
    // 9 glyphs of 36 pt at 72 dpi: ±2 px at each end of ≈ 320 px.
    expect(ratio).toBeGreaterThan(0.78);
    expect(ratio).toBeLessThan(0.82);
  });
});
