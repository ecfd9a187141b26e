/**
 * Navigation at issue scale (issue 14 item 7), on the generated 32-page issue (tests/fixtures/issue-32.ts)
 * opened through the Open dialog: the Pages panel as a grid of spreads with its zoom control, Go to page
 * (Ctrl+G) by name or number, the story list grouped by page and filtered by name without page headers, and a
 * page deletion taken back from its notice or with Ctrl+Z.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ISSUE_FILE_NAME, writeIssueFile } from '../bench/issue-file.js';
import { useSharedWindow } from './pages/app.js';
import { PagesPanel } from './pages/pages-panel.js';
import { ARTIFACTS_DIR } from './pages/pdf.js';

const windowOf = useSharedWindow();
/** Opening 32 pages (compose included) on a loaded 2-core machine. */
const ISSUE_OPEN_TIMEOUT_MS = 120_000;

const workspace = process.env.FOLIO_E2E_WORKSPACE;
if (!workspace) throw new RangeError('FOLIO_E2E_WORKSPACE is not set: run the tests through playwright.config.ts (global setup).');
const issue = writeIssueFile(workspace);

/** Top-left corner of page `name`'s entry in the grid, CSS pixels. */
async function cornerOf(pages: PagesPanel, name: string): Promise<{ x: number; y: number }> {
  const box = await pages.item(name).boundingBox();
  if (!box) throw new RangeError(`Page ${name} is not shown in the Pages panel`);
  return { x: box.x, y: box.y };
}

/** A pattern matching the accessible name of story `name`'s entry (names hold brackets and other pattern characters). */
const storyName = (name: string) => new RegExp(`^Story ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

const statusPage = (page: Page) => page.getByRole('contentinfo', { name: 'Status' }).getByLabel('Page');

test('the issue opens with its 32 pages as a grid of spreads; the zoom control sets spreads per row', async () => {
  test.setTimeout(ISSUE_OPEN_TIMEOUT_MS + 60_000);
  const page = windowOf.page();
  const content = page.getByTestId('page-content');
  const generation = Number(await content.getAttribute('data-document-generation'));
  await page.keyboard.press('Control+o');
  await page.getByRole('dialog', { name: 'Open or create' }).getByRole('button', { name: `Open ${ISSUE_FILE_NAME}` }).click();
  await expect.poll(async () => Number(await content.getAttribute('data-document-generation')), { timeout: ISSUE_OPEN_TIMEOUT_MS }).toBeGreaterThan(generation);

  const pages = new PagesPanel(page);
  await expect.poll(() => pages.names()).toEqual(issue.pages.map((p) => p.name));
  // Two spreads to a row (the default): A01 alone on the right of the first spread, A02|A03 beside it.
  const a01 = await cornerOf(pages, 'A01');
  const a02 = await cornerOf(pages, 'A02');
  const a03 = await cornerOf(pages, 'A03');
  const a04 = await cornerOf(pages, 'A04');
  expect(a02.y).toBe(a01.y);
  expect(a03.y).toBe(a01.y);
  expect(a02.x).toBeGreaterThan(a01.x);
  expect(a03.x).toBeGreaterThan(a02.x);
  expect(a04.y).toBeGreaterThan(a01.y);
  // The front page sits in the right-hand column of its spread: A04 (a left-hand page) starts the next row left of it.
  expect(a04.x).toBeLessThan(a01.x);
  // Thumbnails are drawn (off the keystroke's path, so shortly after the pages appear).
  await expect.poll(() => pages.item('A20').locator('canvas').evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-navigation-grid-2.png') });

  // Four spreads to a row: A01 … A07 on the first row, smaller thumbnails.
  const thumbBefore = (await pages.item('A20').locator('canvas').boundingBox())!.width;
  await pages.panel.getByRole('slider', { name: 'Spreads per row' }).fill('4');
  await expect.poll(async () => (await cornerOf(pages, 'A07')).y).toBe((await cornerOf(pages, 'A01')).y);
  expect((await cornerOf(pages, 'A08')).y).toBeGreaterThan((await cornerOf(pages, 'A01')).y);
  await expect.poll(async () => (await pages.item('A20').locator('canvas').boundingBox())!.width).toBeLessThan(thumbBefore);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-navigation-grid-4.png') });
  await pages.panel.getByRole('slider', { name: 'Spreads per row' }).fill('2');
});

test('Ctrl+G goes to a page by name or number, and says which pages there are when it has none of that name', async () => {
  const page = windowOf.page();
  const pages = new PagesPanel(page);
  const dialog = page.getByRole('dialog', { name: 'Go to page' });
  const field = dialog.getByRole('textbox', { name: 'Page name or number' });

  await page.keyboard.press('Control+g');
  await expect(dialog).toBeVisible();
  await field.fill('a20');
  await field.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(statusPage(page)).toHaveText('Page A20 (20/32)');
  await expect(pages.pageButton('A20')).toHaveAttribute('aria-pressed', 'true');
  await expect(pages.pageButton('A20')).toBeFocused();

  await page.keyboard.press('Control+g');
  await field.fill('B99');
  await field.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('No page B99 in this issue: its pages run from A01 to A32.');
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-navigation-go-to.png') });
  await field.fill('5');
  await dialog.getByRole('button', { name: 'Go' }).click();
  await expect(statusPage(page)).toHaveText('Page A05 (5/32)');

  // Escape closes without moving.
  await page.keyboard.press('Control+g');
  await field.fill('A30');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(statusPage(page)).toHaveText('Page A05 (5/32)');
});

test('the story list is grouped by page, filtered by name, and leaves page headers out', async () => {
  const page = windowOf.page();
  const list = page.getByRole('navigation', { name: 'Pages and stories' });
  const a20 = list.getByRole('list', { name: 'Stories on page A20' });
  await expect(a20.getByRole('button')).toHaveCount(3);
  await expect(a20.getByRole('button').first()).toHaveAccessibleName(storyName(issue.stories['A20-lead']!.name));
  // Every inner page has a page header (报眉) story; none is listed.
  await expect(list.getByRole('button', { name: /报眉|Page header/ })).toHaveCount(0);
  await expect(list.getByRole('heading', { name: /Page A\d\d/ })).toHaveCount(32);

  const filter = list.getByRole('searchbox', { name: 'Filter stories by name' });
  const name = issue.stories['A20-lead']!.name;
  await filter.fill(name);
  const shown = await list.getByRole('button', { name: /^Story / }).evaluateAll((els) => els.map((el) => el.textContent ?? ''));
  expect(shown.length).toBeGreaterThan(0);
  for (const text of shown) expect(text).toContain(name);
  await expect(a20.getByRole('button', { name: storyName(name) })).toBeVisible();
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-navigation-story-filter.png') });

  await filter.fill('没有这个稿件');
  await expect(list.getByRole('button', { name: /^Story / })).toHaveCount(0);
  await expect(list).toContainText('No story name contains “没有这个稿件”.');
  await filter.fill('');
  await expect(list.getByRole('heading', { name: /Page A\d\d/ })).toHaveCount(32);

  // A page group's heading shows that page.
  await list.getByRole('button', { name: /^Page A12\b/ }).click();
  await expect(statusPage(page)).toHaveText('Page A12 (12/32)');
});

test('deleting a page offers Undo; the notice and Ctrl+Z both take it back through the document history', async () => {
  const page = windowOf.page();
  const pages = new PagesPanel(page);
  const list = page.getByRole('navigation', { name: 'Pages and stories' });
  const notice = page.getByRole('status').filter({ hasText: 'deleted' });
  const a05Lead = issue.stories['A05-lead']!.name;

  await pages.button('Delete page A05').click();
  await expect.poll(async () => (await pages.names()).length).toBe(31);
  await expect(notice).toHaveText(/Page A05 deleted\./);
  // The pages after it are renumbered; its stories are kept, now set on no page.
  await expect(list.getByRole('list', { name: 'Stories not on a page' }).getByRole('button', { name: storyName(a05Lead) })).toBeVisible();
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-navigation-deleted.png') });

  await notice.getByRole('button', { name: 'Undo deleting page A05' }).click();
  await expect.poll(() => pages.names()).toEqual(issue.pages.map((p) => p.name));
  await expect(list.getByRole('list', { name: 'Stories on page A05' }).getByRole('button', { name: storyName(a05Lead) })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'deleted' })).toHaveCount(0);

  // The same deletion undone with Ctrl+Z (focus on the Pages panel, not in text): the notice goes with it.
  await pages.button('Delete page A31').click();
  await expect.poll(async () => (await pages.names()).length).toBe(31);
  await expect(notice).toHaveText(/Page A31 deleted\./);
  await pages.pageButton('A02').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => pages.names()).toEqual(issue.pages.map((p) => p.name));
  await expect(page.getByRole('status').filter({ hasText: 'deleted' })).toHaveCount(0);
  await expect(pages.jumpLines('A31')).toContainText('上接第30版');
  await expect(pages.jumpLines('A31')).toContainText('下转第32版');
});
