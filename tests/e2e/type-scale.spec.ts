/**
 * 长体 (issue 15 item 1): the sample's headline “停不下来”的改革创造了奇迹 is 13 ems of 36 pt at 100 %. A layout
 * editor sets the headline style's Horizontal scale to 80 % in the Styles panel: the canvas line ends at 10.4
 * ems (the strip after it is bare paper), the print PDF agrees, and Ctrl+Z puts the full-width line back.
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
/** The headline's em, points (小初). */
const EM_PT = 36;
/** The headline's band: under the 2-line kicker, 4 grid lines tall (as in display-punctuation.spec.ts). */
const bandTopPt = head.yPt + 2.5 * pitch;
const bandHeightPt = 3 * pitch;
/** Between where the line ends at 80 % (10.4 em) and at 100 % (13 em), a few points in from each. */
const tail: RectPt = { xPt: head.xPt + 10.4 * EM_PT + 4, yPt: bandTopPt, widthPt: 2.6 * EM_PT - 8, heightPt: bandHeightPt };
/** The headline's first eight ems, set at either scale. */
const lead: RectPt = { xPt: head.xPt + 0.5 * EM_PT, yPt: bandTopPt, widthPt: 8 * EM_PT, heightPt: bandHeightPt };

const win = useSharedWindow();

test('Styles panel: the headline at 80 % horizontal scale (长体) is narrower on the canvas and in the print PDF; Ctrl+Z', async () => {
  test.setTimeout(120_000);
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const styles = new StylesPanel(page);
  const scaleX = styles.field('Horizontal scale (%)');
  const scaleY = styles.field('Vertical scale (%)');

  await styles.chooseParagraphStyle('headline');
  await expect(scaleX).toHaveValue('100');
  await expect(scaleY).toHaveValue('100');
  // 100 %: 创造了奇迹 fills the strip.
  expect(await canvas.inkFraction(tail)).toBeGreaterThan(0.05);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-type-scale-100.png') });

  const version = await canvas.layoutVersion();
  await scaleX.fill('80');
  await scaleX.press('Enter');
  await canvas.waitForComposeAfter(version);
  await expect(styles.field('Horizontal scale (%)')).toHaveValue('80');
  // 80 %: the whole headline ends before the strip, and its start is still inked.
  await expect.poll(() => canvas.inkFraction(tail)).toBeLessThan(0.005);
  expect(await canvas.inkFraction(lead)).toBeGreaterThan(0.05);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-type-scale-80.png') });

  // The print PDF draws the same narrowed line.
  const [pdf] = (await app.exportPdf('button', SAMPLE_PRINT_ERRORS)) as [string];
  renderPng(pdf, 'e2e-type-scale-pdf', 100);
  const grey = renderGrey(pdf, 150);
  const offset = trimOffsetPt(pdf);
  expect(pdfInkFraction(grey, offset, tail)).toBeLessThan(0.005);
  const pdfLead = pdfInkFraction(grey, offset, lead);
  expect(pdfLead).toBeGreaterThan(0.05);
  expect(Math.abs(pdfLead - (await canvas.inkFraction(lead)))).toBeLessThan(0.1);

  // A value out of range is refused with a message, and the style keeps 80 %.
  await styles.field('Horizontal scale (%)').fill('30');
  await styles.field('Horizontal scale (%)').press('Enter');
  await expect(page.getByText(/Horizontal scale 30 % is out of range/)).toBeVisible();
  await expect.poll(() => canvas.inkFraction(tail)).toBeLessThan(0.005);

  await canvas.clickAt(5, 5);
  await canvas.surface.press('Control+z');
  await expect(styles.field('Horizontal scale (%)')).toHaveValue('100');
  await expect.poll(() => canvas.inkFraction(tail)).toBeGreaterThan(0.05);
});
