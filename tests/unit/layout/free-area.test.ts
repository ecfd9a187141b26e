import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnSpanWidthPt, findFreeGridArea, snapToGrid, type GridColumns } from '../../../src-core/layout/free-area.js';
import { createPageGrid } from '../../../src-core/layout/grid.js';
import type { RectPt } from '../../../src-core/layout/page-layout.js';
import { TemplateSchema } from '../../../src-core/model/template.js';

const template = TemplateSchema.parse(JSON.parse(readFileSync('templates/broadsheet-inner.json', 'utf8')));
const grid = createPageGrid(template);
const columns: GridColumns = { count: template.grid.columns, charsPerColumn: template.grid.charsPerColumn, gutterChars: template.grid.gutterChars };
const area = grid.typeArea;
const twoColumnsPt = columnSpanWidthPt(grid, columns, 2);

describe('the first empty grid area', () => {
  it('is the type area’s top-left on an empty page', () => {
    expect(findFreeGridArea(grid, columns, [], twoColumnsPt, 100)).toMatchObject({ xPt: area.xPt, yPt: area.yPt, widthPt: twoColumnsPt });
  });

  it('rounds the height up to whole grid lines', () => {
    const rect = findFreeGridArea(grid, columns, [], twoColumnsPt, grid.pitchPt * 3.2)!;
    expect(rect.heightPt).toBeCloseTo(grid.pitchPt * 4, 9);
  });

  it('keeps out of a page header across the top and of every other frame, reading row by row, left to right', () => {
    const header: RectPt = { xPt: area.xPt, yPt: area.yPt - 20, widthPt: area.widthPt, heightPt: 20 + 3 * grid.pitchPt };
    const leftStory: RectPt = { xPt: area.xPt, yPt: area.yPt, widthPt: twoColumnsPt, heightPt: area.heightPt };
    const rect = findFreeGridArea(grid, columns, [header, leftStory], twoColumnsPt, 10 * grid.pitchPt)!;
    expect(rect.yPt).toBeCloseTo(grid.cellTopPt(3), 9);
    // The third column is the first whose start clears the two-column story (touching is not overlap).
    expect(rect.xPt).toBeCloseTo(area.xPt + 2 * (columns.charsPerColumn + columns.gutterChars) * grid.bodySizePt, 9);
  });

  it('is undefined on a full page and for a frame larger than the type area', () => {
    expect(findFreeGridArea(grid, columns, [area], twoColumnsPt, 10)).toBeUndefined();
    expect(findFreeGridArea(grid, columns, [], area.widthPt + 10, 10)).toBeUndefined();
  });
});

describe('snapping a click to the grid', () => {
  it('puts the top-left corner on the nearest column start and cell top, inside the type area', () => {
    const step = (columns.charsPerColumn + columns.gutterChars) * grid.bodySizePt;
    const rect = snapToGrid(grid, columns, area.xPt + step * 1.4, area.yPt + grid.pitchPt * 7.6, twoColumnsPt, 50);
    expect(rect.xPt).toBeCloseTo(area.xPt + step, 9);
    expect(rect.yPt).toBeCloseTo(grid.cellTopPt(8), 9);
    const corner = snapToGrid(grid, columns, area.xPt + area.widthPt, area.yPt + area.heightPt, twoColumnsPt, 50);
    expect(corner.xPt + corner.widthPt).toBeLessThanOrEqual(area.xPt + area.widthPt + 0.01);
    expect(corner.yPt + corner.heightPt).toBeLessThanOrEqual(area.yPt + area.heightPt + 0.01);
  });
});
