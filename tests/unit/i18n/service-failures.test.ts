/**
 * Service failures beyond the disk speak the interface language (issue 14): a damaged .folio file, a refused or
 * cancelled export and an unusable output profile each carry their line as a catalogue message, which reaches
 * the renderer through the HostError and is said whole in Chinese — Latin letters only for names (PDF, ICC,
 * file names, the colour engine) and, in parentheses, the system's own words. The English is the error's
 * `message` unchanged.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import type { HostError } from '../../../src-core/api/host-api.js';
import { en } from '../../../src-core/i18n/messages/en.js';
import { zhCN } from '../../../src-core/i18n/messages/zh-CN.js';
import { createTranslator } from '../../../src-core/i18n/translator.js';
import { FolioFileError, packFolio, unpackFolio } from '../../../src-core/model/folio-file.js';
import { createExportJobs } from '../../../src-main/services/export-jobs.js';
import { createFontCatalogue } from '../../../src-main/services/fonts.js';
import { runExportJob, type ExportJobInput } from '../../../src-main/services/export-job.js';
import { describeProfileBytes } from '../../../src-main/services/import-asset.js';
import { loadOutputProfile, OutputProfileError, readOutputProfileFile } from '../../../src-main/services/output-profile.js';
import { toHostError } from '../../../src-main/services/services.js';
import { hostErrorText } from '../../../src-renderer/state/ui-message.js';
import { SAMPLE_BYTES, tempDir } from '../main/helpers.js';
import { loadFonts } from '../pdf/fixtures.js';

const strict = (locale: 'en' | 'zh-CN') => createTranslator(locale, (err) => { throw err; });
const EN = strict('en');
const ZH = strict('zh-CN');

/** Latin words a Chinese line may hold: format and product names. */
const NAMES = new Set(['PDF', 'ICC', 'CMYK', 'RGB', 'JSON', 'Folio', 'folio', 'LittleCMS']);

/**
 * Checks one failure as the renderer gets it: a catalogue message whose key is in both catalogues, said in
 * English exactly as the error's `message`, and in Chinese with no Latin words but names and `quoted` (file
 * names, paths, the system's own words). Returns the Chinese line.
 */
function expectBothLanguages(err: unknown, quoted: readonly string[] = []): string {
  const host: HostError = toHostError(err);
  expect(host.uiMessage, host.message).toBeDefined();
  const key = host.uiMessage!.key;
  expect(Object.hasOwn(en, key) && Object.hasOwn(zhCN, key), key).toBe(true);
  expect(hostErrorText(host, EN)).toBe(host.message);
  const chinese = hostErrorText(host, ZH);
  expect(chinese).not.toBe(host.message);
  let prose = chinese;
  for (const q of [...quoted].sort((a, b) => b.length - a.length)) prose = prose.split(q).join('');
  const words = (prose.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !NAMES.has(w));
  expect(words, chinese).toEqual([]);
  return chinese;
}

/** The error `run` throws (fails when it throws none). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

/** The error `run` rejects with (fails when it resolves). */
async function rejected(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

/**
 * A copy of zip `bytes` with one central-directory field of entry `name` changed: `field` is its offset in the
 * directory record (8 flags, 10 method, 24 declared size), `size` 2 or 4 bytes.
 */
function patchEntry(bytes: Uint8Array, name: string, field: number, value: number, size: 2 | 4): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  let eocd = out.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < view.getUint16(eocd + 10, true); i++) {
    const nameBytes = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(out.subarray(at + 46, at + 46 + nameBytes)) === name) {
      if (size === 2) view.setUint16(at + field, value, true);
      else view.setUint32(at + field, value, true);
      return out;
    }
    at += 46 + nameBytes + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  throw new Error(`no entry ${name}`);
}

const sample = unpackFolio(SAMPLE_BYTES);
const documentZip = (json: string) => zipSync({ 'document.json': strToU8(json) });

describe('a damaged .folio file', () => {
  const cases: [string, () => unknown, string, string[]][] = [
    ['not a zip', () => unpackFolio(strToU8('just text')), 'not-zip', ['document.json']],
    ['no document.json', () => unpackFolio(zipSync({ 'other.txt': strToU8('x') })), 'no-document', ['document.json']],
    ['not an object', () => unpackFolio(documentZip('[1]')), 'invalid', ['document.json']],
    ['a newer schema', () => unpackFolio(documentZip('{"schemaVersion":99}')), 'version', []],
    ['a version that is not a number', () => unpackFolio(documentZip('{"schemaVersion":"seven"}')), 'version', ['"seven"']],
    ['too deep', () => unpackFolio(documentZip(`${'['.repeat(100)}${']'.repeat(100)}`)), 'invalid', ['document.json']],
    ['a missing picture', () => unpackFolio(zipSync({ 'document.json': strToU8(JSON.stringify(sample.document)) })), 'missing-asset', ['photo-placeholder', 'assets/']],
  ];
  it.each(cases)('%s: its own catalogue line, said in Chinese', (_name, run, code, quoted) => {
    const err = thrown(run);
    expect(err).toBeInstanceOf(FolioFileError);
    expect((err as FolioFileError).code).toBe(code);
    expectBothLanguages(err, [...quoted, ...Object.values(sample.document.assets).map((a) => a.path)]);
  });

  it('damaged JSON: the parser’s own words in parentheses', () => {
    const err = thrown(() => unpackFolio(documentZip('{"schemaVersion":1,')));
    expect((err as FolioFileError).code).toBe('bad-json');
    const parser = (err as Error).message.split('(invalid JSON): ')[1]!;
    expect(expectBothLanguages(err, ['document.json', parser])).toBe(`document.json 已损坏，不是有效的 JSON（${parser}）。`);
  });

  it('a document that does not validate: where, in Chinese; the validator’s words in parentheses', () => {
    const err = thrown(() => unpackFolio(documentZip('{"schemaVersion":1}')));
    const chinese = expectBothLanguages(err, ['document.json', (err as Error).message.split(': ').slice(2).join(': ')]);
    expect(chinese).toMatch(/^document\.json 不是有效的 Folio 文档：.+ 处有误（.+）。$/);
  });

  it('a newer schema names both versions', () => {
    expect(expectBothLanguages(thrown(() => unpackFolio(documentZip('{"schemaVersion":99}'))))).toMatch(/^此文档由较新版本的 Folio 保存（格式版本 99；本版最高只能读取 \d+）。请升级 Folio 后再打开。$/);
  });

  it('damage inside the archive is said in Chinese too (checksum, encryption, method, declared sizes)', () => {
    const stored = zipSync({ 'document.json': [strToU8(JSON.stringify(sample.document)), { level: 0 }] }, { level: 0 });
    const flipped = stored.slice();
    flipped[30 + 'document.json'.length + 5] ^= 1; // inside document.json's stored bytes, after its local header and name
    const checksum = expectBothLanguages(thrown(() => unpackFolio(flipped)), ['document.json']);
    expect(checksum).toBe('文件已损坏：document.json 已损坏：校验和不符。');
    expectBothLanguages(thrown(() => unpackFolio(patchEntry(stored, 'document.json', 8, 1, 2))), ['document.json']);
    expectBothLanguages(thrown(() => unpackFolio(patchEntry(stored, 'document.json', 10, 12, 2))), ['document.json']);
    const huge = thrown(() => unpackFolio(patchEntry(stored, 'document.json', 24, 0x7fff_0000, 4)));
    expect(expectBothLanguages(huge, ['document.json'])).toMatch(/^文件已损坏：document\.json 大小为 \d+ MB，超过允许的 \d+ MB。$/);
    const { document, assets } = sample;
    const photoPath = Object.values(document.assets)[0]!.path;
    const whole = packFolio(document, assets);
    const claimsTooMuch = thrown(() => unpackFolio(patchEntry(whole, photoPath, 24, 0x7fff_0000, 4)));
    expect(expectBothLanguages(claimsTooMuch)).toMatch(/^文档中的图片、广告和字体合计超过 \d+ MB；Folio 不读取此文件。$/);
  });

  it('saving refuses an incomplete document in Chinese too', () => {
    const photo = Object.values(sample.document.assets)[0]!;
    expectBothLanguages(thrown(() => packFolio(sample.document, new Map())), [photo.id, photo.path]);
  });

  it('fuzzed copies all carry a line the catalogues know', () => {
    let seed = 777;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 40; i++) {
      const copy = new Uint8Array(SAMPLE_BYTES);
      for (let k = 0; k < 1 + Math.floor(rand() * 6); k++) copy[Math.floor(rand() * copy.length)] ^= 1 << Math.floor(rand() * 8);
      try {
        unpackFolio(i % 3 === 0 ? copy.subarray(0, Math.floor(rand() * copy.length)) : copy);
      } catch (err) {
        const host = toHostError(err);
        expect(host.uiMessage, host.message).toBeDefined();
        expect(hostErrorText(host, EN)).toBe(host.message);
      }
    }
  });
});

/** A minimal ICC header: `size` bytes declared and given, colour space and device class as their signatures. */
function iccHeader(colourSpace: string, deviceClass: string, signature = 'acsp', declaredBytes = 200): Uint8Array {
  const bytes = new Uint8Array(200);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, declaredBytes);
  const put = (at: number, sig: string) => [...sig].forEach((c, i) => (bytes[at + i] = c.charCodeAt(0)));
  put(12, deviceClass);
  put(16, colourSpace);
  put(20, 'Lab ');
  put(36, signature);
  return bytes;
}

describe('an output profile that cannot be used', () => {
  let tmp: { dir: string; cleanup: () => void };
  beforeAll(() => {
    tmp = tempDir('folio-profile-');
    mkdirSync(path.join(tmp.dir, 'a-folder.icc'));
  });
  afterAll(() => tmp.cleanup());

  const headers: [string, Uint8Array][] = [
    ['too short for a header', new Uint8Array(20)],
    ['no acsp signature', iccHeader('CMYK', 'prtr', 'xxxx')],
    ['truncated', iccHeader('CMYK', 'prtr', 'acsp', 5000)],
    ['an unknown colour space', iccHeader('XYZ ', 'prtr')],
    ['an RGB profile', iccHeader('RGB ', 'mntr')],
    ['a CMYK input profile', iccHeader('CMYK', 'scnr')],
  ];
  it.each(headers)('%s: refused in Chinese, when imported and when exported', async (_name, bytes) => {
    const err = await rejected(() => loadOutputProfile(bytes));
    expect(err).toBeInstanceOf(OutputProfileError);
    const imported = await rejected(() => describeProfileBytes(bytes, '印厂.icc'));
    expect(expectBothLanguages(imported, ['印厂.icc', 'acsp', 'xxxx', 'XYZ', 'mntr', 'scnr'])).toMatch(/^“印厂\.icc”不能用作输出配置文件：/);
  });

  it('a profile with no tables LittleCMS can separate with, and without a name', async () => {
    const err = await rejected(() => describeProfileBytes(iccHeader('CMYK', 'prtr'), 'bad.icc'));
    expect(expectBothLanguages(err, ['bad.icc'])).toBe('“bad.icc”不能用作输出配置文件：色彩管理引擎 LittleCMS 无法把 RGB 转换到配置文件“无名称”（缺少这一方向的转换表）');
  });

  it('a profile file that is a folder, or missing (the CLI’s --profile)', async () => {
    const folder = path.join(tmp.dir, 'a-folder.icc');
    const missing = path.join(tmp.dir, 'missing.icc');
    for (const [file, line] of [[folder, `输出配置文件 ${folder} 是文件夹，不是配置文件`], [missing, `无法读取输出配置文件 ${missing}：没有这个文件`]] as const) {
      const err = await rejected(() => readOutputProfileFile(file));
      expect(err).toBeInstanceOf(OutputProfileError);
      const uiMessage = (err as OutputProfileError).uiMessage;
      expect(hostErrorText({ message: (err as Error).message, uiMessage }, EN)).toBe((err as Error).message);
      expect(hostErrorText({ message: (err as Error).message, uiMessage }, ZH)).toBe(line);
    }
  });
});

describe('an export the job refuses', () => {
  let tmp: { dir: string; cleanup: () => void };
  beforeAll(() => (tmp = tempDir('folio-export-refusals-')));
  afterAll(() => tmp.cleanup());

  const twoPages = () => {
    const document = structuredClone(sample.document);
    document.pages.push({ ...structuredClone(document.pages[0]!), id: 'second' });
    return document;
  };
  const input = (extra: Partial<ExportJobInput>): ExportJobInput => ({
    document: sample.document, assets: sample.assets, fonts: loadFonts([]), preset: 'proof', output: path.join(tmp.dir, 'out'), now: new Date(0), ...extra,
  });

  it('unknown pages, two pages to one file, two pages to one name: each in Chinese, nothing written', async () => {
    expect(expectBothLanguages(await rejected(() => runExportJob(input({ pageIds: ['B07'] }))), ['B07', 'A01'])).toBe('本文档中没有版面 B07（现有版面：A01）。');
    const oneFile = await rejected(() => runExportJob(input({ document: twoPages(), output: path.join(tmp.dir, 'front.pdf') })));
    expect(expectBothLanguages(oneFile, ['front.pdf'])).toBe('2 个版面不能写入同一个文件（front.pdf）：请指定文件夹，或只选一个版面。');
    const clash = await rejected(() => runExportJob(input({ document: twoPages() })));
    expect(expectBothLanguages(clash, ['A01', (clash as Error).message.match(/written to (\S+):/)![1]!])).toMatch(/^版面 A01, A01 都会写入 .+：请给每个版面各取一个名称（未导出任何文件）。$/);
  });

  it('PDF/X-4 without a profile, a profile asset missing from the file, a cancelled export', async () => {
    expectBothLanguages(await rejected(() => runExportJob(input({ preset: 'print-x4' }))), ['.icc']);
    const noProfile = { ...structuredClone(sample.document), outputProfileAssetId: 'icc-gone' };
    expect(expectBothLanguages(await rejected(() => runExportJob(input({ preset: 'print', document: noProfile }))), ['icc-gone'])).toBe('文件中缺少文档的输出配置文件（素材 icc-gone）；请重新选择印厂的配置文件。');
    const controller = new AbortController();
    controller.abort();
    expect(expectBothLanguages(await rejected(() => runExportJob(input({ signal: controller.signal }))))).toBe('导出已取消；已写出的版面都是完整文件。');
  });

  it('a profile in the document that cannot be used names the reason in Chinese', async () => {
    const document = { ...structuredClone(sample.document), outputProfileAssetId: 'icc-rgb' };
    document.assets['icc-rgb'] = { id: 'icc-rgb', path: 'assets/icc-rgb.icc', mime: 'application/vnd.iccprofile' };
    const assets = new Map([...sample.assets, ['assets/icc-rgb.icc', iccHeader('RGB ', 'mntr')]]);
    const err = await rejected(() => runExportJob(input({ preset: 'print', document, assets })));
    expect(expectBothLanguages(err)).toBe('文档的输出配置文件无法使用：该输出配置文件描述的是 RGB，不是 CMYK：报纸印刷需要 CMYK 配置文件');
  });

  it('the job table: too many running, an unknown job, and a job cancelled while it runs', async () => {
    const jobs = createExportJobs();
    const never = () => new Promise<never>(() => undefined);
    const first = jobs.start(never, toHostError);
    jobs.start(never, toHostError);
    expect(expectBothLanguages(thrown(() => jobs.start(never, toHostError)))).toBe('已有 2 个导出正在进行；请等其中一个结束或将其取消。');
    expect(expectBothLanguages(thrown(() => jobs.status('0123456789abcdef')), ['0123456789abcdef'])).toMatch(/^没有导出任务“0123456789abcdef”/);
    jobs.cancel(first);
    const cancelled = jobs.status(first).error!;
    expect(hostErrorText(cancelled, ZH)).toBe('导出已取消；已写出的版面都是完整文件。');
    expect(hostErrorText(cancelled, EN)).toBe(cancelled.message);
    jobs.cancelAll();
  });

  it('a picture export cannot read: the picture, frame and page in Chinese, the decoder’s words in parentheses', async () => {
    const document = structuredClone(sample.document);
    const photo = Object.values(document.assets)[0]!;
    const assets = new Map([...sample.assets, [photo.path, strToU8('not a picture at all')]]);
    const fonts = await createFontCatalogue({ fontsDirs: [] }).providerFor(document.template);
    const err = await rejected(() => runExportJob(input({ document, assets, fonts, preset: 'print' })));
    const detail = (err as Error).message.split('cannot be exported: ')[1]!;
    const frame = (err as Error).message.match(/in frame "([^"]+)"/)?.[1] ?? '';
    const picture = (err as Error).message.match(/^Picture "([^"]+)"/)![1]!;
    expect(expectBothLanguages(err, [detail, frame, picture])).toBe(`版面 A01 上的图片“${picture}”${frame ? `（框“${frame}”）` : ''}无法导出（${detail}）`);
  });
});

