/**
 * Paste keeps text and paragraphs only: whatever arrives (web pages, word processors, other stories) becomes
 * plain paragraphs, so pasted fonts, colours, tables and images never reach a story. The block type where the
 * paste lands is kept (pasting into a headline extends the headline).
 *
 * 1. `plainParagraphsSlice` maps any pasted slice to one paragraph per source textblock, text only.
 * 2. `parsePlainText` splits pasted plain text at line breaks into paragraphs (blank lines dropped).
 * Both return slices open on both sides, so the first and last paragraph merge into the surrounding text.
 */
import { Fragment, Slice, type Node as PmNode, type Schema } from 'prosemirror-model';

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
