/**
 * Regression: a frame selected on one page must not stay selected (handles, inspector) when another page is
 * shown, whether by the Pages panel or by Page Down.
 */
import { expect, test } from '@playwright/test';
import { FolioApp } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { PagesPanel } from './pages/pages-panel.js';
import { loadSample, sampleFrame, trimSizePt } from './pages/sample.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const bikes = sampleFrame(sample, 'bikes');

test('showing another page drops the selection of a frame on the first page', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new FolioApp(page);
  const canvas = new PageCanvas(page, trim.widthPt);
  const pages = new PagesPanel(page);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await app.open();
  await pages.addPage(/Broadsheet inner page/);
  // The new page is shown; the inner page's header sits in the margin by design: no preflight finding.
  await expect(page.getByRole('region', { name: 'Preflight' })).not.toContainText('outside the type area');
  await pages.pageButton('A01').click();

  await canvas.clickAt(bikes.xPt + 40, bikes.yPt + 60);
  await expect(inspector).toContainText('Text frame bikes');
  await pages.pageButton('A02').click();
  await expect(app.status.getByLabel('Page')).toContainText('A02');
  await expect(inspector).toContainText('Select a frame on the page.');

  await pages.pageButton('A01').click();
  await canvas.clickAt(bikes.xPt + 40, bikes.yPt + 60);
  await expect(inspector).toContainText('Text frame bikes');
  await canvas.surface.press('PageDown');
  await expect(app.status.getByLabel('Page')).toContainText('A02');
  await expect(inspector).toContainText('Select a frame on the page.');
});
