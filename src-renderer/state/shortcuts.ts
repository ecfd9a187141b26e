/**
 * Every keyboard shortcut of Folio, in one place: the tables the app's key handlers are built from and the
 * Help ▸ Shortcuts sheet lists. Keys use ProseMirror's notation (`Mod-Shift-s`: Mod is Ctrl, or Cmd on macOS).
 *
 * 1. Each table belongs to a scope (where focus must be): the whole window, the story editor, the page,
 *    the Pages panel, the find panel.
 * 2. `matchesKey` / `findShortcut` test a KeyboardEvent against a key or a table (handlers use these, so a key
 *    changed here changes the handler and the sheet together); the story editor's keymap is built from
 *    `EDITOR_SHORTCUTS` by id.
 * 3. `formatKey` writes a key for people (`Ctrl+Shift+S`).
 */
import { BLOCK_TYPE_CHOICES } from '../editor/commands.js';

/** Where a shortcut works. */
export type ShortcutScope = 'Window' | 'Story editor' | 'Page' | 'Pages panel' | 'Find and replace';

/** One shortcut: an id its handler is looked up by, its keys, what it does. */
export interface Shortcut {
  readonly id: string;
  readonly keys: readonly string[];
  readonly label: string;
}

/** A scope's shortcuts. */
export interface ShortcutTable {
  readonly scope: ShortcutScope;
  readonly shortcuts: readonly Shortcut[];
}

/** Window-wide shortcuts (App.svelte). Undo/redo here act on the whole document when focus is not in text. */
export const WINDOW_SHORTCUTS: ShortcutTable = {
  scope: 'Window',
  shortcuts: [
    { id: 'open', keys: ['Mod-o'], label: 'Open or create a document' },
    { id: 'save', keys: ['Mod-s'], label: 'Save' },
    { id: 'saveAs', keys: ['Mod-Shift-s'], label: 'Save as' },
    { id: 'exportPdf', keys: ['Mod-e'], label: 'Export PDF' },
    { id: 'undo', keys: ['Mod-z'], label: 'Undo the latest change (text or page)' },
    { id: 'redo', keys: ['Mod-Shift-z', 'Mod-y'], label: 'Redo' },
    { id: 'find', keys: ['Mod-f'], label: 'Find in stories' },
    { id: 'replace', keys: ['Mod-h'], label: 'Find and replace' },
    { id: 'zoomIn', keys: ['Mod-=', 'Mod-+'], label: 'Zoom in' },
    { id: 'zoomOut', keys: ['Mod--'], label: 'Zoom out' },
    { id: 'fitPage', keys: ['Mod-0'], label: 'Fit page' },
    { id: 'actualSize', keys: ['Mod-1'], label: 'Actual size (100 %)' },
    { id: 'toggleGuides', keys: ["Mod-'"], label: 'Show or hide guides and rulers' },
    { id: 'shortcuts', keys: ['F1', 'Mod-/'], label: 'Keyboard shortcuts (this sheet)' },
  ],
};

/** Story editor shortcuts (the ProseMirror keymap, story-editor.ts). */
export const EDITOR_SHORTCUTS: ShortcutTable = {
  scope: 'Story editor',
  shortcuts: [
    { id: 'undo', keys: ['Mod-z'], label: 'Undo typing' },
    { id: 'redo', keys: ['Mod-Shift-z', 'Mod-y'], label: 'Redo typing' },
    { id: 'bold', keys: ['Mod-b'], label: 'Bold' },
    { id: 'emphasis', keys: ['Mod-i'], label: 'Emphasis' },
    { id: 'normalisePunctuation', keys: ['Mod-Alt-p'], label: 'Normalise ASCII punctuation in Chinese text' },
    { id: 'comment', keys: ['Mod-Alt-m'], label: 'Comment on the selected text (proofreading)' },
    { id: 'trackChanges', keys: ['Mod-Shift-e'], label: 'Track changes on or off (修改留痕)' },
    ...BLOCK_TYPE_CHOICES.map((choice) => ({ id: `block:${choice.name}`, keys: [`Ctrl-Alt-${choice.key}`], label: `Block type ${choice.label}` })),
  ],
};

/**
 * Page canvas shortcuts (PageCanvas.svelte, when the page has focus). The canvas handles these keys itself;
 * this table is their description for the sheet and must change with it.
 */
export const PAGE_SHORTCUTS: ShortcutTable = {
  scope: 'Page',
  shortcuts: [
    { id: 'selectNext', keys: [']'], label: 'Select the next frame' },
    { id: 'selectPrevious', keys: ['['], label: 'Select the previous frame' },
    { id: 'deselect', keys: ['Escape'], label: 'Select nothing (while threading: cancel)' },
    { id: 'selectAll', keys: ['Mod-a'], label: 'Select every frame on the page' },
    { id: 'nudge', keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'], label: 'Move the selected frames by 1 pt' },
    { id: 'nudgeGrid', keys: ['Shift-ArrowLeft', 'Shift-ArrowRight', 'Shift-ArrowUp', 'Shift-ArrowDown'], label: 'Move the selected frames by one baseline-grid line' },
    { id: 'panPicture', keys: ['Alt-ArrowLeft', 'Alt-ArrowRight', 'Alt-ArrowUp', 'Alt-ArrowDown'], label: 'Pan the picture inside the selected image frame by 1 pt (with Shift: one grid line)' },
    { id: 'bringForward', keys: ['Mod-]'], label: 'Bring the selected frames forward (paint over the next frame)' },
    { id: 'sendBackward', keys: ['Mod-['], label: 'Send the selected frames backward' },
    { id: 'deleteFrame', keys: ['Delete', 'Backspace'], label: 'Delete the selected frame (its story stays)' },
    { id: 'editStory', keys: ['Enter'], label: 'Edit the selected frame’s story' },
    { id: 'pageDown', keys: ['PageDown'], label: 'Next page' },
    { id: 'pageUp', keys: ['PageUp'], label: 'Previous page' },
    { id: 'undo', keys: ['Mod-z'], label: 'Undo (text or page)' },
    { id: 'redo', keys: ['Mod-Shift-z'], label: 'Redo' },
  ],
};

/** Pages panel shortcuts (on a focused page). */
export const PAGES_PANEL_SHORTCUTS: ShortcutTable = {
  scope: 'Pages panel',
  shortcuts: [
    { id: 'movePageUp', keys: ['Alt-ArrowUp'], label: 'Move the page up' },
    { id: 'movePageDown', keys: ['Alt-ArrowDown'], label: 'Move the page down' },
  ],
};

/** Find panel shortcuts (in its fields). */
export const FIND_SHORTCUTS: ShortcutTable = {
  scope: 'Find and replace',
  shortcuts: [
    { id: 'findNext', keys: ['Enter'], label: 'Find next' },
    { id: 'findPrevious', keys: ['Shift-Enter'], label: 'Find previous' },
    { id: 'close', keys: ['Escape'], label: 'Close and return to the story' },
  ],
};

/** Every table, in the order the sheet shows them. */
export const SHORTCUT_TABLES: readonly ShortcutTable[] = [WINDOW_SHORTCUTS, EDITOR_SHORTCUTS, PAGE_SHORTCUTS, PAGES_PANEL_SHORTCUTS, FIND_SHORTCUTS];

/** The parts of a key: modifiers and the key name. */
interface ParsedKey {
  mod: boolean;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

function parseKey(spec: string): ParsedKey {
  // The last part is the key itself, which may be '-' (Mod--).
  const parts = spec.split(/-(?!$)/);
  const key = parts.pop()!;
  const mods = new Set(parts);
  for (const m of mods) if (!['Mod', 'Ctrl', 'Shift', 'Alt'].includes(m)) throw new RangeError(`Unknown modifier "${m}" in shortcut "${spec}".`);
  return { mod: mods.has('Mod'), ctrl: mods.has('Ctrl'), shift: mods.has('Shift'), alt: mods.has('Alt'), key };
}

/** The fields of a KeyboardEvent `matchesKey` reads. */
export type KeyInput = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/**
 * True when `event` is the key `spec`. Mod is Ctrl or Cmd; letters compare case-insensitively (Shift is
 * matched by the flag). Shift is not required to match for punctuation keys typed with Shift (`+`).
 */
export function matchesKey(event: KeyInput, spec: string): boolean {
  const k = parseKey(spec);
  const primary = event.ctrlKey || event.metaKey;
  if ((k.mod || k.ctrl) !== primary || k.alt !== event.altKey) return false;
  const letter = /^[a-z]$/i.test(k.key);
  if (k.shift !== event.shiftKey && (letter || k.shift || k.key.length > 1)) return false;
  return letter ? event.key.toLowerCase() === k.key.toLowerCase() : event.key === k.key;
}

/** The shortcut of `table` that `event` is, if any. */
export function findShortcut(event: KeyInput, table: ShortcutTable): Shortcut | undefined {
  return table.shortcuts.find((s) => s.keys.some((key) => matchesKey(event, key)));
}

/** The keys of shortcut `id` in `table`. @throws RangeError for an unknown id (a handler and its table disagree) */
export function keysOf(table: ShortcutTable, id: string): readonly string[] {
  const found = table.shortcuts.find((s) => s.id === id);
  if (!found) throw new RangeError(`There is no shortcut "${id}" in the ${table.scope} table.`);
  return found.keys;
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc', PageDown: 'Page Down', PageUp: 'Page Up', '-': '−',
};

/** A key for people: `Mod-Shift-s` → `Ctrl+Shift+S` (`Cmd` on macOS when `mac`). */
export function formatKey(spec: string, mac = false): string {
  const k = parseKey(spec);
  const parts: string[] = [];
  if (k.mod) parts.push(mac ? 'Cmd' : 'Ctrl');
  if (k.ctrl) parts.push('Ctrl');
  if (k.alt) parts.push(mac ? 'Option' : 'Alt');
  if (k.shift) parts.push('Shift');
  parts.push(KEY_NAMES[k.key] ?? (k.key.length === 1 ? k.key.toUpperCase() : k.key));
  return parts.join('+');
}
