import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutImageFrame } from '../../../src-core/layout/frames.js';
import type { ImageFrame } from '../../../src-core/model/document.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { findFrame } from '../../../src-renderer/state/document-edits.js';
import { setPageMono, setPicturesMono } from '../../../src-renderer/state/mono-edits.js';

const doc = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio'))).document;
const photo = () => findFrame(doc, 'photo')!.frame as ImageFrame;

describe('black-and-white pages and pictures (黑白版)', () => {
  it('marks a page black-and-white and back, as plain data', () => {
    const mono = setPageMono(doc, 0, true);
    expect(mono.pages[0]!.mono).toBe(true);
    expect(setPageMono(mono, 0, true)).toBe(mono);
    expect('mono' in setPageMono(mono, 0, false).pages[0]!).toBe(false);
    expect(() => setPageMono(doc, 9, true)).toThrow(RangeError);
  });

  it('sets single pictures grey, never other frames', () => {
    const next = setPicturesMono(doc, ['photo', 'lead-1'], true);
    expect((findFrame(next, 'photo')!.frame as ImageFrame).mono).toBe(true);
    expect('mono' in findFrame(next, 'lead-1')!.frame).toBe(false);
    expect(setPicturesMono(doc, ['lead-1'], true)).toBe(doc);
  });

  it('lays the picture out grey on a black-and-white page or when set itself, in colour otherwise', () => {
    const item = (frame: ImageFrame, pageMono: boolean) => layoutImageFrame(frame, doc, 'A01', [], pageMono).find((i) => i.kind === 'image');
    expect(item(photo(), false)).not.toHaveProperty('mono');
    expect(item(photo(), true)).toMatchObject({ mono: true });
    expect(item({ ...photo(), mono: true }, false)).toMatchObject({ mono: true });
  });
});
