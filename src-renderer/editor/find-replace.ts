/**
 * Find and replace in a story (ProseMirror document).
 *
 * 1. `findMatches` searches each textblock's text on its own (a match never spans two blocks), as the story
 *    will read: text struck by a tracked deletion is left out, so it is never found (replacing it would
 *    re-insert it) and a match may run across it (德[旧]清 matches 德清). Inline leaves (fields, hard breaks)
 *    count as one placeholder character. Each searched character keeps its ProseMirror position, so a match
 *    maps back to [position of its first character, position after its last].
 * 2. `nextMatch` picks the match after (or before) a position, wrapping around the story when asked.
 * 3. `replaceMatchesTr` replaces matches last to first in one transaction (so earlier positions stay valid and
 *    one undo takes them all back); the replacement takes the marks of the text it replaces.
 * 4. `selectedMatch` tells whether the selection is exactly a match (what Replace replaces).
 * 5. `findLocalFormat` finds by format: runs of text with local formatting (any, or a given size or colour).
 */
import type { MarkType, Node as PmNode } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { DELETION_MARK } from '../../src-core/model/change-mark.js';
import type { Cmyk } from '../../src-core/model/colour.js';
import { isEmptyLocalFormat, LOCAL_MARK, parseLocalFormat, sameLocalValue, type LocalFormat } from '../../src-core/model/local-format.js';

/** How to match. */
export interface FindOptions {
  /** Match upper and lower case exactly (Latin text); Chinese has no case. */
  caseSensitive: boolean;
}

/** A match: ProseMirror positions [from, to) in the story document. */
export interface TextMatch {
  from: number;
  to: number;
}

/** Stands for an inline leaf (field, hard break) in a block's searchable text: one position, never matched. */
const LEAF_PLACEHOLDER = '\ufffc';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every occurrence of `query` in the document, in document order (none for an empty query). */
export function findMatches(doc: PmNode, query: string, options: FindOptions): TextMatch[] {
  if (query === '') return [];
  const pattern = new RegExp(escapeRegExp(query), options.caseSensitive ? 'gu' : 'giu');
  const deletion = doc.type.schema.marks[DELETION_MARK];
  const matches: TextMatch[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const { text, positions } = searchableText(node, pos + 1, deletion);
    for (const m of text.matchAll(pattern)) {
      if (m[0].length === 0) continue;
      matches.push({ from: positions[m.index]!, to: positions[m.index + m[0].length - 1]! + 1 });
    }
    return false;
  });
  return matches;
}

/**
 * A textblock's text as it will read (struck text left out, leaves as placeholders), with the ProseMirror
 * position of each UTF-16 unit. `start` is the position of the block's content.
 */
function searchableText(block: PmNode, start: number, deletion: MarkType | undefined): { text: string; positions: number[] } {
  let text = '';
  const positions: number[] = [];
  block.forEach((child, offset) => {
    const at = start + offset;
    if (deletion?.isInSet(child.marks)) return;
    const piece = child.isText ? child.text! : LEAF_PLACEHOLDER;
    for (let i = 0; i < piece.length; i++) positions.push(child.isText ? at + i : at);
    text += piece;
  });
  return { text, positions };
}

/**
 * The first match starting at or after `pos` (direction 1), or the last one ending at or before `pos`
 * (direction −1); with `wrap`, continues from the other end of the story.
 */
export function nextMatch(matches: readonly TextMatch[], pos: number, direction: 1 | -1, wrap: boolean): TextMatch | undefined {
  if (direction > 0) return matches.find((m) => m.from >= pos) ?? (wrap ? matches[0] : undefined);
  for (let i = matches.length - 1; i >= 0; i--) if (matches[i].to <= pos) return matches[i];
  return wrap ? matches.at(-1) : undefined;
}

/** The match the selection covers exactly, if any. */
export function selectedMatch(state: EditorState, matches: readonly TextMatch[]): TextMatch | undefined {
  const { from, to } = state.selection;
  return matches.find((m) => m.from === from && m.to === to);
}

/**
 * A transaction replacing `matches` (from one `findMatches` on `state.doc`) with `replacement`, or null when
 * there are none. An empty replacement deletes.
 */
export function replaceMatchesTr(state: EditorState, matches: readonly TextMatch[], replacement: string): Transaction | null {
  if (matches.length === 0) return null;
  const tr = state.tr;
  for (let i = matches.length - 1; i >= 0; i--) {
    const { from, to } = matches[i];
    if (replacement === '') tr.delete(from, to);
    else tr.replaceWith(from, to, state.schema.text(replacement, state.doc.resolve(from + 1).marks()));
  }
  return tr;
}

/** What "find by format" looks for: any local formatting, or a local size or colour. */
export type FormatQuery = { kind: 'any' } | { kind: 'size'; sizePt: number } | { kind: 'colour'; colour: Cmyk };

/**
 * Runs of text with local formatting that `query` asks for, in document order: adjacent characters of one
 * textblock with the same answer join into one match. Text under a tracked deletion is skipped (as `findMatches`
 * skips it: it is not on the page).
 */
export function findLocalFormat(doc: PmNode, query: FormatQuery): TextMatch[] {
  const deletion = doc.type.schema.marks[DELETION_MARK];
  const local = doc.type.schema.marks[LOCAL_MARK];
  const matches: TextMatch[] = [];
  if (!local) return matches;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let open: TextMatch | null = null;
    node.forEach((child, offset) => {
      const from = pos + 1 + offset;
      const mark = child.isText && !deletion?.isInSet(child.marks) ? local.isInSet(child.marks) : undefined;
      const format = mark ? parseLocalFormat(mark.attrs) : undefined;
      const hit = format !== undefined && formatMatches(format, query);
      if (hit && open && open.to === from) open.to = from + child.nodeSize;
      else if (hit) matches.push((open = { from, to: from + child.nodeSize }));
      else open = null;
    });
    return false;
  });
  return matches;
}

function formatMatches(format: LocalFormat, query: FormatQuery): boolean {
  if (query.kind === 'any') return !isEmptyLocalFormat(format);
  if (query.kind === 'size') return format.sizePt === query.sizePt;
  return format.colour !== undefined && sameLocalValue(format.colour, query.colour);
}
