import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { DocumentInUseError, LEASE_MS, lockPathFor } from '../../../src-main/services/document-lock.js';
import { createDocumentStore, type DocumentStore } from '../../../src-main/services/documents.js';
import { SAMPLE_BYTES, tempDir } from './helpers.js';

let ws: { dir: string; cleanup: () => void };
let file: string;
let nowMs: number;
let store: DocumentStore;

beforeEach(() => {
  ws = tempDir('folio-lease-');
  file = path.join(ws.dir, 'front.folio');
  writeFileSync(file, SAMPLE_BYTES);
  nowMs = Date.parse('2026-01-02T03:04:05.000Z');
  // One store, as one `folio serve` serves every tab; the clock is moved by hand.
  store = createDocumentStore({ recoveryDir: path.join(ws.dir, '.folio-recovery'), clock: () => new Date(nowMs) });
});
afterEach(async () => {
  await store.dispose();
  ws.cleanup();
});

const lockToken = () => (JSON.parse(readFileSync(lockPathFor(file), 'utf8')) as { token: string }).token;

describe('editing leases (a tab that is gone must not hold its file)', () => {
  it('a live lease keeps the file in use; renewing keeps it live past LEASE_MS from the open', async () => {
    const first = await store.open(file, false);
    nowMs += LEASE_MS / 2;
    expect(store.renewLease(first.handle)).toEqual({ leaseMs: LEASE_MS });
    nowMs += LEASE_MS / 2 + 1_000; // past the open's lease, within the renewal's
    await expect(store.open(file, false)).rejects.toBeInstanceOf(DocumentInUseError);
    // The refusal says how the hold ends by itself.
    await expect(store.open(file, false)).rejects.toThrow(/lets go within 90 s/);
  });

  it('a lapsed lease is taken over: the opener is told when the old holder was last heard from', async () => {
    const first = await store.open(file, false);
    const firstToken = lockToken();
    const lastSeen = new Date(nowMs).toISOString();
    nowMs += LEASE_MS + 1;
    const second = await store.open(file, false);
    expect(second.readOnly).toBe(false);
    expect(second.tookOver).toEqual({ lastSeen });
    expect(lockToken()).not.toBe(firstToken);
    // The gone holder is forgotten: its calls now fail as an unknown handle, never overwrite the new lock.
    expect(() => store.renewLease(first.handle)).toThrow(/no longer open/);
    await store.release(first.handle);
    expect(existsSync(lockPathFor(file))).toBe(true);
    // Exactly at LEASE_MS the lease still holds (the boundary belongs to the holder).
    nowMs += LEASE_MS;
    await expect(store.open(file, false)).rejects.toBeInstanceOf(DocumentInUseError);
  });

  it('release (tab closed or reloaded) frees the file at once, like close: its leftovers never reach another window', async () => {
    const first = await store.open(file, false);
    await store.autosave(first.handle, { ...first.document, title: 'left unsaved by a closed tab' });
    await store.release(first.handle);
    expect(existsSync(lockPathFor(file))).toBe(false);
    expect(await store.listRecoveries()).toEqual([]);
    const again = await store.open(file, false);
    expect(again.tookOver).toBeUndefined();
    expect(again.recoveredFrom).toBeUndefined();
    await store.release('unknownhandle0000'); // already released: no error
  });

  it('a crashed window (lapsed lease) leaves its autosave to whoever takes the file over', async () => {
    const first = await store.open(file, false);
    await store.autosave(first.handle, { ...first.document, title: 'typed before the crash' });
    nowMs += LEASE_MS + 1;
    const again = await store.open(file, false);
    expect(again.tookOver).toBeDefined();
    expect(again.recoveredFrom).toBeDefined();
    expect(again.document.title).toBe('typed before the crash');
  });

  it('Save As onto a file held under a lapsed lease takes it over too', async () => {
    await store.open(file, false);
    nowMs += LEASE_MS + 1;
    const other = store.adopt(unpackFolio(SAMPLE_BYTES).document, unpackFolio(SAMPLE_BYTES).assets);
    await expect(store.save(other.handle, other.document, file)).resolves.toEqual({ path: file });
  });

  it('the same user is never locked out by a window of this Folio: it is "held here" and may be taken over', async () => {
    const first = await store.open(file, false);
    const refusal = await store.open(file, false).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(DocumentInUseError);
    expect((refusal as DocumentInUseError).heldHere).toBe(true);
    const second = await store.open(file, false, true);
    expect(second.readOnly).toBe(false);
    expect(second.tookOver).toEqual({ lastSeen: new Date(nowMs).toISOString() });
    expect(() => store.renewLease(first.handle)).toThrow(/no longer open/);
    await expect(store.save(first.handle, first.document)).rejects.toThrow(/no longer open/);
  });

  it('a lock of another process is never "held here" nor taken over', async () => {
    // Another live process's lock (this test runner's parent): not this store's to give away.
    writeFileSync(lockPathFor(file), JSON.stringify({ pid: process.ppid, host: os.hostname(), since: '2026-01-01T00:00:00.000Z', token: 'theirs' }));
    const refusal = await store.open(file, false, true).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(DocumentInUseError);
    expect((refusal as DocumentInUseError).heldHere).toBe(false);
    expect(lockToken()).toBe('theirs');
  });
});
