/**
 * Rotated pictures and boxes (issue 15 item 7): the geometry every consumer shares — normalising, turned bounds,
 * hit-testing, the PDF matrix — and what layout, text wrap and the commands do with `rotationDeg`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import { layoutBoxFrame, layoutImageFrame } from '../../../src-core/layout/frames.js';
import type { ItemRotation, LayoutWarning, PageLayout } from '../../../src-core/layout/page-layout.js';
import { frameRotation, normaliseRotationDeg, pdfRotationMatrix, pointInRotatedRect, rotatedBounds, rotatePoint } from '../../../src-core/layout/rotation.js';
import { collectWrapObstacles, wrapRectOf } from '../../../src-core/layout/wrap.js';
import { FrameSchema, type BoxFrame, type Frame, type ImageFrame } from '../../../src-core/model/document.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { itemBoundsPt } from '../../../src-renderer/page/dirty-region.js';
import { frameAtPoint } from '../../../src-renderer/page/frame-hit.js';
import { handleAtPoint } from '../../../src-renderer/page/overlay.js';
import { canRotate, rotateFramesBy, setFramesRotation } from '../../../src-renderer/state/arrange.js';
import { findFrame } from '../../../src-renderer/state/document-edits.js';
import { blk, broadsheet, cols, documentOf, gridRect, p, story, testFonts, textFrame } from './fixtures.js';

const rect = { xPt: 100, yPt: 200, widthPt: 80, heightPt: 40 };
const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

describe('rotation geometry', () => {
  it('normalises any angle into (-180, 180]', () => {
    expect([0, 90, 180, -180, 270, -270, 360, 540, -90, 450.5, -0].map(normaliseRotationDeg)).toEqual([0, 90, 180, 180, -90, 90, 0, 180, -90, 90.5, 0]);
    expect(normaliseRotationDeg(Number.NaN)).toBe(0);
    expect(normaliseRotationDeg(Number.POSITIVE_INFINITY)).toBe(0);
    expect(normaliseRotationDeg(360 * 3 + 1e-12)).toBe(0);
  });

  it('a frame turns about its centre; unturned frames have no rotation', () => {
    expect(frameRotation({ ...rect, rotationDeg: 30 })).toEqual({ deg: 30, cxPt: 140, cyPt: 220 });
    expect(frameRotation(rect)).toBeUndefined();
    expect(frameRotation({ ...rect, rotationDeg: 360 })).toBeUndefined();
  });

  it('turns clockwise on the page (y down): the top-right corner goes to the bottom-right at 90°', () => {
    const turn: ItemRotation = { deg: 90, cxPt: 140, cyPt: 220 };
    const p1 = rotatePoint(180, 200, turn);
    expect([p1.xPt, p1.yPt].map((n) => Math.round(n * 1e9) / 1e9)).toEqual([160, 260]);
  });

  it('bounds: a quarter turn swaps width and height about the centre; 45° makes a square of the diagonal spread', () => {
    const quarter = rotatedBounds(rect, frameRotation({ ...rect, rotationDeg: 90 }));
    expect([quarter.xPt, quarter.yPt, quarter.widthPt, quarter.heightPt].map((n) => Math.round(n * 1e9) / 1e9)).toEqual([120, 180, 40, 80]);
    const eighth = rotatedBounds(rect, frameRotation({ ...rect, rotationDeg: 45 }));
    expect(close(eighth.widthPt, (80 + 40) / Math.SQRT2)).toBe(true);
    expect(close(eighth.heightPt, eighth.widthPt)).toBe(true);
    expect(rotatedBounds(rect, undefined)).toBe(rect);
  });

  it('hit test follows the turned rectangle, not the unturned one', () => {
    const turn = frameRotation({ ...rect, rotationDeg: 90 });
    // Inside the unturned rectangle near its right end, outside the turned one.
    expect(pointInRotatedRect(175, 220, rect, undefined)).toBe(true);
    expect(pointInRotatedRect(175, 220, rect, turn)).toBe(false);
    // Below the unturned rectangle, inside the turned one.
    expect(pointInRotatedRect(140, 255, rect, undefined)).toBe(false);
    expect(pointInRotatedRect(140, 255, rect, turn)).toBe(true);
    expect(pointInRotatedRect(140, 263, rect, turn, 2)).toBe(false);
    expect(pointInRotatedRect(140, 261, rect, turn, 2)).toBe(true);
  });

  it('the PDF matrix keeps the centre in place and turns clockwise as seen on the page (PDF y up)', () => {
    const toPdf = (x: number, y: number) => ({ x: 10 + x, y: 10 + 500 - y });
    const [a, b, c, d, e, f] = pdfRotationMatrix({ deg: 90, cxPt: 140, cyPt: 220 }, toPdf);
    const apply = (x: number, y: number) => ({ x: a * x + c * y + e, y: b * x + d * y + f });
    const centre = toPdf(140, 220);
    expect(close(apply(centre.x, centre.y).x, centre.x) && close(apply(centre.x, centre.y).y, centre.y)).toBe(true);
    // The top-right corner on the page lands where rotatePoint puts it on the page.
    const corner = apply(toPdf(180, 200).x, toPdf(180, 200).y);
    const want = toPdf(160, 260);
    expect(close(corner.x, want.x) && close(corner.y, want.y)).toBe(true);
  });
});

describe('rotated frames in layout, hit-testing, the overlay and text wrap', () => {
  const image: ImageFrame = { id: 'photo', kind: 'image', ...rect, locked: false, fit: 'fill', offsetXPt: 0, offsetYPt: 0, scale: 1, rotationDeg: 90 };

  it('the model accepts (-180, 180] and refuses what lies outside', () => {
    expect(FrameSchema.safeParse(image).success).toBe(true);
    expect(FrameSchema.safeParse({ ...image, rotationDeg: 180 }).success).toBe(true);
    expect(FrameSchema.safeParse({ ...image, rotationDeg: -180 }).success).toBe(false);
    expect(FrameSchema.safeParse({ ...image, rotationDeg: 270 }).success).toBe(false);
    expect(FrameSchema.safeParse({ ...image, rotationDeg: Number.NaN }).success).toBe(false);
  });

  it('every item of a rotated picture or box carries the frame turn; ink bounds follow it', () => {
    const warnings: LayoutWarning[] = [];
    const doc = documentOf([], [{ id: 'A01', frames: [] }], broadsheet());
    const missing = layoutImageFrame({ ...image, assetId: 'gone' }, doc, 'A01', warnings);
    expect(missing.length).toBe(3);
    for (const item of missing) expect(item.rotation).toEqual({ deg: 90, cxPt: 140, cyPt: 220 });
    const box: BoxFrame = { id: 'tag', kind: 'box', ...rect, locked: false, strokePt: 1, stroke: { c: 0, m: 0, y: 0, k: 1 }, label: '广告', rotationDeg: -30 };
    const boxItems = layoutBoxFrame(box, testFonts().all()[0]!, warnings);
    expect(boxItems.map((i) => i.kind)).toEqual(['box', 'glyphs']);
    for (const item of boxItems) expect(item.rotation?.deg).toBe(-30);
    const bounds = itemBoundsPt(missing[0]!);
    expect(Math.round(bounds.widthPt)).toBe(41);
    expect(Math.round(bounds.heightPt)).toBe(81);
    expect(layoutImageFrame({ ...image, rotationDeg: undefined, assetId: 'gone' }, doc, 'A01', warnings)[0]!.rotation).toBeUndefined();
  });

  it('regression: a click below a picture turned upright selects it, a click on its old right end does not', () => {
    const page = { id: 'A01', name: 'A01', frames: [image] as Frame[] };
    expect(frameAtPoint(page as never, 140, 255)?.id).toBe('photo');
    expect(frameAtPoint(page as never, 175, 220)).toBeUndefined();
  });

  it('a rotated frame\'s resize handles sit on its turned corners, not where the unturned ones were', () => {
    expect(handleAtPoint({ ...rect }, 180, 240, 1)).toBe('se');
    // Turned 90° clockwise about (140, 220), the bottom-right corner (180, 240) goes to (120, 260).
    expect(handleAtPoint({ ...rect, rotationDeg: 90 }, 120, 260, 1)).toBe('se');
    expect(handleAtPoint({ ...rect, rotationDeg: 90 }, 180, 240, 1)).toBeNull();
  });

  it('text wrap keeps out of the bounding box of the turned rectangle, grown by the gap', () => {
    const r = wrapRectOf({ ...image, wrap: { gapPt: 4 } }, 4);
    expect([r.xPt, r.yPt, r.widthPt, r.heightPt].map((n) => Math.round(n * 1e6) / 1e6)).toEqual([116, 176, 48, 88]);
    const obstacles = collectWrapObstacles({ id: 'A01', name: 'A01', frames: [{ ...image, wrap: { gapPt: 4 } }] } as never, 'text');
    expect(obstacles[0]!.rect).toEqual(r);
  });

  it('regression: a photo turned upright in a column pushes the text down by its turned height', () => {
    const tpl = broadsheet();
    const fonts = testFonts();
    const cell = gridRect(tpl, 0, 1, 4, 4);
    // A landscape photo 1 column wide, 4 lines deep; turned, it is as tall as the column is wide.
    const photo: ImageFrame = { id: 'photo', kind: 'image', ...cell, locked: false, fit: 'fill', offsetXPt: 0, offsetYPt: 0, scale: 1, wrap: { gapPt: 0 } };
    const article = story('s', blk('headline', '德清'), cols(p('德清改革创新发展高地品质生活新城'.repeat(60))));
    const compose = (f: ImageFrame): PageLayout => createComposer(fonts).compose(documentOf([article], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 1, 0, 40]), f] }], tpl)).pages[0]!;
    const firstBelow = (page: PageLayout) => page.lines.filter((l) => l.storyId === 's' && l.rect.yPt > cell.yPt).map((l) => l.rect.yPt)[0]!;
    const flat = firstBelow(compose(photo));
    const upright = firstBelow(compose({ ...photo, rotationDeg: 90 }));
    const turned = rotatedBounds(cell, frameRotation({ ...cell, rotationDeg: 90 }));
    expect(flat).toBeGreaterThanOrEqual(cell.yPt + cell.heightPt - 0.01);
    expect(upright).toBeGreaterThanOrEqual(turned.yPt + turned.heightPt - 0.01);
    expect(upright).toBeGreaterThan(flat);
  });
});

describe('rotate commands', () => {
  const doc = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio'))).document;
  const photoId = doc.pages[0]!.frames.find((f) => f.kind === 'image')!.id;
  const textId = doc.pages[0]!.frames.find((f) => f.kind === 'text' && !f.locked)!.id;

  it('sets any angle, stored normalised; 0 removes the property', () => {
    const turned = setFramesRotation(doc, [photoId], 370);
    expect((findFrame(turned, photoId)!.frame as ImageFrame).rotationDeg).toBe(10);
    const back = setFramesRotation(turned, [photoId], -360);
    expect('rotationDeg' in findFrame(back, photoId)!.frame).toBe(false);
    expect(setFramesRotation(doc, [photoId], 0)).toBe(doc);
    expect(() => setFramesRotation(doc, [photoId], Number.NaN)).toThrow(RangeError);
  });

  it('quarter turns: four bring the picture back to unturned; text frames and locked frames do not turn', () => {
    let d = doc;
    const seen: (number | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      d = rotateFramesBy(d, [photoId, textId], 90);
      seen.push((findFrame(d, photoId)!.frame as ImageFrame).rotationDeg);
      expect(findFrame(d, textId)!.frame).toBe(findFrame(doc, textId)!.frame);
    }
    expect(seen).toEqual([90, 180, -90, undefined]);
    expect(rotateFramesBy(doc, [photoId], -90) === doc).toBe(false);
    expect((findFrame(rotateFramesBy(doc, [photoId], -90), photoId)!.frame as ImageFrame).rotationDeg).toBe(-90);
    const photo = findFrame(doc, photoId)!.frame;
    expect(canRotate(photo)).toBe(true);
    expect(canRotate({ ...photo, locked: true })).toBe(false);
    expect(canRotate(findFrame(doc, textId)!.frame)).toBe(false);
  });
});

describe('preflight of rotated frames', () => {
  it('warns when a turned picture reaches beyond the bleed, and only then', async () => {
    const { preflight } = await import('../../../src-core/preflight/preflight.js');
    const tpl = broadsheet();
    const layout = (frames: Frame[]): PageLayout[] => createComposer(testFonts()).compose(documentOf([], [{ id: 'A01', frames }], tpl)).pages;
    const check = (f: ImageFrame) => {
      const d = documentOf([], [{ id: 'A01', frames: [f] }], tpl);
      return preflight(d, layout([f]), { preset: 'print', assetInfo: new Map() }).filter((x) => x.code === 'rotated-off-page');
    };
    // A wide frame 5 pt from the top edge: unturned it is on the page; turned upright it sticks out above.
    const near: ImageFrame = { id: 'photo', kind: 'image', xPt: 300, yPt: 5, widthPt: 200, heightPt: 60, locked: false, fit: 'fill', offsetXPt: 0, offsetYPt: 0, scale: 1 };
    expect(check(near)).toEqual([]);
    const found = check({ ...near, rotationDeg: 90 });
    expect(found.map((x) => [x.severity, x.frameId])).toEqual([['warning', 'photo']]);
    expect(found[0]!.message).toBe('Frame "photo", turned 90°, reaches beyond the page\'s bleed: the part outside will be cut off (move it in or turn it less)');
    expect(check({ ...near, yPt: 200, rotationDeg: 90 })).toEqual([]);
  });
});
