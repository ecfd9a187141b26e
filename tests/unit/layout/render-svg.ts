/**
 * Test helper: draws a PageLayout as SVG (glyph outlines from the fonts, boxes, rules, image placeholders,
 * line boxes optionally) so layout cases can be looked at. Output goes to tests/artifacts/ (git-ignored).
 */
import type { FontProvider } from '../../../src-core/text/font.js';
import type { PageLayout } from '../../../src-core/layout/page-layout.js';
import { cmykToRgb } from '../../../src-core/model/colour.js';

const rgb = (c: { c: number; m: number; y: number; k: number }) => {
  const { r, g, b } = cmykToRgb(c);
  return `rgb(${Math.round(r * 255)},${Math.round(g * 255)},${Math.round(b * 255)})`;
};

/** SVG of a page; `showLines` outlines every LineBox in light blue. */
export function pageToSvg(page: PageLayout, fonts: FontProvider, showLines = false): string {
  const defs = new Map<string, string>();
  const body: string[] = [];
  const ta = page.typeArea;
  body.push(`<rect x="${ta.xPt}" y="${ta.yPt}" width="${ta.widthPt}" height="${ta.heightPt}" fill="none" stroke="#f0c0c0" stroke-width="0.3"/>`);
  for (const item of page.items) {
    if (item.kind === 'glyphs') {
      const font = fonts.byId(item.fontId)!;
      const s = item.sizePt / font.unitsPerEm;
      for (const g of item.glyphs) {
        const id = `${item.fontId}-${g.glyphId}`;
        if (!defs.has(id)) defs.set(id, `<path id="${id}" d="${font.glyph(g.glyphId).path.toSVG()}"/>`);
        body.push(`<use href="#${id}" fill="${rgb(item.colour)}" transform="translate(${g.xPt.toFixed(2)},${item.baselineYPt.toFixed(2)}) scale(${(s * (g.scaleX ?? 1)).toFixed(5)},${(-s).toFixed(5)})"/>`);
      }
    } else if (item.kind === 'rule') {
      body.push(`<line x1="${item.x1Pt}" y1="${item.y1Pt}" x2="${item.x2Pt}" y2="${item.y2Pt}" stroke="${rgb(item.colour)}" stroke-width="${item.strokePt}"/>`);
    } else if (item.kind === 'box') {
      const r = item.rect;
      body.push(`<rect x="${r.xPt}" y="${r.yPt}" width="${r.widthPt}" height="${r.heightPt}" fill="${item.fill ? rgb(item.fill) : 'none'}" stroke="${item.stroke ? rgb(item.stroke) : 'none'}" stroke-width="${item.strokePt}"/>`);
    } else {
      const r = item.clip;
      body.push(`<rect x="${r.xPt}" y="${r.yPt}" width="${r.widthPt}" height="${r.heightPt}" fill="#ddd"/>`);
    }
  }
  if (showLines) {
    for (const l of page.lines) body.push(`<rect x="${l.rect.xPt}" y="${l.rect.yPt}" width="${l.rect.widthPt}" height="${l.rect.heightPt}" fill="none" stroke="#9cf" stroke-width="0.2"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${page.trimWidthPt}" height="${page.trimHeightPt}" viewBox="0 0 ${page.trimWidthPt} ${page.trimHeightPt}"><rect width="100%" height="100%" fill="white"/><defs>${[...defs.values()].join('')}</defs>${body.join('')}</svg>`;
}
