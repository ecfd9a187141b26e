/**
 * "Place image…": a workspace file becomes a picture on the page, as one undoable step.
 *
 * 1. The host imports the file (`importAsset`: checked by content, added to the open document's assets).
 * 2. `placeAsset` puts it into the selected image frame or ad box, or a new image frame in the page's first
 *    empty grid area; when the page has none, the user is asked where (pending-placement.svelte.ts: the next
 *    click on the page, `placePendingAt`). The session commits the new document as one step. Undo restores the pages (the frame no longer shows the picture); the asset
 *    stays listed in the document, unused, so redo finds it again.
 * 3. The bytes are fetched back (`loadAsset`), checked for preflight as the export will read them (`assetFacts`)
 *    and decoded for the canvas (photos by the browser, adverts by pdf.js); until then the frame shows the
 *    pending tint.
 */
import type { Asset } from '../../src-core/model/document.js';
import type { RectPt } from '../../src-core/layout/page-layout.js';
import { assetFacts } from '../state/asset-facts.js';
import { imageRectAt, newImageRect, placeAsset } from '../state/image-edits.js';
import { currentTranslator, t } from '../state/i18n.svelte.js';
import { errorText, hostErrorText } from '../state/ui-message.js';
import type { FolioSession } from '../state/session.svelte.js';
import { decodeAssetBitmap } from './asset-bitmaps.js';
import { pendingPlacement, setPendingPlacement } from './pending-placement.svelte.js';

/** File names the place dialog lists (the host still checks every file by content). */
export const PLACEABLE_FILE = /\.(jpe?g|png|tiff?|pdf)$/i;

/**
 * Imports `path` and places it on the current page: into the selected frame when it can hold a picture, else
 * into the page's first empty grid area; when there is none, the next click on the page says where
 * (`placePendingAt`). Problems become the session's notice. Resolves to the frame id showing the picture, or
 * null (nothing placed yet).
 */
export async function placeImageFromPath(session: FolioSession, path: string): Promise<string | null> {
  const handle = session.handle;
  setPendingPlacement(null);
  if (!session.doc || !handle) return null;
  if (session.readOnly) {
    session.notice = { kind: 'error', text: t('placeImage.readOnly') };
    return null;
  }
  const imported = await session.host.importAsset({ handle, path });
  if (!imported.ok) {
    session.notice = { kind: 'error', text: t('placeImage.failed', { path, reason: hostErrorText(imported.error, currentTranslator()) }) };
    return null;
  }
  const doc = session.doc;
  if (!doc || session.handle !== handle) return null;
  const { asset, pageCount } = imported.value;
  const selected = session.selectedFrameId ? session.page?.frames.find((f) => f.id === session.selectedFrameId) : undefined;
  const target = selected && (selected.kind === 'image' || selected.kind === 'box') && !selected.locked ? selected.id : null;
  const at = target ? undefined : newImageRect(doc, session.pageIndex, asset);
  if (!target && !at) {
    setPendingPlacement({ handle, asset, path, ...(pageCount !== undefined ? { pageCount } : {}) });
    session.notice = { kind: 'info', text: t('placeImage.askWhere', { page: doc.pages[session.pageIndex]?.name ?? '' }) };
    return null;
  }
  return commitPlacement(session, handle, asset, path, pageCount, target, at);
}

/**
 * Places the picture waiting for a click (see `pendingPlacement`) with its top-left corner at the grid position
 * nearest (`xPt`, `yPt`) of the current page. Resolves to the new frame's id, or null when nothing waited.
 */
export async function placePendingAt(session: FolioSession, xPt: number, yPt: number): Promise<string | null> {
  const waiting = pendingPlacement();
  setPendingPlacement(null);
  const doc = session.doc;
  if (!waiting || !doc || session.handle !== waiting.handle) return null;
  return commitPlacement(session, waiting.handle, waiting.asset, waiting.path, waiting.pageCount, null, imageRectAt(doc, waiting.asset, xPt, yPt));
}

/** Stops waiting for a click to place a picture (Escape); says so when one was waiting. */
export function cancelPendingPlacement(session: FolioSession): void {
  if (!pendingPlacement()) return;
  setPendingPlacement(null);
  session.notice = { kind: 'info', text: t('placeImage.cancelled') };
}

async function commitPlacement(session: FolioSession, handle: string, asset: Asset, path: string, pageCount: number | undefined, target: string | null, at?: RectPt): Promise<string | null> {
  const doc = session.doc;
  if (!doc) return null;
  let placed;
  try {
    placed = placeAsset(doc, session.pageIndex, asset, target, at);
  } catch (err) {
    session.notice = { kind: 'error', text: errorText(err, currentTranslator()) };
    return null;
  }
  session.commitDocumentEdit(placed.doc, { selectedFrameId: placed.frameId });
  session.selectedFrameIds = [placed.frameId];
  session.notice = {
    kind: 'info',
    text: asset.widthPx ? t('placeImage.placedPixels', { path, width: asset.widthPx, height: asset.heightPx ?? 0 }) : t('placeImage.placedPdf', { path, count: pageCount ?? 1 }),
  };
  await loadBitmap(session, handle, asset.id);
  return placed.frameId;
}

/** Fetches, checks and decodes an asset of the open document for the canvas (see the module summary, 3). */
export async function loadBitmap(session: FolioSession, handle: string, assetId: string): Promise<void> {
  if (session.images.has(assetId)) return;
  const res = await session.host.loadAsset({ handle, assetId });
  if (!res.ok) {
    session.notice = { kind: 'error', text: t('placeImage.cannotShow', { reason: hostErrorText(res.error, currentTranslator()) }) };
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
    session.notice = { kind: 'error', text: errorText(err, currentTranslator()) };
    return;
  }
  if (session.handle !== handle) {
    bitmap.close();
    return;
  }
  // Published whole: both maps are $state.raw in the session.
  session.images = new Map([...session.images, [assetId, bitmap]]);
}
