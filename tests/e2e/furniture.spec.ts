/**
 * The furniture library (报花库): a layout editor selects the sample's photo and its caption, saves them to the
 * workspace library as "Weather box", adds an inner page and places the item there by clicking on the page — the
 * copy has its own frames and its own caption story, and its picture comes back through the link the library
 * kept; undo takes it away. Then the three built-in originals go into the page's empty areas, and the print PDF
 * shows them (the reversed column tag white on black, the headline treatment, the weather box with its date).
 * Last, the saved item is deleted from the library after a confirmation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createPageGrid } from '../../src-core/layout/grid.js';
import { gridColumnsOf, snapToGrid } from '../../src-core/layout/free-area.js';
import { FurnitureItemSchema } from '../../src-core/model/furniture.js';
import { TemplateSchema } from '../../src-core/model/template.js';
import { useSharedWindow } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { inspector } from './pages/canvas-images.js';
import { PagesPanel } from './pages/pages-panel.js';
import { ARTIFACTS_DIR, pdfInkFraction, pdfTrimText, renderGrey, renderPng, trimOffsetPt } from './pages/pdf.js';
import { loadSample, SAMPLE_PRINT_ERRORS, sampleFrame, trimSizePt } from './pages/sample.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const photo = sampleFrame(sample, 'photo');
const caption = sampleFrame(sample, 'photo-caption');

/** Where the column tag is placed by a click, and so where it lands (snapped to the grid as the app snaps it). */
const tagClick = { xPt: 300, yPt: 900 };
const innerTemplate = TemplateSchema.parse(JSON.parse(readFileSync('templates/broadsheet-inner.json', 'utf8')));
const tagItem = FurnitureItemSchema.parse(JSON.parse(readFileSync('templates/library/栏目标签·反白.folio-item.json', 'utf8')));
const tagRect = snapToGrid(createPageGrid(innerTemplate), gridColumnsOf(innerTemplate), tagClick.xPt, tagClick.yPt, tagItem.widthPt, tagItem.heightPt);

/** The first characters of the sample's caption. */
const captionStart = JSON.stringify(sample.stories[(caption as { storyId: string }).storyId]!.doc).match(/"text":"([^"]{6})/)![1]!;

const win = useSharedWindow();

test('save two frames to the library, place them on another page, undo; place the built-in items and print them', async () => {
  test.setTimeout(180_000);
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  await app.button('Fit page').click();
  const canvas = new PageCanvas(page, trim.widthPt);
  const library = page.getByRole('region', { name: 'Library' });
  const panel = inspector(page);

  // The built-in originals are listed before anything is saved.
  await expect(library.getByRole('button', { name: 'Place “标题组” where you click on the page' })).toBeVisible();

  // Select the photo and its caption, save them as "Weather box".
  await canvas.clickAt(photo.xPt + 30, photo.yPt + 30);
  await canvas.shiftClickAt(caption.xPt + 10, caption.yPt + 5);
  await expect(panel).toContainText('2 frames selected');
  await library.getByRole('button', { name: 'Save selection to library…' }).click();
  await library.getByRole('textbox', { name: 'Item name' }).fill('Weather/box');
  await expect(library.getByRole('button', { name: 'Save to library' })).toBeDisabled();
  await library.getByRole('textbox', { name: 'Item name' }).fill('Weather box');
  await library.getByRole('button', { name: 'Save to library' }).click();
  await expect(app.message).toContainText('Saved “Weather box” to the library (2 frames).');
  const saved = library.getByRole('button', { name: 'Place “Weather box” where you click on the page' });
  await expect(saved).toBeVisible();

  // The filter narrows the list by name.
  await library.getByRole('searchbox', { name: 'Filter library' }).fill('weather');
  await expect(library.getByRole('button', { name: /^Place “标题组”/ })).toHaveCount(0);
  await library.getByRole('searchbox', { name: 'Filter library' }).fill('');

  // A new inner page; place the item where we click on it.
  const pages = new PagesPanel(page);
  await pages.addPage(/Broadsheet inner page/);
  await expect(pages.pageButton('A02')).toHaveAttribute('aria-pressed', 'true');
  let version = await canvas.layoutVersion();
  await saved.click();
  await expect(app.message).toContainText('Click on the page where “Weather box” goes');
  const at = { xPt: 400, yPt: 600 };
  await canvas.clickAt(at.xPt, at.yPt);
  await canvas.waitForComposeAfter(version);
  await expect(app.message).toContainText('Placed “Weather box” on page A02.');
  await expect(panel).toContainText('2 frames selected');
  const placedCaption = canvas.frameText('photo-caption-2');
  await expect(placedCaption).toHaveCount(1);
  // The copy's caption shows the caption's text (from a copy of its story).
  await expect(placedCaption).toContainText(captionStart);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-furniture-placed.png') });

  // Undo takes the whole placement back in one step.
  await canvas.surface.press('Control+z');
  await expect(placedCaption).toHaveCount(0);

  // Two built-in originals go into the first empty areas of the page, the column tag where we click.
  for (const name of ['标题组', '天气预报']) {
    version = await canvas.layoutVersion();
    await library.getByRole('button', { name: `Place “${name}” in the first empty area of the page` }).click();
    await canvas.waitForComposeAfter(version);
    await expect(app.message).toContainText(`Placed “${name}” on page A02`);
  }
  const tag = library.getByRole('button', { name: 'Place “栏目标签·反白” where you click on the page' });
  await tag.focus();
  await page.keyboard.press('Enter');
  await expect(app.message).toContainText('Click on the page where “栏目标签·反白” goes');
  version = await canvas.layoutVersion();
  await canvas.clickAt(tagClick.xPt, tagClick.yPt);
  await canvas.waitForComposeAfter(version);
  // The inner template has no reversed column-tag style: it came with the item.
  await expect(app.message).toContainText('Placed “栏目标签·反白” on page A02, with 1 style the document lacked: columnTagReverse.');
  await expect(canvas.frameText('headline-text')).toContainText('主题写在这里');
  await expect(canvas.frameText('tag-text')).toContainText('德清观察');
  await expect(canvas.frameText('weather-text')).toContainText('天气预报');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-furniture-builtin.png') });

  const files = await app.exportPdf('button', SAMPLE_PRINT_ERRORS);
  const inner = files.find((f) => f.includes('A02'));
  expect(inner).toBeDefined();
  renderPng(inner!, 'e2e-furniture-pdf', 100);
  const text = pdfTrimText(inner!);
  expect(text).toContain('主题写在这里');
  expect(text).toContain('德清观察');
  expect(text).toContain('26～34℃');
  // The tag's box is black ink with the tag knocked out of it in paper white: mostly ink, not all of it.
  const grey = renderGrey(inner!, 150);
  const tagInk = pdfInkFraction(grey, trimOffsetPt(inner!), tagRect);
  expect(tagInk).toBeGreaterThan(0.5);
  expect(tagInk).toBeLessThan(0.97);

  // A workspace item is deleted after a confirmation; the built-in ones offer no Delete.
  await expect(library.getByRole('button', { name: 'Delete “标题组”' })).toHaveCount(0);
  await library.getByRole('button', { name: 'Delete “Weather box”' }).click();
  const confirm = library.getByRole('alertdialog', { name: 'Delete “Weather box” from the workspace library?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(saved).toBeVisible();
  await library.getByRole('button', { name: 'Delete “Weather box”' }).click();
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(app.message).toContainText('Deleted “Weather box” from the library.');
  await expect(saved).toHaveCount(0);
});
