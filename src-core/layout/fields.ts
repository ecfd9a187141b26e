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

/**
 * The lunar (农历) month and day of a Gregorian date, e.g. 2023-07-20 → 六月初三, 2023-03-22 → 闰二月初一.
 * `undefined` when the JavaScript engine has no Chinese calendar.
 * @throws RangeError for a date that does not exist
 */
export function lunarDate(year: number, month: number, day: number): string | undefined {
  // Noon UTC is the same calendar day in Beijing (UTC+8), where the Chinese calendar's days begin.
  const date = new Date(Date.UTC(year, month - 1, day, 12));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new RangeError(`${year}-${month}-${day} is not a date`);
  }
  const format = chineseCalendarFormat();
  if (!format) return undefined;
  const parts = format.formatToParts(date);
  const monthPart = /^(\d+)(bis)?$/.exec(parts.find((p) => p.type === 'month')?.value ?? '');
  const dayNumber = Number(parts.find((p) => p.type === 'day')?.value);
  const monthName = monthPart ? LUNAR_MONTHS[Number(monthPart[1]) - 1] : undefined;
  if (!monthPart || !monthName || !Number.isInteger(dayNumber)) return undefined;
  return `${monthPart[2] ? LEAP_PREFIX : ''}${monthName}${lunarDayName(dayNumber)}`;
}
