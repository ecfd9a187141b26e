/**
 * Table editing in the story editor: insert a table, move between cells, add and delete rows and columns, merge
 * and split cells (prosemirror-tables), and the table's own settings — header rows and column alignment — as
 * commands on the story, so every change is an undoable transaction of the story document.
 *
 * 1. `insertTable` puts a table of empty cells after the block holding the caret (tables live in the body, so
 *    inside a `columns` block when the story has one) and puts the caret in its first cell.
 * 2. `tableFromRows` builds a table node from rows of cell texts (paste and CSV import share it).
 * 3. `setHeaderRows` and `setColumnAlign` change the enclosing table's attributes (table.ts validates them).
 * 4. The table panel's settings — the selection's column width, cell padding, cell rules, the tint of the
 *    selection's rows and of its cells — are commands too: each validates its value with the model's zod schema
 *    (refusing, not clamping, what the model would reject) and changes the nodes in one transaction, so each is
 *    one undo step. `tableSettings` reads them back for the panel.
 */
import type { Node as PmNode, Schema } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';
import { CellSelection, TableMap, goToNextCell, addColumnAfter, addRowAfter, deleteColumn, deleteRow, mergeCells, splitCell } from 'prosemirror-tables';
import { COMPOUND_LINE_STYLES, MIN_COMPOUND_STROKE_PT } from '../../src-core/model/line-style.js';
import { CmykSchema, type Cmyk } from '../../src-core/model/colour.js';
import {
  CellRuleSchema, ColumnWidthSchema, DEFAULT_TABLE_ATTRS, MAX_CELL_PADDING_PT, MAX_HEADER_ROWS, MAX_TABLE_COLUMNS, readTableAttrs, readTint,
  type CellRule, type ColumnAlign, type ColumnWidth,
} from '../../src-core/model/table.js';

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

/**
 * Sets how many rows at the table's top are header rows (repeated at each new column or frame); their cells
 * become header cells (`table_header`, set in the table-head style) and the other rows' cells body cells.
 */
export function setHeaderRows(count: number): Command {
  return (state, dispatch) => {
    const table = selectedTable(state);
    if (!table) return false;
    const n = Math.max(0, Math.min(MAX_HEADER_ROWS, table.node.childCount, Math.floor(count) || 0));
    if (dispatch) {
      const tr = state.tr.setNodeMarkup(table.pos, undefined, { ...table.node.attrs, headerRows: n > 0 ? n : null });
      const { table_header: header, table_cell: body } = state.schema.nodes;
      // Cell types change in place (same size), so positions in the table stay valid.
      table.node.forEach((row, rowOffset, r) => {
        row.forEach((cell, cellOffset) => {
          const type = r < n ? header! : body!;
          if (cell.type !== type) tr.setNodeMarkup(table.pos + 1 + rowOffset + 1 + cellOffset, type, cell.attrs);
        });
      });
      dispatch(tr);
    }
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

/**
 * `tr` as an undo step of its own: panel changes made in quick succession (padding, then a tint) would otherwise
 * join one history event, and Ctrl+Z would take back more than the last change.
 */
function ownStep(tr: Transaction): Transaction {
  return closeHistory(tr);
}

/** Sets the width of the selection's column (null: it shares the room the others leave). Refuses an invalid width. */
export function setColumnWidth(width: ColumnWidth | null): Command {
  return (state, dispatch) => {
    const table = selectedTable(state);
    if (!table || (width !== null && !ColumnWidthSchema.safeParse(width).success)) return false;
    const current = Array.isArray(table.node.attrs.columnWidths) ? (table.node.attrs.columnWidths as (ColumnWidth | null)[]) : [];
    const widths = Array.from({ length: Math.max(current.length, table.column + 1) }, (_, i) => current[i] ?? null);
    widths[table.column] = width;
    // Trailing shared columns need no entry: an all-shared table stores no widths at all.
    while (widths.length > 0 && widths[widths.length - 1] === null) widths.pop();
    if (dispatch) dispatch(ownStep(state.tr.setNodeMarkup(table.pos, undefined, { ...table.node.attrs, columnWidths: widths.length > 0 ? widths : null })));
    return true;
  };
}

/** Sets the table's cell padding, points (0 … `MAX_CELL_PADDING_PT`). Refuses anything else. */
export function setCellPadding(paddingPt: number): Command {
  return (state, dispatch) => {
    const table = selectedTable(state);
    if (!table || !Number.isFinite(paddingPt) || paddingPt < 0 || paddingPt > MAX_CELL_PADDING_PT) return false;
    if (dispatch) dispatch(ownStep(state.tr.setNodeMarkup(table.pos, undefined, { ...table.node.attrs, cellPaddingPt: paddingPt })));
    return true;
  };
}

/**
 * Changes the table's cell rules: the fields given replace the current rule's. A two-line style is at least
 * `MIN_COMPOUND_STROKE_PT` heavy (its lines would be finer than newsprint holds): choosing one raises a lighter
 * weight to that. Refuses a rule the model would reject.
 */
export function setTableRule(change: Partial<CellRule>): Command {
  return (state, dispatch) => {
    const table = selectedTable(state);
    if (!table) return false;
    const merged = { ...readTableAttrs(table.node.attrs).attrs.rule, ...change };
    if (COMPOUND_LINE_STYLES.has(merged.style) && merged.weightPt > 0 && merged.weightPt < MIN_COMPOUND_STROKE_PT) merged.weightPt = MIN_COMPOUND_STROKE_PT;
    const parsed = CellRuleSchema.safeParse(merged);
    if (!parsed.success) return false;
    if (dispatch) dispatch(ownStep(state.tr.setNodeMarkup(table.pos, undefined, { ...table.node.attrs, rule: parsed.data })));
    return true;
  };
}

/** The selection's cells (every cell of a cell selection, else the caret's) and their rows, as positions. */
function selectedCells(state: EditorState): { cells: number[]; rows: number[] } {
  const cells: number[] = [];
  if (state.selection instanceof CellSelection) {
    state.selection.forEachCell((_node, pos) => cells.push(pos));
  } else {
    const $from = state.selection.$from;
    for (let depth = $from.depth; depth >= 1; depth--) {
      const role = $from.node(depth).type.spec.tableRole;
      if (role === 'cell' || role === 'header_cell') {
        cells.push($from.before(depth));
        break;
      }
    }
  }
  const rows = [...new Set(cells.map((pos) => state.doc.resolve(pos).before()))];
  return { cells, rows };
}

/** Sets (null: removes) an attribute `tint` on the nodes at `positions` in one transaction. */
function setTintAt(positions: (state: EditorState) => number[], tint: Cmyk | null): Command {
  return (state, dispatch) => {
    const at = positions(state);
    if (at.length === 0 || (tint !== null && !CmykSchema.safeParse(tint).success)) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const pos of at) tr.setNodeMarkup(pos, undefined, { ...tr.doc.nodeAt(pos)!.attrs, tint: tint === null ? null : { c: tint.c, m: tint.m, y: tint.y, k: tint.k } });
      dispatch(ownStep(tr));
    }
    return true;
  };
}

/** Sets (null: removes) the tint (底纹) of the selection's rows. */
export function setRowTint(tint: Cmyk | null): Command {
  return setTintAt((state) => selectedCells(state).rows, tint);
}

/** Sets (null: removes) the tint of the selection's cells (over its row's tint). */
export function setCellTint(tint: Cmyk | null): Command {
  return setTintAt((state) => selectedCells(state).cells, tint);
}

/** The table settings the panel shows, for the selection's table, column, row and cell. */
export interface TableSettings {
  /** The selection's column's width; null when it shares the room left. */
  readonly columnWidth: ColumnWidth | null;
  readonly cellPaddingPt: number;
  readonly rule: CellRule;
  /** Tint of the selection's (first) row and cell; null for none. */
  readonly rowTint: Cmyk | null;
  readonly cellTint: Cmyk | null;
}

/** The settings of the table around the selection (defaults where unset), or null outside a table. */
export function tableSettings(state: EditorState): TableSettings | null {
  const table = selectedTable(state);
  if (!table) return null;
  // Invalid stored attributes read as the defaults, as the composer sets them.
  const { attrs } = readTableAttrs(table.node.attrs);
  const { cells, rows } = selectedCells(state);
  const tintAt = (pos: number | undefined) => (pos === undefined ? null : readTint(state.doc.nodeAt(pos)?.attrs.tint));
  return {
    columnWidth: attrs.columnWidths[table.column] ?? null,
    cellPaddingPt: attrs.cellPaddingPt ?? DEFAULT_TABLE_ATTRS.cellPaddingPt,
    rule: attrs.rule,
    rowTint: tintAt(rows[0]),
    cellTint: tintAt(cells[0]),
  };
}
