/**
 * Service failures beyond the disk speak the interface language (issue 14): a damaged .folio file, a refused or
 * cancelled export and an unusable output profile each carry their line as a catalogue message, which reaches
 * the renderer through the HostError and is said whole in Chinese — Latin letters only for names (PDF, ICC,
 * file names, the colour engine) and, in parentheses, the system's own words. The English is the error's
 * `message` unchanged.
 */
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
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
import { ExportError, runExportJob, type ExportJobInput } from '../../../src-main/services/export-job.js';
import { describeProfileBytes } from '../../../src-main/services/import-asset.js';
import { loadOutputProfile, OutputProfileError, readOutputProfileFile } from '../../../src-main/services/output-profile.js';
import { toHostError, type HostHandlers } from '../../../src-main/services/services.js';
import { dispatchHostCall } from '../../../src-main/services/dispatch.js';
import { errorText, hostErrorText } from '../../../src-renderer/state/ui-message.js';
import { describeAssetBytes, MAX_IMPORT_BYTES, readAssetFile } from '../../../src-main/services/import-asset.js';
import { decodeManuscriptText, ManuscriptError, manuscriptStoryDoc, MAX_MANUSCRIPT_CHARS } from '../../../src-core/model/manuscript.js';
import { readManuscriptFile } from '../../../src-main/services/manuscript-file.js';
import { createWorkspace, WorkspaceError } from '../../../src-main/services/workspace.js';
import { DocumentInUseError, LEASE_MS } from '../../../src-main/services/document-lock.js';
import { FontFileError, MAX_FONT_FILE_BYTES, readFontFile } from '../../../src-main/services/font-file.js';
import { loadTemplateFonts } from '../../../src-renderer/state/font-loading.js';
import { createHttpHost } from '../../../src-renderer/host/http-host.js';
import { createElectronHost } from '../../../src-renderer/host/electron-host.js';
import type { FolioBridge } from '../../../src-renderer/host/folio-bridge.js';
import { formatServiceMessage, ServiceRangeError } from '../../../src-core/i18n/service-message.js';
import { writeTrueTypeSubset } from '../../../src-core/pdf/truetype-subset.js';
import type { Host } from '../../../src-core/api/host-api.js';
import { encryptedPdf, hugeHeaderJpeg } from '../pdf/test-assets.js';
import { servicesFor } from '../main/helpers.js';
import { SAMPLE_BYTES, tempDir } from '../main/helpers.js';
import { loadFonts } from '../pdf/fixtures.js';
import { captureFurniture, furnitureFileName, MAX_FURNITURE_FRAMES } from '../../../src-core/model/furniture.js';
import { decodeAssetBitmap } from '../../../src-renderer/page/asset-bitmaps.js';
import { pickHost } from '../../../src-renderer/host/pick-host.js';

const strict = (locale: 'en' | 'zh-CN') => createTranslator(locale, (err) => { throw err; });
const EN = strict('en');
const ZH = strict('zh-CN');

/** Latin words a Chinese line may hold: format and product names. */
const NAMES = new Set(['PDF', 'ICC', 'CMYK', 'RGB', 'JSON', 'Folio', 'folio', 'LittleCMS', 'JPEG', 'PNG', 'TIFF', 'Word', 'WPS', 'doc', 'docx', 'txt', 'HTTP', 'NUL', 'IFRA']);

/**
 * Checks one failure as the renderer gets it: a catalogue message whose key is in both catalogues, said in
 * English exactly as the error's `message`, and in Chinese with no Latin words but names and `quoted` (file
 * names, paths, the system's own words). Returns the Chinese line.
 */
function expectBothLanguages(err: unknown, quoted: readonly string[] = []): string {
  return expectHostErrorInBothLanguages(toHostError(err), quoted);
}

/** `expectBothLanguages` for a failure that arrives as a HostError (a host call's answer). */
function expectHostErrorInBothLanguages(host: HostError, quoted: readonly string[] = []): string {
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


/** A file of `sizeBytes` that takes no room on disk (a sparse file), to meet a size limit without writing it. */
function sparseFile(file: string, sizeBytes: number): string {
  writeFileSync(file, '');
  truncateSync(file, sizeBytes);
  return file;
}

describe('a picture that cannot be placed', () => {
  let tmp: { dir: string; cleanup: () => void };
  beforeAll(() => (tmp = tempDir('folio-import-refusals-')));
  afterAll(() => tmp.cleanup());

  it('not a picture, empty, damaged, without a readable header, too many pixels: each in Chinese', async () => {
    expect(expectBothLanguages(await rejected(() => describeAssetBytes(strToU8('just words'), '图.jpg')), ['图.jpg'])).toBe('“图.jpg”不是 JPEG、PNG、TIFF 或 PDF 文件（看的是文件内容，不是文件名）。');
    expect(expectBothLanguages(await rejected(() => describeAssetBytes(new Uint8Array(0), 'a.png')), ['a.png'])).toBe('“a.png”是空文件。');
    // The PNG signature, then a first chunk that is not IHDR.
    const notIhdr = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x44, 0x41, 0x54, ...new Array(21).fill(0)]);
    const png = await rejected(() => describeAssetBytes(notIhdr, 'a.png'));
    const pngDetail = (png as Error).message.split('damaged PNG: ')[1]!;
    expect(expectBothLanguages(png, ['a.png', pngDetail])).toBe(`“a.png”是损坏的 PNG 文件（${pngDetail}）。`);
    const header = await rejected(() => describeAssetBytes(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0]), 'b.jpg'));
    expect(expectBothLanguages(header, ['b.jpg'])).toBe('“b.jpg”是损坏的 JPEG 文件：无法读取其图像头（尺寸、颜色）。');
    const huge = await rejected(() => describeAssetBytes(hugeHeaderJpeg(), 'c.jpg'));
    expect(expectBothLanguages(huge, ['c.jpg'])).toMatch(/^“c\.jpg”为 65535 × 65535 像素；只能置入不超过 \d+ 百万像素的图片（请先缩小）。$/);
  });

  it('a TIFF or PDF the readers refuse: their words in parentheses', async () => {
    const tiff = await rejected(() => describeAssetBytes(Uint8Array.from([0x49, 0x49, 42, 0, 200, 0, 0, 0, 0, 0]), 'd.tif'));
    const tiffDetail = (tiff as Error).message.split('cannot be placed: ')[1]!.slice(0, -1);
    expect(expectBothLanguages(tiff, ['d.tif', tiffDetail])).toBe(`“d.tif”无法置入（${tiffDetail}）。`);
    const pdf = await rejected(async () => describeAssetBytes(await encryptedPdf(), 'ad.pdf'));
    const pdfDetail = (pdf as Error).message.split('cannot be placed: ')[1]!.slice(0, -1);
    expect(expectBothLanguages(pdf, ['ad.pdf', pdfDetail])).toBe(`“ad.pdf”无法置入（${pdfDetail}）。`);
  });

  it('a folder, and a file over the size limit, refused before reading', async () => {
    mkdirSync(path.join(tmp.dir, 'photos.jpg'));
    expect(expectBothLanguages(await rejected(() => readAssetFile(path.join(tmp.dir, 'photos.jpg'))), ['photos.jpg'])).toBe('“photos.jpg”是文件夹，不是图片文件。');
    const big = sparseFile(path.join(tmp.dir, 'big.tif'), MAX_IMPORT_BYTES + 1024 * 1024);
    expect(expectBothLanguages(await rejected(() => readAssetFile(big)), ['big.tif'])).toBe('“big.tif”大小为 51.0 MB；只能置入不超过 50 MB 的图片和广告。');
  });
});

describe('a manuscript that cannot be placed', () => {
  let tmp: { dir: string; cleanup: () => void };
  beforeAll(() => (tmp = tempDir('folio-manuscript-refusals-')));
  afterAll(() => tmp.cleanup());
  const file = (name: string, bytes: Uint8Array | string) => {
    writeFileSync(path.join(tmp.dir, name), bytes);
    return path.join(tmp.dir, name);
  };

  it('binary, empty, too long: the pure checks say it in Chinese', () => {
    const binary = thrown(() => decodeManuscriptText(Uint8Array.from([0x41, 0, 0x42])));
    expect(binary).toBeInstanceOf(ManuscriptError);
    expect(expectBothLanguages(binary, ['.txt', '.docx'])).toBe('这不是文本文件（其中有二进制数据）。请置入 .txt 或 .docx 来稿。');
    expect(expectBothLanguages(thrown(() => manuscriptStoryDoc([], { headline: false })))).toBe('来稿中没有文字。');
    const long = thrown(() => manuscriptStoryDoc(['字'.repeat(MAX_MANUSCRIPT_CHARS + 1)], { headline: false }));
    expect((long as Error).message).toBe('The manuscript has 1,000,001 characters; up to 1,000,000 can be placed in one story.');
    expect(expectBothLanguages(long)).toBe('来稿有 1,000,001 个字符；一篇稿件最多置入 1,000,000 个字符。');
  });

  it('old Word, PDF, a ZIP that is no Word file, no text, a folder, too large: each in Chinese', async () => {
    const oldWord = await rejected(() => readManuscriptFile(file('old.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))));
    expect(expectBothLanguages(oldWord, ['old.doc', '.doc', '.docx', '.txt'])).toBe('“old.doc”是 Word 97–2003（.doc）或 WPS 文件，Folio 无法读取：请另存为 .docx 或 .txt 后再置入。');
    expectBothLanguages(await rejected(() => readManuscriptFile(file('ad.pdf', '%PDF-1.4\n%%EOF\n'))), ['ad.pdf', '.docx', '.txt']);
    const sheet = await rejected(() => readManuscriptFile(file('sheet.docx', zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }))));
    const detail = (sheet as Error).message.match(/can read \((.*)\)\.$/)![1]!;
    expect(expectBothLanguages(sheet, ['sheet.docx', '.docx', detail])).toBe(`“sheet.docx”是压缩包，但不是 Folio 能读取的 Word（.docx）文档（${detail}）。`);
    expect(expectBothLanguages(await rejected(() => readManuscriptFile(file('empty.txt', '\r\n\u3000\r\n'))), ['empty.txt'])).toBe('“empty.txt”中没有可置入的文字。');
    mkdirSync(path.join(tmp.dir, 'folder.txt'));
    expect(expectBothLanguages(await rejected(() => readManuscriptFile(path.join(tmp.dir, 'folder.txt'))), ['folder.txt'])).toBe('“folder.txt”是文件夹，不是来稿。');
    const big = sparseFile(path.join(tmp.dir, 'big.txt'), MAX_IMPORT_BYTES + 1024 * 1024);
    expect(expectBothLanguages(await rejected(() => readManuscriptFile(big)), ['big.txt'])).toBe('“big.txt”大小为 51.0 MB；只能置入不超过 50 MB 的来稿。');
  });
});

describe('the document store, the library and the workspace refuse in Chinese', () => {
  let tmp: { dir: string; cleanup: () => void };
  beforeAll(() => {
    tmp = tempDir('folio-store-refusals-');
    writeFileSync(path.join(tmp.dir, 'front.folio'), SAMPLE_BYTES);
  });
  afterAll(() => tmp.cleanup());

  /** The HostError of a refused call (fails when it succeeds). */
  const refusal = async (call: Promise<{ ok: boolean; error?: HostError }>): Promise<HostError> => {
    const res = await call;
    if (res.ok || !res.error) throw new Error('expected a refusal');
    return res.error;
  };
  /** Checks a HostError like `expectBothLanguages` checks a thrown error. */
  const saysBoth = expectHostErrorInBothLanguages;

  it('an unknown handle, an unsaved document, a wrong extension, a read-only file, a missing asset or template', async () => {
    const services = servicesFor(tmp.dir);
    try {
      const document = sample.document;
      expect(hostErrorText(await refusal(services.saveDocument({ handle: 'gone', document })), ZH)).toBe('此文档已不再打开（句柄无效）。请重新打开。');
      const opened = await services.openDocument({ path: 'front.folio', readOnly: true });
      if (!opened.ok) throw new Error(opened.error.message);
      const { handle } = opened.value;
      for (const [error, line, quoted] of [
        [await refusal(services.saveDocument({ handle, document })), 'front.folio 以只读方式打开：请用“另存为”把修改保存到另一个文件。', ['front.folio']],
        [await refusal(services.saveDocument({ handle, document, path: 'front.pdf' })), 'Folio 文档保存为 .folio 文件；“front.pdf”的扩展名不同。', ['front.pdf', '.folio']],
        [await refusal(services.loadAsset({ handle, assetId: 'no-such-asset' })), '此文档中没有素材“no-such-asset”。', ['no-such-asset']],
        [await refusal(services.newFromTemplate({ templateId: 'no-such-template' })), '没有模板“no-such-template”。', ['no-such-template']],
      ] as const) {
        expect(saysBoth(error, quoted)).toBe(line);
      }
    } finally {
      await services.dispose();
    }
  });

  it('library items: a bad name, one that exists, one that is not there', async () => {
    const services = servicesFor(tmp.dir);
    try {
      const bad = await refusal(services.deleteLibraryItem({ name: 'a/b' }));
      expect(saysBoth(bad, ['a/b', '/ \\ : * ? " < > |'])).toBe('“a/b”不能用作资料库条目名称：名称中不能有 / \\ : * ? " < > | 或控制字符。');
      expect(saysBoth(await refusal(services.deleteLibraryItem({ name: '天气' })))).toBe('工作区资料库中没有名为“天气”的条目（内置条目不能删除）。');
      for (const name of [' ', '.hidden', 'trailing.', 'x'.repeat(200)]) saysBoth(await refusal(services.deleteLibraryItem({ name })), [name.slice(0, 80)]);
    } finally {
      await services.dispose();
    }
  });

  it('a path outside the workspace, climbing, with NUL, empty, through a symbolic link', () => {
    const workspace = createWorkspace(tmp.dir);
    const root = workspace.root;
    const cases: [string, string][] = [
      ['', '没有给出路径。'],
      ['a\0b', '路径中含有空字符（NUL），真实的文件名中不会有。'],
      ['../etc/passwd', '路径“../etc/passwd”用“..”跳出了工作区：请给出工作区内的路径。'],
      [path.join(path.dirname(root), 'elsewhere.folio'), ''],
    ];
    for (const [clientPath, line] of cases) {
      const err = thrown(() => workspace.confine(clientPath));
      expect(err).toBeInstanceOf(WorkspaceError);
      const chinese = expectBothLanguages(err, [clientPath, root, '..']);
      if (line) expect(chinese).toBe(line);
      else expect(chinese).toBe(`路径“${clientPath}”在工作区（${root}）之外。`);
    }
    symlinkSync(path.dirname(root), path.join(root, 'way-out'));
    expect(expectBothLanguages(thrown(() => workspace.confine('way-out/x.folio')), ['way-out/x.folio'])).toBe('路径“way-out/x.folio”经由符号链接通向工作区之外。');
  });

  it('a document in use: who holds it, said in Chinese, the time left for the window to localise', () => {
    const since = '2026-01-02T03:04:05.000Z';
    const elsewhere = new DocumentInUseError('/news/front.folio', { pid: 4242, host: 'desk-7', since, token: 't' });
    expect(expectBothLanguages(elsewhere, ['/news/front.folio', 'desk-7', since])).toBe(`/news/front.folio 已在别处打开编辑（desk-7 上的进程 4242，自 ${since} 起）。请以只读方式打开，或先在那里关闭它。`);
    const here = new DocumentInUseError('/news/front.folio', { pid: process.pid, host: os.hostname(), since, token: 't' }, true);
    expect(here.message).toContain(`(process ${process.pid}, since ${since})`);
    expect(expectBothLanguages(here, ['/news/front.folio', since])).toContain(`（进程 ${process.pid}，自 ${since} 起）`);
    expect(hostErrorText(toHostError(here), ZH)).toContain(`${LEASE_MS / 1000} 秒内释放它`);
    expect(toHostError(here).heldHere).toBe(true);
    expectBothLanguages(new DocumentInUseError('/news/front.folio', undefined), ['/news/front.folio']);
  });
});

describe('fonts that cannot be listed or loaded', () => {
  let tmp: { dir: string; cleanup: () => void };
  beforeAll(() => (tmp = tempDir('folio-font-refusals-')));
  afterAll(() => tmp.cleanup());

  it('a font file that is a folder, or too large', async () => {
    mkdirSync(path.join(tmp.dir, 'Song.ttf'));
    const folder = await rejected(() => readFontFile(path.join(tmp.dir, 'Song.ttf')));
    expect(folder).toBeInstanceOf(FontFileError);
    expect(expectBothLanguages(folder, ['Song.ttf', tmp.dir])).toBe(`字体 Song.ttf（${path.join(tmp.dir, 'Song.ttf')}）是文件夹，不是字体文件。`);
    const big = sparseFile(path.join(tmp.dir, 'Huge.ttc'), MAX_FONT_FILE_BYTES + 1024 * 1024);
    expect(expectBothLanguages(await rejected(() => readFontFile(big)), ['Huge.ttc', tmp.dir])).toMatch(/^字体 Huge\.ttc（.+）大小为 257\.0 MB；只读取不超过 256 MB 的字体文件。$/);
  });

  it('an unknown font id at the host', async () => {
    const services = servicesFor(tmp.dir);
    try {
      const res = await services.loadFont({ fontId: 'no-such-font' });
      if (res.ok) throw new Error('loaded');
      expect(hostErrorText(res.error, ZH)).toBe('没有编号为“no-such-font”的字体。');
      expect(hostErrorText(res.error, EN)).toBe(res.error.message);
    } finally {
      await services.dispose();
    }
  });

  it('the window’s font problems say the host’s failure in the same language, a parser’s words in parentheses', async () => {
    const template = sample.document.template;
    const failing = { code: 'invalid-file', message: 'The font Song.ttf (/f/Song.ttf) is a folder, not a font file.', uiMessage: { key: 'service.font.isFolder', values: { name: 'Song.ttf', path: '/f/Song.ttf' } } } as const;
    const listFails = { listFonts: async () => ({ ok: false, error: failing }) } as unknown as Host;
    const listed = await loadTemplateFonts(listFails, template, new Map());
    expect(formatServiceMessage(listed.problems[0]!, ZH)).toBe('无法列出字体：字体 Song.ttf（/f/Song.ttf）是文件夹，不是字体文件。');
    expect(formatServiceMessage(listed.problems[0]!, EN)).toBe(`Could not list fonts: ${failing.message}`);
    const fonts = [{ id: 'f1', family: template.paragraphStyles.paragraph!.font.family, weight: template.paragraphStyles.paragraph!.font.weight }];
    const loadFails = { listFonts: async () => ({ ok: true, value: fonts }), loadFont: async () => ({ ok: false, error: failing }) } as unknown as Host;
    const loaded = await loadTemplateFonts(loadFails, template, new Map());
    expect(formatServiceMessage(loaded.problems.at(-1)!, ZH)).toMatch(/^字体 .+ 无法载入：字体 Song\.ttf（\/f\/Song\.ttf）是文件夹，不是字体文件。$/);
    const notAFont = { listFonts: async () => ({ ok: true, value: fonts }), loadFont: async () => ({ ok: true, value: { bytes: strToU8('not a font') } }) } as unknown as Host;
    const parsed = await loadTemplateFonts(notAFont, template, new Map());
    const line = formatServiceMessage(parsed.problems.at(-1)!, ZH);
    expect(line).toMatch(/^字体 .+ 无法载入（.+）$/);
  });
});

describe('the window’s transport to its host', () => {
  const http = (fetch: typeof globalThis.fetch) => createHttpHost({ origin: 'http://127.0.0.1:1', token: 't', fetch });
  const hostFailure = async (call: Promise<{ ok: boolean; error?: HostError }>) => {
    const res = await call;
    if (res.ok || !res.error) throw new Error('expected a failure');
    expect(hostErrorText(res.error, EN)).toBe(res.error.message);
    return { host: res.error, chinese: hostErrorText(res.error, ZH) };
  };

  it('a server that does not answer, breaks off, answers unreadably or unexpectedly', async () => {
    const down = await hostFailure(http(async () => { throw new TypeError('Failed to fetch'); }).listTemplates({}));
    expect(down.host.message).toBe("Folio's local server did not answer (Failed to fetch). Is `folio serve` still running?");
    expect(down.chinese).toBe('Folio 的本地服务器没有响应（Failed to fetch）。请确认“folio serve”仍在运行。');
    const html = await hostFailure(http(async () => new Response('<html>', { status: 502, headers: { 'content-type': 'text/html' } })).listTemplates({}));
    expect(html.chinese).toBe('本地服务器对 listTemplates 的答复无法读取（HTTP 502）。');
    const odd = await hostFailure(http(async () => Response.json({ hello: 1 })).listTemplates({}));
    expect(odd.chinese).toBe('本地服务器对 listTemplates 的答复不合预期（HTTP 200）。');
    const cut = await hostFailure(http(async () => new Response(new Uint8Array(1), { headers: { 'content-type': 'application/octet-stream', 'x-folio-meta': '%E0%A4%A' } })).loadFont({ fontId: 'x' }));
    expect(cut.chinese).toMatch(/^本地服务器对 loadFont 的答复中途中断（.+）。$/);
  });

  it('a desktop bridge that lacks a channel or fails on one', async () => {
    const missing = await hostFailure(createElectronHost({} as FolioBridge).listTemplates({}));
    expect(missing.chinese).toBe('此版本 Folio 的桌面桥接缺少“listTemplates”。');
    const broken = await hostFailure(createElectronHost({ listTemplates: async () => { throw new Error('IPC gone'); } } as unknown as FolioBridge).listTemplates({}));
    expect(broken.chinese).toBe('桌面桥接在 listTemplates 上出错（IPC gone）');
  });
});

describe('what the exporter and composer refuse in a user’s document', () => {
  let tmp: { dir: string; cleanup: () => void };
  beforeAll(() => (tmp = tempDir('folio-export-words-')));
  afterAll(() => tmp.cleanup());

  it('a template without an output condition identifier, for PDF/X', async () => {
    const document = structuredClone(sample.document);
    document.template.output.outputConditionIdentifier = ' ';
    const fonts = await createFontCatalogue({ fontsDirs: [] }).providerFor(document.template);
    const err = await rejected(() => runExportJob({ document, assets: sample.assets, fonts, preset: 'print', output: path.join(tmp.dir, 'out'), now: new Date(0) }));
    expect(expectBothLanguages(err, ['IFRA26'])).toBe('PDF/X 输出需要输出条件标识（例如 IFRA26）');
  });

  it('no installed font for the template: composing stops with a line in Chinese, a refusal of the file, not an internal error', async () => {
    const err = await rejected(() => runExportJob({ document: sample.document, assets: sample.assets, fonts: loadFonts([]), preset: 'proof', output: path.join(tmp.dir, 'none'), now: new Date(0) }));
    expect(err).toBeInstanceOf(ServiceRangeError);
    expect(toHostError(err).code).toBe('invalid-file');
    expect(expectBothLanguages(err)).toBe('没有载入任何字体：排版前至少要载入正文字体');
  });

  it('anything else is an internal error: its frame in Chinese, its own words in parentheses', () => {
    const err = new TypeError('x is not a function');
    expect(toHostError(err).code).toBe('internal');
    expect(expectBothLanguages(err, ['x is not a function'])).toBe('Folio 内部出错（x is not a function）');
  });

  it('a handler that throws despite its contract is answered in the same frame', async () => {
    const handlers = { listTemplates: async () => { throw new TypeError('boom'); } } as unknown as HostHandlers;
    const outcome = await dispatchHostCall(handlers, 'listTemplates', {});
    if (outcome.kind !== 'done' || outcome.result.ok) throw new Error('expected an answered failure');
    expect(expectHostErrorInBothLanguages(outcome.result.error, ['boom'])).toBe('Folio 内部出错（boom）');
  });

  it('the window says a composer refusal caught around an edit in its language too (errorText)', () => {
    const err = thrown(() => { throw new ServiceRangeError({ key: 'service.compose.noFonts' }); });
    expect(errorText(err, ZH)).toBe('没有载入任何字体：排版前至少要载入正文字体');
    expect(errorText(err, EN)).toBe((err as Error).message);
    expect(errorText(new RangeError('plain'), ZH)).toBe('plain');
  });

  it('a damaged font table', () => {
    const parts = { head: new Uint8Array(10) } as unknown as Parameters<typeof writeTrueTypeSubset>[0];
    const err = thrown(() => writeTrueTypeSubset(parts));
    expect(expectBothLanguages(new ExportError('invalid-file', (err as Error).message, (err as ServiceRangeError).uiMessage), ['head'])).toBe('字体的 head 表只有 10 字节，短于其应有的 54 字节结构：字体已损坏');
  });
});

describe('what the window itself refuses: library items, pictures it cannot show, a missing access token', () => {
  const sample = unpackFolio(SAMPLE_BYTES).document;
  const page = sample.pages[0]!;

  it('saving to the library: no frames, too many frames, a frame of another page, a name a folder refuses', () => {
    expect(errorText(thrown(() => captureFurniture(sample, page.id, [], '天气')), ZH)).toBe('请至少选中一个框再存入报花库。');
    const crowded = { ...sample, pages: [{ ...page, frames: Array.from({ length: MAX_FURNITURE_FRAMES + 1 }, (_, i) => ({ ...page.frames[0]!, id: `f${i}` })) }] };
    const tooMany = thrown(() => captureFurniture(crowded, page.id, crowded.pages[0]!.frames.map((f) => f.id), '天气'));
    expect(expectBothLanguages(tooMany)).toBe(`报花库条目最多容纳 ${MAX_FURNITURE_FRAMES} 个框，现选中了 ${MAX_FURNITURE_FRAMES + 1} 个。`);
    expect(expectBothLanguages(thrown(() => captureFurniture(sample, page.id, ['nowhere'], '天气')), ['nowhere', page.name])).toBe(`版面 ${page.name} 上没有框“nowhere”。`);
    expect(expectBothLanguages(thrown(() => furnitureFileName('.天气')))).toBe('“.天气”不能用作资料库条目名称：' + formatServiceMessage({ key: 'service.library.nameLeadingDot' }, ZH));
  });

  it('a picture the screen cannot decode', async () => {
    const err = await decodeAssetBitmap(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 'image/x-unknown').then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceRangeError);
    expect(expectBothLanguages(err, ['image/x-unknown'])).toBe('图片不是 PNG、JPEG、TIFF 或 PDF 文件（声明为 image/x-unknown）。');
  });

  it('browser mode opened without its token says so in the window’s language', () => {
    const win = { location: new URL('http://127.0.0.1:4173/'), history: { replaceState: () => undefined }, sessionStorage: { getItem: () => null, setItem: () => undefined } } as unknown as Window;
    const err = thrown(() => pickHost(win));
    expect(errorText(err, ZH)).toBe('打开 Folio 时缺少访问令牌。请打开“folio serve”打印出的完整地址（…/?token=…）。');
    expect(errorText(err, EN)).toBe((err as Error).message);
  });
});
