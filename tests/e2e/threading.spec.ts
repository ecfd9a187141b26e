/**
 * Threading a story onto an inner page the way a newsroom did on its first day (issue 12): an inner page with
 * a new text frame (+ Text), the bikes story's frame on A01 cut to 50 mm (only kicker, headline and byline
 * fit), then the red overset marker clicked, as in InDesign, and the new frame on A02. The jump lines are set
 * on both pages and listed in the Pages panel, the new frame's blank story leaves the Stories list in the same
 * undo step, and Ctrl+Z takes it all back.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { mmToPt } from '../../src-core/model/units.js';
import { framePorts } from '../../src-renderer/page/overlay.js';
import { FolioApp } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { inspector } from './pages/canvas-images.js';
import { PagesPanel } from './pages/pages-panel.js';
import { ARTIFACTS_DIR } from './pages/pdf.js';
import { loadSample, sampleFrame, trimSizePt } from './pages/sample.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const bikes = sampleFrame(sample, 'bikes');
/** A height for the bikes frame where its headline group, byline and 下转 line fit (12 grid lines, 48.9 mm) and no line of body does. */
const SHORT_HEIGHT_MM = 50;

test('overset marker → frame on A02: 下转 on A01, 上接 on A02, in the Pages panel; no orphan story; one undo', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new FolioApp(page);
  const canvas = new PageCanvas(page, trim.widthPt);
  const pages = new PagesPanel(page);
  const panel = inspector(page);
  const storyList = page.getByRole('navigation', { name: 'Pages and stories' });
  await app.open();

  await pages.addPage(/Broadsheet inner page/);
  await expect(app.status.getByLabel('Page')).toHaveText('Page A02 (2/2)');
  await app.button('Add text frame').click();
  const newFrame = ((await panel.locator('code').first().textContent()) ?? '').trim();
  await expect(panel).toContainText(`Text frame ${newFrame}`);
  await expect(storyList.getByRole('button', { name: /新稿件/ })).toHaveCount(1);

  await pages.pageButton('A01').click();
  await expect(app.status.getByLabel('Page')).toHaveText('Page A01 (1/2)');
  await app.button('Fit page').click();
  await canvas.clickAt(bikes.xPt + 40, bikes.yPt + 60);
  await expect(panel).toContainText('Text frame bikes');
  const height = panel.getByRole('spinbutton', { name: 'Height (mm)' });
  await height.fill(String(SHORT_HEIGHT_MM));
  await height.press('Enter');
  await expect(panel.getByLabel('Copyfit')).toHaveText(/^\+\d+ lines?$/);

  // The red overset marker is the frame's out-port: clicking it starts threading.
  const box = await canvas.surface.boundingBox();
  const marker = framePorts({ ...bikes, heightPt: mmToPt(SHORT_HEIGHT_MM) }, box!.width / trim.widthPt)[1];
  await canvas.clickAt(marker.xPt, marker.yPt);
  await expect(app.message).toContainText('Click the frame the story continues in');

  // The next frame is on A02: show that page and click the new frame (at the type area's top-left).
  await pages.pageButton('A02').click();
  await expect(app.status.getByLabel('Page')).toHaveText('Page A02 (2/2)');
  const typeArea = { xPt: mmToPt(sample.template.page.typeAreaLeftMm), yPt: mmToPt(sample.template.page.typeAreaTopMm) };
  await canvas.clickAt(typeArea.xPt + 60, typeArea.yPt + 100);
  await expect(app.message).toContainText(`The story continues in frame ${newFrame}`);

  await expect(pages.jumpLines('A01')).toHaveText('下转第2版');
  await expect(pages.jumpLines('A02')).toHaveText('上接第1版');
  await expect(canvas.frameText(newFrame)).toHaveAttribute('data-story-id', 'bikes');
  await expect(storyList.getByRole('button', { name: /新稿件/ })).toHaveCount(0);
  await expect(panel.getByLabel('Copyfit')).toHaveText(/^−\d+ lines?$/);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-threading-a02.png') });
  await pages.pageButton('A01').click();
  await expect(app.status.getByLabel('Page')).toHaveText('Page A01 (1/2)');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-threading-a01.png') });
  // A closer look at the short frame for the artifacts (Ctrl+wheel zooms about the pointer).
  const zoom = app.status.getByLabel('Zoom');
  const fitZoom = await zoom.textContent();
  const centre = await canvas.clientPoint(bikes.xPt + bikes.widthPt / 2, bikes.yPt + mmToPt(SHORT_HEIGHT_MM / 2));
  await page.mouse.move(centre.x, centre.y);
  await page.keyboard.down('Control');
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -400);
  await page.keyboard.up('Control');
  await expect(zoom).not.toHaveText(fitZoom ?? '');
  await expect(canvas.frameText('bikes')).toContainText('记者');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-threading-a01-zoomed.png'), clip: { x: centre.x - 300, y: centre.y - 200, width: 600, height: 400 } });
  await app.button('Fit page').click();

  // One undo step takes back the thread and brings the new story back with its frame.
  await canvas.surface.press('Control+z');
  await expect(pages.jumpLines('A01')).toHaveCount(0);
  await expect(pages.jumpLines('A02')).toHaveCount(0);
  await expect(storyList.getByRole('button', { name: /新稿件/ })).toHaveCount(1);
});
