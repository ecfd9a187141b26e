/**
 * Exporting from the app: a page with preflight errors asks first (Don’t export / Export anyway), the export
 * runs as a background job of the host and the status bar reports the written file.
 */
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { FolioApp } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { loadSample, sampleFrame, trimSizePt } from './pages/sample.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const bikes = sampleFrame(sample, 'bikes');

test('export with an overset story asks for confirmation; Export anyway writes the PDF', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new FolioApp(page);
  const canvas = new PageCanvas(page, trim.widthPt);
  await app.open();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await canvas.clickAt(bikes.xPt + 40, bikes.yPt + 60);
  const height = inspector.getByRole('spinbutton', { name: 'Height (mm)' });
  await height.fill('40');
  await height.press('Enter');
  await expect(page.getByRole('region', { name: 'Preflight' }).getByRole('button', { name: /error: Overset text/ })).toHaveCount(1);

  const confirm = page.getByRole('dialog', { name: 'Export with preflight errors?' });
  await app.button('Export PDF').click();
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('list', { name: 'Preflight errors' })).toContainText(/[Oo]verset/);
  await confirm.getByRole('button', { name: 'Don’t export' }).click();
  await expect(confirm).toBeHidden();
  await expect(app.message).not.toContainText('Exported');

  await page.keyboard.press('Control+e');
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Export anyway' }).click();
  await expect(app.message).toContainText('Exported', { timeout: 60_000 });
  const written = ((await app.message.textContent()) ?? '').replace(/^Exported\s+/, '').split(', ');
  expect(written).toHaveLength(1);
  expect(written[0]).toMatch(/\.pdf$/);
  expect(existsSync(written[0]!)).toBe(true);
  await expect(page.getByRole('progressbar', { name: 'Export progress' })).toHaveCount(0);
});
