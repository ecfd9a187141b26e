import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { packFolio, unpackFolio } from '../../../src-core/model/folio-file.js';
import { GHOSTSCRIPT_CMYK_ICC, GHOSTSCRIPT_RGB_ICC } from '../pdf/fixtures.js';
import { crcDamagedPng, encryptedPdf } from '../pdf/test-assets.js';
import { REPO_ROOT, SAMPLE_BYTES, SAMPLE_PATH, serveUrl, tempDir } from './helpers.js';

const BIN = path.join(REPO_ROOT, 'bin', 'folio.cjs');
let tmp: { dir: string; cleanup: () => void };

function folio(args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  // English unless a test asks for another language: the CLI follows LC_ALL, LC_MESSAGES and LANG.
  return spawnSync(process.execPath, [BIN, ...args], { cwd: tmp.dir, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env }, timeout: 120_000 });
}

beforeAll(() => {
  tmp = tempDir('folio-cli-');
});
afterAll(() => tmp.cleanup());

describe('folio CLI (spawned as a user runs it)', () => {
  it('prints help for the program and for each command', () => {
    const main = folio(['--help']);
    expect(main.status).toBe(0);
    expect(main.stdout).toMatch(/Usage: folio <command>/);
    expect(main.stdout).toMatch(/64 usage error/);
    for (const command of ['serve', 'export', 'preflight', 'new', 'text']) {
      const r = folio([command, '--help']);
      expect(r.status, command).toBe(0);
      expect(r.stdout, command).toMatch(new RegExp(`Usage: folio ${command}`));
    }
  });

  it('refuses an unknown command or option with a clear message and exit 64', () => {
    const bad = folio(['frobnicate']);
    expect(bad.status).toBe(64);
    expect(bad.stderr).toMatch(/unknown command "frobnicate"/);
    const opt = folio(['export', 'a.folio', '--colour', 'red']);
    expect(opt.status).toBe(64);
    expect(opt.stderr).toMatch(/unknown option --colour/);
    const preset = folio(['export', 'a.folio', '-o', 'out/', '--preset', 'web']);
    expect(preset.status).toBe(64);
    expect(preset.stderr).toMatch(/--preset must be print, print-x4 or proof/);
    expect(folio([]).status).toBe(64);
  });

  it('reports a missing file and a corrupt (non-zip) file clearly with exit 1', () => {
    const missing = folio(['export', 'missing.folio', '-o', 'out/']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/missing\.folio does not exist/);
    writeFileSync(path.join(tmp.dir, 'corrupt.folio'), 'PK this is not really a zip');
    const corrupt = folio(['preflight', 'corrupt.folio']);
    expect(corrupt.status).toBe(1);
    expect(corrupt.stderr).toMatch(/not a zip archive/);
    expect(corrupt.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
    expect(existsSync(path.join(tmp.dir, 'out'))).toBe(false);
    // The damage in the run's language (issue 14): one Chinese line naming the file, no English, no stack.
    const chinese = folio(['export', 'corrupt.folio', '-o', 'out/'], { LANG: 'zh_CN.UTF-8' });
    expect(chinese.status).toBe(1);
    expect(chinese.stderr).toBe(`folio：${path.join(tmp.dir, 'corrupt.folio')}：这不是 Folio 文件（.folio 文件是内含 document.json 的压缩包）：它不是压缩包（没有压缩包的结尾记录）。\n`);
    writeFileSync(path.join(tmp.dir, 'future.folio'), zipSync({ 'document.json': strToU8('{"schemaVersion":99}') }));
    const future = folio(['preflight', 'future.folio'], { LANG: 'zh_CN.UTF-8' });
    expect(future.status).toBe(1);
    expect(future.stderr).toMatch(/^folio：.*future\.folio：此文档由较新版本的 Folio 保存（格式版本 99；本版最高只能读取 \d+）。请升级 Folio 后再打开。\n$/);
    expect(future.stderr).not.toMatch(/newer|\n\s+at /);
    expect(existsSync(path.join(tmp.dir, 'out'))).toBe(false);
  });

  it('prints the stories\' text in reading order (text), as JSON too, one story by id or name', () => {
    const plain = folio(['text', SAMPLE_PATH]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/^== 报头 Masthead \[masthead\] · A01 · \d+ 字 ==\n德清新闻\n2023年7月20日 星期四\n/);
    expect(plain.stdout).toMatch(/== “停不下来”的改革创造了奇迹 \[lead\] · A01 · 1,\d{3} 字 ==\n“八八战略”在德清\n“停不下来”的改革创造了奇迹\n记者 董华\n/);
    const json = folio(['text', SAMPLE_PATH, '--json', '--story', 'lead', '--story', '广告 浙里办']);
    expect(json.status, json.stderr).toBe(0);
    const stories = JSON.parse(json.stdout) as { storyId: string; characters: number; blocks: { type: string; text: string }[] }[];
    expect(stories.map((s) => s.storyId)).toEqual(['lead', 'ad']);
    expect(stories[0]!.blocks.slice(0, 3).map((b) => b.type)).toEqual(['kicker', 'headline', 'byline']);
    expect(stories[1]!.blocks[0]).toEqual({ type: 'adTitle', text: '浙里办 伴你一生大小事' });
    const missing = folio(['text', SAMPLE_PATH, '--story', 'nope']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/has no story "nope"; its stories are masthead, slogan, lead/);
    expect(folio(['text']).status).toBe(64);
  });

  it('creates a document from a template (new), refusing to overwrite without --force', () => {
    const r = folio(['new', 'broadsheet-front', 'fresh.folio'], { SOURCE_DATE_EPOCH: '1689811200' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Created .*fresh\.folio from template broadsheet-front/);
    const doc = unpackFolio(new Uint8Array(readFileSync(path.join(tmp.dir, 'fresh.folio')))).document;
    expect(doc.template.id).toBe('broadsheet-front');
    expect(doc.pages).toHaveLength(1);
    expect(doc.issue.date).toBe('2023-07-20');
    const again = folio(['new', 'broadsheet-front', 'fresh.folio']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists; use --force/);
    const unknown = folio(['new', 'no-such-template', 'x.folio']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no template "no-such-template".*broadsheet-front/);
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('serves browser mode, printing the URL line, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--root', tmp.dir], { cwd: tmp.dir });
    const url = await serveUrl(child);
    const res = await fetch(new URL('/api/listTemplates', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-folio-token': url.searchParams.get('token')! },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect((await res.json()).value.map((t: { id: string }) => t.id)).toContain('tabloid');
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exports the sample to one PDF per page, reproducibly under SOURCE_DATE_EPOCH', () => {
    const env = { SOURCE_DATE_EPOCH: '1689811200' };
    const r = folio(['export', SAMPLE_PATH, '-o', 'pdf/', '--force'], env);
    expect(r.status, r.stderr).toBe(0);
    const files = readdirSync(path.join(tmp.dir, 'pdf'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(f).toMatch(/^\d{8}_.+\.pdf$/);
    const first = readFileSync(path.join(tmp.dir, 'pdf', files[0]));
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.stdout).toMatch(/fonts .*noto-.*KB.*ms/);
    const again = folio(['export', SAMPLE_PATH, '-o', 'pdf2/', '--force'], env);
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(path.join(tmp.dir, 'pdf2', files[0]))).toEqual(first);
    const onePage = folio(['export', SAMPLE_PATH, '-o', 'single.pdf', '--pages', 'nope', '--force'], env);
    expect(onePage.status).toBe(1);
    expect(onePage.stderr).toMatch(/No page named nope/);
  });

  it('stops an export with preflight errors (exit 2, nothing written) unless --force', () => {
    const { document, assets } = unpackFolio(SAMPLE_BYTES);
    const broken = structuredClone(document);
    const image = broken.pages[0].frames.find((f) => f.kind === 'image');
    expect(image).toBeDefined();
    if (image?.kind === 'image') image.assetId = 'photo-that-is-not-there';
    writeFileSync(path.join(tmp.dir, 'broken.folio'), packFolio(broken, assets));
    const refused = folio(['export', 'broken.folio', '-o', 'refused/']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/missing-asset/);
    expect(refused.stderr).toMatch(/nothing was exported.*--force/);
    expect(existsSync(path.join(tmp.dir, 'refused'))).toBe(false);
    const json = folio(['preflight', 'broken.folio', '--json']);
    expect(json.status).toBe(2);
    const findings = JSON.parse(json.stdout) as { severity: string; code: string }[];
    expect(findings.some((f) => f.severity === 'error' && f.code === 'missing-asset')).toBe(true);
    const forced = folio(['export', 'broken.folio', '-o', 'forced.pdf', '--force', '--date', '2023-07-20T06:00:00Z']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(path.join(tmp.dir, 'forced.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('says preflight findings in the language LANG asks for: zh_CN.UTF-8 Chinese, C and en_US English; LC_ALL first', () => {
    const { document, assets } = unpackFolio(SAMPLE_BYTES);
    const broken = structuredClone(document);
    const image = broken.pages[0].frames.find((f) => f.kind === 'image');
    if (image?.kind === 'image') image.assetId = 'photo-that-is-not-there';
    writeFileSync(path.join(tmp.dir, 'lang.folio'), packFolio(broken, assets));
    const chinese = folio(['preflight', 'lang.folio'], { LANG: 'zh_CN.UTF-8' });
    expect(chinese.status).toBe(2);
    expect(chinese.stdout).toMatch(/^错误 A01 {3}missing-asset: 图片“photo-that-is-not-there”不在文档中$/m);
    const refused = folio(['export', 'lang.folio', '-o', 'zh/'], { LANG: 'zh_CN.UTF-8' });
    expect(refused.stderr).toMatch(/^预检发现 \d+ 个错误，未输出任何文件。请先修正，或用 --force 强制输出。$/m);
    const englishEnvs: Record<string, string>[] = [{ LANG: 'C' }, { LANG: 'en_US.UTF-8' }, { LANG: 'zh_CN.UTF-8', LC_ALL: 'POSIX' }, { LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' }];
    for (const env of englishEnvs) {
      const english = folio(['preflight', 'lang.folio'], env);
      expect(english.stdout, JSON.stringify(env)).toMatch(/^error {3}A01 {3}missing-asset: Picture "photo-that-is-not-there" is missing from the document$/m);
    }
    const json = JSON.parse(folio(['preflight', 'lang.folio', '--json'], { LANG: 'zh_CN.UTF-8' }).stdout) as { code: string; key: string; message: string }[];
    expect(json.find((f) => f.code === 'missing-asset')).toMatchObject({ key: 'preflight.finding.missingAsset', message: '图片“photo-that-is-not-there”不在文档中' });
  });

  it('regression: a picture export cannot read is a preflight error, and a forced export fails in one line naming it (exit 1)', async () => {
    const { document, assets } = unpackFolio(SAMPLE_BYTES);
    const photo = (id: string, path: string, mime: 'image/png' | 'application/pdf', from: string) => ({ id, path, mime, note: `placed from ${from}` });
    const withPicture = async (name: string, asset: ReturnType<typeof photo>, bytes: Uint8Array) => {
      const doc = structuredClone(document);
      doc.assets[asset.id] = asset;
      const frame = doc.pages[0]!.frames.find((f) => f.kind === 'image');
      if (frame?.kind === 'image') frame.assetId = asset.id;
      writeFileSync(path.join(tmp.dir, name), packFolio(doc, new Map([...assets, [asset.path, bytes]])));
    };
    await withPicture('damaged-png.folio', photo('img-damaged', 'assets/img-damaged.png', 'image/png', '城南新区航拍.png'), crcDamagedPng());
    await withPicture('locked-pdf.folio', photo('pdf-locked', 'assets/pdf-locked.pdf', 'application/pdf', '房产广告.pdf'), await encryptedPdf());

    const checked = folio(['preflight', 'damaged-png.folio']);
    expect(checked.status, checked.stderr).toBe(2);
    expect(checked.stdout).toContain('error   A01   unreadable-asset: Picture "城南新区航拍.png" cannot be exported: PNG is damaged: its IDAT chunk fails its checksum (CRC-32)\n');
    expect(checked.stdout).not.toMatch(/No problems found/);

    for (const [file, line] of [
      ['damaged-png.folio', 'folio: Picture "城南新区航拍.png" in frame "photo" on page A01 cannot be exported: PNG is damaged: its IDAT chunk fails its checksum (CRC-32)\n'],
      ['locked-pdf.folio', 'folio: Picture "房产广告.pdf" in frame "photo" on page A01 cannot be exported: the PDF is encrypted: ask the advertiser for an unprotected PDF/X file\n'],
    ] as const) {
      const forced = folio(['export', file, '-o', `${file}-out/`, '--force', '--date', '2023-07-20T06:00:00Z']);
      expect(forced.status, forced.stderr).toBe(1);
      expect(forced.stderr.endsWith(line), forced.stderr).toBe(true);
      expect(forced.stderr).not.toMatch(/unexpected error|RangeError|\n\s+at /);
      expect(readdirSync(path.join(tmp.dir, `${file}-out`))).toEqual([]);
    }
  });

  it('regression: an unexpected failure is still one line (the stack only with FOLIO_DEBUG)', async () => {
    const { main } = await import('../../../src-main/cli.js');
    const run = async (env: Record<string, string>) => {
      let err = '';
      const stdout = { write: () => { throw new TypeError('stdout went away\nsecond line'); } } as unknown as NodeJS.WritableStream;
      const stderr = { write: (chunk: string) => ((err += chunk), true) } as unknown as NodeJS.WritableStream;
      const code = await main(['--help'], { stdout, stderr, env, cwd: tmp.dir, stopSignal: new AbortController().signal });
      return { code, err };
    };
    expect(await run({})).toEqual({ code: 1, err: 'folio: unexpected error: stdout went away\n' });
    expect((await run({ FOLIO_DEBUG: '1' })).err).toMatch(/^folio: unexpected error: stdout went away\nTypeError: stdout went away\nsecond line\n\s+at /);
  });

  it('PDF/X-4: refused without a plant profile; with one (--profile) the PDF is 1.6 with XMP and the profile embedded', () => {
    const env = { SOURCE_DATE_EPOCH: '1689811200' };
    const none = folio(['export', SAMPLE_PATH, '-o', 'x4-none.pdf', '--preset', 'print-x4', '--force'], env);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/PDF\/X-4 embeds the plant's ICC output profile/);
    expect(existsSync(path.join(tmp.dir, 'x4-none.pdf'))).toBe(false);
    const notProfile = folio(['export', SAMPLE_PATH, '-o', 'x4-bad.pdf', '--preset', 'print-x4', '--profile', BIN, '--force'], env);
    expect(notProfile.status).toBe(1);
    expect(notProfile.stderr).toMatch(/--profile: This is not an ICC profile/);
    const rgb = folio(['export', SAMPLE_PATH, '-o', 'x4-rgb.pdf', '--preset', 'print-x4', '--profile', GHOSTSCRIPT_RGB_ICC, '--force'], env);
    expect(rgb.stderr).toMatch(/describes RGB, not CMYK/);

    const ok = folio(['export', SAMPLE_PATH, '-o', 'x4.pdf', '--preset', 'print-x4', '--profile', GHOSTSCRIPT_CMYK_ICC, '--force'], env);
    expect(ok.status, ok.stderr).toBe(0);
    const pdf = path.join(tmp.dir, 'x4.pdf');
    expect(readFileSync(pdf).subarray(0, 8).toString()).toBe('%PDF-1.6');
    expect(spawnSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' }).stdout).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>');
    expect(readFileSync(pdf).toString('latin1')).toContain('/DestOutputProfile');
  });

  it('fails at once, with the OS reason and exit 1, where the output folder cannot be made (/proc/nope/)', () => {
    // Node's recursive mkdir spun for ever here at full CPU; a timeout turns that into a failure, not a hang.
    const r = spawnSync(process.execPath, [BIN, 'export', SAMPLE_PATH, '-o', '/proc/nope/', '--force'], { cwd: tmp.dir, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Could not create the output folder \/proc\/nope: no such file or directory \(ENOENT\)/);
    writeFileSync(path.join(tmp.dir, 'a-file'), 'not a folder');
    const underFile = folio(['export', SAMPLE_PATH, '-o', 'a-file/pdf/', '--force']);
    expect(underFile.status).toBe(1);
    expect(underFile.stderr).toMatch(/a-file is a file, not a folder/);
    // The disk's line in the run's language (issue 14), the system's code in parentheses only.
    const chinese = folio(['export', SAMPLE_PATH, '-o', 'a-file/pdf/', '--force'], { LANG: 'zh_CN.UTF-8' });
    expect(chinese.status).toBe(1);
    expect(chinese.stderr).toMatch(/无法创建输出文件夹 .*a-file.*：.*a-file 是文件，不是文件夹。/);
    expect(chinese.stderr).not.toMatch(/Could not|is a file/);
  });

  it('names the missing folder, not the file, when a folder of the document path does not exist', () => {
    const r = folio(['preflight', path.join('sub', 'dir', 'x.folio')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`the folder ${path.join(tmp.dir, 'sub')} does not exist`);
  });

  // Issue 13, item 5: a FIFO or device is refused from its opened descriptor, so nothing can hang reading it (this
  // replaces the test that a SIGTERM ends a CLI stuck reading a FIFO: no read can get stuck there any more).
  it('refuses a FIFO named .folio and a device as --profile at once, with a message and exit 1', () => {
    const fifo = path.join(tmp.dir, 'stuck.folio');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const stuck = spawnSync(process.execPath, [BIN, 'export', fifo, '-o', 'stuck/'], { cwd: tmp.dir, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
    expect(stuck.signal).toBeNull();
    expect(stuck.status).toBe(1);
    expect(stuck.stderr).toMatch(/stuck\.folio is not an ordinary file \(a named pipe, a device or a socket\)/);
    const zero = spawnSync(process.execPath, [BIN, 'export', SAMPLE_PATH, '-o', 'zero/', '--preset', 'print-x4', '--profile', '/dev/zero'], { cwd: tmp.dir, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
    expect(zero.signal).toBeNull();
    expect(zero.status).toBe(1);
    expect(zero.stderr).toMatch(/--profile: The output profile \/dev\/zero is not an ordinary file/);
    expect(zero.stderr).not.toMatch(/at .*:\d+:\d+/);
  });

  it('--pages A02 reports and weighs only A02\'s findings', () => {
    const { document, assets } = unpackFolio(SAMPLE_BYTES);
    const twoPages = structuredClone(document);
    const image = twoPages.pages[0].frames.find((f) => f.kind === 'image');
    if (image?.kind === 'image') image.assetId = 'photo-that-is-not-there';
    twoPages.pages.push({ ...structuredClone(twoPages.pages[0]), id: 'page-a02', name: 'A02', frames: [] });
    writeFileSync(path.join(tmp.dir, 'two-pages.folio'), packFolio(twoPages, assets));
    const all = folio(['export', 'two-pages.folio', '-o', 'two-all/']);
    expect(all.status).toBe(2);
    expect(all.stderr).toMatch(/A01 +missing-asset/);
    const a02 = folio(['export', 'two-pages.folio', '-o', 'two-a02/', '--pages', 'A02']);
    expect(a02.stderr).not.toMatch(/A01/);
    expect(a02.status, a02.stderr).toBe(0);
    expect(readdirSync(path.join(tmp.dir, 'two-a02'))).toEqual([expect.stringMatching(/_A02\.pdf$/)]);
  });
});

describe('the command line speaks the language of LANG', () => {
  it('prints its help in Chinese under zh_CN and in English under C, with the same options', () => {
    const zh = folio(['export', '--help'], { LANG: 'zh_CN.UTF-8' });
    const c = folio(['export', '--help'], { LANG: 'C' });
    expect(zh.status).toBe(0);
    expect(zh.stdout).toMatch(/^用法：folio export <doc\.folio> -o <out\.pdf \| out-dir\/> \[选项\]/);
    expect(zh.stdout).toContain('{preset}');
    expect(c.stdout).toMatch(/^Usage: folio export <doc\.folio>/);
    const options = (t: string) => t.match(/--[a-z-]+/g)?.sort();
    expect(options(zh.stdout)).toEqual(options(c.stdout));
    expect(folio(['--help'], { LC_ALL: 'zh_CN.UTF-8', LANG: 'C' }).stdout).toMatch(/^用法：folio <命令>/);
  });
});
