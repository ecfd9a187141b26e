import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startServer, type RunningServer } from '../../../src-main/server/server.js';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/server/csp.js';
import type { Services } from '../../../src-main/services/services.js';
import { resolveDefaultFontFile } from '../../../src-main/services/fonts.js';
import { DEFAULT_FONTS } from '../../../src-core/text/font.js';
import { createHttpHost } from '../../../src-renderer/host/http-host.js';
import { servicesFor, tempDir } from './helpers.js';
import { hostErrorText } from '../../../src-renderer/state/ui-message.js';
import { createTranslator } from '../../../src-core/i18n/translator.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let root: { dir: string; cleanup: () => void };
let services: Services;
let server: RunningServer;
let rendererDir: string;

/** A raw HTTP request: the path is sent byte for byte (no URL normalisation), headers exactly as given. */
function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; hostHeader?: string | null }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.hostHeader !== null) headers.host = opts.hostHeader ?? `127.0.0.1:${server.port}`;
    const req = http.request({ host: '127.0.0.1', port: server.port, method: opts.method ?? 'GET', path: opts.path, headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

function api(channel: string, payload: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return request({
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'content-type': 'application/json', 'x-folio-token': server.token, ...headers },
    body: JSON.stringify(payload),
  });
}

/** Streams `totalBytes` of body in 1 MB chunks, stopping as soon as the server answers (as a browser would). */
function streamLargeBody(totalBytes: number, declareLength: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-folio-token': server.token };
    if (declareLength) headers['content-length'] = String(totalBytes);
    const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/autosave', headers }, (res) => {
      res.resume();
      answered = true;
      resolve(res.statusCode ?? 0);
    });
    let answered = false;
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

beforeAll(async () => {
  root = tempDir('folio-server-');
  const workspace = path.join(root.dir, 'workspace');
  rendererDir = path.join(root.dir, 'renderer');
  mkdirSync(workspace);
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Folio</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("folio")');
  writeFileSync(path.join(rendererDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(root.dir, 'secret.txt'), 'TOP SECRET');
  symlinkSync(path.join(root.dir, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
  services = servicesFor(workspace);
  server = await startServer({ port: 0, services, rendererDir });
});

afterAll(async () => {
  await server.close();
  await services.dispose();
  root.cleanup();
});

describe('browser-mode server: what it serves', () => {
  it('prints a loopback URL carrying a long random token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('serves the renderer with MIME types, the CSP and no CORS headers', async () => {
    const index = await request({ path: `/?token=${server.token}` });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("font-src 'self' data: blob:");
    expect(index.headers['access-control-allow-origin']).toBeUndefined();
    expect((await request({ path: '/assets/app.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await request({ path: '/assets/app.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await request({ path: '/assets/missing.js' })).status).toBe(404);
    const viaLocalhost = await request({ path: '/', hostHeader: `localhost:${server.port}` });
    expect(viaLocalhost.status).toBe(200);
  });

  it('opens the sample, saves it, and reopens the saved file equal (happy path)', async () => {
    const opened = JSON.parse((await api('openSample', {})).body);
    expect(opened.ok).toBe(true);
    const { handle, document } = opened.value;
    const saved = JSON.parse((await api('saveDocument', { handle, document, path: 'issue/front.folio' })).body);
    // The folder does not exist yet: a clear not-found error as data, then it works once created.
    expect(saved).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const ok = JSON.parse((await api('saveDocument', { handle, document, path: 'front.folio' })).body);
    expect(ok).toEqual({ ok: true, value: { path: path.join(services.workspace.root, 'front.folio') } });
    expect(JSON.parse((await api('closeDocument', { handle })).body)).toEqual({ ok: true, value: { closed: true } });
    const reopened = JSON.parse((await api('openDocument', { path: 'front.folio' })).body);
    expect(reopened.ok).toBe(true);
    expect(reopened.value.document).toEqual(document);
    expect(reopened.value.readOnly).toBe(false);
    const files = JSON.parse((await api('listFiles', {})).body);
    expect(files.value.entries).toContainEqual({ name: 'front.folio', path: 'front.folio', kind: 'file' });
  });
});

describe('browser-mode server: binary results', () => {
  it('sends fonts and pictures as bytes (no base64 JSON), which the page’s HTTP host turns back into results', async () => {
    const host = createHttpHost({ origin: `http://127.0.0.1:${server.port}`, token: server.token, fetch: globalThis.fetch });
    const font = await host.loadFont({ fontId: 'noto-serif-sc-400' });
    expect(font.ok).toBe(true);
    const onDisk = readFileSync(resolveDefaultFontFile(DEFAULT_FONTS[0].file));
    if (font.ok) expect(Buffer.from(font.value.bytes).equals(onDisk)).toBe(true);
    const raw = await api('loadFont', { fontId: 'noto-serif-sc-400' });
    expect(raw.headers['content-type']).toBe('application/octet-stream');
    expect(Number(raw.headers['content-length'])).toBe(onDisk.length);

    const opened = await host.openSample({});
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const [assetId] = Object.keys(opened.value.document.assets);
    const asset = await host.loadAsset({ handle: opened.value.handle, assetId });
    expect(asset).toMatchObject({ ok: true, value: { mime: 'image/png' } });
    if (asset.ok) expect([...asset.value.bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    // Refusals stay JSON HostResults.
    expect(await host.loadFont({ fontId: 'no-such-font' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('browser-mode server: every refusal', () => {
  it('refuses API calls without the token or with a wrong one (401)', async () => {
    const none = await request({ method: 'POST', path: '/api/listTemplates', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A stale token (the server restarted) is something a user meets: the line comes in the interface language.
    expect(hostErrorText(JSON.parse(none.body).error, createTranslator('zh-CN'))).toBe('会话令牌缺失或有误：请从服务器打印出的地址打开 Folio。');
    const wrong = await api('listTemplates', {}, { 'x-folio-token': `${server.token.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    const short = await api('listTemplates', {}, { 'x-folio-token': 'abc' });
    expect(short.status).toBe(401);
    // The token in the URL query is for the page, not a substitute for the header.
    const inQuery = await request({ method: 'POST', path: `/api/listTemplates?token=${server.token}`, headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(inQuery.status).toBe(401);
    expect((await api('listTemplates', {})).status).toBe(200);
  });

  it('refuses foreign Host headers (DNS rebinding), on pages and API alike', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`, `[::1]:${server.port}`]) {
      expect((await request({ path: '/', hostHeader: host })).status, host).toBe(403);
      const r = await request({ method: 'POST', path: '/api/listTemplates', hostHeader: host, headers: { 'content-type': 'application/json', 'x-folio-token': server.token }, body: '{}' });
      expect(r.status, host).toBe(403);
    }
    // No Host at all: Node's HTTP parser already answers 400 (HTTP/1.1 requires one); either way nothing is served.
    const noHost = await request({ path: '/', hostHeader: null });
    expect([400, 403]).toContain(noHost.status);
    expect(noHost.body).not.toContain('<title>Folio');
  });

  it('refuses foreign Origin headers and cross-site fetches', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null', `https://127.0.0.1:${server.port}`]) {
      expect((await api('listTemplates', {}, { origin })).status, origin).toBe(403);
    }
    expect((await api('listTemplates', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await api('listTemplates', {}, { origin: `http://localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses path traversal on static and API paths', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '//etc/passwd',
      '/C:/Windows/win.ini',
      '/%00index.html',
      '/api/../../etc/passwd',
      '/api/%2e%2e/%2e%2e/etc/passwd',
      '/api/..%2f..%2fetc%2fpasswd',
      '/api/%zz',
    ];
    for (const p of attempts) {
      const r = await request({ method: p.startsWith('/api') ? 'POST' : 'GET', path: p, headers: { 'content-type': 'application/json', 'x-folio-token': server.token }, body: p.startsWith('/api') ? '{}' : undefined });
      expect(r.status, p).toBe(400);
      expect(r.body, p).not.toContain('TOP SECRET');
      expect(r.body, p).not.toContain('root:');
    }
    // Absolute-form targets and a symlink out of the renderer folder are refused too.
    expect((await request({ path: 'http://evil.example/etc/passwd' })).status).toBe(400);
    const link = await request({ path: '/assets/link.txt' });
    expect(link.status).toBe(403);
    expect(link.body).not.toContain('TOP SECRET');
    // Workspace paths inside API payloads are confined too.
    const escape = JSON.parse((await api('openDocument', { path: '../../../../etc/passwd' })).body);
    expect(escape).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const absolute = JSON.parse((await api('listFiles', { dir: '/etc' })).body);
    expect(absolute).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers unknown channels with 404 and invalid payloads with 400 and a message', async () => {
    const unknown = await api('deleteEverything', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.message).toMatch(/Unknown host channel/);
    expect((await api('constructor', {})).status).toBe(404);
    expect((await api('__proto__', {})).status).toBe(404);
    const invalid = await api('openDocument', { path: 7 });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(JSON.parse(invalid.body).error.message).toMatch(/openDocument.*path/);
    const badHandle = await api('closeDocument', { handle: '../../etc' });
    expect(badHandle.status).toBe(400);
    const notJson = await request({ method: 'POST', path: '/api/listTemplates', headers: { 'content-type': 'application/json', 'x-folio-token': server.token }, body: '{nope' });
    expect(notJson.status).toBe(400);
    const form = await request({ method: 'POST', path: '/api/listTemplates', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-folio-token': server.token }, body: 'a=b' });
    expect(form.status).toBe(415);
    expect((await request({ path: '/api/listTemplates', headers: { 'x-folio-token': server.token } })).status).toBe(405);
  });

  it('offers a PDF an export job wrote as a download: token-checked, only that job\'s files', async () => {
    const host = createHttpHost({ origin: `http://127.0.0.1:${server.port}`, token: server.token, fetch: globalThis.fetch });
    const opened = await host.openSample({});
    if (!opened.ok) throw new Error(opened.error.message);
    const started = await host.startExport({ handle: opened.value.handle, document: opened.value.document, preset: 'proof', outputPath: 'downloads' });
    if (!started.ok) throw new Error(started.error.message);
    const { jobId } = started.value;
    await expect.poll(async () => {
      const status = await host.exportStatus({ jobId });
      return status.ok ? status.value.state : 'lost';
    }, { timeout: 60_000, interval: 50 }).toBe('done');
    const pageId = opened.value.document.pages[0].id;
    const pdf = await host.loadExportedFile({ jobId, pageId });
    if (!pdf.ok) throw new Error(pdf.error.message);
    expect(pdf.value.name).toBe(`20230720_${opened.value.document.pages[0].name}_proof.pdf`);
    expect(Buffer.from(pdf.value.bytes).equals(readFileSync(path.join(services.workspace.root, 'downloads', pdf.value.name)))).toBe(true);
    // Without the token: refused before anything is read.
    const noToken = await request({ method: 'POST', path: '/api/loadExportedFile', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jobId, pageId }) });
    expect(noToken.status).toBe(401);
    // Another page, another job, a path instead of a page: not-found or invalid, never a file's bytes.
    expect(await host.loadExportedFile({ jobId, pageId: 'no-such-page' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await host.loadExportedFile({ jobId: 'ab'.repeat(12), pageId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await api('loadExportedFile', { jobId: '../../etc/passwd', pageId })).status).toBe(400);
    await host.closeDocument({ handle: opened.value.handle });
  });

  it('refuses oversized bodies (a 200 MB paste) with 413 and a clear message', async () => {
    const declared = await new Promise<Reply>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/autosave', headers: { 'content-type': 'application/json', 'x-folio-token': server.token, 'content-length': String(200 * 1024 * 1024) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      req.write('{"handle":"');
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.message).toMatch(/too large.*200 MB.*limit is 64 MB/);
    expect(hostErrorText(JSON.parse(declared.body).error, createTranslator('zh-CN'))).toBe('请求过大（200 MB；上限为 64 MB）。');
    // Without a declared length the server counts as the body streams in.
    expect(await streamLargeBody(MAX_BODY_BYTES + 2 * 1024 * 1024, false)).toBe(413);
    // The server is still healthy afterwards.
    expect((await api('listTemplates', {})).status).toBe(200);
  });
});

describe('browser-mode server without a built renderer', () => {
  it('says how to build it instead of a bare 404', async () => {
    const other = await startServer({ port: 0, services, rendererDir: path.join(root.dir, 'not-built') });
    try {
      const reply = await new Promise<Reply>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port: other.port, path: '/', headers: { host: `127.0.0.1:${other.port}` } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
          })
          .on('error', reject);
      });
      expect(reply.status).toBe(503);
      expect(reply.body).toMatch(/npm run build/);
    } finally {
      await other.close();
    }
  });
});
