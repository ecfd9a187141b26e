/**
 * Turning the selected pictures and boxes from the keyboard (Ctrl+R, Ctrl+Shift+R): one undoable step through
 * `rotateFramesBy`, or a notice saying why nothing turned (a text frame or rule, a locked frame).
 */
import { canRotate, rotateFramesBy } from './arrange.js';
import { t } from './i18n.svelte.js';
import type { FolioSession } from './session.svelte.js';

/** A quarter turn, degrees: the keyboard's rotation step (photos are turned upright in quarter turns). */
export const QUARTER_TURN_DEG = 90;

/**
 * Turns the unlocked pictures and boxes among `ids` on the current page by `stepDeg` (clockwise positive) as one
 * undoable step; when none of them can turn, says why in the session's notice.
 * @returns whether anything turned
 */
export function rotateSelectedFrames(session: FolioSession, ids: readonly string[], stepDeg: number): boolean {
  const doc = session.doc;
  const frames = session.page?.frames.filter((f) => ids.includes(f.id)) ?? [];
  if (!doc || frames.length === 0) return false;
  if (!frames.some(canRotate)) {
    const locked = frames.some((f) => f.locked && (f.kind === 'image' || f.kind === 'box'));
    session.notice = { kind: 'info', text: t(locked ? 'canvas.rotateLocked' : 'canvas.rotateOnlyPicturesAndBoxes') };
    return false;
  }
  const next = rotateFramesBy(doc, ids, stepDeg);
  if (next === doc) return false;
  session.commitDocumentEdit(next);
  return true;
}
