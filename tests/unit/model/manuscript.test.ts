/**
 * Manuscripts (稿件) as story text: decoding, paragraphs and the story blocks they become.
 */
import { describe, expect, it } from 'vitest';
import { decodeManuscriptText, MAX_MANUSCRIPT_CHARS, ManuscriptError, manuscriptParagraphs, manuscriptStoryDoc } from '../../../src-core/model/manuscript.js';
import { storySchema } from '../../../src-core/model/story-schema.js';

/** "德清新闻\r\n记者 张三\r\n\u3000\u3000正文。\r\n" as Notepad on Chinese Windows writes it (GB18030, from iconv). */
const GB18030_BYTES = Uint8Array.from(Buffer.from('b5c2c7e5d0c2cec50d0abcc7d5df20d5c5c8fd0d0aa1a1a1a1d5fdcec4a1a30d0a', 'hex'));
const TEXT = '德清新闻\r\n记者 张三\r\n\u3000\u3000正文。\r\n';

describe('decodeManuscriptText', () => {
  it('reads UTF-8 with and without a BOM, and UTF-16 by its BOM', () => {
    const utf8 = new TextEncoder().encode(TEXT);
    expect(decodeManuscriptText(utf8)).toEqual({ text: TEXT, encoding: 'utf-8' });
    expect(decodeManuscriptText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: TEXT, encoding: 'utf-8' });
    const le = Buffer.from(TEXT, 'utf16le');
    expect(decodeManuscriptText(Uint8Array.from([0xff, 0xfe, ...le]))).toEqual({ text: TEXT, encoding: 'utf-16le' });
    const be = Buffer.from(le).swap16();
    expect(decodeManuscriptText(Uint8Array.from([0xfe, 0xff, ...be]))).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('reads text that is not UTF-8 as GB18030', () => {
    expect(decodeManuscriptText(GB18030_BYTES)).toEqual({ text: TEXT, encoding: 'gb18030' });
  });

  it('refuses binary data instead of setting mojibake', () => {
    expect(() => decodeManuscriptText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toThrow(ManuscriptError);
    expect(() => decodeManuscriptText(Uint8Array.from([0x89, 0, 1]))).toThrow(/not a text file/);
  });
});

describe('manuscriptParagraphs', () => {
  it('makes a paragraph of every non-empty line, without the spaces at its ends (ideographic indents too)', () => {
    expect(manuscriptParagraphs(TEXT)).toEqual(['德清新闻', '记者 张三', '正文。']);
    expect(manuscriptParagraphs('一\r\r二\n\n\n  三  \u3000\n\u00a0\u200b\n四\u2029五')).toEqual(['一', '二', '三', '四', '五']);
    expect(manuscriptParagraphs('\n \u3000\n')).toEqual([]);
  });
});

describe('manuscriptStoryDoc', () => {
  const valid = (json: ReturnType<typeof manuscriptStoryDoc>) => {
    const node = storySchema.nodeFromJSON(json);
    node.check();
    return node;
  };

  it('makes the first paragraph the headline and a short 记者 line the byline; the rest is the body', () => {
    const doc = valid(manuscriptStoryDoc(['德清新闻', '本报记者 张三 通讯员 李四', '第一段。', '第二段。'], { headline: true }));
    expect(doc.childCount).toBe(3);
    expect(doc.child(0).type.name).toBe('headline');
    expect(doc.child(1).type.name).toBe('byline');
    expect(doc.child(1).textContent).toBe('本报记者 张三 通讯员 李四');
    expect(doc.child(2).type.name).toBe('columns');
    expect(doc.child(2).childCount).toBe(2);
    expect(doc.child(2).child(0).type.name).toBe('paragraph');
  });

  it('takes a byline only when it is short and starts like one', () => {
    const body = valid(manuscriptStoryDoc(['德清新闻', '记者节前夕，本报记者走访了全县三十个村，听取了群众对乡村振兴工作的意见和建议。', '第二段。'], { headline: true }));
    expect(body.child(1).type.name).toBe('columns');
    expect(body.child(1).childCount).toBe(2);
    const notByline = valid(manuscriptStoryDoc(['德清新闻', '7月19日，县委召开会议。', '第二段。'], { headline: true }));
    expect(notByline.child(1).type.name).toBe('columns');
  });

  it('without a headline, or with only one paragraph, everything is body text', () => {
    const all = valid(manuscriptStoryDoc(['德清新闻', '记者 张三', '正文。'], { headline: false }));
    expect(all.childCount).toBe(1);
    expect(all.child(0).childCount).toBe(3);
    const one = valid(manuscriptStoryDoc(['只有一段。'], { headline: true }));
    expect(one.child(0).type.name).toBe('columns');
  });

  it('refuses a manuscript without text or longer than the limit, saying how long it is', () => {
    expect(() => manuscriptStoryDoc([], { headline: true })).toThrow(/no text/);
    const long = ['字'.repeat(MAX_MANUSCRIPT_CHARS), '多'];
    expect(() => manuscriptStoryDoc(long, { headline: false })).toThrow(/1,000,001 characters; up to 1,000,000/);
  });
});
