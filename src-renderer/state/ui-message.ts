/**
 * A user-visible message as data: its catalogue key and values, formatted only where it is shown. Pure helpers
 * (paste limits, comment refusals) return one, so they need no translator and speak whatever language the
 * interface speaks when the message reaches the screen.
 */
import type { MessageKey } from '../../src-core/i18n/messages/en.js';
import { createTranslator, type MessageValues, type Translator } from '../../src-core/i18n/translator.js';
import type { HostError } from '../../src-core/api/host-api.js';
import { asServiceMessage, formatServiceMessage } from '../../src-core/i18n/service-message.js';

/** A message to show: a key of the catalogues and the values of its arguments. */
export interface UiMessage {
  readonly key: MessageKey;
  readonly values?: MessageValues;
}

/** True when `value` is a `UiMessage` (not, say, a ProseMirror transaction). */
export function isUiMessage(value: unknown): value is UiMessage {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string' && !('steps' in value);
}

/** The text of `message` in the language of `translator`. */
export function formatUiMessage(message: UiMessage, translator: Pick<Translator, 't'>): string {
  return translator.t(message.key, message.values);
}

/** English, for the `message` of a `UiMessageError` (logs, unit tests): the screen uses the interface language. */
const ENGLISH = createTranslator('en');

/**
 * An edit refused for a reason the user should read: it carries the message as data (`uiMessage`), formatted
 * where the refusal is shown (`errorText`), so a notice speaks the interface language. Its `message` is the
 * English text, for logs and tests. A `RangeError`, as the pure edits documented before they spoke Chinese.
 */
export class UiMessageError extends RangeError {
  /** The message to show, as a catalogue key and values. */
  readonly uiMessage: UiMessage;

  constructor(key: MessageKey, values?: MessageValues) {
    super(ENGLISH.t(key, values));
    this.name = 'UiMessageError'; // i18n-exempt: the class name, for logs
    this.uiMessage = values === undefined ? { key } : { key, values };
  }
}

/**
 * What to show for an error caught around an edit: a `UiMessageError`'s message in the language of `translator`,
 * or the catalogue line a core refusal carries (a `ServiceRangeError` of the composer), else the error's own
 * message (a host's answer, already in words the user reads).
 */
export function errorText(error: unknown, translator: Pick<Translator, 't'>): string {
  if (error instanceof UiMessageError) return formatUiMessage(error.uiMessage, translator);
  const said = asServiceMessage((error as { uiMessage?: unknown } | null)?.uiMessage);
  if (said) return formatServiceMessage(said, translator);
  return error instanceof Error ? error.message : String(error);
}

/**
 * What to show for a host's failure: its catalogue message (a disk error's `uiMessage`) in the language of
 * `translator` when it carries a well-formed one, else the host's own `message`.
 */
export function hostErrorText(error: Pick<HostError, 'message' | 'uiMessage'>, translator: Pick<Translator, 't'>): string {
  const message = asServiceMessage(error.uiMessage);
  return message ? formatServiceMessage(message, translator) : error.message;
}
