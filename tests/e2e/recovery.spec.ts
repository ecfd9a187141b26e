/**
 * Never lose work: type into the sample, let the autosave run, kill the server as a crash would (SIGKILL),
 * start Folio again on the same workspace — the page opens with the typed text and says it was recovered.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer } from './global-setup.js';
import { WINDOW_VIEWPORT } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { StoryEditor } from './pages/editor.js';
import { loadSample, trimSizePt } from './pages/sample.js';

const trim = trimSizePt(loadSample());
const TYPED = '断电前写下的字';
/** The app autosaves every 5 s; allow for a loaded machine. */
const AUTOSAVE_WAIT_MS = 30_000;
/** Fonts and the first compose on a loaded 2-core machine. */
const OPEN_TIMEOUT_MS = 60_000;

test('after a crash mid-edit the next start recovers the last autosave', async ({ browser }) => {
  test.setTimeout(180_000);
  const workspace = mkdtempSync(path.join(tmpdir(), 'folio-crash-'));
  cpSync(path.join('templates', 'samples', 'deqing-front-2023-07-20.folio'), path.join(workspace, 'sample.folio'));
  const recoveryDir = path.join(workspace, '.folio-recovery');
  const first = await startServer(workspace);
  try {
    const page = await browser.newPage({ viewport: WINDOW_VIEWPORT });
    const canvas = new PageCanvas(page, trim.widthPt);
    const editor = new StoryEditor(page);
    await page.goto(first.url);
    await expect(canvas.content).toHaveAttribute('data-layout-version', /^[1-9]\d*$/, { timeout: OPEN_TIMEOUT_MS });
    await editor.openFromList(/停不下来/);
    await editor.textbox.getByText(/成立/).first().click();
    const before = await canvas.layoutVersion();
    await editor.type(TYPED);
    await canvas.waitForComposeAfter(before);
    await expect.poll(() => (existsSync(recoveryDir) ? readdirSync(recoveryDir).length : 0), { timeout: AUTOSAVE_WAIT_MS }).toBeGreaterThan(0);
    await first.crash();
    await page.close();

    const second = await startServer(workspace);
    try {
      const again = await browser.newPage({ viewport: WINDOW_VIEWPORT });
      const canvas2 = new PageCanvas(again, trim.widthPt);
      await again.goto(second.url);
      await expect(canvas2.content).toHaveAttribute('data-layout-version', /^[1-9]\d*$/, { timeout: OPEN_TIMEOUT_MS });
      await expect(canvas2.textLayer).toContainText(TYPED);
      await expect(again.getByRole('contentinfo', { name: 'Status' }).getByRole('status')).toContainText('Recovered unsaved changes');
      await expect(again.getByRole('contentinfo', { name: 'Status' }).getByLabel('Document state')).toHaveText('● Unsaved changes');
      await again.close();
    } finally {
      await second.stop();
    }
  } finally {
    await first.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
});
