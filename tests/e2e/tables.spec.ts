/**
 * Tables (issue 16), built in the browser the way a layout editor builds them, and exported:
 *
 * 1. A weather box in a story with room (「县领导调研雷甸镇…」 given room first, pages/story-room.ts: the sample's
 *    own frames are filled to the original's column ends): Insert table, type a cell, Tab to the next; the header row, the
 *    temperature column flush right and 5 characters wide, padding, red dashed rules, a grey header row and a
 *    yellow cell from the table panel (each one undo step). The page's text layer and the PDF read the cells
 *    row by row; then a double-click on a cell's text in the page canvas (where the PDF says it is) puts the
 *    caret there, an input method types into the cell, and tracked changes inside the cell show on the page.
 * 2. A results table (中考成绩) imported from a GB18030 CSV file the test writes, replacing the body of a
 *    three-column story (the same story given room): it flows through the columns with the header row at each column top, the score
 *    column on the decimal point, and the PDF holds every row.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { useSharedWindow } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { StoryEditor } from './pages/editor.js';
import { ARTIFACTS_DIR, renderPng, trimOffsetPt } from './pages/pdf.js';
import { inspector } from './pages/canvas-images.js';
import { loadSample, SAMPLE_PRINT_ERRORS, trimSizePt } from './pages/sample.js';
import { makeStoryRoom } from './pages/story-room.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const win = useSharedWindow();

const WEATHER = [
  ['城市', '天气', '气温'],
  ['德清', '晴', '33℃'],
  ['杭州', '多云', '31℃'],
  ['湖州', '阵雨', '30℃'],
];

/** A word of page 1 of a PDF as `pdftotext -bbox` finds it, in page points from the trim box's top-left. */
interface PdfWord {
  text: string;
  xPt: number;
  yPt: number;
  widthPt: number;
  heightPt: number;
}

/** The words of page 1 (poppler's word boxes, moved from the media box to the trim box). */
function pdfWords(pdf: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  const offset = trimOffsetPt(pdf);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!,
    xPt: Number(m[1]) - offset.xPt,
    yPt: Number(m[2]) - offset.yPt,
    widthPt: Number(m[3]) - Number(m[1]),
    heightPt: Number(m[4]) - Number(m[2]),
  }));
}

/** The text layer's paragraphs of the frames whose id starts with `prefix`. */
async function framesText(canvas: PageCanvas, prefix: string): Promise<string[]> {
  const frames = await canvas.paragraphs();
  return frames.filter((f) => f.frameId.startsWith(prefix)).flatMap((f) => f.paragraphs);
}

/** Sets a number field of the table panel and commits it (Enter fires `change`). */
async function setNumber(page: Page, name: string, value: string): Promise<void> {
  const field = page.getByRole('group', { name: 'Table settings' }).getByRole('spinbutton', { name, exact: true });
  await field.fill(value);
  await field.press('Enter');
}

test('a weather box built in the story editor: panel settings, page and PDF agree; click, IME and tracked changes in a cell', async () => {
  test.setTimeout(180_000);
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  await app.button('Fit page').click();
  await makeStoryRoom(canvas, inspector(page));
  const editor = new StoryEditor(page);
  await editor.openFromList(/雷甸/);
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

  // The header row and the temperature column (the caret is in it): flush right, 5 characters wide.
  await tables.getByRole('spinbutton', { name: 'Header rows' }).fill('1');
  await tables.getByRole('spinbutton', { name: 'Header rows' }).press('Enter');
  await tables.getByRole('combobox', { name: 'Column alignment' }).selectOption('Right');
  const panel = page.getByRole('group', { name: 'Table settings' });
  await expect(panel.getByRole('spinbutton', { name: 'Column width', exact: true })).toBeDisabled();
  await panel.getByRole('combobox', { name: 'Column width unit' }).selectOption('characters');
  await setNumber(page, 'Column width', '5');
  await expect(panel.getByRole('spinbutton', { name: 'Column width', exact: true })).toHaveValue('5');
  // Padding, and red dashed rules a little heavier than a hairline.
  await setNumber(page, 'Cell padding', '3');
  await panel.getByRole('combobox', { name: 'Cell rule style' }).selectOption('Dashed');
  await setNumber(page, 'Cell rule weight', '0.75');
  await panel.getByRole('combobox', { name: 'Cell rule colour' }).selectOption('Red (M 100 Y 100 K 10)');
  // A weight the model refuses is refused with its limit, and the field shows the table's weight again.
  await setNumber(page, 'Cell rule weight', '5');
  await expect(app.message).toContainText('between 0 and 2 pt');
  await expect(panel.getByRole('spinbutton', { name: 'Cell rule weight' })).toHaveValue('0.75');

  // A grey header row: the caret into the first cell; a yellow 德清 cell.
  await editor.textbox.locator('table tr').first().locator('th, td').first().click();
  await panel.getByRole('combobox', { name: 'Row tint' }).selectOption('Black 15 %');
  await editor.textbox.locator('table tr').nth(1).locator('td').first().click();
  await expect(panel.getByRole('combobox', { name: 'Row tint' })).toHaveValue('none');
  await panel.getByRole('combobox', { name: 'Cell tint' }).selectOption('Yellow 15 %');
  await expect(panel.getByRole('combobox', { name: 'Cell tint' })).toHaveValue('y15');
  // Each panel change is one undo step: Ctrl+Z takes back the cell tint alone, Ctrl+Y puts it back.
  await editor.textbox.focus();
  await page.keyboard.press('Control+z');
  await expect(panel.getByRole('combobox', { name: 'Cell tint' })).toHaveValue('none');
  await page.keyboard.press('Control+y');
  await expect(panel.getByRole('combobox', { name: 'Cell tint' })).toHaveValue('y15');
  await editor.textbox.locator('table tr').first().locator('th, td').first().click();
  await expect(panel.getByRole('combobox', { name: 'Row tint' })).toHaveValue('k15');
  await expect(panel.getByRole('combobox', { name: 'Cell rule style' })).toHaveValue('dashed');
  await expect(panel.getByRole('spinbutton', { name: 'Cell padding' })).toHaveValue('3');

  // The page sets the cells as paragraphs of the story, row by row, after its last body paragraph.
  await expect.poll(async () => (await framesText(canvas, 'leidian')).slice(-12)).toEqual(WEATHER.flat());
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'tables-editor.png') });

  const [pdf] = (await app.exportPdf('button', SAMPLE_PRINT_ERRORS)) as [string];
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  // The text layer and the PDF read the box alike: the story frame's text, cells in row order, in the PDF's.
  const layerText = (await framesText(canvas, 'leidian')).join('').replace(/\s+/g, '');
  expect(layerText.endsWith(WEATHER.flat().join(''))).toBe(true);
  expect(text).toContain(layerText.slice(-40));
  renderPng(pdf, 'tables-weather-box', 100);

  // Double-click the end of 湖州 where the PDF drew it: the story opens with the caret in that cell.
  const huzhou = pdfWords(pdf).find((w) => w.text.startsWith('湖州'));
  expect(huzhou, 'the PDF has the word 湖州').toBeDefined();
  const glyphPt = huzhou!.widthPt / [...huzhou!.text].length;
  await canvas.doubleClickAt(huzhou!.xPt + 2 * glyphPt - 0.5, huzhou!.yPt + huzhou!.heightPt / 2);
  const huzhouCell = editor.textbox.locator('table tr').nth(3).locator('td').first();
  // An input method types into the cell: the page sets what it commits.
  await editor.typeWithIme('shi', '市');
  await expect(huzhouCell).toHaveText('湖州市');
  await expect.poll(async () => (await framesText(canvas, 'leidian')).slice(-3)).toEqual(['湖州市', '阵雨', '30℃']);

  // Tracked changes in the cell: Backspace strikes 市, typed text is inserted; the page reads as accepted.
  await editor.button('Track changes').click();
  await editor.panel.getByRole('textbox', { name: 'Reviewer name' }).fill('王校对');
  await huzhouCell.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await expect(huzhouCell.locator('del.pm-deletion')).toHaveText('市');
  await editor.type('城区');
  await expect(huzhouCell.locator('ins.pm-insertion')).toHaveText('城区');
  await expect.poll(async () => (await framesText(canvas, 'leidian')).slice(-3)).toEqual(['湖州城区', '阵雨', '30℃']);
  const changes = page.getByRole('region', { name: 'Tracked changes' });
  await expect(changes.getByRole('listitem')).toHaveCount(2);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'tables-tracked-cell.png') });
  await editor.button('Track changes').click();
});

/** The results: a header and `count` candidates, scores with a half point now and then. */
function resultsCsv(count: number): { rows: string[][]; csv: string } {
  const SURNAMES = ['沈', '姚', '钱', '费', '闵', '俞', '吴', '莫'];
  const GIVEN = ['嘉怡', '子涵', '浩然', '雨桐', '俊杰', '思远', '欣悦', '宇航'];
  const rows = [['准考证号', '姓名', '总分'], ...Array.from({ length: count }, (_, i) => [
    `2026${String(i + 1).padStart(4, '0')}`,
    `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 3) % GIVEN.length]}`,
    i % 3 === 0 ? `${640 - i}.5` : String(640 - i),
  ])];
  return { rows, csv: `${rows.map((r) => r.join(',')).join('\r\n')}\r\n` };
}

test('a results table imported from a GB18030 CSV flows on through a story’s columns with its header at each top', async () => {
  test.setTimeout(180_000);
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  await app.button('Fit page').click();
  await makeStoryRoom(canvas, inspector(page));
  const editor = new StoryEditor(page);

  // The file as Excel on a Chinese Windows saves it: GB18030 (iconv, the system's encoder), CRLF line ends.
  const { rows, csv } = resultsCsv(30);
  const dir = mkdtempSync(path.join(tmpdir(), 'folio-csv-'));
  const file = path.join(dir, '中考成绩.csv');
  writeFileSync(file, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: csv }));
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file))).toThrow();

  // Replace the body of the three-column story with a line of its own and the table.
  await editor.openFromList(/雷甸镇/);
  // At the very start of the first body paragraph (a click in its middle would leave its first line).
  await editor.textbox.locator('section.pm-columns p').first().click({ position: { x: 1, y: 4 } });
  await page.keyboard.press('Control+Shift+End');
  await editor.type('2026年德清县中考成绩（部分）');
  await expect(editor.textbox.locator('section.pm-columns > p')).toHaveCount(1);

  // The window is shared: the insert controls may still be unfolded from the test before.
  const toggle = page.getByRole('button', { name: 'Table…' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const tables = page.getByRole('toolbar', { name: 'Table' });
  const chooser = page.waitForEvent('filechooser');
  await tables.getByRole('button', { name: 'Import CSV…' }).click();
  await (await chooser).setFiles(file);
  // Chromium reads a picked file when the page asks for its bytes, not when it is picked: remove it only after.
  await expect(app.message).toContainText('read as GB18030');
  await expect(app.message).toContainText('31 rows of 3 columns');
  rmSync(dir, { recursive: true, force: true });
  await expect(editor.textbox.locator('table tr')).toHaveCount(31);
  await expect(editor.textbox.locator('table tr').nth(1).locator('td').nth(1)).toHaveText(rows[1]![1]!);

  // The score column on the decimal point; the id column 6 characters wide.
  await editor.textbox.locator('table tr').nth(1).locator('td').nth(2).click();
  await tables.getByRole('combobox', { name: 'Column alignment' }).selectOption('Decimal point');
  await editor.textbox.locator('table tr').nth(1).locator('td').first().click();
  const panel = page.getByRole('group', { name: 'Table settings' });
  await panel.getByRole('combobox', { name: 'Column width unit' }).selectOption('characters');
  await setNumber(page, 'Column width', '6');

  // On the page: every result once, in order, and the header row at the top of each column after the first.
  await expect.poll(async () => (await framesText(canvas, 'leidian')).filter((t) => /^2026\d{4}$/.test(t))).toEqual(rows.slice(1).map((r) => r[0]));
  const layer = await framesText(canvas, 'leidian');
  expect(layer.filter((t) => t === '准考证号').length).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'tables-results.png') });

  // The PDF: no overset to refuse (only the sample's placeholder photo), every row's cells in row order.
  const [pdf] = (await app.exportPdf('button', SAMPLE_PRINT_ERRORS)) as [string];
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const row of rows.slice(1)) expect(text).toContain(row.join(''));
  expect(text.split('准考证号姓名总分').length - 1).toBe(layer.filter((t) => t === '准考证号').length);
  renderPng(pdf, 'tables-results', 100);
});
