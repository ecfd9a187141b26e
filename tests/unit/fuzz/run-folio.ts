/**
 * Runs `folio` on hostile input in a child process and judges how it ended.
 *
 * 1. The child gets a V8 heap cap (`--max-old-space-size`) and a preload that reports its peak resident memory.
 * 2. It is killed (SIGKILL) if it outlives the per-case timeout: a hang.
 * 3. Verdict: `ok` (exit 0), `clean-error` (a documented exit code, 1 or 2, with no stack trace and no
 *    "unexpected error" on stderr), `crash` (anything else: a signal, another code, a stack trace), `hang`;
 *    a peak above the memory limit is reported beside it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const RSS_REPORTER = path.join(import.meta.dirname, 'rss-report.cjs');

/** Peak memory allowed per run, MB (issue 13's target). */
export const MEMORY_LIMIT_MB = 512;
/** V8 heap cap of each child, MB: below the RSS limit, so a runaway heap ends in a clean out-of-memory crash we count. */
const HEAP_CAP_MB = 448;

/** How one run ended. */
export interface RunResult {
  args: readonly string[];
  verdict: 'ok' | 'clean-error' | 'crash' | 'hang';
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Peak resident memory, MB (undefined when the child could not report it). */
  peakMb?: number;
  /** The first lines of stderr, for reports. */
  stderr: string;
  ms: number;
}

/** Runs `folio …args` and judges it. */
export function runFolio(args: readonly string[], opts: { cwd: string; timeoutMs: number; rssFile: string }): Promise<RunResult> {
  rmSync(opts.rssFile, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'folio.cjs'), ...args], {
    cwd: opts.cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      LANG: 'C',
      SOURCE_DATE_EPOCH: '0',
      FOLIO_DEBUG: '',
      NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB} --require ${RSS_REPORTER}`,
      FOLIO_FUZZ_RSS_FILE: opts.rssFile,
    },
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    if (stderr.length < 64 * 1024) stderr += c.toString();
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, opts.timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const peakKb = existsSync(opts.rssFile) ? Number(readFileSync(opts.rssFile, 'utf8')) : NaN;
      const stackTrace = /\n\s+at /.test(stderr) || /unexpected error/.test(stderr);
      const verdict = timedOut ? 'hang'
        : signal !== null || stackTrace || (code !== 0 && code !== 1 && code !== 2) ? 'crash'
        : code === 0 ? 'ok' : 'clean-error';
      resolve({ args, verdict, code, signal, ...(Number.isFinite(peakKb) ? { peakMb: peakKb / 1024 } : {}), stderr: stderr.split('\n').slice(0, 4).join('\n'), ms: performance.now() - started });
    });
  });
}

/** Runs `jobs` with at most `parallel` at once, in order of their results' positions. */
export async function inParallel<T>(jobs: readonly (() => Promise<T>)[], parallel: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  }));
  return results;
}
