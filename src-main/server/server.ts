/**
 * Browser mode: a loopback HTTP server that serves the built renderer and answers the host API, so Folio
 * runs in any browser when Electron is not installed. Only the local user's own page may use it.
 *
 * 1. Bind 127.0.0.1 only. Every request must carry a Host header naming us (`127.0.0.1:PORT` or
 *    `localhost:PORT`; defeats DNS rebinding) and, if it has an Origin, our own origin (defeats cross-site calls).
 * 2. Refuse path traversal on the raw URL before anything else (`..`, `%2e%2e`, backslashes, NUL).
 * 3. `POST /api/<channel>`: random per-run token in `x-folio-token` (constant-time compare), JSON body up to
 *    MAX_BODY_BYTES, payload validated by the host API's zod schemas (dispatch.ts), HostResult JSON back —
 *    except successful results carrying `bytes` (fonts, pictures): those bytes are the body
 *    (`application/octet-stream`) and the other fields ride in BINARY_META_HEADER, so 15 MB fonts are never
 *    base64-encoded into JSON and parsed back.
 * 4. Anything else: GET/HEAD of a file under the renderer folder, with its MIME type. Every response carries the
 *    same CSP as Electron; there are no CORS headers, so other origins can never read a response.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fsp, realpathSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BINARY_META_HEADER } from '../../src-core/api/host-api.js';
import type { MessageKey } from '../../src-core/i18n/messages/en.js';
import { englishLine, serviceMessage, type ServiceMessage } from '../../src-core/i18n/service-message.js';
import { readFileUpTo } from '../services/disk.js';
import { dispatchHostCall } from '../services/dispatch.js';
import type { HostHandlers } from '../services/services.js';
import { SECURITY_HEADERS } from './csp.js';

/** Largest file of the built renderer served, bytes (its biggest chunk, with the fonts' glyph code, is a few MB). */
const MAX_STATIC_FILE_BYTES = 64 * 1024 * 1024;
/** Largest accepted API body. A document with its stories is a few MB; 64 MB leaves room without inviting abuse. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** The only interface we listen on. */
export const LOOPBACK_HOST = '127.0.0.1';
/** Header carrying the per-run token. */
export const TOKEN_HEADER = 'x-folio-token';

/** MIME types of what the renderer build contains. */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Options of `startServer`. */
export interface ServerOptions {
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** The services (host channel handlers) the API calls. */
  services: HostHandlers;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The per-run token; random when absent (tests may fix one). */
  token?: string;
}

/** A running browser-mode server. */
export interface RunningServer {
  port: number;
  token: string;
  /** The URL to open: `http://127.0.0.1:PORT/?token=…` (the page keeps the token and drops it from the address). */
  url: string;
  close(): Promise<void>;
}

/**
 * A request the server refuses, with its HTTP status. The refusals a user can meet (a stale token after the server
 * restarted, a document too large to send) carry their line as a catalogue message (`uiMessage`), said in the
 * interface language; the others are a client's programming errors and stay English.
 */
class HttpRefusal extends Error {
  constructor(readonly status: number, message: string, readonly uiMessage?: ServiceMessage) {
    super(message);
  }

  /** A refusal whose English `message` is the catalogue line `key` says with `values`. */
  static said(status: number, key: MessageKey, values?: Readonly<Record<string, string>>): HttpRefusal {
    const uiMessage = serviceMessage(key, values);
    return new HttpRefusal(status, englishLine(uiMessage), uiMessage);
  }
}

function send(res: http.ServerResponse, status: number, body: string | Uint8Array, contentType: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

/** A successful result whose value has a `bytes` array: the bytes and the value's other fields. */
function binaryResult(result: unknown): { bytes: Uint8Array; meta: Record<string, unknown> } | undefined {
  if (!result || typeof result !== 'object' || !('ok' in result) || result.ok !== true || !('value' in result)) return undefined;
  const value = result.value;
  if (!value || typeof value !== 'object' || !('bytes' in value) || !(value.bytes instanceof Uint8Array)) return undefined;
  const { bytes, ...meta } = value as { bytes: Uint8Array } & Record<string, unknown>;
  return { bytes, meta };
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

function sendRefusal(res: http.ServerResponse, refusal: HttpRefusal, api: boolean): void {
  if (api) {
    const code = refusal.status === 404 ? 'not-found' : refusal.status === 401 || refusal.status === 403 ? 'forbidden' : 'bad-request';
    sendJson(res, refusal.status, { ok: false, error: { code, message: refusal.message, ...(refusal.uiMessage ? { uiMessage: refusal.uiMessage } : {}) } });
  } else {
    send(res, refusal.status, `${refusal.message}\n`, 'text/plain; charset=utf-8');
  }
}

/**
 * Splits the raw request target into decoded path segments.
 * @throws HttpRefusal(400) on traversal attempts, NUL bytes, backslashes or bad percent-encoding
 */
export function parseRequestPath(rawUrl: string): string[] {
  if (!rawUrl.startsWith('/')) throw new HttpRefusal(400, 'Only origin-form request targets are accepted.');
  const rawPath = rawUrl.split(/[?#]/, 1)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    throw new HttpRefusal(400, 'The request path is not valid percent-encoding.');
  }
  if (decoded.includes('\0') || decoded.includes('\\')) throw new HttpRefusal(400, 'The request path contains a NUL byte or a backslash.');
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.')) throw new HttpRefusal(400, 'The request path tries to leave its folder ("..").');
  // An absolute path smuggled in as a segment (e.g. "//etc/passwd" or "/C:/…") is refused as well.
  if (segments.slice(0, -1).some((s) => s === '') || segments.some((s) => /^[A-Za-z]:$/.test(s))) {
    throw new HttpRefusal(400, 'The request path is not a plain relative path.');
  }
  return segments;
}

function tokensEqual(given: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof given !== 'string') return false;
  const buf = Buffer.from(given);
  return buf.length === expected.length && timingSafeEqual(buf, expected);
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    throw HttpRefusal.said(413, 'service.http.tooLarge', { sizeMb: String(Math.round(declared / 1024 / 1024)), maxMb: String(MAX_BODY_BYTES / 1024 / 1024) });
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_BODY_BYTES) throw HttpRefusal.said(413, 'service.http.tooLargeStreamed', { maxMb: String(MAX_BODY_BYTES / 1024 / 1024) });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Starts the browser-mode server on 127.0.0.1.
 * @throws the listen error (e.g. EADDRINUSE) when the port cannot be bound
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const rendererRoot = path.resolve(options.rendererDir);
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const serveApi = async (req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> => {
    if (req.method !== 'POST') throw new HttpRefusal(405, 'The host API only accepts POST.');
    if (!tokensEqual(req.headers[TOKEN_HEADER], tokenBytes)) {
      throw HttpRefusal.said(401, 'service.http.token');
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') throw new HttpRefusal(415, 'The host API takes application/json bodies.');
    const body = await readBody(req);
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      throw new HttpRefusal(400, 'The request body is not valid JSON.');
    }
    const outcome = await dispatchHostCall(options.services, channel, payload);
    if (outcome.kind === 'unknown-channel') throw new HttpRefusal(404, outcome.message);
    if (outcome.kind === 'invalid-payload') throw new HttpRefusal(400, outcome.message);
    const binary = binaryResult(outcome.result);
    if (binary) {
      res.writeHead(200, {
        ...SECURITY_HEADERS, 'Content-Type': 'application/octet-stream', 'Content-Length': String(binary.bytes.byteLength),
        'Cache-Control': 'no-store', [BINARY_META_HEADER]: encodeURIComponent(JSON.stringify(binary.meta)),
      });
      res.end(binary.bytes);
      return;
    }
    sendJson(res, 200, outcome.result);
  };

  const serveStatic = async (req: http.IncomingMessage, res: http.ServerResponse, segments: string[]): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpRefusal(405, 'Only GET and HEAD are served.');
    const relative = segments.join('/') || 'index.html';
    const filePath = path.resolve(rendererRoot, relative.endsWith('/') ? `${relative}index.html` : relative);
    const inside = (p: string) => p === rendererRoot || p.startsWith(rendererRoot + path.sep);
    if (!inside(filePath)) throw new HttpRefusal(403, 'That path is outside the application.');
    let real: string;
    try {
      real = realpathSync(filePath);
      const realRoot = realpathSync(rendererRoot);
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) throw new HttpRefusal(403, 'That path is outside the application.');
      if (!(await fsp.stat(real)).isFile()) throw new HttpRefusal(404, 'Not found.');
    } catch (err) {
      if (err instanceof HttpRefusal) throw err;
      if (relative === 'index.html') {
        throw new HttpRefusal(503, `The renderer is not built (${rendererRoot} has no index.html): run "npm run build" first.`);
      }
      throw new HttpRefusal(404, 'Not found.');
    }
    const mime = MIME_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
    const bytes = await readFileUpTo(real, MAX_STATIC_FILE_BYTES, () => new HttpRefusal(404, 'Not found.'));
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': mime, 'Content-Length': String(bytes.length), 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const rawUrl = req.url ?? '/';
    const api = rawUrl.startsWith('/api/') || rawUrl === '/api';
    try {
      if (!allowedHosts.has(req.headers.host ?? '')) throw new HttpRefusal(403, 'Foreign Host header refused (Folio only answers 127.0.0.1 and localhost).');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins.has(origin)) throw new HttpRefusal(403, 'Cross-origin request refused.');
      if (req.headers['sec-fetch-site'] === 'cross-site') throw new HttpRefusal(403, 'Cross-site request refused.');
      const segments = parseRequestPath(rawUrl);
      if (api) {
        await serveApi(req, res, segments.slice(1).join('/'));
      } else {
        await serveStatic(req, res, segments);
      }
    } catch (err) {
      // Drain nothing more from a refused upload: answer and close the connection.
      if (err instanceof HttpRefusal) {
        if (err.status === 413) res.setHeader('Connection', 'close');
        sendRefusal(res, err, api);
        if (err.status === 413) req.resume();
      } else if (!res.headersSent) {
        sendRefusal(res, new HttpRefusal(500, `Internal error: ${(err as Error)?.message ?? String(err)}`), api);
      } else {
        res.destroy();
      }
    }
  };

  const server = http.createServer((req, res) => {
    void handle(req, res);
  });
  // Slow clients must not hold sockets forever; big exports still fit in this time.
  server.requestTimeout = 5 * 60 * 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
