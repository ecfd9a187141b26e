/**
 * Issue 15's "Done means", as one scenario in the browser UI: on the sample's front page a layout editor sets the
 * lead headline 长体 (80 % wide, Styles panel) on a 底纹 box (the headline frame filled Yellow 15 %, Inspector),
 * makes the kicker 勾边 (the 勾边 character style: paper white with a black outline), turns the rule under the
 * lead into a 文武线 (thick–thin), turns the photo 10°, places a colour photo as a greyscale (mono) picture in
 * the foot margin, and places the library's 反白 column tag (white on a black box) over the lead's third column.
 *
 * The print PDF (PDF/X-1a) then:
 * 1. renders as the canvas draws (block ink coverage at 96 dpi, as compare.spec.ts measures the sample);
 * 2. passes `qpdf --check` and the PDF/X structure checks (version 1.3, GTS keys, output intent, boxes, no RGB,
 *    no transparency);
 * 3. separates (Ghostscript, overprint honoured) with the headline's black type overprinting the yellow tint
 *    (yellow stays under the glyphs), the reversed tag knocked out of every plate, the kicker's white interiors
 *    knocked out of the tint, and the mono picture on the K plate alone.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createPageGrid } from '../../src-core/layout/grid.js';
import { gridColumnsOf, snapToGrid } from '../../src-core/layout/free-area.js';
import { useSharedWindow } from './pages/app.js';
import { PageCanvas, type RectPt } from './pages/canvas.js';
import { inspector, placeFile, saveCanvasRegion, setFrameRectInInspector } from './pages/canvas-images.js';
import { StoryEditor } from './pages/editor.js';
import { ARTIFACTS_DIR, renderPng, trimOffsetPt } from './pages/pdf.js';
import { loadSample, SAMPLE_PRINT_ERRORS, sampleFrame, trimSizePt } from './pages/sample.js';
import { compareScreenWithPdf, SCREEN_DPI } from './pages/screen-compare.js';
import { platePixels, separatePlates } from './pages/separations.js';
import { StylesPanel } from './pages/styles.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const head = sampleFrame(sample, 'lead-head');
const photo = sampleFrame(sample, 'photo');
const rule = sampleFrame(sample, 'rule-1');
const pitch = sample.template.grid.linePitchPt;
/** The headline's em, points (小初), and its 13 ems narrowed to 80 %. */
const EM_PT = 36;
const HEADLINE_SCALE_PCT = 80;
/** The headline's band: under the 2-line kicker, 3 grid lines tall, as far as the narrowed line reaches. */
const headline: RectPt = { xPt: head.xPt + 2, yPt: head.yPt + 2.5 * pitch, widthPt: 13 * EM_PT * (HEADLINE_SCALE_PCT / 100), heightPt: 3 * pitch };
/** The kicker “八八战略”在德清 (小二, 9 characters, quotes at half width: about 8 ems of 18 pt) on the frame's first two lines. */
const KICKER_CHARS = 9;
const kicker: RectPt = { xPt: head.xPt + 2, yPt: head.yPt + 2, widthPt: 8 * 18, heightPt: 2 * pitch - 4 };
/** The photo, smaller, before it is turned 10°: its turned corners stay inside its column (369 pt wide). */
const turnedPhoto: RectPt = { xPt: photo.xPt + 35, yPt: photo.yPt + 30, widthPt: 300, heightPt: 340 };
/** Where the mono picture goes: the foot margin under the type area, where nothing else is drawn. */
const mono: RectPt = { xPt: 360, yPt: 1472, widthPt: 180, heightPt: 66 };
/** The column tag is placed by a click over the lead's third column and lands snapped to the grid, as the app snaps it. */
const tagClick = { xPt: 940, yPt: 215 };
const TAG_SIZE = { widthPt: 117, heightPt: 23.1 };
const tag = snapToGrid(createPageGrid(sample.template), gridColumnsOf(sample.template), tagClick.xPt, tagClick.yPt, TAG_SIZE.widthPt, TAG_SIZE.heightPt);
/** Separation resolution, dpi: a 1-pt stroke is two pixels. */
const PLATES_DPI = 150;
/** A plate value (0–255) below this is no ink; above `SOLID` it is solid. */
const EMPTY = 30;
const SOLID = 200;
/** Yellow 15 % on the plate: 0.15 × 255 ≈ 38. */
const TINT_MIN = 20;

const workspace = (): string => {
  const dir = process.env.FOLIO_E2E_WORKSPACE;
  if (!dir) throw new RangeError('FOLIO_E2E_WORKSPACE is not set (run through playwright.config.ts).');
  return dir;
};

const win = useSharedWindow();

test('the front-page toolkit page: built in the UI, its print PDF matches the canvas, passes the PDF/X checks and separates right', async () => {
  test.setTimeout(240_000);
  const page = win.page();
  const app = win.app();
  copyFileSync('tests/fixtures/photo/stm32f3-discovery.jpg', path.join(workspace(), 'mono-photo.jpg'));
  await app.reopenSample();
  await app.button('Fit page').click();
  const canvas = new PageCanvas(page, trim.widthPt);
  const styles = new StylesPanel(page);
  const panel = inspector(page);

  // 长体: the headline style at 80 % width.
  await styles.chooseParagraphStyle('headline');
  let version = await canvas.layoutVersion();
  await styles.field('Horizontal scale (%)').fill(String(HEADLINE_SCALE_PCT));
  await styles.field('Horizontal scale (%)').press('Enter');
  await canvas.waitForComposeAfter(version);
  await expect(styles.field('Horizontal scale (%)')).toHaveValue(String(HEADLINE_SCALE_PCT));

  // 底纹: the headline's frame filled with a yellow tint.
  await canvas.clickAt(head.xPt + head.widthPt - 20, head.yPt + head.heightPt - 10);
  await expect(panel).toContainText('Text frame lead-head');
  await panel.getByRole('combobox', { name: 'Fill', exact: true }).selectOption({ label: 'Yellow 15 %' });
  await expect(panel.getByRole('spinbutton', { name: 'Fill Y (%)' })).toHaveValue('15');

  // 勾边: the kicker in the 勾边 character style (white with a black outline).
  const editor = new StoryEditor(page);
  await editor.openFromList(/停不下来/);
  await editor.caretToStart();
  for (let i = 0; i < KICKER_CHARS; i++) await page.keyboard.press('Shift+ArrowRight');
  await editor.expectSelected(KICKER_CHARS);
  await styles.characterStyles.selectOption('outlined');
  version = await canvas.layoutVersion();
  await styles.button('Apply to selection').click();
  await canvas.waitForComposeAfter(version);
  await expect(styles.usage).toHaveText(/1 run in 1 story/);

  // 文武线: the rule under the lead.
  await canvas.clickAt(rule.xPt + rule.widthPt / 2, rule.yPt + rule.heightPt / 2);
  await expect(panel).toContainText('rule-1');
  await panel.getByRole('combobox', { name: 'Line style' }).selectOption({ label: 'Thick–thin' });

  // The photo made smaller (so that turned it stays in its column) and turned 10°.
  await canvas.clickAt(photo.xPt + 60, photo.yPt + 60);
  await expect(panel).toContainText('Image frame photo');
  await setFrameRectInInspector(panel, turnedPhoto);
  const rotation = panel.getByRole('spinbutton', { name: 'Rotation (°)' });
  await rotation.fill('10');
  await rotation.press('Enter');
  await expect(rotation).toHaveValue('10');

  // A colour photo as a greyscale picture in the foot margin.
  version = await canvas.layoutVersion();
  await app.button('Add picture frame').click();
  await canvas.waitForComposeAfter(version);
  await setFrameRectInInspector(panel, mono);
  await placeFile(page, 'mono-photo.jpg');
  await expect(panel.getByLabel('Picture', { exact: true })).toContainText('720 × 477 px');
  const greyscale = panel.getByRole('checkbox', { name: 'Greyscale picture' });
  await greyscale.check();
  await expect(greyscale).toBeChecked();

  // 反白: the library's reversed column tag, placed by a click.
  const library = page.getByRole('region', { name: 'Library' });
  await library.getByRole('button', { name: 'Place “栏目标签·反白” where you click on the page' }).click();
  version = await canvas.layoutVersion();
  await canvas.clickAt(tagClick.xPt, tagClick.yPt);
  await canvas.waitForComposeAfter(version);
  await expect(app.message).toContainText('Placed “栏目标签·反白” on page A01');
  await expect(canvas.frameText('tag-text')).toContainText('德清观察');
  await canvas.surface.press('Escape');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-front-page-toolkit.png') });

  // The canvas at 100 % for the comparison (96 px per inch); pictures are decoded after the first compose.
  await app.button('100 %').click();
  await expect(app.status.getByLabel('Zoom')).toHaveText('100 %');
  await page.waitForTimeout(500);
  const files = await app.exportPdf('button', SAMPLE_PRINT_ERRORS);
  const pdf = path.isAbsolute(files[0]!) ? files[0]! : path.join(workspace(), files[0]!);
  const offset = trimOffsetPt(pdf);
  renderPng(pdf, 'e2e-front-page-toolkit-pdf', 100);
  // The canvas's lead (headline, kicker, tag, rule) and the mono picture at 100 %, to look at beside the PDF render.
  await saveCanvasRegion(canvas.content, { xPt: head.xPt, yPt: head.yPt, widthPt: head.widthPt, heightPt: rule.yPt + rule.heightPt - head.yPt }, path.join(ARTIFACTS_DIR, 'e2e-front-page-toolkit-lead.png'), trim.widthPt);
  await saveCanvasRegion(canvas.content, mono, path.join(ARTIFACTS_DIR, 'e2e-front-page-toolkit-mono.png'), trim.widthPt);

  // 1. Screen and print: block ink coverage, as compare.spec.ts holds the sample to.
  const png = renderPng(pdf, 'e2e-front-page-toolkit-pdf-96dpi', SCREEN_DPI);
  const cmp = await compareScreenWithPdf(canvas.content, png, offset, path.join(ARTIFACTS_DIR, 'e2e-front-page-toolkit-heatmap.png'));
  console.log(`front-page toolkit screen vs PDF: blocks ${cmp.blocks} (inked ${cmp.inkedBlocks}), mean ${cmp.mean.toFixed(4)}, p99 ${cmp.p99.toFixed(3)}, max ${cmp.max.toFixed(3)}`);
  expect(cmp.inkedBlocks).toBeGreaterThan(cmp.blocks / 10);
  expect(cmp.mean).toBeLessThan(0.02);
  expect(cmp.p99).toBeLessThan(0.15);

  // 2. qpdf and the PDF/X-1a structure.
  expect(execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
  const info = execFileSync('pdfinfo', ['-box', pdf], { encoding: 'utf8' });
  expect(info).toMatch(/PDF version:\s+1\.3/);
  expect(info).toMatch(/TrimBox:/);
  expect(info).toMatch(/BleedBox:/);
  const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 });
  expect(qdf).toContain('/GTS_PDFXVersion (PDF/X-1:2001)');
  expect(qdf).toContain('/GTS_PDFXConformance (PDF/X-1a:2001)');
  expect(qdf).toMatch(/\/OutputIntents \[\s*\d+ 0 R\s*\]/);
  expect(qdf).toContain('/S /GTS_PDFX');
  expect(qdf).not.toMatch(/DeviceRGB|ICCBased|CalRGB/);
  expect(qdf).not.toMatch(/\s(rg|RG)\n/);
  expect(qdf).not.toMatch(/\/SMask|\/CA |\/ca |\/BM /);
  expect(qdf).toMatch(/\/OPM 1/);

  // The 文武线 under the lead: a thick line over a thin one with paper between (600 dpi, a strip across the rule).
  const RULE_DPI = 600;
  const ruleX = rule.xPt + rule.widthPt / 2;
  const strip = execFileSync('pdftoppm', [
    '-r', String(RULE_DPI), '-gray', '-singlefile', '-f', '1', '-l', '1',
    '-x', String(Math.round(((offset.xPt + ruleX) * RULE_DPI) / 72)), '-y', String(Math.round(((offset.yPt + rule.yPt) * RULE_DPI) / 72)),
    '-W', '1', '-H', String(Math.round((rule.heightPt * RULE_DPI) / 72)), pdf,
  ]);
  const stripHeader = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(strip.subarray(0, 64).toString('latin1'))!;
  const column = strip.subarray(stripHeader[0].length);
  const bands: number[] = [];
  let run = 0;
  for (const grey of column) {
    if (grey < 128) run++;
    else if (run > 0) {
      bands.push(run);
      run = 0;
    }
  }
  if (run > 0) bands.push(run);
  expect(bands).toHaveLength(2);
  expect(bands[0]!).toBeGreaterThan(bands[1]!);

  // 3. The plates.
  const plates = separatePlates(pdf, PLATES_DPI, offset);
  // The headline's black type overprints the yellow tint: where K is solid, Y is still the tint.
  const headlinePixels = platePixels(plates, headline);
  const blackType = headlinePixels.filter(([, , , k]) => k > SOLID);
  expect(blackType.length).toBeGreaterThan(500);
  expect(blackType.filter(([, , y]) => y > TINT_MIN).length / blackType.length).toBeGreaterThan(0.95);
  // Around the type the frame is the tint alone.
  expect(headlinePixels.filter(([c, m, y, k]) => k < EMPTY && c < EMPTY && m < EMPTY && y > TINT_MIN).length).toBeGreaterThan(500);
  // The reversed tag: solid black box with the white type knocked out of every plate.
  const inner: RectPt = { xPt: tag.xPt + 3, yPt: tag.yPt + 3, widthPt: tag.widthPt - 6, heightPt: tag.heightPt - 6 };
  const tagPixels = platePixels(plates, inner);
  const knockedOut = tagPixels.filter(([c, m, y, k]) => c < EMPTY && m < EMPTY && y < EMPTY && k < EMPTY).length;
  const solidBox = tagPixels.filter(([, , , k]) => k > SOLID).length;
  expect(knockedOut).toBeGreaterThan(100);
  expect(solidBox / tagPixels.length).toBeGreaterThan(0.5);
  expect(tagPixels.every(([c, m, y]) => c < EMPTY && m < EMPTY && y < EMPTY)).toBe(true);
  // The 勾边 kicker: its white interiors are knocked out of the yellow tint as well; its outline is black.
  const kickerPixels = platePixels(plates, kicker);
  expect(kickerPixels.filter(([c, m, y, k]) => c < EMPTY && m < EMPTY && y < EMPTY && k < EMPTY).length).toBeGreaterThan(50);
  expect(kickerPixels.filter(([, , , k]) => k > SOLID).length).toBeGreaterThan(200);
  // The mono picture prints on the K plate alone.
  const monoPixels = platePixels(plates, { xPt: mono.xPt + 2, yPt: mono.yPt + 2, widthPt: mono.widthPt - 4, heightPt: mono.heightPt - 4 });
  const sums = [0, 1, 2, 3].map((plate) => monoPixels.reduce((s, px) => s + px[plate]!, 0));
  console.log(`mono picture plate sums C ${sums[0]} M ${sums[1]} Y ${sums[2]} K ${sums[3]}`);
  expect(sums[3]!).toBeGreaterThan(monoPixels.length * 20);
  expect(sums[0]! + sums[1]! + sums[2]!).toBe(0);
});
