import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FolioDocument } from '../../../src-core/model/document.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { TEMPLATE_SCHEMA_VERSION } from '../../../src-core/model/template.js';
import { createTranslator } from '../../../src-core/i18n/translator.js';
import { formatServiceMessage } from '../../../src-core/i18n/service-message.js';
import { nodeDiskIo, type DiskIo } from '../../../src-main/services/disk.js';
import { resolveDefaultFontFile } from '../../../src-main/services/fonts.js';
import { fileNameForPage } from '../../../src-main/services/export-job.js';
import { DEFAULT_FONTS } from '../../../src-core/text/font.js';
import { dispatchHostCall, hostFromServices } from '../../../src-main/services/dispatch.js';
import type { Services } from '../../../src-main/services/services.js';
import { createWorkspace, WorkspaceError } from '../../../src-main/services/workspace.js';
import { SAMPLE_BYTES, TEMPLATES_DIR, deadPid, servicesFor, simulateCrash, tempDir } from './helpers.js';

let ws: { dir: string; cleanup: () => void };
let services: Services[] = [];
const make = (extra: Parameters<typeof servicesFor>[1] = {}) => {
  const s = servicesFor(ws.dir, extra);
  services.push(s);
  return s;
};

beforeEach(() => {
  ws = tempDir();
  writeFileSync(path.join(ws.dir, 'front.folio'), SAMPLE_BYTES);
});
afterEach(async () => {
  for (const s of services) await s.dispose();
  services = [];
  ws.cleanup();
});

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

const hiddenTemps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('workspace confinement', () => {
  it('accepts paths inside and refuses .., outside absolutes, NUL and escaping symlinks', () => {
    const w = createWorkspace(ws.dir);
    expect(w.confine('front.folio')).toBe(path.join(w.root, 'front.folio'));
    expect(w.confine(path.join(w.root, 'sub', 'new.folio'))).toBe(path.join(w.root, 'sub', 'new.folio'));
    for (const bad of ['../x.folio', 'a/../../x', '..\\..\\windows', '/etc/passwd', 'a\0b', '', 'sub/../front.folio']) {
      expect(() => w.confine(bad), bad).toThrow(WorkspaceError);
    }
    // Names that only start with dots are names, not climbs (issue 13, item 11).
    expect(w.confine('..draft.folio')).toBe(path.join(w.root, '..draft.folio'));
    expect(w.confine('sub/...folio')).toBe(path.join(w.root, 'sub', '...folio'));
    symlinkSync(os.tmpdir(), path.join(ws.dir, 'escape'));
    expect(() => w.confine('escape/anything.folio')).toThrow(/symbolic link/);
    mkdirSync(path.join(ws.dir, 'inner'));
    symlinkSync(path.join(ws.dir, 'inner'), path.join(ws.dir, 'ok-link'));
    expect(w.confine('ok-link/doc.folio')).toBe(path.join(w.root, 'ok-link', 'doc.folio'));
  });

  it('turns refusals into forbidden results, never disk access', async () => {
    const s = make();
    const r = await s.openDocument({ path: '../../etc/passwd', readOnly: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const l = await s.listFiles({ dir: '/etc' });
    expect(l).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('open and atomic save', () => {
  it('saves atomically, keeps the previous version as .bak and leaves no temp file', async () => {
    const s = make();
    const opened = ok(await s.openDocument({ path: 'front.folio', readOnly: false }));
    expect(opened.path).toBe(path.join(s.workspace.root, 'front.folio'));
    expect(opened.readOnly).toBe(false);
    const changed: FolioDocument = { ...opened.document, title: '改过的标题' };
    ok(await s.saveDocument({ handle: opened.handle, document: changed }));
    const target = path.join(ws.dir, 'front.folio');
    expect(unpackFolio(new Uint8Array(readFileSync(target))).document.title).toBe('改过的标题');
    expect(new Uint8Array(readFileSync(`${target}.bak`))).toEqual(SAMPLE_BYTES);
    expect(hiddenTemps(ws.dir)).toEqual([]);
    // Save As moves the document (and its lock) to the new path.
    const saved = ok(await s.saveDocument({ handle: opened.handle, document: changed, path: 'second.folio' }));
    expect(saved.path).toBe(path.join(s.workspace.root, 'second.folio'));
    expect(existsSync(path.join(ws.dir, 'second.folio.lock'))).toBe(true);
    expect(existsSync(path.join(ws.dir, 'front.folio.lock'))).toBe(false);
  });

  it('refuses a save into a read-only folder with a clear message and leaves the original untouched', async () => {
    const roDir = path.join(ws.dir, 'ro');
    mkdirSync(roDir);
    writeFileSync(path.join(roDir, 'page.folio'), SAMPLE_BYTES);
    // root ignores permission bits: then the kernel's answer (EACCES) is simulated at the write itself.
    let simulate = false;
    const io: DiskIo = {
      ...nodeDiskIo,
      async writeNewFile(filePath, bytes) {
        if (simulate) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return nodeDiskIo.writeNewFile(filePath, bytes);
      },
    };
    const s = make({ io });
    const opened = ok(await s.openDocument({ path: 'ro/page.folio', readOnly: false }));
    chmodSync(roDir, 0o555);
    try {
      writeFileSync(path.join(roDir, 'probe'), 'x');
      simulate = true;
    } catch {
      simulate = false;
    }
    const r = await s.saveDocument({ handle: opened.handle, document: { ...opened.document, title: 'x' } });
    chmodSync(roDir, 0o755);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('io');
      expect(r.error.message).toMatch(/no write permission/);
    }
    expect(new Uint8Array(readFileSync(path.join(roDir, 'page.folio')))).toEqual(SAMPLE_BYTES);
    expect(hiddenTemps(roDir)).toEqual([]);
  });

  it('reports a full disk (ENOSPC mid-write) clearly; the target is untouched and the temp file removed', async () => {
    const written: string[] = [];
    const fullDisk: DiskIo = {
      ...nodeDiskIo,
      async writeNewFile(filePath, bytes) {
        // Half the bytes reach the disk, then it is full: exactly the partial file that must never become the target.
        written.push(filePath);
        await nodeDiskIo.writeNewFile(filePath, bytes.subarray(0, bytes.byteLength >> 1));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    };
    const s = make({ io: fullDisk });
    const opened = ok(await s.openDocument({ path: 'front.folio', readOnly: false }));
    const r = await s.saveDocument({ handle: opened.handle, document: { ...opened.document, title: 'lost' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'io' } });
    if (!r.ok) expect(r.error.message).toMatch(/disk is full/);
    expect(written).toHaveLength(1);
    expect(existsSync(written[0])).toBe(false);
    expect(new Uint8Array(readFileSync(path.join(ws.dir, 'front.folio')))).toEqual(SAMPLE_BYTES);
    expect(existsSync(path.join(ws.dir, 'front.folio.bak'))).toBe(false);
  });

  it('gives specific errors for missing, non-zip and future-schema files', async () => {
    const s = make();
    expect(await s.openDocument({ path: 'nope.folio', readOnly: false })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    writeFileSync(path.join(ws.dir, 'text.folio'), 'hello, not a zip');
    const notZip = await s.openDocument({ path: 'text.folio', readOnly: false });
    expect(notZip).toMatchObject({ ok: false, error: { code: 'invalid-file' } });
    if (!notZip.ok) expect(notZip.error.message).toMatch(/not a zip/);
    const { zipSync, strToU8 } = await import('fflate');
    const future = { ...unpackFolio(SAMPLE_BYTES).document, schemaVersion: 99 };
    writeFileSync(path.join(ws.dir, 'future.folio'), zipSync({ 'document.json': strToU8(JSON.stringify(future)) }));
    const f = await s.openDocument({ path: 'future.folio', readOnly: false });
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.error.message).toMatch(/newer Folio/);
    expect(existsSync(path.join(ws.dir, 'text.folio.lock'))).toBe(false);
  });
});

describe('lock files', () => {
  it('gives a second opener in-use, lets it open read-only, and frees the lock on close', async () => {
    const a = make();
    const b = make();
    const first = ok(await a.openDocument({ path: 'front.folio', readOnly: false }));
    const lock = JSON.parse(readFileSync(path.join(ws.dir, 'front.folio.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, host: os.hostname(), since: '2026-01-02T03:04:05.000Z' });
    const second = await b.openDocument({ path: 'front.folio', readOnly: false });
    expect(second).toMatchObject({ ok: false, error: { code: 'in-use' } });
    if (!second.ok) expect(second.error.message).toMatch(new RegExp(`another window or tab of this Folio \\(process ${process.pid}`));
    const viewer = ok(await b.openDocument({ path: 'front.folio', readOnly: true }));
    expect(viewer.readOnly).toBe(true);
    expect(await b.saveDocument({ handle: viewer.handle, document: viewer.document })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    ok(await a.closeDocument({ handle: first.handle }));
    expect(existsSync(path.join(ws.dir, 'front.folio.lock'))).toBe(false);
    ok(await b.openDocument({ path: 'front.folio', readOnly: false }));
  });

  it('takes over a stale lock left by a dead process', async () => {
    writeFileSync(path.join(ws.dir, 'front.folio.lock'), JSON.stringify({ pid: deadPid(), host: os.hostname(), since: '2020-01-01T00:00:00Z', token: 'old' }));
    const s = make();
    ok(await s.openDocument({ path: 'front.folio', readOnly: false }));
    expect(JSON.parse(readFileSync(path.join(ws.dir, 'front.folio.lock'), 'utf8')).pid).toBe(process.pid);
  });
});

describe('autosave recovery', () => {
  it('offers the autosave to a fresh services instance after a crash, equal to what was autosaved', async () => {
    const a = make();
    const opened = ok(await a.openDocument({ path: 'front.folio', readOnly: false }));
    const edited: FolioDocument = { ...opened.document, title: '崩溃前的修改' };
    const { savedAt } = ok(await a.autosave({ handle: opened.handle, document: edited }));
    expect(savedAt).toBe('2026-01-02T03:04:05.000Z');
    const metas = readdirSync(path.join(ws.dir, '.folio-recovery'));
    // The session's name and the handle are random, so their sort order is too: compare as a set.
    expect(metas).toHaveLength(3);
    expect(metas).toEqual(expect.arrayContaining([expect.stringMatching(/^[0-9a-f]{16}\.session$/), expect.stringMatching(new RegExp(`^${opened.handle}\\.[0-9a-f]{12}\\.folio$`)), `${opened.handle}.json`]));
    // The crash: the process is gone, so its lock and its session are stale.
    simulateCrash(ws.dir);

    const b = make();
    const reopened = ok(await b.openDocument({ path: 'front.folio', readOnly: false }));
    expect(reopened.recoveredFrom).toBeDefined();
    expect(reopened.document).toEqual(edited);
    // The saved file itself is untouched until the user saves.
    expect(new Uint8Array(readFileSync(path.join(ws.dir, 'front.folio')))).toEqual(SAMPLE_BYTES);
    // Saving discards the recovery copy (session leases aside).
    ok(await b.saveDocument({ handle: reopened.handle, document: reopened.document }));
    expect(readdirSync(path.join(ws.dir, '.folio-recovery')).filter((n) => !n.endsWith('.session'))).toEqual([]);
  });

  it('lists the autosave of a never-saved document for a fresh instance, and close discards it', async () => {
    const a = make();
    const fresh = ok(await a.newFromTemplate({ templateId: 'broadsheet-front' }));
    ok(await a.autosave({ handle: fresh.handle, document: fresh.document }));
    simulateCrash(ws.dir);
    const b = make();
    // On start the renderer opens the sample: a crashed session's autosave is offered there first.
    const offered = ok(await b.openSample({}));
    expect(offered.recoveredFrom).toBeDefined();
    expect(offered.document).toEqual(fresh.document);
    ok(await b.dispose().then(() => ({ ok: true as const, value: null })));
    const recoveries = ok(await b.listRecoveries());
    expect(recoveries).toHaveLength(1);
    expect(recoveries[0]).toMatchObject({ originalPath: null, title: fresh.document.title });
    const recovered = ok(await b.openRecovery(recoveries[0].handle));
    expect(recovered.document).toEqual(fresh.document);
    ok(await b.closeDocument({ handle: recovered.handle }));
    expect(ok(await make().listRecoveries())).toEqual([]);
  });
});

describe('templates, sample, fonts, files', () => {
  it('lists the shipped templates and makes a one-page document from one', async () => {
    const s = make();
    const templates = ok(await s.listTemplates({}));
    expect(templates.map((t) => t.id)).toEqual(['broadsheet-front', 'broadsheet-inner', 'tabloid']);
    const fresh = ok(await s.newFromTemplate({ templateId: 'tabloid' }));
    expect(fresh.path).toBeNull();
    expect(fresh.document.pages).toHaveLength(1);
    expect(fresh.document.pages[0].name).toBe('A01');
    expect(fresh.document.template.id).toBe('tabloid');
    expect(fresh.document.issue.date).toBe('2026-01-02');
    expect(Object.keys(fresh.document.assets)).toEqual([]);
    // Starter furniture frames refer only to starter stories.
    for (const frame of fresh.document.pages[0].frames) {
      if (frame.kind === 'text') expect(fresh.document.stories[frame.storyId]).toBeDefined();
    }
    expect(await s.newFromTemplate({ templateId: 'no-such' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('opens the sample as an unsaved copy whose assets load', async () => {
    const s = make();
    const sample = ok(await s.openSample({}));
    expect(sample.path).toBeNull();
    const assets = Object.values(sample.document.assets);
    expect(assets.length).toBeGreaterThan(0);
    const asset = ok(await s.loadAsset({ handle: sample.handle, assetId: assets[0].id }));
    expect(asset.mime).toBe(assets[0].mime);
    expect(Buffer.from(asset.bytes)).toEqual(Buffer.from(unpackFolio(SAMPLE_BYTES).assets.get(assets[0].path)!));
    expect(await s.saveDocument({ handle: sample.handle, document: sample.document })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('lists the default fonts and serves their bytes', async () => {
    const s = make();
    const fonts = ok(await s.listFonts({}));
    expect(fonts.map((f) => f.id)).toContain('noto-serif-sc-400');
    const font = ok(await s.loadFont({ fontId: 'noto-sans-sc-900' }));
    const bytes = Buffer.from(font.bytes);
    expect(bytes.readUInt32BE(0)).toBe(0x00010000); // TrueType sfnt version
    expect(await s.loadFont({ fontId: 'missing-font' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('lists workspace files without hidden ones, dot-folders or node_modules', async () => {
    const s = make();
    mkdirSync(path.join(ws.dir, 'pages'));
    writeFileSync(path.join(ws.dir, '.secret'), 'x');
    mkdirSync(path.join(ws.dir, '.git'));
    mkdirSync(path.join(ws.dir, 'node_modules'));
    const listing = ok(await s.listFiles({ dir: '.' }));
    expect(listing.entries).toEqual([
      { name: 'pages', path: 'pages', kind: 'dir' },
      { name: 'front.folio', path: 'front.folio', kind: 'file' },
    ]);
  });
});

describe('dispatch (the one validating entry for IPC and HTTP)', () => {
  it('refuses unknown channels, inherited keys and invalid payloads', async () => {
    const s = make();
    expect(await dispatchHostCall(s, 'dispose', {})).toMatchObject({ kind: 'unknown-channel' });
    expect(await dispatchHostCall(s, 'toString', {})).toMatchObject({ kind: 'unknown-channel' });
    expect(await dispatchHostCall(s, '__proto__', {})).toMatchObject({ kind: 'unknown-channel' });
    const bad = await dispatchHostCall(s, 'openDocument', { path: 42 });
    expect(bad).toMatchObject({ kind: 'invalid-payload' });
    const badHandle = await hostFromServices(s).closeDocument({ handle: '../../x' });
    expect(badHandle).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const good = await dispatchHostCall(s, 'listTemplates', {});
    expect(good).toMatchObject({ kind: 'done', result: { ok: true } });
  });

  it('refuses a list payload longer than any real issue by its size, with a short message (issue 13, item 13)', async () => {
    const s = make();
    const { document } = unpackFolio(SAMPLE_BYTES);
    const pageIds = Array.from({ length: 2_000_000 }, (_, i) => `p${i}`);
    const refused = await dispatchHostCall(s, 'startExport', { handle: 'AAAAAAAAAAAAAAAA', document, pageIds });
    expect(refused).toMatchObject({ kind: 'invalid-payload' });
    const message = (refused as { message: string }).message;
    expect(message).toMatch(/pageIds.*1000/);
    // The refusal names the limit; it never echoes the list back.
    expect(message.length).toBeLessThan(300);
  });
});

describe('corrupt-file fuzz', () => {
  it('answers 200 truncated or bit-flipped copies of a valid .folio with results, never a throw', async () => {
    const s = make();
    let seed = 0x5eed;
    const random = () => {
      // xorshift32: a fixed sequence, so a failure is reproducible.
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 0x100000000;
    };
    const codes = new Map<string, number>();
    for (let i = 0; i < 200; i++) {
      const bytes = new Uint8Array(SAMPLE_BYTES);
      let damaged: Uint8Array;
      if (i % 2 === 0) {
        damaged = bytes.subarray(0, Math.floor(random() * bytes.length));
      } else {
        for (let flips = 1 + Math.floor(random() * 8); flips > 0; flips--) {
          bytes[Math.floor(random() * bytes.length)] ^= 1 << Math.floor(random() * 8);
        }
        damaged = bytes;
      }
      const name = `fuzz-${i}.folio`;
      writeFileSync(path.join(ws.dir, name), damaged);
      const r = await s.openDocument({ path: name, readOnly: false });
      const key = r.ok ? 'ok' : r.error.code;
      codes.set(key, (codes.get(key) ?? 0) + 1);
      if (r.ok) {
        ok(await s.closeDocument({ handle: r.value.handle }));
      } else {
        expect(['invalid-file', 'io']).toContain(r.error.code);
        expect(r.error.message.length).toBeGreaterThan(10);
        if (i % 2 === 0) expect(r.error.code).toBe('invalid-file');
        expect(existsSync(path.join(ws.dir, `${name}.lock`))).toBe(false);
      }
    }
    // Every truncated copy lost the zip's central directory, so at least those 100 are refused.
    expect(codes.get('invalid-file') ?? 0).toBeGreaterThanOrEqual(100);
    expect(codes.get('internal')).toBeUndefined();
  });
});

describe('export through the services', () => {
  it('exports to the folder the user chose, remembers it for the document, and keeps it inside the workspace', async () => {
    const s = make();
    const opened = ok(await s.openDocument({ path: 'front.folio', readOnly: false }));
    expect(opened.exportDir).toBeUndefined();
    const first = ok(await s.exportPdf({ handle: opened.handle, document: opened.document, preset: 'print', outputPath: 'pdf/today' })).files;
    expect(path.dirname(first[0].path)).toBe(path.join(ws.dir, 'pdf', 'today'));
    ok(await s.closeDocument({ handle: opened.handle }));
    // Opened again (the same user, another day): the folder is remembered, and an export without one goes there.
    const again = ok(await s.openDocument({ path: 'front.folio', readOnly: false }));
    expect(again.exportDir).toBe('pdf/today');
    const proof = ok(await s.exportPdf({ handle: again.handle, document: again.document, preset: 'proof' })).files;
    expect(path.dirname(proof[0].path)).toBe(path.join(ws.dir, 'pdf', 'today'));
    // Saving again keeps the remembered folder (the recent list is rewritten on every save).
    ok(await s.saveDocument({ handle: again.handle, document: again.document }));
    ok(await s.closeDocument({ handle: again.handle }));
    expect(ok(await s.openDocument({ path: 'front.folio', readOnly: true })).exportDir).toBe('pdf/today');
    // Choosing the document's own folder again forgets the other one.
    const fourth = ok(await s.openDocument({ path: 'front.folio', readOnly: false }));
    ok(await s.exportPdf({ handle: fourth.handle, document: fourth.document, preset: 'print', outputPath: '.' }));
    ok(await s.closeDocument({ handle: fourth.handle }));
    expect(ok(await s.openDocument({ path: 'front.folio', readOnly: true })).exportDir).toBeUndefined();
    // Outside the workspace: refused at the start, nothing written, nothing remembered.
    const third = ok(await s.openDocument({ path: 'front.folio', readOnly: true }));
    for (const outside of ['/tmp', '../elsewhere']) {
      const refused = await s.startExport({ handle: third.handle, document: third.document, preset: 'print', outputPath: outside });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('keeps the preset in the file name, so print and proof PDFs of a page never overwrite each other', async () => {
    const s = make();
    const opened = ok(await s.openDocument({ path: 'front.folio', readOnly: false }));
    const date = opened.document.issue.date.replaceAll('-', '');
    const page = opened.document.pages[0].name;
    const print = ok(await s.exportPdf({ handle: opened.handle, document: opened.document, preset: 'print', outputPath: 'both' })).files;
    const proof = ok(await s.exportPdf({ handle: opened.handle, document: opened.document, preset: 'proof', outputPath: 'both' })).files;
    expect(path.basename(print[0].path)).toBe(`${date}_${page}.pdf`);
    expect(path.basename(proof[0].path)).toBe(`${date}_${page}_proof.pdf`);
    expect(readdirSync(path.join(ws.dir, 'both')).sort()).toEqual([`${date}_${page}.pdf`, `${date}_${page}_proof.pdf`]);
    // A template pattern with {preset} places it itself, with no suffix added.
    const named = { ...opened.document, template: { ...opened.document.template, output: { ...opened.document.template.output, namingPattern: '{preset}-{page}' } } };
    expect(fileNameForPage(named.template.output.namingPattern, named, page, 'print-x4')).toBe(`print-x4-${page}.pdf`);
    expect(fileNameForPage(opened.document.template.output.namingPattern, opened.document, page, 'print-x4')).toBe(`${date}_${page}_x4.pdf`);
  });

  it('writes one PDF per page named by the template pattern; a full disk leaves no file; a cancelled job writes nothing', async () => {
    const s = make();
    const opened = ok(await s.openDocument({ path: 'front.folio', readOnly: false }));
    const files = ok(await s.exportPdf({ handle: opened.handle, document: opened.document, preset: 'proof', outputPath: 'pdf' })).files;
    expect(files.map((f) => path.basename(f.path))).toEqual(opened.document.pages.map((p) => `${opened.document.issue.date.replaceAll('-', '')}_${p.name}_proof.pdf`));
    expect(readFileSync(files[0].path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(files[0].sizeBytes).toBe(readFileSync(files[0].path).length);

    const full: DiskIo = {
      ...nodeDiskIo,
      writeNewFile: async (filePath, bytes) => {
        await nodeDiskIo.writeNewFile(filePath, bytes.subarray(0, 100));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    const s2 = make({ io: full });
    const viewer = ok(await s2.openDocument({ path: 'front.folio', readOnly: true }));
    const failed = await s2.exportPdf({ handle: viewer.handle, document: viewer.document, preset: 'print', outputPath: 'full' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'io' } });
    if (!failed.ok) expect(failed.error.message).toMatch(/disk is full/);
    expect(readdirSync(path.join(ws.dir, 'full'))).toEqual([]);

    const { runExportJob } = await import('../../../src-main/services/export-job.js');
    const controller = new AbortController();
    controller.abort();
    await expect(
      runExportJob({
        document: opened.document,
        assets: s.documents.contents(opened.handle).assets,
        fonts: await s.fonts.providerFor(opened.document.template),
        preset: 'print',
        output: path.join(ws.dir, 'cancelled'),
        now: new Date(0),
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(existsSync(path.join(ws.dir, 'cancelled'))).toBe(false);
    expect(await s.exportPdf({ handle: opened.handle, document: opened.document, preset: 'print', outputPath: '../outside' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('background export jobs (startExport / exportStatus / cancelExport)', () => {
  it('runs in the background with progress, ends done with the files; a cancelled job ends cancelled and writes nothing', async () => {
    const s = make();
    const opened = ok(await s.openDocument({ path: 'front.folio', readOnly: false }));
    const { jobId } = ok(await s.startExport({ handle: opened.handle, document: opened.document, preset: 'proof', outputPath: 'jobs' }));
    expect(ok(await s.exportStatus({ jobId })).state).toBe('running');
    let status = ok(await s.exportStatus({ jobId }));
    const seen = new Set<string>();
    while (status.state === 'running') {
      seen.add(`${status.done}/${status.total}`);
      await new Promise((r) => setTimeout(r, 5));
      status = ok(await s.exportStatus({ jobId }));
    }
    expect(status).toMatchObject({ state: 'done', done: opened.document.pages.length, total: opened.document.pages.length });
    expect(status.files.map((f) => readFileSync(f.path).subarray(0, 5).toString())).toEqual(opened.document.pages.map(() => '%PDF-'));
    expect(ok(await s.cancelExport({ jobId }))).toEqual({ cancelling: false });

    const second = ok(await s.startExport({ handle: opened.handle, document: opened.document, preset: 'print', outputPath: 'stopped' })).jobId;
    expect(ok(await s.cancelExport({ jobId: second }))).toEqual({ cancelling: true });
    let stopped = ok(await s.exportStatus({ jobId: second }));
    while (stopped.state === 'running') {
      await new Promise((r) => setTimeout(r, 5));
      stopped = ok(await s.exportStatus({ jobId: second }));
    }
    expect(stopped).toMatchObject({ state: 'cancelled', files: [], error: { code: 'cancelled' } });
    expect(existsSync(path.join(ws.dir, 'stopped'))).toBe(false);
  });

  it('refuses at start what it would refuse later: unknown handles, paths outside the workspace; unknown job ids are not found', async () => {
    const s = make();
    const opened = ok(await s.openDocument({ path: 'front.folio', readOnly: false }));
    expect(await s.startExport({ handle: opened.handle, document: opened.document, preset: 'print', outputPath: '../outside' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.startExport({ handle: 'nosuchhandle', document: opened.document, preset: 'print' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await s.exportStatus({ jobId: 'deadbeefdeadbeef' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await s.cancelExport({ jobId: 'deadbeefdeadbeef' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('template catalogue and user fonts', () => {
  it('reports a broken template file as a problem without hiding the good ones', async () => {
    const { loadTemplateCatalogue } = await import('../../../src-main/services/templates.js');
    const dir = path.join(ws.dir, 'templates');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'good.json'), readFileSync(path.join(TEMPLATES_DIR, 'tabloid.json')));
    writeFileSync(path.join(dir, 'broken.json'), '{"schemaVersion": 1, "id": "Bad Id!"');
    writeFileSync(path.join(dir, 'invalid.json'), JSON.stringify({ schemaVersion: 1, id: 'x', name: 'X' }));
    writeFileSync(path.join(dir, 'future.json'), JSON.stringify({ schemaVersion: 7 }));
    const catalogue = await loadTemplateCatalogue(dir);
    expect(catalogue.templates.map((t) => t.id)).toEqual(['tabloid']);
    const byFile = Object.fromEntries(catalogue.problems.map((p) => [path.basename(p.file), p.message]));
    expect(byFile['broken.json']).toMatch(/not valid JSON/);
    expect(byFile['invalid.json']).toMatch(/invalid at page/);
    expect(byFile['future.json']).toMatch(/newer Folio/);
    // Said in the interface language too: the same failures as catalogue lines.
    const zh = createTranslator('zh-CN');
    const zhByFile = Object.fromEntries(catalogue.problems.map((p) => [path.basename(p.file), formatServiceMessage(p.uiMessage, zh)]));
    expect(zhByFile['broken.json']).toMatch(/^模板 broken\.json 不是有效的 JSON（.+）。$/);
    expect(zhByFile['invalid.json']).toMatch(/^模板 invalid\.json 在 page\S* 处无效（.+）。$/);
    expect(zhByFile['future.json']).toBe('无法读取模板 future.json：' + formatServiceMessage({ key: 'service.folio.newerVersion', values: { kind: 'template', found: 7, current: TEMPLATE_SCHEMA_VERSION } }, zh));
  });

  it('lists user fonts from a fonts folder with family and weight read from the font', async () => {
    const fontsDir = path.join(ws.dir, 'fonts');
    mkdirSync(fontsDir);
    copyFileSync(resolveDefaultFontFile(DEFAULT_FONTS.find((f) => f.id === 'noto-sans-sc-700')!.file), path.join(fontsDir, 'House Sans Bold.ttf'));
    writeFileSync(path.join(fontsDir, 'not-a-font.ttf'), 'garbage');
    const s = make({ fontsDirs: [fontsDir, path.join(ws.dir, 'no-such-folder')] });
    const fonts = ok(await s.listFonts({}));
    const user = fonts.filter((f) => f.id.startsWith('user-'));
    expect(user).toEqual([{ id: 'user-house-sans-bold', family: 'Noto Sans SC', weight: 700 }]);
    const bytes = Buffer.from(ok(await s.loadFont({ fontId: 'user-house-sans-bold' })).bytes);
    expect(bytes.length).toBe(readFileSync(path.join(fontsDir, 'House Sans Bold.ttf')).length);
  });
});
