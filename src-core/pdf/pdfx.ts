/**
 * Document-level metadata: the Info dictionary, PDF/X identification (PDF/X-1a:2001 or PDF/X-4),
 * OutputIntent, XMP metadata and a reproducible trailer /ID.
 *
 * 1. `writeDocumentInfo`: Title, Producer, Creator, CreationDate and ModDate from the passed-in clock
 *    (never pdf-lib's "now"); for print also Trapped /False and the GTS_PDFX keys. `setHeaderVersion`
 *    then marks the saved file %PDF-1.3 (X-1a:2001 is based on PDF 1.3) or %PDF-1.6.
 * 2. `writeOutputIntent`: /S /GTS_PDFX with the output condition, and the plant's ICC profile as
 *    /DestOutputProfile when one is given (X-1a may rely on a registered characterisation such as
 *    IFRA26 alone; X-4 requires the profile).
 * 3. `writeXmpMetadata`: the catalog's XMP packet with the same title, dates, producer and
 *    Trapped as Info, pdfxid:GTS_PDFXVersion, and document/instance ids derived from the content.
 * 4. `reserveDocumentId` writes a zero placeholder /ID; `stampDocumentId` replaces it in the saved
 *    bytes with a hash of those bytes, so the same input and date give the same file, byte for byte.
 */
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { DEFAULT_FLATE_LEVEL, type Deflate } from './flate.js';
import { rawStream } from './raw-stream.js';
import { hash128, hashText, toHex } from './hash.js';
import type { IccProfileInfo } from './icc.js';
import { ServiceRangeError } from '../i18n/service-message.js';

/** Producer/Creator written into every export. */
export const PRODUCER = 'Folio PDF exporter';
/** The PDF/X standard a print export conforms to: X-1a:2001 (CMYK, PDF 1.3) or X-4 (PDF 1.6, XMP, ICC). */
export type PdfxStandard = 'x1a' | 'x4';
/** Info /GTS_PDFXVersion for the print preset (ISO 15930-1). */
export const PDFX_VERSION = 'PDF/X-1:2001';
/** Info and XMP /GTS_PDFXVersion of a PDF/X-4 file (ISO 15930-7). */
export const PDFX4_VERSION = 'PDF/X-4';
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

/** A plant ICC output profile to embed as the OutputIntent's DestOutputProfile. */
export interface EmbeddedOutputProfile {
  bytes: Uint8Array;
  info: IccProfileInfo;
}

/** Writes Info keys (and PDF/X keys for print, of the given standard). */
export function writeDocumentInfo(doc: PDFDocument, info: DocumentInfo, preset: 'print' | 'proof', standard: PdfxStandard = 'x1a'): void {
  doc.setTitle(info.title);
  if (info.subject) doc.setSubject(info.subject);
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  doc.setCreationDate(info.createdAt);
  doc.setModificationDate(info.createdAt);
  if (preset !== 'print') return;
  const infoDict = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  infoDict.set(PDFName.of('Trapped'), PDFName.of('False'));
  if (standard === 'x4') {
    // X-4 names only its version; GTS_PDFXConformance belongs to X-1a/X-3.
    infoDict.set(PDFName.of('GTS_PDFXVersion'), PDFString.of(PDFX4_VERSION));
    return;
  }
  infoDict.set(PDFName.of('GTS_PDFXVersion'), PDFString.of(PDFX_VERSION));
  infoDict.set(PDFName.of('GTS_PDFXConformance'), PDFString.of(PDFX_CONFORMANCE));
}

/**
 * Adds the PDF/X OutputIntent to the catalog, with the plant profile as DestOutputProfile when given.
 * @throws RangeError without an output condition identifier
 */
export function writeOutputIntent(doc: PDFDocument, settings: OutputIntentSettings, profile?: EmbeddedOutputProfile, deflate?: Deflate): void {
  // A template's output settings are the user's: an empty identifier is a refusal in words, not an invariant.
  if (!settings.outputConditionIdentifier.trim()) throw new ServiceRangeError({ key: 'service.export.noOutputCondition' });
  const intent = doc.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: PDFString.of(settings.outputConditionIdentifier),
    OutputCondition: textString(settings.outputCondition),
    Info: textString(profile?.info.description || settings.outputCondition),
    RegistryName: PDFString.of(PDFX_REGISTRY),
  });
  if (profile) {
    const data = deflate ? deflate(profile.bytes, DEFAULT_FLATE_LEVEL) : profile.bytes;
    const stream = rawStream(doc.context, data, { N: profile.info.components, ...(deflate ? { Filter: 'FlateDecode' } : {}) });
    intent.set(PDFName.of('DestOutputProfile'), doc.context.register(stream));
  }
  doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([doc.context.register(intent)]));
}

/** What the XMP packet of a PDF/X-4 file states (the same facts as Info). */
export interface XmpFacts {
  title: string;
  createdAt: Date;
  /** Anything that identifies the content (e.g. page ids and names); same facts ⇒ same document id. */
  identity: string;
}

/** Writes the catalog's XMP metadata stream (uncompressed, as metadata readers expect) for PDF/X-4. */
export function writeXmpMetadata(doc: PDFDocument, facts: XmpFacts): void {
  const when = facts.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const documentId = uuidFrom(hashText(`document:${facts.identity}`));
  const instanceId = uuidFrom(hashText(`instance:${facts.identity}:${when}`));
  const packet = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"',
    ' xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(facts.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<xmp:CreateDate>${when}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${when}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${when}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${PRODUCER}</xmp:CreatorTool>`,
    `<pdf:Producer>${PRODUCER}</pdf:Producer>`,
    '<pdf:Trapped>False</pdf:Trapped>',
    `<xmpMM:DocumentID>uuid:${documentId}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>uuid:${instanceId}</xmpMM:InstanceID>`,
    '<xmpMM:VersionID>1</xmpMM:VersionID>',
    '<xmpMM:RenditionClass>default</xmpMM:RenditionClass>',
    `<pdfxid:GTS_PDFXVersion>${PDFX4_VERSION}</pdfxid:GTS_PDFXVersion>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
  const stream = rawStream(doc.context, new TextEncoder().encode(packet), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}

function uuidFrom(digest: Uint8Array): string {
  const hex = toHex(digest.subarray(0, 16));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
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
/** PDF minor version of a PDF/X-4 file (ISO 15930-7 is based on PDF 1.6). */
export const PDFX4_PDF_MINOR_VERSION = 6;

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
