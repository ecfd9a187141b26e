import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GlyphRunItem, LayoutItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { preflight } from '../../../src-core/preflight/preflight.js';

const doc = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio'))).document;
const pageId = doc.pages[0]!.id;
const run = (sizePt: number, colour: GlyphRunItem['colour'], frameId: string): GlyphRunItem => ({
  kind: 'glyphs', fontId: 'f', sizePt, colour, baselineYPt: 100, glyphs: [{ glyphId: 5, xPt: 60, text: '德' }], frameId,
});
const layoutOf = (items: LayoutItem[]): PageLayout => ({
  pageId, pageName: 'A01', trimWidthPt: 1000, trimHeightPt: 1500, bleedPt: 0, typeArea: { xPt: 0, yPt: 0, widthPt: 1000, heightPt: 1500 },
  items, lines: [], overset: [], copyfit: [], warnings: [],
});
const check = (items: LayoutItem[], d = doc) => preflight(d, [layoutOf(items)], { preset: 'print', assetInfo: new Map() });
const WHITE = { c: 0, m: 0, y: 0, k: 0 };
const BLACK = { c: 0, m: 0, y: 0, k: 1 };
const RED = { c: 0, m: 1, y: 1, k: 0.1 };

describe('reversed type (反白) and black-and-white pages (黑白版)', () => {
  it('warns about white text below 8 pt, once per frame and size, and not about black or larger white text', () => {
    const found = check([run(7, WHITE, 'tag'), run(7, WHITE, 'tag'), run(9, WHITE, 'head'), run(6, BLACK, 'body')]).filter((f) => f.code === 'small-reversed-text');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', frameId: 'tag' });
    expect(found[0]!.message).toMatch(/Reversed \(white\) text at 7 pt in text frame "tag" on page A01/);
  });

  it('warns about colour left on a black-and-white page, frame by frame, and says nothing on a colour page', () => {
    const mono = { ...doc, pages: [{ ...doc.pages[0]!, mono: true }, ...doc.pages.slice(1)] };
    const items: LayoutItem[] = [
      run(10, RED, 'kicker'), run(10, BLACK, 'body'),
      { kind: 'rule', x1Pt: 0, y1Pt: 0, x2Pt: 10, y2Pt: 0, strokePt: 1, colour: RED, frameId: 'rule-red' },
      { kind: 'box', rect: { xPt: 0, yPt: 0, widthPt: 10, heightPt: 10 }, strokePt: 0, fill: { c: 0, m: 0, y: 0, k: 0.15 }, frameId: 'grey-box' },
    ];
    expect(check(items, mono).filter((f) => f.code === 'colour-on-mono-page').map((f) => f.frameId).sort()).toEqual(['kicker', 'rule-red']);
    expect(check(items).filter((f) => f.code === 'colour-on-mono-page')).toEqual([]);
  });
});

describe('fine two-line and decorative borders', () => {
  it('warns about a 花边 or 文武线 finer than its style holds on newsprint, and not about one at its minimum', () => {
    const page = doc.pages[0]!;
    const box = { kind: 'box' as const, id: 'tag-box', xPt: 50, yPt: 50, widthPt: 100, heightPt: 40, strokePt: 1, stroke: BLACK, locked: false };
    const rule = { kind: 'rule' as const, id: 'tag-rule', xPt: 50, yPt: 100, widthPt: 100, heightPt: 10, strokePt: 1, locked: false };
    const withFrames = (frames: object[]) => ({ ...doc, pages: [{ ...page, frames: [...page.frames, ...frames] as typeof page.frames }, ...doc.pages.slice(1)] });
    const fine = check([], withFrames([{ ...box, lineStyle: 'diamonds' }, { ...rule, lineStyle: 'thick-thin' }])).filter((f) => f.code === 'fine-border');
    expect(fine.map((f) => f.frameId)).toEqual(['tag-box', 'tag-rule']);
    expect(fine[0]!.message).toMatch(/1 pt stroke.*at least 3 pt/);
    expect(fine[0]!.severity).toBe('warning');
    const ok = check([], withFrames([{ ...box, lineStyle: 'diamonds', strokePt: 3 }, { ...rule, lineStyle: 'dashed' }])).filter((f) => f.code === 'fine-border');
    expect(ok).toEqual([]);
  });
});
