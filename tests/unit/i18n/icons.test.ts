/**
 * Icons are drawn (panels/Icon.svelte), never emoji: a desktop without an emoji font (Debian's chromium here)
 * shows an empty box for ⛔ or 📁. No component, renderer module or message may hold an emoji-like character.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
/** Characters that fonts draw as emoji (pictographs; ⛔ ⚠ 📁 ⬇ ✏ …). */
const EMOJI = /\p{Extended_Pictographic}/gu;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.(svelte|ts|css)$/.test(entry.name) ? [rel] : [];
  });
}

/** `file:line: char` for every emoji-like character in `text`. */
function emojiIn(file: string, text: string): string[] {
  return [...text.matchAll(EMOJI)].map((m) => `${file}:${text.slice(0, m.index).split('\n').length}: ${m[0]} U+${m[0].codePointAt(0)!.toString(16).toUpperCase()}`);
}

describe('interface icons', () => {
  it('are never emoji characters in the renderer or the message catalogues', () => {
    const files = [...sourceFiles('src-renderer'), 'src-core/i18n/messages/en.ts', 'src-core/i18n/messages/zh-CN.ts'];
    expect(files.flatMap((file) => emojiIn(file, readFileSync(path.join(ROOT, file), 'utf8')))).toEqual([]);
  });

  it('are caught when one is written in', () => {
    expect(emojiIn('Probe.svelte', '<span>⛔</span>\n<button>📁 docs</button> ✕ ✓ …')).toEqual(['Probe.svelte:1: ⛔ U+26D4', 'Probe.svelte:2: 📁 U+1F4C1']);
  });
});
