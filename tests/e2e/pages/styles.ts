/**
 * Page object: the Styles panel — the paragraph and character style lists and the selected style's settings.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class StylesPanel {
  readonly page: Page;
  readonly panel: Locator;
  readonly paragraphStyles: Locator;
  readonly characterStyles: Locator;
  readonly size: Locator;
  readonly sizeInPoints: Locator;
  readonly usage: Locator;

  constructor(page: Page) {
    this.page = page;
    this.panel = page.getByRole('region', { name: 'Styles' });
    this.paragraphStyles = this.panel.getByRole('listbox', { name: 'Paragraph styles' });
    this.characterStyles = this.panel.getByRole('listbox', { name: 'Character styles' });
    this.size = this.panel.getByRole('textbox', { name: 'Size (pt or 号)' });
    this.sizeInPoints = this.panel.getByLabel('Size in points');
    this.usage = this.panel.getByLabel('Style usage');
  }

  /** Selects a paragraph style by its template key (e.g. `paragraph`, `headline`). */
  async chooseParagraphStyle(key: string): Promise<void> {
    await this.paragraphStyles.selectOption(key);
    await expect(this.size).toBeVisible();
  }

  /** Types a size (points or a 号 name) and commits it. */
  async setSize(size: string): Promise<void> {
    await this.size.fill(size);
    await this.size.press('Enter');
  }

  /** A numeric setting of the selected style by its accessible name (e.g. `First-line indent (em)`). */
  field(name: string): Locator {
    return this.panel.getByRole('spinbutton', { name });
  }

  button(name: string): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }
}
