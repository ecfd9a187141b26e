/**
 * A user-visible message as data: its catalogue key and values, formatted only where it is shown. Pure helpers
 * (paste limits, comment refusals) return one, so they need no translator and speak whatever language the
 * interface speaks when the message reaches the screen.
 */
import type { MessageKey } from '../../src-core/i18n/messages/en.js';
import type { MessageValues, Translator } from '../../src-core/i18n/translator.js';

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
