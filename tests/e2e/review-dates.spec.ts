/**
 * The review panels date each comment and change in the interface language (which follows the browser's at first):
 * a Chinese newsroom's browser reads 2026年12月6日 14:05, an American one December 6, 2026 at 2:05 PM.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FolioApp } from './pages/app.js';
import { ARTIFACTS_DIR } from './pages/pdf.js';
import { StoryEditor, eitherLanguage } from './pages/editor.js';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Wall-clock fields of `t` in a zone `offsetMinutes` east of UTC (the zones below have no daylight saving). */
function wallClock(t: number, offsetMinutes: number): { y: number; mon: number; d: number; h: number; min: number } {
  const w = new Date(t + offsetMinutes * 60_000);
  return { y: w.getUTCFullYear(), mon: w.getUTCMonth(), d: w.getUTCDate(), h: w.getUTCHours(), min: w.getUTCMinutes() };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Every minute from `from` to `to` (the edit happened in between) as the byline must read it. */
function minutesBetween(from: number, to: number, write: (t: number) => string): string[] {
  const out: string[] = [];
  for (let t = Math.floor(from / 60_000) * 60_000; t <= to; t += 60_000) out.push(write(t));
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (texts: string[]) => new RegExp(`· (${texts.map(escape).join('|')}) ·`.replace(/ /g, '\\s'));

/** Opens the lead story, turns Track changes on and types at its end; returns the time span of the edit. */
async function trackedEdit(page: Page): Promise<{ from: number; to: number }> {
  const app = new FolioApp(page);
  await app.open();
  const editor = new StoryEditor(page);
  await editor.openFromList(/停不下来/);
  await editor.button(eitherLanguage('storyEditor.trackChanges')).click();
  await expect(editor.button(eitherLanguage('storyEditor.trackChanges'))).toHaveAttribute('aria-pressed', 'true');
  await editor.panel.getByRole('textbox', { name: eitherLanguage('storyEditor.reviewer') }).fill('王校对');
  await editor.caretToEnd();
  const from = Date.now();
  await editor.type('（完）');
  await expect(page.getByRole('region', { name: eitherLanguage('changes.region') })).toContainText('（完）');
  return { from, to: Date.now() };
}

test.describe('in a Chinese browser', () => {
  test.use({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

  test('comments and changes are dated 2026年12月6日 14:05', async ({ page }) => {
    const zh = (t: number) => {
      const w = wallClock(t, 8 * 60);
      return `${w.y}年${w.mon + 1}月${w.d}日 ${pad(w.h)}:${pad(w.min)}`;
    };
    const edit = await trackedEdit(page);
    const changes = page.getByRole('region', { name: eitherLanguage('changes.region') });
    await expect(changes.locator('.meta').first()).toHaveText(anyOf(minutesBetween(edit.from, edit.to, zh)));

    // A comment on the inserted text.
    const editor = new StoryEditor(page);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft');
    await editor.expectSelected(3);
    const from = Date.now();
    await page.keyboard.press('Control+Alt+m');
    const form = page.getByRole('form', { name: eitherLanguage('storyEditor.newComment') });
    await form.getByRole('textbox', { name: eitherLanguage('storyEditor.commentField') }).fill('请核实');
    await form.getByRole('textbox', { name: eitherLanguage('storyEditor.yourName') }).fill('王校对');
    await form.getByRole('button', { name: eitherLanguage('storyEditor.addComment') }).click();
    const comments = page.getByRole('region', { name: eitherLanguage('comments.region') });
    await expect(comments).toContainText('请核实');
    await expect(comments.locator('.meta').first()).toHaveText(anyOf(minutesBetween(from, Date.now(), zh)));
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-review-dates-zh.png') });
  });
});

test.describe('in an American browser', () => {
  test.use({ locale: 'en-US', timezoneId: 'UTC' });

  test('changes are dated December 6, 2026 at 2:05 PM', async ({ page }) => {
    const en = (t: number) => {
      const w = wallClock(t, 0);
      return `${EN_MONTHS[w.mon]} ${w.d}, ${w.y} at ${w.h % 12 || 12}:${pad(w.min)} ${w.h < 12 ? 'AM' : 'PM'}`;
    };
    const edit = await trackedEdit(page);
    const changes = page.getByRole('region', { name: eitherLanguage('changes.region') });
    await expect(changes.locator('.meta').first()).toHaveText(anyOf(minutesBetween(edit.from, edit.to, en)));
  });
});
