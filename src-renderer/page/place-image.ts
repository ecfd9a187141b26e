/**
 * "Place image…": a workspace file becomes a picture on the page, as one undoable step.
 *
 * 1. The host imports the file (`importAsset`: checked by content, added to the open document's assets).
 * 2. `placeAsset` puts it into the selected image frame or ad box, or a new image frame; the session commits
 *    the new document as one step. Undo restores the pages (the frame no longer shows the picture); the asset
 *    stays listed in the document, unused, so redo finds it again.
 * 3. The bytes are fetched back (`loadAsset`), checked for preflight as the export will read them (`assetFacts`)
 *    and decoded for the canvas (photos by the browser, adverts by pdf.js); until then the frame shows the
 *    pending tint.
 */
import { assetFacts } from '../state/asset-facts.js';
import { placeAsset } from '../state/image-edits.js';
import type { FolioSession } from '../state/session.svelte.js';
import { decodeAssetBitmap } from './asset-bitmaps.js';

/** File names the place dialog lists (the host still checks every file by content). */
export const PLACEABLE_FILE = /\.(jpe?g|png|pdf)$/i;

/**
 * Imports `path` and places it on the current page (into the selected frame when it can hold a picture).
 * Problems become the session's notice. Resolves to the frame id showing the picture, or null.
 */
export async function placeImageFromPath(session: FolioSession, path: string): Promise<string | null> {
  const handle = session.handle;
  if (!session.doc || !handle) return null;
  if (session.readOnly) {
    session.notice = { kind: 'error', text: 'This document is open read-only: save a copy (Save As) to place pictures.' };
    return null;
  }
  const imported = await session.host.importAsset({ handle, path });
  if (!imported.ok) {
    session.notice = { kind: 'error', text: `Could not place ${path}: ${imported.error.message}` };
    return null;
  }
  const doc = session.doc;
  if (!doc || session.handle !== handle) return null;
  const selected = session.selectedFrameId ? session.page?.frames.find((f) => f.id === session.selectedFrameId) : undefined;
  const target = selected && (selected.kind === 'image' || selected.kind === 'box') && !selected.locked ? selected.id : null;
  let placed;
  try {
    placed = placeAsset(doc, session.pageIndex, imported.value.asset, target);
  } catch (err) {
    session.notice = { kind: 'error', text: (err as Error).message };
    return null;
  }
  session.commitDocumentEdit(placed.doc, { selectedFrameId: placed.frameId });
  session.selectedFrameIds = [placed.frameId];
  const { asset } = imported.value;
  session.notice = { kind: 'info', text: `Placed ${path} (${asset.widthPx ? `${asset.widthPx} × ${asset.heightPx} px` : `${imported.value.pageCount ?? 1}-page PDF`}).` };
  await loadBitmap(session, handle, asset.id);
  return placed.frameId;
}

async function loadBitmap(session: FolioSession, handle: string, assetId: string): Promise<void> {
  if (session.images.has(assetId)) return;
  const res = await session.host.loadAsset({ handle, assetId });
  if (!res.ok) {
    session.notice = { kind: 'error', text: `The picture was placed but cannot be shown: ${res.error.message}` };
    return;
  }
  const bytes = res.value.bytes;
  // Read as the export will read it, and published first: preflight must know a picture cannot be printed even
  // when the screen cannot show it either.
  const facts = await assetFacts(bytes);
  if (session.handle !== handle) return;
  session.assetInfo = new Map([...session.assetInfo, [assetId, facts]]);
  let bitmap: ImageBitmap;
  try {
    bitmap = await decodeAssetBitmap(bytes, res.value.mime);
  } catch (err) {
    session.notice = { kind: 'error', text: (err as Error).message };
    return;
  }
  if (session.handle !== handle) {
    bitmap.close();
    return;
  }
  // Published whole: both maps are $state.raw in the session.
  session.images = new Map([...session.images, [assetId, bitmap]]);
}
