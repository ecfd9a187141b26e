/**
 * A reference rasteriser for one glyph outline (fontkit path → coverage mask), to check that the PDF
 * shows the *right* glyph where the layout put it: text extraction cannot see a wrong subset mapping.
 */
import type { LoadedFont } from '../../../src-core/text/font.js';
import type { GreyImage } from './fixtures.js';

type Pt = [number, number];

/** Flattens a glyph outline to polygons in font units. */
function contoursOf(font: LoadedFont, glyphId: number): Pt[][] {
  const contours: Pt[][] = [];
  let current: Pt[] = [];
  let last: Pt = [0, 0];
  const STEPS = 8;
  for (const cmd of font.glyph(glyphId).path.commands) {
    const a = cmd.args;
    switch (cmd.command) {
      case 'moveTo':
        if (current.length) contours.push(current);
        current = [[a[0], a[1]]];
        last = [a[0], a[1]];
        break;
      case 'lineTo':
        current.push([a[0], a[1]]);
        last = [a[0], a[1]];
        break;
      case 'quadraticCurveTo':
        for (let i = 1; i <= STEPS; i++) {
          const t = i / STEPS;
          const u = 1 - t;
          current.push([u * u * last[0] + 2 * u * t * a[0] + t * t * a[2], u * u * last[1] + 2 * u * t * a[1] + t * t * a[3]]);
        }
        last = [a[2], a[3]];
        break;
      case 'bezierCurveTo':
        for (let i = 1; i <= STEPS; i++) {
          const t = i / STEPS;
          const u = 1 - t;
          current.push([
            u * u * u * last[0] + 3 * u * u * t * a[0] + 3 * u * t * t * a[2] + t * t * t * a[4],
            u * u * u * last[1] + 3 * u * u * t * a[1] + 3 * u * t * t * a[3] + t * t * t * a[5],
          ]);
        }
        last = [a[4], a[5]];
        break;
      case 'closePath':
        if (current.length) contours.push(current);
        current = [];
        break;
    }
  }
  if (current.length) contours.push(current);
  return contours;
}

function inside(contours: Pt[][], x: number, y: number): boolean {
  let winding = 0;
  for (const poly of contours) {
    for (let i = 0; i < poly.length; i++) {
      const [x1, y1] = poly[i];
      const [x2, y2] = poly[(i + 1) % poly.length];
      if (y1 <= y) {
        if (y2 > y && (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1) > 0) winding++;
      } else if (y2 <= y && (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1) < 0) winding--;
    }
  }
  return winding !== 0;
}

/**
 * Intersection-over-union between a glyph's outline (placed at a layout position) and the dark
 * pixels of a render, over the glyph's bounding box.
 * @param originPx glyph origin in image pixels (x right, y down)
 * @param pxPerUnit image pixels per font unit
 */
export function glyphMatch(img: GreyImage, font: LoadedFont, glyphId: number, originPx: { x: number; y: number }, pxPerUnit: number): number {
  const contours = contoursOf(font, glyphId);
  const glyph = font.glyph(glyphId);
  const bbox = glyph.bbox;
  // Compare over the whole glyph cell (advance × ascender…descender), so ink of a different glyph
  // outside the expected outline's bounding box counts against the match.
  const x0 = Math.floor(originPx.x + Math.min(0, bbox.minX) * pxPerUnit) - 1;
  const x1 = Math.ceil(originPx.x + Math.max(glyph.advanceWidth, bbox.maxX) * pxPerUnit) + 1;
  const y0 = Math.floor(originPx.y - Math.max(font.ascender, bbox.maxY) * pxPerUnit) - 1;
  const y1 = Math.ceil(originPx.y - Math.min(font.descender, bbox.minY) * pxPerUnit) + 1;
  let both = 0;
  let either = 0;
  for (let py = y0; py < y1; py++) {
    for (let px = x0; px < x1; px++) {
      const ux = (px + 0.5 - originPx.x) / pxPerUnit;
      const uy = (originPx.y - (py + 0.5)) / pxPerUnit;
      const expected = inside(contours, ux, uy);
      const dark = img.pixels[py * img.width + px] < 128;
      if (expected && dark) both++;
      if (expected || dark) either++;
    }
  }
  return either === 0 ? 0 : both / either;
}
