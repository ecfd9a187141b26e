/**
 * Glyph outlines for the page canvas, taken from the same font file the composer measured and the PDF
 * embeds (fontkit `glyph.path`), so screen and print show identical shapes.
 *
 * 1. `glyphOutlineSvg` turns a glyph into an SVG path string in font units (y up, as fontkit gives it).
 * 2. `createGlyphPathCache` builds each outline once per font + glyph id with an injected path factory
 *    (the browser's `Path2D`; tests pass a plain function) and keeps it.
 * 3. `glyphTransform` is the affine map from font units to page points for one glyph: scale by
 *    sizePt / unitsPerEm (times `scaleX` horizontally and `scaleY` vertically: 长体/扁体 and compressed
 *    dashes), flip y, move the origin to (xPt, baselineYPt).
 * 4. `runPath` gathers a run's glyph outlines into one path in page points (for display effects: a stroke
 *    drawn there has its width in points, as the PDF's text stroke has, whatever the type scale).
 */
import type { GlyphRunItem } from '../../src-core/layout/page-layout.js';
import type { LoadedFont } from '../../src-core/text/font.js';

/** An SVG path string in font units, or null for glyphs without ink (spaces). */
export function glyphOutlineSvg(font: LoadedFont, glyphId: number): string | null {
  const svg = font.glyph(glyphId).path.toSVG();
  return svg.length > 0 ? svg : null;
}

/** A per-font, per-glyph outline cache. */
export interface GlyphPathCache<P> {
  /** The outline of `glyphId` in `font`, or null for a glyph without ink. */
  get(font: LoadedFont, glyphId: number): P | null;
  /** Number of outlines built so far (each glyph is built once). */
  readonly size: number;
}

/** Creates a cache that builds outlines with `makePath` (e.g. `(svg) => new Path2D(svg)`). */
export function createGlyphPathCache<P>(makePath: (svg: string) => P): GlyphPathCache<P> {
  const byFont = new Map<string, Map<number, P | null>>();
  let size = 0;
  return {
    get(font, glyphId) {
      let glyphs = byFont.get(font.id);
      if (!glyphs) {
        glyphs = new Map();
        byFont.set(font.id, glyphs);
      }
      let path = glyphs.get(glyphId);
      if (path === undefined) {
        const svg = glyphOutlineSvg(font, glyphId);
        path = svg === null ? null : makePath(svg);
        glyphs.set(glyphId, path);
        size++;
      }
      return path;
    },
    get size() {
      return size;
    },
  };
}

/** A 2-D affine matrix [a, b, c, d, e, f] as used by canvas `setTransform`/`transform`. */
export type Affine = readonly [number, number, number, number, number, number];

/**
 * The map from a glyph's font units to page points (y down), for `ctx.transform(...)`.
 * @param scaleX horizontal scale (the run's type scale × the glyph's own), 1 = natural
 * @param scaleY vertical scale (the run's type scale), 1 = natural
 */
export function glyphTransform(unitsPerEm: number, sizePt: number, xPt: number, baselineYPt: number, scaleX = 1, scaleY = 1): Affine {
  const s = sizePt / unitsPerEm;
  return [s * scaleX, 0, 0, -s * scaleY, xPt, baselineYPt];
}

/** A path that can take another path under a 2-D transform (`Path2D.addPath`). */
export interface AddablePath<P> {
  addPath(path: P, transform?: { a: number; b: number; c: number; d: number; e: number; f: number }): void;
}

/**
 * One path holding every inked glyph of `run`, in page points (y down): each cached outline added under its
 * `glyphTransform`. Glyphs without ink are skipped.
 * @param makeEmpty creates the empty path to gather into (`() => new Path2D()` in the browser)
 */
export function runPath<P extends AddablePath<P>>(run: GlyphRunItem, font: LoadedFont, cache: GlyphPathCache<P>, makeEmpty: () => P): P {
  const out = makeEmpty();
  const runScaleX = run.scaleX ?? 1;
  const runScaleY = run.scaleY ?? 1;
  for (const g of run.glyphs) {
    const path = cache.get(font, g.glyphId);
    if (!path) continue;
    const [a, b, c, d, e, f] = glyphTransform(font.unitsPerEm, run.sizePt, g.xPt, run.baselineYPt, (g.scaleX ?? 1) * runScaleX, runScaleY);
    out.addPath(path, { a, b, c, d, e, f });
  }
  return out;
}
