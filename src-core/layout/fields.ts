/**
 * Field values: the text an inline `field` node shows (masthead date, page header page name …).
 *
 * 1. Dates come from `issue.date` (ISO YYYY-MM-DD) only — never from a clock — and read 2023年7月20日.
 * 2. The weekday is computed from that date in UTC (星期日 … 星期六).
 * 3. Page and section come from the page the story's first frame is on.
 * 4. The lunar date is not computed (no lunar calendar here): it is taken from the issue when a
 *    `lunarDate` value is present, else the field is empty and the caller reports it.
 */
import type { FolioDocument, Page } from '../model/document.js';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** What fields are filled from. */
export interface FieldContext {
  issue: FolioDocument['issue'];
  /** The page the story is shown on (its first frame's page); undefined for stories not placed. */
  page?: Page;
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
    case 'section':
      return page?.section || undefined;
    case 'lunarDate': {
      // The issue schema has no lunar date yet; a document that carries one (as an extra issue key) is honoured.
      const lunar = (issue as Record<string, unknown>).lunarDate;
      return typeof lunar === 'string' && lunar !== '' ? lunar : undefined;
    }
    default:
      return undefined;
  }
}
