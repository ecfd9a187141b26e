/**
 * Font files opened for the composer and the PDF exporter without reading their outlines up front (the core's
 * `PartialFontFile`): a CJK font is 10–15 MB, over 95 % of it `glyf`, and a page needs a few thousand glyphs.
 *
 * 1. Read the sfnt table directory. Anything that is not a single TrueType/OpenType face (a collection, WOFF,
 *    a damaged directory) is read whole and handed over as bytes: `loadFont` then decides, with its own errors.
 * 2. Read every table but `glyf` into a buffer as long as the file, merging tables that lie close together.
 * 3. Keep the file open: `readRanges` reads outline ranges into the same buffer, merging neighbours, and
 *    refuses to read from a file whose size or modification time changed since it was opened.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { FileRange, PartialFontFile } from '../../src-core/text/partial-font.js';
import type { MessageKey } from '../../src-core/i18n/messages/en.js';
import { englishLine, serviceMessage, type ServiceMessage } from '../../src-core/i18n/service-message.js';
import { READ_OPEN_FLAGS, readFileUpTo, refusalFor, type ReadRefusal } from './disk.js';

/**
 * Largest font file read, bytes. A CJK family in one collection (every weight of Noto Serif CJK as one .ttc) is
 * about 180 MB; the largest single CJK face about 25 MB. Anything larger is no font a page needs.
 */
export const MAX_FONT_FILE_BYTES = 256 * 1024 * 1024;

/**
 * A font file Folio refuses or cannot finish reading (a folder, too large, cut short, changed while in use).
 * `uiMessage` is the line as a catalogue message (`service.font.*`), for the interface language; `message` is
 * its English.
 */
export class FontFileError extends Error {
  readonly uiMessage: ServiceMessage;
  constructor(key: MessageKey, values: Readonly<Record<string, string>>) {
    const uiMessage = serviceMessage(key, values);
    super(englishLine(uiMessage));
    this.uiMessage = uiMessage;
    this.name = 'FontFileError';
  }
}

/** The error for a font file refused before reading. */
function fontRefusal(why: ReadRefusal, filePath: string): FontFileError {
  const name = path.basename(filePath);
  switch (why.kind) {
    case 'folder':
      return new FontFileError('service.font.isFolder', { name, path: filePath });
    case 'not-a-file':
      return new FontFileError('service.font.notOrdinary', { name, path: filePath });
    case 'too-large':
      return new FontFileError('service.font.tooLarge', { name, path: filePath, sizeMb: (why.sizeBytes / 1024 / 1024).toFixed(1), maxMb: String(MAX_FONT_FILE_BYTES / 1024 / 1024) });
  }
}

/**
 * Reads a whole font file (for the renderer, or to read its names), refusing what is not a regular file of at
 * most MAX_FONT_FILE_BYTES.
 * @throws FontFileError saying why the file is refused; DiskError when it cannot be read
 */
export function readFontFile(filePath: string): Promise<Uint8Array> {
  return readFileUpTo(filePath, MAX_FONT_FILE_BYTES, (why) => fontRefusal(why, filePath));
}

/** A partial font file with its open handle. */
export interface OpenFontFile extends PartialFontFile {
  /** Closes the file; later `readRanges` calls fail. Idempotent. */
  close(): void;
}

/** sfnt versions of a single face: TrueType (0x00010000, 'true') and CFF OpenType ('OTTO'). */
const SINGLE_FACE_VERSIONS = new Set([0x00010000, 0x74727565, 0x4f54544f]);
const SFNT_HEADER_BYTES = 12;
const TABLE_RECORD_BYTES = 16;
/**
 * Ranges closer than this are read as one: a read costs a system call, while the bytes in a gap cost only a
 * copy. Tables and neighbouring outlines are usually within a few kilobytes of each other.
 */
const MERGE_GAP_BYTES = 4096;

/**
 * Opens a font file for partial reading.
 * @returns an open partial file, or the whole bytes when the file is not a single sfnt face
 * @throws FontFileError for a folder, FIFO, device or file over MAX_FONT_FILE_BYTES; the file system's error (ENOENT,
 *   EACCES…) when the file cannot be opened or read
 */
export function openFontFile(filePath: string): OpenFontFile | Uint8Array {
  // Opened without waiting and checked by descriptor, as every read is (disk.ts `readFileUpTo`): a FIFO named
  // like a font must not block the thread that opens it.
  const fd = openSync(filePath, READ_OPEN_FLAGS);
  let handedOver = false;
  try {
    const stat = fstatSync(fd);
    const refusal = refusalFor(stat, MAX_FONT_FILE_BYTES);
    if (refusal) throw fontRefusal(refusal, filePath);
    const size = stat.size;
    const header = readExactly(fd, new Uint8Array(Math.min(size, SFNT_HEADER_BYTES)), 0, 0, Math.min(size, SFNT_HEADER_BYTES), filePath);
    const view = new DataView(header.buffer);
    if (size < SFNT_HEADER_BYTES || !SINGLE_FACE_VERSIONS.has(view.getUint32(0))) return wholeFile(fd, size, filePath);
    const tableCount = view.getUint16(4);
    const directoryEnd = SFNT_HEADER_BYTES + tableCount * TABLE_RECORD_BYTES;
    if (directoryEnd > size) return wholeFile(fd, size, filePath);
    const bytes = new Uint8Array(size);
    readExactly(fd, bytes, 0, 0, directoryEnd, filePath);
    const records = new DataView(bytes.buffer, SFNT_HEADER_BYTES, directoryEnd - SFNT_HEADER_BYTES);
    const upFront: FileRange[] = [{ offset: 0, length: directoryEnd }];
    for (let i = 0; i < tableCount; i++) {
      const at = i * TABLE_RECORD_BYTES;
      const tag = String.fromCharCode(...bytes.subarray(SFNT_HEADER_BYTES + at, SFNT_HEADER_BYTES + at + 4));
      const offset = records.getUint32(at + 8);
      const length = records.getUint32(at + 12);
      if (offset + length > size) return wholeFile(fd, size, filePath); // A damaged directory: let the parser report it.
      if (tag !== 'glyf') upFront.push({ offset, length });
    }
    readMerged(fd, bytes, upFront, filePath);

    let open = true;
    handedOver = true;
    return {
      bytes,
      readRanges(ranges) {
        if (!open) throw new FontFileError('service.font.closed', { path: filePath });
        const now = fstatSync(fd);
        if (now.size !== stat.size || now.mtimeMs !== stat.mtimeMs) {
          throw new FontFileError('service.font.changed', { path: filePath });
        }
        readMerged(fd, bytes, ranges, filePath);
      },
      close() {
        if (open) closeSync(fd);
        open = false;
      },
    };
  } finally {
    if (!handedOver) closeSync(fd);
  }
}

/** The whole file through its checked descriptor (never by name again: the name may lead elsewhere by now). */
function wholeFile(fd: number, size: number, filePath: string): Uint8Array {
  return readExactly(fd, new Uint8Array(size), 0, 0, size, filePath);
}

/** Reads ranges into `bytes` at their own offsets, as few reads as `MERGE_GAP_BYTES` allows. */
function readMerged(fd: number, bytes: Uint8Array, ranges: readonly FileRange[], filePath: string): void {
  const sorted = ranges.filter((r) => r.length > 0).sort((a, b) => a.offset - b.offset);
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i]!.offset;
    let end = start + sorted[i]!.length;
    i++;
    while (i < sorted.length && sorted[i]!.offset - end <= MERGE_GAP_BYTES) {
      end = Math.max(end, sorted[i]!.offset + sorted[i]!.length);
      i++;
    }
    readExactly(fd, bytes, start, start, end - start, filePath);
  }
}

/** `readSync` until `length` bytes are in, or fails on a file shorter than its directory says. */
function readExactly(fd: number, into: Uint8Array, intoOffset: number, position: number, length: number, filePath: string): Uint8Array {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, into, intoOffset + done, length - done, position + done);
    if (n === 0) throw new FontFileError('service.font.endsEarly', { path: filePath, byte: String(position + done) });
    done += n;
  }
  return into;
}
