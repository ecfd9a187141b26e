/**
 * Table editing in the story editor (issue 16): insert, Tab between cells, rows and columns, merge and split,
 * header rows and column alignment as story transactions; spreadsheet pastes become tables; CSV import.
 */
import { mkdtempSync, openAsBlob, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Fragment, Slice, type Node as PmNode } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { CellSelection } from 'prosemirror-tables';
import { storySchema as s } from '../../../src-core/model/story-schema.js';
import { readTableAttrs } from '../../../src-core/model/table.js';
import { createStoryEditorState } from '../../../src-renderer/editor/story-editor.js';
import {
  addColumnAfter, addRowAfter, currentColumnAlign, deleteRow, goToNextCell, insertTable, mergeCells, selectedTable, setCellPadding, setCellTint, setColumnAlign,
  setColumnWidth, setHeaderRows, setRowTint, setTableRule, splitCell, tableSettings,
} from '../../../src-renderer/editor/table-commands.js';
import { undo } from 'prosemirror-history';
import { parsePlainText, plainParagraphsSlice, tabSeparatedRows } from '../../../src-renderer/editor/paste.js';
import { csvSizeRefusal, csvTable, csvTableFromFile } from '../../../src-renderer/editor/table-import.js';

function storyState(): EditorState {
  const state = createStoryEditorState({ type: 'doc', content: [{ type: 'headline', content: [{ type: 'text', text: '天气' }] }, { type: 'columns', content: [{ type: 'paragraph', content: [{ type: 'text', text: '今天' }] }] }] });
  // Caret at the end of the body paragraph.
  const end = state.doc.content.size - 2;
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, end)));
}

function apply(state: EditorState, command: Command): EditorState {
  let next = state;
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
}

const tableOf = (state: EditorState): PmNode => {
  let found: PmNode | undefined;
  state.doc.descendants((n) => {
    if (n.type.name === 'table') found = n;
    return !found;
  });
  return found!;
};
const shape = (table: PmNode) => Array.from({ length: table.childCount }, (_, r) => table.child(r).childCount);
const type = (state: EditorState, text: string) => state.apply(state.tr.insertText(text));

describe('table editing', () => {
  it('inserts a rows × columns table after the caret\'s paragraph, in the body, caret in its first cell', () => {
    const state = apply(storyState(), insertTable(s, 4, 3));
    const table = tableOf(state);
    expect(shape(table)).toEqual([3, 3, 3, 3]);
    expect(state.doc.child(1).type.name).toBe('columns');
    expect(state.doc.child(1).child(1)).toBe(table);
    expect(state.selection.$from.parent.type.name).toBe('paragraph');
    expect(state.selection.$from.node(-1).type.name).toBe('table_cell');
    state.doc.check();
  });

  it('Tab moves to the next cell; typing fills cells in row order', () => {
    let state = apply(storyState(), insertTable(s, 2, 2));
    for (const [i, text] of ['城市', '气温', '德清', '33℃'].entries()) {
      if (i > 0) state = apply(state, goToNextCell(1));
      state = type(state, text);
    }
    const table = tableOf(state);
    expect(Array.from({ length: 2 }, (_, r) => Array.from({ length: 2 }, (_, c) => table.child(r).child(c).textContent))).toEqual([['城市', '气温'], ['德清', '33℃']]);
    // Shift+Tab back.
    state = apply(state, goToNextCell(-1));
    expect(state.selection.$from.parent.textContent).toBe('德清');
  });

  it('adds and deletes rows and columns, merges and splits cells', () => {
    let state = apply(storyState(), insertTable(s, 2, 2));
    state = apply(state, addRowAfter);
    state = apply(state, addColumnAfter);
    expect(shape(tableOf(state))).toEqual([3, 3, 3]);
    state = apply(state, deleteRow);
    expect(shape(tableOf(state))).toEqual([3, 3]);
    // Select the first row's first two cells and merge them.
    const tablePos = selectedTable(state)!.pos;
    const first = tablePos + 2;
    const second = first + tableOf(state).child(0).child(0).nodeSize;
    state = state.apply(state.tr.setSelection(CellSelection.create(state.doc, first, second)));
    state = apply(state, mergeCells);
    expect(tableOf(state).child(0).child(0).attrs.colspan).toBe(2);
    expect(shape(tableOf(state))).toEqual([2, 3]);
    state = apply(state, splitCell);
    expect(shape(tableOf(state))).toEqual([3, 3]);
  });

  it('sets header rows and the column alignment as validated table attributes', () => {
    let state = apply(storyState(), insertTable(s, 3, 3));
    state = apply(state, goToNextCell(1));
    state = apply(state, goToNextCell(1));
    state = apply(state, setHeaderRows(1));
    state = apply(state, setColumnAlign('decimal'));
    expect(currentColumnAlign(state)).toBe('decimal');
    const { attrs, error } = readTableAttrs(tableOf(state).attrs);
    expect(error).toBeNull();
    expect(attrs.headerRows).toBe(1);
    expect(attrs.columnAligns).toEqual(['left', 'left', 'decimal']);
    // The header row's cells are header cells (set in the table-head style); back to none, body cells again.
    const types = (st: EditorState) => Array.from({ length: 3 }, (_, r) => tableOf(st).child(r).child(0).type.name);
    expect(types(state)).toEqual(['table_header', 'table_cell', 'table_cell']);
    state = apply(state, setHeaderRows(2));
    expect(types(state)).toEqual(['table_header', 'table_header', 'table_cell']);
    state = apply(state, setHeaderRows(0));
    expect(types(state)).toEqual(['table_cell', 'table_cell', 'table_cell']);
    expect(tableOf(state).attrs.headerRows).toBeNull();
    // Outside a table the table commands do not apply.
    expect(setHeaderRows(1)(storyState())).toBe(false);
  });
});

describe('table panel settings', () => {
  const K15 = { c: 0, m: 0, y: 0, k: 0.15 };
  const inThirdColumn = () => {
    let state = apply(storyState(), insertTable(s, 3, 3));
    state = apply(state, goToNextCell(1));
    return apply(state, goToNextCell(1));
  };

  it('sets the column width in characters or mm, the padding and the rules as validated table attributes', () => {
    let state = apply(inThirdColumn(), setColumnWidth({ chars: 4 }));
    expect(tableOf(state).attrs.columnWidths).toEqual([null, null, { chars: 4 }]);
    state = apply(state, setColumnWidth({ mm: 12.5 }));
    expect(tableSettings(state)!.columnWidth).toEqual({ mm: 12.5 });
    state = apply(state, setCellPadding(3));
    state = apply(state, setTableRule({ style: 'dashed', weightPt: 1 }));
    state = apply(state, setTableRule({ colour: { c: 0, m: 1, y: 1, k: 0.1 } }));
    const { attrs, error } = readTableAttrs(tableOf(state).attrs);
    expect(error).toBeNull();
    expect(attrs.cellPaddingPt).toBe(3);
    expect(attrs.rule).toEqual({ style: 'dashed', weightPt: 1, colour: { c: 0, m: 1, y: 1, k: 0.1 } });
    // Back to shared: no widths stored at all.
    state = apply(state, setColumnWidth(null));
    expect(tableOf(state).attrs.columnWidths).toBeNull();
  });

  it('refuses values the model would reject, and leaves the table as it was', () => {
    const state = inThirdColumn();
    expect(setColumnWidth({ chars: 0 })(state)).toBe(false);
    expect(setColumnWidth({ mm: 401 })(state)).toBe(false);
    expect(setCellPadding(-1)(state)).toBe(false);
    expect(setCellPadding(Number.NaN)(state)).toBe(false);
    expect(setCellPadding(19)(state)).toBe(false);
    expect(setTableRule({ weightPt: 2.5 })(state)).toBe(false);
    expect(setCellTint({ c: 0, m: 0, y: 0, k: 1.5 })(state)).toBe(false);
    expect(setColumnWidth({ chars: 3 })(storyState())).toBe(false);
  });

  it('a two-line rule style raises a lighter weight to the finest two lines newsprint holds', () => {
    const state = apply(inThirdColumn(), setTableRule({ style: 'double' }));
    expect(tableSettings(state)!.rule).toMatchObject({ style: 'double', weightPt: 1.5 });
  });

  it('tints the caret\'s row or cell, or every cell and row of a cell selection; each change is one undo step', () => {
    let state = inThirdColumn();
    state = apply(state, setRowTint(K15));
    expect(tableOf(state).child(0).attrs.tint).toEqual(K15);
    expect(tableSettings(state)!.rowTint).toEqual(K15);
    state = apply(state, setCellTint({ c: 0.1, m: 0, y: 0, k: 0 }));
    expect(tableOf(state).child(0).child(2).attrs.tint).toEqual({ c: 0.1, m: 0, y: 0, k: 0 });
    expect(tableOf(state).child(0).child(1).attrs.tint).toBeNull();
    // Undo takes back the cell tint alone, then the row tint.
    state = apply(state, undo);
    expect(tableOf(state).child(0).child(2).attrs.tint).toBeNull();
    expect(tableOf(state).child(0).attrs.tint).toEqual(K15);
    state = apply(state, undo);
    expect(tableOf(state).child(0).attrs.tint).toBeNull();
    // A cell selection of the second column, rows 2–3.
    const table = tableOf(state);
    let tablePos = 0;
    state.doc.descendants((n, pos) => {
      if (n === table) tablePos = pos;
      return true;
    });
    const cellPos = (r: number, c: number) => {
      let pos = tablePos + 1;
      for (let i = 0; i < r; i++) pos += table.child(i).nodeSize;
      pos += 1;
      for (let i = 0; i < c; i++) pos += table.child(r).child(i).nodeSize;
      return pos;
    };
    state = state.apply(state.tr.setSelection(CellSelection.create(state.doc, cellPos(1, 1), cellPos(2, 1))));
    state = apply(state, setCellTint(K15));
    state = apply(state, setRowTint({ c: 0, m: 0, y: 0.15, k: 0 }));
    const after = tableOf(state);
    expect([after.child(1).child(1).attrs.tint, after.child(2).child(1).attrs.tint, after.child(1).child(0).attrs.tint]).toEqual([K15, K15, null]);
    expect([after.child(0).attrs.tint, after.child(1).attrs.tint, after.child(2).attrs.tint]).toEqual([null, { c: 0, m: 0, y: 0.15, k: 0 }, { c: 0, m: 0, y: 0.15, k: 0 }]);
    // The galley shows the tints (the naive CMYK → RGB of the proof): yellow 15 % on the row, K 15 % on the cell.
    const rowDom = s.nodes.table_row!.spec.toDOM!(after.child(1)) as unknown as [string, { style?: string }];
    expect(rowDom[1].style).toBe('background-color: rgb(100% 100% 85%);');
    const cellDom = s.nodes.table_cell!.spec.toDOM!(after.child(1).child(1)) as unknown as [string, { style?: string }];
    expect(cellDom[1].style).toBe('background-color: rgb(85% 85% 85%);');
    state = apply(state, setCellTint(null));
    expect(tableOf(state).child(1).child(1).attrs.tint).toBeNull();
  });
});

describe('spreadsheet paste and CSV import', () => {
  it('tab-separated text becomes a table; other text stays paragraphs', () => {
    expect(tabSeparatedRows('城市\t气温\n德清\t33℃\n')).toEqual([['城市', '气温'], ['德清', '33℃']]);
    expect(tabSeparatedRows('一行\n两行')).toBeNull();
    const slice = parsePlainText('城市\t气温\r\n德清\t33℃', s);
    expect(slice.content.firstChild!.type.name).toBe('table');
    expect(shape(slice.content.firstChild!)).toEqual([2, 2]);
    expect(slice.openStart).toBe(0);
  });

  it('a pasted table stays a table of plain cell texts', () => {
    const cell = (text: string) => s.node('table_cell', null, [s.node('paragraph', null, [s.text(text, [s.mark('bold')])])]);
    const pasted = new Slice(Fragment.from([s.node('paragraph', null, [s.text('前')]), s.node('table', null, [s.node('table_row', null, [cell('甲'), cell('乙')])])]), 0, 0);
    const slice = plainParagraphsSlice(pasted, s);
    expect(slice.content.childCount).toBe(2);
    const table = slice.content.child(1);
    expect(table.type.name).toBe('table');
    expect(table.child(0).child(1).textContent).toBe('乙');
    expect(table.child(0).child(1).firstChild!.firstChild!.marks).toEqual([]);
  });

  it('a CSV file becomes a table with its first row as the header; refusals name the file', () => {
    const result = csvTable(s, 'weather.csv', new TextEncoder().encode('城市,气温\n德清,33\n杭州,35\n'));
    if ('error' in result) throw new Error('refused');
    expect(shape(result.table)).toEqual([2, 2, 2]);
    expect(result.table.attrs.headerRows).toBe(1);
    expect(result.table.child(0).child(0).type.name).toBe('table_header');
    expect(result.message).toEqual({ key: 'tables.csvImported', values: { name: 'weather.csv', rows: 3, columns: 2, encoding: 'UTF-8' } });
    const empty = csvTable(s, 'empty.csv', new Uint8Array());
    expect(empty).toEqual({ error: { key: 'tables.csvEmpty', values: { name: 'empty.csv' } } });
    expect(csvSizeRefusal('huge.csv', 10 * 1024 * 1024)).toEqual({ key: 'tables.csvTooLarge', values: { name: 'huge.csv', mb: 10, maxMb: 2 } });
  });

  it('regression: a picked CSV removed before its bytes are read is refused by name, not left as a silent rejection', async () => {
    // A disk-backed Blob reads lazily, as the browser's File does: once the file is gone the read rejects.
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-csv-'));
    const file = path.join(dir, '成绩.csv');
    writeFileSync(file, '准考证号,总分\n20260001,640\n');
    const blob = await openAsBlob(file);
    const picked = { name: '成绩.csv', size: blob.size, arrayBuffer: () => blob.arrayBuffer() };
    const read = await csvTableFromFile(s, picked);
    expect('table' in read && read.message.key).toBe('tables.csvImported');
    rmSync(dir, { recursive: true, force: true });
    expect(await csvTableFromFile(s, picked)).toEqual({ error: { key: 'tables.csvUnreadable', values: { name: '成绩.csv' } } });
    expect(await csvTableFromFile(s, { ...picked, size: 3 * 1024 * 1024 })).toEqual({ error: { key: 'tables.csvTooLarge', values: { name: '成绩.csv', mb: 3, maxMb: 2 } } });
  });
});
