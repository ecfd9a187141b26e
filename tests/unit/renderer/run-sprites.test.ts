/**
 * Line sprites (issue 14 item 6): a run is rasterised once and copied wherever an equal run stands, at whole
 * device pixels; a partial repaint copies exactly what a full repaint copies; runs without a sprite are filled.
 */
import { describe, expect, it } from 'vitest';
import type { GlyphRunItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { drawPageContent } from '../../../src-renderer/page/draw-page.js';
import { createGlyphPathCache } from '../../../src-renderer/page/glyph-paths.js';
import { runOrigin, RunSpriteAtlas, SUBPIXEL_STEPS, type AtlasCanvas } from '../../../src-renderer/page/run-sprites.js';
import { testFonts } from '../layout/fixtures.js';

const fonts = testFonts();
const font = fonts.all()[0]!;
const BLACK = { c: 0, m: 0, y: 0, k: 1 };
const gid = (ch: string) => font.fontkit.glyphForCodePoint(ch.codePointAt(0)!).id;

const line = (text: string, xPt: number, baselineYPt: number, sizePt = 10): GlyphRunItem => ({
  kind: 'glyphs', fontId: font.id, sizePt, colour: BLACK, baselineYPt,
  glyphs: [...text].map((ch, i) => ({ glyphId: gid(ch), xPt: xPt + i * sizePt, text: ch })),
});

const layoutOf = (items: GlyphRunItem[]): PageLayout => ({
  pageId: 'p', pageName: 'A01', trimWidthPt: 400, trimHeightPt: 600, bleedPt: 0, typeArea: { xPt: 0, yPt: 0, widthPt: 400, heightPt: 600 },
  items, lines: [], overset: [], copyfit: [], warnings: [],
});

/** An atlas page that counts the outlines filled into it. */
function fakeAtlasCanvas(): AtlasCanvas & { fills: number } {
  const canvas = { fills: 0, getContext: () => ctx };
  const ctx = { fillStyle: '', setTransform: () => {}, fill: () => { canvas.fills++; } };
  return canvas as unknown as AtlasCanvas & { fills: number };
}

/** A page context at `scale` device pixels per point that logs copies and outline fills. */
function pageContext(scale: number): { ctx: CanvasRenderingContext2D; copies: string[]; fills: number[] } {
  const copies: string[] = [];
  const fills: number[] = [];
  let m = { a: scale, b: 0, c: 0, d: scale, e: 0, f: 0 };
  const ctx = {
    fillStyle: '',
    getTransform: () => ({ ...m }),
    setTransform: (a: number | typeof m, b = 0, c = 0, d = 1, e = 0, f = 0) => {
      m = typeof a === 'object' ? { ...a } : { a, b, c, d, e, f };
    },
    save: () => {}, restore: () => {}, beginPath: () => {}, rect: () => {}, clip: () => {}, fillRect: () => {},
    fill: () => fills.push(m.f),
    drawImage: (_src: unknown, sx: number, sy: number, w: number, h: number, dx: number, dy: number) => copies.push(`${sx},${sy} ${w}x${h} → ${dx},${dy}`),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, copies, fills };
}

function setup() {
  const pages: (AtlasCanvas & { fills: number })[] = [];
  const sprites = new RunSpriteAtlas(() => {
    const c = fakeAtlasCanvas();
    pages.push(c);
    return c;
  });
  const glyphPaths = createGlyphPathCache((svg) => svg as unknown as Path2D);
  return { sprites, pages, res: { fonts, glyphPaths, images: new Map(), sprites } };
}

describe('line sprites', () => {
  it('rounds a run origin to whole pixels down and 1/4 px across', () => {
    expect(SUBPIXEL_STEPS).toBe(4);
    expect(runOrigin(10.3, 20.6)).toEqual({ ix: 10, iy: 21, phase: 1 });
    expect(runOrigin(10.9, 20.4)).toEqual({ ix: 11, iy: 20, phase: 0 });
  });

  it('rasterises an equal line once: a line moved down a line (a new line above it) is copied, not filled', () => {
    const { sprites, pages, res } = setup();
    const { ctx, copies, fills } = pageContext(1);
    drawPageContent(ctx, layoutOf([line('改革一直以来', 20, 100), line('改革一直以来', 20, 114), line('新的一行文字', 20, 128)]), res);
    expect(sprites.size).toBe(2);
    expect(fills).toHaveLength(0);
    expect(copies).toHaveLength(3);
    // The same sprite rectangle, 14 px lower.
    const [a, b] = copies.map((c) => c.split(' → '));
    expect(a![0]).toBe(b![0]);
    expect(Number(b![1]!.split(',')[1]) - Number(a![1]!.split(',')[1])).toBe(14);
    const filled = pages.reduce((n, p) => n + p.fills, 0);
    expect(filled).toBe(12);
  });

  it('keeps a run’s sub-pixel position: a quarter pixel across is another sprite, a whole pixel is not', () => {
    const { sprites, res } = setup();
    drawPageContent(pageContext(1).ctx, layoutOf([line('国', 20, 100), line('国', 21, 200), line('国', 20.25, 300)]), res);
    expect(sprites.size).toBe(2);
  });

  it('a partial repaint copies exactly what a full repaint copies where it repaints (regression: pixel identity)', () => {
    const { res } = setup();
    const items = [line('改革一直以来', 20.3, 100.37), line('新的一行文字', 20.3, 114.37)];
    const full = pageContext(1.37);
    drawPageContent(full.ctx, layoutOf(items), res);
    const partial = pageContext(1.37);
    drawPageContent(partial.ctx, layoutOf(items), res, [{ xPt: 0, yPt: 110, widthPt: 400, heightPt: 5 }]);
    expect(partial.copies).toHaveLength(1);
    expect(full.copies).toContain(partial.copies[0]);
  });

  it('fills a run too tall for a sprite outline by outline, and a new scale starts afresh', () => {
    const { sprites, res } = setup();
    const { ctx, copies, fills } = pageContext(1);
    drawPageContent(ctx, layoutOf([line('国', 20, 400, 300)]), res);
    expect(copies).toHaveLength(0);
    expect(fills).toHaveLength(1);
    drawPageContent(pageContext(2).ctx, layoutOf([line('国', 20, 100)]), res);
    expect(sprites.size).toBe(1);
  });
});
