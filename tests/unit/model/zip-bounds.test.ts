/**
 * Hostile and damaged .folio archives (issue 13, item 7): entries the document does not list are never inflated,
 * every inflated entry is bounded and CRC-checked, duplicate names are refused, and document.json's shape is
 * bounded before validation. Each case names the error a user sees; none may throw anything but FolioFileError.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { deflateSync, strToU8, zipSync, type Zippable } from 'fflate';
import { FolioFileError, MAX_ASSET_BYTES, MAX_JSON_DEPTH, MAX_JSON_STRING_CHARS, unpackFolio } from '../../../src-core/model/folio-file.js';
import { crc32 } from '../../../src-core/model/zip-reader.js';

const sampleBytes = readFileSync('templates/samples/deqing-front-2023-07-20.folio');
const sample = unpackFolio(sampleBytes);
const sampleJson = JSON.stringify(sample.document);
const [assetPath, assetBytes] = [...sample.assets][0]!;

function errorOf(fn: () => unknown): FolioFileError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(FolioFileError);
    return err as FolioFileError;
  }
  throw new Error('expected a FolioFileError, but the file was read');
}

/** Offset of the central-directory entry named `name` in a zip written by fflate. */
function centralEntry(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const wanted = strToU8(name);
  for (let at = 0; at + 46 < zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== wanted.length) continue;
    if (zip.subarray(at + 46, at + 46 + wanted.length).every((b, i) => b === wanted[i])) return at;
  }
  throw new Error(`no central entry ${name}`);
}

/** The sample's files plus `extra`, as a zip. */
function sampleZip(extra: Zippable = {}, json = sampleJson): Uint8Array {
  return zipSync({ 'document.json': strToU8(json), [assetPath]: [assetBytes, { level: 0 }], ...extra });
}

describe('bounded .folio reading', () => {
  it('never inflates an entry the document does not list (a damaged or huge extra entry is ignored)', () => {
    // 16 MB of zeros deflates to about 16 KB; its deflate data is then spoiled (block type 3 does not exist), so
    // inflating it at all would fail.
    const zip = sampleZip({ 'junk.bin': new Uint8Array(16 * 1024 * 1024) });
    const view = new DataView(zip.buffer, zip.byteOffset);
    const local = view.getUint32(centralEntry(zip, 'junk.bin') + 42, true);
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    zip.fill(0xff, data, data + 16);
    expect(unpackFolio(zip).document).toEqual(sample.document);
  });

  it('stops inflating an entry at the size its directory declares (a small file cannot grow into gigabytes)', () => {
    const bomb = deflateSync(new Uint8Array(16 * 1024 * 1024));
    const zip = zipSync({ 'document.json': strToU8(sampleJson), [assetPath]: [bomb, { level: 0 }] });
    // Rewrite the asset's entry as deflate, declaring the 100 bytes a liar would.
    const view = new DataView(zip.buffer, zip.byteOffset);
    const central = centralEntry(zip, assetPath);
    const local = view.getUint32(central + 42, true);
    for (const at of [central + 10, local + 8]) view.setUint16(at, 8, true);
    view.setUint32(central + 24, 100, true);
    const err = errorOf(() => unpackFolio(zip));
    expect(err.message).toMatch(new RegExp(`${assetPath} is damaged: it inflates to more than the 100 bytes`));
  });

  it('refuses an entry whose declared size is over the cap before inflating it', () => {
    const zip = sampleZip();
    const view = new DataView(zip.buffer, zip.byteOffset);
    view.setUint32(centralEntry(zip, assetPath) + 24, MAX_ASSET_BYTES + 1, true);
    expect(errorOf(() => unpackFolio(zip)).message).toMatch(/more than the 200 MB allowed/);
  });

  it('refuses a document.json whose checksum does not match (no silently wrong text)', () => {
    const zip = sampleZip();
    const view = new DataView(zip.buffer, zip.byteOffset);
    const central = centralEntry(zip, 'document.json');
    view.setUint32(central + 16, view.getUint32(central + 16, true) ^ 0x80, true);
    expect(errorOf(() => unpackFolio(zip)).message).toBe('The file is damaged: document.json is damaged: its checksum (CRC-32) does not match.');
  });

  it('refuses an archive holding the same name twice', () => {
    const zip = sampleZip({ 'document.jsoX': strToU8('{}') });
    // Rename the second entry to document.json in both of its headers.
    const view = new DataView(zip.buffer, zip.byteOffset);
    const central = centralEntry(zip, 'document.jsoX');
    const local = view.getUint32(central + 42, true);
    for (const nameAt of [central + 46, local + 30]) zip[nameAt + 12] = 'n'.charCodeAt(0);
    const err = errorOf(() => unpackFolio(zip));
    expect(err.code).toBe('not-zip');
    expect(err.message).toMatch(/holds document.json twice/);
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels with a message, not a stack overflow`, () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const json = JSON.stringify({ ...sample.document, title: 'x' }).replace('"title":"x"', `"title":${deep}`);
    const err = errorOf(() => unpackFolio(sampleZip({}, json)));
    expect(err.code).toBe('invalid');
    expect(err.message).toMatch(/nests deeper than 64 levels/);
  });

  it('refuses a string longer than any Folio writes', () => {
    const json = JSON.stringify({ ...sample.document, title: '标'.repeat(MAX_JSON_STRING_CHARS + 1) });
    expect(errorOf(() => unpackFolio(sampleZip({}, json))).message).toMatch(/a text of 4,000,001 characters/);
  });

  it('computes the zip CRC-32 (check value of "123456789")', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
  });
});
