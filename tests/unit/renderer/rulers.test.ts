import { describe, expect, it } from 'vitest';
import { pxPerMmAt, rulerScale, rulerTicks } from '../../../src-renderer/page/rulers.js';

describe('ruler scale', () => {
  it('labels every 10 mm at 100 % and fewer as the page shrinks; ticks never crowd', () => {
    // 100 %: 96 px per inch = 3.78 px/mm.
    expect(pxPerMmAt(1)).toBeCloseTo(96 / 25.4, 6);
    expect(rulerScale(pxPerMmAt(1))).toEqual({ labelStepMm: 20, minorStepMm: 2 });
    expect(rulerScale(pxPerMmAt(0.38))).toEqual({ labelStepMm: 50, minorStepMm: 5 });
    expect(rulerScale(pxPerMmAt(8))).toEqual({ labelStepMm: 2, minorStepMm: 0.2 });
    for (const zoom of [0.05, 0.1, 0.38, 0.5, 1, 2, 4, 8]) {
      const k = pxPerMmAt(zoom);
      const { labelStepMm, minorStepMm } = rulerScale(k);
      expect(labelStepMm * k).toBeGreaterThanOrEqual(44);
      expect(minorStepMm * k).toBeGreaterThanOrEqual(4);
    }
    expect(() => rulerScale(0)).toThrow(RangeError);
  });
});

describe('ruler ticks', () => {
  it('puts 0 at the trim edge, counts the pasteboard negative, stays inside the ruler', () => {
    const k = pxPerMmAt(1);
    const ticks = rulerTicks(100, k, 400);
    const zero = ticks.find((t) => t.mm === 0)!;
    expect(zero).toMatchObject({ posPx: 100, kind: 'label', label: '0' });
    expect(ticks[0].mm).toBeLessThan(0);
    expect(ticks.find((t) => t.kind === 'label' && t.mm < 0)?.label).toMatch(/^−\d+$/);
    for (const t of ticks) {
      expect(t.posPx).toBeGreaterThanOrEqual(0);
      expect(t.posPx).toBeLessThanOrEqual(400);
      expect(t.posPx).toBeCloseTo(100 + t.mm * k, 6);
    }
    expect(ticks.filter((t) => t.kind === 'label').map((t) => t.mm)).toEqual([-20, 0, 20, 40, 60]);
    expect(ticks.filter((t) => t.kind === 'half').map((t) => t.mm)).toEqual([-10, 10, 30, 50, 70]);
  });

  it('follows a scroll: the same page position moves with the origin', () => {
    const k = pxPerMmAt(2);
    const before = rulerTicks(100, k, 600).find((t) => t.mm === 50)!;
    const after = rulerTicks(-200, k, 600).find((t) => t.mm === 50)!;
    expect(before.posPx - after.posPx).toBeCloseTo(300, 6);
  });

  it('keeps fine steps exact', () => {
    const ticks = rulerTicks(0, pxPerMmAt(8), 200);
    expect(ticks.slice(0, 4).map((t) => t.mm)).toEqual([0, 0.2, 0.4, 0.6]);
  });
});
