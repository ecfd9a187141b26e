/**
 * Page object: the story editor (galley) — its ProseMirror text box, toolbar, and text input including IME
 * composition through the Chrome DevTools Protocol.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { en, type MessageKey } from '../../../src-core/i18n/messages/en.js';
import { zhCN } from '../../../src-core/i18n/messages/zh-CN.js';

/** A message's text in either interface language, as an exact accessible-name pattern. */
export function eitherLanguage(key: MessageKey): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^(?:${escape(en[key])}|${escape(zhCN[key])})$`);
}

/** The status bar's word for the caret, in either interface language (`status.caret`). */
const CARET = '(?:caret|光标在)';

export class StoryEditor {
  readonly page: Page;
  readonly panel: Locator;
  readonly textbox: Locator;
  readonly blockType: Locator;

  constructor(page: Page) {
    this.page = page;
    // The e2e suite runs in English; a test in a zh-CN browser finds the same controls by their Chinese names.
    this.panel = page.getByRole('region', { name: eitherLanguage('storyEditor.region') });
    this.textbox = page.getByRole('textbox', { name: eitherLanguage('storyEditor.text') });
    this.blockType = this.panel.getByRole('combobox', { name: eitherLanguage('storyEditor.blockType') });
  }

  /** Opens a story from the story list by (part of) its name. */
  async openFromList(name: string | RegExp): Promise<void> {
    // The list speaks the interface's language: English in the suite, Chinese where a test runs a zh-CN browser.
    const list = this.page.getByRole('navigation', { name: en['stories.region'] }).or(this.page.getByRole('navigation', { name: zhCN['stories.region'] }));
    await list.getByRole('button', { name }).click();
    await expect(this.textbox).toBeVisible();
  }

  /** The status bar's selection field, in either interface language. */
  selectionStatus(): Locator {
    const status = this.page.getByRole('contentinfo', { name: en['status.region'] }).or(this.page.getByRole('contentinfo', { name: zhCN['status.region'] }));
    return status.getByLabel(en['status.selection'], { exact: true }).or(status.getByLabel(zhCN['status.selection'], { exact: true }));
  }

  /**
   * Puts the caret at the start of the story with Ctrl+Home and waits until ProseMirror has taken it: the browser
   * moves the DOM caret and ProseMirror reads it on the next `selectionchange`, so a shortcut pressed at once
   * (Ctrl+F searches from the caret) could otherwise still see the caret where the click left it.
   */
  async caretToStart(): Promise<void> {
    await this.textbox.click();
    await this.page.keyboard.press('Control+Home');
    await expect(this.selectionStatus()).toHaveText(new RegExp(` · ${CARET} 1$`));
  }

  /**
   * Waits until ProseMirror's selection spans `chars` characters (as the status bar reports it). Keys that move
   * the selection are handled by the browser and reach ProseMirror on the next `selectionchange`: a command
   * pressed at once (Ctrl+Alt+M comments on the selection) could otherwise see the selection one key short.
   */
  async expectSelected(chars: number): Promise<void> {
    await expect(this.selectionStatus()).toHaveText(new RegExp(` · (${chars} selected|已选 ${chars})$`));
  }

  /** Puts the caret at the end of the story (Ctrl+End) and waits until ProseMirror has taken it (see `caretToStart`). */
  async caretToEnd(): Promise<void> {
    await this.caretToStart();
    await this.page.keyboard.press('Control+End');
    await expect(this.selectionStatus()).toHaveText(new RegExp(` · ${CARET} (?!1$)\\d+$`));
  }

  /** ProseMirror's caret position as the status bar reports it (waits until the selection is a caret). */
  async caret(): Promise<number> {
    const status = this.selectionStatus();
    await expect(status).toHaveText(new RegExp(` · ${CARET} \\d+$`));
    return Number(new RegExp(`${CARET} (\\d+)$`).exec((await status.textContent()) ?? '')![1]);
  }

  /** Waits until ProseMirror's caret is at `pos` (see `expectSelected` for why). */
  async expectCaret(pos: number): Promise<void> {
    await expect(this.selectionStatus()).toHaveText(new RegExp(` · ${CARET} ${pos}$`));
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
