/**
 * The composer's warnings (loose and overfull lines, relaxed kinsoku, squeezed mid-line stops, missing glyphs)
 * carry a catalogue message: the English catalogue says exactly what the warning's own `message` says, and
 * preflight shows them in the reader's language (the Preflight panel, `folio preflight` under LANG=zh_CN).
 */
import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../../src-core/i18n/messages/en.js';
import { createTranslator } from '../../../src-core/i18n/translator.js';
import { composeParagraph } from '../../../src-core/layout/paragraph.js';
import { layoutImageFrame } from '../../../src-core/layout/frames.js';
import type { LayoutWarning, PageLayout } from '../../../src-core/layout/page-layout.js';
import { DOCUMENT_SCHEMA_VERSION, FolioDocumentSchema } from '../../../src-core/model/document.js';
import { formatFinding, preflight } from '../../../src-core/preflight/preflight.js';
import { corpusParagraphs } from '../paragraph/corpus.js';
import { para } from '../paragraph/helpers.js';
import { readFileSync } from 'node:fs';

const EN = createTranslator('en');
const ZH = createTranslator('zh-CN');

/** Narrow and wide settings of 9 pt Noto Serif SC: narrow columns force every kind of line warning. */
const SETTINGS = [6, 9, 13].map((chars) => ({ chars, sizePt: 9, fontId: 'noto-serif-sc-400', indentEm: 2 }));

/** Every warning the composer gives on the corpus, and the corpus with a character no font has. */
function corpusWarnings(): LayoutWarning[] {
  const texts = [...corpusParagraphs().map((p) => p.text), '德清县\u{20BB7}家村今年新建文化礼堂。'];
  // Two lines the composer's own tests set apart: ？ at a line start as a last resort, a squeezed mid-line 。.
  const lastResorts = [para('文？', { chars: 1, sizePt: 10 }), para('甲。乙。丙。丁。戊。', { chars: 3, sizePt: 10 })];
  return [...SETTINGS.flatMap((spec) => texts.map((text) => para(text, spec))), ...lastResorts].flatMap((input) => composeParagraph(input).warnings);
}

describe('composer warnings', () => {
  const warnings = corpusWarnings();

  it('come in every kind on the corpus at narrow columns', () => {
    const keys = new Set(warnings.map((w) => w.key));
    for (const key of ['composer.looseLine', 'composer.kinsokuRelaxed', 'composer.stopSqueezed', 'composer.forcedSplit', 'composer.missingGlyph'] as MessageKey[]) {
      expect(keys.has(key), key).toBe(true);
    }
  });

  it('each carry a message key whose English is their own message, and read as Chinese in zh-CN', () => {
    for (const w of warnings) {
      expect(w.key, w.message).toBeDefined();
      expect(EN.t(w.key!, w.values)).toBe(w.message);
      const zh = ZH.t(w.key!, w.values);
      // Only the font's name, a code point or the text itself may be Latin.
      expect(zh.replace(/Noto Serif SC|U\+[0-9A-F]+/g, ''), zh).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('reach preflight as findings that format in the reader\'s language', () => {
    const template = JSON.parse(readFileSync('templates/tabloid.json', 'utf8'));
    const doc = FolioDocumentSchema.parse({
      schemaVersion: DOCUMENT_SCHEMA_VERSION, id: 'd1', title: 'Test', issue: { paper: '德清新闻', date: '2026-11-25' }, template,
      stories: { s1: { id: 's1', name: '头条', doc: { type: 'doc', content: [{ type: 'paragraph' }] } } },
      pages: [{ id: 'p1', name: 'A01', frames: [] }],
      assets: {},
    });
    const squeezed = warnings.find((w) => w.key === 'composer.stopSqueezed')!;
    const layout: PageLayout = {
      pageId: 'p1', pageName: 'A01', trimWidthPt: 600, trimHeightPt: 800, bleedPt: 0, typeArea: { xPt: 0, yPt: 0, widthPt: 600, heightPt: 800 },
      items: [], lines: [], overset: [], copyfit: [], warnings: [{ ...squeezed, storyId: 's1' }, { code: 'loose-line', message: 'A warning without a key', storyId: 's1' }],
    };
    const findings = preflight(doc, [layout], { preset: 'proof', assetInfo: new Map() });
    const keyed = findings.find((f) => f.code === 'punctuation-squeezed')!;
    expect(keyed.key).toBe('composer.stopSqueezed');
    expect(formatFinding(keyed, ZH)).toMatch(/^第 \d+ 行：行中的。？！只得排成半角$/);
    expect(keyed.message).toBe(squeezed.message);
    // A warning given no key yet still shows, in its own words.
    expect(findings.map((f) => formatFinding(f, ZH))).toContain('A warning without a key');
  });
});

describe('picture frame warnings', () => {
  it('say in either language that a frame has no picture, or a picture the document lacks', () => {
    const warnings: LayoutWarning[] = [];
    const frame = { kind: 'image', id: 'photo', xPt: 0, yPt: 0, widthPt: 100, heightPt: 80, locked: false, fit: 'fill', offsetXPt: 0, offsetYPt: 0, scale: 1 } as const;
    const doc = { assets: {} } as unknown as Parameters<typeof layoutImageFrame>[1];
    layoutImageFrame(frame, doc, 'p1', warnings);
    layoutImageFrame({ ...frame, id: 'ad', assetId: 'gone' }, doc, 'p1', warnings);
    expect(warnings.map((w) => w.key)).toEqual(['composer.emptyImage', 'composer.missingAsset']);
    for (const w of warnings) expect(EN.t(w.key!, w.values)).toBe(w.message);
    expect(warnings.map((w) => ZH.t(w.key!, w.values))).toEqual(['p1 版的图片框“photo”没有图片', 'p1 版的图片框“ad”所用图片“gone”不在文档中']);
  });
});
