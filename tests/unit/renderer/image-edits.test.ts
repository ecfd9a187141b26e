import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutImageFrame } from '../../../src-core/layout/frames.js';
import type { ImageItem } from '../../../src-core/layout/page-layout.js';
import type { Asset, FolioDocument, ImageFrame } from '../../../src-core/model/document.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { findFrame } from '../../../src-renderer/state/document-edits.js';
import { fitFrameToPicture, imageRectAt, naturalSizePt, newImageRect, panImage, placeAsset, placedImageRect, ppiStatus, setImageCrop, setImageFit } from '../../../src-renderer/state/image-edits.js';

const doc = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio'))).document;
const photo: Asset = { id: 'img-aaaaaaaaaaaa', path: 'assets/img-aaaaaaaaaaaa.jpg', mime: 'image/jpeg', widthPx: 2000, heightPx: 1000 };
const advert: Asset = { id: 'pdf-bbbbbbbbbbbb', path: 'assets/pdf-bbbbbbbbbbbb.pdf', mime: 'application/pdf', widthPt: 180, heightPt: 80 };

const imageFrame = (d: FolioDocument, id: string): ImageFrame => {
  const f = findFrame(d, id)?.frame;
  if (f?.kind !== 'image') throw new Error(`${id} is not an image frame`);
  return f;
};
const imageItem = (d: FolioDocument, id: string): ImageItem => layoutImageFrame(imageFrame(d, id), d, 'A01', []).find((i): i is ImageItem => i.kind === 'image')!;

describe('placing assets', () => {
  it('puts a photo into the selected image frame (reset to fill) and adds the asset', () => {
    const { doc: next, frameId } = placeAsset(doc, 0, photo, 'photo');
    expect(frameId).toBe('photo');
    expect(next.assets[photo.id]).toBe(photo);
    expect(imageFrame(next, 'photo')).toMatchObject({ assetId: photo.id, fit: 'fill', offsetXPt: 0, offsetYPt: 0, scale: 1 });
    expect(doc.assets[photo.id]).toBeUndefined();
    expect(next.pages[0].frames.length).toBe(doc.pages[0].frames.length);
  });

  it('puts an advert into an ad box as an image frame of the box size, painted just under the box (label on top)', () => {
    const { doc: next, frameId } = placeAsset(doc, 0, advert, 'ad-box');
    const frames = next.pages[0].frames;
    const at = frames.findIndex((f) => f.id === frameId);
    expect(frames[at + 1].id).toBe('ad-box');
    const box = findFrame(doc, 'ad-box')!.frame;
    expect(imageFrame(next, frameId)).toMatchObject({ xPt: box.xPt, yPt: box.yPt, widthPt: box.widthPt, heightPt: box.heightPt, fit: 'fit', assetId: advert.id });
  });

  // The sample's front page with only its masthead and slogan left: the rest of the type area is empty.
  const mastheadOnly: FolioDocument = { ...doc, pages: [{ ...doc.pages[0], frames: doc.pages[0].frames.filter((f) => f.id === 'masthead' || f.id === 'slogan') }, ...doc.pages.slice(1)] };

  it('creates a new frame in the first empty grid area, never over the masthead: photo two columns wide, advert at natural size', () => {
    const masthead = findFrame(doc, 'masthead')!.frame;
    const { doc: a, frameId: photoFrame } = placeAsset(mastheadOnly, 0, photo, null);
    const f = imageFrame(a, photoFrame);
    // 2 columns × 13 chars + 1 gutter char, 小五 = 9 pt; the height rounded up to whole grid lines.
    expect(f.widthPt).toBeCloseTo(27 * 9, 6);
    expect(f.heightPt).toBeGreaterThanOrEqual(f.widthPt / 2 - 1e-6);
    expect(f.heightPt).toBeLessThan(f.widthPt / 2 + doc.template.grid.linePitchPt);
    const below = f.yPt >= masthead.yPt + masthead.heightPt - 0.01;
    const beside = f.xPt >= masthead.xPt + masthead.widthPt - 0.01;
    expect(below || beside).toBe(true);
    expect(a.pages[0].frames.at(-1)!.id).toBe(photoFrame);
    const { doc: b, frameId: adFrame } = placeAsset(mastheadOnly, 0, advert, null);
    expect(imageFrame(b, adFrame).widthPt).toBe(180);
    expect(newImageRect(mastheadOnly, 0, photo)).toMatchObject({ xPt: f.xPt, yPt: f.yPt });
  });

  it('on a full page asks where: no empty area, and a click snaps the frame to the grid inside the type area', () => {
    expect(newImageRect(doc, 0, photo)).toBeUndefined();
    expect(() => placeAsset(doc, 0, photo, null)).toThrow(/no empty area/);
    const rect = imageRectAt(doc, photo, 440, 610);
    const { doc: placed, frameId } = placeAsset(doc, 0, photo, null, rect);
    expect(imageFrame(placed, frameId)).toMatchObject(rect);
    // Column starts are 14 body characters apart; cell tops one line pitch apart.
    const typeLeftPt = doc.pages[0].frames.find((f) => f.id === 'bikes')!.xPt;
    expect(((rect.xPt - typeLeftPt) / (14 * 9)) % 1).toBeCloseTo(0, 6);
    // A click by the right edge keeps the whole frame inside the type area.
    const edge = imageRectAt(doc, photo, 1050, 1460);
    expect(edge.xPt + edge.widthPt).toBeLessThanOrEqual(typeLeftPt + (8 * 13 + 7) * 9 + 0.01);
  });

  it('refuses text frames, locked frames and missing frames', () => {
    expect(() => placeAsset(doc, 0, photo, 'lead-1')).toThrow(/not into a text frame/);
    expect(() => placeAsset(doc, 0, photo, 'masthead')).toThrow(/locked|not into/);
    expect(() => placeAsset(doc, 0, photo, 'nope')).toThrow(RangeError);
    expect(() => placeAsset(doc, 5, photo, null)).toThrow(RangeError);
  });
});

describe('fit, fill, crop and pan', () => {
  const placed = placeAsset(doc, 0, photo, 'photo').doc;
  const frame = imageFrame(placed, 'photo');

  it('fit shows the whole image inside the frame, fill covers it', () => {
    const fill = imageItem(placed, 'photo');
    expect(fill.rect.heightPt).toBeCloseTo(frame.heightPt, 6);
    expect(fill.rect.widthPt).toBeGreaterThan(frame.widthPt);
    const fitDoc = setImageFit(placed, 'photo', 'fit');
    const fit = imageItem(fitDoc, 'photo');
    expect(fit.rect.widthPt).toBeCloseTo(frame.widthPt, 6);
    expect(fit.rect.heightPt).toBeLessThan(frame.heightPt);
    expect(fit.clip).toEqual({ xPt: frame.xPt, yPt: frame.yPt, widthPt: frame.widthPt, heightPt: frame.heightPt });
  });

  it('switching to crop keeps the picture exactly where it was; pan moves it; scale changes its size and ppi', () => {
    const before = imageItem(placed, 'photo');
    const crop = setImageFit(placed, 'photo', 'crop');
    const after = imageItem(crop, 'photo');
    expect(imageFrame(crop, 'photo').fit).toBe('crop');
    for (const k of ['xPt', 'yPt', 'widthPt', 'heightPt'] as const) expect(after.rect[k]).toBeCloseTo(before.rect[k], 6);
    expect(after.effectivePpi).toBeCloseTo(before.effectivePpi!, 6);

    const panned = panImage(placed, 'photo', -20, 5);
    const moved = imageItem(panned, 'photo');
    expect(moved.rect.xPt).toBeCloseTo(before.rect.xPt - 20, 6);
    expect(moved.rect.yPt).toBeCloseTo(before.rect.yPt + 5, 6);

    const bigger = setImageCrop(crop, 'photo', { scale: imageFrame(crop, 'photo').scale * 2 });
    const big = imageItem(bigger, 'photo');
    expect(big.rect.widthPt).toBeCloseTo(before.rect.widthPt * 2, 6);
    expect(big.effectivePpi).toBeCloseTo(before.effectivePpi! / 2, 6);
    expect(() => setImageCrop(crop, 'photo', { scale: 0 })).toThrow(RangeError);
    expect(() => panImage(doc, 'lead-1', 1, 1)).toThrow(/not an image frame/);
  });

  it('fit frame to picture keeps the width and takes the picture’s proportions: no crop left', () => {
    const cropped = panImage(placed, 'photo', -30, 0);
    const fitted = fitFrameToPicture(cropped, 'photo');
    const f = imageFrame(fitted, 'photo');
    expect(f.widthPt).toBe(frame.widthPt);
    expect(f.heightPt).toBeCloseTo(frame.widthPt / 2, 9);
    expect(f).toMatchObject({ fit: 'fill', offsetXPt: 0, offsetYPt: 0 });
    const item = imageItem(fitted, 'photo');
    expect(item.rect).toEqual(item.clip);
    expect(() => fitFrameToPicture(doc, 'photo-missing')).toThrow(RangeError);
  });

  it('placedImageRect agrees with the composer', () => {
    expect(placedImageRect(placed, frame)).toEqual(imageItem(placed, 'photo').rect);
  });

  it('grades resolution like preflight: < 200 ppi warning, < 120 ppi error', () => {
    expect(ppiStatus(300)).toBe('ok');
    expect(ppiStatus(200)).toBe('ok');
    expect(ppiStatus(199)).toBe('warning');
    expect(ppiStatus(119.9)).toBe('error');
  });
});

describe('placed PDFs in the composer', () => {
  it('lay out at their TrimBox size (1 unit = 1 pt), keep proportions and report no ppi', () => {
    expect(naturalSizePt(advert)).toEqual({ widthPt: 180, heightPt: 80 });
    const { doc: next, frameId } = placeAsset(doc, 0, advert, 'ad-box');
    const item = imageItem(next, frameId);
    const box = findFrame(doc, 'ad-box')!.frame;
    // fit: the 180 × 80 advert scaled whole into the box (a strip across the page's foot: its depth bounds it) keeps 9:4.
    expect(item.rect.widthPt / item.rect.heightPt).toBeCloseTo(180 / 80, 6);
    expect(item.rect.heightPt).toBeCloseTo(box.heightPt, 6);
    expect(item.rect.widthPt).toBeLessThan(box.widthPt);
    expect(item.effectivePpi).toBeUndefined();
    const crop = setImageFit(next, frameId, 'crop');
    // crop keeps the fitted scale.
    expect(imageFrame(crop, frameId).scale).toBeCloseTo(box.heightPt / 80, 6);
  });
});
