/** Shared fixtures for the shell tests: temp workspaces, the sample document, a dead pid. */
import { spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services, type ServicesOptions } from '../../../src-main/services/services.js';

/** Repository root (tests run from it). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
/** The shipped templates folder. */
export const TEMPLATES_DIR = path.join(REPO_ROOT, 'templates');
/** The shipped sample document. */
export const SAMPLE_PATH = path.join(TEMPLATES_DIR, 'samples', 'deqing-front-2023-07-20.folio');
/** Bytes of the sample document. */
export const SAMPLE_BYTES = new Uint8Array(readFileSync(SAMPLE_PATH));
/** A fixed clock value. */
export const FIXED_NOW = new Date('2026-01-02T03:04:05.000Z');

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(prefix = 'folio-main-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Services over a workspace folder with the shipped templates and a fixed clock. */
export function servicesFor(workspaceRoot: string, extra: Partial<ServicesOptions> = {}): Services {
  return createServices({ workspaceRoot, templatesDir: TEMPLATES_DIR, fontsDirs: [], clock: () => FIXED_NOW, ...extra });
}

/** The pid of a process that has exited (for stale lock files). */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/**
 * What a kill -9 of every Folio on a workspace leaves: each lock file in `workspaceDir` and each session lease in
 * its recovery folder names a process that is gone.
 */
export function simulateCrash(workspaceDir: string, recoveryDir = path.join(workspaceDir, '.folio-recovery')): void {
  const pid = deadPid();
  const files = [
    ...readdirSync(workspaceDir).filter((n) => n.endsWith('.lock')).map((n) => path.join(workspaceDir, n)),
    ...(existsSync(recoveryDir) ? readdirSync(recoveryDir).filter((n) => n.endsWith('.session')).map((n) => path.join(recoveryDir, n)) : []),
  ];
  for (const file of files) writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), pid }));
}

/** The tokened URL a spawned `folio serve` prints on its first line; rejects when it exits before printing it. */
export function serveUrl(child: ChildProcessWithoutNullStreams): Promise<URL> {
  let out = '';
  return new Promise<URL>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Folio browser mode: (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)\n/.exec(out);
      if (m) resolve(new URL(m[1]!));
    });
    child.on('exit', (code) => reject(new Error(`serve exited early (${code}): ${out}`)));
  });
}
