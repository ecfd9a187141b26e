/**
 * Page object: the Pages panel — the page list (show, move, delete), each page's jump lines, and adding a page
 * from a template.
 */
import { expect, type Locator, type Page } from '@playwright/test';

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
