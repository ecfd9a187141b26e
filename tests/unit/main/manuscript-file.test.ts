/**
 * readManuscript: reporters' manuscripts read from the workspace by content, through the host API.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostFromServices } from '../../../src-main/services/dispatch.js';
import type { Services } from '../../../src-main/services/services.js';
import { minimalDocx } from './docx-fixture.js';
import { servicesFor, tempDir } from './helpers.js';

let ws: { dir: string; cleanup: () => void };
let services: Services;

beforeEach(() => {
  ws = tempDir('folio-manuscript-');
  services = servicesFor(ws.dir);
});
afterEach(async () => {
  await services.dispose();
  ws.cleanup();
});

const write = (name: string, bytes: Uint8Array | string) => writeFileSync(path.join(ws.dir, name), bytes);

describe('readManuscript', () => {
  it('reads a Word document as its paragraphs', async () => {
    write('稿件.docx', minimalDocx(['德清新闻', '', '记者 张三', '\u3000\u3000第一段 <正文> & 更多。']));
    const res = await hostFromServices(services).readManuscript({ path: '稿件.docx' });
    expect(res).toEqual({ ok: true, value: { name: '稿件.docx', format: 'docx', paragraphs: ['德清新闻', '记者 张三', '第一段 <正文> & 更多。'] } });
  });

  it('reads plain text in GB18030 and UTF-8, by content whatever the name', async () => {
    // "德清新闻\r\n记者 张三\r\n\u3000\u3000正文。\r\n" in GB18030 (from iconv).
    write('gbk.txt', Buffer.from('b5c2c7e5d0c2cec50d0abcc7d5df20d5c5c8fd0d0aa1a1a1a1d5fdcec4a1a30d0a', 'hex'));
    write('utf8.docx', '德清新闻\n\n正文。\n');
    const host = hostFromServices(services);
    expect(await host.readManuscript({ path: 'gbk.txt' })).toEqual({ ok: true, value: { name: 'gbk.txt', format: 'txt', encoding: 'gb18030', paragraphs: ['德清新闻', '记者 张三', '正文。'] } });
    expect(await host.readManuscript({ path: 'utf8.docx' })).toEqual({ ok: true, value: { name: 'utf8.docx', format: 'txt', encoding: 'utf-8', paragraphs: ['德清新闻', '正文。'] } });
  });

  it('refuses old Word, PDF, other ZIPs, binary and empty files, folders and paths outside the workspace, saying why', async () => {
    write('old.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    write('advert.pdf', '%PDF-1.4\n%%EOF\n');
    write('sheet.docx', zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }));
    write('photo.txt', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]));
    write('empty.txt', '\r\n\u3000\u3000\r\n');
    mkdirSync(path.join(ws.dir, 'folder.txt'));
    const host = hostFromServices(services);
    const error = async (p: string) => {
      const res = await host.readManuscript({ path: p });
      if (res.ok) throw new Error(`${p} was read`);
      return res.error;
    };
    expect(await error('old.doc')).toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/Word 97–2003.*save it as \.docx or \.txt/) });
    expect(await error('advert.pdf')).toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/is a PDF/) });
    expect(await error('sheet.docx')).toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/not a Word \(\.docx\) document/) });
    expect(await error('photo.txt')).toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/not a text file/) });
    expect(await error('empty.txt')).toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/has no text/) });
    expect(await error('folder.txt')).toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/is a folder/) });
    expect(await error('missing.txt')).toMatchObject({ code: 'not-found' });
    expect(await error('../outside.txt')).toMatchObject({ code: 'forbidden' });
  });
});
