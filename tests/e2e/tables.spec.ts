/**
 * Tables (issue 16): a layout editor builds a weather box in the feature story from the story editor — Insert
 * table, type a cell, Tab to the next — sets the temperature column flush right, and exports: the page's text
 * layer and the PDF read the cells row by row, and the PDF draws the table's rules.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { useSharedWindow } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { StoryEditor } from './pages/editor.js';
import { renderPng } from './pages/pdf.js';
import { loadSample, SAMPLE_PRINT_ERRORS, trimSizePt } from './pages/sample.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const win = useSharedWindow();

const WEATHER = [
  ['城市', '天气', '气温'],
  ['德清', '晴', '33℃'],
  ['杭州', '多云', '31℃'],
  ['湖州', '阵雨', '30℃'],
];

test('a weather box built in the story editor is set on the page and in the PDF, cell by cell', async () => {
  test.setTimeout(120_000);
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const editor = new StoryEditor(page);
  await editor.openFromList(/脚踩50℃/);
  await editor.caretToEnd();

  // The insert controls are folded away until asked for.
  await page.getByRole('button', { name: 'Table…' }).click();
  const tables = page.getByRole('toolbar', { name: 'Table' });
  await tables.getByRole('spinbutton', { name: 'Rows' }).fill('4');
  await tables.getByRole('spinbutton', { name: 'Columns' }).fill('3');
  await tables.getByRole('button', { name: 'Insert table' }).click();
  // The caret is in the first cell: type each cell, Tab to the next.
  for (const [i, text] of WEATHER.flat().entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    await editor.type(text);
  }
  await expect(editor.textbox.locator('table tr')).toHaveCount(4);
  await expect(editor.textbox.locator('table td').last()).toHaveText('30℃');

  // The header row and the temperature column (the caret is in it), flush right.
  await tables.getByRole('spinbutton', { name: 'Header rows' }).fill('1');
  await tables.getByRole('spinbutton', { name: 'Header rows' }).press('Enter');
  await tables.getByRole('combobox', { name: 'Column alignment' }).selectOption('Right');

  // The page sets the cells as paragraphs of the feature story, row by row, after its last body paragraph.
  await expect.poll(async () => {
    const frames = await canvas.paragraphs();
    const paragraphs = frames.filter((f) => f.frameId.startsWith('feature')).flatMap((f) => f.paragraphs);
    return paragraphs.slice(-12);
  }).toEqual(WEATHER.flat());
  await page.screenshot({ path: 'tests/artifacts/tables-editor.png' });

  const [pdf] = (await app.exportPdf('button', SAMPLE_PRINT_ERRORS)) as [string];
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain(WEATHER.flat().join(''));
  renderPng(pdf, 'tables-weather-box', 100);
});
