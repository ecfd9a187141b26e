/**
 * Page object: the Pages panel — the page list (show, move, delete), each page's jump lines, and adding a page
 * from a template.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Pointer moves between a drag's source and its target: enough for Chromium to begin the drag and hover the target. */
const DRAG_STEPS = 8;
/** How long one drop may take to show in the panel on a loaded machine before the gesture counts as lost, ms. */
const DROP_SETTLE_MS = 5_000;
/** All tries of one drag, ms. */
const DRAG_TOTAL_MS = 30_000;

export class PagesPanel {
  readonly page: Page;
  readonly panel: Locator;
  readonly template: Locator;

  constructor(page: Page) {
    this.page = page;
    this.panel = page.getByRole('region', { name: 'Pages' });
    this.template = this.panel.getByRole('combobox', { name: 'Page template' });
  }

  /** The page entry (a toggle button) of the page named `name`, e.g. `A02`. */
  pageButton(name: string): Locator {
    return this.panel.getByRole('button', { name: new RegExp(`^Page ${name}\\b`) });
  }

  /** The list item (drag source and drop target) of the page named `name`. */
  item(name: string): Locator {
    // A `has` locator is matched inside each item, so it starts from the page, not from the panel.
    return this.panel.getByTestId('page-item').filter({ has: this.page.getByRole('button', { name: new RegExp(`^Page ${name}\\b`) }) });
  }

  /**
   * Drags page `from`'s entry onto page `to`'s, as a user does with the mouse, until `moved()` holds.
   * Playwright synthesises the HTML drag from mouse events; on a loaded machine a gesture begun while the list
   * re-renders (after an undo, a thumbnail pass) can be lost before its drop. A lost gesture changes nothing, so
   * it is tried again — but only while `moved()` is false, so a drop that did land is never dragged back.
   */
  async dragPageOnto(from: string, to: string, moved: () => Promise<boolean>): Promise<void> {
    await expect(async () => {
      if (!(await moved())) {
        const source = await this.item(from).boundingBox();
        const target = await this.item(to).boundingBox();
        if (!source || !target) throw new RangeError(`Page ${from} or ${to} is not shown in the Pages panel`);
        await this.page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
        await this.page.mouse.down();
        // Several steps: Chromium starts a drag only after the pointer has travelled, then needs dragover on the target.
        await this.page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: DRAG_STEPS });
        await this.page.mouse.up();
      }
      await expect.poll(moved, { timeout: DROP_SETTLE_MS }).toBe(true);
    }).toPass({ timeout: DRAG_TOTAL_MS });
  }

  /** Names of the pages in order, as the panel lists them. */
  async names(): Promise<string[]> {
    const labels = await this.panel.getByRole('button', { name: /^Page / }).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    return labels.map((l) => l.replace(/^Page (\S+).*$/, '$1'));
  }

  /** Jump lines the composer set on page `name`. */
  jumpLines(name: string): Locator {
    return this.panel.getByRole('list', { name: `Jump lines on page ${name}` });
  }

  /** Adds a page from the template whose option label matches `templateName`, after the page shown. */
  async addPage(templateName: string | RegExp): Promise<void> {
    const count = (await this.names()).length;
    const option = this.template.getByRole('option', { name: templateName });
    await this.template.selectOption({ value: (await option.getAttribute('value')) ?? '' });
    await this.panel.getByRole('button', { name: 'Add page', exact: true }).click();
    await expect.poll(async () => (await this.names()).length).toBe(count + 1);
  }

  button(name: string): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }
}
