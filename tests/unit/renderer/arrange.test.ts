import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import type { LayoutItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { changedRegionPt } from '../../../src-renderer/page/dirty-region.js';
import { bringForward, moveFrames, removeFrames, sendBackward, setFramesLocked, setFramesWrap, setFramesWrapMode } from '../../../src-renderer/state/arrange.js';
import { findFrame } from '../../../src-renderer/state/document-edits.js';
import { effectiveSelection, framesInMarquee, rectFromCorners, toggleInSelection } from '../../../src-renderer/state/selection.js';

const doc = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio'))).document;
const order = (d: typeof doc) => d.pages[0].frames.map((f) => f.id);

describe('selection', () => {
  it('shift-click adds and removes frames; the primary follows the last one clicked', () => {
    let s = toggleInSelection({ primary: 'bikes', ids: ['bikes'] }, 'photo');
    expect(s).toEqual({ primary: 'photo', ids: ['bikes', 'photo'] });
    s = toggleInSelection(s, 'leidian');
    expect(effectiveSelection(s)).toEqual(['bikes', 'photo', 'leidian']);
    s = toggleInSelection(s, 'leidian');
    expect(s).toEqual({ primary: 'photo', ids: ['bikes', 'photo'] });
    s = toggleInSelection(toggleInSelection(s, 'photo'), 'bikes');
    expect(s).toEqual({ primary: null, ids: [] });
    expect(effectiveSelection({ primary: 'x', ids: ['a', 'b'] })).toEqual(['x']);
    expect(effectiveSelection({ primary: null, ids: ['a'] })).toEqual([]);
  });

  it('a marquee selects every frame its rectangle touches, in paint order', () => {
    const bikes = findFrame(doc, 'bikes')!.frame;
    const feature = findFrame(doc, 'feature-1')!.frame;
    // From inside bikes across the gutter into the feature's body frame, its neighbour on the left: both, nothing else.
    const m = rectFromCorners({ xPt: bikes.xPt + 20, yPt: feature.yPt + 20 }, { xPt: feature.xPt + feature.widthPt - 10, yPt: feature.yPt + 40 });
    expect(m.widthPt).toBeCloseTo(bikes.xPt - (feature.xPt + feature.widthPt) + 30, 9);
    expect(framesInMarquee(doc.pages[0], m)).toEqual(['bikes', 'feature-1']);
    expect(framesInMarquee(doc.pages[0], { xPt: 0, yPt: 0, widthPt: 5, heightPt: 5 })).toEqual([]);
  });
});

describe('arranging frames', () => {
  it('moves every unlocked selected frame by the same distance; locked frames stay', () => {
    const next = moveFrames(doc, ['bikes', 'photo', 'masthead'], 12, -3);
    for (const id of ['bikes', 'photo']) {
      expect(findFrame(next, id)!.frame.xPt).toBeCloseTo(findFrame(doc, id)!.frame.xPt + 12, 9);
      expect(findFrame(next, id)!.frame.yPt).toBeCloseTo(findFrame(doc, id)!.frame.yPt - 3, 9);
    }
    expect(findFrame(next, 'masthead')!.frame).toBe(findFrame(doc, 'masthead')!.frame);
    expect(findFrame(next, 'lead-1')!.frame).toBe(findFrame(doc, 'lead-1')!.frame);
    expect(moveFrames(doc, ['bikes'], 0, 0)).toBe(doc);
    expect(moveFrames(doc, ['masthead'], 5, 5)).toBe(doc);
  });

  it('locks and unlocks', () => {
    const locked = setFramesLocked(doc, ['bikes', 'photo'], true);
    expect(findFrame(locked, 'bikes')!.frame.locked).toBe(true);
    expect(findFrame(locked, 'photo')!.frame.locked).toBe(true);
    expect(moveFrames(locked, ['bikes'], 1, 1)).toBe(locked);
    const unlocked = setFramesLocked(locked, ['bikes'], false);
    expect(findFrame(unlocked, 'bikes')!.frame.locked).toBe(false);
    expect(setFramesLocked(unlocked, ['bikes'], false)).toBe(unlocked);
  });

  it('switches text wrap on and off for unlocked frames; rules never wrap; a bad gap is refused', () => {
    const rule = doc.pages[0].frames.find((f) => f.kind === 'rule')!;
    const on = setFramesWrap(doc, ['photo', 'bikes', 'masthead', rule.id], 4);
    expect(findFrame(on, 'photo')!.frame.wrap).toEqual({ gapPt: 4 });
    expect(findFrame(on, 'bikes')!.frame.wrap).toEqual({ gapPt: 4 });
    expect(findFrame(on, 'masthead')!.frame).toBe(findFrame(doc, 'masthead')!.frame);
    expect(findFrame(on, rule.id)!.frame).toBe(rule);
    expect(setFramesWrap(on, ['photo', 'bikes'], 4)).toBe(on);
    const off = setFramesWrap(on, ['photo'], null);
    expect('wrap' in findFrame(off, 'photo')!.frame).toBe(false);
    expect(findFrame(off, 'bikes')!.frame.wrap).toEqual({ gapPt: 4 });
    expect(setFramesWrap(off, ['photo'], null)).toBe(off);
    expect(() => setFramesWrap(doc, ['photo'], -1)).toThrow(/between 0 and 25\.4 mm/);
    expect(() => setFramesWrap(doc, ['photo'], Number.NaN)).toThrow(RangeError);
  });

  it('sets the wrap mode of wrapping frames only; a new gap keeps the mode; jump is the stored default', () => {
    const on = setFramesWrap(doc, ['photo'], 4);
    const around = setFramesWrapMode(on, ['photo', 'bikes'], 'around');
    expect(findFrame(around, 'photo')!.frame.wrap).toEqual({ gapPt: 4, mode: 'around' });
    // bikes does not wrap: nothing to set.
    expect(findFrame(around, 'bikes')!.frame).toBe(findFrame(on, 'bikes')!.frame);
    expect(setFramesWrapMode(around, ['photo'], 'around')).toBe(around);
    expect(findFrame(setFramesWrap(around, ['photo'], 6), 'photo')!.frame.wrap).toEqual({ gapPt: 6, mode: 'around' });
    expect(findFrame(setFramesWrapMode(around, ['photo'], 'jump'), 'photo')!.frame.wrap).toEqual({ gapPt: 4 });
    const locked = setFramesLocked(around, ['photo'], true);
    expect(setFramesWrapMode(locked, ['photo'], 'jump')).toBe(locked);
  });

  it('removes the unlocked selected frames, keeping their stories and locked frames', () => {
    const next = removeFrames(doc, ['bikes', 'photo', 'masthead']);
    expect(findFrame(next, 'bikes')).toBeUndefined();
    expect(findFrame(next, 'photo')).toBeUndefined();
    expect(findFrame(next, 'masthead')).toBeDefined();
    expect(next.stories).toBe(doc.stories);
    expect(removeFrames(doc, ['masthead'])).toBe(doc);
  });

  it('brings forward and sends backward one step, a selected group keeping its order, ends staying put', () => {
    const ids = order(doc);
    const fwd = bringForward(doc, ['photo']);
    const i = ids.indexOf('photo');
    expect(order(fwd).indexOf('photo')).toBe(i + 1);
    expect(order(fwd)[i]).toBe(ids[i + 1]);
    const back = sendBackward(fwd, ['photo']);
    expect(order(back)).toEqual(ids);
    // Top frame cannot go higher; bottom cannot go lower.
    expect(bringForward(doc, [ids.at(-1)!])).toBe(doc);
    expect(sendBackward(doc, [ids[0]])).toBe(doc);
    // Two neighbours move together and keep their relative order.
    const pair = bringForward(doc, [ids[1], ids[2]]);
    expect(order(pair).slice(0, 4)).toEqual([ids[0], ids[3], ids[1], ids[2]]);
    const pairBack = sendBackward(doc, [ids[1], ids[2]]);
    expect(order(pairBack).slice(0, 3)).toEqual([ids[1], ids[2], ids[0]]);
  });
});

describe('z-order on screen', () => {
  it('a paint-order change repaints the page even though no item changed (regression: the picture stayed on top)', () => {
    const image: LayoutItem = { kind: 'image', assetId: 'a', rect: { xPt: 0, yPt: 0, widthPt: 50, heightPt: 50 }, clip: { xPt: 0, yPt: 0, widthPt: 50, heightPt: 50 } };
    const box: LayoutItem = { kind: 'box', rect: { xPt: 10, yPt: 10, widthPt: 20, heightPt: 20 }, strokePt: 1, stroke: { c: 0, m: 0, y: 0, k: 1 } };
    const page = (items: LayoutItem[]): PageLayout => ({
      pageId: 'p', pageName: 'A01', trimWidthPt: 1000, trimHeightPt: 1000, bleedPt: 0, typeArea: { xPt: 0, yPt: 0, widthPt: 1000, heightPt: 1000 },
      items, lines: [], overset: [], copyfit: [], warnings: [],
    });
    expect(changedRegionPt(page([image, box]), page([image, box]))).toEqual([]);
    // Equal drawing data in new objects (the composer re-lays out image frames) counts as unchanged too …
    expect(changedRegionPt(page([image, box]), page([{ ...image }, { ...box }]))).toEqual([]);
    // … unless the order changed.
    expect(changedRegionPt(page([image, box]), page([box, image]))).toBe('all');
    expect(changedRegionPt(page([image, box]), page([{ ...box }, { ...image }]))).toBe('all');
  });
});
