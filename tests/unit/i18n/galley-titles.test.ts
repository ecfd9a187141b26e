/**
 * The galley's tooltips on tracked changes and comments, and the Place text notice, in the interface language:
 * who and when (a local date, not an ISO string), an unsigned change under the one placeholder author.
 */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src-core/i18n/translator.js';
import { storySchema } from '../../../src-core/model/story-schema.js';
import { changeTitle, commentTitle } from '../../../src-renderer/editor/review-mark-views.js';
import { DATE_TIME_OPTIONS } from '../../../src-renderer/panels/date-time.js';

const ZH = createTranslator('zh-CN');
const EN = createTranslator('en');
const AT = '2026-12-06T06:05:42.000Z';

describe('galley tooltips', () => {
  it('say who inserted or deleted text and when, in the interface language and local time', () => {
    const inserted = storySchema.marks.insertion.create({ id: 'c1', author: '王编辑', createdAt: AT });
    const deleted = storySchema.marks.deletion.create({ id: 'c2', author: 'Li', createdAt: AT });
    expect(changeTitle(inserted, ZH)).toBe(`王编辑 插入（${ZH.formatDate(new Date(AT), DATE_TIME_OPTIONS)}）`);
    expect(changeTitle(deleted, EN)).toBe(`Li deleted (${EN.formatDate(new Date(AT), DATE_TIME_OPTIONS)})`);
    expect(changeTitle(inserted, ZH)).toContain('2026年12月');
    expect(changeTitle(inserted, ZH)).not.toContain('T06:05');
  });

  it('name an unsigned or undated change by the placeholder author only', () => {
    const unsigned = storySchema.marks.insertion.create({ id: 'c3', author: '', createdAt: '' });
    expect(changeTitle(unsigned, ZH)).toBe(`${ZH.t('review.anonymous')} 插入`);
    expect(changeTitle(unsigned, EN)).toBe('Anonymous inserted');
  });

  it('show a comment with its author', () => {
    const comment = storySchema.marks.comment.create({ id: 'k1', author: '', text: '核实数字' });
    expect(commentTitle(comment, ZH)).toBe(`${ZH.t('review.anonymous')}：核实数字`);
    expect(commentTitle(comment, EN)).toBe('Anonymous: 核实数字');
  });
});

describe('the Place text notice', () => {
  it('reads as it did in English, and in Chinese with the encoding named', () => {
    const placed = { file: '简讯.txt', paragraphs: 3, chars: 11, encoding: 'GB18030' };
    expect(EN.t('placeText.placed', placed)).toBe('Placed 简讯.txt: 3 paragraphs, 11 characters, read as GB18030.');
    expect(EN.t('placeText.placed', { ...placed, paragraphs: 1, chars: 1234, encoding: 'none' })).toBe('Placed 简讯.txt: 1 paragraph, 1,234 characters.');
    expect(ZH.t('placeText.placed', placed)).toBe('已置入 简讯.txt：3 段，11 字，按 GB18030 读取。');
  });
});
