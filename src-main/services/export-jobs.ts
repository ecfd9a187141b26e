/**
 * Background export jobs: the app starts an export, keeps working, watches its progress and may cancel it.
 *
 * 1. `start` runs the work without waiting for it and returns a job id at once (random, unguessable).
 * 2. The work reports progress (pages done of total); `status` returns a snapshot, `cancel` aborts it between
 *    pages (the export job then removes nothing complete and leaves no partial file). The job reads as cancelled
 *    at once: a page being composed or written may take seconds to wind down, and writes nothing after the
 *    cancel but the file it was already writing, whole; it still counts as running until it has wound down.
 * 3. Finished jobs are kept for `status` until more than `MAX_FINISHED_JOBS` have finished; running jobs are
 *    limited to `MAX_RUNNING_JOBS` so a stuck client cannot fill the machine with exports.
 */
import { randomBytes } from 'node:crypto';
import type { ExportedFile, ExportJobStatus, HostError } from '../../src-core/api/host-api.js';
import { documentError } from './documents.js';
import { EXPORT_CANCELLED } from './export-job.js';

/** Finished jobs remembered for a late status call. */
const MAX_FINISHED_JOBS = 16;
/** Exports at once (each composes a whole issue and holds its PDFs' fonts in memory). */
const MAX_RUNNING_JOBS = 2;
/** Job id length in bytes of randomness (hex-encoded twice as long; the host schema allows 8–64 chars). */
const JOB_ID_BYTES = 12;

/** What a job runs: given the cancel signal and a progress sink, resolves to the written files. */
export type ExportWork = (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<ExportedFile[]>;

interface Job {
  status: ExportJobStatus;
  controller: AbortController;
  finishedAt?: number;
  /** The work has not settled yet (a cancelled job winds down in the background). */
  working: boolean;
}

/** The job table of one services instance. */
export interface ExportJobs {
  /**
   * Starts `work` in the background.
   * @throws DocumentError('bad-request') when `MAX_RUNNING_JOBS` are already running
   */
  start(work: ExportWork, toHostError: (err: unknown) => HostError): string;
  /** A snapshot of the job. @throws DocumentError('not-found') for an unknown or forgotten id */
  status(jobId: string): ExportJobStatus;
  /** Asks a running job to stop; false when it had already finished. @throws DocumentError('not-found') */
  cancel(jobId: string): boolean;
  /** Cancels every running job (shutdown). */
  cancelAll(): void;
}

/** Creates an empty job table. */
export function createExportJobs(): ExportJobs {
  const jobs = new Map<string, Job>();
  let finishedCount = 0;

  const forgetOldFinished = () => {
    const finished = [...jobs.entries()].filter(([, j]) => j.finishedAt !== undefined && !j.working).sort((a, b) => a[1].finishedAt! - b[1].finishedAt!);
    for (const [id] of finished.slice(0, Math.max(0, finished.length - MAX_FINISHED_JOBS))) jobs.delete(id);
  };

  const find = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) {
      throw documentError('not-found', 'service.export.unknownJob', { job: jobId, max: MAX_FINISHED_JOBS });
    }
    return job;
  };

  return {
    start(work, toHostError) {
      const running = [...jobs.values()].filter((j) => j.working).length;
      if (running >= MAX_RUNNING_JOBS) {
        throw documentError('bad-request', 'service.export.tooManyRunning', { running });
      }
      const jobId = randomBytes(JOB_ID_BYTES).toString('hex');
      const job: Job = { status: { jobId, state: 'running', done: 0, total: 0, files: [] }, controller: new AbortController(), working: true };
      jobs.set(jobId, job);
      const finish = (patch: Partial<ExportJobStatus>) => {
        job.working = false;
        // A job cancelled already reads as cancelled; its winding down changes nothing the user was told.
        if (job.status.state !== 'running') return;
        job.status = { ...job.status, ...patch };
        job.finishedAt = ++finishedCount;
        forgetOldFinished();
      };
      void work(job.controller.signal, (done, total) => {
        if (job.status.state === 'running') job.status = { ...job.status, done, total };
      }).then(
        (files) => finish({ state: 'done', files, done: files.length, total: files.length }),
        (err: unknown) => {
          const error = toHostError(err);
          finish(error.code === 'cancelled' || job.controller.signal.aborted ? { state: 'cancelled', error } : { state: 'failed', error });
        },
      );
      return jobId;
    },
    status(jobId) {
      return find(jobId).status;
    },
    cancel(jobId) {
      const job = find(jobId);
      if (job.status.state !== 'running') return false;
      job.controller.abort();
      job.status = { ...job.status, state: 'cancelled', error: { code: 'cancelled', ...EXPORT_CANCELLED } };
      job.finishedAt = ++finishedCount;
      forgetOldFinished();
      return true;
    },
    cancelAll() {
      for (const job of jobs.values()) if (job.status.state === 'running') job.controller.abort();
    },
  };
}
