/**
 * What validation must catch before the composer or the exporter meets it (issue 13, item 9): a template without
 * the body style, a type size nobody can set and an issue date that is not on the calendar are named in the
 * file's validation error, never left to surface later as a RangeError with a stack trace.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { FolioFileError, unpackFolio } from '../../../src-core/model/folio-file.js';
import { TemplateSchema } from '../../../src-core/model/template.js';

const sample = unpackFolio(readFileSync('templates/samples/deqing-front-2023-07-20.folio'));
const front = JSON.parse(readFileSync('templates/broadsheet-front.json', 'utf8')) as { paragraphStyles: Record<string, { size: unknown }> };

/** The message unpacking gives for the sample with `change` applied to its document. */
function messageFor(change: (doc: Record<string, unknown>) => void): string {
  const doc = structuredClone(sample.document) as unknown as Record<string, unknown>;
  change(doc);
  const files = { 'document.json': strToU8(JSON.stringify(doc)), ...Object.fromEntries(sample.assets) };
  try {
    unpackFolio(zipSync(files));
  } catch (err) {
    expect(err).toBeInstanceOf(FolioFileError);
    return (err as Error).message;
  }
  return 'read without error';
}

describe('validation names what the composer would otherwise trip over', () => {
  it('a template without the body ("paragraph") style', () => {
    const { paragraph: _body, ...others } = front.paragraphStyles;
    const result = TemplateSchema.safeParse({ ...front, paragraphStyles: others });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/no "paragraph" \(body text\) style/);
    expect(messageFor((doc) => delete (doc.template as { paragraphStyles: Record<string, unknown> }).paragraphStyles.paragraph)).toMatch(
      /at template\.paragraphStyles: the template has no "paragraph"/,
    );
  });

  it('a type size that is neither points nor a 号 name', () => {
    const styles = structuredClone(front.paragraphStyles);
    styles.paragraph!.size = '大五';
    expect(TemplateSchema.safeParse({ ...front, paragraphStyles: styles }).success).toBe(false);
    styles.paragraph!.size = '小五';
    expect(TemplateSchema.safeParse({ ...front, paragraphStyles: styles }).success).toBe(true);
  });

  it('an issue date that is not on the calendar', () => {
    const withDate = (date: string) => messageFor((doc) => ((doc.issue as { date: string }).date = date));
    expect(withDate('2023-02-31')).toMatch(/at issue\.date: not a date on the calendar/);
    expect(withDate('2023-13-01')).toMatch(/not a date on the calendar/);
    expect(withDate('2024-02-29')).toBe('read without error');
    expect(withDate('2023-02-29')).toMatch(/not a date on the calendar/);
  });
});
