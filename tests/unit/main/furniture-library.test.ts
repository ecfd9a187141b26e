import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostResult } from '../../../src-core/api/host-api.js';
import { captureFurniture, MAX_FURNITURE_FILE_BYTES, type FurnitureItem } from '../../../src-core/model/furniture.js';
import { nodeDiskIo, type DiskIo } from '../../../src-main/services/disk.js';
import { hostFromServices } from '../../../src-main/services/dispatch.js';
import { servicesFor, tempDir } from './helpers.js';
import { createTranslator } from '../../../src-core/i18n/translator.js';
import { hostErrorText } from '../../../src-renderer/state/ui-message.js';

let ws: ReturnType<typeof tempDir>;
let outside: ReturnType<typeof tempDir>;
beforeEach(() => {
  ws = tempDir('folio-library-');
  outside = tempDir('folio-outside-');
});
afterEach(() => {
  ws.cleanup();
  outside.cleanup();
});

function ok<T>(r: HostResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The sample's photo and its caption, captured as an item named `name`. */
async function sampleItem(name: string) {
  const services = servicesFor(ws.dir);
  const host = hostFromServices(services);
  const opened = ok(await host.openSample({}));
  const item = captureFurniture(opened.document, opened.document.pages[0]!.id, ['photo', 'photo-caption'], name);
  return { services, host, opened, item };
}

const libraryFiles = () => readdirSync(path.join(ws.dir, 'library'));

describe('the furniture library service', () => {
  it('lists the built-in items, saves an item atomically with its picture, lists and deletes it', async () => {
    const { host, opened, item } = await sampleItem('Photo and caption');
    const before = ok(await host.listLibrary({}));
    expect(before.items.filter((e) => e.source === 'builtin').map((e) => e.name).sort()).toEqual(['天气预报', '栏目标签·反白', '标题组'].sort());
    expect(before.problems).toEqual([]);

    const saved = ok(await host.saveLibraryItem({ handle: opened.handle, item }));
    expect(saved.path).toBe('library/Photo and caption.folio-item.json');
    // No temp file is left beside it; the picture is kept where its link says.
    expect(libraryFiles().sort()).toEqual(['Photo and caption.folio-item.json', 'pictures']);
    expect(item.pictures).toEqual([{ path: 'library/pictures/photo-placeholder.png', assetId: 'photo-placeholder' }]);
    expect(readFileSync(path.join(ws.dir, 'library/pictures/photo-placeholder.png')).subarray(1, 4).toString()).toBe('PNG');
    // The link is good: the file imports as a picture.
    const imported = ok(await host.importAsset({ handle: opened.handle, path: item.pictures[0]!.path }));
    expect(imported.format).toBe('png');

    const listed = ok(await host.listLibrary({}));
    const own = listed.items.find((e) => e.source === 'workspace');
    expect(own?.name).toBe('Photo and caption');
    expect(own?.item).toEqual(item);

    // Saving again under the same name needs `replace`.
    const again = await host.saveLibraryItem({ handle: opened.handle, item });
    expect(again).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    if (!again.ok) expect(again.error.message).toMatch(/already has an item named "Photo and caption"/);
    ok(await host.saveLibraryItem({ handle: opened.handle, item: { ...item, widthPt: 10 }, replace: true }));
    expect(JSON.parse(readFileSync(path.join(ws.dir, 'library/Photo and caption.folio-item.json'), 'utf8')).widthPt).toBe(10);

    ok(await host.deleteLibraryItem({ name: 'Photo and caption' }));
    expect(existsSync(path.join(ws.dir, 'library/Photo and caption.folio-item.json'))).toBe(false);
    const gone = await host.deleteLibraryItem({ name: '天气预报' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses hostile names on save and delete, before touching the disk', async () => {
    const { host, item } = await sampleItem('ok');
    for (const name of ['../escape', '../../etc/passwd', 'a/b', '.hidden', 'nul\u0000byte', 'x'.repeat(300)]) {
      const saved = await host.saveLibraryItem({ item: { ...item, name } });
      expect(saved, name).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      const deleted = await host.deleteLibraryItem({ name });
      expect(deleted, name).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(existsSync(path.join(ws.dir, 'library'))).toBe(false);
    expect(readdirSync(path.dirname(ws.dir)).some((n) => n === 'escape.folio-item.json')).toBe(false);
  });

  it('refuses an oversized item and reports an oversized file, a broken file, a link and a FIFO as problems', async () => {
    const { host, item } = await sampleItem('big');
    const story = item.stories[0]!;
    const huge: FurnitureItem = { ...item, stories: [{ ...story, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '字'.repeat(MAX_FURNITURE_FILE_BYTES / 2) }] }] } }] };
    const refused = await host.saveLibraryItem({ item: huge });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/more than a library item can be/);

    mkdirSync(path.join(ws.dir, 'library'));
    writeFileSync(path.join(ws.dir, 'library/huge.folio-item.json'), Buffer.alloc(MAX_FURNITURE_FILE_BYTES + 1, 32));
    writeFileSync(path.join(ws.dir, 'library/broken.folio-item.json'), '{"format":"folio-furniture","version":1}');
    writeFileSync(path.join(outside.dir, 'secret.folio-item.json'), JSON.stringify({ ...item, name: 'secret' }));
    symlinkSync(path.join(outside.dir, 'secret.folio-item.json'), path.join(ws.dir, 'library/secret.folio-item.json'));
    mkfifoOrSkip(path.join(ws.dir, 'library/pipe.folio-item.json'));
    const listed = ok(await host.listLibrary({}));
    expect(listed.items.filter((e) => e.source === 'workspace')).toEqual([]);
    const byFile = Object.fromEntries(listed.problems.map((p) => [p.file, p.message]));
    expect(byFile['huge.folio-item.json']).toMatch(/more than an item can be/);
    expect(byFile['broken.folio-item.json']).toMatch(/is invalid at name/);
    expect(byFile['secret.folio-item.json']).toMatch(/not an ordinary file/);
    if (existsSync(path.join(ws.dir, 'library/pipe.folio-item.json'))) expect(byFile['pipe.folio-item.json']).toMatch(/not an ordinary file/);
    // Each problem carries its line for the interface language (issue 14): the validator's words in parentheses.
    const zh = createTranslator('zh-CN');
    const inChinese = Object.fromEntries(listed.problems.map((p) => [p.file, hostErrorText(p, zh)]));
    expect(inChinese['huge.folio-item.json']).toBe(`资料库条目 huge.folio-item.json 有 ${MAX_FURNITURE_FILE_BYTES + 1} 字节，超过条目的上限（${MAX_FURNITURE_FILE_BYTES} 字节）。`);
    expect(inChinese['broken.folio-item.json']).toMatch(/^资料库条目 broken\.folio-item\.json 在 name 处无效（.+）。$/);
    expect(inChinese['secret.folio-item.json']).toBe('资料库条目 secret.folio-item.json 不是普通文件（而是链接、文件夹或设备），Folio 不读取它。');
    for (const p of listed.problems) expect(hostErrorText(p, createTranslator('en'))).toBe(p.message);
  });

  it('refuses a library folder that is a link out of the workspace', async () => {
    const { host, item } = await sampleItem('linked');
    symlinkSync(outside.dir, path.join(ws.dir, 'library'));
    const saved = await host.saveLibraryItem({ item });
    expect(saved).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(readdirSync(outside.dir)).toEqual([]);
    // Listing still shows the built-in items, and says why the workspace's are missing.
    const listed = ok(await host.listLibrary({}));
    expect(listed.items.map((e) => e.source)).toEqual(['builtin', 'builtin', 'builtin']);
    expect(listed.problems).toEqual([{ file: 'library', message: expect.stringMatching(/outside the workspace through a symbolic link/), uiMessage: expect.objectContaining({ key: 'service.workspace.symlink' }) }]);
  });

  it('leaves no half-written item when the disk fills mid-write', async () => {
    const fullDisk: DiskIo = {
      ...nodeDiskIo,
      async writeNewFile(filePath, bytes) {
        await nodeDiskIo.writeNewFile(filePath, bytes.subarray(0, bytes.byteLength >> 1));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    };
    const { item } = await sampleItem('full');
    const host = hostFromServices(servicesFor(ws.dir, { io: fullDisk }));
    const r = await host.saveLibraryItem({ item: { ...item, pictures: [], frames: item.frames.filter((f) => f.kind !== 'image') } });
    expect(r).toMatchObject({ ok: false, error: { code: 'io' } });
    if (!r.ok) expect(r.error.message).toMatch(/disk is full/);
    expect(libraryFiles()).toEqual([]);
  });
});

/** Makes a FIFO with mkfifo(1) where the platform has it (not Windows). */
function mkfifoOrSkip(filePath: string): void {
  try {
    execFileSync('mkfifo', [filePath]);
  } catch {
    // No mkfifo here: the FIFO case is simply not exercised.
  }
}
