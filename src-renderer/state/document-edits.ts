/**
 * Immutable edits of a FolioDocument. Each returns a new document sharing every unchanged part with the
 * old one (so the composer's caches see unchanged stories and pages by identity and by content).
 */
import type { FolioDocument, Frame, PmNodeJson } from '../../src-core/model/document.js';

/**
 * Replaces one story's ProseMirror JSON.
 * @throws RangeError when the story does not exist
 */
export function replaceStoryDoc(doc: FolioDocument, storyId: string, storyDoc: PmNodeJson): FolioDocument {
  const story = doc.stories[storyId];
  if (!story) throw new RangeError(`There is no story "${storyId}" in this document.`);
  return { ...doc, stories: { ...doc.stories, [storyId]: { ...story, doc: storyDoc } } };
}

/** A frame with its page, as found by `findFrame`. */
export interface FrameLocation {
  pageIndex: number;
  frame: Frame;
}

/** Finds a frame by id on any page. */
export function findFrame(doc: FolioDocument, frameId: string): FrameLocation | undefined {
  for (let pageIndex = 0; pageIndex < doc.pages.length; pageIndex++) {
    const frame = doc.pages[pageIndex].frames.find((f) => f.id === frameId);
    if (frame) return { pageIndex, frame };
  }
  return undefined;
}

/** New geometry for a frame, points (any subset). */
export interface FrameGeometry {
  xPt?: number;
  yPt?: number;
  widthPt?: number;
  heightPt?: number;
}

/**
 * Sets a frame's position and/or size (points). Locked frames are not changed.
 * @throws RangeError when the frame does not exist or the size is not positive
 */
export function setFrameGeometry(doc: FolioDocument, frameId: string, geometry: FrameGeometry): FolioDocument {
  const found = findFrame(doc, frameId);
  if (!found) throw new RangeError(`There is no frame "${frameId}" in this document.`);
  if (found.frame.locked) return doc;
  const next = { ...found.frame, ...geometry } as Frame;
  if (!(next.widthPt > 0) || !(next.heightPt > 0)) throw new RangeError(`Frame "${frameId}" must keep a positive size.`);
  const page = doc.pages[found.pageIndex];
  const pages = doc.pages.slice();
  pages[found.pageIndex] = { ...page, frames: page.frames.map((f) => (f.id === frameId ? next : f)) };
  return { ...doc, pages };
}

/** Ids of the text frames showing a story, in page and paint order. */
export function framesOfStory(doc: FolioDocument, storyId: string): string[] {
  const ids: string[] = [];
  for (const page of doc.pages) for (const f of page.frames) if (f.kind === 'text' && f.storyId === storyId) ids.push(f.id);
  return ids;
}
