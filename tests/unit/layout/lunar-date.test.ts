/**
 * The lunar (农历) date field: computed from the issue date for any day, written the newspaper way.
 * Expected values are well-known dates of the Chinese calendar (Spring Festival, Mid-Autumn, leap months).
 */
import { describe, expect, it } from 'vitest';
import { fieldValue, lunarDate, lunarDayName } from '../../../src-core/layout/fields.js';
import { LUNAR_TABLE_START, LUNAR_YEARS } from '../../../src-core/layout/lunar-table.js';

describe('lunarDate', () => {
  it.each([
    ['2023-07-20', '六月初三'], // the sample issue (德清新闻 2023年7月20日)
    ['2023-01-22', '正月初一'], // Spring Festival 2023
    ['2023-01-21', '腊月三十'], // its eve
    ['2024-02-10', '正月初一'], // Spring Festival 2024
    ['2025-01-29', '正月初一'], // Spring Festival 2025
    ['2025-01-28', '腊月廿九'], // 2025's eve: the twelfth month had only 29 days
    ['2023-06-22', '五月初五'], // Dragon Boat Festival 2023
    ['2023-09-29', '八月十五'], // Mid-Autumn Festival 2023
    ['2023-03-22', '闰二月初一'], // 2023 had a leap second month …
    ['2023-04-19', '闰二月廿九'],
    ['2023-04-20', '三月初一'], // … followed by the third
    ['2020-05-23', '闰四月初一'], // 2020's leap fourth month
    ['2023-12-13', '冬月初一'],
  ])('%s is %s', (iso, expected) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    expect(lunarDate(y, m, d)).toBe(expected);
  });

  it('counts on day by day through a whole year: one more each day, or 初一 after 廿九/三十', () => {
    const days = Array.from({ length: 30 }, (_, i) => lunarDayName(i + 1));
    let previous: { month: string; day: number } | undefined;
    const newMonths: string[] = [];
    for (let t = Date.UTC(2023, 0, 1); t <= Date.UTC(2023, 11, 31); t += 86_400_000) {
      const at = new Date(t);
      const name = lunarDate(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate())!;
      const dayName = days.find((d) => name.endsWith(d))!;
      const current = { month: name.slice(0, name.length - dayName.length), day: days.indexOf(dayName) + 1 };
      if (previous) {
        if (current.day === 1) {
          expect([29, 30]).toContain(previous.day);
          expect(current.month).not.toBe(previous.month);
          newMonths.push(current.month);
        } else {
          expect(current).toEqual({ month: previous.month, day: previous.day + 1 });
        }
      }
      previous = current;
    }
    // Twelve new moons in the Gregorian year 2023, one of them starting the leap second month.
    expect(newMonths).toEqual(['正月', '二月', '闰二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '冬月']);
  });

  it('names every lunar day and refuses impossible ones', () => {
    expect(Array.from({ length: 30 }, (_, i) => lunarDayName(i + 1)).join(' ')).toBe(
      '初一 初二 初三 初四 初五 初六 初七 初八 初九 初十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十 ' +
        '廿一 廿二 廿三 廿四 廿五 廿六 廿七 廿八 廿九 三十',
    );
    expect(() => lunarDayName(0)).toThrow(RangeError);
    expect(() => lunarDayName(31)).toThrow(RangeError);
    expect(() => lunarDate(2023, 2, 30)).toThrow(/not a date/);
  });

  it('the generated table (lunar years 1900–2100) gives what the engine’s Chinese calendar gives, every day', () => {
    const engine = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
    const first = Date.parse(`${LUNAR_TABLE_START}T12:00:00Z`);
    const end = Date.UTC(2101, 0, 1, 12);
    let checked = 0;
    for (let t = first; t < end; t += 86_400_000) {
      const at = new Date(t);
      const parts = engine.formatToParts(at);
      const month = /^(\d+)(bis)?$/.exec(parts.find((p) => p.type === 'month')!.value)!;
      const names = ['正月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '冬月', '腊月'];
      const expected = `${month[2] ? '闰' : ''}${names[Number(month[1]) - 1]}${lunarDayName(Number(parts.find((p) => p.type === 'day')!.value))}`;
      const actual = lunarDate(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
      if (actual !== expected) expect(actual, at.toISOString().slice(0, 10)).toBe(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(73_000);
    expect(LUNAR_YEARS).toHaveLength(201);
  });

  it('dates outside the table ask the engine', () => {
    expect(lunarDate(1899, 6, 1)).toMatch(/^(闰)?[正二三四五六七八九十冬腊]+月/);
    expect(lunarDate(2150, 2, 1)).toMatch(/^(闰)?[正二三四五六七八九十冬腊]+月/);
  });

  it('is the masthead field value for the issue date', () => {
    const issue = { paper: '德清新闻', date: '2023-07-20', edition: '', number: '', sampleData: true };
    expect(fieldValue('lunarDate', { issue })).toBe('六月初三');
    expect(fieldValue('lunarDate', { issue: { ...issue, date: '2024-02-10' } })).toBe('正月初一');
    expect(fieldValue('lunarDate', { issue: { ...issue, date: 'someday' } })).toBeUndefined();
  });
});
