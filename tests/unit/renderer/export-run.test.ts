import { describe, expect, it } from 'vitest';
import type { ExportJobStatus, HostResult } from '../../../src-core/api/host-api.js';
import { runExportJob, type ExportHost } from '../../../src-renderer/state/export-run.js';

const request = { handle: 'handle-0001', document: {} as never, preset: 'print' as const };
const status = (patch: Partial<ExportJobStatus>): ExportJobStatus => ({ jobId: 'ab12cd34', state: 'running', done: 0, total: 0, files: [], ...patch });

function scriptedHost(statuses: HostResult<ExportJobStatus>[], start: HostResult<{ jobId: string }> = { ok: true, value: { jobId: 'ab12cd34' } }): ExportHost & { polls: number } {
  const host = {
    polls: 0,
    startExport: async () => start,
    exportStatus: async () => statuses[Math.min(host.polls++, statuses.length - 1)]!,
  };
  return host;
}

describe('runExportJob (renderer side of a background export)', () => {
  it('reports every snapshot until the job ends, sleeping between polls', async () => {
    const file = { pageId: 'p1', path: '/w/20230720_A01.pdf', sizeBytes: 1000 };
    const host = scriptedHost([
      { ok: true, value: status({}) },
      { ok: true, value: status({ done: 0, total: 2 }) },
      { ok: true, value: status({ done: 1, total: 2, files: [file] }) },
      { ok: true, value: status({ state: 'done', done: 2, total: 2, files: [file, file] }) },
    ]);
    const seen: string[] = [];
    const sleeps: number[] = [];
    const end = await runExportJob(host, request, (s) => seen.push(`${s.state} ${s.done}/${s.total}`), async (ms) => void sleeps.push(ms), 50);
    expect(seen).toEqual(['running 0/0', 'running 0/2', 'running 1/2', 'done 2/2']);
    expect(sleeps).toEqual([50, 50, 50]);
    expect(end).toMatchObject({ state: 'done', files: [file, file] });
  });

  it('returns a refused start as the host error, without polling', async () => {
    const host = scriptedHost([], { ok: false, error: { code: 'forbidden', message: 'outside the workspace' } });
    const end = await runExportJob(host, request, () => undefined, async () => undefined);
    expect(end).toEqual({ code: 'forbidden', message: 'outside the workspace' });
    expect(host.polls).toBe(0);
  });

  it('ends on a cancelled job and on a lost job', async () => {
    const cancelled = await runExportJob(scriptedHost([{ ok: true, value: status({ state: 'cancelled', error: { code: 'cancelled', message: 'The export was cancelled' } }) }]), request, () => undefined, async () => undefined);
    expect(cancelled).toMatchObject({ state: 'cancelled' });
    const lost = await runExportJob(scriptedHost([{ ok: false, error: { code: 'not-found', message: 'There is no export job' } }]), request, () => undefined, async () => undefined);
    expect(lost).toMatchObject({ code: 'not-found' });
  });
});
