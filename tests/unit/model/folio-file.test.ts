import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { FolioFileError, packFolio, unpackFolio } from '../../../src-core/model/folio-file.js';
import { migrateDocument, SchemaVersionError } from '../../../src-core/model/migrations.js';
import { collectComments } from '../../../src-core/model/comments.js';
import { DOCUMENT_SCHEMA_VERSION } from '../../../src-core/model/document.js';

const SAMPLE = 'templates/samples/deqing-front-2023-07-20.folio';
const sampleBytes = readFileSync(SAMPLE);

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof FolioFileError) return err.code;
    throw err;
  }
  return 'no error';
}

describe('.folio files', () => {
  it('keep proofreaders’ comments through save and open', () => {
    const { document, assets } = unpackFolio(sampleBytes);
    const [storyId, story] = Object.entries(document.stories)[0]!;
    const comment = { type: 'comment', attrs: { id: 'c1', author: '王校对', text: '核实', createdAt: '2023-07-19T14:30:00.000Z', resolved: false } };
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '德清' }, { type: 'text', text: '新闻', marks: [comment] }] }] };
    const commented = { ...document, stories: { ...document.stories, [storyId]: { ...story, doc } } };
    const reopened = unpackFolio(packFolio(commented, assets)).document;
    expect(collectComments(reopened)).toMatchObject([{ id: 'c1', storyId, quote: '新闻', author: '王校对', text: '核实', resolved: false }]);
  });

  it('round-trips the sample byte for byte', () => {
    const { document, assets } = unpackFolio(sampleBytes);
    const again = packFolio(document, assets);
    expect(Buffer.from(again).equals(Buffer.from(packFolio(unpackFolio(again).document, assets)))).toBe(true);
    expect(unpackFolio(again).document).toEqual(document);
  });

  it('names what is wrong with a bad file', () => {
    expect(codeOf(() => unpackFolio(strToU8('just text')))).toBe('not-zip');
    expect(codeOf(() => unpackFolio(zipSync({ 'other.txt': strToU8('x') })))).toBe('no-document');
    expect(codeOf(() => unpackFolio(zipSync({ 'document.json': strToU8('{"schemaVersion":1,') })))).toBe('bad-json');
    expect(codeOf(() => unpackFolio(zipSync({ 'document.json': strToU8('{"schemaVersion":1}') })))).toBe('invalid');
    expect(codeOf(() => unpackFolio(zipSync({ 'document.json': strToU8('{"schemaVersion":99}') })))).toBe('version');
    const { document } = unpackFolio(sampleBytes);
    const noAsset = zipSync({ 'document.json': strToU8(JSON.stringify(document)) });
    expect(codeOf(() => unpackFolio(noAsset))).toBe('missing-asset');
  });

  it('never throws anything but FolioFileError on corrupted copies (fuzz)', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 150; i++) {
      const copy = new Uint8Array(sampleBytes);
      const damaged = i % 2 === 0 ? copy.subarray(0, Math.floor(rand() * copy.length)) : copy;
      if (i % 2 === 1) for (let k = 0; k < 1 + Math.floor(rand() * 8); k++) copy[Math.floor(rand() * copy.length)] ^= 1 << Math.floor(rand() * 8);
      try {
        unpackFolio(damaged);
      } catch (err) {
        expect(err).toBeInstanceOf(FolioFileError);
      }
    }
  });
});

describe('migrations', () => {
  it('migrates a version-0 document (geometry in mm) to points', () => {
    const out = migrateDocument({ pages: [{ id: 'p', frames: [{ id: 'f', xMm: 25.4, yMm: 0, widthMm: 10, heightMm: 10 }] }] });
    expect(out.schemaVersion).toBe(11);
    const frame = (out.pages as { frames: Record<string, number>[] }[])[0]!.frames[0]!;
    expect(frame.xPt).toBeCloseTo(72, 6);
    expect(frame.xMm).toBeUndefined();
  });

  it('version 1 → 9 keeps everything (version 2 only adds ICC profile assets, 3 comments, 4 text wrap, 5 tracked changes, 6 the wrap mode, 7 tracked paragraph breaks, 8 marks placeholder pictures, 9 line styles and corners)', () => {
    const v1 = { schemaVersion: 1, id: 'd', pages: [{ id: 'p', frames: [] }], assets: { a: { id: 'a', path: 'assets/a.png', mime: 'image/png', note: 'placed from a.png' } } };
    expect(migrateDocument(v1)).toEqual({ ...v1, schemaVersion: 11 });
    expect(migrateDocument({ ...v1, schemaVersion: 2 })).toEqual({ ...v1, schemaVersion: 11 });
    expect(migrateDocument({ ...v1, schemaVersion: 4 })).toEqual({ ...v1, schemaVersion: 11 });
    expect(migrateDocument({ ...v1, schemaVersion: 5 })).toEqual({ ...v1, schemaVersion: 11 });
    expect(migrateDocument({ ...v1, schemaVersion: 6 })).toEqual({ ...v1, schemaVersion: 11 });
    expect(migrateDocument({ ...v1, schemaVersion: 7 })).toEqual({ ...v1, schemaVersion: 11 });
    expect(migrateDocument({ ...v1, schemaVersion: 9 })).toEqual({ ...v1, schemaVersion: 11 });
    expect(migrateDocument({ ...v1, schemaVersion: 10 })).toEqual({ ...v1, schemaVersion: 11 });
  });

  it("version 7 → 8 marks the sample's generated photo as a placeholder, and nothing else", () => {
    const sample = { id: 'photo-placeholder', path: 'assets/photo-placeholder.png', mime: 'image/png', note: 'Placeholder image generated for the sample (the original photo is not part of the seed).' };
    const placed = { id: 'img-1', path: 'assets/img-1.jpg', mime: 'image/jpeg', note: 'placed from 航拍.jpg' };
    const out = migrateDocument({ schemaVersion: 7, id: 'd', pages: [], assets: { 'photo-placeholder': sample, 'img-1': placed } });
    expect(out.assets).toEqual({ 'photo-placeholder': { ...sample, placeholder: true }, 'img-1': placed });
  });

  it('refuses a document from a newer Folio with a clear message', () => {
    expect(() => migrateDocument({ schemaVersion: DOCUMENT_SCHEMA_VERSION + 1 })).toThrow(SchemaVersionError);
    expect(() => migrateDocument({ schemaVersion: DOCUMENT_SCHEMA_VERSION + 1 })).toThrow(/newer Folio/);
  });
});
