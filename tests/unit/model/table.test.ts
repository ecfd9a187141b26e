/**
 * Table attributes (issue 16): validated plain data, absent = defaults, invalid = defaults with a reason.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TABLE_ATTRS, readTableAttrs, readTint, tableSlots } from '../../../src-core/model/table.js';
import { storySchema } from '../../../src-core/model/story-schema.js';

describe('table attributes', () => {
  it('absent attributes are the defaults', () => {
    expect(readTableAttrs(undefined)).toEqual({ attrs: DEFAULT_TABLE_ATTRS, error: null });
    // What the schema stores for a fresh table (every attr null) reads as the defaults too.
    const table = storySchema.nodes.table!.createAndFill()!;
    expect(readTableAttrs(table.attrs)).toEqual({ attrs: DEFAULT_TABLE_ATTRS, error: null });
    expect(DEFAULT_TABLE_ATTRS.rule).toEqual({ style: 'solid', weightPt: 0.5, colour: { c: 0, m: 0, y: 0, k: 1 } });
  });

  it('reads valid attributes', () => {
    const attrs = { headerRows: 2, columnWidths: [{ chars: 4 }, null, { mm: 20 }], cellPaddingPt: 3, rule: { style: 'double', weightPt: 1.5, colour: { c: 0, m: 1, y: 1, k: 0 } }, columnAligns: ['left', 'right', 'decimal'] };
    expect(readTableAttrs(attrs)).toEqual({ attrs, error: null });
  });

  it('invalid attributes fall back to the defaults with a one-line reason naming the attribute', () => {
    for (const bad of [{ headerRows: -1 }, { headerRows: 1.5 }, { columnWidths: [{ chars: 0 }] }, { columnWidths: [{ inches: 2 }] }, { cellPaddingPt: 100 }, { rule: { style: 'wavy', weightPt: 1, colour: { c: 0, m: 0, y: 0, k: 1 } } }, { rule: { style: 'solid', weightPt: 5, colour: { c: 0, m: 0, y: 0, k: 1 } } }, { columnAligns: ['justify'] }]) {
      const { attrs, error } = readTableAttrs(bad);
      expect(attrs).toBe(DEFAULT_TABLE_ATTRS);
      expect(error).toContain(Object.keys(bad)[0]);
      expect(error).not.toContain('\n');
    }
  });

  it('reads tints as CMYK or nothing', () => {
    expect(readTint({ c: 0, m: 0, y: 0.2, k: 0 })).toEqual({ c: 0, m: 0, y: 0.2, k: 0 });
    expect(readTint(null)).toBeNull();
    expect(readTint({ c: 2, m: 0, y: 0, k: 0 })).toBeNull();
    expect(readTint('#ff0000')).toBeNull();
  });

  it('maps merged cells to their slots, skipping slots a rowspan fills', () => {
    const cell = (attrs: Record<string, unknown> = {}) => ({ type: 'table_cell', attrs, content: [{ type: 'paragraph' }] });
    const { cells, rows, columns } = tableSlots({
      type: 'table',
      content: [
        { type: 'table_row', content: [cell({ rowspan: 2 }), cell({ colspan: 2 })] },
        { type: 'table_row', content: [cell(), cell()] },
      ],
    });
    expect({ rows, columns }).toEqual({ rows: 2, columns: 3 });
    expect(cells.map((c) => [c.row, c.column, c.colspan, c.rowspan])).toEqual([[0, 0, 1, 2], [0, 1, 2, 1], [1, 1, 1, 1], [1, 2, 1, 1]]);
  });
});
