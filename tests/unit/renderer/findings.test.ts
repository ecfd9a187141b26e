import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { PageLayout } from '../../../src-core/layout/page-layout.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { collectFindings } from '../../../src-renderer/state/findings.js';

const doc = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio'))).document;

function layout(overrides: Partial<PageLayout>): PageLayout {
  return {
    pageId: doc.pages[0].id,
    pageName: doc.pages[0].name,
    trimWidthPt: 1105,
    trimHeightPt: 1545,
    bleedPt: 0,
    typeArea: { xPt: 53, yPt: 79, widthPt: 999, heightPt: 1386 },
    items: [],
    lines: [],
    overset: [],
    copyfit: [],
    warnings: [],
    ...overrides,
  };
}

describe('preflight findings for the panel', () => {
  it('reports overset as an error that reveals the page and the first unset character', () => {
    const findings = collectFindings(doc, [layout({ overset: [{ storyId: 'bikes', frameId: 'bikes', fromPos: 321, lines: 4, chars: 52 }] })], new Map(), undefined, 'print');
    const overset = findings.find((f) => f.code === 'overset');
    expect(overset).toMatchObject({ severity: 'error', pageIndex: 0, frameId: 'bikes', storyId: 'bikes', pos: 321 });
    expect(overset!.message).toContain('52');
    expect(findings[0]).toBe(overset);
  });

  it('passes the composer’s warnings through with their page', () => {
    const findings = collectFindings(doc, [layout({ warnings: [{ code: 'missing-glyph', message: 'No glyph for 㐀', storyId: 'lead', pos: 7 }] })], new Map(), undefined, 'proof');
    expect(findings.find((f) => f.code === 'missing-glyph')).toMatchObject({ severity: 'error', pageIndex: 0, storyId: 'lead' });
  });
});

describe('preflight findings in the interface language', () => {
  it('are said in Chinese with the Chinese translator, in English without one; the key and values stay', async () => {
    const { createTranslator } = await import('../../../src-core/i18n/translator.js');
    const overset = [layout({ overset: [{ storyId: 'bikes', frameId: 'bikes', fromPos: 321, lines: 4, chars: 52 }] })];
    const english = collectFindings(doc, overset, new Map(), undefined, 'print').find((f) => f.code === 'overset')!;
    const chinese = collectFindings(doc, overset, new Map(), undefined, 'print', createTranslator('zh-CN')).find((f) => f.code === 'overset')!;
    expect(english.message).toBe('Overset text: 52 characters (4 lines) do not fit');
    expect(chinese.message).toBe('文字溢出：52 字（4 行）排不下');
    expect(chinese).toMatchObject({ key: 'preflight.finding.overset', values: { chars: '52', lines: '4' } });
    // The placeholder photo's finding names its frame in the trade's words: 图片框, 版.
    const placeholder = collectFindings(doc, overset, new Map([['photo-placeholder', { format: 'png', colour: 'rgb', widthPx: 1025, heightPx: 1188 }]]), undefined, 'print', createTranslator('zh-CN')).find((f) => f.code === 'placeholder-picture');
    expect(placeholder?.message).toBe('图片框“photo”中是占位图（“photo-placeholder.png”）：本版付印前请换上正式照片');
  });
});
