/**
 * Column variations (issue 16): a layout editor balances a story's three columns (齐底) in the Inspector and sets
 * its first paragraph across the frame (变栏) in the story editor — 「县领导调研雷甸镇…」, given room and three plain
 * columns first (pages/story-room.ts: the sample's own frames are filled to the original's column ends). The canvas shows the intro
 * running over the gutters and the columns ending level; Ctrl+Z takes the balance back; the exported PDF's
 * text positions (pdftotext -bbox) show the same.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { useSharedWindow } from './pages/app.js';
import { PageCanvas, type RectPt } from './pages/canvas.js';
import { inspector, saveCanvasRegion } from './pages/canvas-images.js';
import { StoryEditor } from './pages/editor.js';
import { ARTIFACTS_DIR, renderPng, trimOffsetPt } from './pages/pdf.js';
import { loadSample, SAMPLE_PRINT_ERRORS, trimSizePt } from './pages/sample.js';
import { DEPTH_LINES, HEAD_LINES, makeStoryRoom, PITCH_PT as pitchPt, storyRoom as frame } from './pages/story-room.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const bodyPt = 9;
const { gutterPt, columnWidthPt } = frame;
/** Pixels darker than this (0–255) are type at the fit-page zoom. */
const TYPE_LUMINANCE = 160;
/** Words on one baseline closer than this are one line, points: less than the 9-pt gutter. */
const JOIN_GAP_PT = 3.5;

/** Fraction of pixels darker than type in a page rectangle of the content canvas. */
async function canvasTypeFraction(content: Locator, rect: RectPt): Promise<number> {
  return content.evaluate((el, r) => {
    const c = el as HTMLCanvasElement;
    const k = c.width / r.trimWidthPt;
    const d = c.getContext('2d')!.getImageData(Math.round(r.xPt * k), Math.round(r.yPt * k), Math.max(1, Math.round(r.widthPt * k)), Math.max(1, Math.round(r.heightPt * k))).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2] < r.threshold) dark++;
    return dark / (d.length / 4);
  }, { ...rect, trimWidthPt: trim.widthPt, threshold: TYPE_LUMINANCE });
}

/** Grid line `n` of column `c` of the story's frame (its text box, with the gutter on neither side). */
const cellRect = (c: number, n: number): RectPt => ({ xPt: frame.xPt + c * (columnWidthPt + gutterPt), yPt: frame.yPt + n * pitchPt, widthPt: columnWidthPt, heightPt: pitchPt });
/** Gutter `g` (0: between the first two columns) of the story's frame at grid line `n`. */
const gutterRect = (n: number, g: number): RectPt => ({ xPt: frame.xPt + (g + 1) * columnWidthPt + g * gutterPt + 1, yPt: frame.yPt + n * pitchPt + 2, widthPt: gutterPt - 2, heightPt: pitchPt - 4 });
/**
 * The most type in either gutter of the three columns at grid line `n`: a line set across them runs over both,
 * though a light mark (、) may stand over one of them.
 */
async function gutterType(content: Locator, n: number): Promise<number> {
  return Math.max(await canvasTypeFraction(content, gutterRect(n, 0)), await canvasTypeFraction(content, gutterRect(n, 1)));
}
/** Lines of the frame whose column `c` has type (the headline group's included), from the canvas. */
async function columnDepth(content: Locator, c: number): Promise<number> {
  let depth = 0;
  for (let n = 0; n < DEPTH_LINES; n++) if ((await canvasTypeFraction(content, cellRect(c, n))) > 0.02) depth = n + 1;
  return depth;
}

interface PdfLine { text: string; xMinPt: number; xMaxPt: number; yMinPt: number; yMaxPt: number }

/** The exported page's text lines in trim coordinates (pdftotext -bbox words joined along their baseline). */
function pdfLines(pdf: string): PdfLine[] {
  const off = trimOffsetPt(pdf);
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ xMinPt: Number(m[1]) - off.xPt, yMinPt: Number(m[2]) - off.yPt, xMaxPt: Number(m[3]) - off.xPt, yMaxPt: Number(m[4]) - off.yPt, text: m[5]! }))
    .sort((a, b) => a.yMinPt - b.yMinPt || a.xMinPt - b.xMinPt);
  const lines: PdfLine[] = [];
  for (const w of words) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.yMinPt - w.yMinPt) < 0.5 && w.xMinPt - last.xMaxPt < JOIN_GAP_PT) {
      last.text += w.text;
      last.xMaxPt = w.xMaxPt;
    } else lines.push({ ...w });
  }
  return lines;
}

const win = useSharedWindow();

test('columns: balance a story and set its intro across the frame; undo; the PDF agrees', async () => {
  test.setTimeout(180_000);
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  await app.button('Fit page').click();
  const canvas = new PageCanvas(page, trim.widthPt);
  const panel = inspector(page);
  await makeStoryRoom(canvas, panel);
  // At 100 % a gutter is nine pixels wide: at the fit-page zoom a light glyph over it can measure as no type.
  await app.button('100 %').click();

  // As the sample comes: the columns fill one by one, so column 1 runs deeper than column 3.
  const filled = [await columnDepth(canvas.content, 0), await columnDepth(canvas.content, 1), await columnDepth(canvas.content, 2)];
  expect(filled[0]! - filled[2]!).toBeGreaterThan(1);

  // Inspector ▸ Balance columns on the story's frame (still selected).
  await expect(panel).toContainText('Text frame leidian');
  const balance = panel.getByRole('checkbox', { name: 'Balance columns' });
  await expect(balance).not.toBeChecked();
  let version = await canvas.layoutVersion();
  await balance.check();
  await canvas.waitForComposeAfter(version);
  await expect(panel.getByTestId('balance-cost')).toContainText(/^Balanced: \d+ \/ \d+ \/ \d+ lines short per column$/);
  const balanced = [await columnDepth(canvas.content, 0), await columnDepth(canvas.content, 1), await columnDepth(canvas.content, 2)];
  console.log(`column depths: ${filled.join(', ')} filled, ${balanced.join(', ')} balanced`);
  expect(Math.max(...balanced) - Math.min(...balanced)).toBeLessThanOrEqual(1);
  await saveCanvasRegion(canvas.content, frame, path.join(ARTIFACTS_DIR, 'e2e-columns-balanced.png'), trim.widthPt);

  // Ctrl+Z takes it back, Ctrl+Shift+Z redoes it.
  await canvas.surface.focus();
  await canvas.surface.press('Control+z');
  await expect(balance).not.toBeChecked();
  await expect.poll(() => columnDepth(canvas.content, 0)).toBe(filled[0]);
  await canvas.surface.press('Control+Shift+z');
  await expect(balance).toBeChecked();
  await expect.poll(() => columnDepth(canvas.content, 0)).toBe(balanced[0]);

  // The story editor: the first paragraph across all columns (变栏).
  const editor = new StoryEditor(page);
  await editor.openFromList(/雷甸/);
  expect(await gutterType(canvas.content, HEAD_LINES)).toBeLessThan(0.01);
  await editor.textbox.getByText(/^昨天下午/).click();
  const span = editor.panel.getByRole('combobox', { name: 'Span columns' });
  await expect(span).toHaveValue('');
  version = await canvas.layoutVersion();
  await span.selectOption('all');
  await canvas.waitForComposeAfter(version);
  await expect(span).toHaveValue('all');
  // The intro's first line runs over the gutter; the columns under it still end level.
  await expect.poll(() => gutterType(canvas.content, HEAD_LINES)).toBeGreaterThan(0.02);
  const under = [await columnDepth(canvas.content, 0), await columnDepth(canvas.content, 1), await columnDepth(canvas.content, 2)];
  console.log(`column depths under the intro: ${under.join(', ')}`);
  expect(Math.max(...under) - Math.min(...under)).toBeLessThanOrEqual(1);
  await saveCanvasRegion(canvas.content, frame, path.join(ARTIFACTS_DIR, 'e2e-columns-intro.png'), trim.widthPt);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-columns.png') });

  // The export: the intro's first line is wider than two columns, and the three columns under it end within a line.
  const [pdf] = (await app.exportPdf('button', SAMPLE_PRINT_ERRORS)) as [string];
  renderPng(pdf, 'e2e-columns-pdf', 96);
  const lines = pdfLines(pdf).filter((l) => l.xMinPt >= frame.xPt - 1 && l.xMaxPt <= frame.xPt + frame.widthPt + 1 && l.yMinPt >= frame.yPt - pitchPt / 2 && l.yMaxPt <= frame.yPt + frame.heightPt + pitchPt / 2);
  const intro = lines.find((l) => l.text.includes('昨天下午'));
  expect(intro).toBeDefined();
  expect(intro!.xMaxPt - intro!.xMinPt).toBeGreaterThan(2 * columnWidthPt + gutterPt);
  const bottoms = [0, 1, 2].map((c) => {
    const left = frame.xPt + c * (columnWidthPt + gutterPt);
    return Math.max(...lines.filter((l) => l.xMinPt >= left - 1 && l.xMaxPt <= left + columnWidthPt + 1 && l.yMinPt > intro!.yMaxPt).map((l) => l.yMaxPt));
  });
  console.log(`PDF column bottoms: ${bottoms.map((b) => b.toFixed(1)).join(', ')}`);
  expect(Math.max(...bottoms) - Math.min(...bottoms)).toBeLessThanOrEqual(pitchPt + 0.5);

  // Inspector ▸ Column widths: unequal columns in characters; widths that miss the frame are refused with the
  // reason; undo takes the widths back.
  const chars = Math.round(frame.widthPt / bodyPt) - 2 * Math.round(gutterPt / bodyPt);
  // The 11th character of the measure, five lines under the intro: type while the columns are equal.
  const narrowGutter: RectPt = { xPt: frame.xPt + 10 * bodyPt + 2, yPt: frame.bodyTopPt + 3 * pitchPt, widthPt: gutterPt - 4, heightPt: 5 * pitchPt };
  expect(await canvasTypeFraction(canvas.content, narrowGutter)).toBeGreaterThan(0.02);
  const widths = panel.getByRole('textbox', { name: 'Column widths (characters)' });
  await expect(widths).toHaveValue('');
  await widths.fill('10, 10');
  await widths.press('Enter');
  await expect(app.message).toContainText(`Give 3 whole widths in characters that add up to ${chars}`);
  await expect(widths).toHaveValue('');
  version = await canvas.layoutVersion();
  await widths.fill(`10, 10, ${chars - 20}`);
  await widths.press('Enter');
  await canvas.waitForComposeAfter(version);
  await expect(widths).toHaveValue(`10, 10, ${chars - 20}`);
  // Column 1 is now 10 characters wide: the 11th character of the measure is its gutter, empty at every line
  // under the intro.
  expect(await canvasTypeFraction(canvas.content, narrowGutter)).toBeLessThan(0.005);
  await saveCanvasRegion(canvas.content, frame, path.join(ARTIFACTS_DIR, 'e2e-columns-widths.png'), trim.widthPt);
  await canvas.surface.focus();
  await canvas.surface.press('Control+z');
  await expect(widths).toHaveValue('');
});

test('columns: the intro as a 变栏 section in 2 columns over the 3, copied and pasted with its columns; the PDF agrees', async () => {
  test.setTimeout(180_000);
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  await app.button('Fit page').click();
  const canvas = new PageCanvas(page, trim.widthPt);
  await makeStoryRoom(canvas, inspector(page));
  await app.button('100 %').click();
  const editor = new StoryEditor(page);
  await editor.openFromList(/雷甸/);
  // The gutter of a 2-column section across the frame (the middle of the frame's second column), left of the
  // column rule the ruled frame draws down its middle.
  const subWidthPt = (frame.widthPt - gutterPt) / 2;
  const sectionGutter = (n: number): RectPt => ({ xPt: frame.xPt + subWidthPt + 1, yPt: frame.yPt + n * pitchPt + 2, widthPt: gutterPt / 2 - 3, heightPt: pitchPt - 4 });
  expect(await canvasTypeFraction(canvas.content, sectionGutter(HEAD_LINES))).toBeGreaterThan(0.02);

  // Story editor ▸ Span columns: All columns, then Section columns: 2 — the intro across the frame in 2 columns.
  await editor.textbox.getByText(/^昨天下午/).click();
  const span = editor.panel.getByRole('combobox', { name: 'Span columns' });
  const section = editor.panel.getByRole('combobox', { name: 'Section columns' });
  await expect(section).toHaveValue('');
  let version = await canvas.layoutVersion();
  await span.selectOption('all');
  await canvas.waitForComposeAfter(version);
  version = await canvas.layoutVersion();
  await section.selectOption('2');
  await canvas.waitForComposeAfter(version);
  await expect(section).toHaveValue('2');
  // The intro's rows: type over the 3 columns' gutters, none in the section's own gutter.
  await expect.poll(() => canvasTypeFraction(canvas.content, sectionGutter(HEAD_LINES))).toBeLessThan(0.005);
  expect(await gutterType(canvas.content, HEAD_LINES)).toBeGreaterThan(0.02);
  // The section's two columns end within one line of each other; below it the 3 columns go on.
  const depth = async (xPt: number) => {
    let d = 0;
    for (let n = 0; n < DEPTH_LINES; n++) if ((await canvasTypeFraction(canvas.content, { xPt, yPt: frame.yPt + n * pitchPt, widthPt: subWidthPt / 2, heightPt: pitchPt })) > 0.02) d = n + 1;
    return d;
  };
  const rowsWithSectionGutterEmpty: number[] = [];
  for (let n = HEAD_LINES; n < DEPTH_LINES; n++) if ((await canvasTypeFraction(canvas.content, sectionGutter(n))) < 0.005) rowsWithSectionGutterEmpty.push(n);
  expect(rowsWithSectionGutterEmpty[0]).toBe(HEAD_LINES);
  expect(await depth(frame.xPt)).toBeGreaterThan(rowsWithSectionGutterEmpty.length);
  await saveCanvasRegion(canvas.content, frame, path.join(ARTIFACTS_DIR, 'e2e-columns-section.png'), trim.widthPt);

  // The export: the intro's lines are set in two columns across the frame, each wider than a column of the 3.
  const [pdf] = (await app.exportPdf('button', SAMPLE_PRINT_ERRORS)) as [string];
  renderPng(pdf, 'e2e-columns-section-pdf', 150);
  const lines = pdfLines(pdf).filter((l) => l.xMinPt >= frame.xPt - 1 && l.xMaxPt <= frame.xPt + frame.widthPt + 1 && l.yMinPt >= frame.yPt - pitchPt / 2 && l.yMaxPt <= frame.yPt + frame.heightPt + pitchPt / 2);
  const first = lines.find((l) => l.text.includes('昨天下午'))!;
  expect(first).toBeDefined();
  expect(first.xMinPt).toBeLessThan(frame.xPt + 2 * bodyPt);
  expect(first.xMaxPt).toBeLessThan(frame.xPt + subWidthPt + 1);
  expect(first.xMaxPt - first.xMinPt).toBeGreaterThan(columnWidthPt + gutterPt);
  // The section's second column starts at the middle of the frame, where no column of the 3 does.
  const right = lines.filter((l) => l.xMinPt > frame.xPt + subWidthPt + gutterPt - 1 && l.yMinPt > first.yMinPt - 1 && l.yMinPt < first.yMaxPt + pitchPt);
  expect(right.length).toBeGreaterThan(0);
  expect(right[0]!.xMinPt).toBeLessThan(frame.xPt + subWidthPt + gutterPt + bodyPt);

  // Copy the intro (from its start to the next paragraph's start) and paste it into a new last paragraph: it
  // keeps its span and its section, through ProseMirror's own clipboard.
  const intro = editor.textbox.getByText(/^昨天下午/);
  await intro.click({ position: { x: 2, y: 6 } });
  await page.keyboard.press('Home');
  await intro.locator('xpath=following-sibling::*[1]').click({ position: { x: 2, y: 6 }, modifiers: ['Shift'] });
  await page.keyboard.press('Shift+Home');
  await editor.textbox.evaluate((el) => {
    const data = new DataTransfer();
    el.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    (window as unknown as { folioTestClipboard: DataTransfer }).folioTestClipboard = data;
  });
  await editor.caretToEnd();
  await page.keyboard.press('Enter');
  await expect(span).toHaveValue('');
  await editor.textbox.evaluate((el) => {
    const data = (window as unknown as { folioTestClipboard: DataTransfer }).folioTestClipboard;
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(editor.textbox.getByText(/^昨天下午/)).toHaveCount(2);
  await editor.textbox.getByText(/^昨天下午/).nth(1).click();
  await expect(span).toHaveValue('all');
  await expect(section).toHaveValue('2');
});
