/**
 * Background tints (底纹) of frames: a box's fill and a text frame's tint, in CMYK, set on several frames at
 * once as one undoable step. Picture frames and rules have no fill.
 */
import type { Cmyk } from '../../src-core/model/colour.js';
import type { FolioDocument } from '../../src-core/model/document.js';

/** A tint the Inspector offers in one click: paper (none), the greys newspapers shade boxes with, black. */
export const FILL_PRESETS: readonly { readonly id: string; readonly fill: Cmyk | null }[] = [
  { id: 'none', fill: null },
  { id: 'k10', fill: { c: 0, m: 0, y: 0, k: 0.1 } },
  { id: 'k15', fill: { c: 0, m: 0, y: 0, k: 0.15 } },
  { id: 'k20', fill: { c: 0, m: 0, y: 0, k: 0.2 } },
  { id: 'k30', fill: { c: 0, m: 0, y: 0, k: 0.3 } },
  { id: 'k100', fill: { c: 0, m: 0, y: 0, k: 1 } },
  { id: 'c10', fill: { c: 0.1, m: 0, y: 0, k: 0 } },
  { id: 'y15', fill: { c: 0, m: 0, y: 0.15, k: 0 } },
  { id: 'red', fill: { c: 0, m: 1, y: 1, k: 0.1 } },
];

const inUnitRange = (v: number) => Number.isFinite(v) && v >= 0 && v <= 1;

/**
 * Sets (or with `null` removes) the fill of the box and text frames among `frameIds`; locked frames, picture
 * frames and rules are left as they are.
 * @throws RangeError for a colour component outside 0–1 (percentages are divided by 100 first)
 */
export function setFramesFill(doc: FolioDocument, frameIds: readonly string[], fill: Cmyk | null): FolioDocument {
  if (fill && ![fill.c, fill.m, fill.y, fill.k].every(inUnitRange)) throw new RangeError('A tint has C, M, Y and K between 0 and 100 %.');
  const ids = new Set(frameIds);
  let changed = false;
  const pages = doc.pages.map((page) => {
    if (!page.frames.some((f) => ids.has(f.id))) return page;
    const frames = page.frames.map((frame) => {
      if (!ids.has(frame.id) || frame.locked || (frame.kind !== 'box' && frame.kind !== 'text')) return frame;
      if (!fill) {
        if (frame.fill === undefined) return frame;
        changed = true;
        const { fill: _paper, ...rest } = frame;
        return rest;
      }
      if (frame.fill && frame.fill.c === fill.c && frame.fill.m === fill.m && frame.fill.y === fill.y && frame.fill.k === fill.k) return frame;
      changed = true;
      return { ...frame, fill: { ...fill } };
    });
    return { ...page, frames };
  });
  return changed ? { ...doc, pages } : doc;
}
