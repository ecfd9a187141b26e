import { describe, expect, it } from 'vitest';
import { folioKeymap } from '../../../src-renderer/editor/story-editor.js';
import {
  EDITOR_SHORTCUTS, SHORTCUT_TABLES, WINDOW_SHORTCUTS, findShortcut, formatKey, keysOf, matchesKey, type KeyInput,
} from '../../../src-renderer/state/shortcuts.js';

const press = (key: string, mods: Partial<Omit<KeyInput, 'key'>> = {}): KeyInput => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('matching keys', () => {
  it('matches Mod as Ctrl or Cmd, letters in any case, Shift exactly for letters and named keys', () => {
    expect(matchesKey(press('s', { ctrlKey: true }), 'Mod-s')).toBe(true);
    expect(matchesKey(press('s', { metaKey: true }), 'Mod-s')).toBe(true);
    expect(matchesKey(press('S', { ctrlKey: true, shiftKey: true }), 'Mod-s')).toBe(false);
    expect(matchesKey(press('S', { ctrlKey: true, shiftKey: true }), 'Mod-Shift-s')).toBe(true);
    expect(matchesKey(press('s'), 'Mod-s')).toBe(false);
    expect(matchesKey(press('s', { ctrlKey: true, altKey: true }), 'Mod-s')).toBe(false);
    expect(matchesKey(press('Enter', { shiftKey: true }), 'Enter')).toBe(false);
    expect(matchesKey(press('Enter', { shiftKey: true }), 'Shift-Enter')).toBe(true);
    expect(matchesKey(press('F1'), 'F1')).toBe(true);
  });

  it('accepts punctuation typed with Shift, and the minus key', () => {
    expect(matchesKey(press('+', { ctrlKey: true, shiftKey: true }), 'Mod-+')).toBe(true);
    expect(matchesKey(press('-', { ctrlKey: true }), 'Mod--')).toBe(true);
    expect(matchesKey(press('/', { ctrlKey: true }), 'Mod-/')).toBe(true);
  });

  it('finds the shortcut of a table', () => {
    expect(findShortcut(press('h', { ctrlKey: true }), WINDOW_SHORTCUTS)?.id).toBe('replace');
    expect(findShortcut(press('F1'), WINDOW_SHORTCUTS)?.id).toBe('shortcuts');
    expect(findShortcut(press('q', { ctrlKey: true }), WINDOW_SHORTCUTS)).toBeUndefined();
    expect(() => keysOf(WINDOW_SHORTCUTS, 'nope')).toThrow(RangeError);
  });
});

describe('the tables', () => {
  it('the story editor keymap is exactly the editor table', () => {
    expect(Object.keys(folioKeymap()).sort()).toEqual(EDITOR_SHORTCUTS.shortcuts.flatMap((s) => s.keys).sort());
  });

  it('has unique ids and keys per scope, each formatted for people', () => {
    for (const table of SHORTCUT_TABLES) {
      const ids = table.shortcuts.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      const keys = table.shortcuts.flatMap((s) => s.keys);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of keys) expect(formatKey(key)).toMatch(/\S/);
    }
    expect(formatKey('Mod-Shift-s')).toBe('Ctrl+Shift+S');
    expect(formatKey('Mod-Shift-s', true)).toBe('Cmd+Shift+S');
    expect(formatKey('Mod--')).toBe('Ctrl+−');
    expect(formatKey('Alt-ArrowUp')).toBe('Alt+↑');
    expect(() => formatKey('Hyper-x')).toThrow(RangeError);
  });
});
