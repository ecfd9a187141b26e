/**
 * The full attack run of issue 13 (the test suite runs a bounded part of it: tests/unit/fuzz/hostile-files.test.ts):
 * the corpus with MUTATIONS byte-mutated samples and the slow cases, each file through `folio text`, `folio
 * preflight` and `folio export` in child processes (heap capped, peak memory measured, per-case timeout), and
 * KILLS kill -9 runs during saves. Prints one JSON line with the figures README's Measured section quotes.
 *
 *   node --import tsx tests/bench/hostile-fuzz.ts [MUTATIONS=200] [KILLS=150]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCorpus } from '../unit/fuzz/corpus.js';
import { inParallel, MEMORY_LIMIT_MB, runFolio, type RunResult } from '../unit/fuzz/run-folio.js';
import { bundleSaveChild, killDuringSaves } from '../unit/fuzz/save-crash.js';

const mutations = Number(process.argv[2] ?? 200);
const kills = Number(process.argv[3] ?? 150);
const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-hostile-'));
try {
  const started = performance.now();
  const files = await buildCorpus(path.join(dir, 'corpus'), mutations, { heavy: true });
  const jobs = files.flatMap((f, i) => [
    () => runFolio(['text', f.path], { cwd: dir, timeoutMs: 30_000, rssFile: path.join(dir, `rss-${i}-t`) }),
    () => runFolio(['preflight', f.path], { cwd: dir, timeoutMs: 60_000, rssFile: path.join(dir, `rss-${i}-p`) }),
    () => runFolio(['export', f.path, '-o', `${path.join(dir, `out-${i}`)}/`, '--force'], { cwd: dir, timeoutMs: 120_000, rssFile: path.join(dir, `rss-${i}-e`) }),
  ]);
  const results: RunResult[] = await inParallel(jobs, 2);
  const bad = results.filter((r) => r.verdict === 'crash' || r.verdict === 'hang' || (r.peakMb ?? 0) > MEMORY_LIMIT_MB);
  for (const r of bad) console.error(`${r.verdict} ${r.args.join(' ')} code=${r.code} signal=${r.signal} peak=${Math.round(r.peakMb ?? -1)} MB\n${r.stderr}`);
  const worst = results.reduce((a, b) => ((b.peakMb ?? 0) > (a.peakMb ?? 0) ? b : a));
  const corpusMs = performance.now() - started;

  const childFile = await bundleSaveChild();
  const crash = await killDuringSaves(childFile, path.join(dir, 'kills'), kills);
  rmSync(childFile, { force: true });
  for (const p of crash.problems) console.error(p);
  console.log(JSON.stringify({
    files: files.length,
    runs: results.length,
    ok: results.filter((r) => r.verdict === 'ok').length,
    clean_errors: results.filter((r) => r.verdict === 'clean-error').length,
    crashes: results.filter((r) => r.verdict === 'crash').length,
    hangs: results.filter((r) => r.verdict === 'hang').length,
    over_memory_limit: results.filter((r) => (r.peakMb ?? 0) > MEMORY_LIMIT_MB).length,
    unmeasured_memory: results.filter((r) => r.peakMb === undefined).length,
    worst_peak_mb: Math.round(worst.peakMb ?? 0),
    worst_peak_case: worst.args.map((a) => path.basename(a)).join(' '),
    corpus_s: Math.round(corpusMs / 1000),
    kill9_runs: crash.runs,
    kill9_mid_work: crash.killedMidWork,
    kill9_unreadable: crash.unreadable,
    kill9_work_lost: crash.workLost,
    kill9_locked_out: crash.lockedOut,
  }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
