/**
 * The story editor: IME composition, undo/redo, block-type shortcuts, the paste filter and punctuation
 * normalisation — each checked in the editor and on the re-composed page (the layout's text layer).
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { openSharedWindow, type FolioApp } from './pages/app.js';
import { ARTIFACTS_DIR } from './pages/pdf.js';
import { PageCanvas } from './pages/canvas.js';
import { StoryEditor } from './pages/editor.js';
import { loadSample, sampleFrame, trimSizePt } from './pages/sample.js';

const sample = loadSample();
const trim = trimSizePt(sample);

// One window for the whole file: each test starts from a freshly reopened sample (Open… → sample), which
// reuses the loaded fonts instead of downloading them again.
test.describe.configure({ mode: 'serial' });
let shared: Page;
let app: FolioApp;
test.beforeAll(async ({ browser }) => {
  ({ page: shared, app } = await openSharedWindow(browser));
});
test.afterAll(async () => {
  await shared.close();
});

async function openLeadStory(page: Page): Promise<{ canvas: PageCanvas; editor: StoryEditor }> {
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const editor = new StoryEditor(page);
  await editor.openFromList(/停不下来/);
  await editor.caretToStart();
  return { canvas, editor };
}

test('IME composition commits Chinese text into the story and the page', async () => {
  const page = shared;
  const { canvas, editor } = await openLeadStory(page);
  const before = await canvas.layoutVersion();
  await editor.typeWithIme('shurufa', '输入法');
  await expect(editor.textbox).toContainText('输入法“八八战略”');
  await expect(editor.textbox).not.toContainText('shurufa');
  await canvas.waitForComposeAfter(before);
  await expect(canvas.frameText('lead-head')).toContainText('输入法');
});

test('undo restores the story and the page; redo re-applies', async () => {
  const page = shared;
  const { canvas, editor } = await openLeadStory(page);
  const original = await canvas.frameText('lead-head').textContent();
  await editor.type('撤销测试');
  await expect(canvas.frameText('lead-head')).toContainText('撤销测试');
  await page.keyboard.press('Control+z');
  await expect(editor.textbox).not.toContainText('撤销测试');
  await expect(canvas.frameText('lead-head')).toHaveText(original ?? '');
  await page.keyboard.press('Control+Shift+z');
  await expect(canvas.frameText('lead-head')).toContainText('撤销测试');
  await editor.button(/^Undo typing/).click();
  await expect(canvas.frameText('lead-head')).toHaveText(original ?? '');
});

test('Ctrl+Alt+digit sets block types; the toolbar shows the type', async () => {
  const page = shared;
  const { editor } = await openLeadStory(page);
  await expect(editor.blockType).toHaveValue('kicker');
  await page.keyboard.press('Control+Alt+3');
  await expect(editor.blockType).toHaveValue('subtitle');
  await expect(editor.textbox.locator('p.pm-subtitle').first()).toContainText('八八战略');
  await editor.blockType.selectOption('kicker');
  await expect(editor.blockType).toHaveValue('kicker');
});

test('a template paragraph style (smaller headline) re-sets the headline on the page', async () => {
  const page = shared;
  const { canvas, editor } = await openLeadStory(page);
  const head = sampleFrame(sample, 'lead-head');
  const rect = { xPt: head.xPt, yPt: head.yPt, widthPt: head.widthPt, heightPt: head.heightPt };
  await page.keyboard.press('ArrowDown');
  await expect(editor.blockType).toHaveValue('headline');
  const inkBefore = await canvas.inkFraction(rect);
  const version = await canvas.layoutVersion();
  await editor.panel.getByRole('combobox', { name: 'Paragraph style' }).selectOption('headline2');
  await canvas.waitForComposeAfter(version);
  await expect(editor.textbox.locator('h1.pm-headline[data-style="headline2"]')).toHaveCount(1);
  // 一号 (26 pt) instead of 小初 (36 pt): clearly less ink in the headline frame.
  await expect.poll(() => canvas.inkFraction(rect)).toBeLessThan(inkBefore * 0.9);
});

test('paste keeps text, paragraphs and tables only', async () => {
  const page = shared;
  const { editor } = await openLeadStory(page);
  // The paste goes where ProseMirror's caret is: wait until it has followed Ctrl+End.
  await editor.caretToEnd();
  await editor.textbox.evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/html', '<h1 style="color:red">粘贴标题</h1><p><b>粗体</b><span style="font-size:40px">正文</span></p><img src="x.png"><table><tr><td>表格</td></tr></table>');
    data.setData('text/plain', '粘贴标题\n粗体正文\n表格');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(editor.textbox).toContainText('粘贴标题');
  await expect(editor.textbox).toContainText('粗体正文');
  await expect(editor.textbox.locator('strong, b, img, [style*="color"]')).toHaveCount(0);
  await expect(editor.textbox.locator('h1.pm-headline')).toHaveCount(1);
  // A pasted table (from a spreadsheet) stays a table of plain cell text (issue 16).
  await expect(editor.textbox.locator('table td')).toHaveText(['表格']);
});

test('normalise punctuation turns ASCII marks in Chinese into full-width ones, on the page too', async () => {
  const page = shared;
  const { canvas, editor } = await openLeadStory(page);
  await page.keyboard.press('Control+End');
  await editor.type('版本v1.2,见https://example.com/a?b=1,好(是的)');
  await expect(canvas.textLayer).toContainText('改革,一直以来');
  await editor.button('Normalise ASCII punctuation').click();
  await expect(editor.textbox).toContainText('改革，一直以来');
  await expect(editor.textbox).toContainText('版本v1.2,见https://example.com/a?b=1,好（是的）');
  await expect(canvas.textLayer).toContainText('改革，一直以来');
});

test('a text selection in the editor is mirrored on the page as selection rectangles', async () => {
  const page = shared;
  const { editor } = await openLeadStory(page);
  const overlay = page.getByTestId('page-overlay');
  const selectionPixels = () =>
    overlay.evaluate((c) => {
      const el = c as HTMLCanvasElement;
      const d = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
      let n = 0;
      // Translucent selection blue over the (transparent) overlay: blue dominant, partly opaque.
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 40 && d[i + 3] < 200 && d[i + 2] > 200 && d[i] < 100) n++;
      return n;
    });
  const before = await selectionPixels();
  await page.keyboard.press('Shift+End');
  await expect(editor.textbox).toBeFocused();
  await expect.poll(selectionPixels).toBeGreaterThan(before + 50);
});

test('New from template opens an unsaved page with the template’s starter stories', async () => {
  const page = shared;
  await app.button('Open…').click();
  const dialog = page.getByRole('dialog', { name: 'Open or create' });
  await dialog.getByRole('button', { name: /^New: .*Tabloid/ }).click();
  await expect(dialog).toBeHidden();
  // The starter's page header (报眉) is set on the page; as page furniture it is not in the story list (issue 14).
  await expect(page.getByRole('region', { name: 'Text of page A01' }).locator('[data-story-id="page-header"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByRole('navigation', { name: 'Pages and stories' }).getByRole('button', { name: /报眉/ })).toHaveCount(0);
  await expect(page.getByTestId('page-content')).toBeVisible();
  await expect(app.documentState).toHaveText('Not saved yet');
  await expect(page.getByTestId('page-content')).not.toHaveAttribute('data-glyphs', '0');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-new-tabloid.png') });
});
