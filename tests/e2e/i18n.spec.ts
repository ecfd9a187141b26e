/**
 * The interface language: opened by a browser that asks for Chinese, Folio speaks zh-CN (`<html lang>` too) in
 * every converted panel and dialog, with no Latin-only label but names such as PDF and ICC; the language switcher
 * in the status bar turns it English at once, without a reload, and the choice outlives a reload.
 */
import { copyFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createTranslator } from '../../src-core/i18n/translator.js';
import { FolioApp } from './pages/app.js';
import { ARTIFACTS_DIR } from './pages/pdf.js';

test.use({ locale: 'zh-CN' });

/** Latin words a Chinese interface shows as they are: format names, units, key caps, the product's name. */
const ALLOWED_LATIN = new Set([
  'PDF', 'ICC', 'CMYK', 'JPEG', 'PNG', 'TIFF', 'docx', 'txt', 'mm', 'pt', 'px', 'em', 'ppi', 'Folio',
  'Ctrl', 'Alt', 'Shift', 'Esc', 'Enter', 'Delete', 'Backspace', 'Page', 'Up', 'Down',
  // The manuscripts Place text reads: Word files, text in UTF-8, UTF-16 or GB18030.
  'Word', 'UTF', 'GB',
]);

/**
 * The converted panels, by their Chinese accessible names. Their labels, headings, buttons and accessible names
 * come from the catalogues (what the document holds — story names, style names, fonts — is the document's own).
 */
function convertedRegions(page: Page): Locator[] {
  return [
    page.getByRole('toolbar', { name: '主工具栏' }),
    page.getByRole('region', { name: '稿件编辑' }),
    page.getByRole('contentinfo', { name: '状态栏' }),
    page.getByRole('navigation', { name: '版面和稿件' }),
    page.getByRole('region', { name: '版面', exact: true }),
    page.getByRole('region', { name: '属性' }),
    page.getByRole('region', { name: '样式' }),
    page.getByRole('region', { name: '预检' }),
  ];
}

/** The Latin words of an element's text and of the accessible names and titles inside it, but the allowed ones. */
async function strayLatin(region: Locator, ignore: readonly string[]): Promise<string[]> {
  return region.evaluate((root, { allowed, ignored }) => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // Options list the document's styles, fonts and templates; <code> holds frame ids; preflight's findings
      // come from src-core/preflight (converted later): the document's and the core's text, not the interface's.
      // The story editor's text box holds the story itself (the document's words, in any script).
      if (parent && !parent.closest('option, code, [aria-label="预检"] li, [role="textbox"]')) texts.push(node.textContent ?? '');
    }
    for (const el of [root, ...root.querySelectorAll('*')].filter((el) => el.getAttribute('role') !== 'textbox')) {
      for (const name of ['aria-label', 'title', 'placeholder']) texts.push(el.getAttribute(name) ?? '');
    }
    let all = texts.join('\n');
    for (const text of ignored) all = all.split(text).join(' ');
    return (all.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.includes(w));
  }, { allowed: [...ALLOWED_LATIN], ignored: ignore });
}

test('a Chinese browser gets the Chinese interface; the switcher turns it English without a reload', async ({ page }) => {
  const app = new FolioApp(page);
  await app.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  const status = page.getByRole('contentinfo', { name: '状态栏' });
  await expect(status.getByLabel('文档状态')).toHaveText(/^(尚未保存|已保存|● 有未保存的修改|只读)$/);
  await expect(page.getByRole('heading', { name: '稿件', exact: true })).toBeVisible();

  // A text frame selected (its story opened from the list): the Inspector shows all a text frame has.
  await page.getByRole('button', { name: /^稿件 脚踩50℃的模具/ }).click();
  await expect(page.getByRole('region', { name: '属性' }).getByRole('spinbutton', { name: '栏数' })).toBeVisible();
  await expect(status.getByLabel('当前稿件余缺')).toHaveText(/^余缺 (正好|[+−]\d+ 行)$/);

  // Story, style and template names are the document's text, not the interface's: leave them out of the check.
  const documentText = await page.evaluate(() => [...document.querySelectorAll('nav .story .name, option')].map((el) => el.textContent ?? ''));
  const styleNames = await page.getByRole('listbox', { name: '段落样式' }).getByRole('option').allTextContents();
  for (const region of convertedRegions(page)) {
    await expect(region).toBeVisible();
    expect(await strayLatin(region, [...documentText, ...styleNames])).toEqual([]);
  }
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-i18n-zh-CN.png') });

  // The shortcut sheet (F1), generated from the tables, in Chinese.
  await page.keyboard.press('F1');
  const sheet = page.getByRole('dialog', { name: '键盘快捷键' });
  await expect(sheet.getByRole('table', { name: '稿件编辑器快捷键' })).toBeVisible();
  await expect(sheet.getByRole('row', { name: /^保存 Ctrl\+S$/ })).toBeVisible();
  expect(await strayLatin(sheet, [])).toEqual([]);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-i18n-shortcuts-zh-CN.png') });
  await sheet.getByRole('button', { name: '关闭' }).click();
  await expect(sheet).toBeHidden();

  // Switch to English: the same window, no reload (a mark on the window survives), <html lang> follows.
  await page.evaluate(() => ((window as unknown as { folioNoReload: boolean }).folioNoReload = true));
  await status.getByRole('combobox', { name: '界面语言' }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const english = page.getByRole('contentinfo', { name: 'Status' });
  await expect(english.getByLabel('Document state')).toHaveText(/^(Not saved yet|Saved|● Unsaved changes|Read-only)$/);
  await expect(page.getByRole('heading', { name: 'Stories', exact: true })).toBeVisible();
  await expect(english.getByRole('combobox', { name: 'Interface language' })).toHaveValue('en');
  expect(await page.evaluate(() => (window as unknown as { folioNoReload?: boolean }).folioNoReload)).toBe(true);

  // The choice is remembered: a reload (new session) opens in English although the browser asks for Chinese.
  await page.reload();
  await expect(page.getByTestId('page-content')).toHaveAttribute('data-layout-version', /^[1-9]\d*$/, { timeout: 60_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toBeVisible();
});

test('the dialogs speak Chinese too: Save As, Go to page, Output profile, Place text, Place image, the export confirmation', async ({ page }) => {
  test.setTimeout(180_000);
  const zh = createTranslator('zh-CN');
  const app = new FolioApp(page);
  await app.open();
  const toolbar = page.getByRole('toolbar', { name: zh.t('toolbar.region') });
  const inspector = page.getByRole('region', { name: '属性' });
  /** Opens a dialog, checks its labels for stray Latin (list items are the workspace's files or the findings), closes it. */
  const check = async (name: string, open: () => Promise<void>, screenshot?: string): Promise<void> => {
    const dialog = page.getByRole('dialog', { name });
    await open();
    await expect(dialog).toBeVisible();
    // The workspace listing arrives after the dialog opens: the check is repeated until it has settled.
    await expect.poll(async () => strayLatin(dialog, await dialog.getByRole('listitem').allTextContents()), { message: name }).toEqual([]);
    if (screenshot) await page.screenshot({ path: path.join(ARTIFACTS_DIR, screenshot) });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  };
  await check(zh.t('saveAs.title'), () => toolbar.getByRole('button', { name: zh.t('toolbar.saveAs'), exact: true }).click());
  await check(zh.t('nav.goToTitle'), () => page.keyboard.press('Control+g'));
  const profile = [zh.t('toolbar.profile', { chosen: 'no' }), zh.t('toolbar.profile', { chosen: 'yes' })];
  await check(zh.t('outputProfile.title'), () => toolbar.getByRole('button').filter({ hasText: new RegExp(`^(${profile.map(escapeRegExp).join('|')})$`) }).click());
  await check(zh.t('exportConfirm.title'), () => toolbar.getByRole('button', { name: zh.t('toolbar.exportPdf'), exact: true }).click(), 'e2e-i18n-export-confirm-zh-CN.png');
  // A text frame selected (its story opened from the list): the Inspector offers Place text and Place image.
  await page.getByRole('button', { name: /^稿件 脚踩50℃的模具/ }).click();
  await check(zh.t('placeText.title'), () => inspector.getByRole('button', { name: zh.t('inspector.placeText') }).click(), 'e2e-i18n-place-text-zh-CN.png');
  await check(zh.t('placeImage.title'), () => inspector.getByRole('button', { name: zh.t('inspector.placeImage') }).click());
});

test('a damaged file is refused in Chinese: what is wrong with it, not the zip reader’s English', async ({ page }) => {
  const zh = createTranslator('zh-CN');
  const damaged = path.join(process.env.FOLIO_E2E_WORKSPACE!, '损坏的版面.folio');
  writeFileSync(damaged, 'PK this is not really a zip');
  try {
    const app = new FolioApp(page);
    await app.open();
    await page.getByRole('toolbar', { name: zh.t('toolbar.region') }).getByRole('button', { name: zh.t('toolbar.open'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: zh.t('open.title') });
    await dialog.getByRole('button', { name: zh.t('open.openFile', { name: '损坏的版面.folio' }) }).click();
    const message = page.getByRole('contentinfo', { name: zh.t('status.region') }).getByRole('status');
    await expect(message).toHaveText('无法打开 损坏的版面.folio：这不是 Folio 文件（.folio 文件是内含 document.json 的压缩包）：它不是压缩包（没有压缩包的结尾记录）。');
  } finally {
    unlinkSync(damaged);
  }
});

test('a file another desk is editing is offered read-only in Chinese: who holds it and since when, in local time', async ({ page }) => {
  const zh = createTranslator('zh-CN');
  const file = path.join(process.env.FOLIO_E2E_WORKSPACE!, '他人在编.folio');
  copyFileSync(path.join('templates', 'samples', 'deqing-front-2023-07-20.folio'), file);
  // A fresh lock of another machine: held until its lease runs out, so the file is in use.
  writeFileSync(`${file}.lock`, JSON.stringify({ pid: 4242, host: 'desk-7', since: new Date().toISOString(), token: 'e2e' }));
  try {
    const app = new FolioApp(page);
    await app.open();
    await page.getByRole('toolbar', { name: zh.t('toolbar.region') }).getByRole('button', { name: zh.t('toolbar.open'), exact: true }).click();
    await page.getByRole('dialog', { name: zh.t('open.title') }).getByRole('button', { name: zh.t('open.openFile', { name: '他人在编.folio' }) }).click();
    const offer = page.getByRole('dialog', { name: zh.t('inUse.title') });
    await expect(offer).toContainText(/他人在编\.folio 已在别处打开编辑（desk-7 上的进程 4242，自 \d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d\d 起）。请以只读方式打开，或先在那里关闭它。/);
    await expect(offer).not.toContainText(/already|process|\d{4}-\d\d-\d\dT/);
    await offer.getByRole('button', { name: zh.t('common.cancel') }).click();
  } finally {
    unlinkSync(`${file}.lock`);
    unlinkSync(file);
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
