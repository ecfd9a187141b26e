/**
 * Table fixtures shared by the table tests and the table bench: a table node builder and the 300-row
 * results table (中考成绩) threaded through two three-column frames on two pages.
 */
import type { FolioDocument, PmNodeJson } from '../../../src-core/model/document.js';
import type { TextFrame } from '../../../src-core/model/frame.js';
import { blk, broadsheet, cols, documentOf, p, story, textFrame } from './fixtures.js';

/** A table node: rows of cell texts; `attrs` on the table; header cells for the first `headerRows` rows. */
export function tableJson(rows: readonly (readonly string[])[], attrs: Record<string, unknown> = {}, rowAttrs: Record<number, Record<string, unknown>> = {}): PmNodeJson {
  const header = typeof attrs.headerRows === 'number' ? attrs.headerRows : 0;
  return {
    type: 'table', attrs,
    content: rows.map((cells, r) => ({
      type: 'table_row', ...(rowAttrs[r] ? { attrs: rowAttrs[r] } : {}),
      content: cells.map((text) => ({ type: r < header ? 'table_header' : 'table_cell', content: [p(text)] })),
    })),
  };
}

/** Rows of the results table: a header and `count` results (number, name, score). */
export function resultsRows(count = 300): string[][] {
  return [['准考证号', '姓名', '总分'], ...Array.from({ length: count }, (_, i) => [`2026${String(i + 1).padStart(4, '0')}`, `考生${i + 1}`, String(700 - (i % 200))])];
}

/**
 * The 300-row results table under a headline, threaded from frame `a` (page A01) to frame `b` (A02), both three
 * columns by 55 lines: five columns cannot hold the rows and their repeated headers, six can.
 */
export function resultsDocument(count = 300): { doc: FolioDocument; a: TextFrame; b: TextFrame } {
  const tpl = broadsheet();
  const table = tableJson(resultsRows(count), { headerRows: 1, columnAligns: ['left', 'left', 'right'], columnWidths: [{ chars: 5 }, null, { chars: 3 }] });
  const s = story('s', blk('headline', '中考成绩公布'), cols(table));
  const a = textFrame(tpl, 'a', 's', [0, 3, 0, 55], { nextFrameId: 'b' });
  const b = textFrame(tpl, 'b', 's', [0, 3, 0, 55]);
  return { doc: documentOf([s], [{ id: 'A01', frames: [a] }, { id: 'A02', frames: [b] }], tpl), a, b };
}
