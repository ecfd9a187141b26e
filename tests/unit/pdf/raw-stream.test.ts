/** Streams written with one copy serialise exactly as pdf-lib's own streams do. */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { rawStream } from '../../../src-core/pdf/raw-stream.js';

describe('rawStream', () => {
  it('writes the same bytes as pdf-lib’s PDFRawStream, at any offset', async () => {
    const doc = await PDFDocument.create();
    const contents = new Uint8Array(70_001).map((_, i) => (i * 31) % 256);
    const dict = { Filter: 'FlateDecode', Length1: 123 };
    const plain = doc.context.stream(contents, dict);
    const fast = rawStream(doc.context, contents, dict);
    expect(fast.sizeInBytes()).toBe(plain.sizeInBytes());
    const a = new Uint8Array(plain.sizeInBytes() + 5);
    const b = new Uint8Array(fast.sizeInBytes() + 5);
    expect(fast.copyBytesInto(b, 5)).toBe(plain.copyBytesInto(a, 5));
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    expect(Buffer.from(b).toString('latin1', 5, 80)).toMatch(/^<<\n\/Filter \/FlateDecode\n\/Length1 123\n\/Length 70001\n>>\nstream\n/);
  });
});
