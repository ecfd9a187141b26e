/**
 * Black-and-white printing (黑白版): a page whose pictures print in grey on the K plate alone, or single
 * pictures set to grey on a colour page. Immutable edits; the session records each as one undoable step.
 */
import type { FolioDocument } from '../../src-core/model/document.js';

/**
 * Makes page `pageIndex` black-and-white (`mono`) or colour again.
 * @throws RangeError for a missing page
 */
export function setPageMono(doc: FolioDocument, pageIndex: number, mono: boolean): FolioDocument {
  const page = doc.pages[pageIndex];
  if (!page) throw new RangeError(`There is no page ${pageIndex + 1} in this document.`);
  if ((page.mono === true) === mono) return doc;
  const pages = doc.pages.slice();
  if (mono) pages[pageIndex] = { ...page, mono: true };
  else {
    const { mono: _colour, ...rest } = page;
    pages[pageIndex] = rest;
  }
  return { ...doc, pages };
}

/** Sets the picture frames among `frameIds` to print in grey (or in colour); locked frames stay as they are. */
export function setPicturesMono(doc: FolioDocument, frameIds: readonly string[], mono: boolean): FolioDocument {
  const ids = new Set(frameIds);
  let changed = false;
  const pages = doc.pages.map((page) => {
    if (!page.frames.some((f) => ids.has(f.id))) return page;
    return {
      ...page,
      frames: page.frames.map((frame) => {
        if (!ids.has(frame.id) || frame.kind !== 'image' || frame.locked || (frame.mono === true) === mono) return frame;
        changed = true;
        if (mono) return { ...frame, mono: true };
        const { mono: _colour, ...rest } = frame;
        return rest;
      }),
    };
  });
  return changed ? { ...doc, pages } : doc;
}
