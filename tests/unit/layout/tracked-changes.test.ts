/**
 * Tracked changes on the page: deleted text is left out, inserted text is set; the page equals the page of
 * the text with every change accepted, and the story's positions still map onto it.
 */
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { GlyphRunItem } from '../../../src-core/layout/page-layout.js';
import { collectChanges } from '../../../src-core/model/tracked-change.js';
import { preflight } from '../../../src-core/preflight/preflight.js';
import { cols, documentOf, p, story, t, testFonts, textFrame, broadsheet } from './fixtures.js';

const tpl = broadsheet();
const fonts = testFonts();
const change = (type: 'insertion' | 'deletion', id: string) => [{ type, attrs: { id, author: '校对甲', createdAt: '2026-11-26T08:00:00Z' } }];
const glyphText = (items: readonly { kind: string }[]) => items.filter((i): i is GlyphRunItem => i.kind === 'glyphs').map((i) => i.glyphs.map((g) => g.text).join('')).join('');

describe('tracked changes on the page', () => {
  const frame = textFrame(tpl, 'f', 's', [0, 2, 0, 20]);
  const tracked = story('s', cols(p(t('德清'), t('改革', change('deletion', 'd1')), t('创新', change('insertion', 'i1')), t('高地'))));
  const accepted = story('s', cols(p(t('德清创新高地'))));

  it('leaves deleted text out and sets inserted text, exactly as the accepted text would be set', () => {
    const page = createComposer(fonts).compose(documentOf([tracked], [{ id: 'A01', frames: [frame] }], tpl)).pages[0]!;
    const plain = createComposer(fonts).compose(documentOf([accepted], [{ id: 'A01', frames: [frame] }], tpl)).pages[0]!;
    expect(glyphText(page.items)).toBe('德清创新高地');
    expect(glyphText(page.items)).toBe(glyphText(plain.items));
    expect(JSON.stringify(page.items)).toBe(JSON.stringify(plain.items));
  });

  it('keeps every story position on the line: the struck positions share the caret where the cut is', () => {
    const page = createComposer(fonts).compose(documentOf([tracked], [{ id: 'A01', frames: [frame] }], tpl)).pages[0]!;
    const line = page.lines[0]!;
    // Positions 2..10 (columns block at 0, paragraph at 1, text from 2): 德清 2–4, 改革 4–6 (deleted), 创新 6–8, 高地 8–10.
    expect(line.fromPos).toBe(2);
    expect(line.toPos).toBe(10);
    const x = (pos: number) => line.caretXPt[pos - line.fromPos]!;
    expect(x(5)).toBe(x(4));
    expect(x(6)).toBe(x(4));
    expect(x(7)).toBeGreaterThan(x(6));
  });

  it('are read back per story, with their text', () => {
    const doc = documentOf([tracked], [{ id: 'A01', frames: [frame] }], tpl);
    expect(collectChanges(doc).map((c) => `${c.kind}:${c.text}:${c.ranges.map((r) => `${r.fromPos}-${r.toPos}`).join(',')}`)).toEqual(['deletion:改革:4-6', 'insertion:创新:6-8']);
  });

  it('preflight warns once per story before print, naming how many and by whom; not for proofs', () => {
    const doc = { ...documentOf([tracked], [{ id: 'A01', frames: [frame] }], tpl), stories: { s: { ...tracked, name: '德清改革' } } };
    const layouts = createComposer(fonts).compose(doc).pages;
    const print = preflight(doc, layouts, { preset: 'print', assetInfo: new Map() }).filter((f) => f.code === 'tracked-change');
    expect(print).toEqual([{ severity: 'warning', code: 'tracked-change', pageId: 'A01', storyId: 's', message: '2 tracked changes in 「德清改革」 not accepted or rejected yet (校对甲) — 修改痕迹未处理' }]);
    expect(preflight(doc, layouts, { preset: 'proof', assetInfo: new Map() }).some((f) => f.code === 'tracked-change')).toBe(false);
  });
});
