import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WORKSPACE_DIR_NAME, ensureDefaultWorkspace } from '../../../src-main/services/default-workspace.js';
import { REPO_ROOT, SAMPLE_BYTES, SAMPLE_PATH, TEMPLATES_DIR, tempDir } from './helpers.js';

const SAMPLES_DIR = path.join(TEMPLATES_DIR, 'samples');
const SAMPLE_NAME = path.basename(SAMPLE_PATH);
let home: { dir: string; cleanup: () => void };

beforeEach(() => {
  home = tempDir('folio-home-');
});
afterEach(() => home.cleanup());

describe('the default workspace (~/Folio)', () => {
  it('is made on first start with the sample copied in', async () => {
    const made = await ensureDefaultWorkspace({ homeDir: home.dir, samplesDir: SAMPLES_DIR });
    expect(made.root).toBe(path.join(home.dir, DEFAULT_WORKSPACE_DIR_NAME));
    expect(made.copied).toEqual([path.join(made.root, SAMPLE_NAME)]);
    expect(new Uint8Array(readFileSync(path.join(made.root, SAMPLE_NAME)))).toEqual(SAMPLE_BYTES);
    expect(readdirSync(made.root)).toEqual([SAMPLE_NAME]); // no temp file left behind
  });

  it('never overwrites a file already there, and keeps the user\'s other files', async () => {
    const root = path.join(home.dir, DEFAULT_WORKSPACE_DIR_NAME);
    mkdirSync(root);
    writeFileSync(path.join(root, SAMPLE_NAME), 'my edited copy');
    writeFileSync(path.join(root, 'A02.folio'), 'another page');
    const made = await ensureDefaultWorkspace({ homeDir: home.dir, samplesDir: SAMPLES_DIR });
    expect(made.copied).toEqual([]);
    expect(readFileSync(path.join(root, SAMPLE_NAME), 'utf8')).toBe('my edited copy');
    expect(readdirSync(root).sort()).toEqual(['A02.folio', SAMPLE_NAME].sort());
  });

  it('fails with a message naming the folder when it cannot be made', async () => {
    writeFileSync(path.join(home.dir, DEFAULT_WORKSPACE_DIR_NAME), 'a file in the way');
    await expect(ensureDefaultWorkspace({ homeDir: home.dir, samplesDir: SAMPLES_DIR })).rejects.toThrow(/is a file, not a folder/);
  });

  it('is what `folio serve` uses without --root (HOME decides), not the current folder', async () => {
    const cwd = tempDir('folio-cwd-');
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'folio.cjs'), 'serve', '--port', '0'], { cwd: cwd.dir, env: { ...process.env, HOME: home.dir } });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (/Folio browser mode: http:\/\/\S+\n/.test(out)) resolve();
        });
        child.on('exit', (code) => reject(new Error(`serve exited early (${code}): ${out}`)));
      });
      const root = path.join(home.dir, DEFAULT_WORKSPACE_DIR_NAME);
      expect(out).toContain(`Workspace (documents, exports; choose another with --root DIR): ${root}\n`);
      expect(existsSync(path.join(root, SAMPLE_NAME))).toBe(true);
      expect(readdirSync(cwd.dir)).toEqual([]); // nothing (no lock or settings folder) lands in the current folder
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      cwd.cleanup();
    }
  }, 120_000);
});
