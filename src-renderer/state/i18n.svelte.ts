/**
 * The interface language of the renderer, reactive: components call `t('key', values)` (and `formatNumber`,
 * `formatDate`) in their markup or `$derived`s, and re-render when `setUiLocale` switches the language — at
 * run time, without a reload.
 *
 * 1. `initUiLocale` (main.ts, before mounting) takes the stored preference, else the browser's languages
 *    (`navigator.languages`: zh* → zh-CN, en* → en, else zh-CN), and sets `<html lang>`.
 * 2. `setUiLocale` switches, stores the choice (localStorage) and sets `<html lang>` again.
 */
import { DEFAULT_UI_LOCALE, parseUiLocale, pickLocale, type UiLocale } from '../../src-core/i18n/locale.js';
import type { FormatNumberOptions } from '@formatjs/intl';
import { createTranslator, type MessageValues, type Translator } from '../../src-core/i18n/translator.js';
import type { MessageKey } from '../../src-core/i18n/messages/en.js';

/** Where the chosen language is kept (localStorage): a choice made in preferences outlives the session. */
export const UI_LOCALE_STORAGE_KEY = 'folio.uiLocale';

/** The parts of `window` the language choice reads and writes (a test passes its own). */
export interface LocaleEnvironment {
  readonly navigator: { readonly languages: readonly string[] };
  readonly localStorage: Pick<Storage, 'getItem' | 'setItem'>;
  readonly document: { readonly documentElement: { lang: string } };
}

let translator = $state.raw<Translator>(createTranslator(DEFAULT_UI_LOCALE));
let environment: LocaleEnvironment | null = null;

/** The language the interface speaks now. */
export function uiLocale(): UiLocale {
  return translator.locale;
}

/** Message `key` in the interface language, with `values` put in (reactive: re-runs on a language switch). */
export function t(key: MessageKey, values?: MessageValues): string {
  return translator.t(key, values);
}

/**
 * Message `key` cut around its argument `name`: `[before, after]`, for markup that sets the argument apart
 * (`Replaces the text of the story <code>{story}</code> …`) while each language keeps its own word order.
 */
export function tAround(key: MessageKey, name: string, values: MessageValues = {}): [string, string] {
  // A character no message contains marks where the argument goes.
  const MARK = '\u0000';
  const text = translator.t(key, { ...values, [name]: MARK });
  const at = text.indexOf(MARK);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + MARK.length)];
}

/** A number as the interface language writes it (`12,345`). */
export function formatNumber(value: number, options?: FormatNumberOptions): string {
  return translator.formatNumber(value, options);
}

/** A date (and time, with options) as the interface language writes it. */
export function formatDate(value: Date | number, options?: Intl.DateTimeFormatOptions): string {
  return translator.formatDate(value, options);
}

/** The current translator (for plain-TypeScript helpers that take one, e.g. `formatCopyfit`). */
export function currentTranslator(): Translator {
  return translator;
}

/** Chooses the language at start: the stored preference, else the browser's languages; sets `<html lang>`. */
export function initUiLocale(env: LocaleEnvironment): UiLocale {
  environment = env;
  let stored: string | null = null;
  try {
    stored = env.localStorage.getItem(UI_LOCALE_STORAGE_KEY);
  } catch {
    // Storage can be unavailable (privacy settings): the browser's languages decide.
  }
  const locale = parseUiLocale(stored) ?? pickLocale(env.navigator.languages);
  translator = createTranslator(locale);
  env.document.documentElement.lang = locale;
  return locale;
}

/** Switches the interface to `locale` now (every `t` re-runs), remembers the choice and sets `<html lang>`. */
export function setUiLocale(locale: UiLocale): void {
  translator = createTranslator(locale);
  if (!environment) return;
  environment.document.documentElement.lang = locale;
  try {
    environment.localStorage.setItem(UI_LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not stored: the switch still holds for this session.
  }
}
