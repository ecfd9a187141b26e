/**
 * Local formatting (issue 15 item 2): a desk editor selects the first characters of the lead story's kicker in
 * the story editor, sets them to 二号 and red in the local-formatting bar, and the page shows larger red type;
 * find by format lists the run; Clear local formatting puts the kicker back as styled (no red left).
 */
import path from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { useSharedWindow } from './pages/app.js';
import { PageCanvas, type RectPt } from './pages/canvas.js';
import { StoryEditor } from './pages/editor.js';
import { ARTIFACTS_DIR } from './pages/pdf.js';
import { loadSample, sampleFrame, trimSizePt } from './pages/sample.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const head = sampleFrame(sample, 'lead-head');
const headRect: RectPt = { xPt: head.xPt, yPt: head.yPt, widthPt: head.widthPt, heightPt: head.heightPt };
/**
 * Just past the end of the kicker “八八战略”在德清 (小二, 18 pt, quotes at half width: 8 ems = 144 pt) and before
 * where it ends once its first five characters are 二号 (22 pt: 162 pt), over the kicker's lines.
 */
const kickerTail: RectPt = { xPt: head.xPt + 148, yPt: head.yPt, widthPt: 10, heightPt: 2.5 * sample.template.grid.linePitchPt };
/** Characters selected: “八八战略 (the opening quote and four Han). */
const SELECTED = 5;

/** Pixels of the content canvas in a page rectangle that are clearly red (print red M100 Y100 on screen). */
async function redPixels(canvas: Locator, rect: RectPt, trimWidthPt: number): Promise<number> {
  return canvas.evaluate(
    (el, { rect, trimWidthPt }) => {
      const c = el as HTMLCanvasElement;
      const scale = c.width / trimWidthPt;
      const [x, y, w, h] = [rect.xPt, rect.yPt, rect.widthPt, rect.heightPt].map((v) => Math.max(1, Math.round(v * scale)));
      const data = c.getContext('2d')!.getImageData(x!, y!, w!, h!).data;
      let red = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! > 170 && data[i + 1]! < 110 && data[i + 2]! < 110) red++;
      return red;
    },
    { rect, trimWidthPt },
  );
}

const win = useSharedWindow();

test('local formatting: 二号 and red on a selection change the page; find by format lists it; Clear puts it back', async () => {
  test.setTimeout(120_000);
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const editor = new StoryEditor(page);
  await editor.openFromList(/停不下来/);

  const bar = editor.panel.getByRole('group', { name: 'Local formatting' });
  const size = bar.getByRole('combobox', { name: 'Local size (pt or 号)' });
  const colour = bar.getByRole('combobox', { name: 'Local text colour' });
  const clear = bar.getByRole('button', { name: 'Clear local formatting' });

  expect(await redPixels(canvas.content, headRect, trim.widthPt)).toBe(0);
  expect(await canvas.inkFraction(kickerTail)).toBeLessThan(0.01);

  await editor.caretToStart();
  for (let i = 0; i < SELECTED; i++) await page.keyboard.press('Shift+ArrowRight');
  await editor.expectSelected(SELECTED);
  await expect(size).toHaveValue('');
  await expect(clear).toBeDisabled();

  let version = await canvas.layoutVersion();
  await size.fill('二号');
  await size.press('Enter');
  await canvas.waitForComposeAfter(version);
  await expect(size).toHaveValue('二号');
  // The kicker's first characters are larger: the kicker now reaches past where it ended.
  await expect.poll(() => canvas.inkFraction(kickerTail)).toBeGreaterThan(0.05);

  version = await canvas.layoutVersion();
  await colour.selectOption({ label: 'Red (M 100 Y 100)' });
  await canvas.waitForComposeAfter(version);
  await expect(colour).toHaveValue('red');
  await expect.poll(() => redPixels(canvas.content, headRect, trim.widthPt)).toBeGreaterThan(50);
  await expect(editor.textbox.locator('span.pm-local')).toHaveText('“八八战略');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-local-format.png') });

  // Find by format lists the run (the Find panel opens with Ctrl+F).
  await page.keyboard.press('Control+f');
  const find = page.getByRole('search', { name: 'Find and replace' });
  await find.getByRole('combobox', { name: 'Find by format' }).selectOption({ label: 'Any local formatting' });
  const listed = find.getByRole('list', { name: 'Text with local formatting' }).getByRole('button');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('“八八战略');
  await listed.click();
  await editor.expectSelected(SELECTED);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-local-format-find.png') });

  // Clear local formatting: the kicker is set as styled again.
  version = await canvas.layoutVersion();
  await expect(clear).toBeEnabled();
  await clear.click();
  await canvas.waitForComposeAfter(version);
  await expect.poll(() => redPixels(canvas.content, headRect, trim.widthPt)).toBe(0);
  await expect(size).toHaveValue('');
  await expect(editor.textbox.locator('span.pm-local')).toHaveCount(0);
  await expect.poll(() => canvas.inkFraction(kickerTail)).toBeLessThan(0.01);
  await expect(listed).toHaveCount(0);
});
