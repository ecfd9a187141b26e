/**
 * Dates and times as the user reads them, in one place: in the interface language (the translator the caller
 * passes, `currentTranslator()` in components), never the browser's own language, an ISO string or UTC — the
 * wall-clock time of the user's time zone.
 */
import type { Translator } from '../../src-core/i18n/translator.js';

/** Long date and short time: 2026年12月6日 14:05 (zh-CN), December 6, 2026 at 2:05 PM (en). */
export const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };

/** Time of day to the second: 14:05:42 (zh-CN), 2:05:42 PM (en). */
export const TIME_OPTIONS: Intl.DateTimeFormatOptions = { timeStyle: 'medium' };

/**
 * `date` in the user's local time zone as a long date and a minute-precision time, in the language of
 * `translator`, e.g. `2026年12月6日 14:05`. An invalid date gives ''.
 */
export function formatDateTime(date: Date, translator: Pick<Translator, 'formatDate'>): string {
  if (Number.isNaN(date.getTime())) return '';
  return translator.formatDate(date, DATE_TIME_OPTIONS);
}

/** An ISO timestamp (`2026-12-06T06:05:42.000Z`) as a local time of day in the translator's language; '' when unreadable. */
export function formatTimeOfDay(iso: string, translator: Pick<Translator, 'formatDate'>): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : translator.formatDate(ms, TIME_OPTIONS);
}

/** An ISO 8601 UTC timestamp as the host writes them into its messages (`2026-12-06T20:54:53.965Z`). */
const ISO_TIMESTAMP = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})\b/g;

/**
 * `text` (a host's message: "… open for editing (process 4242 on desk-3 since 2026-12-06T20:54:53.965Z)") with
 * every ISO timestamp in it written as a local date and time in the translator's language (`formatDateTime`).
 * The host's messages are shared with the CLI and logs; only what the window shows is localised.
 */
export function localiseTimestamps(text: string, translator: Pick<Translator, 'formatDate'>): string {
  return text.replace(ISO_TIMESTAMP, (iso) => formatDateTime(new Date(iso), translator) || iso);
}
