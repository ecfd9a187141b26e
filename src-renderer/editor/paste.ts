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
 */
import { Fragment, Slice, type Node as PmNode, type Schema } from 'prosemirror-model';
import type { UiMessage } from '../state/ui-message.js';
import { tableFromRows } from './table-commands.js';

function openParagraphs(schema: Schema, texts: readonly string[]): Slice {
  const paragraphs = texts.map((t) => schema.nodes.paragraph.create(null, t.length > 0 ? schema.text(t) : null));
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

/** Reduces a pasted slice to plain paragraphs (text only, no marks, no other node types); its tables stay tables. */
export function plainParagraphsSlice(slice: Slice, schema: Schema): Slice {
  return plainTablesSlice(slice, schema) ?? openParagraphs(schema, textblockTexts(slice.content));
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
      if (text.trim()) blocks.push(schema.nodes.paragraph.create(null, schema.text(text)));
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
