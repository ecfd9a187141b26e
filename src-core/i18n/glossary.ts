/**
 * The trade's words: the terms every Chinese message uses for the things a newsroom lays out, reviewed in one
 * place. The names are those of the sample paper's own system, Founder FIT (方正飞腾), and of Chinese newsrooms'
 * daily talk; a unit test holds both catalogues to them (where an English message says the English term, the
 * Chinese one says the Chinese term).
 *
 * Choices worth a word:
 * - Text frame → 文字块, not 文字框/文本框: FIT, the system the paper's layout staff use, calls it 文字块
 *   (排入文字块, 文字块连接); a frame in general is 框 (图片框, 方框), which 文字块 is one kind of.
 * - Page → 版 (版面 as a noun alone; A01版, 第2版, 本版 in phrases), never 页: a newspaper page is a 版.
 * - Story → 稿件 (the editorial unit, from the reporter's 来稿 to the page); 稿件 names what the Stories list holds.
 * - Jump → 转版; its lines are 下转第N版 / 上接第N版, set by the composer.
 * - Print (the output) → 出版, as in 出版 PDF (the plate-ready file), set apart from 校样 (proof).
 */

/** One trade term: its English and Chinese names, and what it means here. */
export interface GlossaryTerm {
  /** The English term as the English catalogue writes it (lower case; a match is case-insensitive, whole words, plurals too). */
  readonly en: string;
  /** The Chinese term the Chinese catalogue must use where the English one does. */
  readonly zh: string;
  /** Other Chinese forms that are the same term (版 for 版面 in `A01版`). */
  readonly zhVariants?: readonly string[];
  /** What it means in Folio, in a few words. */
  readonly note: string;
  /** English phrases that contain the term but mean something else (`page up` is a key). */
  readonly notThis?: readonly string[];
}

/** The glossary, core nouns first. */
export const GLOSSARY: readonly GlossaryTerm[] = [
  { en: 'text frame', zh: '文字块', note: 'a frame that holds (part of) a story; FIT\'s name' },
  { en: 'frame', zh: '框', note: 'any frame on the page (text frame, image frame, box, rule)', notThis: ['text frame'] },
  { en: 'image frame', zh: '图片框', note: 'a frame that holds a photo or a PDF advert' },
  { en: 'picture frame', zh: '图片框', note: 'the same as image frame' },
  { en: 'page', zh: '版面', zhVariants: ['版'], note: 'a newspaper page (A01版, 第2版)', notThis: ['page up', 'page down', 'type area', '#-page'] },
  { en: 'story', zh: '稿件', note: 'an article, one ProseMirror document flowing through threaded frames' },
  { en: 'manuscript', zh: '来稿', note: 'a reporter\'s Word or text file, placed as a story\'s text' },
  { en: 'jump', zh: '转版', zhVariants: ['转', '跳排'], note: 'a story continued on another page; 下转/上接 lines. (Text wrap\'s "jumps it" is 跳排.)' },
  { en: 'jump line', zh: '转版行', note: 'the 下转第N版 / 上接第N版 line the composer sets' },
  { en: 'preflight', zh: '预检', note: 'the checks before output' },
  { en: 'proof', zh: '校样', note: 'the proofreaders\' PDF (watermark, comments)' },
  { en: 'print', zh: '出版', zhVariants: ['印刷'], note: 'the plate-ready PDF/X output', notThis: ['pixelates in print'] },
  { en: 'overset', zh: '溢出', note: 'text that does not fit its frames' },
  { en: 'copyfit', zh: '余缺', note: 'lines over (+) or short (−) for a story' },
  { en: 'template', zh: '模板', note: 'a page template: grid, styles, frames' },
  { en: 'workspace', zh: '工作区', note: 'the folder Folio reads and writes in' },
  { en: 'style', zh: '样式', note: 'a paragraph or character style (a line style of a rule is 线型)', notThis: ['line style', 'rule style'] },
  { en: 'headline', zh: '主题', note: 'the main headline (主题), between 引题 and 副题' },
  { en: 'kicker', zh: '引题', note: 'the line above the headline' },
  { en: 'subtitle', zh: '副题', note: 'the line below the headline' },
  { en: 'byline', zh: '署名', note: 'the 记者/通讯员 line' },
  { en: 'caption', zh: '图片说明', note: 'the text under a picture' },
  { en: 'column rule', zh: '栏线', note: 'a line between columns' },
  { en: 'gutter', zh: '栏间距', note: 'the space between columns, in characters' },
  { en: 'leading', zh: '行距', note: 'baseline to baseline' },
  { en: 'tracking', zh: '字距', note: 'extra space between characters' },
  { en: 'text wrap', zh: '绕排', note: 'text keeping out of a frame (跳排 or 绕排)' },
  { en: 'output profile', zh: '输出配置文件', note: 'the plant\'s CMYK ICC profile' },
  { en: 'comment', zh: '批注', note: 'a proofreader\'s note anchored to text (校对意见)' },
  { en: 'track changes', zh: '修改留痕', note: 'edits kept as insertions and deletions' },
];
