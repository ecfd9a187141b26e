/**
 * Non-text frames: images, boxes (with a label such as 广告) and rules, turned into layout items.
 *
 * 1. Images: `fit` shows the whole image inside the frame, `fill` covers the frame (cropped by the clip),
 *    `crop` places it at 1 px = 1 pt × `scale`, panned by the frame's offsets. effectivePpi = pixels per
 *    inch of placed size. Placed PDFs use their TrimBox size in points instead of pixels (1 unit = 1 pt) and
 *    report no resolution. A missing asset is a 'missing-asset' warning and a crossed placeholder box.
 * 2. Boxes: the frame's rectangle; its label is set at the top-right inside the box in the body font at
 *    7 pt (glyph by glyph from the font's advances: a label is one short line, never broken).
 * 3. Rules: along the frame's longer axis, through its middle.
 * 4. A rotated image or box frame (`rotationDeg`) gives every one of its items the frame's turn about its centre
 *    (rotation.ts); the items' own coordinates stay unturned.
 */
import type { BoxFrame, FolioDocument, ImageFrame, RuleFrame } from '../model/document.js';
import { BLACK } from '../model/colour.js';
import type { LoadedFont } from '../text/font.js';
import type { GlyphRunItem, LayoutItem, LayoutWarning, PositionedGlyph, RectPt } from './page-layout.js';
import { frameRotation } from './rotation.js';
import { ruleItemsOf, styledBoxItems } from './styled-lines.js';

/** Size of a box label such as 广告, points (7 pt: legible but clearly secondary, within the 6.5–7.5 pt house range). */
export const BOX_LABEL_SIZE_PT = 7;
/** Distance of the label from the box's top and right edges, points. */
export const BOX_LABEL_INSET_PT = 2;
/** Stroke of the missing-image placeholder and its cross, points. */
const PLACEHOLDER_STROKE_PT = 0.5;
/** Grey of the placeholder (40 % K): visible on screen and proof, clearly not content. */
const PLACEHOLDER_GREY = Object.freeze({ c: 0, m: 0, y: 0, k: 0.4 });
/** Points per inch. */
const PT_PER_INCH = 72;
/** Ascent of the ideographic em box, em (see grid.ts). */
const LABEL_ASCENT_EM = 0.88;

/** Every item of a rotated frame turned with it (step 4); the items unchanged when it is not rotated. */
function turnedWith(frame: ImageFrame | BoxFrame, items: LayoutItem[]): LayoutItem[] {
  const rotation = frameRotation(frame);
  return rotation ? items.map((item) => ({ ...item, rotation })) : items;
}

/** Lays out an image frame; on a black-and-white page (`pageMono`), or set to grey itself, its picture is grey. */
export function layoutImageFrame(frame: ImageFrame, doc: FolioDocument, pageId: string, warnings: LayoutWarning[], pageMono = false): LayoutItem[] {
  return turnedWith(frame, layoutUnturnedImageFrame(frame, doc, pageId, warnings, pageMono));
}

function layoutUnturnedImageFrame(frame: ImageFrame, doc: FolioDocument, pageId: string, warnings: LayoutWarning[], pageMono: boolean): LayoutItem[] {
  const clip: RectPt = { xPt: frame.xPt, yPt: frame.yPt, widthPt: frame.widthPt, heightPt: frame.heightPt };
  const asset = frame.assetId ? doc.assets[frame.assetId] : undefined;
  if (!asset) {
    warnings.push({
      code: 'missing-asset',
      message: frame.assetId ? `Image frame "${frame.id}" on page ${pageId} shows asset "${frame.assetId}", which the document lacks` : `Image frame "${frame.id}" on page ${pageId} has no image`,
      frameId: frame.id,
      ...(frame.assetId
        ? { key: 'composer.missingAsset', values: { frame: frame.id, page: pageId, asset: frame.assetId } }
        : { key: 'composer.emptyImage', values: { frame: frame.id, page: pageId } }),
    });
    return placeholder(clip, frame.id);
  }
  // A placed PDF's natural size is its TrimBox in points; an image's is its pixels (1 px = 1 pt at scale 1).
  const isPdf = !asset.widthPx && asset.widthPt !== undefined;
  const wPx = asset.widthPx ?? asset.widthPt;
  const hPx = asset.heightPx ?? asset.heightPt;
  if (!wPx || !hPx) {
    // Without pixel dimensions the aspect ratio is unknown: stretch to the frame and report no resolution.
    return [{ kind: 'image', assetId: asset.id, rect: clip, clip, frameId: frame.id }];
  }
  let widthPt: number;
  let heightPt: number;
  let xPt: number;
  let yPt: number;
  if (frame.fit === 'crop') {
    widthPt = wPx * frame.scale;
    heightPt = hPx * frame.scale;
    xPt = frame.xPt + frame.offsetXPt;
    yPt = frame.yPt + frame.offsetYPt;
  } else {
    const scaleX = frame.widthPt / wPx;
    const scaleY = frame.heightPt / hPx;
    const scale = frame.fit === 'fit' ? Math.min(scaleX, scaleY) : Math.max(scaleX, scaleY);
    widthPt = wPx * scale;
    heightPt = hPx * scale;
    xPt = frame.xPt + (frame.widthPt - widthPt) / 2;
    yPt = frame.yPt + (frame.heightPt - heightPt) / 2;
  }
  const rect = { xPt, yPt, widthPt, heightPt };
  // Vector pages have no resolution: only pixel images report one.
  const mono = pageMono || frame.mono === true ? { mono: true as const } : {};
  if (isPdf) return [{ kind: 'image', assetId: asset.id, rect, clip, ...mono, frameId: frame.id }];
  const effectivePpi = wPx / (widthPt / PT_PER_INCH);
  return [{ kind: 'image', assetId: asset.id, rect, clip, effectivePpi, ...mono, frameId: frame.id }];
}

/** A crossed box standing in for a missing image. */
function placeholder(rect: RectPt, frameId: string): LayoutItem[] {
  const right = rect.xPt + rect.widthPt;
  const bottom = rect.yPt + rect.heightPt;
  const rule = (x1Pt: number, y1Pt: number, x2Pt: number, y2Pt: number): LayoutItem =>
    ({ kind: 'rule', x1Pt, y1Pt, x2Pt, y2Pt, strokePt: PLACEHOLDER_STROKE_PT, colour: PLACEHOLDER_GREY, frameId });
  return [
    { kind: 'box', rect, strokePt: PLACEHOLDER_STROKE_PT, stroke: PLACEHOLDER_GREY, frameId },
    rule(rect.xPt, rect.yPt, right, bottom),
    rule(right, rect.yPt, rect.xPt, bottom),
  ];
}

/** Lays out a box frame (its stroke in its line style, its corners) and its label, turned with the frame. */
export function layoutBoxFrame(frame: BoxFrame, labelFont: LoadedFont, warnings: LayoutWarning[]): LayoutItem[] {
  return turnedWith(frame, layoutUnturnedBoxFrame(frame, labelFont, warnings));
}

function layoutUnturnedBoxFrame(frame: BoxFrame, labelFont: LoadedFont, warnings: LayoutWarning[]): LayoutItem[] {
  const rect = { xPt: frame.xPt, yPt: frame.yPt, widthPt: frame.widthPt, heightPt: frame.heightPt };
  const items: LayoutItem[] = styledBoxItems(rect, {
    strokePt: frame.strokePt, stroke: frame.stroke, ...(frame.fill ? { fill: frame.fill } : {}),
    ...(frame.lineStyle ? { lineStyle: frame.lineStyle } : {}), ...(frame.cornerRadiusPt ? { cornerRadiusPt: frame.cornerRadiusPt } : {}),
  }, frame.id);
  if (frame.label) {
    const run = setLabel(frame.label, labelFont, BOX_LABEL_SIZE_PT, frame.id, warnings);
    const rightPt = frame.xPt + frame.widthPt - frame.strokePt - BOX_LABEL_INSET_PT;
    const baselineYPt = frame.yPt + frame.strokePt + BOX_LABEL_INSET_PT + LABEL_ASCENT_EM * BOX_LABEL_SIZE_PT;
    const startPt = rightPt - run.widthPt;
    items.push({
      kind: 'glyphs', fontId: labelFont.id, sizePt: BOX_LABEL_SIZE_PT, colour: frame.stroke, baselineYPt,
      glyphs: run.glyphs.map((g) => ({ ...g, xPt: g.xPt + startPt })), frameId: frame.id,
    } satisfies GlyphRunItem);
  }
  return items;
}

/** Glyphs of a one-line label at natural advances, x from 0; missing glyphs are skipped with a warning. */
function setLabel(text: string, font: LoadedFont, sizePt: number, frameId: string, warnings: LayoutWarning[]): { glyphs: PositionedGlyph[]; widthPt: number } {
  const glyphs: PositionedGlyph[] = [];
  let xPt = 0;
  for (const ch of text) {
    const metrics = font.glyphFor(ch.codePointAt(0)!);
    if (!metrics) {
      warnings.push({
        code: 'missing-glyph', message: `Font ${font.family} has no glyph for "${ch}" in the label of box "${frameId}"`, frameId,
        missing: { text: ch, font: `${font.family} ${font.weight}` },
        key: 'composer.labelGlyph', values: { family: font.family, char: ch, frame: frameId },
      });
      continue;
    }
    glyphs.push({ glyphId: metrics.glyphId, xPt, text: ch });
    xPt += (metrics.advanceUnits / font.unitsPerEm) * sizePt;
  }
  return { glyphs, widthPt: xPt };
}

/** Lays out a rule frame along its longer axis, in its line style (styled-lines.ts). */
export function layoutRuleFrame(frame: RuleFrame): LayoutItem[] {
  const horizontal = frame.widthPt >= frame.heightPt;
  const x1Pt = horizontal ? frame.xPt : frame.xPt + frame.widthPt / 2;
  const y1Pt = horizontal ? frame.yPt + frame.heightPt / 2 : frame.yPt;
  const segment = { x1Pt, y1Pt, x2Pt: horizontal ? frame.xPt + frame.widthPt : x1Pt, y2Pt: horizontal ? y1Pt : frame.yPt + frame.heightPt };
  return ruleItemsOf(segment, frame.strokePt, frame.lineStyle, frame.colour ?? BLACK, frame.id);
}
