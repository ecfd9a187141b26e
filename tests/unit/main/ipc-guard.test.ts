import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HOST_CHANNELS } from '../../../src-core/api/host-api.js';
import { HOST_CHANNEL_NAMES, MENU_COMMANDS } from '../../../src-main/ipc/channels.js';
import { createRendererTrust, refuseSender, type FrameLike } from '../../../src-main/ipc/guard.js';
import { ShellPayloadSchemas, SetDirtySchema } from '../../../src-main/ipc/shell-schemas.js';

const INDEX = path.resolve('/opt/folio/out/renderer/index.html');
const indexUrl = pathToFileURL(INDEX).href;

describe('IPC sender guard', () => {
  const trust = createRendererTrust({ indexHtmlPath: INDEX });
  const devTrust = createRendererTrust({ indexHtmlPath: INDEX, devServerUrl: 'http://localhost:5173' });

  it('trusts only our renderer page (exact file, or the dev server origin)', () => {
    expect(trust(indexUrl)).toBe(true);
    expect(trust(`${indexUrl}#/page/A01`)).toBe(true);
    expect(trust(pathToFileURL('/opt/folio/out/renderer/other.html').href)).toBe(false);
    expect(trust(pathToFileURL('/tmp/evil/index.html').href)).toBe(false);
    expect(trust('https://evil.example/')).toBe(false);
    expect(trust('http://localhost:5173/')).toBe(false);
    expect(devTrust('http://localhost:5173/src/main.ts')).toBe(true);
    expect(devTrust('http://localhost:5174/')).toBe(false);
    expect(trust('not a url')).toBe(false);
    expect(trust('about:blank')).toBe(false);
  });

  it('refuses sub-frames, foreign pages and vanished frames', () => {
    const main: FrameLike = { url: indexUrl };
    expect(refuseSender({ senderFrame: main, sender: { mainFrame: main } }, trust)).toBeNull();
    const child: FrameLike = { url: indexUrl };
    expect(refuseSender({ senderFrame: child, sender: { mainFrame: main } }, trust)).toMatch(/sub-frames/);
    const foreign: FrameLike = { url: 'https://evil.example/' };
    expect(refuseSender({ senderFrame: foreign, sender: { mainFrame: foreign } }, trust)).toMatch(/only Folio's own page/);
    expect(refuseSender({ senderFrame: null, sender: { mainFrame: main } }, trust)).toMatch(/gone/);
  });
});

describe('IPC channel lists', () => {
  it('exposes exactly the host API channels and the renderer’s menu commands', () => {
    expect([...HOST_CHANNEL_NAMES].sort()).toEqual([...HOST_CHANNELS].sort());
    expect(MENU_COMMANDS).toContain('export-pdf');
  });

  it('validates desktop-only payloads', () => {
    expect(SetDirtySchema.safeParse({ dirty: 'yes' }).success).toBe(false);
    expect(SetDirtySchema.safeParse({ dirty: true }).success).toBe(true);
    expect(ShellPayloadSchemas.chooseSavePath.parse({})).toEqual({ kind: 'folio' });
    expect(ShellPayloadSchemas.chooseSavePath.safeParse({ kind: 'exe' }).success).toBe(false);
  });
});
