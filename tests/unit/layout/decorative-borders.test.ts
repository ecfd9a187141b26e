import { describe, expect, it } from 'vitest';
import { decorativeBoxItems, decorativeRuleItems, halfWaveCount, motifLineWidthPt, repeatCount } from '../../../src-core/layout/decorative-borders.js';
import { ruleItemsOf, styledBoxItems, needsOutline, boxItemOutline, type OutlineStep } from '../../../src-core/layout/styled-lines.js';
import { BLACK } from '../../../src-core/model/colour.js';
import { LineStyleSchema, minStrokePtOf } from '../../../src-core/model/line-style.js';

const rect = { xPt: 100, yPt: 200, widthPt: 150, heightPt: 90 };

type Point = { xPt: number; yPt: number };
const ends = (steps: readonly OutlineStep[]): Point[] => steps.filter((s): s is Extract<OutlineStep, { xPt: number }> => s.op !== 'close').map((s) => ({ xPt: s.xPt, yPt: s.yPt }));
const closeTo = (p: Point, q: Point) => Math.abs(p.xPt - q.xPt) < 1e-9 && Math.abs(p.yPt - q.yPt) < 1e-9;

describe('decorative borders (花边)', () => {
  it('are line styles the model accepts, with a weight floor', () => {
    for (const style of ['wave', 'zigzag', 'diamonds']) expect(LineStyleSchema.parse(style)).toBe(style);
    expect(minStrokePtOf('wave')).toBe(3);
    expect(minStrokePtOf('solid')).toBe(0);
    expect(minStrokePtOf(undefined)).toBe(0);
  });

  it('rounds each run to a whole number of repeats, never fewer than one', () => {
    expect(repeatCount(100, 8)).toBe(13);
    expect(repeatCount(100, 7.6)).toBe(13);
    expect(repeatCount(3, 8)).toBe(1);
    // Arches and teeth: the nearest odd count, so a run starts and ends with an outward crest.
    expect(halfWaveCount(100, 4)).toBe(25);
    expect(halfWaveCount(96, 4)).toBe(25);
    expect(halfWaveCount(92, 4)).toBe(23);
    expect(halfWaveCount(1, 4)).toBe(1);
  });

  it('fits a wave rule with whole arches that end exactly at the rule’s ends, crests touching the band', () => {
    const [item] = decorativeRuleItems({ x1Pt: 0, y1Pt: 50, x2Pt: 97, y2Pt: 50 }, 4, 'wave', BLACK, 'r');
    expect(item!.motif).toBeDefined();
    const steps = item!.motif!;
    const curves = steps.filter((s) => s.op === 'curve');
    // 97 pt at a natural 4 pt arch: 24.25, the nearest odd count 25.
    expect(curves).toHaveLength(25);
    expect(steps[0]).toEqual({ op: 'move', xPt: 0, yPt: 50 });
    const last = ends(steps).at(-1)!;
    expect(last).toEqual({ xPt: 97, yPt: 50 });
    // The line is a fifth of the band; a Bézier arch with 4/3 handles crests at ¾ of its handle height.
    expect(item!.strokePt).toBeCloseTo(0.8, 9);
    const first = curves[0] as Extract<OutlineStep, { op: 'curve' }>;
    const crestPt = 0.75 * (50 - first.c1yPt);
    expect(crestPt + item!.strokePt / 2).toBeCloseTo(2, 9);
    // The first crest rises (above the rule); the item carries the colour as its stroke and no fill.
    expect(first.c1yPt).toBeLessThan(50);
    expect(item!.stroke).toEqual(BLACK);
    expect(item!.fill).toBeUndefined();
    expect(item!.frameId).toBe('r');
    expect(item!.rect).toEqual({ xPt: -2, yPt: 48, widthPt: 101, heightPt: 4 });
  });

  it('crests a vertical rule to the left, whichever way it was drawn', () => {
    const down = decorativeRuleItems({ x1Pt: 30, y1Pt: 0, x2Pt: 30, y2Pt: 64 }, 4, 'zigzag', BLACK)[0]!.motif!;
    const up = decorativeRuleItems({ x1Pt: 30, y1Pt: 64, x2Pt: 30, y2Pt: 0 }, 4, 'zigzag', BLACK)[0]!.motif!;
    expect(ends(down)[1]!.xPt).toBeLessThan(30);
    expect(ends(up)[1]!.xPt).toBeLessThan(30);
  });

  it('closes a zigzag box through its four corners, each side with whole teeth', () => {
    const [item] = decorativeBoxItems(rect, 5, 'zigzag', BLACK);
    const steps = item!.motif!;
    expect(steps[0]).toEqual({ op: 'move', xPt: 100, yPt: 200 });
    expect(steps.at(-1)).toEqual({ op: 'close' });
    const points = ends(steps);
    const corners = [{ xPt: 250, yPt: 200 }, { xPt: 250, yPt: 290 }, { xPt: 100, yPt: 290 }, { xPt: 100, yPt: 200 }];
    for (const c of corners) expect(points.some((p) => closeTo(p, c))).toBe(true);
    // Top side 150 pt at a natural 4 pt tooth: 37 teeth (a peak and a centre point each), the last at the corner.
    const topEnd = points.findIndex((p) => closeTo(p, corners[0]!));
    expect(topEnd).toBe(37 * 2);
    // The teeth either side of a corner both point outward (up for the top side, right for the right side).
    expect(points[topEnd - 1]!.yPt).toBeLessThan(200);
    expect(points[topEnd + 1]!.xPt).toBeGreaterThan(250);
    // Teeth stay inside the band, the top side's first tooth outward (above the box).
    expect(points[1]!.yPt).toBeCloseTo(200 - 1.5, 9);
    for (const p of points) {
      expect(p.xPt).toBeGreaterThanOrEqual(100 - 2.5);
      expect(p.xPt).toBeLessThanOrEqual(250 + 2.5);
    }
    expect(item!.rect).toEqual({ xPt: 97.5, yPt: 197.5, widthPt: 155, heightPt: 95 });
  });

  it('joins a wave box into one closed path, the corners on the path', () => {
    const steps = decorativeBoxItems(rect, 3, 'wave', BLACK)[0]!.motif!;
    expect(steps.filter((s) => s.op === 'move')).toHaveLength(1);
    expect(steps.at(-1)).toEqual({ op: 'close' });
    const points = ends(steps);
    for (const c of [{ xPt: 250, yPt: 200 }, { xPt: 250, yPt: 290 }, { xPt: 100, yPt: 290 }]) expect(points.some((p) => closeTo(p, c))).toBe(true);
    expect(points.at(-1)).toEqual({ xPt: 100, yPt: 200 });
  });

  it('puts a square diamond on every corner of a diamond-chain box and fills it', () => {
    const [item] = decorativeBoxItems(rect, 4, 'diamonds', BLACK);
    expect(item!.fill).toEqual(BLACK);
    expect(item!.strokePt).toBe(0);
    expect(motifLineWidthPt('diamonds', 4)).toBe(0);
    const steps = item!.motif!;
    const diamonds: Point[][] = [];
    for (const s of steps) {
      if (s.op === 'move') diamonds.push([{ xPt: s.xPt, yPt: s.yPt }]);
      else if (s.op === 'line') diamonds.at(-1)!.push({ xPt: s.xPt, yPt: s.yPt });
    }
    expect(steps.filter((s) => s.op === 'close')).toHaveLength(diamonds.length);
    // Per side: round(150 / 6.4) = 23 and round(90 / 6.4) = 14, each side's first being its corner's.
    expect(diamonds).toHaveLength(2 * 23 + 2 * 14);
    const centre = (d: Point[]) => ({ xPt: (d[0]!.xPt + d[2]!.xPt) / 2, yPt: (d[0]!.yPt + d[2]!.yPt) / 2 });
    for (const corner of [{ xPt: 100, yPt: 200 }, { xPt: 250, yPt: 200 }, { xPt: 250, yPt: 290 }, { xPt: 100, yPt: 290 }]) {
      const d = diamonds.find((dd) => closeTo(centre(dd), corner));
      expect(d, `diamond at ${corner.xPt},${corner.yPt}`).toBeDefined();
      const along = Math.hypot(d![2]!.xPt - d![0]!.xPt, d![2]!.yPt - d![0]!.yPt);
      const across = Math.hypot(d![3]!.xPt - d![1]!.xPt, d![3]!.yPt - d![1]!.yPt);
      expect(along).toBeCloseTo(4, 9);
      expect(across).toBeCloseTo(4, 9);
    }
    // No two diamonds on one spot (a corner is drawn once).
    const keys = diamonds.map((d) => `${centre(d).xPt.toFixed(6)},${centre(d).yPt.toFixed(6)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lays a diamond-chain rule in equal cells from end to end', () => {
    const steps = decorativeRuleItems({ x1Pt: 0, y1Pt: 10, x2Pt: 64, y2Pt: 10 }, 4, 'diamonds', BLACK)[0]!.motif!;
    const moves = steps.flatMap((s) => (s.op === 'move' ? [s] : []));
    expect(moves).toHaveLength(10);
    // Cells of 6.4 pt, diamonds 4.8 pt long: the first starts 0.8 pt in, the last ends 0.8 pt short.
    expect(moves[0]!.xPt).toBeCloseTo(0.8, 9);
  });

  it('is drawn by the box and rule styles as a traced motif, the fill first and square', () => {
    const fill = { c: 0, m: 0, y: 0, k: 0.15 };
    const items = styledBoxItems(rect, { strokePt: 3, stroke: BLACK, fill, lineStyle: 'wave', cornerRadiusPt: 8 });
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({ kind: 'box', rect, strokePt: 0, fill });
    expect(needsOutline(items[1]!)).toBe(true);
    expect(boxItemOutline(items[1]!)).toEqual(items[1]!.motif);
    const [rule] = ruleItemsOf({ x1Pt: 0, y1Pt: 0, x2Pt: 50, y2Pt: 0 }, 3, 'zigzag', BLACK);
    expect(rule!.kind).toBe('box');
    // A box without a stroke draws no motif.
    expect(styledBoxItems(rect, { strokePt: 0, stroke: BLACK, lineStyle: 'wave' }).every((i) => i.motif === undefined)).toBe(true);
  });

  it('draws nothing for a zero-length rule or an empty box', () => {
    expect(decorativeRuleItems({ x1Pt: 5, y1Pt: 5, x2Pt: 5, y2Pt: 5 }, 3, 'wave', BLACK)).toEqual([]);
    expect(decorativeBoxItems({ ...rect, widthPt: 0 }, 3, 'wave', BLACK)).toEqual([]);
  });
});
