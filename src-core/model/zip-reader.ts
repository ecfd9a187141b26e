/**
 * A bounded zip reader for `.folio` files: a hostile archive must not be able to make reading it slow,
 * huge or silently wrong.
 *
 * 1. Directory: find the end-of-central-directory record, then read every central-directory entry (name,
 *    method, CRC-32, sizes, local-header offset) without inflating anything. Duplicate names, zip64, encrypted
 *    entries and methods other than stored/deflate are refused, so every name has exactly one meaning.
 * 2. Extract on demand: only entries the caller asks for are inflated, each against the size its directory
 *    entry declares and a per-entry cap the caller gives, checked while streaming (fflate's `Inflate`): output
 *    beyond the declared size stops the inflation at once, so a small file cannot grow into gigabytes.
 * 3. Verify: the inflated length must equal the declared size and its CRC-32 the recorded one; a damaged
 *    entry is an error, never silently wrong text or pictures.
 */
import { Inflate, strFromU8 } from 'fflate';
import type { MessageKey } from '../i18n/messages/en.js';
import type { ServiceMessage, ServiceMessageValue } from '../i18n/service-message.js';

/**
 * Why an archive could not be read; the message names the entry and the problem, in English (logs), and
 * `uiMessage` says the same as a catalogue message (`service.zip.*`), for the interface language.
 */
export class ZipReadError extends Error {
  constructor(message: string, readonly uiMessage: ServiceMessage) {
    super(message);
    this.name = 'ZipReadError';
  }
}

/** A `ZipReadError` with its English `message` and its catalogue line. */
function refusal(message: string, key: MessageKey, values?: Record<string, ServiceMessageValue>): ZipReadError {
  return new ZipReadError(message, values ? { key, values } : { key });
}

/** One entry of the central directory. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflate. */
  readonly method: number;
  readonly crc32: number;
  readonly compressedBytes: number;
  /** Size the directory declares for the inflated data, bytes. */
  readonly sizeBytes: number;
  readonly localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** Fixed part of the end-of-central-directory record, bytes. */
const EOCD_BYTES = 22;
/** The EOCD may be followed by a comment of at most 65,535 bytes: the search never goes further back. */
const MAX_EOCD_SEARCH_BYTES = EOCD_BYTES + 0xffff;
/** A zip64 archive marks sizes and offsets with this value; `.folio` files never need zip64. */
const ZIP64_MARKER = 0xffffffff;
/** General-purpose flag bit 0: the entry is encrypted. */
const FLAG_ENCRYPTED = 1;
/**
 * Compressed data is handed to the inflater in slices this long, so the size check runs while it inflates: deflate
 * expands at most about 1,032×, so one slice can never make more than about 16 MB before the check.
 */
const INFLATE_SLICE_BYTES = 16 * 1024;

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[i] = c;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as zip and PNG use it) of `bytes`, as an unsigned 32-bit number. */
export function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A zip archive's directory, read once; entries are inflated only through `extract`. */
export class ZipArchive {
  private readonly byName: ReadonlyMap<string, ZipEntry>;

  /**
   * Reads the central directory (nothing is inflated).
   * @throws ZipReadError when the bytes are not a zip archive this reader accepts (see the module summary)
   */
  constructor(private readonly bytes: Uint8Array) {
    this.byName = readDirectory(bytes);
  }

  /** The entry called `name`, if the archive has one. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /**
   * Inflates and verifies one entry.
   * @param maxBytes the largest inflated size accepted for this entry
   * @throws ZipReadError when the entry is larger than `maxBytes`, inflates to another size than declared, or
   *   fails its CRC check
   */
  extract(entry: ZipEntry, maxBytes: number): Uint8Array {
    if (entry.sizeBytes > maxBytes) {
      throw refusal(`${entry.name} is ${formatBytes(entry.sizeBytes)}, more than the ${formatBytes(maxBytes)} allowed.`, 'service.zip.entryTooLarge', { entry: entry.name, sizeMb: wholeMb(entry.sizeBytes), maxMb: wholeMb(maxBytes) });
    }
    const dataStart = localDataStart(this.bytes, entry);
    if (dataStart + entry.compressedBytes > this.bytes.length) throw refusal(`${entry.name} is cut short: the archive ends inside it.`, 'service.zip.cutShort', { entry: entry.name });
    const compressed = this.bytes.subarray(dataStart, dataStart + entry.compressedBytes);
    const data = entry.method === 0 ? compressed.slice() : inflateBounded(compressed, entry);
    if (data.length !== entry.sizeBytes) throw refusal(`${entry.name} is damaged: it holds ${data.length} bytes where the archive says ${entry.sizeBytes}.`, 'service.zip.sizeMismatch', { entry: entry.name, actualBytes: data.length, declaredBytes: entry.sizeBytes });
    if (crc32(data) !== entry.crc32) throw refusal(`${entry.name} is damaged: its checksum (CRC-32) does not match.`, 'service.zip.checksum', { entry: entry.name });
    return data;
  }
}

function readDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = bytes.length - EOCD_BYTES; at >= 0 && bytes.length - at <= MAX_EOCD_SEARCH_BYTES; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw refusal('it is not a zip archive (no end-of-archive record).', 'service.zip.notZip');
  const count = view.getUint16(eocd + 10, true);
  const directoryBytes = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryBytes === ZIP64_MARKER || directoryOffset === ZIP64_MARKER) {
    throw refusal('it is a zip64 archive, which a Folio document never needs.', 'service.zip.zip64');
  }
  if (directoryOffset + directoryBytes > eocd) throw refusal('its directory lies outside the archive.', 'service.zip.directoryOutside');
  const entries = new Map<string, ZipEntry>();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw refusal('its directory is damaged.', 'service.zip.directoryDamaged');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const nameBytes = view.getUint16(at + 28, true);
    const extraBytes = view.getUint16(at + 30, true);
    const commentBytes = view.getUint16(at + 32, true);
    if (at + 46 + nameBytes > eocd) throw refusal('its directory is damaged.', 'service.zip.directoryDamaged');
    // Bit 11 says UTF-8; Folio writes only ASCII names, and others are read as Latin-1 like fflate does.
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameBytes), (flags & 0x800) === 0);
    const entry: ZipEntry = {
      name,
      method,
      crc32: view.getUint32(at + 16, true),
      compressedBytes: view.getUint32(at + 20, true),
      sizeBytes: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    if (entries.has(name)) throw refusal(`it holds ${name} twice, so which one is meant is unclear.`, 'service.zip.duplicate', { entry: name });
    if (flags & FLAG_ENCRYPTED) throw refusal(`${name} is encrypted.`, 'service.zip.encrypted', { entry: name });
    if (method !== 0 && method !== 8) throw refusal(`${name} uses compression method ${method}; only stored and deflate are read.`, 'service.zip.method', { entry: name, method });
    if (entry.compressedBytes === ZIP64_MARKER || entry.sizeBytes === ZIP64_MARKER || entry.localHeaderOffset === ZIP64_MARKER) {
      throw refusal(`${name} needs zip64, which a Folio document never does.`, 'service.zip.entryZip64', { entry: name });
    }
    entries.set(name, entry);
    at += 46 + nameBytes + extraBytes + commentBytes;
  }
  return entries;
}

function localDataStart(bytes: Uint8Array, entry: ZipEntry): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw refusal(`${entry.name} is damaged (no local header where the directory says).`, 'service.zip.noLocalHeader', { entry: entry.name });
  return at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
}

function inflateBounded(compressed: Uint8Array, entry: ZipEntry): Uint8Array {
  let inflated: { data: Uint8Array; ended: boolean };
  try {
    inflated = inflateRawWithin(compressed, entry.sizeBytes, () => refusal(`${entry.name} is damaged: it inflates to more than the ${entry.sizeBytes} bytes the archive says.`, 'service.zip.inflatesTooMuch', { entry: entry.name, declaredBytes: entry.sizeBytes }));
  } catch (err) {
    if (err instanceof ZipReadError) throw err;
    // The inflater's own words are the detail (shown in parentheses in Chinese), not the sentence.
    throw refusal(`${entry.name} is damaged: ${(err as Error).message}.`, 'service.zip.inflateFailed', { entry: entry.name, detail: (err as Error).message });
  }
  if (!inflated.ended) throw refusal(`${entry.name} is damaged: its compressed data ends early.`, 'service.zip.endsEarly', { entry: entry.name });
  return inflated.data;
}

/**
 * Inflates raw deflate data into at most `maxBytes`, checking the size while it inflates (slice by slice), so a
 * deflate bomb costs at most one slice's output beyond the limit, never the memory or time of inflating it whole.
 * @param tooBig the error thrown when the output would exceed `maxBytes`
 * @returns the inflated bytes and whether the deflate stream ended (false: the data stops early)
 * @throws the `tooBig` error, or fflate's error for invalid deflate data
 */
export function inflateRawWithin(compressed: Uint8Array, maxBytes: number, tooBig: () => Error): { data: Uint8Array; ended: boolean } {
  const out = new Uint8Array(maxBytes);
  let written = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > out.length) throw tooBig();
    out.set(chunk, written);
    written += chunk.length;
    if (final) ended = true;
  });
  for (let at = 0; at < compressed.length; at += INFLATE_SLICE_BYTES) {
    inflater.push(compressed.subarray(at, at + INFLATE_SLICE_BYTES), at + INFLATE_SLICE_BYTES >= compressed.length);
  }
  if (compressed.length === 0) inflater.push(compressed, true);
  return { data: written === out.length ? out : out.subarray(0, written), ended };
}

/** Bytes as whole megabytes, for the catalogue's lines (the limits checked are tens of MB). */
function wholeMb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : `${bytes} bytes`;
}
