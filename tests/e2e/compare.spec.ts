/**
 * Screen and print draw the same PageLayout: the page canvas at 100 % (96 px per inch, device pixel ratio 1)
 * is compared with the exported PDF rendered by pdftoppm at 96 dpi, block by block (ink coverage per
 * 12 × 12 px block). Antialiasing differs between Skia and poppler, so single pixels may differ, but a line
 * set differently, a missing glyph run or a shifted frame changes whole blocks. A heat map of the differences
 * is written to tests/artifacts/ for people to look at.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FolioApp } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { ARTIFACTS_DIR, renderPng, trimOffsetPt } from './pages/pdf.js';
import { loadSample, SAMPLE_PRINT_ERRORS, trimSizePt } from './pages/sample.js';

const trim = trimSizePt(loadSample());
/** The canvas at 100 % is 96 px per inch, so poppler renders at 96 dpi to match it pixel for pixel. */
const DPI = 96;
/** Comparison block size, px. */
const BLOCK_PX = 12;

test('the page canvas matches the exported PDF (block ink coverage)', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new FolioApp(page);
  await app.open();
  const canvas = new PageCanvas(page, trim.widthPt);
  await app.button('100 %').click();
  await expect(app.status.getByLabel('Zoom')).toHaveText('100 %');
  // Wait for the photo to be decoded and drawn (it arrives after the first compose).
  await page.waitForFunction(() => document.querySelector('[data-testid=page-content]') !== null);
  await page.waitForTimeout(500);

  const files = await app.exportPdf('button', SAMPLE_PRINT_ERRORS);
  const workspace = process.env.FOLIO_E2E_WORKSPACE ?? '';
  const pdf = path.isAbsolute(files[0]) ? files[0] : path.join(workspace, files[0]);
  const png = renderPng(pdf, 'compare-pdf-96dpi', DPI);
  const offset = trimOffsetPt(pdf);
  const pngDataUrl = `data:image/png;base64,${readFileSync(png).toString('base64')}`;

  const result = await canvas.content.evaluate(
    async (el, { pngDataUrl, offsetPx, block }) => {
      const screen = el as HTMLCanvasElement;
      const w = screen.width;
      const h = screen.height;
      const a = screen.getContext('2d')!.getImageData(0, 0, w, h).data;
      const img = new Image();
      img.src = pngDataUrl;
      await img.decode();
      const off = new OffscreenCanvas(w, h);
      const octx = off.getContext('2d')!;
      octx.fillStyle = '#fff';
      octx.fillRect(0, 0, w, h);
      octx.drawImage(img, -offsetPx.x, -offsetPx.y);
      const b = octx.getImageData(0, 0, w, h).data;
      const ink = (d: Uint8ClampedArray, i: number) => (0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2] < 160 ? 1 : 0);
      const cols = Math.floor(w / block);
      const rows = Math.floor(h / block);
      const diffs: number[] = [];
      let inkedBlocks = 0;
      const heat = new OffscreenCanvas(cols * 4, rows * 4);
      const hctx = heat.getContext('2d')!;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          let sa = 0;
          let sb = 0;
          for (let y = r * block; y < (r + 1) * block; y++) {
            for (let x = c * block; x < (c + 1) * block; x++) {
              const i = (y * w + x) * 4;
              sa += ink(a, i);
              sb += ink(b, i);
            }
          }
          const fa = sa / (block * block);
          const fb = sb / (block * block);
          if (fa > 0.05 || fb > 0.05) inkedBlocks++;
          const d = Math.abs(fa - fb);
          diffs.push(d);
          const v = Math.round(255 * (1 - Math.min(1, d * 4)));
          hctx.fillStyle = `rgb(255, ${v}, ${v})`;
          hctx.fillRect(c * 4, r * 4, 4, 4);
        }
      }
      const sorted = [...diffs].sort((x, y) => x - y);
      const blob = await heat.convertToBlob({ type: 'image/png' });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return {
        blocks: diffs.length,
        inkedBlocks,
        mean: diffs.reduce((s, d) => s + d, 0) / diffs.length,
        p99: sorted[Math.floor(sorted.length * 0.99)],
        max: sorted[sorted.length - 1],
        heatPng: btoa(binary),
        size: [w, h, img.naturalWidth, img.naturalHeight],
      };
    },
    { pngDataUrl, offsetPx: { x: Math.round((offset.xPt * DPI) / 72), y: Math.round((offset.yPt * DPI) / 72) }, block: BLOCK_PX },
  );
  writeFileSync(path.join(ARTIFACTS_DIR, 'compare-heatmap.png'), Buffer.from(result.heatPng, 'base64'));
  test.info().annotations.push({ type: 'screen-vs-pdf', description: `blocks ${result.blocks} (inked ${result.inkedBlocks}), mean diff ${result.mean.toFixed(4)}, p99 ${result.p99.toFixed(3)}, max ${result.max.toFixed(3)}, sizes ${result.size.join('×')}` });
  console.log(test.info().annotations.at(-1)?.description);
  expect(result.inkedBlocks).toBeGreaterThan(result.blocks / 10);
  expect(result.mean).toBeLessThan(0.02);
  expect(result.p99).toBeLessThan(0.15);
});
