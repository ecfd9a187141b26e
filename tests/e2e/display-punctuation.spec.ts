/**
 * Display punctuation (issue 17 item 4): the sample's headline “停不下来”的改革创造了奇迹 is set with its quotes at
 * half width and closed up, as the headline style's Display punctuation setting says; unticking it in the Styles
 * panel gives the closing quote its half em of air again (the line grows by half a 36-pt em on the page), and
 * Ctrl+Z puts the setting and the line back.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { useSharedWindow } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { ARTIFACTS_DIR } from './pages/pdf.js';
import { loadSample, sampleFrame, trimSizePt } from './pages/sample.js';
import { StylesPanel } from './pages/styles.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const head = sampleFrame(sample, 'lead-head');
const pitch = sample.template.grid.linePitchPt;
/** The headline's em, points (小初). */
const EM_PT = 36;
/**
 * Where the headline's last character 迹 ends with the closing quote half width (13 em from the line start: the
 * line-start quote loses its leading half em either way) and where it ends with the quote full width (13.5 em).
 * The headline sits under the 2-line kicker and takes 4 grid lines.
 */
const tail = { xPt: head.xPt + 13 * EM_PT + 2, yPt: head.yPt + 2.5 * pitch, widthPt: 0.5 * EM_PT - 4, heightPt: 3 * pitch };

const win = useSharedWindow();

test('Styles panel: the headline style sets display punctuation; unticking it widens the headline by half an em; Ctrl+Z', async () => {
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const styles = new StylesPanel(page);
  const display = styles.panel.getByRole('checkbox', { name: 'Display punctuation' });

  await styles.chooseParagraphStyle('paragraph');
  await expect(display).not.toBeChecked();
  await styles.chooseParagraphStyle('headline');
  await expect(display).toBeChecked();
  // Closed up: nothing is drawn in the half em after where 迹 ends.
  expect(await canvas.inkFraction(tail)).toBeLessThan(0.01);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-display-punctuation-on.png') });

  const version = await canvas.layoutVersion();
  await display.uncheck();
  await canvas.waitForComposeAfter(version);
  await expect(display).not.toBeChecked();
  // ” takes its full em again: the headline runs half an em further, 迹 into the strip.
  await expect.poll(() => canvas.inkFraction(tail)).toBeGreaterThan(0.05);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-display-punctuation-off.png') });

  await canvas.clickAt(5, 5);
  await canvas.surface.press('Control+z');
  await expect(display).toBeChecked();
  await expect.poll(() => canvas.inkFraction(tail)).toBeLessThan(0.01);
});
