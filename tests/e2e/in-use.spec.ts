/**
 * Two windows on one file: the second is told who is editing it and since when, and may open it read-only, or,
 * the holder being a window of this same Folio, edit it there instead (the first then cannot save it).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startServer } from './global-setup.js';
import { WINDOW_VIEWPORT } from './pages/app.js';

/** Fonts and the first compose on a loaded 2-core machine. */
const OPEN_TIMEOUT_MS = 60_000;

async function openFile(browser: Browser, url: string, name: string): Promise<Page> {
  const page = await browser.newPage({ viewport: WINDOW_VIEWPORT });
  await page.goto(url);
  await expect(page.getByTestId('page-content')).toHaveAttribute('data-layout-version', /^[1-9]\d*$/, { timeout: OPEN_TIMEOUT_MS });
  await page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Open…', exact: true }).click();
  await page.getByRole('dialog', { name: 'Open or create' }).getByRole('button', { name: `Open ${name}` }).click();
  return page;
}

test('a file open for editing in one window opens read-only in a second, after asking', async ({ browser }) => {
  test.setTimeout(180_000);
  const workspace = mkdtempSync(path.join(tmpdir(), 'folio-in-use-'));
  cpSync(path.join('templates', 'samples', 'deqing-front-2023-07-20.folio'), path.join(workspace, 'front.folio'));
  const server = await startServer(workspace);
  try {
    const first = await openFile(browser, server.url, 'front.folio');
    const state = (p: Page) => p.getByRole('contentinfo', { name: 'Status' }).getByLabel('Document state');
    await expect(state(first)).toHaveText('Saved');

    const second = await openFile(browser, server.url, 'front.folio');
    const offer = second.getByRole('dialog', { name: 'Document in use' });
    await expect(offer).toBeVisible();
    // Since when, as the interface language writes a date (English in the suite), never an ISO string (issue 14).
    await expect(offer).toContainText(/already open for editing .*since [A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d\d\s[AP]M\b/);
    await expect(offer).not.toContainText(/\d{4}-\d\d-\d\dT\d\d:/);
    await offer.getByRole('button', { name: 'Open read-only' }).click();
    await expect(offer).toBeHidden();
    await expect(state(second)).toHaveText('Read-only');
    await expect(state(first)).toHaveText('Saved');
    await second.close();
    await first.close();
  } finally {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
});

test('a window of this same Folio never locks its user out: Edit here instead takes the file over', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const workspace = mkdtempSync(path.join(tmpdir(), 'folio-in-use-'));
  cpSync(path.join('templates', 'samples', 'deqing-front-2023-07-20.folio'), path.join(workspace, 'front.folio'));
  const server = await startServer(workspace);
  try {
    const status = (p: Page) => p.getByRole('contentinfo', { name: 'Status' });
    const first = await openFile(browser, server.url, 'front.folio');
    await expect(status(first).getByLabel('Document state')).toHaveText('Saved');

    const second = await openFile(browser, server.url, 'front.folio');
    const offer = second.getByRole('dialog', { name: 'Document in use' });
    await expect(offer).toBeVisible();
    await second.screenshot({ path: testInfo.outputPath('in-use-edit-here.png') });
    await offer.getByRole('button', { name: 'Edit here instead' }).click();
    await expect(offer).toBeHidden();
    await expect(status(second).getByLabel('Document state')).toHaveText('Saved');
    await expect(status(second).getByRole('status')).toContainText(/Opened .*front\.folio\. Another window of this Folio had it open for editing/);

    // The first window's hold is gone: saving there fails with a message, and never overwrites the file.
    await first.keyboard.press('Control+s');
    await expect(status(first).getByRole('status')).toContainText('no longer open');
    await second.close();
    await first.close();
  } finally {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
});
