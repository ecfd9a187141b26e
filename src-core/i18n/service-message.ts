/**
 * A service failure's words as data (issue 14): a disk, export or profile error carries a catalogue key and
 * values besides its English `message`, so the renderer and the CLI say the whole line in the interface
 * language. The raw system text (an errno such as `ENOSPC`) travels only as a value shown in parentheses.
 *
 * 1. A value may itself be a message (the action of "Could not {action} {name}"): it is formatted first, in the
 *    same language.
 * 2. What arrives over IPC or HTTP is checked before use (`asServiceMessage`): a key that is not in the
 *    catalogues, or values that are not plain text, numbers or such messages, make it unusable, and the caller
 *    falls back to the English `message`.
 */
import { en, type MessageKey } from './messages/en.js';
import { createTranslator, type Translator } from './translator.js';

/** Deepest nesting of messages in values accepted from outside (the disk's action is one level). */
const MAX_NESTING = 3;
/** Most values a message accepted from outside may carry. */
const MAX_VALUES = 16;
/** Longest text value accepted from outside, characters (a path with its folders). */
const MAX_VALUE_CHARS = 4096;

/** A value of a service message: text, a number, or a message of its own. */
export type ServiceMessageValue = string | number | ServiceMessage;

/** A failure's line as a catalogue key and values. */
export interface ServiceMessage {
  readonly key: MessageKey;
  readonly values?: Readonly<Record<string, ServiceMessageValue>>;
}

/** `value` as a ServiceMessage when it is a well-formed one with a catalogue key, else undefined. */
export function asServiceMessage(value: unknown, depth = 0): ServiceMessage | undefined {
  if (typeof value !== 'object' || value === null || depth > MAX_NESTING) return undefined;
  const { key, values } = value as { key?: unknown; values?: unknown };
  if (typeof key !== 'string' || !Object.hasOwn(en, key)) return undefined;
  if (values === undefined) return { key: key as MessageKey };
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return undefined;
  const entries = Object.entries(values as Record<string, unknown>);
  if (entries.length > MAX_VALUES) return undefined;
  const out: Record<string, ServiceMessageValue> = {};
  for (const [name, v] of entries) {
    if (typeof v === 'number' && Number.isFinite(v)) out[name] = v;
    else if (typeof v === 'string' && v.length <= MAX_VALUE_CHARS) out[name] = v;
    else {
      const nested = asServiceMessage(v, depth + 1);
      if (!nested) return undefined;
      out[name] = nested;
    }
  }
  return { key: key as MessageKey, values: out };
}

/** The line of `message` in the language of `translator` (nested messages formatted first). */
export function formatServiceMessage(message: ServiceMessage, translator: Pick<Translator, 't'>): string {
  if (!message.values) return translator.t(message.key);
  const values: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(message.values)) values[name] = typeof v === 'object' ? formatServiceMessage(v, translator) : v;
  return translator.t(message.key, values);
}

/** The English translator, made on first use (an error's `message` is English: logs, tests, scripts). */
let english: Translator | undefined;

/**
 * The English line of `message`: what an error that carries it as its `uiMessage` says as its `message`, so the
 * two never drift apart.
 */
export function englishLine(message: ServiceMessage): string {
  english ??= createTranslator('en');
  return formatServiceMessage(message, english);
}

/**
 * A refusal a user's input or document can cause, raised where no module-specific error class exists (the
 * exporter, the composer, the font reader): its `message` is the English line of its `uiMessage`, which the
 * renderer and the CLI say in the interface language. A `RangeError`, as these modules documented before.
 */
export class ServiceRangeError extends RangeError {
  constructor(readonly uiMessage: ServiceMessage, options?: ErrorOptions) {
    super(englishLine(uiMessage), options);
    this.name = 'ServiceRangeError';
  }
}

/** `{ key, values }` as a ServiceMessage (values left out when there are none). */
export function serviceMessage(key: MessageKey, values?: Readonly<Record<string, ServiceMessageValue>>): ServiceMessage {
  return values ? { key, values } : { key };
}
