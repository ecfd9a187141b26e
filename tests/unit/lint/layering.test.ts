import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The layering rules of ARCHITECTURE.md live in eslint.config.js; these cases prove they bite.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layering lint rules', () => {
  it('src-core may not import Node, Electron, Svelte or DOM globals', async () => {
    expect(await ruleIdsFor("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'src-core/layout/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor("import { app } from 'electron';\nexport const x = app;\n", 'src-core/model/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor("import { mount } from 'svelte';\nexport const x = mount;\n", 'src-core/text/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor('export const w = window.innerWidth;\n', 'src-core/layout/bad.ts')).toContain('no-restricted-globals');
  }, 60_000);

  it('services may not import electron', async () => {
    expect(await ruleIdsFor("import { dialog } from 'electron';\nexport const d = dialog;\n", 'src-main/services/bad.ts')).toContain('no-restricted-imports');
  }, 60_000);

  it('the renderer may not import Node modules', async () => {
    expect(await ruleIdsFor("import { readFileSync } from 'fs';\nexport const r = readFileSync;\n", 'src-renderer/page/bad.ts')).toContain('no-restricted-imports');
  }, 60_000);

  it('a clean core module passes', async () => {
    expect(await ruleIdsFor('/** Doubles. */\nexport const double = (n: number): number => n * 2;\n', 'src-core/layout/good.ts')).toEqual([]);
  }, 60_000);
});
