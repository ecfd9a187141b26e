/**
 * The layout workflow around the page: the Styles panel (edit the body style, see the page reflow, undo), the
 * Pages panel (add inner pages from a template, thread a story onto one, reorder and see the jump lines
 * follow, delete, undo), find & replace in the story editor, the shortcuts sheet and the rulers.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { openSharedWindow, type FolioApp } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { PagesPanel } from './pages/pages-panel.js';
import { ARTIFACTS_DIR } from './pages/pdf.js';
import { loadSample, sampleFrame, trimSizePt } from './pages/sample.js';
import { StoryEditor } from './pages/editor.js';
import { FindPanel } from './pages/find.js';
import { StylesPanel } from './pages/styles.js';
import { pxPerMmAt } from '../../src-renderer/page/rulers.js';
import { SHORTCUT_TABLES } from '../../src-renderer/state/shortcuts.js';
import { createTranslator } from '../../src-core/i18n/translator.js';

/** The suite runs in English (playwright.config.ts): names built from message keys are the English ones. */
const english = createTranslator('en');

const sample = loadSample();
const trim = trimSizePt(sample);

// One window for the file; each test reopens the sample (fonts stay loaded).
test.describe.configure({ mode: 'serial' });
let shared: Page;
let app: FolioApp;
test.beforeAll(async ({ browser }) => {
  ({ page: shared, app } = await openSharedWindow(browser));
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

/** The copyfit of every story the story list shows a copyfit for, by story name, as signed line counts. */
async function copyfits(page: Page): Promise<Map<string, number>> {
  const labels = await page.getByRole('navigation', { name: 'Pages and stories' }).getByRole('button', { name: /^Story / }).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  const out = new Map<string, number>();
  for (const label of labels) {
    const m = /^Story (.+), (.+) copyfit$/.exec(label);
    if (m) out.set(m[1], copyfitLines(m[2]));
  }
  return out;
}

/** Sample stories set in the body style (正文), and stories set in other styles only. */
const BODY_STORIES = [/停不下来/, /民生账单/, /模具/, /自行车/, /雷甸/];
const OTHER_STORIES = [/报头/, /浙里办/];

function pick(fits: Map<string, number>, name: RegExp): number {
  const key = [...fits.keys()].find((k) => name.test(k));
  if (key === undefined) throw new RangeError(`No story matching ${name} in the story list.`);
  return fits.get(key)!;
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

  const before = await copyfits(page);
  const version = await canvas.layoutVersion();
  await styles.setSize('9.5');
  await canvas.waitForComposeAfter(version);
  await expect(styles.sizeInPoints).toHaveText('9.5 pt');
  // Fewer characters per line: the body stories need more lines (none fewer); stories in other styles are unchanged.
  await expect.poll(async () => pick(await copyfits(page), BODY_STORIES[0])).toBeGreaterThan(pick(before, BODY_STORIES[0]));
  const after = await copyfits(page);
  const sum = (fits: Map<string, number>) => BODY_STORIES.reduce((n, name) => n + pick(fits, name), 0);
  expect(sum(after)).toBeGreaterThan(sum(before) + BODY_STORIES.length);
  for (const name of BODY_STORIES) expect(pick(after, name), `${name}`).toBeGreaterThanOrEqual(pick(before, name));
  for (const name of OTHER_STORIES) expect(pick(after, name), `${name}`).toBe(pick(before, name));
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-styles-body-9.5pt.png') });

  // Undo on the page (the whole document's history) puts the style and the layout back.
  await canvas.clickAt(5, 5);
  await canvas.surface.press('Control+z');
  await expect(styles.size).toHaveValue('小五');
  await expect.poll(async () => [...(await copyfits(page)).entries()]).toEqual([...before.entries()]);
  // Redo from the Styles panel itself: focus on a list, not in a text field, so Ctrl+Shift+Z is the document's.
  await styles.paragraphStyles.focus();
  await page.keyboard.press('Control+Shift+z');
  await expect(styles.size).toHaveValue('9.5');
  await page.keyboard.press('Control+z');
  await expect(styles.size).toHaveValue('小五');
});

test('Styles panel: a user font from the workspace fonts folder sets a style (loaded on demand); its missing Chinese glyphs are preflight errors; Ctrl+Z restores', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const styles = new StylesPanel(page);
  const preflight = page.getByRole('region', { name: 'Preflight' });
  await styles.chooseParagraphStyle('kicker');
  const font = styles.panel.getByRole('combobox', { name: 'Font' });
  // Every installed font is offered, the user's Liberation Serif (fonts folder) too, though the page does not use it yet.
  await expect(font.locator('option', { hasText: 'Liberation Serif 400' })).toHaveCount(1);
  await expect(preflight).not.toContainText('Liberation Serif');
  const version = await canvas.layoutVersion();
  await font.selectOption({ label: 'Liberation Serif 400' });
  await canvas.waitForComposeAfter(version);
  // The kicker “八八战略”在德清 is Chinese: a Latin font has no glyphs for it, and preflight says so (no tofu reaches the press).
  await expect(preflight.getByRole('button', { name: /error: .*Liberation Serif/ }).first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-styles-user-font.png') });
  await styles.paragraphStyles.focus();
  await page.keyboard.press('Control+z');
  await expect(font).toHaveValue('Noto Sans SC|700');
  await expect(preflight).not.toContainText('Liberation Serif');
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

  // Font: the headline in a bold sans instead of the black serif is drawn differently (ink changes).
  const head = sampleFrame(sample, 'lead-head');
  const headRect = { xPt: head.xPt, yPt: head.yPt, widthPt: head.widthPt, heightPt: head.heightPt };
  const canvas = new PageCanvas(page, trim.widthPt);
  await styles.chooseParagraphStyle('headline');
  const inkBefore = await canvas.inkFraction(headRect);
  await styles.panel.getByRole('combobox', { name: 'Font' }).selectOption('Noto Sans SC|700');
  await expect(styles.panel.getByRole('combobox', { name: 'Font' })).toHaveValue('Noto Sans SC|700');
  await expect.poll(async () => Math.abs((await canvas.inkFraction(headRect)) - inkBefore) / inkBefore).toBeGreaterThan(0.05);

  // Apply: the lead's headline becomes the secondary headline style in the editor.
  const editor = new StoryEditor(page);
  await editor.openFromList(/停不下来/);
  await editor.caretToStart();
  await page.keyboard.press('ArrowDown');
  // The panel names the current block's style and jumps to it.
  await expect(styles.panel).toContainText('Current block: 主题 Headline');
  await styles.chooseParagraphStyle('paragraph');
  await styles.button('Edit its style').click();
  await expect(styles.paragraphStyles).toHaveValue('headline');
  await styles.chooseParagraphStyle('headline2');
  await styles.button('Apply to current block').click();
  await expect(editor.textbox.locator('h1.pm-headline[data-style="headline2"]')).toHaveCount(1);
  await expect(styles.panel).toContainText('Current block: 主题·二 Headline (secondary)');
  await styles.panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-styles-panel.png') });
});

test('Pages panel: add inner pages, thread onto page 3, reorder (jump lines follow), delete, undo', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const pages = new PagesPanel(page);
  await expect.poll(() => pages.names()).toEqual(['A01']);

  // A tabloid page cannot join a broadsheet document.
  await pages.template.selectOption({ label: '四开 Tabloid' });
  await pages.button('Add page').click();
  await expect(app.message).toContainText('275 × 390 mm');
  await expect.poll(() => pages.names()).toEqual(['A01']);

  await pages.addPage(/Broadsheet inner page/);
  await pages.pageButton('A01').click();
  await pages.addPage(/Broadsheet inner page/);
  await expect.poll(() => pages.names()).toEqual(['A01', 'A02', 'A03']);
  await expect(app.status.getByLabel('Page')).toHaveText('Page A02 (2/3)');
  await pages.pageButton('A03').click();
  await expect(app.status.getByLabel('Page')).toHaveText('Page A03 (3/3)');
  // Each inner page brings its own page-header story: page furniture, set on the page, not listed (issue 14).
  await expect(page.getByRole('region', { name: /^Text of page A0[23]$/ }).locator('[data-story-id^="page-header"]')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Pages and stories' }).getByRole('button', { name: /报眉 Page header/ })).toHaveCount(0);

  // A text frame on A03 continues the lead, whose last frame on A01 is made short.
  await app.button('Add text frame').click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const newFrame = ((await inspector.locator('code').first().textContent()) ?? '').trim();
  await pages.pageButton('A01').click();
  const leadLast = sampleFrame(sample, 'lead-2');
  await canvas.clickAt(leadLast.xPt + 20, leadLast.yPt + 20);
  await expect(inspector).toContainText('lead-2');
  await inspector.getByRole('spinbutton', { name: 'Height (mm)' }).fill('40');
  await inspector.getByRole('spinbutton', { name: 'Height (mm)' }).press('Enter');
  await inspector.getByRole('combobox', { name: 'Continues in' }).selectOption({ label: `A03 · ${newFrame}` });
  await expect(pages.jumpLines('A01')).toHaveText('下转第3版');
  await expect(pages.jumpLines('A03')).toHaveText('上接第1版');

  // Move A03 up: it becomes A02 and the jump lines say so.
  await pages.button('Move page A03 up').click();
  await expect.poll(() => pages.names()).toEqual(['A01', 'A02', 'A03']);
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
  await expect.poll(() => pages.names()).toEqual(['A01', 'A02']);
  await expect(pages.jumpLines('A01')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Pages and stories' }).getByRole('button', { name: /停不下来/ })).toBeVisible();

  // Undo brings the page (and the jump) back.
  await canvas.surface.press('Control+z');
  await expect.poll(() => pages.names()).toEqual(['A01', 'A02', 'A03']);
  await expect(pages.jumpLines('A01')).toHaveText('下转第3版');

  // Drag: the continuation page dropped on A02 becomes A02.
  await pages.dragPageOnto('A03', 'A02', async () => (await pages.jumpLines('A01').textContent())?.replace(/\s+/g, '') === '下转第2版');
  await expect(pages.jumpLines('A01')).toHaveText('下转第2版');
  await expect(pages.jumpLines('A02')).toHaveText('上接第1版');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-pages-dragged.png') });
});

test('Find & replace: Ctrl+F finds next/previous, Replace and Replace all (one undo), all stories, normalise', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const editor = new StoryEditor(page);
  const find = new FindPanel(page);
  await editor.openFromList(/停不下来/);
  await editor.caretToStart();

  await page.keyboard.press('Control+f');
  await expect(find.query).toBeFocused();
  await page.keyboard.type('改革');
  await expect(find.result).toHaveText(/^\d+ matches$/);
  const total = Number(/^(\d+)/.exec((await find.result.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(3);
  await page.keyboard.press('Enter');
  await expect(find.result).toHaveText(`1 of ${total}`);
  await page.keyboard.press('Enter');
  await expect(find.result).toHaveText(`2 of ${total}`);
  await page.keyboard.press('Shift+Enter');
  await expect(find.result).toHaveText(`1 of ${total}`);
  // The match is the editor's selection (two characters), which the status bar reports.
  await expect(app.status.getByLabel('Selection')).toHaveText(/· 2 selected$/);

  // Ctrl+H: replace the selected match, then all the rest in one step.
  await page.keyboard.press('Control+h');
  await expect(find.replacement).toBeFocused();
  await page.keyboard.type('鼎革');
  await find.button('Replace').click();
  await expect(editor.textbox).toContainText('鼎革');
  await expect(find.result).toHaveText(`1 of ${total - 1}`);
  const version = await canvas.layoutVersion();
  await find.button('Replace all').click();
  await expect(find.result).toHaveText(`Replaced ${total - 1} in 1 story.`);
  await expect(editor.textbox).not.toContainText('改革');
  await canvas.waitForComposeAfter(version);
  await expect(canvas.textLayer).toContainText('鼎革,一直以来');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-find-replace.png') });

  // One Ctrl+Z on the page takes back Replace all; the next the single Replace.
  await canvas.clickAt(5, 5);
  await canvas.surface.press('Control+z');
  await expect(canvas.textLayer).toContainText('改革,一直以来');
  await expect(editor.textbox).toContainText('鼎革');
  await canvas.surface.press('Control+z');
  await expect(editor.textbox).not.toContainText('鼎革');

  // All stories: 德清 is in several stories; one Ctrl+Z takes the whole replacement back.
  await page.keyboard.press('Control+h');
  await find.scope.selectOption('all');
  await find.query.fill('德清');
  await find.replacement.fill('德清市');
  await find.button('Replace all').click();
  await expect(find.result).toHaveText(/^Replaced \d+ in [2-9]\d* stories\.$/);
  await expect(canvas.frameText('lead-1')).toContainText('德清市');
  await expect(canvas.frameText('bikes')).toContainText('德清市');
  await canvas.clickAt(5, 5);
  await canvas.surface.press('Control+z');
  await expect(canvas.textLayer).not.toContainText('德清市');
  await canvas.surface.press('Control+Shift+z');
  await expect(canvas.frameText('bikes')).toContainText('德清市');
  await canvas.surface.press('Control+z');
  await expect(canvas.textLayer).not.toContainText('德清市');

  // Find next in all stories runs on from the lead into the next story that has a match.
  await page.keyboard.press('Control+f');
  await expect(find.query).toHaveValue('德清');
  await page.keyboard.press('Enter');
  await expect(find.result).toHaveText(/ of \d+ in /);
  const firstStory = /in (.+)$/.exec((await find.result.textContent()) ?? '')?.[1];
  let story = firstStory;
  for (let i = 0; i < 60 && story === firstStory; i++) {
    await page.keyboard.press('Enter');
    story = /in (.+)$/.exec((await find.result.textContent()) ?? '')?.[1];
  }
  expect(story).not.toBe(firstStory);
  await expect(find.result).toHaveText(new RegExp(`^1 of \\d+ in `));
  await expect(editor.panel.getByRole('heading', { level: 2 })).toHaveText(story ?? '');

  // The normaliser is reachable from the find panel too.
  await editor.textbox.click();
  await page.keyboard.press('Control+End');
  await editor.type('好(是的),对');
  await page.keyboard.press('Control+f');
  await find.scope.selectOption('story');
  await find.button('Normalise ASCII punctuation').click();
  await expect(editor.textbox).toContainText('好（是的），对');
  await page.keyboard.press('Escape');
  await expect(find.panel).toBeHidden();
  await expect(editor.textbox).toBeFocused();
});

test('Help ▸ Shortcuts: F1, Ctrl+/ and the Help button open a sheet generated from the keymap tables', async () => {
  const page = shared;
  await app.reopenSample();
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await page.keyboard.press('F1');
  await expect(sheet).toBeVisible();
  for (const table of SHORTCUT_TABLES) {
    const rows = sheet.getByRole('table', { name: english.t('shortcuts.table', { scope: english.t(table.title) }) }).getByRole('row');
    await expect(rows).toHaveCount(table.shortcuts.length);
  }
  await expect(sheet.getByRole('row', { name: /^Save Ctrl\+S$/ })).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Find and replace Ctrl\+H/ })).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Block type 主题 Headline/ })).toContainText('Ctrl+Alt+1');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-shortcuts-sheet.png') });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await page.keyboard.press('Control+/');
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();
  await app.button('Help: keyboard shortcuts').click();
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
});

test('Rulers in mm follow zoom and scroll, and toggle with the guides', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const top = page.getByTestId('ruler-top');
  const left = page.getByTestId('ruler-left');
  if (await top.isVisible()) await app.button('Guides').click();
  await expect(top).toBeHidden();
  await app.button('Guides').click();
  await expect(top).toBeVisible();
  await expect(left).toBeVisible();

  await app.button('100 %').click();
  await expect(top).toHaveAttribute('data-px-per-mm', pxPerMmAt(1).toFixed(4));
  // The ruler's zero is the trim's left edge, wherever the page is on screen.
  const origin = async () => Number(await top.getAttribute('data-origin-px'));
  const pageLeft = async () => {
    const [p, r] = await Promise.all([canvas.content.boundingBox(), top.boundingBox()]);
    return p!.x - r!.x;
  };
  await expect.poll(async () => Math.abs((await origin()) - (await pageLeft()))).toBeLessThan(1);

  // Pan: scrolling the pasteboard moves the zero with the page.
  const before = await origin();
  await canvas.content.evaluate((c) => {
    const viewport = c.closest('.viewport')!;
    viewport.scrollLeft += 150;
  });
  await expect.poll(origin).toBeCloseTo(before - 150, 0);
  await expect.poll(async () => Math.abs((await origin()) - (await pageLeft()))).toBeLessThan(1);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-rulers-100.png') });

  // Zoom: a larger scale, labels further apart.
  await app.button('Zoom in').click();
  await expect(top).toHaveAttribute('data-px-per-mm', pxPerMmAt(1.2).toFixed(4));
  await app.button('Fit page').click();
  await expect.poll(async () => Number(await top.getAttribute('data-px-per-mm'))).toBeLessThan(pxPerMmAt(1));
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-rulers-fit.png') });
  await page.keyboard.press("Control+'");
  await expect(top).toBeHidden();
});
