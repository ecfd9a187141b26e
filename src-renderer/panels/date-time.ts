/**
 * Dates and times as the user reads them, in one place (the review panels call it; an i18n layer may take
 * it over later): the browser's language when `Intl` knows it, else Chinese (the newsroom's own).
 */

/** The locale used when the browser names none that `Intl` supports: Folio's users are Chinese newsrooms. */
export const DEFAULT_LOCALE = 'zh-CN';

/** Long date and short time: 2026年12月6日 14:05 (zh-CN), December 6, 2026 at 2:05 PM (en-US). */
const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };

/**
 * The locale to format for: `language` (default: `navigator.language`) when it is a well-formed BCP 47 tag that
 * `Intl.DateTimeFormat` supports, otherwise `DEFAULT_LOCALE`.
 */
export function userLocale(language: string | undefined = globalThis.navigator?.language): string {
  if (!language) return DEFAULT_LOCALE;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([language])[0] ?? DEFAULT_LOCALE;
  } catch {
    // supportedLocalesOf throws a RangeError for a malformed tag.
    return DEFAULT_LOCALE;
  }
}

/**
 * `date` in the user's local time zone as a long date and a minute-precision time, in `userLocale(language)`,
 * e.g. `2026年12月6日 14:05`. An invalid date gives ''.
 */
export function formatDateTime(date: Date, language?: string): string {
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(userLocale(language), DATE_TIME_OPTIONS).format(date);
}
