/**
 * Issue 13's attack corpus and fuzzers, bounded for the test suite (the full run with hundreds of mutations and
 * 150 kill -9 runs is tests/bench/hostile-fuzz.ts): every hostile file ends in success or one clean line of error
 * in `folio preflight`, `folio export`, `folio text` and the open path, never a crash or a hang, within 512 MB; a
 * save killed at any point leaves a readable document and .bak and loses no finished save.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../src-main/services/services.js';
import { buildCorpus, type CorpusFile } from './corpus.js';
import { inParallel, MEMORY_LIMIT_MB, runFolio, type RunResult } from './run-folio.js';
import { bundleSaveChild, killDuringSaves } from './save-crash.js';

/** Byte-mutated samples in the bounded run (the structural attacks are all included). */
const MUTATIONS = 6;
/**
 * Per-command time cap, ms: the slowest hostile file takes about 3 s on the 2-core machine, 15 s when other
 * builds share it; a hang (a FIFO read, a loop) never ends.
 */
const CASE_TIMEOUT_MS = 45_000;
/** Exports in the bounded run (of the documents preflight could read). */
const MAX_EXPORTS = 15;
/** kill -9 runs in the bounded run (each starts a process: about 3 s). */
const KILL_RUNS = 4;

let dir: string;
let corpus: CorpusFile[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'folio-fuzz-'));
  corpus = await buildCorpus(path.join(dir, 'corpus'), MUTATIONS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const describeRun = (r: RunResult) => `${r.verdict}: folio ${r.args.map((a) => path.basename(a)).join(' ')} → code ${r.code} signal ${r.signal}, ${Math.round(r.peakMb ?? -1)} MB\n${r.stderr}`;

describe('hostile .folio files (issue 13, measured)', () => {
  it('end in success or a clean one-line error in folio preflight, export and text: no crash, no hang, under 512 MB', async () => {
    const run = (args: string[], i: number, what: string) => () => runFolio(args, { cwd: dir, timeoutMs: CASE_TIMEOUT_MS, rssFile: path.join(dir, `rss-${what}-${i}`) });
    const checked = await inParallel(corpus.map((f, i) => run(['preflight', f.path], i, 'p')), 2);
    // Export where preflight could read the document (elsewhere it fails on the same read): the hostile assets
    // and documents first, then mutations; text on every fourth file.
    const readable = corpus.filter((_, i) => checked[i]!.code === 0 || checked[i]!.code === 2);
    const toExport = [...readable.filter((f) => !f.name.startsWith('mutated')), ...readable.filter((f) => f.name.startsWith('mutated'))].slice(0, MAX_EXPORTS);
    const more = await inParallel([
      ...toExport.map((f, i) => run(['export', f.path, '-o', `${path.join(dir, `out-${i}`)}/`, '--force'], i, 'e')),
      ...corpus.filter((_, i) => i % 4 === 0).map((f, i) => run(['text', f.path], i, 't')),
    ], 2);
    const all = [...checked, ...more];
    expect(readable.length).toBeGreaterThan(10);
    expect(all.filter((r) => r.verdict === 'crash' || r.verdict === 'hang').map(describeRun)).toEqual([]);
    expect(all.filter((r) => (r.peakMb ?? 0) > MEMORY_LIMIT_MB).map(describeRun)).toEqual([]);
    // Every run but a killed one reports its peak.
    expect(all.filter((r) => r.peakMb === undefined).map(describeRun)).toEqual([]);
    // Not everything is refused: hostile documents that are still documents export.
    expect(all.some((r) => r.verdict === 'ok' && r.args[0] === 'export')).toBe(true);
  }, 600_000);

  it('open in the app\'s services as a document or one clean line, never an exception or a wait', async () => {
    const services = createServices({ workspaceRoot: path.join(dir, 'corpus'), recoveryDir: path.join(dir, 'recovery'), templatesDir: path.resolve('templates'), fontsDirs: [], clock: () => new Date(0) });
    try {
      for (const file of corpus) {
        const opened = await Promise.race([
          services.openDocument({ path: path.basename(file.path), readOnly: true }),
          new Promise<'hang'>((resolve) => setTimeout(() => resolve('hang'), CASE_TIMEOUT_MS)),
        ]);
        expect(opened, file.name).not.toBe('hang');
        if (opened === 'hang' || opened.ok) continue;
        expect(opened.error.message, file.name).not.toMatch(/\n|\bat \S+:\d+|unexpected error/i);
        expect(opened.error.message.length, file.name).toBeGreaterThan(10);
      }
    } finally {
      await services.dispose();
    }
  }, 120_000);

  it('kill -9 at random points of saves leaves the document and its .bak readable and loses no finished save', async () => {
    const child = await bundleSaveChild();
    const stats = await killDuringSaves(child, path.join(dir, 'kills'), KILL_RUNS).finally(() => rmSync(child, { force: true }));
    expect(stats.problems).toEqual([]);
    expect(stats).toMatchObject({ runs: KILL_RUNS, unreadable: 0, workLost: 0, lockedOut: 0 });
  }, 120_000);
});
