/**
 * Every keyboard shortcut of Folio, in one place: the tables the app's key handlers are built from and the
 * Help ▸ Shortcuts sheet lists. Keys use ProseMirror's notation (`Mod-Shift-s`: Mod is Ctrl, or Cmd on macOS).
 *
 * 1. Each table belongs to a scope (where focus must be): the whole window, the story editor, the page,
 *    the Pages panel, the find panel.
 * 2. `matchesKey` / `findShortcut` test a KeyboardEvent against a key or a table (handlers use these, so a key
 *    changed here changes the handler and the sheet together); the story editor's keymap is built from
 *    `EDITOR_SHORTCUTS` by id.
 * 3. `formatKey` writes a key for people (`Ctrl+Shift+S`); key caps stay as the keyboard prints them.
 * 4. What a shortcut does and where it works are message keys (src-core/i18n/messages): the sheet shows them in
 *    the interface language.
 */
import type { MessageKey } from '../../src-core/i18n/messages/en.js';
import { BLOCK_TYPE_CHOICES } from '../editor/commands.js';

/** Where a shortcut works. */
export type ShortcutScope = 'window' | 'editor' | 'page' | 'pagesPanel' | 'find';

/** One shortcut: an id its handler is looked up by, its keys, what it does (a message key). */
export interface Shortcut {
  readonly id: string;
  readonly keys: readonly string[];
  readonly label: MessageKey;
}

/** A scope's shortcuts, and the scope's name (a message). */
export interface ShortcutTable {
  readonly scope: ShortcutScope;
  readonly title: MessageKey;
  readonly shortcuts: readonly Shortcut[];
}

/** Window-wide shortcuts (App.svelte). Undo/redo here act on the whole document when focus is not in text. */
export const WINDOW_SHORTCUTS: ShortcutTable = {
  scope: 'window',
  title: 'shortcuts.scope.window',
  shortcuts: [
    { id: 'open', keys: ['Mod-o'], label: 'shortcuts.window.open' },
    { id: 'save', keys: ['Mod-s'], label: 'shortcuts.window.save' },
    { id: 'saveAs', keys: ['Mod-Shift-s'], label: 'shortcuts.window.saveAs' },
    { id: 'exportPdf', keys: ['Mod-e'], label: 'shortcuts.window.exportPdf' },
    { id: 'undo', keys: ['Mod-z'], label: 'shortcuts.window.undo' },
    { id: 'redo', keys: ['Mod-Shift-z', 'Mod-y'], label: 'shortcuts.window.redo' },
    { id: 'find', keys: ['Mod-f'], label: 'shortcuts.window.find' },
    { id: 'replace', keys: ['Mod-h'], label: 'shortcuts.window.replace' },
    { id: 'zoomIn', keys: ['Mod-=', 'Mod-+'], label: 'shortcuts.window.zoomIn' },
    { id: 'zoomOut', keys: ['Mod--'], label: 'shortcuts.window.zoomOut' },
    { id: 'fitPage', keys: ['Mod-0'], label: 'shortcuts.window.fitPage' },
    { id: 'actualSize', keys: ['Mod-1'], label: 'shortcuts.window.actualSize' },
    { id: 'toggleGuides', keys: ["Mod-'"], label: 'shortcuts.window.toggleGuides' },
    { id: 'goToPage', keys: ['Mod-g'], label: 'shortcuts.window.goToPage' },
    { id: 'shortcuts', keys: ['F1', 'Mod-/'], label: 'shortcuts.window.shortcuts' },
  ],
};

/** Story editor shortcuts (the ProseMirror keymap, story-editor.ts). */
export const EDITOR_SHORTCUTS: ShortcutTable = {
  scope: 'editor',
  title: 'shortcuts.scope.editor',
  shortcuts: [
    { id: 'undo', keys: ['Mod-z'], label: 'shortcuts.editor.undo' },
    { id: 'redo', keys: ['Mod-Shift-z', 'Mod-y'], label: 'shortcuts.editor.redo' },
    { id: 'bold', keys: ['Mod-b'], label: 'shortcuts.editor.bold' },
    { id: 'emphasis', keys: ['Mod-i'], label: 'shortcuts.editor.emphasis' },
    { id: 'clearLocalFormat', keys: ['Mod-\\'], label: 'shortcuts.editor.clearLocalFormat' },
    { id: 'normalisePunctuation', keys: ['Mod-Alt-p'], label: 'shortcuts.editor.normalisePunctuation' },
    { id: 'comment', keys: ['Mod-Alt-m'], label: 'shortcuts.editor.comment' },
    { id: 'trackChanges', keys: ['Mod-Shift-e'], label: 'shortcuts.editor.trackChanges' },
    { id: 'leaveEditor', keys: ['Escape'], label: 'shortcuts.editor.leaveEditor' },
    ...BLOCK_TYPE_CHOICES.map((choice) => ({ id: `block:${choice.name}`, keys: [`Ctrl-Alt-${choice.key}`], label: `shortcuts.editor.block.${choice.name}` as const })),
  ],
};

/**
 * Page canvas shortcuts (PageCanvas.svelte, when the page has focus). The canvas handles these keys itself;
 * this table is their description for the sheet and must change with it.
 */
export const PAGE_SHORTCUTS: ShortcutTable = {
  scope: 'page',
  title: 'shortcuts.scope.page',
  shortcuts: [
    { id: 'selectNext', keys: [']'], label: 'shortcuts.page.selectNext' },
    { id: 'selectPrevious', keys: ['['], label: 'shortcuts.page.selectPrevious' },
    { id: 'deselect', keys: ['Escape'], label: 'shortcuts.page.deselect' },
    { id: 'selectAll', keys: ['Mod-a'], label: 'shortcuts.page.selectAll' },
    { id: 'nudge', keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'], label: 'shortcuts.page.nudge' },
    { id: 'nudgeGrid', keys: ['Shift-ArrowLeft', 'Shift-ArrowRight', 'Shift-ArrowUp', 'Shift-ArrowDown'], label: 'shortcuts.page.nudgeGrid' },
    { id: 'panPicture', keys: ['Alt-ArrowLeft', 'Alt-ArrowRight', 'Alt-ArrowUp', 'Alt-ArrowDown'], label: 'shortcuts.page.panPicture' },
    { id: 'bringForward', keys: ['Mod-]'], label: 'shortcuts.page.bringForward' },
    { id: 'sendBackward', keys: ['Mod-['], label: 'shortcuts.page.sendBackward' },
    { id: 'rotateClockwise', keys: ['Mod-r'], label: 'shortcuts.page.rotateClockwise' },
    { id: 'rotateCounterclockwise', keys: ['Mod-Shift-r'], label: 'shortcuts.page.rotateCounterclockwise' },
    { id: 'deleteFrame', keys: ['Delete', 'Backspace'], label: 'shortcuts.page.deleteFrame' },
    { id: 'editStory', keys: ['Enter'], label: 'shortcuts.page.editStory' },
    { id: 'pageDown', keys: ['PageDown'], label: 'shortcuts.page.pageDown' },
    { id: 'pageUp', keys: ['PageUp'], label: 'shortcuts.page.pageUp' },
    { id: 'undo', keys: ['Mod-z'], label: 'shortcuts.page.undo' },
    { id: 'redo', keys: ['Mod-Shift-z'], label: 'shortcuts.page.redo' },
  ],
};

/** Pages panel shortcuts (on a focused page). */
export const PAGES_PANEL_SHORTCUTS: ShortcutTable = {
  scope: 'pagesPanel',
  title: 'shortcuts.scope.pagesPanel',
  shortcuts: [
    { id: 'movePageUp', keys: ['Alt-ArrowUp'], label: 'shortcuts.pagesPanel.movePageUp' },
    { id: 'movePageDown', keys: ['Alt-ArrowDown'], label: 'shortcuts.pagesPanel.movePageDown' },
  ],
};

/** Find panel shortcuts (in its fields). */
export const FIND_SHORTCUTS: ShortcutTable = {
  scope: 'find',
  title: 'shortcuts.scope.find',
  shortcuts: [
    { id: 'findNext', keys: ['Enter'], label: 'shortcuts.find.findNext' },
    { id: 'findPrevious', keys: ['Shift-Enter'], label: 'shortcuts.find.findPrevious' },
    { id: 'close', keys: ['Escape'], label: 'shortcuts.find.close' },
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
  // i18n-exempt: a programmer's error (a table names a modifier that does not exist)
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
  if (!found) throw new RangeError(`There is no shortcut "${id}" in the ${table.scope} table.`); // i18n-exempt: a programmer's error
  return found.keys;
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  // i18n-exempt: key caps, as Chinese keyboards print them too
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
