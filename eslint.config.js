// ESLint flat config. Besides typescript-eslint and eslint-plugin-svelte it enforces the layering
// of ARCHITECTURE.md: src-core imports nothing from DOM/Node/Electron/Svelte, services never import electron,
// the renderer never imports Node or Electron, and export code never imports the canvas overlay.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const NODE_BUILTINS = [
  'fs', 'fs/promises', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'zlib',
  'stream', 'worker_threads', 'util', 'events', 'buffer', 'process', 'module', 'readline', 'tty',
];
const nodePatterns = ['node:*', ...NODE_BUILTINS];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/artifacts/**', 'build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Layering rule 1: the core is pure TypeScript.
    files: ['src-core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodePatterns, message: 'src-core is pure TypeScript: no Node modules (pass I/O in through an interface).' },
          { group: ['electron', 'electron/*'], message: 'src-core must not import Electron.' },
          { group: ['svelte', 'svelte/*', '*.svelte'], message: 'src-core must not import Svelte.' },
          { group: ['prosemirror-view', '**/src-renderer/**', '**/src-main/**'], message: 'src-core must not depend on the UI or the shell.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'src-core runs without a DOM.' },
        { name: 'document', message: 'src-core runs without a DOM.' },
        { name: 'navigator', message: 'src-core runs without a DOM.' },
        { name: 'process', message: 'src-core runs without Node: pass configuration in.' },
        { name: 'Buffer', message: 'src-core runs without Node: use Uint8Array.' },
        { name: 'require', message: 'src-core is ESM and environment-free.' },
      ],
    },
  },
  {
    // Layering rule 5: services are plain Node, shared by IPC, browser mode and the CLI.
    files: ['src-main/services/**/*.ts', 'src-main/cli.ts', 'src-main/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['electron', 'electron/*'], message: 'services, server and CLI must not import electron (they run in plain Node).' }],
      }],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodePatterns, message: 'The renderer is sandboxed: no Node modules.' },
          { group: ['electron', 'electron/*'], message: 'The renderer reaches the shell only through window.folio (host/).' },
          { group: ['**/src-main/**'], message: 'The renderer talks to main only through the Host interface.' },
        ],
      }],
    },
  },
  {
    // The PDF exporter draws PageLayout only; the overlay (selection, guides) must never reach export.
    files: ['src-core/pdf/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodePatterns, message: 'src-core is pure TypeScript: no Node modules.' },
          { group: ['**/overlay*', '**/src-renderer/**'], message: 'Export draws PageLayout only, never the overlay.' },
        ],
      }],
    },
  },
  {
    // The CLI launcher and the stand-ins for CommonJS packages (bin/): require() is their module system.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    // svelte/no-inner-declarations crashes on CommonJS scopes (eslint-plugin-svelte reads a strictness they lack);
    // it is about Svelte files, and eslint's own rule is not part of the recommended set either.
    rules: { '@typescript-eslint/no-require-imports': 'off', 'svelte/no-inner-declarations': 'off' },
  },
);
