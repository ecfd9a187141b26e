/**
 * The Electron Host: a thin wrapper over the preload's `window.folio`. The bridge already validates and
 * answers with HostResult; this wrapper only turns a rejected IPC promise into a HostResult error so the UI
 * has one error path.
 */
import { HOST_CHANNELS, type Host, type HostResult } from '../../src-core/api/host-api.js';
import type { FolioBridge } from './folio-bridge.js';

/** Wraps `window.folio` as a Host. */
export function createElectronHost(bridge: FolioBridge): Host {
  const host: Record<string, (payload: unknown) => Promise<HostResult<unknown>>> = {};
  for (const channel of HOST_CHANNELS) {
    host[channel] = async (payload) => {
      const fn = bridge[channel] as unknown as ((p: unknown) => Promise<HostResult<unknown>>) | undefined;
      if (typeof fn !== 'function') {
        return { ok: false, error: { code: 'internal', message: `This Folio build's desktop bridge lacks "${channel}".` } };
      }
      try {
        return await fn(payload);
      } catch (err) {
        return { ok: false, error: { code: 'internal', message: `The desktop bridge failed on ${channel}: ${(err as Error).message}` } };
      }
    };
  }
  return host as unknown as Host;
}
