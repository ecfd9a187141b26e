/**
 * Immutable edits for placing images and adverts: put an imported asset into a frame (or a new one), change the
 * fit mode, pan and scale the image inside its frame. Each returns a new FolioDocument; the session records it
 * as one undoable step.
 *
 * 1. `placeAsset`: the asset joins `doc.assets`; an image frame shows it; a box frame (an ad slot) gets an image
 *    frame of its size just below it in paint order, so the box's rule and 广告 label stay on top; with no target
 *    a new image frame goes where the caller says or in the page's first empty grid area (`newImageRect`), at
 *    the asset's proportions, two grid columns wide (one when two fit nowhere) for images or its natural size
 *    (adverts, capped to the type area).
 * 2. `setImageFit`: fit/fill; switching to crop keeps the picture where it was (scale and offsets taken from the
 *    current layout), so crop mode starts from what the user sees.
 * 3. `panImage` / `setImageCrop`: move or scale the picture inside the frame (crop mode; other modes turn
 *    into crop first).
 * 4. `fitFrameToPicture`: the frame keeps its width and takes the picture's proportions (no crop left).
 * 5. `ppiStatus`: effective resolution graded like preflight (warning below 200 ppi, error below 120).
 */
import { createPageGrid } from '../../src-core/layout/grid.js';
import { layoutImageFrame } from '../../src-core/layout/frames.js';
import { columnSpanWidthPt, findFreeGridArea, gridColumnsOf, snapToGrid } from '../../src-core/layout/free-area.js';
import type { ImageItem, RectPt } from '../../src-core/layout/page-layout.js';
import type { Asset, FolioDocument, Frame, ImageFrame } from '../../src-core/model/document.js';
import { DEFAULT_MIN_PPI_ERROR, DEFAULT_MIN_PPI_WARNING } from '../../src-core/preflight/preflight.js';
import { findFrame } from './document-edits.js';
import { UiMessageError } from './ui-message.js';

/** Grid columns a newly placed photo spans (a common two-column picture). */
const NEW_IMAGE_GRID_COLUMNS = 2;

/** Fit modes of an image frame. */
export type ImageFit = ImageFrame['fit'];

/** Where `placeAsset` put the asset. */
export interface PlacedAsset {
  doc: FolioDocument;
  /** The image frame now showing the asset. */
  frameId: string;
}

function uniqueFrameId(doc: FolioDocument, base: string): string {
  const taken = new Set(doc.pages.flatMap((p) => p.frames.map((f) => f.id)));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Natural size of an asset in points at scale 1 (pixels count as points; PDFs by their TrimBox). */
export function naturalSizePt(asset: Asset): { widthPt: number; heightPt: number } | undefined {
  const widthPt = asset.widthPx ?? asset.widthPt;
  const heightPt = asset.heightPx ?? asset.heightPt;
  return widthPt && heightPt ? { widthPt, heightPt } : undefined;
}

/**
 * Places an asset (already imported by the host) on page `pageIndex`: into `targetFrameId` when it is an
 * image or box frame, else into a new image frame at `at` or in the first empty grid area (see module summary).
 * @throws RangeError for a missing page, a locked target, a target that cannot hold a picture (text, rule), or
 *   no target, no `at` and no empty area (ask the user where: `imageRectAt`)
 */
export function placeAsset(doc: FolioDocument, pageIndex: number, asset: Asset, targetFrameId: string | null, at?: RectPt): PlacedAsset {
  const page = doc.pages[pageIndex];
  if (!page) throw new UiMessageError('edits.noPage', { page: pageIndex + 1 });
  const withAsset: FolioDocument = { ...doc, assets: { ...doc.assets, [asset.id]: asset } };
  const target = targetFrameId ? page.frames.find((f) => f.id === targetFrameId) : undefined;
  if (targetFrameId && !target) throw new UiMessageError('edits.noFrameOnPage', { frame: targetFrameId, page: page.name });
  if (target?.locked) throw new UiMessageError('edits.frameLockedForPicture', { frame: target.label ?? target.id });
  if (target && target.kind !== 'image' && target.kind !== 'box') {
    throw new UiMessageError('edits.pictureTarget', { kind: target.kind });
  }
  const pages = withAsset.pages.slice();
  if (target?.kind === 'image') {
    const placed: ImageFrame = { ...target, assetId: asset.id, offsetXPt: 0, offsetYPt: 0, scale: 1, fit: target.fit === 'crop' ? 'fill' : target.fit };
    pages[pageIndex] = { ...page, frames: page.frames.map((f) => (f.id === target.id ? placed : f)) };
    return { doc: { ...withAsset, pages }, frameId: target.id };
  }
  const id = uniqueFrameId(doc, target ? `${target.id}-image` : `image-${asset.id}`);
  const rect = target ? { xPt: target.xPt, yPt: target.yPt, widthPt: target.widthPt, heightPt: target.heightPt } : (at ?? newImageRect(doc, pageIndex, asset));
  if (!rect) throw new UiMessageError('edits.noEmptyArea', { page: page.name });
  // Adverts are shown whole (fit); photos cover their frame (fill), the newsroom default.
  const frame: ImageFrame = {
    kind: 'image', id, ...rect, locked: false, assetId: asset.id,
    fit: asset.mime === 'application/pdf' ? 'fit' : 'fill', offsetXPt: 0, offsetYPt: 0, scale: 1,
  };
  const frames: Frame[] = page.frames.slice();
  const paintIndex = target ? frames.findIndex((f) => f.id === target.id) : frames.length;
  frames.splice(paintIndex, 0, frame);
  pages[pageIndex] = { ...page, frames };
  return { doc: { ...withAsset, pages }, frameId: id };
}

/**
 * Where a new frame for `asset` goes on page `pageIndex` when nothing is selected to hold it: the first empty
 * grid area of the page (free-area.ts) at the asset's proportions — two grid columns wide for a photo (one
 * column when two do not fit anywhere), an advert at its natural size — or `undefined` when the page has no
 * empty area that large, and the user is asked where it goes.
 */
export function newImageRect(doc: FolioDocument, pageIndex: number, asset: Asset): RectPt | undefined {
  const page = doc.pages[pageIndex];
  if (!page) return undefined;
  const grid = createPageGrid(doc.template);
  const columns = gridColumnsOf(doc.template);
  const occupied = page.frames.map(({ xPt, yPt, widthPt, heightPt }) => ({ xPt, yPt, widthPt, heightPt }));
  for (const { widthPt, heightPt } of wantedImageSizes(doc, asset)) {
    const free = findFreeGridArea(grid, columns, occupied, widthPt, heightPt);
    if (free) return free;
  }
  return undefined;
}

/**
 * The frame for `asset` with its top-left corner at the grid position nearest (`xPt`, `yPt`) on the page
 * (where the user clicked when asked), at the asset's preferred size, kept inside the type area.
 */
export function imageRectAt(doc: FolioDocument, asset: Asset, xPt: number, yPt: number): RectPt {
  const [preferred] = wantedImageSizes(doc, asset);
  return snapToGrid(createPageGrid(doc.template), gridColumnsOf(doc.template), xPt, yPt, preferred.widthPt, preferred.heightPt);
}

/** Sizes a new frame for `asset` may take, most wanted first (points, the asset's proportions). */
function wantedImageSizes(doc: FolioDocument, asset: Asset): { widthPt: number; heightPt: number }[] {
  const grid = createPageGrid(doc.template);
  const area = grid.typeArea;
  const natural = naturalSizePt(asset) ?? { widthPt: area.widthPt / 2, heightPt: area.widthPt / 3 };
  const columns = gridColumnsOf(doc.template);
  const widths = asset.mime === 'application/pdf'
    ? [natural.widthPt]
    : [columnSpanWidthPt(grid, columns, Math.min(NEW_IMAGE_GRID_COLUMNS, columns.count)), columnSpanWidthPt(grid, columns, 1)];
  return widths.map((wanted) => {
    let widthPt = Math.min(wanted, area.widthPt);
    let heightPt = (widthPt * natural.heightPt) / natural.widthPt;
    if (heightPt > area.heightPt) {
      widthPt *= area.heightPt / heightPt;
      heightPt = area.heightPt;
    }
    return { widthPt, heightPt };
  });
}

function imageFrameOf(doc: FolioDocument, frameId: string): { frame: ImageFrame; pageIndex: number } {
  const found = findFrame(doc, frameId);
  if (found?.frame.kind !== 'image') throw new UiMessageError('edits.notImageFrame', { frame: frameId });
  if (found.frame.locked) throw new UiMessageError('main.frameLocked', { frame: found.frame.label ?? frameId });
  return { frame: found.frame, pageIndex: found.pageIndex };
}

function replaceFrame(doc: FolioDocument, pageIndex: number, frame: ImageFrame): FolioDocument {
  const page = doc.pages[pageIndex];
  const pages = doc.pages.slice();
  pages[pageIndex] = { ...page, frames: page.frames.map((f) => (f.id === frame.id ? frame : f)) };
  return { ...doc, pages };
}

/** The placed picture's rectangle (points) as the composer lays it out, or undefined for an empty frame. */
export function placedImageRect(doc: FolioDocument, frame: ImageFrame): RectPt | undefined {
  const item = layoutImageFrame(frame, doc, '', []).find((i): i is ImageItem => i.kind === 'image');
  return item?.rect;
}

/** The frame in crop mode showing exactly what it shows now (scale and offsets from the current layout). */
function asCrop(doc: FolioDocument, frame: ImageFrame): ImageFrame {
  if (frame.fit === 'crop') return frame;
  const rect = placedImageRect(doc, frame);
  const asset = frame.assetId ? doc.assets[frame.assetId] : undefined;
  const natural = asset ? naturalSizePt(asset) : undefined;
  if (!rect || !natural) return { ...frame, fit: 'crop' };
  return { ...frame, fit: 'crop', scale: rect.widthPt / natural.widthPt, offsetXPt: rect.xPt - frame.xPt, offsetYPt: rect.yPt - frame.yPt };
}

/**
 * Sets an image frame's fit mode; `crop` starts from the picture's current placement.
 * @throws RangeError for a missing, locked or non-image frame
 */
export function setImageFit(doc: FolioDocument, frameId: string, fit: ImageFit): FolioDocument {
  const { frame, pageIndex } = imageFrameOf(doc, frameId);
  if (frame.fit === fit) return doc;
  const next: ImageFrame = fit === 'crop' ? asCrop(doc, frame) : { ...frame, fit, offsetXPt: 0, offsetYPt: 0, scale: 1 };
  return replaceFrame(doc, pageIndex, next);
}

/**
 * Moves the picture inside its frame by (dxPt, dyPt) points; a fit/fill frame turns into crop first.
 * @throws RangeError for a missing, locked or non-image frame
 */
export function panImage(doc: FolioDocument, frameId: string, dxPt: number, dyPt: number): FolioDocument {
  const { frame, pageIndex } = imageFrameOf(doc, frameId);
  const crop = asCrop(doc, frame);
  return replaceFrame(doc, pageIndex, { ...crop, offsetXPt: crop.offsetXPt + dxPt, offsetYPt: crop.offsetYPt + dyPt });
}

/** Crop settings the inspector edits: offsets in points, scale as a factor (1 = 100 %, 1 px = 1 pt). */
export interface ImageCrop {
  offsetXPt?: number;
  offsetYPt?: number;
  scale?: number;
}

/**
 * Sets crop offsets and/or scale (turning the frame into crop mode).
 * @throws RangeError for a missing, locked or non-image frame, or a scale that is not positive
 */
export function setImageCrop(doc: FolioDocument, frameId: string, crop: ImageCrop): FolioDocument {
  if (crop.scale !== undefined && !(crop.scale > 0 && Number.isFinite(crop.scale))) throw new UiMessageError('edits.imageScale', { scale: String(crop.scale) });
  const { frame, pageIndex } = imageFrameOf(doc, frameId);
  return replaceFrame(doc, pageIndex, { ...asCrop(doc, frame), ...crop });
}

/**
 * Makes an image frame's height match its picture's proportions at the frame's width, showing the whole
 * picture edge to edge (fill, no offsets).
 * @throws RangeError for a missing, locked, empty or non-image frame, or a picture of unknown size
 */
export function fitFrameToPicture(doc: FolioDocument, frameId: string): FolioDocument {
  const { frame, pageIndex } = imageFrameOf(doc, frameId);
  const asset = frame.assetId ? doc.assets[frame.assetId] : undefined;
  const natural = asset ? naturalSizePt(asset) : undefined;
  if (!natural) throw new UiMessageError('edits.noPictureSize', { frame: frame.label ?? frameId });
  const heightPt = (frame.widthPt * natural.heightPt) / natural.widthPt;
  return replaceFrame(doc, pageIndex, { ...frame, heightPt, fit: 'fill', offsetXPt: 0, offsetYPt: 0, scale: 1 });
}

/** How an effective resolution rates for newsprint (PRINT.md): fine, warning (< 200 ppi), error (< 120 ppi). */
export function ppiStatus(ppi: number): 'ok' | 'warning' | 'error' {
  if (ppi < DEFAULT_MIN_PPI_ERROR) return 'error';
  if (ppi < DEFAULT_MIN_PPI_WARNING) return 'warning';
  return 'ok';
}
