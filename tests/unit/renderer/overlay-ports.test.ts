import { describe, expect, it } from 'vitest';
import type { Page } from '../../../src-core/model/document.js';
import { framePorts, oversetMarkerRect, portAtPoint } from '../../../src-renderer/page/overlay.js';

const text = (id: string, xPt: number, yPt: number, extra: Record<string, unknown> = {}) => ({
  kind: 'text' as const, id, xPt, yPt, widthPt: 100, heightPt: 200, locked: false, storyId: `s-${id}`, columns: 1, gutterChars: 1, columnRule: false, ...extra,
});
const page: Page = {
  id: 'p', name: 'A01', section: '',
  frames: [
    text('a', 0, 0, { nextFrameId: 'b' }),
    text('b', 150, 0),
    { kind: 'image', id: 'img', xPt: 300, yPt: 0, widthPt: 100, heightPt: 100, locked: false, fit: 'fill', offsetXPt: 0, offsetYPt: 0, scale: 1 },
  ],
};

describe('thread ports', () => {
  it('sit on the left edge near the top (in) and the right edge near the bottom (out), a constant screen distance in', () => {
    const at100 = framePorts(page.frames[0], 4 / 3);
    expect(at100).toEqual([
      { frameId: 'a', kind: 'in', xPt: 0, yPt: 12 },
      { frameId: 'a', kind: 'out', xPt: 100, yPt: 188 },
    ]);
    // At half the zoom the ports sit twice as many points in; never past the middle of a short frame.
    expect(framePorts(page.frames[0], 2 / 3)[1].yPt).toBe(176);
    expect(framePorts({ ...page.frames[0], heightPt: 10 }, 2 / 3)[1].yPt).toBe(5);
  });

  it('are hit within one port width of their centre (easy to grab), on text frames only', () => {
    const k = 4 / 3;
    expect(portAtPoint(page, 100, 188, k)).toMatchObject({ frameId: 'a', kind: 'out' });
    expect(portAtPoint(page, 103, 185, k)).toMatchObject({ frameId: 'a', kind: 'out' });
    expect(portAtPoint(page, 150, 12, k)).toMatchObject({ frameId: 'b', kind: 'in' });
    expect(portAtPoint(page, 50, 100, k)).toBeNull();
    expect(portAtPoint(page, 400, 88, k)).toBeNull();
  });

  it('regression (issue 12): the overset marker is the out-port: every point of it is hit as the frame’s out-port', () => {
    for (const k of [4 / 3, 1 / 3]) {
      const marker = oversetMarkerRect(page.frames[1], k);
      const out = framePorts(page.frames[1], k)[1];
      expect(marker.xPt + marker.widthPt / 2).toBeCloseTo(out.xPt, 9);
      expect(marker.yPt + marker.heightPt / 2).toBeCloseTo(out.yPt, 9);
      for (const [x, y] of [[0, 0], [1, 0], [0, 1], [1, 1], [0.5, 0.5]] as const) {
        const hit = portAtPoint(page, marker.xPt + x * marker.widthPt, marker.yPt + y * marker.heightPt, k);
        expect(hit).toMatchObject({ frameId: 'b', kind: 'out' });
      }
    }
  });
});
