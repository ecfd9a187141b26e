/**
 * Field values: the text an inline `field` node shows (masthead date, page header page name …).
 *
 * 1. Dates come from `issue.date` (ISO YYYY-MM-DD) only — never from a clock — and read 2023年7月20日.
 * 2. The weekday is computed from that date in UTC (星期日 … 星期六).
 * 3. Page and section come from the page the story's first frame is on; `pageNumber` is the number jump
 *    lines print for that page (第3版), from the same rule (`pageNumberOf`).
 * 4. The lunar date (农历) is computed from the same date by the JavaScript engine's Chinese calendar
 *    (ECMA-402 `Intl.DateTimeFormat` with `ca-chinese`: ICU's astronomical calendar, new moons and solar
 *    terms reckoned in Beijing time) and written the newspaper way: 六月初三, 闰二月初一, 腊月三十.
 *    An engine without that calendar leaves the field empty (the caller reports it) rather than guessing.
 */
import type { FolioDocument, Page } from '../model/document.js';
import { pageNumberOf } from './thread.js';
import { LUNAR_TABLE_START, LUNAR_YEARS } from './lunar-table.js';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** What fields are filled from. */
export interface FieldContext {
  issue: FolioDocument['issue'];
  /** The page the story is shown on (its first frame's page); undefined for stories not placed. */
  page?: Page;
  /** That page's position in the document, 0-based (for `pageNumber` when the page name has no digits). */
  pageIndex?: number;
}

/**
 * The text of field `name`, or `undefined` when this issue has no value for it (the field is then set
 * empty). Unknown names also give `undefined`.
 */
export function fieldValue(name: string, ctx: FieldContext): string | undefined {
  const { issue, page } = ctx;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(issue.date);
  const chineseDate = m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : undefined;
  switch (name) {
    case 'paper':
      return issue.paper || undefined;
    case 'date':
    case 'dateLong':
      return chineseDate;
    case 'weekday':
      return m ? WEEKDAYS[new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay()] : undefined;
    case 'issueNumber':
      return issue.number || undefined;
    case 'edition':
      return issue.edition || undefined;
    case 'page':
      return page?.name;
    case 'pageNumber':
      return page && ctx.pageIndex !== undefined ? String(pageNumberOf(page, ctx.pageIndex)) : undefined;
    case 'section':
      return page?.section || undefined;
    case 'lunarDate':
      return m ? lunarDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
    default:
      return undefined;
  }
}

/** Lunar month names, 1 … 12 (CLDR's Chinese-calendar names: 正月 for the first, 冬月 and 腊月 for the last two). */
const LUNAR_MONTHS = ['正月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '冬月', '腊月'] as const;
/** Digits of lunar day names. */
const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;
/** Leap months are named after the month they follow, with 闰 before it. */
const LEAP_PREFIX = '闰';

/** A lunar day number (1 … 30) as newspapers write it: 初一 … 初十, 十一 … 十九, 二十, 廿一 … 廿九, 三十. */
export function lunarDayName(day: number): string {
  if (!Number.isInteger(day) || day < 1 || day > 30) throw new RangeError(`A lunar month has days 1 to 30, not ${day}`);
  if (day <= 10) return `初${CHINESE_DIGITS[day]}`;
  if (day < 20) return `十${CHINESE_DIGITS[day - 10]}`;
  if (day === 20) return '二十';
  if (day < 30) return `廿${CHINESE_DIGITS[day - 20]}`;
  return '三十';
}

let chineseCalendar: Intl.DateTimeFormat | null | undefined;

/** The engine's Chinese-calendar formatter, or null when the engine has no Chinese calendar. */
function chineseCalendarFormat(): Intl.DateTimeFormat | null {
  if (chineseCalendar === undefined) {
    // Numeric parts in an English locale are the stable form to read back: month "6", a leap month "2bis", day "3".
    const format = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
    chineseCalendar = format.resolvedOptions().calendar === 'chinese' ? format : null;
  }
  return chineseCalendar;
}

/** A day of the Chinese calendar: month 1–12, whether it is the leap month after that month, day 1–30. */
interface LunarDay {
  month: number;
  leap: boolean;
  day: number;
}

const DAY_MS = 86_400_000;
const LUNAR_TABLE_START_DAY = Date.parse(`${LUNAR_TABLE_START}T00:00:00Z`) / DAY_MS;
const LEAP_MONTH_SHIFT = 13;
const LEAP_MONTH_MASK = 0xf;

/** The lunar day from the generated table (see lunar-table.ts), or undefined outside the years it covers. */
function lunarDayFromTable(utcDay: number): LunarDay | undefined {
  let offset = utcDay - LUNAR_TABLE_START_DAY;
  if (offset < 0) return undefined;
  for (const year of LUNAR_YEARS) {
    const leapAfter = (year >> LEAP_MONTH_SHIFT) & LEAP_MONTH_MASK;
    const monthCount = leapAfter ? 13 : 12;
    // Whole years are skipped by their length (29 days a month, one more for each long month).
    const yearDays = 29 * monthCount + bitCount(year & ((1 << monthCount) - 1));
    if (offset >= yearDays) {
      offset -= yearDays;
      continue;
    }
    for (let i = 0; i < monthCount; i++) {
      const length = year & (1 << i) ? 30 : 29;
      if (offset < length) {
        // Months in order: 1 … leapAfter, the leap month (named after leapAfter), leapAfter + 1 … 12.
        if (!leapAfter || i < leapAfter) return { month: i + 1, leap: false, day: offset + 1 };
        return i === leapAfter ? { month: leapAfter, leap: true, day: offset + 1 } : { month: i, leap: false, day: offset + 1 };
      }
      offset -= length;
    }
  }
  return undefined;
}

/** Number of set bits of a non-negative 32-bit integer. */
function bitCount(n: number): number {
  let count = 0;
  for (let v = n; v !== 0; v &= v - 1) count++;
  return count;
}

/** The lunar day from the engine's Chinese calendar (ICU), for dates outside the table. */
function lunarDayFromEngine(date: Date): LunarDay | undefined {
  const format = chineseCalendarFormat();
  if (!format) return undefined;
  const parts = format.formatToParts(date);
  const monthPart = /^(\d+)(bis)?$/.exec(parts.find((p) => p.type === 'month')?.value ?? '');
  const day = Number(parts.find((p) => p.type === 'day')?.value);
  if (!monthPart || !Number.isInteger(day)) return undefined;
  return { month: Number(monthPart[1]), leap: Boolean(monthPart[2]), day };
}

/**
 * The lunar (农历) month and day of a Gregorian date, e.g. 2023-07-20 → 六月初三, 2023-03-22 → 闰二月初一.
 * Lunar years 1900–2100 come from a table generated from ICU (no Intl start-up cost); other dates ask the
 * engine's Chinese calendar, and are `undefined` when it has none.
 * @throws RangeError for a date that does not exist
 */
export function lunarDate(year: number, month: number, day: number): string | undefined {
  // Noon UTC is the same calendar day in Beijing (UTC+8), where the Chinese calendar's days begin.
  const date = new Date(Date.UTC(year, month - 1, day, 12));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new RangeError(`${year}-${month}-${day} is not a date`);
  }
  const lunar = lunarDayFromTable(Math.floor(date.getTime() / DAY_MS)) ?? lunarDayFromEngine(date);
  const monthName = lunar ? LUNAR_MONTHS[lunar.month - 1] : undefined;
  if (!lunar || !monthName || lunar.day < 1 || lunar.day > 30) return undefined;
  return `${lunar.leap ? LEAP_PREFIX : ''}${monthName}${lunarDayName(lunar.day)}`;
}
