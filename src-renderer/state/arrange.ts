/**
 * Immutable edits that arrange several frames at once: move by a distance, lock/unlock, change paint order and
 * text wrap (z-order is the order of a page's `frames`: later frames are painted over earlier ones).
 *
 * 1. `moveFrames`: every unlocked frame among `ids` moves by (dxPt, dyPt); locked frames stay put.
 * 2. `setFramesLocked`: sets `locked` on every frame among `ids` (locked frames cannot move, resize or be deleted).
 * 3. `removeFrames`: deletes the unlocked frames among `ids` (stories stay; threads through them are rejoined).
 * 4. `bringForward` / `sendBackward`: each selected frame swaps with the next unselected frame above (below) it
 *    on its page, so a selected group keeps its own order; frames already on top (bottom) stay. Locked frames
 *    keep their place in the stack too.
 * 5. `setFramesWrap`: switches text wrap on (with a gap) or off for the unlocked frames among `ids`; rules never wrap.
 * 6. `setFramesRotation` / `rotateFramesBy`: turns the unlocked pictures and boxes among `ids` about their centres
 *    (an angle, or by a step such as the keyboard's 90°), normalised into (-180, 180]; 0 removes `rotationDeg`.
 *    Text frames and rules are not turned (the composer sets text square to the grid).
 * Unchanged pages and frames are shared with the old document; an edit that changes nothing returns `doc`.
 */
import { MAX_WRAP_GAP_PT, type FolioDocument, type Frame, type WrapMode } from '../../src-core/model/document.js';
import { ptToMm } from '../../src-core/model/units.js';
import { normaliseRotationDeg } from '../../src-core/layout/rotation.js';
import { findFrame, removeFrame } from './document-edits.js';
import { UiMessageError } from './ui-message.js';

function mapFrames(doc: FolioDocument, ids: ReadonlySet<string>, map: (frame: Frame) => Frame): FolioDocument {
  let changed = false;
  const pages = doc.pages.map((page) => {
    if (!page.frames.some((f) => ids.has(f.id))) return page;
    const frames = page.frames.map((f) => (ids.has(f.id) ? map(f) : f));
    if (frames.every((f, i) => f === page.frames[i])) return page;
    changed = true;
    return { ...page, frames };
  });
  return changed ? { ...doc, pages } : doc;
}

/** Moves the unlocked frames among `ids` by (dxPt, dyPt) points. */
export function moveFrames(doc: FolioDocument, ids: readonly string[], dxPt: number, dyPt: number): FolioDocument {
  if (dxPt === 0 && dyPt === 0) return doc;
  return mapFrames(doc, new Set(ids), (f) => (f.locked ? f : { ...f, xPt: f.xPt + dxPt, yPt: f.yPt + dyPt }));
}

/** Locks or unlocks the frames among `ids`. */
export function setFramesLocked(doc: FolioDocument, ids: readonly string[], locked: boolean): FolioDocument {
  return mapFrames(doc, new Set(ids), (f) => (f.locked === locked ? f : { ...f, locked }));
}

/**
 * Sets text wrap on the unlocked frames among `ids`: `gapPt` points of standoff, or `null` to switch it off.
 * Rules are lines, not areas, and never wrap text.
 * @throws RangeError when `gapPt` is negative, not finite or above `MAX_WRAP_GAP_PT`
 */
export function setFramesWrap(doc: FolioDocument, ids: readonly string[], gapPt: number | null): FolioDocument {
  if (gapPt !== null && !(gapPt >= 0 && gapPt <= MAX_WRAP_GAP_PT)) {
    throw new UiMessageError('edits.wrapGapRange', { max: Number(ptToMm(MAX_WRAP_GAP_PT).toFixed(1)) });
  }
  return mapFrames(doc, new Set(ids), (f) => {
    if (f.locked || f.kind === 'rule') return f;
    if (gapPt === null) {
      if (!f.wrap) return f;
      const { wrap: _off, ...rest } = f;
      return rest;
    }
    return f.wrap?.gapPt === gapPt ? f : { ...f, wrap: { ...f.wrap, gapPt } };
  });
}

/**
 * Sets how text keeps out of the wrapping, unlocked frames among `ids`: jumps them or runs around them (see
 * `FrameBase.wrap`). Frames without wrap are left alone. `jump` is stored as the absent default.
 */
export function setFramesWrapMode(doc: FolioDocument, ids: readonly string[], mode: WrapMode): FolioDocument {
  return mapFrames(doc, new Set(ids), (f) => {
    if (f.locked || !f.wrap || (f.wrap.mode ?? 'jump') === mode) return f;
    const { mode: _old, ...rest } = f.wrap;
    return { ...f, wrap: mode === 'jump' ? rest : { ...rest, mode } };
  });
}

/** Turns one frame to `deg` (already normalised); unchanged frames are returned as they are. */
function turned(f: Frame, deg: number): Frame {
  if (f.locked || (f.kind !== 'image' && f.kind !== 'box') || (f.rotationDeg ?? 0) === deg) return f;
  if (deg !== 0) return { ...f, rotationDeg: deg };
  const { rotationDeg: _unturned, ...rest } = f;
  return rest;
}

/**
 * Sets the rotation of the unlocked pictures and boxes among `ids` to `deg` degrees clockwise (any angle; stored
 * normalised into (-180, 180], 0 as absent).
 * @throws RangeError when `deg` is not a finite number
 */
export function setFramesRotation(doc: FolioDocument, ids: readonly string[], deg: number): FolioDocument {
  // i18n-exempt: a programmer's error (the Inspector and the keys pass numbers only)
  if (!Number.isFinite(deg)) throw new RangeError('A rotation must be a number of degrees.');
  const target = normaliseRotationDeg(deg);
  return mapFrames(doc, new Set(ids), (f) => turned(f, target));
}

/** Turns the unlocked pictures and boxes among `ids` by `stepDeg` degrees (clockwise positive) from where each is. */
export function rotateFramesBy(doc: FolioDocument, ids: readonly string[], stepDeg: number): FolioDocument {
  return mapFrames(doc, new Set(ids), (f) => (f.kind === 'image' || f.kind === 'box' ? turned(f, normaliseRotationDeg((f.rotationDeg ?? 0) + stepDeg)) : f));
}

/** Whether a frame can be turned (`setFramesRotation`): an unlocked picture or box. */
export function canRotate(frame: Frame): boolean {
  return !frame.locked && (frame.kind === 'image' || frame.kind === 'box');
}

/** Removes the unlocked frames among `ids` (see `removeFrame`: stories stay, threads are rejoined). */
export function removeFrames(doc: FolioDocument, ids: readonly string[]): FolioDocument {
  let next = doc;
  for (const id of ids) {
    const found = findFrame(next, id);
    if (found && !found.frame.locked) next = removeFrame(next, id);
  }
  return next;
}

function restack(doc: FolioDocument, ids: readonly string[], direction: 1 | -1): FolioDocument {
  const wanted = new Set(ids);
  let changed = false;
  const pages = doc.pages.map((page) => {
    const frames = page.frames.slice();
    // Walk from the end the frames move towards, so a selected frame never jumps over another selected one.
    const order = direction > 0 ? [...frames.keys()].reverse() : [...frames.keys()];
    for (const i of order) {
      const j = i + direction;
      if (!wanted.has(frames[i].id) || j < 0 || j >= frames.length || wanted.has(frames[j].id)) continue;
      [frames[i], frames[j]] = [frames[j], frames[i]];
    }
    if (frames.every((f, i) => f === page.frames[i])) return page;
    changed = true;
    return { ...page, frames };
  });
  return changed ? { ...doc, pages } : doc;
}

/** Brings the frames among `ids` one step forward (painted over the next frame above them). */
export function bringForward(doc: FolioDocument, ids: readonly string[]): FolioDocument {
  return restack(doc, ids, 1);
}

/** Sends the frames among `ids` one step backward (painted under the next frame below them). */
export function sendBackward(doc: FolioDocument, ids: readonly string[]): FolioDocument {
  return restack(doc, ids, -1);
}
