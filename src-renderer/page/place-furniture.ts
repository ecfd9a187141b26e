/**
 * The furniture library's commands: save the selected frames as an item, place an item on the page shown, delete
 * an item. Placing is one undoable step of the document history (pages, stories and the styles it adds).
 *
 * 1. Save: `captureFurniture` on the selection; the host writes it into the workspace library, copying the
 *    pictures it links into `library/pictures/`; the listing is read again.
 * 2. Place: pictures the document lacks are imported from their links first (`importAsset`); the group goes into
 *    the first empty grid area of the page (`findFreeGridArea`) or, when asked to or when there is none, where the
 *    user clicks next (furniture-library.svelte.ts holds the waiting item; `placePendingFurnitureAt` snaps the
 *    click to the grid). The session commits `placeFurniture`'s document; the new frames are selected.
 * 3. Delete: a workspace item by name; the listing is read again.
 */
import type { LibraryEntry } from '../../src-core/api/host-api.js';
import { createPageGrid } from '../../src-core/layout/grid.js';
import { findFreeGridArea, gridColumnsOf, snapToGrid } from '../../src-core/layout/free-area.js';
import type { Asset, FolioDocument } from '../../src-core/model/document.js';
import { captureFurniture, placeFurniture } from '../../src-core/model/furniture.js';
import { effectiveSelection } from '../state/selection.js';
import { pendingFurniture, setLibraryListing, setPendingFurniture } from '../state/furniture-library.svelte.js';
import { currentTranslator, t } from '../state/i18n.svelte.js';
import { errorText, hostErrorText } from '../state/ui-message.js';
import type { FolioSession } from '../state/session.svelte.js';
import { loadBitmap } from './place-image.js';

/** Reads the library again; problems with single files are reported in the notice. */
export async function refreshLibrary(session: FolioSession): Promise<void> {
  const res = await session.host.listLibrary({});
  if (!res.ok) {
    session.notice = { kind: 'error', text: t('library.listFailed', { reason: hostErrorText(res.error, currentTranslator()) }) };
    return;
  }
  setLibraryListing(res.value);
  if (res.value.problems.length > 0) {
    session.notice = { kind: 'error', text: t('library.problems', { count: res.value.problems.length, files: res.value.problems.map((p) => hostErrorText(p, currentTranslator())).join(' ') }) };
  }
}

/** Saves the selected frames as `name` in the workspace library. Resolves to true when saved. */
export async function saveSelectionToLibrary(session: FolioSession, name: string, replace: boolean): Promise<boolean> {
  const doc = session.doc;
  const page = session.page;
  const ids = effectiveSelection({ primary: session.selectedFrameId, ids: session.selectedFrameIds });
  if (!doc || !page) return false;
  if (ids.length === 0) {
    session.notice = { kind: 'error', text: t('library.nothingSelected') };
    return false;
  }
  let item;
  try {
    item = captureFurniture(doc, page.id, ids, name);
  } catch (err) {
    session.notice = { kind: 'error', text: t('library.saveFailed', { name, reason: errorText(err, currentTranslator()) }) };
    return false;
  }
  const res = await session.host.saveLibraryItem({ ...(session.handle ? { handle: session.handle } : {}), item, replace });
  if (!res.ok) {
    session.notice = { kind: 'error', text: t('library.saveFailed', { name, reason: hostErrorText(res.error, currentTranslator()) }) };
    return false;
  }
  session.notice = { kind: 'info', text: t('library.saved', { name, count: item.frames.length }) };
  await refreshLibrary(session);
  return true;
}

/** Deletes a workspace item. Resolves to true when deleted. */
export async function deleteLibraryItem(session: FolioSession, name: string): Promise<boolean> {
  const res = await session.host.deleteLibraryItem({ name });
  if (!res.ok) {
    session.notice = { kind: 'error', text: t('library.deleteFailed', { name, reason: hostErrorText(res.error, currentTranslator()) }) };
    return false;
  }
  session.notice = { kind: 'info', text: t('library.deleted', { name }) };
  await refreshLibrary(session);
  return true;
}

/**
 * Places `entry` on the page shown: `auto` into the first empty grid area (asking for a click when there is
 * none), `click` where the user clicks next.
 */
export async function placeLibraryItem(session: FolioSession, entry: LibraryEntry, mode: 'auto' | 'click'): Promise<void> {
  setPendingFurniture(null);
  const doc = session.doc;
  const handle = session.handle;
  if (!doc || !handle || !session.page) return;
  if (session.readOnly) {
    session.notice = { kind: 'error', text: t('library.readOnly') };
    return;
  }
  const pageName = session.page.name;
  const at = mode === 'auto' ? freeAreaFor(doc, session.pageIndex, entry) : undefined;
  if (!at) {
    setPendingFurniture({ handle, entry });
    session.notice = { kind: 'info', text: mode === 'auto' ? t('library.noRoom', { page: pageName, name: entry.name }) : t('library.askWhere', { name: entry.name }) };
    return;
  }
  await commitFurniture(session, handle, entry, at);
}

/** Places the waiting item with its top-left corner at the grid position nearest (`xPt`, `yPt`). */
export async function placePendingFurnitureAt(session: FolioSession, xPt: number, yPt: number): Promise<void> {
  const waiting = pendingFurniture();
  setPendingFurniture(null);
  const doc = session.doc;
  if (!waiting || !doc || session.handle !== waiting.handle) return;
  const { item } = waiting.entry;
  const rect = snapToGrid(createPageGrid(doc.template), gridColumnsOf(doc.template), xPt, yPt, item.widthPt, item.heightPt);
  await commitFurniture(session, waiting.handle, waiting.entry, { xPt: rect.xPt, yPt: rect.yPt });
}

/** Stops waiting for a click (Escape); says so when an item was waiting. */
export function cancelPendingFurniture(session: FolioSession): void {
  const waiting = pendingFurniture();
  if (!waiting) return;
  setPendingFurniture(null);
  session.notice = { kind: 'info', text: t('library.cancelled', { name: waiting.entry.name }) };
}

/** The top-left corner of the first empty grid area the item fits, or undefined. */
function freeAreaFor(doc: FolioDocument, pageIndex: number, entry: LibraryEntry): { xPt: number; yPt: number } | undefined {
  const page = doc.pages[pageIndex];
  if (!page) return undefined;
  const occupied = page.frames.map(({ xPt, yPt, widthPt, heightPt }) => ({ xPt, yPt, widthPt, heightPt }));
  const free = findFreeGridArea(createPageGrid(doc.template), gridColumnsOf(doc.template), occupied, entry.item.widthPt, entry.item.heightPt);
  return free ? { xPt: free.xPt, yPt: free.yPt } : undefined;
}

async function commitFurniture(session: FolioSession, handle: string, entry: LibraryEntry, at: { xPt: number; yPt: number }): Promise<void> {
  const { item, name } = entry;
  // Pictures the document lacks come from the item's links, imported like any placed picture.
  const importedPictures: Record<string, Asset> = {};
  for (const picture of item.pictures) {
    if (session.doc?.assets[picture.assetId]) continue;
    const imported = await session.host.importAsset({ handle, path: picture.path });
    if (imported.ok) importedPictures[picture.path] = imported.value.asset;
  }
  const doc = session.doc;
  const page = session.page;
  if (!doc || !page || session.handle !== handle) return;
  let placed;
  try {
    placed = placeFurniture(doc, item, page.id, at, { importedPictures });
  } catch (err) {
    session.notice = { kind: 'error', text: errorText(err, currentTranslator()) };
    return;
  }
  session.commitDocumentEdit(placed.doc, { template: placed.addedStyles.length > 0, stories: true, selectedFrameId: placed.frameIds.at(-1) ?? null });
  session.selectedFrameIds = placed.frameIds;
  if (placed.missingPictures.length > 0) {
    session.notice = { kind: 'error', text: t('library.picturesMissing', { name, count: placed.missingPictures.length, paths: placed.missingPictures.join(', ') }) };
  } else if (placed.missingStyles.length > 0) {
    session.notice = { kind: 'error', text: t('library.stylesMissing', { name, styles: placed.missingStyles.join(', ') }) };
  } else if (placed.addedStyles.length > 0) {
    session.notice = { kind: 'info', text: t('library.placedStyles', { name, page: page.name, count: placed.addedStyles.length, styles: placed.addedStyles.join(', ') }) };
  } else {
    session.notice = { kind: 'info', text: t('library.placed', { name, page: page.name }) };
  }
  for (const asset of Object.values(importedPictures)) await loadBitmap(session, handle, asset.id);
}
