/**
 * The Styles panel's display-effect edits (勾边/空心/阴影, 底纹): style patches that set, change and remove the
 * effect objects through the template schema, composed again by the composer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { GlyphRunItem } from '../../../src-core/layout/page-layout.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { DEFAULT_SHADOW_COLOUR, effectColourId, shadingPresetId, shadingWith, shadowWith } from '../../../src-renderer/state/display-effect-edits.js';
import { setCharacterStyle, setParagraphStyle } from '../../../src-renderer/state/style-edits.js';
import { testFonts } from '../layout/fixtures.js';

const doc = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio'))).document;
const BLACK = { c: 0, m: 0, y: 0, k: 1 };
const K15 = { c: 0, m: 0, y: 0, k: 0.15 };

describe('display effects in style edits', () => {
  it('sets an outline on the kicker, composes it onto the kicker’s runs, and removes it with null', () => {
    const next = setParagraphStyle(doc, 'kicker', { outline: { widthPt: 1, colour: BLACK } });
    expect(next.template.paragraphStyles.kicker!.outline).toEqual({ widthPt: 1, colour: BLACK });
    expect(next.template.paragraphStyles.headline).toBe(doc.template.paragraphStyles.headline);
    const layout = createComposer(testFonts()).compose(next);
    const outlined = layout.pages.flatMap((p) => p.items).filter((i): i is GlyphRunItem => i.kind === 'glyphs' && i.effects?.outline !== undefined);
    expect(outlined.length).toBeGreaterThan(0);
    const cleared = setParagraphStyle(next, 'kicker', { outline: null });
    expect('outline' in cleared.template.paragraphStyles.kicker!).toBe(false);
  });

  it('refuses an outline too wide and a shadow without offset, naming the effect', () => {
    expect(() => setParagraphStyle(doc, 'kicker', { outline: { widthPt: 40, colour: BLACK } })).toThrow(/the outline is not valid \(outline and hollow strokes up to 6 pt/);
    expect(() => setParagraphStyle(doc, 'kicker', { shadow: { dxPt: 0, dyPt: 0, colour: BLACK } })).toThrow(/the shadow is not valid .*a shadow needs an offset/);
    expect(() => setParagraphStyle(doc, 'paragraph', { shading: { colour: K15, extent: 'column', insets: { topPt: -1, bottomPt: 0, leftPt: 0, rightPt: 0 } } })).toThrow(/the shading is not valid .*shading insets 0–72 pt/);
  });

  it('sets and clears a character style’s hollow stroke', () => {
    const key = Object.keys(doc.template.characterStyles)[0]!;
    const next = setCharacterStyle(doc, key, { hollow: { widthPt: 0.5, colour: BLACK } });
    expect(next.template.characterStyles[key]!.hollow).toEqual({ widthPt: 0.5, colour: BLACK });
    expect(() => setCharacterStyle(doc, key, { hollow: { widthPt: -1, colour: BLACK } })).toThrow(/Style .*: the hollow stroke is not valid/);
    expect('hollow' in setCharacterStyle(next, key, { hollow: null }).template.characterStyles[key]!).toBe(false);
  });
});

describe('display-effect field helpers', () => {
  it('makes a 45° shadow from the first offset typed, keeps the other axis after, and removes it at 0, 0', () => {
    const first = shadowWith(undefined, { dxPt: 2 });
    expect(first).toEqual({ dxPt: 2, dyPt: 2, colour: DEFAULT_SHADOW_COLOUR });
    expect(shadowWith(first!, { dyPt: 3 })).toEqual({ dxPt: 2, dyPt: 3, colour: DEFAULT_SHADOW_COLOUR });
    expect(shadowWith({ dxPt: 2, dyPt: 0, colour: BLACK }, { dxPt: null })).toBeNull();
  });

  it('names colours and shading presets, custom for anything else', () => {
    expect(effectColourId(BLACK)).toBe('k100');
    expect(effectColourId({ c: 0, m: 0, y: 0, k: 0 })).toBe('paper');
    expect(effectColourId({ c: 0.3, m: 0, y: 0, k: 0 })).toBe('custom');
    expect(shadingPresetId(undefined)).toBe('none');
    expect(shadingPresetId(shadingWith(undefined, {}))).toBe('k15');
    expect(shadingWith(undefined, { extent: 'text' })).toEqual({ colour: K15, extent: 'text', insets: { topPt: 0, bottomPt: 0, leftPt: 0, rightPt: 0 } });
  });
});
