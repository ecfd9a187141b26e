import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { TemplateSchema } from '../../../src-core/model/template.js';
import { parseSizePt } from '../../../src-core/model/units.js';

describe('templates', () => {
  const files = readdirSync('templates').filter((f) => f.endsWith('.json'));

  it('ships the broadsheet front, inner and tabloid templates', () => {
    expect(files.sort()).toEqual(['broadsheet-front.json', 'broadsheet-inner.json', 'tabloid.json']);
  });

  for (const file of files) {
    it(`${file} validates and its type area fits the trim`, () => {
      const t = TemplateSchema.parse(JSON.parse(readFileSync(`templates/${file}`, 'utf8')));
      const em = parseSizePt(t.grid.bodySize);
      const chars = t.grid.columns * t.grid.charsPerColumn + (t.grid.columns - 1) * t.grid.gutterChars;
      const widthMm = (chars * em * 25.4) / 72;
      const heightMm = (t.grid.linesPerColumn * t.grid.linePitchPt * 25.4) / 72;
      expect(t.page.typeAreaLeftMm + widthMm).toBeLessThanOrEqual(t.page.trimWidthMm);
      expect(t.page.typeAreaTopMm + heightMm).toBeLessThanOrEqual(t.page.trimHeightMm);
      for (const style of Object.values(t.paragraphStyles)) expect(parseSizePt(style.size)).toBeGreaterThan(0);
    });
  }

  it('typography defaults to the house style: ¼-em Han–Latin gap, 全角式; a template saved before them keeps its own gap', () => {
    const t = JSON.parse(readFileSync('templates/broadsheet-front.json', 'utf8'));
    expect(TemplateSchema.parse(t).typography).toMatchObject({ hanLatinGapEm: 0.25, punctuationStyle: 'quanjiao' });
    const { punctuationStyle: _, ...before } = { ...t.typography, hanLatinGapEm: 0.125 };
    expect(TemplateSchema.parse({ ...t, typography: before }).typography).toMatchObject({ hanLatinGapEm: 0.125, punctuationStyle: 'quanjiao' });
    expect(TemplateSchema.parse({ ...t, typography: {} }).typography).toMatchObject({ hanLatinGapEm: 0.25, punctuationStyle: 'quanjiao' });
    expect(() => TemplateSchema.parse({ ...t, typography: { punctuationStyle: 'taiwan' } })).toThrow();
  });

  it('reads sizes in pt and in 号', () => {
    expect(parseSizePt('小五')).toBe(9);
    expect(parseSizePt('五号')).toBe(10.5);
    expect(parseSizePt('初号')).toBe(42);
    expect(parseSizePt('9pt')).toBe(9);
    expect(parseSizePt(12)).toBe(12);
    expect(() => parseSizePt('huge')).toThrow(RangeError);
  });
});
