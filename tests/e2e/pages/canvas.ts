/**
 * Page object: the page canvas — its content layer pixels, the accessible text layer generated from the layout,
 * and pointer input at page coordinates (points).
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Pixels darker than this (0–255 luminance) count as ink. */
const INK_LUMINANCE = 160;

/** A rectangle in page points. */
export interface RectPt {
  xPt: number;
  yPt: number;
  widthPt: number;
  heightPt: number;
}

export class PageCanvas {
  readonly page: Page;
  readonly content: Locator;
  readonly surface: Locator;
  readonly textLayer: Locator;
  readonly trimWidthPt: number;

  constructor(page: Page, trimWidthPt: number) {
    this.page = page;
    this.trimWidthPt = trimWidthPt;
    this.content = page.getByTestId('page-content');
    this.surface = page.getByRole('application');
    this.textLayer = page.getByRole('region', { name: /^Text of page/ });
  }

  /** The current layout version (increments on every compose). */
  async layoutVersion(): Promise<number> {
    return Number(await this.content.getAttribute('data-layout-version'));
  }

  /**
   * Waits until the page has been re-composed after `version` and the text layer (rebuilt off the keystroke's
   * path, in the next idle period) shows that layout.
   */
  async waitForComposeAfter(version: number): Promise<void> {
    await expect.poll(() => this.layoutVersion()).toBeGreaterThan(version);
    await expect.poll(async () => Number(await this.textLayer.getAttribute('data-layout-version')) >= (await this.layoutVersion())).toBe(true);
  }

  /** Text of the frame `frameId` as the layout set it (one element, its paragraphs inside). */
  frameText(frameId: string): Locator {
    return this.textLayer.locator(`[data-frame-id="${frameId}"]`);
  }

  /** The paragraphs of the text layer, frame by frame in reading order (`text-layer.ts`). */
  async paragraphs(): Promise<{ frameId: string; paragraphs: string[] }[]> {
    return this.textLayer.locator('[data-frame-id]').evaluateAll((frames) =>
      frames.map((f) => ({ frameId: f.getAttribute('data-frame-id') ?? '', paragraphs: [...f.querySelectorAll('p')].map((p) => p.textContent ?? '') })));
  }

  /** Fraction of ink pixels (0–1) in a page rectangle of the content canvas. */
  async inkFraction(rect: RectPt): Promise<number> {
    return this.content.evaluate(
      (canvas, { rect, trimWidthPt, threshold }) => {
        const c = canvas as HTMLCanvasElement;
        const scale = c.width / trimWidthPt;
        const x = Math.round(rect.xPt * scale);
        const y = Math.round(rect.yPt * scale);
        const w = Math.max(1, Math.round(rect.widthPt * scale));
        const h = Math.max(1, Math.round(rect.heightPt * scale));
        const data = c.getContext('2d')!.getImageData(x, y, w, h).data;
        let ink = 0;
        for (let i = 0; i < data.length; i += 4) {
          const lum = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
          if (data[i + 3] > 0 && lum < threshold) ink++;
        }
        return ink / (w * h);
      },
      { rect, trimWidthPt: this.trimWidthPt, threshold: INK_LUMINANCE },
    );
  }

  /** Client coordinates of a page point. */
  async clientPoint(xPt: number, yPt: number): Promise<{ x: number; y: number }> {
    const box = await this.surface.boundingBox();
    if (!box) throw new RangeError('The page canvas is not visible.');
    const k = box.width / this.trimWidthPt;
    return { x: box.x + xPt * k, y: box.y + yPt * k };
  }

  /** Clicks at a page point. */
  async clickAt(xPt: number, yPt: number): Promise<void> {
    const p = await this.clientPoint(xPt, yPt);
    await this.page.mouse.click(p.x, p.y);
  }

  /** Clicks at a page point with Shift held: adds the frame there to the selection (or takes it out). */
  async shiftClickAt(xPt: number, yPt: number): Promise<void> {
    const p = await this.clientPoint(xPt, yPt);
    await this.page.keyboard.down('Shift');
    await this.page.mouse.click(p.x, p.y);
    await this.page.keyboard.up('Shift');
  }

  /** Double-clicks at a page point (opens the story there with the caret at that position). */
  async doubleClickAt(xPt: number, yPt: number): Promise<void> {
    const p = await this.clientPoint(xPt, yPt);
    await this.page.mouse.dblclick(p.x, p.y);
  }
}
