/**
 * A layout editor's session from an empty page to the press: new inner page from its template, a story set
 * across three columns and threaded into a second frame, a picture with a caption frame, the body style made
 * larger (the page reflows), everything undone and redone through the one document history, then save,
 * reopen and export — the exported PDF is rendered and has ink where the story and the picture are.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { twoColourRgbPng } from '../unit/pdf/test-assets.js';
import { FolioApp } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { inspector, placeFile } from './pages/canvas-images.js';
import { StoryEditor } from './pages/editor.js';
import { ARTIFACTS_DIR, pdfInkFraction, renderGrey, renderPng, trimOffsetPt } from './pages/pdf.js';
import { StylesPanel } from './pages/styles.js';

/** Real prose (from the seed) long enough to overflow one frame. */
const BODY = '今年以来，我县统筹推进省市县民生实事项目，78项省市民生实事子任务提前完成，10件县民生实事项目总体实现“时间过半、任务超半”。'.repeat(14);
/** The inner-page template's trim width (390 mm). */
const BROADSHEET_WIDTH_PT = (390 * 72) / 25.4;
/** Fonts and the first compose on a loaded 2-core machine. */
const OPEN_TIMEOUT_MS = 60_000;

test('new page → 3-column story threaded on → picture and caption → style change → undo all, redo → save, reopen, export', async ({ page }) => {
  test.setTimeout(240_000);
  const workspace = process.env.FOLIO_E2E_WORKSPACE!;
  writeFileSync(path.join(workspace, 'scenario-photo.png'), twoColourRgbPng(900, 600, [200, 40, 40], [40, 40, 200]));
  const app = new FolioApp(page);
  const editor = new StoryEditor(page);
  const styles = new StylesPanel(page);
  const panel = inspector(page);
  await app.open();

  // 1. New from the inner-page template.
  await app.button('Open…').click();
  const open = page.getByRole('dialog', { name: 'Open or create' });
  await open.getByRole('button', { name: /^New: .*Broadsheet inner page/ }).click();
  await expect(open).toBeHidden();
  await expect(app.documentState).toHaveText('Not saved yet', { timeout: OPEN_TIMEOUT_MS });
  const canvas = new PageCanvas(page, BROADSHEET_WIDTH_PT);

  // 2. A story across three columns: add a frame, widen it, three columns, type headline and body.
  await app.button('Add text frame').click();
  const first = ((await panel.locator('code').first().textContent()) ?? '').trim();
  await expect(panel).toContainText(`Text frame ${first}`);
  await panel.getByRole('spinbutton', { name: 'Width (mm)' }).fill('180');
  await panel.getByRole('spinbutton', { name: 'Width (mm)' }).press('Enter');
  await panel.getByRole('spinbutton', { name: 'Height (mm)' }).fill('60');
  await panel.getByRole('spinbutton', { name: 'Height (mm)' }).press('Enter');
  const mmToPt = (mm: number) => (mm * 72) / 25.4;
  const firstXMm = await panel.getByRole('spinbutton', { name: 'X (mm)' }).inputValue();
  const firstAt = {
    xPt: mmToPt(Number(firstXMm)),
    yPt: mmToPt(Number(await panel.getByRole('spinbutton', { name: 'Y (mm)' }).inputValue())),
  };
  await panel.getByRole('spinbutton', { name: 'Columns' }).fill('3');
  await panel.getByRole('spinbutton', { name: 'Columns' }).press('Enter');
  await expect(panel.getByRole('spinbutton', { name: 'Columns' })).toHaveValue('3');
  await editor.textbox.getByText('正文').click();
  await page.keyboard.press('End');
  await editor.type(BODY);
  await expect(canvas.frameText(first)).toContainText('民生实事');
  await expect(panel.getByLabel('Copyfit')).toHaveText(/^\+\d+ lines?$/);

  // 3. Thread the overflow into a second frame placed below.
  await canvas.surface.focus();
  await app.button('Add text frame').click();
  const second = ((await panel.locator('code').first().textContent()) ?? '').trim();
  expect(second).not.toBe(first);
  // A new frame takes the first empty grid area (beside the first one): line it up under the first frame.
  await panel.getByRole('spinbutton', { name: 'X (mm)' }).fill(firstXMm);
  await panel.getByRole('spinbutton', { name: 'X (mm)' }).press('Enter');
  await panel.getByRole('spinbutton', { name: 'Y (mm)' }).fill('150');
  await panel.getByRole('spinbutton', { name: 'Y (mm)' }).press('Enter');
  await canvas.clickAt(firstAt.xPt + 30, firstAt.yPt + 30);
  await expect(panel).toContainText(`Text frame ${first}`);
  await panel.getByRole('combobox', { name: 'Continues in frame' }).selectOption(second);
  await expect(canvas.frameText(second)).toContainText('民生实事');
  await expect(panel.getByLabel('Copyfit')).not.toHaveText(/^\+/);

  // 4. A picture and its caption frame.
  await canvas.surface.focus();
  await page.keyboard.press('Escape');
  await placeFile(page, 'scenario-photo.png');
  await expect(panel).toContainText('scenario-photo.png');
  await panel.getByRole('spinbutton', { name: 'X (mm)' }).fill(firstXMm);
  await panel.getByRole('spinbutton', { name: 'X (mm)' }).press('Enter');
  await panel.getByRole('spinbutton', { name: 'Y (mm)' }).fill('285');
  await panel.getByRole('spinbutton', { name: 'Y (mm)' }).press('Enter');
  await app.button('Add text frame').click();
  const caption = ((await panel.locator('code').first().textContent()) ?? '').trim();
  await panel.getByRole('spinbutton', { name: 'X (mm)' }).fill(firstXMm);
  await panel.getByRole('spinbutton', { name: 'X (mm)' }).press('Enter');
  await panel.getByRole('spinbutton', { name: 'Y (mm)' }).fill('345');
  await panel.getByRole('spinbutton', { name: 'Y (mm)' }).press('Enter');
  await panel.getByRole('spinbutton', { name: 'Height (mm)' }).fill('30');
  await panel.getByRole('spinbutton', { name: 'Height (mm)' }).press('Enter');
  await panel.getByRole('spinbutton', { name: 'Columns' }).fill('1');
  await panel.getByRole('spinbutton', { name: 'Columns' }).press('Enter');
  await editor.textbox.getByText('标题').click();
  await page.keyboard.press('End');
  await editor.blockType.selectOption('caption', { timeout: 10_000 });
  await editor.type('：战高温 养护忙');
  await expect(canvas.frameText(caption)).toContainText('战高温 养护忙');

  // 5. The body style one size larger: the threaded story needs more lines.
  await styles.chooseParagraphStyle('paragraph');
  const beforeSize = await canvas.layoutVersion();
  await styles.setSize('五号');
  await expect(styles.sizeInPoints).toContainText('10.5');
  // The text layer is rebuilt when the browser is idle: read it once it shows the larger size's layout.
  await canvas.waitForComposeAfter(beforeSize);
  const finalText = await canvas.textLayer.textContent();
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-scenario-built.png') });

  // 6. Undo everything (one history for text, frames and styles), then redo it all.
  await canvas.surface.focus();
  for (let i = 0; i < 60 && (await canvas.frameText(first).count()) > 0; i++) await page.keyboard.press('Control+z');
  await expect(canvas.frameText(first)).toHaveCount(0);
  await expect(canvas.frameText(second)).toHaveCount(0);
  await expect(canvas.textLayer).not.toContainText('民生实事');
  for (let i = 0; i < 60 && (await canvas.textLayer.textContent()) !== finalText; i++) await page.keyboard.press('Control+Shift+z');
  await expect(canvas.textLayer).toHaveText(finalText ?? '');

  // 7. Save, reopen, export; the PDF shows the story's frames and the picture inked.
  await app.saveAs('scenario.folio');
  await app.button('Open…').click();
  await open.getByRole('button', { name: 'Open scenario.folio' }).click();
  await expect(open).toBeHidden();
  // The reopened page is set (and takes shortcuts) once the window says so; the old page looks the same.
  await expect(app.message).toContainText('Opened', { timeout: OPEN_TIMEOUT_MS });
  await expect(app.documentState).toHaveText('Saved');
  await expect(canvas.textLayer).toHaveText(finalText ?? '');
  // The overset story is a preflight error: Ctrl+E asks first, and Export anyway writes the file.
  await page.keyboard.press('Control+e');
  await page.getByRole('dialog', { name: 'Export with preflight errors?' }).getByRole('button', { name: 'Export anyway' }).click({ timeout: 15_000 });
  await expect(app.message).toContainText('Exported', { timeout: 60_000 });
  const [pdf] = ((await app.message.textContent()) ?? '').replace(/^Exported\s+/, '').split(', ').map((p) => p.trim());
  renderPng(pdf!, 'e2e-scenario-export', 50);
  const grey = renderGrey(pdf!, 50);
  const offset = trimOffsetPt(pdf!);
  // The story frames, the picture and its caption sit in the top 370 mm of the page, left of 200 mm: inked.
  const inked = pdfInkFraction(grey, offset, { xPt: 40, yPt: 90, widthPt: (200 * 72) / 25.4, heightPt: (370 * 72) / 25.4 });
  expect(inked).toBeGreaterThan(0.05);
});
