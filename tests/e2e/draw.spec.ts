/**
 * Drawing frames: a layout editor adds a box (an advert space), labels it 广告 and gives it a heavier stroke,
 * adds a rule and an empty picture frame (preflight notes it is empty), undoes, and exports: the PDF shows the
 * box where the canvas does.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { useSharedWindow } from './pages/app.js';
import { PageCanvas, type RectPt } from './pages/canvas.js';
import { inspector, setFrameRectInInspector } from './pages/canvas-images.js';
import { ARTIFACTS_DIR, pdfInkFraction, renderGrey, renderPng, trimOffsetPt } from './pages/pdf.js';
import { loadSample, SAMPLE_PRINT_ERRORS, trimSizePt } from './pages/sample.js';

const sample = loadSample();
const trim = trimSizePt(sample);
/** A place in the page's foot margin, below the type area, where nothing else is drawn. */
const foot: RectPt = { xPt: 60, yPt: 1475, widthPt: 240, heightPt: 40 };

const win = useSharedWindow();

test('add a box, label it 广告 and thicken its stroke; add a rule and a picture frame; undo; the export shows the box', async () => {
  test.setTimeout(120_000);
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  await app.button('100 %').click();
  const panel = inspector(page);
  expect(await canvas.inkFraction(foot)).toBeLessThan(0.001);

  // A box: selected at once, moved into the foot margin, labelled and stroked.
  let version = await canvas.layoutVersion();
  await app.button('Add box').click();
  await canvas.waitForComposeAfter(version);
  await expect(panel).toContainText('Box box');
  await setFrameRectInInspector(panel, foot);
  const stroke = panel.getByRole('spinbutton', { name: 'Stroke (pt)' });
  await expect(stroke).toHaveValue('0.5');
  await stroke.fill('2');
  await stroke.press('Enter');
  await panel.getByRole('textbox', { name: 'Box label' }).fill('广告');
  await panel.getByRole('textbox', { name: 'Box label' }).press('Enter');
  // The label sits inside the top-right corner: ink there beyond the stroke.
  const corner: RectPt = { xPt: foot.xPt + foot.widthPt - 30, yPt: foot.yPt + 3, widthPt: 26, heightPt: 10 };
  const bareEdge = await canvas.inkFraction({ ...corner, xPt: foot.xPt + 4 });
  await expect.poll(() => canvas.inkFraction(corner)).toBeGreaterThan(bareEdge + 0.02);
  const boxInk = await canvas.inkFraction(foot);
  expect(boxInk).toBeGreaterThan(0.02);
  // A stroke the box cannot take is refused with the reason; the field keeps the box's stroke.
  await stroke.fill('-1');
  await stroke.press('Enter');
  await expect(app.message).toContainText('stroke must be between 0 and 12 pt');
  await expect(stroke).toHaveValue('2');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-draw-box.png') });

  // A rule: one grid line tall, drawn through its middle.
  version = await canvas.layoutVersion();
  await app.button('Add rule').click();
  await canvas.waitForComposeAfter(version);
  await expect(panel).toContainText('Rule rule');
  await expect(panel.getByRole('textbox', { name: 'Box label' })).toHaveCount(0);
  const ruleRect: RectPt = { xPt: foot.xPt, yPt: foot.yPt + foot.heightPt + 5, widthPt: foot.widthPt, heightPt: 11.55 };
  await setFrameRectInInspector(panel, ruleRect);
  await expect.poll(() => canvas.inkFraction(ruleRect)).toBeGreaterThan(0.01);

  // An empty picture frame: preflight notes it.
  await app.button('Add picture frame').click();
  await expect(panel).toContainText('Image frame picture');
  await expect(panel.getByLabel('Picture', { exact: true })).toHaveText('empty');
  await expect(page.getByRole('region', { name: 'Preflight' })).toContainText('Picture frame has no picture');

  // Undo on the page: the picture frame goes, then the rule's moves (its height was already 4.1 mm, so three)
  // and the rule itself; the box keeps its label and stroke.
  await canvas.surface.focus();
  await canvas.surface.press('Control+z');
  await expect(page.getByRole('region', { name: 'Preflight' })).not.toContainText('Picture frame has no picture');
  for (let i = 0; i < 3; i++) await canvas.surface.press('Control+z');
  await expect(panel).toContainText('Rule rule');
  await expect.poll(() => canvas.inkFraction(ruleRect)).toBeLessThan(0.001);
  await canvas.surface.press('Control+z');
  await expect(panel).not.toContainText('Rule rule');
  // The Inspector follows the undo at once, the canvas at the next paint.
  await expect.poll(() => canvas.inkFraction(foot)).toBeCloseTo(boxInk, 6);

  // The export draws the box and its label where the canvas does.
  // A box in the margin is no preflight error: the export asks only about the sample's placeholder photo.
  const [pdf] = (await app.exportPdf('button', SAMPLE_PRINT_ERRORS)) as [string];
  renderPng(pdf, 'e2e-draw-pdf', 96);
  const grey = renderGrey(pdf, 96);
  const offset = trimOffsetPt(pdf);
  const pdfBox = pdfInkFraction(grey, offset, foot);
  const pdfCorner = pdfInkFraction(grey, offset, corner);
  // The same strip of the top edge without the label: stroke only.
  const pdfEdge = pdfInkFraction(grey, offset, { ...corner, xPt: foot.xPt + 4 });
  console.log(`box ink: canvas ${boxInk.toFixed(4)}, PDF ${pdfBox.toFixed(4)}; PDF label corner ${pdfCorner.toFixed(4)}, bare edge ${pdfEdge.toFixed(4)}`);
  expect(pdfBox).toBeGreaterThan(boxInk * 0.5);
  expect(pdfBox).toBeLessThan(boxInk * 2);
  expect(pdfCorner).toBeGreaterThan(pdfEdge + 0.02);
});
