/**
 * Screen and print draw the same PageLayout: the page canvas at 100 % (96 px per inch, device pixel ratio 1)
 * is compared with the exported PDF rendered by pdftoppm at 96 dpi, block by block (ink coverage per
 * 12 × 12 px block). Antialiasing differs between Skia and poppler, so single pixels may differ, but a line
 * set differently, a missing glyph run or a shifted frame changes whole blocks. A heat map of the differences
 * is written to tests/artifacts/ for people to look at.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FolioApp } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { ARTIFACTS_DIR, renderPng, trimOffsetPt } from './pages/pdf.js';
import { loadSample, SAMPLE_PRINT_ERRORS, trimSizePt } from './pages/sample.js';
import { compareScreenWithPdf, SCREEN_DPI } from './pages/screen-compare.js';

const trim = trimSizePt(loadSample());

test('the page canvas matches the exported PDF (block ink coverage)', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new FolioApp(page);
  await app.open();
  const canvas = new PageCanvas(page, trim.widthPt);
  await app.button('100 %').click();
  await expect(app.status.getByLabel('Zoom')).toHaveText('100 %');
  // Wait for the photo to be decoded and drawn (it arrives after the first compose).
  await page.waitForFunction(() => document.querySelector('[data-testid=page-content]') !== null);
  await page.waitForTimeout(500);

  const files = await app.exportPdf('button', SAMPLE_PRINT_ERRORS);
  const workspace = process.env.FOLIO_E2E_WORKSPACE ?? '';
  const pdf = path.isAbsolute(files[0]) ? files[0] : path.join(workspace, files[0]);
  const png = renderPng(pdf, 'compare-pdf-96dpi', SCREEN_DPI);
  const offset = trimOffsetPt(pdf);
  const result = await compareScreenWithPdf(canvas.content, png, offset, path.join(ARTIFACTS_DIR, 'compare-heatmap.png'));
  test.info().annotations.push({ type: 'screen-vs-pdf', description: `blocks ${result.blocks} (inked ${result.inkedBlocks}), mean diff ${result.mean.toFixed(4)}, p99 ${result.p99.toFixed(3)}, max ${result.max.toFixed(3)}` });
  console.log(test.info().annotations.at(-1)?.description);
  expect(result.inkedBlocks).toBeGreaterThan(result.blocks / 10);
  expect(result.mean).toBeLessThan(0.02);
  expect(result.p99).toBeLessThan(0.15);
});
