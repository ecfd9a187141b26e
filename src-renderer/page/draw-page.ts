/**
 * The page canvas's content layer: draws one PageLayout exactly as composed, in paint order.
 * It never measures or breaks text and never uses DOM/CSS text: glyphs are the font's own outlines.
 * Selection, guides and handles are the overlay's business (overlay.ts), which this module never imports.
 *
 * 1. Paper: white trim box.
 * 2. Items in order: glyph runs (outline per glyph at its xPt on the run's baseline; a run with display
 *    effects as one page-space path, shadow, outline and fill), rules, boxes, images (drawn into their placed
 *    rect, clipped to the frame).
 * 3. Everything is in points; the caller sets the canvas transform (zoom × device pixel ratio).
 * 4. An item of a rotated frame (`rotation`) is drawn turned about the frame's centre (rotation.ts), as the PDF turns it.
 * 5. With line sprites (run-sprites.ts), a plain run of an unrotated item is copied from its sprite, all of a
 *    repaint's new sprites rasterised first; a run without one (effects, rotation, too large) is filled.
 */
import type { BoxItem, GlyphRunItem, ImageItem, LayoutItem, PageLayout, RectPt, RuleItem, StrokeDash } from '../../src-core/layout/page-layout.js';
import { canvasRotation } from '../../src-core/layout/rotation.js';
import { boxItemOutline, needsOutline, type OutlineStep } from '../../src-core/layout/styled-lines.js';
import { itemBoundsPt, rectsIntersect } from './dirty-region.js';
import type { FontProvider, LoadedFont } from '../../src-core/text/font.js';
import type { Cmyk } from '../../src-core/model/colour.js';
import type { TextEffects } from '../../src-core/layout/text-effects.js';
import type { GlyphPathCache } from './glyph-paths.js';
import { runOrigin, type RunSpriteAtlas } from './run-sprites.js';
import { glyphTransform, runPath } from './glyph-paths.js';
import { cssColour } from './paint.js';

/** Placeholder tint for an image whose pixels have not arrived yet (screen only, light grey). */
const IMAGE_PENDING_FILL = 'rgb(225, 225, 225)';

/** What the content layer needs besides the layout. */
export interface PageResources {
  fonts: FontProvider;
  glyphPaths: GlyphPathCache<Path2D>;
  /** Decoded images by asset id; missing ones are drawn as a pending placeholder. */
  images: ReadonlyMap<string, CanvasImageSource>;
  /**
   * Line sprites (run-sprites.ts): with them, plain glyph runs on an unrotated page are copied from sprites
   * rasterised once instead of filled outline by outline; without them (tests), every glyph is filled.
   */
  sprites?: RunSpriteAtlas;
}

/** Counts of what was drawn, for the status line and tests of the drawing path. */
export interface DrawStats {
  glyphs: number;
  missingFonts: number;
}

function drawGlyphRun(ctx: CanvasRenderingContext2D, run: GlyphRunItem, res: PageResources, stats: DrawStats): void {
  const font = res.fonts.byId(run.fontId);
  if (!font) {
    stats.missingFonts++;
    return;
  }
  if (run.effects) {
    drawEffectRun(ctx, run, run.effects, font, res, stats);
    return;
  }
  ctx.fillStyle = cssColour(run.colour);
  if (res.sprites && !run.rotation && copyRunSprite(ctx, run, font, res, res.sprites, stats)) return;
  // One setTransform per glyph (the page transform composed by hand) instead of save/transform/restore:
  // save() copies the whole canvas state and was most of the draw time on a full page (≈ 6,000 glyphs).
  const page = ctx.getTransform();
  const runScaleX = run.scaleX ?? 1;
  const runScaleY = run.scaleY ?? 1;
  for (const g of run.glyphs) {
    const path = res.glyphPaths.get(font, g.glyphId);
    if (!path) continue;
    const [a, b, c, d, e, f] = glyphTransform(font.unitsPerEm, run.sizePt, g.xPt, run.baselineYPt, (g.scaleX ?? 1) * runScaleX, runScaleY);
    ctx.setTransform(
      page.a * a + page.c * b, page.b * a + page.d * b,
      page.a * c + page.c * d, page.b * c + page.d * d,
      page.a * e + page.c * f + page.e, page.b * e + page.d * f + page.f,
    );
    ctx.fill(path);
    stats.glyphs++;
  }
  ctx.setTransform(page);
}

/** The run's origin (first glyph, baseline) in device pixels under an unrotated uniform `page` transform. */
function runOriginPx(run: GlyphRunItem, page: DOMMatrix): { xPx: number; yPx: number } | null {
  const first = run.glyphs[0];
  if (!first || page.b !== 0 || page.c !== 0 || page.a !== page.d || !(page.a > 0)) return null;
  return { xPx: page.a * first.xPt + page.e, yPx: page.d * run.baselineYPt + page.f };
}

/**
 * Copies a plain run's sprite (run-sprites.ts) onto the page at whole device pixels. Returns false (nothing
 * drawn) when the run has no sprite: an unsupported transform, no ink, or too large; the caller fills it.
 */
function copyRunSprite(ctx: CanvasRenderingContext2D, run: GlyphRunItem, font: LoadedFont, res: PageResources, sprites: RunSpriteAtlas, stats: DrawStats): boolean {
  const page = ctx.getTransform();
  const at = runOriginPx(run, page);
  if (!at) return false;
  const sprite = sprites.sprite(run, font, res.glyphPaths, cssColour(run.colour), at.xPx, at.yPx);
  if (!sprite) return false;
  const { ix, iy } = runOrigin(at.xPx, at.yPx);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(sprite.page, sprite.sx, sprite.sy, sprite.w, sprite.h, ix + sprite.dx, iy + sprite.dy, sprite.w, sprite.h);
  ctx.setTransform(page);
  stats.glyphs += run.glyphs.length;
  return true;
}

/** Rasterises every sprite the items' plain runs need before the first is copied (run-sprites.ts step 4). */
function prepareSprites(ctx: CanvasRenderingContext2D, items: readonly LayoutItem[], res: PageResources, sprites: RunSpriteAtlas): void {
  const page = ctx.getTransform();
  sprites.begin(page.a);
  for (const item of items) {
    if (item.kind !== 'glyphs' || item.effects || item.rotation) continue;
    const font = res.fonts.byId(item.fontId);
    const at = runOriginPx(item, page);
    if (font && at) sprites.sprite(item, font, res.glyphPaths, cssColour(item.colour), at.xPx, at.yPx);
  }
}

/** True when `bounds` reaches into one of the `region` rectangles. */
function intersectsRegion(bounds: RectPt, region: readonly RectPt[]): boolean {
  for (const r of region) if (rectsIntersect(r, bounds)) return true;
  return false;
}

/**
 * A run with display effects (勾边/空心/阴影), painted as the PDF paints it (content-stream.ts `drawEffectRun`):
 * the run's glyphs are gathered into one page-space path, so strokes have their width in points whatever the
 * run's type scale; shadow (offset), outline (stroke at twice its width, round joins), then the fill, or the
 * stroke alone for hollow type.
 */
function drawEffectRun(ctx: CanvasRenderingContext2D, run: GlyphRunItem, effects: TextEffects, font: LoadedFont, res: PageResources, stats: DrawStats): void {
  const path = runPath(run, font, res.glyphPaths, () => new Path2D());
  stats.glyphs += run.glyphs.length;
  const hollow = effects.hollow;
  const outline = hollow ? undefined : effects.outline;
  const page = ctx.getTransform();
  ctx.save();
  ctx.lineJoin = 'round';
  setDash(ctx, {});
  const paint = (colour: Cmyk, fill: boolean, strokePt: number): void => {
    if (fill) {
      ctx.fillStyle = cssColour(colour);
      ctx.fill(path);
    }
    if (strokePt > 0) {
      ctx.strokeStyle = cssColour(colour);
      ctx.lineWidth = strokePt;
      ctx.stroke(path);
    }
  };
  if (effects.shadow) {
    ctx.translate(effects.shadow.dxPt, effects.shadow.dyPt);
    paint(effects.shadow.colour, !hollow, hollow ? hollow.widthPt : outline ? 2 * outline.widthPt : 0);
    ctx.setTransform(page);
  }
  if (outline) paint(outline.colour, false, 2 * outline.widthPt);
  if (hollow) paint(hollow.colour, false, hollow.widthPt);
  else paint(run.colour, true, 0);
  ctx.restore();
}

/** Sets a stroke's dash pattern and caps as the PDF sets them (butt caps, unbroken, unless the item says). */
function setDash(ctx: CanvasRenderingContext2D, dash: StrokeDash): void {
  ctx.setLineDash(dash.dashPt ? [...dash.dashPt] : []);
  ctx.lineCap = dash.roundCaps ? 'round' : 'butt';
}

function drawRule(ctx: CanvasRenderingContext2D, rule: RuleItem): void {
  ctx.strokeStyle = cssColour(rule.colour);
  ctx.lineWidth = rule.strokePt;
  setDash(ctx, rule);
  ctx.beginPath();
  ctx.moveTo(rule.x1Pt, rule.y1Pt);
  ctx.lineTo(rule.x2Pt, rule.y2Pt);
  ctx.stroke();
  setDash(ctx, {});
}

/** Traces a box outline (styled-lines.ts) as the PDF does: same start, same direction, same curves. */
function traceOutline(ctx: CanvasRenderingContext2D, steps: readonly OutlineStep[]): void {
  ctx.beginPath();
  for (const s of steps) {
    if (s.op === 'move') ctx.moveTo(s.xPt, s.yPt);
    else if (s.op === 'line') ctx.lineTo(s.xPt, s.yPt);
    else if (s.op === 'curve') ctx.bezierCurveTo(s.c1xPt, s.c1yPt, s.c2xPt, s.c2yPt, s.xPt, s.yPt);
    else ctx.closePath();
  }
}

function drawBox(ctx: CanvasRenderingContext2D, box: BoxItem): void {
  const { xPt, yPt, widthPt, heightPt } = box.rect;
  const outline = needsOutline(box);
  if (outline) traceOutline(ctx, boxItemOutline(box));
  if (box.fill) {
    ctx.fillStyle = cssColour(box.fill);
    if (outline) ctx.fill();
    else ctx.fillRect(xPt, yPt, widthPt, heightPt);
  }
  if (box.stroke && box.strokePt > 0) {
    ctx.strokeStyle = cssColour(box.stroke);
    ctx.lineWidth = box.strokePt;
    setDash(ctx, box);
    if (outline) ctx.stroke();
    else ctx.strokeRect(xPt, yPt, widthPt, heightPt);
    setDash(ctx, {});
  }
}

function drawImage(ctx: CanvasRenderingContext2D, item: ImageItem, res: PageResources): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(item.clip.xPt, item.clip.yPt, item.clip.widthPt, item.clip.heightPt);
  ctx.clip();
  const image = res.images.get(item.assetId);
  if (image) {
    // A black-and-white page shows its pictures grey, as its plate will print them.
    if (item.mono) ctx.filter = 'grayscale(1)';
    ctx.drawImage(image, item.rect.xPt, item.rect.yPt, item.rect.widthPt, item.rect.heightPt);
  } else {
    ctx.fillStyle = IMAGE_PENDING_FILL;
    ctx.fillRect(item.clip.xPt, item.clip.yPt, item.clip.widthPt, item.clip.heightPt);
  }
  ctx.restore();
}

/**
 * Draws the page (paper + items) in page points; the context's current transform maps points to pixels.
 * With `region`, only those rectangles (page points, widened to whole device pixels; the transform must be a
 * scale and translation, as the page canvas sets it) are repainted: cleared to paper and every item that
 * reaches into them redrawn in paint order, clipped — the result equals a full repaint there.
 * @returns what was drawn
 */
export function drawPageContent(ctx: CanvasRenderingContext2D, layout: PageLayout, res: PageResources, region?: readonly RectPt[]): DrawStats {
  const stats: DrawStats = { glyphs: 0, missingFonts: 0 };
  if (region) {
    if (region.length === 0) return stats;
    ctx.save();
    ctx.beginPath();
    // The clip snapped outward to whole device pixels: a clip edge through a pixel would blend the repaint
    // with what was there and leave faint seams that a full repaint does not have.
    const t = ctx.getTransform();
    for (const r of region) {
      const x0 = Math.floor(r.xPt * t.a + t.e);
      const y0 = Math.floor(r.yPt * t.d + t.f);
      const x1 = Math.ceil((r.xPt + r.widthPt) * t.a + t.e);
      const y1 = Math.ceil((r.yPt + r.heightPt) * t.d + t.f);
      ctx.rect((x0 - t.e) / t.a, (y0 - t.f) / t.d, (x1 - x0) / t.a, (y1 - y0) / t.d);
    }
    ctx.clip();
  }
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.trimWidthPt, layout.trimHeightPt);
  const drawn = region ? layout.items.filter((item) => intersectsRegion(itemBoundsPt(item), region)) : layout.items;
  if (res.sprites) prepareSprites(ctx, drawn, res, res.sprites);
  for (const item of drawn) {
    if (item.rotation) {
      const turn = canvasRotation(item.rotation);
      ctx.save();
      ctx.translate(turn.cxPt, turn.cyPt);
      ctx.rotate(turn.rad);
      ctx.translate(-turn.cxPt, -turn.cyPt);
    }
    switch (item.kind) {
      case 'glyphs':
        drawGlyphRun(ctx, item, res, stats);
        break;
      case 'rule':
        drawRule(ctx, item);
        break;
      case 'box':
        drawBox(ctx, item);
        break;
      case 'image':
        drawImage(ctx, item, res);
        break;
    }
    if (item.rotation) ctx.restore();
  }
  if (region) ctx.restore();
  return stats;
}
