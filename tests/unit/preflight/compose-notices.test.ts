/**
 * The composer's notices (a paragraph or character style the template lacks, a field the issue has no value for)
 * are preflight warnings (issue 14), said in the reader's language; missing stories and broken threads stay the
 * frame checks' findings, listed once.
 */
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import { createTranslator } from '../../../src-core/i18n/translator.js';
import { formatFinding, preflight } from '../../../src-core/preflight/preflight.js';
import { blk, broadsheet, documentOf, story, testFonts, textFrame } from '../layout/fixtures.js';

const tpl = broadsheet();
const fonts = testFonts();
const zh = createTranslator('zh-CN', (err) => { throw err; });

function composed() {
  const s = story('s',
    { type: 'paragraph', attrs: { style: 'nope' }, content: [{ type: 'text', text: '正文' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '加粗', marks: [{ type: 'charStyle', attrs: { name: 'noSuchCharStyle' } }] }] },
    blk('headline', '标题'));
  const doc = documentOf([s], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 2, 0, 20])] }], tpl);
  return { doc, out: createComposer(fonts).compose(doc) };
}

describe('compose notices in preflight', () => {
  it('lists a missing paragraph style as a warning on its page and story, in Chinese too', () => {
    const { doc, out } = composed();
    expect(out.notices.some((n) => n.code === 'missing-style')).toBe(true);
    const findings = preflight(doc, out.pages, { preset: 'proof', assetInfo: new Map(), notices: out.notices });
    const style = findings.find((f) => f.code === 'missing-style' && f.key === 'preflight.finding.missingParagraphStyle');
    expect(style).toMatchObject({ severity: 'warning', pageId: 'A01', storyId: 's' });
    expect(style!.message).toBe(`Paragraph style “nope” is not in template ${tpl.id}; the text is set in “paragraph”.`);
    expect(formatFinding(style!, zh)).toBe(`模板 ${tpl.id} 中没有段落样式“nope”；文字按“paragraph”排。`);
    // Without the notices (as before), nothing says so.
    expect(preflight(doc, out.pages, { preset: 'proof', assetInfo: new Map() }).some((f) => f.code === 'missing-style')).toBe(false);
  });

  it('a notice without a message of its own is quoted inside a translated line; frame notices are not repeated', () => {
    const { doc, out } = composed();
    const notices = [...out.notices, { code: 'unknown-block' as const, message: 'Block type "poem" is not in the story schema; set as a paragraph', storyId: 's', pageId: 'A01' },
      { code: 'missing-story' as const, message: 'Frame "g" shows story "x"', storyId: 'x', pageId: 'A01', frameId: 'g' }];
    const findings = preflight(doc, out.pages, { preset: 'proof', assetInfo: new Map(), notices });
    const unknown = findings.find((f) => f.code === 'unknown-block')!;
    expect(formatFinding(unknown, zh)).toBe('稿件中有无法识别的内容：Block type "poem" is not in the story schema; set as a paragraph');
    expect(findings.filter((f) => f.code === 'missing-story')).toHaveLength(0);
  });
});
