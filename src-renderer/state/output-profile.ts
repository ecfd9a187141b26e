/**
 * The document's plant output profile (ICC), chosen in the Output profile dialog.
 *
 * 1. The host imports the file as an output profile (`importAsset` with `as: 'output-profile'`: checked to be a
 *    CMYK printer profile, added to the open document's assets).
 * 2. `withOutputProfile` names it the document's profile (or clears it); the session commits that as one
 *    undoable step. Print exports embed it and separate RGB pictures through it; PDF/X-4 requires it.
 */
import type { Asset, FolioDocument } from '../../src-core/model/document.js';
import type { FolioSession } from './session.svelte.js';
import type { Translator } from '../../src-core/i18n/translator.js';
import { hostErrorText } from './ui-message.js';

/** File names the dialog lists (the host still checks every file by content). */
export const PROFILE_FILE = /\.(icc|icm)$/i;

/**
 * The document with `asset` as its output profile (its asset entry added when new), or with none (`null`).
 * The previous profile's asset entry stays, unused, so undo and redo find it again.
 */
export function withOutputProfile(doc: FolioDocument, asset: Asset | null): FolioDocument {
  if (!asset) {
    const { outputProfileAssetId: _dropped, ...rest } = doc;
    return rest;
  }
  return { ...doc, assets: doc.assets[asset.id] ? doc.assets : { ...doc.assets, [asset.id]: asset }, outputProfileAssetId: asset.id };
}

/** What the document's profile is called (from its asset note), or null without one. */
export function outputProfileName(doc: FolioDocument | null): string | null {
  const id = doc?.outputProfileAssetId;
  if (!doc || !id) return null;
  const note = doc.assets[id]?.note ?? '';
  // The import note reads "plant output profile from <file>: <description>".
  return note.split(': ').slice(1).join(': ') || id;
}

/**
 * Imports `path` as the document's output profile. Problems become the session's notice, in the language of `translator`.
 * @returns whether the profile was set
 */
export async function chooseOutputProfile(session: FolioSession, path: string, translator: Pick<Translator, 't'>): Promise<boolean> {
  const handle = session.handle;
  if (!session.doc || !handle) return false;
  if (session.readOnly) {
    session.notice = { kind: 'error', text: translator.t('outputProfile.readOnly') };
    return false;
  }
  const imported = await session.host.importAsset({ handle, path, as: 'output-profile' });
  if (!imported.ok) {
    session.notice = { kind: 'error', text: translator.t('outputProfile.failed', { path, error: hostErrorText(imported.error, translator) }) };
    return false;
  }
  const doc = session.doc;
  if (!doc || session.handle !== handle) return false;
  session.commitDocumentEdit(withOutputProfile(doc, imported.value.asset));
  const ink = imported.value.asset.totalInkPct ? String(imported.value.asset.totalInkPct) : 'none';
  session.notice = { kind: 'info', text: translator.t('outputProfile.set', { name: imported.value.description || path, path, ink }) };
  return true;
}
