/**
 * The Electron Host: a thin wrapper over the preload's `window.folio`. The bridge already validates and
 * answers with HostResult; this wrapper only turns a rejected IPC promise into a HostResult error so the UI
 * has one error path.
 */
import { HOST_CHANNELS, type Host, type HostResult } from '../../src-core/api/host-api.js';
import type { MessageKey } from '../../src-core/i18n/messages/en.js';
import { englishLine, serviceMessage } from '../../src-core/i18n/service-message.js';
import type { FolioBridge } from './folio-bridge.js';

/** A bridge failure as a HostResult error, its line from the catalogues (`host.bridge.*`) and its English. */
function bridgeError(key: MessageKey, values: Readonly<Record<string, string>>): HostResult<never> {
  const uiMessage = serviceMessage(key, values);
  return { ok: false, error: { code: 'internal', message: englishLine(uiMessage), uiMessage } };
}

/** Wraps `window.folio` as a Host. */
export function createElectronHost(bridge: FolioBridge): Host {
  const host: Record<string, (payload: unknown) => Promise<HostResult<unknown>>> = {};
  for (const channel of HOST_CHANNELS) {
    host[channel] = async (payload) => {
      const fn = bridge[channel] as unknown as ((p: unknown) => Promise<HostResult<unknown>>) | undefined;
      if (typeof fn !== 'function') {
        return bridgeError('host.bridge.missing', { channel });
      }
      try {
        return await fn(payload);
      } catch (err) {
        return bridgeError('host.bridge.failed', { channel, detail: (err as Error).message });
      }
    };
  }
  return host as unknown as Host;
}
