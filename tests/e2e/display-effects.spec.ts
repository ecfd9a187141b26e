/**
 * 勾边 (issue 15 item 4): a layout editor gives the sample's kicker style a 1.5-pt outline in the Styles panel.
 * The canvas's kicker band gains ink (the stroke lies outside every character), the print PDF's render of the
 * band agrees with the canvas, and Ctrl+Z takes the outline off again.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { useSharedWindow } from './pages/app.js';
import { PageCanvas, type RectPt } from './pages/canvas.js';
import { ARTIFACTS_DIR, pdfInkFraction, renderGrey, renderPng, trimOffsetPt } from './pages/pdf.js';
import { loadSample, SAMPLE_PRINT_ERRORS, sampleFrame, trimSizePt } from './pages/sample.js';
import { StylesPanel } from './pages/styles.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const head = sampleFrame(sample, 'lead-head');
const pitch = sample.template.grid.linePitchPt;
/** The kicker's band: the lead headline frame's first two grid lines (the headline starts below them). */
const kicker: RectPt = { xPt: head.xPt, yPt: head.yPt, widthPt: head.widthPt, heightPt: 2 * pitch };
/** Outline width typed into the panel, points. */
const OUTLINE_PT = 1.5;

const win = useSharedWindow();

test('Styles panel: a 1.5-pt outline (勾边) on the kicker inks more of the canvas, the print PDF agrees; Ctrl+Z', async () => {
  test.setTimeout(120_000);
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const styles = new StylesPanel(page);
  await styles.chooseParagraphStyle('kicker');
  const width = styles.field('Outline width (pt)');
  await expect(width).toHaveValue('');
  const plain = await canvas.inkFraction(kicker);
  expect(plain).toBeGreaterThan(0.02);

  const version = await canvas.layoutVersion();
  await width.fill(String(OUTLINE_PT));
  await width.press('Enter');
  await canvas.waitForComposeAfter(version);
  await expect(styles.field('Outline width (pt)')).toHaveValue(String(OUTLINE_PT));
  await expect(styles.panel.getByRole('combobox', { name: 'Outline colour' })).toHaveValue('k100');
  // The stroke lies outside each character: the band holds clearly more ink than before.
  await expect.poll(() => canvas.inkFraction(kicker)).toBeGreaterThan(plain * 1.2);
  const outlined = await canvas.inkFraction(kicker);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-display-effects-outline.png') });

  // The print PDF draws the same outline: its band's ink matches the canvas's, and is more than the plain kicker's.
  const [pdf] = (await app.exportPdf('button', SAMPLE_PRINT_ERRORS)) as [string];
  renderPng(pdf, 'e2e-display-effects-pdf', 100);
  const grey = renderGrey(pdf, 150);
  const pdfInk = pdfInkFraction(grey, trimOffsetPt(pdf), kicker);
  expect(pdfInk).toBeGreaterThan(plain * 1.2);
  expect(Math.abs(pdfInk - outlined)).toBeLessThan(0.05);

  // A width beyond the limit is refused with a message naming the effect; the outline stays.
  await styles.field('Outline width (pt)').fill('30');
  await styles.field('Outline width (pt)').press('Enter');
  await expect(page.getByText(/the outline is not valid/)).toBeVisible();
  await expect(styles.field('Outline width (pt)')).toHaveValue(String(OUTLINE_PT));

  await canvas.clickAt(5, 5);
  await canvas.surface.press('Control+z');
  await expect(styles.field('Outline width (pt)')).toHaveValue('');
  await expect.poll(() => canvas.inkFraction(kicker)).toBeLessThan(plain * 1.05);

  // Outline again, in red, to look at up close: the stroke rings each character on the canvas as in print.
  await styles.field('Outline width (pt)').fill(String(OUTLINE_PT));
  await styles.field('Outline width (pt)').press('Enter');
  await styles.panel.getByRole('combobox', { name: 'Outline colour' }).selectOption('red');
  await expect(styles.panel.getByRole('combobox', { name: 'Outline colour' })).toHaveValue('red');
  await page.getByRole('button', { name: '100 %', exact: true }).click();
  const box = (await canvas.content.boundingBox())!;
  const scale = box.width / trim.widthPt;
  await page.screenshot({
    path: path.join(ARTIFACTS_DIR, 'e2e-display-effects-kicker.png'),
    clip: { x: box.x + kicker.xPt * scale, y: box.y + kicker.yPt * scale, width: kicker.widthPt * scale, height: kicker.heightPt * scale },
    scale: 'device',
  });
  await page.getByRole('button', { name: 'Fit page', exact: true }).click();
  // The panel's Display effects group, to look at: the outline's width and colour, hollow, shadow, shading.
  await styles.panel.getByRole('combobox', { name: 'Paragraph shading' }).selectOption('k15');
  await expect(styles.panel.getByRole('combobox', { name: 'Shading extent' })).toHaveValue('column');
  await styles.panel.getByRole('group', { name: 'Display effects' }).screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-display-effects-panel.png') });
  await canvas.surface.press('Control+z');
  await canvas.surface.press('Control+z');
  await canvas.surface.press('Control+z');
  await expect(styles.field('Outline width (pt)')).toHaveValue('');
});
