/**
 * Shared fixtures for the layout tests: the real fonts (loaded once per test file), the broadsheet template
 * and tiny builders for stories, frames and documents.
 */
import { readFileSync } from 'node:fs';
import { createFontProvider, DEFAULT_FONTS, loadFont, type FontProvider } from '../../../src-core/text/font.js';
import { TemplateSchema, type Template } from '../../../src-core/model/template.js';
import { DOCUMENT_SCHEMA_VERSION, type FolioDocument, type Frame, type Page, type PmNodeJson, type Story, type TextFrame } from '../../../src-core/model/document.js';
import { mmToPt } from '../../../src-core/model/units.js';

let provider: FontProvider | undefined;

/** The fonts the broadsheet template uses (serif 400/700/900, sans 400/700/900), parsed once per file. */
export function testFonts(): FontProvider {
  if (!provider) {
    provider = createFontProvider(DEFAULT_FONTS.map((d) => loadFont(d, new Uint8Array(readFileSync(`node_modules/${d.file}`)))));
  }
  return provider;
}

/** The broadsheet front-page template (8 × 13 characters at 小五, pitch 11.55 pt). */
export function broadsheet(): Template {
  return TemplateSchema.parse(JSON.parse(readFileSync('templates/broadsheet-front.json', 'utf8')));
}

/** Body size and pitch of the broadsheet grid. */
export const BODY_PT = 9;
export const PITCH_PT = 11.55;

/** Grid rectangle helper: `span` grid columns from column `col`, `lines` body lines from line `line`. */
export function gridRect(template: Template, col: number, span: number, line: number, lines: number) {
  const left = mmToPt(template.page.typeAreaLeftMm);
  const top = mmToPt(template.page.typeAreaTopMm);
  const step = (template.grid.charsPerColumn + template.grid.gutterChars) * BODY_PT;
  return {
    xPt: left + col * step,
    yPt: top + line * PITCH_PT,
    widthPt: (span * template.grid.charsPerColumn + (span - 1) * template.grid.gutterChars) * BODY_PT,
    heightPt: lines * PITCH_PT,
  };
}

export const t = (text: string, marks?: PmNodeJson['marks']): PmNodeJson => (marks ? { type: 'text', text, marks } : { type: 'text', text });
export const blk = (type: string, ...content: (PmNodeJson | string)[]): PmNodeJson => ({
  type, content: content.map((c) => (typeof c === 'string' ? t(c) : c)).filter((c) => c.type !== 'text' || c.text !== ''),
});
export const p = (...content: (PmNodeJson | string)[]) => blk('paragraph', ...content);
export const cols = (...content: PmNodeJson[]): PmNodeJson => ({ type: 'columns', attrs: { count: null, gutterChars: null, rule: false }, content });
export const story = (id: string, ...content: PmNodeJson[]): Story => ({ id, name: id, doc: { type: 'doc', content } });

/** A text frame on grid cells. */
export function textFrame(template: Template, id: string, storyId: string, cell: [number, number, number, number], extra: Partial<TextFrame> = {}): TextFrame {
  return { id, kind: 'text', storyId, ...gridRect(template, ...cell), locked: false, columns: cell[1], gutterChars: 1, columnRule: false, ...extra };
}

/** A document on the broadsheet template. */
export function documentOf(stories: Story[], pages: { id: string; name?: string; section?: string; frames: Frame[] }[], template = broadsheet()): FolioDocument {
  return {
    schemaVersion: DOCUMENT_SCHEMA_VERSION, id: 'test', title: 'test',
    issue: { paper: '德清新闻', date: '2023-07-20', edition: '头版', number: '5678', sampleData: true },
    template,
    stories: Object.fromEntries(stories.map((s) => [s.id, s])),
    pages: pages.map((pg): Page => ({ id: pg.id, name: pg.name ?? pg.id, section: pg.section ?? '', frames: pg.frames })),
    assets: {},
  };
}

/** Body text of `n` characters built from the seed's phrasing (CJK with punctuation). */
export function bodyText(n: number, seed = 0): string {
  const src = '改革，一直以来都是德清的一张“金名片”。在“八八战略”指引下，德清坚定不移用改革撬动发展，用创新驱动发展，一座“改革创新高地 品质生活新城”正拔节生长。';
  let out = '';
  let i = seed % src.length;
  while (out.length < n) { out += src[i]; i = (i + 1) % src.length; }
  return out;
}
