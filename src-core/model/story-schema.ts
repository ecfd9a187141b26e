/**
 * The story schema: the newsroom block types every story is written in (ARCHITECTURE.md, "A story is one
 * ProseMirror document"). Shared by the editor (src-renderer/editor) and the composer (src-core/layout);
 * prosemirror-model is pure, so it may live in the core. Each textblock type is also the key of its
 * paragraph style in the template (`Template.paragraphStyles[nodeName]`); any textblock may name another
 * template style through its `style` attr (a smaller headline, masthead text, jump lines, …).
 *
 * doc      := (kicker | headline | subtitle | byline | columnTag | caption | captionTitle | credit
 *              | adTitle | adText | paragraph | subhead | columns)+
 * columns  := (paragraph | subhead | pullQuote | table)+   — the body, flowed column to column and frame to frame
 * table    := table_row+;  table_row := (table_cell | table_header)*;  cell := paragraph+   (table.ts: attrs)
 * inline   := text (marks: bold, emphasis, charStyle, local, comment, insertion, deletion) | hard_break | field
 *
 * A `comment` mark anchors a proofreader's comment (校对意见) to the text it is about: the comment travels with
 * its text through every edit, and the composer ignores it (comments never change how a page is set).
 * `insertion` and `deletion` marks are tracked changes (tracked-change.ts): inserted text is set, deleted text
 * stays in the story but is left off the page until the change is accepted (removed) or rejected (kept). A
 * textblock's `change` attribute tracks the paragraph break that ends it the same way.
 */
import { Schema, type MarkSpec, type Node as PmNode, type NodeSpec } from 'prosemirror-model';
import { COMMENT_MARK } from './comment-mark.js';
import { DELETION_MARK, INSERTION_MARK } from './change-mark.js';
import { LOCAL_MARK, localMarkSpec } from './local-format-mark.js';
import { tableNodes } from 'prosemirror-tables';
import { tintCss } from './table.js';
import { readColumnVariation } from './column-variation.js';

/** Names of the headline-group and other full-width textblocks, in the order a story usually has them. */
export const DISPLAY_BLOCKS = ['kicker', 'headline', 'subtitle', 'byline', 'columnTag', 'captionTitle', 'caption', 'credit', 'adTitle', 'adText'] as const;
/** Names of the textblocks allowed in the flowed body (`columns`). */
export const BODY_BLOCKS = ['paragraph', 'subhead', 'pullQuote'] as const;
/** Every textblock type name (each is a paragraph style key). */
export const TEXT_BLOCKS = [...DISPLAY_BLOCKS, ...BODY_BLOCKS] as const;
/** A textblock type name. */
export type TextBlockName = (typeof TEXT_BLOCKS)[number];

/** Field names an inline `field` node may show; the composer substitutes the value. */
export const FIELD_NAMES = ['paper', 'date', 'dateLong', 'weekday', 'lunarDate', 'issueNumber', 'page', 'section', 'edition'] as const;

/**
 * 变栏 (issue 16): a body textblock may be set across `spanColumns` of its frame's columns (`'all'`, or a whole
 * count of 2 or more; null: one column) from column `spanFromColumn` (null: the first), e.g. an intro across
 * the frame or a straddle head over some columns, and consecutive ones with the same `sectionColumns` are one
 * 变栏 section in that many columns (column-variation.ts validates all three).
 */
function columnSpanAttr(): { spanColumns: { default: null }; spanFromColumn: { default: null }; sectionColumns: { default: null } } {
  return { spanColumns: { default: null }, spanFromColumn: { default: null }, sectionColumns: { default: null } };
}

/** The DOM data attributes carrying a textblock's column variation through the clipboard. */
const COLUMN_DATA = { spanColumns: 'data-span-columns', spanFromColumn: 'data-span-from', sectionColumns: 'data-section-columns' } as const;

/** A textblock's column variation as DOM data attributes (only those set). */
function columnDomAttrs(node: PmNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, name] of Object.entries(COLUMN_DATA)) {
    const value: unknown = node.attrs[key];
    if (value !== null && value !== undefined) out[name] = String(value);
  }
  return out;
}

/**
 * The attrs a pasted textblock's DOM gives back: its style and column variation (values the layout would
 * refuse are dropped here: column-variation.ts).
 */
function parseBlockAttrs(dom: unknown): Record<string, unknown> {
  const el = dom as { getAttribute(n: string): string | null };
  const number = (name: string) => {
    const text = el.getAttribute(name);
    return text !== null && /^\d+$/.test(text) ? Number(text) : null;
  };
  const span = el.getAttribute(COLUMN_DATA.spanColumns);
  const attrs: Record<string, unknown> = { style: el.getAttribute('data-style') };
  attrs.spanColumns = span === 'all' ? 'all' : number(COLUMN_DATA.spanColumns);
  attrs.spanFromColumn = number(COLUMN_DATA.spanFromColumn);
  attrs.sectionColumns = number(COLUMN_DATA.sectionColumns);
  const { variation } = readColumnVariation(attrs);
  return { style: attrs.style, spanColumns: variation.spanColumns ?? null, spanFromColumn: variation.spanFromColumn ?? null, sectionColumns: variation.sectionColumns ?? null };
}

/**
 * Every textblock may name a template paragraph style other than its type's own (e.g. a smaller `headline2`),
 * and may carry a tracked change of the paragraph break that ends it (`BreakChange`, tracked-change.ts):
 * a break someone inserted (Enter) or deleted (joining it with the next block).
 */
const styleAttr = { style: { default: null }, change: { default: null }, ...columnSpanAttr() };

/** The DOM attributes of a textblock: its style and, for the galley's ¶ marker, a tracked change of its break. */
function blockDomAttrs(node: PmNode, className: string): Record<string, string> {
  const change = node.attrs.change as { kind?: unknown } | null;
  return {
    class: className,
    ...(node.attrs.style ? { 'data-style': node.attrs.style as string } : {}),
    ...(change && (change.kind === 'insertion' || change.kind === 'deletion') ? { 'data-break-change': change.kind } : {}),
    ...columnDomAttrs(node),
  };
}

const textblock = (tag: string, group: string): NodeSpec => ({
  content: 'inline*',
  group,
  defining: true,
  attrs: styleAttr,
  // Its own rendering (`pm-` class) comes back from the clipboard as the same block, style and columns kept.
  parseDOM: [{ tag: `${tag.split('.')[0]}.pm-${tag.split('.')[1] ?? tag}`, getAttrs: parseBlockAttrs }, { tag, getAttrs: parseBlockAttrs }],
  toDOM: (node) => [tag.split('.')[0], blockDomAttrs(node, `pm-${tag.split('.')[1] ?? tag}`), 0],
});

/**
 * The table nodes (prosemirror-tables' `tableNodes`, so its editing commands work on them): a table in the body,
 * cells of paragraphs. Every table attribute is optional plain data validated by table.ts (absent = default);
 * a row and a cell may carry a CMYK `tint`.
 */
function storyTableNodes(): Record<string, NodeSpec> {
  const specs = tableNodes({
    tableGroup: 'body',
    cellContent: 'paragraph+',
    cellAttributes: {
      tint: {
        default: null,
        // The galley shows a cell's tint (the page draws it from the layout).
        setDOMAttr: (value, attrs) => {
          const css = tintCss(value);
          if (css) attrs.style = `${typeof attrs.style === 'string' ? attrs.style : ''}background-color: ${css};`;
        },
      },
    },
  });
  const tableAttrs = { headerRows: { default: null }, columnWidths: { default: null }, cellPaddingPt: { default: null }, rule: { default: null }, columnAligns: { default: null } };
  return {
    table: { ...specs.table, attrs: tableAttrs },
    table_row: {
      ...specs.table_row,
      attrs: { tint: { default: null } },
      toDOM: (node) => {
        const css = tintCss(node.attrs.tint);
        return ['tr', css ? { style: `background-color: ${css};` } : {}, 0];
      },
    },
    table_cell: specs.table_cell,
    table_header: specs.table_header,
  };
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: '(display | body | columns)+' },
  kicker: textblock('p.kicker', 'display'),
  headline: textblock('h1.headline', 'display'),
  subtitle: textblock('p.subtitle', 'display'),
  byline: textblock('p.byline', 'display'),
  columnTag: textblock('p.columnTag', 'display'),
  captionTitle: textblock('p.captionTitle', 'display'),
  caption: textblock('p.caption', 'display'),
  credit: textblock('p.credit', 'display'),
  adTitle: textblock('p.adTitle', 'display'),
  adText: textblock('p.adText', 'display'),
  paragraph: {
    content: 'inline*',
    group: 'body',
    attrs: styleAttr,
    parseDOM: [{ tag: 'p', getAttrs: parseBlockAttrs }],
    toDOM: (node) => ['p', blockDomAttrs(node, 'pm-paragraph'), 0],
  },
  subhead: textblock('h3.subhead', 'body'),
  pullQuote: textblock('blockquote.pullQuote', 'body'),
  columns: {
    content: 'body+',
    attrs: { count: { default: null }, gutterChars: { default: null }, rule: { default: false } },
    parseDOM: [{ tag: 'section.columns' }],
    toDOM: () => ['section', { class: 'pm-columns' }, 0],
  },
  ...storyTableNodes(),
  text: { group: 'inline' },
  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br'],
  },
  field: {
    inline: true,
    group: 'inline',
    atom: true,
    attrs: { name: { default: 'date' } },
    parseDOM: [{ tag: 'span.field', getAttrs: (dom) => ({ name: (dom as { getAttribute(n: string): string | null }).getAttribute('data-field') }) }],
    toDOM: (node) => ['span', { class: 'pm-field', 'data-field': node.attrs.name }, `{${node.attrs.name as string}}`],
  },
};

const marks: Record<string, MarkSpec> = {
  bold: { parseDOM: [{ tag: 'strong' }, { tag: 'b' }], toDOM: () => ['strong', 0] },
  emphasis: { parseDOM: [{ tag: 'em' }], toDOM: () => ['em', 0] },
  charStyle: {
    attrs: { name: { default: '' } },
    parseDOM: [{ tag: 'span.charstyle', getAttrs: (dom) => ({ name: (dom as { getAttribute(n: string): string | null }).getAttribute('data-name') }) }],
    toDOM: (mark) => ['span', { class: 'pm-charstyle', 'data-name': mark.attrs.name }, 0],
  },
  // Local formatting (local-format.ts): overrides on top of the character and paragraph styles.
  [LOCAL_MARK]: localMarkSpec,
  [COMMENT_MARK]: {
    attrs: { id: {}, author: { default: '' }, text: { default: '' }, createdAt: { default: '' }, resolved: { default: false } },
    // Typing at either end does not extend the comment; comments may overlap one another.
    inclusive: false,
    excludes: '',
    // No parseDOM: copied text never brings a comment along (a paste must not duplicate a proofreader's anchor).
    toDOM: (mark) => [
      'span',
      // i18n-exempt: class names, not words; the galley's tooltip is its mark view's (review-mark-views.ts)
      { class: mark.attrs.resolved ? 'pm-comment pm-comment-resolved' : 'pm-comment', 'data-comment': mark.attrs.id, title: `${mark.attrs.author}: ${mark.attrs.text}` },
      0,
    ],
  },
  // Tracked changes: typing next to one never extends it (the editor marks what it tracks itself), and no
  // parseDOM, so a paste never brings someone else's change along. The galley's tooltip (who, when) is put
  // into the interface language by its mark views (src-renderer/editor/review-mark-views.ts), not here.
  [INSERTION_MARK]: {
    attrs: { id: {}, author: { default: '' }, createdAt: { default: '' } },
    inclusive: false,
    toDOM: (mark) => ['ins', { class: 'pm-insertion', 'data-change': mark.attrs.id }, 0],
  },
  [DELETION_MARK]: {
    attrs: { id: {}, author: { default: '' }, createdAt: { default: '' } },
    inclusive: false,
    toDOM: (mark) => ['del', { class: 'pm-deletion', 'data-change': mark.attrs.id }, 0],
  },
};

/** The ProseMirror schema of every Folio story. */
export const storySchema = new Schema({ nodes, marks });
