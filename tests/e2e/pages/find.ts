/**
 * Page object: the find-and-replace panel (Ctrl+F / Ctrl+H) beside the story editor.
 */
import type { Locator, Page } from '@playwright/test';

export class FindPanel {
  readonly page: Page;
  readonly panel: Locator;
  readonly query: Locator;
  readonly replacement: Locator;
  readonly scope: Locator;
  readonly result: Locator;

  constructor(page: Page) {
    this.page = page;
    this.panel = page.getByRole('search', { name: 'Find and replace' });
    this.query = this.panel.getByRole('searchbox', { name: 'Find' });
    this.replacement = this.panel.getByRole('textbox', { name: 'Replace with' });
    this.scope = this.panel.getByRole('combobox', { name: 'Search in' });
    this.result = this.panel.getByRole('status', { name: 'Find result' });
  }

  button(name: string): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }
}
