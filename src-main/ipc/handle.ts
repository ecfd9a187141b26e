/**
 * The one wrapper around ipcMain: every IPC entry goes through `handle` (invoke) or `on` (one-way), which
 *
 * 1. refuses to register a channel that is not a host or shell channel (so nothing else is ever reachable),
 * 2. refuses senders that are not our renderer's top frame (guard.ts),
 * 3. validates the payload with the channel's zod schema,
 * 4. returns errors as data (HostResult), never a rejected promise with a stack for the renderer.
 */
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { HostResult } from '../../src-core/api/host-api.js';
import { HOST_CHANNEL_NAMES, SET_DIRTY_CHANNEL, SET_UI_LOCALE_CHANNEL, SHELL_CHANNEL_NAMES, ipcChannel } from './channels.js';
import { refuseSender } from './guard.js';

const KNOWN_INVOKE_NAMES: ReadonlySet<string> = new Set([...HOST_CHANNEL_NAMES, ...SHELL_CHANNEL_NAMES]);
const KNOWN_SEND_CHANNELS: ReadonlySet<string> = new Set([SET_DIRTY_CHANNEL, SET_UI_LOCALE_CHANNEL]);

/** Registers validated IPC handlers. */
export interface IpcRegistry {
  /**
   * Handles `folio:<name>` invokes: sender check, payload validation with `schema`, then `fn(parsed, event)`.
   * @throws RangeError when `name` is not a host or shell channel
   */
  handle<S extends z.ZodType>(name: string, schema: S, fn: (payload: z.output<S>, event: IpcMainInvokeEvent) => Promise<HostResult<unknown>>): void;
  /**
   * Handles a one-way message (no answer); refused or invalid messages are dropped and logged.
   * @throws RangeError for an unknown channel
   */
  on<S extends z.ZodType>(channel: string, schema: S, fn: (payload: z.output<S>, event: IpcMainEvent) => void): void;
  /** Removes every handler registered here (window closed, app quitting). */
  dispose(): void;
}

/** Creates the registry for our renderer, identified by `isTrusted(url)`. */
export function createIpcRegistry(isTrusted: (url: string) => boolean): IpcRegistry {
  const invokeChannels: string[] = [];
  const sendListeners: [string, (event: IpcMainEvent, payload: unknown) => void][] = [];
  return {
    handle(name, schema, fn) {
      if (!KNOWN_INVOKE_NAMES.has(name)) throw new RangeError(`Refusing to register unknown IPC channel "${name}".`);
      const channel = ipcChannel(name);
      ipcMain.handle(channel, async (event, payload: unknown): Promise<HostResult<unknown>> => {
        const refusal = refuseSender(event, isTrusted);
        if (refusal) return { ok: false, error: { code: 'forbidden', message: refusal } };
        const parsed = schema.safeParse(payload ?? {});
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(payload)';
          return { ok: false, error: { code: 'bad-request', message: `Invalid ${name} request at ${where}: ${issue?.message ?? 'invalid'}` } };
        }
        try {
          return await fn(parsed.data, event);
        } catch (err) {
          return { ok: false, error: { code: 'internal', message: `Something went wrong inside Folio: ${(err as Error)?.message ?? String(err)}` } };
        }
      });
      invokeChannels.push(channel);
    },
    on(channel, schema, fn) {
      if (!KNOWN_SEND_CHANNELS.has(channel)) throw new RangeError(`Refusing to listen on unknown IPC channel "${channel}".`);
      const listener = (event: IpcMainEvent, payload: unknown) => {
        const refusal = refuseSender(event, isTrusted);
        const parsed = schema.safeParse(payload);
        if (refusal || !parsed.success) {
          console.warn(`[folio] dropped ${channel}: ${refusal ?? 'invalid payload'}`);
          return;
        }
        fn(parsed.data, event);
      };
      ipcMain.on(channel, listener);
      sendListeners.push([channel, listener]);
    },
    dispose() {
      for (const channel of invokeChannels) ipcMain.removeHandler(channel);
      for (const [channel, listener] of sendListeners) ipcMain.removeListener(channel, listener);
      invokeChannels.length = 0;
      sendListeners.length = 0;
    },
  };
}
