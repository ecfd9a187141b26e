/** The Electron menu follows the window's interface language: the message is validated, the menu rebuilt on a change only. */
import { describe, expect, it } from 'vitest';
import type { UiLocale } from '../../../src-core/i18n/locale.js';
import { SET_UI_LOCALE_CHANNEL } from '../../../src-main/ipc/channels.js';
import { createMenuLanguage } from '../../../src-main/ipc/menu-language.js';
import { SetUiLocaleSchema } from '../../../src-main/ipc/shell-schemas.js';

describe('the menu language', () => {
  it('rebuilds the menu when the window switches language, and not when it reports the same one again', () => {
    const built: UiLocale[] = [];
    const menu = createMenuLanguage((locale) => built.push(locale));
    expect(menu.locale).toBeNull();
    expect(menu.set('zh-CN')).toBe(true);
    expect(menu.set('zh-CN')).toBe(false);
    expect(menu.set('en')).toBe(true);
    expect(menu.set('zh-CN')).toBe(true);
    expect(built).toEqual(['zh-CN', 'en', 'zh-CN']);
    expect(menu.locale).toBe('zh-CN');
  });

  it('keeps its language when a rebuild fails (the next report tries again)', () => {
    let fail = true;
    const menu = createMenuLanguage(() => {
      if (fail) throw new Error('menu not ready');
    });
    expect(() => menu.set('en')).toThrow('menu not ready');
    expect(menu.locale).toBeNull();
    fail = false;
    expect(menu.set('en')).toBe(true);
  });
});

describe('the folio:setUiLocale message', () => {
  it('is a one-way folio: channel', () => {
    expect(SET_UI_LOCALE_CHANNEL).toBe('folio:setUiLocale');
  });

  it('takes exactly one of the interface languages', () => {
    expect(SetUiLocaleSchema.parse({ locale: 'zh-CN' })).toEqual({ locale: 'zh-CN' });
    expect(SetUiLocaleSchema.parse({ locale: 'en' })).toEqual({ locale: 'en' });
    for (const bad of [{ locale: 'zh' }, { locale: 'EN' }, { locale: 'fr-FR' }, { locale: null }, { locale: 'en', menu: [] }, {}, 'en', null]) {
      expect(SetUiLocaleSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
