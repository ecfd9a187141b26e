/**
 * Test images made in code (no binary fixtures): PNG in any colour type, RGB JPEG (jpeg-js),
 * an Adobe CMYK JPEG (a tiny DC-only baseline encoder: flat 8 × 8 blocks), a placed PDF, a hostile one, and
 * damaged, oversized, encrypted and looping files.
 */
import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { cmyk, PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * Encodes a non-interlaced PNG. `rows` are already packed samples per row (without filter bytes);
 * each row gets filter `filter` (0 None or 1 Sub applied here).
 */
export function encodePng(opts: { widthPx: number; heightPx: number; bitDepth: number; colourType: number; rows: Uint8Array[]; palette?: number[]; trns?: number[]; filter?: 0 | 1 | 2 }): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(opts.widthPx, 0);
  ihdr.writeUInt32BE(opts.heightPx, 4);
  ihdr[8] = opts.bitDepth;
  ihdr[9] = opts.colourType;
  const samples = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[opts.colourType] as number;
  const bpp = Math.max(1, (samples * opts.bitDepth) >> 3);
  const filter = opts.filter ?? 0;
  const raw: number[] = [];
  let prev: Uint8Array = new Uint8Array(opts.rows[0].length);
  for (const row of opts.rows) {
    raw.push(filter);
    for (let i = 0; i < row.length; i++) {
      if (filter === 0) raw.push(row[i]);
      else if (filter === 1) raw.push((row[i] - (i >= bpp ? row[i - bpp] : 0)) & 0xff);
      else raw.push((row[i] - prev[i]) & 0xff);
    }
    prev = row;
  }
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  if (opts.palette) parts.push(chunk('PLTE', Uint8Array.from(opts.palette)));
  if (opts.trns) parts.push(chunk('tRNS', Uint8Array.from(opts.trns)));
  parts.push(chunk('IDAT', deflateSync(Uint8Array.from(raw))), chunk('IEND', new Uint8Array(0)));
  return new Uint8Array(Buffer.concat(parts));
}

/** Encodes an 8-bit RGB image as an Adam7-interlaced PNG (filter None). `rgb` is width × height × 3. */
export function interlacedRgbPng(widthPx: number, heightPx: number, rgb: Uint8Array): Uint8Array {
  const passes = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];
  const raw: number[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    for (let y = y0; y < heightPx; y += dy) {
      if (x0 >= widthPx) break;
      raw.push(0);
      for (let x = x0; x < widthPx; x += dx) raw.push(rgb[(y * widthPx + x) * 3], rgb[(y * widthPx + x) * 3 + 1], rgb[(y * widthPx + x) * 3 + 2]);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(widthPx, 0);
  ihdr.writeUInt32BE(heightPx, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  ihdr[12] = 1;
  return new Uint8Array(Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Uint8Array.from(raw))), chunk('IEND', new Uint8Array(0)),
  ]));
}

/** An 8-bit RGB PNG whose left half is `left` and right half `right`. */
export function twoColourRgbPng(widthPx: number, heightPx: number, left: [number, number, number], right: [number, number, number]): Uint8Array {
  const rows: Uint8Array[] = [];
  for (let y = 0; y < heightPx; y++) {
    const row = new Uint8Array(widthPx * 3);
    for (let x = 0; x < widthPx; x++) row.set(x < widthPx / 2 ? left : right, x * 3);
    rows.push(row);
  }
  return encodePng({ widthPx, heightPx, bitDepth: 8, colourType: 2, rows, filter: 1 });
}

/** An RGB JPEG (jpeg-js), flat colour. */
export function rgbJpeg(widthPx: number, heightPx: number, rgb: [number, number, number]): Uint8Array {
  const data = new Uint8Array(widthPx * heightPx * 4);
  for (let i = 0; i < widthPx * heightPx; i++) data.set([...rgb, 255], i * 4);
  return new Uint8Array(jpeg.encode({ width: widthPx, height: heightPx, data }, 90).data);
}

/**
 * An Adobe (Photoshop-style, inverted) CMYK baseline JPEG made of flat 8 × 8 blocks, one block per
 * entry of `blocks` left to right (height 8). Ink values 0–1.
 */
export function adobeCmykJpeg(blocks: { c: number; m: number; y: number; k: number }[]): Uint8Array {
  // Adobe CMYK is stored inverted.
  return flatBlockJpeg(blocks.map((b) => [b.c, b.m, b.y, b.k].map((ink) => Math.round(255 - ink * 255))), true);
}

/** A greyscale (one-component) baseline JPEG of flat 8 × 8 blocks, left to right; grey levels 0–255. */
export function greyJpeg(levels: number[]): Uint8Array {
  return flatBlockJpeg(levels.map((level) => [level]), false);
}

/**
 * A baseline JPEG of flat 8 × 8 blocks (DC only), one block per entry left to right, each entry one sample per
 * component (1 = grey, 4 = CMYK as stored); `adobe` adds the APP14 marker with transform 0.
 */
function flatBlockJpeg(blocks: number[][], adobe: boolean): Uint8Array {
  const components = blocks[0]!.length;
  const out: number[] = [0xff, 0xd8];
  const segment = (marker: number, body: number[]) => out.push(0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body);
  if (adobe) segment(0xee, [...'Adobe'].map((c) => c.charCodeAt(0)).concat([0, 100, 0, 0, 0, 0, 0])); // transform 0: plain CMYK
  segment(0xdb, [0x00, ...new Array(64).fill(1)]);
  const width = blocks.length * 8;
  const ids = Array.from({ length: components }, (_, i) => i + 1);
  segment(0xc0, [8, 0, 8, width >> 8, width & 0xff, components, ...ids.flatMap((id) => [id, 0x11, 0])]);
  // Standard luminance DC table (categories 0–11) and an AC table holding only EOB (code "0").
  const dcBits = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
  segment(0xc4, [0x00, ...dcBits, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  segment(0xc4, [0x10, 1, ...new Array(15).fill(0), 0x00]);
  segment(0xda, [components, ...ids.flatMap((id) => [id, 0x00]), 0, 63, 0]);
  // Canonical DC codes from the BITS table.
  const dcCodes: { code: number; length: number }[] = [];
  let code = 0;
  let symbol = 0;
  for (let len = 1; len <= 16; len++) {
    for (let i = 0; i < dcBits[len - 1]; i++) dcCodes[symbol++] = { code: code++, length: len };
    code <<= 1;
  }
  let acc = 0;
  let nbits = 0;
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) {
      acc = (acc << 1) | ((value >> i) & 1);
      if (++nbits === 8) {
        out.push(acc);
        if (acc === 0xff) out.push(0x00);
        acc = 0;
        nbits = 0;
      }
    }
  };
  const pred = new Array(components).fill(0);
  for (const b of blocks) {
    b.forEach((stored, comp) => {
      const dc = 8 * (stored - 128);
      const diff = dc - pred[comp];
      pred[comp] = dc;
      const category = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1;
      put(dcCodes[category].code, dcCodes[category].length);
      if (category > 0) put(diff >= 0 ? diff : diff + (1 << category) - 1, category);
      put(0, 1); // EOB
    });
  }
  if (nbits > 0) put(0xff, 8 - nbits);
  out.push(0xff, 0xd9);
  return Uint8Array.from(out);
}

/** A one-page PDF (an "ad"): media 200 × 100, TrimBox inset 10 pt, filled edge to edge with `ink`. */
export async function placedPdf(ink: { c: number; m: number; y: number; k: number }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([200, 100]);
  page.setTrimBox(10, 10, 180, 80);
  page.drawRectangle({ x: 0, y: 0, width: 200, height: 100, color: cmyk(ink.c, ink.m, ink.y, ink.k) });
  return doc.save({ useObjectStreams: false });
}

/** Strings planted in `hostileAdvertPdf`: none may appear in an export that places it. */
export const HOSTILE_MARKERS = {
  openAction: 'FOLIO-OPENACTION-JS',
  nameTreeJs: 'FOLIO-NAMETREE-JS',
  pageAa: 'FOLIO-PAGE-AA-JS',
  formAa: 'FOLIO-FORM-AA-JS',
  launch: 'folio-launch-calc.exe',
  uri: 'http://evil.example/folio-uri',
  embedded: 'FOLIO-EMBEDDED-PAYLOAD',
  external: 'folio-external-data.bin',
} as const;

/**
 * A placed PDF an attacker might send as an advert: the same magenta-filled page as `placedPdf` (drawn through
 * a form XObject), carrying a JavaScript /OpenAction, a /JavaScript name tree, page and form additional actions
 * (/AA), link annotations with /Launch and /URI actions (pointing back at the page with /P), an embedded file,
 * an ExtGState smuggling a JavaScript action under an odd key, and an image whose data lives in an external file (/F).
 */
export async function hostileAdvertPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const ctx = doc.context;
  const page = doc.addPage([200, 100]);
  page.setTrimBox(10, 10, 180, 80);
  const js = (code: string) => ctx.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(code) });
  doc.catalog.set(PDFName.of('OpenAction'), ctx.register(js(`app.alert('${HOSTILE_MARKERS.openAction}')`)));
  doc.addJavaScript('hello', `app.alert('${HOSTILE_MARKERS.nameTreeJs}')`);
  await doc.attach(new TextEncoder().encode(HOSTILE_MARKERS.embedded), 'payload.txt', { mimeType: 'text/plain' });
  page.node.set(PDFName.of('AA'), ctx.obj({ O: js(`app.alert('${HOSTILE_MARKERS.pageAa}')`) }));

  const jsRef = ctx.register(js(`app.alert('${HOSTILE_MARKERS.formAa}')`));
  const gs = ctx.register(ctx.obj({ Type: 'ExtGState', OP: false, Hook: jsRef }));
  const external = ctx.register(ctx.stream(new Uint8Array(0), {
    Type: 'XObject', Subtype: 'Image', Width: 1, Height: 1, BitsPerComponent: 8, ColorSpace: 'DeviceCMYK',
    F: ctx.obj({ Type: 'Filespec', F: PDFString.of(HOSTILE_MARKERS.external) }),
  }));
  const form = ctx.register(ctx.stream('0 1 0 0 k 0 0 200 100 re f', {
    Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 200, 100], AA: ctx.obj({ PO: jsRef }), JS: jsRef,
    Resources: { ExtGState: { G0: gs }, XObject: { Ext: external } },
  }));
  const formName = page.node.newXObject('Ad', form);
  const content = ctx.register(ctx.stream(`q ${formName.asString()} Do Q`));
  page.node.set(PDFName.of('Contents'), content);

  const link = (rect: number[], action: PDFDict) => ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0], P: page.ref, A: action }));
  page.node.set(PDFName.of('Annots'), ctx.obj([
    link([10, 10, 90, 50], ctx.obj({ S: 'Launch', F: PDFString.of(HOSTILE_MARKERS.launch), NewWindow: true })),
    link([100, 10, 180, 50], ctx.obj({ S: 'URI', URI: PDFString.of(HOSTILE_MARKERS.uri) })),
  ]));
  return doc.save({ useObjectStreams: false });
}

/** A PNG whose IDAT has one byte flipped (its CRC-32 no longer matches): damaged in transfer. */
export function crcDamagedPng(): Uint8Array {
  const png = twoColourRgbPng(16, 16, [255, 0, 0], [0, 0, 255]);
  const idat = Buffer.from(png).indexOf('IDAT');
  const out = png.slice();
  out[idat + 4 + 6] ^= 0xff;
  return out;
}

/** A PNG with valid checksums whose image data stops halfway (a file cut short and re-saved by a careless tool). */
export function truncatedDataPng(): Uint8Array {
  const widthPx = 64;
  const rows = Array.from({ length: 64 }, (_, y) => Uint8Array.from({ length: widthPx * 3 }, (_, i) => (i * 7 + y * 13) & 0xff));
  const raw: number[] = [];
  for (const row of rows) raw.push(0, ...row);
  const zlib = deflateSync(Uint8Array.from(raw));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(widthPx, 0);
  ihdr.writeUInt32BE(rows.length, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return new Uint8Array(Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.subarray(0, zlib.length >> 1)), chunk('IEND', new Uint8Array(0)),
  ]));
}

/** An RGB JPEG whose frame header claims 65535 × 65535 pixels (4.3 gigapixels) over 8 × 8 of data. */
export function hugeHeaderJpeg(): Uint8Array {
  const bytes = rgbJpeg(8, 8, [200, 30, 30]);
  for (let i = 2; i + 9 < bytes.length; ) {
    const marker = bytes[i + 1];
    if (marker === 0xc0 || marker === 0xc2) {
      bytes.set([0xff, 0xff, 0xff, 0xff], i + 5);
      return bytes;
    }
    i += 2 + ((bytes[i + 2] << 8) | bytes[i + 3]);
  }
  throw new Error('no SOF marker');
}

/** `placedPdf` with an /Encrypt dictionary in its trailer (a "protected" advert). */
export async function encryptedPdf(): Promise<Uint8Array> {
  const text = Buffer.from(await placedPdf({ c: 0, m: 1, y: 0, k: 0 })).toString('latin1');
  return new Uint8Array(Buffer.from(text.replace('trailer\n<<', 'trailer\n<<\n/Encrypt << /Filter /Standard /V 1 /R 2 /O (owner) /U (user) /P -4 >>'), 'latin1'));
}

/**
 * `placedPdf` made to loop: `page-tree` puts the page tree's root among its own kids; `form` has the page draw a
 * form XObject that draws itself; `parent` makes the page its own /Parent (readable: nothing needs the parent).
 */
export async function loopingPdf(kind: 'page-tree' | 'form' | 'parent'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([200, 100]);
  page.drawRectangle({ x: 0, y: 0, width: 200, height: 100, color: cmyk(0, 1, 0, 0) });
  const ctx = doc.context;
  if (kind === 'page-tree') {
    const pagesRef = doc.catalog.get(PDFName.of('Pages'));
    (doc.catalog.lookup(PDFName.of('Pages'), PDFDict).lookup(PDFName.of('Kids'), PDFArray)).push(pagesRef!);
  } else if (kind === 'form') {
    const formRef = ctx.nextRef();
    ctx.assign(formRef, ctx.stream('/F0 Do', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 10, 10], Resources: { XObject: { F0: formRef } } }));
    const name = page.node.newXObject('Loop', formRef);
    page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(`0 1 0 0 k 0 0 200 100 re f ${name.asString()} Do`)));
  } else {
    page.node.set(PDFName.of('Parent'), page.ref);
  }
  return doc.save({ useObjectStreams: false });
}

/** `placedPdf` with its page tree's /Kids blanked out (same length, so the xref table stays right): no pages. */
export async function pagelessPdf(): Promise<Uint8Array> {
  const text = Buffer.from(await placedPdf({ c: 0, m: 1, y: 0, k: 0 })).toString('latin1');
  const kids = /\/Kids \[[^\]]*\]/.exec(text);
  if (!kids) throw new Error('no /Kids');
  return new Uint8Array(Buffer.from(text.replace(kids[0], ' '.repeat(kids[0].length)), 'latin1'));
}
