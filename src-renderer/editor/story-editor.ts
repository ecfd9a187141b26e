/**
 * The story editor's state: a ProseMirror EditorState over the shared `storySchema` with undo history, the
 * Folio keymap, the base keymap and the paste filter. The state belongs to the document session (one per
 * story, so undo history survives switching stories); the EditorView only displays it.
 */
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState, Plugin, type Command } from 'prosemirror-state';
import { tableEditing } from 'prosemirror-tables';
import type { PmNodeJson } from '../../src-core/model/document.js';
import { storySchema } from '../../src-core/model/story-schema.js';
import { BLOCK_TYPE_CHOICES, setBlock, toggleBold, toggleEmphasis } from './commands.js';
import { clearLocalFormat } from './local-format.js';
import { normalisePunctuation } from './normalise-punctuation.js';
import { columnsAtPasteStart, parsePlainText, pasteRefusal, plainParagraphsSlice } from './paste.js';
import { goToNextCell } from './table-commands.js';
import { EDITOR_SHORTCUTS } from '../state/shortcuts.js';
import type { UiMessage } from '../state/ui-message.js';

/**
 * Folio's shortcuts (Mod = Ctrl, or Cmd on macOS): the keys of `EDITOR_SHORTCUTS` (the table the shortcuts
 * sheet lists) bound to their commands by id.
 * @throws RangeError when the table names a command this editor does not have
 */
export function folioKeymap(options: StoryEditorOptions = {}): Record<string, Command> {
  // Commenting asks for the comment's text first: the key opens the session's comment form, over a selection.
  const comment: Command = (state) => {
    if (state.selection.empty || !options.onCommentRequested) return false;
    options.onCommentRequested();
    return true;
  };
  // Tracking is the session's switch, not the story's: the key flips it wherever the caret is.
  const trackChanges: Command = () => {
    if (!options.onTrackChangesToggled) return false;
    options.onTrackChangesToggled();
    return true;
  };
  // Leaving for the page is the session's move (select the story's frame, focus the canvas), not a text edit.
  const leaveEditor: Command = () => {
    if (!options.onLeaveEditor) return false;
    options.onLeaveEditor();
    return true;
  };
  const commands: Record<string, Command> = { undo, redo, bold: toggleBold, emphasis: toggleEmphasis, clearLocalFormat, normalisePunctuation, comment, trackChanges, leaveEditor };
  for (const choice of BLOCK_TYPE_CHOICES) commands[`block:${choice.name}`] = setBlock(choice.name);
  const bindings: Record<string, Command> = {};
  for (const shortcut of EDITOR_SHORTCUTS.shortcuts) {
    const command = commands[shortcut.id];
    // i18n-exempt: a programmer's error (a shortcut table entry without its command), caught by the unit tests
    if (!command) throw new RangeError(`The story editor has no command "${shortcut.id}" for ${shortcut.keys.join(', ')}.`);
    for (const key of shortcut.keys) bindings[key] = command;
  }
  return bindings;
}

/** Plugin: paste keeps text and paragraphs only; a paste too large to set is refused and reported. */
export function plainPastePlugin(onPasteRefused: (message: UiMessage) => void = () => undefined): Plugin {
  return new Plugin({
    props: {
      transformPasted: (slice) => plainParagraphsSlice(slice, storySchema),
      handlePaste: (view, _event, slice) => {
        const tr = columnsAtPasteStart(view.state, slice);
        if (!tr) return false;
        view.dispatch(tr.setMeta('paste', true).setMeta('uiEvent', 'paste'));
        return true;
      },
      clipboardTextParser: (text) => parsePlainText(text, storySchema),
      handleDOMEvents: {
        paste: (_view, event) => {
          const data = event.clipboardData;
          if (!data) return false;
          const refusal = pasteRefusal(data.getData('text/plain').length, data.getData('text/html').length);
          if (refusal === null) return false;
          event.preventDefault();
          onPasteRefused(refusal);
          return true;
        },
      },
    },
  });
}

/** Options of a story's editor state. */
export interface StoryEditorOptions {
  /** Told when a paste is refused (too large), with a message for the user. */
  onPasteRefused?: (message: UiMessage) => void;
  /** Told when the comment key is pressed over a selection (the session opens its comment form). */
  onCommentRequested?: () => void;
  /** Told when the track-changes key is pressed (the session turns tracking on or off). */
  onTrackChangesToggled?: () => void;
  /** Told when Escape is pressed in the text (the session returns focus to the page with the story's frame selected). */
  onLeaveEditor?: () => void;
}

/**
 * Creates the editor state of a story.
 * @throws RangeError when the story JSON does not fit the story schema
 */
export function createStoryEditorState(doc: PmNodeJson, options: StoryEditorOptions = {}): EditorState {
  let node;
  try {
    node = storySchema.nodeFromJSON(doc);
    node.check();
  } catch (err) {
    // i18n-exempt: the host validated the document against the same schema; reaching this is a programmer's error
    throw new RangeError(`This story does not fit Folio's story schema: ${(err as Error).message}`, { cause: err });
  }
  return EditorState.create({
    doc: node,
    // Tab and Shift+Tab move between table cells; tableEditing (cell selections, tables kept well formed) goes
    // last, as prosemirror-tables asks, since it handles mouse and arrow keys in tables broadly.
    plugins: [history(), keymap(folioKeymap(options)), keymap({ Tab: goToNextCell(1), 'Shift-Tab': goToNextCell(-1) }), keymap(baseKeymap), plainPastePlugin(options.onPasteRefused), tableEditing()],
  });
}
