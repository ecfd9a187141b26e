/**
 * Recent files in the open dialog (issue 6): a document saved under a name is offered under "Recent" the next
 * time the dialog opens, and opens from there.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FolioApp } from './pages/app.js';
import { ARTIFACTS_DIR } from './pages/pdf.js';

test('a saved document is listed under Recent and opens from it', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new FolioApp(page);
  await app.open();
  const name = `recent-${Date.now()}.folio`;
  await app.saveAs(name);
  // Another document in the window, so the saved one is closed (and its lock released) before it is reopened.
  await app.reopenSample();

  await app.button('Open…').click();
  const dialog = page.getByRole('dialog', { name: 'Open or create' });
  const recent = dialog.getByRole('list', { name: 'Recent' });
  await expect(recent.getByRole('button').first()).toHaveText(name);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-open-recent.png') });

  const content = page.getByTestId('page-content');
  const before = Number(await content.getAttribute('data-document-generation'));
  await recent.getByRole('button', { name }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => Number(await content.getAttribute('data-document-generation')), { timeout: 60_000 }).toBeGreaterThan(before);
  await expect(app.documentState).toHaveText('Saved');
});
