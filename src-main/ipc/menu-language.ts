/**
 * The application menu follows the interface language the user chose in the window (the status bar's switcher),
 * not only the system's: the renderer reports its language over `folio:setUiLocale` (validated by
 * `SetUiLocaleSchema`) at start and on every switch, and the menu is rebuilt when — and only when — it changes.
 * No `electron` import: the rebuild is passed in, so this is unit-tested in plain Node.
 */
import type { UiLocale } from '../../src-core/i18n/locale.js';

/** The menu's language, as the renderer last reported it. */
export interface MenuLanguage {
  /** The language the menu was last rebuilt in (null: still the system's, nothing reported yet). */
  readonly locale: UiLocale | null;
  /** The renderer speaks `locale` now: rebuilds the menu if it speaks another. Returns whether it was rebuilt. */
  set(locale: UiLocale): boolean;
}

/** A menu language that calls `rebuild(locale)` on each change. */
export function createMenuLanguage(rebuild: (locale: UiLocale) => void): MenuLanguage {
  let current: UiLocale | null = null;
  return {
    get locale() {
      return current;
    },
    set(locale) {
      if (locale === current) return false;
      rebuild(locale);
      current = locale;
      return true;
    },
  };
}
