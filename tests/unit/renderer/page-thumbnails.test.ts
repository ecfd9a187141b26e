import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageLayout } from '../../../src-core/layout/page-layout.js';
import { THUMBNAIL_REDRAWS_PER_S, ThumbnailPainter, type ThumbnailRequest } from '../../../src-renderer/panels/page-thumbnails.js';

const layout = (pageId: string): PageLayout => ({ pageId, pageName: pageId, trimWidthPt: 100, trimHeightPt: 180, bleedPt: 0, typeArea: { xPt: 0, yPt: 0, widthPt: 100, heightPt: 180 }, items: [], lines: [], overset: [], copyfit: [], warnings: [] });
const canvases = (n: number) => Array.from({ length: n }, () => ({}) as HTMLCanvasElement);

describe('thumbnail painter', () => {
  let now = 0;
  let drawn: { canvas: HTMLCanvasElement; request: ThumbnailRequest }[] = [];
  const painter = () => new ThumbnailPainter((canvas, request) => drawn.push({ canvas, request }), () => now);

  beforeEach(() => {
    vi.useFakeTimers();
    now = 0;
    drawn = [];
  });
  afterEach(() => vi.useRealTimers());

  const advance = (ms: number) => {
    now += ms;
    vi.advanceTimersByTime(ms);
  };

  it('draws nothing in the task that asked; then only the pages whose layout object changed', () => {
    const p = painter();
    const cs = canvases(32);
    const layouts = cs.map((_, i) => layout(`p${i}`));
    cs.forEach((c, i) => p.request(c, { layout: layouts[i], widthPx: 40 }));
    expect(drawn).toHaveLength(0);
    advance(0);
    expect(drawn).toHaveLength(32);

    // A keystroke on page 20: the composer returns every other page's layout object again.
    drawn = [];
    const next = layouts.slice();
    next[19] = layout('p19');
    cs.forEach((c, i) => p.request(c, { layout: next[i], widthPx: 40 }));
    expect(drawn).toHaveLength(0);
    advance(1000);
    expect(drawn.map((d) => d.canvas)).toEqual([cs[19]]);

    // The panel's zoom changes every thumbnail's width: all are redrawn.
    drawn = [];
    cs.forEach((c, i) => p.request(c, { layout: next[i], widthPx: 60 }));
    advance(1000);
    expect(drawn).toHaveLength(32);
  });

  it('typing fast redraws a page at most a few times a second, and its last layout is always drawn', () => {
    const p = painter();
    const [c] = canvases(1);
    p.request(c!, { layout: layout('a'), widthPx: 40 });
    advance(0);
    drawn = [];
    let last = layout('a');
    // 40 keystrokes, 25 ms apart: one second of typing.
    for (let i = 0; i < 40; i++) {
      last = layout('a');
      p.request(c!, { layout: last, widthPx: 40 });
      advance(25);
    }
    advance(1000);
    expect(drawn.length).toBeLessThanOrEqual(THUMBNAIL_REDRAWS_PER_S + 1);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn[drawn.length - 1]!.request.layout).toBe(last);
  });

  it('a forgotten canvas is not drawn', () => {
    const p = painter();
    const [c] = canvases(1);
    p.request(c!, { layout: layout('a'), widthPx: 40 });
    p.forget(c!);
    advance(1000);
    expect(drawn).toHaveLength(0);
  });
});
