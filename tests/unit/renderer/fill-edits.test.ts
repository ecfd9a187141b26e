import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { setFramesLocked } from '../../../src-renderer/state/arrange.js';
import { findFrame } from '../../../src-renderer/state/document-edits.js';
import { setFramesFill } from '../../../src-renderer/state/fill-edits.js';

const doc = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio'))).document;
const k15 = { c: 0, m: 0, y: 0, k: 0.15 };

describe('frame tints (底纹)', () => {
  it('tints text frames and boxes in one step, leaves pictures and rules, and clears again', () => {
    const tinted = setFramesFill(doc, ['lead-1', 'ad-box', 'photo', 'rule-1'], k15);
    expect(findFrame(tinted, 'lead-1')?.frame).toMatchObject({ fill: k15 });
    expect(findFrame(tinted, 'ad-box')?.frame).toMatchObject({ fill: k15 });
    expect('fill' in findFrame(tinted, 'photo')!.frame).toBe(false);
    expect('fill' in findFrame(tinted, 'rule-1')!.frame).toBe(false);
    const cleared = setFramesFill(tinted, ['lead-1'], null);
    expect('fill' in findFrame(cleared, 'lead-1')!.frame).toBe(false);
    expect(setFramesFill(cleared, ['lead-1'], null)).toBe(cleared);
  });

  it('leaves locked frames alone and refuses components outside 0–100 %', () => {
    const locked = setFramesLocked(doc, ['lead-1'], true);
    expect(setFramesFill(locked, ['lead-1'], k15)).toBe(locked);
    expect(() => setFramesFill(doc, ['lead-1'], { c: 0, m: 0, y: 0, k: 1.5 })).toThrow(/between 0 and 100/);
    expect(() => setFramesFill(doc, ['lead-1'], { c: Number.NaN, m: 0, y: 0, k: 0 })).toThrow(RangeError);
  });
});
