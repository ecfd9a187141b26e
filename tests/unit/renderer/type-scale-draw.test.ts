/**
 * 长体/扁体 on screen (issue 15 item 1): the glyph transform scales the outline by the run's type scale (times
 * a glyph's own horizontal scale), and a scaled run's repaint bounds and identity follow its scale.
 */
import { describe, expect, it } from 'vitest';
import { glyphTransform } from '../../../src-renderer/page/glyph-paths.js';
import { itemBoundsPt, changedRegionPt } from '../../../src-renderer/page/dirty-region.js';
import type { GlyphRunItem, PageLayout } from '../../../src-core/layout/page-layout.js';

const run = (extra: Partial<GlyphRunItem> = {}): GlyphRunItem => ({
  kind: 'glyphs', fontId: 'f', sizePt: 36, colour: { c: 0, m: 0, y: 0, k: 1 }, baselineYPt: 100,
  glyphs: [{ glyphId: 5, xPt: 10, text: '国' }, { glyphId: 6, xPt: 38.8, text: '家' }], ...extra,
});

describe('the glyph transform of a scaled run', () => {
  it('scales font units by size/upm × the horizontal and vertical scale, y flipped', () => {
    expect(glyphTransform(1000, 36, 10, 100)).toEqual([0.036, 0, 0, -0.036, 10, 100]);
    const [a, b, c, d, e, f] = glyphTransform(1000, 36, 10, 100, 0.8, 1.2);
    expect([b, c, e, f]).toEqual([0, 0, 10, 100]);
    expect(a).toBeCloseTo(0.036 * 0.8, 12);
    expect(d).toBeCloseTo(-0.036 * 1.2, 12);
  });
});

describe('repaint bounds of a scaled run', () => {
  it('a 扁体 run is lower, a taller one higher; a 长体 run narrower', () => {
    const natural = itemBoundsPt(run());
    const flat = itemBoundsPt(run({ scaleY: 0.5 }));
    const tall = itemBoundsPt(run({ scaleY: 2 }));
    const narrow = itemBoundsPt(run({ scaleX: 0.5 }));
    expect(tall.yPt).toBeLessThan(natural.yPt);
    expect(tall.yPt + tall.heightPt).toBeGreaterThanOrEqual(100);
    expect(flat.heightPt).toBeLessThan(natural.heightPt);
    expect(narrow.widthPt).toBeLessThan(natural.widthPt);
    // A tall run's ink (up to 72 pt above the baseline) lies inside its bounds.
    expect(tall.yPt).toBeLessThanOrEqual(100 - 72);
  });

  it('changing only the scale of a run repaints it', () => {
    const page = (item: GlyphRunItem): PageLayout => ({
      pageId: 'p', pageName: 'A01', trimWidthPt: 400, trimHeightPt: 600, bleedPt: 0, typeArea: { xPt: 0, yPt: 0, widthPt: 400, heightPt: 600 },
      items: [item], lines: [], overset: [], copyfit: [], warnings: [],
    });
    expect(changedRegionPt(page(run()), page(run()))).toEqual([]);
    const region = changedRegionPt(page(run()), page(run({ scaleX: 0.8 })));
    expect(region === 'all' || region.length > 0).toBe(true);
  });
});
