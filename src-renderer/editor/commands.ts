/**
 * Story editor commands, all of the ProseMirror shape `(state, dispatch?, view?) => boolean`: block types
 * (which only apply where the schema allows the type: body blocks inside `columns`, display blocks outside)
 * and marks.
 */
import { setBlockType, toggleMark } from 'prosemirror-commands';
import type { Command, EditorState } from 'prosemirror-state';
import type { MessageKey } from '../../src-core/i18n/messages/en.js';
import { storySchema } from '../../src-core/model/story-schema.js';

/** Block types offered by the toolbar and the Ctrl+Alt+digit shortcuts, with their labels' message keys. */
export const BLOCK_TYPE_CHOICES = [
  { name: 'paragraph', label: 'storyEditor.block.paragraph', key: '0' },
  { name: 'headline', label: 'storyEditor.block.headline', key: '1' },
  { name: 'kicker', label: 'storyEditor.block.kicker', key: '2' },
  { name: 'subtitle', label: 'storyEditor.block.subtitle', key: '3' },
  { name: 'byline', label: 'storyEditor.block.byline', key: '4' },
  { name: 'subhead', label: 'storyEditor.block.subhead', key: '5' },
  { name: 'caption', label: 'storyEditor.block.caption', key: '6' },
  { name: 'columnTag', label: 'storyEditor.block.columnTag', key: '7' },
  { name: 'pullQuote', label: 'storyEditor.block.pullQuote', key: '8' },
  { name: 'adText', label: 'storyEditor.block.adText', key: '9' },
] as const satisfies readonly { name: string; label: MessageKey; key: string }[];

/** Command: turn the selected textblocks into `typeName` (keeps their `style` attr cleared). */
export function setBlock(typeName: string): Command {
  const type = storySchema.nodes[typeName];
  if (!type) throw new RangeError(`The story schema has no block type "${typeName}".`); // i18n-exempt: a programmer's error (the names are fixed)
  return setBlockType(type, { style: null });
}

/** Command: toggle bold. */
export const toggleBold: Command = toggleMark(storySchema.marks.bold);
/** Command: toggle emphasis. */
export const toggleEmphasis: Command = toggleMark(storySchema.marks.emphasis);

/** The type name of the textblock holding the selection head (what the block-type menu shows). */
export function currentBlockType(state: EditorState): string {
  return state.selection.$head.parent.type.name;
}

/**
 * Command: give the textblocks in the selection a template paragraph style other than their type's own
 * (e.g. a smaller `headline2`), or back to the type's own style with `null`. Only changes the `style` attr.
 */
export function setBlockStyle(styleName: string | null): Command {
  return (state, dispatch) => {
    const { from, to } = state.selection;
    const tr = state.tr;
    state.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isTextblock) return true;
      if (node.attrs.style !== styleName) tr.setNodeMarkup(pos, undefined, { ...node.attrs, style: styleName });
      return false;
    });
    if (!tr.docChanged) return false;
    dispatch?.(tr);
    return true;
  };
}

/** The `style` attr of the textblock holding the selection head (null = the block type's own style). */
export function currentBlockStyle(state: EditorState): string | null {
  return (state.selection.$head.parent.attrs.style as string | null) ?? null;
}
