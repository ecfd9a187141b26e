/**
 * Place text (置入稿件): a layout editor selects a story's frame and places a reporter's Word manuscript: the
 * story takes its headline, byline and paragraphs (and the headline as its name), the page and the exported PDF
 * show them; the editor renames the story; Ctrl+Z takes back the rename, then the placed text with its name. A plain-text manuscript from a Chinese Windows PC (GB18030) reads correctly, and an old
 * Word .doc is refused with what to do instead. A plain-text report's part headings, dateline, signature lines and
 * ASCII commas are recognised and offered part by part before placing (issue 17 item 5).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { minimalDocx } from '../unit/main/docx-fixture.js';
import { useSharedWindow } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { inspector } from './pages/canvas-images.js';
import { StoryEditor } from './pages/editor.js';
import { ARTIFACTS_DIR } from './pages/pdf.js';
import { loadSample, sampleFrame, SAMPLE_PRINT_ERRORS, trimSizePt } from './pages/sample.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const leidian = sampleFrame(sample, 'leidian');

function workspace(): string {
  const dir = process.env.FOLIO_E2E_WORKSPACE;
  if (!dir) throw new RangeError('FOLIO_E2E_WORKSPACE is not set (run through playwright.config.ts).');
  return dir;
}

const win = useSharedWindow();

test.beforeAll(() => {
  writeFileSync(path.join(workspace(), '雷电稿件.docx'), minimalDocx(['雷电天气安全提示', '记者 王小明', '\u3000\u3000近日我县多雷雨天气，请市民注意防范。', '雷雨时不要在大树下避雨。']));
  // "德清新闻\r\n记者 张三\r\n\u3000\u3000正文。\r\n" as Notepad on Chinese Windows saves it (GB18030, from iconv).
  writeFileSync(path.join(workspace(), '简讯.txt'), Buffer.from('b5c2c7e5d0c2cec50d0abcc7d5df20d5c5c8fd0d0aa1a1a1a1d5fdcec4a1a30d0a', 'hex'));
  // A plain-text report with the structure a writer marks in plain text (UTF-8 from a Linux desk).
  writeFileSync(path.join(workspace(), '政务办稿件.txt'), [
    '县政务办推进改革工作情况',
    '\u3000\u3000本报讯（记者 沈佳怡）今年以来,县政务办持续深化改革。',
    '一、总体情况',
    '1.全年完成“一网通办”事项386项，实现率达到98.5%。',
    '二、下一步打算',
    '县政务办 张三',
    '2023年7月19日',
  ].join('\n'));
  writeFileSync(path.join(workspace(), '旧稿.doc'), Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
});

test('place text: a Word manuscript replaces the story of the selected frame; GB18030 text reads; .doc is refused; undo', async () => {
  test.setTimeout(120_000);
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  await app.button('Fit page').click();
  const canvas = new PageCanvas(page, trim.widthPt);
  const panel = inspector(page);
  const editor = new StoryEditor(page);
  await canvas.clickAt(leidian.xPt + 30, leidian.yPt + 30);
  await expect(panel).toContainText('Text frame leidian');
  const before = (await canvas.frameText('leidian').textContent()) ?? '';
  expect(before.length).toBeGreaterThan(20);
  const oldName = sample.stories.leidian!.name;

  const place = async (file: string) => {
    await panel.getByRole('button', { name: 'Place text…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Place text' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('checkbox')).toBeChecked();
    await dialog.getByRole('button', { name: file, exact: true }).click();
    await expect(dialog).toBeHidden();
  };

  // The old Word file is refused, and the story keeps its text.
  await place('旧稿.doc');
  await expect(app.message).toContainText('Could not place 旧稿.doc');
  await expect(app.message).toContainText('save it as .docx or .txt');
  await expect(canvas.frameText('leidian')).toHaveText(before);

  // The Word manuscript: headline, byline, two body paragraphs (the writer's ideographic indent dropped).
  await place('雷电稿件.docx');
  await expect(app.message).toContainText('Placed 雷电稿件.docx: 4 paragraphs, 43 characters.');
  // The Inspector counts the story as editors do (字数: no spaces).
  await expect(panel.getByLabel('Story length')).toHaveText('43 字');
  await expect(canvas.frameText('leidian')).toContainText('雷电天气安全提示');
  await expect(canvas.frameText('leidian')).toContainText('雷雨时不要在大树下避雨。');
  await expect(editor.textbox.locator('h1')).toHaveText('雷电天气安全提示');
  await expect(editor.textbox.locator('p.pm-byline')).toHaveText('记者 王小明');
  await expect(editor.textbox.locator('p.pm-paragraph').first()).toHaveText('近日我县多雷雨天气，请市民注意防范。');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-place-text.png') });

  // The export sets it: the PDF's text holds the manuscript.
  const [pdf] = (await app.exportPdf('button', SAMPLE_PRINT_ERRORS)) as [string];
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('雷电天气安全提示');
  expect(text).toContain('近日我县多雷雨天气');

  // The story took the manuscript's headline as its name; ✎ renames it (an empty name is refused).
  const stories = page.getByRole('navigation', { name: 'Pages and stories' });
  const heading = editor.panel.getByRole('heading', { level: 2 });
  await expect(heading).toHaveText('雷电天气安全提示');
  await expect(stories.getByRole('button', { name: /^Story 雷电天气安全提示,/ })).toBeVisible();
  const storyName = page.getByRole('textbox', { name: 'Story name' });
  await editor.panel.getByRole('button', { name: 'Rename story' }).click();
  await expect(storyName).toBeFocused();
  await storyName.fill('');
  await storyName.press('Enter');
  await expect(app.message).toContainText('A story needs a name.');
  await expect(heading).toHaveText('雷电天气安全提示');
  await editor.panel.getByRole('button', { name: 'Rename story' }).click();
  await storyName.fill('雷电提示');
  await storyName.press('Enter');
  await expect(heading).toHaveText('雷电提示');
  await expect(stories.getByRole('button', { name: /^Story 雷电提示,/ })).toBeVisible();

  // Ctrl+Z: the rename, then the placed text and its name together, are taken back.
  await canvas.surface.focus();
  await canvas.surface.press('Control+z');
  await expect(heading).toHaveText('雷电天气安全提示');
  await canvas.surface.press('Control+z');
  await expect(heading).toHaveText(oldName);
  await expect(canvas.frameText('leidian')).toHaveText(before);

  // The GB18030 text file: headline 德清新闻, byline 记者 张三, body 正文。
  await canvas.clickAt(leidian.xPt + 30, leidian.yPt + 30);
  await place('简讯.txt');
  await expect(app.message).toContainText('Placed 简讯.txt: 3 paragraphs, 11 characters, read as GB18030.');
  await expect(editor.textbox.locator('h1')).toHaveText('德清新闻');
  await expect(editor.textbox.locator('p.pm-byline')).toHaveText('记者 张三');
  await expect(editor.panel.getByRole('heading', { level: 2 })).toHaveText('德清新闻');
});

test('place text: part headings, a dateline, signature lines and ASCII commas are recognised; the writer unticks one', async () => {
  test.setTimeout(120_000);
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  await app.button('Fit page').click();
  const canvas = new PageCanvas(page, trim.widthPt);
  const panel = inspector(page);
  const editor = new StoryEditor(page);
  await canvas.clickAt(leidian.xPt + 30, leidian.yPt + 30);
  await expect(panel).toContainText('Text frame leidian');
  await panel.getByRole('button', { name: 'Place text…' }).click();
  await page.getByRole('dialog', { name: 'Place text' }).getByRole('button', { name: '政务办稿件.txt', exact: true }).click();

  // The second step lists what was recognised, every part ticked; the sentence numbered 1. is not among them.
  const review = page.getByRole('dialog', { name: 'Parts recognised in 政务办稿件.txt' });
  await expect(review).toBeVisible();
  const parts = review.getByRole('list', { name: 'Recognised parts' }).getByRole('checkbox');
  await expect(parts).toHaveCount(6);
  for (const name of [
    'Dateline in bold or on its own line: 本报讯（记者 沈佳怡）', '1 ASCII mark to full width: 本报讯（记者 沈佳怡）今年以来，县政务办持续深化改革。',
    'Subhead: 一、总体情况', 'Subhead: 二、下一步打算', 'Signature line, in the byline style: 县政务办 张三', 'Signature line, in the byline style: 2023年7月19日',
  ]) await expect(review.getByRole('checkbox', { name, exact: true })).toBeChecked();
  await expect(review).not.toContainText('1.全年完成');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-place-text-review.png') });
  await review.getByRole('checkbox', { name: 'Subhead: 二、下一步打算' }).uncheck();
  await review.getByRole('button', { name: 'Place', exact: true }).click();
  await expect(review).toBeHidden();
  await expect(app.message).toContainText('Placed 政务办稿件.txt: 7 paragraphs');

  await expect(editor.textbox.locator('h1')).toHaveText('县政务办推进改革工作情况');
  await expect(editor.textbox.locator('h3.pm-subhead')).toHaveText(['一、总体情况']);
  await expect(editor.textbox.locator('p.pm-paragraph', { hasText: '二、下一步打算' })).toHaveCount(1);
  await expect(editor.textbox.locator('p.pm-paragraph', { hasText: '1.全年完成' })).toHaveCount(1);
  await expect(editor.textbox.locator('p.pm-paragraph strong').first()).toHaveText('本报讯（记者 沈佳怡）');
  await expect(editor.textbox.locator('p.pm-paragraph').first()).toHaveText('本报讯（记者 沈佳怡）今年以来，县政务办持续深化改革。');
  await expect(editor.textbox.locator('p[data-style="byline"]')).toHaveText(['县政务办 张三', '2023年7月19日']);
  await expect(canvas.frameText('leidian')).toContainText('一、总体情况');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-place-text-structure.png') });

  // One undo step takes the whole placement back.
  await canvas.surface.focus();
  await canvas.surface.press('Control+z');
  await expect(editor.panel.getByRole('heading', { level: 2 })).toHaveText(sample.stories.leidian!.name);
});
