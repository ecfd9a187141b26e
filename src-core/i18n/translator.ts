/**
 * One interface language's messages and formats, on @formatjs/intl (ICU MessageFormat: plurals, select,
 * numbers, dates). The renderer (through `src-renderer/state/i18n.svelte.ts`), the Electron menu and the CLI
 * all format through a `Translator`, so a message reads the same everywhere.
 */
import { createIntl, createIntlCache, type FormatNumberOptions, type IntlShape } from '@formatjs/intl';
import { en, type MessageKey } from './messages/en.js';
import { zhCN } from './messages/zh-CN.js';
import type { UiLocale } from './locale.js';

/** Every language's catalogue; the key sets are identical (the type and a unit test hold them to that). */
export const CATALOGUES: Readonly<Record<UiLocale, Readonly<Record<MessageKey, string>>>> = { 'zh-CN': zhCN, en };

/** A value put into a message: text, a number (plurals, `{n, number}`) or a date (`{d, date}`). */
export type MessageValue = string | number | Date;

/** The values of a message's arguments, by name. */
export type MessageValues = Readonly<Record<string, MessageValue>>;

/** Formats messages, numbers and dates in one interface language. */
export interface Translator {
  /** The language it formats in. */
  readonly locale: UiLocale;
  /** Message `key` with `values` put into its arguments. */
  t(key: MessageKey, values?: MessageValues): string;
  /** A number as the language writes it (`12,345`; options as `Intl.NumberFormat` takes them). */
  formatNumber(value: number, options?: FormatNumberOptions): string;
  /** A date (and time, with options) as the language writes it (`2023年7月20日` / `Jul 20, 2023`). */
  formatDate(value: Date | number, options?: Intl.DateTimeFormatOptions): string;
}

/** How a translator reports a broken message or a missing value (the default logs it to the console). */
export type TranslationErrorHandler = (error: Error) => void;

// One cache for every translator: switching languages back and forth reuses the compiled messages.
const CACHE = createIntlCache();

/** The translator of `locale`. `onError` hears of broken messages (tests make it throw). */
export function createTranslator(locale: UiLocale, onError?: TranslationErrorHandler): Translator {
  const intl: IntlShape<string> = createIntl({ locale, defaultLocale: locale, messages: CATALOGUES[locale], ...(onError ? { onError } : {}) }, CACHE);
  return {
    locale,
    t: (key, values) => intl.formatMessage({ id: key }, values) as string,
    formatNumber: (value, options) => intl.formatNumber(value, options),
    formatDate: (value, options) => intl.formatDate(value, options),
  };
}
