import { describe, expect, it } from 'vitest';
import { font } from '../paragraph/helpers.js';
import { punctuationGeometry } from '../../../src-core/text/punctuation-geometry.js';
import { charMetrics } from '../../../src-core/text/char-metrics.js';
import { classOf } from '../../../src-core/text/char-class.js';
import type { LoadedFont } from '../../../src-core/text/font.js';

const geo = (f: LoadedFont, ch: string) => punctuationGeometry(f, ch.codePointAt(0)!, classOf(ch.codePointAt(0)!));

/** The same font as seen by a shaper that knows no `halt` (as after a subsetter stripped GPOS). */
/** The same font with its GPOS table hidden from the table directory (as in a font that has none). */
function withoutHalt(f: LoadedFont): LoadedFont {
  const source = f.fontkit as unknown as { directory: { tables: Record<string, unknown> } };
  const { GPOS: _gpos, ...tables } = source.directory.tables;
  const fontkit = Object.create(f.fontkit, {
    directory: { value: { ...source.directory, tables } },
  });
  return { ...f, fontkit, glyphFor: f.glyphFor, glyph: f.glyph };
}

describe('punctuationGeometry from the halt feature', () => {
  const serif = font('noto-serif-sc-400');
  it('opening marks: ink right, blank left (halt offset −500)', () => {
    for (const ch of '“‘（《〈【「『') {
      expect(geo(serif, ch), ch).toEqual({ inkWidthUnits: 500, blankLeftUnits: 500, blankRightUnits: 0, source: 'halt' });
    }
  });
  it('closing, pause and stop marks: ink left, blank right (halt offset 0)', () => {
    for (const ch of '”’）》〉】」』，。、；：？！') {
      expect(geo(serif, ch), ch).toEqual({ inkWidthUnits: 500, blankLeftUnits: 0, blankRightUnits: 500, source: 'halt' });
    }
  });
  it('katakana middle dot: centred (halt offset −250)', () => {
    expect(geo(serif, '・')).toEqual({ inkWidthUnits: 500, blankLeftUnits: 250, blankRightUnits: 250, source: 'halt' });
  });
  it('proportional marks have no adjustable blank', () => {
    expect(geo(serif, ',')).toBeNull();
    expect(geo(serif, '·')).toBeNull();
  });
  it('falls back to the GB table when the font has no halt', () => {
    const bare = withoutHalt(font('noto-sans-sc-400'));
    expect(geo(bare, '“')).toEqual({ inkWidthUnits: 500, blankLeftUnits: 500, blankRightUnits: 0, source: 'fallback' });
    expect(geo(bare, '。')).toEqual({ inkWidthUnits: 500, blankLeftUnits: 0, blankRightUnits: 500, source: 'fallback' });
    expect(geo(bare, '・')).toEqual({ inkWidthUnits: 500, blankLeftUnits: 250, blankRightUnits: 250, source: 'fallback' });
  });
});

describe('charMetrics: fixed GB widths', () => {
  const serif = font('noto-serif-sc-400');
  it('the dash is stretched so its ink fills one em (—— joins into two)', () => {
    const m = charMetrics(serif, 0x2014);
    expect(m.coreUnits).toBe(1000);
    const bbox = serif.glyph(m.glyphId).bbox;
    expect(m.originUnits + bbox.minX * m.scaleX).toBeCloseTo(0, 6);
    expect(m.originUnits + bbox.maxX * m.scaleX).toBeCloseTo(1000, 6);
  });
  it('… and ～ take one em, – and ／ half an em', () => {
    expect(charMetrics(serif, 0x2026).coreUnits).toBe(1000);
    expect(charMetrics(serif, 0xff5e).coreUnits).toBe(1000);
    expect(charMetrics(serif, 0x2013).coreUnits).toBe(500);
    expect(charMetrics(serif, 0xff0f).coreUnits).toBe(500);
    expect(charMetrics(serif, 0xff0f).scaleX).toBe(0.5);
  });
  it('the interpunct · is a fixed half em (mainland, issue 17), no blanks, ink centred', () => {
    const m = charMetrics(serif, 0xb7);
    expect([m.blankLeftUnits, m.coreUnits, m.blankRightUnits]).toEqual([0, 500, 0]);
    const bbox = serif.glyph(m.glyphId).bbox;
    expect(m.originUnits + (bbox.minX + bbox.maxX) / 2).toBeCloseTo(250, 6);
  });
  it('digits are half width from the font; a missing glyph keeps one em and draws nothing', () => {
    expect(charMetrics(serif, 0x32).coreUnits).toBe(serif.glyphFor(0x32)!.advanceUnits);
    const missing = charMetrics(serif, 0x10af6);
    expect(missing).toMatchObject({ missing: true, glyphId: 0, coreUnits: 1000 });
  });
});
