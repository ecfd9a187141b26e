/**
 * Document-level metadata: the Info dictionary, PDF/X-1a:2001 identification and OutputIntent,
 * and a reproducible trailer /ID.
 *
 * 1. `writeDocumentInfo`: Title, Producer, Creator, CreationDate and ModDate from the passed-in clock
 *    (never pdf-lib's "now"); for print also Trapped /False and the GTS_PDFX keys. `setHeaderVersion`
 *    then marks the saved file %PDF-1.3 (PDF/X-1a:2001 is based on PDF 1.3).
 * 2. `writeOutputIntent`: /S /GTS_PDFX with the registered output condition (no embedded profile:
 *    a registered characterisation such as IFRA26 needs none).
 * 3. `reserveDocumentId` writes a zero placeholder /ID; `stampDocumentId` replaces it in the saved
 *    bytes with a hash of those bytes, so the same input and date give the same file, byte for byte.
 */
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { hash128, toHex } from './hash.js';

/** Producer/Creator written into every export. */
export const PRODUCER = 'Folio PDF exporter';
/** Info /GTS_PDFXVersion for the print preset (ISO 15930-1). */
export const PDFX_VERSION = 'PDF/X-1:2001';
/** Info /GTS_PDFXConformance for the print preset (ISO 15930-1). */
export const PDFX_CONFORMANCE = 'PDF/X-1a:2001';
/** ICC registry for registered output conditions. */
export const PDFX_REGISTRY = 'http://www.color.org';
/** Length of the /ID placeholder: 16 bytes as hex. */
const ID_HEX_LENGTH = 32;

/** What the Info dictionary says. */
export interface DocumentInfo {
  title: string;
  /** Subject line, e.g. paper, date and page range. */
  subject?: string;
  createdAt: Date;
}

/** The registered print condition the pages are prepared for. */
export interface OutputIntentSettings {
  outputConditionIdentifier: string;
  outputCondition: string;
}

/** Writes Info keys (and PDF/X keys for print). */
export function writeDocumentInfo(doc: PDFDocument, info: DocumentInfo, preset: 'print' | 'proof'): void {
  doc.setTitle(info.title);
  if (info.subject) doc.setSubject(info.subject);
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  doc.setCreationDate(info.createdAt);
  doc.setModificationDate(info.createdAt);
  if (preset !== 'print') return;
  const infoDict = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  infoDict.set(PDFName.of('Trapped'), PDFName.of('False'));
  infoDict.set(PDFName.of('GTS_PDFXVersion'), PDFString.of(PDFX_VERSION));
  infoDict.set(PDFName.of('GTS_PDFXConformance'), PDFString.of(PDFX_CONFORMANCE));
}

/** Adds the PDF/X OutputIntent to the catalog. */
export function writeOutputIntent(doc: PDFDocument, settings: OutputIntentSettings): void {
  if (!settings.outputConditionIdentifier.trim()) throw new RangeError('PDF/X output needs an output condition identifier (e.g. IFRA26)');
  const intent = doc.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: PDFString.of(settings.outputConditionIdentifier),
    OutputCondition: textString(settings.outputCondition),
    Info: textString(settings.outputCondition),
    RegistryName: PDFString.of(PDFX_REGISTRY),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([doc.context.register(intent)]));
}

/**
 * Rewrites the `%PDF-1.x` header of saved bytes in place (pdf-lib's writer always writes 1.7).
 * PDF/X-1a:2001 files declare PDF 1.3; nothing Folio writes in print needs a later version.
 * @throws RangeError when the bytes do not start with a PDF 1.x header
 */
export function setHeaderVersion(bytes: Uint8Array, minor: number): Uint8Array {
  const prefix = '%PDF-1.';
  for (let i = 0; i < prefix.length; i++) {
    if (bytes[i] !== prefix.charCodeAt(i)) throw new RangeError('Saved bytes do not start with a %PDF-1.x header');
  }
  if (!(minor >= 0 && minor <= 7)) throw new RangeError(`PDF 1.${minor} is not a valid version`);
  bytes[prefix.length] = 0x30 + minor;
  return bytes;
}

/** PDF minor version written for the print preset (PDF/X-1a:2001 is based on PDF 1.3). */
export const PDFX_PDF_MINOR_VERSION = 3;

/** Sets a placeholder trailer /ID (two equal zero strings) for `stampDocumentId` to fill in. */
export function reserveDocumentId(doc: PDFDocument): void {
  const zero = PDFHexString.of('0'.repeat(ID_HEX_LENGTH));
  doc.context.trailerInfo.ID = doc.context.obj([zero, zero]);
}

/**
 * Replaces the placeholder /ID in saved bytes with a hash of the bytes (in place: same length).
 * @throws RangeError when the placeholder is not found (reserveDocumentId was not called)
 */
export function stampDocumentId(bytes: Uint8Array): Uint8Array {
  const placeholder = new TextEncoder().encode(`<${'0'.repeat(ID_HEX_LENGTH)}>`);
  const second = lastIndexOf(bytes, placeholder, bytes.length);
  const first = second > 0 ? lastIndexOf(bytes, placeholder, second) : -1;
  if (first < 0) throw new RangeError('PDF has no /ID placeholder to stamp');
  const id = new TextEncoder().encode(toHex(hash128(bytes)).toUpperCase());
  bytes.set(id, first + 1);
  bytes.set(id, second + 1);
  return bytes;
}

/** Non-ASCII text (Chinese titles) needs UTF-16 hex strings; ASCII stays a plain literal. */
function textString(text: string): PDFString | PDFHexString {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) return PDFHexString.fromText(text);
  return PDFString.of(text);
}

function lastIndexOf(haystack: Uint8Array, needle: Uint8Array, before: number): number {
  outer: for (let i = Math.min(before, haystack.length) - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
