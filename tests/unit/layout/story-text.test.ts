/**
 * Story text as the page reads it (`folio text`): reading order, tracked deletions, fields, hard breaks, 字数.
 */
import { describe, expect, it } from 'vitest';
import { countCharacters, storyCharacters, storyTexts } from '../../../src-core/layout/story-text.js';
import type { PmNodeJson } from '../../../src-core/model/document.js';
import { blk, broadsheet, cols, documentOf, p, story, t, textFrame } from './fixtures.js';

const tpl = broadsheet();

describe('storyTexts', () => {
  it('orders placed stories by page, then top to bottom and left to right; unplaced stories last', () => {
    const stories = ['low', 'right', 'left', 'second', 'spare'].map((id) => story(id, cols(p(`${id}的正文。`))));
    const doc = documentOf(stories, [
      { id: 'A01', name: 'A01', frames: [textFrame(tpl, 'f-low', 'low', [0, 2, 40, 10]), textFrame(tpl, 'f-right', 'right', [4, 2, 0, 10]), textFrame(tpl, 'f-left', 'left', [0, 2, 0, 10])] },
      { id: 'A02', name: 'A02', frames: [textFrame(tpl, 'f-second', 'second', [0, 2, 0, 10]), textFrame(tpl, 'f-more', 'left', [4, 2, 0, 10])] },
    ], tpl);
    const texts = storyTexts(doc);
    expect(texts.map((s) => s.storyId)).toEqual(['left', 'right', 'low', 'second', 'spare']);
    expect(texts[0]!.pages).toEqual(['A01', 'A02']);
    expect(texts[4]!.pages).toEqual([]);
  });

  it('reads as accepted: deleted text left out, inserted kept; fields filled; hard breaks are line feeds; empty blocks dropped', () => {
    const change = { id: 'c1', author: '校对', at: '2023-07-19T10:00:00Z' };
    const body: PmNodeJson = {
      type: 'paragraph',
      content: [t('德清'), t('旧的', [{ type: 'deletion', attrs: change }]), t('新的', [{ type: 'insertion', attrs: change }]), { type: 'hard_break' }, t('第二行')],
    };
    const masthead: PmNodeJson = { type: 'kicker', content: [t('出版日期：'), { type: 'field', attrs: { name: 'date' } }] };
    const doc = documentOf([story('s', masthead, blk('headline', ''), cols(body))], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 3, 0, 20])] }], tpl);
    const [s] = storyTexts(doc);
    expect(s!.blocks).toEqual([
      { type: 'kicker', text: '出版日期：2023年7月20日' },
      { type: 'paragraph', text: '德清新的\n第二行' },
    ]);
    expect(s!.characters).toBe(countCharacters('出版日期：2023年7月20日') + countCharacters('德清新的第二行'));
    expect(storyCharacters(doc, 's')).toBe(s!.characters);
    expect(storyCharacters(doc, 'nope')).toBe(0);
  });

  it('reads a block whose paragraph break is deleted on into the next, as the page sets them', () => {
    const struck = { kind: 'deletion', id: 'b1', author: '校对', createdAt: '2023-07-19T10:00:00Z' };
    const doc = documentOf([story('s', cols({ type: 'paragraph', attrs: { style: null, change: struck }, content: [t('德清')] }, p('创新。'), p('高地。')))], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 3, 0, 20])] }], tpl);
    expect(storyTexts(doc)[0]!.blocks).toEqual([{ type: 'paragraph', text: '德清创新。' }, { type: 'paragraph', text: '高地。' }]);
  });

  it('counts characters as editors do: every code point but white space', () => {
    expect(countCharacters('记者 董华')).toBe(4);
    expect(countCharacters('𠮷野家，2023年\n')).toBe(9);
  });
});
