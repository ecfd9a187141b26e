/**
 * kill -9 at random points of a save (issue 13 item 3): a child saves a document in a loop and is killed at a
 * random moment; then the document and its `.bak` must both be readable Folio files, the document must hold at
 * least the last save the child was told had finished (no work lost), and the next open must take the file
 * read-write (the dead process's lock does not hold it).
 *
 * 1. `bundleSaveChild` bundles save-child.ts once with esbuild (tsx's compiler), so each run starts in
 *    a fraction of a second.
 * 2. `killDuringSaves` runs the child `runs` times on one workspace, each killed 0–`maxDelayMs` after it is ready.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { seeded } from './corpus.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * Bundles the save child (an ES module, npm packages left to node_modules, so it must live inside the repository:
 * node_modules/.cache/folio-fuzz/, like the CLI's own bundle).
 * @returns the bundle's path
 */
export async function bundleSaveChild(): Promise<string> {
  const outFile = path.join(REPO_ROOT, 'node_modules', '.cache', 'folio-fuzz', `save-child-${process.pid}.mjs`);
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'save-child.ts')], outfile: outFile, bundle: true, platform: 'node', format: 'esm',
    target: 'node20', packages: 'external', logLevel: 'silent',
  });
  return outFile;
}

/** What the kill -9 runs found. */
export interface CrashStats {
  runs: number;
  /** Runs killed after at least one save had finished in them. */
  killedMidWork: number;
  /** Runs after which the document or its .bak could not be read. */
  unreadable: number;
  /** Runs after which the document held less than the last finished save. */
  workLost: number;
  /** Runs whose child could not open the document read-write (a lock left by the killed one). */
  lockedOut: number;
  problems: string[];
}

/** Runs the save child `runs` times in `dir` (a fresh folder), killing it at random points. */
export async function killDuringSaves(childFile: string, dir: string, runs: number, options: { maxDelayMs?: number; seed?: number } = {}): Promise<CrashStats> {
  const workspace = path.join(dir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const doc = path.join(workspace, 'front.folio');
  copyFileSync(path.join(REPO_ROOT, 'templates', 'samples', 'deqing-front-2023-07-20.folio'), doc);
  const random = seeded(options.seed ?? 150);
  const stats: CrashStats = { runs, killedMidWork: 0, unreadable: 0, workLost: 0, lockedOut: 0, problems: [] };
  let before = unpackFolio(new Uint8Array(readFileSync(doc))).document.title;
  for (let run = 0; run < runs; run++) {
    const child = spawn(process.execPath, [childFile, workspace, `run${run}`, path.join(REPO_ROOT, 'templates')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const ready = new Promise<boolean>((resolve) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('ready\n')) resolve(true);
      });
      child.on('close', () => resolve(false));
    });
    const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
    if (!(await ready)) {
      await closed;
      stats.lockedOut++;
      stats.problems.push(`run ${run}: the child could not open the document: ${err.trim()}`);
      continue;
    }
    await new Promise((r) => setTimeout(r, random() * (options.maxDelayMs ?? 300)));
    child.kill('SIGKILL');
    await closed;
    const acknowledged = Math.max(0, ...[...out.matchAll(/saved (\d+)\n/g)].map((m) => Number(m[1])));
    if (acknowledged > 0) stats.killedMidWork++;
    let title: string;
    try {
      title = unpackFolio(new Uint8Array(readFileSync(doc))).document.title;
      if (existsSync(`${doc}.bak`)) unpackFolio(new Uint8Array(readFileSync(`${doc}.bak`)));
    } catch (e) {
      stats.unreadable++;
      stats.problems.push(`run ${run}: ${(e as Error).message}`);
      continue;
    }
    const generation = title.startsWith(`run${run} `) ? Number(title.split(' ')[1]) : 0;
    // The file holds the last finished save, or the one after it (renamed into place before the child could say so).
    if (generation < acknowledged || (generation === 0 && title !== before)) {
      stats.workLost++;
      stats.problems.push(`run ${run}: ${acknowledged} saves finished, the file says "${title}"`);
    }
    before = title;
  }
  return stats;
}
