/**
 * Page object: the whole Folio window in browser mode — opening it, the toolbar, the status bar and the
 * Save As dialog.
 */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';

/** Fonts (tens of MB) and the first compose take a while on a loaded 2-core machine. */
const OPEN_TIMEOUT_MS = 60_000;

/** The window size every e2e test uses (the layout screenshots and page-object coordinates assume). */
export const WINDOW_VIEWPORT = { width: 1440, height: 900 } as const;

/**
 * A new window on the e2e server with the sample composed, for spec files that share one window across their
 * tests (each test reopens the sample, reusing the fonts already loaded).
 */
export async function openSharedWindow(browser: Browser): Promise<{ page: Page; app: FolioApp }> {
  const page = await browser.newPage({ viewport: WINDOW_VIEWPORT });
  const app = new FolioApp(page);
  await app.open();
  return { page, app };
}

/**
 * Gives the calling spec file one shared window for all its tests, which then run in order: opened before the
 * first test, closed after the last. Read it through the getters, inside tests.
 */
export function useSharedWindow(): { page(): Page; app(): FolioApp } {
  test.describe.configure({ mode: 'serial' });
  let shared: { page: Page; app: FolioApp } | undefined;
  test.beforeAll(async ({ browser }) => {
    shared = await openSharedWindow(browser);
  });
  test.afterAll(async () => {
    await shared?.page.close();
  });
  const get = () => {
    if (!shared) throw new RangeError('The shared window is opened before the first test: use it inside a test.');
    return shared;
  };
  return { page: () => get().page, app: () => get().app };
}

export class FolioApp {
  readonly page: Page;
  readonly toolbar: Locator;
  readonly status: Locator;
  readonly documentState: Locator;
  readonly message: Locator;

  constructor(page: Page) {
    this.page = page;
    this.toolbar = page.getByRole('toolbar', { name: 'Main toolbar' });
    this.status = page.getByRole('contentinfo', { name: 'Status' });
    this.documentState = this.status.getByLabel('Document state');
    this.message = this.status.getByRole('status');
  }

  /** Opens the URL printed by `folio serve` (set by the global setup) and waits for the first composed page. */
  async open(): Promise<void> {
    const url = process.env.FOLIO_E2E_URL;
    if (!url) throw new RangeError('FOLIO_E2E_URL is not set: run the tests through playwright.config.ts (global setup).');
    await this.page.goto(url);
    await expect(this.page.getByTestId('page-content')).toHaveAttribute('data-layout-version', /^[1-9]\d*$/, { timeout: OPEN_TIMEOUT_MS });
  }

  /** Opens the sample again through Open… (fonts stay loaded, so this is much faster than a new page). */
  async reopenSample(): Promise<void> {
    const content = this.page.getByTestId('page-content');
    // The document generation, not the layout version: a compose queued by the last test's edits can run while the
    // open is on its way and would pass for the reopened page (a flaky copyfit read in wrap.spec.ts on a busy machine).
    const before = Number(await content.getAttribute('data-document-generation'));
    await this.button('Open…').click();
    const dialog = this.page.getByRole('dialog', { name: 'Open or create' });
    await dialog.getByRole('button', { name: 'Open the sample page' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(async () => Number(await content.getAttribute('data-document-generation')), { timeout: OPEN_TIMEOUT_MS }).toBeGreaterThan(before);
    await expect(this.documentState).not.toHaveText('● Unsaved changes');
  }

  button(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  /** Saves with Ctrl+S; an unsaved document asks for a name first. */
  async saveAs(fileName: string): Promise<void> {
    await this.page.keyboard.press('Control+s');
    const dialog = this.page.getByRole('dialog', { name: 'Save document as' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'File name' }).fill(fileName);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.documentState).toHaveText('Saved');
  }

  /**
   * Exports PDF (toolbar button, or Ctrl+E) and returns the exported paths the status bar reports.
   * @param knownErrors the preflight errors the page is known to have (the sample's placeholder photo in print
   *   presets: `SAMPLE_PRINT_ERRORS`): the confirmation must list these and nothing else, then Export anyway.
   *   Without it, the export must run without asking.
   */
  async exportPdf(via: 'button' | 'shortcut' = 'button', knownErrors?: RegExp): Promise<string[]> {
    if (via === 'button') await this.button('Export PDF').click();
    else await this.page.keyboard.press('Control+e');
    if (knownErrors) {
      const confirm = this.page.getByRole('dialog', { name: 'Export with preflight errors?' });
      const listed = confirm.getByRole('list', { name: 'Preflight errors' }).getByRole('listitem');
      await expect(listed.first()).toBeVisible();
      for (const text of await listed.allTextContents()) expect(text).toMatch(knownErrors);
      await confirm.getByRole('button', { name: 'Export anyway' }).click();
    }
    await expect(this.message).toContainText('Exported', { timeout: 60_000 });
    const text = (await this.message.textContent()) ?? '';
    return text.replace(/^Exported\s+/, '').split(', ').map((p) => p.trim());
  }
}
