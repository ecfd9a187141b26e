/**
 * The content layer repaints only what an edit changed (page/dirty-region.ts). A repaint of part of the page
 * must leave exactly the pixels a full repaint gives: type and delete in the lead story (lines reflow), then
 * force a full repaint (zoom away and back) and compare the canvases pixel by pixel.
 */
import { expect, test } from '@playwright/test';
import { FolioApp } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { StoryEditor } from './pages/editor.js';
import { loadSample, trimSizePt } from './pages/sample.js';

const trim = trimSizePt(loadSample());
/** Channel difference below which two pixels count as equal (JPEG-free canvases: only rounding). */
const CHANNEL_TOLERANCE = 8;
/** At most one differing channel value per this many pixels (antialiased edges under a clip). */
const MAX_DIFFERING_PIXELS_PER = 10_000;
/** Largest difference an antialiased edge shows; stale ink or a missing glyph is ≈ 255. */
const MAX_EDGE_DIFFERENCE = 64;

async function contentPixels(canvas: PageCanvas): Promise<{ width: number; height: number; data: number[] }> {
  return canvas.content.evaluate((c) => {
    const el = c as HTMLCanvasElement;
    const d = el.getContext('2d')!.getImageData(0, 0, el.width, el.height);
    return { width: d.width, height: d.height, data: Array.from(d.data) };
  });
}

test('a partial repaint after typing equals a full repaint of the same layout', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new FolioApp(page);
  const canvas = new PageCanvas(page, trim.widthPt);
  const editor = new StoryEditor(page);
  await app.open();
  await editor.openFromList(/停不下来/);
  await editor.textbox.getByText(/成立/).first().click();
  for (const text of ['新增一段文字，', '排版', '测试']) {
    const before = await canvas.layoutVersion();
    await editor.type(text);
    await canvas.waitForComposeAfter(before);
  }
  const before = await canvas.layoutVersion();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
  await canvas.waitForComposeAfter(before);
  await expect(canvas.textLayer).toContainText('新增一段文字');
  await expect(canvas.textLayer).not.toContainText('新增一段文字，');
  const partial = await contentPixels(canvas);

  const backingWidth = () => canvas.content.evaluate((c) => (c as HTMLCanvasElement).width);
  await app.button('Zoom in').click();
  await expect.poll(backingWidth).toBeGreaterThan(partial.width);
  await app.button('Fit page').click();
  await expect.poll(backingWidth).toBe(partial.width);
  const full = await contentPixels(canvas);
  expect(full.height).toBe(partial.height);
  let differing = 0;
  for (let i = 0; i < full.data.length; i++) if (Math.abs(full.data[i]! - partial.data[i]!) > CHANNEL_TOLERANCE) differing++;
  let worst = 0;
  for (let i = 0; i < full.data.length; i++) worst = Math.max(worst, Math.abs(full.data[i]! - partial.data[i]!));
  // Skia antialiases a path edge slightly differently under a clip: a handful of edge pixels may differ by a
  // few levels. Anything stale or missing (a glyph not erased, a line not redrawn) is whole glyphs of pixels
  // at full contrast.
  expect(differing).toBeLessThan((full.width * full.height) / MAX_DIFFERING_PIXELS_PER);
  expect(worst).toBeLessThan(MAX_EDGE_DIFFERENCE);
});
