/** The review panels' dates: the browser's language, Chinese when it names none `Intl` supports. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, formatDateTime, userLocale } from '../../../src-renderer/panels/date-time.js';
import { reviewByline } from '../../../src-renderer/panels/review-text.js';

// Local wall-clock time, so the expectations hold in any time zone the tests run in.
const AT = new Date(2026, 11, 6, 14, 5, 42);

describe('formatDateTime', () => {
  it('writes a Chinese date and a 24-hour minute for zh-CN', () => {
    expect(formatDateTime(AT, 'zh-CN')).toBe('2026年12月6日 14:05');
  });

  it('follows the browser language when Intl supports it', () => {
    expect(formatDateTime(AT, 'en-US')).toBe('December 6, 2026 at 2:05 PM');
    expect(formatDateTime(AT, 'de-DE')).toBe('6. Dezember 2026 um 14:05');
  });

  it('falls back to zh-CN for a missing, unsupported or malformed language', () => {
    for (const language of ['', 'xx-bogus', 'not a tag!']) {
      expect(userLocale(language)).toBe(DEFAULT_LOCALE);
      expect(formatDateTime(AT, language)).toBe('2026年12月6日 14:05');
    }
  });

  it('gives nothing for an invalid date', () => {
    expect(formatDateTime(new Date(Number.NaN), 'zh-CN')).toBe('');
  });
});

describe('reviewByline', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("dates a comment in the browser's language", () => {
    vi.stubGlobal('navigator', { language: 'en-US' });
    expect(reviewByline(null, { author: '王校对', createdAt: AT.toISOString(), storyId: 's1' })).toBe('王校对 · December 6, 2026 at 2:05 PM · s1');
  });

  it('dates a comment in Chinese when the browser names no language', () => {
    vi.stubGlobal('navigator', undefined);
    expect(reviewByline(null, { author: '王校对', createdAt: AT.toISOString(), storyId: 's1' })).toBe('王校对 · 2026年12月6日 14:05 · s1');
  });
});
