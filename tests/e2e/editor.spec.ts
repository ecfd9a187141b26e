/**
 * The story editor: IME composition, undo/redo, block-type shortcuts, the paste filter and punctuation
 * normalisation — each checked in the editor and on the re-composed page (the layout's text layer).
 */
import { expect, test, type Page } from '@playwright/test';
import { FolioApp } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { StoryEditor } from './pages/editor.js';
import { loadSample, trimSizePt } from './pages/sample.js';

const trim = trimSizePt(loadSample());

// One window for the whole file: each test starts from a freshly reopened sample (Open… → sample), which
// reuses the loaded fonts instead of downloading them again.
test.describe.configure({ mode: 'serial' });
let shared: Page;
let app: FolioApp;
test.beforeAll(async ({ browser }) => {
  shared = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  app = new FolioApp(shared);
  await app.open();
});
test.afterAll(async () => {
  await shared.close();
});

async function openLeadStory(page: Page): Promise<{ canvas: PageCanvas; editor: StoryEditor }> {
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const editor = new StoryEditor(page);
  await editor.openFromList(/停不下来/);
  await editor.textbox.click();
  await page.keyboard.press('Control+Home');
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

test('paste keeps text and paragraphs only', async () => {
  const page = shared;
  const { editor } = await openLeadStory(page);
  await page.keyboard.press('Control+End');
  await editor.textbox.evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/html', '<h1 style="color:red">粘贴标题</h1><p><b>粗体</b><span style="font-size:40px">正文</span></p><img src="x.png"><table><tr><td>表格</td></tr></table>');
    data.setData('text/plain', '粘贴标题\n粗体正文\n表格');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(editor.textbox).toContainText('粘贴标题');
  await expect(editor.textbox).toContainText('粗体正文');
  await expect(editor.textbox.locator('strong, b, img, table, [style*="color"]')).toHaveCount(0);
  await expect(editor.textbox.locator('h1.pm-headline')).toHaveCount(1);
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
