/**
 * Page object: the story editor (galley) — its ProseMirror text box, toolbar, and text input including IME
 * composition through the Chrome DevTools Protocol.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class StoryEditor {
  readonly page: Page;
  readonly panel: Locator;
  readonly textbox: Locator;
  readonly blockType: Locator;

  constructor(page: Page) {
    this.page = page;
    this.panel = page.getByRole('region', { name: 'Story editor' });
    this.textbox = page.getByRole('textbox', { name: 'Story text' });
    this.blockType = this.panel.getByRole('combobox', { name: 'Block type' });
  }

  /** Opens a story from the story list by (part of) its name. */
  async openFromList(name: string | RegExp): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Pages and stories' }).getByRole('button', { name }).click();
    await expect(this.textbox).toBeVisible();
  }

  /**
   * Puts the caret at the start of the story with Ctrl+Home and waits until ProseMirror has taken it: the browser
   * moves the DOM caret and ProseMirror reads it on the next `selectionchange`, so a shortcut pressed at once
   * (Ctrl+F searches from the caret) could otherwise still see the caret where the click left it.
   */
  async caretToStart(): Promise<void> {
    await this.textbox.click();
    await this.page.keyboard.press('Control+Home');
    await expect(this.page.getByRole('contentinfo', { name: 'Status' }).getByLabel('Selection')).toHaveText(/ · caret 1$/);
  }

  /**
   * Waits until ProseMirror's selection spans `chars` characters (as the status bar reports it). Keys that move
   * the selection are handled by the browser and reach ProseMirror on the next `selectionchange`: a command
   * pressed at once (Ctrl+Alt+M comments on the selection) could otherwise see the selection one key short.
   */
  async expectSelected(chars: number): Promise<void> {
    await expect(this.page.getByRole('contentinfo', { name: 'Status' }).getByLabel('Selection')).toHaveText(new RegExp(` · ${chars} selected$`));
  }

  /** Puts the caret at the end of the story (Ctrl+End) and waits until ProseMirror has taken it (see `caretToStart`). */
  async caretToEnd(): Promise<void> {
    await this.caretToStart();
    await this.page.keyboard.press('Control+End');
    await expect(this.page.getByRole('contentinfo', { name: 'Status' }).getByLabel('Selection')).toHaveText(/ · caret (?!1$)\d+$/);
  }

  /** ProseMirror's caret position as the status bar reports it (waits until the selection is a caret). */
  async caret(): Promise<number> {
    const status = this.page.getByRole('contentinfo', { name: 'Status' }).getByLabel('Selection');
    await expect(status).toHaveText(/ · caret \d+$/);
    return Number(/caret (\d+)$/.exec((await status.textContent()) ?? '')![1]);
  }

  /** Waits until ProseMirror's caret is at `pos` (see `expectSelected` for why). */
  async expectCaret(pos: number): Promise<void> {
    await expect(this.page.getByRole('contentinfo', { name: 'Status' }).getByLabel('Selection')).toHaveText(new RegExp(` · caret ${pos}$`));
  }

  /** Types text at the caret the way a keyboard without IME does (insertText). */
  async type(text: string): Promise<void> {
    await this.page.keyboard.insertText(text);
  }

  /**
   * Types `text` through an IME: a few composition updates of the pinyin `preedit`, then the commit — what a
   * Chinese input method sends.
   */
  async typeWithIme(preedit: string, text: string): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    for (let i = 1; i <= preedit.length; i++) {
      await cdp.send('Input.imeSetComposition', { text: preedit.slice(0, i), selectionStart: i, selectionEnd: i });
    }
    await cdp.send('Input.insertText', { text });
    await cdp.detach();
  }

  button(name: string | RegExp): Locator {
    return this.panel.getByRole('button', { name });
  }
}
