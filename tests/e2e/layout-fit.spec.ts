/**
 * The window fits a 1366×768 laptop and up (issue 14 item 3): at 1366×768, 1440×900 and 1920×1080, with a
 * document full of preflight findings, comments and tracked changes, the page never scrolls sideways, every
 * toolbar control is inside the window, a long title is cut with a tooltip, and the story editor keeps room for
 * at least ten lines of text — also while typing. Screenshots of each size go to the artifacts folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { packFolio, unpackFolio } from '../../src-core/model/folio-file.js';
import type { FolioDocument, Frame } from '../../src-core/model/document.js';
import { FolioApp } from './pages/app.js';
import { StoryEditor } from './pages/editor.js';
import { ARTIFACTS_DIR } from './pages/pdf.js';
import { SAMPLE_PATH } from './pages/sample.js';

/** The window sizes the newsroom has: the laptop, the common desktop, full HD. */
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;
/** Comments and tracked changes the busy document holds (a proofread front page). */
const REVIEW_ITEMS = 14;
/** Empty picture frames added: each is a preflight warning. */
const EMPTY_FRAMES = 12;
/** The story editor must show at least this many lines of text. */
const MIN_EDITOR_LINES = 10;
const FILE_NAME = 'layout-fit-busy.folio';

type PmJson = { type: string; text?: string; marks?: { type: string; attrs: Record<string, unknown> }[]; content?: PmJson[] };

/**
 * The sample made busy: comments on the lead story's text nodes, tracked insertions in the feature story (all
 * unsigned), a dozen empty picture frames, and a long title.
 */
function busyDocument(doc: FolioDocument): FolioDocument {
  const createdAt = '2026-12-06T06:05:00.000Z';
  // Marks the text nodes of `storyIds` in turn, until `REVIEW_ITEMS` carry one.
  const markStories = (stories: FolioDocument['stories'], storyIds: readonly string[], make: (i: number) => { type: string; attrs: Record<string, unknown> }): FolioDocument['stories'] => {
    let i = 0;
    const visit = (node: PmJson): PmJson => {
      if (node.type === 'text' && i < REVIEW_ITEMS && (node.text ?? '').length > 4) return { ...node, marks: [...(node.marks ?? []), make(i++)] };
      return node.content ? { ...node, content: node.content.map(visit) } : node;
    };
    const out = { ...stories };
    for (const id of storyIds) {
      const story = out[id]!;
      out[id] = { ...story, doc: visit(story.doc as PmJson) as typeof story.doc };
    }
    if (i < REVIEW_ITEMS) throw new RangeError(`The sample has room for ${i} review marks, not ${REVIEW_ITEMS}: change the stories marked.`);
    return out;
  };
  let stories = markStories(doc.stories, ['lead', 'livelihood', 'bikes', 'leidian'], (i) => ({ type: 'comment', attrs: { id: `fit-comment-${i}`, author: '', text: `第${i + 1}处：请核实数字和人名。`, createdAt, resolved: false } }));
  stories = markStories(stories, ['feature', 'livelihood', 'bikes', 'leidian'], (i) => ({ type: 'insertion', attrs: { id: `fit-change-${i}`, author: '', createdAt } }));
  const page = doc.pages[0]!;
  const empty: Frame[] = Array.from({ length: EMPTY_FRAMES }, (_, i) => ({
    id: `fit-empty-${i}`, kind: 'image', xPt: 60 + (i % 6) * 60, yPt: 700 + Math.floor(i / 6) * 60, widthPt: 50, heightPt: 50, locked: false,
    fit: 'fill', offsetXPt: 0, offsetYPt: 0, scale: 1,
  }) as Frame);
  return {
    ...doc,
    title: '德清新闻 2026年12月6日 第A01版 头版 —— 城乡一体化、共同富裕、乡村振兴专题报道（校样，第三次修改稿，请各位编辑注意核对）',
    stories,
    pages: [{ ...page, frames: [...page.frames, ...empty] }, ...doc.pages.slice(1)],
  };
}

async function openBusyDocument(page: Page): Promise<void> {
  const workspace = process.env.FOLIO_E2E_WORKSPACE;
  if (!workspace) throw new RangeError('FOLIO_E2E_WORKSPACE is not set: run the tests through playwright.config.ts.');
  const sample = unpackFolio(new Uint8Array(readFileSync(SAMPLE_PATH)));
  writeFileSync(path.join(workspace, FILE_NAME), packFolio(busyDocument(sample.document), sample.assets));
  const app = new FolioApp(page);
  await app.open();
  await app.button('Open…').click();
  const dialog = page.getByRole('dialog', { name: 'Open or create' });
  await dialog.getByRole('button', { name: `Open ${FILE_NAME}` }).click();
  await expect(dialog).toBeHidden();
  await expect(app.message).toContainText(new RegExp(`Opened .*${FILE_NAME.replace(/\./g, "\\.")}`), { timeout: 60_000 });
}

/** What overflows sideways: the document's scroll width against the window, and toolbar controls outside it. */
async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; outside: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    const toolbar = document.querySelector('[role="toolbar"]');
    const controls = toolbar ? [...toolbar.querySelectorAll<HTMLElement>('button, select, input, [role="button"]')] : [];
    const outside = controls
      .filter((el) => el.offsetParent !== null)
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.left < 0 || box.right > width + 0.5 || box.top < 0 || box.bottom > window.innerHeight;
      })
      .map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName);
    return { scrollWidth: root.scrollWidth, clientWidth: width, outside };
  });
}

/** The story editor's text area height in lines of its text. */
async function editorLines(page: Page): Promise<number> {
  return page.locator('.galley').evaluate((el) => {
    const lineHeightPx = parseFloat(getComputedStyle(el).lineHeight);
    const style = getComputedStyle(el);
    const contentPx = el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    return contentPx / lineHeightPx;
  });
}

for (const size of SIZES) {
  test(`fits ${size.width}×${size.height}: no sideways scrolling, the whole toolbar, a story editor of ten lines`, async ({ page }) => {
    await page.setViewportSize(size);
    await openBusyDocument(page);
    const app = new FolioApp(page);

    // The busy document is really busy: findings, comments and changes are all listed.
    await expect(page.getByRole('region', { name: 'Comments' }).getByRole('listitem')).toHaveCount(REVIEW_ITEMS);
    await expect(page.getByRole('region', { name: 'Tracked changes' }).getByRole('listitem')).toHaveCount(REVIEW_ITEMS);
    expect(await page.getByRole('region', { name: 'Preflight' }).getByRole('listitem').count()).toBeGreaterThanOrEqual(EMPTY_FRAMES + REVIEW_ITEMS);

    // The long title is cut, and the whole of it is in the tooltip.
    const title = app.toolbar.locator('.title');
    await expect(title).toHaveAttribute('title', /乡村振兴专题报道/);
    expect(await title.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

    const editor = new StoryEditor(page);
    await editor.openFromList(/停不下来/);
    expect(await editorLines(page)).toBeGreaterThanOrEqual(MIN_EDITOR_LINES);
    const overflow = await horizontalOverflow(page);
    expect(overflow.outside).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `e2e-layout-fit-${size.width}x${size.height}.png`) });

    // Typing a long unbroken line never scrolls the window sideways.
    await editor.caretToEnd();
    await editor.type('ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(8));
    await expect(app.documentState).toHaveText('● Unsaved changes');
    const afterTyping = await horizontalOverflow(page);
    expect(afterTyping.scrollWidth).toBeLessThanOrEqual(afterTyping.clientWidth);
    expect(await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollLeft)).toBe(0);
    expect(await editorLines(page)).toBeGreaterThanOrEqual(MIN_EDITOR_LINES);
  });
}

test('the panels resize and collapse with their splitters, by keyboard and by mouse, and keep it after a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const app = new FolioApp(page);
  await app.open();
  const left = page.getByRole('separator', { name: 'Width of the pages and stories panel' });
  const right = page.getByRole('separator', { name: 'Width of the inspector and story editor' });
  const review = page.getByRole('separator', { name: 'Height of the inspector and review panels above the story editor' });
  const stories = page.getByRole('navigation', { name: 'Pages and stories' });
  const widthOf = (selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().width);

  // Enter collapses the left column (the page gets its room) and restores it.
  const centreBefore = await widthOf('main.centre');
  await left.focus();
  await page.keyboard.press('Enter');
  await expect(stories).toBeHidden();
  expect(await widthOf('main.centre')).toBeGreaterThan(centreBefore + 200);
  await page.keyboard.press('Enter');
  await expect(stories).toBeVisible();

  // Arrow keys widen the right column (its bar moves left); never so far that the page loses its room.
  const rightBefore = await widthOf('#right-column');
  await right.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => widthOf('#right-column')).toBe(rightBefore + 16);
  await page.keyboard.press('Home');
  await expect(right).toHaveAttribute('aria-valuenow', '300');
  for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowLeft');
  expect(await widthOf('main.centre')).toBeGreaterThanOrEqual(360);
  expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(1366);

  // Dragging the bar above the story editor sets the review panels' height; the editor keeps ten lines.
  const bar = await review.boundingBox();
  await page.mouse.move(bar!.x + bar!.width / 2, bar!.y + 2);
  await page.mouse.down();
  await page.mouse.move(bar!.x + bar!.width / 2, bar!.y - 120, { steps: 4 });
  await page.mouse.up();
  const height = Number(await review.getAttribute('aria-valuenow'));
  expect(height).toBeGreaterThan(50);
  expect(await editorLines(page)).toBeGreaterThanOrEqual(MIN_EDITOR_LINES);

  // The layout is the user's: a reload keeps it.
  const rightWidth = await widthOf('#right-column');
  await page.reload();
  await expect(page.getByTestId('page-content')).toHaveAttribute('data-layout-version', /^[1-9]\d*$/, { timeout: 60_000 });
  expect(await widthOf('#right-column')).toBe(rightWidth);
  await expect(review).toHaveAttribute('aria-valuenow', String(height));
});
