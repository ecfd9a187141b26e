import { describe, expect, it } from 'vitest';
import type { FontInfo, Host } from '../../../src-core/api/host-api.js';
import { TemplateSchema, type Template } from '../../../src-core/model/template.js';
import { chooseFonts, collectFontRefs, loadTemplateFonts } from '../../../src-renderer/state/font-loading.js';
import { createTranslator } from '../../../src-core/i18n/translator.js';
import { formatServiceMessage } from '../../../src-core/i18n/service-message.js';

const AVAILABLE: FontInfo[] = [
  { id: 'serif-400', family: 'Noto Serif SC', weight: 400 },
  { id: 'serif-900', family: 'Noto Serif SC', weight: 900 },
  { id: 'sans-700', family: 'Noto Sans SC', weight: 700 },
];

function template(): Template {
  return TemplateSchema.parse({
    schemaVersion: 1,
    id: 't',
    name: 't',
    page: { trimWidthMm: 100, trimHeightMm: 100, typeAreaTopMm: 10, typeAreaLeftMm: 10 },
    grid: { columns: 2, charsPerColumn: 10, bodySize: 9, linePitchPt: 11, linesPerColumn: 10 },
    paragraphStyles: {
      paragraph: { label: 'p', font: { family: 'Noto Serif SC', weight: 400 }, size: 9 },
      headline: { label: 'h', font: { family: 'Noto Serif SC', weight: 800 }, size: 30 },
      caption: { label: 'c', font: { family: 'Noto Serif SC', weight: 400 }, size: 9 },
      kai: { label: 'k', font: { family: 'KaiTi', weight: 400 }, size: 9 },
    },
    characterStyles: { bold: { label: 'b', font: { family: 'Noto Sans SC', weight: 700 } }, red: { label: 'r' } },
  });
}

describe('font loading', () => {
  it('collects each family/weight the styles name once', () => {
    expect(collectFontRefs(template())).toEqual([
      { family: 'Noto Serif SC', weight: 400 },
      { family: 'Noto Serif SC', weight: 800 },
      { family: 'KaiTi', weight: 400 },
      { family: 'Noto Sans SC', weight: 700 },
    ]);
  });

  it('chooses the nearest weight of the family and reports unknown families', () => {
    const choice = chooseFonts(collectFontRefs(template()), AVAILABLE);
    expect(choice.fonts.map((f) => f.id)).toEqual(['serif-400', 'serif-900', 'sans-700']);
    expect(choice.missing).toEqual([{ family: 'KaiTi', weight: 400 }]);
  });

  it('asks the host only for the chosen fonts, once per id, and lists problems instead of throwing', async () => {
    const asked: string[] = [];
    const host = {
      listFonts: async () => ({ ok: true, value: AVAILABLE }),
      loadFont: async ({ fontId }: { fontId: string }) => {
        asked.push(fontId);
        return { ok: false, error: { code: 'not-found', message: `no file for ${fontId}` } };
      },
    } as unknown as Host;
    const cache = new Map();
    const result = await loadTemplateFonts(host, template(), cache);
    expect(asked.sort()).toEqual(['sans-700', 'serif-400', 'serif-900']);
    expect(result.fonts).toEqual([]);
    const texts = result.problems.map((p) => formatServiceMessage(p, createTranslator('en')));
    expect(texts.some((p) => p.includes('KaiTi'))).toBe(true);
    expect(texts.some((p) => p.includes('no file for serif-900'))).toBe(true);
    // The same problems speak Chinese in a Chinese interface.
    expect(result.problems.map((p) => formatServiceMessage(p, createTranslator('zh-CN'))).some((p) => p.includes('未安装'))).toBe(true);
    // Failed loads are not cached: the next document tries again.
    expect(cache.size).toBe(0);
  });
});
