import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { GlyphRunItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import type { FolioDocument } from '../../../src-core/model/document.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { changedRegionPt, itemBoundsPt, rectsIntersect } from '../../../src-renderer/page/dirty-region.js';
import { testFonts } from '../layout/fixtures.js';

const { document } = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio')));

/** The document with `text` typed at the start of the first text node of the story's last paragraph. */
function typed(doc: FolioDocument, storyId: string, text: string): FolioDocument {
  const story = doc.stories[storyId]!;
  const json = structuredClone(story.doc);
  const paragraphs: { content?: { text?: string }[] }[] = [];
  const walk = (n: { type: string; content?: unknown[] }) => {
    if (n.type === 'paragraph') paragraphs.push(n as never);
    for (const c of (n.content ?? []) as never[]) walk(c);
  };
  walk(json as never);
  const last = paragraphs[paragraphs.length - 1]!.content![0]!;
  last.text = text + last.text;
  return { ...doc, stories: { ...doc.stories, [storyId]: { ...story, doc: json } } };
}

describe('changedRegionPt: what a repaint after an edit must cover', () => {
  const fonts = testFonts();
  const composer = createComposer(fonts);
  const before = composer.compose(document).pages[0]!;

  it('an unchanged re-compose repaints nothing', () => {
    const again = createComposer(fonts).compose(document).pages[0]!;
    expect(changedRegionPt(before, again)).toEqual([]);
  });

  it('typing into one story repaints a small part of the page that covers every changed run', () => {
    const after = composer.compose(typed(document, 'lead', '新')).pages[0]!;
    const region = changedRegionPt(before, after);
    expect(region).not.toBe('all');
    const rects = region as Exclude<typeof region, 'all'>;
    expect(rects.length).toBeGreaterThan(0);
    const area = rects.reduce((s, r) => s + r.widthPt * r.heightPt, 0);
    expect(area).toBeLessThan(0.1 * after.trimWidthPt * after.trimHeightPt);
    // Every run that differs (new or gone) lies inside the region.
    const key = (r: GlyphRunItem) => `${r.fontId}${r.baselineYPt}${r.glyphs.map((g) => `${g.glyphId}@${g.xPt}`).join()}`;
    const runs = (p: PageLayout) => p.items.filter((i): i is GlyphRunItem => i.kind === 'glyphs');
    const beforeKeys = new Set(runs(before).map(key));
    const afterKeys = new Set(runs(after).map(key));
    const changed = [...runs(after).filter((r) => !beforeKeys.has(key(r))), ...runs(before).filter((r) => !afterKeys.has(key(r)))];
    expect(changed.length).toBeGreaterThan(0);
    for (const run of changed) {
      const b = itemBoundsPt(run);
      const inside = rects.some((r) => r.xPt <= b.xPt && r.yPt <= b.yPt && r.xPt + r.widthPt >= b.xPt + b.widthPt && r.yPt + r.heightPt >= b.yPt + b.heightPt);
      expect(inside).toBe(true);
    }
  });

  it('another page size repaints everything', () => {
    expect(changedRegionPt(before, { ...before, trimWidthPt: before.trimWidthPt + 1 })).toBe('all');
  });

  it('glyph bounds cover the em box with overhang; rectangles touching at an edge do not intersect', () => {
    const run: GlyphRunItem = { kind: 'glyphs', fontId: 'f', sizePt: 10, colour: { c: 0, m: 0, y: 0, k: 1 }, baselineYPt: 100, glyphs: [{ glyphId: 1, xPt: 20, text: '字' }, { glyphId: 2, xPt: 30, text: '字' }] };
    const b = itemBoundsPt(run);
    expect(b.xPt).toBeLessThan(20);
    expect(b.xPt + b.widthPt).toBeGreaterThan(40);
    expect(b.yPt).toBeLessThan(90);
    expect(b.yPt + b.heightPt).toBeGreaterThan(100);
    expect(rectsIntersect({ xPt: 0, yPt: 0, widthPt: 10, heightPt: 10 }, { xPt: 10, yPt: 0, widthPt: 5, heightPt: 5 })).toBe(false);
    expect(rectsIntersect({ xPt: 0, yPt: 0, widthPt: 10, heightPt: 10 }, { xPt: 9, yPt: 9, widthPt: 5, heightPt: 5 })).toBe(true);
  });

  it('skips the unchanged ends by identity, still sees a swap in the middle and erases a removed item (regression: prefix/suffix skip)', () => {
    const items = before.items;
    const swapped: PageLayout = { ...before, items: [...items.slice(0, 3), items[4]!, items[3]!, ...items.slice(5)] };
    expect(changedRegionPt(before, swapped)).toBe('all');
    const removed: PageLayout = { ...before, items: [...items.slice(0, 3), ...items.slice(4)] };
    const region = changedRegionPt(before, removed);
    expect(region).not.toBe('all');
    expect(region).toHaveLength(1);
    expect(rectsIntersect((region as { xPt: number; yPt: number; widthPt: number; heightPt: number }[])[0]!, itemBoundsPt(items[3]!))).toBe(true);
  });
});
