/**
 * Rotating a picture (issue 15 item 7) and TIFF input (item 9) in the browser UI: a TIFF placed into the sample's
 * photo frame is drawn (browsers cannot decode TIFF: Folio does), turned 90° in the Inspector and by Ctrl+R /
 * Ctrl+Shift+R (one undo step each); a click where the turned picture is, not where it was, selects it; the canvas
 * and the exported PDF show the same turned picture (colour classes, block by block).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { encodeTiff, twoHalves } from '../unit/pdf/tiff-assets.js';
import { openSharedWindow, type FolioApp } from './pages/app.js';
import { PageCanvas, type RectPt } from './pages/canvas.js';
import { compareColourClasses, inspector, placeFile, saveCanvasRegion } from './pages/canvas-images.js';
import { ARTIFACTS_DIR, renderPng, trimOffsetPt } from './pages/pdf.js';
import { loadSample, sampleFrame, trimSizePt } from './pages/sample.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const photo = sampleFrame(sample, 'photo');
const cx = photo.xPt + photo.widthPt / 2;
const cy = photo.yPt + photo.heightPt / 2;
const workspace = (): string => {
  const dir = process.env.FOLIO_E2E_WORKSPACE;
  if (!dir) throw new RangeError('FOLIO_E2E_WORKSPACE is not set (run through playwright.config.ts).');
  return dir;
};

/** Average colour of a page rectangle on the content canvas. */
async function canvasColour(content: Locator, rect: RectPt): Promise<[number, number, number]> {
  return content.evaluate((el, r) => {
    const c = el as HTMLCanvasElement;
    const k = c.width / r.trimWidthPt;
    const d = c.getContext('2d')!.getImageData(Math.round(r.xPt * k), Math.round(r.yPt * k), Math.max(1, Math.round(r.widthPt * k)), Math.max(1, Math.round(r.heightPt * k))).data;
    const sum = [0, 0, 0];
    for (let i = 0; i < d.length; i += 4) for (let j = 0; j < 3; j++) sum[j] += d[i + j];
    const n = d.length / 4;
    return [sum[0] / n, sum[1] / n, sum[2] / n] as [number, number, number];
  }, { ...rect, trimWidthPt: trim.widthPt });
}

const isRed = ([r, g, b]: number[]): boolean => r > 180 && g < 90 && b < 90;
const isBlue = ([r, g, b]: number[]): boolean => b > 180 && r < 90 && g < 90;
/** A 10 pt square centred on a page point. */
const around = (xPt: number, yPt: number): RectPt => ({ xPt: xPt - 5, yPt: yPt - 5, widthPt: 10, heightPt: 10 });
/** Where the turned picture's two halves are: a quarter of the frame's width from its centre, along the turn. */
const quarter = photo.widthPt / 4;

test.describe.configure({ mode: 'serial' });
let shared: Page;
let app: FolioApp;
test.beforeAll(async ({ browser }) => {
  ({ page: shared, app } = await openSharedWindow(browser));
  // An RGB TIFF as a picture desk saves it: LZW with the horizontal predictor, strips of 16 rows; red left, blue right.
  writeFileSync(path.join(workspace(), 'red-blue.tif'), encodeTiff({
    widthPx: 600, heightPx: 400, photometric: 2, samplesPerPixel: 3, samples: twoHalves(600, 400, [255, 0, 0], [0, 0, 255]), compression: 'lzw', predictor: true, rowsPerStrip: 16,
  }));
});
test.afterAll(async () => {
  await shared.close();
});

test('a placed TIFF turned in the Inspector and by Ctrl+R; hit-testing follows it; the export shows the same turn', async () => {
  test.setTimeout(150_000);
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  await app.button('100 %').click();
  const panel = inspector(page);

  await canvas.clickAt(photo.xPt + 30, photo.yPt + 30);
  await expect(panel).toContainText('Image frame photo');
  await placeFile(page, 'red-blue.tif');
  await expect(panel.getByLabel('Picture', { exact: true })).toContainText('600 × 400 px');
  await expect.poll(async () => isRed(await canvasColour(canvas.content, around(cx - quarter, cy)))).toBe(true);
  expect(isBlue(await canvasColour(canvas.content, around(cx + quarter, cy)))).toBe(true);

  // Inspector: 90° clockwise about the centre — the left (red) half goes to the top.
  const rotation = panel.getByRole('spinbutton', { name: 'Rotation (°)' });
  await expect(rotation).toHaveValue('0');
  await rotation.fill('90');
  await rotation.press('Enter');
  await expect.poll(async () => isRed(await canvasColour(canvas.content, around(cx, cy - quarter)))).toBe(true);
  expect(isBlue(await canvasColour(canvas.content, around(cx, cy + quarter)))).toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'rotate-inspector-90.png') });

  // Any angle is kept in (-180, 180]: 450° is 90°; -270° too.
  await rotation.fill('-270');
  await rotation.press('Enter');
  await expect(rotation).toHaveValue('90');

  // Keyboard: Ctrl+R turns another quarter (180°: blue left, red right), Ctrl+Shift+R back; each is one undo step.
  await canvas.surface.focus();
  await canvas.surface.press('Control+r');
  await expect(rotation).toHaveValue('180');
  await expect.poll(async () => isBlue(await canvasColour(canvas.content, around(cx - quarter, cy)))).toBe(true);
  expect(isRed(await canvasColour(canvas.content, around(cx + quarter, cy)))).toBe(true);
  await canvas.surface.press('Control+Shift+r');
  await expect(rotation).toHaveValue('90');
  await canvas.surface.press('Control+r');
  await expect(rotation).toHaveValue('180');
  await canvas.surface.press('Control+z');
  await expect(rotation).toHaveValue('90');

  // Hit-testing follows the turned rectangle: deselect, then click where only the turned picture is (its top end,
  // above the unturned frame: the sample's photo is wider than tall, so turned it reaches further up and down).
  await canvas.surface.press('Escape');
  await expect(panel).not.toContainText('Image frame photo');
  const topInside = cy - photo.widthPt / 2 + 8;
  expect(topInside).toBeLessThan(photo.yPt);
  await canvas.clickAt(cx, topInside);
  await expect(panel).toContainText('Image frame photo');

  // The turned picture's bounding box on screen and in the PDF: the same colour classes block by block.
  const turned: RectPt = { xPt: cx - photo.heightPt / 2, yPt: cy - photo.widthPt / 2, widthPt: photo.heightPt, heightPt: photo.widthPt };
  await saveCanvasRegion(canvas.content, turned, path.join(ARTIFACTS_DIR, 'rotate-canvas.png'));
  await app.button('Export PDF').click();
  const confirm = app.page.getByRole('dialog', { name: 'Export with preflight errors?' });
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Export anyway' }).click();
  await expect(app.message).toContainText('Exported', { timeout: 60_000 });
  const files = ((await app.message.textContent()) ?? '').replace(/^Exported\s+/, '').split(', ').map((p) => p.trim());
  const pdf = path.isAbsolute(files[0]!) ? files[0]! : path.join(workspace(), files[0]!);
  const png = renderPng(pdf, 'rotate-pdf-96dpi', 96);
  const cmp = await compareColourClasses(canvas.content, png, trimOffsetPt(pdf), turned);
  writeFileSync(path.join(ARTIFACTS_DIR, 'rotate-pdf-region.png'), Buffer.from(cmp.pdfRegionPng, 'base64'));
  console.log(`turned photo screen vs PDF: ${cmp.mismatched}/${cmp.blocks} blocks differ; screen classes ${JSON.stringify(cmp.screenClasses)}`);
  expect(cmp.screenClasses.R ?? 0).toBeGreaterThan(cmp.blocks * 0.2);
  expect(cmp.screenClasses.B ?? 0).toBeGreaterThan(cmp.blocks * 0.2);
  expect(cmp.mismatched).toBeLessThan(cmp.blocks * 0.03);
});
