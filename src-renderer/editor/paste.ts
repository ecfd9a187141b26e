/**
 * Paste keeps text and paragraphs only: whatever arrives (web pages, word processors, other stories) becomes
 * plain paragraphs, so pasted fonts, colours, tables and images never reach a story. The block type where the
 * paste lands is kept (pasting into a headline extends the headline).
 *
 * 1. `plainParagraphsSlice` maps any pasted slice to one paragraph per source textblock, text only.
 * 2. `parsePlainText` splits pasted plain text at line breaks into paragraphs (blank lines dropped).
 * Both return slices open on both sides, so the first and last paragraph merge into the surrounding text.
 * 3. `pasteRefusal` turns away pastes too large to set (checked on the raw clipboard, before any parsing).
 * 4. Tables (issue 16): a pasted HTML table (a spreadsheet's copy) stays a table of plain cell texts, and plain
 *    text with tabs between fields (a spreadsheet's plain copy) becomes one; both as a closed slice, so the table
 *    lands as a block of its own after the paragraph it is pasted into.
 * 5. 变栏 (issue 16): a pasted paragraph keeps its column variation (`spanColumns`, `spanFromColumn`,
 *    `sectionColumns`: layout, not formatting), so copy or cut and paste inside the story, or into another
 *    story, moves a straddle head or a section whole; pasted at the start of a paragraph, the first pasted
 *    paragraph's columns go to the paragraph it lands in (`columnsAtPasteStart`).
 */
import { Fragment, Slice, type Node as PmNode, type Schema } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { readColumnVariation } from '../../src-core/model/column-variation.js';
import { BODY_BLOCKS } from '../../src-core/model/story-schema.js';

/** Blocks whose column variation the layout reads (the headline group spans its frame already). */
const BODY = new Set<string>(BODY_BLOCKS);
import type { UiMessage } from '../state/ui-message.js';
import { tableFromRows } from './table-commands.js';

/** The column-variation attrs of a textblock worth keeping in a paste (validated; null when it has none). */
function columnAttrsOf(node: PmNode): Record<string, unknown> | null {
  const { variation } = readColumnVariation(node.attrs);
  if (Object.keys(variation).length === 0) return null;
  return { spanColumns: variation.spanColumns ?? null, spanFromColumn: variation.spanFromColumn ?? null, sectionColumns: variation.sectionColumns ?? null };
}

function openParagraphs(schema: Schema, texts: readonly string[], attrs: readonly (Record<string, unknown> | null)[] = []): Slice {
  const paragraphs = texts.map((t, i) => schema.nodes.paragraph.create(attrs[i] ?? null, t.length > 0 ? schema.text(t) : null));
  if (paragraphs.length === 0) return Slice.empty;
  return new Slice(Fragment.from(paragraphs), 1, 1);
}

/** Text of each textblock in the slice (inline leaves other than text are dropped). */
function textblockTexts(content: Fragment): string[] {
  const texts: string[] = [];
  let loose = '';
  content.forEach(function walk(node: PmNode) {
    if (node.isTextblock) {
      texts.push(node.textBetween(0, node.content.size, undefined, (leaf) => (leaf.type.name === 'hard_break' ? ' ' : '')));
    } else if (node.isText) {
      loose += node.text ?? '';
    } else {
      node.forEach(walk);
    }
  });
  if (loose) texts.unshift(loose);
  return texts;
}

/** Column attrs of each textblock in the slice, in the order `textblockTexts` gives their texts. */
function textblockColumns(content: Fragment): (Record<string, unknown> | null)[] {
  const out: (Record<string, unknown> | null)[] = [];
  let loose = false;
  content.forEach(function walk(node: PmNode) {
    if (node.isTextblock) out.push(columnAttrsOf(node));
    else if (node.isText) loose = true;
    else node.forEach(walk);
  });
  return loose ? [null, ...out] : out;
}

/**
 * Reduces a pasted slice to plain paragraphs (text only, no marks, no other node types; their column variation
 * kept); its tables stay tables.
 */
export function plainParagraphsSlice(slice: Slice, schema: Schema): Slice {
  return plainTablesSlice(slice, schema) ?? openParagraphs(schema, textblockTexts(slice.content), textblockColumns(slice.content));
}

/**
 * The paste of `slice` over the selection as a transaction, when it lands at the start of a paragraph and its
 * first paragraph has column attrs: the landing paragraph takes them (an open slice would otherwise merge
 * into it and keep the landing paragraph's). Null when nothing needs carrying (ProseMirror pastes as usual).
 */
export function columnsAtPasteStart(state: EditorState, slice: Slice): Transaction | null {
  const { $from, $to } = state.selection;
  if (slice.openStart === 0 || $from.parentOffset !== 0 || !$from.sameParent($to) || !$from.parent.isTextblock) return null;
  const first = slice.content.firstChild;
  const attrs = first && first.isTextblock ? columnAttrsOf(first) : null;
  if (!attrs) return null;
  const at = $from.before();
  const tr = state.tr.replaceSelection(slice);
  const landed = tr.doc.nodeAt(at);
  if (!landed || !BODY.has(landed.type.name)) return null;
  return tr.setNodeMarkup(at, undefined, { ...landed.attrs, ...attrs }).scrollIntoView();
}

/** A pasted slice holding tables as plain tables and plain paragraphs, in order (closed); null without a table. */
function plainTablesSlice(slice: Slice, schema: Schema): Slice | null {
  let hasTable = false;
  slice.content.descendants((node) => {
    if (node.type.name === 'table') hasTable = true;
    return !hasTable;
  });
  if (!hasTable) return null;
  const blocks: PmNode[] = [];
  const walk = (node: PmNode) => {
    if (node.type.name === 'table') {
      const rows: string[][] = [];
      node.forEach((row) => {
        const cells: string[] = [];
        row.forEach((cell) => cells.push(textblockTexts(cell.content).join(' ')));
        rows.push(cells);
      });
      const header = typeof node.attrs.headerRows === 'number' ? node.attrs.headerRows : 0;
      blocks.push(tableFromRows(schema, rows, header));
    } else if (node.isTextblock) {
      const text = textblockTexts(node.content).join('') || node.textContent;
      if (text.trim()) blocks.push(schema.nodes.paragraph.create(columnAttrsOf(node), schema.text(text)));
    } else {
      node.forEach(walk);
    }
  };
  slice.content.forEach(walk);
  return new Slice(Fragment.from(blocks), 0, 0);
}

/**
 * Rows of tab-separated text (a spreadsheet's plain-text copy): null unless at least one line has a tab.
 * Blank lines are dropped; each field is trimmed.
 */
export function tabSeparatedRows(text: string): string[][] | null {
  if (!text.includes('\t')) return null;
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim().length > 0);
  if (lines.length === 0) return null;
  return lines.map((l) => l.split('\t').map((f) => f.trim()));
}

/** Parses pasted plain text: one paragraph per non-blank line, surrounding whitespace trimmed; tab-separated text becomes a table. */
export function parsePlainText(text: string, schema: Schema): Slice {
  const rows = tabSeparatedRows(text);
  if (rows) return new Slice(Fragment.from(tableFromRows(schema, rows)), 0, 0);
  const lines = text.split(/\r\n|\r|\n|\u2029/).map((l) => l.trim()).filter((l) => l.length > 0);
  return openParagraphs(schema, lines);
}

/**
 * Longest paste accepted, characters of plain text: a whole book (two novels' worth); composing that many
 * characters takes the composer about a second, anything larger would freeze the window and the page.
 */
export const MAX_PASTE_CHARS = 1_000_000;
/** Clipboard HTML carries markup around its text: it may be this many times longer than the text limit. */
const HTML_MARKUP_FACTOR = 8;

/**
 * Why a paste is refused (a message to show), or null when it may go ahead. Lengths are the clipboard's plain text and HTML
 * lengths in UTF-16 code units (what `DataTransfer.getData` returns), read before anything is parsed.
 */
export function pasteRefusal(plainLength: number, htmlLength: number): UiMessage | null {
  const tooLongText = plainLength > MAX_PASTE_CHARS;
  const tooLongHtml = htmlLength > MAX_PASTE_CHARS * HTML_MARKUP_FACTOR;
  if (!tooLongText && !tooLongHtml) return null;
  const length = Math.max(plainLength, htmlLength);
  // UTF-16 code units are two bytes each: the size the user copied, roughly.
  const mb = (length * 2) / (1024 * 1024);
  return { key: 'storyEditor.pasteTooLarge', values: { length, mb: Math.round(mb), max: MAX_PASTE_CHARS } };
}
