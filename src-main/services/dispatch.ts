/**
 * The one validating entry to the services, used by Electron IPC and the browser-mode server alike.
 *
 * 1. Reject channels that are not in HOST_CHANNELS (no prototype keys, no shell-only functions).
 * 2. Validate the payload with the channel's zod schema (HostPayloadSchemas); report the first issue.
 * 3. Call the services function with the parsed payload; its HostResult comes back unchanged.
 */
import { HOST_CHANNELS, HostPayloadSchemas, type Host, type HostChannel, type HostResult } from '../../src-core/api/host-api.js';
import type { HostHandlers } from './services.js';

/** What a dispatch did: refused the channel, refused the payload, or ran the call. */
export type DispatchOutcome =
  | { kind: 'unknown-channel'; message: string }
  | { kind: 'invalid-payload'; message: string }
  | { kind: 'done'; result: HostResult<unknown> };

const CHANNELS: ReadonlySet<string> = new Set(HOST_CHANNELS);

/** True when `name` is a host channel (own key of HostPayloadSchemas, not an inherited property). */
export function isHostChannel(name: string): name is HostChannel {
  return CHANNELS.has(name);
}

/** Validates and runs one host call. Never throws. */
export async function dispatchHostCall(handlers: HostHandlers, channel: string, payload: unknown): Promise<DispatchOutcome> {
  if (!isHostChannel(channel)) return { kind: 'unknown-channel', message: `Unknown host channel "${channel.slice(0, 64)}".` };
  const parsed = HostPayloadSchemas[channel].safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(payload)';
    return { kind: 'invalid-payload', message: `Invalid ${channel} request at ${where}: ${issue?.message ?? 'invalid'}` };
  }
  try {
    const handler = handlers[channel] as (p: unknown) => Promise<HostResult<unknown>>;
    return { kind: 'done', result: await handler(parsed.data) };
  } catch (err) {
    // Handlers return errors as data; reaching here is a bug, still answered as data.
    const detail = String((err as Error)?.message ?? err);
    return { kind: 'done', result: { ok: false, error: { code: 'internal', message: `Something went wrong inside Folio: ${detail}`, uiMessage: { key: 'service.internal', values: { detail } } } } };
  }
}

/** The result a refused dispatch gives a Host caller. */
function refusal(outcome: Exclude<DispatchOutcome, { kind: 'done' }>): HostResult<never> {
  return { ok: false, error: { code: outcome.kind === 'unknown-channel' ? 'not-found' : 'bad-request', message: outcome.message } };
}

/** A validating Host over the services: what in-process callers (tests, the CLI) use like the renderer would. */
export function hostFromServices(handlers: HostHandlers): Host {
  const host: Partial<Record<HostChannel, (payload: unknown) => Promise<HostResult<unknown>>>> = {};
  for (const channel of HOST_CHANNELS) {
    host[channel] = async (payload) => {
      const outcome = await dispatchHostCall(handlers, channel, payload);
      return outcome.kind === 'done' ? outcome.result : refusal(outcome);
    };
  }
  return host as Host;
}
