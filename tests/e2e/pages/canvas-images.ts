/**
 * Page object helpers for pictures on the page canvas: placing a workspace file through the inspector's
 * "Place image…" dialog, and comparing a region of the canvas with the same region of a pdftoppm render by
 * colour class per block (white, black, grey or one of six hue sectors). Colour classes, not exact RGB: the
 * screen shows RGB photos as they are and adverts through pdf.js's CMYK conversion, while the print PDF holds
 * converted CMYK that poppler turns back to RGB its own way — a crop or placement that differs moves whole
 * blocks from one class to another, a colour-management difference does not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import type { RectPt } from './canvas.js';

/** Millimetres per point (the Inspector shows millimetres). */
const MM_PER_PT = 25.4 / 72;

/** The inspector panel. */
export function inspector(page: Page): Locator {
  return page.getByRole('region', { name: 'Inspector' });
}

/** Places a workspace file (by its name in the workspace root) through Inspector ▸ Place image…. */
export async function placeFile(page: Page, fileName: string): Promise<void> {
  await inspector(page).getByRole('button', { name: 'Place image…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Place image' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: fileName, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Result of `compareColourClasses`. */
export interface ColourComparison {
  blocks: number;
  /** Blocks whose colour class differs between screen and PDF. */
  mismatched: number;
  /** Blocks per class on the screen, e.g. { R: 120, white: 30 }. */
  screenClasses: Record<string, number>;
  /** The PDF render's region as PNG (base64), for people to look at. */
  pdfRegionPng: string;
}

/**
 * Compares `rect` (page points) of the content canvas (at 100 %, 96 px per inch) with a PNG render of the
 * exported PDF at 96 dpi whose trim box starts at `trimOffsetPt`.
 */
export async function compareColourClasses(content: Locator, pdfPng: string, trimOffsetPt: { xPt: number; yPt: number }, rect: RectPt, blockPx = 6): Promise<ColourComparison> {
  const pngDataUrl = `data:image/png;base64,${readFileSync(pdfPng).toString('base64')}`;
  return content.evaluate(
    async (el, { pngDataUrl, trimOffsetPt, rect, blockPx }) => {
      const k = 96 / 72;
      const screen = el as HTMLCanvasElement;
      const x0 = Math.round(rect.xPt * k);
      const y0 = Math.round(rect.yPt * k);
      const w = Math.round(rect.widthPt * k);
      const h = Math.round(rect.heightPt * k);
      const a = screen.getContext('2d')!.getImageData(x0, y0, w, h).data;
      const img = new Image();
      img.src = pngDataUrl;
      await img.decode();
      const off = new OffscreenCanvas(w, h);
      const octx = off.getContext('2d')!;
      octx.drawImage(img, -Math.round((trimOffsetPt.xPt + rect.xPt) * k), -Math.round((trimOffsetPt.yPt + rect.yPt) * k));
      const b = octx.getImageData(0, 0, w, h).data;
      const classOf = (r: number, g: number, bl: number): string => {
        const max = Math.max(r, g, bl);
        const min = Math.min(r, g, bl);
        const lum = 0.299 * r + 0.587 * g + 0.114 * bl;
        if (max - min < 60) return lum > 190 ? 'white' : lum < 70 ? 'black' : 'grey';
        let hue: number;
        if (max === r) hue = ((g - bl) / (max - min)) * 60;
        else if (max === g) hue = (2 + (bl - r) / (max - min)) * 60;
        else hue = (4 + (r - g) / (max - min)) * 60;
        return ['R', 'Y', 'G', 'C', 'B', 'M'][Math.round(((hue + 360) % 360) / 60) % 6];
      };
      const mean = (d: Uint8ClampedArray, bx: number, by: number): [number, number, number] => {
        let r = 0;
        let g = 0;
        let bl = 0;
        for (let y = by; y < by + blockPx; y++) {
          for (let x = bx; x < bx + blockPx; x++) {
            const i = (y * w + x) * 4;
            r += d[i];
            g += d[i + 1];
            bl += d[i + 2];
          }
        }
        const n = blockPx * blockPx;
        return [r / n, g / n, bl / n];
      };
      let blocks = 0;
      let mismatched = 0;
      const screenClasses: Record<string, number> = {};
      for (let by = 0; by + blockPx <= h; by += blockPx) {
        for (let bx = 0; bx + blockPx <= w; bx += blockPx) {
          const ca = classOf(...mean(a, bx, by));
          const cb = classOf(...mean(b, bx, by));
          blocks++;
          screenClasses[ca] = (screenClasses[ca] ?? 0) + 1;
          if (ca !== cb) mismatched++;
        }
      }
      const png = new Uint8Array(await (await off.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let binary = '';
      for (const byte of png) binary += String.fromCharCode(byte);
      return { blocks, mismatched, screenClasses, pdfRegionPng: btoa(binary) };
    },
    { pngDataUrl, trimOffsetPt, rect, blockPx },
  );
}

/**
 * Writes `rect` (page points) of the content canvas to a PNG file, for people to look at. The canvas is taken to
 * be at 100 % (96 px per inch) unless the page's `trimWidthPt` is given to scale by.
 */
export async function saveCanvasRegion(content: Locator, rect: RectPt, file: string, trimWidthPt?: number): Promise<void> {
  const base64 = await content.evaluate(async (el, { rect, trimWidthPt }) => {
    const c = el as HTMLCanvasElement;
    const k = trimWidthPt ? c.width / trimWidthPt : 96 / 72;
    const w = Math.round(rect.widthPt * k);
    const h = Math.round(rect.heightPt * k);
    const off = new OffscreenCanvas(w, h);
    off.getContext('2d')!.drawImage(c, Math.round(rect.xPt * k), Math.round(rect.yPt * k), w, h, 0, 0, w, h);
    const bytes = new Uint8Array(await (await off.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  }, { rect, trimWidthPt });
  writeFileSync(file, Buffer.from(base64, 'base64'));
}

/** Sets the selected frame's position and size through the Inspector's millimetre fields (one undo step each). */
export async function setFrameRectInInspector(panel: Locator, rect: RectPt): Promise<void> {
  for (const [label, pt] of [['X', rect.xPt], ['Y', rect.yPt], ['Width', rect.widthPt], ['Height', rect.heightPt]] as const) {
    const field = panel.getByRole('spinbutton', { name: `${label} (mm)` });
    const mm = (pt * MM_PER_PT).toFixed(1);
    await field.fill(mm);
    await field.press('Enter');
    await expect(field).toHaveValue(mm);
  }
}
