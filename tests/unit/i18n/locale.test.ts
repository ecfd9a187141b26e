import { describe, expect, it } from 'vitest';
import { DEFAULT_UI_LOCALE, localeFromEnv, parseUiLocale, pickLocale } from '../../../src-core/i18n/locale.js';

describe('choosing the interface language', () => {
  it('is Chinese unless English is asked for before Chinese', () => {
    expect(DEFAULT_UI_LOCALE).toBe('zh-CN');
    expect(pickLocale([])).toBe('zh-CN');
    expect(pickLocale(['zh-CN'])).toBe('zh-CN');
    expect(pickLocale(['zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLocale(['en-US', 'en'])).toBe('en');
    expect(pickLocale(['fr-FR', 'en-GB', 'zh'])).toBe('en');
    expect(pickLocale(['fr-FR', 'de'])).toBe('zh-CN');
    expect(pickLocale(['ZH_cn'])).toBe('zh-CN');
  });

  it('follows LC_ALL, then LC_MESSAGES, then LANG in Node', () => {
    expect(localeFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(localeFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnv({ LC_ALL: 'zh_CN.GB18030', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnv({ LC_MESSAGES: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeFromEnv({ LC_ALL: '', LANG: 'en_US.UTF-8' })).toBe('en');
    expect(localeFromEnv({ LANG: 'C.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnv({})).toBe('zh-CN');
  });

  it('accepts only the languages it has as a stored preference', () => {
    expect(parseUiLocale('en')).toBe('en');
    expect(parseUiLocale('zh-CN')).toBe('zh-CN');
    expect(parseUiLocale('fr')).toBeNull();
    expect(parseUiLocale(null)).toBeNull();
  });
});
