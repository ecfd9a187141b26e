import { describe, expect, it } from 'vitest';
import { frameRotation, rotatePoint, rotatedCorners } from '../../../src-core/layout/rotation.js';
import type { RectPt } from '../../../src-core/layout/page-layout.js';
import { handleCursor, resizeFrameRect } from '../../../src-renderer/page/frame-resize.js';
import { frameHandles, handleAtPoint, type HandleName } from '../../../src-renderer/page/overlay.js';

const photo: RectPt = { xPt: 100, yPt: 200, widthPt: 120, heightPt: 80 };
const MIN_PT = 4;

/** Where a handle of a (possibly turned) frame is on the page. */
function handlePoint(rect: RectPt, rotationDeg: number, name: HandleName): { xPt: number; yPt: number } {
  const { xPt, yPt } = frameHandles({ ...rect, rotationDeg }).find((h) => h.name === name)!;
  return { xPt, yPt };
}

const OPPOSITE: Record<HandleName, HandleName> = { nw: 'se', n: 's', ne: 'sw', e: 'w', se: 'nw', s: 'n', sw: 'ne', w: 'e' };

describe('rotated resize handles', () => {
  it('sit on the turned rectangle\'s corners and edge middles', () => {
    const turn = frameRotation({ ...photo, rotationDeg: 30 })!;
    const corners = rotatedCorners(photo, turn);
    expect(handlePoint(photo, 30, 'nw')).toEqual(corners[0]);
    expect(handlePoint(photo, 30, 'ne')).toEqual(corners[1]);
    expect(handlePoint(photo, 30, 'se')).toEqual(corners[2]);
    expect(handlePoint(photo, 30, 'sw')).toEqual(corners[3]);
    const n = handlePoint(photo, 30, 'n');
    expect(n.xPt).toBeCloseTo((corners[0]!.xPt + corners[1]!.xPt) / 2, 9);
    expect(n.yPt).toBeCloseTo((corners[0]!.yPt + corners[1]!.yPt) / 2, 9);
  });

  it('are found at their turned places within the screen reach, at any zoom', () => {
    for (const zoom of [0.5, 1, 2]) {
      for (const h of frameHandles({ ...photo, rotationDeg: 30 })) {
        expect(handleAtPoint({ ...photo, rotationDeg: 30 }, h.xPt + 1 / zoom, h.yPt - 1 / zoom, zoom)).toBe(h.name);
      }
    }
    // Where the unturned bottom-right corner was is no handle once the photo is turned.
    expect(handleAtPoint({ ...photo, rotationDeg: 30 }, 220, 280, 1)).toBeNull();
  });
});

describe('resizing in the frame\'s own axes', () => {
  it('unturned: the plain edge move, as before', () => {
    expect(resizeFrameRect(photo, 'se', 10, 20, undefined, MIN_PT)).toEqual({ xPt: 100, yPt: 200, widthPt: 130, heightPt: 100 });
    expect(resizeFrameRect(photo, 'nw', 10, 20, 0, MIN_PT)).toEqual({ xPt: 110, yPt: 220, widthPt: 110, heightPt: 60 });
    expect(resizeFrameRect(photo, 'e', 10, 20, 0, MIN_PT)).toEqual({ xPt: 100, yPt: 200, widthPt: 130, heightPt: 80 });
    // A frame on an odd grid position keeps its unmoved edge to the last bit.
    const onGrid = { xPt: 53.262992125984255, yPt: 229.5200787401575, widthPt: 369, heightPt: 427.35 };
    expect(resizeFrameRect(onGrid, 'e', 7.3, 0, 360, MIN_PT).xPt).toBe(onGrid.xPt);
    expect(resizeFrameRect(onGrid, 's', 0, 4.1, undefined, MIN_PT).yPt).toBe(onGrid.yPt);
  });

  it('turned 30°: a drag along the frame\'s own diagonal grows width and height by the drag\'s parts in its axes', () => {
    // A page move of (u, v) in the frame's axes is R(30°)·(u, v) on the page.
    const turn = { deg: 30, cxPt: 0, cyPt: 0 };
    const d = rotatePoint(30, 12, turn);
    const next = resizeFrameRect(photo, 'se', d.xPt, d.yPt, 30, MIN_PT);
    expect(next.widthPt).toBeCloseTo(150, 9);
    expect(next.heightPt).toBeCloseTo(92, 9);
  });

  it('the opposite handle stays where it was on the page, for every handle and several turns', () => {
    for (const deg of [30, -45, 90, 170]) {
      for (const h of frameHandles(photo)) {
        const next = resizeFrameRect(photo, h.name, 17, -9, deg, MIN_PT);
        const before = handlePoint(photo, deg, OPPOSITE[h.name]);
        const after = handlePoint(next, deg, OPPOSITE[h.name]);
        expect(after.xPt).toBeCloseTo(before.xPt, 9);
        expect(after.yPt).toBeCloseTo(before.yPt, 9);
      }
    }
  });

  it('the dragged corner follows the pointer on the page', () => {
    const from = handlePoint(photo, 30, 'se');
    const next = resizeFrameRect(photo, 'se', 25, 40, 30, MIN_PT);
    const to = handlePoint(next, 30, 'se');
    expect(to.xPt).toBeCloseTo(from.xPt + 25, 9);
    expect(to.yPt).toBeCloseTo(from.yPt + 40, 9);
  });

  it('an edge handle moves only its own edge: the travel across it is dropped', () => {
    // Turned 90°, the frame's east edge faces down the page: a move right changes nothing, a move down widens it.
    expect(resizeFrameRect(photo, 'e', 50, 0, 90, MIN_PT).widthPt).toBeCloseTo(120, 9);
    expect(resizeFrameRect(photo, 'e', 0, 50, 90, MIN_PT).widthPt).toBeCloseTo(170, 9);
    expect(resizeFrameRect(photo, 'e', 0, 50, 90, MIN_PT).heightPt).toBeCloseTo(80, 9);
  });

  it('never leaves a side below the minimum, and the opposite corner still holds', () => {
    const next = resizeFrameRect(photo, 'se', -500, -500, 30, MIN_PT);
    expect(next.widthPt).toBeCloseTo(MIN_PT, 9);
    expect(next.heightPt).toBeCloseTo(MIN_PT, 9);
    const nw = handlePoint(next, 30, 'nw');
    expect(nw.xPt).toBeCloseTo(handlePoint(photo, 30, 'nw').xPt, 9);
    expect(nw.yPt).toBeCloseTo(handlePoint(photo, 30, 'nw').yPt, 9);
  });
});

describe('handle cursors follow the turn', () => {
  it('uses the arrow nearest the handle\'s turned direction', () => {
    expect(handleCursor('e', undefined)).toBe('ew-resize');
    expect(handleCursor('se', 0)).toBe('nwse-resize');
    expect(handleCursor('n', 0)).toBe('ns-resize');
    expect(handleCursor('ne', 0)).toBe('nesw-resize');
    expect(handleCursor('e', 90)).toBe('ns-resize');
    expect(handleCursor('e', 30)).toBe('nwse-resize');
    expect(handleCursor('se', -45)).toBe('ew-resize');
    expect(handleCursor('nw', 180)).toBe('nwse-resize');
  });
});
