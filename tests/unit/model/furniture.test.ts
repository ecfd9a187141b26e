import { describe, expect, it } from 'vitest';
import type { Asset, FolioDocument, ImageFrame, TextFrame } from '../../../src-core/model/document.js';
import { FolioDocumentSchema } from '../../../src-core/model/document.js';
import {
  captureFurniture, checkFurnitureName, furnitureFileName, FurnitureItemSchema, MAX_FURNITURE_NAME_CHARS, placeFurniture,
} from '../../../src-core/model/furniture.js';
import { blk, broadsheet, documentOf, p, story, t, textFrame } from '../layout/fixtures.js';

const PHOTO: Asset = { id: 'img-abc123', path: 'assets/img-abc123.jpg', mime: 'image/jpeg', widthPx: 800, heightPx: 600, note: 'placed from photo.jpg' };

/** A front page with a weather box (box + text with a custom style and a character style) and a photo, and a second page. */
function sampleDoc(): FolioDocument {
  const template = broadsheet();
  template.paragraphStyles.weatherTitle = { ...template.paragraphStyles.kicker!, size: 12 };
  const weather = story('weather', { ...blk('kicker', '天气'), attrs: { style: 'weatherTitle' } }, p('晴 ', t('28℃', [{ type: 'charStyle', attrs: { name: 'red' } }])));
  const body = story('body', p('正文'));
  const doc = documentOf([weather, body], [
    {
      id: 'p1', name: 'A01', frames: [
        textFrame(template, 'body-frame', 'body', [0, 4, 10, 30]),
        { kind: 'box', id: 'weather-box', xPt: 100, yPt: 200, widthPt: 120, heightPt: 80, locked: true, strokePt: 0.5, stroke: { c: 0, m: 0, y: 0, k: 1 } },
        textFrame(template, 'weather-text', 'weather', [0, 1, 0, 2], { xPt: 104, yPt: 204, widthPt: 112, heightPt: 72 }),
        { kind: 'image', id: 'photo', xPt: 300, yPt: 210, widthPt: 100, heightPt: 75, locked: false, assetId: PHOTO.id, fit: 'fill', offsetXPt: 0, offsetYPt: 0, scale: 1 },
      ],
    },
    { id: 'p2', name: 'A02', frames: [] },
  ], template);
  return { ...doc, assets: { [PHOTO.id]: PHOTO } };
}

describe('captureFurniture', () => {
  it('keeps geometry relative to the group, the stories, the styles they use and picture links', () => {
    const item = captureFurniture(sampleDoc(), 'p1', ['weather-text', 'weather-box', 'photo'], 'Weather box');
    expect(item.name).toBe('Weather box');
    expect(item.widthPt).toBe(300);
    expect(item.heightPt).toBe(85);
    // Paint order of the page, not of the selection.
    expect(item.frames.map((f) => [f.id, f.xPt, f.yPt])).toEqual([['weather-box', 0, 0], ['weather-text', 4, 4], ['photo', 200, 10]]);
    expect(item.frames[0]!.locked).toBe(false);
    expect(item.stories.map((s) => s.id)).toEqual(['weather']);
    expect(Object.keys(item.paragraphStyles).sort()).toEqual(['paragraph', 'weatherTitle']);
    expect(item.paragraphStyles.weatherTitle!.size).toBe(12);
    expect(Object.keys(item.characterStyles)).toEqual(['red']);
    expect(item.pictures).toEqual([{ path: 'library/pictures/img-abc123.jpg', assetId: PHOTO.id }]);
    expect(FurnitureItemSchema.parse(JSON.parse(JSON.stringify(item)))).toEqual(item);
  });

  it('cuts a thread that leads out of the group', () => {
    const doc = sampleDoc();
    const threaded = { ...doc, pages: doc.pages.map((pg) => ({ ...pg, frames: pg.frames.map((f) => (f.id === 'weather-text' ? { ...f, nextFrameId: 'body-frame' } : f)) })) };
    const item = captureFurniture(threaded, 'p1', ['weather-text'], 'Tag');
    expect((item.frames[0] as TextFrame).nextFrameId).toBeUndefined();
  });

  it('refuses a missing page, a frame of another page and a bad name', () => {
    const doc = sampleDoc();
    expect(() => captureFurniture(doc, 'nope', ['photo'], 'X')).toThrow(/no page "nope"/);
    expect(() => captureFurniture(doc, 'p2', ['photo'], 'X')).toThrow(/no frame "photo" on page A02/);
    expect(() => captureFurniture(doc, 'p1', [], 'X')).toThrow(/at least one frame/);
    expect(() => captureFurniture(doc, 'p1', ['photo'], '../etc/passwd')).toThrow(/cannot name a library item/);
  });
});

describe('placeFurniture', () => {
  it('gives fresh ids, offsets the geometry and copies the stories', () => {
    const doc = sampleDoc();
    const item = captureFurniture(doc, 'p1', ['weather-box', 'weather-text'], 'Weather box');
    const once = placeFurniture(doc, item, 'p2', { xPt: 50, yPt: 60 });
    const twice = placeFurniture(once.doc, item, 'p2', { xPt: 400, yPt: 60 });
    const allIds = twice.doc.pages.flatMap((pg) => pg.frames.map((f) => f.id));
    expect(new Set(allIds).size).toBe(allIds.length);
    expect(once.frameIds).toEqual(['weather-box-2', 'weather-text-2']);
    const page2 = twice.doc.pages[1]!.frames;
    expect(page2.map((f) => [f.xPt, f.yPt])).toEqual([[50, 60], [54, 64], [400, 60], [404, 64]]);
    const storyIds = page2.filter((f): f is TextFrame => f.kind === 'text').map((f) => f.storyId);
    expect(storyIds).toEqual(['weather-2', 'weather-3']);
    expect(twice.doc.stories['weather-3']!.doc).toEqual(doc.stories.weather!.doc);
    // The original is untouched and the result is still a valid document.
    expect(doc.pages[1]!.frames).toEqual([]);
    expect(FolioDocumentSchema.safeParse(twice.doc).success).toBe(true);
  });

  it('copies styles the document lacks and keeps the ones it has', () => {
    const source = sampleDoc();
    const item = captureFurniture(source, 'p1', ['weather-text'], 'Weather');
    const target = sampleDoc();
    delete target.template.paragraphStyles.weatherTitle;
    target.template.characterStyles.red = { label: '红字', colour: { c: 0, m: 0.5, y: 0.5, k: 0 } };
    const placed = placeFurniture(target, item, 'p2', { xPt: 0, yPt: 0 });
    expect(placed.addedStyles).toEqual(['weatherTitle']);
    expect(placed.doc.template.paragraphStyles.weatherTitle!.size).toBe(12);
    expect(placed.doc.template.characterStyles.red).toEqual({ label: '红字', colour: { c: 0, m: 0.5, y: 0.5, k: 0 } });
    expect(placed.missingStyles).toEqual([]);
  });

  it('reports a style neither the document nor the item defines', () => {
    const doc = sampleDoc();
    const item = captureFurniture(doc, 'p1', ['weather-text'], 'Weather');
    const bare = { ...item, paragraphStyles: {} };
    const target = sampleDoc();
    delete target.template.paragraphStyles.weatherTitle;
    expect(placeFurniture(target, bare, 'p2', { xPt: 0, yPt: 0 }).missingStyles).toEqual(['weatherTitle']);
  });

  it('resolves picture links through the document, then imported files, else leaves the frame empty', () => {
    const doc = sampleDoc();
    const item = captureFurniture(doc, 'p1', ['photo'], 'Photo');
    const same = placeFurniture(doc, item, 'p2', { xPt: 0, yPt: 0 });
    expect((same.doc.pages[1]!.frames[0] as ImageFrame).assetId).toBe(PHOTO.id);

    const elsewhere = { ...sampleDoc(), assets: {} };
    const changed: Asset = { ...PHOTO, id: 'img-fff', path: 'assets/img-fff.jpg' };
    const imported = placeFurniture(elsewhere, item, 'p2', { xPt: 0, yPt: 0 }, { importedPictures: { 'library/pictures/img-abc123.jpg': changed } });
    expect((imported.doc.pages[1]!.frames[0] as ImageFrame).assetId).toBe('img-fff');
    expect(imported.doc.assets['img-fff']).toEqual(changed);

    const missing = placeFurniture(elsewhere, item, 'p2', { xPt: 0, yPt: 0 });
    expect((missing.doc.pages[1]!.frames[0] as ImageFrame).assetId).toBeUndefined();
    expect(missing.missingPictures).toEqual(['library/pictures/img-abc123.jpg']);
  });

  it('keeps a thread inside the group, pointing at the new frame', () => {
    const template = broadsheet();
    const doc = documentOf([story('s', p('一二三'))], [{
      id: 'p1', frames: [
        textFrame(template, 'a', 's', [0, 1, 0, 4], { nextFrameId: 'b' }),
        textFrame(template, 'b', 's', [1, 1, 0, 4]),
      ],
    }], template);
    const item = captureFurniture(doc, 'p1', ['a', 'b'], 'Two legs');
    expect(item.stories).toHaveLength(1);
    const placed = placeFurniture(doc, item, 'p1', { xPt: 0, yPt: 300 });
    const [a, b] = placed.doc.pages[0]!.frames.slice(2) as TextFrame[];
    expect(a!.nextFrameId).toBe(b!.id);
    expect(a!.storyId).toBe(b!.storyId);
    expect(a!.storyId).not.toBe('s');
  });
});

describe('furniture names', () => {
  it('accepts newsroom names and refuses hostile ones', () => {
    expect(checkFurnitureName('天气预报框')).toBeUndefined();
    expect(checkFurnitureName('Weather box')).toBeUndefined();
    expect(furnitureFileName('栏目标签')).toBe('栏目标签.folio-item.json');
    for (const bad of ['', '   ', '../x', 'a/b', 'a\\b', '.hidden', '..', 'x.', ' x', 'a\u0000b', 'con:x', 'x'.repeat(MAX_FURNITURE_NAME_CHARS + 1)]) {
      expect(checkFurnitureName(bad), JSON.stringify(bad)).toBeTypeOf('string');
    }
  });

  it('refuses an item whose frames name stories or pictures it lacks', () => {
    const item = captureFurniture(sampleDoc(), 'p1', ['weather-text', 'photo'], 'W');
    expect(FurnitureItemSchema.safeParse({ ...item, stories: [] }).success).toBe(false);
    expect(FurnitureItemSchema.safeParse({ ...item, pictures: [] }).success).toBe(false);
    expect(FurnitureItemSchema.safeParse({ ...item, pictures: [{ path: '../outside.jpg', assetId: PHOTO.id }] }).success).toBe(false);
    expect(FurnitureItemSchema.safeParse({ ...item, version: 2 }).success).toBe(false);
  });
});
