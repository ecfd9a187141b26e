/**
 * 勾边/空心/阴影 on screen (issue 15 item 4): a run with effects is gathered into one page-space path (strokes
 * then have their width in points, as in the PDF) and painted shadow → outline → fill, or the hollow stroke
 * alone; its repaint bounds and identity include the effects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlyphRunItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { changedRegionPt, itemBoundsPt } from '../../../src-renderer/page/dirty-region.js';
import { drawPageContent } from '../../../src-renderer/page/draw-page.js';
import { createGlyphPathCache, runPath } from '../../../src-renderer/page/glyph-paths.js';
import { testFonts } from '../layout/fixtures.js';

const fonts = testFonts();
const font = fonts.all()[0]!;
const BLACK = { c: 0, m: 0, y: 0, k: 1 };
const RED = { c: 0, m: 1, y: 1, k: 0 };
const GREY = { c: 0, m: 0, y: 0, k: 0.5 };
const glyphId = font.fontkit.glyphForCodePoint('国'.codePointAt(0)!).id;

const run = (extra: Partial<GlyphRunItem> = {}): GlyphRunItem => ({
  kind: 'glyphs', fontId: font.id, sizePt: 36, colour: BLACK, baselineYPt: 100,
  glyphs: [{ glyphId, xPt: 10, text: '国' }, { glyphId, xPt: 46, text: '国' }], ...extra,
});

/** A path that records what was added to it. */
class RecordingPath {
  readonly added: { path: RecordingPath | string; transform?: { a: number; d: number; e: number; f: number } }[] = [];
  constructor(readonly svg = '') {}
  addPath(path: RecordingPath, transform?: { a: number; b: number; c: number; d: number; e: number; f: number }): void {
    this.added.push({ path, transform });
  }
}

/** A 2-D context that logs the paint calls the content layer makes. */
function recordingContext(): { ctx: CanvasRenderingContext2D; log: string[] } {
  const log: string[] = [];
  const state = { fillStyle: '', strokeStyle: '', lineWidth: 1, lineJoin: 'miter', tx: 0, ty: 0 };
  const ctx = {
    get fillStyle() { return state.fillStyle; }, set fillStyle(v: string) { state.fillStyle = v; },
    get strokeStyle() { return state.strokeStyle; }, set strokeStyle(v: string) { state.strokeStyle = v; },
    get lineWidth() { return state.lineWidth; }, set lineWidth(v: number) { state.lineWidth = v; },
    get lineJoin() { return state.lineJoin; }, set lineJoin(v: string) { state.lineJoin = v; },
    lineCap: 'butt',
    getTransform: () => ({ a: 1, b: 0, c: 0, d: 1, e: state.tx, f: state.ty }),
    setTransform: (m: { e: number; f: number } | number) => {
      if (typeof m === 'object') { state.tx = m.e; state.ty = m.f; }
    },
    translate: (x: number, y: number) => { state.tx += x; state.ty += y; },
    save: () => {}, restore: () => {}, setLineDash: () => {},
    fillRect: () => {},
    fill: () => log.push(`fill ${state.fillStyle} @${state.tx},${state.ty}`),
    stroke: () => log.push(`stroke ${state.strokeStyle} ${state.lineWidth} ${state.lineJoin} @${state.tx},${state.ty}`),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, log };
}

function page(item: GlyphRunItem): PageLayout {
  return {
    pageId: 'p', pageName: 'A01', trimWidthPt: 400, trimHeightPt: 600, bleedPt: 0, typeArea: { xPt: 0, yPt: 0, widthPt: 400, heightPt: 600 },
    items: [item], lines: [], overset: [], copyfit: [], warnings: [],
  };
}

describe('a run with display effects on the canvas', () => {
  // The content layer builds the run's path with the browser's Path2D; the recording one stands in for it here.
  beforeAll(() => {
    (globalThis as { Path2D?: unknown }).Path2D = RecordingPath;
  });
  afterAll(() => {
    delete (globalThis as { Path2D?: unknown }).Path2D;
  });
  const glyphPaths = createGlyphPathCache((svg) => new RecordingPath(svg));

  it('gathers every inked glyph into one path under its glyph transform (page points)', () => {
    const path = runPath(run({ scaleX: 0.8 }), font, glyphPaths, () => new RecordingPath());
    expect(path.added).toHaveLength(2);
    expect(path.added[1]!.transform!.e).toBe(46);
    expect(path.added[1]!.transform!.a).toBeCloseTo((36 / font.unitsPerEm) * 0.8, 12);
  });

  it('paints shadow (offset), outline (twice its width, round joins), then the fill', () => {
    const { ctx, log } = recordingContext();
    const res = { fonts, glyphPaths: glyphPaths as never, images: new Map() };
    const stats = drawPageContent(ctx, page(run({ effects: { outline: { widthPt: 1.5, colour: RED }, shadow: { dxPt: 2, dyPt: 3, colour: GREY } } })), res);
    expect(stats.glyphs).toBe(2);
    expect(log).toEqual([
      'fill rgb(128, 128, 128) @2,3', 'stroke rgb(128, 128, 128) 3 round @2,3',
      'stroke rgb(255, 0, 0) 3 round @0,0',
      'fill rgb(0, 0, 0) @0,0',
    ]);
  });

  it('paints hollow type as a stroke alone, even with an outline set', () => {
    const { ctx, log } = recordingContext();
    const res = { fonts, glyphPaths: glyphPaths as never, images: new Map() };
    drawPageContent(ctx, page(run({ effects: { hollow: { widthPt: 1, colour: BLACK }, outline: { widthPt: 2, colour: RED } } })), res);
    expect(log).toEqual(['stroke rgb(0, 0, 0) 1 round @0,0']);
  });

  it('widens the repaint bounds by the outline and shadow, and repaints when only an effect changes', () => {
    const plain = itemBoundsPt(run());
    const outlined = itemBoundsPt(run({ effects: { outline: { widthPt: 2, colour: RED }, shadow: { dxPt: 4, dyPt: 4, colour: GREY } } }));
    expect(plain.xPt - outlined.xPt).toBeCloseTo(6, 9);
    expect(outlined.widthPt - plain.widthPt).toBeCloseTo(12, 9);
    const region = changedRegionPt(page(run()), page(run({ effects: { outline: { widthPt: 1, colour: RED } } })));
    expect(region === 'all' || region.length > 0).toBe(true);
    expect(changedRegionPt(page(run({ effects: { outline: { widthPt: 1, colour: RED } } })), page(run({ effects: { outline: { widthPt: 1, colour: RED } } })))).toEqual([]);
  });
});
