/**
 * No user-visible English left in code: every label, accessible name, title, placeholder and message of a
 * converted file comes from the message catalogues (src-core/i18n/messages). The check reads the Svelte
 * components with Svelte's own parser and the TypeScript files with TypeScript's scanner:
 *
 * 1. markup text and the user-visible attributes (aria-label, title, placeholder, alt, label) may hold no Latin
 *    words but the allowed names and symbols (PDF, ICC, mm, pt, Ctrl…);
 * 2. string literals in scripts and expressions may not read as English prose (two words, or one capitalised
 *    word), except in `import`s, comparisons and the lines that say why they are exempt (`// i18n-exempt: why`,
 *    on the line or the line before).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'svelte/compiler';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** Plain TypeScript files that hold user-visible strings and are converted. */
const CONVERTED_TS_FILES: readonly string[] = [
  'src-renderer/state/shortcuts.ts', 'src-renderer/state/copyfit.ts', 'src-main/ipc/menu.ts',
  'src-renderer/state/session.svelte.ts', 'src-renderer/state/export-run.ts', 'src-renderer/state/findings.ts', 'src-renderer/state/ui-message.ts',
  'src-renderer/state/output-profile.ts', 'src-renderer/state/panel-layout.ts', 'src-renderer/state/style-edits.ts',
  'src-renderer/panels/review-text.ts', 'src-renderer/panels/date-time.ts',
  'src-renderer/editor/commands.ts', 'src-renderer/editor/comments.ts', 'src-renderer/editor/paste.ts', 'src-renderer/editor/story-editor.ts',
  'src-core/preflight/preflight.ts', 'src-renderer/page/place-image.ts',
  'src-renderer/state/document-edits.ts', 'src-renderer/state/arrange.ts', 'src-renderer/state/image-edits.ts', 'src-renderer/state/page-edits.ts',
  'src-renderer/state/font-loading.ts', 'src-renderer/editor/place-text.ts', 'src-renderer/editor/review-mark-views.ts', 'src-core/model/story-schema.ts',
  'src-main/cli.ts',
];

/** Latin words a Chinese interface shows as they are: names of formats and standards, units, key caps. */
const ALLOWED_WORDS = new Set([
  'PDF', 'ICC', 'CMYK', 'RGB', 'JPEG', 'PNG', 'UTF', 'GB18030', 'docx', 'txt', 'icc', 'icm', 'folio', 'Folio', 'Word',
  'mm', 'pt', 'px', 'em', 'ppi', 'ms', 'Ctrl', 'Alt', 'Shift', 'Cmd', 'Mod', 'Option', 'Esc', 'Escape', 'Delete', 'Enter', 'Backspace',
  'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown',
]);
/** Attributes a user reads or hears. */
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description', 'aria-roledescription']);
/** English prose in a string literal: two Latin words in a row, or one capitalised word (`Cancel`). */
const PROSE = /[A-Za-z]{2,}[ ,.:;!?…'’]*[ ,:;!?…]+[A-Za-z]{2,}|^[A-Z][A-Za-z]+[.…:!?]?$/;
/** English in a piece of a template literal: a Latin word beside a space (`${n} errors`, not `page-${i}`). */
const TEMPLATE_PROSE = /\s[A-Za-z]{2,}|[A-Za-z]{2,}\s/;
/** A message key (`find.next`): what `t()` is given, not what the user sees. */
const MESSAGE_KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/;
const EXEMPT = /i18n-exempt: \S/;

/** Latin words of `text` that are not allowed in a Chinese interface. */
function strayWords(text: string): string[] {
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED_WORDS.has(w));
}

/** One literal user-visible string found in a file. */
interface Finding {
  file: string;
  line: number;
  text: string;
}

function lineAt(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length;
}

/** True when the line of `offset`, or the line before it, says why its strings are exempt. */
function exempt(source: string, offset: number): boolean {
  const lineStart = source.lastIndexOf('\n', offset - 1);
  const start = lineStart < 0 ? 0 : source.lastIndexOf('\n', lineStart - 1) + 1;
  const end = source.indexOf('\n', offset);
  return EXEMPT.test(source.slice(start, end < 0 ? undefined : end));
}

/** The string literals of a script (TypeScript's scanner) that read as prose. */
function scriptFindings(file: string, source: string, code: string, offset: number): Finding[] {
  const out: Finding[] = [];
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const parent = node.parent;
      const compared = ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(parent.operatorToken.kind);
      const at = offset + node.getStart(sf);
      const piece = !ts.isStringLiteral(node) && !ts.isNoSubstitutionTemplateLiteral(node);
      const prose = piece ? TEMPLATE_PROSE.test(node.text) : PROSE.test(node.text);
      if (!compared && !MESSAGE_KEY.test(node.text) && prose && strayWords(node.text).length > 0 && !exempt(source, at)) out.push({ file, line: lineAt(source, at), text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Literal user-visible strings in a Svelte component: markup text, visible attributes, literals in its code. */
function svelteFindings(file: string, source: string): Finding[] {
  const out: Finding[] = [];
  const ast = parse(source, { modern: true });
  for (const script of [ast.instance, ast.module]) {
    if (!script) continue;
    const start = (script.content as unknown as { start: number }).start;
    const end = (script.content as unknown as { end: number }).end;
    out.push(...scriptFindings(file, source, source.slice(start, end), start));
  }
  const visit = (node: unknown, attribute: string | null): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child, attribute);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; start?: number; end?: number; data?: string; name?: string; value?: unknown; expression?: unknown };
    if (n.type === 'Text' && n.data !== undefined && n.start !== undefined) {
      const visible = attribute === null || VISIBLE_ATTRIBUTES.has(attribute);
      if (visible && strayWords(n.data).length > 0 && !exempt(source, n.start)) out.push({ file, line: lineAt(source, n.start), text: n.data.trim() });
      return;
    }
    if ((n.type === 'ExpressionTag' || n.type === 'MustacheTag' || n.type === 'ConstTag' || n.type === 'SnippetBlock' || n.type === 'AttachTag') && n.start !== undefined && n.end !== undefined) {
      out.push(...scriptFindings(file, source, `(${source.slice(n.start + 1, n.end - 1).replace(/^@const\s+/, 'const ')})`, n.start));
      if (n.type !== 'SnippetBlock') return;
    }
    if (n.type === 'Attribute') {
      const attrName = n.name ?? '';
      if (attrName.startsWith('on') || attrName === 'class' || attrName === 'id' || attrName === 'style') return;
      visit(n.value, attrName);
      return;
    }
    for (const [key, value] of Object.entries(n)) {
      if (key === 'parent' || key === 'metadata' || key === 'loc') continue;
      visit(value, attribute);
    }
  };
  visit(ast.fragment, null);
  return out;
}

function svelteFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return svelteFiles(rel);
    return entry.name.endsWith('.svelte') ? [rel] : [];
  });
}

/** Every literal user-visible string in `file` (a path from the repository root). */
export function literalStrings(file: string, source = readFileSync(path.join(ROOT, file), 'utf8')): Finding[] {
  return file.endsWith('.svelte') ? svelteFindings(file, source) : scriptFindings(file, source, source, 0);
}

describe('user-visible strings', () => {
  it('come from the message catalogues in every converted file', () => {
    const files = [...svelteFiles('src-renderer'), ...CONVERTED_TS_FILES];
    const findings = files.flatMap((file) => literalStrings(file));
    expect(findings.map((f) => `${f.file}:${f.line}: ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it('are caught when a literal label, title or message is written into a component', () => {
    const component = [
      '<script lang="ts">',
      "  import { t } from '../state/i18n.svelte.js';",
      "  let message = $state('');",
      "  function done(): void { message = 'No matches.'; }",
      "  const kind = 'jump';",
      "  const count = (n: number) => `${n} error${n === 1 ? '' : 's'}`;",
      "  const id = (i: number) => `page-item-${i}`;",
      '</script>',
      '<section aria-label={t("find.region")}>',
      '  <button type="button" title="Find next" onclick={done}>{t("find.next")}</button>',
      '  <p>{kind === "jump" ? "jumps it" : t("find.none")} 12 mm</p>',
      '  <span>Copyfit</span> <span>{count(2)} {id(3)} {"OK"}</span>',
      '  <span aria-label="X (mm)">{"+3"} 行 Ctrl+Z</span>',
      '</section>',
    ].join('\n');
    expect(literalStrings('Probe.svelte', component).map((f) => f.text)).toEqual(['No matches.', ' error', 'Find next', 'jumps it', 'Copyfit', 'OK']);
  });

  it('are caught in plain TypeScript too, except on exempt lines', () => {
    const code = [
      "export const A = { label: 'Select the next frame', keys: ['Escape', 'Shift-ArrowLeft', 'PageDown', 'Mod-Shift-s'] };",
      "throw new RangeError(`There is no shortcut ${id}.`); // i18n-exempt: a programmer's error",
      "if (mode === 'Read only') {}",
    ].join('\n');
    expect(literalStrings('probe.ts', code).map((f) => f.text)).toEqual(['Select the next frame']);
  });
});
