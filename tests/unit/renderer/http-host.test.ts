import { describe, expect, it } from 'vitest';
import { HOST_CHANNELS } from '../../../src-core/api/host-api.js';
import { createHttpHost, takeSessionToken, TOKEN_STORAGE_KEY } from '../../../src-renderer/host/http-host.js';
import { createElectronHost } from '../../../src-renderer/host/electron-host.js';
import type { FolioBridge } from '../../../src-renderer/host/folio-bridge.js';

function env(href: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored ? [[TOKEN_STORAGE_KEY, stored]] : []);
  const replaced: string[] = [];
  return {
    env: {
      location: { href },
      history: { replaceState: (_d: unknown, _u: string, url: string) => void replaced.push(url) },
      storage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
    },
    storage,
    replaced,
  };
}

describe('browser-mode token', () => {
  it('takes the token from the URL once, stores it and removes it from the address bar', () => {
    const e = env('http://127.0.0.1:5000/?token=abc_DEF-1&x=2#top');
    expect(takeSessionToken(e.env)).toBe('abc_DEF-1');
    expect(e.storage.get(TOKEN_STORAGE_KEY)).toBe('abc_DEF-1');
    expect(e.replaced).toEqual(['/?x=2#top']);
  });

  it('falls back to sessionStorage after a reload, and to null without either', () => {
    expect(takeSessionToken(env('http://127.0.0.1:5000/', 'kept').env)).toBe('kept');
    expect(takeSessionToken(env('http://127.0.0.1:5000/').env)).toBeNull();
  });
});

describe('HTTP host', () => {
  it('POSTs JSON to /api/<channel> with the token header and returns the server’s HostResult', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchStub = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ ok: true, value: [{ id: 'f', family: 'F', weight: 400 }] }), { status: 200 });
    }) as unknown as typeof fetch;
    const host = createHttpHost({ origin: 'http://127.0.0.1:5000', token: 't0k', fetch: fetchStub });
    expect(Object.keys(host).sort()).toEqual([...HOST_CHANNELS].sort());
    const res = await host.listFonts({});
    expect(res).toEqual({ ok: true, value: [{ id: 'f', family: 'F', weight: 400 }] });
    expect(calls[0].url).toBe('http://127.0.0.1:5000/api/listFonts');
    expect(calls[0].init.method).toBe('POST');
    expect((calls[0].init.headers as Record<string, string>)['x-folio-token']).toBe('t0k');
    expect(calls[0].init.body).toBe('{}');
  });

  it('sends releaseDocument (from pagehide) with keepalive, so it outlives the closing tab; other calls without', async () => {
    const calls: RequestInit[] = [];
    const fetchStub = (async (_url: string, init: RequestInit) => {
      calls.push(init);
      return new Response(JSON.stringify({ ok: true, value: { released: true } }), { status: 200 });
    }) as unknown as typeof fetch;
    const host = createHttpHost({ origin: 'http://127.0.0.1:5000', token: 't0k', fetch: fetchStub });
    await host.releaseDocument({ handle: 'AAAAAAAAAAAAAAAA' });
    await host.renewLease({ handle: 'AAAAAAAAAAAAAAAA' });
    expect(calls[0].keepalive).toBe(true);
    expect((calls[0].headers as Record<string, string>)['x-folio-token']).toBe('t0k');
    expect(calls[1].keepalive).toBeUndefined();
  });

  it('turns transport failures and unreadable answers into HostResult errors', async () => {
    const down = createHttpHost({ origin: 'http://x', token: 't', fetch: (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch });
    const r1 = await down.openSample({});
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.error.message).toMatch(/did not answer.*Failed to fetch/);
    const html = createHttpHost({ origin: 'http://x', token: 't', fetch: (async () => new Response('<html>', { status: 502 })) as unknown as typeof fetch });
    const r2 = await html.openSample({});
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error.message).toContain('HTTP 502');
  });
});

describe('Electron host', () => {
  it('forwards to window.folio and turns a rejected IPC call into a HostResult error', async () => {
    const bridge = {
      listTemplates: async () => ({ ok: true, value: [] }),
      openSample: async () => {
        throw new Error('IPC closed');
      },
      onMenuCommand: () => undefined,
      setDirty: () => undefined,
    } as unknown as FolioBridge;
    const host = createElectronHost(bridge);
    expect(await host.listTemplates({})).toEqual({ ok: true, value: [] });
    const failed = await host.openSample({});
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.message).toContain('IPC closed');
    const missing = await host.listFiles({});
    expect(missing.ok).toBe(false);
  });
});
