/**
 * Tables in stories (表格: weather boxes, listings, results): the attributes a `table` node, its rows and its
 * cells carry, validated with zod, and the map of which grid slots each cell covers.
 *
 * 1. Attributes are optional plain data on the ProseMirror nodes; an absent attribute is its default (no
 *    header rows, equal columns, 2 pt padding, 0.5 pt solid black rules, no tints, every column left-aligned).
 * 2. `readTableAttrs` validates a table's attrs: invalid data falls back to the defaults with a one-line reason
 *    (the composer reports it; the page is still set).
 * 3. Header cells (a `table_header` node, or any cell starting in one of the header rows) are set in the
 *    template's `tableHead` style when it has one, else in the body style.
 * 4. `tableSlots` walks the rows the way prosemirror-tables' TableMap does: each cell takes the first free slot
 *    of its row, spanning `colspan` columns and `rowspan` rows; slots a rowspan from above fills are skipped.
 */
import { z } from 'zod';
import { CmykSchema, cmykToRgb, type Cmyk } from './colour.js';
import { LineStyleSchema } from './line-style.js';
import type { PmNodeJson } from './frame.js';

/** Most columns a table may have (a results listing seldom needs ten; more cannot be read at 小五 in 13 characters). */
export const MAX_TABLE_COLUMNS = 40;
/** Most header rows repeated at each column or frame top (more would leave no room for the body). */
export const MAX_HEADER_ROWS = 10;
/** Largest cell padding, points (a quarter inch: beyond it the padding is a layout, not a cell's air). */
export const MAX_CELL_PADDING_PT = 18;
/** Default cell padding left and right, points: about 0.7 mm, the usual air between a cell rule and its text. */
export const DEFAULT_CELL_PADDING_PT = 2;
/** Heaviest cell rule, points (a 2 pt rule is a border, not a cell rule). */
export const MAX_CELL_RULE_PT = 2;
/** Default cell rule weight, points: a hairline, like a column rule (TYPOGRAPHY.md §6). */
export const DEFAULT_CELL_RULE_PT = 0.5;
/** Widest column given in characters or millimetres (a broadsheet page is under 400 mm). */
export const MAX_COLUMN_WIDTH = 400;

/**
 * The template paragraph style header cells are set in (表头: usually the bold sans, 黑体) when their paragraphs
 * name no style of their own; a template without it sets header cells in the body style.
 */
export const TABLE_HEAD_STYLE = 'tableHead';

/** How a column's text is set: flush left, centred, flush right, or on the decimal point (numbers). */
export const COLUMN_ALIGNS = ['left', 'center', 'right', 'decimal'] as const;
/** One column alignment (see `COLUMN_ALIGNS`). */
export type ColumnAlign = (typeof COLUMN_ALIGNS)[number];

/** A column's width: in characters of the body size (`chars`) or in millimetres (`mm`). */
export const ColumnWidthSchema = z.union([
  z.object({ chars: z.number().positive().max(MAX_COLUMN_WIDTH) }).strict(),
  z.object({ mm: z.number().positive().max(MAX_COLUMN_WIDTH) }).strict(),
]);
/** A column's width (characters of the body size, or millimetres). */
export type ColumnWidth = z.infer<typeof ColumnWidthSchema>;

/** The rules between cells and round the table. */
export const CellRuleSchema = z.object({
  style: LineStyleSchema,
  weightPt: z.number().min(0).max(MAX_CELL_RULE_PT),
  colour: CmykSchema,
}).strict();
/** Cell rules: a line style, its weight (points; 0 = no rules) and colour. */
export type CellRule = z.infer<typeof CellRuleSchema>;

/** The table's own attributes, each optional (absent = default). */
export const TableAttrsSchema = z.object({
  /** Rows at the top repeated at the head of every later column or frame piece of the table. */
  headerRows: z.number().int().min(0).max(MAX_HEADER_ROWS).nullish(),
  /** Per column, its width; a null entry (or a missing one) shares the room the others leave equally. */
  columnWidths: z.array(ColumnWidthSchema.nullable()).max(MAX_TABLE_COLUMNS).nullish(),
  /** Air between a cell's rules and its text, left and right, points. */
  cellPaddingPt: z.number().min(0).max(MAX_CELL_PADDING_PT).nullish(),
  /** Rules between cells and round the table; absent = 0.5 pt solid black. */
  rule: CellRuleSchema.nullish(),
  /** Per column, how its text is set; missing entries are left. */
  columnAligns: z.array(z.enum(COLUMN_ALIGNS)).max(MAX_TABLE_COLUMNS).nullish(),
}).passthrough();

/** A table's attributes with every default filled in. */
export interface TableAttrs {
  readonly headerRows: number;
  readonly columnWidths: readonly (ColumnWidth | null)[];
  readonly cellPaddingPt: number;
  readonly rule: CellRule;
  readonly columnAligns: readonly ColumnAlign[];
}

/** The attributes of a table none of whose attributes are set. */
export const DEFAULT_TABLE_ATTRS: TableAttrs = Object.freeze({
  headerRows: 0,
  columnWidths: [],
  cellPaddingPt: DEFAULT_CELL_PADDING_PT,
  rule: Object.freeze({ style: 'solid' as const, weightPt: DEFAULT_CELL_RULE_PT, colour: Object.freeze({ c: 0, m: 0, y: 0, k: 1 }) }),
  columnAligns: [],
});

/** Tint of a row or a cell (底纹): absent = none. Validated like a frame's fill. */
export const TintSchema = CmykSchema.nullish();

/**
 * A table's attributes, validated, defaults filled in.
 * @returns the attributes, and a one-line reason when the stored ones were invalid (then all defaults are used)
 */
export function readTableAttrs(attrs: Record<string, unknown> | undefined): { attrs: TableAttrs; error: string | null } {
  const parsed = TableAttrsSchema.safeParse(attrs ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { attrs: DEFAULT_TABLE_ATTRS, error: `Table attribute "${issue.path.join('.')}" is invalid (${issue.message}); the table is set with default settings` };
  }
  const a = parsed.data;
  return {
    attrs: {
      headerRows: a.headerRows ?? DEFAULT_TABLE_ATTRS.headerRows,
      columnWidths: a.columnWidths ?? DEFAULT_TABLE_ATTRS.columnWidths,
      cellPaddingPt: a.cellPaddingPt ?? DEFAULT_TABLE_ATTRS.cellPaddingPt,
      rule: a.rule ?? DEFAULT_TABLE_ATTRS.rule,
      columnAligns: a.columnAligns ?? DEFAULT_TABLE_ATTRS.columnAligns,
    },
    error: null,
  };
}

/** A tint attribute (row or cell), or null when absent or invalid. */
export function readTint(value: unknown): Cmyk | null {
  const parsed = TintSchema.safeParse(value);
  return parsed.success ? parsed.data ?? null : null;
}

/**
 * A tint attribute as a CSS colour for the galley (the documented naive CMYK → RGB, as on the proof), or null
 * when absent or invalid. The page and the PDF draw tints from the layout; this only shows them while editing.
 */
export function tintCss(value: unknown): string | null {
  const tint = readTint(value);
  if (!tint) return null;
  const { r, g, b } = cmykToRgb(tint);
  const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
  return `rgb(${pct(r)} ${pct(g)} ${pct(b)})`;
}

/** Where one cell sits in the table's grid of slots. */
export interface CellSlot {
  /** The cell's node (a `table_cell` or `table_header`). */
  readonly node: PmNodeJson;
  /** Row index of the cell's first row. */
  readonly row: number;
  /** Index of its first column. */
  readonly column: number;
  /** Columns and rows it spans (≥ 1; a rowspan is cut at the table's last row). */
  readonly colspan: number;
  readonly rowspan: number;
}

/** A positive whole number attribute, or 1. */
function spanOf(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 1;
}

/**
 * The slots of a table's cells (see the module summary, step 4), and its column count (the widest row;
 * capped at `MAX_TABLE_COLUMNS`).
 */
export function tableSlots(table: PmNodeJson): { cells: CellSlot[]; rows: number; columns: number } {
  const rows = (table.content ?? []).filter((r) => r.type === 'table_row');
  const cells: CellSlot[] = [];
  // Per column, the first row not covered by a rowspan from above.
  const freeFrom: number[] = [];
  let columns = 0;
  rows.forEach((row, r) => {
    let column = 0;
    for (const node of row.content ?? []) {
      while ((freeFrom[column] ?? 0) > r) column++;
      const colspan = Math.min(spanOf(node.attrs?.colspan), MAX_TABLE_COLUMNS - column);
      if (colspan < 1) break;
      const rowspan = Math.min(spanOf(node.attrs?.rowspan), rows.length - r);
      cells.push({ node, row: r, column, colspan, rowspan });
      for (let c = column; c < column + colspan; c++) freeFrom[c] = r + rowspan;
      column += colspan;
      columns = Math.max(columns, column);
    }
  });
  return { cells, rows: rows.length, columns };
}
