/**
 * "Normalise ASCII punctuation in Chinese text" (TYPOGRAPHY.md §2): , ; : ? ! ( ) typed in Chinese prose
 * become ， ； ： ？ ！ （ ）. URLs, e-mail addresses, decimals (3,5 / 2.0), versions and Latin text are left alone.
 *
 * The pure normaliser lives in src-core/text/ascii-punctuation.ts (Place text uses it too); this is its editor command.
 *
 * 1. `protectedRanges` finds URLs and e-mail addresses, which are never touched.
 * 2. `normaliseAsciiPunctuation` scans left to right over the text (already-normalised marks count as Chinese
 *    context for their neighbours): , ; : ? ! change when the character before is Chinese and the one after is
 *    Chinese or the end of the text; a ( … ) pair changes when its content holds Chinese and a Chinese
 *    character touches it from outside or opens its content.
 * 3. Every change maps one UTF-16 unit to one, so ProseMirror positions never shift: the command replaces
 *    characters in place and keeps their marks.
 */
import type { Command } from 'prosemirror-state';
import { normaliseAsciiPunctuation } from '../../src-core/text/ascii-punctuation.js';

export { FULL_WIDTH, isCjk, normaliseAsciiPunctuation, protectedRanges, type PunctuationChange } from '../../src-core/text/ascii-punctuation.js';

/**
 * The editor command: normalises every textblock of the selection (or of the whole story when the selection
 * is empty). Marks are kept; positions do not shift. Returns false when there is nothing to change.
 */
export const normalisePunctuation: Command = (state, dispatch) => {
  const { from, to, empty } = state.selection;
  const start = empty ? 0 : from;
  const end = empty ? state.doc.content.size : to;
  const tr = state.tr;
  state.doc.nodesBetween(start, end, (node, pos) => {
    if (!node.isTextblock) return true;
    // Work on the whole block's text so context crosses text-node (mark) boundaries; leaf nodes count as one unit.
    const blockText = node.textBetween(0, node.content.size, undefined, '\ufffc');
    const { changes } = normaliseAsciiPunctuation(blockText);
    for (const c of changes) {
      const at = pos + 1 + c.offset;
      if (at < start || at >= end) continue;
      const marks = state.doc.resolve(at + 1).marks();
      tr.replaceWith(at, at + 1, state.schema.text(c.to, marks));
    }
    return false;
  });
  if (!tr.docChanged) return false;
  dispatch?.(tr.scrollIntoView());
  return true;
};
