/**
 * Zoom and coordinate conversion for the page canvas. Zoom is "CSS pixels per point × 72/96", i.e. 1 means
 * 100 % (the page at its physical size on a 96-dpi CSS pixel grid). Pure functions, no DOM.
 */

/** CSS pixels per point at 100 % (CSS fixes 96 px per inch; a point is 1/72 inch). */
export const CSS_PX_PER_PT = 96 / 72;
/** Smallest zoom: below 5 % a broadsheet is a stamp. */
export const MIN_ZOOM = 0.05;
/** Largest zoom: above 800 % one body character fills the screen. */
export const MAX_ZOOM = 8;
/** Multiplicative step of zoom in/out and of one Ctrl+wheel notch. */
export const ZOOM_STEP = 1.2;
/** Pasteboard margin around the page, CSS pixels, when fitting. */
export const FIT_MARGIN_PX = 24;

/** How the zoom is chosen: follow the viewport (fit) or fixed. */
export type ZoomMode = 'fit-page' | 'fit-width' | 'fixed';

/** Clamps a zoom factor to [MIN_ZOOM, MAX_ZOOM]. */
export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** Zoom that shows the whole page (points) inside a viewport (CSS pixels). */
export function fitPageZoom(pageWidthPt: number, pageHeightPt: number, viewWidthPx: number, viewHeightPx: number): number {
  const w = Math.max(1, viewWidthPx - 2 * FIT_MARGIN_PX) / (pageWidthPt * CSS_PX_PER_PT);
  const h = Math.max(1, viewHeightPx - 2 * FIT_MARGIN_PX) / (pageHeightPt * CSS_PX_PER_PT);
  return clampZoom(Math.min(w, h));
}

/** Zoom that makes the page as wide as the viewport (CSS pixels), minus the pasteboard margins. */
export function fitWidthZoom(pageWidthPt: number, viewWidthPx: number): number {
  return clampZoom(Math.max(1, viewWidthPx - 2 * FIT_MARGIN_PX) / (pageWidthPt * CSS_PX_PER_PT));
}

/** The next zoom step in (`direction` 1) or out (−1). */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  return clampZoom(direction > 0 ? zoom * ZOOM_STEP : zoom / ZOOM_STEP);
}

/** CSS pixels per point at a zoom. */
export function pxPerPt(zoom: number): number {
  return zoom * CSS_PX_PER_PT;
}

/** Converts an offset inside the page element (CSS pixels from its top-left) to page points. */
export function pagePointFromOffset(offsetXPx: number, offsetYPx: number, zoom: number): { xPt: number; yPt: number } {
  const k = pxPerPt(zoom);
  return { xPt: offsetXPx / k, yPt: offsetYPx / k };
}

/**
 * Largest backing store per canvas layer, pixels: 32 M RGBA pixels is 128 MB, and there are two layers. A
 * broadsheet reaches it at about 325 % on a standard display (160 % on HiDPI); beyond that the page is drawn
 * at this resolution and scaled up (softer, never wrong).
 */
export const MAX_CANVAS_PIXELS = 32_000_000;

/**
 * Backing-store size of a canvas showing `widthPt × heightPt` at `zoom` on a display with `devicePixelRatio`.
 * The pixel ratio is reduced (never the zoom) so the page fits in `maxPixels`.
 */
export function canvasBackingSize(widthPt: number, heightPt: number, zoom: number, devicePixelRatio: number, maxPixels = MAX_CANVAS_PIXELS): { widthPx: number; heightPx: number; scale: number } {
  let scale = pxPerPt(zoom) * devicePixelRatio;
  const area = widthPt * heightPt * scale * scale;
  if (area > maxPixels) scale *= Math.sqrt(maxPixels / area);
  return { widthPx: Math.max(1, Math.round(widthPt * scale)), heightPx: Math.max(1, Math.round(heightPt * scale)), scale };
}
