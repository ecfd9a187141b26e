/**
 * Chooses the Host for this window: the Electron bridge when `window.folio` exists, else browser mode's
 * HTTP client (token from the URL or sessionStorage).
 */
import type { Host } from '../../src-core/api/host-api.js';
import { createElectronHost } from './electron-host.js';
import type { FolioBridge } from './folio-bridge.js';
import { serviceMessage, ServiceRangeError } from '../../src-core/i18n/service-message.js';
import { createHttpHost, SERVE_COMMAND, takeSessionToken } from './http-host.js';

/** What the address `folio serve` prints looks like, shown when the token is missing. */
const TOKEN_URL_SHAPE = '…/?token=…';

/** The chosen host and, in Electron, the bridge for menu commands and dirty state. */
export interface HostConnection {
  host: Host;
  mode: 'electron' | 'browser';
  bridge: FolioBridge | null;
}

/**
 * Picks the host for `win`.
 * @throws RangeError in browser mode when the page was opened without a token (the URL printed by `folio serve`).
 */
export function pickHost(win: Window): HostConnection {
  if (win.folio) return { host: createElectronHost(win.folio), mode: 'electron', bridge: win.folio };
  const token = takeSessionToken({ location: win.location, history: win.history, storage: win.sessionStorage });
  if (!token) throw new ServiceRangeError(serviceMessage('host.http.noToken', { command: SERVE_COMMAND, url: TOKEN_URL_SHAPE }));
  return { host: createHttpHost({ origin: win.location.origin, token, fetch: win.fetch.bind(win) }), mode: 'browser', bridge: null };
}
