/**
 * Screen against print, as compare.spec.ts measures it: the page canvas at 100 % (96 px per inch) beside the
 * exported PDF rendered by pdftoppm at 96 dpi, block by block (the share of ink pixels in each 12 × 12 px block).
 * Antialiasing differs between Skia and poppler, so single pixels may differ, but a line set differently, a
 * missing glyph run or a shifted frame changes whole blocks. A heat map of the differences is written for
 * people to look at.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';

/** The canvas at 100 % is 96 px per inch, so poppler renders at 96 dpi to match it pixel for pixel. */
export const SCREEN_DPI = 96;
/** Comparison block size, px. */
const BLOCK_PX = 12;

/** Block differences between the canvas and the PDF render. */
export interface ScreenComparison {
  blocks: number;
  inkedBlocks: number;
  mean: number;
  p99: number;
  max: number;
}

/**
 * Compares the content canvas (at 100 %) with a 96-dpi PNG render of the PDF whose trim box starts at
 * `trimOffsetPt`; writes the heat map to `heatMapPath`.
 */
export async function compareScreenWithPdf(content: Locator, pngPath: string, trimOffsetPt: { xPt: number; yPt: number }, heatMapPath: string): Promise<ScreenComparison> {
  const pngDataUrl = `data:image/png;base64,${readFileSync(pngPath).toString('base64')}`;
  const offsetPx = { x: Math.round((trimOffsetPt.xPt * SCREEN_DPI) / 72), y: Math.round((trimOffsetPt.yPt * SCREEN_DPI) / 72) };
  const result = await content.evaluate(
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
      const ink = (d: Uint8ClampedArray, i: number) => (0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]! < 160 ? 1 : 0);
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
        p99: sorted[Math.floor(sorted.length * 0.99)]!,
        max: sorted[sorted.length - 1]!,
        heatPng: btoa(binary),
      };
    },
    { pngDataUrl, offsetPx, block: BLOCK_PX },
  );
  writeFileSync(heatMapPath, Buffer.from(result.heatPng, 'base64'));
  return { blocks: result.blocks, inkedBlocks: result.inkedBlocks, mean: result.mean, p99: result.p99, max: result.max };
}
