/**
 * Chooses the Host for this window: the Electron bridge when `window.folio` exists, else browser mode's
 * HTTP client (token from the URL or sessionStorage).
 */
import type { Host } from '../../src-core/api/host-api.js';
import { createElectronHost } from './electron-host.js';
import type { FolioBridge } from './folio-bridge.js';
import { createHttpHost, takeSessionToken } from './http-host.js';

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
  if (!token) {
    throw new RangeError('Folio was opened without its access token. Open the full URL that `folio serve` printed (…/?token=…).');
  }
  return { host: createHttpHost({ origin: win.location.origin, token, fetch: win.fetch.bind(win) }), mode: 'browser', bridge: null };
}
