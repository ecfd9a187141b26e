import { describe, expect, it } from 'vitest';
import { boxOutline, needsOutline, strokeDashOf, styledBoxItems, styledRuleItems } from '../../../src-core/layout/styled-lines.js';
import { BLACK } from '../../../src-core/model/colour.js';

const horizontal = { x1Pt: 100, y1Pt: 50, x2Pt: 300, y2Pt: 50 };
const vertical = { x1Pt: 80, y1Pt: 10, x2Pt: 80, y2Pt: 210 };

describe('rule styles (花线)', () => {
  it('draws solid and broken styles as one stroke of the whole weight', () => {
    expect(styledRuleItems(horizontal, 0.5, undefined, BLACK, 'r')).toEqual([{ kind: 'rule', ...horizontal, strokePt: 0.5, colour: BLACK, frameId: 'r' }]);
    const [dashed] = styledRuleItems(horizontal, 0.5, 'dashed', BLACK);
    expect(dashed.dashPt).toEqual([3, 2]);
    expect(dashed.roundCaps).toBeUndefined();
  });

  it('keeps a hairline’s dashes and dots visible and scales them with heavier weights', () => {
    expect(strokeDashOf('dashed', 2).dashPt).toEqual([6, 4]);
    expect(strokeDashOf('dotted', 0.5)).toEqual({ dashPt: [0, 1.5], roundCaps: true });
    expect(strokeDashOf('dotted', 2)).toEqual({ dashPt: [0, 4], roundCaps: true });
    expect(strokeDashOf('dash-dot', 1)).toEqual({ dashPt: [4, 2, 0, 2], roundCaps: true });
    expect(strokeDashOf('solid', 1)).toEqual({});
  });

  it('splits 文武线 into a thick line above and a thin line below, filling the band exactly', () => {
    const [thick, thin] = styledRuleItems(horizontal, 2, 'thick-thin', BLACK);
    expect(thick.strokePt).toBeCloseTo(1.2, 9);
    expect(thin.strokePt).toBeCloseTo(0.4, 9);
    // Band from y 49 to 51: thick 49–50.2, gap, thin 50.6–51.
    expect(thick.y1Pt - thick.strokePt / 2).toBeCloseTo(49, 9);
    expect(thin.y1Pt + thin.strokePt / 2).toBeCloseTo(51, 9);
    expect(thin.y1Pt - thin.strokePt / 2 - (thick.y1Pt + thick.strokePt / 2)).toBeCloseTo(0.4, 9);
    expect(thick.x1Pt).toBe(100);
    expect(thick.x2Pt).toBe(300);
  });

  it('puts the first line left of a vertical rule, whichever way it was drawn', () => {
    const [down] = styledRuleItems(vertical, 3, 'thick-thin', BLACK);
    const [up] = styledRuleItems({ x1Pt: 80, y1Pt: 210, x2Pt: 80, y2Pt: 10 }, 3, 'thick-thin', BLACK);
    expect(down.x1Pt).toBeLessThan(80);
    expect(up.x1Pt).toBeCloseTo(down.x1Pt, 9);
  });

  it('draws a double line as two equal lines a third of the band apart', () => {
    const [a, b] = styledRuleItems(horizontal, 1.5, 'double', BLACK);
    expect(a.strokePt).toBeCloseTo(0.5, 9);
    expect(b.strokePt).toBeCloseTo(0.5, 9);
    expect(b.y1Pt - a.y1Pt).toBeCloseTo(1, 9);
  });
});

describe('box styles and corners', () => {
  const rect = { xPt: 10, yPt: 20, widthPt: 100, heightPt: 60 };
  const grey = { c: 0, m: 0, y: 0, k: 0.15 };

  it('draws a plain box as one item and a dashed or rounded one through its outline', () => {
    const [plain] = styledBoxItems(rect, { strokePt: 0.5, stroke: BLACK });
    expect(needsOutline(plain)).toBe(false);
    const [dashed] = styledBoxItems(rect, { strokePt: 0.5, stroke: BLACK, lineStyle: 'dashed' });
    expect(needsOutline(dashed)).toBe(true);
    const [rounded] = styledBoxItems(rect, { strokePt: 0.5, stroke: BLACK, cornerRadiusPt: 6 });
    expect(rounded.cornerRadiusPt).toBe(6);
  });

  it('draws a 文武线 box as its fill, then the thick line outside and the thin line inside with concentric corners', () => {
    const items = styledBoxItems(rect, { strokePt: 3, stroke: BLACK, fill: grey, lineStyle: 'thick-thin', cornerRadiusPt: 6 });
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({ rect, fill: grey, strokePt: 0, cornerRadiusPt: 6 });
    const [outer, inner] = [items[1], items[2]];
    expect(outer.strokePt).toBeCloseTo(1.8, 9);
    expect(inner.strokePt).toBeCloseTo(0.6, 9);
    expect(outer.rect.xPt).toBeLessThan(rect.xPt);
    expect(inner.rect.xPt).toBeGreaterThan(rect.xPt);
    expect(outer.cornerRadiusPt! - inner.cornerRadiusPt!).toBeCloseTo(inner.rect.xPt - outer.rect.xPt, 9);
    expect(outer.fill).toBeUndefined();
  });

  it('traces an outline from the end of the top-left corner, clockwise, with four quarter circles', () => {
    const steps = boxOutline(rect, 10);
    expect(steps[0]).toEqual({ op: 'move', xPt: 20, yPt: 20 });
    expect(steps.filter((s) => s.op === 'curve')).toHaveLength(4);
    expect(steps.at(-1)).toEqual({ op: 'close' });
    const ends = steps.flatMap((s) => ('xPt' in s ? [[s.xPt, s.yPt]] : []));
    expect(ends).toContainEqual([110, 30]);
    expect(ends).toContainEqual([100, 80]);
    // A radius larger than half the short side is clamped; square corners have no curves.
    expect(boxOutline(rect, 500).filter((s) => s.op === 'curve')[0]).toMatchObject({ xPt: 110, yPt: 50 });
    expect(boxOutline(rect).some((s) => s.op === 'curve')).toBe(false);
  });
});
