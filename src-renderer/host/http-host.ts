/**
 * Browser mode's Host: every channel is `POST /api/<channel>` with a JSON body, authorised by the
 * per-run token in the `x-folio-token` header (src-main/server).
 *
 * 1. `takeSessionToken` reads `?token=…` once from the page URL, keeps it in sessionStorage (it survives a
 *    reload of the tab, not a new tab) and removes it from the visible URL so it is not shared by copy/paste.
 * 2. `createHttpHost` builds one async function per HOST_CHANNELS entry; transport failures and non-JSON
 *    answers become HostResult errors with a human message, never exceptions.
 * 3. `releaseDocument` goes out with `keepalive`, so the request outlives the tab that is closing or reloading
 *    (it is sent from `pagehide`); it is a token-checked POST like every other call.
 */
import { BINARY_META_HEADER, HOST_CHANNELS, type Host, type HostChannel, type HostError, type HostResult } from '../../src-core/api/host-api.js';
import type { MessageKey } from '../../src-core/i18n/messages/en.js';
import { englishLine, serviceMessage } from '../../src-core/i18n/service-message.js';

/** sessionStorage key holding the browser-mode token. */
export const TOKEN_STORAGE_KEY = 'folio.token';
/** Request header carrying the token. */
export const TOKEN_HEADER = 'x-folio-token';

/** What `takeSessionToken` needs from the browser (injected so the logic is testable). */
export interface TokenEnvironment {
  location: { href: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

/**
 * Returns the browser-mode token: from the URL's `token` query parameter (then stored and removed from the
 * address bar) or, after a reload, from sessionStorage. Null when neither has one.
 */
export function takeSessionToken(env: TokenEnvironment): string | null {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    env.storage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    env.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return env.storage.getItem(TOKEN_STORAGE_KEY);
}

/** Options of `createHttpHost`. */
export interface HttpHostOptions {
  /** Server origin, e.g. `http://127.0.0.1:4321` (the page's own origin in browser mode). */
  origin: string;
  token: string;
  /** The fetch implementation (the page's `fetch`). */
  fetch: typeof fetch;
}

/** The command that runs browser mode's server, named when it does not answer. */
export const SERVE_COMMAND = 'folio serve';

/**
 * A transport failure as a HostResult error: its line from the catalogues (`host.http.*`), said in the interface
 * language where it is shown (`hostErrorText`), its English as the `message`.
 */
function transportError(code: HostError['code'], key: MessageKey, values: Readonly<Record<string, string>>): HostResult<never> {
  const uiMessage = serviceMessage(key, values);
  return { ok: false, error: { code, message: englishLine(uiMessage), uiMessage } };
}

/** Channels sent while the page goes away: the browser finishes them after the page is gone. */
const KEEPALIVE_CHANNELS: ReadonlySet<HostChannel> = new Set(['releaseDocument']);

async function call(options: HttpHostOptions, channel: HostChannel, payload: unknown): Promise<HostResult<unknown>> {
  let response: Response;
  try {
    response = await options.fetch(`${options.origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: options.token },
      body: JSON.stringify(payload ?? {}),
      ...(KEEPALIVE_CHANNELS.has(channel) ? { keepalive: true } : {}),
    });
  } catch (err) {
    // The browser's own words (e.g. "Failed to fetch") are the detail, in parentheses.
    return transportError('io', 'host.http.unreachable', { detail: (err as Error).message, command: SERVE_COMMAND });
  }
  if (response.ok && (response.headers.get('content-type') ?? '').startsWith('application/octet-stream')) {
    try {
      const meta = JSON.parse(decodeURIComponent(response.headers.get(BINARY_META_HEADER) ?? '%7B%7D')) as Record<string, unknown>;
      return { ok: true, value: { ...meta, bytes: new Uint8Array(await response.arrayBuffer()) } };
    } catch (err) {
      return transportError('io', 'host.http.brokeOff', { channel, detail: (err as Error).message });
    }
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return transportError('internal', 'host.http.unreadable', { channel, status: String(response.status) });
  }
  if (body && typeof body === 'object' && 'ok' in body) return body as HostResult<unknown>;
  return transportError('internal', 'host.http.unexpected', { channel, status: String(response.status) });
}

/** Creates the HTTP Host (one function per channel). */
export function createHttpHost(options: HttpHostOptions): Host {
  const host: Record<string, (payload: unknown) => Promise<HostResult<unknown>>> = {};
  for (const channel of HOST_CHANNELS) host[channel] = (payload) => call(options, channel, payload);
  return host as unknown as Host;
}
