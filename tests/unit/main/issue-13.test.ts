/** Issue 13: never lose work, never write outside the workspace, never hang — attacks by a hostile colleague and an unlucky machine. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FolioDocument } from '../../../src-core/model/document.js';
import { STALE_TEMP_MS, nodeDiskIo, readFileUpTo, type DiskIo, type ReadRefusal } from '../../../src-main/services/disk.js';
import { recoveryDirFor } from '../../../src-main/services/app-data.js';
import { LEASE_MS } from '../../../src-main/services/document-lock.js';
import type { Services } from '../../../src-main/services/services.js';
import { FIXED_NOW, REPO_ROOT, simulateCrash, SAMPLE_BYTES, SAMPLE_PATH, serveUrl, servicesFor, tempDir } from './helpers.js';

let ws: { dir: string; cleanup: () => void };
let outside: { dir: string; cleanup: () => void };
let services: Services[] = [];
const make = (extra: Parameters<typeof servicesFor>[1] = {}) => {
  const s = servicesFor(ws.dir, extra);
  services.push(s);
  return s;
};

beforeEach(() => {
  ws = tempDir();
  outside = tempDir('folio-outside-');
  writeFileSync(path.join(ws.dir, 'front.folio'), SAMPLE_BYTES);
});
afterEach(async () => {
  for (const s of services) await s.dispose();
  services = [];
  ws.cleanup();
  outside.cleanup();
});

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('the .bak of a save (items 1 and 3)', () => {
  it('replaces a .bak that is a symbolic link instead of copying the old document through it', async () => {
    const victim = path.join(outside.dir, 'victim.txt');
    writeFileSync(victim, 'not yours');
    symlinkSync(victim, path.join(ws.dir, 'front.folio.bak'));
    const s = make();
    const opened = ok(await s.openDocument({ path: 'front.folio', readOnly: false }));
    ok(await s.saveDocument({ handle: opened.handle, document: { ...opened.document, title: '新标题' } }));
    expect(readFileSync(victim, 'utf8')).toBe('not yours');
    const bak = path.join(ws.dir, 'front.folio.bak');
    expect(lstatSync(bak).isFile()).toBe(true);
    expect(new Uint8Array(readFileSync(bak))).toEqual(SAMPLE_BYTES);
  });

  it('keeps the previous .bak whole when the copy dies half-way (a crash mid-save)', async () => {
    const s0 = make();
    const first = ok(await s0.openDocument({ path: 'front.folio', readOnly: false }));
    const v2: FolioDocument = { ...first.document, title: '第二版' };
    ok(await s0.saveDocument({ handle: first.handle, document: v2 }));
    const bak = path.join(ws.dir, 'front.folio.bak');
    const bakBefore = readFileSync(bak);
    ok(await s0.closeDocument({ handle: first.handle }));
    // The copy writes half of the file where it was told to, then the process "dies".
    const io: DiskIo = {
      ...nodeDiskIo,
      async copyFile(from, to) {
        const bytes = readFileSync(from);
        writeFileSync(to, bytes.subarray(0, bytes.length >> 1));
        throw Object.assign(new Error('EIO: i/o error, copyfile'), { code: 'EIO' });
      },
    };
    const s = make({ io });
    const opened = ok(await s.openDocument({ path: 'front.folio', readOnly: false }));
    const r = await s.saveDocument({ handle: opened.handle, document: { ...v2, title: '第三版' } });
    expect(r.ok).toBe(false);
    expect(readFileSync(bak)).toEqual(bakBefore);
    expect(readdirSync(ws.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(path.join(ws.dir, 'front.folio'))).toBe(true);
  });
});

describe('planted recovery records (item 2)', () => {
  const plant = (handle: string, meta: Record<string, unknown>, name = `${handle}.json`) => {
    const dir = path.join(ws.dir, '.folio-recovery');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${handle}.folio`), SAMPLE_BYTES);
    writeFileSync(path.join(dir, name), JSON.stringify(meta));
  };

  it('never offers, locks or saves to a path outside the workspace that a record names', async () => {
    const target = path.join(outside.dir, 'elsewhere.folio');
    plant('AAAAAAAAAAAAAAAA', { handle: 'AAAAAAAAAAAAAAAA', originalPath: target, savedAt: '2026-01-01T00:00:00.000Z', title: 'x' });
    const s = make();
    expect(ok(await s.listRecoveries())).toEqual([]);
    const started = ok(await s.openSample({}));
    expect(started.recoveredFrom).toBeUndefined();
    expect(started.path).toBeNull();
    expect(readdirSync(outside.dir)).toEqual([]);
  });

  it('ignores records that are malformed, speak for another handle or name a non-.folio file', async () => {
    const inside = path.join(ws.dir, 'front.folio');
    plant('BBBBBBBBBBBBBBBB', { handle: 'CCCCCCCCCCCCCCCC', originalPath: inside, savedAt: '2026-01-01T00:00:00.000Z', title: 'x' });
    plant('DDDDDDDDDDDDDDDD', { handle: 'DDDDDDDDDDDDDDDD', originalPath: path.join(ws.dir, 'notes.txt'), savedAt: '2026-01-01T00:00:00.000Z', title: 'x' });
    plant('EEEEEEEEEEEEEEEE', { handle: 'EEEEEEEEEEEEEEEE', originalPath: 42, savedAt: 'yesterday', title: 'x' });
    plant('../../escape-aaaa', { handle: '../../escape-aaaa', originalPath: null, savedAt: '2026-01-01T00:00:00.000Z', title: 'x' }, 'escape.json');
    // A data file that is not the record's own: another handle's, or a path out of the recovery folder.
    plant('GGGGGGGGGGGGGGGG', { handle: 'GGGGGGGGGGGGGGGG', originalPath: null, savedAt: '2026-01-01T00:00:00.000Z', title: 'x', dataFile: 'BBBBBBBBBBBBBBBB.folio' });
    plant('HHHHHHHHHHHHHHHH', { handle: 'HHHHHHHHHHHHHHHH', originalPath: null, savedAt: '2026-01-01T00:00:00.000Z', title: 'x', dataFile: '../front.folio' });
    const s = make();
    expect(ok(await s.listRecoveries())).toEqual([]);
    const opened = ok(await s.openDocument({ path: 'front.folio', readOnly: false }));
    expect(opened.recoveredFrom).toBeUndefined();
  });

  it('still offers a well-formed record of a file inside the workspace', async () => {
    plant('FFFFFFFFFFFFFFFF', { handle: 'FFFFFFFFFFFFFFFF', originalPath: path.join(ws.dir, 'front.folio'), savedAt: '2026-01-01T00:00:00.000Z', title: 'x' });
    expect(ok(await make().listRecoveries())).toHaveLength(1);
  });
});

describe('temp files a crash left (item 3)', () => {
  it('sweeps Folio\'s own temp files older than a minute from the recovery and document folders, nothing else', async () => {
    const recoveryDir = path.join(ws.dir, '.folio-recovery');
    mkdirSync(recoveryDir);
    const old = (FIXED_NOW.getTime() - 2 * STALE_TEMP_MS) / 1000;
    const recent = (FIXED_NOW.getTime() - 10_000) / 1000;
    const put = (file: string, mtimeS: number) => {
      writeFileSync(file, 'x');
      utimesSync(file, mtimeS, mtimeS);
      return file;
    };
    const staleRecovery = put(path.join(recoveryDir, '.abcDEF_123-4567gh.folio.0123456789ab.tmp'), old);
    const staleDoc = put(path.join(ws.dir, '.front.folio.ba9876543210.tmp'), old);
    const writing = put(path.join(ws.dir, '.front.folio.aaaaaaaaaaaa.tmp'), recent);
    const notOurs = put(path.join(ws.dir, '.draft.tmp'), old);
    const userFile = put(path.join(ws.dir, 'notes.0123456789ab.tmp'), old);
    const s = make();
    ok(await s.listRecoveries());
    ok(await s.openDocument({ path: 'front.folio', readOnly: false }));
    expect(existsSync(staleRecovery)).toBe(false);
    expect(existsSync(staleDoc)).toBe(false);
    for (const kept of [writing, notOurs, userFile]) expect(existsSync(kept), kept).toBe(true);
  });

  it('sweeps the settings folder the recent-files list is rewritten in', async () => {
    const configDir = path.join(ws.dir, '.folio');
    mkdirSync(configDir);
    const stale = path.join(configDir, '.recent-files.json.0123456789ab.tmp');
    writeFileSync(stale, '{');
    const old = (FIXED_NOW.getTime() - 2 * STALE_TEMP_MS) / 1000;
    utimesSync(stale, old, old);
    ok(await make().listRecent({}));
    expect(existsSync(stale)).toBe(false);
  });
});

describe('a closed pipe (item 4)', () => {
  it('folio text into a reader that has gone ends quietly with exit 0, no stack trace', async () => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'folio.cjs'), 'text', SAMPLE_PATH], { cwd: ws.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the CLI writes a byte: its first write meets a pipe with no reader (EPIPE), like `| head -1`.
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (c, s) => resolve({ code: c, signal: s })));
    expect(err).toBe('');
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  });
});

describe('named pipes and devices (item 5)', () => {
  const fifo = (file: string) => {
    expect(spawnSync('mkfifo', [file]).status).toBe(0);
    return file;
  };
  const refuse = (why: ReadRefusal) => new Error(`refused: ${why.kind}`);

  it('reads only regular files, each within its cap, through one helper', async () => {
    await expect(readFileUpTo('/dev/zero', 1024, refuse)).rejects.toThrow('refused: not-a-file');
    await expect(readFileUpTo(fifo(path.join(ws.dir, 'pipe')), 1024, refuse)).rejects.toThrow('refused: not-a-file');
    await expect(readFileUpTo(ws.dir, 1024, refuse)).rejects.toThrow('refused: folder');
    await expect(readFileUpTo(path.join(ws.dir, 'front.folio'), 1024, refuse)).rejects.toThrow('refused: too-large');
    symlinkSync(path.join(ws.dir, 'front.folio'), path.join(ws.dir, 'link.folio'));
    expect(await readFileUpTo(path.join(ws.dir, 'link.folio'), SAMPLE_BYTES.length, refuse)).toEqual(SAMPLE_BYTES);
  });

  it('refuses a FIFO named .folio, a FIFO as a picture, a manuscript and a lock file, and keeps answering', async () => {
    fifo(path.join(ws.dir, 'evil.folio'));
    fifo(path.join(ws.dir, 'photo.jpg'));
    fifo(path.join(ws.dir, 'story.txt'));
    fifo(path.join(ws.dir, 'front.folio.lock'));
    const s = make();
    const opened = await s.openDocument({ path: 'evil.folio', readOnly: false });
    expect(opened).toMatchObject({ ok: false, error: { message: expect.stringMatching(/evil\.folio is not an ordinary file \(a named pipe/) } });
    const fresh = ok(await s.newFromTemplate({ templateId: 'tabloid' }));
    expect(await s.importAsset({ handle: fresh.handle, path: 'photo.jpg', as: 'picture' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not an ordinary file/) } });
    expect(await s.readManuscript({ path: 'story.txt' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not an ordinary file/) } });
    // A lock file that is a FIFO is unreadable: the document is offered read-only, nothing waits on it.
    expect(await s.openDocument({ path: 'front.folio', readOnly: false })).toMatchObject({ ok: false, error: { code: 'in-use' } });
    expect(ok(await s.openDocument({ path: 'front.folio', readOnly: true })).readOnly).toBe(true);
  });

  it('leaves a FIFO named like a font out of the font list instead of hanging in it', async () => {
    const fontsDir = path.join(ws.dir, 'fonts');
    mkdirSync(fontsDir);
    fifo(path.join(fontsDir, 'evil.ttf'));
    const s = make({ fontsDirs: [fontsDir] });
    const fonts = ok(await s.listFonts({}));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.some((f) => f.id.includes('evil'))).toBe(false);
  });
});

/** What a kill -9 leaves (see helpers). */
const crash = () => simulateCrash(ws.dir);

describe('recovery offers only what is newer than the file, written as one unit (item 6)', () => {
  it('drops an autosave that a save overtook when the crash came between the save and the discard', async () => {
    let crashAfterRename = false;
    const io: DiskIo = {
      ...nodeDiskIo,
      async syncDir(dirPath) {
        // syncDir runs right after a write's rename: dying here is dying between the save and its clean-up.
        if (crashAfterRename) throw Object.assign(new Error('killed'), { code: 'EKILLED' });
        return nodeDiskIo.syncDir(dirPath);
      },
    };
    const a = make({ io });
    const opened = ok(await a.openDocument({ path: 'front.folio', readOnly: false }));
    ok(await a.autosave({ handle: opened.handle, document: { ...opened.document, title: '自动保存的旧稿' } }));
    crashAfterRename = true;
    const saved: FolioDocument = { ...opened.document, title: '已保存的新稿' };
    expect((await a.saveDocument({ handle: opened.handle, document: saved })).ok).toBe(false);
    crash();
    const b = make();
    const reopened = ok(await b.openDocument({ path: 'front.folio', readOnly: false }));
    expect(reopened.recoveredFrom).toBeUndefined();
    expect(reopened.document.title).toBe('已保存的新稿');
    expect(ok(await b.listRecoveries())).toEqual([]);
  });

  it('gives an autosave whose file was changed otherwise back as an unsaved copy, never over the file', async () => {
    const a = make();
    const opened = ok(await a.openDocument({ path: 'front.folio', readOnly: false }));
    ok(await a.autosave({ handle: opened.handle, document: { ...opened.document, title: '我的修改' } }));
    crash();
    const other = make();
    const theirs = ok(await other.newFromTemplate({ templateId: 'tabloid' }));
    ok(await other.saveDocument({ handle: theirs.handle, document: { ...theirs.document, title: '同事的版本' }, path: 'theirs.folio' }));
    ok(await other.closeDocument({ handle: theirs.handle }));
    // A colleague's version copied over the file behind Folio's back.
    writeFileSync(path.join(ws.dir, 'front.folio'), readFileSync(path.join(ws.dir, 'theirs.folio')));
    const b = make();
    const reopened = ok(await b.openDocument({ path: 'front.folio', readOnly: false }));
    expect(reopened.recoveredFrom).toBeUndefined();
    expect(reopened.document.title).toBe('同事的版本');
    ok(await b.closeDocument({ handle: reopened.handle }));
    const [recovery] = ok(await b.listRecoveries());
    const copy = ok(await b.openRecovery(recovery.handle));
    expect(copy.document.title).toBe('我的修改');
    expect(copy.path).toBeNull();
  });

  it('keeps record and data of an autosave together when the process dies between writing them', async () => {
    let dieAtRecord = false;
    const io: DiskIo = {
      ...nodeDiskIo,
      async writeNewFile(filePath, bytes) {
        if (dieAtRecord && filePath.includes('.json.')) throw Object.assign(new Error('killed'), { code: 'EKILLED' });
        return nodeDiskIo.writeNewFile(filePath, bytes);
      },
    };
    const a = make({ io });
    const opened = ok(await a.openDocument({ path: 'front.folio', readOnly: false }));
    ok(await a.autosave({ handle: opened.handle, document: { ...opened.document, title: '第一次自动保存' } }));
    dieAtRecord = true;
    expect((await a.autosave({ handle: opened.handle, document: { ...opened.document, title: '第二次自动保存' } })).ok).toBe(false);
    crash();
    const b = make();
    const [listed] = ok(await b.listRecoveries());
    const reopened = ok(await b.openDocument({ path: 'front.folio', readOnly: false }));
    expect(reopened.recoveredFrom).toBeDefined();
    expect(reopened.document.title).toBe(listed.title);
  });
});

describe('autosaves belong to the live session that writes them (item 7)', () => {
  it('a second Folio on the same folder leaves a live session\'s autosave alone, and recovers it after a crash', async () => {
    const a = make();
    const fresh = ok(await a.newFromTemplate({ templateId: 'tabloid' }));
    ok(await a.autosave({ handle: fresh.handle, document: { ...fresh.document, title: '正在编辑' } }));
    const b = make();
    expect(ok(await b.listRecoveries())).toEqual([]);
    expect(ok(await b.openSample({})).recoveredFrom).toBeUndefined();
    crash();
    const c = make();
    const recovered = ok(await c.openSample({}));
    expect(recovered.recoveredFrom).toBeDefined();
    expect(recovered.document.title).toBe('正在编辑');
  });

  it('a session of another host holds its autosaves while its heartbeat is fresh, not after', async () => {
    let nowMs = FIXED_NOW.getTime();
    const clock = () => new Date(nowMs);
    const a = make({ clock });
    const fresh = ok(await a.newFromTemplate({ templateId: 'tabloid' }));
    ok(await a.autosave({ handle: fresh.handle, document: fresh.document }));
    const recoveryDir = path.join(ws.dir, '.folio-recovery');
    const [sessionName] = readdirSync(recoveryDir).filter((n) => n.endsWith('.session'));
    const sessionFile = path.join(recoveryDir, sessionName);
    writeFileSync(sessionFile, JSON.stringify({ ...JSON.parse(readFileSync(sessionFile, 'utf8')), host: 'desk-7.newsroom', pid: 1 }));
    utimesSync(sessionFile, nowMs / 1000, nowMs / 1000);
    const b = make({ clock });
    expect(ok(await b.listRecoveries())).toEqual([]);
    nowMs += LEASE_MS + 1;
    expect(ok(await b.listRecoveries())).toHaveLength(1);
  });

  it('an empty, half-written or foreign-host lock file holds the document only while it is fresh', async () => {
    let nowMs = FIXED_NOW.getTime();
    const clock = () => new Date(nowMs);
    const lockPath = path.join(ws.dir, 'front.folio.lock');
    for (const content of ['', '{"pid": 12', JSON.stringify({ pid: 1, host: 'desk-7.newsroom', since: FIXED_NOW.toISOString(), token: 'x' })]) {
      writeFileSync(lockPath, content);
      utimesSync(lockPath, nowMs / 1000, nowMs / 1000);
      const s = make({ clock });
      expect(await s.openDocument({ path: 'front.folio', readOnly: false }), content).toMatchObject({ ok: false, error: { code: 'in-use' } });
      nowMs += LEASE_MS + 1;
      const opened = ok(await s.openDocument({ path: 'front.folio', readOnly: false }));
      expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(process.pid);
      ok(await s.closeDocument({ handle: opened.handle }));
    }
  });
});

describe('the recovery folder lives outside the workspace (item 2)', () => {
  it('is one folder per workspace under the user\'s data folder, XDG_DATA_HOME respected', () => {
    const linux = { env: {}, homeDir: '/home/li', platform: 'linux' as const };
    expect(recoveryDirFor('/srv/news', linux)).toMatch(/^\/home\/li\/\.local\/share\/folio\/recovery\/[0-9a-f]{16}$/);
    expect(recoveryDirFor('/srv/news', { ...linux, env: { XDG_DATA_HOME: '/data/li' } })).toMatch(/^\/data\/li\/folio\/recovery\/[0-9a-f]{16}$/);
    // A relative XDG_DATA_HOME is invalid by the XDG spec and ignored.
    expect(recoveryDirFor('/srv/news', { ...linux, env: { XDG_DATA_HOME: 'rel' } })).toBe(recoveryDirFor('/srv/news', linux));
    expect(recoveryDirFor('/srv/news', linux)).not.toBe(recoveryDirFor('/srv/sport', linux));
  });

  it('folio serve autosaves into it, never into the workspace', async () => {
    const xdg = path.join(outside.dir, 'xdg');
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'folio.cjs'), 'serve', '--port', '0', '--root', ws.dir], {
      cwd: ws.dir, env: { ...process.env, XDG_DATA_HOME: xdg, FOLIO_RECOVERY_DIR: '' },
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await serveUrl(child);
      const call = async (channel: string, payload: unknown) => {
        const res = await fetch(new URL(`/api/${channel}`, url), {
          method: 'POST', headers: { 'content-type': 'application/json', 'x-folio-token': url.searchParams.get('token')! }, body: JSON.stringify(payload),
        });
        return ok((await res.json()) as { ok: true; value: { handle: string; document: FolioDocument } });
      };
      const fresh = await call('newFromTemplate', { templateId: 'tabloid' });
      await call('autosave', { handle: fresh.handle, document: fresh.document });
      expect(existsSync(path.join(ws.dir, '.folio-recovery'))).toBe(false);
      const recoveryDir = recoveryDirFor(realpathSync(ws.dir), { env: { XDG_DATA_HOME: xdg }, homeDir: '/nowhere', platform: process.platform });
      expect(readdirSync(recoveryDir)).toContain(`${fresh.handle}.json`);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});

describe('duplicate page names (item 11)', () => {
  /** The sample with four pages named A01, A01, A/01 and A:01 (the second to fourth copies of its first page). */
  async function fourPagesFile(): Promise<string> {
    const { packFolio, unpackFolio } = await import('../../../src-core/model/folio-file.js');
    const { document, assets } = unpackFolio(SAMPLE_BYTES);
    const first = document.pages[0]!;
    const copy = (id: string, name: string) => ({ ...first, id, name, frames: [] });
    const doc: FolioDocument = { ...document, pages: [{ ...first, name: 'A01' }, copy('p-dup', 'A01'), copy('p-slash', 'A/01'), copy('p-colon', 'A:01')] };
    const file = path.join(ws.dir, 'dupes.folio');
    writeFileSync(file, packFolio(doc, assets));
    return file;
  }
  const folio = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'folio.cjs'), ...args], { cwd: ws.dir, encoding: 'utf8', env: { ...process.env, LANG: 'C', SOURCE_DATE_EPOCH: '0' } });

  it('preflight names the pages and the file name they would share; export refuses before writing any file', async () => {
    const file = await fourPagesFile();
    const checked = folio('preflight', file, '--preset', 'proof');
    expect(checked.status).toBe(2);
    const clashes = checked.stdout.split('\n').filter((l) => l.includes('output-name-clash'));
    expect(clashes).toHaveLength(2);
    expect(clashes[0]).toMatch(/"A01", "A01".*"20230720_A01_proof\.pdf"/);
    expect(clashes[1]).toMatch(/"A\/01", "A:01".*"20230720_A_01_proof\.pdf"/);

    const out = path.join(ws.dir, 'out');
    const refused = folio('export', file, '-o', `${out}/`, '--preset', 'proof');
    expect(refused.status).toBe(2);
    const forced = folio('export', file, '-o', `${out}/`, '--preset', 'proof', '--force');
    expect(forced.status).toBe(1);
    expect(forced.stderr).toMatch(/^folio: Pages A01, A01 would all be written to 20230720_A01_proof\.pdf: give each page its own name \(nothing was exported\)\.$/m);
    expect(forced.stderr).not.toMatch(/\n\s+at /);
    expect(forced.stdout).toBe('');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('compares names as a case-insensitive disk does: a01 and A01 are one file', async () => {
    const { outputNameClashes } = await import('../../../src-core/pdf/output-name.js');
    const { unpackFolio } = await import('../../../src-core/model/folio-file.js');
    const { document } = unpackFolio(SAMPLE_BYTES);
    const pages = [{ id: 'x', name: 'a01' }, { id: 'y', name: 'A01' }, { id: 'z', name: 'A02' }];
    expect(outputNameClashes(document, 'print', pages)).toEqual([{ fileName: '20230720_a01.pdf', pages: [{ id: 'x', name: 'a01' }, { id: 'y', name: 'A01' }] }]);
    // A proof and a print PDF of one page are different files.
    expect(outputNameClashes(document, 'proof', pages.slice(1))).toEqual([]);
  });

  it('the app\'s export job refuses the same pages and leaves no file', async () => {
    const file = await fourPagesFile();
    const s = make();
    const opened = ok(await s.openDocument({ path: path.basename(file), readOnly: true }));
    const r = await s.exportPdf({ handle: opened.handle, document: opened.document, preset: 'print', outputPath: 'pdfs' });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/Pages A01, A01 would all be written to 20230720_A01\.pdf/) } });
    expect(existsSync(path.join(ws.dir, 'pdfs')) ? readdirSync(path.join(ws.dir, 'pdfs')) : []).toEqual([]);
  });
});

describe('long operations stop within a second of being asked (item 6)', () => {
  /** The sample with its first story replaced by one word of two million letters: seconds of composing. */
  async function slowFile(): Promise<string> {
    const { packFolio, unpackFolio } = await import('../../../src-core/model/folio-file.js');
    const { document, assets } = unpackFolio(SAMPLE_BYTES);
    const id = Object.keys(document.stories)[0]!;
    const story = { ...document.stories[id]!, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(2_000_000) }] }] } };
    const file = path.join(ws.dir, 'slow.folio');
    writeFileSync(file, packFolio({ ...document, stories: { ...document.stories, [id]: story } }, assets));
    return file;
  }

  it('folio preflight and folio export end within a second of SIGTERM or SIGINT, even mid-compose, and write nothing', async () => {
    const file = await slowFile();
    const out = path.join(ws.dir, 'out');
    for (const [args, signal] of [[['preflight', file], 'SIGTERM'], [['export', file, '-o', `${out}/`, '--force'], 'SIGINT']] as const) {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'folio.cjs'), ...args], { cwd: ws.dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C' } });
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.stdout.resume();
      const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (c, s) => resolve({ code: c, signal: s })));
      // Past start-up and reading: composing the word takes seconds from here.
      await new Promise((r) => setTimeout(r, 1500));
      const asked = performance.now();
      child.kill(signal);
      const end = await closed;
      const tookMs = performance.now() - asked;
      expect(tookMs, `${args[0]} after ${signal}`).toBeLessThan(1000);
      // Ended by the signal itself, or by the CLI with the documented exit code for an interruption.
      expect(end.signal === signal || end.code === 130, `${args[0]}: ${JSON.stringify(end)} ${err}`).toBe(true);
      expect(err).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('a cancelled app export reads as cancelled at once, while the page it was writing winds down; nothing is written after', async () => {
    let writing: (() => void) | undefined;
    const slowDisk: DiskIo = {
      ...nodeDiskIo,
      // Every PDF takes two seconds to write (a slow network share).
      async writeNewFile(file, bytes) {
        await new Promise<void>((resolve) => {
          writing = resolve;
          setTimeout(resolve, 2000);
        });
        await nodeDiskIo.writeNewFile(file, bytes);
      },
    };
    const s = make({ io: slowDisk });
    const opened = ok(await s.openDocument({ path: 'front.folio', readOnly: true }));
    const document: FolioDocument = { ...opened.document, pages: [opened.document.pages[0]!, { ...opened.document.pages[0]!, id: 'p2', name: 'A02', frames: [] }] };
    const { jobId } = ok(await s.startExport({ handle: opened.handle, document, preset: 'proof', outputPath: 'slow' }));
    while (!writing) await new Promise((r) => setTimeout(r, 5));
    const asked = performance.now();
    expect(ok(await s.cancelExport({ jobId }))).toEqual({ cancelling: true });
    expect(ok(await s.exportStatus({ jobId }))).toMatchObject({ state: 'cancelled', error: { code: 'cancelled' } });
    expect(performance.now() - asked).toBeLessThan(1000);
    // The page being written is finished whole; the second page is never started.
    await new Promise((r) => setTimeout(r, 2500));
    expect(readdirSync(path.join(ws.dir, 'slow'))).toEqual(['20230720_A01_proof.pdf']);
    expect(ok(await s.exportStatus({ jobId })).state).toBe('cancelled');
  });
});
