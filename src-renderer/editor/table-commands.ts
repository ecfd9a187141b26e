/**
 * Table editing in the story editor: insert a table, move between cells, add and delete rows and columns, merge
 * and split cells (prosemirror-tables), and the table's own settings — header rows and column alignment — as
 * commands on the story, so every change is an undoable transaction of the story document.
 *
 * 1. `insertTable` puts a table of empty cells after the block holding the caret (tables live in the body, so
 *    inside a `columns` block when the story has one) and puts the caret in its first cell.
 * 2. `tableFromRows` builds a table node from rows of cell texts (paste and CSV import share it).
 * 3. `setHeaderRows` and `setColumnAlign` change the enclosing table's attributes (table.ts validates them).
 */
import type { Node as PmNode, Schema } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { CellSelection, TableMap, goToNextCell, addColumnAfter, addRowAfter, deleteColumn, deleteRow, mergeCells, splitCell } from 'prosemirror-tables';
import { MAX_HEADER_ROWS, MAX_TABLE_COLUMNS, type ColumnAlign } from '../../src-core/model/table.js';

export { addColumnAfter, addRowAfter, deleteColumn, deleteRow, goToNextCell, mergeCells, splitCell };

/** Most rows `insertTable` makes at once (more are pasted or imported, or added a row at a time). */
export const MAX_INSERT_ROWS = 200;

/** A cell holding `text` as one paragraph (a header cell for header rows). */
function cellNode(schema: Schema, text: string, header: boolean): PmNode {
  const paragraph = schema.nodes.paragraph!.create(null, text.length > 0 ? schema.text(text) : null);
  return (header ? schema.nodes.table_header! : schema.nodes.table_cell!).create(null, paragraph);
}

/**
 * A table of `rows` (cell texts, all rows padded to the widest, capped at `MAX_TABLE_COLUMNS`); the first
 * `headerRows` rows are header rows.
 */
export function tableFromRows(schema: Schema, rows: readonly (readonly string[])[], headerRows = 0): PmNode {
  const width = Math.min(MAX_TABLE_COLUMNS, Math.max(1, ...rows.map((r) => r.length)));
  const rowNodes = rows.map((cells, r) =>
    schema.nodes.table_row!.create(null, Array.from({ length: width }, (_, c) => cellNode(schema, cells[c] ?? '', r < headerRows))));
  return schema.nodes.table!.create({ headerRows: headerRows > 0 ? Math.min(headerRows, MAX_HEADER_ROWS) : null }, rowNodes);
}

/** Where a table goes: right after the textblock holding the selection's start, where the schema allows one. */
function tableInsertPos(state: EditorState, table: PmNode): number | null {
  const $from = state.selection.$from;
  for (let depth = $from.depth; depth >= 1; depth--) {
    const after = $from.after(depth);
    const $after = state.doc.resolve(after);
    if ($after.parent.canReplaceWith($after.index(), $after.index(), table.type)) return after;
  }
  return null;
}

/** Inserts `table` after the caret's block and puts the caret in its first cell (step 1). */
export function insertTableNode(table: PmNode): Command {
  return (state, dispatch) => {
    const at = tableInsertPos(state, table);
    if (at === null) return false;
    if (dispatch) {
      const tr = state.tr.insert(at, table);
      // Past the table's, the row's, the cell's and the paragraph's opening tokens.
      tr.setSelection(TextSelection.create(tr.doc, at + 4));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Inserts an empty table of `rows` × `columns` (each clamped to 1 … its maximum). */
export function insertTable(schema: Schema, rows: number, columns: number): Command {
  const r = Math.max(1, Math.min(MAX_INSERT_ROWS, Math.floor(rows) || 1));
  const c = Math.max(1, Math.min(MAX_TABLE_COLUMNS, Math.floor(columns) || 1));
  return insertTableNode(tableFromRows(schema, Array.from({ length: r }, () => new Array<string>(c).fill(''))));
}

/** The table around the selection: its node, its position and the column of the selection's cell. */
export function selectedTable(state: EditorState): { node: PmNode; pos: number; column: number } | null {
  const $from = state.selection instanceof CellSelection ? state.selection.$anchorCell : state.selection.$from;
  for (let depth = $from.depth; depth >= 1; depth--) {
    const node = $from.node(depth);
    if (node.type.name !== 'table') continue;
    const pos = $from.before(depth);
    const map = TableMap.get(node);
    // The cell: the node one level below the row.
    const cellPos = depth + 2 <= $from.depth ? $from.before(depth + 2) : null;
    const column = cellPos === null ? 0 : map.colCount(cellPos - pos - 1);
    return { node, pos, column };
  }
  return null;
}

/** Sets how many rows at the table's top are header rows (repeated at each new column or frame). */
export function setHeaderRows(count: number): Command {
  return (state, dispatch) => {
    const table = selectedTable(state);
    if (!table) return false;
    const n = Math.max(0, Math.min(MAX_HEADER_ROWS, table.node.childCount, Math.floor(count) || 0));
    if (dispatch) dispatch(state.tr.setNodeMarkup(table.pos, undefined, { ...table.node.attrs, headerRows: n > 0 ? n : null }));
    return true;
  };
}

/** Sets the alignment of the column holding the selection. */
export function setColumnAlign(align: ColumnAlign): Command {
  return (state, dispatch) => {
    const table = selectedTable(state);
    if (!table) return false;
    const current = Array.isArray(table.node.attrs.columnAligns) ? (table.node.attrs.columnAligns as ColumnAlign[]) : [];
    const aligns = Array.from({ length: Math.max(current.length, table.column + 1) }, (_, i) => current[i] ?? 'left');
    aligns[table.column] = align;
    if (dispatch) dispatch(state.tr.setNodeMarkup(table.pos, undefined, { ...table.node.attrs, columnAligns: aligns }));
    return true;
  };
}

/** The alignment of the selection's column (left when unset), or null outside a table. */
export function currentColumnAlign(state: EditorState): ColumnAlign | null {
  const table = selectedTable(state);
  if (!table) return null;
  const aligns = table.node.attrs.columnAligns as ColumnAlign[] | null;
  return aligns?.[table.column] ?? 'left';
}
