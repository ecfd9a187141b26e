/**
 * Service failures speak the interface language (issue 14): a disk error carries its line as a catalogue
 * message, the renderer and the CLI say it whole in English or Chinese, and the system's own code (ENOSPC)
 * appears only in parentheses. What comes over IPC/HTTP is checked before it is used.
 */
import { describe, expect, it } from 'vitest';
import { asServiceMessage, formatServiceMessage } from '../../../src-core/i18n/service-message.js';
import { createTranslator } from '../../../src-core/i18n/translator.js';
import { describeIoError, diskRefusal } from '../../../src-main/services/disk.js';
import { toHostError } from '../../../src-main/services/services.js';
import { hostErrorText } from '../../../src-renderer/state/ui-message.js';

const strict = (locale: 'en' | 'zh-CN') => createTranslator(locale, (err) => { throw err; });
const en = strict('en');
const zh = strict('zh-CN');
const systemError = (code: string, message = `${code}: something, open '/x'`) => Object.assign(new Error(message), { code });

describe('disk failures as catalogue messages', () => {
  it('a full disk: the whole line in each language, the system code only in parentheses', () => {
    const err = describeIoError(systemError('ENOSPC'), 'save', '/work/issue/第1版.folio');
    expect(err.message).toContain('the disk is full');
    const host = toHostError(err);
    expect(host.uiMessage).toBeDefined();
    expect(hostErrorText(host, en)).toBe('Could not save 第1版.folio: the disk is full. Nothing was written over /work/issue/第1版.folio; free some space and try again (ENOSPC).');
    const chinese = hostErrorText(host, zh);
    expect(chinese).toBe('无法保存 第1版.folio：磁盘已满。/work/issue/第1版.folio 未被改写；请腾出空间后重试（ENOSPC）。');
    expect(chinese).not.toMatch(/disk|Could not|save/);
  });

  it('no permission, and an action without a code of its own', () => {
    const denied = describeIoError(systemError('EACCES'), 'copy the sample to', '/ro/sample.folio');
    expect(hostErrorText(toHostError(denied), zh)).toBe('无法把样例复制到 sample.folio：没有 /ro 的写入权限。请换一个文件夹或申请权限（EACCES）。');
    const odd = describeIoError(systemError('EACCES'), 'frobnicate', '/ro/sample.folio');
    expect(hostErrorText(toHostError(odd), zh)).toMatch(/^无法使用 sample\.folio：/);
  });

  it('an unknown system error keeps its own words as the detail in parentheses', () => {
    const err = describeIoError(systemError('EIO', 'EIO: i/o error, read'), 'read', '/work/a.folio');
    expect(hostErrorText(toHostError(err), zh)).toBe('无法读取 a.folio（EIO: i/o error, read）。');
    expect(hostErrorText(toHostError(err), en)).toBe('Could not read a.folio (EIO: i/o error, read).');
  });

  it('a file too large to read, in Chinese', () => {
    const err = diskRefusal({ kind: 'too-large', sizeBytes: 300 * 1024 * 1024 }, 'open', '/work/big.folio', 256 * 1024 * 1024);
    expect(hostErrorText(toHostError(err), zh)).toMatch(/^无法打开 big\.folio：文件大小 .+，超过此类文件的上限 .+。$/);
  });
});

describe('service messages from outside are checked', () => {
  it('refuses unknown keys, bad values and deep nesting; the English message is used instead', () => {
    expect(asServiceMessage({ key: 'no.such.key' })).toBeUndefined();
    expect(asServiceMessage({ key: 'service.disk.isFolder', values: { name: { toString: 1 } } })).toBeUndefined();
    expect(asServiceMessage({ key: 'service.disk.isFolder', values: [] })).toBeUndefined();
    let deep: unknown = { key: 'service.action', values: { action: 'save' } };
    for (let i = 0; i < 5; i++) deep = { key: 'service.disk.other', values: { action: deep, name: 'x', detail: 'y' } };
    expect(asServiceMessage(deep)).toBeUndefined();
    expect(hostErrorText({ message: 'Could not save x.', uiMessage: { key: 'nope' } as never }, zh)).toBe('Could not save x.');
  });

  it('formats nested messages first, in the same language', () => {
    const message = asServiceMessage({ key: 'service.disk.isFolder', values: { action: { key: 'service.action', values: { action: 'open' } }, name: 'a', path: '/a' } });
    expect(message && formatServiceMessage(message, zh)).toBe('无法打开 a：/a 是文件夹，不是文件。');
  });
});
