/**
 * Structure recognised in placed copy (issue 17 item 5): part headings, datelines, signature lines and ASCII
 * punctuation in plain-text manuscripts as reporters and offices write them; and what stays body.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recogniseManuscript, type ManuscriptPart } from '../../../src-core/model/manuscript-structure.js';
import { displayCount, manuscriptParagraphs, manuscriptStoryDoc } from '../../../src-core/model/manuscript.js';
import type { PmNodeJson } from '../../../src-core/model/document.js';

/** A county office's work report as its writer typed it in Notepad (invented, in the usual form). */
const REPORT = `县政务办推进“最多跑一次”改革工作情况
\u3000\u3000本报讯（记者 沈佳怡 通讯员 钱立新）今年以来,县政务办围绕优化营商环境,持续深化“最多跑一次”改革。
一、总体情况
\u3000\u3000上半年，全县政务服务网办理事项1.2万件，同比增长18%。
（一）加强组织领导，压实工作责任
\u3000\u3000县里成立工作专班，每周召开一次推进会。
（二）深化数字赋能
1.全年完成“一网通办”事项386项，实现率达到98.5%。
2. 推进企业开办“一日办结”
1.5亿元专项资金已拨付到位。
二、下一步打算
3、围绕企业和群众反映强烈的堵点难点问题开展专项攻坚行动并形成长效机制
县政务办 张三 李四
2023年7月19日`;

const paragraphs = manuscriptParagraphs(REPORT);
const parts = recogniseManuscript(paragraphs, displayCount(paragraphs, { headline: true }));
const byKind = (kind: ManuscriptPart['kind']) => parts.filter((p) => p.kind === kind).map((p) => paragraphs[p.paragraph]);

describe('recogniseManuscript', () => {
  it('takes 一、 （一） 1. and 2. headings that are short and do not end like a sentence as subheads', () => {
    expect(byKind('subhead')).toEqual(['一、总体情况', '（一）加强组织领导，压实工作责任', '（二）深化数字赋能', '2. 推进企业开办“一日办结”', '二、下一步打算']);
  });

  it('negative: a numbered item that is a full sentence ending in 。 stays body; so do a decimal and a long item', () => {
    const subheads = byKind('subhead');
    expect(subheads).not.toContain('1.全年完成“一网通办”事项386项，实现率达到98.5%。');
    expect(subheads).not.toContain('1.5亿元专项资金已拨付到位。');
    expect(subheads.some((s) => s!.startsWith('3、'))).toBe(false);
  });

  it('finds the dateline opening the first paragraph and its length, and the office, names and date at the end as signature lines', () => {
    const dateline = parts.find((p) => p.kind === 'dateline')!;
    expect(paragraphs[dateline.paragraph]!.slice(0, dateline.prefixLength)).toBe('本报讯（记者 沈佳怡 通讯员 钱立新）');
    expect(byKind('signature')).toEqual(['县政务办 张三 李四', '2023年7月19日']);
  });

  it('a dateline on a line of its own is the whole line; other papers\' datelines too', () => {
    const own = recogniseManuscript(['本报讯（记者 王小明）', '昨天，我县召开大会。', '新华社杭州7月19日电（记者 李华）浙江省今天发布……']);
    expect(own.filter((p) => p.kind === 'dateline').map((p) => [p.paragraph, p.prefixLength])).toEqual([[0, undefined], [2, 18]]);
  });

  it('offers ASCII , in Chinese text for normalising, one part per paragraph, with the count and the result', () => {
    const punctuation = parts.filter((p) => p.kind === 'punctuation');
    expect(punctuation.map((p) => [p.paragraph, p.changes])).toEqual([[1, 2]]);
    expect(punctuation[0]!.text).toBe('本报讯（记者 沈佳怡 通讯员 钱立新）今年以来，县政务办围绕优化营商环境，持续深化“最多跑一次”改革。');
  });

  it('the headline and byline taken from the top are no parts (but their ASCII marks are offered)', () => {
    const ps = ['县里召开大会(第二次)', '记者 王小明', '一、会议内容'];
    expect(displayCount(ps, { headline: true })).toBe(2);
    expect(recogniseManuscript(ps, 2).map((p) => p.id)).toEqual(['punctuation:0', 'subhead:2']);
    expect(recogniseManuscript(ps, 0).map((p) => p.id)).toEqual(['punctuation:0', 'signature:1', 'subhead:2']);
  });

  it('negative: prose is never a signature — a quoted office with a verb, a date inside a sentence, a long credit', () => {
    const ps = ['县政务办 张三说要加强', '2023年7月19日，县里召开大会。', '7月20日15:30', '记者 王小明、李华、张三、李四、王五、赵六、钱七、孙八、周九、吴十、郑十一'];
    expect(recogniseManuscript(ps).filter((p) => p.kind !== 'punctuation')).toEqual([]);
  });

  it('negative: the seed page and the test corpus hold no part headings and no false datelines', () => {
    const texts = ['tests/fixtures/seed/deqing-front-page-2023-07.txt', ...readdirSync('tests/fixtures/corpus').filter((f) => f.endsWith('.txt')).map((f) => `tests/fixtures/corpus/${f}`)];
    const found = texts.flatMap((f) => {
      const ps = manuscriptParagraphs(readFileSync(f, 'utf8')).filter((p) => !p.startsWith('#'));
      return recogniseManuscript(ps).filter((p) => p.kind !== 'punctuation').map((p) => `${p.kind} ${ps[p.paragraph]!.slice(0, 20)}`);
    });
    // The seed's byline and credit lines are signature lines; the one dateline is the corpus's 本报讯（…） lead.
    expect(found.filter((f) => !f.startsWith('signature 记者 '))).toEqual(['dateline 本报讯（记者 沈佳怡 通讯员 钱立新）2']);
  });
});

describe('manuscriptStoryDoc with the accepted parts', () => {
  const textOf = (n: PmNodeJson): string => (n.content ?? []).map((c) => c.text ?? '').join('');
  const body = (doc: PmNodeJson) => doc.content!.find((n) => n.type === 'columns')!.content!;

  it('sets subheads, the bold dateline, signature lines in the byline style and normalised punctuation', () => {
    const doc = manuscriptStoryDoc(paragraphs, { headline: true }, parts);
    expect(doc.content![0]).toMatchObject({ type: 'headline' });
    const blocks = body(doc);
    expect(blocks[0]!.content![0]).toEqual({ type: 'text', text: '本报讯（记者 沈佳怡 通讯员 钱立新）', marks: [{ type: 'bold' }] });
    expect(textOf(blocks[0]!)).toBe(parts.find((p) => p.kind === 'punctuation')!.text);
    expect(blocks.filter((b) => b.type === 'subhead').map(textOf)).toEqual(byKind('subhead'));
    expect(blocks.filter((b) => b.attrs?.style === 'byline').map(textOf)).toEqual(['县政务办 张三 李四', '2023年7月19日']);
  });

  it('an unticked part is left as the writer typed it', () => {
    const kept = parts.filter((p) => p.kind !== 'punctuation' && p.id !== 'subhead:2');
    const blocks = body(manuscriptStoryDoc(paragraphs, { headline: true }, kept));
    expect(textOf(blocks[0]!)).toContain('今年以来,县政务办');
    expect(blocks.find((b) => textOf(b) === '一、总体情况')!.type).toBe('paragraph');
    expect(blocks.find((b) => textOf(b) === '二、下一步打算')!.type).toBe('subhead');
  });

  it('without parts it is the manuscript as body, as before', () => {
    const blocks = body(manuscriptStoryDoc(paragraphs, { headline: true }));
    expect(blocks.every((b) => b.type === 'paragraph' && !b.attrs)).toBe(true);
    expect(blocks).toHaveLength(paragraphs.length - 1);
  });
});
