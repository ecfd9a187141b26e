/**
 * Export destinations: the user chooses the folder (a new sub-folder of the workspace here), it is remembered for
 * the document, print and proof PDFs of a page sit side by side instead of overwriting each other, and browser
 * mode offers the PDF as a download.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer } from './global-setup.js';
import { FolioApp, WINDOW_VIEWPORT } from './pages/app.js';
import { PagesPanel } from './pages/pages-panel.js';
import { SAMPLE_PRINT_ERRORS } from './pages/sample.js';

/** Fonts and the first compose on a loaded 2-core machine. */
const OPEN_TIMEOUT_MS = 60_000;

test('export folder: chosen, remembered for the document; print and proof PDFs both kept', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const workspace = mkdtempSync(path.join(tmpdir(), 'folio-export-folder-'));
  const server = await startServer(workspace);
  try {
    const page = await browser.newPage({ viewport: WINDOW_VIEWPORT });
    const app = new FolioApp(page);
    await page.goto(server.url);
    await expect(page.getByTestId('page-content')).toHaveAttribute('data-layout-version', /^[1-9]\d*$/, { timeout: OPEN_TIMEOUT_MS });
    await app.saveAs('front.folio');
    // The export-folder button must not push the toolbar's last button out of the window.
    const help = await app.button('Help: keyboard shortcuts').boundingBox();
    expect(help && help.x + help.width).toBeLessThanOrEqual(WINDOW_VIEWPORT.width);

    await app.button('Export folder…').click();
    const dialog = page.getByRole('dialog', { name: 'Export folder' });
    await expect(dialog.getByTestId('export-folder-current')).toHaveText("the document's own folder");
    await dialog.getByRole('textbox', { name: 'New sub-folder (optional)' }).fill('../out');
    await expect(dialog.getByRole('alert')).toContainText('cannot contain');
    await dialog.getByRole('textbox', { name: 'New sub-folder (optional)' }).fill('版面PDF');
    await page.screenshot({ path: testInfo.outputPath('export-folder-dialog.png') });
    await dialog.getByRole('button', { name: 'Export to this folder' }).click();
    await expect(dialog).toBeHidden();

    const [printPdf] = await app.exportPdf('button', SAMPLE_PRINT_ERRORS);
    expect(printPdf).toBe(path.join(workspace, '版面PDF', '20230720_A01.pdf'));
    // Browser mode also offers the finished PDF as a download (the server's disk may not be this browser's).
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download 20230720_A01.pdf' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('20230720_A01.pdf');
    const saved = testInfo.outputPath('downloaded.pdf');
    await download.saveAs(saved);
    expect(readFileSync(saved).equals(readFileSync(printPdf))).toBe(true);
    await page.screenshot({ path: testInfo.outputPath('export-download.png') });
    await page.getByRole('combobox', { name: 'PDF preset' }).selectOption('proof');
    const [proofPdf] = await app.exportPdf();
    expect(proofPdf).toBe(path.join(workspace, '版面PDF', '20230720_A01_proof.pdf'));
    expect(readdirSync(path.join(workspace, '版面PDF')).sort()).toEqual(['20230720_A01.pdf', '20230720_A01_proof.pdf']);
    expect(existsSync(path.join(workspace, '20230720_A01.pdf'))).toBe(false);

    // Another window (another day): the document's folder is remembered.
    await page.close();
    const later = await browser.newPage({ viewport: WINDOW_VIEWPORT });
    const laterApp = new FolioApp(later);
    await later.goto(server.url);
    await expect(later.getByTestId('page-content')).toHaveAttribute('data-layout-version', /^[1-9]\d*$/, { timeout: OPEN_TIMEOUT_MS });
    await laterApp.button('Open…').click();
    await later.getByRole('dialog', { name: 'Open or create' }).getByRole('button', { name: 'Open front.folio' }).click();
    await expect(laterApp.documentState).toHaveText('Saved');
    await laterApp.button('Export folder…').click();
    await expect(later.getByRole('dialog', { name: 'Export folder' }).getByTestId('export-folder-current')).toHaveText('版面PDF');
    await later.close();
  } finally {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
});

test('browser mode: an export of many pages is offered as one download-all button', async ({ browser }) => {
  test.setTimeout(240_000);
  const workspace = mkdtempSync(path.join(tmpdir(), 'folio-export-many-'));
  const server = await startServer(workspace);
  try {
    const page = await browser.newPage({ viewport: WINDOW_VIEWPORT });
    const app = new FolioApp(page);
    await page.goto(server.url);
    await expect(page.getByTestId('page-content')).toHaveAttribute('data-layout-version', /^[1-9]\d*$/, { timeout: OPEN_TIMEOUT_MS });
    const pages = new PagesPanel(page);
    for (let added = 1; added <= 3; added++) {
      await pages.button('Add page').click();
      await expect.poll(async () => (await pages.names()).length).toBe(1 + added);
    }
    const files = await app.exportPdf('button', SAMPLE_PRINT_ERRORS);
    expect(files).toHaveLength(4);
    const names: string[] = [];
    page.on('download', (d) => names.push(d.suggestedFilename()));
    await page.getByRole('button', { name: 'Download the 4 exported PDFs' }).click();
    await expect.poll(() => names.length, { timeout: 60_000 }).toBe(4);
    expect(names.sort()).toEqual(files.map((f) => path.basename(f)).sort());
    await page.close();
  } finally {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
});
