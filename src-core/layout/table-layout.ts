/**
 * Table layout: the geometry of a table block at one measure — column widths, each cell's composed lines,
 * row heights and the bands of rows that never split. The story flow (flow.ts) places the bands into columns
 * and frames and draws tints, rules and lines from this.
 *
 * 1. Column widths: a width in characters is that many body ems, one in millimetres is converted; columns
 *    without a width share what the others leave equally (at least one body em each). The table always spans
 *    the measure: widths that add up to more or less are scaled to it.
 * 2. Cells: each paragraph of a cell is composed by the caller's composer (the same CJK line breaker as the
 *    body) at the cell's width less the padding on both sides; a cell's depth is the sum of its lines' grid cells.
 * 3. Rows: a row is as deep as its deepest single-row cell, rounded up to whole grid lines when every line in
 *    it snaps to the grid; a cell spanning rows that is deeper than its rows deepens the last of them.
 * 4. Bands: rows joined by a rowspan form one band; a band is never split across columns or frames (a row
 *    never splits). The header band covers the table's header rows (extended to a band boundary).
 * 5. Decimal columns: each line is shifted so its decimal point (or, without one, its end) lines up with the
 *    column's other lines, the longest fraction flush right.
 */
import { mmToPt } from '../model/units.js';
import type { TableAttrs } from '../model/table.js';
import type { ComposedLine } from './line.js';
import type { InlinePiece, TableBlock, TableCellBlock } from './blocks.js';
import type { ResolvedStyle } from './styles.js';

/** Slack when comparing grid cells. */
const CELL_EPSILON = 1e-6;
/** Characters taken as the decimal point of a number in a decimal column (ASCII, full-width, middle dot). */
const DECIMAL_POINTS = new Set(['.', '．', '·']);

/** One composed line of a cell, with what the flow needs to emit it. */
export interface CellLine<C> {
  readonly piece: InlinePiece;
  readonly style: ResolvedStyle;
  readonly comp: C;
  readonly lineIndex: number;
  /** Grid cells from the row's top to this line's top. */
  readonly offsetCells: number;
  /** Grid cells the line takes. */
  readonly cells: number;
  /** Whether it starts its paragraph (for the text layer). */
  readonly firstOfParagraph: boolean;
  /** Extra shift right of a decimal-column line, points. */
  readonly shiftPt: number;
}

/** A cell at this measure. */
export interface CellGeometry<C> {
  readonly cell: TableCellBlock;
  /** Left edge from the table's left, points, and width (spanned columns), points. */
  readonly xPt: number;
  readonly widthPt: number;
  readonly lines: readonly CellLine<C>[];
}

/** A table block laid out at one measure. */
export interface TableGeometry<C> {
  readonly widthPt: number;
  readonly columnWidthsPt: readonly number[];
  /** Per row: its depth in grid cells. */
  readonly rowCells: readonly number[];
  /** Bands of rows [fromRow, toRow), in order. */
  readonly bands: readonly (readonly [number, number])[];
  /** Bands at the head that are header rows (repeated at each new column or frame piece). */
  readonly headerBands: number;
  readonly cells: readonly CellGeometry<C>[];
  /** Per row: indices into `cells` of the cells that start in it. */
  readonly cellsByRow: readonly (readonly number[])[];
}

/** How the caller composes a piece and measures its lines. */
export interface CellComposer<C> {
  compose(piece: InlinePiece, style: ResolvedStyle, widthPt: number): C;
  lines(comp: C): readonly ComposedLine[];
  /** Grid cells a line takes (fractional when the style does not snap). */
  cellsOf(style: ResolvedStyle, line: ComposedLine): number;
}

/**
 * Column widths of a table across `widthPt` (step 1), points.
 * @param bodyEmPt the body size, points (a width in characters is that many of it)
 */
export function columnWidthsPt(attrs: TableAttrs, columns: number, widthPt: number, bodyEmPt: number): number[] {
  if (columns === 0) return [];
  const given = Array.from({ length: columns }, (_, i) => {
    const w = attrs.columnWidths[i];
    if (!w) return null;
    return 'chars' in w ? w.chars * bodyEmPt : mmToPt(w.mm);
  });
  const fixedPt = given.reduce<number>((sum, w) => sum + (w ?? 0), 0);
  const free = given.filter((w) => w === null).length;
  const sharePt = free > 0 ? Math.max(bodyEmPt, (widthPt - fixedPt) / free) : 0;
  const widths = given.map((w) => w ?? sharePt);
  const total = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => (w * widthPt) / total);
}

/** The decimal point's x in a line (relative to its start), else its end. */
function decimalXPt(line: ComposedLine): number {
  for (const run of line.runs) for (const g of run.glyphs) if (DECIMAL_POINTS.has(g.text)) return g.xPt;
  return line.caretXPt[line.caretXPt.length - 1] ?? 0;
}

/**
 * Lays a table block out at `widthPt` (see the module summary).
 * @param bodyEmPt the body size, points
 */
export function layoutTable<C>(table: TableBlock, widthPt: number, bodyEmPt: number, composer: CellComposer<C>): TableGeometry<C> {
  const { attrs } = table;
  const widths = columnWidthsPt(attrs, table.columns, widthPt, bodyEmPt);
  const lefts: number[] = [];
  widths.reduce((x, w, i) => ((lefts[i] = x), x + w), 0);
  const padPt = attrs.cellPaddingPt;
  const rowCells = new Array<number>(table.rows).fill(0);
  const rowSnaps = new Array<boolean>(table.rows).fill(true);
  const cells: CellGeometry<C>[] = [];
  const depths: number[] = [];
  for (const cell of table.cells) {
    const xPt = lefts[cell.column] ?? 0;
    const cellWidthPt = widths.slice(cell.column, cell.column + cell.colspan).reduce((a, b) => a + b, 0);
    const innerPt = Math.max(0, cellWidthPt - 2 * padPt);
    const lines: CellLine<C>[] = [];
    let depth = 0;
    for (const para of cell.paragraphs) {
      para.pieces.forEach((piece, pi) => {
        const comp = composer.compose(piece, para.style, innerPt);
        composer.lines(comp).forEach((line, li) => {
          const need = composer.cellsOf(para.style, line);
          lines.push({ piece, style: para.style, comp, lineIndex: li, offsetCells: depth, cells: need, firstOfParagraph: pi === 0 && li === 0, shiftPt: 0 });
          depth += need;
        });
      });
      if (!para.style.style.snapToGrid) rowSnaps[cell.row] = false;
    }
    cells.push({ cell, xPt, widthPt: cellWidthPt, lines });
    depths.push(depth);
    if (cell.rowspan === 1) rowCells[cell.row] = Math.max(rowCells[cell.row]!, depth);
  }
  for (let r = 0; r < table.rows; r++) if (rowSnaps[r]) rowCells[r] = Math.ceil(rowCells[r]! - CELL_EPSILON);
  // Cells spanning rows deepen the last of their rows when their rows are too shallow for them.
  table.cells.forEach((cell, i) => {
    if (cell.rowspan === 1) return;
    let rows = 0;
    for (let r = cell.row; r < cell.row + cell.rowspan; r++) rows += rowCells[r]!;
    const last = cell.row + cell.rowspan - 1;
    if (depths[i]! > rows + CELL_EPSILON) rowCells[last] = rowCells[last]! + (rowSnaps[last] ? Math.ceil(depths[i]! - rows - CELL_EPSILON) : depths[i]! - rows);
  });
  const bands = rowBands(table);
  let headerBands = 0;
  if (attrs.headerRows > 0) while (headerBands < bands.length && bands[headerBands]![0] < attrs.headerRows) headerBands++;
  // A table of header rows only has nothing to repeat them over.
  if (headerBands >= bands.length) headerBands = 0;
  const cellsByRow: number[][] = Array.from({ length: table.rows }, () => []);
  cells.forEach((g, i) => cellsByRow[g.cell.row]?.push(i));
  return { widthPt, columnWidthsPt: widths, rowCells, bands, headerBands, cells: alignDecimals(cells, padPt, composer), cellsByRow };
}

/** Bands of rows joined by rowspans (step 4). */
function rowBands(table: TableBlock): [number, number][] {
  const reach = new Array<number>(table.rows).fill(0);
  for (const cell of table.cells) reach[cell.row] = Math.max(reach[cell.row]!, cell.row + cell.rowspan);
  const bands: [number, number][] = [];
  let from = 0;
  let end = 0;
  for (let r = 0; r < table.rows; r++) {
    end = Math.max(end, reach[r]!, r + 1);
    if (end === r + 1) {
      bands.push([from, end]);
      from = end;
    }
  }
  return bands;
}

/** Shifts the lines of decimal-column cells so their decimal points line up (step 5). */
function alignDecimals<C>(cells: CellGeometry<C>[], padPt: number, composer: CellComposer<C>): CellGeometry<C>[] {
  // Per column: the widest part after the decimal point, over its single-column cells.
  const afterPt = new Map<number, number>();
  const lineOf = (l: CellLine<C>) => composer.lines(l.comp)[l.lineIndex]!;
  for (const g of cells) {
    if (g.cell.align !== 'decimal' || g.cell.colspan !== 1) continue;
    for (const l of g.lines) {
      const line = lineOf(l);
      const after = (line.caretXPt[line.caretXPt.length - 1] ?? 0) - decimalXPt(line);
      afterPt.set(g.cell.column, Math.max(afterPt.get(g.cell.column) ?? 0, after));
    }
  }
  return cells.map((g) => {
    const after = afterPt.get(g.cell.column);
    if (after === undefined || g.cell.colspan !== 1) return g;
    const pointPt = g.widthPt - 2 * padPt - after;
    return { ...g, lines: g.lines.map((l) => ({ ...l, shiftPt: Math.max(0, pointPt - decimalXPt(lineOf(l))) })) };
  });
}
