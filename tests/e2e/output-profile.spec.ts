/**
 * Print staff set the plant's output profile and export PDF/X-4: without a profile the export is stopped by
 * preflight (and the host), a file that is not a CMYK printer profile is refused, the chosen profile is one
 * undoable step, and the written PDF is PDF 1.6 with X-4 metadata and the profile embedded — and still shows
 * the page when rendered.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FolioApp } from './pages/app.js';
import { pdfInkFraction, renderGrey, renderPng, trimOffsetPt } from './pages/pdf.js';
import { loadSample, SAMPLE_PRINT_ERRORS, trimSizePt } from './pages/sample.js';

/** Ghostscript's CMYK output profile (Debian libgs-common, installed by .ci/run): the stand-in plant profile. */
const PLANT_PROFILE = '/usr/share/color/icc/ghostscript/default_cmyk.icc';
const trim = trimSizePt(loadSample());

test('PDF/X-4 needs the plant profile; choosing it (undoable) lets the export write PDF 1.6 with the profile embedded', async ({ page }) => {
  test.setTimeout(120_000);
  const workspace = process.env.FOLIO_E2E_WORKSPACE!;
  copyFileSync(PLANT_PROFILE, path.join(workspace, 'plant-swop.icc'));
  writeFileSync(path.join(workspace, 'not-a-profile.icc'), 'this is text, not an ICC profile '.repeat(20));
  const app = new FolioApp(page);
  await app.open();

  // 1. PDF/X-4 without a profile: preflight says so, and Ctrl+E asks before anything is written.
  await page.getByRole('combobox', { name: 'PDF preset' }).selectOption('print-x4');
  const preflight = page.getByRole('region', { name: 'Preflight' });
  await expect(preflight).toContainText("PDF/X-4 embeds the plant's ICC output profile");
  await page.keyboard.press('Control+e');
  const confirm = page.getByRole('dialog', { name: 'Export with preflight errors?' });
  await expect(confirm.getByRole('list', { name: 'Preflight errors' })).toContainText('output profile');
  await confirm.getByRole('button', { name: 'Don’t export' }).click();

  // 2. A file that is not a profile is refused with the reason; nothing changes.
  const profileButton = app.button('Profile…');
  await profileButton.click();
  const dialog = page.getByRole('dialog', { name: 'Output profile' });
  await expect(dialog).toContainText('Current: none');
  await dialog.getByRole('list', { name: 'ICC profiles' }).getByRole('button', { name: 'not-a-profile.icc' }).click();
  await expect(app.message).toContainText('cannot be the output profile: This is not an ICC profile');
  await expect(app.documentState).not.toContainText('Unsaved');

  // 3. The plant profile, chosen from the preflight finding (it opens the dialog): named in the notice, one undo step.
  await preflight.getByRole('button', { name: /PDF\/X-4 embeds the plant's ICC output profile/ }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('list', { name: 'ICC profiles' }).getByRole('button', { name: 'plant-swop.icc' }).click();
  await expect(app.message).toContainText('Output profile: Artifex CMYK SWOP Profile (from plant-swop.icc, black 296 % total ink)');
  // SWOP is a commercial-press profile: its black exceeds the newsprint template's 240 % limit, and preflight says so.
  await expect(preflight).toContainText('separates black to 296 % total ink, above this template\'s 240 % limit');
  await expect(app.button('Profile ✓…')).toBeVisible();
  await expect(preflight).not.toContainText("PDF/X-4 embeds the plant's ICC output profile");
  await page.keyboard.press('Control+z');
  await expect(app.button('Profile…')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(app.button('Profile ✓…')).toBeVisible();

  // 4. Export (the profile error gone, only the sample's placeholder photo is asked about): PDF 1.6, X-4 in Info
  // and XMP, the profile embedded; the page renders with its type.
  const [pdf] = await app.exportPdf('shortcut', SAMPLE_PRINT_ERRORS);
  expect(readFileSync(pdf!).subarray(0, 8).toString()).toBe('%PDF-1.6');
  expect(execFileSync('pdfinfo', ['-meta', pdf!], { encoding: 'utf8' })).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>');
  expect(readFileSync(pdf!).toString('latin1')).toContain('/DestOutputProfile');
  renderPng(pdf!, 'e2e-x4-export', 40);
  const inked = pdfInkFraction(renderGrey(pdf!, 40), trimOffsetPt(pdf!), { xPt: 0, yPt: 0, widthPt: trim.widthPt, heightPt: trim.heightPt });
  expect(inked).toBeGreaterThan(0.05);
});
