/**
 * Rule and border styles (花线) from the Inspector: a layout editor draws a box in the foot margin, gives it a
 * 文武线 border (its hairline is raised to the 1.5 pt a two-line style needs) and rounded corners, and a dashed
 * rule under it; the canvas shows the dashes and the blank rounded corner, and so does the print PDF, where
 * the 文武线 is a thick and a thin line with paper between; the box's K 15 % tint (底纹) is the same grey on both.
 * Undo takes the style off again.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { useSharedWindow } from './pages/app.js';
import { PageCanvas, type RectPt } from './pages/canvas.js';
import { inspector, setFrameRectInInspector } from './pages/canvas-images.js';
import { ARTIFACTS_DIR, pdfInkFraction, renderGrey, renderPng, trimOffsetPt, type GreyRender } from './pages/pdf.js';
import { loadSample, SAMPLE_PRINT_ERRORS, trimSizePt } from './pages/sample.js';

const sample = loadSample();
const trim = trimSizePt(sample);
/** A place in the page's foot margin, below the type area, where nothing else is drawn. */
const foot: RectPt = { xPt: 60, yPt: 1470, widthPt: 240, heightPt: 36 };
const ruleRect: RectPt = { xPt: 60, yPt: 1512, widthPt: 240, heightPt: 11.55 };
const ruleYPt = ruleRect.yPt + ruleRect.heightPt / 2;

const win = useSharedWindow();

/** Ink runs along a row of a grey PDF render between two x positions (points from the trim's left). */
function pdfRunsAlongRow(grey: GreyRender, offset: { xPt: number; yPt: number }, yPt: number, x0Pt: number, x1Pt: number): number {
  const k = grey.dpi / 72;
  const y = Math.round((offset.yPt + yPt) * k);
  let runs = 0;
  let inInk = false;
  for (let x = Math.round((offset.xPt + x0Pt) * k); x < Math.round((offset.xPt + x1Pt) * k); x++) {
    const ink = grey.pixels[y * grey.width + x]! < 128;
    if (ink && !inInk) runs++;
    inInk = ink;
  }
  return runs;
}

test('a 文武线 box with rounded corners and a dashed rule: the canvas and the print PDF draw the same styles', async () => {
  test.setTimeout(120_000);
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  await app.button('100 %').click();
  const panel = inspector(page);

  let version = await canvas.layoutVersion();
  await app.button('Add box').click();
  await canvas.waitForComposeAfter(version);
  await setFrameRectInInspector(panel, foot);
  await panel.getByRole('combobox', { name: 'Line style' }).selectOption({ label: 'Thick–thin' });
  await expect(panel.getByRole('spinbutton', { name: 'Stroke (pt)' })).toHaveValue('1.5');
  const corner = panel.getByRole('spinbutton', { name: 'Corner radius (mm)' });
  await corner.fill('3');
  await corner.press('Enter');
  await expect(corner).toHaveValue('3.0');
  await panel.getByRole('combobox', { name: 'Fill', exact: true }).selectOption({ label: 'Black 15 %' });
  await expect(panel.getByRole('spinbutton', { name: 'Fill K (%)' })).toHaveValue('15');

  version = await canvas.layoutVersion();
  await app.button('Add rule').click();
  await canvas.waitForComposeAfter(version);
  await setFrameRectInInspector(panel, ruleRect);
  await panel.getByRole('combobox', { name: 'Line style' }).selectOption({ label: 'Dashed' });

  // Canvas: the dashed rule is broken into dashes (a 3 pt dash and a 2 pt gap: about 48 over 240 pt); the box's
  // corner point is blank and the middle of its top edge is inked.
  const canvasRuns = async () => canvas.content.evaluate((el, { yPt, x0Pt, x1Pt, trimWidthPt }) => {
    const c = el as HTMLCanvasElement;
    const k = c.width / trimWidthPt;
    // A band of rows around the rule: a hairline is anti-aliased over two rows at screen resolution.
    const band = 5;
    const w = Math.round((x1Pt - x0Pt) * k);
    const data = c.getContext('2d')!.getImageData(Math.round(x0Pt * k), Math.round(yPt * k) - 2, w, band).data;
    let runs = 0;
    let inInk = false;
    for (let x = 0; x < w; x++) {
      let darkest = 255;
      for (let r = 0; r < band; r++) {
        const i = (r * w + x) * 4;
        if (data[i + 3]! > 0) darkest = Math.min(darkest, 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!);
      }
      const ink = darkest < 160;
      if (ink && !inInk) runs++;
      inInk = ink;
    }
    return runs;
  }, { yPt: ruleYPt, x0Pt: ruleRect.xPt + 1, x1Pt: ruleRect.xPt + ruleRect.widthPt - 1, trimWidthPt: trim.widthPt });
  await expect.poll(canvasRuns).toBeGreaterThan(40);
  expect(await canvas.inkFraction({ xPt: foot.xPt - 1, yPt: foot.yPt - 1, widthPt: 2, heightPt: 2 })).toBe(0);
  expect(await canvas.inkFraction({ xPt: foot.xPt + 100, yPt: foot.yPt - 1, widthPt: 20, heightPt: 2 })).toBeGreaterThan(0.2);
  const inside: RectPt = { xPt: foot.xPt + 20, yPt: foot.yPt + 8, widthPt: 60, heightPt: 20 };
  const canvasGrey = await canvas.content.evaluate((el, { r, trimWidthPt }) => {
    const c = el as HTMLCanvasElement;
    const k = c.width / trimWidthPt;
    const d = c.getContext('2d')!.getImageData(Math.round(r.xPt * k), Math.round(r.yPt * k), Math.round(r.widthPt * k), Math.round(r.heightPt * k)).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
    return sum / (d.length / 4);
  }, { r: inside, trimWidthPt: trim.widthPt });
  // K 15 % reads as a light grey, well away from paper and from ink.
  expect(canvasGrey).toBeGreaterThan(180);
  expect(canvasGrey).toBeLessThan(240);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-line-styles.png') });

  // Print: the same dashes, the same blank corner, and the 文武线 as two lines (300 dpi column profile).
  const [pdf] = (await app.exportPdf('button', SAMPLE_PRINT_ERRORS)) as [string];
  renderPng(pdf, 'e2e-line-styles-pdf', 150);
  const grey = renderGrey(pdf, 300);
  const offset = trimOffsetPt(pdf);
  const pdfRuns = pdfRunsAlongRow(grey, offset, ruleYPt, ruleRect.xPt + 1, ruleRect.xPt + ruleRect.widthPt - 1);
  expect(Math.abs(pdfRuns - (await canvasRuns()))).toBeLessThanOrEqual(2);
  expect(pdfInkFraction(grey, offset, { xPt: foot.xPt - 1, yPt: foot.yPt - 1, widthPt: 2, heightPt: 2 })).toBe(0);
  const k = grey.dpi / 72;
  let tintSum = 0;
  let tintPixels = 0;
  for (let y = Math.round((offset.yPt + inside.yPt) * k); y < Math.round((offset.yPt + inside.yPt + inside.heightPt) * k); y++) {
    for (let x = Math.round((offset.xPt + inside.xPt) * k); x < Math.round((offset.xPt + inside.xPt + inside.widthPt) * k); x++) {
      tintSum += grey.pixels[y * grey.width + x]!;
      tintPixels++;
    }
  }
  expect(Math.abs(tintSum / tintPixels - canvasGrey)).toBeLessThan(25);
  const x = Math.round((offset.xPt + foot.xPt + 120) * k);
  const bands: number[] = [];
  let length = 0;
  for (let y = Math.round((offset.yPt + foot.yPt - 2) * k); y < Math.round((offset.yPt + foot.yPt + 2) * k); y++) {
    if (grey.pixels[y * grey.width + x]! < 128) length++;
    else if (length > 0) {
      bands.push(length);
      length = 0;
    }
  }
  if (length > 0) bands.push(length);
  expect(bands).toHaveLength(2);
  expect(bands[0]!).toBeGreaterThan(bands[1]!);

  // Undo the dashes: the rule is solid again.
  await canvas.surface.focus();
  await canvas.surface.press('Control+z');
  await expect.poll(canvasRuns).toBeLessThanOrEqual(2);
});

/**
 * Decorative borders (花边): a box in the foot margin gets a diamond-chain border from the Inspector (its hairline is
 * raised to the 3 pt band a 花边 needs), then a heavier 8 pt band; the canvas and the print PDF show the same
 * chain — the same count of diamonds along the top edge, a diamond on each corner — drawn from one set of paths.
 */
test('a diamond-chain 花边 box: the canvas and the print PDF draw the same diamonds, corners included', async () => {
  test.setTimeout(120_000);
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  await app.button('100 %').click();
  const panel = inspector(page);

  const version = await canvas.layoutVersion();
  await app.button('Add box').click();
  await canvas.waitForComposeAfter(version);
  await setFrameRectInInspector(panel, foot);
  await panel.getByRole('combobox', { name: 'Line style' }).selectOption({ label: 'Diamond-chain border' });
  const stroke = panel.getByRole('spinbutton', { name: 'Stroke (pt)' });
  await expect(stroke).toHaveValue('3');
  await stroke.fill('8');
  await stroke.press('Enter');
  await expect(stroke).toHaveValue('8');

  // Along the top edge's centre line: 19 diamonds of the top side (240 pt in cells of about 12.6 pt), the first
  // on the top-left corner, and the top-right corner's diamond.
  const x0Pt = foot.xPt - 6;
  const x1Pt = foot.xPt + foot.widthPt + 6;
  const canvasRuns = async () => canvas.content.evaluate((el, { yPt, x0Pt, x1Pt, trimWidthPt }) => {
    const c = el as HTMLCanvasElement;
    const k = c.width / trimWidthPt;
    const w = Math.round((x1Pt - x0Pt) * k);
    const data = c.getContext('2d')!.getImageData(Math.round(x0Pt * k), Math.round(yPt * k), w, 1).data;
    let runs = 0;
    let inInk = false;
    for (let x = 0; x < w; x++) {
      const i = x * 4;
      const ink = data[i + 3]! > 0 && 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]! < 128;
      if (ink && !inInk) runs++;
      inInk = ink;
    }
    return runs;
  }, { yPt: foot.yPt, x0Pt, x1Pt, trimWidthPt: trim.widthPt });
  await expect.poll(canvasRuns).toBe(20);
  for (const [xPt, yPt] of [[foot.xPt, foot.yPt], [foot.xPt + foot.widthPt, foot.yPt], [foot.xPt, foot.yPt + foot.heightPt], [foot.xPt + foot.widthPt, foot.yPt + foot.heightPt]] as const) {
    expect(await canvas.inkFraction({ xPt: xPt - 1, yPt: yPt - 1, widthPt: 2, heightPt: 2 }), `canvas corner ${xPt},${yPt}`).toBeGreaterThan(0.5);
  }
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-decorative-border.png') });

  const [pdf] = (await app.exportPdf('button', SAMPLE_PRINT_ERRORS)) as [string];
  renderPng(pdf, 'e2e-decorative-border-pdf', 150);
  const grey = renderGrey(pdf, 300);
  const offset = trimOffsetPt(pdf);
  expect(pdfRunsAlongRow(grey, offset, foot.yPt, x0Pt, x1Pt)).toBe(20);
  for (const [xPt, yPt] of [[foot.xPt, foot.yPt], [foot.xPt + foot.widthPt, foot.yPt], [foot.xPt, foot.yPt + foot.heightPt], [foot.xPt + foot.widthPt, foot.yPt + foot.heightPt]] as const) {
    expect(pdfInkFraction(grey, offset, { xPt: xPt - 1, yPt: yPt - 1, widthPt: 2, heightPt: 2 }), `PDF corner ${xPt},${yPt}`).toBeGreaterThan(0.5);
  }
  // The middle of the box is paper: a 花边 is a border, not a fill.
  expect(pdfInkFraction(grey, offset, { xPt: foot.xPt + 20, yPt: foot.yPt + 10, widthPt: 60, heightPt: 16 })).toBe(0);
});
