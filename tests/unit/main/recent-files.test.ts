/**
 * Recent files (issue 6): most recent first, at most ten, missing files dropped when listed, kept in the
 * services' config folder across restarts, offered through the `listRecent` host channel.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostResult } from '../../../src-core/api/host-api.js';
import { createRecentFiles, MAX_RECENT_FILES, RECENT_FILES_NAME } from '../../../src-main/services/recent-files.js';
import { CONFIG_DIR_NAME } from '../../../src-main/services/services.js';
import { SAMPLE_BYTES, servicesFor, tempDir } from './helpers.js';

function ok<T>(r: HostResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function workspace(): string {
  const { dir, cleanup } = tempDir('folio-recent-');
  cleanups.push(cleanup);
  return dir;
}

describe('recent files list', () => {
  it('keeps the ten most recent, newest first, each file once', async () => {
    const dir = workspace();
    let t = Date.UTC(2026, 0, 1);
    const recent = createRecentFiles({ configDir: path.join(dir, 'config'), clock: () => new Date((t += 60_000)) });
    const files = Array.from({ length: 12 }, (_, i) => path.join(dir, `page-${i}.folio`));
    for (const f of files) {
      writeFileSync(f, 'x');
      await recent.record(f);
    }
    await recent.record(files[5]!); // opened again: moves to the top, not listed twice
    const listed = await recent.list();
    expect(listed).toHaveLength(MAX_RECENT_FILES);
    expect(listed.map((f) => path.basename(f.path))).toEqual(['page-5.folio', 'page-11.folio', 'page-10.folio', 'page-9.folio', 'page-8.folio', 'page-7.folio', 'page-6.folio', 'page-4.folio', 'page-3.folio', 'page-2.folio']);
    const times = listed.map((f) => Date.parse(f.openedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('drops files that no longer exist when listed, and keeps them dropped', async () => {
    const dir = workspace();
    const configDir = path.join(dir, 'config');
    const recent = createRecentFiles({ configDir, clock: () => new Date('2026-01-01T00:00:00Z') });
    const a = path.join(dir, 'a.folio');
    const b = path.join(dir, 'b.folio');
    writeFileSync(a, 'x');
    writeFileSync(b, 'x');
    await recent.record(a);
    await recent.record(b);
    rmSync(b);
    expect((await recent.list()).map((f) => f.path)).toEqual([a]);
    const onDisk = JSON.parse(readFileSync(path.join(configDir, RECENT_FILES_NAME), 'utf8'));
    expect(onDisk.files.map((f: { path: string }) => f.path)).toEqual([a]);
  });

  it('treats a damaged list file as empty and replaces it on the next record', async () => {
    const dir = workspace();
    const configDir = path.join(dir, 'config');
    mkdirSync(configDir);
    writeFileSync(path.join(configDir, RECENT_FILES_NAME), '{"version": 1, "files": [');
    const recent = createRecentFiles({ configDir, clock: () => new Date('2026-01-01T00:00:00Z') });
    expect(await recent.list()).toEqual([]);
    const a = path.join(dir, 'a.folio');
    writeFileSync(a, 'x');
    await recent.record(a);
    expect((await recent.list()).map((f) => f.path)).toEqual([a]);
  });

  it('through the services: opening and saving remember files; the list survives a restart; listRecent gives workspace paths', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'front.folio'), SAMPLE_BYTES);
    mkdirSync(path.join(dir, 'pages'));
    writeFileSync(path.join(dir, 'pages', 'inner.folio'), SAMPLE_BYTES);

    const s = servicesFor(dir);
    expect(ok(await s.listRecent({})).files).toEqual([]);
    const front = ok(await s.openDocument({ path: 'front.folio', readOnly: false }));
    const inner = ok(await s.openDocument({ path: 'pages/inner.folio', readOnly: true }));
    ok(await s.saveDocument({ handle: front.handle, document: front.document, path: 'copy.folio' }));
    const listed = ok(await s.listRecent({})).files;
    expect(listed.map((f) => [f.name, f.path])).toEqual([['copy.folio', 'copy.folio'], ['inner.folio', 'pages/inner.folio'], ['front.folio', 'front.folio']]);
    ok(await s.closeDocument({ handle: inner.handle }));
    await s.dispose();

    // A new session (restart) sees the same list from the config folder; a deleted file is gone from it.
    rmSync(path.join(dir, 'copy.folio'));
    const again = servicesFor(dir);
    expect(ok(await again.listRecent({})).files.map((f) => f.path)).toEqual(['pages/inner.folio', 'front.folio']);
    // The list lives in the hidden config folder, which the workspace listing does not show.
    expect(readFileSync(path.join(dir, CONFIG_DIR_NAME, RECENT_FILES_NAME), 'utf8')).toContain('inner.folio');
    expect(ok(await again.listFiles({ dir: '.' })).entries.map((e) => e.name)).not.toContain(CONFIG_DIR_NAME);
    await again.dispose();
  });

  it('does not offer files of another workspace that share the config folder', async () => {
    const one = workspace();
    const two = workspace();
    const configDir = path.join(workspace(), 'config');
    writeFileSync(path.join(one, 'one.folio'), SAMPLE_BYTES);
    const s1 = servicesFor(one, { configDir });
    ok(await s1.openDocument({ path: 'one.folio', readOnly: true }));
    await s1.dispose();
    const s2 = servicesFor(two, { configDir });
    expect(ok(await s2.listRecent({})).files).toEqual([]);
    await s2.dispose();
  });
});
