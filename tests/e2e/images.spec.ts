/**
 * Pictures on the page: place a PNG from the workspace into the photo frame (Inspector ▸ Place image…), see the
 * effective resolution graded, switch to crop and pan, undo; place a PDF advert (made here with pdf-lib) into
 * the ad box; export and compare the canvas with pdftoppm's render of the export, region by region, by colour
 * class (the same crop and the same part of the advert must show). Refusals: a text file named .png.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { cmyk, PDFDocument } from 'pdf-lib';
import { twoColourRgbPng } from '../unit/pdf/test-assets.js';
import { openSharedWindow, type FolioApp } from './pages/app.js';
import { PageCanvas, type RectPt } from './pages/canvas.js';
import { compareColourClasses, inspector, placeFile, saveCanvasRegion } from './pages/canvas-images.js';
import { ARTIFACTS_DIR, renderPng, trimOffsetPt } from './pages/pdf.js';
import { loadSample, sampleFrame, SAMPLE_PRINT_ERRORS, trimSizePt } from './pages/sample.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const photo = sampleFrame(sample, 'photo');
const adBox = sampleFrame(sample, 'ad-box');
/** Margin compared at the placed advert's sides, points: where its bleed (outside its TrimBox) would show if drawn. */
const ADVERT_MARGIN_PT = 4;
const workspace = () => {
  const dir = process.env.FOLIO_E2E_WORKSPACE;
  if (!dir) throw new RangeError('FOLIO_E2E_WORKSPACE is not set (run through playwright.config.ts).');
  return dir;
};
const rectOf = (f: RectPt): RectPt => ({ xPt: f.xPt, yPt: f.yPt, widthPt: f.widthPt, heightPt: f.heightPt });

/**
 * An advert as agencies deliver it: media 200 × 100 pt with a 10 pt bleed all round (cyan+magenta, which
 * must never show), trimmed 180 × 80: left third 100 % M+Y red, a black bar and a black square on white.
 */
async function advertPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([200, 100]);
  page.setTrimBox(10, 10, 180, 80);
  page.drawRectangle({ x: 0, y: 0, width: 200, height: 100, color: cmyk(1, 1, 0, 0) });
  page.drawRectangle({ x: 10, y: 10, width: 180, height: 80, color: cmyk(0, 0, 0, 0) });
  page.drawRectangle({ x: 10, y: 10, width: 60, height: 80, color: cmyk(0, 1, 1, 0) });
  page.drawRectangle({ x: 80, y: 60, width: 100, height: 20, color: cmyk(0, 0, 0, 1) });
  page.drawRectangle({ x: 120, y: 18, width: 34, height: 34, color: cmyk(0, 0, 0, 1) });
  return doc.save({ useObjectStreams: false });
}

/** Average colour of a page rectangle on the content canvas. */
async function canvasColour(content: Locator, rect: RectPt): Promise<[number, number, number]> {
  return content.evaluate((el, r) => {
    const c = el as HTMLCanvasElement;
    const k = c.width / (r.trimWidthPt);
    const d = c.getContext('2d')!.getImageData(Math.round(r.xPt * k), Math.round(r.yPt * k), Math.max(1, Math.round(r.widthPt * k)), Math.max(1, Math.round(r.heightPt * k))).data;
    const sum = [0, 0, 0];
    for (let i = 0; i < d.length; i += 4) for (let j = 0; j < 3; j++) sum[j] += d[i + j];
    const n = d.length / 4;
    return [sum[0] / n, sum[1] / n, sum[2] / n] as [number, number, number];
  }, { ...rect, trimWidthPt: trim.widthPt });
}

const isRed = ([r, g, b]: number[]) => r > 180 && g < 90 && b < 90;
const isBlue = ([r, g, b]: number[]) => b > 180 && r < 90 && g < 90;

/**
 * Exports (confirming preflight errors when the app asks; `expectError` must then be among them) and renders
 * the PDF at 96 dpi.
 */
async function exportAndRender(app: FolioApp, name: string, expectError?: RegExp): Promise<{ png: string; offset: { xPt: number; yPt: number }; pdf: string }> {
  await app.button('Export PDF').click();
  const confirm = app.page.getByRole('dialog', { name: 'Export with preflight errors?' });
  if (expectError) {
    await expect(confirm.getByRole('list', { name: 'Preflight errors' })).toContainText(expectError);
  }
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Export anyway' }).click();
  await expect(app.message).toContainText('Exported', { timeout: 60_000 });
  const files = ((await app.message.textContent()) ?? '').replace(/^Exported\s+/, '').split(', ').map((p) => p.trim());
  const pdf = path.isAbsolute(files[0]) ? files[0] : path.join(workspace(), files[0]);
  return { png: renderPng(pdf, name, 96), offset: trimOffsetPt(pdf), pdf };
}

test.describe.configure({ mode: 'serial' });
let shared: Page;
let app: FolioApp;
test.beforeAll(async ({ browser }) => {
  ({ page: shared, app } = await openSharedWindow(browser));
  writeFileSync(path.join(workspace(), 'red-blue.png'), twoColourRgbPng(600, 400, [255, 0, 0], [0, 0, 255]));
  writeFileSync(path.join(workspace(), 'advert.pdf'), await advertPdf());
  writeFileSync(path.join(workspace(), 'notes.png'), 'not a picture at all');
});
test.afterAll(async () => {
  await shared.close();
});

test('place a PNG into the photo frame, see its ppi, crop and pan it, undo; the export shows the same crop', async () => {
  test.setTimeout(120_000);
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  await app.button('100 %').click();
  const panel = inspector(page);

  await canvas.clickAt(photo.xPt + 30, photo.yPt + 30);
  await expect(panel).toContainText('Image frame photo');
  await placeFile(page, 'red-blue.png');
  await expect(panel.getByLabel('Picture', { exact: true })).toContainText('red-blue.png');
  await expect(panel.getByLabel('Picture', { exact: true })).toContainText('600 × 400 px');
  // Fill covers the frame: 600 px over 600 × scale points, scale = max(frame width / 600, height / 400).
  const ppi = 72 / Math.max(photo.widthPt / 600, photo.heightPt / 400);
  expect(ppi).toBeLessThan(120);
  await expect(panel.getByLabel('Effective resolution')).toContainText(`${Math.floor(ppi)} ppi — too low`);
  await expect(app.message).toContainText('Placed red-blue.png');
  const left = { xPt: photo.xPt + 10, yPt: photo.yPt + 20, widthPt: 20, heightPt: 20 };
  const right = { xPt: photo.xPt + photo.widthPt - 30, yPt: photo.yPt + 20, widthPt: 20, heightPt: 20 };
  await expect.poll(async () => isRed(await canvasColour(canvas.content, left))).toBe(true);
  expect(isBlue(await canvasColour(canvas.content, right))).toBe(true);

  // Crop keeps the picture where it was; pan it 60 mm to the left: the frame is then all blue.
  await panel.getByRole('combobox', { name: 'Fit' }).selectOption('crop');
  await expect(panel.getByRole('spinbutton', { name: 'Picture scale (%)' })).not.toHaveValue('100.0');
  expect(isRed(await canvasColour(canvas.content, left))).toBe(true);
  const panX = panel.getByRole('spinbutton', { name: 'Horizontal pan (mm)' });
  const startPan = Number(await panX.inputValue());
  await panX.fill(String(startPan - 60));
  await panX.press('Enter');
  await expect.poll(async () => isBlue(await canvasColour(canvas.content, left))).toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'images-photo-cropped.png') });
  await saveCanvasRegion(canvas.content, rectOf(photo), path.join(ARTIFACTS_DIR, 'images-photo-canvas.png'));

  const rendered = await exportAndRender(app, 'images-photo-pdf-96dpi', /ppi/);
  const cmp = await compareColourClasses(canvas.content, rendered.png, rendered.offset, rectOf(photo));
  writeFileSync(path.join(ARTIFACTS_DIR, 'images-photo-pdf-region.png'), Buffer.from(cmp.pdfRegionPng, 'base64'));
  console.log(`photo crop screen vs PDF: ${cmp.mismatched}/${cmp.blocks} blocks differ; screen classes ${JSON.stringify(cmp.screenClasses)}`);
  expect(cmp.screenClasses.B ?? 0).toBeGreaterThan(cmp.blocks * 0.5);
  expect(cmp.screenClasses.R ?? 0).toBeGreaterThan(0);
  expect(cmp.mismatched).toBeLessThan(cmp.blocks * 0.03);

  // Undo the pan, then the crop, then the placement: the sample's own photo comes back.
  await canvas.surface.press('Control+z');
  await expect.poll(async () => isRed(await canvasColour(canvas.content, left))).toBe(true);
  await canvas.surface.press('Control+z');
  await expect(panel.getByRole('combobox', { name: 'Fit' })).toHaveValue('fill');
  await canvas.surface.press('Control+z');
  await expect(panel.getByLabel('Picture', { exact: true })).not.toContainText('red-blue.png');
});

test('Ctrl-drag pans the picture inside its frame (one undo step); fit frame to picture', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  await app.button('100 %').click();
  const panel = inspector(page);
  await canvas.clickAt(photo.xPt + 30, photo.yPt + 30);
  await placeFile(page, 'red-blue.png');
  const left = { xPt: photo.xPt + 10, yPt: photo.yPt + 20, widthPt: 20, heightPt: 20 };
  await expect.poll(async () => isRed(await canvasColour(canvas.content, left))).toBe(true);
  const from = await canvas.clientPoint(photo.xPt + photo.widthPt / 2, photo.yPt + photo.heightPt / 2);
  await page.keyboard.down('Control');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x - 100, from.y, { steps: 4 });
  await page.mouse.move(from.x - 250, from.y, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Control');
  await expect(panel.getByRole('combobox', { name: 'Fit' })).toHaveValue('crop');
  await expect.poll(async () => isBlue(await canvasColour(canvas.content, left))).toBe(true);
  // The frame itself did not move.
  await expect(panel.getByRole('spinbutton', { name: 'X (mm)', exact: true })).toHaveValue((photo.xPt / (72 / 25.4)).toFixed(1));
  await canvas.surface.press('Control+z');
  await expect(panel.getByRole('combobox', { name: 'Fit' })).toHaveValue('fill');
  await expect.poll(async () => isRed(await canvasColour(canvas.content, left))).toBe(true);

  // Alt+arrows pan from the keyboard: one grid line left per Shift+Alt+ArrowLeft, one undo step each.
  await canvas.surface.press('Shift+Alt+ArrowLeft');
  await expect(panel.getByRole('combobox', { name: 'Fit' })).toHaveValue('crop');
  const panX = Number(await panel.getByRole('spinbutton', { name: 'Horizontal pan (mm)' }).inputValue());
  await canvas.surface.press('Shift+Alt+ArrowLeft');
  const pitchMm = sample.template.grid.linePitchPt / (72 / 25.4);
  // Both values are shown to 0.1 mm, so they may differ by a rounding step.
  await expect.poll(async () => Math.abs(Number(await panel.getByRole('spinbutton', { name: 'Horizontal pan (mm)' }).inputValue()) - (panX - pitchMm))).toBeLessThan(0.11);
  await canvas.surface.press('Control+z');
  await canvas.surface.press('Control+z');
  await expect(panel.getByRole('combobox', { name: 'Fit' })).toHaveValue('fill');

  // Fit frame to picture: same width, the picture's 3:2 proportions.
  await panel.getByRole('button', { name: 'Fit frame to picture' }).click();
  await expect(panel.getByRole('spinbutton', { name: 'Height (mm)', exact: true })).toHaveValue(((photo.widthPt * (400 / 600)) / (72 / 25.4)).toFixed(1));
});

test('place a PDF advert into the ad box: drawn by pdf.js cut to its TrimBox; the export embeds it and looks the same', async () => {
  test.setTimeout(120_000);
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  await app.button('Fit page').click();
  const panel = inspector(page);

  // The ad's placeholder text goes (it sat inside the box); then the box is selected and the advert placed.
  await canvas.clickAt(adBox.xPt + adBox.widthPt / 2, adBox.yPt + adBox.heightPt / 2);
  await expect(panel).toContainText('Text frame ad-text');
  await canvas.surface.press('Delete');
  await canvas.clickAt(adBox.xPt + adBox.widthPt / 2, adBox.yPt + adBox.heightPt / 2);
  await expect(panel).toContainText('Box 广告');
  await placeFile(page, 'advert.pdf');
  await app.button('100 %').click();
  await expect(panel).toContainText('Image frame ad-box-image');
  await expect(panel.getByLabel('Picture', { exact: true })).toContainText('PDF 63.5 × 28.2 mm');
  await expect(panel.getByRole('combobox', { name: 'Fit' })).toHaveValue('fit');
  await expect(panel.getByLabel('Effective resolution')).toHaveCount(0);

  // fit: 180 × 80 pt whole into the box (a strip across the page's foot: its depth bounds it), centred; the red
  // third sits at the advert's left.
  const scale = Math.min(adBox.widthPt / 180, adBox.heightPt / 80);
  const adLeft = adBox.xPt + (adBox.widthPt - 180 * scale) / 2;
  const adTop = adBox.yPt + (adBox.heightPt - 80 * scale) / 2;
  // The advert on the page with a margin at its sides where its bleed would show if it were drawn (above and
  // below it is the box's edge, as deep as the advert), points.
  const advert = { xPt: adLeft - ADVERT_MARGIN_PT, yPt: adTop, widthPt: 180 * scale + 2 * ADVERT_MARGIN_PT, heightPt: 80 * scale };
  const red = { xPt: adLeft + 10 * scale, yPt: adTop + 20 * scale, widthPt: 30 * scale, heightPt: 40 * scale };
  await expect.poll(async () => isRed(await canvasColour(canvas.content, red)), { timeout: 30_000 }).toBe(true);
  // The bar: PDF x 80–180, y 60–80 → trim-relative x 70–170, 10–30 pt from the trim's top.
  const bar = await canvasColour(canvas.content, { xPt: adLeft + 75 * scale, yPt: adTop + 13 * scale, widthPt: 90 * scale, heightPt: 14 * scale });
  expect(Math.max(...bar)).toBeLessThan(60);
  await saveCanvasRegion(canvas.content, advert, path.join(ARTIFACTS_DIR, 'images-advert-canvas.png'));

  const rendered = await exportAndRender(app, 'images-advert-pdf-96dpi', SAMPLE_PRINT_ERRORS);
  // Passed through as a form XObject: the export holds a /Form built from the advert's page.
  const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', rendered.pdf, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('latin1');
  expect(qdf).toMatch(/\/Subtype \/Form/);
  const cmp = await compareColourClasses(canvas.content, rendered.png, rendered.offset, advert);
  writeFileSync(path.join(ARTIFACTS_DIR, 'images-advert-pdf-region.png'), Buffer.from(cmp.pdfRegionPng, 'base64'));
  console.log(`advert screen vs PDF: ${cmp.mismatched}/${cmp.blocks} blocks differ; screen classes ${JSON.stringify(cmp.screenClasses)}`);
  expect(cmp.screenClasses.R ?? 0).toBeGreaterThan(cmp.blocks * 0.15);
  expect(cmp.screenClasses.black ?? 0).toBeGreaterThan(cmp.blocks * 0.05);
  // The advert's cyan+magenta bleed is outside its TrimBox: neither screen nor print shows it.
  expect(cmp.screenClasses.B ?? 0).toBe(0);
  expect(cmp.mismatched).toBeLessThan(cmp.blocks * 0.03);

  // Saved with the document and drawn again when it is opened (the advert lives in the .folio's assets/).
  await app.saveAs('with-advert.folio');
  await app.button('Open…').click();
  const open = page.getByRole('dialog', { name: 'Open or create' });
  await open.getByRole('button', { name: 'Open with-advert.folio' }).click();
  await expect(open).toBeHidden();
  await expect(app.documentState).toHaveText('Saved');
  await expect.poll(async () => isRed(await canvasColour(canvas.content, red)), { timeout: 30_000 }).toBe(true);
});

test('a file that is not a picture is refused with a clear message', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  await canvas.clickAt(photo.xPt + 30, photo.yPt + 30);
  await placeFile(page, 'notes.png');
  await expect(app.message).toContainText('not a JPEG, PNG, TIFF or PDF file');
  await expect(app.documentState).not.toHaveText('● Unsaved changes');
});

test('Place image with a text frame selected on a full page asks where: the click places it on the grid, not over the masthead; Esc cancels', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  await app.button('100 %').click();
  const panel = inspector(page);
  const lead = sampleFrame(sample, 'lead-1');
  await canvas.clickAt(lead.xPt + 20, lead.yPt + 20);
  await expect(panel).toContainText('lead-1');

  // Escape while the page waits for the click: nothing is placed.
  await placeFile(page, 'red-blue.png');
  await expect(app.message).toContainText('no empty area for the picture');
  await page.keyboard.press('Escape');
  await expect(app.message).toContainText('Placing the picture was cancelled.');
  await expect(app.documentState).not.toHaveText('● Unsaved changes');

  await canvas.clickAt(lead.xPt + 20, lead.yPt + 20);
  await placeFile(page, 'red-blue.png');
  await expect(app.message).toContainText('no empty area for the picture');
  const version = await canvas.layoutVersion();
  await canvas.clickAt(lead.xPt + 30, lead.yPt + 60);
  await canvas.waitForComposeAfter(version);
  await expect(app.message).toContainText('Placed red-blue.png (600 × 400 px).');
  await expect(panel).toContainText('Image frame image-');
  // The frame starts at a grid column inside lead-1's area (where the click was), not at the masthead.
  const xMm = Number(await panel.getByRole('spinbutton', { name: 'X (mm)' }).inputValue());
  const yMm = Number(await panel.getByRole('spinbutton', { name: 'Y (mm)' }).inputValue());
  const mm = (pt: number) => (pt * 25.4) / 72;
  expect(xMm).toBeGreaterThan(mm(lead.xPt) - 10);
  expect(yMm).toBeGreaterThan(mm(lead.yPt) + 5);
  await expect.poll(async () => isRed(await canvasColour(canvas.content, { xPt: lead.xPt + 20, yPt: lead.yPt + 80, widthPt: 10, heightPt: 10 }))).toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'images-place-asked-where.png') });
  // One undo step takes it away again.
  await canvas.surface.press('Control+z');
  await expect.poll(async () => isRed(await canvasColour(canvas.content, { xPt: lead.xPt + 20, yPt: lead.yPt + 80, widthPt: 10, heightPt: 10 }))).toBe(false);
});
