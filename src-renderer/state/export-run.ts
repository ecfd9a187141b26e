/**
 * Runs a PDF export as a background job of the host and follows it to the end.
 *
 * 1. `startExport` returns a job id at once (or a refusal, returned as is).
 * 2. Poll `exportStatus` every `pollMs`, handing each snapshot to `onStatus` (the progress bar).
 * 3. Resolve with the final status: 'done', 'failed' or 'cancelled' (`cancelExport` is the caller's to send).
 * Polling rather than pushed events keeps one transport for both hosts (IPC invoke and HTTP).
 */
import type { ExportJobStatus, Host, HostError, HostPayload } from '../../src-core/api/host-api.js';

/** How often the progress is asked for, ms: smooth enough for a bar, cheap for the host. */
export const EXPORT_POLL_MS = 100;

/** The host calls a background export needs. */
export type ExportHost = Pick<Host, 'startExport' | 'exportStatus'>;

/**
 * Starts the export and waits for it to end.
 * @returns the last status, or the host's error when the export could not start or its status was lost
 */
export async function runExportJob(
  host: ExportHost,
  request: HostPayload<'startExport'>,
  onStatus: (status: ExportJobStatus) => void,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  pollMs = EXPORT_POLL_MS,
): Promise<ExportJobStatus | HostError> {
  const started = await host.startExport(request);
  if (!started.ok) return started.error;
  const { jobId } = started.value;
  for (;;) {
    const res = await host.exportStatus({ jobId });
    if (!res.ok) return res.error;
    onStatus(res.value);
    if (res.value.state !== 'running') return res.value;
    await sleep(pollMs);
  }
}
