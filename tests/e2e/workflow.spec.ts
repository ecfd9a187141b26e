/**
 * The layout workflow around the page: the Styles panel (edit the body style, see the page reflow, undo), the
 * Pages panel (add inner pages from a template, thread a story onto one, reorder and see the jump lines
 * follow, delete, undo), find & replace in the story editor, the shortcuts sheet and the rulers.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { FolioApp } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { PagesPanel } from './pages/pages-panel.js';
import { ARTIFACTS_DIR } from './pages/pdf.js';
import { loadSample, sampleFrame, trimSizePt } from './pages/sample.js';
import { StylesPanel } from './pages/styles.js';

const sample = loadSample();
const trim = trimSizePt(sample);

// One window for the file; each test reopens the sample (fonts stay loaded).
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

/** A copyfit as the story list shows it (`−16 lines`, `fits`, `+4 lines`) as a signed line count. */
function copyfitLines(text: string): number {
  if (text === 'fits') return 0;
  const n = Number(text.replace(/[^\d]/g, ''));
  return text.startsWith('+') ? n : -n;
}

/** The copyfit the story list shows for a story (e.g. `−16 lines`, `fits`, `+4 lines`). */
async function storyCopyfit(page: Page, name: RegExp): Promise<string> {
  const label = (await page.getByRole('navigation', { name: 'Pages and stories' }).getByRole('button', { name }).getAttribute('aria-label')) ?? '';
  return /copyfit (.+)$/.exec(label)?.[1] ?? '';
}

test('Styles panel: a larger body size reflows every story on the page; Ctrl+Z restores', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const styles = new StylesPanel(page);
  await styles.chooseParagraphStyle('paragraph');
  await expect(styles.size).toHaveValue('小五');
  await expect(styles.sizeInPoints).toHaveText('9 pt (小五)');
  await expect(styles.usage).toContainText(/\d+ blocks in \d+ stories/);

  const lead = /^Story .*停不下来/;
  const livelihood = /^Story .*民生/;
  const leadBefore = await storyCopyfit(page, lead);
  const livelihoodBefore = await storyCopyfit(page, livelihood);
  const version = await canvas.layoutVersion();
  await styles.setSize('9.5');
  await canvas.waitForComposeAfter(version);
  await expect(styles.sizeInPoints).toHaveText('9.5 pt');
  // Fewer characters per line: the lead needs more lines, and a story that fitted runs over.
  await expect.poll(() => storyCopyfit(page, lead)).not.toBe(leadBefore);
  expect(copyfitLines(await storyCopyfit(page, lead))).toBeGreaterThan(copyfitLines(leadBefore));
  await expect.poll(() => storyCopyfit(page, livelihood)).toMatch(/^\+\d+ lines?$/);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-styles-body-9.5pt.png') });

  // Undo on the page (the whole document's history) puts the style and the layout back.
  await canvas.clickAt(5, 5);
  await canvas.surface.press('Control+z');
  await expect(styles.size).toHaveValue('小五');
  await expect.poll(() => storyCopyfit(page, lead)).toBe(leadBefore);
  await expect.poll(() => storyCopyfit(page, livelihood)).toBe(livelihoodBefore);
  await canvas.surface.press('Control+Shift+z');
  await expect(styles.size).toHaveValue('9.5');
});

test('Styles panel: a 号 size, indent and alignment; apply a style to the current block', async () => {
  const page = shared;
  await app.reopenSample();
  const styles = new StylesPanel(page);
  await styles.chooseParagraphStyle('headline');
  await styles.setSize('一号');
  await expect(styles.sizeInPoints).toHaveText('26 pt (一号)');
  await styles.setSize('大大');
  await expect(app.message).toContainText('Unknown type size');
  await expect(styles.size).toHaveValue('一号');

  await styles.chooseParagraphStyle('paragraph');
  await styles.field('First-line indent (em)').fill('1');
  await styles.field('First-line indent (em)').press('Enter');
  await expect(styles.field('First-line indent (em)')).toHaveValue('1');
  await styles.panel.getByRole('combobox', { name: 'Alignment' }).selectOption('left');
  await expect(styles.panel.getByRole('combobox', { name: 'Alignment' })).toHaveValue('left');

  // Apply: the lead's headline becomes the secondary headline style in the editor.
  await page.getByRole('navigation', { name: 'Pages and stories' }).getByRole('button', { name: /停不下来/ }).click();
  const textbox = page.getByRole('textbox', { name: 'Story text' });
  await textbox.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await styles.chooseParagraphStyle('headline2');
  await styles.button('Apply to current block').click();
  await expect(textbox.locator('h1.pm-headline[data-style="headline2"]')).toHaveCount(1);
});

test('Pages panel: add inner pages, thread onto page 3, reorder (jump lines follow), delete, undo', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const pages = new PagesPanel(page);
  expect(await pages.names()).toEqual(['A01']);

  await pages.addPage(/Broadsheet inner page/);
  await pages.pageButton('A01').click();
  await pages.addPage(/Broadsheet inner page/);
  expect(await pages.names()).toEqual(['A01', 'A02', 'A03']);
  await expect(app.status.getByLabel('Page')).toHaveText('Page A02 (2/3)');
  await pages.pageButton('A03').click();
  await expect(app.status.getByLabel('Page')).toHaveText('Page A03 (3/3)');
  // Each inner page brings its own page-header story.
  await expect(page.getByRole('navigation', { name: 'Pages and stories' }).getByRole('button', { name: /报眉 Page header/ })).toHaveCount(2);

  // A text frame on A03 continues the lead, whose last frame on A01 is made short.
  await app.button('Add text frame').click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const newFrame = ((await inspector.locator('code').first().textContent()) ?? '').trim();
  await pages.pageButton('A01').click();
  const lead3 = sampleFrame(sample, 'lead-3');
  await canvas.clickAt(lead3.xPt + 20, lead3.yPt + 20);
  await expect(inspector).toContainText('lead-3');
  await inspector.getByRole('spinbutton', { name: 'Height (mm)' }).fill('40');
  await inspector.getByRole('spinbutton', { name: 'Height (mm)' }).press('Enter');
  await inspector.getByRole('combobox', { name: 'Continues in' }).selectOption({ label: `A03 · ${newFrame}` });
  await expect(pages.jumpLines('A01')).toHaveText('下转第3版');
  await expect(pages.jumpLines('A03')).toHaveText('上接第1版');

  // Move A03 up: it becomes A02 and the jump lines say so.
  await pages.button('Move page A03 up').click();
  expect(await pages.names()).toEqual(['A01', 'A02', 'A03']);
  await expect(pages.jumpLines('A01')).toHaveText('下转第2版');
  await expect(pages.jumpLines('A02')).toHaveText('上接第1版');
  await expect(pages.jumpLines('A03')).toHaveCount(0);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-pages-reordered.png') });

  // Keyboard: Alt+↓ on the focused page moves it back down.
  await pages.pageButton('A02').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(pages.jumpLines('A01')).toHaveText('下转第3版');
  await expect(pages.pageButton('A03')).toBeFocused();

  // Delete the page the lead continues on: its frame goes, the story stays listed, no jump line remains.
  await pages.button('Delete page A03').click();
  expect(await pages.names()).toEqual(['A01', 'A02']);
  await expect(pages.jumpLines('A01')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Pages and stories' }).getByRole('button', { name: /停不下来/ })).toBeVisible();

  // Undo brings the page (and the jump) back.
  await canvas.surface.press('Control+z');
  expect(await pages.names()).toEqual(['A01', 'A02', 'A03']);
  await expect(pages.jumpLines('A01')).toHaveText('下转第3版');
});
