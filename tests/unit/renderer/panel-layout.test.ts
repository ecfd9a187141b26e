/** Panel sizes: clamped to their ranges and to the window, so the page keeps its room; stored layouts read back safely. */
import { describe, expect, it } from 'vitest';
import { clampPanelLayout, DEFAULT_PANEL_LAYOUT, LEFT_RANGE_PX, MIN_CENTRE_PX, parsePanelLayout, RIGHT_RANGE_PX, SPLITTERS_PX } from '../../../src-renderer/state/panel-layout.js';

describe('clampPanelLayout', () => {
  it('keeps the first-start layout as it is on a 1366 px laptop', () => {
    expect(clampPanelLayout(DEFAULT_PANEL_LAYOUT, 1366)).toEqual(DEFAULT_PANEL_LAYOUT);
  });

  it('holds widths and the review height to their ranges', () => {
    const wild = clampPanelLayout({ ...DEFAULT_PANEL_LAYOUT, leftPx: 5, rightPx: 5000, reviewPx: -40 }, 4000);
    expect(wild).toMatchObject({ leftPx: LEFT_RANGE_PX.min, rightPx: RIGHT_RANGE_PX.max, reviewPx: 60 });
  });

  it('narrows the columns, the right one first, so that the page keeps its room in a small window', () => {
    const wide = { ...DEFAULT_PANEL_LAYOUT, leftPx: 400, rightPx: 700 };
    const laptop = clampPanelLayout(wide, 1366);
    expect(laptop.leftPx + laptop.rightPx + SPLITTERS_PX + MIN_CENTRE_PX).toBeLessThanOrEqual(1366);
    expect(laptop.leftPx).toBe(400);
    // A collapsed column takes no room: the other keeps its width.
    expect(clampPanelLayout({ ...wide, leftCollapsed: true }, 1366).rightPx).toBe(700);
  });

  it('never goes below the ranges, even when the window is too small for them', () => {
    const tiny = clampPanelLayout(DEFAULT_PANEL_LAYOUT, 600);
    expect(tiny).toMatchObject({ leftPx: LEFT_RANGE_PX.min, rightPx: RIGHT_RANGE_PX.min });
  });
});

describe('parsePanelLayout', () => {
  it('reads back what was stored', () => {
    const stored = { leftPx: 300, rightPx: 420, reviewPx: 250, leftCollapsed: true, rightCollapsed: false, reviewCollapsed: true };
    expect(parsePanelLayout(JSON.stringify(stored))).toEqual(stored);
  });

  it('falls back to the defaults for nothing, broken JSON or ill-typed fields', () => {
    expect(parsePanelLayout(null)).toEqual(DEFAULT_PANEL_LAYOUT);
    expect(parsePanelLayout('{oops')).toEqual(DEFAULT_PANEL_LAYOUT);
    expect(parsePanelLayout('42')).toEqual(DEFAULT_PANEL_LAYOUT);
    expect(parsePanelLayout(JSON.stringify({ leftPx: 'wide', rightPx: null, reviewPx: 'tall', leftCollapsed: 'yes' }))).toEqual(DEFAULT_PANEL_LAYOUT);
  });
});
