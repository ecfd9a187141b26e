/**
 * PDF streams that write their bytes with one copy. pdf-lib's `PDFStream.copyBytesInto` copies a stream's
 * contents into the file byte by byte in a JavaScript loop; a front page's font subsets and content streams are
 * a third of a megabyte, copied cold on every export. The bytes written are exactly pdf-lib's: the dictionary,
 * "\nstream\n", the contents, "\nendstream".
 */
import type { PDFContext, PDFRawStream } from 'pdf-lib';

const STREAM_START = new TextEncoder().encode('\nstream\n');
const STREAM_END = new TextEncoder().encode('\nendstream');

/**
 * `context.stream(contents, dict)` whose serialisation copies the contents in one `set`.
 * @param dict the stream dictionary's entries (Length is added by pdf-lib)
 */
export function rawStream(context: PDFContext, contents: Uint8Array, dict: Parameters<PDFContext['stream']>[1]): PDFRawStream {
  const stream = context.stream(contents, dict);
  stream.copyBytesInto = function copyBytesInto(this: PDFRawStream, buffer: Uint8Array, offset: number): number {
    this.updateDict();
    const start = offset;
    offset += this.dict.copyBytesInto(buffer, offset);
    buffer.set(STREAM_START, offset);
    offset += STREAM_START.length;
    const bytes = this.getContents();
    buffer.set(bytes, offset);
    offset += bytes.length;
    buffer.set(STREAM_END, offset);
    offset += STREAM_END.length;
    return offset - start;
  };
  return stream;
}
