/**
 * A 200 MB paste (someone copied a whole archive) is refused with a clear message; the story, the page and
 * the document state stay as they were, and the editor keeps working.
 */
import { expect, test } from '@playwright/test';
import { FolioApp } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { StoryEditor } from './pages/editor.js';
import { loadSample, trimSizePt } from './pages/sample.js';

const trim = trimSizePt(loadSample());
/** 200 MB of UTF-16 clipboard text: 100 M characters of two bytes. */
const HUGE_CHARS = 100 * 1024 * 1024;

test('a 200 MB paste is refused; nothing changes and typing still works', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new FolioApp(page);
  const canvas = new PageCanvas(page, trim.widthPt);
  const editor = new StoryEditor(page);
  await app.open();
  await editor.openFromList(/停不下来/);
  await editor.textbox.getByText(/成立/).first().click();
  const textBefore = await editor.textbox.textContent();
  const versionBefore = await canvas.layoutVersion();
  await editor.textbox.evaluate((el, chars) => {
    const data = new DataTransfer();
    data.setData('text/plain', '字'.repeat(chars));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, HUGE_CHARS);
  await expect(app.message).toContainText('Nothing was pasted');
  await expect(app.message).toContainText('about 200 MB');
  expect(await editor.textbox.textContent()).toBe(textBefore);
  expect(await canvas.layoutVersion()).toBe(versionBefore);
  await expect(app.documentState).not.toHaveText('● Unsaved changes');

  await editor.type('仍可输入');
  await canvas.waitForComposeAfter(versionBefore);
  await expect(canvas.textLayer).toContainText('仍可输入');
});
