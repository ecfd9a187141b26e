/**
 * Paste keeps text and paragraphs only: whatever arrives (web pages, word processors, other stories) becomes
 * plain paragraphs, so pasted fonts, colours, tables and images never reach a story. The block type where the
 * paste lands is kept (pasting into a headline extends the headline).
 *
 * 1. `plainParagraphsSlice` maps any pasted slice to one paragraph per source textblock, text only.
 * 2. `parsePlainText` splits pasted plain text at line breaks into paragraphs (blank lines dropped).
 * Both return slices open on both sides, so the first and last paragraph merge into the surrounding text.
 * 3. `pasteRefusal` turns away pastes too large to set (checked on the raw clipboard, before any parsing).
 */
import { Fragment, Slice, type Node as PmNode, type Schema } from 'prosemirror-model';
import type { UiMessage } from '../state/ui-message.js';

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

/** Reduces a pasted slice to plain paragraphs (text only, no marks, no other node types). */
export function plainParagraphsSlice(slice: Slice, schema: Schema): Slice {
  return openParagraphs(schema, textblockTexts(slice.content));
}

/** Parses pasted plain text: one paragraph per non-blank line, surrounding whitespace trimmed. */
export function parsePlainText(text: string, schema: Schema): Slice {
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
