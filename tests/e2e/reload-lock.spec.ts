/**
 * Browser mode: a tab that reloads or closes lets go of the file it was editing, so the same user can open it
 * again at once (it stayed "already open for editing in another window" until the server restarted).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startServer } from './global-setup.js';
import { FolioApp, WINDOW_VIEWPORT } from './pages/app.js';

/** Fonts and the first compose on a loaded 2-core machine. */
const OPEN_TIMEOUT_MS = 60_000;

async function newWindow(browser: Browser, url: string): Promise<{ page: Page; app: FolioApp }> {
  const page = await browser.newPage({ viewport: WINDOW_VIEWPORT });
  await page.goto(url);
  await expect(page.getByTestId('page-content')).toHaveAttribute('data-layout-version', /^[1-9]\d*$/, { timeout: OPEN_TIMEOUT_MS });
  return { page, app: new FolioApp(page) };
}

async function openFile(app: FolioApp, name: string): Promise<void> {
  await app.button('Open…').click();
  const dialog = app.page.getByRole('dialog', { name: 'Open or create' });
  await dialog.getByRole('button', { name: `Open ${name}` }).click();
  await expect(dialog).toBeHidden();
}

test.describe('a tab that is gone holds no lock', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let workspace: string;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    workspace = mkdtempSync(path.join(tmpdir(), 'folio-reload-lock-'));
    server = await startServer(workspace);
  });
  test.afterAll(async () => {
    await server?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('save, reload the tab, open the same file: it opens for editing', async ({ browser }) => {
    test.setTimeout(180_000);
    const { page, app } = await newWindow(browser, server.url);
    await app.saveAs('mine.folio');
    await page.reload();
    await expect(page.getByTestId('page-content')).toHaveAttribute('data-layout-version', /^[1-9]\d*$/, { timeout: OPEN_TIMEOUT_MS });
    await openFile(app, 'mine.folio');
    await expect(app.message).toContainText(/Opened .*mine\.folio\./);
    await expect(app.message).not.toContainText('read-only');
    await expect(app.documentState).toHaveText('Saved');
    await expect(page.getByRole('dialog', { name: 'Document in use' })).toBeHidden();
    await page.close();
  });

  test('close the tab, open the file in a new one: it opens for editing', async ({ browser }) => {
    test.setTimeout(180_000);
    const first = await newWindow(browser, server.url);
    await first.app.saveAs('closed.folio');
    await first.page.close({ runBeforeUnload: true });
    const second = await newWindow(browser, server.url);
    await openFile(second.app, 'closed.folio');
    await expect(second.app.message).toContainText(/Opened .*closed\.folio\./);
    await expect(second.app.documentState).toHaveText('Saved');
    await second.page.close();
  });
});
