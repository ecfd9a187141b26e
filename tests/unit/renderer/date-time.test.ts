/** The review panels' dates and bylines: in the interface language, whatever the browser's own language. */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src-core/i18n/translator.js';
import { formatDateTime, formatTimeOfDay, localiseTimestamps } from '../../../src-renderer/panels/date-time.js';
import { reviewAuthor, reviewByline } from '../../../src-renderer/panels/review-text.js';

// Local wall-clock time, so the expectations hold in any time zone the tests run in.
const AT = new Date(2026, 11, 6, 14, 5, 42);
const zh = createTranslator('zh-CN');
const en = createTranslator('en');

describe('formatDateTime', () => {
  it('writes a Chinese date and a 24-hour minute in the Chinese interface', () => {
    expect(formatDateTime(AT, zh)).toBe('2026年12月6日 14:05');
  });

  it('writes an English date in the English interface', () => {
    expect(formatDateTime(AT, en)).toBe('December 6, 2026 at 2:05 PM');
  });

  it('gives nothing for an invalid date', () => {
    expect(formatDateTime(new Date(Number.NaN), zh)).toBe('');
  });
});

describe('formatTimeOfDay', () => {
  it('turns an ISO timestamp into the local time of day, never UTC', () => {
    expect(formatTimeOfDay(AT.toISOString(), zh)).toBe('14:05:42');
    expect(formatTimeOfDay(AT.toISOString(), en)).toBe('2:05:42 PM');
    expect(formatTimeOfDay('yesterday', en)).toBe('');
  });
});

describe('localiseTimestamps', () => {
  it('writes the host message\'s ISO times as local dates in the interface language', () => {
    const message = `front.folio is already open for editing (process 4242 on desk-3 since ${AT.toISOString()}). Open it read-only.`;
    expect(localiseTimestamps(message, zh)).toBe('front.folio is already open for editing (process 4242 on desk-3 since 2026年12月6日 14:05). Open it read-only.');
    expect(localiseTimestamps(message, en)).toContain('since December 6, 2026 at 2:05 PM).');
    expect(localiseTimestamps('page 2026-12-06 and 12:30 stay', en)).toBe('page 2026-12-06 and 12:30 stay');
  });
});

describe('reviewByline', () => {
  it('dates a comment in the interface language', () => {
    const item = { author: '王校对', createdAt: AT.toISOString(), storyId: 's1' };
    expect(reviewByline(null, item, en)).toBe('王校对 · December 6, 2026 at 2:05 PM · s1');
    expect(reviewByline(null, item, zh)).toBe('王校对 · 2026年12月6日 14:05 · s1');
  });

  it('leaves out a time it cannot read', () => {
    expect(reviewByline(null, { author: '王校对', createdAt: 'soon', storyId: 's1' }, zh)).toBe('王校对 · s1');
  });

  it('signs unsigned comments and changes alike with the one placeholder', () => {
    expect(reviewAuthor('', zh)).toBe('匿名');
    expect(reviewAuthor('  ', en)).toBe('Anonymous');
    expect(reviewByline(null, { author: '', createdAt: AT.toISOString(), storyId: 's1' }, zh)).toBe('匿名 · 2026年12月6日 14:05 · s1');
  });
});
