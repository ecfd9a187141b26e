/**
 * The attack corpus of issue 13: `.folio` files a hostile colleague or an unlucky disk would leave in a shared
 * newsroom folder, built deterministically (seeded) into a folder.
 *
 * 1. Byte mutations of the shipped sample: bytes overwritten, truncations, garbage appended.
 * 2. Structural attacks on the zip: a bomb (a small file inflating to hundreds of MB), duplicate entries, a
 *    damaged CRC, a size that lies, no document, not a zip at all.
 * 3. Hostile document.json: deep nesting, huge strings, impossible dates, a template without its paragraph style,
 *    absurd geometry, unknown node types.
 * 4. Hostile assets inside the document: PNG/JPEG headers claiming 65535 × 65535 pixels, a damaged PNG, encrypted,
 *    looping and scripted PDFs.
 * 5. Things that are not files: a named pipe, a link to /dev/zero, a folder — each named `.folio`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { adobeCmykJpeg, crcDamagedPng, encryptedPdf, hostileAdvertPdf, hugeHeaderJpeg, loopingPdf, truncatedDataPng } from '../pdf/test-assets.js';

/** The shipped sample every mutation starts from. */
export const SAMPLE_FILE = path.resolve(import.meta.dirname, '../../../templates/samples/deqing-front-2023-07-20.folio');

/** One file of the corpus. */
export interface CorpusFile {
  /** What the attack is, for reports. */
  name: string;
  path: string;
}

/** A zip entry for `zipOf`. */
interface Entry {
  name: string;
  data: Uint8Array;
  /** Deflate the data (default true). */
  deflate?: boolean;
  /** Write this CRC instead of the true one. */
  crc?: number;
  /** Declare this uncompressed size instead of the true one. */
  size?: number;
}

/** A minimal zip writer that can also lie: duplicate names, wrong CRCs and sizes are written as asked. */
export function zipOf(entries: readonly Entry[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const deflate = e.deflate ?? true;
    const body = deflate ? deflateRawSync(e.data) : Buffer.from(e.data);
    const crc = e.crc ?? crc32(e.data);
    const size = e.size ?? e.data.byteLength;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(0x00210000, 10);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.byteLength, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.byteLength, 26);
    locals.push(local, name, body);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(deflate ? 8 : 0, 10);
    dir.writeUInt32LE(0x00210000, 12);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(body.byteLength, 20);
    dir.writeUInt32LE(size >>> 0, 24);
    dir.writeUInt16LE(name.byteLength, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.byteLength + body.byteLength;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dirBytes, end]));
}

/** A small deterministic generator (mulberry32), so a failing case can be built again. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = Record<string, unknown>;

/** The sample's document.json and placeholder picture. */
function sampleParts(): { doc: Json; png: Uint8Array } {
  const files = unzipSync(new Uint8Array(readFileSync(SAMPLE_FILE)));
  return { doc: JSON.parse(strFromU8(files['document.json']!)) as Json, png: files['assets/photo-placeholder.png']! };
}

/** A .folio of `doc` (document.json as given, unchecked) with the placeholder asset's bytes replaced by `asset`. */
function folioOf(doc: Json | string, assets: Record<string, Uint8Array>): Uint8Array {
  const json = typeof doc === 'string' ? doc : JSON.stringify(doc);
  return zipOf([{ name: 'document.json', data: Buffer.from(json, 'utf8') }, ...Object.entries(assets).map(([name, data]) => ({ name, data }))]);
}

/** The sample with its placeholder replaced by a real-looking asset of `mime` (no longer a placeholder). */
function withAsset(doc: Json, bytes: Uint8Array, mime: string): Uint8Array {
  const copy = structuredClone(doc) as { assets: Record<string, Json> };
  const asset = copy.assets['photo-placeholder']!;
  const ext = mime === 'application/pdf' ? 'pdf' : mime === 'image/jpeg' ? 'jpg' : 'png';
  asset.path = `assets/hostile.${ext}`;
  asset.mime = mime;
  delete asset.note;
  return folioOf(copy as Json, { [asset.path as string]: bytes });
}

/** A story document nested `depth` blockquotes deep (built as text: a JSON parser must not recurse on it). */
function deepStoryJson(doc: Json, depth: number): string {
  const inner = '{"type":"paragraph","content":[{"type":"text","text":"深"}]}';
  const nested = '{"type":"blockquote","content":['.repeat(depth) + inner + ']}'.repeat(depth);
  const json = JSON.stringify(doc);
  const storyId = Object.keys((doc as { stories: Json }).stories)[0]!;
  return json.replace(`"${storyId}":{`, `"${storyId}":{"doc":${nested},"_":`);
}

/**
 * Builds the corpus into `dir`.
 * @param mutations how many byte-mutated copies of the sample to add
 * @param options.heavy add the slow cases too (a million-letter word, a 200 MB bomb entry)
 */
export async function buildCorpus(dir: string, mutations: number, options: { seed?: number; heavy?: boolean } = {}): Promise<CorpusFile[]> {
  mkdirSync(dir, { recursive: true });
  const out: CorpusFile[] = [];
  const add = (name: string, bytes: Uint8Array | string) => {
    const file = path.join(dir, `${String(out.length).padStart(3, '0')}-${name}.folio`);
    writeFileSync(file, bytes);
    out.push({ name, path: file });
  };
  const sample = new Uint8Array(readFileSync(SAMPLE_FILE));
  const { doc, png } = sampleParts();
  const random = seeded(options.seed ?? 13);
  const pick = (n: number) => Math.floor(random() * n);

  // 1. Byte mutations.
  for (let i = 0; i < mutations; i++) {
    const bytes = sample.slice();
    const kind = i % 10;
    if (kind === 8) {
      add(`truncated-${i}`, bytes.subarray(0, pick(bytes.length)));
      continue;
    }
    if (kind === 9) {
      add(`garbage-appended-${i}`, Buffer.concat([bytes, Buffer.from(Array.from({ length: 1 + pick(4096) }, () => pick(256)))]));
      continue;
    }
    const flips = 1 + pick(16);
    for (let f = 0; f < flips; f++) bytes[pick(bytes.length)] = pick(256);
    add(`mutated-${i}-${flips}-bytes`, bytes);
  }

  // 2. The zip itself.
  add('zip-bomb-unreferenced-entry', zipOf([
    { name: 'document.json', data: Buffer.from(JSON.stringify(doc)) },
    { name: 'assets/photo-placeholder.png', data: png },
    { name: 'assets/bomb.bin', data: new Uint8Array((options.heavy ? 200 : 32) * 1024 * 1024) },
  ]));
  add('zip-bomb-asset-lying-size', zipOf([
    { name: 'document.json', data: Buffer.from(JSON.stringify(doc)) },
    { name: 'assets/photo-placeholder.png', data: new Uint8Array(64 * 1024 * 1024), size: png.byteLength, crc: crc32(png) },
  ]));
  add('duplicate-document-json', zipOf([
    { name: 'document.json', data: Buffer.from(JSON.stringify(doc)) },
    { name: 'document.json', data: Buffer.from(JSON.stringify({ ...doc, title: '替换' })) },
    { name: 'assets/photo-placeholder.png', data: png },
  ]));
  add('duplicate-asset', zipOf([
    { name: 'document.json', data: Buffer.from(JSON.stringify(doc)) },
    { name: 'assets/photo-placeholder.png', data: png },
    { name: 'assets/photo-placeholder.png', data: crcDamagedPng() },
  ]));
  add('crc-damaged-document-json', zipOf([
    { name: 'document.json', data: Buffer.from(JSON.stringify(doc)), crc: 0x12345678 },
    { name: 'assets/photo-placeholder.png', data: png },
  ]));
  add('crc-damaged-asset', zipOf([
    { name: 'document.json', data: Buffer.from(JSON.stringify(doc)) },
    { name: 'assets/photo-placeholder.png', data: png, crc: 0 },
  ]));
  add('no-document-json', zipOf([{ name: 'assets/photo-placeholder.png', data: png }]));
  add('asset-missing', zipOf([{ name: 'document.json', data: Buffer.from(JSON.stringify(doc)) }]));
  add('empty-zip', zipOf([]));
  add('empty-file', new Uint8Array(0));
  add('not-a-zip', Buffer.from('%PDF-1.7 this is not a Folio document\n'));
  add('path-traversal-entry', zipOf([
    { name: 'document.json', data: Buffer.from(JSON.stringify(doc)) },
    { name: 'assets/photo-placeholder.png', data: png },
    { name: '../../escape.txt', data: Buffer.from('outside') },
  ]));

  // 3. document.json.
  const assets = { 'assets/photo-placeholder.png': png };
  add('json-not-json', folioOf('{"schemaVersion": 1, "title": ', assets));
  add('json-array', folioOf('[1, 2, 3]', assets));
  add('json-deep-nesting-50000', folioOf(deepStoryJson(doc, 50_000), assets));
  add('json-deep-nesting-60', folioOf(deepStoryJson(doc, 60), assets));
  add('json-huge-title', folioOf({ ...doc, title: '题'.repeat(5_000_000) }, assets));
  add('json-long-title', folioOf({ ...doc, title: '题'.repeat(200_000) }, assets));
  for (const date of ['2023-02-30', '99999-01-01', 'yesterday', '', '0000-00-00']) {
    add(`json-bad-date-${date || 'empty'}`, folioOf({ ...doc, issue: { ...(doc.issue as Json), date } }, assets));
  }
  const template = doc.template as Json;
  const { paragraph: _dropped, ...otherStyles } = template.paragraphStyles as Json;
  add('json-no-paragraph-style', folioOf({ ...doc, template: { ...template, paragraphStyles: otherStyles } }, assets));
  add('json-no-styles', folioOf({ ...doc, template: { ...template, paragraphStyles: {}, characterStyles: {} } }, assets));
  add('json-future-version', folioOf({ ...doc, schemaVersion: 999 }, assets));
  const pages = doc.pages as Json[];
  const frames = (pages[0]!.frames as Json[]);
  add('json-absurd-geometry', folioOf({ ...doc, pages: [{ ...pages[0], frames: frames.map((f) => ({ ...f, widthPt: 1e308, xPt: -1e308 })) }] }, assets));
  add('json-zero-size-frames', folioOf({ ...doc, pages: [{ ...pages[0], frames: frames.map((f) => ({ ...f, widthPt: 0, heightPt: 0 })) }] }, assets));
  add('json-many-pages', folioOf({ ...doc, pages: Array.from({ length: 300 }, (_, i) => ({ ...pages[0], id: `p${i}`, name: `P${i}`, frames: [] })) }, assets));
  add('json-unknown-node-types', folioOf(JSON.stringify(doc).replaceAll('"paragraph"', '"evil"'), assets));
  add('json-thread-loop', folioOf({ ...doc, pages: [{ ...pages[0], frames: frames.map((f) => (f.kind === 'text' ? { ...f, nextFrameId: f.id } : f)) }] }, assets));
  add('json-duplicate-pages', folioOf({ ...doc, pages: [pages[0], { ...pages[0], id: 'p2' }, { ...pages[0], id: 'p3', name: 'A/01' }, { ...pages[0], id: 'p4', name: 'A:01' }] }, assets));
  if (options.heavy) {
    const storyId = Object.keys(doc.stories as Json)[0]!;
    const stories = doc.stories as Record<string, Json>;
    add('json-million-letter-word', folioOf({ ...doc, stories: { ...stories, [storyId]: { ...stories[storyId], doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(1_000_000) }] }] } } } }, assets));
  }

  // 4. Assets.
  add('asset-png-65535-header', withAsset(doc, pngHeaderOnly(65535, 65535), 'image/png'));
  add('asset-png-crc-damaged', withAsset(doc, crcDamagedPng(), 'image/png'));
  add('asset-png-truncated-data', withAsset(doc, truncatedDataPng(), 'image/png'));
  add('asset-jpeg-65535-header', withAsset(doc, hugeHeaderJpeg(), 'image/jpeg'));
  add('asset-jpeg-truncated', withAsset(doc, adobeCmykJpeg([{ c: 0, m: 0, y: 0, k: 1 }]).subarray(0, 200), 'image/jpeg'));
  add('asset-png-declared-jpeg', withAsset(doc, png, 'image/jpeg'));
  add('asset-pdf-encrypted', withAsset(doc, await encryptedPdf(), 'application/pdf'));
  add('asset-pdf-looping-page-tree', withAsset(doc, await loopingPdf('page-tree'), 'application/pdf'));
  add('asset-pdf-looping-form', withAsset(doc, await loopingPdf('form'), 'application/pdf'));
  add('asset-pdf-scripts-and-actions', withAsset(doc, await hostileAdvertPdf(), 'application/pdf'));
  add('asset-pdf-garbage', withAsset(doc, Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 1 0 R >>\n%%EOF'), 'application/pdf'));

  // 5. Not files.
  const fifo = path.join(dir, `${String(out.length).padStart(3, '0')}-fifo.folio`);
  if (spawnSync('mkfifo', [fifo]).status === 0) out.push({ name: 'fifo', path: fifo });
  const zero = path.join(dir, `${String(out.length).padStart(3, '0')}-link-to-dev-zero.folio`);
  symlinkSync('/dev/zero', zero);
  out.push({ name: 'link-to-dev-zero', path: zero });
  const folder = path.join(dir, `${String(out.length).padStart(3, '0')}-folder.folio`);
  mkdirSync(folder);
  out.push({ name: 'folder', path: folder });
  return out;
}

/** A PNG of only a signature and an IHDR claiming `widthPx` × `heightPx` (no data). */
function pngHeaderOnly(widthPx: number, heightPx: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(widthPx, 0);
  ihdr.writeUInt32BE(heightPx, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateRawSync(Buffer.alloc(10))), chunk('IEND', Buffer.alloc(0))]));
}
