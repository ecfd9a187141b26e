/**
 * Text wrap (文字绕排): a layout editor moves the photo into a story's first column — 「县领导调研雷甸镇…」, given room
 * and three plain columns first (pages/story-room.ts: the sample's own frames are filled to the original's column
 * ends) — where the story's text runs over it; switching on Inspector ▸ Text wrap makes the text jump the photo (the copyfit
 * shows the lines it took), a wider gap takes more lines, Ctrl+Z takes both back, and the exported PDF shows
 * the photo clear of text just as the canvas does.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { useSharedWindow, type FolioApp } from './pages/app.js';
import { PageCanvas, type RectPt } from './pages/canvas.js';
import { inspector, saveCanvasRegion, setFrameRectInInspector } from './pages/canvas-images.js';
import { StoryEditor } from './pages/editor.js';
import { ARTIFACTS_DIR, renderGrey, renderPng, trimOffsetPt, type GreyRender } from './pages/pdf.js';
import { loadSample, sampleFrame, SAMPLE_PRINT_ERRORS, trimSizePt } from './pages/sample.js';
import { makeStoryRoom, PITCH_PT as pitchPt, storyRoom as frame } from './pages/story-room.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const bodyPt = 9;
const { gutterPt, columnWidthPt } = frame;
/** Where the photo goes: the story's first column, from its 5th body line, 5 lines deep. */
const target: RectPt = { xPt: frame.xPt, yPt: frame.bodyTopPt + 4 * pitchPt, widthPt: columnWidthPt, heightPt: 5 * pitchPt };
/**
 * Pixels darker than this (0–255) are type: black text, anti-aliased at the fit-page zoom, against the placeholder
 * photo's light hatching (which stays above it: the photo alone measures about 0).
 */
const TYPE_LUMINANCE = 160;

/** Fraction of pixels darker than type in a page rectangle of the content canvas. */
async function canvasTypeFraction(content: Locator, rect: RectPt): Promise<number> {
  return content.evaluate((el, r) => {
    const c = el as HTMLCanvasElement;
    const k = c.width / r.trimWidthPt;
    const d = c.getContext('2d')!.getImageData(Math.round(r.xPt * k), Math.round(r.yPt * k), Math.round(r.widthPt * k), Math.round(r.heightPt * k)).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2] < r.threshold) dark++;
    return dark / (d.length / 4);
  }, { ...rect, trimWidthPt: trim.widthPt, threshold: TYPE_LUMINANCE });
}

function pdfTypeFraction(render: GreyRender, offset: { xPt: number; yPt: number }, rect: RectPt): number {
  const k = render.dpi / 72;
  let dark = 0;
  let total = 0;
  for (let y = Math.round((offset.yPt + rect.yPt) * k); y < Math.round((offset.yPt + rect.yPt + rect.heightPt) * k); y++) {
    for (let x = Math.round((offset.xPt + rect.xPt) * k); x < Math.round((offset.xPt + rect.xPt + rect.widthPt) * k); x++) {
      total++;
      if (render.pixels[y * render.width + x]! < TYPE_LUMINANCE) dark++;
    }
  }
  return dark / total;
}

/** Renders the story's frame of an exported page at 150 dpi to ARTIFACTS_DIR/`name`.png, for people to look at. */
function renderStoryFrame(pdf: string, offset: { xPt: number; yPt: number }, name: string): void {
  const k = 150 / 72;
  execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', '-x', String(Math.round((offset.xPt + frame.xPt) * k)), '-y', String(Math.round((offset.yPt + frame.yPt) * k)),
    '-W', String(Math.round(frame.widthPt * k)), '-H', String(Math.round(frame.heightPt * k)), pdf, path.join(ARTIFACTS_DIR, name)]);
}

/** The open story's copyfit as the status bar shows it, in lines (− = room left). */
async function openStoryCopyfit(app: FolioApp): Promise<number> {
  const text = ((await app.status.getByLabel('Copyfit of open story').textContent()) ?? '').replace(/^Copyfit /, '');
  if (text === 'fits') return 0;
  const m = /^([+\u2212])(\d+) lines?$/.exec(text);
  if (!m) throw new RangeError(`Unexpected copyfit text "${text}"`);
  return (m[1] === '+' ? 1 : -1) * Number(m[2]);
}

const win = useSharedWindow();

/** The sample reopened, the whole page in view, the story given room in three plain columns (pages/story-room.ts). */
async function freshSample(): Promise<{ page: Page; app: FolioApp; canvas: PageCanvas; panel: Locator }> {
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  await app.button('Fit page').click();
  const canvas = new PageCanvas(page, trim.widthPt);
  const panel = inspector(page);
  await makeStoryRoom(canvas, panel);
  return { page, app, canvas, panel };
}

/** Selects the photo and moves it to `rect` with the Inspector; it stays selected (it may end up under a text frame). */
async function movePhoto(canvas: PageCanvas, panel: Locator, rect: RectPt): Promise<void> {
  const photo = sampleFrame(sample, 'photo');
  await canvas.clickAt(photo.xPt + 30, photo.yPt + 30);
  await expect(panel).toContainText('Image frame photo');
  await setFrameRectInInspector(panel, rect);
}

test('text wrap: a story’s text jumps the photo moved into its column; the gap takes more lines; undo; the PDF agrees', async () => {
  test.setTimeout(120_000);
  const { page, app, canvas, panel } = await freshSample();
  // The story open in the editor: the status bar shows its copyfit.
  await new StoryEditor(page).openFromList(/雷甸/);
  const roomBefore = await openStoryCopyfit(app);

  // Move the photo into the story's first column: the story's frame paints over it, so without wrap its text
  // runs over the photo.
  await movePhoto(canvas, panel, target);
  await expect.poll(() => canvasTypeFraction(canvas.content, target)).toBeGreaterThan(0.03);
  const typeOver = await canvasTypeFraction(canvas.content, target);
  // The Inspector's four fields are four edits, each re-composed when the browser next paints: wait for the
  // copyfit to be what is asserted rather than reading it while the last of them may still be queued.
  await expect.poll(() => openStoryCopyfit(app)).toBe(roomBefore);

  // Text wrap on: the column's text jumps the photo, 5 lines and a line of gap above and below.
  const wrap = panel.getByRole('checkbox', { name: 'Text wrap' });
  await expect(wrap).not.toBeChecked();
  let version = await canvas.layoutVersion();
  await wrap.check();
  await canvas.waitForComposeAfter(version);
  const gap = panel.getByRole('spinbutton', { name: 'Wrap gap (mm)' });
  await expect(gap).toHaveValue('1.4');
  const typeClear = await canvasTypeFraction(canvas.content, target);
  console.log(`type over the photo: ${typeOver.toFixed(4)} without wrap, ${typeClear.toFixed(4)} with wrap`);
  expect(typeClear).toBeLessThan(typeOver / 10);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-wrap-on.png') });
  await saveCanvasRegion(canvas.content, frame, path.join(ARTIFACTS_DIR, 'e2e-wrap-canvas.png'), trim.widthPt);
  const roomWrapped = await openStoryCopyfit(app);
  expect(roomWrapped - roomBefore).toBeGreaterThanOrEqual(5);

  // A 12 mm gap (about three lines each side) takes more lines.
  version = await canvas.layoutVersion();
  await gap.fill('12');
  await gap.press('Enter');
  await canvas.waitForComposeAfter(version);
  expect(await openStoryCopyfit(app)).toBeGreaterThanOrEqual(roomWrapped + 4);
  // A negative gap is refused with the reason; the field shows the gap the frame has.
  await gap.fill('-3');
  await gap.press('Enter');
  await expect(app.message).toContainText('A text-wrap gap must be between 0 and 25.4 mm');
  await expect(gap).toHaveValue('12.0');

  // Ctrl+Z on the page: the gap goes back to 1.4 mm, then wrap goes off and the text runs over the photo again.
  await canvas.surface.focus();
  await canvas.surface.press('Control+z');
  await expect(gap).toHaveValue('1.4');
  await canvas.surface.press('Control+z');
  await expect(wrap).not.toBeChecked();
  await expect.poll(() => canvasTypeFraction(canvas.content, target)).toBeGreaterThan(typeOver * 0.9);
  await canvas.surface.press('Control+Shift+z');
  await expect(wrap).toBeChecked();
  // The checkbox shows the redone document at once; the page is re-composed when the browser next paints, so the
  // copyfit is waited for (reading it at once got the unwrapped −11 for −4 on a loaded machine).
  await expect.poll(() => openStoryCopyfit(app)).toBe(roomWrapped);

  // The export shows the same: the photo's rectangle is clear of type in the PDF too.
  const [pdf] = (await app.exportPdf('button', SAMPLE_PRINT_ERRORS)) as [string];
  renderPng(pdf, 'e2e-wrap-pdf', 96);
  const grey = renderGrey(pdf, 150);
  const offset = trimOffsetPt(pdf);
  // The story's frame at 150 dpi, for people to compare with e2e-wrap-canvas.png.
  renderStoryFrame(pdf, offset, 'e2e-wrap-pdf-story');
  const pdfClear = pdfTypeFraction(grey, offset, target);
  // The text beside the photo is there in the PDF (column 2 level with it), as on the canvas.
  const beside: RectPt = { ...target, xPt: target.xPt + columnWidthPt + gutterPt };
  const pdfBeside = pdfTypeFraction(grey, offset, beside);
  const canvasBeside = await canvasTypeFraction(canvas.content, beside);
  console.log(`PDF type: ${pdfClear.toFixed(4)} over the photo, ${pdfBeside.toFixed(4)} beside it (canvas ${canvasBeside.toFixed(4)})`);
  expect(pdfClear).toBeLessThan(pdfBeside / 10);
  expect(pdfBeside).toBeGreaterThan(canvasBeside / 2);
  writeFileSync(path.join(ARTIFACTS_DIR, 'e2e-wrap-numbers.json'), JSON.stringify({ typeOver, typeClear, pdfClear, pdfBeside, canvasBeside }));
});

test('text wrap around (绕排): lines beside a narrow photo run in a narrower measure instead of jumping it; the PDF agrees', async () => {
  test.setTimeout(120_000);
  const { app, canvas, panel } = await freshSample();
  // A head-and-shoulders picture five characters wide at the left of the story's first column.
  const narrow: RectPt = { ...target, widthPt: 5 * bodyPt };
  await movePhoto(canvas, panel, narrow);
  let version = await canvas.layoutVersion();
  await panel.getByRole('checkbox', { name: 'Text wrap' }).check();
  await canvas.waitForComposeAfter(version);
  // Beside the picture, clear of its 1.4 mm gap, to the column's right edge.
  const besideX = narrow.xPt + narrow.widthPt + 4 + 1;
  const beside: RectPt = { xPt: besideX, yPt: narrow.yPt, widthPt: target.xPt + columnWidthPt - besideX, heightPt: narrow.heightPt };
  // Jump (the default): the lines level with the picture stay empty across the column.
  const mode = panel.getByRole('combobox', { name: 'Wrap mode' });
  await expect(mode).toHaveValue('jump');
  const besideJumped = await canvasTypeFraction(canvas.content, beside);
  // The picture's own placeholder hatching: what its rectangle measures with no text over it.
  const overJumped = await canvasTypeFraction(canvas.content, narrow);

  version = await canvas.layoutVersion();
  await mode.selectOption('around');
  await canvas.waitForComposeAfter(version);
  const besideAround = await canvasTypeFraction(canvas.content, beside);
  const overAround = await canvasTypeFraction(canvas.content, narrow);
  await saveCanvasRegion(canvas.content, frame, path.join(ARTIFACTS_DIR, 'e2e-wrap-around-canvas.png'), trim.widthPt);
  console.log(`type beside the picture: ${besideJumped.toFixed(4)} jumped, ${besideAround.toFixed(4)} around; over it ${overJumped.toFixed(4)} jumped, ${overAround.toFixed(4)} around`);
  expect(besideJumped).toBeLessThan(0.01);
  // Set lines measure 0.045–0.05 at this zoom (how many pixels pass the threshold depends on how glyphs are
  // rasterised); jumped lines measure 0: 0.02 tells set from empty without riding on the antialiasing.
  expect(besideAround).toBeGreaterThan(0.02);
  // No text runs over the picture: it measures what it did with its lines jumped.
  expect(overAround).toBeLessThan(overJumped + 0.005);

  const [pdf] = (await app.exportPdf('button', SAMPLE_PRINT_ERRORS)) as [string];
  const grey = renderGrey(pdf, 150);
  const offset = trimOffsetPt(pdf);
  renderStoryFrame(pdf, offset, 'e2e-wrap-around-pdf-story');
  const pdfBeside = pdfTypeFraction(grey, offset, beside);
  const pdfOver = pdfTypeFraction(grey, offset, narrow);
  console.log(`PDF type: ${pdfBeside.toFixed(4)} beside the picture, ${pdfOver.toFixed(4)} over it`);
  expect(pdfBeside).toBeGreaterThan(besideAround / 2);
  expect(pdfOver).toBeLessThan(overJumped + 0.005);

  // Ctrl+Z takes the mode back: the lines jump the picture again.
  await canvas.surface.focus();
  await canvas.surface.press('Control+z');
  await expect(mode).toHaveValue('jump');
  await expect.poll(() => canvasTypeFraction(canvas.content, beside)).toBeLessThan(0.01);
});
