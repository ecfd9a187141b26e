/**
 * Accessibility: axe-core on the main window with the sample open and on its dialogs (Open…, Keyboard shortcuts,
 * Save As, Go to page, Output profile, Place text, Place image, the export confirmation, Document in use), and
 * with a story open in the editor and Find and replace shown. Each must have no violation of impact serious or critical; on
 * failure the list (rule, impact, the first offending nodes) is printed in the assertion message. Also the keyboard
 * paths of issue 14 item 8: skip links, Escape from the story editor to the page, focus kept in a Styles field.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { startServer } from './global-setup.js';
import { FolioApp, WINDOW_VIEWPORT } from './pages/app.js';
import { StoryEditor } from './pages/editor.js';
import { FindPanel } from './pages/find.js';
import { ARTIFACTS_DIR } from './pages/pdf.js';
import { StylesPanel } from './pages/styles.js';

// axe finishes its run in a second page of the same context, which `browser.newPage()` (the shared-window helper)
// does not allow: this file opens its window through a context of its own.
test.describe.configure({ mode: 'serial' });
let window: { page: Page; app: FolioApp } | undefined;
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ viewport: WINDOW_VIEWPORT });
  const page = await context.newPage();
  const app = new FolioApp(page);
  await app.open();
  window = { page, app };
});
test.afterAll(async () => {
  await window?.page.context().close();
});
const shared = {
  page: (): Page => { if (!window) throw new RangeError('The window is opened before the first test.'); return window.page; },
  app: (): FolioApp => { if (!window) throw new RangeError('The window is opened before the first test.'); return window.app; },
};

/** The impacts the suite refuses: axe's two highest levels (moderate and minor are reported elsewhere). */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/** How many offending nodes of one rule the failure message shows (enough to find them, short enough to read). */
const NODES_SHOWN_PER_RULE = 5;

/** Runs axe on `include` (a CSS selector) or the whole page; returns the serious and critical violations, formatted. */
async function blockingViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ''))
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, NODES_SHOWN_PER_RULE).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`);
}

test('Tab from the start of the window reaches the skip links first, and each moves focus to its place', async () => {
  const page = shared.page();
  const skips = page.getByRole('navigation', { name: 'Skip links' });
  const names = ['Skip to the page', 'Skip to the stories', 'Skip to the inspector', 'Skip to the story editor'];
  // The window was just opened: nothing has focus, so Tab starts at the top of the document.
  for (const name of names) {
    await page.keyboard.press('Tab');
    await expect(skips.getByRole('link', { name, exact: true })).toBeFocused();
  }
  // A focused link is on screen (visually hidden only until focused).
  const box = await skips.getByRole('link', { name: names[3], exact: true }).boundingBox();
  expect(box && box.x >= 0 && box.y >= 0).toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-skip-link-focused.png'), clip: { x: 0, y: 0, width: 480, height: 120 } });

  const follow = async (name: string) => {
    await skips.getByRole('link', { name, exact: true }).focus();
    await page.keyboard.press('Enter');
  };
  await follow('Skip to the page');
  await expect(page.getByRole('application')).toBeFocused();
  await follow('Skip to the stories');
  await expect(page.getByRole('navigation', { name: 'Pages and stories' })).toBeFocused();
  await follow('Skip to the inspector');
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeFocused();
  await follow('Skip to the story editor');
  await expect(page.getByRole('region', { name: 'Story editor' })).toBeFocused();
  // With a story open, the link goes into its text.
  const editor = new StoryEditor(page);
  await editor.openFromList(/停不下来/);
  await follow('Skip to the story editor');
  await expect(editor.textbox).toBeFocused();
});

test('the main window with the sample open has no serious or critical axe violations', async () => {
  const found = await blockingViolations(shared.page());
  expect(found, found.join('\n')).toEqual([]);
});

test('the Open… dialog has no serious or critical axe violations', async () => {
  const page = shared.page();
  await shared.app().button('Open…').click();
  const dialog = page.getByRole('dialog', { name: 'Open or create' });
  await expect(dialog).toBeVisible();
  const found = await blockingViolations(page, '[role="dialog"], dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(found, found.join('\n')).toEqual([]);
});

test('the Keyboard shortcuts sheet has no serious or critical axe violations', async () => {
  const page = shared.page();
  await page.keyboard.press('F1');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  const found = await blockingViolations(page, '[role="dialog"], dialog');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  expect(found, found.join('\n')).toEqual([]);
});

test('the window with a story open in the editor and Find and replace open has no serious or critical axe violations', async () => {
  const page = shared.page();
  const find = new FindPanel(page);
  await new StoryEditor(page).openFromList(/停不下来/);
  await page.keyboard.press('Control+f');
  await expect(find.query).toBeFocused();
  const found = await blockingViolations(page);
  await page.keyboard.press('Escape');
  await expect(find.panel).toBeHidden();
  expect(found, found.join('\n')).toEqual([]);
});

test('Escape in the story editor returns focus to the page with the story’s frame selected (Enter edits it again)', async () => {
  const page = shared.page();
  await shared.app().reopenSample();
  const editor = new StoryEditor(page);
  const heading = page.getByRole('region', { name: 'Story editor' }).getByRole('heading', { level: 2 });
  await editor.openFromList(/停不下来/);
  await editor.textbox.click();
  await expect(editor.textbox).toBeFocused();
  const storyName = (await heading.textContent()) ?? '';
  await page.keyboard.press('Escape');
  const surface = page.getByRole('application');
  await expect(surface).toBeFocused();
  // Enter on the page edits the selected frame's story: the story's frame is what Escape left selected.
  await page.keyboard.press('Enter');
  await expect(editor.textbox).toBeFocused();
  await expect(heading).toHaveText(storyName);
});

test('a Styles-panel edit keeps focus in the field it was made in', async () => {
  const page = shared.page();
  await shared.app().reopenSample();
  const styles = new StylesPanel(page);
  await styles.chooseParagraphStyle('headline');
  const scaleX = styles.field('Horizontal scale (%)');
  await scaleX.fill('90');
  await scaleX.press('Enter');
  await expect(styles.field('Horizontal scale (%)')).toHaveValue('90');
  await expect(styles.field('Horizontal scale (%)')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('100');
  await page.keyboard.press('Enter');
  await expect(styles.field('Horizontal scale (%)')).toHaveValue('100');
  await expect(styles.field('Horizontal scale (%)')).toBeFocused();
});

/**
 * Opens a dialog with `open`, runs axe on it, closes it with `close` (Escape by default) and returns the serious and
 * critical violations. The dialog must be shown and gone again either way.
 */
async function dialogViolations(page: Page, dialog: Locator, open: () => Promise<void>, close?: () => Promise<void>): Promise<string[]> {
  await open();
  await expect(dialog).toBeVisible();
  const found = await blockingViolations(page, '[role="dialog"], dialog');
  if (close) await close();
  else await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  return found;
}

test('the Save As, Go to page and Output profile dialogs have no serious or critical axe violations', async () => {
  const page = shared.page();
  const app = shared.app();
  await app.reopenSample();
  const saveAs = page.getByRole('dialog', { name: 'Save document as' });
  const found = await dialogViolations(page, saveAs, () => app.button('Save As…').click(), () => saveAs.getByRole('button', { name: 'Cancel' }).click());
  found.push(...await dialogViolations(page, page.getByRole('dialog', { name: 'Go to page' }), () => page.keyboard.press('Control+g')));
  const profile = page.getByRole('dialog', { name: 'Output profile' });
  found.push(...await dialogViolations(page, profile, () => app.toolbar.getByRole('button', { name: /^Profile/ }).click()));
  expect(found, found.join('\n')).toEqual([]);
});

test('the Place text and Place image dialogs have no serious or critical axe violations', async () => {
  const page = shared.page();
  await shared.app().reopenSample();
  // A text frame selected: its story opened from the list selects its frame, and the Inspector offers both.
  await new StoryEditor(page).openFromList(/停不下来/);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const found = await dialogViolations(page, page.getByRole('dialog', { name: 'Place text' }), () => inspector.getByRole('button', { name: 'Place text…' }).click());
  found.push(...await dialogViolations(page, page.getByRole('dialog', { name: 'Place image' }), () => inspector.getByRole('button', { name: 'Place image…' }).click()));
  expect(found, found.join('\n')).toEqual([]);
});

test('the export confirmation (preflight errors) has no serious or critical axe violations', async () => {
  const page = shared.page();
  await shared.app().reopenSample();
  // The sample's placeholder photo is a print error: Export PDF asks first. Cancel exports nothing.
  const confirm = page.getByRole('dialog', { name: 'Export with preflight errors?' });
  const found = await dialogViolations(page, confirm, () => shared.app().button('Export PDF').click(), () => confirm.getByRole('button', { name: 'Don’t export' }).click());
  expect(found, found.join('\n')).toEqual([]);
});

test('the Document in use dialog has no serious or critical axe violations', async ({ browser }) => {
  test.setTimeout(180_000);
  const workspace = mkdtempSync(path.join(tmpdir(), 'folio-a11y-in-use-'));
  cpSync(path.join('templates', 'samples', 'deqing-front-2023-07-20.folio'), path.join(workspace, 'front.folio'));
  const server = await startServer(workspace);
  // Contexts of their own: axe finishes its run in a second page of the context.
  const contexts: BrowserContext[] = [];
  const openFront = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: WINDOW_VIEWPORT });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(server.url);
    await expect(page.getByTestId('page-content')).toHaveAttribute('data-layout-version', /^[1-9]\d*$/, { timeout: 60_000 });
    await page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Open…', exact: true }).click();
    await page.getByRole('dialog', { name: 'Open or create' }).getByRole('button', { name: 'Open front.folio' }).click();
    return page;
  };
  try {
    const first = await openFront();
    await expect(first.getByRole('contentinfo', { name: 'Status' }).getByLabel('Document state')).toHaveText('Saved');
    const second = await openFront();
    const offer = second.getByRole('dialog', { name: 'Document in use' });
    await expect(offer).toBeVisible();
    const found = await blockingViolations(second, '[role="dialog"], dialog');
    expect(found, found.join('\n')).toEqual([]);
  } finally {
    for (const context of contexts) await context.close();
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
});
