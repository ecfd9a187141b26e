/**
 * 变栏 (column variations, issue 16): the attributes a body textblock carries to leave its frame's plain columns,
 * validated with zod. Every one is optional plain data on the ProseMirror node (absent or null = the old
 * behaviour: one column of the frame).
 *
 * 1. `spanColumns`: set across that many of the frame's columns (`'all'`: the full width) — an intro across the
 *    frame, or a straddle head.
 * 2. `spanFromColumn`: the first column a span starts at, counted from 0 at the left (absent = 0), so a straddle
 *    head may sit over columns k..k+N−1.
 * 3. `sectionColumns`: consecutive paragraphs with the same count are one 变栏 section, set as a block in that
 *    many balanced columns across the room they stand in (the columns they span, or the column they are in:
 *    a listing split into two inside one column). 1 is plain text.
 * 4. `readColumnVariation` validates the three together: invalid data falls back to absent with a one-line
 *    reason (the composer reports it; the page is still set).
 */
import { z } from 'zod';

/** Most columns a paragraph may span (a frame of more columns is unheard of; `'all'` covers any). */
export const MAX_SPAN_COLUMNS = 20;
/** Most columns a 变栏 section may have: the broadsheet's eight grid columns. */
export const MAX_SECTION_COLUMNS = 8;

/** `spanColumns`: `'all'` or a whole count from 2; null for one column. */
export const SpanColumnsSchema = z.union([z.literal('all'), z.number().int().min(2).max(MAX_SPAN_COLUMNS)]).nullish();
/** `spanFromColumn`: the span's first column, 0 at the left. */
export const SpanFromColumnSchema = z.number().int().min(0).max(MAX_SPAN_COLUMNS - 1).nullish();
/** `sectionColumns`: the 变栏 section's column count, 1 to 8. */
export const SectionColumnsSchema = z.number().int().min(1).max(MAX_SECTION_COLUMNS).nullish();

/** A body textblock's column variation as the layout reads it (absent fields: plain one-column text). */
export interface ColumnVariation {
  readonly spanColumns?: number | 'all';
  /** Only with `spanColumns` (a span over 'all' columns starts at 0 whatever it says). */
  readonly spanFromColumn?: number;
  /** Only from 2 up (1 is plain text). */
  readonly sectionColumns?: number;
}

/** The validated column variation of a textblock's attrs, and the reason for any value left out. */
export function readColumnVariation(attrs: Readonly<Record<string, unknown>> | null | undefined): { variation: ColumnVariation; error: string | null } {
  const problems: string[] = [];
  const read = <T>(key: string, schema: z.ZodType<T | null | undefined>, rule: string): T | undefined => {
    const parsed = schema.safeParse(attrs?.[key]);
    if (parsed.success) return parsed.data ?? undefined;
    problems.push(`${key} ${JSON.stringify(attrs?.[key])} is not ${rule}`);
    return undefined;
  };
  const span = read('spanColumns', SpanColumnsSchema, `"all" or a whole number from 2 to ${MAX_SPAN_COLUMNS}`);
  const from = read('spanFromColumn', SpanFromColumnSchema, `a whole column number from 0 to ${MAX_SPAN_COLUMNS - 1}`);
  const section = read('sectionColumns', SectionColumnsSchema, `a whole number of columns from 1 to ${MAX_SECTION_COLUMNS}`);
  const variation: ColumnVariation = {
    ...(span === undefined ? {} : { spanColumns: span }),
    ...(span !== undefined && span !== 'all' && from ? { spanFromColumn: from } : {}),
    ...(section !== undefined && section >= 2 ? { sectionColumns: section } : {}),
  };
  return { variation, error: problems.length === 0 ? null : `Column variation ignored: ${problems.join('; ')}` };
}
