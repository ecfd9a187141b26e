/**
 * Character styles' size, tracking and baseline shift in the Styles panel (issue 15 item 2, session 10): a desk
 * editor marks the first characters of the lead kicker “八八战略”在德清 with the 套红 character style, then sets
 * that style's size to 二号 in the Styles panel — the kicker reaches past where it ended (as local 二号 does in
 * local-format.spec.ts) — and a tracking and a baseline shift; a size that is no type size is refused with a
 * message; Ctrl+Z steps back through the edits until the style inherits the paragraph's size again.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { useSharedWindow } from './pages/app.js';
import { PageCanvas, type RectPt } from './pages/canvas.js';
import { StoryEditor } from './pages/editor.js';
import { ARTIFACTS_DIR } from './pages/pdf.js';
import { loadSample, sampleFrame, trimSizePt } from './pages/sample.js';
import { StylesPanel } from './pages/styles.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const head = sampleFrame(sample, 'lead-head');
/** Just past the end of the kicker at 小二 and before where it ends once its first five characters are 二号. */
const kickerTail: RectPt = { xPt: head.xPt + 148, yPt: head.yPt, widthPt: 10, heightPt: 2.5 * sample.template.grid.linePitchPt };
/** Characters marked: “八八战略 (the opening quote and four Han). */
const SELECTED = 5;

const win = useSharedWindow();

test('Styles panel: a character style\'s size (号), tracking and baseline shift change the page; refusals; Ctrl+Z', async () => {
  test.setTimeout(120_000);
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const editor = new StoryEditor(page);
  const styles = new StylesPanel(page);
  await editor.openFromList(/停不下来/);
  await editor.caretToStart();
  for (let i = 0; i < SELECTED; i++) await page.keyboard.press('Shift+ArrowRight');
  await editor.expectSelected(SELECTED);

  await styles.characterStyles.selectOption('red');
  const form = styles.panel.getByRole('form', { name: /Character style/ });
  const size = form.getByRole('textbox', { name: 'Size (pt or 号)' });
  const tracking = form.getByRole('spinbutton', { name: 'Tracking (em)' });
  const shift = form.getByRole('spinbutton', { name: 'Baseline shift (pt, up)' });
  await expect(size).toHaveValue('');
  await expect(tracking).toHaveValue('');
  await expect(shift).toHaveValue('');

  let version = await canvas.layoutVersion();
  await styles.button('Apply to selection').click();
  await canvas.waitForComposeAfter(version);
  await expect(styles.usage).toHaveText(/1 run in 1 story/);
  expect(await canvas.inkFraction(kickerTail)).toBeLessThan(0.01);

  version = await canvas.layoutVersion();
  await size.fill('二号');
  await size.press('Enter');
  await canvas.waitForComposeAfter(version);
  await expect(form.getByRole('textbox', { name: 'Size (pt or 号)' })).toHaveValue('二号');
  await expect(form.getByLabel('Size in points')).toHaveText('22 pt (二号)');
  await expect.poll(() => canvas.inkFraction(kickerTail)).toBeGreaterThan(0.05);

  version = await canvas.layoutVersion();
  await tracking.fill('0.1');
  await tracking.press('Enter');
  await canvas.waitForComposeAfter(version);
  await expect(form.getByRole('spinbutton', { name: 'Tracking (em)' })).toHaveValue('0.1');
  version = await canvas.layoutVersion();
  await shift.fill('3');
  await shift.press('Enter');
  await canvas.waitForComposeAfter(version);
  await expect(form.getByRole('spinbutton', { name: 'Baseline shift (pt, up)' })).toHaveValue('3');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-character-style-fields.png') });

  // Refusals name the bounds, and the fields show the style's own values again.
  await size.fill('大大');
  await size.press('Enter');
  await expect(page.getByText(/"大大" is not a type size/)).toBeVisible();
  await expect(size).toHaveValue('二号');
  await shift.fill('100');
  await shift.press('Enter');
  await expect(page.getByText(/baseline shift 100 is out of range: use -72 to 72 pt/)).toBeVisible();
  await expect(shift).toHaveValue('3');

  // Each edit is one undo step: three back, and the style inherits the paragraph's size again.
  await canvas.clickAt(5, 5);
  for (let i = 0; i < 3; i++) await canvas.surface.press('Control+z');
  await expect(form.getByRole('textbox', { name: 'Size (pt or 号)' })).toHaveValue('');
  await expect(form.getByRole('spinbutton', { name: 'Baseline shift (pt, up)' })).toHaveValue('');
  await expect.poll(() => canvas.inkFraction(kickerTail)).toBeLessThan(0.01);
});
