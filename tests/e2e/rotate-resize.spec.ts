/**
 * Resize handles on a turned picture (issue 15 item 7, session 10): the sample's photo turned 30° in the Inspector
 * shows its handles on the turned rectangle's corners; dragging the top-left one out along the frame's own axes
 * grows its width and height by the drag's parts in those axes while the bottom-right corner stays put on the
 * page; the drag is one undo step. (At 100 % the photo's turned top-left corner is on screen.)
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { frameRotation, rotatePoint, rotatedCorners } from '../../src-core/layout/rotation.js';
import { mmToPt, ptToMm } from '../../src-core/model/units.js';
import { useSharedWindow } from './pages/app.js';
import { PageCanvas, type RectPt } from './pages/canvas.js';
import { inspector } from './pages/canvas-images.js';
import { ARTIFACTS_DIR } from './pages/pdf.js';
import { loadSample, sampleFrame, trimSizePt } from './pages/sample.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const photo = sampleFrame(sample, 'photo');
const TURN_DEG = 30;
/** The drag in the frame's own axes, points: 40 wider, 30 taller. */
const GROW = { widthPt: 40, heightPt: 30 };
/** The pointer lands on whole screen pixels and the Inspector shows tenths of a millimetre: about a point. */
const TOLERANCE_PT = 1.5;

const win = useSharedWindow();

test('a photo turned 30° is resized by its turned corner handle in its own axes; the opposite corner stays; Ctrl+Z', async () => {
  test.setTimeout(120_000);
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  await app.button('100 %').click();
  const panel = inspector(page);
  await canvas.clickAt(photo.xPt + 30, photo.yPt + 30);
  await expect(panel).toContainText('Image frame photo');
  const rotation = panel.getByRole('spinbutton', { name: 'Rotation (°)' });
  await rotation.fill(String(TURN_DEG));
  await rotation.press('Enter');
  await expect(rotation).toHaveValue(String(TURN_DEG));

  const rect: RectPt = { xPt: photo.xPt, yPt: photo.yPt, widthPt: photo.widthPt, heightPt: photo.heightPt };
  const [nw, , se] = rotatedCorners(rect, frameRotation({ ...rect, rotationDeg: TURN_DEG }));
  // Where the unturned corner was there is no handle; on the turned corner there is, with the arrow turned too
  // (the top-left handle of a frame turned 30° points at 255°: the up–down arrow).
  const stale = await canvas.clientPoint(photo.xPt, photo.yPt);
  await page.mouse.move(stale.x, stale.y);
  await expect(canvas.surface).not.toHaveCSS('cursor', /resize/);
  const from = await canvas.clientPoint(nw!.xPt, nw!.yPt);
  await page.mouse.move(from.x, from.y);
  await expect(canvas.surface).toHaveCSS('cursor', 'ns-resize');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-rotate-resize-before.png') });

  // The drag, turned onto the page: R(30°)·(−40, −30), up and out of the top-left corner.
  const travel = rotatePoint(-GROW.widthPt, -GROW.heightPt, { deg: TURN_DEG, cxPt: 0, cyPt: 0 });
  const to = await canvas.clientPoint(nw!.xPt + travel.xPt, nw!.yPt + travel.yPt);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();

  const field = async (name: string): Promise<number> => mmToPt(Number(await panel.getByRole('spinbutton', { name: `${name} (mm)` }).inputValue()));
  await expect.poll(() => field('Width')).toBeGreaterThan(photo.widthPt + GROW.widthPt / 2);
  const after: RectPt = { xPt: await field('X'), yPt: await field('Y'), widthPt: await field('Width'), heightPt: await field('Height') };
  expect(Math.abs(after.widthPt - (photo.widthPt + GROW.widthPt))).toBeLessThan(TOLERANCE_PT);
  expect(Math.abs(after.heightPt - (photo.heightPt + GROW.heightPt))).toBeLessThan(TOLERANCE_PT);
  await expect(rotation).toHaveValue(String(TURN_DEG));
  // The bottom-right corner, turned with the grown frame, is where it was on the page.
  const [, , seAfter] = rotatedCorners(after, frameRotation({ ...after, rotationDeg: TURN_DEG }));
  expect(Math.hypot(seAfter!.xPt - se!.xPt, seAfter!.yPt - se!.yPt)).toBeLessThan(TOLERANCE_PT);
  // The page moved the frame's unturned rectangle (its centre shifts as it grows), not only its size.
  expect(Math.abs(after.xPt - photo.xPt)).toBeGreaterThan(1);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-rotate-resize-after.png') });

  // One undo step puts the frame back as it was before the drag.
  await canvas.surface.focus();
  await canvas.surface.press('Control+z');
  await expect.poll(async () => ptToMm(await field('Width'))).toBeCloseTo(ptToMm(photo.widthPt), 1);
  expect(ptToMm(await field('X'))).toBeCloseTo(ptToMm(photo.xPt), 1);
  await expect(rotation).toHaveValue(String(TURN_DEG));
});
