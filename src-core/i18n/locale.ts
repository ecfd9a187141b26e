/**
 * The interface languages and how one is chosen.
 *
 * 1. Folio speaks Simplified Chinese (`zh-CN`, the default: its users are Chinese newsrooms) and English (`en`).
 * 2. The renderer asks `pickLocale(navigator.languages)`; Node (the CLI, the Electron menu) asks
 *    `localeFromEnv(process.env)` or passes Electron's `app.getLocale()` to `pickLocale`.
 * 3. A stored preference (`parseUiLocale`) wins over both.
 */

/** The languages the interface is written in (BCP 47 tags, as `<html lang>` takes them). */
export const UI_LOCALES = ['zh-CN', 'en'] as const;

/** One interface language. */
export type UiLocale = (typeof UI_LOCALES)[number];

/** The language when nothing asks for one Folio has: its users are Chinese newsrooms. */
export const DEFAULT_UI_LOCALE: UiLocale = 'zh-CN';

/** Each language's name in itself, for the language switcher (never translated: a reader looks for their own). */
export const UI_LOCALE_NAMES: Readonly<Record<UiLocale, string>> = { 'zh-CN': '简体中文', en: 'English' };

/** `locale` if it is one of `UI_LOCALES` exactly, else null (a stored preference from another version, say). */
export function parseUiLocale(locale: string | null | undefined): UiLocale | null {
  return (UI_LOCALES as readonly string[]).includes(locale ?? '') ? (locale as UiLocale) : null;
}

/**
 * The interface language for a list of requested languages, most wanted first (`navigator.languages`, or one
 * tag from Electron or the environment): the first that is Chinese (any `zh*`: Traditional readers read the
 * Simplified interface better than the English one) or English (`en*`) decides; otherwise zh-CN.
 */
export function pickLocale(requested: readonly string[]): UiLocale {
  for (const tag of requested) {
    const language = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (language === 'zh') return 'zh-CN';
    if (language === 'en') return 'en';
  }
  return DEFAULT_UI_LOCALE;
}

/** The locale variables of a POSIX environment, in the order they take precedence for messages. */
export interface LocaleEnv {
  readonly LC_ALL?: string;
  readonly LC_MESSAGES?: string;
  readonly LANG?: string;
}

/**
 * The interface language of a Node process (the CLI) from its environment: `LC_ALL`, else `LC_MESSAGES`, else
 * `LANG`, as POSIX orders them (`zh_CN.UTF-8` → zh-CN, `en_GB.UTF-8` → en). `C`/`POSIX` or nothing set name no
 * language, so the default applies.
 */
export function localeFromEnv(env: LocaleEnv): UiLocale {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return pickLocale(value ? [value.split('.')[0]] : []);
}
