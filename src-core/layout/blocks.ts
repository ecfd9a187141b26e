/**
 * Story blocks: walks a story's ProseMirror JSON into the textblocks the composer sets, with the real
 * ProseMirror positions of every character.
 *
 * 1. Positions: the doc's content starts at 0; a block's opening token counts 1 (a `columns` block's too),
 *    text counts UTF-16 units, `hard_break` and `field` count 1, closing tokens count 1.
 * 2. Regions: the top-level blocks before the first `columns` block — the headline group (kicker, headline,
 *    subtitle, byline, columnTag …), or the whole story when it has no `columns` block (slogan, caption,
 *    masthead, ad text) — span the frame's full width; the `columns` block's content, and anything after
 *    it, flows in columns. The first `columns` block's attrs (count, gutterChars, rule) override the frame's.
 * 3. Pieces: a `hard_break` ends a line inside a block, so each block is split into pieces composed one
 *    by one (later pieces have no first-line indent). A piece's runs carry *virtual* positions from 0 —
 *    one per UTF-16 unit of the text actually set (a field's value is several) — so composed results are
 *    independent of where the paragraph sits in the story and can be cached; `posMap` maps them back.
 * 4. Tracked changes: text under a `deletion` mark is not set (its positions map to the cut), and a block
 *    whose ending paragraph break is deleted is set as one paragraph with the next block of its container,
 *    in the first block's style (the page reads as if the changes were accepted).
 * 5. Tables: a `table` node becomes one block with `table` set (no pieces of its own): its cells, each with the
 *    pieces of its paragraphs (no first-line indent, set in the column's alignment), in row order; header
 *    cells' plain paragraphs take the template's `tableHead` style when it has one (table.ts).
 */
import type { Cmyk } from '../model/colour.js';
import { isBreakDeletedJson, isDeletedJson } from '../model/tracked-change.js';
import type { PmNodeJson } from '../model/document.js';
import { BODY_BLOCKS, DISPLAY_BLOCKS } from '../model/story-schema.js';
import type { InlineRun } from './line.js';
import type { ComposeNotice } from './notice.js';
import type { ResolvedStyle, StyleResolver } from './styles.js';
import { fieldValue, type FieldContext } from './fields.js';
import { sameTextEffects } from './text-effects.js';
import { readTableAttrs, readTint, TABLE_HEAD_STYLE, tableSlots, type ColumnAlign, type TableAttrs } from '../model/table.js';
import { readColumnVariation } from '../model/column-variation.js';

/** One stretch of a piece: `virtualLength` units of set text standing for `pmLength` ProseMirror positions. */
export interface PosSegment {
  virtualFrom: number;
  virtualLength: number;
  pmFrom: number;
  /** Text: equal to `virtualLength`; a field: 1 whatever its value's length. */
  pmLength: number;
}

/** A unit of line breaking: a textblock, or the part of one between hard breaks. */
export interface InlinePiece {
  /** Runs with virtual positions starting at 0. */
  readonly runs: readonly InlineRun[];
  /** Total virtual length (UTF-16 units of set text). */
  readonly virtualLength: number;
  /** ProseMirror range covered: [pmFrom, pmTo]. */
  readonly pmFrom: number;
  readonly pmTo: number;
  readonly posMap: readonly PosSegment[];
  /** First-line indent, points (0 after a hard break). */
  readonly firstLineIndentPt: number;
}

/** A textblock of a story, ready to compose. */
export interface StoryBlock {
  readonly nodeType: string;
  readonly style: ResolvedStyle;
  /** 'span': headline group across the whole frame; 'flow': column flow. */
  readonly region: 'span' | 'flow';
  readonly pieces: readonly InlinePiece[];
  /**
   * 变栏: a body block set across this many of the frame's columns (`'all'`: the full width) instead of one,
   * from the paragraph's `spanColumns` attr; absent for one column (and for the headline group).
   */
  readonly spanColumns?: number | 'all';
  /** 变栏: the first column a `spanColumns` span covers, 0 at the left (absent: 0). */
  readonly spanFromColumn?: number;
  /**
   * 变栏 section: consecutive body blocks with the same count (2–8) are set as one block in that many balanced
   * columns across the columns they span, or inside the column they stand in; absent for plain text.
   */
  readonly sectionColumns?: number;
  /** Set on a table block (its `pieces` are empty: the text is in the cells). */
  readonly table?: TableBlock;
}

/** A paragraph of a table cell, ready to compose (its style has no indent and the column's alignment). */
export interface TableCellParagraph {
  readonly style: ResolvedStyle;
  readonly pieces: readonly InlinePiece[];
}

/** One cell of a table block, where it sits and what it holds. */
export interface TableCellBlock {
  readonly row: number;
  readonly column: number;
  readonly colspan: number;
  readonly rowspan: number;
  /** The cell's tint, else its row's; null for none. */
  readonly tint: Cmyk | null;
  /** How its text is set (its first column's alignment; `decimal` is composed flush left and shifted). */
  readonly align: ColumnAlign;
  readonly paragraphs: readonly TableCellParagraph[];
}

/** A table of a story: validated attributes and its cells in row order. */
export interface TableBlock {
  readonly attrs: TableAttrs;
  readonly rows: number;
  readonly columns: number;
  readonly cells: readonly TableCellBlock[];
  /** ProseMirror position of the table node. */
  readonly pmFrom: number;
}

/** Attributes of the story's `columns` block (nulls: use the frame's). */
export interface ColumnsAttrs {
  count: number | null;
  gutterChars: number | null;
  rule: boolean;
}

/** A story's blocks and column settings. */
export interface StoryContent {
  readonly blocks: readonly StoryBlock[];
  readonly columns: ColumnsAttrs | null;
}

/** Stands for a deleted paragraph break between two blocks set as one (the closing and opening tokens). */
const BREAK_TOKENS: PmNodeJson = { type: 'paragraph_break' };
/** ProseMirror positions of a paragraph break: the first block's closing token and the next one's opening. */
const BREAK_TOKENS_SIZE = 2;

const DISPLAY = new Set<string>(DISPLAY_BLOCKS);
const BODY = new Set<string>(BODY_BLOCKS);

/** Size of a node in ProseMirror positions. */
function nodeSize(node: PmNodeJson): number {
  if (node.type === 'text') return (node.text ?? '').length;
  if (!node.content && (node.type === 'hard_break' || node.type === 'field')) return 1;
  let size = 2;
  for (const child of node.content ?? []) size += nodeSize(child);
  return size;
}

/**
 * Builds pieces from the inline content of textblocks set as one paragraph: `nodes[0]` starting at ProseMirror
 * position `contentFrom`, each next one right after the one before (their deleted paragraph breaks, two
 * positions each, set as nothing).
 */
function collectPieces(
  nodes: readonly PmNodeJson[],
  contentFrom: number,
  style: ResolvedStyle,
  resolver: StyleResolver,
  fields: FieldContext,
  storyId: string,
  onNotice: (n: ComposeNotice) => void,
): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  // The indent is in the style's own (horizontally scaled) em: 长体 body text indents two of its narrow characters.
  const indentPt = style.style.indentEm * style.sizePt * style.scaleX;
  let runs: InlineRun[] = [];
  let posMap: PosSegment[] = [];
  let virtual = 0;
  let pieceFrom = contentFrom;
  let pos = contentFrom;
  const finishPiece = (pmTo: number) => {
    pieces.push({ runs, virtualLength: virtual, pmFrom: pieceFrom, pmTo, posMap, firstLineIndentPt: pieces.length === 0 ? indentPt : 0 });
    runs = [];
    posMap = [];
    virtual = 0;
  };
  const addText = (text: string, marks: PmNodeJson['marks'], pmLength: number) => {
    posMap.push({ virtualFrom: virtual, virtualLength: text.length, pmFrom: pos, pmLength });
    if (text.length > 0) {
      const { font, colour, scaleX, scaleY, sizePt, trackingEm, baselineShiftPt, effects } = resolver.resolveText(style, marks, storyId);
      const last = runs[runs.length - 1];
      if (
        last && last.font === font && sameColour(last.colour, colour) && (last.scaleX ?? 1) === scaleX && (last.scaleY ?? 1) === scaleY
        && last.sizePt === sizePt && last.trackingEm === trackingEm && (last.baselineShiftPt ?? 0) === baselineShiftPt
        && sameTextEffects(last.effects, effects)
      ) {
        runs[runs.length - 1] = { ...last, text: last.text + text };
      } else {
        runs.push({
          text, fromPos: virtual, font, sizePt, colour, trackingEm, ...runScale(scaleX, scaleY),
          ...(baselineShiftPt !== 0 ? { baselineShiftPt } : {}), ...(effects ? { effects } : {}),
        });
      }
    }
    virtual += text.length;
    pos += pmLength;
  };
  const children = nodes.flatMap((node, i) => (i === 0 ? node.content ?? [] : [BREAK_TOKENS, ...(node.content ?? [])]));
  for (const child of children) {
    if (child === BREAK_TOKENS) {
      addText('', undefined, BREAK_TOKENS_SIZE);
    } else if (isDeletedJson(child.marks)) {
      // A tracked deletion stays in the story but is not set: its positions map to where it was cut.
      addText('', undefined, child.type === 'text' ? (child.text ?? '').length : nodeSize(child));
    } else if (child.type === 'text') {
      addText(child.text ?? '', child.marks, (child.text ?? '').length);
    } else if (child.type === 'hard_break') {
      finishPiece(pos);
      pos += 1;
      pieceFrom = pos;
    } else if (child.type === 'field') {
      const name = typeof child.attrs?.name === 'string' ? child.attrs.name : 'date';
      const value = fieldValue(name, fields);
      if (value === undefined) onNotice({ code: 'missing-field', message: `Field "${name}" has no value in this issue; it is set empty`, storyId, key: 'preflight.finding.missingField', values: { field: name } });
      addText(value ?? '', child.marks, 1);
    } else {
      onNotice({ code: 'unknown-block', message: `Inline node "${child.type}" is not in the story schema; skipped`, storyId });
      pos += nodeSize(child);
    }
  }
  finishPiece(pos);
  return pieces;
}

/**
 * Collects a story's textblocks in document order with their styles, regions and positions.
 * Unknown block types are set in the body style (with an 'unknown-block' notice) so no text is lost.
 */
export function collectBlocks(
  doc: PmNodeJson,
  storyId: string,
  resolver: StyleResolver,
  fields: FieldContext,
  onNotice: (n: ComposeNotice) => void,
): StoryContent {
  const blocks: StoryBlock[] = [];
  let columns: ColumnsAttrs | null = null;
  let beforeColumns = true;
  /** Sets `group` (textblocks joined by deleted breaks, the first at `start`) as one block. */
  const addTextblocks = (group: readonly PmNodeJson[], start: number) => {
    const node = group[0]!;
    let type = node.type;
    if (!DISPLAY.has(type) && !BODY.has(type)) {
      onNotice({ code: 'unknown-block', message: `Block type "${type}" is not in the story schema; set as a paragraph`, storyId });
      type = 'paragraph';
    }
    const style = resolver.resolveParagraph(type, node.attrs?.style, storyId);
    const pieces = collectPieces(group, start + 1, style, resolver, fields, storyId, onNotice);
    let variation = {};
    if (!beforeColumns) {
      const read = readColumnVariation(node.attrs);
      if (read.error) onNotice({ code: 'invalid-style', message: read.error, storyId });
      variation = read.variation;
    }
    blocks.push({ nodeType: type, style, region: beforeColumns ? 'span' : 'flow', pieces, ...variation });
  };
  /** Sets a table node at `start` as one table block. */
  const addTable = (node: PmNodeJson, start: number) => {
    const { attrs, error } = readTableAttrs(node.attrs);
    if (error) onNotice({ code: 'invalid-style', message: error, storyId });
    // Where each cell node starts, and each row's tint.
    const cellPos = new Map<PmNodeJson, number>();
    const rowTint = new Map<PmNodeJson, Cmyk | null>();
    let rowAt = start + 1;
    for (const row of node.content ?? []) {
      let cellAt = rowAt + 1;
      const tint = readTint(row.attrs?.tint);
      for (const cell of row.content ?? []) {
        cellPos.set(cell, cellAt);
        rowTint.set(cell, tint);
        cellAt += nodeSize(cell);
      }
      rowAt += nodeSize(row);
    }
    const slots = tableSlots(node);
    // Cells of a column share their paragraphs' resolved style: a 300-row table resolves three, not 900.
    const styles = new Map<string, ResolvedStyle>();
    const cellStyle = (type: string, name: unknown, align: ColumnAlign): ResolvedStyle => {
      const key = `${type}\u0000${typeof name === 'string' ? name : ''}\u0000${align}`;
      let style = styles.get(key);
      if (!style) {
        const resolved = resolver.resolveParagraph(type, name, storyId);
        style = { ...resolved, style: { ...resolved.style, indentEm: 0, align: align === 'decimal' ? 'left' : align } };
        styles.set(key, style);
      }
      return style;
    };
    // Header cells without a style of their own take the template's table-head style, when it has one.
    const headStyle = Object.hasOwn(resolver.template.paragraphStyles, TABLE_HEAD_STYLE) ? TABLE_HEAD_STYLE : null;
    const cells: TableCellBlock[] = slots.cells.map((slot) => {
      const align = attrs.columnAligns[slot.column] ?? 'left';
      const paragraphs: TableCellParagraph[] = [];
      const header = slot.node.type === 'table_header' || slot.row < attrs.headerRows;
      let at = cellPos.get(slot.node)! + 1;
      for (const para of slot.node.content ?? []) {
        const type = BODY.has(para.type) || DISPLAY.has(para.type) ? para.type : 'paragraph';
        const own = para.attrs?.style;
        const named = typeof own === 'string' && own !== '' ? own : header && type === 'paragraph' ? headStyle : own;
        const style = cellStyle(type, named, align);
        paragraphs.push({ style, pieces: collectPieces([para], at + 1, style, resolver, fields, storyId, onNotice) });
        at += nodeSize(para);
      }
      return { row: slot.row, column: slot.column, colspan: slot.colspan, rowspan: slot.rowspan, tint: readTint(slot.node.attrs?.tint) ?? rowTint.get(slot.node) ?? null, align, paragraphs };
    });
    const body = resolver.resolveParagraph('paragraph', undefined, storyId);
    blocks.push({ nodeType: 'table', style: body, region: beforeColumns ? 'span' : 'flow', pieces: [], table: { attrs, rows: slots.rows, columns: slots.columns, cells, pmFrom: start } });
  };
  /** Sets a container's textblocks from `start`, joining those whose breaks are deleted to the next one. */
  const addSiblings = (siblings: readonly PmNodeJson[], start: number) => {
    let at = start;
    for (let i = 0; i < siblings.length;) {
      if (siblings[i]!.type === 'table') {
        addTable(siblings[i]!, at);
        at += nodeSize(siblings[i]!);
        i++;
        continue;
      }
      const group = [siblings[i]!];
      while (isBreakDeletedJson(group[group.length - 1]!) && i + group.length < siblings.length && siblings[i + group.length]!.type !== 'table') {
        group.push(siblings[i + group.length]!);
      }
      addTextblocks(group, at);
      for (const node of group) at += nodeSize(node);
      i += group.length;
    }
  };
  let pos = 0;
  const top = doc.content ?? [];
  for (let i = 0; i < top.length;) {
    const node = top[i]!;
    if (node.type === 'columns') {
      beforeColumns = false;
      if (!columns) {
        const a = node.attrs ?? {};
        columns = {
          count: typeof a.count === 'number' && a.count >= 1 ? Math.floor(a.count) : null,
          gutterChars: typeof a.gutterChars === 'number' && a.gutterChars >= 0 ? a.gutterChars : null,
          rule: a.rule === true,
        };
      }
      addSiblings(node.content ?? [], pos + 1);
      pos += nodeSize(node);
      i++;
      continue;
    }
    // The top-level textblocks up to the next `columns` block (or the end) are siblings that may join.
    let end = i;
    while (end < top.length && top[end]!.type !== 'columns') end++;
    const run = top.slice(i, end);
    addSiblings(run, pos);
    for (const n of run) pos += nodeSize(n);
    i = end;
  }
  return { blocks, columns };
}

/** ProseMirror position of virtual position `v` in a piece (a position inside a field's value maps past it). */
export function pmPosAt(piece: InlinePiece, v: number): number {
  if (v <= 0) return piece.pmFrom;
  if (v >= piece.virtualLength) return piece.pmTo;
  for (const seg of piece.posMap) {
    if (v < seg.virtualFrom + seg.virtualLength) {
      return seg.pmLength === seg.virtualLength ? seg.pmFrom + (v - seg.virtualFrom) : seg.pmFrom + (v > seg.virtualFrom ? 1 : 0);
    }
  }
  return piece.pmTo;
}

/** Virtual position of ProseMirror position `pm` in a piece (a field maps to its start). */
export function virtualPosAt(piece: InlinePiece, pm: number): number {
  if (pm <= piece.pmFrom) return 0;
  if (pm >= piece.pmTo) return piece.virtualLength;
  for (const seg of piece.posMap) {
    if (pm < seg.pmFrom + seg.pmLength) {
      return seg.pmLength === seg.virtualLength ? seg.virtualFrom + (pm - seg.pmFrom) : seg.virtualFrom;
    }
  }
  return piece.virtualLength;
}

/** Same colour: the same object (styles share theirs), or equal components (local overrides are parsed per mark). */
function sameColour(a: Cmyk, b: Cmyk): boolean {
  return a === b || (a.c === b.c && a.m === b.m && a.y === b.y && a.k === b.k);
}

/** The scale fields of an input run: only those that are not 1, so unscaled runs keep their old shape. */
export function runScale(scaleX: number, scaleY: number): { scaleX?: number; scaleY?: number } {
  if (scaleX === 1 && scaleY === 1) return {};
  if (scaleY === 1) return { scaleX };
  if (scaleX === 1) return { scaleY };
  return { scaleX, scaleY };
}
