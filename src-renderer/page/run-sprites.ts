/**
 * Line sprites for the page canvas: each plain glyph run (a line of text) is rasterised once per device scale
 * into an atlas, and the page is drawn by copying those pixels (issue 14 item 6). Filling a CJK outline costs
 * tens of microseconds; a keystroke that adds a line moves every later line of the story, which used to mean
 * filling thousands of outlines again. The moved lines are the same runs one line lower, so their sprites are
 * copied, and only the lines whose text changed are rasterised. The glyphs are still the font's own outlines
 * (glyph-paths.ts), filled once into the sprite.
 *
 * 1. A run's origin (its first glyph's x, its baseline) in device pixels: x rounded to 1/`SUBPIXEL_STEPS` of a
 *    pixel (its fraction, the phase, is part of the sprite's key), the baseline to a whole pixel, as screen text
 *    is usually set. Inside the sprite every glyph keeps its exact position relative to the run's origin.
 * 2. A sprite's key is everything its pixels depend on: font, size, scales, colour, phase and each glyph's id,
 *    scale and offset from the run's first glyph; a run with an equal key anywhere on the page reuses it.
 * 3. A sprite is rasterised into a slot of an atlas page (an offscreen canvas), padded for antialiasing; slots
 *    are packed in shelves (rows of one height band).
 * 4. Drawing is two-pass (`prepare`, then copies): every sprite a repaint needs is rasterised before the first
 *    copy, because writing to an atlas page the page canvas has just read from makes the browser copy the
 *    whole page (copy-on-write of its snapshot).
 * 5. Copies land on whole device pixels with an identity transform, so a partial repaint (clipped to whole pixels,
 *    draw-page.ts) gives exactly the pixels a full repaint gives.
 * 6. The atlas serves one device scale (zoom × pixel ratio); another scale, or more than `MAX_ATLAS_PAGES`
 *    pages, starts it afresh. A run too large for a slot (a headline at high zoom) is left to the caller.
 */
import type { GlyphRunItem } from '../../src-core/layout/page-layout.js';
import type { LoadedFont } from '../../src-core/text/font.js';
import type { GlyphPathCache } from './glyph-paths.js';

/** Sub-pixel x positions of a run per device pixel: 1/8 px at most from the exact position. */
export const SUBPIXEL_STEPS = 4;
/** Atlas page size, device pixels (8 MB a page: one copy-on-write stays cheap; a 1,600 px line fits). */
const ATLAS_PAGE_WIDTH_PX = 2048;
const ATLAS_PAGE_HEIGHT_PX = 1024;
/** Largest sprite height, device pixels: taller runs (display type at high zoom) are few and filled as paths. */
const MAX_SPRITE_HEIGHT_PX = 160;
/** Pages before the atlas starts afresh (128 MB): thousands of lines, many keystrokes' worth of changed ones. */
const MAX_ATLAS_PAGES = 16;
/** Pixels of padding around a run's ink box for antialiased edges. */
const PAD_PX = 2;
/** Height band of a shelf, device pixels: a sprite goes on a shelf at most this much taller than itself. */
const SHELF_SLACK_PX = 4;

/** A canvas the atlas can rasterise into and the page canvas can copy from. */
export type AtlasCanvas = OffscreenCanvas | HTMLCanvasElement;

/** Where one run's sprite is: atlas page, rectangle, and its offset from the run's whole-pixel origin. */
export interface RunSprite {
  readonly page: AtlasCanvas;
  readonly sx: number;
  readonly sy: number;
  readonly w: number;
  readonly h: number;
  /** Left and top of the sprite relative to the whole-pixel part of the run's origin, device pixels. */
  readonly dx: number;
  readonly dy: number;
}

interface AtlasPage {
  canvas: AtlasCanvas;
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
  /** Shelves: top, height and next free x of each row. */
  shelves: { y: number; h: number; x: number }[];
  nextShelfY: number;
}

/** The run's origin in device pixels, split into whole pixels and the x phase (step 1). */
export function runOrigin(xPx: number, yPx: number): { ix: number; iy: number; phase: number } {
  const qx = Math.round(xPx * SUBPIXEL_STEPS);
  const ix = Math.floor(qx / SUBPIXEL_STEPS);
  return { ix, iy: Math.round(yPx), phase: qx - ix * SUBPIXEL_STEPS };
}

/** Run sprites at one device scale (see the module summary). */
export class RunSpriteAtlas {
  private readonly sprites = new Map<string, RunSprite | null>();
  private pages: AtlasPage[] = [];
  private scalePx = 0;

  /** @param makeCanvas creates an atlas page (the browser's `OffscreenCanvas`) */
  constructor(private readonly makeCanvas: (widthPx: number, heightPx: number) => AtlasCanvas) {}

  /** Sprites made since the atlas last started afresh (too-large runs included, as null). */
  get size(): number {
    return this.sprites.size;
  }

  /**
   * Starts a repaint at `scalePx` device pixels per point: a new scale, or an atlas grown past its page limit,
   * starts afresh. Call before `sprite` for the repaint's runs.
   */
  begin(scalePx: number): void {
    if (scalePx !== this.scalePx || this.pages.length > MAX_ATLAS_PAGES) {
      this.sprites.clear();
      this.pages = [];
      this.scalePx = scalePx;
    }
  }

  /**
   * The sprite of `run` whose origin (first glyph, baseline) lies at (`xPx`, `yPx`) device pixels, rasterised
   * now if new; null when the run has no inked glyph or is too large for a sprite (the caller fills its
   * outlines instead).
   * @param colour the run's CSS colour
   */
  sprite(run: GlyphRunItem, font: LoadedFont, paths: GlyphPathCache<Path2D>, colour: string, xPx: number, yPx: number): RunSprite | null {
    const first = run.glyphs[0];
    if (!first) return null;
    const { phase } = runOrigin(xPx, yPx);
    const scaleX = run.scaleX ?? 1;
    const scaleY = run.scaleY ?? 1;
    let key = `${font.id}|${run.sizePt}|${scaleX}|${scaleY}|${colour}|${phase}|`;
    for (const g of run.glyphs) key += `${g.glyphId}@${g.xPt - first.xPt}x${g.scaleX ?? 1};`;
    let sprite = this.sprites.get(key);
    if (sprite === undefined) {
      sprite = this.rasterise(run, font, paths, colour, phase / SUBPIXEL_STEPS);
      this.sprites.set(key, sprite);
    }
    return sprite;
  }

  private rasterise(run: GlyphRunItem, font: LoadedFont, paths: GlyphPathCache<Path2D>, colour: string, fx: number): RunSprite | null {
    const first = run.glyphs[0]!;
    const unitPx = (this.scalePx * run.sizePt) / font.unitsPerEm;
    const ky = unitPx * (run.scaleY ?? 1);
    // Ink box of the run relative to its origin (x phase included), device pixels.
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const g of run.glyphs) {
      if (!paths.get(font, g.glyphId)) continue;
      const box = font.glyph(g.glyphId).bbox;
      const kx = unitPx * (run.scaleX ?? 1) * (g.scaleX ?? 1);
      const ox = fx + this.scalePx * (g.xPt - first.xPt);
      minX = Math.min(minX, ox + box.minX * kx);
      maxX = Math.max(maxX, ox + box.maxX * kx);
      minY = Math.min(minY, -box.maxY * ky);
      maxY = Math.max(maxY, -box.minY * ky);
    }
    if (!Number.isFinite(minX) || !Number.isFinite(minY)) return null;
    const left = Math.floor(minX) - PAD_PX;
    const top = Math.floor(minY) - PAD_PX;
    const w = Math.ceil(maxX) + PAD_PX - left;
    const h = Math.ceil(maxY) + PAD_PX - top;
    if (w > ATLAS_PAGE_WIDTH_PX || h > MAX_SPRITE_HEIGHT_PX) return null;
    const slot = this.allocate(w, h);
    if (!slot) return null;
    const { page, sx, sy } = slot;
    page.ctx.fillStyle = colour;
    for (const g of run.glyphs) {
      const path = paths.get(font, g.glyphId);
      if (!path) continue;
      const kx = unitPx * (run.scaleX ?? 1) * (g.scaleX ?? 1);
      page.ctx.setTransform(kx, 0, 0, -ky, sx - left + fx + this.scalePx * (g.xPt - first.xPt), sy - top);
      page.ctx.fill(path);
    }
    return { page: page.canvas, sx, sy, w, h, dx: left, dy: top };
  }

  private allocate(w: number, h: number): { page: AtlasPage; sx: number; sy: number } | null {
    for (const page of this.pages) {
      const shelf = page.shelves.find((s) => s.h >= h && s.h <= h + SHELF_SLACK_PX && s.x + w <= ATLAS_PAGE_WIDTH_PX);
      if (shelf) {
        const sx = shelf.x;
        shelf.x += w + 1;
        return { page, sx, sy: shelf.y };
      }
      if (page.nextShelfY + h <= ATLAS_PAGE_HEIGHT_PX) {
        const added = { y: page.nextShelfY, h, x: w + 1 };
        page.shelves.push(added);
        page.nextShelfY += h + 1;
        return { page, sx: 0, sy: added.y };
      }
    }
    const canvas = this.makeCanvas(ATLAS_PAGE_WIDTH_PX, ATLAS_PAGE_HEIGHT_PX);
    const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
    if (!ctx) return null;
    this.pages.push({ canvas, ctx, shelves: [{ y: 0, h, x: w + 1 }], nextShelfY: h + 1 });
    return { page: this.pages[this.pages.length - 1]!, sx: 0, sy: 0 };
  }
}
