import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TemplateSchema } from '../../../src-core/model/template.js';
import { addPageFromTemplate } from '../../../src-renderer/state/page-edits.js';
import { resolvePageQuery, spreadColumns, spreadTemplate, storyGroups } from '../../../src-renderer/state/page-navigation.js';
import { buildIssue } from '../../fixtures/issue-32.js';

const template = (id: string) => TemplateSchema.parse(JSON.parse(readFileSync(`templates/${id}.json`, 'utf8')));
const issue = buildIssue(readFileSync('tests/fixtures/seed/deqing-front-page-2023-07.txt', 'utf8'), template('broadsheet-front'), template('broadsheet-inner'), 32).document;

describe('Go to page', () => {
  const pages = issue.pages;
  it('takes a page name in any case and padding, or a page number', () => {
    expect(resolvePageQuery(pages, 'A05')).toEqual({ ok: true, index: 4 });
    expect(resolvePageQuery(pages, ' a5 ')).toEqual({ ok: true, index: 4 });
    expect(resolvePageQuery(pages, '20')).toEqual({ ok: true, index: 19 });
    expect(resolvePageQuery(pages, '032')).toEqual({ ok: true, index: 31 });
  });

  it('a name the issue lacks, a number past its end, and nothing at all are refused with what it has', () => {
    expect(resolvePageQuery(pages, 'B03')).toEqual({ ok: false, error: { kind: 'unknown', query: 'B03', first: 'A01', last: 'A32' } });
    expect(resolvePageQuery(pages, '33')).toMatchObject({ ok: false, error: { kind: 'unknown' } });
    expect(resolvePageQuery(pages, '0')).toMatchObject({ ok: false });
    expect(resolvePageQuery(pages, '  ')).toEqual({ ok: false, error: { kind: 'empty' } });
  });

  it('a page name that is not numbered is found by its exact name', () => {
    expect(resolvePageQuery([{ name: '封面' }, { name: 'A02' }], '封面')).toEqual({ ok: true, index: 0 });
  });
});

describe('spread grid', () => {
  it('puts the front page alone on the right, then facing pages side by side, with a gutter between spreads', () => {
    // Two spreads to a row: columns 1 2 | gutter 3 | 4 5.
    expect(spreadTemplate(2, 6)).toBe('minmax(0, 1fr) minmax(0, 1fr) 6px minmax(0, 1fr) minmax(0, 1fr)');
    expect(spreadColumns(8, 2)).toEqual([2, 4, 5, 1, 2, 4, 5, 1]);
    // Four spreads to a row (A07 at slot 7 → column 11; A08|A09 open the second row; A10 starts its second spread after the gutter.)
    expect(spreadColumns(10, 4).slice(6)).toEqual([11, 1, 2, 4]);
  });
});

describe('story list groups', () => {
  it('groups stories by the page they start on, in page order, without page headers', () => {
    const groups = storyGroups(issue);
    expect(groups.map((g) => g.page?.name)).toEqual(issue.pages.map((p) => p.name));
    const a20 = groups.find((g) => g.page?.name === 'A20')!;
    expect(a20.stories.map((s) => s.id)).toEqual(['A20-lead', 'A20-jump', 'A20-short']);
    expect(groups.flatMap((g) => g.stories).some((s) => s.id.startsWith('page-header'))).toBe(false);
  });

  it('filters by story name, dropping pages left with none, and lists stories set nowhere last', () => {
    const name = issue.stories['A20-lead']!.name;
    const filtered = storyGroups(issue, ` ${name.slice(0, 4)} `);
    expect(filtered.length).toBeGreaterThan(0);
    for (const g of filtered) for (const s of g.stories) expect(s.name).toContain(name.slice(0, 4));
    expect(storyGroups(issue, 'no such story anywhere')).toEqual([]);

    const unplaced = { ...issue, stories: { ...issue.stories, loose: { id: 'loose', name: '未用稿', doc: { type: 'doc', content: [] } } } };
    const groups = storyGroups(unplaced);
    expect(groups[groups.length - 1]).toMatchObject({ page: undefined, stories: [{ id: 'loose' }] });
  });

  it('a page header added from a template is furniture: not listed', () => {
    const { doc } = addPageFromTemplate(issue, template('broadsheet-inner'));
    const listed = storyGroups(doc).flatMap((g) => g.stories.map((s) => s.name));
    expect(listed.some((n) => n.includes('报眉'))).toBe(false);
  });
});

describe('story list and page furniture', () => {
  it('a masthead (furniture inside the type area) stays listed; the page headers in the margin do not', () => {
    const listed = storyGroups(issue).flatMap((g) => g.stories.map((s) => s.id));
    expect(listed).toContain('masthead');
    expect(listed.filter((id) => id.startsWith('page-header'))).toEqual([]);
  });
});
