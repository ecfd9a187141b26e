import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../../../src-core/i18n/messages/en.js';
import { zhCN } from '../../../src-core/i18n/messages/zh-CN.js';
import { UI_LOCALES, type UiLocale } from '../../../src-core/i18n/locale.js';
import { CATALOGUES, createTranslator } from '../../../src-core/i18n/translator.js';

/** A sample for every argument: a number serves plurals, `{n, number}`, select's `other` and plain text alike. */
const SAMPLE_VALUE = 2;
const MISSING_VALUE = /context variable "([^"]+)" was not provided/;

/**
 * Formats `key` in `locale`, finding its arguments as it goes (each missing one is supplied and the message tried
 * again); any other error (a syntax error in the message) fails. Returns the text and the argument names.
 */
function formatWithSamples(locale: UiLocale, key: MessageKey): { text: string; args: string[] } {
  const values: Record<string, number> = {};
  for (;;) {
    const errors: Error[] = [];
    const text = createTranslator(locale, (e) => errors.push(e)).t(key, values);
    if (errors.length === 0) return { text, args: Object.keys(values).sort() };
    const missing = MISSING_VALUE.exec(errors[0].message);
    if (!missing || missing[1] in values) throw new Error(`${locale} message "${key}" does not format: ${errors[0].message}`);
    values[missing[1]] = SAMPLE_VALUE;
  }
}

/**
 * `text` without what a terminal user types, for the command line's messages (`cli.`): quoted commands
 * (“folio export --help”), `folio …` examples, options (`--root DIR`), environment variables and paths.
 */
function typedOnTheCommandLine(key: string, text: string): string {
  if (!key.startsWith('cli.')) return text;
  return text
    .replace(/“[^”]*”/g, '')
    .replace(/folio [a-z][^，。；：（）“”]*/g, '')
    .replace(/--[a-z-]+(?: [A-Z]+)?/g, '')
    .replace(/\b[A-Z_]{3,}\b/g, '')
    .replace(/[\w./-]*\/[\w./-]*/g, '');
}

describe('the message catalogues', () => {
  it('have exactly the same keys in every language', () => {
    const keys = Object.keys(en).sort();
    expect(keys.length).toBeGreaterThan(0);
    for (const locale of UI_LOCALES) expect(Object.keys(CATALOGUES[locale]).sort(), locale).toEqual(keys);
  });

  it('parse and format every message with sample values, with the same arguments in each language', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      const english = formatWithSamples('en', key);
      const chinese = formatWithSamples('zh-CN', key);
      expect(chinese.args, key).toEqual(english.args);
      for (const { text } of [english, chinese]) {
        // A brace left in the text is an argument that was not filled — except where the command line's help
        // quotes braces on purpose (the `{preset}` field of a file-name pattern, the shape of its JSON).
        if (!key.startsWith('cli.help.')) expect(text, key).not.toMatch(/[{}]/);
        expect(text.trim(), key).not.toBe('');
      }
    }
  });

  it('are Chinese in zh-CN: no message is left in English', () => {
    // A message may be the same in both where it holds no words (units, arguments, symbols).
    const latinWords = /[A-Za-z]{3,}/g;
    const allowed = new Set(['PDF', 'ICC', 'CMYK', 'RGB', 'JPEG', 'PNG', 'TIFF', 'UTF', 'GB18030', 'CSV', 'Ctrl', 'Alt', 'Shift', 'Esc', 'Word', 'ppi', 'docx', 'txt', 'icc', 'icm', 'folio', 'Folio', 'Delete', 'Enter', 'JSON', 'doc', 'WPS', 'HTTP', 'NUL', 'IFRA']);
    for (const [key, text] of Object.entries(zhCN)) {
      // The command line's help quotes its commands, options and values, which are typed in Latin letters.
      if (key.startsWith('cli.help.')) continue;
      const prose = typedOnTheCommandLine(key, text)
        .replace(/\{\s*\w+\s*,\s*(?:select|plural|selectordinal|number|date|time)\s*,?[^{}]*?(?=\{|\})/g, '{') // argument heads
        .replace(/(?:=\d+|\b\w+)\s*\{/g, '{') // branch selectors (one {, box {)
        .replace(/\{\w+\}/g, ''); // plain arguments
      const words = (prose.match(latinWords) ?? []).filter((w) => !allowed.has(w));
      expect(words, `${key}: ${text}`).toEqual([]);
    }
  });

  it('format numbers, plurals and dates for the language', () => {
    const english = createTranslator('en');
    const chinese = createTranslator('zh-CN');
    expect(english.t('copyfit.over', { lines: 1 })).toBe('+1 line');
    expect(english.t('copyfit.over', { lines: 1234 })).toBe('+1,234 lines');
    expect(chinese.t('copyfit.over', { lines: 3 })).toBe('+3 行');
    expect(english.formatNumber(12345)).toBe('12,345');
    expect(chinese.formatNumber(12345)).toBe('12,345');
    const day = new Date(Date.UTC(2023, 6, 20, 12));
    expect(english.formatDate(day, { dateStyle: 'long', timeZone: 'UTC' })).toBe('July 20, 2023');
    expect(chinese.formatDate(day, { dateStyle: 'long', timeZone: 'UTC' })).toBe('2023年7月20日');
  });
});
